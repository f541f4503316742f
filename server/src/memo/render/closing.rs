//! The end of the minutes: the closing and the chair's signature, the memo
//! number with the dual date, the distribution list and the issuer.
use super::flow::{signature, Align, Flow};
use super::{Signatures, LEADING, LEFT, RIGHT, SIZE, WIDTH};
use crate::memo::shape::Weight;
use crate::memo::words::Words;
use app::domain::minutes::Minutes;

/// The closing paragraph, signed by the chair.
pub(super) fn closing(flow: &mut Flow, m: &Minutes, signatures: &Signatures) {
    let line = SIZE * LEADING;
    flow.gap(line);
    flow.paragraph(
        &m.closing,
        Weight::Regular,
        SIZE,
        LEFT,
        WIDTH,
        Align::Justify,
    );
    signature(
        flow,
        &m.chair.name,
        &m.chair.designation,
        signatures.chair.as_deref(),
    );
}

/// Memo number on the left; on the right the Bangla date over the Gregorian.
pub(super) fn memo_number_and_date(flow: &mut Flow, m: &Minutes, w: &Words) {
    let line = SIZE * LEADING;
    flow.gap(line);
    flow.ensure(line * 3.0);
    let top = flow.y;
    if let Some(number) = &m.memo_number {
        let text = format!("{} {}", w.say("memo.memo_number"), w.digits(number));
        for l in flow.lines(&text, Weight::Regular, SIZE, WIDTH * 0.6) {
            flow.draw_line(&l, LEFT, flow.y, WIDTH * 0.6, SIZE, Align::Left);
            flow.y += line;
        }
    }
    if let Some(issued) = m.issued_on {
        let (x, width) = (RIGHT - 160.0, 160.0);
        let mut y = top;
        for text in w.issue_date(issued) {
            for l in flow.lines(&text, Weight::Regular, SIZE, width) {
                flow.draw_line(&l, x, y, width, SIZE, Align::Right);
                y += line;
            }
        }
        flow.canvas.rule(
            flow.page,
            x + 40.0,
            top + line - 1.0,
            RIGHT,
            top + line - 1.0,
            0.4,
        );
        flow.y = flow.y.max(y);
    }
}

/// অনুলিপি: who gets a copy.
pub(super) fn distribution(flow: &mut Flow, m: &Minutes, w: &Words) {
    let line = SIZE * LEADING;
    if !m.distribution.recipients.is_empty() {
        flow.gap(line * 0.5);
        flow.paragraph(
            &format!("{} {}", w.say("memo.copy_to"), m.distribution.heading),
            Weight::Bold,
            SIZE,
            LEFT,
            WIDTH,
            Align::Left,
        );
        for (i, r) in m.distribution.recipients.iter().enumerate() {
            let mark = format!("{})", w.number(i + 1, 1));
            let lines = flow.lines(r, Weight::Regular, SIZE, WIDTH - 24.0);
            for (j, l) in lines.iter().enumerate() {
                flow.ensure(line);
                if j == 0 {
                    for ml in flow.lines(&mark, Weight::Regular, SIZE, 24.0) {
                        flow.draw_line(&ml, LEFT, flow.y, 24.0, SIZE, Align::Left);
                    }
                }
                flow.draw_line(l, LEFT + 24.0, flow.y, WIDTH - 24.0, SIZE, Align::Left);
                flow.y += line;
            }
        }
    }
}

pub(super) fn issuer(flow: &mut Flow, m: &Minutes, signatures: &Signatures) {
    if let Some(issuer) = &m.issuer {
        signature(
            flow,
            &issuer.name,
            &issuer.designation,
            signatures.issuer.as_deref(),
        );
    }
}
