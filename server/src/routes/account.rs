use super::{local_path, see_other, Caller, Refusal};
use crate::limiter::LoginLimiter;
use crate::password::{self, Verdict};
use crate::store::accounts;
use app::domain::auth::{validate_new_password, Permission};
use app::i18n::Lang;
use axum::extract::{ConnectInfo, Form, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use chrono::Utc;
use sea_orm::DatabaseConnection;
use serde::Deserialize;
use std::net::SocketAddr;
use std::sync::Arc;
use tower_sessions::Session;

pub use crate::store::sessions::USER_KEY;

fn query(pairs: &[(&str, &str)]) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        if !v.is_empty() {
            q.append_pair(k, v);
        }
    }
    q.finish()
}

fn internal() -> Response {
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

pub(super) async fn hash(password: String) -> Result<String, Response> {
    match hashing(move || password::hash(&password)).await {
        Some(Ok(hash)) => Ok(hash),
        _ => Err(internal()),
    }
}

async fn verify(password: String, hash: String) -> Verdict {
    hashing(move || password::verify(&password, &hash))
        .await
        .unwrap_or(Verdict::Wrong)
}

/// Runs a password hash off the async threads, a core's worth at a time.
/// Each Argon2 hash takes 7 MB (`crate::password`) and a core for its whole
/// run: more at once finish no sooner, and the allocator keeps what they
/// took (six sign-ins at once left the server 108 MB larger at 19 MB each).
async fn hashing<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> Option<T> {
    static AT_ONCE: std::sync::LazyLock<tokio::sync::Semaphore> = std::sync::LazyLock::new(|| {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        tokio::sync::Semaphore::new(cores)
    });
    let turn = AT_ONCE.acquire().await.ok()?;
    // The hash holds the turn, not the request: a sign-in whose client
    // hangs up leaves its hash running, and still counted.
    tokio::task::spawn_blocking(move || {
        let _turn = turn;
        let out = f();
        // The hash's memory goes back to the system now: the allocator kept
        // it for this thread (each sign-in left the server 19 MB larger).
        // SAFETY: mi_collect takes no pointers; it only frees what this
        // thread's heap holds unused, and is safe to call from any thread.
        unsafe { libmimalloc_sys::mi_collect(true) };
        out
    })
    .await
    .ok()
}

/// A hash to verify against when the user does not exist, so that an unknown
/// username takes as long as a wrong password.
static DUMMY_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| password::hash("not a real password").expect("hashes"));

#[derive(Deserialize)]
pub struct LoginForm {
    #[serde(default)]
    username: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn login(
    State(db): State<DatabaseConnection>,
    State(limiter): State<Arc<LoginLimiter>>,
    peer: Option<Extension<ConnectInfo<SocketAddr>>>,
    session: Session,
    Form(form): Form<LoginForm>,
) -> Response {
    let again = |error: &str| {
        see_other(&format!(
            "/login?{}",
            query(&[
                ("error", error),
                ("username", &form.username),
                ("next", &form.next)
            ])
        ))
    };
    if let Some(Extension(ConnectInfo(addr))) = peer {
        if !limiter.allow(addr.ip(), std::time::Instant::now()) {
            return again("too_many");
        }
    }
    if form.username.trim().is_empty() {
        return again("missing_username");
    }
    if form.password.is_empty() {
        return again("missing_password");
    }
    let Ok(user) = accounts::find_by_username(&db, &form.username).await else {
        return internal();
    };
    let Some(user) = user else {
        verify(form.password.clone(), DUMMY_HASH.clone()).await;
        return again("wrong");
    };
    let now = Utc::now();
    if user.locked_until.is_some_and(|t| t > now) {
        return again("locked");
    }
    let verdict = verify(form.password.clone(), user.password_hash.clone()).await;
    if verdict == Verdict::Wrong {
        return match accounts::record_failed_login(&db, &user, now).await {
            Ok(true) => again("locked"),
            Ok(false) => again("wrong"),
            Err(_) => internal(),
        };
    }
    if !user.active {
        return again("inactive");
    }
    // A hash made under older settings is made again now, while the
    // password is at hand; a failure here only leaves the old hash.
    let rehashed = match verdict {
        Verdict::RightButOutdated => hash(form.password.clone()).await.ok(),
        _ => None,
    };
    if accounts::record_successful_login(&db, &user, rehashed)
        .await
        .is_err()
    {
        return internal();
    }
    // A new session id at login: an id planted before login is worthless;
    // and nothing another user left in this browser's session is kept.
    session.clear().await;
    if session.cycle_id().await.is_err()
        || session.insert(USER_KEY, user.id).await.is_err()
        || session
            .insert(crate::middleware::SEEN_KEY, now.timestamp())
            .await
            .is_err()
    {
        return internal();
    }
    see_other(local_path(&form.next))
}

pub async fn logout(session: Session) -> Response {
    let _ = session.flush().await;
    see_other("/login")
}

#[derive(Deserialize)]
pub struct LangForm {
    #[serde(default)]
    lang: String,
    #[serde(default)]
    back: String,
}

pub async fn set_lang(Form(form): Form<LangForm>) -> Response {
    let lang = Lang::from_code(&form.lang).unwrap_or_default();
    let cookie = format!(
        "lang={}; Path=/; Max-Age=31536000; SameSite=Lax",
        lang.code()
    );
    let mut res = see_other(local_path(&form.back));
    if let Ok(v) = header::HeaderValue::from_str(&cookie) {
        res.headers_mut().append(header::SET_COOKIE, v);
    }
    res
}

#[derive(Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    new_password: String,
    #[serde(default)]
    confirm_password: String,
}

pub async fn change_password(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    session: Session,
    Form(form): Form<PasswordForm>,
) -> Result<Response, Refusal> {
    let user = caller.require(&Permission::SignedIn)?;
    let again = |field: &str, key: &str| {
        let error = key.trim_start_matches("account.error.");
        see_other(&format!(
            "/account?{}",
            query(&[("error", error), ("field", field)])
        ))
    };
    if let Err((field, key)) = validate_new_password(
        &form.current_password,
        &form.new_password,
        &form.confirm_password,
    ) {
        return Ok(again(field, key));
    }
    let Ok(Some(row)) = accounts::find_by_username(&db, &user.username).await else {
        return Ok(internal());
    };
    if verify(form.current_password, row.password_hash.clone()).await == Verdict::Wrong {
        return Ok(again("current_password", "wrong_current"));
    }
    let Ok(new_hash) = hash(form.new_password).await else {
        return Ok(internal());
    };
    // Every session of the account ends (another device, a stolen cookie);
    // this one goes on under a new id.
    if accounts::set_password(&db, user.id, &row, new_hash)
        .await
        .is_err()
        || session.cycle_id().await.is_err()
    {
        return Ok(internal());
    }
    Ok(see_other("/account?ok=password"))
}

#[cfg(test)]
mod tests {
    use super::hashing;
    use std::sync::atomic::{AtomicUsize, Ordering::SeqCst};
    use std::sync::Arc;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn no_more_hashes_run_at_once_than_there_are_cores() {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        let (running, most) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
        let sign_ins: Vec<_> = (0..cores * 4)
            .map(|_| {
                let (running, most) = (running.clone(), most.clone());
                tokio::spawn(hashing(move || {
                    most.fetch_max(running.fetch_add(1, SeqCst) + 1, SeqCst);
                    std::thread::sleep(std::time::Duration::from_millis(20));
                    running.fetch_sub(1, SeqCst);
                }))
            })
            .collect();
        for s in sign_ins {
            assert!(s.await.unwrap().is_some());
        }
        assert!(most.load(SeqCst) <= cores, "{} at once", most.load(SeqCst));
        assert!(most.load(SeqCst) >= 1);
    }
}
