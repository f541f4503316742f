//! The browser's files (CSS, JS, wasm) under an address that names their
//! content: `/pkg/<version>/…`, where the version is a hash of every file in
//! the site's `pkg` folder, taken once at start. A browser may then keep
//! them for a year without asking again (`immutable`), and a new build is a
//! new address, so nobody runs old code against a new server.
//!
//! Each file also gets a copy compressed once with brotli at its best level
//! (`precompress`, `<file>.br` beside it), served to browsers that accept
//! brotli: the wasm is most of a first visit, and brotli 11 makes it ~17%
//! smaller than the level the app compresses pages at on the fly.
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
        files.retain(|f| !is_compressed_copy(f));
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
            .nest_service(
                &format!("/{}", self.pkg_path()),
                ServeDir::new(pkg_dir).precompressed_br(),
            )
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

/// A `.br` copy, or one being written (`.br.<uuid>`).
fn is_compressed_copy(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    name.ends_with(".br") || name.contains(".br.")
}

/// Writes `<file>.br` beside every file below `pkg_dir` that has none or an
/// older one: brotli at level 11, which takes seconds for the wasm, so it
/// runs once per build (and per folder per process), not per request.
/// Written under a temporary name and renamed, so a request never finds half
/// a file. A folder that cannot be written is left as it is: its files are
/// still compressed on the fly.
pub fn precompress(pkg_dir: &Path) {
    let mut files = vec![];
    walk(pkg_dir, &mut files);
    for file in files.iter().filter(|f| !is_compressed_copy(f)) {
        let copy = file.with_file_name(format!(
            "{}.br",
            file.file_name().unwrap_or_default().to_string_lossy()
        ));
        let modified = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
        if modified(&copy).is_some() && modified(&copy) >= modified(file) {
            continue;
        }
        let Ok(bytes) = std::fs::read(file) else {
            continue;
        };
        let mut out = Vec::new();
        let params = brotli::enc::BrotliEncoderParams {
            quality: 11,
            ..Default::default()
        };
        if brotli::BrotliCompress(&mut bytes.as_slice(), &mut out, &params).is_err() {
            continue;
        }
        let tmp = copy.with_extension(format!("br.{}", uuid::Uuid::new_v4()));
        let written = std::fs::write(&tmp, &out).and_then(|()| std::fs::rename(&tmp, &copy));
        if let Err(e) = written {
            std::fs::remove_file(&tmp).ok();
            tracing::warn!(file = %copy.display(), error = %e, "no precompressed copy");
            return;
        }
    }
}

/// `precompress` in a thread of its own, once per folder per process (the
/// tests build many routers over one site).
pub fn precompress_in_background(pkg_dir: &Path) {
    use std::collections::HashSet;
    use std::sync::Mutex;
    static STARTED: Mutex<Option<HashSet<std::path::PathBuf>>> = Mutex::new(None);
    let mut started = STARTED.lock().unwrap_or_else(|e| e.into_inner());
    if started
        .get_or_insert_with(HashSet::new)
        .insert(pkg_dir.to_path_buf())
    {
        let dir = pkg_dir.to_path_buf();
        std::thread::spawn(move || precompress(&dir));
    }
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
        let second = Assets::read(&dir).version;
        assert_ne!(first, second, "changed file, new version");
        precompress(&dir);
        assert!(dir.join("a.js.br").is_file());
        assert_eq!(
            Assets::read(&dir).version,
            second,
            "the copies are not content"
        );
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
