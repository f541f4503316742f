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
pub mod shared_meetings;
pub mod tracking;

use app::error::AppError;
use sea_orm::{DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait};

/// Begins a transaction that writes. On SQLite it takes the write lock at
/// BEGIN (`BEGIN IMMEDIATE`): a deferred transaction that reads first and
/// writes later cannot wait for another writer and fails at once with
/// "database is locked", while an immediate one waits its turn (the busy
/// timeout, set where the pool is opened). PostgreSQL ignores the mode.
pub async fn begin_write<C: TransactionTrait>(db: &C) -> Result<C::Transaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

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
