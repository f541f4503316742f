//! Limits: a form that would overflow the stack, a search with control
//! characters or a 10,000-letter word, more renders than the server allows
//! at once.
use super::*;
use app::i18n::bn;

#[tokio::test]
async fn a_field_name_200000_segments_deep_is_refused_and_the_server_lives() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    // Before the depth bound, reading this name overflowed the stack: an
    // abort of the whole process, this test binary included.
    let deep = "a.".repeat(200_000) + "a";
    let form = format!("office=rangpur-division&{deep}=x");
    let before = meetings::Entity::find().count(&app.db).await.unwrap();
    let r = app
        .request(form_post("/meetings/new", form, &secretary))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("minutes.unknown_field"), "{}", r.body);
    assert!(
        r.body.contains(bn("minutes.unknown_field")),
        "a message in words"
    );
    let rows = "agenda[0].decisions[0].text=x&".repeat(20_001);
    let r = app
        .request(form_post(
            "/meetings/new",
            format!("office=rangpur-division&{rows}"),
            &secretary,
        ))
        .await;
    assert!(r.body.contains("minutes.too_many_fields"), "{}", r.body);
    assert_eq!(
        meetings::Entity::find().count(&app.db).await.unwrap(),
        before
    );
    assert_eq!(app.get("/health", None).await.status, StatusCode::OK);
}

#[tokio::test]
async fn control_characters_and_long_queries_in_a_search_are_no_error() {
    let app = TestApp::with_demo().await;
    let viewer = app.login("viewer").await;
    for q in ["%00%00%00", "%E0%A6%B8%E0%A6%AD%E0%A6%BE%00", "%01%02abc"] {
        let r = app
            .call("search", &format!("query={q}"), Some(&viewer))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{q}: {}", r.body);
    }
    let long = "ক".repeat(10_000);
    let r = app
        .call("search", &format!("query={long}"), Some(&viewer))
        .await;
    assert_eq!(r.status, StatusCode::OK);
}

#[tokio::test]
async fn renders_beyond_the_limit_are_asked_to_wait() {
    let app = TestApp::with_demo().await;
    let args = ServeArgs {
        renders: 0,
        key_dir: std::env::temp_dir().join("sidhanto-test-keys"),
        evidence_dir: evidence_dir(),
        ..ServeArgs::default()
    };
    let busy = startup::router(app.db.clone(), &args);
    let viewer = app.login("viewer").await;
    let secretary = app.login("secretary").await;
    let issued = app.meeting_id().await;
    let r = app
        .post(&format!("/meetings/{issued}/correct"), "", Some(&secretary))
        .await;
    let draft = r.location.unwrap().trim_end_matches("/edit").to_string();
    let res = busy
        .oneshot(
            Request::get(format!("{draft}/memo.pdf"))
                .header("host", HOST)
                .header("cookie", &secretary)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(res.headers().get("retry-after").unwrap(), "5");
    // The issued memo is a stored file: no render, no wait.
    let r = app
        .get(&format!("/meetings/{issued}/memo.pdf"), Some(&viewer))
        .await;
    assert_eq!(r.status, StatusCode::OK);
}
