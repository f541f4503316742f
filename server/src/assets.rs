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
            version: crate::keys::hex(&digest[..8]),
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
        let headers = res.headers_mut();
        headers.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static("public, max-age=31536000, immutable"),
        );
        // The same address is brotli for one browser and plain for another:
        // a shared cache must keep them apart (the layer that compresses on
        // the fly says so itself, but a `.br` copy passes it by).
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    }
    res
}

/// Names the assets' version the `.br` copies were made from.
const COPIES_OF: &str = "precompressed-version";

/// A `.br` copy, one being written, or the note of their version: not the
/// site's files, and not part of its version.
fn is_compressed_copy(path: &Path) -> bool {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    name.ends_with(".br") || name.contains(".br.tmp-") || name == COPIES_OF
}

fn copies_made_from(pkg_dir: &Path) -> String {
    std::fs::read_to_string(pkg_dir.join(COPIES_OF)).unwrap_or_default()
}

/// Writes `to` under a temporary name and renames it into place, so a
/// request never finds half a file.
fn write_aside(to: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let name = to.file_name().unwrap_or_default().to_string_lossy();
    let tmp = to.with_file_name(format!("{name}.tmp-{}", uuid::Uuid::new_v4()));
    std::fs::write(&tmp, bytes)
        .and_then(|()| std::fs::rename(&tmp, to))
        .inspect_err(|_| {
            std::fs::remove_file(&tmp).ok();
        })
}

impl Assets {
    /// Removes `.br` copies that were not made from this version (another
    /// build's, whatever their files' times say), so none is sent for a
    /// file it is not a copy of. Reads a few names: run before serving.
    pub fn drop_stale_copies(&self, pkg_dir: &Path) {
        if copies_made_from(pkg_dir) == self.version {
            return;
        }
        let mut files = vec![];
        walk(pkg_dir, &mut files);
        for copy in files.iter().filter(|f| is_compressed_copy(f)) {
            std::fs::remove_file(copy).ok();
        }
    }

    /// Writes `<file>.br` beside every file below `pkg_dir` (brotli level
    /// 11: seconds for the wasm, so once per build, not per request), then
    /// notes the version they were made from. A folder that cannot be
    /// written is left as it is: its files are compressed on the fly.
    pub fn precompress(&self, pkg_dir: &Path) {
        if copies_made_from(pkg_dir) == self.version {
            return;
        }
        let mut files = vec![];
        walk(pkg_dir, &mut files);
        for file in files.iter().filter(|f| !is_compressed_copy(f)) {
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
            let name = file.file_name().unwrap_or_default().to_string_lossy();
            let copy = file.with_file_name(format!("{name}.br"));
            if let Err(e) = write_aside(&copy, &out) {
                tracing::warn!(file = %copy.display(), error = %e, "no precompressed copy");
                return;
            }
        }
        write_aside(&pkg_dir.join(COPIES_OF), self.version.as_bytes()).ok();
    }

    /// Drops stale copies now, and makes the new ones in a thread of its
    /// own, once per folder per process (the tests build many routers over
    /// one site). Until they are written the files go out compressed on
    /// the fly.
    pub fn precompress_in_background(&self, pkg_dir: &Path) {
        use std::collections::HashSet;
        use std::sync::Mutex;
        static STARTED: Mutex<Option<HashSet<std::path::PathBuf>>> = Mutex::new(None);
        let mut started = STARTED.lock().unwrap_or_else(|e| e.into_inner());
        if started
            .get_or_insert_with(HashSet::new)
            .insert(pkg_dir.to_path_buf())
        {
            self.drop_stale_copies(pkg_dir);
            let (assets, dir) = (self.clone(), pkg_dir.to_path_buf());
            std::thread::spawn(move || {
                assets.precompress(&dir);
                // Brotli 11 took ~60 MB for the wasm: free this thread's
                // unused pages and purge the allocator's arenas now (without
                // it the server stayed that much larger after each new
                // build's first start).
                // SAFETY: mi_collect takes no pointers; it frees only what
                // is unused.
                unsafe { libmimalloc_sys::mi_collect(true) };
            });
        }
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
        let second = Assets::read(&dir);
        assert_ne!(first, second.version, "changed file, new version");
        second.precompress(&dir);
        assert!(dir.join("a.js.br").is_file());
        assert_eq!(
            Assets::read(&dir).version,
            second.version,
            "the copies are not content"
        );
        // A new build: the old copy is dropped before anything is served,
        // though its file is newer than the new source.
        std::fs::write(dir.join("a.js"), "three").unwrap();
        std::fs::File::options()
            .append(true)
            .open(dir.join("a.js.br"))
            .unwrap()
            .set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(60))
            .unwrap();
        let third = Assets::read(&dir);
        third.drop_stale_copies(&dir);
        assert!(!dir.join("a.js.br").exists(), "another build's copy");
        third.precompress(&dir);
        assert!(dir.join("a.js.br").is_file());
        third.drop_stale_copies(&dir);
        assert!(dir.join("a.js.br").is_file(), "this build's copy stays");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
