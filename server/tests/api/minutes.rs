//! The meeting JSON format: import → export → import loses nothing, and every
//! bad file is refused with the JSON path of its problem, writing nothing.
use super::*;
use app::i18n::{bn, t, Lang};
use serde_json::{json, Value};

/// Seed 004 in the format, as docs/meeting-format.md shows it.
const SEED: &str = include_str!("../../../docs/examples/seed-004.json");

fn import_request(body: Vec<u8>, session: &str) -> Request<Body> {
    Request::post("/meetings/import")
        .header("host", HOST)
        .header("origin", ORIGIN)
        .header("content-type", "application/json")
        .header("cookie", session)
        .body(Body::from(body))
        .unwrap()
}

/// Seed 004 as a draft: what a secretary may import.
fn draft_file() -> Value {
    let mut v: Value = serde_json::from_str(SEED).unwrap();
    v["status"] = json!("draft");
    let file = v.as_object_mut().unwrap();
    file.remove("memo_number");
    file.remove("issued_on");
    v
}

fn record_request(body: Vec<u8>, session: &str) -> Request<Body> {
    let mut req = import_request(body, session);
    *req.uri_mut() = "/admin/records/import".parse().unwrap();
    req
}

async fn meeting_count(db: &DatabaseConnection) -> u64 {
    meetings::Entity::find().count(db).await.unwrap()
}

#[tokio::test]
async fn import_then_export_gives_back_the_same_file() {
    let app = TestApp::with_demo().await;
    let seed_id = app.meeting_id().await;
    let viewer = app.login("viewer").await;
    let r = app
        .get(&format!("/meetings/{seed_id}/minutes.json"), Some(&viewer))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(
        r.body, SEED,
        "the demo meeting exports as the documented file"
    );

    // Issued minutes come in only as an admin's record, with a memo number
    // the office has not used.
    let secretary = app.login("secretary").await;
    let r = app
        .request(import_request(SEED.as_bytes().to_vec(), &secretary))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("import.issued_by_admin"), "{}", r.body);
    let admin = app.login("admin").await;
    let r = app
        .request(record_request(SEED.as_bytes().to_vec(), &admin))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("import.memo_number_used"), "{}", r.body);
    let record = SEED.replace(
        "05.47.0000.005.12.002.17.299",
        "05.47.0000.005.12.002.17.098",
    );
    assert_ne!(record, SEED, "the file has another number");
    let r = app
        .request(record_request(record.as_bytes().to_vec(), &admin))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let reply: Value = serde_json::from_str(&r.body).unwrap();
    let id: Uuid = reply["id"].as_str().unwrap().parse().unwrap();
    let again = app
        .get(&format!("/meetings/{id}/minutes.json"), Some(&viewer))
        .await;
    assert_eq!(again.body, record, "import → export → import is lossless");
    let page = app.get(&format!("/meetings/{id}"), Some(&viewer)).await;
    assert!(
        page.body.contains(bn("meeting.imported")),
        "marked on its page"
    );

    // Issued minutes are owed: 7 decisions × 8 district offices, per meeting.
    assert_eq!(
        assignments::Entity::find().count(&app.db).await.unwrap(),
        112
    );
    assert_eq!(audit_count(&app.db, "meeting.import").await, 2);
}

#[tokio::test]
async fn the_documented_example_is_the_seed_file() {
    let doc = std::fs::read_to_string("../docs/meeting-format.md").unwrap();
    assert!(
        doc.contains(&format!("```json\n{SEED}```")),
        "docs/meeting-format.md shows docs/examples/seed-004.json in full"
    );
}

#[tokio::test]
async fn bad_files_are_refused_with_the_path_of_each_problem_and_change_nothing() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let seed: Value = draft_file();
    let edit = |f: &dyn Fn(&mut Value)| {
        let mut v = seed.clone();
        f(&mut v);
        serde_json::to_vec(&v).unwrap()
    };
    let mut invalid_utf8 = SEED.as_bytes().to_vec();
    invalid_utf8.splice(20..20, [0xff, 0xfe]);
    let cases: Vec<(&str, Vec<u8>, StatusCode, &str, &str)> = vec![
        (
            "missing title",
            edit(&|v| {
                v.as_object_mut().unwrap().remove("title");
            }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "title",
            "minutes.required",
        ),
        (
            "missing decision text",
            edit(&|v| {
                v["agenda"][1]["decisions"][2]
                    .as_object_mut()
                    .unwrap()
                    .remove("text");
            }),
            StatusCode::UNPROCESSABLE_ENTITY,
            "agenda[1].decisions[2].text",
            "minutes.required",
        ),
        (
            "wrong type",
            edit(&|v| v["quarter"] = json!("four")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "quarter",
            "minutes.json",
        ),
        (
            "unknown field",
            edit(&|v| v["colour"] = json!("red")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "colour",
            "minutes.json",
        ),
        (
            "unknown office",
            edit(&|v| v["office"] = json!("atlantis")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "office",
            "minutes.unknown_office",
        ),
        (
            "unknown implementer office",
            edit(&|v| v["agenda"][0]["decisions"][0]["implementers"][0]["office"] = json!("x")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "agenda[0].decisions[0].implementers[0].office",
            "minutes.unknown_office",
        ),
        (
            "decision without implementer",
            edit(&|v| v["agenda"][3]["decisions"][0]["implementers"] = json!([])),
            StatusCode::UNPROCESSABLE_ENTITY,
            "agenda[3].decisions[0].implementers",
            "minutes.required",
        ),
        (
            "deadline before the meeting",
            edit(&|v| v["agenda"][1]["decisions"][0]["deadline"] = json!({ "on": "2023-06-01" })),
            StatusCode::UNPROCESSABLE_ENTITY,
            "agenda[1].decisions[0].deadline",
            "minutes.deadline_before_meeting",
        ),
        (
            "over-long text",
            edit(&|v| v["preamble"] = json!("ক".repeat(30_000))),
            StatusCode::UNPROCESSABLE_ENTITY,
            "preamble",
            "minutes.too_long",
        ),
        (
            "a NUL in the title",
            edit(&|v| v["title"] = json!("সভা\u{0}")),
            StatusCode::UNPROCESSABLE_ENTITY,
            "title",
            "minutes.control_character",
        ),
        (
            "5 MB of text",
            edit(&|v| v["preamble"] = json!("ক".repeat(5 * 1024 * 1024 / 3))),
            StatusCode::PAYLOAD_TOO_LARGE,
            "",
            "minutes.too_large",
        ),
        (
            "invalid UTF-8",
            invalid_utf8,
            StatusCode::UNPROCESSABLE_ENTITY,
            "",
            "minutes.not_utf8",
        ),
        (
            "not JSON at all",
            b"<html>minutes</html>".to_vec(),
            StatusCode::UNPROCESSABLE_ENTITY,
            "",
            "minutes.json",
        ),
    ];
    for (name, body, status, path, key) in cases {
        let r = app.request(import_request(body, &secretary)).await;
        assert_eq!(r.status, status, "{name}: {}", r.body);
        let reply: Value = serde_json::from_str(&r.body).unwrap();
        let first = &reply["errors"][0];
        assert_eq!(first["path"], path, "{name}: {}", r.body);
        assert_eq!(first["key"], key, "{name}: {}", r.body);
        assert_eq!(first["message"], bn(key), "{name}: a Bangla message");
        assert_ne!(bn(key), key, "{name}: the key has a message");
        assert_eq!(meeting_count(&app.db).await, 1, "{name}: nothing written");
    }
    assert_eq!(audit_count(&app.db, "meeting.import").await, 1);

    // In English for an English reader.
    let english = Request::post("/meetings/import")
        .header("host", HOST)
        .header("origin", ORIGIN)
        .header("cookie", format!("{secretary}; lang=en"))
        .body(Body::from(edit(&|v| v["office"] = json!("atlantis"))))
        .unwrap();
    let r = app.request(english).await;
    assert!(
        r.body.contains(t(Lang::En, "minutes.unknown_office")),
        "{}",
        r.body
    );
}

#[tokio::test]
async fn only_the_offices_secretary_imports_its_minutes() {
    let app = TestApp::with_demo().await;
    let mut other: Value = serde_json::from_str(SEED).unwrap();
    other["office"] = json!("doict");
    let secretary = app.login("secretary").await;
    let r = app
        .request(import_request(
            serde_json::to_vec(&other).unwrap(),
            &secretary,
        ))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    let admin = app.login("admin").await;
    let r = app
        .request(import_request(SEED.as_bytes().to_vec(), &admin))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(meeting_count(&app.db).await, 1);
}

#[tokio::test]
async fn script_tags_are_stored_as_text_and_shown_inert() {
    let app = TestApp::with_demo().await;
    let mut file: Value = draft_file();
    let title = "</title><script>alert('x')</script> <img src=x onerror=alert(1)> সভা";
    file["title"] = json!(title);
    file["agenda"][0]["discussion"] = json!("</script><script>alert(2)</script>");
    let secretary = app.login("secretary").await;
    let r = app
        .request(import_request(
            serde_json::to_vec(&file).unwrap(),
            &secretary,
        ))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id = serde_json::from_str::<Value>(&r.body).unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let page = app.get(&format!("/meetings/{id}"), Some(&secretary)).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body.contains("&lt;/title&gt;&lt;script&gt;alert("),
        "the title is shown as text on the page"
    );
    assert!(
        page.body.contains("<title>‹/title>‹script>alert("),
        "and in the tab title, where leptos_meta does not escape"
    );
    if let Some(at) = page.body.find("<script>alert") {
        panic!(
            "a script runs: …{}…",
            &page.body[at.saturating_sub(300)..at + 100]
        );
    }
    assert!(!page.body.contains("<img src=x"), "no element is made");
    let back = app
        .get(&format!("/meetings/{id}/minutes.json"), Some(&secretary))
        .await;
    let back: Value = serde_json::from_str(&back.body).unwrap();
    assert_eq!(back["title"], title, "stored exactly as given");
}

#[test]
fn the_import_command_prints_the_new_meeting_id_last() {
    let dir = std::env::temp_dir().join(format!("sidhanto-cli-{}", Uuid::new_v4().simple()));
    std::fs::create_dir_all(&dir).unwrap();
    let url = format!("sqlite://{}/cli.db?mode=rwc", dir.display());
    let run = |args: &[&str]| sidhanto(&url, args);
    assert!(run(&["load-demo"]).status.success());
    let out = run(&["import", "../docs/examples/seed-004.json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let id: Uuid = stdout.lines().last().unwrap().parse().unwrap();

    let exported = dir.join("out.json");
    let out = run(&["export", &id.to_string(), "-o", exported.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(std::fs::read_to_string(&exported).unwrap(), SEED);

    let mut bad: Value = serde_json::from_str(SEED).unwrap();
    bad["quarter"] = json!(7);
    bad["agenda"][0]["decisions"][0]["implementers"] = json!([]);
    let bad_file = dir.join("bad.json");
    std::fs::write(&bad_file, serde_json::to_vec(&bad).unwrap()).unwrap();
    let out = run(&["import", bad_file.to_str().unwrap()]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("quarter: The quarter must be 1 to 4."),
        "{stderr}"
    );
    assert!(
        stderr.contains("agenda[0].decisions[0].implementers: This is required."),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_draft_saved_by_someone_else_in_between_is_a_conflict_and_loses_nothing() {
    use sea_orm::TransactionTrait;
    use server::store::minutes as store;
    let app = TestApp::with_demo().await;
    let mut first: app::domain::minutes::Minutes = serde_json::from_str(SEED).unwrap();
    first.title = "খসড়া সভা".into();
    first.agenda[0].decisions[0].implementers.clear(); // incomplete: still saved
    let id = store::create_draft(&app.db, &first, None).await.unwrap();
    let loaded = store::version(&app.db, id).await.unwrap();
    assert_eq!(loaded, 1);

    // Two editors opened version 1. The first saves …
    first.venue = "প্রথম জনের লেখা স্থান".into();
    let txn = app.db.begin().await.unwrap();
    assert_eq!(
        store::save_draft(&txn, id, loaded, &first, None).await,
        Ok(2)
    );
    txn.commit().await.unwrap();
    // … the second, still at version 1, is refused and changes nothing.
    let mut second = first.clone();
    second.venue = "দ্বিতীয় জনের লেখা".into();
    second.agenda.clear();
    let txn = app.db.begin().await.unwrap();
    assert_eq!(
        store::save_draft(&txn, id, loaded, &second, None).await,
        Err(AppError::Conflict)
    );
    txn.rollback().await.unwrap();
    let saved = store::export(&app.db, id).await.unwrap();
    assert_eq!(saved.venue, "প্রথম জনের লেখা স্থান");
    assert_eq!(saved.agenda.len(), 5, "the first editor's agenda is intact");
    assert_eq!(saved.title, "খসড়া সভা");
    assert_eq!(store::version(&app.db, id).await.unwrap(), 2);

    // Reloaded at version 2, the second editor saves; rows are rewritten in order.
    second.agenda = saved.agenda[..2].to_vec();
    second.agenda.swap(0, 1);
    assert_eq!(
        store::save_draft(&app.db, id, 2, &second, None).await,
        Ok(3)
    );
    let saved = store::export(&app.db, id).await.unwrap();
    assert_eq!(saved.agenda, second.agenda);
    assert_eq!(saved.status, app::domain::MeetingStatus::Draft);

    // A draft without a chair cannot be stored; an issued meeting is not a draft.
    let mut no_chair = second.clone();
    no_chair.chair.name.clear();
    match store::save_draft(&app.db, id, 3, &no_chair, None).await {
        Err(AppError::Problems(p)) => assert_eq!(p[0].path, "chair.name"),
        other => panic!("{other:?}"),
    }
    let issued = meetings::Entity::find()
        .filter(meetings::Column::Status.eq("issued"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    assert!(matches!(
        store::save_draft(&app.db, issued, 1, &second, None).await,
        Err(AppError::Invalid { .. })
    ));
    assert_eq!(audit_count(&app.db, "meeting.save").await, 2);
}

#[tokio::test]
async fn bijoy_text_in_a_file_is_refused_with_a_preview_or_converted_on_request() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let mut file: Value = draft_file();
    file["venue"] = json!("wefvMxq Kwgkbvi, iscyi Gi m‡¤§jb K¶");
    file["agenda"][0]["subject"] = json!("‡mev cÖ`vb cÖwZkÖæwZ");
    let body = serde_json::to_vec(&file).unwrap();
    let before = meeting_count(&app.db).await;
    let r = app.request(import_request(body.clone(), &secretary)).await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let reply: Value = serde_json::from_str(&r.body).unwrap();
    let errors = reply["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(errors[0]["path"], "venue");
    assert_eq!(errors[0]["key"], "minutes.bijoy");
    assert_eq!(errors[0]["detail"], "বিভাগীয় কমিশনার, রংপুর এর সম্মেলন কক্ষ");
    assert_eq!(errors[1]["path"], "agenda[0].subject");
    assert_eq!(errors[1]["detail"], "সেবা প্রদান প্রতিশ্রুতি");
    assert_eq!(meeting_count(&app.db).await, before, "nothing written");

    // Accepted: the same file, converted.
    let mut req = import_request(body, &secretary);
    *req.uri_mut() = "/meetings/import?bijoy=convert".parse().unwrap();
    let r = app.request(req).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id: Uuid = serde_json::from_str::<Value>(&r.body).unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let stored = server::store::minutes::export(&app.db, id).await.unwrap();
    assert_eq!(stored.venue, "বিভাগীয় কমিশনার, রংপুর এর সম্মেলন কক্ষ");
    assert_eq!(stored.agenda[0].subject, "সেবা প্রদান প্রতিশ্রুতি");
    assert_eq!(stored.title, file["title"], "Unicode text is left alone");
}
