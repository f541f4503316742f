//! Every rule a save must pass, and the limits they name.
use super::{Minutes, Person, Problem, FORMAT};
use crate::domain::dates::{FiscalYear, Quarter};
use crate::domain::meeting::{Deadline, MeetingStatus};
use std::collections::HashSet;

/// Office kinds an implementer group may expand to.
pub const MEMBER_KINDS: [&str; 2] = ["district", "upazila"];

/// Longest texts, in characters: generous for real minutes, small enough that
/// a pasted book is refused with a message instead of stored.
pub const SHORT_TEXT: usize = 300;
pub const TITLE_TEXT: usize = 500;
pub const LONG_TEXT: usize = 20_000;
/// Most rows in any one list (attendees, items, decisions, implementers, recipients).
pub const MAX_ROWS: usize = 500;
/// Most decisions in one meeting, over all its items: each is written with
/// its search rows on every save, so the lists' own limit is not enough.
pub const MAX_DECISIONS: usize = 500;

impl Minutes {
    /// Every rule these minutes break; empty when they may be saved.
    /// `offices` holds the codes of the offices that exist.
    pub fn check(&self, offices: &HashSet<String>) -> Vec<Problem> {
        let mut c = Checker::default();
        if self.format != FORMAT {
            c.add("format", "minutes.format");
        }
        if !["bn", "en"].contains(&self.language.as_str()) {
            c.add("language", "minutes.language");
        }
        if !offices.contains(&self.office) {
            c.add("office", "minutes.unknown_office");
        }
        c.text("series", &self.series, SHORT_TEXT, false);
        if FiscalYear::parse(&self.fiscal_year).is_none() {
            c.add("fiscal_year", "minutes.fiscal_year");
        }
        if Quarter::new(self.quarter).is_none() {
            c.add("quarter", "minutes.quarter");
        }
        c.text("title", &self.title, TITLE_TEXT, true);
        c.text("venue", &self.venue, SHORT_TEXT, true);
        c.person("chair", Some(&self.chair), true);
        c.person("secretary", self.secretary.as_ref(), false);
        c.person("issuer", self.issuer.as_ref(), false);
        c.text("preamble", &self.preamble, LONG_TEXT, false);
        c.text("closing", &self.closing, LONG_TEXT, false);
        c.rows("attendees", self.attendees.len(), false);
        for (i, a) in self.attendees.iter().enumerate() {
            let at = format!("attendees[{i}]");
            c.text(&format!("{at}.name"), &a.name, SHORT_TEXT, false);
            c.text(
                &format!("{at}.designation"),
                &a.designation,
                SHORT_TEXT,
                true,
            );
            c.text(&format!("{at}.office"), &a.office, SHORT_TEXT, false);
        }
        c.rows("agenda", self.agenda.len(), true);
        for (i, item) in self.agenda.iter().enumerate() {
            let at = format!("agenda[{i}]");
            c.text(&format!("{at}.subject"), &item.subject, TITLE_TEXT, true);
            c.text(
                &format!("{at}.discussion"),
                &item.discussion,
                LONG_TEXT,
                false,
            );
            c.rows(&format!("{at}.decisions"), item.decisions.len(), false);
            for (j, d) in item.decisions.iter().enumerate() {
                let at = format!("{at}.decisions[{j}]");
                c.text(&format!("{at}.text"), &d.text, LONG_TEXT, true);
                c.rows(&format!("{at}.implementers"), d.implementers.len(), true);
                for (k, imp) in d.implementers.iter().enumerate() {
                    let at = format!("{at}.implementers[{k}]");
                    if !offices.contains(&imp.office) {
                        c.add(&format!("{at}.office"), "minutes.unknown_office");
                    }
                    if let Some(kind) = &imp.members {
                        if !MEMBER_KINDS.contains(&kind.as_str()) {
                            c.add(&format!("{at}.members"), "minutes.member_kind");
                        }
                    }
                    c.text(&format!("{at}.label"), &imp.label, SHORT_TEXT, true);
                }
                match d.deadline {
                    Deadline::On(day) if day < self.held_on => {
                        c.add(&format!("{at}.deadline"), "minutes.deadline_before_meeting")
                    }
                    Deadline::DaysAfterIssue(0) | Deadline::WorkingDaysAfterIssue(0) => {
                        c.add(&format!("{at}.deadline"), "minutes.deadline_days")
                    }
                    _ => {}
                }
            }
        }
        let decisions: usize = self.agenda.iter().map(|i| i.decisions.len()).sum();
        if decisions > MAX_DECISIONS {
            c.add("agenda", "minutes.too_many_decisions");
        }
        c.text(
            "distribution.heading",
            &self.distribution.heading,
            SHORT_TEXT,
            false,
        );
        c.rows(
            "distribution.recipients",
            self.distribution.recipients.len(),
            false,
        );
        for (i, r) in self.distribution.recipients.iter().enumerate() {
            c.text(
                &format!("distribution.recipients[{i}]"),
                r,
                TITLE_TEXT,
                true,
            );
        }
        let issued = matches!(self.status, MeetingStatus::Issued);
        match (&self.memo_number, issued) {
            (Some(n), _) => c.text("memo_number", n, 100, true),
            (None, true) => c.add("memo_number", "minutes.required"),
            (None, false) => {}
        }
        match (self.issued_on, issued) {
            (Some(day), _) if day < self.held_on => {
                c.add("issued_on", "minutes.issued_before_meeting")
            }
            (None, true) => c.add("issued_on", "minutes.required"),
            _ => {}
        }
        c.problems
    }
}

#[derive(Default)]
struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn add(&mut self, path: &str, key: &str) {
        self.problems.push(Problem {
            path: path.into(),
            key: key.into(),
            detail: None,
        });
    }

    fn text(&mut self, path: &str, text: &str, max: usize, required: bool) {
        if required && text.trim().is_empty() {
            self.add(path, "minutes.required");
        } else if text.chars().count() > max {
            self.add(path, "minutes.too_long");
        } else if text
            .chars()
            .any(|ch| ch.is_control() && !matches!(ch, '\n' | '\t' | '\r'))
        {
            // PostgreSQL refuses NUL in text, and no one types the others.
            self.add(path, "minutes.control_character");
        }
    }

    fn rows(&mut self, path: &str, n: usize, required: bool) {
        if required && n == 0 {
            self.add(path, "minutes.required");
        } else if n > MAX_ROWS {
            self.add(path, "minutes.too_many");
        }
    }

    fn person(&mut self, path: &str, p: Option<&Person>, required: bool) {
        match p {
            Some(p) => {
                self.text(&format!("{path}.name"), &p.name, SHORT_TEXT, required);
                self.text(
                    &format!("{path}.designation"),
                    &p.designation,
                    SHORT_TEXT,
                    true,
                );
            }
            None if required => self.add(path, "minutes.required"),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::minutes::tests::{d, offices, paths, valid};

    fn problem(path: &str, key: &str) -> (String, String) {
        (path.into(), key.into())
    }

    #[test]
    fn missing_chair_and_implementer_are_named_by_path() {
        let mut m = valid();
        m.chair.name.clear();
        m.agenda[0].decisions[0].implementers.clear();
        assert_eq!(
            paths(&m),
            [
                problem("chair.name", "minutes.required"),
                problem("agenda[0].decisions[0].implementers", "minutes.required"),
            ]
        );
    }

    #[test]
    fn a_deadline_before_the_meeting_is_refused() {
        let mut m = valid();
        m.agenda[0].decisions[0].deadline = Deadline::On(d(2023, 6, 21));
        assert_eq!(
            paths(&m),
            [problem(
                "agenda[0].decisions[0].deadline",
                "minutes.deadline_before_meeting"
            )]
        );
        m.agenda[0].decisions[0].deadline = Deadline::On(d(2023, 6, 22));
        assert!(paths(&m).is_empty());
    }

    #[test]
    fn unknown_offices_long_text_and_control_characters_are_refused() {
        let mut m = valid();
        m.office = "nowhere".into();
        m.venue = "ক".repeat(SHORT_TEXT + 1);
        m.title = "সভা\u{0}".into();
        m.agenda[0].decisions[0].implementers[0].members = Some("village".into());
        assert_eq!(
            paths(&m),
            [
                problem("office", "minutes.unknown_office"),
                problem("title", "minutes.control_character"),
                problem("venue", "minutes.too_long"),
                problem(
                    "agenda[0].decisions[0].implementers[0].members",
                    "minutes.member_kind"
                ),
            ]
        );
    }

    #[test]
    fn issued_minutes_need_a_memo_number_and_an_issue_date() {
        let mut m = valid();
        m.status = MeetingStatus::Issued;
        assert_eq!(
            paths(&m),
            [
                problem("memo_number", "minutes.required"),
                problem("issued_on", "minutes.required"),
            ]
        );
    }

    #[test]
    fn an_incomplete_draft_may_be_saved_but_not_one_without_a_chair() {
        let mut m = valid();
        m.title.clear();
        m.agenda[0].decisions[0].implementers.clear();
        m.agenda[0].decisions[0].deadline = Deadline::On(d(2023, 6, 1));
        assert!(m.check(&offices()).iter().all(|p| !p.blocks_draft()));
        m.chair.designation.clear();
        m.venue = "ক".repeat(SHORT_TEXT + 1);
        let blocking: Vec<_> = m
            .check(&offices())
            .into_iter()
            .filter(Problem::blocks_draft)
            .map(|p| p.path)
            .collect();
        assert_eq!(blocking, ["venue", "chair.designation"]);
    }
}
