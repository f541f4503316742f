//! Who may call what: the authorization matrix, which the matrix test and
//! the bad-input tour both walk.
use super::*;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Who {
    Nobody,
    Viewer,
    Secretary,
    Chair,
    Implementer,
    Admin,
    /// An admin of another office (the ICT directorate), not above Rangpur.
    OtherAdmin,
}

pub(crate) const EVERYONE: &[Who] = &[
    Who::Nobody,
    Who::Viewer,
    Who::Secretary,
    Who::Chair,
    Who::Implementer,
    Who::Admin,
    Who::OtherAdmin,
];
pub(crate) const SIGNED_IN: &[Who] = &[
    Who::Viewer,
    Who::Secretary,
    Who::Chair,
    Who::Implementer,
    Who::Admin,
    Who::OtherAdmin,
];
pub(crate) const ADMINS: &[Who] = &[Who::Admin, Who::OtherAdmin];

/// Every server function and plain route, and who may call it. A server
/// function missing here fails `authorization_matrix`.
pub(crate) const MATRIX: &[(&str, &str, &[Who])] = &[
    ("POST", "/api/meetings/list", SIGNED_IN),
    ("POST", "/api/meetings/get", SIGNED_IN),
    ("POST", "/api/account/me", EVERYONE),
    ("POST", "/api/admin/users", ADMINS),
    ("POST", "/api/audit/recent", ADMINS),
    ("POST", "/api/audit/meeting", SIGNED_IN),
    ("GET", "/health", EVERYONE),
    ("POST", "/login", EVERYONE),
    ("POST", "/logout", EVERYONE),
    ("POST", "/lang", EVERYONE),
    ("POST", "/account/password", SIGNED_IN),
    // The Dinajpur implementer's account: only an admin above Dinajpur.
    ("POST", "/admin/users", &[Who::Admin, Who::OtherAdmin]),
    ("POST", "/admin/users/{id}/password", &[Who::Admin]),
    ("POST", "/admin/users/{id}/roles", &[Who::Admin]),
    ("POST", "/admin/users/{id}/unlock", &[Who::Admin]),
    ("GET", "/meetings/{id}/memo.pdf", SIGNED_IN),
    // An empty body: the secretary passes the check and gets 422.
    ("POST", "/meetings/import", &[Who::Secretary]),
    // An empty body: an admin passes the check and gets 422.
    ("POST", "/admin/records/import", ADMINS),
    ("GET", "/meetings/{id}/minutes.json", SIGNED_IN),
    ("POST", "/api/meetings/editor", &[Who::Secretary]),
    ("POST", "/api/directory/offices", ADMINS),
    ("POST", "/api/directory/people", ADMINS),
    // Empty forms: the secretary passes the checks and gets the problems.
    // An empty form: an admin passes the first check and is sent back to it.
    ("POST", "/admin/people", ADMINS),
    ("POST", "/admin/holidays", ADMINS),
    ("POST", "/api/admin/holidays", SIGNED_IN),
    ("POST", "/meetings/new", &[Who::Secretary]),
    ("POST", "/meetings/{id}/edit", &[Who::Secretary]),
    ("POST", "/api/meetings/workflow", SIGNED_IN),
    // No memo has this code: 404 for everyone, and nobody is turned away.
    ("POST", "/api/verify", EVERYONE),
    ("POST", "/verify/{code}", EVERYONE),
    // The demo meeting is issued: the permitted are told it is the wrong step.
    ("POST", "/meetings/{id}/submit", &[Who::Secretary]),
    ("POST", "/meetings/{id}/return", &[Who::Chair]),
    ("POST", "/meetings/{id}/approve", &[Who::Chair]),
    ("POST", "/meetings/{id}/correct", &[Who::Secretary]),
    ("POST", "/account/signature", SIGNED_IN),
    ("POST", "/api/assignments/mine", SIGNED_IN),
    ("POST", "/api/assignments/reminders", SIGNED_IN),
    ("POST", "/api/assignments/to_verify", SIGNED_IN),
    ("POST", "/api/my/waiting", EVERYONE),
    ("POST", "/api/meetings/to_approve", SIGNED_IN),
    // Dinajpur's part: Dinajpur and the Rangpur offices, not the ICT admin.
    (
        "POST",
        "/api/assignments/get",
        &[
            Who::Viewer,
            Who::Secretary,
            Who::Chair,
            Who::Implementer,
            Who::Admin,
        ],
    ),
    ("POST", "/api/dashboard", SIGNED_IN),
    ("POST", "/api/search", SIGNED_IN),
    ("POST", "/api/dashboard/compliance", SIGNED_IN),
    ("POST", "/api/meetings/carry_forward", SIGNED_IN),
    ("POST", "/api/meetings/assignments", SIGNED_IN),
    // Dinajpur's part of decision 01: its implementer; the meeting's
    // secretary and chair review (an empty form: told what is missing).
    ("POST", "/assignments/{id}/progress", &[Who::Implementer]),
    (
        "POST",
        "/assignments/{id}/review",
        &[Who::Secretary, Who::Chair],
    ),
    // No such file: 404 for the signed in.
    ("GET", "/evidence/{sha}", SIGNED_IN),
    ("GET", "/reports/{file}", SIGNED_IN),
];

/// `admin.doict`: an admin of another office (the ICT directorate), not
/// above Rangpur.
pub(crate) async fn add_other_admin(app: &TestApp) {
    let doict = offices::Entity::find()
        .filter(offices::Column::NameEn.eq("Department of ICT"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    accounts::create_user(
        &app.db,
        None,
        NewUser {
            username: "admin.doict",
            display_name: "ICT admin",
            person_id: None,
            password_hash: server::password::hash(demo::DEMO_PASSWORD).unwrap(),
            grants: vec![(Role::Admin, doict, true)],
        },
    )
    .await
    .unwrap();
}
