use crate::domain::audit::AuditEntry;
use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

/// The newest changes in the offices an admin reaches.
#[server(prefix = "/api", endpoint = "audit/recent")]
pub async fn recent_audit() -> Result<Vec<AuditEntry>, AppError> {
    use crate::domain::auth::Permission;
    let (user, services) = super::require(Permission::AnyAdmin)?;
    let offices = super::admin_offices(user.as_ref());
    services
        .audit
        .recent(200, offices)
        .await
        .map_err(crate::error::respond)
}

/// Every change to one meeting, oldest first, for anyone who may read it.
#[server(prefix = "/api", endpoint = "audit/meeting")]
pub async fn meeting_audit(id: Uuid) -> Result<Vec<AuditEntry>, AppError> {
    let (_, services) = super::require_minutes(id).await?;
    services
        .audit
        .for_meeting(id)
        .await
        .map_err(crate::error::respond)
}
