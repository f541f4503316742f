use crate::domain::{Meeting, MeetingSummary};
use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

#[server(prefix = "/api", endpoint = "meetings/list")]
pub async fn list_meetings() -> Result<Vec<MeetingSummary>, AppError> {
    use crate::domain::auth::Permission;
    let (_, services) = super::require(Permission::SignedIn)?;
    services
        .meetings
        .list()
        .await
        .map_err(crate::error::respond)
}

/// The search box: texts of meetings, agenda items and decisions.
#[server(prefix = "/api", endpoint = "search")]
pub async fn search(query: String) -> Result<Vec<crate::domain::search::Hit>, AppError> {
    use crate::domain::auth::Permission;
    let (_, services) = super::require(Permission::SignedIn)?;
    services
        .meetings
        .search(query)
        .await
        .map_err(crate::error::respond)
}

#[server(prefix = "/api", endpoint = "meetings/get")]
pub async fn get_meeting(id: Uuid) -> Result<Meeting, AppError> {
    use crate::domain::auth::Permission;
    let (_, services) = super::require(Permission::SignedIn)?;
    services
        .meetings
        .get(id)
        .await
        .map_err(crate::error::respond)
}
