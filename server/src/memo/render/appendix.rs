//! Appendix "ক": who attended, on its own page.
use super::flow::{Align, Flow};
use super::table::Table;
use super::{LEADING, LEFT, SIZE, WIDTH};
use crate::memo::shape::Weight;
use crate::memo::words::Words;
use app::domain::minutes::Minutes;

/// Appendix "ক": attendance, on its own page.
pub(super) fn attendance(flow: &mut Flow, m: &Minutes, w: &Words) {
    let line = SIZE * LEADING;
    flow.new_page();
    flow.paragraph(
        w.say("memo.appendix"),
        Weight::Bold,
        SIZE + 1.0,
        LEFT,
        WIDTH,
        Align::Center,
    );
    flow.paragraph(&m.title, Weight::Regular, SIZE, LEFT, WIDTH, Align::Center);
    flow.paragraph(
        &format!("{} {}", w.say("memo.date_label"), w.meeting_date(m.held_on)),
        Weight::Regular,
        SIZE,
        LEFT,
        WIDTH,
        Align::Center,
    );
    flow.gap(line * 0.5);
    let rows = m
        .attendees
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let who = [a.name.as_str(), a.designation.as_str()]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join("\n");
            vec![w.number(i + 1, 2), who, a.office.clone(), String::new()]
        })
        .collect();
    let table = Table::new(
        flow,
        vec![36.0, 170.0, 160.0, WIDTH - 366.0],
        &[
            w.say("memo.serial"),
            w.say("memo.name_designation"),
            w.say("memo.office"),
            w.say("memo.signature"),
        ],
        rows,
        SIZE - 1.0,
    )
    .with_room_to_sign();
    table.draw(flow);
}
