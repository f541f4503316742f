//! The foot of every page: its number and, on an issued memo, the
//! verification QR code and short URL.
use super::flow::{Align, Flow};
use super::{Signatures, LEFT, SIZE, TOP, WIDTH};
use crate::memo::pdf::PAGE_HEIGHT;
use crate::memo::shape::Weight;
use crate::memo::words::Words;

/// Page numbers: "পৃষ্ঠা ১/৩"; on an issued memo, on every page, its
/// verification QR code and short URL.
pub(super) fn page_footers(flow: &mut Flow, w: &Words, signatures: &Signatures) {
    page_numbers(flow, w);
    let total = flow.canvas.page_count();
    for page in 0..total {
        flow.page = page;
        // An issued memo: its verification QR code and short URL.
        if let Some(url) = &signatures.verify_url {
            let side = 46.0;
            let squares = qr_squares(url, LEFT, PAGE_HEIGHT - 58.0, side);
            flow.canvas.squares(page, &squares);
            let label = format!("{} {url}", w.say("memo.verify"));
            let small = SIZE - 3.0;
            let (x, width) = (LEFT + side + 6.0, WIDTH - side - 6.0);
            // Below the page number, beside the code; a long address wraps.
            let lines = flow.lines(&label, Weight::Regular, small, width);
            let mut top = PAGE_HEIGHT - 30.0;
            for ln in &lines {
                flow.draw_line(ln, x, top, width, small, Align::Left);
                top += small * 1.2;
            }
        }
    }
}

/// "খসড়া — জারি হয়নি" / "DRAFT — not issued" in the top margin of every
/// page, between rules, of minutes not yet issued.
pub(super) fn draft_marks(flow: &mut Flow, w: &Words) {
    let text = w.say("memo.draft");
    let size = SIZE + 1.0;
    let (top, bottom) = (TOP - 36.0, TOP - 12.0);
    for page in 0..flow.canvas.page_count() {
        flow.page = page;
        flow.canvas.rule(page, LEFT, top, LEFT + WIDTH, top, 1.0);
        flow.canvas
            .rule(page, LEFT, bottom, LEFT + WIDTH, bottom, 1.0);
        for ln in &flow.lines(&text, Weight::Bold, size, WIDTH) {
            flow.draw_line(ln, LEFT, top + 4.0, WIDTH, size, Align::Center);
        }
    }
}

/// "পৃষ্ঠা ১/৩" / "Page 1/3" at the foot of every page, memo or report.
pub(super) fn page_numbers(flow: &mut Flow, w: &Words) {
    let total = flow.canvas.page_count();
    for page in 0..total {
        let text = format!(
            "{} {}/{}",
            w.say("memo.page"),
            w.number(page + 1, 1),
            w.number(total, 1)
        );
        flow.page = page;
        for ln in &flow.lines(&text, Weight::Regular, SIZE - 2.0, WIDTH) {
            flow.draw_line(
                ln,
                LEFT,
                PAGE_HEIGHT - 44.0,
                WIDTH,
                SIZE - 2.0,
                Align::Center,
            );
        }
    }
}

/// The squares of a QR code for `text`, `side` points wide, top-left at (x, top).
fn qr_squares(text: &str, x: f32, top: f32, side: f32) -> Vec<(f32, f32, f32)> {
    let Ok(code) = qrcode::QrCode::new(text.as_bytes()) else {
        return vec![];
    };
    let width = code.width();
    let module = side / width as f32;
    code.to_colors()
        .iter()
        .enumerate()
        .filter(|(_, c)| **c == qrcode::Color::Dark)
        .map(|(i, _)| {
            let (row, col) = (i / width, i % width);
            (x + col as f32 * module, top + row as f32 * module, module)
        })
        .collect()
}
