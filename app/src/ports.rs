//! What the UI needs from the server, as traits. The server crate implements
//! them (SeaORM stores) and provides `Services` to renders and server functions.
use crate::domain::audit::{AuditEntry, UserSummary};
use crate::domain::directory::{OfficeEntry, PersonEntry};
use crate::domain::editor::Draft;
use crate::domain::issue::{Verification, WorkflowFacts};
use crate::domain::tracking::{
    AssignmentFacts, AssignmentRow, CarriedDecision, Compliance, Dashboard,
};
use crate::domain::{Meeting, MeetingSummary};
use crate::error::AppError;
use std::sync::Arc;
use uuid::Uuid;

#[async_trait::async_trait]
pub trait MeetingStore: Send + Sync {
    /// Every meeting, newest first.
    async fn list(&self) -> Result<Vec<MeetingSummary>, AppError>;
    /// The minutes as kept and shared by every reader, without their
    /// carry-forward (`carried` is empty: it is kept apart, under other
    /// counters).
    async fn get(&self, id: Uuid) -> Result<Arc<Meeting>, AppError>;
    /// The decisions of earlier meetings carried forward to this one.
    async fn carried(&self, id: Uuid) -> Result<Arc<Vec<CarriedDecision>>, AppError>;
    /// The meeting as its memo prints it: the minutes with their
    /// carry-forward, a copy of its own.
    async fn for_memo(&self, id: Uuid) -> Result<Meeting, AppError> {
        let mut meeting = Meeting::clone(&*self.get(id).await?);
        meeting.carried = Vec::clone(&*self.carried(id).await?);
        Ok(meeting)
    }
    /// The minutes as the editor opens them, with their version and office.
    async fn draft(&self, id: Uuid) -> Result<Draft, AppError>;
    /// The meeting's office and status: what the read rule needs (one row).
    async fn access(&self, id: Uuid) -> Result<(Uuid, crate::domain::MeetingStatus), AppError>;
    /// Where the meeting is in the approval workflow.
    async fn workflow(&self, id: Uuid) -> Result<WorkflowFacts, AppError>;
    /// Minutes submitted for `chair`'s (a person's) approval at these
    /// offices, oldest first.
    async fn to_approve(
        &self,
        chair: Uuid,
        offices: Vec<Uuid>,
    ) -> Result<Vec<MeetingSummary>, AppError>;
    /// How many minutes `to_approve` would list (the header's count: one
    /// counting query, no summaries).
    async fn count_to_approve(&self, chair: Uuid, offices: Vec<Uuid>) -> Result<u32, AppError>;
    /// Meetings, agenda items and decisions whose text contains `query`.
    async fn search(&self, query: String) -> Result<Vec<crate::domain::search::Hit>, AppError>;
    /// The public facts of the issued memo with this verification code.
    async fn verification(&self, code: String) -> Result<Verification, AppError>;
}

/// Assignments, their progress, the dashboard and the carry-forward.
#[async_trait::async_trait]
pub trait TrackingStore: Send + Sync {
    /// What these offices owe, overdue first, then by due date.
    async fn owed_by(&self, offices: Vec<Uuid>) -> Result<Vec<AssignmentRow>, AppError>;
    /// Reports waiting for verification ("done", not yet verified) on the
    /// meetings of `secretary_of`, and on the meetings `chair` (a person)
    /// chairs at `chair_of`.
    async fn to_verify(
        &self,
        secretary_of: Vec<Uuid>,
        chair: Option<Uuid>,
        chair_of: Vec<Uuid>,
    ) -> Result<Vec<AssignmentRow>, AppError>;
    /// How many reports `to_verify` would list.
    async fn count_to_verify(
        &self,
        secretary_of: Vec<Uuid>,
        chair: Option<Uuid>,
        chair_of: Vec<Uuid>,
    ) -> Result<u32, AppError>;
    async fn assignment(&self, id: Uuid) -> Result<AssignmentFacts, AppError>;
    /// Counts over the assignments of these offices (of meetings of one
    /// fiscal year, when given).
    async fn dashboard(
        &self,
        offices: Vec<Uuid>,
        fiscal_year: Option<i32>,
    ) -> Result<Dashboard, AppError>;
    /// For each of these offices, the quarters of `fiscal_year` in which a
    /// citizen-charter meeting was held and its minutes issued.
    async fn compliance(
        &self,
        offices: Vec<Uuid>,
        fiscal_year: i32,
    ) -> Result<Compliance, AppError>;
    /// Today's reminders for these offices: (assignment, overdue or due soon).
    async fn reminders(
        &self,
        offices: Vec<Uuid>,
    ) -> Result<Vec<(Uuid, crate::domain::tracking::Urgency)>, AppError>;
    /// The implementation report: each assignment these offices see (of one
    /// meeting, when given), with the day it was done.
    async fn report(
        &self,
        offices: Vec<Uuid>,
        meeting: Option<Uuid>,
    ) -> Result<Vec<(AssignmentRow, Option<chrono::NaiveDate>)>, AppError>;
    /// The unfinished decisions of earlier meetings of this meeting's series.
    async fn carry_forward(&self, meeting: Uuid) -> Result<Vec<CarriedDecision>, AppError>;
}

/// The offices and people directory.
#[async_trait::async_trait]
pub trait DirectoryStore: Send + Sync {
    /// Every office, by Bangla name.
    async fn offices(&self) -> Result<Vec<OfficeEntry>, AppError>;
    /// The public holidays, by date.
    async fn holidays(&self) -> Result<Vec<(chrono::NaiveDate, String)>, AppError>;
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
    /// The newest `limit` changes in these offices: of their meetings, and
    /// of the accounts holding a role there (as actor or as the account
    /// changed).
    /// Narrowed by `filter` (a person, days).
    async fn recent(
        &self,
        limit: u64,
        offices: Vec<Uuid>,
        filter: crate::domain::audit::AuditFilter,
    ) -> Result<Vec<AuditEntry>, AppError>;
    async fn for_meeting(&self, meeting: Uuid) -> Result<Vec<AuditEntry>, AppError>;
}

#[derive(Clone)]
pub struct Services {
    pub meetings: Arc<dyn MeetingStore>,
    pub accounts: Arc<dyn AccountStore>,
    pub audit: Arc<dyn AuditStore>,
    pub directory: Arc<dyn DirectoryStore>,
    pub tracking: Arc<dyn TrackingStore>,
}

/// The services of the running server, read from the Leptos context (one
/// `Arc`: every server function of a page asks for them).
pub fn services() -> Result<Arc<Services>, AppError> {
    leptos::prelude::use_context::<Arc<Services>>().ok_or(AppError::Internal)
}
