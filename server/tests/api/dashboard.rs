//! The dashboard's counts through the server function the page calls, on
//! the database's own query (SQLite and PostgreSQL).
use super::*;
use app::domain::tracking::Dashboard;

async fn dashboard(app: &TestApp, session: &str, year: &str) -> Dashboard {
    let r = app
        .call("dashboard", &format!("fiscal_year={year}"), Some(session))
        .await;
    serde_json::from_str(&r.body).unwrap_or_else(|e| panic!("{e}: {}", r.body))
}

/// (open, overdue) of the office whose name has `name`.
fn counts(d: &Dashboard, name: &str) -> (u32, u32) {
    let t = d.offices.iter().find(|t| t.office.contains(name)).unwrap();
    (t.open, t.overdue)
}

#[tokio::test]
async fn overdue_work_is_counted_whatever_year_decided_it() {
    const SEED: &str = include_str!("../../../docs/examples/seed-004.json");
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    // The seed's year (2022-23) is the newest: Dinajpur owes its decisions.
    let before = dashboard(&app, &secretary, "").await;
    assert_eq!(before.fiscal_year, Some(2022));
    let (open, overdue) = counts(&before, "দিনাজপুর");
    assert!(overdue > 0, "{open} {overdue}");

    // A later year's minutes whose decisions have no deadline.
    let mut later: serde_json::Value = serde_json::from_str(SEED).unwrap();
    later["fiscal_year"] = "2025-26".into();
    later["quarter"] = 1.into();
    later["held_on"] = "2025-09-10".into();
    later["issued_on"] = "2025-09-14".into();
    later["memo_number"] = "05.47.0000.005.12.002.17.098".into();
    for item in later["agenda"].as_array_mut().unwrap() {
        for d in item["decisions"].as_array_mut().unwrap() {
            d["deadline"] = "none".into();
        }
    }
    let admin = app.login("admin").await;
    let import = Request::post("/admin/records/import")
        .header("host", HOST)
        .header("origin", ORIGIN)
        .header("content-type", "application/json")
        .header("cookie", &admin)
        .body(Body::from(later.to_string()))
        .unwrap();
    let r = app.request(import).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);

    // The newest year is now 2025-26: the old overdue work is still overdue,
    // and the new year's parts are open, none overdue.
    let after = dashboard(&app, &secretary, "").await;
    assert_eq!(after.fiscal_year, Some(2025));
    assert_eq!(after.years, vec![2025, 2022]);
    let (open_after, overdue_after) = counts(&after, "দিনাজপুর");
    assert_eq!(
        overdue_after, overdue,
        "2022-23's overdue work still counts"
    );
    assert!(open_after > open, "and the new year's parts are open too");
    // Open and overdue work is every year's, whichever year is shown.
    let old = dashboard(&app, &secretary, "2022-23").await;
    assert_eq!(old.fiscal_year, Some(2022));
    assert_eq!(counts(&old, "দিনাজপুর"), (open_after, overdue_after));
}
