//! Hardening: each finding of the review, tried as an attacker or a careless
//! user would, through the same HTTP path; every test here failed before
//! its fix.
use super::*;
use crate::tracking::{mine, multipart};
use app::i18n::bn;
use server::db::entities::sessions;

fn form_post(path: &str, form: String, session: &str) -> Request<Body> {
    Request::post(path)
        .header("host", HOST)
        .header("origin", ORIGIN)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("cookie", session)
        .body(Body::from(form))
        .unwrap()
}

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
async fn fifty_writes_at_once_give_no_500_and_each_is_committed_once() {
    let app = TestApp::with_demo().await;
    let dc = app.login("dc.dinajpur").await;
    let secretary = app.login("secretary").await;
    let owed = mine(&app, &dc).await;
    let events_before = server::db::entities::progress_events::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    let meetings_before = meetings::Entity::find().count(&app.db).await.unwrap();
    let mut tasks = vec![];
    for i in 0..50 {
        let router = app.router.clone();
        let req = if i % 2 == 0 {
            let a = owed[i / 2 % owed.len()].id;
            let note = format!("অগ্রগতি {i}");
            multipart(
                &format!("/assignments/{a}/progress"),
                &[
                    ("status", None, b"in_progress"),
                    ("note", None, note.as_bytes()),
                ],
                &dc,
            )
        } else {
            let form = format!(
                "office=rangpur-division&title=%E0%A6%B8%E0%A6%AD%E0%A6%BE+{i}&chair.name=x&chair.designation=y&held_on=2026-11-01&fiscal_year=2026-27&quarter=2&format=sidhanto.meeting%2F1&kind=citizen_charter_quarterly&language=bn&venue=v&starts_at=10:00&preamble=&closing=&distribution.heading=&status=draft"
            );
            form_post("/meetings/new", form, &secretary)
        };
        tasks.push(tokio::spawn(async move { (i, send(&router, req).await) }));
    }
    let (mut reported, mut saved) = (0, 0);
    for t in tasks {
        let (i, r) = t.await.unwrap();
        assert!(
            !r.status.is_server_error(),
            "write {i}: {} {}",
            r.status,
            r.body
        );
        if i % 2 == 0
            && r.location
                .as_deref()
                .is_some_and(|l| l.contains("done=reported"))
        {
            reported += 1;
        }
        if i % 2 == 1 && r.status == StatusCode::OK {
            saved += 1;
        }
    }
    let events = server::db::entities::progress_events::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(reported, 25, "every report answered as reported");
    assert_eq!(events - events_before, reported, "each committed once");
    assert_eq!(saved, 25);
    assert_eq!(
        meetings::Entity::find().count(&app.db).await.unwrap() - meetings_before,
        saved
    );
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
async fn an_issued_memo_is_corrected_once() {
    let app = TestApp::with_demo().await;
    let id = app.meeting_id().await;
    let secretary = app.login("secretary").await;
    let first = app
        .post(&format!("/meetings/{id}/correct"), "", Some(&secretary))
        .await;
    assert!(first.location.unwrap().ends_with("/edit"));
    let second = app
        .post(&format!("/meetings/{id}/correct"), "", Some(&secretary))
        .await;
    assert!(
        second.location.unwrap().contains("issue.already_corrected"),
        "the second is refused with a message"
    );
    let corrections = meetings::Entity::find()
        .filter(meetings::Column::CorrectsId.eq(id))
        .count(&app.db)
        .await
        .unwrap();
    assert_eq!(corrections, 1);
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

#[tokio::test]
async fn a_refused_report_writes_no_evidence_file() {
    let app = TestApp::with_demo().await;
    let dc = app.login("dc.dinajpur").await;
    let a = mine(&app, &dc).await[0].id;
    // A PDF no other test uploads.
    let pdf = format!("%PDF-1.4\n% {}\n%%EOF\n", Uuid::new_v4()).into_bytes();
    let sha = server::keys::sha256(&pdf);
    let r = app
        .request(multipart(
            &format!("/assignments/{a}/progress"),
            // An implementer cannot verify their own work.
            &[
                ("status", None, b"verified"),
                ("evidence", Some("x.pdf"), &pdf),
            ],
            &dc,
        ))
        .await;
    assert!(r.location.unwrap().contains("error=tracking.not_allowed"));
    assert!(
        !evidence_dir().join(&sha[..2]).join(&sha).exists(),
        "checked first, nothing written"
    );
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

#[tokio::test]
async fn a_draft_is_read_by_its_offices_secretaries_chairs_and_admins_only() {
    let app = TestApp::with_demo().await;
    let issued = app.meeting_id().await;
    let secretary = app.login("secretary").await;
    let r = app
        .post(&format!("/meetings/{issued}/correct"), "", Some(&secretary))
        .await;
    let draft: Uuid = r.location.unwrap()["/meetings/".len()..][..36]
        .parse()
        .unwrap();
    for (who, may) in [
        ("secretary", true),
        ("chair", true),
        ("admin", true),
        ("viewer", false),
        ("dc.dinajpur", false),
    ] {
        let s = app.login(who).await;
        for path in [
            format!("/meetings/{draft}/minutes.json"),
            format!("/meetings/{draft}/memo.pdf"),
        ] {
            let r = app.get(&path, Some(&s)).await;
            let expected = if may {
                StatusCode::OK
            } else {
                StatusCode::FORBIDDEN
            };
            assert_eq!(r.status, expected, "{who} {path}");
        }
        for f in [
            "meetings/get",
            "audit/meeting",
            "meetings/workflow",
            "meetings/carry_forward",
        ] {
            let r = app.call(f, &format!("id={draft}"), Some(&s)).await;
            let expected = if may {
                StatusCode::OK
            } else {
                StatusCode::FORBIDDEN
            };
            assert_eq!(r.status, expected, "{who} {f}: {}", r.body);
        }
        let list = app.call("meetings/list", "", Some(&s)).await.body;
        assert_eq!(list.contains(&draft.to_string()), may, "{who}: the list");
        assert!(
            list.contains(&issued.to_string()),
            "{who}: issued minutes are for everyone"
        );
        let hits = app
            .call("search", "query=%E0%A6%B8%E0%A6%AD%E0%A6%BE", Some(&s))
            .await
            .body;
        assert_eq!(hits.contains(&draft.to_string()), may, "{who}: search");
    }
}

#[tokio::test]
async fn the_audit_log_shows_an_admin_only_their_offices() {
    let app = TestApp::with_demo().await;
    add_other_admin(&app).await;
    let secretary = app.login("secretary").await;
    let issued = app.meeting_id().await;
    app.post(&format!("/meetings/{issued}/correct"), "", Some(&secretary))
        .await;
    let rangpur = app.login("admin").await;
    let entries: Vec<AuditEntry> =
        serde_json::from_str(&app.call("audit/recent", "", Some(&rangpur)).await.body).unwrap();
    assert!(entries.iter().any(|e| e.action == "meeting.correct"));
    let other = app.login("admin.doict").await;
    let entries: Vec<AuditEntry> =
        serde_json::from_str(&app.call("audit/recent", "", Some(&other)).await.body).unwrap();
    assert!(
        entries.iter().all(|e| e.entity_kind != "meeting"),
        "no Rangpur meeting's events: {entries:?}"
    );
}

#[tokio::test]
async fn issued_minutes_come_in_only_as_an_admins_record_within_their_reach() {
    const SEED: &str = include_str!("../../../docs/examples/seed-004.json");
    let app = TestApp::with_demo().await;
    let request = |path: &str, body: String, session: &str| {
        Request::post(path)
            .header("host", HOST)
            .header("origin", ORIGIN)
            .header("content-type", "application/json")
            .header("cookie", session)
            .body(Body::from(body))
            .unwrap()
    };
    let fresh = SEED.replace(
        "05.47.0000.005.12.002.17.299",
        "05.47.0000.005.12.002.17.097",
    );
    let before = meetings::Entity::find().count(&app.db).await.unwrap();
    // A secretary cannot issue by import (before: 201, an issued meeting).
    let secretary = app.login("secretary").await;
    let r = app
        .request(request("/meetings/import", fresh.clone(), &secretary))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = app
        .request(request("/admin/records/import", fresh.clone(), &secretary))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Assignments only to offices in the admin's reach.
    let admin = app.login("admin").await;
    let mut outside: serde_json::Value = serde_json::from_str(&fresh).unwrap();
    outside["agenda"][0]["decisions"][0]["implementers"][0]["office"] = "doict".into();
    let r = app
        .request(request(
            "/admin/records/import",
            outside.to_string(),
            &admin,
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("import.office_out_of_reach"), "{}", r.body);
    assert!(r
        .body
        .contains("agenda[0].decisions[0].implementers[0].office"));
    assert_eq!(
        meetings::Entity::find().count(&app.db).await.unwrap(),
        before
    );
    // A record: issued, marked, with no verification code.
    let r = app
        .request(request("/admin/records/import", fresh, &admin))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id: Uuid = serde_json::from_str::<serde_json::Value>(&r.body).unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let r = app
        .call("meetings/workflow", &format!("id={id}"), Some(&admin))
        .await;
    assert!(r.body.contains("\"verify_code\":null"), "{}", r.body);
    let r = app
        .call("meetings/get", &format!("id={id}"), Some(&admin))
        .await;
    assert!(r.body.contains("\"imported\":true"), "{}", r.body);
}

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
    let dinajpur = offices::Entity::find()
        .filter(offices::Column::Code.eq("dc-dinajpur"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
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
