//! Integration tests: the real migrations, the demo data, the stores and the
//! HTTP router, on SQLite by default or on PostgreSQL when TEST_DATABASE_URL
//! names a server (scripts/test runs this binary both ways).
use app::domain::audit::{AuditEntry, UserSummary};
use app::domain::auth::{CurrentUser, Role};
use app::domain::{Deadline, MeetingStatus};
use app::error::AppError;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use migrations::{Migrator, MigratorTrait};
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter,
};
use server::config::CreateUserArgs;
use server::config::ServeArgs;
use server::db::entities::{
    agenda_items, assignments, audit_events, decisions, meetings, offices, users,
};
use server::store::accounts::{self, NewUser};
use server::{cli, demo, startup};
use tower::ServiceExt;
use uuid::Uuid;

/// The harness: a fresh app per test, requests, the authorization matrix.
#[path = "api/support/mod.rs"]
mod support;
use support::*;

#[path = "api/seed.rs"]
mod seed;

#[path = "api/authorization.rs"]
mod authorization;

#[path = "api/login.rs"]
mod login;

/// The meeting JSON format (kept in its own file; one test binary links faster).
#[path = "api/minutes.rs"]
mod minutes;

/// The memo PDF and what an office configures for its memos (signature
/// images, its own font).
#[path = "api/memo.rs"]
mod memo;

#[path = "api/editor.rs"]
mod editor;

#[path = "api/issue.rs"]
mod issue;

#[path = "api/tracking.rs"]
mod tracking;

// Search and the APA views.
#[path = "api/search.rs"]
mod search;

#[path = "api/reminders.rs"]
mod reminders;

#[path = "api/cache.rs"]
mod cache;

#[path = "api/drafts.rs"]
mod drafts;

#[path = "api/hardening/mod.rs"]
mod hardening;

#[path = "api/settings.rs"]
mod settings;

#[path = "api/accounts_admin.rs"]
mod accounts_admin;

#[path = "api/assets.rs"]
mod assets;

#[path = "api/dashboard.rs"]
mod dashboard;

#[path = "api/paging.rs"]
mod paging;

#[path = "api/my_work.rs"]
mod my_work;

#[path = "api/history.rs"]
mod history;
