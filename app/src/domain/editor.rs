//! The editor's form as data: every input is named by its JSON path in the
//! meeting format (`agenda[0].decisions[1].text`) and holds the text shown in
//! it. The server reads a posted form back with `server::minutes_form::read`;
//! here the other direction, minutes → the values the inputs start with, and
//! the row structure the page lays out from those values (so a form that came
//! back with errors is shown exactly as it was typed).
use super::meeting::Deadline;
use super::minutes::{Minutes, Person, Problem};
use super::numerals::to_bangla_digits;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use uuid::Uuid;

/// Input name → the text in it.
pub type Values = BTreeMap<String, String>;

/// The inputs of `m`, with digits in Bangla when `bangla` (dates, times,
/// fiscal year, quarter, days), as a Bangla user reads them.
pub fn values(m: &Minutes, bangla: bool) -> Values {
    let digits = |s: String| if bangla { to_bangla_digits(&s) } else { s };
    let mut v = Values::new();
    let mut put = |k: String, s: String| {
        v.insert(k, s);
    };
    put("kind".into(), m.kind.code().into());
    put("language".into(), m.language.clone());
    put("office".into(), m.office.clone());
    put("series".into(), m.series.clone());
    put("fiscal_year".into(), digits(m.fiscal_year.clone()));
    put("quarter".into(), digits(m.quarter.to_string()));
    put("title".into(), m.title.clone());
    put("held_on".into(), digits(m.held_on.to_string()));
    put(
        "starts_at".into(),
        digits(m.starts_at.format("%H:%M").to_string()),
    );
    put("venue".into(), m.venue.clone());
    let mut person = |at: &str, p: Option<&Person>| {
        let p = p.cloned().unwrap_or_default();
        put(format!("{at}.name"), p.name);
        put(format!("{at}.designation"), p.designation);
    };
    person("chair", Some(&m.chair));
    person("secretary", m.secretary.as_ref());
    person("issuer", m.issuer.as_ref());
    put("preamble".into(), m.preamble.clone());
    put("closing".into(), m.closing.clone());
    for (i, a) in m.attendees.iter().enumerate() {
        put(format!("attendees[{i}].name"), a.name.clone());
        put(format!("attendees[{i}].designation"), a.designation.clone());
        put(format!("attendees[{i}].office"), a.office.clone());
    }
    for (i, item) in m.agenda.iter().enumerate() {
        let at = format!("agenda[{i}]");
        put(format!("{at}.subject"), item.subject.clone());
        put(format!("{at}.discussion"), item.discussion.clone());
        for (j, d) in item.decisions.iter().enumerate() {
            let at = format!("{at}.decisions[{j}]");
            put(format!("{at}.text"), d.text.clone());
            for (k, imp) in d.implementers.iter().enumerate() {
                let at = format!("{at}.implementers[{k}]");
                put(format!("{at}.office"), imp.office.clone());
                put(
                    format!("{at}.members"),
                    imp.members.clone().unwrap_or_default(),
                );
                put(format!("{at}.label"), imp.label.clone());
            }
            let (kind, on, days) = match d.deadline {
                Deadline::None => ("none", String::new(), String::new()),
                Deadline::On(day) => ("on", digits(day.to_string()), String::new()),
                Deadline::DaysAfterIssue(n) => {
                    ("days_after_issue", String::new(), digits(n.to_string()))
                }
                Deadline::Quarterly => ("quarterly", String::new(), String::new()),
                Deadline::WorkingDaysAfterIssue(n) => (
                    "working_days_after_issue",
                    String::new(),
                    digits(n.to_string()),
                ),
            };
            put(format!("{at}.deadline.kind"), kind.into());
            put(format!("{at}.deadline.on"), on);
            put(format!("{at}.deadline.days"), days);
        }
    }
    put(
        "distribution.heading".into(),
        m.distribution.heading.clone(),
    );
    for (i, r) in m.distribution.recipients.iter().enumerate() {
        put(format!("distribution.recipients[{i}]"), r.clone());
    }
    v
}

/// How many rows `list` has: rows are numbered from 0 and every row has a
/// `probe` input (`rows(v, "agenda", ".subject")`).
pub fn rows(values: &Values, list: &str, probe: &str) -> usize {
    (0..)
        .take_while(|i| values.contains_key(&format!("{list}[{i}]{probe}")))
        .count()
}

/// An element id for a path: `agenda[0].decisions[1].text` →
/// `f-agenda-0-decisions-1-text` (no brackets or dots, so it is a plain
/// fragment and CSS selector).
pub fn dom_id(path: &str) -> String {
    let mut id = String::from("f-");
    for c in path.chars() {
        match c {
            '[' | '.' => id.push('-'),
            ']' => {}
            c => id.push(c),
        }
    }
    id
}

/// What the editor page shows: the form's values, the problems to show next
/// to their fields, a notice ("saved", "conflict"), and the choices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditorState {
    /// None for a meeting not created yet.
    pub id: Option<Uuid>,
    /// The version the form was read at; a save from an older one is a conflict.
    pub version: i32,
    pub values: Values,
    pub problems: Vec<Problem>,
    /// An i18n key: `editor.saved`, `editor.conflict` …
    pub notice: Option<String>,
    /// Every office, for implementers: (code, name in the page's language).
    pub offices: Vec<(String, String)>,
    /// The offices this user may create minutes for (a new meeting only).
    pub own_offices: Vec<(String, String)>,
    /// The people directory, for the name suggestions: (name, designation, office).
    pub people: Vec<(String, String, String)>,
    /// Where each text that looks like Bijoy would go after conversion: (path, Unicode).
    pub bijoy: Vec<(String, String)>,
}

/// A meeting's minutes as the editor opens them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub minutes: Minutes,
    pub version: i32,
    pub office_id: Uuid,
}

/// A form that came back (bad input, a conflict) or a save's notice, kept in
/// the session for the next page view of the editor and read once.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Flash {
    /// The form as typed; None after a save (the stored minutes are shown).
    pub values: Option<Values>,
    pub problems: Vec<Problem>,
    pub notice: Option<String>,
    /// The row a "+ add" button just made (`agenda[2]`): empty, but not
    /// wrong, until the user fills or saves it.
    #[serde(default)]
    pub added: Option<String>,
}

/// The problems to show after a row was added: none inside the new row.
pub fn outside_new_row(problems: Vec<Problem>, added: Option<&str>) -> Vec<Problem> {
    let Some(row) = added else {
        return problems;
    };
    let inside = |path: &str| {
        path == row
            || path
                .strip_prefix(row)
                .is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
    };
    problems.into_iter().filter(|p| !inside(&p.path)).collect()
}

/// The session key of the editor's flash for a meeting (or a new one).
pub fn flash_key(id: Option<Uuid>) -> String {
    match id {
        Some(id) => format!("editor:{id}"),
        None => "editor:new".into(),
    }
}

/// The problems to show at `path`: exactly there, or (for a list) at it.
pub fn problems_at<'a>(problems: &'a [Problem], path: &str) -> Vec<&'a Problem> {
    problems.iter().filter(|p| p.path == path).collect()
}

/// A field's path as a person names it: each step's label key and, for a
/// row of a list, its number counted from one.
/// `agenda[0].decisions[1].text` → item 1 › decision 2 › (its text). None
/// when a step has no label (the summary then shows the path).
pub fn field_label(path: &str) -> Option<Vec<(&'static str, Option<usize>)>> {
    let mut out = vec![];
    let mut parent = "";
    for step in path.split('.') {
        let (name, row) = match step.split_once('[') {
            Some((name, rest)) => (
                name,
                rest.trim_end_matches(']')
                    .parse::<usize>()
                    .ok()
                    .map(|n| n + 1),
            ),
            None => (step, None),
        };
        let key = match (parent, name) {
            // A whole list (its own problem: "at least one …").
            (_, "attendees") if row.is_none() => "editor.attendees",
            (_, "agenda") if row.is_none() => "editor.agenda",
            (_, "implementers") if row.is_none() => "editor.implementers",
            (_, "recipients") if row.is_none() => "editor.distribution",
            (_, "attendees") => "editor.attendee",
            (_, "agenda") => "editor.item",
            (_, "decisions") => "editor.decision",
            (_, "implementers") => "editor.implementer",
            ("recipients" | "distribution", "recipients") => "editor.recipient",
            ("distribution", "heading") => "editor.heading",
            ("", "distribution") => "editor.distribution",
            ("attendees", "office") => "editor.attendee_office",
            ("implementers", "office") => "editor.implementer_office",
            ("decisions", "text") => "editor.decision_text",
            ("deadline", "kind") => "editor.deadline",
            ("deadline", "on") => "editor.deadline_on",
            ("deadline", "days") => "editor.deadline_days",
            (_, "office") => "editor.office",
            (_, "chair") => "editor.chair",
            (_, "secretary") => "editor.secretary",
            (_, "issuer") => "editor.issuer",
            (_, "name") => "editor.name",
            (_, "designation") => "editor.designation",
            (_, "subject") => "editor.subject",
            (_, "discussion") => "editor.discussion",
            (_, "members") => "editor.members",
            (_, "label") => "editor.label",
            (_, "deadline") => "editor.deadline",
            (_, other) => FIELDS
                .iter()
                .copied()
                .find(|k| k.strip_prefix("editor.") == Some(other))?,
        };
        // "deadline.kind" says no more than "deadline".
        if out.last().is_some_and(|(k, _)| *k == key) {
            continue;
        }
        out.push((key, row));
        parent = name;
    }
    Some(out)
}

/// The minutes' own fields that have a label of their own.
const FIELDS: [&str; 11] = [
    "editor.kind",
    "editor.language",
    "editor.series",
    "editor.fiscal_year",
    "editor.quarter",
    "editor.title",
    "editor.held_on",
    "editor.starts_at",
    "editor.venue",
    "editor.preamble",
    "editor.closing",
];

#[cfg(test)]
mod tests {

    #[test]
    fn a_new_row_is_not_flagged_until_it_is_filled_or_saved() {
        let p = |path: &str| Problem {
            path: path.into(),
            key: "minutes.required".into(),
            detail: None,
        };
        let all = vec![
            p("venue"),
            p("agenda[2].subject"),
            p("agenda[2].decisions[0].text"),
            p("agenda[20].subject"),
        ];
        let shown = outside_new_row(all.clone(), Some("agenda[2]"));
        assert_eq!(
            shown.iter().map(|p| p.path.as_str()).collect::<Vec<_>>(),
            ["venue", "agenda[20].subject"]
        );
        assert_eq!(outside_new_row(all.clone(), None), all);
    }

    use super::*;
    use crate::domain::minutes::{AgendaItem, Decision, Implementer};
    use chrono::NaiveDate;

    fn minutes() -> Minutes {
        let mut m = Minutes::new(
            "rangpur-division",
            NaiveDate::from_ymd_opt(2023, 6, 22).unwrap(),
        );
        m.agenda.push(AgendaItem {
            subject: "ক".into(),
            discussion: String::new(),
            decisions: vec![
                Decision {
                    text: "এক".into(),
                    implementers: vec![Implementer {
                        office: "rangpur-division".into(),
                        members: Some("district".into()),
                        label: "জেলা প্রশাসক (সকল)".into(),
                    }],
                    deadline: Deadline::DaysAfterIssue(10),
                },
                Decision::default(),
            ],
        });
        m
    }

    #[test]
    fn values_name_every_input_by_its_path_with_bangla_digits() {
        let v = values(&minutes(), true);
        assert_eq!(v["held_on"], "২০২৩-০৬-২২");
        assert_eq!(v["fiscal_year"], "২০২২-২৩");
        assert_eq!(v["quarter"], "৪");
        assert_eq!(v["starts_at"], "১০:০০");
        assert_eq!(v["secretary.name"], "", "no secretary: blank inputs");
        assert_eq!(
            v["agenda[0].decisions[0].deadline.kind"],
            "days_after_issue"
        );
        assert_eq!(v["agenda[0].decisions[0].deadline.days"], "১০");
        assert_eq!(
            v["agenda[0].decisions[0].implementers[0].members"],
            "district"
        );
        assert_eq!(v["agenda[0].decisions[1].deadline.kind"], "none");
        assert_eq!(values(&minutes(), false)["held_on"], "2023-06-22");
    }

    #[test]
    fn rows_are_counted_from_the_values() {
        let v = values(&minutes(), true);
        assert_eq!(rows(&v, "agenda", ".subject"), 1);
        assert_eq!(rows(&v, "agenda[0].decisions", ".text"), 2);
        assert_eq!(rows(&v, "agenda[0].decisions[0].implementers", ".label"), 1);
        assert_eq!(rows(&v, "agenda[0].decisions[1].implementers", ".label"), 0);
        assert_eq!(rows(&v, "attendees", ".designation"), 0);
        assert_eq!(rows(&v, "distribution.recipients", ""), 0);
    }

    #[test]
    fn ids_are_plain() {
        assert_eq!(
            dom_id("agenda[0].decisions[12].text"),
            "f-agenda-0-decisions-12-text"
        );
    }

    #[test]
    fn a_field_is_named_as_people_name_it() {
        assert_eq!(
            field_label("agenda[0].decisions[1].implementers[2].office"),
            Some(vec![
                ("editor.item", Some(1)),
                ("editor.decision", Some(2)),
                ("editor.implementer", Some(3)),
                ("editor.implementer_office", None),
            ])
        );
        assert_eq!(
            field_label("chair.designation"),
            Some(vec![("editor.chair", None), ("editor.designation", None)])
        );
        assert_eq!(
            field_label("distribution.recipients[0]"),
            Some(vec![
                ("editor.distribution", None),
                ("editor.recipient", Some(1))
            ])
        );
        assert_eq!(
            field_label("agenda[0].decisions[0].deadline.kind"),
            Some(vec![
                ("editor.item", Some(1)),
                ("editor.decision", Some(1)),
                ("editor.deadline", None),
            ])
        );
        assert_eq!(field_label("venue"), Some(vec![("editor.venue", None)]));
        assert_eq!(
            field_label("attendees"),
            Some(vec![("editor.attendees", None)])
        );
        assert_eq!(field_label("format"), None);
    }
}
