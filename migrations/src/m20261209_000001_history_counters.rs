//! An assignment's history (its progress reports and their evidence files)
//! moves the counters of the office that owes it and of its meeting's
//! office, like the assignment itself (m20261205).
//!
//! The app writes a report with its assignment's new status in one
//! transaction, so the assignment's triggers moved them already; but an
//! assignment's page is kept under those counters, and a note corrected or
//! an evidence row removed by SQL (an operator, another tool) must show at
//! the next view too.
use super::m20261205_000001_shared_versions::COUNTERS;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Each table and the offices a row moves (`R` is the row).
const MOVED_BY: [(&str, &str); 2] = [
    (
        "progress_events",
        "SELECT office_id AS id FROM assignments WHERE id = R.assignment_id
         UNION SELECT meeting_office_id FROM assignments WHERE id = R.assignment_id",
    ),
    (
        "evidence",
        "SELECT a.office_id AS id FROM progress_events e
           JOIN assignments a ON a.id = e.assignment_id WHERE e.id = R.event_id
         UNION SELECT a.meeting_office_id FROM progress_events e
           JOIN assignments a ON a.id = e.assignment_id WHERE e.id = R.event_id",
    ),
];

/// The keys `rows` selects for an operation's row (`R`): the new one, the
/// old one, or for an update both.
pub(crate) fn rows_of(op: &str, rows: &str) -> String {
    match op {
        "INSERT" => rows.replace("R.", "NEW."),
        "DELETE" => rows.replace("R.", "OLD."),
        _ => format!(
            "{} UNION {}",
            rows.replace("R.", "NEW."),
            rows.replace("R.", "OLD.")
        ),
    }
}

/// Each trigger: (name, table, operation, body). An update moves the
/// offices of the row before and after.
fn triggers() -> Vec<(String, &'static str, &'static str, String)> {
    let offices = &COUNTERS[1];
    assert_eq!(offices.table, "office_versions");
    MOVED_BY
        .iter()
        .flat_map(|(table, rows)| {
            ["INSERT", "UPDATE", "DELETE"].map(|op| {
                (
                    format!("{table}_{}_office_versions", op.to_lowercase()),
                    *table,
                    op,
                    offices.bump(&rows_of(op, rows)),
                )
            })
        })
        .collect()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        for (name, table, op, bump) in triggers() {
            // As m20261205's: deferred to the commit on PostgreSQL, after
            // the change counter's trigger (`{table}_changed` sorts first).
            db.execute_unprepared(&if postgres {
                format!(
                    "CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
                     BEGIN {bump}; RETURN NULL; END $$;
                     CREATE CONSTRAINT TRIGGER {name} AFTER {op} ON {table}
                       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {name}();"
                )
            } else {
                format!("CREATE TRIGGER {name} AFTER {op} ON {table} BEGIN {bump}; END;")
            })
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        for (name, table, _, _) in triggers() {
            db.execute_unprepared(&if postgres {
                format!("DROP TRIGGER {name} ON {table}; DROP FUNCTION {name}();")
            } else {
                format!("DROP TRIGGER {name}")
            })
            .await?;
        }
        Ok(())
    }
}
