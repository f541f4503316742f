//! The browser's files (CSS, JS, wasm) under an address that names their
//! content: `/pkg/<version>/…`, where the version is a hash of every file in
//! the site's `pkg` folder, taken once at start. A browser may then keep
//! them for a year without asking again (`immutable`), and a new build is a
//! new address, so nobody runs old code against a new server.
use axum::http::{header, HeaderValue};
use axum::Router;
use sha2::{Digest, Sha256};
use std::path::Path;
use tower_http::services::ServeDir;
use tower_http::set_header::SetResponseHeaderLayer;

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
        let mut names: Vec<_> = std::fs::read_dir(pkg_dir)
            .map(|dir| dir.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        names.sort();
        let mut hash = Sha256::new();
        for path in names.iter().filter(|p| p.is_file()) {
            hash.update(path.file_name().unwrap_or_default().as_encoded_bytes());
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

    /// Serves `pkg_dir` at `/pkg/<version>/`, cacheable for a year. Another
    /// version's address is not found (it falls through to the 404 page).
    pub fn router<S: Clone + Send + Sync + 'static>(&self, pkg_dir: &Path) -> Router<S> {
        Router::new()
            .nest_service(&format!("/{}", self.pkg_path()), ServeDir::new(pkg_dir))
            .layer(SetResponseHeaderLayer::overriding(
                header::CACHE_CONTROL,
                HeaderValue::from_static("public, max-age=31536000, immutable"),
            ))
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
