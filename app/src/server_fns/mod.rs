//! `#[server]` shims with stable URLs under /api. Each one first asks
//! `require` whether the caller may, then validates, then calls one store
//! method. The authorization-matrix test lists every one of them.
pub mod account;
pub mod audit;
pub mod directory;
pub mod editor;
pub mod meetings;
pub mod tracking;
pub mod workflow;

#[cfg(feature = "ssr")]
pub use guard::*;

#[cfg(feature = "ssr")]
mod guard {
    use crate::domain::auth::{authorize, CurrentUser, Permission};
    use crate::domain::MeetingStatus;
    use crate::error::{respond, AppError};
    use crate::ports::{services, Services};

    /// The signed-in user of this request, as the server's session layer
    /// found it (it puts `CurrentUser` into the request's extensions).
    pub fn current_user() -> Option<CurrentUser> {
        // Looked at in place: `use_context` would copy the request's whole
        // head (its headers, each extension) for every server function.
        leptos::prelude::with_context::<http::request::Parts, _>(|parts| {
            parts.extensions.get::<CurrentUser>().cloned()
        })
        .flatten()
    }

    /// The one door of every server function: may the caller do this? Also
    /// hands back the services, so nothing is reached before the check.
    pub fn require(
        needs: Permission,
    ) -> Result<(Option<CurrentUser>, std::sync::Arc<Services>), AppError> {
        let user = current_user();
        authorize(user.as_ref(), &needs).map_err(respond)?;
        Ok((user, services().map_err(respond)?))
    }

    /// The door of everything read about one meeting: signed in, and the
    /// read rule for its minutes (`Permission::ReadMinutes`).
    pub async fn require_minutes(
        id: uuid::Uuid,
    ) -> Result<(Option<CurrentUser>, std::sync::Arc<Services>), AppError> {
        let (user, services) = require(Permission::SignedIn)?;
        let (office, status) = services.meetings.access(id).await.map_err(respond)?;
        let needs = Permission::ReadMinutes {
            office,
            issued: status == MeetingStatus::Issued,
        };
        authorize(user.as_ref(), &needs).map_err(respond)?;
        Ok((user, services))
    }

    /// The offices this user administers (with those below them).
    pub fn admin_offices(user: Option<&CurrentUser>) -> Vec<uuid::Uuid> {
        use crate::domain::auth::Role;
        user.map(|u| {
            u.reach
                .iter()
                .filter(|(r, _)| *r == Role::Admin)
                .map(|(_, o)| *o)
                .collect()
        })
        .unwrap_or_default()
    }

    /// May this user read the minutes of a meeting of `office` in `status`?
    pub fn may_read_minutes(
        user: Option<&CurrentUser>,
        office: uuid::Uuid,
        status: MeetingStatus,
    ) -> bool {
        let issued = status == MeetingStatus::Issued;
        authorize(user, &Permission::ReadMinutes { office, issued }).is_ok()
    }
}

/// The refused form the last post left for this assignment or meeting,
/// removed as it is read.
#[cfg(feature = "ssr")]
pub(crate) async fn take_kept(id: uuid::Uuid) -> Option<crate::domain::kept::KeptForm> {
    let session = leptos::prelude::with_context::<http::request::Parts, _>(|parts| {
        parts.extensions.get::<tower_sessions::Session>().cloned()
    })??;
    let key = crate::domain::kept::KeptForm::key(id);
    // Looked at first: a removal marks the session changed, and a page
    // whose session changed is not kept by the page cache.
    let kept = session.get(&key).await.ok().flatten()?;
    let _ = session.remove::<crate::domain::kept::KeptForm>(&key).await;
    Some(kept)
}
