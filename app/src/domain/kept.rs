//! Forms that come back as typed.
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// A short form that was refused (a progress report with a wrong file, a
/// review or a chair's return without a reason): what was typed and which
/// field the error belongs to, kept in the session for the next view of the
/// page and read once, so nothing typed is lost (a file must be chosen
/// again: browsers keep none).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KeptForm {
    /// The form it came from: "report", "review" (an assignment's), "return"
    /// (the chair's, on a meeting).
    pub form: String,
    pub status: String,
    pub note: String,
    /// The field the error is shown beside ("evidence", "note", "status").
    pub field: String,
    /// The error's message key.
    pub error: String,
}

impl KeptForm {
    /// What is kept of a note: at most what a note may hold (a refused
    /// over-long one is cut, not stored whole in the session).
    pub fn note(text: &str) -> String {
        text.chars()
            .take(crate::domain::minutes::LONG_TEXT)
            .collect()
    }

    /// The session key of the kept form of an assignment or a meeting.
    pub fn key(page: Uuid) -> String {
        format!("kept:{page}")
    }

    /// The error's key if it belongs beside `field` of `form`.
    pub fn error_at(&self, form: &str, field: &str) -> Option<String> {
        (self.form == form && self.field == field).then(|| self.error.clone())
    }
}
