//! The minutes of one meeting as a secretary writes them: the meeting JSON
//! format (docs/meeting-format.md) and what the editor saves. Offices are named
//! by their code, people by the name and designation the memo prints, so a file
//! moves between installations. `check` (in `check.rs`, with the limits it
//! names) holds every rule a save must pass.
use super::dates::{FiscalYear, Quarter};
use super::meeting::{Deadline, MeetingKind, MeetingStatus};
use super::numerals::to_ascii_digits;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};

mod check;

pub use check::{LONG_TEXT, MAX_DECISIONS, MAX_ROWS, MEMBER_KINDS, SHORT_TEXT, TITLE_TEXT};

/// The value of `format` in every file this version reads and writes.
pub const FORMAT: &str = "sidhanto.meeting/1";

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Minutes {
    pub format: String,
    pub kind: MeetingKind,
    /// "bn" or "en": the language the minutes are written in, and so the
    /// language of the memo's fixed words.
    #[serde(default = "bangla")]
    pub language: String,
    /// Code of the office holding the meeting.
    pub office: String,
    /// Which run of meetings this one belongs to (a division's quarterly
    /// citizen-charter meetings); free text, the same for every meeting of it.
    #[serde(default)]
    pub series: String,
    /// "2022-23"
    pub fiscal_year: String,
    pub quarter: u8,
    pub title: String,
    pub held_on: NaiveDate,
    pub starts_at: NaiveTime,
    pub venue: String,
    pub chair: Person,
    /// সদস্য সচিব
    #[serde(default)]
    pub secretary: Option<Person>,
    pub preamble: String,
    pub closing: String,
    /// Appendix "ক", in signing order.
    #[serde(default)]
    pub attendees: Vec<Attendee>,
    #[serde(default)]
    pub agenda: Vec<AgendaItem>,
    pub distribution: Distribution,
    #[serde(default = "draft")]
    pub status: MeetingStatus,
    #[serde(default)]
    pub memo_number: Option<String>,
    #[serde(default)]
    pub issued_on: Option<NaiveDate>,
    /// Who signs the memo's distribution part (often the member secretary).
    #[serde(default)]
    pub issuer: Option<Person>,
}

fn bangla() -> String {
    "bn".into()
}

fn draft() -> MeetingStatus {
    MeetingStatus::Draft
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub designation: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Attendee {
    #[serde(default)]
    pub name: String,
    pub designation: String,
    /// The office as the attendance sheet prints it.
    #[serde(default)]
    pub office: String,
}

/// One agenda item: what was discussed and what was decided.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct AgendaItem {
    pub subject: String,
    #[serde(default)]
    pub discussion: String,
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    pub text: String,
    #[serde(default)]
    pub implementers: Vec<Implementer>,
    #[serde(default)]
    pub deadline: Deadline,
}

impl AgendaItem {
    /// The বাস্তবায়নকারী column of this item: each implementer once, in
    /// the order the decisions name them.
    pub fn implementer_labels(&self) -> Vec<String> {
        let mut labels: Vec<String> = vec![];
        for imp in self.decisions.iter().flat_map(|d| &d.implementers) {
            if !labels.contains(&imp.label) {
                labels.push(imp.label.clone());
            }
        }
        labels
    }
}

/// One office, or a group: every office of kind `members` directly below
/// `office` ("জেলা প্রশাসক (সকল), রংপুর বিভাগ").
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Implementer {
    pub office: String,
    #[serde(default)]
    pub members: Option<String>,
    /// As the বাস্তবায়নকারী column prints it.
    pub label: String,
}

/// The অনুলিপি part: a heading ("সদয় অবগতির জন্য") and the recipients in order.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Distribution {
    pub heading: String,
    #[serde(default)]
    pub recipients: Vec<String>,
}

/// A rule a save broke: where (a JSON path such as `agenda[0].decisions[1].text`,
/// which is also the editor's field name) and a message key of `i18n`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Problem {
    pub path: String,
    pub key: String,
    /// What a JSON reader found, where a key alone cannot say (the exact
    /// serde message: "missing field `title`").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
}

impl Problem {
    /// Does this problem stop a draft from being saved? Drafts are saved
    /// while incomplete, so nothing typed is lost; what cannot be stored at
    /// all (an unknown office, a control character, over-long text, no
    /// chair) is refused. Every problem counts when minutes are imported or
    /// submitted.
    pub fn blocks_draft(&self) -> bool {
        let incomplete = matches!(
            self.key.as_str(),
            "minutes.required"
                | "minutes.deadline_before_meeting"
                | "minutes.deadline_days"
                | "minutes.issued_before_meeting"
        );
        !incomplete || self.path.starts_with("chair")
    }
}

/// The standard sentences of seed 004 that a new citizen-charter meeting starts with.
pub const STANDARD_PREAMBLE: &str = "সভাপতি উপস্থিত সদস্যগণকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন।";
pub const STANDARD_CLOSING: &str =
    "সভায় আর কোন আলোচ্যসূচী না থাকায় সভাপতি উপস্থিত সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।";
pub const STANDARD_DISTRIBUTION: &str = "সদয় অবগতির জন্য";

impl FiscalYear {
    /// Reads "2022-23" (Bangla or ASCII digits); the second year must follow the first.
    pub fn parse(text: &str) -> Option<FiscalYear> {
        let ascii = to_ascii_digits(text.trim());
        let (a, b) = ascii.split_once('-')?;
        let start: i32 = a.parse().ok()?;
        let end: i32 = b.parse().ok()?;
        let ok = a.len() == 4 && b.len() == 2 && (start + 1) % 100 == end;
        ok.then_some(FiscalYear(start))
    }

    /// "2022-23"
    pub fn code(self) -> String {
        format!("{}-{:02}", self.0, (self.0 + 1) % 100)
    }
}

impl Minutes {
    pub fn decision_count(&self) -> usize {
        self.agenda.iter().map(|a| a.decisions.len()).sum()
    }

    /// Calls `f` with the path and text of every free-text field (not the
    /// codes, dates or choices).
    pub fn each_text_mut(&mut self, f: &mut dyn FnMut(&str, &mut String)) {
        f("series", &mut self.series);
        f("title", &mut self.title);
        f("venue", &mut self.venue);
        f("preamble", &mut self.preamble);
        f("closing", &mut self.closing);
        let people = [
            ("chair", Some(&mut self.chair)),
            ("secretary", self.secretary.as_mut()),
            ("issuer", self.issuer.as_mut()),
        ];
        for (at, person) in people {
            if let Some(p) = person {
                f(&format!("{at}.name"), &mut p.name);
                f(&format!("{at}.designation"), &mut p.designation);
            }
        }
        for (i, a) in self.attendees.iter_mut().enumerate() {
            f(&format!("attendees[{i}].name"), &mut a.name);
            f(&format!("attendees[{i}].designation"), &mut a.designation);
            f(&format!("attendees[{i}].office"), &mut a.office);
        }
        for (i, item) in self.agenda.iter_mut().enumerate() {
            f(&format!("agenda[{i}].subject"), &mut item.subject);
            f(&format!("agenda[{i}].discussion"), &mut item.discussion);
            for (j, d) in item.decisions.iter_mut().enumerate() {
                let at = format!("agenda[{i}].decisions[{j}]");
                f(&format!("{at}.text"), &mut d.text);
                for (k, imp) in d.implementers.iter_mut().enumerate() {
                    f(&format!("{at}.implementers[{k}].label"), &mut imp.label);
                }
            }
        }
        f("distribution.heading", &mut self.distribution.heading);
        for (i, r) in self.distribution.recipients.iter_mut().enumerate() {
            f(&format!("distribution.recipients[{i}]"), r);
        }
    }

    /// Texts that look typed in Bijoy (`bijoy::looks_like`), as problems
    /// whose detail is the Unicode they convert to: the preview.
    pub fn bijoy_problems(&self) -> Vec<Problem> {
        let mut copy = self.clone();
        let mut out = vec![];
        copy.each_text_mut(&mut |path, text| {
            if super::bijoy::looks_like(text) {
                out.push(Problem {
                    path: path.into(),
                    key: "minutes.bijoy".into(),
                    detail: Some(super::bijoy::convert(text)),
                });
            }
        });
        out
    }

    /// Converts every text that looks typed in Bijoy to Unicode.
    pub fn convert_bijoy(&mut self) {
        self.each_text_mut(&mut |_, text| {
            if super::bijoy::looks_like(text) {
                *text = super::bijoy::convert(text);
            }
        });
    }

    /// A new meeting of `office` on `held_on`, with the standard sentences.
    pub fn new(office: &str, held_on: NaiveDate) -> Minutes {
        Minutes {
            format: FORMAT.into(),
            kind: MeetingKind::CitizenCharterQuarterly,
            language: bangla(),
            office: office.into(),
            series: String::new(),
            fiscal_year: FiscalYear::of(held_on).code(),
            quarter: Quarter::of(held_on).number(),
            title: String::new(),
            held_on,
            starts_at: NaiveTime::from_hms_opt(10, 0, 0).unwrap_or_default(),
            venue: String::new(),
            chair: Person::default(),
            secretary: None,
            preamble: STANDARD_PREAMBLE.into(),
            closing: STANDARD_CLOSING.into(),
            attendees: vec![],
            agenda: vec![],
            distribution: Distribution {
                heading: STANDARD_DISTRIBUTION.into(),
                recipients: vec![],
            },
            status: MeetingStatus::Draft,
            memo_number: None,
            issued_on: None,
            issuer: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    pub(super) fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub(super) fn offices() -> HashSet<String> {
        ["rangpur-division".to_string()].into()
    }

    pub(super) fn valid() -> Minutes {
        let mut m = Minutes::new("rangpur-division", d(2023, 6, 22));
        m.title = "৪র্থ ত্রৈমাসিক সভা".into();
        m.venue = "সম্মেলন কক্ষ".into();
        m.chair = Person {
            name: "মো: হাবিবুর রহমান".into(),
            designation: "বিভাগীয় কমিশনার".into(),
        };
        m.agenda.push(AgendaItem {
            subject: "হালনাগাদকরণ".into(),
            discussion: String::new(),
            decisions: vec![Decision {
                text: "আপলোড করতে হবে।".into(),
                implementers: vec![Implementer {
                    office: "rangpur-division".into(),
                    members: Some("district".into()),
                    label: "জেলা প্রশাসক (সকল)".into(),
                }],
                deadline: Deadline::DaysAfterIssue(10),
            }],
        });
        m
    }

    pub(super) fn paths(m: &Minutes) -> Vec<(String, String)> {
        m.check(&offices())
            .into_iter()
            .map(|p| (p.path, p.key))
            .collect()
    }

    #[test]
    fn a_new_meeting_derives_fiscal_year_and_quarter_from_its_date() {
        let m = Minutes::new("x", d(2023, 6, 22));
        assert_eq!((m.fiscal_year.as_str(), m.quarter), ("2022-23", 4));
        assert_eq!(m.closing, STANDARD_CLOSING);
        assert!(paths(&valid()).is_empty(), "{:?}", paths(&valid()));
    }

    #[test]
    fn fiscal_years_read_bangla_or_ascii_digits() {
        assert_eq!(FiscalYear::parse("2022-23"), Some(FiscalYear(2022)));
        assert_eq!(FiscalYear::parse("২০২২-২৩"), Some(FiscalYear(2022)));
        assert_eq!(FiscalYear::parse("2099-00"), Some(FiscalYear(2099)));
        assert_eq!(FiscalYear::parse("2022-24"), None);
        assert_eq!(FiscalYear::parse("22-23"), None);
        assert_eq!(FiscalYear(2022).code(), "2022-23");
    }

    #[test]
    fn the_json_names_kinds_statuses_and_deadlines_in_snake_case() {
        let json = serde_json::to_value(valid()).unwrap();
        assert_eq!(json["kind"], "citizen_charter_quarterly");
        assert_eq!(json["status"], "draft");
        assert_eq!(
            json["agenda"][0]["decisions"][0]["deadline"],
            serde_json::json!({ "days_after_issue": 10 })
        );
        assert_eq!(json["starts_at"], "10:00:00");
        let back: Minutes = serde_json::from_value(json).unwrap();
        assert_eq!(back, valid());
    }
}
