//! One search box over meetings, agenda items and decisions, Bangla
//! included. Bangla words are strings of letters and combining vowel signs,
//! which word tokenizers split apart, so both databases match substrings:
//! SQLite with an FTS5 trigram index, PostgreSQL with a pg_trgm GIN index.
//! The index holds one row per text (a meeting's title, an item's subject
//! and discussion, a decision) and is rebuilt per meeting on every save.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The texts of the meetings already stored.
const FILL: &str = "
INSERT INTO search_index (kind, meeting_id, ref_id, text)
    SELECT 'meeting', id, id, title_bn FROM meetings
    UNION ALL
    SELECT 'subject', meeting_id, id, subject_bn FROM agenda_items
    UNION ALL
    SELECT 'discussion', meeting_id, id, discussion_bn FROM agenda_items
    UNION ALL
    SELECT 'decision', a.meeting_id, d.id, d.text_bn
        FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        match db.get_database_backend() {
            DbBackend::Sqlite => {
                db.execute_unprepared(
                    "CREATE VIRTUAL TABLE search_index USING fts5(
                        kind UNINDEXED, meeting_id UNINDEXED, ref_id UNINDEXED, text,
                        tokenize = 'trigram')",
                )
                .await?;
            }
            _ => {
                db.execute_unprepared("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                    .await?;
                db.execute_unprepared(
                    "CREATE TABLE search_index (
                        ref_id uuid NOT NULL,
                        kind text NOT NULL,
                        meeting_id uuid NOT NULL,
                        text text NOT NULL,
                        PRIMARY KEY (ref_id, kind))",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE INDEX ix_search_index_text ON search_index USING gin (text gin_trgm_ops)",
                )
                .await?;
                db.execute_unprepared(
                    "CREATE INDEX ix_search_index_meeting ON search_index (meeting_id)",
                )
                .await?;
            }
        }
        db.execute_unprepared(FILL).await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.get_connection()
            .execute_unprepared("DROP TABLE search_index")
            .await?;
        Ok(())
    }
}
