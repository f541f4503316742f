//! Where an assignment stands and who may move it where; overdue and
//! due-soon, derived, never stored.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where one office's part of a decision stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Progress {
    NotStarted,
    InProgress,
    /// The implementer says it is done (with a note, maybe evidence).
    Done,
    /// The secretary or chair checked it.
    Verified,
    /// The secretary or chair sent it back, with a reason.
    Returned,
}

impl Progress {
    /// The stable name stored in the database, URLs and the JSON format.
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Self> {
        code.parse().ok()
    }

    /// Done or verified: nothing more is owed unless it is returned.
    pub fn finished(self) -> bool {
        matches!(self, Progress::Done | Progress::Verified)
    }
}

/// Who moves an assignment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Actor {
    /// The office that owes it.
    Implementer,
    /// The meeting's secretary or chair.
    Verifier,
}

/// Every rule a progress step must pass, before anything is written (the
/// evidence files included): the move is allowed, the note fits, and a
/// return says why.
pub fn check_step(
    actor: Actor,
    from: Progress,
    to: Progress,
    note: &str,
) -> Result<(), crate::error::AppError> {
    use crate::error::AppError;
    let note = note.trim();
    if note.chars().count() > crate::domain::minutes::LONG_TEXT {
        return Err(AppError::problem("note", "minutes.too_long", None));
    }
    if note
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(AppError::problem("note", "minutes.control_character", None));
    }
    if to == Progress::Returned && note.is_empty() {
        return Err(AppError::problem("note", "tracking.reason_required", None));
    }
    if !may_move(actor, from, to) {
        return Err(AppError::Invalid {
            field: "status".into(),
            key: "tracking.not_allowed".into(),
        });
    }
    Ok(())
}

/// An implementer's report must say something: a new status, a note or a
/// file. One that changes nothing would add an empty line to the history.
pub fn check_report(
    from: Progress,
    to: Progress,
    note: &str,
    files: usize,
) -> Result<(), crate::error::AppError> {
    if from == to && note.trim().is_empty() && files == 0 {
        return Err(crate::error::AppError::problem(
            "note",
            "tracking.empty_report",
            None,
        ));
    }
    Ok(())
}

/// May `actor` move an assignment from `from` to `to`? The implementer works
/// on it (in progress, done) until it is verified; the verifier verifies or
/// returns what was reported done.
pub fn may_move(actor: Actor, from: Progress, to: Progress) -> bool {
    use Progress::*;
    match actor {
        Actor::Implementer => {
            matches!(from, NotStarted | InProgress | Returned) && matches!(to, InProgress | Done)
        }
        Actor::Verifier => from == Done && matches!(to, Verified | Returned),
    }
}

impl Urgency {
    /// The stable name stored in the database, URLs and the JSON format.
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Self> {
        code.parse().ok()
    }
}

/// How pressing an assignment is today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum Urgency {
    /// The deadline has passed and it is not done.
    Overdue,
    /// Due within the window (today included).
    DueSoon,
    Open,
    Finished,
}

/// Overdue is derived: the due date is before `today` (Asia/Dhaka) and the
/// work is not finished. Due soon: due within `window` days from today.
pub fn urgency(
    due_on: Option<NaiveDate>,
    status: Progress,
    today: NaiveDate,
    window: u32,
) -> Urgency {
    if status.finished() {
        return Urgency::Finished;
    }
    match due_on {
        Some(due) if due < today => Urgency::Overdue,
        Some(due) if (due - today).num_days() <= window as i64 => Urgency::DueSoon,
        _ => Urgency::Open,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn implementers_report_and_verifiers_check() {
        use Progress::*;
        assert!(may_move(Actor::Implementer, NotStarted, Done));
        assert!(may_move(Actor::Implementer, Returned, InProgress));
        assert!(
            !may_move(Actor::Implementer, Done, Verified),
            "no self-verifying"
        );
        assert!(
            !may_move(Actor::Implementer, Verified, InProgress),
            "verified is final"
        );
        assert!(may_move(Actor::Verifier, Done, Verified));
        assert!(may_move(Actor::Verifier, Done, Returned));
        assert!(
            !may_move(Actor::Verifier, InProgress, Verified),
            "only what was reported done"
        );
    }

    #[test]
    fn overdue_and_due_soon_turn_at_the_day_boundary() {
        let due = d(2023, 7, 5);
        let open = Progress::InProgress;
        assert_eq!(
            urgency(Some(due), open, d(2023, 7, 5), 7),
            Urgency::DueSoon,
            "due today is not overdue"
        );
        assert_eq!(
            urgency(Some(due), open, d(2023, 7, 6), 7),
            Urgency::Overdue,
            "the day after"
        );
        assert_eq!(
            urgency(Some(due), open, d(2023, 6, 28), 7),
            Urgency::DueSoon,
            "7 days before"
        );
        assert_eq!(
            urgency(Some(due), open, d(2023, 6, 27), 7),
            Urgency::Open,
            "8 days before"
        );
        assert_eq!(
            urgency(Some(due), Progress::Done, d(2023, 8, 1), 7),
            Urgency::Finished
        );
        assert_eq!(
            urgency(Some(due), Progress::Returned, d(2023, 8, 1), 7),
            Urgency::Overdue,
            "returned work is owed again"
        );
        assert_eq!(urgency(None, open, d(2023, 8, 1), 7), Urgency::Open);
    }

    #[test]
    fn an_empty_report_is_refused() {
        use Progress::*;
        assert!(check_report(InProgress, InProgress, " ", 0).is_err());
        assert!(check_report(InProgress, InProgress, "আধা কাজ শেষ", 0).is_ok());
        assert!(check_report(InProgress, InProgress, "", 1).is_ok());
        assert!(
            check_report(NotStarted, InProgress, "", 0).is_ok(),
            "a new status says something"
        );
    }
}
