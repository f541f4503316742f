//! Request layers: who is signed in, CSRF, the sign-in gate for pages, and
//! security headers.
use crate::cache::Cache;
use crate::routes::{account::USER_KEY, request_lang, Refusal};
use crate::store::accounts;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_sessions::Session;
use uuid::Uuid;

/// Puts the signed-in user (`app::domain::auth::CurrentUser`) into the
/// request's extensions, where server functions and handlers read it.
pub async fn load_user(
    State(db): State<DatabaseConnection>,
    State(cache): State<Arc<Cache>>,
    session: Session,
    mut req: Request,
    next: Next,
) -> Response {
    // Static files (the wasm, JS, CSS) need no user: skip the session lookup.
    if req.uri().path().starts_with("/pkg/") {
        return next.run(req).await;
    }
    if let Ok(Some(id)) = session.get::<Uuid>(USER_KEY).await {
        match cache.user(id, accounts::current_user(&db, id)).await {
            Ok(Some(user)) => {
                req.extensions_mut().insert(user);
                slide_expiry(&session).await;
            }
            Ok(None) => {
                // The account is gone or disabled: end the session.
                let _ = session.flush().await;
            }
            Err(e) => {
                tracing::error!(error = %e, "loading the signed-in user");
                return StatusCode::INTERNAL_SERVER_ERROR.into_response();
            }
        }
    }
    let mut res = next.run(req).await;
    // Pages, PDFs, evidence and reports are one person's view of official
    // records: no browser or proxy may keep a copy.
    res.headers_mut()
        .entry(header::CACHE_CONTROL)
        .or_insert(HeaderValue::from_static("private, no-store"));
    res
}

/// The session key holding when the session's expiry last moved.
pub const SEEN_KEY: &str = "seen";
/// How often activity moves a session's expiry: each move is a write, so
/// not on every request; the 8 hours of inactivity allowed are off by at
/// most this much.
const SLIDE_EVERY_SECS: i64 = 15 * 60;

/// Sessions end after 8 hours without use (README): touching the session
/// now and then makes tower-sessions save it with a new expiry.
async fn slide_expiry(session: &Session) {
    let now = chrono::Utc::now().timestamp();
    let seen = session
        .get::<i64>(SEEN_KEY)
        .await
        .ok()
        .flatten()
        .unwrap_or(0);
    if now - seen >= SLIDE_EVERY_SECS {
        let _ = session.insert(SEEN_KEY, now).await;
    }
}

/// Errors answered before any handler of ours runs — axum's extractors (a
/// body over the limit, a wrong content type, a form that does not parse)
/// answer in English developer text, and a server function whose arguments
/// do not decode answers 500 — are answered here in the user's words, as
/// the 4xx they are.
pub async fn framework_errors(req: Request, next: Next) -> Response {
    let lang = request_lang(req.headers());
    let api = req.uri().path().starts_with("/api/");
    let res = next.run(req).await;
    let status = res.status();
    let plain = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/plain"));
    // A bare status (no body) from a handler is worded here too.
    let bare = !res.headers().contains_key(header::CONTENT_TYPE);
    let key = match status {
        StatusCode::PAYLOAD_TOO_LARGE if plain || bare => "error.too_large",
        StatusCode::UNSUPPORTED_MEDIA_TYPE if plain || bare => "error.content_type",
        StatusCode::BAD_REQUEST | StatusCode::UNPROCESSABLE_ENTITY if plain || bare => {
            "error.bad_request"
        }
        StatusCode::NOT_FOUND if bare => "error.not_found",
        StatusCode::CONFLICT if bare => "error.conflict",
        StatusCode::FORBIDDEN if bare => "error.forbidden",
        StatusCode::UNAUTHORIZED if bare => "error.unauthenticated",
        StatusCode::INTERNAL_SERVER_ERROR if api => return undecodable_arguments(res).await,
        _ => return res,
    };
    Refusal::page(status, key, lang).into_response()
}

/// A server function's 500 is a 400 when it only says its arguments did not
/// decode (`AppError::Unreachable`, made by `from_server_fn_error`); the body
/// stays an `AppError` the page can show.
async fn undecodable_arguments(res: Response) -> Response {
    let (mut parts, body) = res.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let unreachable = serde_json::to_vec(&app::error::AppError::Unreachable).unwrap_or_default();
    if bytes.as_ref() != unreachable.as_slice() {
        return Response::from_parts(parts, axum::body::Body::from(bytes));
    }
    let invalid = app::error::AppError::Invalid {
        field: String::new(),
        key: "error.bad_request".into(),
    };
    parts.status = StatusCode::BAD_REQUEST;
    let body = serde_json::to_vec(&invalid).unwrap_or_default();
    Response::from_parts(parts, axum::body::Body::from(body))
}

/// Is this state-changing request from one of our own pages? Browsers say so
/// in Sec-Fetch-Site; older ones send Origin, which must be this host.
pub fn same_origin(headers: &HeaderMap) -> bool {
    if let Some(site) = headers.get("sec-fetch-site") {
        return site == "same-origin";
    }
    let (Some(origin), Some(host)) = (headers.get(header::ORIGIN), headers.get(header::HOST))
    else {
        return false;
    };
    let (Ok(origin), Ok(host)) = (origin.to_str(), host.to_str()) else {
        return false;
    };
    origin
        .strip_prefix("https://")
        .or_else(|| origin.strip_prefix("http://"))
        == Some(host)
}

/// Behind a reverse proxy every request comes from the proxy: the client is
/// the last address the proxy added to X-Forwarded-For (earlier entries are
/// whatever the client sent, and are not trusted).
pub async fn forwarded_client(mut req: Request, next: Next) -> Response {
    let last = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .last()
        .and_then(|ip| ip.trim().parse::<std::net::IpAddr>().ok());
    if let Some(ip) = last {
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::new(ip, 0)));
    }
    next.run(req).await
}

/// Refuses every POST/PUT/PATCH/DELETE that did not come from this site. The
/// session cookie is SameSite=Strict as well; this is the second lock.
pub async fn csrf(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if !safe && !same_origin(req.headers()) {
        return Refusal::page(
            StatusCode::FORBIDDEN,
            "error.csrf",
            request_lang(req.headers()),
        )
        .into_response();
    }
    next.run(req).await
}

/// Paths anyone may open without signing in.
fn public_path(path: &str) -> bool {
    path == "/login"
        || path == "/health"
        || path.starts_with("/pkg/")
        || path.starts_with("/api/")
        // Anyone holding a printed memo may check it.
        || path.starts_with("/verify/")
}

/// Sends anonymous page requests to the login form (and back afterwards).
/// Server functions answer 401 themselves; this is only for people.
pub async fn sign_in_gate(req: Request, next: Next) -> Response {
    let anonymous = req
        .extensions()
        .get::<app::domain::auth::CurrentUser>()
        .is_none();
    if anonymous && req.method() == Method::GET && !public_path(req.uri().path()) {
        let next_path = req
            .uri()
            .path_and_query()
            .map(|p| p.as_str())
            .unwrap_or("/");
        let q = form_urlencoded::Serializer::new(String::new())
            .append_pair("next", next_path)
            .finish();
        return crate::routes::see_other(&format!("/login?{q}"));
    }
    next.run(req).await
}

/// Headers every response carries.
pub fn security_headers() -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    // Leptos' hydration bootstrap is an inline script; wasm needs
    // 'wasm-unsafe-eval'. Nothing is loaded from other origins.
    const CSP: &str = "default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; \
        style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
        frame-ancestors 'none'; base-uri 'self'; form-action 'self'";
    [
        ("content-security-policy", CSP),
        ("x-content-type-options", "nosniff"),
        ("x-frame-options", "DENY"),
        ("referrer-policy", "same-origin"),
        ("cross-origin-opener-policy", "same-origin"),
    ]
    .into_iter()
    .map(|(name, value)| {
        SetResponseHeaderLayer::if_not_present(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        )
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(pairs: &[(&'static str, &'static str)]) -> HeaderMap {
        let mut h = HeaderMap::new();
        for (k, v) in pairs {
            h.insert(HeaderName::from_static(k), HeaderValue::from_static(v));
        }
        h
    }

    #[test]
    fn same_origin_needs_the_browser_to_say_so() {
        assert!(same_origin(&headers(&[("sec-fetch-site", "same-origin")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "cross-site")])));
        assert!(!same_origin(&headers(&[("sec-fetch-site", "same-site")])));
        assert!(same_origin(&headers(&[
            ("origin", "http://127.0.0.1:3000"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(!same_origin(&headers(&[
            ("origin", "http://evil.example"),
            ("host", "127.0.0.1:3000")
        ])));
        assert!(
            !same_origin(&headers(&[("host", "127.0.0.1:3000")])),
            "no evidence, no change"
        );
    }
}
