//! Plain axum routes: the forms that change the session (login, logout,
//! password, language) and admin actions. They go through the same
//! `authorize` as the server functions.
pub mod account;
pub mod caller;
pub mod directory;
pub mod editor;
pub mod memo;
pub mod minutes;
pub mod reports;
pub mod tracking;
pub mod users;
pub mod workflow;

pub use caller::{Caller, Refusal};

use crate::state::AppState;
use app::error::AppError;
use app::i18n::Lang;
use axum::extract::DefaultBodyLimit;
use axum::handler::Handler;
use axum::http::{header, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{on, MethodFilter, MethodRouter};

/// One plain route: its method, its path, and what answers it.
pub struct Route {
    pub method: Method,
    pub path: &'static str,
    pub handler: MethodRouter<AppState>,
}

fn route<H, T>(method: Method, path: &'static str, handler: H) -> Route
where
    H: Handler<T, AppState>,
    T: 'static,
{
    let filter = MethodFilter::try_from(method.clone()).expect("GET or POST");
    Route {
        method,
        path,
        handler: on(filter, handler),
    }
}

/// Every plain route. The router is built from this table and the
/// authorization-matrix test reads it, so a route cannot reach the one
/// without the other.
pub fn table() -> Vec<Route> {
    use Method as M;
    let mut progress = route(M::POST, "/assignments/{id}/progress", tracking::report);
    // Evidence files: up to 10 MB each, a few per report.
    progress.handler = progress.handler.layer(DefaultBodyLimit::max(
        3 * app::domain::tracking::MAX_EVIDENCE,
    ));
    vec![
        route(M::GET, "/health", || async { "ok" }),
        route(M::POST, "/login", account::login),
        route(M::POST, "/logout", account::logout),
        route(M::POST, "/lang", account::set_lang),
        route(M::POST, "/account/password", account::change_password),
        route(M::POST, "/admin/users", users::create),
        route(M::POST, "/admin/users/{id}/password", users::reset_password),
        route(M::POST, "/admin/users/{id}/roles", users::grant),
        route(M::POST, "/admin/users/{id}/unlock", users::unlock),
        route(M::GET, "/meetings/{id}/memo.pdf", memo::memo_pdf),
        route(M::POST, "/meetings/import", minutes::import),
        route(M::POST, "/admin/records/import", minutes::import_record),
        route(M::POST, "/admin/people", directory::add_person),
        route(M::POST, "/admin/holidays", directory::holiday),
        route(M::POST, "/meetings/new", editor::create),
        route(M::POST, "/meetings/{id}/submit", workflow::submit),
        route(M::POST, "/meetings/{id}/return", workflow::return_to_draft),
        route(M::POST, "/meetings/{id}/approve", workflow::approve),
        route(M::POST, "/meetings/{id}/correct", workflow::correct),
        route(M::POST, "/verify/{code}", workflow::verify_upload),
        route(M::POST, "/account/signature", workflow::upload_signature),
        progress,
        route(M::POST, "/assignments/{id}/review", tracking::review),
        route(M::GET, "/evidence/{sha}", tracking::download),
        route(M::GET, "/reports/{file}", reports::implementation),
        route(M::POST, "/meetings/{id}/edit", editor::update),
        route(M::GET, "/meetings/{id}/minutes.json", minutes::export),
    ]
}

/// The request's language, from its `lang` cookie.
pub fn request_lang(headers: &HeaderMap) -> Lang {
    headers
        .get(header::COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(Lang::from_cookie_header)
        .unwrap_or_default()
}

/// An error as the bare status code it stands for (not found, conflict …).
pub fn status_of(e: &AppError) -> Response {
    StatusCode::from_u16(e.status())
        .unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
        .into_response()
}

/// The message key a page shows for a refused form post: a problem's own
/// key, else the error's.
pub fn error_key(e: &AppError) -> &str {
    match e {
        AppError::Problems(p) => p
            .first()
            .map(|p| p.key.as_str())
            .unwrap_or("error.problems"),
        other => other.message_key(),
    }
}

/// Only paths on this site: "/x" but not "//evil.example" or "https://…".
/// Browsers drop tabs and newlines from a Location and read a backslash as a
/// slash, so "/\t/evil.example" would go to "//evil.example": a path with any
/// control character, space or backslash is refused, and what is left must
/// parse as a bare path and query (no scheme, no authority).
pub fn local_path(next: &str) -> &str {
    let plain = next
        .chars()
        .all(|c| !c.is_control() && !c.is_whitespace() && c != '\\');
    let bare = next.parse::<axum::http::uri::PathAndQuery>().is_ok();
    if plain && bare && next.starts_with('/') && !next.starts_with("//") {
        next
    } else {
        "/"
    }
}

/// 303 See Other: after a form post, the browser GETs the target.
pub fn see_other(to: &str) -> Response {
    Redirect::to(to).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_local_paths_are_followed() {
        assert_eq!(local_path("/meetings/1"), "/meetings/1");
        assert_eq!(local_path("//evil.example/x"), "/");
        assert_eq!(local_path("https://evil.example"), "/");
        assert_eq!(local_path("/\\evil.example"), "/");
        assert_eq!(local_path(""), "/");
        assert_eq!(local_path("/\t/evil.example"), "/", "browsers drop the tab");
        assert_eq!(local_path("/\n/evil.example"), "/");
        assert_eq!(local_path("/ /evil.example"), "/");
        assert_eq!(local_path("/x\\/evil"), "/");
        assert_eq!(local_path("/search?q=%E0%A6%95"), "/search?q=%E0%A6%95");
    }
}
