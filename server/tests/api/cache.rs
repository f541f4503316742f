//! The change counter and what is kept under it: a page is served again only
//! while nothing was written, wherever the write came from (this instance,
//! another one, the command line), and a session ended on one instance is
//! ended on all.
use super::*;

async fn version(db: &DatabaseConnection) -> i64 {
    server::cache::version(db).await.unwrap()
}

#[tokio::test]
async fn a_page_is_served_again_until_anything_is_written() {
    let app = TestApp::with_demo().await;
    let id = app.meeting_id().await;
    let admin = app.login("admin").await;
    let path = format!("/meetings/{id}");

    let first = app.get(&path, Some(&admin)).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(first.cache.as_deref(), Some("miss"));
    let again = app.get(&path, Some(&admin)).await;
    assert_eq!(again.cache.as_deref(), Some("hit"));
    assert_eq!(again.body, first.body);

    // Another user's view of the same page is their own.
    let chair = app.login("chair").await;
    let chairs = app.get(&path, Some(&chair)).await;
    assert_eq!(chairs.cache.as_deref(), Some("miss"));

    // A write from another process (a second pool, as the command line or
    // another instance has) moves the counter; the next view is fresh.
    let before = version(&app.db).await;
    let other = startup::connect(&app.url).await.unwrap();
    meetings::Entity::update_many()
        .col_expr(
            meetings::Column::TitleBn,
            sea_orm::sea_query::Expr::value("নতুন শিরোনামের সভা"),
        )
        .filter(meetings::Column::Id.eq(id))
        .exec(&other)
        .await
        .unwrap();
    assert!(version(&app.db).await > before);
    let fresh = app.get(&path, Some(&admin)).await;
    assert_eq!(fresh.cache.as_deref(), Some("miss"));
    assert!(fresh.body.contains("নতুন শিরোনামের সভা"));

    // A write through the other instance's forms, read on this one.
    let holidays = app.get("/admin/holidays", Some(&admin)).await;
    assert!(!holidays.body.contains("ক্যাশ পরীক্ষার ছুটি"));
    assert_eq!(
        app.get("/admin/holidays", Some(&admin))
            .await
            .cache
            .as_deref(),
        Some("hit")
    );
    let instance_b = test_router(other);
    let form = form_urlencoded::Serializer::new(String::new())
        .append_pair("day", "2030-03-26")
        .append_pair("name", "ক্যাশ পরীক্ষার ছুটি")
        .finish();
    let r = send(
        &instance_b,
        post_request("/admin/holidays", &form, Some(&admin), true),
    )
    .await;
    assert_eq!(r.location.as_deref(), Some("/admin/holidays?ok=saved"));
    let holidays = app.get("/admin/holidays", Some(&admin)).await;
    assert_eq!(holidays.cache.as_deref(), Some("miss"));
    assert!(holidays.body.contains("ক্যাশ পরীক্ষার ছুটি"));
}

#[tokio::test]
async fn signing_out_on_one_instance_ends_the_session_on_the_other() {
    let app = TestApp::with_demo().await;
    let chair = app.login("chair").await;
    // Kept: the session, the user and the page.
    app.get("/my", Some(&chair)).await;
    assert_eq!(
        app.get("/my", Some(&chair)).await.cache.as_deref(),
        Some("hit")
    );

    let instance_b = test_router(startup::connect(&app.url).await.unwrap());
    send(&instance_b, post_request("/logout", "", Some(&chair), true)).await;

    let r = app.get("/my", Some(&chair)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "back to the login form");
    assert!(r.location.unwrap().starts_with("/login"));
}

#[tokio::test]
async fn a_disabled_account_is_refused_at_once() {
    let app = TestApp::with_demo().await;
    let viewer = app.login("chair").await;
    app.get("/my", Some(&viewer)).await;
    users::Entity::update_many()
        .col_expr(
            users::Column::Active,
            sea_orm::sea_query::Expr::value(false),
        )
        .filter(users::Column::Username.eq("chair"))
        .exec(&app.db)
        .await
        .unwrap();
    let r = app.get("/my", Some(&viewer)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
}

/// Every table of the data moves the counter; a table added without its
/// triggers would let pages show what is no longer true.
#[tokio::test]
async fn every_table_moves_the_change_counter() {
    let app = spawn_app().await;
    let backend = app.db.get_database_backend();
    let (tables_sql, triggers_sql) = match backend {
        sea_orm::DbBackend::Postgres => (
            "SELECT table_name AS name FROM information_schema.tables
              WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
            "SELECT DISTINCT event_object_table AS name FROM information_schema.triggers
              WHERE trigger_schema = 'public'",
        ),
        // SQLite's search index (FTS5: no triggers) and its map of rows
        // are written with their meeting, whose counters that moves.
        _ => (
            "SELECT name FROM sqlite_master WHERE type = 'table'
               AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index%'",
            "SELECT DISTINCT tbl_name AS name FROM sqlite_master WHERE type = 'trigger'",
        ),
    };
    let names = |sql: &'static str| {
        let db = app.db.clone();
        async move {
            let rows = db
                .query_all_raw(sea_orm::Statement::from_string(backend, sql))
                .await
                .unwrap();
            rows.iter()
                .map(|r| r.try_get::<String>("", "name").unwrap())
                .collect::<std::collections::BTreeSet<_>>()
        }
    };
    let with_triggers = names(triggers_sql).await;
    let without: Vec<_> = names(tables_sql)
        .await
        .into_iter()
        .filter(|t| !with_triggers.contains(t))
        // The counters themselves.
        .filter(|t| t != "seaql_migrations" && t != "data_version" && !t.ends_with("_versions"))
        .collect();
    assert!(without.is_empty(), "tables without triggers: {without:?}");
}

/// A meeting read once is shared by every reader until its own counter or
/// the directory's moves, whoever wrote and however: here another process's
/// SQL that changes an agenda item, a decision and the office's name, none
/// of them the meeting's row.
#[tokio::test]
async fn a_shared_meeting_is_read_again_when_its_minutes_or_the_directory_change() {
    let app = TestApp::with_demo().await;
    let id = app.meeting_id().await;
    let admin = app.login("admin").await;
    let chair = app.login("chair").await;
    let path = format!("/meetings/{id}");
    assert_eq!(app.get(&path, Some(&admin)).await.status, StatusCode::OK);
    assert_eq!(app.get(&path, Some(&chair)).await.status, StatusCode::OK);

    let other = startup::connect(&app.url).await.unwrap();
    let item = agenda_items::Entity::find()
        .filter(agenda_items::Column::MeetingId.eq(id))
        .one(&other)
        .await
        .unwrap()
        .unwrap();
    agenda_items::Entity::update_many()
        .col_expr(
            agenda_items::Column::SubjectBn,
            sea_orm::sea_query::Expr::value("ভাগ করা সভার নতুন আলোচ্য বিষয়"),
        )
        .filter(agenda_items::Column::Id.eq(item.id))
        .exec(&other)
        .await
        .unwrap();
    let seen = app.get(&path, Some(&chair)).await;
    assert!(seen.body.contains("ভাগ করা সভার নতুন আলোচ্য বিষয়"));

    decisions::Entity::update_many()
        .col_expr(
            decisions::Column::TextBn,
            sea_orm::sea_query::Expr::value("ভাগ করা সভার নতুন সিদ্ধান্ত"),
        )
        .filter(decisions::Column::AgendaItemId.eq(item.id))
        .exec(&other)
        .await
        .unwrap();
    let seen = app.get(&path, Some(&admin)).await;
    assert!(seen.body.contains("ভাগ করা সভার নতুন সিদ্ধান্ত"));

    let office = meetings::Entity::find_by_id(id)
        .one(&other)
        .await
        .unwrap()
        .unwrap()
        .office_id;
    offices::Entity::update_many()
        .col_expr(
            offices::Column::NameBn,
            sea_orm::sea_query::Expr::value("নতুন নামের কার্যালয়"),
        )
        .filter(offices::Column::Id.eq(office))
        .exec(&other)
        .await
        .unwrap();
    let seen = app.get(&path, Some(&chair)).await;
    assert!(seen.body.contains("নতুন নামের কার্যালয়"));
}

/// A meeting's assignments and a dashboard are shared by their readers
/// until the office's counter moves: another process's SQL that reports on
/// the meeting's assignments verified shows at once, in both.
#[tokio::test]
async fn shared_tracking_is_read_again_when_an_assignment_changes() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let id = assignments::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .expect("the seed's issued meeting owes work")
        .meeting_id;
    let read = |what: &'static str| {
        let (app, secretary) = (&app, &secretary);
        async move {
            let args = match what {
                "dashboard" => "fiscal_year=".to_string(),
                _ => format!("id={id}"),
            };
            app.call(what, &args, Some(secretary)).await.body
        }
    };
    let rows = read("meetings/assignments").await;
    assert!(rows.contains("not_started"), "{rows}");
    let dashboard = read("dashboard").await;
    assert_eq!(read("dashboard").await, dashboard);

    let other = startup::connect(&app.url).await.unwrap();
    assignments::Entity::update_many()
        .col_expr(
            assignments::Column::Status,
            sea_orm::sea_query::Expr::value("verified"),
        )
        .filter(assignments::Column::MeetingId.eq(id))
        .exec(&other)
        .await
        .unwrap();
    let rows = read("meetings/assignments").await;
    assert!(
        !rows.contains("not_started") && rows.contains("verified"),
        "{rows}"
    );
    assert_ne!(read("dashboard").await, dashboard);
}

/// One number read with raw SQL (the counters have no entities).
async fn number(db: &DatabaseConnection, sql: &str, values: Vec<sea_orm::Value>) -> i64 {
    let backend = db.get_database_backend();
    let sql = server::store::search::placeholders(backend, sql);
    db.query_one_raw(sea_orm::Statement::from_sql_and_values(
        backend, sql, values,
    ))
    .await
    .unwrap()
    .map_or(0, |r| r.try_get_by_index::<i64>(0).unwrap())
}

pub(crate) async fn office_counter(db: &DatabaseConnection, office: Uuid) -> i64 {
    let sql = "SELECT version FROM office_versions WHERE office_id = ?";
    number(db, sql, vec![office.into()]).await
}

/// An assignment given to another office moves the counter of the office it
/// left too, or that office's pages would keep showing it.
#[tokio::test]
async fn a_row_moved_to_another_office_moves_the_counter_of_the_one_it_left() {
    let app = TestApp::with_demo().await;
    let a = assignments::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let owing: Vec<Uuid> = assignments::Entity::find()
        .filter(assignments::Column::DecisionId.eq(a.decision_id))
        .all(&app.db)
        .await
        .unwrap()
        .iter()
        .map(|o| o.office_id)
        .chain([a.meeting_office_id])
        .collect();
    let other = offices::Entity::find()
        .filter(offices::Column::Id.is_not_in(owing))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let (left, joined) = (
        office_counter(&app.db, a.office_id).await,
        office_counter(&app.db, other).await,
    );
    assignments::Entity::update_many()
        .col_expr(
            assignments::Column::OfficeId,
            sea_orm::sea_query::Expr::value(other),
        )
        .filter(assignments::Column::Id.eq(a.id))
        .exec(&app.db)
        .await
        .unwrap();
    assert!(office_counter(&app.db, a.office_id).await > left);
    assert!(office_counter(&app.db, other).await > joined);
}

/// Issuing a memo counts its office's letter serial up: that alone leaves
/// the directory's and the accounts' counters (everything shared and every
/// signed-in user would be read again after each memo); any other column of
/// an office moves them.
#[tokio::test]
async fn a_memo_serial_leaves_the_directory_and_the_accounts_as_they_were() {
    let app = TestApp::with_demo().await;
    let rows = |db: DatabaseConnection| async move {
        let sql = "SELECT version FROM data_version WHERE id = ?";
        (
            number(&db, sql, vec![2.into()]).await,
            number(&db, sql, vec![3.into()]).await,
        )
    };
    let office = offices::Entity::find().one(&app.db).await.unwrap().unwrap();
    let before = rows(app.db.clone()).await;
    offices::Entity::update_many()
        .col_expr(
            offices::Column::NextSerial,
            sea_orm::sea_query::Expr::cust("next_serial + 1"),
        )
        .filter(offices::Column::Id.eq(office.id))
        .exec(&app.db)
        .await
        .unwrap();
    assert_eq!(rows(app.db.clone()).await, before);
    offices::Entity::update_many()
        .col_expr(
            offices::Column::Email,
            sea_orm::sea_query::Expr::value("dc@example.gov.bd"),
        )
        .filter(offices::Column::Id.eq(office.id))
        .exec(&app.db)
        .await
        .unwrap();
    let after = rows(app.db.clone()).await;
    assert!(after.0 > before.0 && after.1 > before.1);

    // Every column but the serial is watched, a new one too.
    use sea_orm::{EntityName, Iterable};
    let mut columns: Vec<String> = offices::Column::iter()
        .map(|c| sea_orm::IdenStatic::as_str(&c).to_string())
        .filter(|c| c != "next_serial")
        .collect();
    let mut watched: Vec<String> = migrations::m20261206_000001_counter_fixes::OFFICE_COLUMNS
        .iter()
        .map(|c| c.to_string())
        .collect();
    columns.sort();
    watched.sort();
    assert_eq!(watched, columns, "{}", offices::Entity.table_name());
}

/// An assignment written by SQL outside the app, without its meeting, gets
/// it from its decision, so the dashboards count it.
#[tokio::test]
async fn an_assignment_written_without_its_meeting_gets_it() {
    let app = TestApp::with_demo().await;
    let a = assignments::Entity::find()
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let id = Uuid::new_v4();
    let backend = app.db.get_database_backend();
    let sql = "INSERT INTO assignments (id, decision_id, office_id, due_on, status, updated_at)
               SELECT ?, a.decision_id, o.id, a.due_on, 'not_started', a.updated_at
                 FROM assignments a, offices o
                WHERE a.id = ? AND o.id NOT IN
                      (SELECT office_id FROM assignments WHERE decision_id = a.decision_id)
                LIMIT 1";
    app.db
        .execute_raw(sea_orm::Statement::from_sql_and_values(
            backend,
            server::store::search::placeholders(backend, sql),
            [id.into(), a.id.into()],
        ))
        .await
        .unwrap();
    let written = assignments::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        (
            written.meeting_id,
            written.meeting_office_id,
            written.fiscal_year
        ),
        (a.meeting_id, a.meeting_office_id, a.fiscal_year)
    );
}

/// The APA view is kept under its offices' counters: a meeting moved to
/// another quarter by another process shows at the next view.
#[tokio::test]
async fn the_apa_view_is_counted_again_when_a_meeting_of_its_offices_changes() {
    let app = TestApp::with_demo().await;
    let admin = app.login("admin").await;
    let id = app.meeting_id().await;
    let meeting = meetings::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let form = format!(
        "fiscal_year={}",
        app::domain::dates::FiscalYear(meeting.fiscal_year).code()
    );
    let view = || async {
        app.call("dashboard/compliance", &form, Some(&admin))
            .await
            .body
    };
    let before = view().await;
    assert_eq!(view().await, before);
    let other = startup::connect(&app.url).await.unwrap();
    meetings::Entity::update_many()
        .col_expr(
            meetings::Column::Quarter,
            sea_orm::sea_query::Expr::value(meeting.quarter % 4 + 1),
        )
        .filter(meetings::Column::Id.eq(id))
        .exec(&other)
        .await
        .unwrap();
    assert_ne!(view().await, before);
}

/// Requests share reads of the change counters, but none is answered by a
/// read that began before it arrived: with others asking all the while, a
/// title another process commits shows at the next view, every time.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_write_shows_at_the_next_view_while_many_others_ask() {
    let app = std::sync::Arc::new(TestApp::with_demo().await);
    let id = app.meeting_id().await;
    let path = format!("/meetings/{id}");
    let admin = app.login("admin").await;
    let chair = app.login("chair").await;
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let others: Vec<_> = (0..6)
        .map(|_| {
            let (app, path, chair, stop) = (app.clone(), path.clone(), chair.clone(), stop.clone());
            tokio::spawn(async move {
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    assert_eq!(app.get(&path, Some(&chair)).await.status, StatusCode::OK);
                }
            })
        })
        .collect();
    let other = startup::connect(&app.url).await.unwrap();
    for i in 0..25 {
        let title = format!("একসাথে পড়ার পরীক্ষা {i}");
        meetings::Entity::update_many()
            .col_expr(
                meetings::Column::TitleBn,
                sea_orm::sea_query::Expr::value(title.clone()),
            )
            .filter(meetings::Column::Id.eq(id))
            .exec(&other)
            .await
            .unwrap();
        let seen = app.get(&path, Some(&admin)).await.body;
        assert!(seen.contains(&title), "write {i} not seen");
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    for task in others {
        task.await.unwrap();
    }
}
