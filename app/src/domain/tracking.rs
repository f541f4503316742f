//! Tracking decisions to completion, as pure rules: an assignment's status
//! and who may move it where, overdue and due-soon (derived, never stored),
//! and what an uploaded evidence file is, judged by its bytes.
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Where one office's part of a decision stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    pub const ALL: [Progress; 5] = [
        Progress::NotStarted,
        Progress::InProgress,
        Progress::Done,
        Progress::Verified,
        Progress::Returned,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Progress::NotStarted => "not_started",
            Progress::InProgress => "in_progress",
            Progress::Done => "done",
            Progress::Verified => "verified",
            Progress::Returned => "returned",
        }
    }

    pub fn from_code(code: &str) -> Option<Progress> {
        Progress::ALL.into_iter().find(|p| p.code() == code)
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
    /// The stable name stored with a notification.
    pub fn code(self) -> &'static str {
        match self {
            Urgency::Overdue => "overdue",
            Urgency::DueSoon => "due_soon",
            Urgency::Open => "open",
            Urgency::Finished => "finished",
        }
    }

    pub fn from_code(code: &str) -> Option<Urgency> {
        [
            Urgency::Overdue,
            Urgency::DueSoon,
            Urgency::Open,
            Urgency::Finished,
        ]
        .into_iter()
        .find(|u| u.code() == code)
    }
}

/// How pressing an assignment is today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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

/// The kinds of evidence accepted, judged by the first bytes of the file,
/// never by its name: PDF, PNG, JPEG, and office documents (the zip-based
/// .docx/.xlsx/.pptx/.odt and the older OLE .doc/.xls).
pub fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF-") {
        Some("application/pdf")
    } else if bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        Some("image/png")
    } else if bytes.starts_with(b"\xFF\xD8\xFF") {
        Some("image/jpeg")
    } else if bytes.starts_with(b"PK\x03\x04") {
        // A zip: an office document names its parts near the start.
        let head = &bytes[..bytes.len().min(4096)];
        let has = |needle: &[u8]| head.windows(needle.len()).any(|w| w == needle);
        if has(b"word/") {
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        } else if has(b"xl/") {
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        } else if has(b"ppt/") {
            Some("application/vnd.openxmlformats-officedocument.presentationml.presentation")
        } else if has(b"[Content_Types].xml") || has(b"mimetypeapplication/vnd.oasis") {
            Some("application/octet-stream")
        } else {
            None
        }
    } else if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        Some("application/msword")
    } else {
        None
    }
}

/// The largest evidence file accepted.
pub const MAX_EVIDENCE: usize = 10 * 1024 * 1024;

/// One office's part of a decision, as lists show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedDecision {
    pub meeting_id: Uuid,
    pub memo_number: Option<String>,
    pub item: usize,
    pub decision: usize,
    pub text: String,
    pub offices: Vec<(String, Progress)>,
}

/// One line of the dashboard by office.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeTally {
    pub office: String,
    pub open: u32,
    pub overdue: u32,
    pub on_time: u32,
    pub late: u32,
}

impl OfficeTally {
    /// Counts one assignment: finished on or before its due date is on time.
    pub fn count(
        &mut self,
        urgency: Urgency,
        due_on: Option<NaiveDate>,
        done_on: Option<NaiveDate>,
    ) {
        match (urgency, due_on, done_on) {
            (Urgency::Finished, Some(due), Some(done)) if done > due => self.late += 1,
            (Urgency::Finished, _, _) => self.on_time += 1,
            (Urgency::Overdue, _, _) => {
                self.overdue += 1;
                self.open += 1;
            }
            _ => self.open += 1,
        }
    }
}

/// The dashboard: per office, and per meeting the share of decisions whose
/// every assignment is verified (the APA indicator "implemented ÷ taken").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    /// The fiscal year counted (None: every year).
    pub fiscal_year: Option<i32>,
    pub offices: Vec<OfficeTally>,
    /// (meeting id, title, decisions implemented, decisions taken) of the
    /// newest meetings, at most [`DASHBOARD_MEETINGS`]; the reports list all.
    pub meetings: Vec<(Uuid, String, u32, u32)>,
    /// How many meetings were counted in all.
    pub meetings_total: u32,
    /// The APA indicator per quarter: (fiscal year's first year, quarter,
    /// decisions implemented, decisions taken), in order.
    pub quarters: Vec<(i32, u8, u32, u32)>,
}

/// The dashboard's "by meeting" table shows this many of the newest.
pub const DASHBOARD_MEETINGS: usize = 25;

/// One assignment as the dashboard counts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DashboardLine {
    pub meeting_id: Uuid,
    pub title: String,
    pub held_on: NaiveDate,
    pub fiscal_year: i32,
    pub quarter: u8,
    pub decision_id: Uuid,
    pub office: String,
    pub status: Progress,
    pub due_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

impl Dashboard {
    /// The counts over these assignments: per office, per meeting (a decision
    /// is implemented when every office's part is verified) and per quarter.
    pub fn tally(
        lines: &[DashboardLine],
        fiscal_year: Option<i32>,
        today: NaiveDate,
        window: u32,
    ) -> Dashboard {
        use std::collections::{BTreeMap, HashMap};
        let mut by_office: BTreeMap<&str, OfficeTally> = BTreeMap::new();
        let mut implemented: HashMap<Uuid, bool> = HashMap::new();
        let mut decided_in: HashMap<Uuid, Uuid> = HashMap::new();
        let mut held: HashMap<Uuid, &DashboardLine> = HashMap::new();
        for l in lines {
            by_office
                .entry(&l.office)
                .or_insert_with(|| OfficeTally {
                    office: l.office.clone(),
                    ..Default::default()
                })
                .count(
                    urgency(l.due_on, l.status, today, window),
                    l.due_on,
                    l.done_on,
                );
            *implemented.entry(l.decision_id).or_insert(true) &= l.status == Progress::Verified;
            decided_in.insert(l.decision_id, l.meeting_id);
            held.entry(l.meeting_id).or_insert(l);
        }
        let mut per_meeting: HashMap<Uuid, (u32, u32)> = HashMap::new();
        for (decision, meeting) in &decided_in {
            let m = per_meeting.entry(*meeting).or_default();
            m.0 += u32::from(implemented[decision]);
            m.1 += 1;
        }
        let mut quarters: BTreeMap<(i32, u8), (u32, u32)> = BTreeMap::new();
        for (id, (done, of)) in &per_meeting {
            let q = quarters
                .entry((held[id].fiscal_year, held[id].quarter))
                .or_default();
            q.0 += done;
            q.1 += of;
        }
        let mut newest: Vec<&DashboardLine> = held.values().copied().collect();
        newest.sort_by(|a, b| {
            (b.held_on, &a.title, a.meeting_id).cmp(&(a.held_on, &b.title, b.meeting_id))
        });
        let mut offices: Vec<OfficeTally> = by_office.into_values().collect();
        offices.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.office.cmp(&b.office)));
        Dashboard {
            fiscal_year,
            offices,
            meetings_total: newest.len() as u32,
            meetings: newest
                .into_iter()
                .take(DASHBOARD_MEETINGS)
                .map(|l| {
                    let (done, of) = per_meeting[&l.meeting_id];
                    (l.meeting_id, l.title.clone(), done, of)
                })
                .collect(),
            quarters: quarters
                .into_iter()
                .map(|((fy, q), (done, of))| (fy, q, done, of))
                .collect(),
        }
    }
}

/// The APA target for "decisions implemented ÷ decisions taken".
pub const APA_TARGET_PERCENT: u32 = 90;

/// Where an office stands on its quarterly citizen-charter meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Held {
    /// No meeting recorded for the quarter.
    None,
    /// Held (minutes recorded) but not issued yet.
    Held,
    /// Minutes issued.
    Issued,
}

/// The APA compliance view: per office, the four quarters of a fiscal year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compliance {
    /// The fiscal year's first year (2022 for 2022-23).
    pub fiscal_year: i32,
    pub offices: Vec<(String, [Held; 4])>,
}

/// The better of two records for one quarter (several meetings may exist).
pub fn better(a: Held, b: Held) -> Held {
    let rank = |h: Held| match h {
        Held::None => 0,
        Held::Held => 1,
        Held::Issued => 2,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// The daily reminder e-mail of one office: (subject, plain-text body) in
/// Bangla, overdue work first.
pub fn digest(office: &str, rows: &[AssignmentRow], site: &str) -> (String, String) {
    use super::numerals::{bangla_number, to_bangla_digits};
    let count = |u: Urgency| rows.iter().filter(|r| r.urgency == u).count() as u64;
    let subject = format!(
        "সিদ্ধান্ত বাস্তবায়ন স্মরণিকা: {office} — মেয়াদোত্তীর্ণ {}, শীঘ্রই {}",
        bangla_number(count(Urgency::Overdue), 1),
        bangla_number(count(Urgency::DueSoon), 1)
    );
    let mut body = format!("{office}\n\nযে সিদ্ধান্তগুলোর বাস্তবায়ন বাকি:\n\n");
    for r in rows {
        let label = match r.urgency {
            Urgency::Overdue => "মেয়াদোত্তীর্ণ",
            _ => "শীঘ্রই",
        };
        body.push_str(&format!(
            "[{label}] সময়সীমা {} — স্মারক নং {} — সিদ্ধান্ত {}.{}: {}\n{site}/assignments/{}\n\n",
            r.due_on.map(super::dates::date_bn).unwrap_or_default(),
            to_bangla_digits(r.memo_number.as_deref().unwrap_or("—")),
            bangla_number(r.item as u64, 2),
            bangla_number(r.decision as u64, 1),
            r.decision_text,
            r.id
        ));
    }
    body.push_str("এই বার্তাটি সিদ্ধান্ত থেকে স্বয়ংক্রিয়ভাবে পাঠানো হয়েছে।\n");
    (subject, body)
}

/// The implementation report's columns, as i18n keys.
pub const REPORT_COLUMNS: [&str; 9] = [
    "meeting.memo_number",
    "tracking.meeting",
    "meeting.serial",
    "tracking.decision",
    "tracking.office",
    "tracking.deadline",
    "tracking.status",
    "report.done_on",
    "tracking.overdue",
];

/// One line of the implementation report. Dates stay ISO (2023-07-05), so
/// spreadsheets sort them; words are in the reader's language.
pub fn report_line(
    row: &AssignmentRow,
    done_on: Option<NaiveDate>,
    say: impl Fn(&str) -> String,
) -> Vec<String> {
    vec![
        row.memo_number.clone().unwrap_or_default(),
        row.meeting_title.clone(),
        format!("{:02}.{}", row.item, row.decision),
        row.decision_text.clone(),
        row.office.clone(),
        row.due_on.map(|d| d.to_string()).unwrap_or_default(),
        say(&format!("tracking.status.{}", row.status.code())),
        done_on.map(|d| d.to_string()).unwrap_or_default(),
        say(if row.urgency == Urgency::Overdue {
            "report.yes"
        } else {
            "report.no"
        }),
    ]
}

/// Lines as CSV (RFC 4180: every field quoted, CRLF), with a byte-order
/// mark so spreadsheet programs read the Bangla as UTF-8.
/// A cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a
/// tab or carriage return first) gets a leading apostrophe, which the
/// spreadsheet shows as text (OWASP's CSV injection advice).
fn neutral(field: &str) -> std::borrow::Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{field}").into()
    } else {
        field.into()
    }
}

pub fn csv(lines: &[Vec<String>]) -> String {
    let mut out = String::from("\u{feff}");
    for line in lines {
        let fields: Vec<String> = line
            .iter()
            .map(|f| format!("\"{}\"", neutral(f).replace('"', "\"\"")))
            .collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dashboard_counts_decisions_whole_and_shows_the_newest_meetings() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let today = day(11, 23);
        let (m1, m2) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let line =
            |meeting, held_on, decision, office: &str, status, due_on, done_on| DashboardLine {
                meeting_id: meeting,
                title: format!("সভা {meeting}"),
                held_on,
                fiscal_year: 2026,
                quarter: 2,
                decision_id: Uuid::from_u128(decision),
                office: office.into(),
                status,
                due_on,
                done_on,
            };
        let lines = vec![
            // Decision 10: both offices verified → implemented.
            line(
                m1,
                day(10, 5),
                10,
                "রংপুর",
                Progress::Verified,
                Some(day(10, 30)),
                Some(day(10, 20)),
            ),
            line(
                m1,
                day(10, 5),
                10,
                "দিনাজপুর",
                Progress::Verified,
                Some(day(10, 30)),
                Some(day(11, 2)),
            ),
            // Decision 11: one office still open and overdue → not implemented.
            line(
                m1,
                day(10, 5),
                11,
                "রংপুর",
                Progress::Verified,
                None,
                Some(day(10, 20)),
            ),
            line(
                m1,
                day(10, 5),
                11,
                "দিনাজপুর",
                Progress::InProgress,
                Some(day(11, 1)),
                None,
            ),
            line(
                m2,
                day(11, 10),
                20,
                "রংপুর",
                Progress::NotStarted,
                Some(day(12, 31)),
                None,
            ),
        ];
        let d = Dashboard::tally(&lines, Some(2026), today, 7);
        assert_eq!(d.fiscal_year, Some(2026));
        assert_eq!(d.meetings_total, 2);
        // Newest first.
        assert_eq!(
            d.meetings
                .iter()
                .map(|m| (m.0, m.2, m.3))
                .collect::<Vec<_>>(),
            [(m2, 0, 1), (m1, 1, 2)]
        );
        assert_eq!(d.quarters, [(2026, 2, 1, 3)]);
        let dinajpur = d.offices.iter().find(|o| o.office == "দিনাজপুর").unwrap();
        assert_eq!(
            (
                dinajpur.open,
                dinajpur.overdue,
                dinajpur.on_time,
                dinajpur.late
            ),
            (1, 1, 0, 1)
        );
        assert_eq!(
            d.offices[0].office, "দিনাজপুর",
            "the most overdue office first"
        );

        // Only the newest meetings are listed; all are counted.
        let many: Vec<DashboardLine> = (0..40u128)
            .map(|i| {
                line(
                    Uuid::from_u128(100 + i),
                    day(7, 1) + chrono::Days::new(i as u64),
                    1000 + i,
                    "রংপুর",
                    Progress::Verified,
                    None,
                    None,
                )
            })
            .collect();
        let d = Dashboard::tally(&many, None, today, 7);
        assert_eq!(d.meetings.len(), DASHBOARD_MEETINGS);
        assert_eq!(d.meetings_total, 40);
        assert_eq!(d.meetings[0].0, Uuid::from_u128(139));
        assert_eq!(d.quarters, [(2026, 2, 40, 40)]);
    }

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
    fn evidence_is_judged_by_its_bytes() {
        assert_eq!(sniff(b"%PDF-1.7\n..."), Some("application/pdf"));
        assert_eq!(sniff(b"\x89PNG\r\n\x1a\n...."), Some("image/png"));
        assert_eq!(sniff(b"\xFF\xD8\xFF\xE0..JFIF"), Some("image/jpeg"));
        assert_eq!(
            sniff(b"PK\x03\x04....word/document.xml"),
            Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
        );
        assert_eq!(
            sniff(b"PK\x03\x04....xl/workbook.xml"),
            Some("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        );
        assert_eq!(sniff(b"PK\x03\x04 just a zip"), None);
        assert_eq!(sniff(b"MZ\x90\x00 an .exe named report.pdf"), None);
        assert_eq!(sniff(b"<html>"), None);
    }

    #[test]
    fn an_issued_meeting_outranks_a_held_one() {
        assert_eq!(better(Held::None, Held::Held), Held::Held);
        assert_eq!(better(Held::Issued, Held::Held), Held::Issued);
        assert_eq!(better(Held::None, Held::None), Held::None);
    }

    #[test]
    fn csv_cells_are_never_formulas() {
        let lines = vec![vec![
            "=HYPERLINK(\"http://x\")".to_string(),
            "+1".to_string(),
            "@SUM(A1)".to_string(),
            "-2".to_string(),
            "ক=খ".to_string(),
        ]];
        assert_eq!(
            csv(&lines),
            "\u{feff}\"'=HYPERLINK(\"\"http://x\"\")\",\"'+1\",\"'@SUM(A1)\",\"'-2\",\"ক=খ\"\r\n"
        );
    }

    #[test]
    fn csv_quotes_every_field() {
        let lines = vec![
            vec![
                "স্মারক".to_string(),
                "a \"quoted\" word, and a comma".to_string(),
            ],
            vec!["".to_string(), "line\nbreak".to_string()],
        ];
        assert_eq!(
            csv(&lines),
            "\u{feff}\"স্মারক\",\"a \"\"quoted\"\" word, and a comma\"\r\n\"\",\"line\nbreak\"\r\n"
        );
    }

    #[test]
    fn finished_work_counts_as_on_time_or_late() {
        let mut t = OfficeTally::default();
        let due = Some(d(2023, 7, 5));
        t.count(Urgency::Finished, due, Some(d(2023, 7, 5)));
        t.count(Urgency::Finished, due, Some(d(2023, 7, 6)));
        t.count(Urgency::Overdue, due, None);
        t.count(Urgency::DueSoon, due, None);
        assert_eq!((t.open, t.overdue, t.on_time, t.late), (2, 1, 1, 1));
    }
}
