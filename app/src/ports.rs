//! What the UI needs from the server, as traits. The server crate implements
//! them (SeaORM stores) and provides `Services` to renders and server functions.
use crate::domain::audit::{AuditEntry, UserSummary};
use crate::domain::directory::{OfficeEntry, PersonEntry};
use crate::domain::editor::Draft;
use crate::domain::issue::{Verification, WorkflowFacts};
use crate::domain::{Meeting, MeetingSummary};
use crate::error::AppError;
use std::sync::Arc;
use uuid::Uuid;

#[async_trait::async_trait]
pub trait MeetingStore: Send + Sync {
    /// Every meeting, newest first.
    async fn list(&self) -> Result<Vec<MeetingSummary>, AppError>;
    async fn get(&self, id: Uuid) -> Result<Meeting, AppError>;
    /// The minutes as the editor opens them, with their version and office.
    async fn draft(&self, id: Uuid) -> Result<Draft, AppError>;
    /// Where the meeting is in the approval workflow.
    async fn workflow(&self, id: Uuid) -> Result<WorkflowFacts, AppError>;
    /// The public facts of the issued memo with this verification code.
    async fn verification(&self, code: String) -> Result<Verification, AppError>;
}

/// The offices and people directory.
#[async_trait::async_trait]
pub trait DirectoryStore: Send + Sync {
    /// Every office, by Bangla name.
    async fn offices(&self) -> Result<Vec<OfficeEntry>, AppError>;
    /// Every person, by Bangla name.
    async fn people(&self) -> Result<Vec<PersonEntry>, AppError>;
}

#[async_trait::async_trait]
pub trait AccountStore: Send + Sync {
    /// Users holding any role at one of `offices`.
    async fn list_users(&self, offices: Vec<Uuid>) -> Result<Vec<UserSummary>, AppError>;
}

#[async_trait::async_trait]
pub trait AuditStore: Send + Sync {
    async fn recent(&self, limit: u64) -> Result<Vec<AuditEntry>, AppError>;
    async fn for_meeting(&self, meeting: Uuid) -> Result<Vec<AuditEntry>, AppError>;
}

#[derive(Clone)]
pub struct Services {
    pub meetings: Arc<dyn MeetingStore>,
    pub accounts: Arc<dyn AccountStore>,
    pub audit: Arc<dyn AuditStore>,
    pub directory: Arc<dyn DirectoryStore>,
}

/// The services of the running server, read from the Leptos context.
pub fn services() -> Result<Services, AppError> {
    leptos::prelude::use_context::<Services>().ok_or(AppError::Internal)
}
