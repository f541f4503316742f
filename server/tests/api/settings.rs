//! Settings reach every place that uses them: the due-soon window set for
//! the server (SIDHANTO_DUE_SOON_DAYS) is the one `/my`, the assignment
//! page, the meeting's carry-forward and the memo use.
use super::*;
use app::domain::tracking::{AssignmentRow, AssignmentView, Urgency};

fn router_with_window(db: DatabaseConnection, days: u32) -> axum::Router {
    let args = ServeArgs {
        due_soon_days: days,
        key_dir: std::env::temp_dir().join("sidhanto-test-keys"),
        evidence_dir: evidence_dir(),
        ..ServeArgs::default()
    };
    startup::router(db, &args)
}

#[tokio::test]
async fn the_due_soon_window_setting_reaches_every_place_that_shows_it() {
    let app = TestApp::with_demo().await;
    let dc = app.login("dc.dinajpur").await;
    // One of Dinajpur's parts falls due in 5 days.
    let mine: Vec<AssignmentRow> =
        serde_json::from_str(&app.call("assignments/mine", "", Some(&dc)).await.body).unwrap();
    let part = mine[0].id;
    let in_five_days = app::domain::dates::today_in_dhaka() + chrono::Duration::days(5);
    assignments::Entity::update_many()
        .col_expr(
            assignments::Column::DueOn,
            sea_orm::sea_query::Expr::value(in_five_days),
        )
        .col_expr(
            assignments::Column::Status,
            sea_orm::sea_query::Expr::value("not_started"),
        )
        .filter(assignments::Column::Id.eq(part))
        .exec(&app.db)
        .await
        .unwrap();
    for (days, expected) in [(3, Urgency::Open), (7, Urgency::DueSoon)] {
        let router = router_with_window(app.db.clone(), days);
        let call = |endpoint: &str, form: String| {
            send(
                &router,
                post_request(&format!("/api/{endpoint}"), &form, Some(&dc), true),
            )
        };
        let mine: Vec<AssignmentRow> =
            serde_json::from_str(&call("assignments/mine", String::new()).await.body).unwrap();
        let row = mine.iter().find(|r| r.id == part).unwrap();
        assert_eq!(row.urgency, expected, "/my with a window of {days} days");
        let view: AssignmentView =
            serde_json::from_str(&call("assignments/get", format!("id={part}")).await.body)
                .unwrap();
        assert_eq!(
            view.row.urgency, expected,
            "the assignment page, {days} days"
        );
    }
}
