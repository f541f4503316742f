//! Sidhanto's schema history. Each file is one change and is never edited once
//! released; it names tables and columns itself (not through the entities),
//! because the entities describe today's schema and a migration describes a past one.
pub use sea_orm_migration::prelude::*;

mod m20261122_000001_create_core_schema;
mod m20261123_000001_create_accounts;
mod m20261124_000001_codes_and_language;
mod m20261124_000002_memo_font_and_signatures;
mod m20261125_000001_issue;
mod m20261126_000001_progress;
mod m20261127_000001_search;
mod m20261128_000001_holidays;
mod m20261129_000001_reminders;
mod m20261130_000001_scale_indexes;
pub mod m20261201_000001_data_version;
mod m20261202_000001_one_correction;
mod m20261203_000001_waiting_reports;
mod m20261204_000001_assignment_meeting;
mod m20261205_000001_shared_versions;
pub mod m20261206_000001_counter_fixes;
mod m20261207_000001_minutes_counter;
mod m20261208_000001_search_rows;
mod m20261209_000001_history_counters;
mod m20261210_000001_draft_counters;
mod m20261211_000001_search_counter;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261122_000001_create_core_schema::Migration),
            Box::new(m20261123_000001_create_accounts::Migration),
            Box::new(m20261124_000001_codes_and_language::Migration),
            Box::new(m20261124_000002_memo_font_and_signatures::Migration),
            Box::new(m20261125_000001_issue::Migration),
            Box::new(m20261126_000001_progress::Migration),
            Box::new(m20261127_000001_search::Migration),
            Box::new(m20261128_000001_holidays::Migration),
            Box::new(m20261129_000001_reminders::Migration),
            Box::new(m20261130_000001_scale_indexes::Migration),
            Box::new(m20261201_000001_data_version::Migration),
            Box::new(m20261202_000001_one_correction::Migration),
            Box::new(m20261203_000001_waiting_reports::Migration),
            Box::new(m20261204_000001_assignment_meeting::Migration),
            Box::new(m20261205_000001_shared_versions::Migration),
            Box::new(m20261206_000001_counter_fixes::Migration),
            Box::new(m20261207_000001_minutes_counter::Migration),
            Box::new(m20261208_000001_search_rows::Migration),
            Box::new(m20261209_000001_history_counters::Migration),
            Box::new(m20261210_000001_draft_counters::Migration),
            Box::new(m20261211_000001_search_counter::Migration),
        ]
    }
}
