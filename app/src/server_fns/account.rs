use crate::domain::audit::UserSummary;
use crate::domain::auth::CurrentUser;
use crate::error::AppError;
use leptos::prelude::*;

/// Who is signed in (None when nobody is): the page chrome asks this.
#[server(prefix = "/api", endpoint = "account/me")]
pub async fn me() -> Result<Option<CurrentUser>, AppError> {
    use crate::domain::auth::Permission;
    let (user, _) = super::require(Permission::Public)?;
    Ok(user)
}

/// The users an admin manages: those holding a role at one of the admin's offices.
#[server(prefix = "/api", endpoint = "admin/users")]
pub async fn list_users() -> Result<Vec<UserSummary>, AppError> {
    use crate::domain::auth::Permission;
    let (user, services) = super::require(Permission::AnyAdmin)?;
    let offices = super::admin_offices(user.as_ref());
    services
        .accounts
        .list_users(offices)
        .await
        .map_err(crate::error::respond)
}
