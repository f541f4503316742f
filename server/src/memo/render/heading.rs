//! The top of the memo: the government and the office, the title (and
//! whether it corrects a memo or is an imported record), the meta block and
//! the preamble.
use super::flow::{Align, Flow};
use super::{LEADING, LEFT, SIZE, WIDTH};
use crate::memo::shape::Weight;
use crate::memo::words::Words;
use app::domain::minutes::Minutes;
use app::domain::Meeting;

/// The government, the office, its place and branch; the title.
pub(super) fn heading(flow: &mut Flow, meeting: &Meeting, w: &Words) {
    let office = &meeting.office;
    let m = &meeting.minutes;
    let line = SIZE * LEADING;
    for text in [
        w.say("meeting.government"),
        &office.name,
        &office.place,
        &office.branch,
    ] {
        if !text.is_empty() {
            flow.paragraph(
                text,
                Weight::Regular,
                SIZE + 1.0,
                LEFT,
                WIDTH,
                Align::Center,
            );
        }
    }
    flow.gap(line);
    flow.paragraph(
        &m.title,
        Weight::Bold,
        SIZE + 1.0,
        LEFT,
        WIDTH,
        Align::Center,
    );
    if let Some(number) = &meeting.corrects {
        let text = match m.language.as_str() {
            "en" => format!("(A correction of memo no. {number})"),
            _ => format!(
                "(স্মারক নং {}-এর সংশোধনী)",
                app::domain::numerals::to_bangla_digits(number)
            ),
        };
        flow.paragraph(&text, Weight::Regular, SIZE, LEFT, WIDTH, Align::Center);
    }
    if meeting.imported {
        // Issued elsewhere and brought in as a record: say so on paper.
        let text = format!("({})", w.say("meeting.imported"));
        flow.paragraph(&text, Weight::Regular, SIZE, LEFT, WIDTH, Align::Center);
    }
    flow.gap(line * 0.5);
}

/// The two-column meta block: chair, date, time, venue, who was present.
pub(super) fn meta(flow: &mut Flow, m: &Minutes, w: &Words) {
    let line = SIZE * LEADING;
    let label_w = 90.0;
    let meta = [
        (
            w.say("memo.chair"),
            format!("{} {}", m.chair.name, m.chair.designation),
        ),
        (w.say("memo.date"), w.meeting_date(m.held_on)),
        (w.say("memo.time"), w.time(m.starts_at)),
        (w.say("memo.venue"), m.venue.clone()),
        (w.say("memo.present"), w.say("memo.present_ref").to_string()),
    ];
    for (label, value) in meta {
        let top = flow.y;
        let value_lines = flow.lines(&value, Weight::Regular, SIZE, WIDTH - label_w);
        flow.ensure(line * value_lines.len() as f32);
        let top = if flow.y < top { flow.y } else { top };
        let label_line = flow.lines(label, Weight::Bold, SIZE, label_w);
        for l in &label_line {
            flow.draw_line(l, LEFT, top, label_w, SIZE, Align::Left);
        }
        for (i, l) in value_lines.iter().enumerate() {
            flow.draw_line(
                l,
                LEFT + label_w,
                top + i as f32 * line,
                WIDTH - label_w,
                SIZE,
                Align::Left,
            );
        }
        flow.y = top + line * value_lines.len().max(1) as f32;
    }
    flow.gap(line * 0.5);
}

pub(super) fn preamble(flow: &mut Flow, m: &Minutes, w: &Words) {
    let line = SIZE * LEADING;
    let preamble = format!("{} {}", m.preamble, w.say("memo.decisions_taken"));
    flow.paragraph(
        &preamble,
        Weight::Regular,
        SIZE,
        LEFT,
        WIDTH,
        Align::Justify,
    );
    flow.gap(line * 0.5);
}
