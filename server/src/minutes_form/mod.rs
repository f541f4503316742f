//! The editor's form → `Minutes`. Every input is named by its JSON path
//! (`agenda[0].decisions[1].text`), so a form post becomes the same JSON a
//! meeting file holds and goes through the same reader, with the same error
//! paths. Digits typed in Bangla are read as ASCII in numbers, dates and times.
use app::domain::minutes::{Minutes, Problem};
use app::domain::numerals::to_ascii_digits;
use app::error::AppError;
use serde_json::{Map, Value};

mod buttons;
pub use buttons::apply;

/// One step of a path: a field name or a list index.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The deepest real path has 7 steps
/// (`agenda[0].decisions[0].implementers[0].office`), the longest name is
/// short; a name beyond these is not a field of the minutes. Bounding them
/// bounds the recursion below: a name of 200,000 segments would otherwise
/// overflow the stack, which aborts the whole process.
const MAX_DEPTH: usize = 8;
const MAX_NAME: usize = 120;
/// More inputs than the largest minutes the rules allow need.
pub const MAX_FIELDS: usize = 20_000;

fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    if path.len() > MAX_NAME {
        return None;
    }
    let mut out = vec![];
    for part in path.split('.') {
        let (name, mut rest) = part.split_at(part.find('[').unwrap_or(part.len()));
        if name.is_empty() {
            return None;
        }
        out.push(Step::Key(name));
        while let Some(inner) = rest.strip_prefix('[') {
            let (n, after) = inner.split_once(']')?;
            out.push(Step::Index(n.parse().ok()?));
            rest = after;
        }
        if !rest.is_empty() || out.len() > MAX_DEPTH {
            return None;
        }
    }
    Some(out)
}

/// Lists are kept as maps from index to entry until the end, so rows may
/// arrive in any order and with gaps (a removed row).
fn put(at: &mut Value, steps: &[Step], value: String) {
    let Some((first, rest)) = steps.split_first() else {
        *at = Value::String(value);
        return;
    };
    if !at.is_object() {
        *at = Value::Object(Map::new());
    }
    let map = at.as_object_mut().expect("made an object above");
    let key = match first {
        Step::Key(k) => k.to_string(),
        Step::Index(i) => format!("#{i:06}"),
    };
    put(map.entry(key).or_insert(Value::Null), rest, value);
}

/// Index maps become lists in index order; typed fields get their JSON types.
fn finish(value: Value, field: &str) -> Value {
    match value {
        Value::Object(map) if map.keys().all(|k| k.starts_with('#')) && !map.is_empty() => {
            Value::Array(map.into_iter().map(|(_, v)| finish(v, field)).collect())
        }
        Value::Object(map) => {
            let mut out = Map::new();
            for (k, v) in map {
                let v = finish(v, &k);
                out.insert(k, v);
            }
            typed_object(field, out)
        }
        Value::String(s) => typed_string(field, s),
        other => other,
    }
}

fn typed_string(field: &str, s: String) -> Value {
    let trimmed = s.trim();
    match field {
        "quarter" | "days" => {
            let ascii = to_ascii_digits(trimmed);
            ascii
                .parse::<u64>()
                .map(Value::from)
                .unwrap_or(Value::String(s))
        }
        "held_on" | "issued_on" | "on" | "starts_at" | "fiscal_year" => {
            Value::String(to_ascii_digits(trimmed))
        }
        // An empty choice is no value at all.
        "members" | "memo_number" if trimmed.is_empty() => Value::Null,
        _ => Value::String(s),
    }
}

fn typed_object(field: &str, mut map: Map<String, Value>) -> Value {
    match field {
        // deadline.kind with deadline.on / deadline.days → the format's form.
        "deadline" => {
            let kind = map
                .remove("kind")
                .and_then(|k| k.as_str().map(str::to_owned));
            match kind.as_deref() {
                Some("on") => serde_json::json!({ "on": map.remove("on").unwrap_or(Value::Null) }),
                Some("days_after_issue") => serde_json::json!({
                    "days_after_issue": map.remove("days").unwrap_or(Value::Null)
                }),
                Some("quarterly") => Value::String("quarterly".into()),
                Some("working_days_after_issue") => serde_json::json!({
                    "working_days_after_issue": map.remove("days").unwrap_or(Value::Null)
                }),
                _ => Value::String("none".into()),
            }
        }
        // A person left blank (no member secretary) is no person.
        "secretary" | "issuer"
            if map
                .values()
                .all(|v| v.as_str().is_some_and(|s| s.trim().is_empty())) =>
        {
            Value::Null
        }
        _ => Value::Object(map),
    }
}

/// Reads the editor's form fields. `issued_on` left empty is dropped, as are
/// the form's own fields (`version`, `op`). A name that is not a path of the
/// minutes, a row number past the most a list may hold, or more fields than
/// any minutes need are refused before anything is built from them.
pub fn read(pairs: &[(String, String)]) -> Result<Minutes, AppError> {
    if pairs.len() > MAX_FIELDS {
        return Err(AppError::problem("", "minutes.too_many_fields", None));
    }
    let mut root = Value::Object(Map::new());
    for (name, value) in pairs {
        if matches!(name.as_str(), "version" | "op") || (name == "issued_on" && value.is_empty()) {
            continue;
        }
        let Some(path) = steps(name) else {
            let shown: String = name.chars().take(MAX_NAME).collect();
            return Err(AppError::problem(shown, "minutes.unknown_field", None));
        };
        if path
            .iter()
            .any(|s| matches!(s, Step::Index(i) if *i >= app::domain::minutes::MAX_ROWS))
        {
            return Err(AppError::problem(name.clone(), "minutes.too_many", None));
        }
        put(&mut root, &path, value.clone());
    }
    // A list the form sent no row of is left out: the format reads it as empty.
    typed(finish(root, ""))
}

/// The unreadable fields reported at once; past them, the first ones.
const MAX_UNREADABLE: usize = 30;

/// Reads the form's JSON into minutes, saying what is wrong with every date,
/// time and number at once and in the user's words (the JSON reader stops
/// at the first, in its own): each unreadable one is noted and replaced by a
/// stand-in, and the reading goes on.
fn typed(mut value: Value) -> Result<Minutes, AppError> {
    let mut problems: Vec<Problem> = vec![];
    // Each round reads the whole form again to find the next field: a
    // bounded number, so a form of thousands of bad dates costs little.
    for _ in 0..MAX_UNREADABLE {
        let found = match crate::store::minutes::from_json(value.clone()) {
            Ok(m) if problems.is_empty() => return Ok(m),
            Ok(_) => return Err(AppError::Problems(problems)),
            Err(AppError::Problems(found)) => found,
            Err(other) => return Err(other),
        };
        let unreadable = found
            .first()
            .filter(|p| found.len() == 1 && p.key == "minutes.json")
            .and_then(|p| stand_in(&p.path).map(|s| (p.path.clone(), s)));
        let Some((path, (form_path, stand_in))) = unreadable else {
            problems.extend(found);
            return Err(AppError::Problems(problems));
        };
        let Some(slot) = value_at(&mut value, &path) else {
            problems.extend(found);
            return Err(AppError::Problems(problems));
        };
        let empty = slot.is_null() || slot.as_str().is_some_and(|s| s.trim().is_empty());
        let key = if empty {
            "minutes.required"
        } else {
            stand_in.0
        };
        problems.push(Problem {
            path: form_path,
            key: key.into(),
            detail: None,
        });
        *slot = stand_in.1;
    }
    Err(AppError::Problems(problems))
}

/// For a typed field the JSON reader could not read: the form's name of it,
/// the message key, and a stand-in value that reads.
fn stand_in(path: &str) -> Option<(String, (&'static str, Value))> {
    let (parent, last) = path.rsplit_once('.').unwrap_or(("", path));
    let join = |name: &str| {
        if parent.is_empty() {
            name.to_string()
        } else {
            format!("{parent}.{name}")
        }
    };
    let (name, key, value) = match last {
        "held_on" | "issued_on" | "on" => (last, "minutes.bad_date", Value::from("2000-01-01")),
        "starts_at" => (last, "minutes.bad_time", Value::from("10:00")),
        "quarter" => (last, "minutes.quarter", Value::from(1)),
        "days_after_issue" | "working_days_after_issue" => {
            ("days", "minutes.bad_days", Value::from(1))
        }
        _ => return None,
    };
    Some((join(name), (key, value)))
}

/// The value at a JSON reader's path ("agenda[0].decisions[1].deadline.on").
fn value_at<'a>(value: &'a mut Value, path: &str) -> Option<&'a mut Value> {
    let mut at = value;
    for step in path.split('.') {
        let (name, index) = match step.split_once('[') {
            Some((name, rest)) => (name, rest.trim_end_matches(']').parse::<usize>().ok()),
            None => (step, None),
        };
        at = at.get_mut(name)?;
        if let Some(i) = index {
            at = at.get_mut(i)?;
        }
    }
    Some(at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::Deadline;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    fn form() -> Vec<(String, String)> {
        pairs(&[
            ("version", "3"),
            ("format", "sidhanto.meeting/1"),
            ("kind", "citizen_charter_quarterly"),
            ("language", "bn"),
            ("office", "rangpur-division"),
            ("series", ""),
            ("fiscal_year", "২০২২-২৩"),
            ("quarter", "৪"),
            ("title", "৪র্থ ত্রৈমাসিক সভা"),
            ("held_on", "২০২৩-০৬-২২"),
            ("starts_at", "১০:৩০"),
            ("venue", "সম্মেলন কক্ষ"),
            ("chair.name", "মো: হাবিবুর রহমান"),
            ("chair.designation", "বিভাগীয় কমিশনার"),
            ("secretary.name", ""),
            ("secretary.designation", ""),
            ("preamble", "স্বাগত।"),
            ("closing", "সমাপ্তি।"),
            ("agenda[1].subject", "দ্বিতীয়"),
            ("agenda[0].subject", "প্রথম"),
            ("agenda[0].discussion", "আলোচনা"),
            ("agenda[0].decisions[0].text", "করতে হবে।"),
            (
                "agenda[0].decisions[0].implementers[0].office",
                "rangpur-division",
            ),
            ("agenda[0].decisions[0].implementers[0].members", "district"),
            (
                "agenda[0].decisions[0].implementers[0].label",
                "জেলা প্রশাসক (সকল)",
            ),
            ("agenda[0].decisions[0].deadline.kind", "days_after_issue"),
            ("agenda[0].decisions[0].deadline.days", "১০"),
            ("agenda[0].decisions[0].deadline.on", ""),
            ("agenda[1].discussion", ""),
            ("agenda[1].decisions[0].text", "আরেকটি।"),
            ("agenda[1].decisions[0].deadline.kind", "on"),
            ("agenda[1].decisions[0].deadline.on", "2023-07-05"),
            ("distribution.heading", "সদয় অবগতির জন্য"),
            ("distribution.recipients[0]", "জেলা প্রশাসক (সকল)"),
            ("status", "draft"),
            ("memo_number", ""),
            ("issued_on", ""),
        ])
    }

    #[test]
    fn a_form_post_reads_as_minutes_with_bangla_digits_and_rows_in_order() {
        let m = read(&form()).unwrap();
        assert_eq!(m.fiscal_year, "2022-23");
        assert_eq!(m.quarter, 4);
        assert_eq!(m.held_on.to_string(), "2023-06-22");
        assert_eq!(m.starts_at.to_string(), "10:30:00");
        assert_eq!(m.secretary, None, "a blank person is no person");
        assert_eq!(m.memo_number, None);
        assert_eq!(m.agenda[0].subject, "প্রথম");
        assert_eq!(m.agenda[1].subject, "দ্বিতীয়");
        let d = &m.agenda[0].decisions[0];
        assert_eq!(d.deadline, Deadline::DaysAfterIssue(10));
        assert_eq!(d.implementers[0].members.as_deref(), Some("district"));
        assert!(m.agenda[1].decisions[0].implementers.is_empty());
        assert_eq!(
            m.agenda[1].decisions[0].deadline,
            Deadline::On(chrono::NaiveDate::from_ymd_opt(2023, 7, 5).unwrap())
        );
        assert!(m.attendees.is_empty());
        assert_eq!(m.distribution.recipients, ["জেলা প্রশাসক (সকল)"]);
    }

    fn problem_of(f: &[(String, String)]) -> (String, String) {
        match read(f) {
            Err(AppError::Problems(p)) => (p[0].path.clone(), p[0].key.clone()),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_name_of_200000_segments_is_refused_not_a_stack_overflow() {
        // Before the depth bound this aborted the process (stack overflow).
        let mut f = form();
        f.push(("a.".repeat(200_000) + "a", "x".into()));
        assert_eq!(problem_of(&f).1, "minutes.unknown_field");
        let mut f = form();
        f.push(("a[0]".repeat(20) + ".b", "x".into()));
        assert_eq!(problem_of(&f).1, "minutes.unknown_field");
    }

    #[test]
    fn too_many_fields_or_rows_are_refused_with_a_message() {
        let mut f = form();
        f.extend((0..MAX_FIELDS).map(|i| (format!("attendees[{}].name", i % 400), "x".into())));
        assert_eq!(problem_of(&f).1, "minutes.too_many_fields");
        let mut f = form();
        f.push(("agenda[500].subject".into(), "x".into()));
        assert_eq!(
            problem_of(&f),
            ("agenda[500].subject".into(), "minutes.too_many".into())
        );
        let mut f = form();
        f.push(("agenda[499].subject".into(), "x".into()));
        assert!(read(&f).is_ok(), "the last allowed row is read");
    }

    #[test]
    fn a_bad_value_is_reported_at_its_field() {
        let mut f = form();
        f.retain(|(k, _)| k != "held_on");
        f.push(("held_on".into(), "২২ জুন".into()));
        match read(&f) {
            Err(AppError::Problems(p)) => assert_eq!(p[0].path, "held_on"),
            other => panic!("{other:?}"),
        }
    }

    /// Every unreadable date, time and number at once, in the user's words
    /// (was: the first one only, as "could not read the JSON").
    #[test]
    fn every_bad_date_time_and_number_is_reported_at_once() {
        let mut f = form();
        f.retain(|(k, _)| !matches!(k.as_str(), "held_on" | "starts_at" | "quarter"));
        f.push(("held_on".into(), "2026-13-45".into()));
        f.push(("starts_at".into(), "".into()));
        f.push(("quarter".into(), "চার".into()));
        f.push((
            "agenda[0].decisions[0].deadline.kind".into(),
            "days_after_issue".into(),
        ));
        f.push(("agenda[0].decisions[0].deadline.days".into(), "দশ".into()));
        let Err(AppError::Problems(p)) = read(&f) else {
            panic!("refused")
        };
        let mut found: Vec<(&str, &str)> = p
            .iter()
            .map(|p| (p.path.as_str(), p.key.as_str()))
            .collect();
        found.sort();
        assert_eq!(
            found,
            [
                ("agenda[0].decisions[0].deadline.days", "minutes.bad_days"),
                ("held_on", "minutes.bad_date"),
                ("quarter", "minutes.quarter"),
                ("starts_at", "minutes.required"),
            ]
        );
    }
}
