//! "/my" is read once per office and shared by its users: it is read again
//! when anything a row shows changes, whoever wrote it and however.
use super::*;

/// The Dinajpur DC office, and one assignment it owes.
async fn dinajpur_owes(app: &TestApp) -> (offices::Model, assignments::Model) {
    let dinajpur = offices::Entity::find()
        .filter(offices::Column::Code.eq("dc-dinajpur"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let owed = assignments::Entity::find()
        .filter(assignments::Column::OfficeId.eq(dinajpur.id))
        .one(&app.db)
        .await
        .unwrap()
        .expect("Dinajpur owes its part of the seed's decisions");
    (dinajpur, owed)
}

/// Runs `sql` (`... SET column = ? WHERE id = ?`) with `text` and `id` on
/// another process's pool, as another instance or an operator would.
async fn set(other: &DatabaseConnection, sql: &str, id: Uuid, text: &str) {
    let backend = other.get_database_backend();
    other
        .execute_raw(sea_orm::Statement::from_sql_and_values(
            backend,
            server::store::search::placeholders(backend, sql),
            [text.into(), id.into()],
        ))
        .await
        .unwrap();
}

/// Another process's SQL (as another instance, or an operator) changes the
/// meeting a row belongs to (held by another office than the one that owes
/// it), the row's decision, and the owing office's name: each shows at the
/// next view.
#[tokio::test]
async fn my_work_is_read_again_when_its_meeting_its_decision_or_its_office_changes() {
    let app = TestApp::with_demo().await;
    let dc = app.login("dc.dinajpur").await;
    let first = app.get("/my", Some(&dc)).await;
    assert_eq!(first.status, StatusCode::OK);
    let (dinajpur, owed) = dinajpur_owes(&app).await;
    assert_ne!(
        owed.meeting_office_id, dinajpur.id,
        "a meeting of another office"
    );
    let meeting = meetings::Entity::find_by_id(owed.meeting_id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert!(first.body.contains(&meeting.title_bn));

    let other = startup::connect(&app.url).await.unwrap();
    for (sql, id, text) in [
        (
            "UPDATE meetings SET title_bn = ? WHERE id = ?",
            meeting.id,
            "অন্য কার্যালয়ের সভার নতুন শিরোনাম",
        ),
        (
            "UPDATE decisions SET text_bn = ? WHERE id = ?",
            owed.decision_id,
            "দিনাজপুরের দায়িত্বের নতুন ভাষ্য",
        ),
        (
            "UPDATE offices SET name_bn = ? WHERE id = ?",
            dinajpur.id,
            "নতুন নামের জেলা কার্যালয়",
        ),
    ] {
        set(&other, sql, id, text).await;
        let seen = app.get("/my", Some(&dc)).await.body;
        assert!(seen.contains(text), "after {sql}");
    }
}

/// A secretary's queue of reports to verify, and the header's count of it,
/// are shared too: a report another process writes shows in both at once.
#[tokio::test]
async fn a_report_written_elsewhere_joins_the_secretarys_queue_at_once() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let count = || async {
        let r = app.call("my/waiting", "", Some(&secretary)).await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
        r.body.trim().parse::<u32>().unwrap()
    };
    let before = count().await;
    let queue = app.get("/my", Some(&secretary)).await.body;
    let owed = assignments::Entity::find()
        .filter(assignments::Column::Status.eq("not_started"))
        .one(&app.db)
        .await
        .unwrap()
        .expect("the seed's meeting owes work not started");
    assert!(!queue.contains(&owed.id.to_string()));

    let other = startup::connect(&app.url).await.unwrap();
    assignments::Entity::update_many()
        .col_expr(
            assignments::Column::Status,
            sea_orm::sea_query::Expr::value("done"),
        )
        .filter(assignments::Column::Id.eq(owed.id))
        .exec(&other)
        .await
        .unwrap();
    assert_eq!(count().await, before + 1);
    let queue = app.get("/my", Some(&secretary)).await.body;
    assert!(queue.contains(&owed.id.to_string()));
}

/// An assignment's page is read once and shared by its readers: a report
/// through the app, and another process's SQL that corrects the report's
/// note and renames the reporter, the decision and the meeting, each show
/// at the next view.
#[tokio::test]
async fn an_assignments_page_is_read_again_when_anything_it_shows_changes() {
    let app = TestApp::with_demo().await;
    let dc = app.login("dc.dinajpur").await;
    let (_, owed) = dinajpur_owes(&app).await;
    let path = format!("/assignments/{}", owed.id);
    // Read by the meeting's secretary: the page's history names the
    // reporter, not the header.
    let secretary = app.login("secretary").await;
    let first = app.get(&path, Some(&secretary)).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(app.get(&path, Some(&secretary)).await.body, first.body);

    let note = "মাঠ পর্যায়ে কাজ শুরু হয়েছে";
    let r = app
        .request(super::tracking::multipart(
            &format!("{path}/progress"),
            &[
                ("status", None, b"in_progress"),
                ("note", None, note.as_bytes()),
            ],
            &dc,
        ))
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert!(app.get(&path, Some(&secretary)).await.body.contains(note));

    let other = startup::connect(&app.url).await.unwrap();
    let reporter = users::Entity::find()
        .filter(users::Column::Username.eq("dc.dinajpur"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let report = server::db::entities::progress_events::Entity::find()
        .filter(server::db::entities::progress_events::Column::AssignmentId.eq(owed.id))
        .filter(server::db::entities::progress_events::Column::Note.eq(note))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    for (sql, id, text) in [
        (
            "UPDATE progress_events SET note = ? WHERE id = ?",
            report.id,
            "মাঠ পর্যায়ের কাজ সংশোধিত নোট",
        ),
        (
            "UPDATE users SET display_name = ? WHERE id = ?",
            reporter.id,
            "দিনাজপুরের নতুন নামের প্রতিবেদক",
        ),
        (
            "UPDATE decisions SET text_bn = ? WHERE id = ?",
            owed.decision_id,
            "দিনাজপুরের দায়িত্বের নতুন ভাষ্য",
        ),
        (
            "UPDATE meetings SET title_bn = ? WHERE id = ?",
            owed.meeting_id,
            "সভার নতুন শিরোনাম",
        ),
    ] {
        set(&other, sql, id, text).await;
        let seen = app.get(&path, Some(&secretary)).await.body;
        assert!(seen.contains(text), "after {sql}");
    }
}
