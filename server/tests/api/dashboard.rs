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

/// Sets an assignment verified, finished `days_after_due` days after its
/// due date (as the review would leave it).
async fn verify(db: &DatabaseConnection, part: &assignments::Model, days_after_due: i64) {
    let due = part.due_on.expect("a part with a deadline");
    let mut row: assignments::ActiveModel = part.clone().into();
    row.status = sea_orm::Set("verified".into());
    row.done_on = sea_orm::Set(Some(due + chrono::Duration::days(days_after_due)));
    sea_orm::ActiveModelTrait::update(row, db).await.unwrap();
}

#[tokio::test]
async fn a_decision_is_implemented_when_every_office_verified_its_part() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let year = ""; // the newest: the seed's 2022-23
    let before = dashboard(&app, &secretary, year).await;
    let seed = before
        .meetings
        .iter()
        .find(|m| m.1.contains("৪র্থ ত্রৈমাসিক"))
        .unwrap()
        .clone();
    assert_eq!((seed.2, seed.3), (0, 7));
    let items: Vec<Uuid> = agenda_items::Entity::find()
        .filter(agenda_items::Column::MeetingId.eq(seed.0))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|i| i.id)
        .collect();
    let decisions = decisions::Entity::find()
        .filter(decisions::Column::AgendaItemId.is_in(items))
        .all(&app.db)
        .await
        .unwrap();
    // Two decisions whose every part has a deadline and is unfinished (the
    // database returns the seed's decisions in no set order).
    let mut chosen = vec![];
    for d in &decisions {
        let parts = assignments::Entity::find()
            .filter(assignments::Column::DecisionId.eq(d.id))
            .all(&app.db)
            .await
            .unwrap();
        let open = parts
            .iter()
            .all(|p| p.due_on.is_some() && p.status != "done" && p.status != "verified");
        if parts.len() == 8 && open {
            chosen.push(parts);
        }
    }
    assert!(chosen.len() >= 2, "the seed has such decisions");
    let (first, second) = (&chosen[0], &chosen[1]);
    // The first decision: every office's part verified, the first of them late.
    for (i, part) in first.iter().enumerate() {
        verify(&app.db, part, if i == 0 { 3 } else { 0 }).await;
    }
    // The second: all but one.
    for part in &second[1..] {
        verify(&app.db, part, 0).await;
    }

    let after = dashboard(&app, &secretary, year).await;
    let counted = after.meetings.iter().find(|m| m.0 == seed.0).unwrap();
    assert_eq!(
        (counted.2, counted.3),
        (1, 7),
        "one decision of seven implemented"
    );
    let quarter = after
        .quarters
        .iter()
        .find(|q| (q.0, q.1) == (2022, 4))
        .unwrap();
    assert_eq!((quarter.2, quarter.3), (1, 7));
    // Each office finished one or two parts; one of them late.
    let finished = |d: &Dashboard| -> (u32, u32, u32) {
        d.offices.iter().fold((0, 0, 0), |(t, l, o), x| {
            (t + x.on_time, l + x.late, o + x.open)
        })
    };
    let (on_time, late, open) = finished(&before);
    assert_eq!(
        finished(&after),
        (on_time + 14, late + 1, open - 15),
        "15 parts finished: 14 on time, 1 late"
    );
}

/// A meeting of another office that this office owes work to is listed
/// with its title as it is now: renamed by another process, it shows
/// renamed at the next view (its office's counter vouches for it).
#[tokio::test]
async fn a_meeting_owed_to_elsewhere_is_listed_with_its_title_as_it_is_now() {
    let app = TestApp::with_demo().await;
    let dinajpur = app.login("dc.dinajpur").await;
    let before = dashboard(&app, &dinajpur, "").await;
    let (id, _, _, _) = before
        .meetings
        .first()
        .cloned()
        .expect("a meeting it owes to");
    let held_by = meetings::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .office_id;
    let own = app.office_id("dc-dinajpur").await;
    assert_ne!(held_by, own, "another office's meeting");
    let other = startup::connect(&app.url).await.unwrap();
    meetings::Entity::update_many()
        .col_expr(
            meetings::Column::TitleBn,
            sea_orm::sea_query::Expr::value("নতুন নামের সভা"),
        )
        .filter(meetings::Column::Id.eq(id))
        .exec(&other)
        .await
        .unwrap();
    let after = dashboard(&app, &dinajpur, "").await;
    assert!(
        after
            .meetings
            .iter()
            .any(|m| m.0 == id && m.1 == "নতুন নামের সভা"),
        "{:?}",
        after.meetings
    );
}
