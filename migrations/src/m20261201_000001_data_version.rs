//! The change counter: one number that every committed write to the data
//! moves forward, kept by triggers so no write path can forget it. Each app
//! instance reads it once per request; while it stands still, what the
//! instance read before (sessions, users, rendered pages) is still true.
//! Writes by another instance or by the command line move it too.
//!
//! A table added later needs its triggers as well: the test
//! `every_table_moves_the_change_counter` lists the tables without them.
//!
//! Sessions move it only when their data changes or they end (sign-out, a
//! flash message), not when a new one starts. SQLite's full-text index is a
//! virtual table (no triggers); it is only written with the meeting, whose
//! triggers fire in the same transaction.
//!
//! On PostgreSQL the trigger is deferred to the commit and moves the counter
//! once per transaction: the counter's row is then the last lock a writing
//! transaction takes, held for the commit alone, so it cannot deadlock with
//! the row locks the transaction took before.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The tables whose every insert, update and delete moves the counter.
pub const TABLES: [&str; 19] = [
    "offices",
    "people",
    "meetings",
    "attendees",
    "agenda_items",
    "decisions",
    "implementers",
    "recipients",
    "users",
    "user_roles",
    "audit_events",
    "memo_issues",
    "assignments",
    "progress_events",
    "evidence",
    "holidays",
    "reminder_runs",
    "notifications",
    "search_index",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared(
            "CREATE TABLE data_version (id INTEGER PRIMARY KEY, version BIGINT NOT NULL);
             INSERT INTO data_version (id, version) VALUES (1, 0);",
        )
        .await?;
        if db.get_database_backend() == DbBackend::Postgres {
            db.execute_unprepared(
                "CREATE FUNCTION sidhanto_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN
                   IF current_setting('sidhanto.changed', true) IS DISTINCT FROM 'yes' THEN
                     UPDATE data_version SET version = version + 1 WHERE id = 1;
                     PERFORM set_config('sidhanto.changed', 'yes', true);
                   END IF;
                   RETURN NULL;
                 END $$;",
            )
            .await?;
            for table in TABLES {
                db.execute_unprepared(&format!(
                    "CREATE CONSTRAINT TRIGGER {table}_changed
                       AFTER INSERT OR UPDATE OR DELETE ON {table}
                       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                       EXECUTE FUNCTION sidhanto_changed();"
                ))
                .await?;
            }
            db.execute_unprepared(
                "CREATE CONSTRAINT TRIGGER sessions_ended AFTER DELETE ON sessions
                   DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                   EXECUTE FUNCTION sidhanto_changed();
                 CREATE CONSTRAINT TRIGGER sessions_changed AFTER UPDATE ON sessions
                   DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                   WHEN (OLD.data IS DISTINCT FROM NEW.data)
                   EXECUTE FUNCTION sidhanto_changed();",
            )
            .await?;
        } else {
            const BUMP: &str =
                "BEGIN UPDATE data_version SET version = version + 1 WHERE id = 1; END;";
            for table in TABLES.into_iter().filter(|t| *t != "search_index") {
                for op in ["INSERT", "UPDATE", "DELETE"] {
                    let name = format!("{table}_{}", op.to_lowercase());
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {name}_changed AFTER {op} ON {table} {BUMP}"
                    ))
                    .await?;
                }
            }
            db.execute_unprepared(&format!(
                "CREATE TRIGGER sessions_ended AFTER DELETE ON sessions {BUMP}
                 CREATE TRIGGER sessions_changed AFTER UPDATE ON sessions
                   WHEN OLD.data IS NOT NEW.data {BUMP}"
            ))
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        if db.get_database_backend() == DbBackend::Postgres {
            for table in TABLES {
                db.execute_unprepared(&format!("DROP TRIGGER {table}_changed ON {table}"))
                    .await?;
            }
            db.execute_unprepared(
                "DROP TRIGGER sessions_ended ON sessions;
                 DROP TRIGGER sessions_changed ON sessions;
                 DROP FUNCTION sidhanto_changed();",
            )
            .await?;
        } else {
            for table in TABLES.into_iter().filter(|t| *t != "search_index") {
                for op in ["insert", "update", "delete"] {
                    db.execute_unprepared(&format!("DROP TRIGGER {table}_{op}_changed"))
                        .await?;
                }
            }
            db.execute_unprepared("DROP TRIGGER sessions_ended; DROP TRIGGER sessions_changed;")
                .await?;
        }
        db.execute_unprepared("DROP TABLE data_version").await?;
        Ok(())
    }
}
