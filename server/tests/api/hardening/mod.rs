//! Hardening: each finding of the review, tried as an attacker or a careless
//! user would, through the same HTTP path; every test here failed before
//! its fix. One file per finding's kind.
use super::*;

mod bad_input;
mod import;
mod limits;
mod read_rule;
mod sessions;
mod writes;

pub(super) fn form_post(path: &str, form: String, session: &str) -> Request<Body> {
    Request::post(path)
        .header("host", HOST)
        .header("origin", ORIGIN)
        .header("content-type", "application/x-www-form-urlencoded")
        .header("accept", "application/json")
        .header("cookie", session)
        .body(Body::from(form))
        .unwrap()
}
