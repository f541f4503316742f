//! SeaORM implementations of `app::ports` (and of tower-sessions' store):
//! entity ↔ domain mapping, and the one place where a `DbErr` becomes an
//! `AppError`.
pub mod accounts;
pub mod audit;
pub mod directory;
pub mod holidays;
pub mod issue;
pub mod meetings;
pub mod minutes;
pub mod reminders;
pub mod search;
pub mod sessions;
pub mod tracking;

use app::error::AppError;
use sea_orm::DbErr;

/// Database errors never reach the user as text: they are logged with their
/// cause and become `Internal` (or `NotFound` when a row is missing).
pub(crate) fn db_error(err: DbErr) -> AppError {
    match err {
        DbErr::RecordNotFound(_) => AppError::NotFound,
        other => {
            tracing::error!(error = %other, "database error");
            AppError::Internal
        }
    }
}
