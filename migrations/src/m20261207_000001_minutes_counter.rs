//! A counter for every meeting's minutes together (`data_version` row 5),
//! moved with each meeting's own counter (`meeting_versions`, m20261205):
//! by writes to a meeting's row, attendance, agenda, decisions,
//! implementers, অনুলিপি list or issue.
//!
//! Searches are kept under it. They were kept under row 1, which every
//! write moves: a progress report, a sign-in or a reminder sent dropped
//! every kept search, and a phrase common to every meeting costs the index
//! milliseconds each time. The app writes a meeting's search rows in the
//! transaction that writes the meeting, and the rebuild of the whole index
//! (`store::search::rebuild`) moves this row itself; on PostgreSQL a write
//! to the index moves it too (SQLite allows no trigger on the index's
//! virtual table).
//!
//! On PostgreSQL the triggers are deferred to the commit and move the row
//! once per transaction, like the other rows' (m20261205).
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const OPS: [&str; 3] = ["INSERT", "UPDATE", "DELETE"];

/// The tables whose writes move row 5 (on SQLite only the first).
const TABLES: [&str; 2] = ["meeting_versions", "search_index"];

/// Each trigger: (name, table, operation).
fn triggers(postgres: bool) -> Vec<(String, &'static str, &'static str)> {
    let tables = if postgres { &TABLES[..] } else { &TABLES[..1] };
    tables
        .iter()
        .flat_map(|table| {
            OPS.map(|op| (format!("{table}_tally_{}_5", op.to_lowercase()), *table, op))
        })
        .collect()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        db.execute_unprepared("INSERT INTO data_version (id, version) VALUES (5, 0)")
            .await?;
        if postgres {
            db.execute_unprepared(
                "CREATE FUNCTION sidhanto_changed_5() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN
                   IF current_setting('sidhanto.changed_5', true) IS DISTINCT FROM 'yes' THEN
                     UPDATE data_version SET version = version + 1 WHERE id = 5;
                     PERFORM set_config('sidhanto.changed_5', 'yes', true);
                   END IF;
                   RETURN NULL;
                 END $$;",
            )
            .await?;
        }
        for (name, table, op) in triggers(postgres) {
            db.execute_unprepared(&if postgres {
                format!(
                    "CREATE CONSTRAINT TRIGGER {name} AFTER {op} ON {table}
                       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                       EXECUTE FUNCTION sidhanto_changed_5();"
                )
            } else {
                format!(
                    "CREATE TRIGGER {name} AFTER {op} ON {table}
                     BEGIN UPDATE data_version SET version = version + 1 WHERE id = 5; END;"
                )
            })
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        for (name, table, _) in triggers(postgres) {
            db.execute_unprepared(&if postgres {
                format!("DROP TRIGGER {name} ON {table}")
            } else {
                format!("DROP TRIGGER {name}")
            })
            .await?;
        }
        if postgres {
            db.execute_unprepared("DROP FUNCTION sidhanto_changed_5()")
                .await?;
        }
        db.execute_unprepared("DELETE FROM data_version WHERE id = 5")
            .await?;
        Ok(())
    }
}
