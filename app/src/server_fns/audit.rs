use crate::domain::audit::AuditEntry;
use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

/// The newest changes in the offices an admin reaches, or in one of them,
/// by a person, in a span of days (empty: any).
#[server(prefix = "/api", endpoint = "audit/recent")]
pub async fn recent_audit(
    office: String,
    person: String,
    from: String,
    to: String,
) -> Result<Vec<AuditEntry>, AppError> {
    use crate::domain::audit::AuditFilter;
    use crate::domain::auth::Permission;
    let (user, services) = super::require(Permission::AnyAdmin)?;
    let filter = AuditFilter::read(&office, &person, &from, &to).map_err(crate::error::respond)?;
    let mut offices = super::admin_offices(user.as_ref());
    // One office, if it is one of theirs.
    if let Some(one) = filter.office.filter(|o| offices.contains(o)) {
        offices = vec![one];
    }
    services
        .audit
        .recent(200, offices, filter)
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
