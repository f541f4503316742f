//! Requests as a browser sends them, and what a test reads of the answer.
use super::*;

pub(crate) const HOST: &str = "127.0.0.1:3000";
pub(crate) const ORIGIN: &str = "http://127.0.0.1:3000";

pub(crate) struct Reply {
    pub(crate) status: StatusCode,
    pub(crate) body: String,
    pub(crate) location: Option<String>,
    pub(crate) cookie: Option<String>,
    /// "hit" or "miss" when the answer is a page the cache could keep.
    pub(crate) cache: Option<String>,
}

pub(crate) async fn send(router: &axum::Router, req: Request<Body>) -> Reply {
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

pub(crate) fn post_request(
    path: &str,
    form: &str,
    session: Option<&str>,
    same_origin: bool,
) -> Request<Body> {
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
