//! SeaORM entities: today's schema, as the migrations leave it. They never
//! leave the server; `store/` maps them to the domain types.
pub mod agenda_items;
pub mod assignments;
pub mod attendees;
pub mod audit_events;
pub mod decisions;
pub mod evidence;
pub mod holidays;
pub mod implementers;
pub mod meetings;
pub mod memo_issues;
pub mod notifications;
pub mod offices;
pub mod people;
pub mod progress_events;
pub mod recipients;
pub mod reminder_runs;
pub mod sessions;
pub mod user_roles;
pub mod users;
