//! Approval and issue as pure rules: which step may follow which, the memo
//! number, and the canonical content an issued memo's signature covers.
use super::meeting::MeetingStatus;
use super::minutes::Minutes;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// A step of the approval workflow.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::IntoStaticStr)]
#[strum(serialize_all = "snake_case")]
pub enum Step {
    /// The secretary sends the draft to the chair.
    Submit,
    /// The chair sends it back, with comments, as a draft.
    Return,
    /// The chair approves; the memo is issued at once (numbered, dated, signed).
    Approve,
}

impl Step {
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// What the audit trail records for this step.
    pub fn action(self) -> super::audit::Action {
        use super::audit::Action;
        match self {
            Step::Submit => Action::MeetingSubmit,
            Step::Return => Action::MeetingReturn,
            Step::Approve => Action::MeetingApprove,
        }
    }

    /// The status this step starts from, and the one it leads to.
    pub fn from_to(self) -> (MeetingStatus, MeetingStatus) {
        match self {
            Step::Submit => (MeetingStatus::Draft, MeetingStatus::Submitted),
            Step::Return => (MeetingStatus::Submitted, MeetingStatus::Draft),
            Step::Approve => (MeetingStatus::Submitted, MeetingStatus::Issued),
        }
    }
}

/// Is `nothi` a nothi (file) number: dot-separated digit groups, 18 digits
/// in all (Secretariat Instructions 2014) or 22 (2024)? Bangla digits count.
pub fn valid_nothi(nothi: &str) -> bool {
    let ascii = super::numerals::to_ascii_digits(nothi);
    let groups: Vec<&str> = ascii.split('.').collect();
    let digits: usize = groups.iter().map(|g| g.len()).sum();
    groups.len() >= 2
        && groups
            .iter()
            .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
        && (digits == 18 || digits == 22)
}

/// "05.47.0000.005.12.002.17" and serial 300 → "05.47.0000.005.12.002.17.300".
pub fn memo_number(nothi: &str, serial: i32) -> String {
    format!(
        "{}.{serial:03}",
        super::numerals::to_ascii_digits(nothi.trim())
    )
}

/// What an issued memo's Ed25519 signature covers, in a fixed field order:
/// the number, office, dates, title and every decision with its
/// implementers and due date. A PDF cannot carry its own hash, so this is
/// what makes a printout checkable.
#[derive(Serialize)]
struct Signed<'a> {
    format: &'static str,
    number: &'a str,
    office: &'a str,
    held_on: NaiveDate,
    issued_on: NaiveDate,
    title: &'a str,
    decisions: Vec<SignedDecision<'a>>,
}

#[derive(Serialize)]
struct SignedDecision<'a> {
    item: usize,
    text: &'a str,
    implementers: Vec<(&'a str, Option<&'a str>, &'a str)>,
    due_on: Option<NaiveDate>,
}

/// The canonical content of issued minutes (number and issue date set).
pub fn canonical(m: &Minutes, is_holiday: &dyn Fn(NaiveDate) -> bool) -> Option<String> {
    let issued_on = m.issued_on?;
    let signed = Signed {
        format: "sidhanto.memo-signature/1",
        number: m.memo_number.as_deref()?,
        office: &m.office,
        held_on: m.held_on,
        issued_on,
        title: &m.title,
        decisions: m
            .agenda
            .iter()
            .enumerate()
            .flat_map(|(i, item)| {
                item.decisions.iter().map(move |d| SignedDecision {
                    item: i + 1,
                    text: &d.text,
                    implementers: d
                        .implementers
                        .iter()
                        .map(|imp| {
                            (
                                imp.office.as_str(),
                                imp.members.as_deref(),
                                imp.label.as_str(),
                            )
                        })
                        .collect(),
                    due_on: d.deadline.due_on_with(issued_on, is_holiday),
                })
            })
            .collect(),
    };
    serde_json::to_string(&signed).ok()
}

/// What the public verification page shows of an issued memo.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verification {
    pub number: String,
    pub office: String,
    pub held_on: NaiveDate,
    pub issued_on: NaiveDate,
    pub title: String,
    /// Does the signature verify against the office's key?
    pub signature_valid: bool,
    /// Hex SHA-256 of the issued PDF.
    pub sha256: String,
    /// The memo number of a later issue that corrects this one.
    pub corrected_by: Option<String>,
    /// The memo number this one corrects.
    pub corrects: Option<String>,
}

/// Where a meeting is in the workflow, as the store knows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowFacts {
    pub office: uuid::Uuid,
    /// The chair's directory person.
    pub chair: uuid::Uuid,
    pub status: MeetingStatus,
    /// The chair's comment when the minutes were last returned.
    pub comment: Option<String>,
    /// The code of the issued memo's verification page.
    pub verify_code: Option<String>,
    /// (meeting, memo number) of the issue these minutes correct …
    pub corrects: Option<(uuid::Uuid, String)>,
    /// … and of the correction that followed them.
    pub corrected_by: Option<(uuid::Uuid, String)>,
}

/// What the meeting page offers this user.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkflowView {
    pub facts: WorkflowFacts,
    /// The meeting's secretary, with a draft: edit and submit.
    pub may_submit: bool,
    /// The meeting's chair, with submitted minutes: return or approve.
    pub may_decide: bool,
    /// The meeting's secretary, with issued minutes: start a correction.
    pub may_correct: bool,
    /// The chair's return that was refused (no reason), as typed.
    #[serde(default)]
    pub kept: Option<crate::domain::kept::KeptForm>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::minutes::{AgendaItem, Decision};
    use crate::domain::Deadline;

    #[test]
    fn steps_follow_the_workflow() {
        assert_eq!(
            Step::Submit.from_to(),
            (MeetingStatus::Draft, MeetingStatus::Submitted)
        );
        assert_eq!(Step::Return.from_to().1, MeetingStatus::Draft);
        assert_eq!(Step::Approve.from_to().1, MeetingStatus::Issued);
    }

    #[test]
    fn nothi_numbers_have_18_or_22_digits() {
        assert!(valid_nothi("05.47.0000.005.12.002.17"));
        assert!(valid_nothi("০৫.৪৭.০০০০.০০৫.১২.০০২.১৭"));
        assert!(valid_nothi("05.47.0000.005.12.002.17.0055"));
        assert!(!valid_nothi("05.47.0000.005.12.002"));
        assert!(!valid_nothi("05.47.0000.005.12.002.1x"));
        assert!(!valid_nothi(""));
        assert_eq!(
            memo_number("05.47.0000.005.12.002.17", 300),
            "05.47.0000.005.12.002.17.300"
        );
        assert_eq!(
            memo_number("05.47.0000.005.12.002.17", 7),
            "05.47.0000.005.12.002.17.007"
        );
    }

    #[test]
    fn the_canonical_content_names_the_number_and_resolves_deadlines() {
        let date = NaiveDate::from_ymd_opt(2023, 6, 22).unwrap();
        let mut m = Minutes::new("rangpur-division", date);
        m.title = "সভা".into();
        m.agenda.push(AgendaItem {
            subject: "ক".into(),
            discussion: String::new(),
            decisions: vec![Decision {
                text: "করতে হবে।".into(),
                implementers: vec![],
                deadline: Deadline::DaysAfterIssue(10),
            }],
        });
        assert_eq!(canonical(&m, &|_| false), None, "not issued yet");
        m.memo_number = Some("05.47.0000.005.12.002.17.300".into());
        m.issued_on = NaiveDate::from_ymd_opt(2023, 6, 25);
        let c = canonical(&m, &|_| false).unwrap();
        assert!(
            c.starts_with(
                r#"{"format":"sidhanto.memo-signature/1","number":"05.47.0000.005.12.002.17.300""#
            ),
            "{c}"
        );
        assert!(c.contains(r#""due_on":"2023-07-05""#), "{c}");
        let mut changed = m.clone();
        changed.agenda[0].decisions[0].text = "করতে হবে না।".into();
        assert_ne!(canonical(&changed, &|_| false), Some(c));
    }
}
