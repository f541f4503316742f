//! Integration tests: the real migrations, the demo data, the stores and the
//! HTTP router, on SQLite by default or on PostgreSQL when TEST_DATABASE_URL
//! names a server (scripts/test runs this binary both ways).
use app::domain::audit::{AuditEntry, UserSummary};
use app::domain::auth::{CurrentUser, Role};
use app::domain::{Deadline, MeetingStatus};
use app::error::AppError;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};
use server::config::CreateUserArgs;
use server::config::ServeArgs;
use server::db::entities::{
    agenda_items, assignments, audit_events, decisions, meetings, offices, users,
};
use server::store::accounts::{self, NewUser};
use server::{cli, demo, startup};
use tower::ServiceExt;
use uuid::Uuid;

struct TestApp {
    db: DatabaseConnection,
    url: String,
    router: axum::Router,
    _sqlite_file: Option<TempFile>,
    _pg_database: Option<PgDatabase>,
}

const HOST: &str = "127.0.0.1:3000";
const ORIGIN: &str = "http://127.0.0.1:3000";

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
/// Drops the test's PostgreSQL database when the test ends (from a thread
/// of its own: the test's runtime may be shutting down).
struct PgDatabase {
    admin_url: String,
    name: String,
}

impl Drop for PgDatabase {
    fn drop(&mut self) {
        let (admin_url, name) = (self.admin_url.clone(), self.name.clone());
        let _ = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("a runtime");
            rt.block_on(async {
                if let Ok(admin) = startup::connect(&admin_url).await {
                    let drop = format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)");
                    let _ = admin.execute_unprepared(&drop).await;
                }
            });
        })
        .join();
    }
}

async fn spawn_app() -> TestApp {
    let name = format!("sidhanto_test_{}", Uuid::new_v4().simple());
    let (url, file, pg) = match std::env::var("TEST_DATABASE_URL") {
        Ok(admin_url) => {
            let admin = startup::connect(&admin_url)
                .await
                .expect("connect to PostgreSQL");
            admin
                .execute_unprepared(&format!("CREATE DATABASE {name}"))
                .await
                .expect("create database");
            let base = admin_url.rsplit_once('/').expect("URL with a database").0;
            let url = format!("{base}/{name}");
            (url, None, Some(PgDatabase { admin_url, name }))
        }
        Err(_) => {
            let path = std::env::temp_dir().join(format!("{name}.db"));
            (
                format!("sqlite://{}?mode=rwc", path.display()),
                Some(TempFile(path)),
                None,
            )
        }
    };
    let db = startup::connect(&url).await.expect("connect");
    startup::migrate(&db).await.expect("migrate");
    let router = test_router(db.clone());
    TestApp {
        db,
        url,
        router,
        _sqlite_file: file,
        _pg_database: pg,
    }
}

/// Evidence files of the test runs, outside the repository.
fn evidence_dir() -> std::path::PathBuf {
    std::env::temp_dir().join("sidhanto-test-evidence")
}

fn test_router(db: DatabaseConnection) -> axum::Router {
    let args = ServeArgs {
        // Keys of one test run, outside the repository.
        key_dir: std::env::temp_dir().join("sidhanto-test-keys"),
        evidence_dir: evidence_dir(),
        ..ServeArgs::default()
    };
    startup::router(db, &args)
}

impl TestApp {
    async fn with_demo() -> TestApp {
        let app = spawn_app().await;
        assert!(demo::load(&app.db).await.expect("demo data"));
        app
    }

    async fn request(&self, req: Request<Body>) -> Reply {
        send(&self.router, req).await
    }

    async fn get(&self, path: &str, session: Option<&str>) -> Reply {
        let mut req = Request::get(path).header("host", HOST);
        if let Some(cookie) = session {
            req = req.header("cookie", cookie);
        }
        self.request(req.body(Body::empty()).unwrap()).await
    }

    /// A form POST as a browser on one of our pages sends it.
    async fn post(&self, path: &str, form: &str, session: Option<&str>) -> Reply {
        self.request(post_request(path, form, session, true)).await
    }

    /// Calls a server function the way the browser does (URL-encoded POST).
    async fn call(&self, endpoint: &str, form: &str, session: Option<&str>) -> Reply {
        self.post(&format!("/api/{endpoint}"), form, session).await
    }

    /// Signs in; returns the session cookie ("sidhanto_session=…").
    async fn login(&self, username: &str) -> String {
        self.login_with(username, demo::DEMO_PASSWORD)
            .await
            .expect("login succeeds")
    }

    /// Ok(cookie), or Err(where the login form sent us back to).
    async fn login_with(&self, username: &str, password: &str) -> Result<String, String> {
        let form = format!("username={username}&password={password}");
        let reply = self.post("/login", &form, None).await;
        assert_eq!(
            reply.status,
            StatusCode::SEE_OTHER,
            "login answers with a redirect"
        );
        match reply.cookie {
            Some(c) if reply.location.as_deref() == Some("/") => Ok(c),
            _ => Err(reply.location.unwrap_or_default()),
        }
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

struct Reply {
    status: StatusCode,
    body: String,
    location: Option<String>,
    cookie: Option<String>,
    /// "hit" or "miss" when the answer is a page the cache could keep.
    cache: Option<String>,
}

async fn send(router: &axum::Router, req: Request<Body>) -> Reply {
    let res = router.clone().oneshot(req).await.expect("response");
    let status = res.status();
    // In a block: nothing borrowing the response is held across the await
    // below, so `send` can run in a spawned task.
    let (location, cache, cookie) = {
        let header = |name: &str| {
            res.headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(str::to_owned)
        };
        let cookie = header("set-cookie")
            .filter(|c| c.starts_with("sidhanto_session="))
            .and_then(|c| c.split(';').next().map(str::to_owned));
        (header("location"), header("x-sidhanto-cache"), cookie)
    };
    let bytes = res.into_body().collect().await.expect("body").to_bytes();
    Reply {
        status,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        location,
        cookie,
        cache,
    }
}

fn post_request(path: &str, form: &str, session: Option<&str>, same_origin: bool) -> Request<Body> {
    let mut req = Request::post(path)
        .header("host", HOST)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json");
    if same_origin {
        req = req.header("origin", ORIGIN);
    }
    if let Some(cookie) = session {
        req = req.header("cookie", cookie);
    }
    req.body(Body::from(form.to_owned())).unwrap()
}

async fn audit_count(db: &DatabaseConnection, action: &str) -> u64 {
    audit_events::Entity::find()
        .filter(audit_events::Column::Action.eq(action))
        .count(db)
        .await
        .unwrap()
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

    let meeting = services.meetings.get(list[0].id).await.unwrap();
    let m = &meeting.minutes;
    assert!(m.title.contains("৪র্থ ত্রৈমাসিক সভার কার্যবিবরণী"));
    assert_eq!(meeting.office.name, "বিভাগীয় কমিশনারের কার্যালয়");
    assert_eq!(meeting.office.branch, "সাধারণ শাখা");
    assert_eq!(m.chair.name, "মো: হাবিবুর রহমান");
    assert_eq!(m.chair.designation, "বিভাগীয় কমিশনার");
    assert_eq!(m.held_on.to_string(), "2023-06-22");
    assert_eq!(m.starts_at.to_string(), "10:30:00");
    assert_eq!(m.quarter, 4);
    assert_eq!(m.fiscal_year, "2022-23");
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
        item2.decisions[0].implementers[0].label,
        "জেলা প্রশাসক (সকল), রংপুর বিভাগ, রংপুর।"
    );
    assert_eq!(m.attendees.len(), 14);
    assert_eq!(m.attendees[0].name, "মো: হাবিবুর রহমান");
    assert_eq!(m.distribution.recipients.len(), 6);
    assert_eq!(m.distribution.recipients[3], "জেলা প্রশাসক (সকল), রংপুর বিভাগ");
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
    let viewer = app.login("viewer").await;
    let s = Some(viewer.as_str());

    let r = app.call("meetings/list", "", s).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains(&id.to_string()));

    let r = app.call("meetings/get", &format!("id={id}"), s).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let meeting: app::domain::Meeting = serde_json::from_str(&r.body).expect("meeting JSON");
    assert_eq!(meeting.minutes.agenda.len(), 5);

    let r = app
        .call("meetings/get", &format!("id={}", Uuid::new_v4()), s)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    assert_eq!(
        serde_json::from_str::<AppError>(&r.body).unwrap(),
        AppError::NotFound
    );

    let r = app.call("meetings/list", "", None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "no session, no minutes");
    assert_eq!(
        serde_json::from_str::<AppError>(&r.body).unwrap(),
        AppError::Unauthenticated
    );
}

#[tokio::test]
async fn pages_render_the_meeting_on_the_server() {
    let app = TestApp::with_demo().await;
    let id = app.meeting_id().await;

    let r = app.get("/health", None).await;
    assert_eq!((r.status, r.body.as_str()), (StatusCode::OK, "ok"));
    let r = app.get("/", None).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/login?next=%2F"),
        "pages need a session"
    );

    let session = app.login("viewer").await;
    let r = app.get("/", Some(&session)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains(&format!("/meetings/{id}")),
        "the list links to the meeting"
    );
    assert!(r.body.contains("২২ জুন, ২০২৩"));

    let r = app.get(&format!("/meetings/{id}"), Some(&session)).await;
    assert_eq!(r.status, StatusCode::OK);
    for text in [
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "সকাল ১০:৩০ টা",
        "বিভাগীয় কমিশনার, রংপুর এর সম্মেলন কক্ষ।",
        "সেবা প্রদান প্রতিশ্রুতি বিষয়ক স্টেকহোল্ডারগণের সমন্বয়ে অবহিতকরণ সভা আয়োজন।",
        "০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.২৯৯",
        "জারির ১০ দিনের মধ্যে",
        "সভা যুক্ত করা হয়েছে",
    ] {
        assert!(r.body.contains(text), "meeting page lacks {text}");
    }
    for header in [
        "content-security-policy",
        "x-frame-options",
        "x-content-type-options",
    ] {
        let res = app
            .router
            .clone()
            .oneshot(Request::get("/health").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert!(res.headers().contains_key(header), "missing {header}");
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Nobody,
    Viewer,
    Secretary,
    Chair,
    Implementer,
    Admin,
    /// An admin of another office (the ICT directorate), not above Rangpur.
    OtherAdmin,
}

const EVERYONE: &[Who] = &[
    Who::Nobody,
    Who::Viewer,
    Who::Secretary,
    Who::Chair,
    Who::Implementer,
    Who::Admin,
    Who::OtherAdmin,
];
const SIGNED_IN: &[Who] = &[
    Who::Viewer,
    Who::Secretary,
    Who::Chair,
    Who::Implementer,
    Who::Admin,
    Who::OtherAdmin,
];
const ADMINS: &[Who] = &[Who::Admin, Who::OtherAdmin];

/// Every server function and plain route, and who may call it. A server
/// function missing here fails `authorization_matrix`.
const MATRIX: &[(&str, &str, &[Who])] = &[
    ("POST", "/api/meetings/list", SIGNED_IN),
    ("POST", "/api/meetings/get", SIGNED_IN),
    ("POST", "/api/account/me", EVERYONE),
    ("POST", "/api/admin/users", ADMINS),
    ("POST", "/api/audit/recent", ADMINS),
    ("POST", "/api/audit/meeting", SIGNED_IN),
    ("GET", "/health", EVERYONE),
    ("POST", "/login", EVERYONE),
    ("POST", "/logout", EVERYONE),
    ("POST", "/lang", EVERYONE),
    ("POST", "/account/password", SIGNED_IN),
    // The Dinajpur implementer's account: only an admin above Dinajpur.
    ("POST", "/admin/users/{id}/unlock", &[Who::Admin]),
    ("GET", "/meetings/{id}/memo.pdf", SIGNED_IN),
    // An empty body: the secretary passes the check and gets 422.
    ("POST", "/meetings/import", &[Who::Secretary]),
    // An empty body: an admin passes the check and gets 422.
    ("POST", "/admin/records/import", ADMINS),
    ("GET", "/meetings/{id}/minutes.json", SIGNED_IN),
    ("POST", "/api/meetings/editor", &[Who::Secretary]),
    ("POST", "/api/directory/offices", ADMINS),
    ("POST", "/api/directory/people", ADMINS),
    // Empty forms: the secretary passes the checks and gets the problems.
    // An empty form: an admin passes the first check and is sent back to it.
    ("POST", "/admin/people", ADMINS),
    ("POST", "/admin/holidays", ADMINS),
    ("POST", "/api/admin/holidays", SIGNED_IN),
    ("POST", "/meetings/new", &[Who::Secretary]),
    ("POST", "/meetings/{id}/edit", &[Who::Secretary]),
    ("POST", "/api/meetings/workflow", SIGNED_IN),
    // No memo has this code: 404 for everyone, and nobody is turned away.
    ("POST", "/api/verify", EVERYONE),
    ("POST", "/verify/{code}", EVERYONE),
    // The demo meeting is issued: the permitted are told it is the wrong step.
    ("POST", "/meetings/{id}/submit", &[Who::Secretary]),
    ("POST", "/meetings/{id}/return", &[Who::Chair]),
    ("POST", "/meetings/{id}/approve", &[Who::Chair]),
    ("POST", "/meetings/{id}/correct", &[Who::Secretary]),
    ("POST", "/account/signature", SIGNED_IN),
    ("POST", "/api/assignments/mine", SIGNED_IN),
    ("POST", "/api/assignments/reminders", SIGNED_IN),
    // Dinajpur's part: Dinajpur and the Rangpur offices, not the ICT admin.
    (
        "POST",
        "/api/assignments/get",
        &[
            Who::Viewer,
            Who::Secretary,
            Who::Chair,
            Who::Implementer,
            Who::Admin,
        ],
    ),
    ("POST", "/api/dashboard", SIGNED_IN),
    ("POST", "/api/search", SIGNED_IN),
    ("POST", "/api/dashboard/compliance", SIGNED_IN),
    ("POST", "/api/meetings/carry_forward", SIGNED_IN),
    // Dinajpur's part of decision 01: its implementer; the meeting's
    // secretary and chair review (an empty form: told what is missing).
    ("POST", "/assignments/{id}/progress", &[Who::Implementer]),
    (
        "POST",
        "/assignments/{id}/review",
        &[Who::Secretary, Who::Chair],
    ),
    // No such file: 404 for the signed in.
    ("GET", "/evidence/{sha}", SIGNED_IN),
    ("GET", "/reports/{file}", SIGNED_IN),
];

/// `admin.doict`: an admin of another office (the ICT directorate), not
/// above Rangpur.
async fn add_other_admin(app: &TestApp) {
    let doict = offices::Entity::find()
        .filter(offices::Column::NameEn.eq("Department of ICT"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    accounts::create_user(
        &app.db,
        None,
        NewUser {
            username: "admin.doict",
            display_name: "ICT admin",
            person_id: None,
            password_hash: password_auth::generate_hash(demo::DEMO_PASSWORD),
            grants: vec![(Role::Admin, doict, true)],
        },
    )
    .await
    .unwrap();
}

#[tokio::test]
async fn authorization_matrix() {
    let app = TestApp::with_demo().await;
    let meeting = app.meeting_id().await;
    add_other_admin(&app).await;
    let target = users::Entity::find()
        .filter(users::Column::Username.eq("dc.dinajpur"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;

    let dinajpur = offices::Entity::find()
        .filter(offices::Column::Code.eq("dc-dinajpur"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;
    let dinajpur_part = assignments::Entity::find()
        .filter(assignments::Column::OfficeId.eq(dinajpur))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;

    // Every server function and plain route has an entry, and no entry is stale.
    let mut routes: Vec<(String, String)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (method.to_string(), path.to_string()))
        .collect();
    // The router's own table: a route added to it without an entry here
    // fails below.
    routes.extend(
        server::routes::table()
            .iter()
            .map(|r| (r.method.to_string(), r.path.to_string())),
    );
    for (method, path) in &routes {
        assert!(
            MATRIX.iter().any(|(m, p, _)| m == method && p == path),
            "{method} {path} has no entry in the authorization matrix"
        );
    }
    for (m, p, _) in MATRIX {
        assert!(
            routes.iter().any(|(rm, rp)| rm == m && rp == p),
            "stale matrix entry {m} {p}"
        );
    }

    for &(method, path, allowed) in MATRIX {
        for who in EVERYONE {
            let username = match who {
                Who::Nobody => None,
                Who::Viewer => Some("viewer"),
                Who::Secretary => Some("secretary"),
                Who::Chair => Some("chair"),
                Who::Implementer => Some("dc.dinajpur"),
                Who::Admin => Some("admin"),
                Who::OtherAdmin => Some("admin.doict"),
            };
            // A fresh session per call: /logout and /account/password end or renew it.
            let session = match username {
                Some(u) => Some(app.login(u).await),
                None => None,
            };
            let id = if path.starts_with("/meetings/") {
                meeting
            } else if path.starts_with("/assignments/") {
                dinajpur_part
            } else {
                target
            };
            let path = path
                .replace("{id}", &id.to_string())
                .replace("{sha}", &"0".repeat(64))
                .replace("{file}", "implementation.csv");
            let form = match path.as_str() {
                "/api/verify" => "code=nosuchcode".to_string(),
                "/api/search" => "query=abc".to_string(),
                "/api/dashboard/compliance" | "/api/dashboard" => "fiscal_year=".to_string(),
                "/api/assignments/get" => format!("id={dinajpur_part}"),
                "/api/meetings/carry_forward" => format!("id={meeting}"),
                "/api/meetings/get"
                | "/api/audit/meeting"
                | "/api/meetings/editor"
                | "/api/meetings/workflow" => {
                    format!("id={meeting}")
                }
                "/api/directory/offices" | "/api/directory/people" => "query=".to_string(),
                "/login" => "username=nobody&password=x".to_string(),
                "/lang" => "lang=en&back=/".to_string(),
                "/account/password" => {
                    "current_password=&new_password=&confirm_password=".to_string()
                }
                _ => String::new(),
            };
            let reply = if method == "GET" {
                app.get(&path, session.as_deref()).await
            } else {
                app.post(&path, &form, session.as_deref()).await
            };
            // For people, the sign-in gate answers a page request without a
            // session with a redirect to the login form: that is a refusal too.
            let to_login = reply.status == StatusCode::SEE_OTHER
                && reply
                    .location
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/login?next="));
            let denied = to_login
                || matches!(
                    reply.status,
                    StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
                );
            assert_eq!(
                !denied,
                allowed.contains(who),
                "{method} {path} as {who:?} answered {}: {}",
                reply.status,
                reply.body
            );
            if denied {
                if *who == Who::Nobody {
                    assert!(
                        to_login || reply.status == StatusCode::UNAUTHORIZED,
                        "{method} {path} as nobody"
                    );
                } else {
                    assert_eq!(
                        reply.status,
                        StatusCode::FORBIDDEN,
                        "{method} {path} as {who:?}"
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn wrong_passwords_lock_the_account_and_an_admin_unlocks_it() {
    let app = TestApp::with_demo().await;
    assert_eq!(
        app.login_with("nosuchuser", "whatever-123")
            .await
            .unwrap_err(),
        "/login?error=wrong&username=nosuchuser"
    );
    assert_eq!(
        app.login_with("", "x").await.unwrap_err(),
        "/login?error=missing_username"
    );
    assert_eq!(
        app.login_with("chair", "").await.unwrap_err(),
        "/login?error=missing_password&username=chair"
    );
    for _ in 0..4 {
        assert_eq!(
            app.login_with("chair", "wrong-password").await.unwrap_err(),
            "/login?error=wrong&username=chair"
        );
    }
    assert_eq!(
        app.login_with("chair", "wrong-password").await.unwrap_err(),
        "/login?error=locked&username=chair"
    );
    // Locked: even the right password is refused, with the same clear reason.
    assert_eq!(
        app.login_with("chair", demo::DEMO_PASSWORD)
            .await
            .unwrap_err(),
        "/login?error=locked&username=chair"
    );
    assert_eq!(audit_count(&app.db, "user.lock").await, 1);

    let chair = users::Entity::find()
        .filter(users::Column::Username.eq("chair"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let admin = app.login("admin").await;
    let r = app
        .post(
            &format!("/admin/users/{}/unlock", chair.id),
            "",
            Some(&admin),
        )
        .await;
    assert_eq!(r.location.as_deref(), Some("/admin/users"));
    assert_eq!(audit_count(&app.db, "user.unlock").await, 1);
    assert!(app.login_with("chair", demo::DEMO_PASSWORD).await.is_ok());
}

#[tokio::test]
async fn posts_from_other_sites_are_refused_and_change_nothing() {
    let app = TestApp::with_demo().await;
    let session = app.login("secretary").await;
    let form = "current_password=sidhanto-demo&new_password=a-new-password-1&confirm_password=a-new-password-1";

    let r = app
        .request(post_request(
            "/account/password",
            form,
            Some(&session),
            false,
        ))
        .await;
    assert_eq!(
        r.status,
        StatusCode::FORBIDDEN,
        "no Origin, no Sec-Fetch-Site"
    );
    let mut cross = post_request("/account/password", form, Some(&session), false);
    cross
        .headers_mut()
        .insert("sec-fetch-site", "cross-site".parse().unwrap());
    assert_eq!(app.request(cross).await.status, StatusCode::FORBIDDEN);
    let mut foreign = post_request("/api/meetings/list", "", Some(&session), false);
    foreign
        .headers_mut()
        .insert("origin", "http://evil.example".parse().unwrap());
    assert_eq!(app.request(foreign).await.status, StatusCode::FORBIDDEN);
    let login = app
        .request(post_request(
            "/login",
            "username=chair&password=sidhanto-demo",
            None,
            false,
        ))
        .await;
    assert_eq!(login.status, StatusCode::FORBIDDEN);
    assert!(login.cookie.is_none());

    assert_eq!(audit_count(&app.db, "user.password_change").await, 0);
    assert!(
        app.login_with("secretary", demo::DEMO_PASSWORD)
            .await
            .is_ok(),
        "the password is unchanged"
    );
}

#[tokio::test]
async fn password_change_is_checked_and_audited() {
    let app = TestApp::with_demo().await;
    let session = app.login("secretary").await;
    let change = |current: &str, new: &str, confirm: &str| {
        format!("current_password={current}&new_password={new}&confirm_password={confirm}")
    };
    let r = app
        .post(
            "/account/password",
            &change("wrong-password", "a-new-password-1", "a-new-password-1"),
            Some(&session),
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?error=wrong_current&field=current_password")
    );
    let r = app
        .post(
            "/account/password",
            &change("sidhanto-demo", "short", "short"),
            Some(&session),
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?error=too_short&field=new_password")
    );
    let r = app
        .post(
            "/account/password",
            &change("sidhanto-demo", "a-new-password-1", "another-one-22"),
            Some(&session),
        )
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?error=mismatch&field=confirm_password")
    );
    assert_eq!(audit_count(&app.db, "user.password_change").await, 0);

    let r = app
        .post(
            "/account/password",
            &change("sidhanto-demo", "a-new-password-1", "a-new-password-1"),
            Some(&session),
        )
        .await;
    assert_eq!(r.location.as_deref(), Some("/account?ok=password"));
    assert_eq!(audit_count(&app.db, "user.password_change").await, 1);
    assert!(app
        .login_with("secretary", demo::DEMO_PASSWORD)
        .await
        .is_err());
    assert!(app
        .login_with("secretary", "a-new-password-1")
        .await
        .is_ok());
}

#[tokio::test]
async fn sessions_survive_a_restart() {
    let app = TestApp::with_demo().await;
    let session = app.login("chair").await;
    // A new server process: new pool, new router, same database.
    let restarted = test_router(startup::connect(&app.url).await.unwrap());
    let r = send(
        &restarted,
        post_request("/api/account/me", "", Some(&session), true),
    )
    .await;
    assert_eq!(r.status, StatusCode::OK);
    let me: Option<CurrentUser> = serde_json::from_str(&r.body).unwrap();
    assert_eq!(me.map(|u| u.username).as_deref(), Some("chair"));

    // After logout the same cookie is worthless, on either instance.
    send(
        &restarted,
        post_request("/logout", "", Some(&session), true),
    )
    .await;
    let r = app.call("account/me", "", Some(&session)).await;
    assert_eq!(r.body, "null");
}

#[tokio::test]
async fn every_kind_of_change_leaves_an_audit_row() {
    let app = TestApp::with_demo().await;
    // The demo load itself: the meeting and one user per role.
    assert_eq!(audit_count(&app.db, "meeting.import").await, 1);
    assert_eq!(audit_count(&app.db, "user.create").await, 5);
    let admin = app.login("admin").await;
    let r = app.call("audit/recent", "", Some(&admin)).await;
    let entries: Vec<AuditEntry> = serde_json::from_str(&r.body).unwrap();
    assert_eq!(entries.len(), 6);
    let meeting = app.meeting_id().await;
    let r = app
        .call("audit/meeting", &format!("id={meeting}"), Some(&admin))
        .await;
    let entries: Vec<AuditEntry> = serde_json::from_str(&r.body).unwrap();
    assert_eq!(
        entries
            .iter()
            .map(|e| e.action.as_str())
            .collect::<Vec<_>>(),
        ["meeting.import"]
    );
    // Password change, lock and unlock are covered by their own tests above.
}

#[tokio::test]
async fn create_user_makes_a_first_admin_who_can_sign_in() {
    let app = TestApp::with_demo().await;
    let args = |username: &str, office: Option<&str>| CreateUserArgs {
        username: username.into(),
        name: "নতুন প্রশাসক".into(),
        role: "admin".into(),
        office: office.map(str::to_owned),
        include_below: false,
    };
    // Two top-level offices (the division and the ICT directorate): say which.
    assert!(
        cli::create_user(&app.db, args("boss", None), "a-long-password")
            .await
            .is_err()
    );
    assert!(
        cli::create_user(&app.db, args("boss", Some("Department of ICT")), "short")
            .await
            .is_err()
    );
    cli::create_user(
        &app.db,
        args("boss", Some("Department of ICT")),
        "a-long-password",
    )
    .await
    .unwrap();
    assert!(
        cli::create_user(
            &app.db,
            args("BOSS", Some("Department of ICT")),
            "a-long-password"
        )
        .await
        .is_err(),
        "usernames are unique regardless of case"
    );
    let session = app
        .login_with("boss", "a-long-password")
        .await
        .expect("the new admin signs in");
    let r = app.call("admin/users", "", Some(&session)).await;
    assert_eq!(r.status, StatusCode::OK);
    let users: Vec<UserSummary> = serde_json::from_str(&r.body).unwrap();
    assert_eq!(
        users
            .iter()
            .map(|u| u.username.as_str())
            .collect::<Vec<_>>(),
        ["boss"],
        "only the ICT office's users"
    );
    assert_eq!(audit_count(&app.db, "user.create").await, 6);
}

#[tokio::test]
async fn one_address_cannot_try_logins_without_end() {
    let app = TestApp::with_demo().await;
    let from = |ip: &str| {
        let mut req = post_request(
            "/login",
            "username=nobody&password=wrong-password",
            None,
            true,
        );
        let addr: std::net::SocketAddr = format!("{ip}:40000").parse().unwrap();
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(addr));
        req
    };
    for _ in 0..20 {
        assert_eq!(
            app.request(from("192.0.2.7")).await.location.as_deref(),
            Some("/login?error=wrong&username=nobody")
        );
    }
    assert_eq!(
        app.request(from("192.0.2.7")).await.location.as_deref(),
        Some("/login?error=too_many&username=nobody")
    );
    assert_eq!(
        app.request(from("192.0.2.8")).await.location.as_deref(),
        Some("/login?error=wrong&username=nobody")
    );
}

#[tokio::test]
async fn behind_a_proxy_the_login_limit_counts_each_client_not_the_proxy() {
    let app = TestApp::with_demo().await;
    let args = ServeArgs {
        key_dir: std::env::temp_dir().join("sidhanto-test-keys"),
        evidence_dir: evidence_dir(),
        behind_proxy: true,
        ..ServeArgs::default()
    };
    let router = startup::router(app.db.clone(), &args);
    // Every request comes from nginx on 127.0.0.1; the client is the last
    // X-Forwarded-For entry (a forged first entry changes nothing).
    let from = |client: &str| {
        let mut req = post_request(
            "/login",
            "username=nobody&password=wrong-password",
            None,
            true,
        );
        req.headers_mut().insert(
            "x-forwarded-for",
            format!("10.9.9.9, {client}").parse().unwrap(),
        );
        let proxy: std::net::SocketAddr = "127.0.0.1:40000".parse().unwrap();
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(proxy));
        req
    };
    for _ in 0..20 {
        assert_eq!(
            send(&router, from("192.0.2.7")).await.location.as_deref(),
            Some("/login?error=wrong&username=nobody")
        );
    }
    assert_eq!(
        send(&router, from("192.0.2.7")).await.location.as_deref(),
        Some("/login?error=too_many&username=nobody")
    );
    assert_eq!(
        send(&router, from("192.0.2.8")).await.location.as_deref(),
        Some("/login?error=wrong&username=nobody"),
        "another client behind the same proxy may still sign in"
    );
}

/// Words as ../shared/tools/bangla-pdf-check counts them: split at spaces
/// and punctuation (a line may break after "/"), dots trimmed.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || ",;:!?()[]{}\"'“”‘’।|/–—-".contains(c))
        .map(|w| w.trim_matches('.').to_string())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The text layer of a PDF, as `pdftotext` (poppler-utils) reads it.
fn pdftotext(pdf: &[u8]) -> String {
    let file = std::env::temp_dir().join(format!("sidhanto-memo-{}.pdf", Uuid::new_v4()));
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([file.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed: run scripts/setup");
    std::fs::remove_file(&file).ok();
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn the_seed_memo_pdf_carries_every_word_of_every_field() {
    let app = TestApp::with_demo().await;
    let id = app.meeting_id().await;
    let meeting = startup::services(app.db.clone())
        .meetings
        .get(id)
        .await
        .unwrap();
    let session = app.login("viewer").await;
    let res = app
        .router
        .clone()
        .oneshot(
            Request::get(format!("/meetings/{id}/memo.pdf"))
                .header("host", HOST)
                .header("cookie", &session)
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let pdf = res.into_body().collect().await.unwrap().to_bytes();
    assert!(pdf.starts_with(b"%PDF"));
    if let Ok(dir) = std::env::var("SIDHANTO_KEEP_PDF") {
        std::fs::write(format!("{dir}/seed-004.pdf"), &pdf).unwrap();
    }
    let layer = pdftotext(&pdf);
    let got: std::collections::HashSet<String> = words(&layer).into_iter().collect();
    let mut fields = server::memo::printed_texts(&meeting);
    fields.extend([
        "১১ আষাঢ়, ১৪৩০".to_string(),
        "২৫ জুন ২০২৩".into(),
        "২২ জুন, ২০২৩ খ্রি.".into(),
        "সকাল ১০:৩০ টা".into(),
    ]);
    let mut missing = vec![];
    for field in &fields {
        for word in words(field) {
            if !got.contains(&word) {
                missing.push(word);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "words missing from the text layer: {missing:?}"
    );

    let r = app.get(&format!("/meetings/{id}/memo.pdf"), None).await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/login?next=%2Fmeetings%2F{id}%2Fmemo.pdf").as_str())
    );
}

/// Runs the `sidhanto` command on the database at `url`, as an operator does.
fn sidhanto(url: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_sidhanto"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "error")
        .output()
        .expect("the sidhanto binary runs")
}

/// The meeting JSON format (kept in its own file; one test binary links faster).
#[path = "api/minutes.rs"]
mod minutes;

/// What an office configures for its memos (signature images, its own font).
#[path = "api/memo.rs"]
mod memo;

#[path = "api/editor.rs"]
mod editor;

#[path = "api/issue.rs"]
mod issue;

#[path = "api/tracking.rs"]
mod tracking;

#[path = "api/reminders.rs"]
mod reminders;

#[path = "api/cache.rs"]
mod cache;

#[path = "api/hardening.rs"]
mod hardening;

#[path = "api/settings.rs"]
mod settings;
