//! Integration tests: the real migrations, the demo data, the stores and the
//! HTTP router, on SQLite by default or on PostgreSQL when TEST_DATABASE_URL
//! names a server (scripts/test runs this binary both ways).
use app::domain::{Deadline, MeetingStatus};
use app::error::AppError;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait};
use server::config::ServeArgs;
use server::db::entities::{agenda_items, assignments, decisions, meetings, offices};
use server::{demo, startup};
use tower::ServiceExt;
use uuid::Uuid;

struct TestApp {
    db: DatabaseConnection,
    router: axum::Router,
    _sqlite_file: Option<TempFile>,
}

/// Removes the test's SQLite file when the test ends.
struct TempFile(std::path::PathBuf);

impl Drop for TempFile {
    fn drop(&mut self) {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", self.0.display()));
        }
    }
}

/// A fresh database (its own SQLite file, or its own PostgreSQL database),
/// migrated by the real migrations, behind the real router.
async fn spawn_app() -> TestApp {
    let name = format!("sidhanto_test_{}", Uuid::new_v4().simple());
    let (url, file) = match std::env::var("TEST_DATABASE_URL") {
        Ok(admin_url) => {
            let admin = startup::connect(&admin_url)
                .await
                .expect("connect to PostgreSQL");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create database");
            let base = admin_url.rsplit_once('/').expect("URL with a database").0;
            (format!("{base}/{name}"), None)
        }
        Err(_) => {
            let path = std::env::temp_dir().join(format!("{name}.db"));
            (
                format!("sqlite://{}?mode=rwc", path.display()),
                Some(TempFile(path)),
            )
        }
    };
    let db = startup::connect(&url).await.expect("connect");
    startup::migrate(&db).await.expect("migrate");
    let options = startup::leptos_options(&ServeArgs::default());
    let router = startup::router(startup::services(db.clone()), options);
    TestApp {
        db,
        router,
        _sqlite_file: file,
    }
}

impl TestApp {
    async fn with_demo() -> TestApp {
        let app = spawn_app().await;
        assert!(demo::load(&app.db).await.expect("demo data"));
        app
    }

    async fn request(&self, req: Request<Body>) -> (StatusCode, String) {
        let res = self.router.clone().oneshot(req).await.expect("response");
        let status = res.status();
        let bytes = res.into_body().collect().await.expect("body").to_bytes();
        (status, String::from_utf8_lossy(&bytes).into_owned())
    }

    async fn get(&self, path: &str) -> (StatusCode, String) {
        self.request(Request::get(path).body(Body::empty()).unwrap())
            .await
    }

    /// Calls a server function the way the browser does (URL-encoded POST).
    async fn call(&self, endpoint: &str, form: &str) -> (StatusCode, String) {
        let req = Request::post(format!("/api/{endpoint}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "application/json")
            .body(Body::from(form.to_owned()))
            .unwrap();
        self.request(req).await
    }

    async fn meeting_id(&self) -> Uuid {
        meetings::Entity::find()
            .one(&self.db)
            .await
            .unwrap()
            .expect("a meeting")
            .id
    }
}

#[tokio::test]
async fn migrations_go_down_and_up_again() {
    let app = spawn_app().await;
    Migrator::down(&app.db, None).await.expect("down");
    assert!(
        offices::Entity::find().count(&app.db).await.is_err(),
        "tables dropped"
    );
    Migrator::up(&app.db, None).await.expect("up again");
    assert_eq!(offices::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn demo_data_loads_once() {
    let app = TestApp::with_demo().await;
    let db = &app.db;
    // Division + 8 districts + the ICT directorate and its 6 field offices.
    assert_eq!(offices::Entity::find().count(db).await.unwrap(), 16);
    assert_eq!(meetings::Entity::find().count(db).await.unwrap(), 1);
    assert_eq!(agenda_items::Entity::find().count(db).await.unwrap(), 5);
    assert_eq!(decisions::Entity::find().count(db).await.unwrap(), 7);
    // Every decision goes to all eight district offices.
    assert_eq!(assignments::Entity::find().count(db).await.unwrap(), 7 * 8);
    assert!(
        !demo::load(db).await.unwrap(),
        "a second load writes nothing"
    );
    assert_eq!(meetings::Entity::find().count(db).await.unwrap(), 1);
}

#[tokio::test]
async fn store_reads_the_seed_meeting_back() {
    let app = TestApp::with_demo().await;
    let services = startup::services(app.db.clone());

    let list = services.meetings.list().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].agenda_items, 5);
    assert_eq!(list[0].decisions, 7);
    assert_eq!(list[0].status, MeetingStatus::Issued);

    let m = services.meetings.get(list[0].id).await.unwrap();
    assert!(m.title.contains("৪র্থ ত্রৈমাসিক সভার কার্যবিবরণী"));
    assert_eq!(m.office.name, "বিভাগীয় কমিশনারের কার্যালয়");
    assert_eq!(m.office.branch, "সাধারণ শাখা");
    assert_eq!(m.chair.name, "মো: হাবিবুর রহমান");
    assert_eq!(m.chair.designation, "বিভাগীয় কমিশনার");
    assert_eq!(m.held_on.to_string(), "2023-06-22");
    assert_eq!(m.starts_at.to_string(), "10:30:00");
    assert_eq!(m.quarter.number(), 4);
    assert_eq!(m.fiscal_year.label_bn(), "২০২২-২৩");
    assert_eq!(
        m.memo_number.as_deref(),
        Some("05.47.0000.005.12.002.17.299")
    );
    let subjects: Vec<_> = m.agenda.iter().map(|a| a.subject.as_str()).collect();
    assert_eq!(subjects[1], "সেবা প্রদান প্রতিশ্রুতি সংক্রান্ত পরিবীক্ষণ কমিটি গঠন");
    assert_eq!(subjects.len(), 5);
    let item2 = &m.agenda[1];
    assert_eq!(
        item2.decisions.len(),
        3,
        "agenda item ০২ has three decisions, in order"
    );
    assert!(item2.decisions[0].text.contains("আগামী ১০ দিনের মধ্যে"));
    assert_eq!(item2.decisions[0].deadline, Deadline::DaysAfterIssue(10));
    assert_eq!(item2.decisions[1].deadline, Deadline::Quarterly);
    assert!(item2.decisions[2]
        .text
        .starts_with("পরিবীক্ষণ কমিটির সিদ্ধান্তের"));
    assert_eq!(
        item2.decisions[0].implementers,
        vec!["জেলা প্রশাসক (সকল), রংপুর বিভাগ, রংপুর।"]
    );
    assert_eq!(m.attendees.len(), 14);
    assert_eq!(m.attendees[0].name, "মো: হাবিবুর রহমান");
    assert_eq!(m.recipients.len(), 6);
    assert_eq!(m.recipients[3], "জেলা প্রশাসক (সকল), রংপুর বিভাগ");
    assert_eq!(
        m.issuer.as_ref().map(|s| s.name.as_str()),
        Some("মোঃ মেহেদী হাসান")
    );

    assert_eq!(
        services.meetings.get(Uuid::new_v4()).await,
        Err(AppError::NotFound)
    );
}

#[tokio::test]
async fn server_functions_answer_over_http() {
    let app = TestApp::with_demo().await;
    let id = app.meeting_id().await;

    let (status, body) = app.call("meetings/list", "").await;
    assert_eq!(status, StatusCode::OK, "{body}");
    assert!(body.contains(&id.to_string()));

    let (status, body) = app.call("meetings/get", &format!("id={id}")).await;
    assert_eq!(status, StatusCode::OK, "{body}");
    let meeting: app::domain::Meeting = serde_json::from_str(&body).expect("meeting JSON");
    assert_eq!(meeting.agenda.len(), 5);

    let (status, body) = app
        .call("meetings/get", &format!("id={}", Uuid::new_v4()))
        .await;
    assert_eq!(status, StatusCode::NOT_FOUND, "{body}");
    assert_eq!(
        serde_json::from_str::<AppError>(&body).unwrap(),
        AppError::NotFound
    );
}

#[tokio::test]
async fn pages_render_the_meeting_on_the_server() {
    let app = TestApp::with_demo().await;
    let id = app.meeting_id().await;

    let (status, body) = app.get("/health").await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "ok"));

    let (status, body) = app.get("/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        body.contains(&format!("/meetings/{id}")),
        "the list links to the meeting"
    );
    assert!(body.contains("২২ জুন, ২০২৩"));

    let (status, body) = app.get(&format!("/meetings/{id}")).await;
    assert_eq!(status, StatusCode::OK);
    for text in [
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "সকাল ১০:৩০ টা",
        "বিভাগীয় কমিশনার, রংপুর এর সম্মেলন কক্ষ।",
        "সেবা প্রদান প্রতিশ্রুতি বিষয়ক স্টেকহোল্ডারগণের সমন্বয়ে অবহিতকরণ সভা আয়োজন।",
        "০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.২৯৯",
        "জারির ১০ দিনের মধ্যে",
    ] {
        assert!(body.contains(text), "meeting page lacks {text}");
    }
}
