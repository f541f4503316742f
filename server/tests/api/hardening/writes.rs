//! Writes: many at once, each committed once; a correction started once; a
//! refused report that leaves no file behind.
use super::*;
use crate::tracking::{mine, multipart};

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
