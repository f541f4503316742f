//! The searches' counter (`data_version` row 5, m20261207) moves when what a
//! search shows changes, not at every write of a meeting.
//!
//! A hit shows an index row's text, its meeting's title, office, status and
//! date, and the positions of the agenda item and decision it names. Row 5
//! moved with every meeting's counter, so each autosave of a draft ran
//! every kept search again (at 100k decisions 4–9 ms each, the largest
//! share of what a draft save cost the readers). Now it moves with:
//!
//! - the index: on PostgreSQL its own triggers (m20261207); on SQLite,
//!   whose virtual table takes none, the map of its rows
//!   (`search_index_rows`, m20261208), written with every row the app
//!   writes to it;
//! - a meeting added or removed, or its title, office, status or date;
//! - an agenda item or decision moved to another position or parent.
//!
//! The app leaves a meeting's index rows as they are when a save would
//! write them again unchanged (`store::search::reindex`), and keeps an
//! agenda item's and a decision's id while it keeps its position.
//!
//! Not covered: an item or decision deleted by SQL alone. Its index rows
//! stay (as they always did: only the app writes the index), and a kept
//! search shows its old place until the index is next written; a fresh one
//! would show it without a place. A save deletes and writes them again
//! with the same ids, so a delete cannot tell one from the other here.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A trigger that moves row 5: its table, operation and condition on the
/// row (SQL with `DISTINCT` for PostgreSQL's `IS DISTINCT FROM`).
type Trigger = (&'static str, &'static str, Option<&'static str>);

const MOVED_BY: [Trigger; 5] = [
    ("meetings", "INSERT", None),
    ("meetings", "DELETE", None),
    (
        "meetings",
        "UPDATE",
        Some(
            "OLD.title_bn DISTINCT NEW.title_bn OR OLD.office_id DISTINCT NEW.office_id
             OR OLD.status DISTINCT NEW.status OR OLD.held_on DISTINCT NEW.held_on",
        ),
    ),
    (
        "agenda_items",
        "UPDATE",
        Some("OLD.position DISTINCT NEW.position OR OLD.meeting_id DISTINCT NEW.meeting_id"),
    ),
    (
        "decisions",
        "UPDATE",
        Some(
            "OLD.position DISTINCT NEW.position OR OLD.agenda_item_id DISTINCT NEW.agenda_item_id",
        ),
    ),
];

/// SQLite's index map (PostgreSQL's index has its triggers already).
const SQLITE_MOVED_BY: [Trigger; 3] = [
    ("search_index_rows", "INSERT", None),
    ("search_index_rows", "UPDATE", None),
    ("search_index_rows", "DELETE", None),
];

/// The triggers of m20261207 this replaces: the meetings' counter's.
const REPLACED: [Trigger; 3] = [
    ("meeting_versions", "INSERT", None),
    ("meeting_versions", "UPDATE", None),
    ("meeting_versions", "DELETE", None),
];

fn name(table: &str, op: &str) -> String {
    format!("{table}_tally_{}_5", op.to_lowercase())
}

async fn create(
    db: &SchemaManagerConnection<'_>,
    postgres: bool,
    t: &Trigger,
) -> Result<(), DbErr> {
    let (table, op, when) = *t;
    let name = name(table, op);
    db.execute_unprepared(&if postgres {
        let when = when.map_or(String::new(), |w| {
            format!("WHEN ({})", w.replace("DISTINCT", "IS DISTINCT FROM"))
        });
        // Deferred to the commit and once per transaction, like row 5's
        // others (m20261207).
        format!(
            "CREATE CONSTRAINT TRIGGER {name} AFTER {op} ON {table}
               DEFERRABLE INITIALLY DEFERRED FOR EACH ROW {when}
               EXECUTE FUNCTION sidhanto_changed_5();"
        )
    } else {
        let when = when.map_or(String::new(), |w| {
            format!("WHEN ({})", w.replace("DISTINCT", "IS NOT"))
        });
        format!(
            "CREATE TRIGGER {name} AFTER {op} ON {table} {when}
             BEGIN UPDATE data_version SET version = version + 1 WHERE id = 5; END;"
        )
    })
    .await?;
    Ok(())
}

async fn drop(db: &SchemaManagerConnection<'_>, postgres: bool, t: &Trigger) -> Result<(), DbErr> {
    let (table, op, _) = *t;
    let name = name(table, op);
    db.execute_unprepared(&if postgres {
        format!("DROP TRIGGER {name} ON {table}")
    } else {
        format!("DROP TRIGGER {name}")
    })
    .await?;
    Ok(())
}

/// (dropped, created) going up.
fn changes(postgres: bool) -> (Vec<Trigger>, Vec<Trigger>) {
    let mut created = MOVED_BY.to_vec();
    if !postgres {
        created.extend(SQLITE_MOVED_BY);
    }
    (REPLACED.to_vec(), created)
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        let (dropped, created) = changes(postgres);
        for t in &dropped {
            drop(db, postgres, t).await?;
        }
        for t in &created {
            create(db, postgres, t).await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        let (created, dropped) = changes(postgres);
        for t in &dropped {
            drop(db, postgres, t).await?;
        }
        for t in &created {
            create(db, postgres, t).await?;
        }
        Ok(())
    }
}
