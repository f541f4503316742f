//! What the handlers share, built once at start-up (the `router` of
//! startup.rs). A handler names the part it needs by type
//! (`State<Services>`, `State<Arc<Issuing>>` …): a part the state does not
//! hold is a compile error, not a 500 at run time as a missing `Extension`
//! would be.
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

#[derive(Clone, FromRef)]
pub struct AppState {
    /// Leptos's own settings (the site root, the output name).
    pub options: LeptosOptions,
    pub db: DatabaseConnection,
    /// The stores behind `app::ports`, as the pages' server functions get them.
    pub services: Services,
    pub issuing: Arc<Issuing>,
    pub evidence: EvidenceDir,
    pub renders: RenderSlots,
    pub limiter: Arc<LoginLimiter>,
    pub cache: Arc<Cache>,
}
