//! A draft's saves no longer move its office's counter (m20261205).
//!
//! What is kept under an office's counter (its dashboards, the verifiers'
//! queues, `/my`, assignment pages, a meeting page's carry-forward) shows
//! issued meetings and their assignments only; the APA view counts a draft
//! as held, by its office, year, quarter and kind. Yet every autosave of a
//! draft rewrote its rows, moved its meeting's counter and through it its
//! office's, so everything kept for the office was read again a few times
//! a minute while a secretary typed (at 100k decisions, ~65 ms of readers'
//! work per save).
//!
//! Now a meeting's counter moves its office's only when the meeting is not
//! a draft, and an update of a meeting's row moves it only when the meeting
//! is or was not a draft, or when what the APA view counts changed. A new
//! meeting and a removed one move it as before.
use super::m20261205_000001_shared_versions::COUNTERS;
use super::m20261206_000001_counter_fixes::replace_trigger;
use super::m20261209_000001_history_counters::rows_of;
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::DbBackend;

#[derive(DeriveMigrationName)]
pub struct Migration;

/// The offices a meeting's counter moves (`R` is its row), before and
/// after this migration.
const MEETING_VERSIONS: [&str; 2] = [
    "SELECT office_id AS id FROM meetings WHERE id = R.meeting_id",
    "SELECT office_id AS id FROM meetings WHERE id = R.meeting_id AND status <> 'draft'",
];

/// When an update of a meeting's row moves its office's counter: it is
/// not a draft on one side, or what the APA view counts changed.
const COUNTED: &str = "(OLD.status <> 'draft' OR NEW.status <> 'draft'
    OR OLD.office_id <> NEW.office_id OR OLD.fiscal_year <> NEW.fiscal_year
    OR OLD.quarter <> NEW.quarter OR OLD.kind <> NEW.kind)";

/// Each replaced trigger: (name, table, operation, body), as this
/// migration makes them (`drafts`) or as m20261205/m20261206 left them.
fn triggers(drafts: bool) -> Vec<(String, &'static str, &'static str, String)> {
    let offices = &COUNTERS[1];
    assert_eq!(offices.table, "office_versions");
    let versions = MEETING_VERSIONS[drafts as usize];
    let mut out: Vec<_> = ["INSERT", "UPDATE", "DELETE"]
        .into_iter()
        .map(|op| {
            (
                format!("meeting_versions_{}_office_versions", op.to_lowercase()),
                "meeting_versions",
                op,
                offices.bump(&rows_of(op, versions)),
            )
        })
        .collect();
    let when = if drafts { COUNTED } else { "1 = 1" };
    out.push((
        "meetings_update_office_versions".into(),
        "meetings",
        "UPDATE",
        offices.bump(&format!(
            "SELECT NEW.office_id AS id WHERE {when} UNION SELECT OLD.office_id WHERE {when}"
        )),
    ));
    out
}

async fn set_triggers(m: &SchemaManager<'_>, drafts: bool) -> Result<(), DbErr> {
    let db = m.get_connection();
    let postgres = db.get_database_backend() == DbBackend::Postgres;
    for (name, table, op, bump) in triggers(drafts) {
        replace_trigger(db, postgres, &name, table, op, &bump).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        set_triggers(m, true).await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        set_triggers(m, false).await
    }
}
