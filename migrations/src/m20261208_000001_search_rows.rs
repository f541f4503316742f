//! SQLite only: which rows of the search index belong to which meeting.
//!
//! The index is an FTS5 table, which has no index but its rowid, so
//! replacing a meeting's rows (`DELETE ... WHERE meeting_id = ?`, at every
//! draft save) read every row of it: 1.7 s at 100k decisions, holding the
//! write lock. `search_index_rows` maps a meeting to its rows' rowids, and
//! the delete finds them by rowid. (PostgreSQL's index is a table with an
//! index on `meeting_id`: nothing to do there.)
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() != DbBackend::Sqlite {
            return Ok(());
        }
        db.execute_unprepared(
            "CREATE TABLE search_index_rows (
                seq INTEGER PRIMARY KEY,
                meeting_id BLOB NOT NULL)",
        )
        .await?;
        db.execute_unprepared(
            "INSERT INTO search_index_rows (seq, meeting_id)
                SELECT rowid, meeting_id FROM search_index",
        )
        .await?;
        db.execute_unprepared(
            "CREATE INDEX ix_search_index_rows_meeting ON search_index_rows (meeting_id)",
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() == DbBackend::Sqlite {
            db.execute_unprepared("DROP TABLE search_index_rows")
                .await?;
        }
        Ok(())
    }
}
