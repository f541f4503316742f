use crate::domain::tracking::CarriedDecision;
use crate::domain::{Meeting, MeetingSummary};
use crate::error::AppError;
use leptos::prelude::*;
use std::sync::Arc;
use uuid::Uuid;

#[server(prefix = "/api", endpoint = "meetings/list")]
pub async fn list_meetings() -> Result<Vec<MeetingSummary>, AppError> {
    use crate::domain::auth::Permission;
    let (user, services) = super::require(Permission::SignedIn)?;
    let mut list = services
        .meetings
        .list()
        .await
        .map_err(crate::error::respond)?;
    list.retain(|m| super::may_read_minutes(user.as_ref(), m.office_id, m.status));
    Ok(list)
}

/// The search box: texts of meetings, agenda items and decisions.
#[server(prefix = "/api", endpoint = "search")]
pub async fn search(query: String) -> Result<Vec<crate::domain::search::Hit>, AppError> {
    use crate::domain::auth::Permission;
    let (user, services) = super::require(Permission::SignedIn)?;
    let mut hits = services
        .meetings
        .search(query)
        .await
        .map_err(crate::error::respond)?;
    hits.retain(|h| super::may_read_minutes(user.as_ref(), h.office_id, h.status));
    Ok(hits)
}

/// The minutes and, apart, their carry-forward: both as every reader shares
/// them (the page renders each once per kept `Arc`: `rendered::Same`).
#[server(prefix = "/api", endpoint = "meetings/get")]
pub async fn get_meeting(id: Uuid) -> Result<(Arc<Meeting>, Arc<Vec<CarriedDecision>>), AppError> {
    let (_, services) = super::require_minutes(id).await?;
    let meetings = &services.meetings;
    let read = async { Ok((meetings.get(id).await?, meetings.carried(id).await?)) };
    read.await.map_err(crate::error::respond)
}
