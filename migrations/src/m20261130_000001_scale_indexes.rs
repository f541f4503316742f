//! Indexes the scale benchmark (bench/run) asked for: the newest change to
//! assignments and meetings (the dashboard's cache stamp reads both maxima),
//! meetings by fiscal year (the dashboard counts one),
//! corrections by the meeting they correct, evidence by its event; and on
//! PostgreSQL an insertion order for the search index (SQLite's FTS table
//! has its rowid), so a search takes the newest matches without sorting all.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const INDEXES: [(&str, &str); 5] = [
    ("assignments", "updated_at"),
    ("meetings", "fiscal_year"),
    ("meetings", "updated_at"),
    ("meetings", "corrects_id"),
    ("evidence", "event_id"),
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, col) in INDEXES {
            m.create_index(
                Index::create()
                    .name(format!("ix_{table}_{col}"))
                    .table(Alias::new(table))
                    .col(Alias::new(col))
                    .to_owned(),
            )
            .await?;
        }
        let db = m.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared("ALTER TABLE search_index ADD COLUMN seq bigserial")
                .await?;
            db.execute_unprepared("CREATE INDEX ix_search_index_seq ON search_index (seq)")
                .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for (table, col) in INDEXES {
            m.drop_index(
                Index::drop()
                    .name(format!("ix_{table}_{col}"))
                    .table(Alias::new(table))
                    .to_owned(),
            )
            .await?;
        }
        let db = m.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared("ALTER TABLE search_index DROP COLUMN seq")
                .await?;
        }
        Ok(())
    }
}
