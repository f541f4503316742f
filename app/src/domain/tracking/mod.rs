//! Tracking decisions to completion, as pure rules: an assignment's status
//! and who may move it where, overdue and due-soon (derived, never stored)
//! (`progress`), what an uploaded evidence file is, judged by its bytes
//! (`evidence`), the dashboard (`dashboard`), the APA compliance view
//! (`apa`) and the reminder e-mail and implementation report (`reports`).
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

mod apa;
mod dashboard;
mod evidence;
mod progress;
mod reports;

pub use apa::{better, nothing_held, Compliance, Held, APA_TARGET_PERCENT};
pub use dashboard::{AssignmentCount, Dashboard, MeetingCount, OfficeTally, DASHBOARD_MEETINGS};
pub use evidence::{sniff, MAX_EVIDENCE};
pub use progress::{check_report, check_step, may_move, urgency, Actor, Progress, Urgency};
pub use reports::{csv, digest, report_line, REPORT_COLUMNS};

/// One office's part of a decision, as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AssignmentRow {
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub meeting_title: String,
    pub memo_number: Option<String>,
    /// "০২" of the agenda item, and the decision's number inside it.
    pub item: usize,
    pub decision: usize,
    pub decision_text: String,
    pub office: String,
    pub due_on: Option<NaiveDate>,
    pub status: Progress,
    pub urgency: Urgency,
}

/// One change of an assignment, as its history shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProgressEvent {
    pub at: chrono::DateTime<chrono::Utc>,
    pub who: String,
    pub status: Progress,
    pub note: String,
    /// (sha256, file name, size) of each evidence file.
    pub evidence: Vec<(String, String, i64)>,
}

/// An assignment with its history and what this user may do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentView {
    pub row: AssignmentRow,
    pub events: Vec<ProgressEvent>,
    pub may_report: bool,
    pub may_review: bool,
    /// A report or review this user sent that came back, as typed.
    #[serde(default)]
    pub kept: Option<crate::domain::kept::KeptForm>,
}

/// An assignment with what the permission checks need.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AssignmentFacts {
    pub row: AssignmentRow,
    pub events: Vec<ProgressEvent>,
    /// The office that owes it.
    pub office: Uuid,
    /// The meeting's office and chair person (who verify).
    pub meeting_office: Uuid,
    pub chair: Uuid,
}

/// An unfinished decision of an earlier meeting of the same series, with
/// where each of its offices stands: the carry-forward section.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CarriedDecision {
    pub meeting_id: Uuid,
    pub memo_number: Option<String>,
    pub item: usize,
    pub decision: usize,
    pub text: String,
    pub offices: Vec<(String, Progress)>,
}
