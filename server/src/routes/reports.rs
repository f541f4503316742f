//! `GET /reports/implementation.{csv,xlsx}[?meeting=ID]`: the quarterly
//! implementation report, one line per office's part of each decision, over
//! the assignments the user's offices see (as the dashboard counts them).
use super::{Caller, Refusal};
use app::domain::auth::Permission;
use app::domain::tracking::{csv, report_line, REPORT_COLUMNS};
use app::i18n::t;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::Arc;
use uuid::Uuid;

#[derive(serde::Deserialize)]
pub struct Filter {
    meeting: Option<Uuid>,
}

pub async fn implementation(
    State(services): State<Arc<app::ports::Services>>,
    State(slots): State<crate::memo::RenderSlots>,
    caller: Caller,
    Path(format): Path<String>,
    Query(filter): Query<Filter>,
) -> Result<Response, Refusal> {
    let lang = caller.lang;
    let user = caller.require(&Permission::SignedIn)?;
    let mut offices: Vec<Uuid> = user.reach.iter().map(|(_, o)| *o).collect();
    offices.sort();
    offices.dedup();
    let rows = services
        .tracking
        .report(offices, filter.meeting)
        .await
        .map_err(Refusal::bare)?;
    let say = |k: &str| t(lang, k).to_string();
    let mut lines = vec![REPORT_COLUMNS.iter().map(|k| say(k)).collect::<Vec<_>>()];
    lines.extend(rows.iter().map(|(r, done)| report_line(r, *done, say)));
    let (kind, body) = match format.as_str() {
        "implementation.csv" => ("text/csv; charset=utf-8", csv(&lines).into_bytes()),
        "implementation.xlsx" => match xlsx(&lines) {
            Ok(bytes) => (
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                bytes,
            ),
            Err(e) => {
                tracing::error!(error = %e, "writing the XLSX report");
                return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response());
            }
        },
        "implementation.pdf" => {
            let _slot = slots.take().await.ok_or(Refusal::busy(lang))?;
            ("application/pdf", pdf(&rows, lang).await)
        }
        _ => return Ok(StatusCode::NOT_FOUND.into_response()),
    };
    Ok((
        [
            (header::CONTENT_TYPE, kind.to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!(
                    "attachment; filename=\"{}\"",
                    file_name(&format, filter.meeting.is_some(), &rows)
                ),
            ),
        ],
        body,
    )
        .into_response())
}

/// "implementation-<memo number>-<date>.csv" for one meeting's report
/// ("implementation-meeting-…" before it has a number),
/// "implementation-all-<date>.csv" for all: downloads keep apart.
fn file_name(
    format: &str,
    one_meeting: bool,
    rows: &[(
        app::domain::tracking::AssignmentRow,
        Option<chrono::NaiveDate>,
    )],
) -> String {
    let (stem, ext) = format.split_once('.').unwrap_or((format, ""));
    let which = match (
        one_meeting,
        rows.iter().find_map(|(r, _)| r.memo_number.as_deref()),
    ) {
        (true, Some(number)) => number,
        (true, None) => "meeting",
        (false, _) => "all",
    };
    // Only characters every file system and header takes.
    let which: String = which
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!(
        "{stem}-{which}-{}.{ext}",
        app::domain::dates::today_in_dhaka()
    )
}

/// The report as a PDF table, in the memo's type (CPU work, off the executor).
async fn pdf(
    rows: &[(
        app::domain::tracking::AssignmentRow,
        Option<chrono::NaiveDate>,
    )],
    lang: app::i18n::Lang,
) -> Vec<u8> {
    let say = |k: &str| t(lang, k).to_string();
    use app::domain::dates::date_bn;
    use app::domain::numerals::{bangla_number, to_bangla_digits};
    let title = say("report.title");
    let header: Vec<String> = ["meeting.serial", "tracking.decision", "report.offices"]
        .iter()
        .map(|k| say(k))
        .collect();
    // One section per memo; one row per decision, its offices with their
    // status (and the day reported done).
    let mut sections: Vec<(String, Vec<Vec<String>>)> = vec![];
    let mut last: Option<(Option<String>, usize, usize)> = None;
    for (r, done) in rows {
        let memo = r.memo_number.clone();
        if sections.is_empty() || last.as_ref().map(|l| &l.0) != Some(&memo) {
            let heading = format!(
                "{} {} — {}",
                say("meeting.memo_number"),
                to_bangla_digits(memo.as_deref().unwrap_or("—")),
                r.meeting_title
            );
            sections.push((heading, vec![]));
            last = None;
        }
        let status = say(&format!("tracking.status.{}", r.status.code()));
        let line = match done {
            Some(d) => format!("{}: {status} ({})", r.office, date_bn(*d)),
            None => format!("{}: {status}", r.office),
        };
        let table = &mut sections.last_mut().expect("pushed above").1;
        let key = (memo.clone(), r.item, r.decision);
        if last.as_ref() == Some(&key) {
            if let Some(row) = table.last_mut() {
                row[2].push('\n');
                row[2].push_str(&line);
            }
        } else {
            let due = r
                .due_on
                .map(|d| format!("\n{}: {}", say("tracking.deadline"), date_bn(d)));
            table.push(vec![
                format!(
                    "{}.{}",
                    bangla_number(r.item as u64, 2),
                    bangla_number(r.decision as u64, 1)
                ),
                format!("{}{}", r.decision_text, due.unwrap_or_default()),
                line,
            ]);
        }
        last = Some(key);
    }
    tokio::task::spawn_blocking(move || {
        let header: Vec<&str> = header.iter().map(String::as_str).collect();
        crate::memo::render_table(
            &title,
            &header,
            &[34.0, 200.0, 230.0],
            sections,
            crate::memo::fonts::for_memo(""),
            crate::memo::words::Words::of(lang.code()),
        )
    })
    .await
    .unwrap_or_default()
}

/// The lines as one worksheet: a bold, frozen header row, columns sized.
fn xlsx(lines: &[Vec<String>]) -> Result<Vec<u8>, rust_xlsxwriter::XlsxError> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let bold = Format::new().set_bold();
    let wrap = Format::new().set_text_wrap();
    for (r, line) in lines.iter().enumerate() {
        for (c, cell) in line.iter().enumerate() {
            let format = if r == 0 { &bold } else { &wrap };
            sheet.write_string_with_format(r as u32, c as u16, cell, format)?;
        }
    }
    for (c, width) in [26, 40, 8, 60, 36, 12, 20, 12, 10].into_iter().enumerate() {
        sheet.set_column_width(c as u16, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::tracking::{AssignmentRow, Progress, Urgency};

    fn row(memo: &str) -> (AssignmentRow, Option<chrono::NaiveDate>) {
        let row = AssignmentRow {
            id: Uuid::nil(),
            meeting_id: Uuid::nil(),
            meeting_title: "সভা".into(),
            memo_number: Some(memo.into()),
            item: 1,
            decision: 1,
            decision_text: String::new(),
            office: String::new(),
            due_on: None,
            status: Progress::NotStarted,
            urgency: Urgency::Open,
        };
        (row, None)
    }

    #[test]
    fn report_files_are_named_by_memo_and_day() {
        let today = app::domain::dates::today_in_dhaka();
        let name = |format, one, rows: &[_]| file_name(format, one, rows);
        assert_eq!(
            name("implementation.csv", true, &[row("05.47.0000.005")]),
            format!("implementation-05.47.0000.005-{today}.csv")
        );
        assert_eq!(
            name("implementation.xlsx", false, &[row("1")]),
            format!("implementation-all-{today}.xlsx"),
            "all meetings, even when the rows share one memo"
        );
        assert_eq!(
            name("implementation.csv", true, &[]),
            format!("implementation-meeting-{today}.csv")
        );
        assert_eq!(
            name("implementation.pdf", true, &[row("১২/ক\"x")]),
            format!("implementation------x-{today}.pdf"),
            "nothing a header or a file system would choke on"
        );
    }
}
