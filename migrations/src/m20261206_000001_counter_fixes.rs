//! Three holes in the counters of m20261205 and the columns of m20261204:
//!
//! - A row updated to another key (an assignment given to another office, a
//!   correction pointed at another meeting) moved only its new key's
//!   counter: what was kept for the old one stayed. Each update trigger now
//!   moves the keys of the row before and after.
//! - Issuing a memo counts the office's letter serial up, and that moved the
//!   directory's and the accounts' counters, so every shared meeting and
//!   every signed-in user was read again after each memo. The serial is
//!   printed only on that memo (whose own counter moves), so an update of it
//!   alone no longer moves them; any other column of an office still does.
//! - An assignment written without its meeting (by SQL outside the app) was
//!   left out of every dashboard count; a trigger now fills its meeting,
//!   the meeting's office and fiscal year from its decision.
use super::m20261205_000001_shared_versions::{Counter, COUNTERS};
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Every column of `offices` but `next_serial`: an update of any of them
/// moves the directory's and the accounts' counters. A test checks the
/// list against the table, so a new column is not forgotten.
pub const OFFICE_COLUMNS: &[&str] = &[
    "id",
    "parent_id",
    "kind",
    "name_bn",
    "name_en",
    "place_bn",
    "place_en",
    "branch_bn",
    "website",
    "memo_prefix",
    "code",
    "memo_font",
    "public_key",
    "email",
];

/// Fills an assignment's meeting columns from its decision.
const MEETING_OF_DECISION: &str = "SELECT m.id, m.office_id, m.fiscal_year
      FROM decisions d
      JOIN agenda_items i ON i.id = d.agenda_item_id
      JOIN meetings m ON m.id = i.meeting_id
     WHERE d.id = NEW.decision_id";

/// The update triggers of both counters: (name, table, body), the body
/// moving the keys selected from the old row and from the new one, or from
/// the new one only (as m20261205 made them).
fn update_triggers(both: bool) -> Vec<(String, &'static str, String)> {
    COUNTERS
        .iter()
        .flat_map(|counter: &Counter| {
            counter.moved_by.iter().map(move |(table, rows)| {
                let new = rows.replace("R.", "NEW.");
                let rows = if both {
                    format!("{new} UNION {}", rows.replace("R.", "OLD."))
                } else {
                    new
                };
                (
                    format!("{table}_update_{}", counter.table),
                    *table,
                    counter.bump(&rows),
                )
            })
        })
        .collect()
}

async fn set_update_triggers(m: &SchemaManager<'_>, both: bool) -> Result<(), DbErr> {
    let db = m.get_connection();
    let postgres = db.get_database_backend() == DbBackend::Postgres;
    for (name, table, bump) in update_triggers(both) {
        replace_trigger(db, postgres, &name, table, "UPDATE", &bump).await?;
    }
    Ok(())
}

/// Gives the counter trigger `name` (of m20261205) a new body.
pub(crate) async fn replace_trigger(
    db: &SchemaManagerConnection<'_>,
    postgres: bool,
    name: &str,
    table: &str,
    op: &str,
    bump: &str,
) -> Result<(), DbErr> {
    db.execute_unprepared(&if postgres {
        // The trigger calls the function by name: replacing it is enough.
        format!(
            "CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
             BEGIN {bump}; RETURN NULL; END $$;"
        )
    } else {
        format!(
            "DROP TRIGGER {name};
             CREATE TRIGGER {name} AFTER {op} ON {table} BEGIN {bump}; END;"
        )
    })
    .await?;
    Ok(())
}

/// Recreates the offices' update triggers of data_version rows 2 and 3,
/// firing on an update of `columns` (all of them: None).
async fn set_office_triggers(m: &SchemaManager<'_>, columns: Option<&[&str]>) -> Result<(), DbErr> {
    let db = m.get_connection();
    let postgres = db.get_database_backend() == DbBackend::Postgres;
    let of = columns.map_or(String::new(), |c| format!(" OF {}", c.join(", ")));
    for id in [2, 3] {
        let name = format!("offices_tally_update_{id}");
        db.execute_unprepared(&if postgres {
            format!(
                "DROP TRIGGER {name} ON offices;
                 CREATE CONSTRAINT TRIGGER {name} AFTER UPDATE{of} ON offices
                   DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                   EXECUTE FUNCTION sidhanto_changed_{id}();"
            )
        } else {
            format!(
                "DROP TRIGGER {name};
                 CREATE TRIGGER {name} AFTER UPDATE{of} ON offices
                 BEGIN UPDATE data_version SET version = version + 1 WHERE id = {id}; END;"
            )
        })
        .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        set_update_triggers(m, true).await?;
        set_office_triggers(m, Some(OFFICE_COLUMNS)).await?;
        let db = m.get_connection();
        db.execute_unprepared(&if db.get_database_backend() == DbBackend::Postgres {
            format!(
                "CREATE FUNCTION assignments_meeting() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN
                   IF NEW.meeting_id IS NULL THEN
                     SELECT id, office_id, fiscal_year
                       INTO NEW.meeting_id, NEW.meeting_office_id, NEW.fiscal_year
                       FROM ({}) AS m;
                   END IF;
                   RETURN NEW;
                 END $$;
                 CREATE TRIGGER assignments_meeting BEFORE INSERT ON assignments
                   FOR EACH ROW EXECUTE FUNCTION assignments_meeting();",
                MEETING_OF_DECISION.replace("SELECT m.id,", "SELECT m.id AS id,")
            )
        } else {
            // SQLite sets no NEW columns: the row is updated after it is written.
            format!(
                "CREATE TRIGGER assignments_meeting AFTER INSERT ON assignments
                   WHEN NEW.meeting_id IS NULL
                 BEGIN
                   UPDATE assignments SET (meeting_id, meeting_office_id, fiscal_year) =
                     ({MEETING_OF_DECISION}) WHERE id = NEW.id;
                 END;"
            )
        })
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared(&if db.get_database_backend() == DbBackend::Postgres {
            "DROP TRIGGER assignments_meeting ON assignments; DROP FUNCTION assignments_meeting();"
        } else {
            "DROP TRIGGER assignments_meeting"
        })
        .await?;
        set_office_triggers(m, None).await?;
        set_update_triggers(m, false).await
    }
}
