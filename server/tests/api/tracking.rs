//! Tracking: the Dinajpur DC office reports its part of a decision with
//! evidence, the secretary verifies or returns it, and the dashboard and the
//! next meeting's carry-forward show that state. Uploads are judged by bytes.
use super::*;
use app::domain::minutes::Minutes;
use app::domain::tracking::{AssignmentRow, CarriedDecision, Dashboard, Progress, Urgency};
use server::db::entities::{evidence, progress_events};

const SEED: &str = include_str!("../../../docs/examples/seed-004.json");

pub(crate) fn multipart(
    path: &str,
    parts: &[(&str, Option<&str>, &[u8])],
    session: &str,
) -> Request<Body> {
    let boundary = "sidhanto-tracking-boundary";
    let mut body = vec![];
    for (name, file, bytes) in parts {
        let file = file
            .map(|f| format!("; filename=\"{f}\""))
            .unwrap_or_default();
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"{file}\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    Request::post(path)
        .header("host", HOST)
        .header("origin", ORIGIN)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        )
        .header("cookie", session)
        .body(Body::from(body))
        .unwrap()
}

pub(crate) async fn mine(app: &TestApp, session: &str) -> Vec<AssignmentRow> {
    let r = app.call("assignments/mine", "", Some(session)).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    serde_json::from_str(&r.body).unwrap()
}

async fn status(db: &DatabaseConnection, id: Uuid) -> String {
    assignments::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .status
}

const PDF: &[u8] = b"%PDF-1.4\n% evidence: the updated citizen charter\n%%EOF\n";

#[tokio::test]
async fn an_office_reports_with_evidence_and_the_secretary_verifies_or_returns() {
    let app = TestApp::with_demo().await;
    let dc = app.login("dc.dinajpur").await;
    let secretary = app.login("secretary").await;

    // Dinajpur owes its part of each of the seed's 7 decisions, overdue first.
    let rows = mine(&app, &dc).await;
    assert_eq!(rows.len(), 7);
    assert!(rows.iter().all(|r| r.office.contains("দিনাজপুর")));
    assert_eq!(
        rows[0].urgency,
        Urgency::Overdue,
        "the 2023 deadlines have passed"
    );
    let part = |item: usize, decision: usize| {
        rows.iter()
            .find(|r| r.item == item && r.decision == decision)
            .unwrap()
            .id
    };
    let (d02, d03) = (part(2, 1), part(3, 1));
    // Decisions with a date are overdue now; "no deadline" ones are open.
    let overdue_before = rows
        .iter()
        .filter(|r| r.urgency == Urgency::Overdue)
        .count() as u32;
    assert!(rows.iter().find(|r| r.id == d02).unwrap().urgency == Urgency::Overdue);

    // Bad uploads change nothing: the type is judged by the bytes.
    let exe = b"MZ\x90\x00\x03 a program named report.pdf";
    let r = app
        .request(multipart(
            &format!("/assignments/{d02}/progress"),
            &[
                ("status", None, b"done"),
                ("note", None, "সব ইউনিয়নে হালনাগাদ করা হয়েছে".as_bytes()),
                ("evidence", Some("report.pdf"), exe),
            ],
            &dc,
        ))
        .await;
    let back = r.location.unwrap();
    assert!(
        back.contains("error=tracking.wrong_type") && back.ends_with("#evidence"),
        "{back}"
    );
    // The page shows the error beside the file field and the note as typed,
    // once.
    let page = app.get(&back, Some(&dc)).await;
    let body = &page.body;
    assert!(
        body.contains(
            r#"id="evidence-error" class="field-error" role="alert">এই ধরনের ফাইল নেওয়া হয় না"#
        ) || body.contains(
            r#"id="evidence-error" role="alert" class="field-error">এই ধরনের ফাইল নেওয়া হয় না"#
        ),
        "{body}"
    );
    assert!(
        body.contains(">সব ইউনিয়নে হালনাগাদ করা হয়েছে</textarea>"),
        "{body}"
    );
    assert!(body.contains(r#"<option value="done" selected"#), "{body}");
    let again = app.get(&back, Some(&dc)).await;
    assert!(!again.body.contains("সব ইউনিয়নে হালনাগাদ"), "read once");
    let big = [PDF, &vec![b' '; 11 * 1024 * 1024]].concat();
    let r = app
        .request(multipart(
            &format!("/assignments/{d02}/progress"),
            &[
                ("status", None, b"done"),
                ("evidence", Some("big.pdf"), &big),
            ],
            &dc,
        ))
        .await;
    assert!(r.location.unwrap().contains("error=tracking.too_big"));
    assert_eq!(status(&app.db, d02).await, "not_started");

    // A report that says nothing (in progress, twice, no note, no file) is
    // refused and leaves no empty line in the history.
    let in_progress = || {
        multipart(
            &format!("/assignments/{d02}/progress"),
            &[("status", None, b"in_progress")],
            &dc,
        )
    };
    let r = app.request(in_progress()).await;
    assert!(
        r.location.unwrap().contains("done=reported"),
        "a new status says something"
    );
    let events = progress_events::Entity::find()
        .count(&app.db)
        .await
        .unwrap();
    let r = app.request(in_progress()).await;
    assert!(r.location.unwrap().contains("error=tracking.empty_report"));
    assert_eq!(
        progress_events::Entity::find()
            .count(&app.db)
            .await
            .unwrap(),
        events
    );

    // Done, with an evidence PDF; the same file on another part is stored once.
    let r = app
        .request(multipart(
            &format!("/assignments/{d02}/progress"),
            &[
                ("status", None, b"done"),
                ("note", None, "হালনাগাদ করা হয়েছে".as_bytes()),
                ("evidence", Some("charter.pdf"), PDF),
            ],
            &dc,
        ))
        .await;
    assert!(r.location.unwrap().contains("done=reported"));
    assert_eq!(status(&app.db, d02).await, "done");
    let r = app
        .request(multipart(
            &format!("/assignments/{d03}/progress"),
            &[
                ("status", None, b"done"),
                ("evidence", Some("again.pdf"), PDF),
            ],
            &dc,
        ))
        .await;
    assert!(r.location.unwrap().contains("done=reported"));
    let sha = server::keys::sha256(PDF);
    assert_eq!(
        evidence::Entity::find()
            .filter(evidence::Column::Sha256.eq(sha.as_str()))
            .count(&app.db)
            .await
            .unwrap(),
        2,
        "two uploads"
    );
    let dir = evidence_dir().join(&sha[..2]);
    let copies = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|f| {
            f.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains(&sha)
        })
        .count();
    assert_eq!(copies, 1, "one file on disk");
    let file = app.get(&format!("/evidence/{sha}"), Some(&secretary)).await;
    assert_eq!(file.status, StatusCode::OK);
    assert_eq!(file.body.as_bytes(), PDF);

    // Both reports wait in the secretary's and the chair's queue, and in no
    // one else's.
    let queue = |session: String| {
        let app = &app;
        async move {
            let r = app.call("assignments/to_verify", "", Some(&session)).await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
            let rows: Vec<AssignmentRow> = serde_json::from_str(&r.body).unwrap();
            let mut ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
            ids.sort();
            ids
        }
    };
    let mut both = vec![d02, d03];
    both.sort();
    assert_eq!(queue(secretary.clone()).await, both);
    assert_eq!(queue(app.login("chair").await).await, both);
    assert!(queue(dc.clone()).await.is_empty());
    assert!(queue(app.login("viewer").await).await.is_empty());
    // The header counts them on every page the secretary opens.
    let count = app.call("my/waiting", "", Some(&secretary)).await;
    assert_eq!(count.body, "2");
    let page = app.get("/", Some(&secretary)).await;
    assert!(page.body.contains(r#"class="count">২<"#), "{}", page.body);
    assert_eq!(app.call("my/waiting", "", Some(&dc)).await.body, "0");

    // Another office's implementer may not report it; the DC may not verify.
    let r = app
        .post(
            &format!("/assignments/{d02}/review"),
            "verdict=verified",
            Some(&dc),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);

    // The secretary verifies 02 and returns 03, which needs a reason.
    let r = app
        .post(
            &format!("/assignments/{d02}/review"),
            "verdict=verified&note=",
            Some(&secretary),
        )
        .await;
    assert!(r.location.unwrap().contains("done=verified"));
    assert_eq!(
        queue(secretary.clone()).await,
        vec![d03],
        "verified: off the queue"
    );
    let r = app
        .post(
            &format!("/assignments/{d03}/review"),
            "verdict=returned&note=",
            Some(&secretary),
        )
        .await;
    assert!(r
        .location
        .unwrap()
        .contains("error=tracking.reason_required"));
    let reason = form_urlencoded::Serializer::new(String::new())
        .append_pair("verdict", "returned")
        .append_pair("note", "প্রমাণক অসম্পূর্ণ")
        .finish();
    let r = app
        .post(
            &format!("/assignments/{d03}/review"),
            &reason,
            Some(&secretary),
        )
        .await;
    assert!(r.location.unwrap().contains("done=returned"));
    assert_eq!(
        (status(&app.db, d02).await, status(&app.db, d03).await),
        ("verified".into(), "returned".into())
    );
    // Verified is final: a second verification is refused.
    let r = app
        .post(
            &format!("/assignments/{d02}/review"),
            "verdict=verified",
            Some(&secretary),
        )
        .await;
    assert!(r.location.unwrap().contains("error=tracking.not_allowed"));

    // The history keeps who, when, the note and the file.
    let view = app
        .call("assignments/get", &format!("id={d02}"), Some(&dc))
        .await;
    assert!(
        view.body.contains("হালনাগাদ করা হয়েছে") && view.body.contains("charter.pdf"),
        "{}",
        view.body
    );
    let page = app.get(&format!("/assignments/{d03}"), Some(&dc)).await;
    assert!(page.body.contains("প্রমাণক অসম্পূর্ণ"));

    // The dashboard: Dinajpur finished one on … the 2023 deadline has passed: late.
    let d: Dashboard = serde_json::from_str(
        &app.call("dashboard", "fiscal_year=", Some(&secretary))
            .await
            .body,
    )
    .unwrap();
    let dinajpur = d
        .offices
        .iter()
        .find(|t| t.office.contains("দিনাজপুর"))
        .unwrap();
    assert_eq!(
        (
            dinajpur.open,
            dinajpur.overdue,
            dinajpur.on_time + dinajpur.late
        ),
        (6, overdue_before - 1, 1),
        "d02 left the overdue; d03 was returned, so it is owed again"
    );
    assert_eq!(dinajpur.late, 1, "done in 2026 for a 2023 deadline");
    let seed = d
        .meetings
        .iter()
        .find(|m| m.1.contains("৪র্থ ত্রৈমাসিক"))
        .unwrap();
    assert_eq!(
        (seed.2, seed.3),
        (0, 7),
        "no decision verified by all eight offices yet"
    );

    // The implementation report says the same, as CSV and as XLSX.
    let report = app
        .get("/reports/implementation.csv", Some(&secretary))
        .await;
    assert_eq!(report.status, StatusCode::OK);
    let lines: Vec<&str> = report.body.trim_end().split("\r\n").collect();
    assert_eq!(lines.len(), 1 + 56, "a header and 7 decisions × 8 offices");
    assert!(
        lines[0].starts_with("\u{feff}\"স্মারক নম্বর\""),
        "{}",
        lines[0]
    );
    let d02_line = lines
        .iter()
        .find(|l| l.contains("\"02.1\"") && l.contains("দিনাজপুর"))
        .unwrap();
    assert!(d02_line.contains("\"যাচাইকৃত\""), "{d02_line}");
    assert!(d02_line.contains("\"05.47.0000.005.12.002.17.299\""));
    let req = Request::get("/reports/implementation.xlsx")
        .header("host", HOST)
        .header("cookie", &secretary)
        .body(Body::empty())
        .unwrap();
    let res = app.router.clone().oneshot(req).await.unwrap();
    let xlsx = res.into_body().collect().await.unwrap().to_bytes();
    let mut book = zip::ZipArchive::new(std::io::Cursor::new(xlsx.to_vec())).unwrap();
    let mut strings = String::new();
    std::io::Read::read_to_string(
        &mut book.by_name("xl/sharedStrings.xml").unwrap(),
        &mut strings,
    )
    .unwrap();
    assert!(strings.contains("যাচাইকৃত") && strings.contains("ফেরত") && strings.contains("দিনাজপুর"));
    let req = Request::get("/reports/implementation.pdf")
        .header("host", HOST)
        .header("cookie", &secretary)
        .body(Body::empty())
        .unwrap();
    let res = app.router.clone().oneshot(req).await.unwrap();
    let text = pdftotext(&res.into_body().collect().await.unwrap().to_bytes());
    assert!(text.contains("সিদ্ধান্ত বাস্তবায়ন প্রতিবেদন"), "{text}");
    assert!(text.contains("যাচাইকৃত") && text.contains("দিনাজপুর"), "{text}");
    let only = app
        .get(
            &format!("/reports/implementation.csv?meeting={}", rows[0].meeting_id),
            Some(&dc),
        )
        .await;
    assert_eq!(
        only.body.trim_end().split("\r\n").count(),
        1 + 7,
        "Dinajpur sees its own parts"
    );

    // The next meeting of the series carries the unfinished decisions forward.
    let mut next: Minutes = serde_json::from_str(SEED).unwrap();
    next.status = MeetingStatus::Draft;
    next.memo_number = None;
    next.issued_on = None;
    next.held_on = chrono::NaiveDate::from_ymd_opt(2023, 9, 21).unwrap();
    let next = server::store::minutes::create_draft(&app.db, &next, None)
        .await
        .unwrap();
    let carried: Vec<CarriedDecision> = serde_json::from_str(
        &app.call(
            "meetings/carry_forward",
            &format!("id={next}"),
            Some(&secretary),
        )
        .await
        .body,
    )
    .unwrap();
    assert_eq!(carried.len(), 7);
    let c02 = carried
        .iter()
        .find(|c| c.item == 2 && c.decision == 1)
        .unwrap();
    assert_eq!(c02.offices.len(), 8);
    assert!(c02
        .offices
        .iter()
        .any(|(o, s)| o.contains("দিনাজপুর") && *s == Progress::Verified));
    let page = app
        .get(&format!("/meetings/{next}"), Some(&secretary))
        .await;
    assert!(page.body.contains("বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি"));
    // … and so does its memo.
    let req = Request::get(format!("/meetings/{next}/memo.pdf"))
        .header("host", HOST)
        .header("cookie", &secretary)
        .body(Body::empty())
        .unwrap();
    let res = app.router.clone().oneshot(req).await.unwrap();
    let pdf = res.into_body().collect().await.unwrap().to_bytes();
    let text = pdftotext(&pdf);
    assert!(text.contains("বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি"), "{text}");
    assert!(text.contains("যাচাইকৃত") && text.contains("ফেরত"), "{text}");
}
