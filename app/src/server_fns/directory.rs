use crate::domain::directory::{OfficeEntry, PersonEntry};
use crate::error::AppError;
use leptos::prelude::*;

/// Offices matching `query` (every word, in either language), for admins.
#[server(prefix = "/api", endpoint = "directory/offices")]
pub async fn directory_offices(query: String) -> Result<Vec<OfficeEntry>, AppError> {
    use crate::domain::auth::Permission;
    let (_, services) = super::require(Permission::AnyAdmin)?;
    let all = services
        .directory
        .offices()
        .await
        .map_err(crate::error::respond)?;
    Ok(all.into_iter().filter(|o| o.matches(&query)).collect())
}

/// The public holidays working-day deadlines skip (anyone may read them).
#[server(prefix = "/api", endpoint = "admin/holidays")]
pub async fn list_holidays() -> Result<Vec<(chrono::NaiveDate, String)>, AppError> {
    use crate::domain::auth::Permission;
    let (_, services) = super::require(Permission::SignedIn)?;
    services
        .directory
        .holidays()
        .await
        .map_err(crate::error::respond)
}

/// People matching `query`, for admins.
#[server(prefix = "/api", endpoint = "directory/people")]
pub async fn directory_people(query: String) -> Result<Vec<PersonEntry>, AppError> {
    use crate::domain::auth::Permission;
    let (_, services) = super::require(Permission::AnyAdmin)?;
    let all = services
        .directory
        .people()
        .await
        .map_err(crate::error::respond)?;
    Ok(all.into_iter().filter(|p| p.matches(&query)).collect())
}
