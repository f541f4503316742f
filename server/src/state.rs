//! What the handlers share, built once at start-up (the `router` of
//! startup.rs). A handler names the part it needs by type
//! (`State<Arc<Services>>`, `State<Arc<Issuing>>` …): a part the state does
//! not hold is a compile error, not a 500 at run time as a missing
//! `Extension` would be.
use crate::cache::Cache;
use crate::limiter::LoginLimiter;
use crate::memo::RenderSlots;
use crate::routes::tracking::EvidenceDir;
use crate::store::issue::Issuing;
use app::ports::Services;
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// What the handlers share, behind one `Arc`: axum clones the state, and every middleware
/// holding it, for each request; one count to move instead of a score of
/// them (the parts' own `Arc`s and strings) was a few percent of a page.
#[derive(Clone)]
pub struct AppState(Arc<Inner>);

pub struct Inner {
    /// Leptos's own settings (the site root, the output name).
    pub options: LeptosOptions,
    pub db: DatabaseConnection,
    /// The stores behind `app::ports`, as the pages' server functions get them.
    pub services: Arc<Services>,
    pub issuing: Arc<Issuing>,
    pub evidence: EvidenceDir,
    pub renders: RenderSlots,
    pub limiter: Arc<LoginLimiter>,
    pub cache: Arc<Cache>,
}

impl AppState {
    pub fn new(inner: Inner) -> Self {
        AppState(Arc::new(inner))
    }
}

/// `State<T>` for each part, as `#[derive(FromRef)]` gives a plain struct.
macro_rules! parts {
    ($($field:ident: $ty:ty),* $(,)?) => {$(
        impl FromRef<AppState> for $ty {
            fn from_ref(state: &AppState) -> Self {
                state.0.$field.clone()
            }
        }
    )*};
}

parts! {
    options: LeptosOptions,
    db: DatabaseConnection,
    services: Arc<Services>,
    issuing: Arc<Issuing>,
    evidence: EvidenceDir,
    renders: RenderSlots,
    limiter: Arc<LoginLimiter>,
    cache: Arc<Cache>,
}
