//! The decisions table, and the earlier meetings' decisions carried forward.
use super::flow::{Align, Flow};
use super::table::Table;
use super::{LEADING, LEFT, SIZE, WIDTH};
use crate::memo::shape::Weight;
use crate::memo::words::Words;
use app::domain::decision_marker;
use app::domain::minutes::Minutes;
use app::domain::tracking::Progress;
use app::domain::Meeting;

/// The decisions table: per agenda item its subject, discussion, decisions
/// and implementers.
pub(super) fn decisions(flow: &mut Flow, m: &Minutes, w: &Words) {
    let rows = m
        .agenda
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let n = item.decisions.len();
            let decisions = item
                .decisions
                .iter()
                .enumerate()
                // Numbered "১।", "২।" only when there are several, as the seed does.
                .map(|(j, d)| match decision_marker(j, n, w.lang()) {
                    None => d.text.clone(),
                    Some(marker) => format!("{marker} {}", d.text),
                })
                .collect::<Vec<_>>()
                .join("\n");
            let implementers = item.implementer_labels();
            vec![
                w.number(i + 1, 2),
                item.subject.clone(),
                item.discussion.clone(),
                decisions,
                implementers.join("\n"),
            ]
        })
        .collect();
    let table = Table::new(
        flow,
        vec![32.0, 78.0, 150.0, 130.0, WIDTH - 390.0],
        &[
            w.say("memo.serial"),
            w.say("memo.subject"),
            w.say("memo.discussion"),
            w.say("memo.decision"),
            w.say("memo.implementer"),
        ],
        rows,
        SIZE - 1.0,
    );
    table.draw(flow);
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
