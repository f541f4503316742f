use crate::domain::{Meeting, MeetingSummary};
use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

// Reading minutes is open to anyone who can reach the server until accounts
// exist; the accounts issue puts these behind the authorization layer.

#[server(prefix = "/api", endpoint = "meetings/list")]
pub async fn list_meetings() -> Result<Vec<MeetingSummary>, AppError> {
    use crate::error::respond;
    let services = crate::ports::services().map_err(respond)?;
    services.meetings.list().await.map_err(respond)
}

#[server(prefix = "/api", endpoint = "meetings/get")]
pub async fn get_meeting(id: Uuid) -> Result<Meeting, AppError> {
    use crate::error::respond;
    let services = crate::ports::services().map_err(respond)?;
    services.meetings.get(id).await.map_err(respond)
}
