//! A meeting and its minutes, as the pages and the memo see them.
use super::dates::{date_bn, FiscalYear, Quarter};
use super::minutes::Minutes;
use super::numerals::bangla_number;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What kind of meeting this is; the kind decides the standard sentences and
/// which APA indicator it counts for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum MeetingKind {
    /// সেবা প্রদান প্রতিশ্রুতি (সিটিজেন চার্টার) ত্রৈমাসিক সভা
    CitizenCharterQuarterly,
    /// পরিবীক্ষণ কমিটির সভা
    MonitoringCommittee,
    /// অংশীজন (স্টেকহোল্ডার) সভা
    Stakeholder,
    Other,
}

impl MeetingKind {
    /// The stable name stored in the database, URLs and the JSON format.
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Self> {
        code.parse().ok()
    }

    pub fn label_bn(self) -> &'static str {
        match self {
            MeetingKind::CitizenCharterQuarterly => "সিটিজেন চার্টার ত্রৈমাসিক সভা",
            MeetingKind::MonitoringCommittee => "পরিবীক্ষণ কমিটির সভা",
            MeetingKind::Stakeholder => "অংশীজন সভা",
            MeetingKind::Other => "অন্যান্য সভা",
        }
    }
}

/// Where the minutes are in their life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[derive(strum::IntoStaticStr, strum::EnumString, strum::VariantArray)]
#[strum(serialize_all = "snake_case")]
pub enum MeetingStatus {
    Draft,
    Submitted,
    Approved,
    Issued,
}

impl MeetingStatus {
    /// The stable name stored in the database, URLs and the JSON format.
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Self> {
        code.parse().ok()
    }

    /// The message key of the status's name (`meeting.status.draft` …).
    pub fn label_key(self) -> String {
        format!("meeting.status.{}", self.code())
    }
}

/// When a decision must be carried out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Deadline {
    /// No deadline was set.
    #[default]
    None,
    /// A fixed date.
    On(NaiveDate),
    /// "আগামী ১০ দিনের মধ্যে": counted from the memo's issue date.
    DaysAfterIssue(u16),
    /// "ত্রৈমাসিক ভিত্তিতে": every quarter.
    Quarterly,
    /// "জারির ১০ কার্যদিবসের মধ্যে": working days from the issue date,
    /// skipping the weekly holidays and the public holidays.
    WorkingDaysAfterIssue(u16),
}

/// The weekly holidays of government offices in Bangladesh.
pub const WEEKLY_HOLIDAYS: [chrono::Weekday; 2] = [chrono::Weekday::Fri, chrono::Weekday::Sat];

/// The day `n` working days after `start` (কার্যদিবস): weekly holidays and
/// the days `is_holiday` names do not count.
pub fn add_working_days(
    start: NaiveDate,
    n: u16,
    is_holiday: &dyn Fn(NaiveDate) -> bool,
) -> Option<NaiveDate> {
    use chrono::Datelike;
    let mut day = start;
    let mut left = n;
    while left > 0 {
        day = day.succ_opt()?;
        if !WEEKLY_HOLIDAYS.contains(&day.weekday()) && !is_holiday(day) {
            left -= 1;
        }
    }
    Some(day)
}

impl Deadline {
    pub fn label_bn(self) -> String {
        self.label(crate::i18n::Lang::Bn)
    }

    /// "জারির ১০ দিনের মধ্যে" / "within 10 days of issue".
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::Lang::{Bn, En};
        match (self, lang) {
            (Deadline::None, _) => "—".to_string(),
            (Deadline::On(d), Bn) => date_bn(d),
            (Deadline::On(d), En) => d.format("%-d %B %Y").to_string(),
            (Deadline::DaysAfterIssue(n), Bn) => {
                format!("জারির {} দিনের মধ্যে", bangla_number(n as u64, 2))
            }
            (Deadline::DaysAfterIssue(n), En) => format!("within {n} days of issue"),
            (Deadline::Quarterly, Bn) => "ত্রৈমাসিক ভিত্তিতে".to_string(),
            (Deadline::Quarterly, En) => "every quarter".to_string(),
            (Deadline::WorkingDaysAfterIssue(n), Bn) => {
                format!("জারির {} কার্যদিবসের মধ্যে", bangla_number(n as u64, 2))
            }
            (Deadline::WorkingDaysAfterIssue(n), En) => {
                format!("within {n} working days of issue")
            }
        }
    }

    /// The date this deadline falls on, once the memo's issue date is known.
    /// Quarterly work is due by the end of the quarter the memo is issued in.
    /// (No public holidays known: see `due_on_with`.)
    pub fn due_on(self, issued_on: NaiveDate) -> Option<NaiveDate> {
        self.due_on_with(issued_on, &|_| false)
    }

    /// The due date with the public holidays the admin entered.
    pub fn due_on_with(
        self,
        issued_on: NaiveDate,
        is_holiday: &dyn Fn(NaiveDate) -> bool,
    ) -> Option<NaiveDate> {
        match self {
            Deadline::None => None,
            Deadline::On(d) => Some(d),
            Deadline::DaysAfterIssue(n) => issued_on.checked_add_days(chrono::Days::new(n as u64)),
            Deadline::Quarterly => Some(end_of_quarter(issued_on)),
            Deadline::WorkingDaysAfterIssue(n) => add_working_days(issued_on, n, is_holiday),
        }
    }
}

fn end_of_quarter(d: NaiveDate) -> NaiveDate {
    use chrono::Datelike;
    let last_month = (d.month0() / 3) * 3 + 3; // 3, 6, 9 or 12
    let next = if last_month == 12 {
        NaiveDate::from_ymd_opt(d.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(d.year(), last_month + 1, 1)
    };
    next.and_then(|n| n.pred_opt()).unwrap_or(d)
}

/// One line of the meetings list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub id: Uuid,
    /// The office that held it (whose secretaries may read its drafts).
    pub office_id: Uuid,
    pub title: String,
    pub office_name: String,
    pub held_on: NaiveDate,
    pub fiscal_year: FiscalYear,
    pub quarter: Quarter,
    pub status: MeetingStatus,
    pub agenda_items: u32,
    pub decisions: u32,
}

/// The issuing office as the memo's header prints it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OfficeHeading {
    pub name: String,
    pub place: String,
    pub branch: String,
}

/// A meeting as the pages and the memo show it: its minutes and the heading
/// of the office that held it.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Meeting {
    pub id: Uuid,
    pub office: OfficeHeading,
    pub minutes: Minutes,
    /// The memo number of the issued minutes these correct, printed under
    /// the title.
    #[serde(default)]
    pub corrects: Option<String>,
    /// The unfinished decisions of the earlier meetings of the series, printed
    /// as "বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি".
    #[serde(default)]
    pub carried: Vec<super::tracking::CarriedDecision>,
    /// Minutes issued before Sidhanto (on paper, elsewhere) and brought in
    /// by an admin as a record: issued, but not by Sidhanto, so without a
    /// signature or verification code. The page and the memo say so.
    #[serde(default)]
    pub imported: bool,
}

/// Decisions inside one agenda item are numbered "১।", "২।" … only when there are
/// several, as the seed minutes do.
pub fn decision_marker(index: usize, of: usize, lang: crate::i18n::Lang) -> Option<String> {
    (of > 1).then(|| match lang {
        crate::i18n::Lang::Bn => format!("{}।", bangla_number(index as u64 + 1, 1)),
        crate::i18n::Lang::En => format!("{}.", index + 1),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn codes_round_trip() {
        use strum::VariantArray;
        for k in MeetingKind::VARIANTS.iter().copied() {
            assert_eq!(MeetingKind::from_code(k.code()), Some(k));
        }
        for s in MeetingStatus::VARIANTS.iter().copied() {
            assert_eq!(MeetingStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(MeetingStatus::from_code("nonsense"), None);
    }

    #[test]
    fn deadlines_are_labelled_in_bangla() {
        assert_eq!(
            Deadline::DaysAfterIssue(10).label_bn(),
            "জারির ১০ দিনের মধ্যে"
        );
        assert_eq!(Deadline::Quarterly.label_bn(), "ত্রৈমাসিক ভিত্তিতে");
        assert_eq!(Deadline::On(d(2023, 7, 5)).label_bn(), "৫ জুলাই, ২০২৩");
    }

    #[test]
    fn deadlines_become_dates_at_issue() {
        let issued = d(2023, 6, 25);
        assert_eq!(
            Deadline::DaysAfterIssue(10).due_on(issued),
            Some(d(2023, 7, 5))
        );
        assert_eq!(Deadline::Quarterly.due_on(issued), Some(d(2023, 6, 30)));
        assert_eq!(
            Deadline::Quarterly.due_on(d(2023, 11, 2)),
            Some(d(2023, 12, 31))
        );
        assert_eq!(Deadline::None.due_on(issued), None);
    }

    #[test]
    fn working_days_skip_fridays_saturdays_and_public_holidays() {
        // Issued Thursday 2024-03-21; Friday and Saturday do not count.
        let issued = d(2024, 3, 21);
        assert_eq!(
            Deadline::WorkingDaysAfterIssue(1).due_on(issued),
            Some(d(2024, 3, 24))
        );
        assert_eq!(
            Deadline::WorkingDaysAfterIssue(3).due_on(issued),
            Some(d(2024, 3, 26))
        );
        // 26 March (Independence Day) is a public holiday.
        let independence = |day: NaiveDate| day == d(2024, 3, 26);
        assert_eq!(
            Deadline::WorkingDaysAfterIssue(3).due_on_with(issued, &independence),
            Some(d(2024, 3, 27))
        );
        assert_eq!(
            Deadline::WorkingDaysAfterIssue(10).label_bn(),
            "জারির ১০ কার্যদিবসের মধ্যে"
        );
    }

    #[test]
    fn single_decisions_are_unnumbered() {
        assert_eq!(decision_marker(0, 1, crate::i18n::Lang::Bn), None);
        assert_eq!(
            decision_marker(2, 3, crate::i18n::Lang::Bn).as_deref(),
            Some("৩।")
        );
        assert_eq!(
            decision_marker(2, 3, crate::i18n::Lang::En).as_deref(),
            Some("3.")
        );
        assert_eq!(
            Deadline::WorkingDaysAfterIssue(10).label(crate::i18n::Lang::En),
            "within 10 working days of issue"
        );
    }
}
