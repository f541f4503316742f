//! The bad-input tour: every POST of the authorization matrix with each kind
//! of bad input.
use super::*;

/// Rows that a refused request must leave as they were.
async fn record_counts(db: &DatabaseConnection) -> Vec<u64> {
    use server::db::entities::{holidays, memo_issues, people, progress_events};
    vec![
        meetings::Entity::find().count(db).await.unwrap(),
        decisions::Entity::find().count(db).await.unwrap(),
        assignments::Entity::find().count(db).await.unwrap(),
        progress_events::Entity::find().count(db).await.unwrap(),
        memo_issues::Entity::find().count(db).await.unwrap(),
        people::Entity::find().count(db).await.unwrap(),
        holidays::Entity::find().count(db).await.unwrap(),
        users::Entity::find().count(db).await.unwrap(),
    ]
}

/// Every POST of the authorization matrix, sent by someone it allows, with
/// each kind of bad input: an answer that is no server error and that says
/// what is wrong in the user's language, and nothing written.
#[tokio::test]
async fn the_bad_input_tour_changes_nothing_and_never_answers_a_server_error() {
    let app = TestApp::with_demo().await;
    add_other_admin(&app).await;
    let meeting = app.meeting_id().await;
    let dinajpur = app.office_id("dc-dinajpur").await;
    let part = assignments::Entity::find()
        .filter(assignments::Column::OfficeId.eq(dinajpur))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let word = "ক".repeat(10_000);
    let inputs: Vec<(&str, &str, Vec<u8>)> = vec![
        ("an oversized body", "application/x-www-form-urlencoded", vec![b'a'; 3 << 20]),
        ("a wrong content type", "text/plain", b"title=x".to_vec()),
        ("invalid UTF-8", "application/x-www-form-urlencoded", b"title=\xff\xfe&note=\xc3(&id=\xff".to_vec()),
        ("control characters", "application/x-www-form-urlencoded", b"title=%00%01%1b&note=%00&comment=%07&name=%00&query=%00%00%00&id=%00".to_vec()),
        ("a 10,000-character word", "application/x-www-form-urlencoded",
            format!("title={word}&note={word}&comment={word}&name={word}&query={word}&username={word}&password={word}").into_bytes()),
        ("a missing field", "application/x-www-form-urlencoded", vec![]),
    ];
    let before = record_counts(&app.db).await;
    for &(method, path, allowed) in MATRIX {
        // Signing out and starting a correction take no input (the body is
        // not read) and are meant to change something.
        if method != "POST" || path == "/logout" || path == "/meetings/{id}/correct" {
            continue;
        }
        let who = allowed.iter().find(|w| **w != Who::Nobody).copied();
        let username = match who {
            Some(Who::Viewer) => Some("viewer"),
            Some(Who::Secretary) => Some("secretary"),
            Some(Who::Chair) => Some("chair"),
            Some(Who::Implementer) => Some("dc.dinajpur"),
            Some(Who::Admin) | Some(Who::OtherAdmin) => Some("admin"),
            Some(Who::Nobody) | None => None,
        };
        let id = if path.starts_with("/assignments/") {
            part
        } else {
            meeting
        };
        let path = path
            .replace("{id}", &id.to_string())
            .replace("{code}", "nosuchcode");
        for (name, kind, body) in &inputs {
            let session = match username {
                Some(u) => app.login(u).await,
                None => String::new(),
            };
            let req = Request::post(&path)
                .header("host", HOST)
                .header("origin", ORIGIN)
                .header("content-type", *kind)
                .header("cookie", format!("{session}; lang=en"))
                .body(Body::from(body.clone()))
                .unwrap();
            let r = app.request(req).await;
            assert!(
                !r.status.is_server_error(),
                "{path} with {name} answered {}: {}",
                r.status,
                r.body.chars().take(300).collect::<String>()
            );
            if r.status.is_client_error() {
                assert!(
                    !r.body.trim().is_empty()
                        && ![
                            "Failed to",
                            "Expected",
                            "Form requests",
                            "deserialize",
                            "Content-Type",
                            "Unreachable"
                        ]
                        .iter()
                        .any(|raw| r.body.contains(raw)),
                    "{path} with {name}: a message in the user's words, got {:?}",
                    r.body.chars().take(300).collect::<String>()
                );
            }
        }
    }
    assert_eq!(record_counts(&app.db).await, before, "nothing was written");
}

#[tokio::test]
async fn an_unknown_address_answers_404_with_the_way_back() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let page = app.get("/no/such/page", Some(&secretary)).await;
    assert_eq!(page.status, StatusCode::NOT_FOUND);
    let text = page.body.replace("<!>", "");
    assert!(text.contains("পাতাটি নেই"), "{text}");
    assert!(text.contains(r#"href="/""#), "the way back");
    assert!(
        text.contains(r#"href="/my""#),
        "the signed-in header: {text}"
    );
    // Signed out, the address is not even looked at: to the login form.
    let r = app.get("/no/such/page", None).await;
    assert!(r.location.unwrap().starts_with("/login?next="));
    // A form posted to no address: 404 too, never a server error.
    for session in [Some(secretary.as_str()), None] {
        let r = app.post("/no/such/form", "x=1", session).await;
        assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    }
    // A form posted to a page (not a form's address): never a server error.
    let admin = app.login("admin").await;
    let r = app.post("/admin/users/", "", Some(&admin)).await;
    assert!(r.status.is_client_error(), "{}: {}", r.status, r.body);
}
