//! An admin manages the accounts of their offices from `/admin/users`:
//! creates a user with a role, sets a forgotten password (ending the user's
//! sessions), grants another role; never outside their reach, and a refusal
//! comes back to the form with what was typed, beside its field. A chair's
//! account is a person of the directory: minutes whose chair has none are
//! not sent to wait for ever.
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
    assert!(back.ends_with("#done"));
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
    // A chair is a person of the directory (only they may approve minutes
    // naming them): refused without one, at the person field.
    let grant = form(&[("role", "chair"), ("office", "dc-dinajpur")]);
    let r = app
        .post(&format!("/admin/users/{id}/roles"), &grant, Some(&admin))
        .await;
    assert!(r
        .location
        .unwrap()
        .contains("error=users.error.chair_needs_person"));
    let chair = |person: &str| {
        form(&[
            ("username", "chair.dinajpur"),
            ("display_name", "জেলা প্রশাসক, দিনাজপুর"),
            ("password", "a-long-password"),
            ("role", "chair"),
            ("office", "dc-dinajpur"),
            ("person", person),
        ])
    };
    let r = app.post("/admin/users", &chair(""), Some(&admin)).await;
    assert!(r.location.unwrap().contains("field=person"));
    let person = server::db::entities::people::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let r = app
        .post("/admin/users", &chair(&person.to_string()), Some(&admin))
        .await;
    assert!(r.location.unwrap().contains("ok=created"));
    let linked = users::Entity::find()
        .filter(users::Column::Username.eq("chair.dinajpur"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(linked.person_id, Some(person));
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

#[tokio::test]
async fn the_audit_trail_is_filtered_by_office_person_and_days() {
    use app::domain::audit::AuditEntry;
    let app = TestApp::with_demo().await;
    let admin = app.login("admin").await;
    let trail = |query: &str| {
        let app = &app;
        let admin = admin.clone();
        let query = query.to_string();
        async move {
            let r = app.call("audit/recent", &query, Some(&admin)).await;
            assert_eq!(r.status, StatusCode::OK, "{query}: {}", r.body);
            serde_json::from_str::<Vec<AuditEntry>>(&r.body).unwrap()
        }
    };
    let all = trail("office=&person=&from=&to=").await;
    assert!(all.len() >= 6);
    // The demo's meeting event links to its meeting.
    let import = all.iter().find(|e| e.action == "meeting.import").unwrap();
    assert_eq!(
        import.meeting.as_ref().map(|m| m.0),
        Some(app.meeting_id().await)
    );
    // The system loaded the demo: no person did.
    assert!(trail("office=&person=secretary&from=&to=").await.is_empty());
    let dc = user_id(&app.db, "dc.dinajpur").await.unwrap();
    app.post(
        &format!("/admin/users/{dc}/password"),
        "password=a-new-password",
        Some(&admin),
    )
    .await;
    let theirs = trail("office=&person=admin&from=&to=").await;
    assert_eq!(theirs.len(), 1, "{theirs:?}");
    assert_eq!(theirs[0].action, "user.password_change");
    // Days in Bangladesh time: today has it, tomorrow nothing.
    let today = app::domain::dates::today_in_dhaka();
    let day = |d: chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
    let tomorrow = day(today.succ_opt().unwrap());
    assert_eq!(
        trail(&format!(
            "office=&person=admin&from={}&to={}",
            day(today),
            day(today)
        ))
        .await
        .len(),
        1
    );
    assert!(trail(&format!("office=&person=&from={tomorrow}&to="))
        .await
        .is_empty());
    // One office: the ICT directorate is not the admin's, so it is ignored;
    // Dinajpur's holds the password change (the user's office).
    let dinajpur = app.office_id("dc-dinajpur").await;
    let there = trail(&format!("office={dinajpur}&person=&from=&to=")).await;
    assert!(there.iter().any(|e| e.action == "user.password_change"));
    assert!(
        there.iter().all(|e| e.action != "meeting.import"),
        "the division's meeting is not Dinajpur's"
    );
    // A day that cannot be read is said so.
    let r = app
        .call(
            "audit/recent",
            "office=&person=&from=29/11/2026&to=",
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The page keeps the filter in its boxes.
    let page = app.get("/admin/audit?person=admin", Some(&admin)).await;
    assert!(
        page.body
            .contains(r#"id="person" name="person" value="admin""#),
        "{}",
        page.body
    );
}

#[tokio::test]
async fn minutes_whose_chair_has_no_account_are_not_sent_to_wait_for_ever() {
    let app = TestApp::with_demo().await;
    let mut m = seed_draft();
    m.chair.name = "মোঃ কামরুল হাসান".into();
    let id = server::store::minutes::create_draft(&app.db, &m, None)
        .await
        .unwrap();
    let secretary = app.login("secretary").await;
    let r = app
        .post(&format!("/meetings/{id}/submit"), "", Some(&secretary))
        .await;
    let back = r.location.unwrap();
    assert!(back.contains("error=issue.chair_without_account"), "{back}");
    assert_eq!(
        status_of(&app.db, id).await,
        "draft",
        "still the secretary's to correct"
    );
    let page = app.get(&back, Some(&secretary)).await;
    assert!(page.body.contains("তাই তিনি অনুমোদন করতে পারবেন না"));
}
