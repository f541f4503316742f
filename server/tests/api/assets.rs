//! The browser's files: linked at an address naming their content, kept by
//! the browser for a year; everything compressed as the browser accepts.
use super::*;
use std::io::Read;

/// A router serving a site folder of our own (the real one may not be built).
fn router_with_site(db: DatabaseConnection, css: &str) -> (axum::Router, std::path::PathBuf) {
    let site = std::env::temp_dir().join(format!("sidhanto-site-{}", Uuid::new_v4()));
    std::fs::create_dir_all(site.join("pkg")).unwrap();
    std::fs::write(site.join("pkg/sidhanto.css"), css).unwrap();
    let args = ServeArgs {
        site_root: site.clone(),
        key_dir: std::env::temp_dir().join("sidhanto-test-keys"),
        evidence_dir: evidence_dir(),
        ..ServeArgs::default()
    };
    (startup::router(db, &args), site)
}

async fn raw(router: &axum::Router, path: &str, encoding: &str) -> axum::response::Response {
    let req = Request::get(path)
        .header("host", HOST)
        .header("accept-encoding", encoding)
        .body(Body::empty())
        .unwrap();
    router.clone().oneshot(req).await.unwrap()
}

fn header<'a>(res: &'a axum::response::Response, name: &str) -> &'a str {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
}

async fn bytes(res: axum::response::Response) -> Vec<u8> {
    res.into_body().collect().await.unwrap().to_bytes().to_vec()
}

#[tokio::test]
async fn the_browsers_files_are_linked_by_content_and_kept_for_a_year() {
    let app = spawn_app().await;
    let css = "body { color: black; }\n".repeat(50);
    let (router, site) = router_with_site(app.db.clone(), &css);
    let page = String::from_utf8(bytes(raw(&router, "/login", "identity").await).await).unwrap();
    let link = page
        .split('"')
        .find(|s| s.starts_with("/pkg/") && s.ends_with("/sidhanto.css"))
        .unwrap_or_else(|| panic!("no versioned stylesheet link in {page}"))
        .to_string();
    let version = link
        .trim_start_matches("/pkg/")
        .trim_end_matches("/sidhanto.css");
    assert_eq!(version.len(), 16, "{link}");
    assert!(
        page.contains(&format!("/pkg/{version}/sidhanto.js")),
        "the script too"
    );

    let res = raw(&router, &link, "identity").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        header(&res, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert_eq!(bytes(res).await, css.as_bytes());

    // A missing file is not kept for a year.
    let res = raw(&router, &format!("/pkg/{version}/missing.js"), "identity").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    assert!(!header(&res, "cache-control").contains("immutable"));
    // Another build's address is not this build's file.
    let res = raw(&router, "/pkg/0000000000000000/sidhanto.css", "identity").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    // Changed files are a new address.
    let (router, other) = router_with_site(app.db.clone(), "body {}");
    let again = String::from_utf8(bytes(raw(&router, "/login", "identity").await).await).unwrap();
    assert!(!again.contains(&link), "the new build links a new address");
    std::fs::remove_dir_all(site).unwrap();
    std::fs::remove_dir_all(other).unwrap();
}

#[tokio::test]
async fn answers_are_compressed_as_the_browser_accepts() {
    let app = spawn_app().await;
    let (router, site) = router_with_site(app.db.clone(), "body {}");
    let plain = bytes(raw(&router, "/login", "identity").await).await;

    let res = raw(&router, "/login", "gzip").await;
    assert_eq!(header(&res, "content-encoding"), "gzip");
    assert_eq!(
        header(&res, "cache-control"),
        "private, no-store",
        "pages stay private"
    );
    let zipped = bytes(res).await;
    assert!(
        zipped.len() * 2 < plain.len(),
        "{} of {}",
        zipped.len(),
        plain.len()
    );
    let mut unzipped = Vec::new();
    flate2::read::GzDecoder::new(zipped.as_slice())
        .read_to_end(&mut unzipped)
        .unwrap();
    // The same page (but for its per-request nonce).
    let page = String::from_utf8(unzipped).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains(r#"action="/login""#));
    assert_eq!(page.len(), plain.len());

    let res = raw(&router, "/login", "br;q=1.0, gzip;q=0.5").await;
    assert_eq!(header(&res, "content-encoding"), "br");
    std::fs::remove_dir_all(site).unwrap();
}

#[tokio::test]
async fn the_browsers_files_are_sent_as_compressed_once_at_brotlis_best() {
    let app = spawn_app().await;
    let css = (0..2000)
        .map(|i| format!(".c{i} {{ margin: {i}px; }}\n"))
        .collect::<String>();
    let (router, site) = router_with_site(app.db.clone(), &css);
    let pkg = site.join("pkg");
    server::assets::Assets::read(&pkg).precompress(&pkg);
    let best = std::fs::read(pkg.join("sidhanto.css.br")).unwrap();
    let page = String::from_utf8(bytes(raw(&router, "/login", "identity").await).await).unwrap();
    let link = page
        .split('"')
        .find(|s| s.starts_with("/pkg/") && s.ends_with("/sidhanto.css"))
        .unwrap()
        .to_string();

    let res = raw(&router, &link, "gzip, deflate, br").await;
    assert_eq!(header(&res, "content-encoding"), "br");
    assert_eq!(
        header(&res, "vary"),
        "accept-encoding",
        "shared caches keep them apart"
    );
    assert_eq!(
        header(&res, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    let sent = bytes(res).await;
    assert_eq!(
        sent, best,
        "the copy made once, not a compression per request"
    );
    let mut unpacked = Vec::new();
    brotli::Decompressor::new(sent.as_slice(), 4096)
        .read_to_end(&mut unpacked)
        .unwrap();
    assert_eq!(unpacked, css.as_bytes());

    // A browser without brotli gets the file compressed on the fly.
    let res = raw(&router, &link, "gzip").await;
    assert_eq!(header(&res, "content-encoding"), "gzip");
    std::fs::remove_dir_all(site).unwrap();
}
