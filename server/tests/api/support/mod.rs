//! The harness of the integration tests: a fresh database behind the real
//! router per test, requests as a browser sends them, and the tools a test
//! reads results with.
use super::*;

mod http;
mod matrix;

pub(crate) use http::*;
pub(crate) use matrix::*;

pub(crate) struct TestApp {
    pub(crate) db: DatabaseConnection,
    pub(crate) url: String,
    pub(crate) router: axum::Router,
    _sqlite_file: Option<TempFile>,
    _pg_database: Option<PgDatabase>,
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

/// A fresh database (its own SQLite file, or its own PostgreSQL database),
/// migrated by the real migrations, behind the real router.
pub(crate) async fn spawn_app() -> TestApp {
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
pub(crate) fn evidence_dir() -> std::path::PathBuf {
    std::env::temp_dir().join("sidhanto-test-evidence")
}

pub(crate) fn test_router(db: DatabaseConnection) -> axum::Router {
    let args = ServeArgs {
        // Keys of one test run, outside the repository.
        key_dir: std::env::temp_dir().join("sidhanto-test-keys"),
        evidence_dir: evidence_dir(),
        // Pages kept too (off by default): every test then also proves a
        // kept page is never older than the database (`cache.rs`); the
        // browser tests serve with the default.
        page_cache: true,
        ..ServeArgs::default()
    };
    startup::router(db, &args)
}

impl TestApp {
    pub(crate) async fn with_demo() -> TestApp {
        let app = spawn_app().await;
        assert!(demo::load(&app.db).await.expect("demo data"));
        app
    }

    pub(crate) async fn request(&self, req: Request<Body>) -> Reply {
        send(&self.router, req).await
    }

    pub(crate) async fn get(&self, path: &str, session: Option<&str>) -> Reply {
        let mut req = Request::get(path).header("host", HOST);
        if let Some(cookie) = session {
            req = req.header("cookie", cookie);
        }
        self.request(req.body(Body::empty()).unwrap()).await
    }

    /// A form POST as a browser on one of our pages sends it.
    pub(crate) async fn post(&self, path: &str, form: &str, session: Option<&str>) -> Reply {
        self.request(post_request(path, form, session, true)).await
    }

    /// Calls a server function the way the browser does (URL-encoded POST).
    pub(crate) async fn call(&self, endpoint: &str, form: &str, session: Option<&str>) -> Reply {
        self.post(&format!("/api/{endpoint}"), form, session).await
    }

    /// Signs in; returns the session cookie ("sidhanto_session=…").
    pub(crate) async fn login(&self, username: &str) -> String {
        self.login_with(username, demo::DEMO_PASSWORD)
            .await
            .expect("login succeeds")
    }

    /// Ok(cookie), or Err(where the login form sent us back to).
    pub(crate) async fn login_with(
        &self,
        username: &str,
        password: &str,
    ) -> Result<String, String> {
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

    /// The id of the office with this code.
    pub(crate) async fn office_id(&self, code: &str) -> Uuid {
        offices::Entity::find()
            .filter(offices::Column::Code.eq(code))
            .one(&self.db)
            .await
            .unwrap()
            .expect("an office with this code")
            .id
    }

    pub(crate) async fn meeting_id(&self) -> Uuid {
        meetings::Entity::find()
            .one(&self.db)
            .await
            .unwrap()
            .expect("a meeting")
            .id
    }
}

pub(crate) async fn audit_count(db: &DatabaseConnection, action: &str) -> u64 {
    audit_events::Entity::find()
        .filter(audit_events::Column::Action.eq(action))
        .count(db)
        .await
        .unwrap()
}

/// The text layer of a PDF, as `pdftotext` (poppler-utils) reads it.
pub(crate) fn pdftotext(pdf: &[u8]) -> String {
    let file = std::env::temp_dir().join(format!("sidhanto-memo-{}.pdf", Uuid::new_v4()));
    std::fs::write(&file, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args([file.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed: run scripts/setup");
    std::fs::remove_file(&file).ok();
    String::from_utf8(out.stdout).unwrap()
}

/// Runs the `sidhanto` command on the database at `url`, as an operator does.
pub(crate) fn sidhanto(url: &str, args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_sidhanto"))
        .args(args)
        .env("DATABASE_URL", url)
        .env("RUST_LOG", "error")
        .output()
        .expect("the sidhanto binary runs")
}

/// The seed-004 minutes (the real set in docs/examples).
pub(crate) const SEED: &str = include_str!("../../../../docs/examples/seed-004.json");

/// The seed minutes as a draft: what a secretary starts from.
pub(crate) fn seed_draft() -> app::domain::minutes::Minutes {
    let mut m: app::domain::minutes::Minutes = serde_json::from_str(SEED).unwrap();
    m.status = MeetingStatus::Draft;
    m.memo_number = None;
    m.issued_on = None;
    m
}

/// A meeting's stored status code.
pub(crate) async fn status_of(db: &DatabaseConnection, id: Uuid) -> String {
    meetings::Entity::find_by_id(id)
        .one(db)
        .await
        .unwrap()
        .unwrap()
        .status
}
