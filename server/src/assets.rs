//! The browser's files (CSS, JS, wasm) under an address that names their
//! content: `/pkg/<version>/…`, where the version is a hash of every file in
//! the site's `pkg` folder, taken once at start. A browser may then keep
//! them for a year without asking again (`immutable`), and a new build is a
//! new address, so nobody runs old code against a new server.
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::Response;
use axum::Router;
use sha2::{Digest, Sha256};
use std::path::Path;
use tower_http::services::ServeDir;

/// The site's files as this process serves them.
#[derive(Clone, Debug)]
pub struct Assets {
    /// Hex digits naming the content of the `pkg` folder.
    pub version: String,
}

impl Assets {
    /// Hashes the folder's files (names and bytes, in name order). A missing
    /// or unreadable folder still gets a version: the pages then load no
    /// assets, as before, instead of the server refusing to start.
    pub fn read(pkg_dir: &Path) -> Assets {
        let mut files = vec![];
        walk(pkg_dir, &mut files);
        files.sort();
        let mut hash = Sha256::new();
        for path in &files {
            let name = path.strip_prefix(pkg_dir).unwrap_or(path);
            hash.update(name.as_os_str().as_encoded_bytes());
            hash.update(std::fs::read(path).unwrap_or_default());
        }
        let digest = hash.finalize();
        Assets {
            version: digest[..8].iter().map(|b| format!("{b:02x}")).collect(),
        }
    }

    /// The folder the pages name in their links (`LeptosOptions::site_pkg_dir`).
    pub fn pkg_path(&self) -> String {
        format!("pkg/{}", self.version)
    }

    /// Serves `pkg_dir` at `/pkg/<version>/`; what is found is cacheable for
    /// a year (a missing file is not). Another version's address is not
    /// found (it falls through to the 404 page). The files are read when
    /// asked for: restart the server after a build, as after any build.
    pub fn router<S: Clone + Send + Sync + 'static>(&self, pkg_dir: &Path) -> Router<S> {
        Router::new()
            .nest_service(&format!("/{}", self.pkg_path()), ServeDir::new(pkg_dir))
            .layer(axum::middleware::map_response(keep_for_a_year))
    }
}

async fn keep_for_a_year(mut res: Response) -> Response {
    if res.status().is_success() || res.status() == StatusCode::NOT_MODIFIED {
        res.headers_mut().insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
    }
    res
}

/// Every file below `dir`, in its subfolders too.
fn walk(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files);
        } else if path.is_file() {
            files.push(path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_follows_the_content() {
        let dir = std::env::temp_dir().join(format!("sidhanto-assets-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.js"), "one").unwrap();
        let first = Assets::read(&dir).version;
        assert_eq!(
            first,
            Assets::read(&dir).version,
            "same files, same version"
        );
        assert_eq!(first.len(), 16);
        std::fs::write(dir.join("a.js"), "two").unwrap();
        assert_ne!(
            first,
            Assets::read(&dir).version,
            "changed file, new version"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
