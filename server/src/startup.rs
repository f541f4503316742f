//! Connect, migrate, build the services and the router, serve.
use crate::assets::Assets;
use crate::config::{sqlite_file, ServeArgs};
use crate::middleware;
use crate::routes::tracking::EvidenceDir;
use crate::state::{AppState, Inner};
use crate::store::issue::Issuing;
use crate::store::{
    accounts::SeaAccountStore, audit::SeaAuditStore, directory::SeaDirectoryStore,
    meetings::SeaMeetingStore, sessions::SeaSessionStore,
};
use app::ports::Services;
use app::{shell, App};
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, LeptosRoutes};
use migrations::{Migrator, MigratorTrait};
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};
use std::sync::Arc;
use tower_sessions::{cookie::SameSite, Expiry, SessionManagerLayer};

/// Opens the pool; for SQLite, creates the database file's folder first.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    if let Some(parent) = sqlite_file(url).as_deref().and_then(|f| f.parent()) {
        if !parent.as_os_str().is_empty() {
            std::fs::create_dir_all(parent)
                .map_err(|e| DbErr::Custom(format!("cannot create {}: {e}", parent.display())))?;
        }
    }
    let mut opts = ConnectOptions::new(url.to_owned());
    // Every statement at debug (`RUST_LOG=info,sqlx::query=debug` shows
    // what a page asks), one slower than a second as a warning.
    opts.sqlx_logging(true)
        .sqlx_logging_level(log::LevelFilter::Debug)
        .sqlx_slow_statements_logging_settings(log::LevelFilter::Warn, SLOW_STATEMENT);
    if url.starts_with("sqlite") {
        use sea_orm::sqlx::sqlite::SqliteJournalMode;
        // WAL lets readers work while one writer writes; a writer waits up
        // to the busy timeout for the lock instead of failing at once
        // (write transactions begin IMMEDIATE, `store::begin_write`).
        // Foreign keys are a per-connection setting in SQLite: set on each.
        // An in-memory database is one per connection: keep it to one.
        // No memory map of the file (SQLite's default): the mapped pages a
        // request touched counted in the server's memory, 20-60 MB of the
        // 800 MB file at 100k decisions under bench/mix (peak 210-322 MB
        // against 126 MB without), and the mix ran as fast without it: the
        // shared meetings and rendered parts take most reads away, and what
        // each connection's 512 KiB page cache misses the system's file
        // cache holds.
        let connections = if url.contains(":memory:") {
            1
        } else {
            SQLITE_CONNECTIONS
        };
        opts.max_connections(connections).map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .foreign_keys(true)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
                .pragma("cache_size", format!("-{SQLITE_CACHE_KIB}"))
        });
    }
    let db = Database::connect(opts).await?;
    Ok(db)
}

/// A statement taking longer is logged as a warning.
const SLOW_STATEMENT: std::time::Duration = std::time::Duration::from_secs(1);

/// SQLite connections in the pool: readers in parallel (WAL), one writer at
/// a time whatever the number.
const SQLITE_CONNECTIONS: u32 = 4;
/// Each SQLite connection's own page cache, in KiB (SQLite's default is
/// 2,000): the system's file cache holds the file for all of them, and each
/// connection's cache and its thread's allocator arena came to 5-6 MB, a
/// fifth of the server's memory under bench/mix.
const SQLITE_CACHE_KIB: u32 = 512;
/// How long a SQLite writer waits for another's commit before giving up.
const SQLITE_BUSY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(15);

/// Brings the schema up to date. A failed migration stops the start-up.
pub async fn migrate(db: &DatabaseConnection) -> Result<(), DbErr> {
    Migrator::up(db, None).await
}

/// The stores with the default settings (tests, benchmarks, the command line).
pub fn services(db: DatabaseConnection) -> Services {
    services_with(db, crate::config::DUE_SOON_DAYS)
}

/// The stores, with `window` days counting as due soon.
pub fn services_with(db: DatabaseConnection, window: u32) -> Services {
    let shared = Arc::new(crate::store::shared_meetings::SharedMeetings::default());
    Services {
        meetings: Arc::new(SeaMeetingStore {
            db: db.clone(),
            window,
            shared: shared.clone(),
        }),
        accounts: Arc::new(SeaAccountStore { db: db.clone() }),
        audit: Arc::new(SeaAuditStore {
            db: db.clone(),
            shared: shared.clone(),
        }),
        directory: Arc::new(SeaDirectoryStore { db: db.clone() }),
        tracking: Arc::new(crate::store::tracking::SeaTrackingStore {
            db,
            window,
            dashboards: Default::default(),
            compliances: Default::default(),
            owed: Default::default(),
            to_verify: Default::default(),
            to_verify_count: Default::default(),
            assignments: Default::default(),
            office_counters: Default::default(),
            shared,
        }),
    }
}

pub fn leptos_options(args: &ServeArgs, assets: &Assets) -> LeptosOptions {
    LeptosOptions::builder()
        .output_name("sidhanto")
        .site_root(args.site_root.to_string_lossy().as_ref())
        // The pages link the files at their versioned address.
        .site_pkg_dir(assets.pkg_path())
        .site_addr(args.addr)
        .build()
}

/// The digest mailer, when SMTP is configured (and its URL is usable).
pub fn mailer(
    args: &crate::config::MailArgs,
    site: &str,
) -> Option<crate::store::reminders::Mailer> {
    let url = args.smtp_url.as_deref()?;
    let mailer = crate::store::reminders::Mailer::new(url, &args.mail_from, site);
    if mailer.is_none() {
        tracing::error!(
            url,
            "SIDHANTO_SMTP_URL is not smtp://host[:port]; reminders stay in-app"
        );
    }
    mailer
}

/// Runs the reminder job every hour; it acts once a day (the first run of
/// the day on any instance claims it).
pub async fn reminders_every_hour(
    db: DatabaseConnection,
    mailer: Option<crate::store::reminders::Mailer>,
    window: u32,
) {
    loop {
        let today = app::domain::dates::today_in_dhaka();
        match crate::store::reminders::run(&db, today, window, mailer.as_ref()).await {
            Ok(Some(run)) => tracing::info!(?run, "reminders sent"),
            Ok(None) => {}
            Err(e) => tracing::error!(error = ?e, "reminders"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
    }
}

/// Deletes expired sessions every hour (a session's row stays until then,
/// refused by its expiry).
pub async fn sweep_sessions_every_hour(db: DatabaseConnection) {
    loop {
        match crate::store::sessions::delete_expired(&db).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sessions = n, "expired sessions deleted"),
            Err(e) => tracing::error!(error = %e, "deleting expired sessions"),
        }
        tokio::time::sleep(std::time::Duration::from_secs(3600)).await;
    }
}

/// The app's page routes, listed once per process. Listing them renders the
/// app with resource loading suppressed for the whole process (leptos_server's
/// global `SuppressResourceLoad`): a page rendering meanwhile, under another
/// router built in the same process (as the tests build one per test), waits
/// for ever (leptos issue #4773; it stalled the api tests now and then).
fn route_list() -> Vec<leptos_axum::AxumRouteListing> {
    static ROUTES: std::sync::OnceLock<Vec<leptos_axum::AxumRouteListing>> =
        std::sync::OnceLock::new();
    ROUTES.get_or_init(|| generate_route_list(App)).clone()
}

/// The whole HTTP app: pages, server functions, the account forms, static
/// files; behind the session, CSRF and sign-in layers.
pub fn router(db: DatabaseConnection, args: &ServeArgs) -> Router {
    let pkg_dir = args.site_root.join("pkg");
    let assets = Assets::read(&pkg_dir);
    assets.precompress_in_background(&pkg_dir);
    let options = leptos_options(args, &assets);
    let secure_cookies = args.secure_cookies;
    let issuing = Arc::new(Issuing {
        keys: crate::keys::Keys {
            dir: args.key_dir.clone(),
        },
        public_url: args.public_url.trim_end_matches('/').to_string(),
        due_soon_days: args.due_soon_days,
    });
    let services = Arc::new(services_with(db.clone(), args.due_soon_days));
    let routes = route_list();
    let cache = crate::cache::Cache::new(db.clone(), args.page_cache);
    let sessions = SessionManagerLayer::new(SeaSessionStore {
        db: db.clone(),
        cache: cache.clone(),
    })
    .with_name("sidhanto_session")
    .with_same_site(SameSite::Strict)
    .with_http_only(true)
    .with_secure(secure_cookies)
    .with_expiry(Expiry::OnInactivity(time::Duration::hours(8)));
    let mut plain = Router::<AppState>::new();
    for route in crate::routes::table() {
        plain = plain.route(route.path, route.handler);
    }
    let state = AppState::new(Inner {
        options: options.clone(),
        db,
        services: services.clone(),
        issuing,
        evidence: EvidenceDir(args.evidence_dir.clone()),
        renders: crate::memo::RenderSlots::new(args.renders),
        limiter: Arc::new(crate::limiter::LoginLimiter::default()),
        cache: cache.clone(),
    });
    let context = move || provide_context(services.clone());
    let mut app = plain
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = options.clone();
            move || shell(options.clone())
        })
        // An unknown address: the 404 page, in the signed-in chrome (the
        // page's server functions need the services, as on any route).
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        // Layers run outside-in in the reverse order of these lines.
        .layer(axum::middleware::from_fn_with_state(
            cache.clone(),
            crate::cache::pages,
        ))
        .layer(axum::middleware::from_fn(middleware::framework_errors))
        .layer(axum::middleware::from_fn(middleware::sign_in_gate))
        .layer(axum::middleware::from_fn(middleware::csrf))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            middleware::load_user,
        ))
        .layer(sessions)
        .layer(axum::middleware::from_fn_with_state(
            cache,
            crate::cache::track_changes,
        ))
        .with_state(state)
        .merge(assets.router(&pkg_dir));
    if args.behind_proxy {
        app = app.layer(axum::middleware::from_fn(middleware::forwarded_client));
    }
    for header in middleware::security_headers() {
        app = app.layer(header);
    }
    // Pages are ~90 KB of HTML and the wasm is the largest download: both
    // compressed here (not only behind nginx, which the SQLite office has
    // not). Level 4: most of brotli's gain for a few percent of its time at 11.
    app.layer(
        tower_http::compression::CompressionLayer::new()
            .quality(tower_http::CompressionLevel::Precise(4)),
    )
}
