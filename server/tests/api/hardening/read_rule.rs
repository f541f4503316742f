//! The read rule: who reads a draft, and whose events an admin's audit log
//! shows.
use super::*;

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
    let entries: Vec<AuditEntry> = serde_json::from_str(
        &app.call("audit/recent", "office=&person=&from=&to=", Some(&rangpur))
            .await
            .body,
    )
    .unwrap();
    assert!(entries.iter().any(|e| e.action == "meeting.correct"));
    let other = app.login("admin.doict").await;
    let entries: Vec<AuditEntry> = serde_json::from_str(
        &app.call("audit/recent", "office=&person=&from=&to=", Some(&other))
            .await
            .body,
    )
    .unwrap();
    assert!(
        entries.iter().all(|e| e.entity_kind != "meeting"),
        "no Rangpur meeting's events: {entries:?}"
    );
}
