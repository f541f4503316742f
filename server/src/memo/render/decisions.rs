//! The decisions table, and the earlier meetings' decisions carried forward.
use super::flow::{Align, Flow};
use super::table::{cell, Table};
use super::{LEADING, LEFT, SIZE, WIDTH};
use crate::memo::layout::Line;
use crate::memo::shape::Weight;
use crate::memo::words::Words;
use app::domain::decision_marker;
use app::domain::minutes::{AgendaItem, Decision, Minutes};
use app::domain::tracking::Progress;
use app::domain::Meeting;

/// The decisions table: per agenda item its subject, discussion, decisions
/// and implementers.
pub(super) fn decisions(flow: &mut Flow, m: &Minutes, w: &Words) {
    let size = SIZE - 1.0;
    let widths = vec![32.0, 78.0, 150.0, 130.0, WIDTH - 390.0];
    let rows = m
        .agenda
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let text = |t: &str, col: usize| cell(flow, t, Weight::Regular, size, widths[col]);
            let (decisions, implementers) =
                decision_lines(flow, item, w, size, (widths[3], widths[4]));
            vec![
                text(&w.number(i + 1, 2), 0),
                text(&item.subject, 1),
                text(&item.discussion, 2),
                decisions,
                implementers,
            ]
        })
        .collect();
    let table = Table::of_lines(
        flow,
        widths,
        &[
            w.say("memo.serial"),
            w.say("memo.subject"),
            w.say("memo.discussion"),
            w.say("memo.decision"),
            w.say("memo.implementer"),
        ],
        rows,
        size,
    );
    table.draw(flow);
}

/// An agenda item's decisions column and implementers column. Several
/// decisions are numbered ("১।", "২।", as the seed does); when they differ in
/// who carries them out, each decision's implementers carry its number and
/// start on its line, so a reader sees which office does what. When every
/// decision has the same implementers they are listed once.
fn decision_lines(
    flow: &Flow,
    item: &AgendaItem,
    w: &Words,
    size: f32,
    (decision_width, implementer_width): (f32, f32),
) -> (Vec<Line>, Vec<Line>) {
    let n = item.decisions.len();
    let numbered = |j: usize, text: &str| match decision_marker(j, n, w.lang()) {
        None => text.to_string(),
        Some(marker) => format!("{marker} {text}"),
    };
    let decisions: Vec<Vec<Line>> = item
        .decisions
        .iter()
        .enumerate()
        .map(|(j, d)| {
            cell(
                flow,
                &numbered(j, &d.text),
                Weight::Regular,
                size,
                decision_width,
            )
        })
        .collect();
    let labels = |d: &Decision| {
        d.implementers
            .iter()
            .map(|i| i.label.clone())
            .collect::<Vec<_>>()
    };
    let shared = item
        .decisions
        .windows(2)
        .all(|p| labels(&p[0]) == labels(&p[1]));
    if shared {
        let all = item.implementer_labels().join("\n");
        return (
            decisions.concat(),
            cell(flow, &all, Weight::Regular, size, implementer_width),
        );
    }
    let mut left = vec![];
    let mut right = vec![];
    for (j, (d, lines)) in item.decisions.iter().zip(decisions).enumerate() {
        let mut own = labels(d);
        if let Some(first) = own.first_mut() {
            *first = numbered(j, first);
        }
        let own = cell(
            flow,
            &own.join("\n"),
            Weight::Regular,
            size,
            implementer_width,
        );
        // Both columns padded to the taller, so the next decision and its
        // implementers start on one line.
        let height = lines.len().max(own.len());
        left.extend(padded(lines, height));
        right.extend(padded(own, height));
    }
    (left, right)
}

/// `lines` with blank lines after them, `height` lines in all.
fn padded(mut lines: Vec<Line>, height: usize) -> Vec<Line> {
    lines.resize(height, Line::blank());
    lines
}

/// "বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি": the earlier meetings' unfinished
/// decisions with each office's status, as a table after the decisions.
pub(super) fn carried(flow: &mut Flow, meeting: &Meeting, w: &Words) {
    if meeting.carried.is_empty() {
        return;
    }
    let lang = match meeting.minutes.language.as_str() {
        "en" => app::i18n::Lang::En,
        _ => app::i18n::Lang::Bn,
    };
    let line = SIZE * LEADING;
    flow.gap(line);
    flow.ensure(line * 4.0);
    let heading = app::i18n::t(lang, "tracking.carry_forward");
    flow.paragraph(heading, Weight::Bold, SIZE, LEFT, WIDTH, Align::Left);
    flow.gap(line * 0.3);
    // One table per earlier memo, its number above it; in each row the
    // offices grouped by their status ("শুরু হয়নি: …; যাচাইকৃত: …").
    let mut memos: Vec<Option<&str>> = vec![];
    for c in &meeting.carried {
        if !memos.contains(&c.memo_number.as_deref()) {
            memos.push(c.memo_number.as_deref());
        }
    }
    for memo in memos {
        if let Some(number) = memo {
            let text = format!("{} {}", w.say("memo.memo_number"), w.digits(number));
            flow.paragraph(&text, Weight::Regular, SIZE - 1.0, LEFT, WIDTH, Align::Left);
        }
        let rows = meeting
            .carried
            .iter()
            .filter(|c| c.memo_number.as_deref() == memo)
            .map(|c| {
                let mut groups: Vec<(Progress, Vec<&str>)> = vec![];
                for (office, s) in &c.offices {
                    match groups.iter_mut().find(|(g, _)| g == s) {
                        Some((_, list)) => list.push(office),
                        None => groups.push((*s, vec![office])),
                    }
                }
                let status = groups
                    .iter()
                    .map(|(s, offices)| {
                        let key = format!("tracking.status.{}", s.code());
                        format!("{}: {}", app::i18n::t(lang, &key), offices.join("; "))
                    })
                    .collect::<Vec<_>>()
                    .join("\n");
                vec![
                    format!("{}.{}", w.number(c.item, 2), w.number(c.decision, 1)),
                    c.text.clone(),
                    status,
                ]
            })
            .collect();
        let table = Table::new(
            flow,
            vec![40.0, 200.0, WIDTH - 240.0],
            &[
                w.say("memo.serial"),
                w.say("memo.decision"),
                w.say("memo.progress"),
            ],
            rows,
            SIZE - 1.0,
        );
        table.draw(flow);
        flow.gap(line * 0.5);
    }
}
