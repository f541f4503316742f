//! What leaves the application about tracking: the daily reminder e-mail,
//! the implementation report's lines and CSV.
use super::{AssignmentRow, Urgency};
use crate::i18n::{t, Lang};
use chrono::NaiveDate;

/// The daily reminder e-mail of one office: (subject, plain-text body) in
/// `lang`, overdue work first.
pub fn digest(office: &str, rows: &[AssignmentRow], site: &str, lang: Lang) -> (String, String) {
    let say = |key| t(lang, key);
    let number = |n: u64, width: usize| match lang {
        Lang::Bn => crate::domain::numerals::bangla_number(n, width),
        Lang::En => format!("{n:0width$}"),
    };
    let digits = |text: &str| match lang {
        Lang::Bn => crate::domain::numerals::to_bangla_digits(text),
        Lang::En => text.to_string(),
    };
    let date = |d: NaiveDate| match lang {
        Lang::Bn => crate::domain::dates::date_bn(d),
        Lang::En => d.format("%-d %B %Y").to_string(),
    };
    let count = |u: Urgency| rows.iter().filter(|r| r.urgency == u).count() as u64;
    let subject = format!(
        "{}: {office} — {} {}, {} {}",
        say("digest.subject"),
        say("tracking.overdue"),
        number(count(Urgency::Overdue), 1),
        say("tracking.due_soon"),
        number(count(Urgency::DueSoon), 1)
    );
    let mut body = format!("{office}\n\n{}\n\n", say("digest.pending"));
    for r in rows {
        let label = match r.urgency {
            Urgency::Overdue => say("tracking.overdue"),
            _ => say("tracking.due_soon"),
        };
        body.push_str(&format!(
            "[{label}] {} {} — {} {} — {} {}.{}: {}\n{site}/assignments/{}\n\n",
            say("tracking.deadline"),
            r.due_on.map(date).unwrap_or_default(),
            say("digest.memo_no"),
            digits(r.memo_number.as_deref().unwrap_or("—")),
            say("meeting.decision"),
            number(r.item as u64, 2),
            number(r.decision as u64, 1),
            r.decision_text,
            r.id
        ));
    }
    body.push_str(say("digest.footer"));
    body.push('\n');
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
}
