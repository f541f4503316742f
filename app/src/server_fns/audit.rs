use crate::domain::audit::AuditEntry;
use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

/// The newest changes anywhere, for admins.
#[server(prefix = "/api", endpoint = "audit/recent")]
pub async fn recent_audit() -> Result<Vec<AuditEntry>, AppError> {
    use crate::domain::auth::Permission;
    let (_, services) = super::require(Permission::AnyAdmin)?;
    services
        .audit
        .recent(200)
        .await
        .map_err(crate::error::respond)
}

/// Every change to one meeting, oldest first, for anyone who may read it.
#[server(prefix = "/api", endpoint = "audit/meeting")]
pub async fn meeting_audit(id: Uuid) -> Result<Vec<AuditEntry>, AppError> {
    use crate::domain::auth::Permission;
    let (_, services) = super::require(Permission::SignedIn)?;
    services
        .audit
        .for_meeting(id)
        .await
        .map_err(crate::error::respond)
}
