//! A meeting's history is read once and shared by its readers: each step
//! of the workflow, and a name changed anywhere, shows at the next view.
use super::*;

#[tokio::test]
async fn a_meetings_history_shows_each_step_and_the_names_as_they_are_now() {
    let app = TestApp::with_demo().await;
    let id = server::store::minutes::create_draft(&app.db, &seed_draft(), None)
        .await
        .unwrap();
    let secretary = app.login("secretary").await;
    let chair = app.login("chair").await;
    let history = |who: &'static str| {
        let (app, session) = (&app, if who == "chair" { &chair } else { &secretary });
        async move {
            let r = app
                .call("audit/meeting", &format!("id={id}"), Some(session))
                .await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
            r.body
        }
    };
    assert!(!history("secretary").await.contains("meeting.submit"));
    assert!(!history("chair").await.contains("meeting.submit"));

    let r = app
        .post(&format!("/meetings/{id}/submit"), "", Some(&secretary))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(history("chair").await.contains("meeting.submit"));

    // Another process renames the one who submitted.
    let other = startup::connect(&app.url).await.unwrap();
    users::Entity::update_many()
        .col_expr(
            users::Column::DisplayName,
            sea_orm::sea_query::Expr::value("নতুন নামের সচিব"),
        )
        .filter(users::Column::Username.eq("secretary"))
        .exec(&other)
        .await
        .unwrap();
    assert!(history("chair").await.contains("নতুন নামের সচিব"));
}
