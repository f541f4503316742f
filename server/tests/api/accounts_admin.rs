//! An admin manages the accounts of their offices from `/admin/users`:
//! creates a user with a role, sets a forgotten password (ending the user's
//! sessions), grants another role; never outside their reach, and a refusal
//! comes back to the form with what was typed, beside its field.
use super::*;

fn form(pairs: &[(&str, &str)]) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        q.append_pair(k, v);
    }
    q.finish()
}

async fn user_id(db: &DatabaseConnection, username: &str) -> Option<Uuid> {
    users::Entity::find()
        .filter(users::Column::Username.eq(username))
        .one(db)
        .await
        .unwrap()
        .map(|u| u.id)
}

#[tokio::test]
async fn an_admin_creates_a_user_sets_a_password_and_grants_a_role() {
    let app = TestApp::with_demo().await;
    let admin = app.login("admin").await;
    let new = |username: &str, password: &str| {
        form(&[
            ("username", username),
            ("display_name", "উপজেলা নির্বাহী অফিসার, পীরগঞ্জ"),
            ("password", password),
            ("role", "implementer"),
            ("office", "dc-dinajpur"),
        ])
    };

    // A bad name and a short password: refused beside the field, with what
    // was typed and never the password; nothing created.
    let r = app
        .post(
            "/admin/users",
            &new("UNO Pirganj", "a-long-password"),
            Some(&admin),
        )
        .await;
    let back = r.location.unwrap();
    assert!(
        back.contains("field=username") && back.contains("error=users.error.username"),
        "{back}"
    );
    assert!(
        back.contains("display_name=") && !back.contains("a-long-password"),
        "{back}"
    );
    let page = app.get(&back, Some(&admin)).await;
    assert!(
        page.body.contains("৩–৪০ অক্ষরের"),
        "the message is on the page"
    );
    assert!(
        page.body.contains("value=\"UNO Pirganj\""),
        "the name as typed"
    );
    let r = app
        .post("/admin/users", &new("uno.pirganj", "short"), Some(&admin))
        .await;
    assert!(r
        .location
        .unwrap()
        .contains("error=account.error.too_short"));
    assert_eq!(user_id(&app.db, "uno.pirganj").await, None);

    // Created: they sign in with the first password and act for the office.
    let r = app
        .post(
            "/admin/users",
            &new("uno.pirganj", "first-password-1"),
            Some(&admin),
        )
        .await;
    let back = r.location.unwrap();
    assert!(back.contains("ok=created"), "{back}");
    let id = user_id(&app.db, "uno.pirganj").await.expect("created");
    assert!(back.ends_with(&format!("#user-{id}")));
    let theirs = app
        .login_with("uno.pirganj", "first-password-1")
        .await
        .unwrap();
    assert_eq!(app.get("/my", Some(&theirs)).await.status, StatusCode::OK);
    // The same name again is taken.
    let r = app
        .post(
            "/admin/users",
            &new("uno.pirganj", "first-password-1"),
            Some(&admin),
        )
        .await;
    assert!(r.location.unwrap().contains("error=users.error.taken"));

    // A forgotten password: the admin sets one; every session ends.
    let r = app
        .post(
            &format!("/admin/users/{id}/password"),
            "password=short",
            Some(&admin),
        )
        .await;
    let back = r.location.unwrap();
    assert!(
        back.contains(&format!("user={id}")) && back.contains("field=password"),
        "{back}"
    );
    let page = app.get(&back, Some(&admin)).await;
    assert!(
        page.body.contains("<details open"),
        "the user's forms open at the error"
    );
    let r = app
        .post(
            &format!("/admin/users/{id}/password"),
            "password=second-password-2",
            Some(&admin),
        )
        .await;
    assert!(r.location.unwrap().contains("ok=password"));
    let old = app.get("/my", Some(&theirs)).await;
    assert_eq!(old.status, StatusCode::SEE_OTHER, "the old session ended");
    assert!(app
        .login_with("uno.pirganj", "first-password-1")
        .await
        .is_err());
    app.login_with("uno.pirganj", "second-password-2")
        .await
        .unwrap();

    // Another role, once.
    let grant = form(&[("role", "viewer"), ("office", "dc-dinajpur")]);
    let r = app
        .post(&format!("/admin/users/{id}/roles"), &grant, Some(&admin))
        .await;
    assert!(r.location.unwrap().contains("ok=granted"));
    let r = app
        .post(&format!("/admin/users/{id}/roles"), &grant, Some(&admin))
        .await;
    assert!(r.location.unwrap().contains("error=users.error.has_role"));
    let list: Vec<UserSummary> =
        serde_json::from_str(&app.call("admin/users", "", Some(&admin)).await.body).unwrap();
    let theirs = list.iter().find(|u| u.id == id).unwrap();
    let mut roles: Vec<&str> = theirs.grants.iter().map(|g| g.role.code()).collect();
    roles.sort();
    assert_eq!(roles, ["implementer", "viewer"]);
    assert_eq!(audit_count(&app.db, "user.grant").await, 1);
}

#[tokio::test]
async fn an_admin_acts_only_within_their_reach() {
    let app = TestApp::with_demo().await;
    add_other_admin(&app).await;
    let other = app.login("admin.doict").await;
    let dc = user_id(&app.db, "dc.dinajpur").await.unwrap();
    // Not their user: refused before anything is read or changed.
    for (path, body) in [
        (
            format!("/admin/users/{dc}/password"),
            "password=another-password".to_string(),
        ),
        (
            format!("/admin/users/{dc}/roles"),
            "role=viewer&office=dc-dinajpur".to_string(),
        ),
    ] {
        let r = app.post(&path, &body, Some(&other)).await;
        assert_eq!(r.status, StatusCode::FORBIDDEN, "{path}");
    }
    app.login("dc.dinajpur").await;
    // Not their office: the new user is refused at the office field.
    let r = app
        .post(
            "/admin/users",
            &form(&[
                ("username", "someone"),
                ("display_name", "Someone"),
                ("password", "a-long-password"),
                ("role", "admin"),
                ("office", "dc-dinajpur"),
            ]),
            Some(&other),
        )
        .await;
    let back = r.location.unwrap();
    assert!(
        back.contains("field=office") && back.contains("error=error.forbidden"),
        "{back}"
    );
    assert_eq!(user_id(&app.db, "someone").await, None);
    // Not an admin at all: 403.
    let secretary = app.login("secretary").await;
    let r = app
        .post("/admin/users", "username=x", Some(&secretary))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
}
