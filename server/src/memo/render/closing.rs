//! The end of the minutes: the closing and the chair's signature, the memo
//! number with the dual date, the distribution list and the issuer.
use super::flow::{signature, signature_height, Align, Flow};
use super::{Signatures, LEADING, LEFT, RIGHT, SIZE, WIDTH};
use crate::memo::shape::Weight;
use crate::memo::words::Words;
use app::domain::minutes::Minutes;

/// The closing paragraph, signed by the chair: its last lines and the
/// signature are never parted by a page break.
pub(super) fn closing(flow: &mut Flow, m: &Minutes, signatures: &Signatures) {
    let line = SIZE * LEADING;
    flow.gap(line);
    let keep = signature_height(flow, &m.chair.name, &m.chair.designation);
    flow.paragraph_kept(
        &m.closing,
        (Weight::Regular, SIZE),
        LEFT,
        WIDTH,
        Align::Justify,
        keep,
    );
    signature(
        flow,
        &m.chair.name,
        &m.chair.designation,
        signatures.chair.as_deref(),
    );
}

/// Memo number on the left; on the right the Bangla date over the
/// Gregorian. Kept on one page with the অনুলিপি heading and its first
/// recipient, and with the issuer's signature (`issuer` points high) when
/// that recipient is the last or there is none.
pub(super) fn memo_number_and_date(flow: &mut Flow, m: &Minutes, w: &Words, issuer: f32) {
    let line = SIZE * LEADING;
    flow.gap(line);
    let dates = m.issued_on.map_or(0, |d| w.issue_date(d).len());
    let copy_to = if m.distribution.recipients.is_empty() {
        0.0
    } else {
        line * 0.5
            + line
                * (flow
                    .lines(&copy_to_heading(m, w), Weight::Bold, SIZE, WIDTH)
                    .len()
                    + 1) as f32
    };
    let signed_after = if m.distribution.recipients.len() <= 1 {
        issuer
    } else {
        0.0
    };
    flow.ensure(line * dates.max(1) as f32 + copy_to + signed_after);
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

fn copy_to_heading(m: &Minutes, w: &Words) -> String {
    format!("{} {}", w.say("memo.copy_to"), m.distribution.heading)
}

/// অনুলিপি: who gets a copy. The last recipient stays on one page with the
/// issuer's signature (`keep` points high), which never starts a page alone.
pub(super) fn distribution(flow: &mut Flow, m: &Minutes, w: &Words, keep: f32) {
    let line = SIZE * LEADING;
    if !m.distribution.recipients.is_empty() {
        flow.gap(line * 0.5);
        flow.paragraph(
            &copy_to_heading(m, w),
            Weight::Bold,
            SIZE,
            LEFT,
            WIDTH,
            Align::Left,
        );
        let last = m.distribution.recipients.len() - 1;
        for (i, r) in m.distribution.recipients.iter().enumerate() {
            let mark = format!("{})", w.number(i + 1, 1));
            let lines = flow.lines(r, Weight::Regular, SIZE, WIDTH - 24.0);
            if i == last {
                flow.ensure(lines.len() as f32 * line + keep);
            }
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

/// The height of the issuer's signature block (0 when the minutes name none).
pub(super) fn issuer_height(flow: &Flow, m: &Minutes) -> f32 {
    m.issuer
        .as_ref()
        .map_or(0.0, |i| signature_height(flow, &i.name, &i.designation))
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
