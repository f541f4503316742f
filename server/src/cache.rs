//! What requests would otherwise read again and again (sessions, signed-in
//! users with their reach, rendered pages), kept while the database's
//! change counters for them stand still.
//!
//! The counters (`data_version`) are moved by triggers at every committed
//! write, from this instance, another one or the command line: row 1 by
//! every write (migration `m20261201`), row 3 by the accounts (users, their
//! roles, the office tree) and row 4 by the sessions (migration `m20261205`);
//! row 5 by what a search shows (`m20261207`, `m20261211`: what searches are
//! kept under).
//! Each request reads them once, first; whatever is kept under an older
//! value is dropped. So a page is served from here only if nothing at all
//! was written since it was rendered, on the same day, to the same session,
//! cookies and address; a session and a user are read again only when
//! they, or the accounts, change.
use app::domain::auth::CurrentUser;
use axum::body::{to_bytes, Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbErr, Statement};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;
use tower_sessions::session::{Id, Record};
use uuid::Uuid;

mod counters;

tokio::task_local! {
    /// The change counters as this request read them.
    static VERSION: Versions;
}

/// Rows 1, 3, 4 and 5 of `data_version`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Versions {
    data: i64,
    accounts: i64,
    sessions: i64,
    searches: i64,
}

/// Pages kept at most, in bytes of HTML; past it the pages start over.
const MAX_PAGE_BYTES: usize = 8 << 20;

pub struct Cache {
    /// The change counters, read for many requests at once.
    counters: Arc<counters::Counters>,
    entries: Mutex<Entries>,
    /// Pages rendered at once. The others wait, then usually find the page
    /// made; this also bounds the memory that renders of big pages take.
    renders: Semaphore,
    /// Rendered pages are kept (`--page-cache`); sessions and users always,
    /// and renders are bounded either way.
    pages_on: bool,
}

#[derive(Default)]
struct Entries {
    versions: Versions,
    sessions: HashMap<Id, Record>,
    users: HashMap<Uuid, Option<CurrentUser>>,
    pages: HashMap<PageKey, Page>,
    page_bytes: usize,
}

/// Everything a page's HTML depends on besides the data: the address, the
/// cookies (the session, the language), what the browser accepts, the day.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PageKey {
    address: String,
    cookie: Bytes,
    accept: Bytes,
    accept_language: Bytes,
    day: NaiveDate,
}

#[derive(Clone)]
struct Page {
    headers: HeaderMap,
    body: Bytes,
}

impl Cache {
    pub fn new(db: DatabaseConnection, pages_on: bool) -> Arc<Cache> {
        let parallel = std::thread::available_parallelism().map_or(2, |n| n.get());
        Arc::new(Cache {
            counters: counters::Counters::new(db),
            entries: Mutex::default(),
            renders: Semaphore::new(2 * parallel),
            pages_on,
        })
    }

    /// Runs `f` on the entries if the counter `of` picks is the same in
    /// them as in this request.
    fn with<T>(&self, of: fn(&Versions) -> i64, f: impl FnOnce(&mut Entries) -> T) -> Option<T> {
        let version = of(&request_versions()?);
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if of(&entries.versions) != version {
            return None;
        }
        Some(f(&mut entries))
    }

    /// A session kept under this version that has not expired.
    pub fn session(&self, id: &Id) -> Option<Record> {
        let now = time::OffsetDateTime::now_utc();
        self.with(sessions, |e| {
            e.sessions.get(id).filter(|r| r.expiry_date > now).cloned()
        })
        .flatten()
    }

    pub fn keep_session(&self, record: &Record) {
        self.with(sessions, |e| e.sessions.insert(record.id, record.clone()));
    }

    pub fn forget_session(&self, id: &Id) {
        self.with(sessions, |e| e.sessions.remove(id));
    }

    /// The signed-in user (None: gone or disabled), from the entries or from
    /// `load`.
    pub async fn user<F>(&self, id: Uuid, load: F) -> Result<Option<CurrentUser>, DbErr>
    where
        F: std::future::Future<Output = Result<Option<CurrentUser>, DbErr>>,
    {
        if let Some(user) = self.with(accounts, |e| e.users.get(&id).cloned()).flatten() {
            return Ok(user);
        }
        let user = load.await?;
        self.with(accounts, |e| e.users.insert(id, user.clone()));
        Ok(user)
    }

    fn page(&self, key: &PageKey) -> Option<Page> {
        self.with(data, |e| e.pages.get(key).cloned()).flatten()
    }

    fn keep_page(&self, key: PageKey, page: Page) {
        self.with(data, |e| e.keep_page(key, page));
    }
}

fn data(v: &Versions) -> i64 {
    v.data
}

fn accounts(v: &Versions) -> i64 {
    v.accounts
}

fn sessions(v: &Versions) -> i64 {
    v.sessions
}

impl Entries {
    /// Drops what newer counters outdate.
    fn follow(&mut self, v: Versions) {
        if v.data > self.versions.data {
            self.versions.data = v.data;
            self.pages.clear();
            self.page_bytes = 0;
        }
        if v.accounts > self.versions.accounts {
            self.versions.accounts = v.accounts;
            self.users.clear();
        }
        if v.sessions > self.versions.sessions {
            self.versions.sessions = v.sessions;
            self.sessions.clear();
        }
    }

    /// Keeps a page, starting over when the pages would pass
    /// `MAX_PAGE_BYTES`.
    fn keep_page(&mut self, key: PageKey, page: Page) {
        let size = key.bytes() + page.bytes();
        if self.page_bytes + size > MAX_PAGE_BYTES {
            self.pages.clear();
            self.page_bytes = 0;
        }
        self.page_bytes += size;
        self.pages.insert(key, page);
    }
}

impl PageKey {
    /// Every byte kept counts: a client can send long headers.
    fn bytes(&self) -> usize {
        self.address.len() + self.cookie.len() + self.accept.len() + self.accept_language.len()
    }
}

impl Page {
    fn bytes(&self) -> usize {
        let headers: usize = self
            .headers
            .iter()
            .map(|(k, v)| k.as_str().len() + v.len())
            .sum();
        self.body.len() + headers
    }
}

/// The change counter (row 1): as this request read it first, else now.
/// Read it before what it is to vouch for.
pub async fn version<C: ConnectionTrait>(db: &C) -> Result<i64, DbErr> {
    if let Some(v) = request_versions() {
        return Ok(v.data);
    }
    Ok(versions(db).await?.data)
}

/// The accounts' counter (row 3) as this request read it, or now.
pub async fn accounts_version<C: ConnectionTrait>(db: &C) -> Result<i64, DbErr> {
    if let Some(v) = request_versions() {
        return Ok(v.accounts);
    }
    Ok(versions(db).await?.accounts)
}

/// The searches' counter (row 5: migrations m20261207, m20261211) as this
/// request read it, or now.
pub async fn searches_version<C: ConnectionTrait>(db: &C) -> Result<i64, DbErr> {
    if let Some(v) = request_versions() {
        return Ok(v.searches);
    }
    Ok(versions(db).await?.searches)
}

/// The counters as this request read them first, if this runs for one: in
/// the request's task, or in a page's resource, which Leptos runs on a task
/// of its own (where the task-local is not) with the request's parts (a
/// meeting page's four server functions each read the counter again).
fn request_versions() -> Option<Versions> {
    VERSION.try_with(|v| *v).ok().or_else(|| {
        leptos::prelude::with_context::<axum::http::request::Parts, _>(|p| {
            p.extensions.get::<Versions>().copied()
        })
        .flatten()
    })
}

async fn versions<C: ConnectionTrait>(db: &C) -> Result<Versions, DbErr> {
    let rows = db
        .query_all_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT id, version FROM data_version WHERE id IN (1, 3, 4, 5)",
        ))
        .await?;
    let mut v = Versions::default();
    for row in rows {
        let version = row.try_get::<i64>("", "version")?;
        match row.try_get::<i32>("", "id")? {
            1 => v.data = version,
            3 => v.accounts = version,
            4 => v.sessions = version,
            _ => v.searches = version,
        }
    }
    Ok(v)
}

/// Reads the change counters for the request and drops what they outdate.
/// Outermost of the layers that read the database.
pub async fn track_changes(
    State(cache): State<Arc<Cache>>,
    mut req: Request,
    next: Next,
) -> Response {
    if req.uri().path().starts_with("/pkg/") {
        return next.run(req).await;
    }
    match cache.counters.read().await {
        Ok(versions) => {
            cache
                .entries
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .follow(versions);
            req.extensions_mut().insert(versions);
            VERSION.scope(versions, next.run(req)).await
        }
        Err(e) => {
            // Serve without the cache; the request's own reads report the
            // database's trouble.
            tracing::error!(error = %e, "reading the change counters");
            next.run(req).await
        }
    }
}

/// The page's key, if this request is for a page a signed-in user may be
/// served from the cache: a GET of an HTML page (not a file, not a server
/// function).
fn page_key(req: &Request) -> Option<PageKey> {
    if req.method() != Method::GET || req.extensions().get::<CurrentUser>().is_none() {
        return None;
    }
    let path = req.uri().path();
    let files = ["/pkg/", "/api/", "/evidence/", "/reports/"];
    if files.iter().any(|f| path.starts_with(f))
        || path.ends_with(".pdf")
        || path.ends_with(".json")
    {
        return None;
    }
    let header = |name| {
        req.headers()
            .get(name)
            .map(|v: &HeaderValue| Bytes::copy_from_slice(v.as_bytes()))
            .unwrap_or_default()
    };
    Some(PageKey {
        address: req.uri().path_and_query()?.as_str().to_owned(),
        cookie: header(header::COOKIE),
        accept: header(header::ACCEPT),
        accept_language: header(header::ACCEPT_LANGUAGE),
        day: app::domain::dates::today_in_dhaka(),
    })
}

fn served(page: Page, how: &'static str) -> Response {
    let mut res = Response::new(Body::from(page.body));
    *res.headers_mut() = page.headers;
    res.headers_mut()
        .insert("x-sidhanto-cache", HeaderValue::from_static(how));
    res
}

/// Serves a signed-in user's page from the cache, or renders it (a few at a
/// time) and keeps it: only a 200 HTML answer that sets no cookie and left
/// the session as it was.
pub async fn pages(State(cache): State<Arc<Cache>>, req: Request, next: Next) -> Response {
    let Some(key) = page_key(&req) else {
        return next.run(req).await;
    };
    let kept = || cache.pages_on.then(|| cache.page(&key)).flatten();
    if let Some(page) = kept() {
        return served(page, "hit");
    }
    let _permit = cache.renders.acquire().await;
    if let Some(page) = kept() {
        return served(page, "hit");
    }
    let session = req.extensions().get::<tower_sessions::Session>().cloned();
    let res = next.run(req).await;
    if !cache.pages_on {
        return res;
    }
    let html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|t| t.as_bytes().starts_with(b"text/html"));
    if res.status() != StatusCode::OK || !html || res.headers().contains_key(header::SET_COOKIE) {
        return res;
    }
    let (parts, body) = res.into_parts();
    let Ok(body) = to_bytes(body, usize::MAX).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let page = Page {
        headers: parts.headers,
        body,
    };
    if !session.is_some_and(|s| s.is_modified()) {
        // Kept in a buffer of its own size: a render comes as one chunk,
        // its buffer grown by doubling as it was written, and kept as it
        // came a page held up to twice its bytes (the limit counts the
        // bytes: the mix had kept 35 MB under a limit of 16).
        let kept = Page {
            headers: page.headers.clone(),
            body: Bytes::copy_from_slice(&page.body),
        };
        cache.keep_page(key, kept);
    }
    let mut res = served(page, "miss");
    *res.status_mut() = parts.status;
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(n: usize, accept: usize) -> PageKey {
        PageKey {
            address: format!("/meetings/{n}"),
            cookie: Bytes::from_static(b"id=1"),
            accept: Bytes::from(vec![b'a'; accept]),
            accept_language: Bytes::new(),
            day: NaiveDate::from_ymd_opt(2026, 11, 29).unwrap(),
        }
    }

    fn page() -> Page {
        Page {
            headers: HeaderMap::new(),
            body: Bytes::from_static(b"<p>ok</p>"),
        }
    }

    #[test]
    fn the_bytes_of_a_key_count_toward_the_limit() {
        let mut entries = Entries::default();
        // Tiny pages under 1 MB Accept headers: without counting the key,
        // 100 of them would be kept (100 MB).
        for n in 0..100 {
            entries.keep_page(key(n, 1 << 20), page());
            let kept: usize = entries
                .pages
                .iter()
                .map(|(k, p)| k.bytes() + p.bytes())
                .sum();
            assert_eq!(kept, entries.page_bytes);
            assert!(entries.page_bytes <= MAX_PAGE_BYTES);
        }
        assert!(
            entries.pages.len() < 17,
            "{} pages kept",
            entries.pages.len()
        );
    }
}
