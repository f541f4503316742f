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
