//! Accounts: sign-in and its limits, locking and unlocking, passwords,
//! sessions, cross-site posts, the audit rows they leave, and the first
//! admin made on the command line.
use super::*;

#[tokio::test]
async fn wrong_passwords_lock_the_account_and_an_admin_unlocks_it() {
    let app = TestApp::with_demo().await;
    assert_eq!(
        app.login_with("nosuchuser", "whatever-123")
            .await
            .unwrap_err(),
        "/login?error=wrong&username=nosuchuser"
    );
    assert_eq!(
        app.login_with("", "x").await.unwrap_err(),
        "/login?error=missing_username"
    );
    assert_eq!(
        app.login_with("chair", "").await.unwrap_err(),
        "/login?error=missing_password&username=chair"
    );
    for _ in 0..4 {
        assert_eq!(
            app.login_with("chair", "wrong-password").await.unwrap_err(),
            "/login?error=wrong&username=chair"
        );
    }
    assert_eq!(
        app.login_with("chair", "wrong-password").await.unwrap_err(),
        "/login?error=locked&username=chair"
    );
    // Locked: even the right password is refused, with the same clear reason.
    assert_eq!(
        app.login_with("chair", demo::DEMO_PASSWORD)
            .await
            .unwrap_err(),
        "/login?error=locked&username=chair"
    );
    assert_eq!(audit_count(&app.db, "user.lock").await, 1);

    let chair = users::Entity::find()
        .filter(users::Column::Username.eq("chair"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let admin = app.login("admin").await;
    let r = app
        .post(
            &format!("/admin/users/{}/unlock", chair.id),
            "",
            Some(&admin),
        )
        .await;
    let back = format!("/admin/users#user-{}", chair.id);
    assert_eq!(r.location.as_deref(), Some(back.as_str()));
    assert_eq!(audit_count(&app.db, "user.unlock").await, 1);
    assert!(app.login_with("chair", demo::DEMO_PASSWORD).await.is_ok());
}

#[tokio::test]
async fn posts_from_other_sites_are_refused_and_change_nothing() {
    let app = TestApp::with_demo().await;
    let session = app.login("secretary").await;
    let form = "current_password=sidhanto-demo&new_password=a-new-password-1&confirm_password=a-new-password-1";

    let r = app
        .request(post_request(
            "/account/password",
            form,
            Some(&session),
            false,
        ))
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "no Origin, no Sec-Fetch-Site"
    );
    let mut cross = post_request("/account/password", form, Some(&session), false);
    cross
        .headers_mut()
        .insert("sec-fetch-site", "cross-site".parse().unwrap());
    assert_eq!(app.request(cross).await.status, StatusCode::FORBIDDEN);
    let mut foreign = post_request("/api/meetings/list", "", Some(&session), false);
    foreign
        .headers_mut()
        .insert("origin", "http://evil.example".parse().unwrap());
    assert_eq!(app.request(foreign).await.status, StatusCode::FORBIDDEN);
    let login = app
        .request(post_request(
            "/login",
            "username=chair&password=sidhanto-demo",
            None,
            false,
        ))
        .await;
    assert_eq!(login.status, StatusCode::FORBIDDEN);
    assert!(login.cookie.is_none());

    assert_eq!(audit_count(&app.db, "user.password_change").await, 0);
    assert!(
        app.login_with("secretary", demo::DEMO_PASSWORD)
            .await
            .is_ok(),
        "the password is unchanged"
    );
}

#[tokio::test]
async fn password_change_is_checked_and_audited() {
    let app = TestApp::with_demo().await;
    let session = app.login("secretary").await;
    let change = |current: &str, new: &str, confirm: &str| {
        format!("current_password={current}&new_password={new}&confirm_password={confirm}")
    };
    let r = app
        .post(
            "/account/password",
            &change("wrong-password", "a-new-password-1", "a-new-password-1"),
            Some(&session),
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?error=wrong_current&field=current_password")
    );
    let r = app
        .post(
            "/account/password",
            &change("sidhanto-demo", "short", "short"),
            Some(&session),
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?error=too_short&field=new_password")
    );
    let r = app
        .post(
            "/account/password",
            &change("sidhanto-demo", "a-new-password-1", "another-one-22"),
            Some(&session),
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?error=mismatch&field=confirm_password")
    );
    assert_eq!(audit_count(&app.db, "user.password_change").await, 0);

    let r = app
        .post(
            "/account/password",
            &change("sidhanto-demo", "a-new-password-1", "a-new-password-1"),
            Some(&session),
        )
        .await;
    assert_eq!(r.location.as_deref(), Some("/account?ok=password"));
    assert_eq!(audit_count(&app.db, "user.password_change").await, 1);
    assert!(app
        .login_with("secretary", demo::DEMO_PASSWORD)
        .await
        .is_err());
    assert!(app
        .login_with("secretary", "a-new-password-1")
        .await
        .is_ok());
}

#[tokio::test]
async fn sessions_survive_a_restart() {
    let app = TestApp::with_demo().await;
    let session = app.login("chair").await;
    // A new server process: new pool, new router, same database.
    let restarted = test_router(startup::connect(&app.url).await.unwrap());
    let r = send(
        &restarted,
        post_request("/api/account/me", "", Some(&session), true),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let me: Option<CurrentUser> = serde_json::from_str(&r.body).unwrap();
    assert_eq!(me.map(|u| u.username).as_deref(), Some("chair"));

    // After logout the same cookie is worthless, on either instance.
    send(
        &restarted,
        post_request("/logout", "", Some(&session), true),
    )
    .await;
    let r = app.call("account/me", "", Some(&session)).await;
    assert_eq!(r.body, "null");
}

#[tokio::test]
async fn every_kind_of_change_leaves_an_audit_row() {
    let app = TestApp::with_demo().await;
    // The demo load itself: the meeting and one user per role.
    assert_eq!(audit_count(&app.db, "meeting.import").await, 1);
    assert_eq!(audit_count(&app.db, "user.create").await, 5);
    let admin = app.login("admin").await;
    let r = app
        .call("audit/recent", "office=&person=&from=&to=", Some(&admin))
        .await;
    let entries: Vec<AuditEntry> = serde_json::from_str(&r.body).unwrap();
    assert_eq!(entries.len(), 6);
    let meeting = app.meeting_id().await;
    let r = app
        .call("audit/meeting", &format!("id={meeting}"), Some(&admin))
        .await;
    let entries: Vec<AuditEntry> = serde_json::from_str(&r.body).unwrap();
    assert_eq!(
        entries
            .iter()
            .map(|e| e.action.as_str())
            .collect::<Vec<_>>(),
        ["meeting.import"]
    );
    // Password change, lock and unlock are covered by their own tests above.
}

#[tokio::test]
async fn create_user_makes_a_first_admin_who_can_sign_in() {
    let app = TestApp::with_demo().await;
    let args = |username: &str, office: Option<&str>| CreateUserArgs {
        username: username.into(),
        name: "নতুন প্রশাসক".into(),
        role: "admin".into(),
        office: office.map(str::to_owned),
        include_below: false,
    };
    // Two top-level offices (the division and the ICT directorate): say which.
    assert!(
        cli::create_user(&app.db, args("boss", None), "a-long-password")
            .await
            .is_err()
    );
    assert!(
        cli::create_user(&app.db, args("boss", Some("Department of ICT")), "short")
            .await
            .is_err()
    );
    cli::create_user(
        &app.db,
        args("boss", Some("Department of ICT")),
        "a-long-password",
    )
    .await
    .unwrap();
    assert!(
        cli::create_user(
            &app.db,
            args("BOSS", Some("Department of ICT")),
            "a-long-password"
        )
        .await
        .is_err(),
        "usernames are unique regardless of case"
    );
    let session = app
        .login_with("boss", "a-long-password")
        .await
        .expect("the new admin signs in");
    let r = app.call("admin/users", "", Some(&session)).await;
    assert_eq!(r.status, StatusCode::OK);
    let users: Vec<UserSummary> = serde_json::from_str(&r.body).unwrap();
    assert_eq!(
        users
            .iter()
            .map(|u| u.username.as_str())
            .collect::<Vec<_>>(),
        ["boss"],
        "only the ICT office's users"
    );
    assert_eq!(audit_count(&app.db, "user.create").await, 6);
}

#[tokio::test]
async fn one_address_cannot_try_logins_without_end() {
    let app = TestApp::with_demo().await;
    let from = |ip: &str| {
        let mut req = post_request(
            "/login",
            "username=nobody&password=wrong-password",
            None,
            true,
        );
        let addr: std::net::SocketAddr = format!("{ip}:40000").parse().unwrap();
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(addr));
        req
    };
    for _ in 0..20 {
        assert_eq!(
            app.request(from("192.0.2.7")).await.location.as_deref(),
            Some("/login?error=wrong&username=nobody")
        );
    }
    assert_eq!(
        app.request(from("192.0.2.7")).await.location.as_deref(),
        Some("/login?error=too_many&username=nobody")
    );
    assert_eq!(
        app.request(from("192.0.2.8")).await.location.as_deref(),
        Some("/login?error=wrong&username=nobody")
    );
}

#[tokio::test]
async fn behind_a_proxy_the_login_limit_counts_each_client_not_the_proxy() {
    let app = TestApp::with_demo().await;
    let args = ServeArgs {
        key_dir: std::env::temp_dir().join("sidhanto-test-keys"),
        evidence_dir: evidence_dir(),
        behind_proxy: true,
        ..ServeArgs::default()
    };
    let router = startup::router(app.db.clone(), &args);
    // Every request comes from nginx on 127.0.0.1; the client is the last
    // X-Forwarded-For entry (a forged first entry changes nothing).
    let from = |client: &str| {
        let mut req = post_request(
            "/login",
            "username=nobody&password=wrong-password",
            None,
            true,
        );
        req.headers_mut().insert(
            "x-forwarded-for",
            format!("10.9.9.9, {client}").parse().unwrap(),
        );
        let proxy: std::net::SocketAddr = "127.0.0.1:40000".parse().unwrap();
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(proxy));
        req
    };
    for _ in 0..20 {
        assert_eq!(
            send(&router, from("192.0.2.7")).await.location.as_deref(),
            Some("/login?error=wrong&username=nobody")
        );
    }
    assert_eq!(
        send(&router, from("192.0.2.7")).await.location.as_deref(),
        Some("/login?error=too_many&username=nobody")
    );
    assert_eq!(
        send(&router, from("192.0.2.8")).await.location.as_deref(),
        Some("/login?error=wrong&username=nobody"),
        "another client behind the same proxy may still sign in"
    );
}

#[tokio::test]
async fn a_hash_under_older_settings_signs_in_and_is_made_again() {
    let app = TestApp::with_demo().await;
    let find = || async {
        accounts::find_by_username(&app.db, "chair")
            .await
            .unwrap()
            .unwrap()
    };
    // password-auth 1.0's setting (19 MiB, two passes): every hash stored
    // before `server::password`.
    use argon2::password_hash::{rand_core::OsRng, PasswordHasher, SaltString};
    let old = argon2::Argon2::default()
        .hash_password(
            demo::DEMO_PASSWORD.as_bytes(),
            &SaltString::generate(&mut OsRng),
        )
        .unwrap()
        .to_string();
    let mut row: users::ActiveModel = find().await.into();
    row.password_hash = sea_orm::Set(old);
    sea_orm::ActiveModelTrait::update(row, &app.db)
        .await
        .unwrap();
    let audited = audit_count(&app.db, "user.password_change").await;

    let first = app.login("chair").await;
    let made_again = find().await.password_hash;
    assert!(
        made_again.starts_with("$argon2id$v=19$m=7168,t=5,p=1$"),
        "{made_again}"
    );
    // The same password, so nothing to audit and no session ends.
    assert_eq!(audit_count(&app.db, "user.password_change").await, audited);
    assert!(app.login_with("chair", "wrong-password").await.is_err());
    app.login("chair").await;
    assert_eq!(find().await.password_hash, made_again, "made once");
    let r = app.call("account/me", "", Some(&first)).await;
    assert!(r.body.contains("\"chair\""), "{}", r.body);
}

#[tokio::test]
async fn a_rehash_never_puts_back_a_password_reset_during_the_sign_in() {
    let app = TestApp::with_demo().await;
    let chair = accounts::find_by_username(&app.db, "chair")
        .await
        .unwrap()
        .unwrap();
    let admin = app.login("admin").await;
    // The sign-in read `chair` (and checked its hash); an admin's reset
    // commits before the sign-in stores its new hash of the old password.
    let r = app
        .post(
            &format!("/admin/users/{}/password", chair.id),
            "password=a-new-password-1",
            Some(&admin),
        )
        .await;
    assert!(r.location.unwrap().contains("ok=password"));
    let rehash = server::password::hash(demo::DEMO_PASSWORD).unwrap();
    accounts::record_successful_login(&app.db, &chair, Some(rehash))
        .await
        .unwrap();
    assert!(app.login_with("chair", demo::DEMO_PASSWORD).await.is_err());
    assert!(app.login_with("chair", "a-new-password-1").await.is_ok());
}
