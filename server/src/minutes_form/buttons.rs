//! The editor's row buttons (add, remove, move up), applied to the minutes
//! read from the form.
use super::{steps, Step};
use app::domain::minutes::Minutes;

/// The editor's row buttons, sent as `op`: `add:agenda`, `remove:agenda[1]`,
/// `up:agenda[0].decisions[2]` … They work without JavaScript (each is a
/// submit button) and change only the list they name. Returns the anchor of
/// the row to scroll back to, or None for an op that names no list.
pub fn apply(m: &mut Minutes, op: &str, office: &str) -> Option<String> {
    use app::domain::minutes::{AgendaItem, Attendee, Decision, Implementer};
    let (verb, path) = op.split_once(':')?;
    let steps = steps(path)?;
    // For add the path is the list; for remove/up it ends with the row.
    let (list, row) = match (verb, steps.last()) {
        ("add", _) => (&steps[..], None),
        (_, Some(Step::Index(i))) => (&steps[..steps.len() - 1], Some(*i)),
        _ => return None,
    };
    fn edit<T: Default>(list: &mut Vec<T>, verb: &str, row: Option<usize>) -> Option<usize> {
        match (verb, row) {
            ("add", None) => {
                list.push(T::default());
                Some(list.len() - 1)
            }
            ("remove", Some(i)) if i < list.len() => {
                list.remove(i);
                Some(i.saturating_sub(1))
            }
            ("up", Some(i)) if i > 0 && i < list.len() => {
                list.swap(i - 1, i);
                Some(i - 1)
            }
            _ => None,
        }
    }
    fn key<'a>(s: &Step<'a>) -> Option<&'a str> {
        match s {
            Step::Key(k) => Some(k),
            Step::Index(_) => None,
        }
    }
    fn index(s: &Step) -> Option<usize> {
        match s {
            Step::Index(i) => Some(*i),
            Step::Key(_) => None,
        }
    }
    let at = match list {
        [a] if key(a) == Some("attendees") => {
            edit::<Attendee>(&mut m.attendees, verb, row).map(|i| format!("attendees[{i}]"))
        }
        [a] if key(a) == Some("agenda") => {
            edit::<AgendaItem>(&mut m.agenda, verb, row).map(|i| format!("agenda[{i}]"))
        }
        [d, r] if key(d) == Some("distribution") && key(r) == Some("recipients") => {
            edit::<String>(&mut m.distribution.recipients, verb, row)
                .map(|i| format!("distribution.recipients[{i}]"))
        }
        [a, i, d] if key(a) == Some("agenda") && key(d) == Some("decisions") => {
            let i = index(i)?;
            let item = m.agenda.get_mut(i)?;
            edit::<Decision>(&mut item.decisions, verb, row)
                .map(|j| format!("agenda[{i}].decisions[{j}]"))
        }
        [a, i, d, j, p]
            if key(a) == Some("agenda")
                && key(d) == Some("decisions")
                && key(p) == Some("implementers") =>
        {
            let (i, j) = (index(i)?, index(j)?);
            let decision = m.agenda.get_mut(i)?.decisions.get_mut(j)?;
            let added = edit::<Implementer>(&mut decision.implementers, verb, row);
            // A new implementer starts as the meeting's own office.
            if verb == "add" {
                if let Some(last) = decision.implementers.last_mut() {
                    last.office = office.to_string();
                }
            }
            added.map(|k| format!("agenda[{i}].decisions[{j}].implementers[{k}]"))
        }
        _ => None,
    };
    at
}

#[cfg(test)]
mod op_tests {
    use super::*;
    use app::domain::minutes::AgendaItem;

    #[test]
    fn row_buttons_add_remove_and_move_rows() {
        let date = chrono::NaiveDate::from_ymd_opt(2023, 6, 22).unwrap();
        let mut m = Minutes::new("rangpur-division", date);
        for subject in ["ক", "খ", "গ"] {
            m.agenda.push(AgendaItem {
                subject: subject.into(),
                ..Default::default()
            });
        }
        let subjects = |m: &Minutes| {
            m.agenda
                .iter()
                .map(|a| a.subject.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            apply(&mut m, "up:agenda[2]", "x").as_deref(),
            Some("agenda[1]")
        );
        assert_eq!(subjects(&m), ["ক", "গ", "খ"]);
        assert_eq!(
            apply(&mut m, "remove:agenda[0]", "x").as_deref(),
            Some("agenda[0]")
        );
        assert_eq!(subjects(&m), ["গ", "খ"]);
        assert_eq!(
            apply(&mut m, "add:agenda[1].decisions", "x").as_deref(),
            Some("agenda[1].decisions[0]")
        );
        assert_eq!(
            apply(
                &mut m,
                "add:agenda[1].decisions[0].implementers",
                "rangpur-division"
            )
            .as_deref(),
            Some("agenda[1].decisions[0].implementers[0]")
        );
        assert_eq!(
            m.agenda[1].decisions[0].implementers[0].office,
            "rangpur-division"
        );
        assert_eq!(
            apply(&mut m, "up:agenda[0]", "x"),
            None,
            "the first row cannot go up"
        );
        assert_eq!(apply(&mut m, "remove:agenda[9]", "x"), None);
        assert_eq!(apply(&mut m, "add:title", "x"), None);
        assert_eq!(
            apply(&mut m, "add:distribution.recipients", "x").as_deref(),
            Some("distribution.recipients[0]")
        );
    }
}
