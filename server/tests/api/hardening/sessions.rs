//! Sign-in and sessions: parallel wrong passwords, where a login sends the
//! browser, sessions that end, slide and expire, and what browsers keep.
use super::*;
use server::db::entities::sessions;

#[tokio::test]
async fn fifteen_wrong_passwords_at_once_lock_the_account() {
    let app = TestApp::with_demo().await;
    let tries = (0..15).map(|_| {
        let router = app.router.clone();
        tokio::spawn(async move {
            send(
                &router,
                post_request(
                    "/login",
                    "username=viewer&password=wrong-password",
                    None,
                    true,
                ),
            )
            .await
            .location
        })
    });
    for t in tries {
        t.await.unwrap();
    }
    let viewer = accounts::find_by_username(&app.db, "viewer")
        .await
        .unwrap()
        .unwrap();
    assert!(
        viewer.locked_until.is_some_and(|t| t > chrono::Utc::now()),
        "each parallel wrong try counted: the account is locked"
    );
    let refused = app
        .login_with("viewer", demo::DEMO_PASSWORD)
        .await
        .unwrap_err();
    assert!(refused.contains("error=locked"), "{refused}");
}

#[tokio::test]
async fn after_login_and_language_switch_only_local_paths_are_followed() {
    let app = TestApp::with_demo().await;
    for next in [
        "/%09/evil.example",
        "//evil.example",
        "/%5Cevil.example",
        "https://evil.example",
    ] {
        let form = format!(
            "username=viewer&password={}&next={next}",
            demo::DEMO_PASSWORD
        );
        let r = app.post("/login", &form, None).await;
        assert_eq!(r.location.as_deref(), Some("/"), "login next={next}");
        let r = app
            .post("/lang", &format!("lang=en&back={next}"), None)
            .await;
        assert_eq!(r.location.as_deref(), Some("/"), "lang back={next}");
    }
    let r = app.post("/lang", "lang=en&back=/meetings", None).await;
    assert_eq!(r.location.as_deref(), Some("/meetings"));
}

#[tokio::test]
async fn a_password_change_ends_the_accounts_other_sessions() {
    let app = TestApp::with_demo().await;
    let here = app.login("viewer").await;
    let elsewhere = app.login("viewer").await;
    let new = "নতুন-পাসওয়ার্ড-১২৩";
    let form = format!(
        "current_password={}&new_password={new}&confirm_password={new}",
        demo::DEMO_PASSWORD
    );
    let r = app.post("/account/password", &form, Some(&here)).await;
    assert_eq!(r.location.as_deref(), Some("/account?ok=password"));
    let here = r.cookie.expect("this session goes on under a new id");
    assert_eq!(app.get("/", Some(&here)).await.status, StatusCode::OK);
    let r = app.get("/", Some(&elsewhere)).await;
    assert!(
        r.location.is_some_and(|l| l.starts_with("/login")),
        "the other device is signed out"
    );
}

#[tokio::test]
async fn sessions_slide_with_use_and_expired_ones_are_deleted() {
    let app = TestApp::with_demo().await;
    let cookie = app.login("viewer").await;
    let id = cookie.trim_start_matches("sidhanto_session=").to_string();
    let row = sessions::Entity::find_by_id(id.clone())
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    // As if the session was last touched an hour ago, with 7 hours left.
    let stale = row.data.replace(
        &format!("\"{}\":", server::middleware::SEEN_KEY),
        &format!("\"{}\":0,\"was\":", server::middleware::SEEN_KEY),
    );
    let soon = chrono::Utc::now() + chrono::Duration::hours(7);
    sessions::Entity::update_many()
        .col_expr(
            sessions::Column::Data,
            sea_orm::sea_query::Expr::value(stale),
        )
        .col_expr(
            sessions::Column::ExpiresAt,
            sea_orm::sea_query::Expr::value(soon),
        )
        .filter(sessions::Column::Id.eq(id.clone()))
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(app.get("/", Some(&cookie)).await.status, StatusCode::OK);
    let row = sessions::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(
        row.expires_at > chrono::Utc::now() + chrono::Duration::minutes(7 * 60 + 55),
        "use moved the expiry to 8 hours from now: {}",
        row.expires_at
    );

    sessions::Entity::insert(sessions::ActiveModel {
        id: sea_orm::ActiveValue::Set("expired".into()),
        data: sea_orm::ActiveValue::Set("{}".into()),
        expires_at: sea_orm::ActiveValue::Set(chrono::Utc::now() - chrono::Duration::hours(1)),
    })
    .exec_without_returning(&app.db)
    .await
    .unwrap();
    assert_eq!(
        server::store::sessions::delete_expired(&app.db)
            .await
            .unwrap(),
        1
    );
    assert!(sessions::Entity::find_by_id("expired")
        .one(&app.db)
        .await
        .unwrap()
        .is_none());
}

#[tokio::test]
async fn signed_in_pages_pdfs_and_files_are_not_stored_by_browsers() {
    let app = TestApp::with_demo().await;
    let id = app.meeting_id().await;
    let viewer = app.login("viewer").await;
    for path in [
        "/".to_string(),
        format!("/meetings/{id}"),
        format!("/meetings/{id}/memo.pdf"),
        format!("/meetings/{id}/minutes.json"),
        "/reports/implementation.csv".to_string(),
    ] {
        let res = app
            .router
            .clone()
            .oneshot(
                Request::get(&path)
                    .header("host", HOST)
                    .header("cookie", &viewer)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(
            res.headers()
                .get("cache-control")
                .map(|v| v.to_str().unwrap()),
            Some("private, no-store"),
            "{path}"
        );
    }
}
