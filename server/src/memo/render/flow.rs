//! Where the next thing goes on the page: lines, paragraphs and page breaks,
//! and the signature block.
use super::{BOTTOM, LEADING, RIGHT, SIZE, TOP};
use crate::memo::layout::{self, positions, Line};
use crate::memo::pdf::Canvas;
use crate::memo::shape::{Shaper, Weight};

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Align {
    Left,
    Justify,
    Center,
    Right,
}

/// The lines of a paragraph kept with what follows it (`paragraph_kept`).
const KEPT_LINES: usize = 2;

/// Where the next thing goes.
pub(super) struct Flow<'f> {
    pub(super) canvas: Canvas<'f>,
    pub(super) shaper: Shaper<'f>,
    pub(super) page: usize,
    pub(super) y: f32,
}

impl<'f> Flow<'f> {
    pub(super) fn new_page(&mut self) {
        self.page = self.canvas.new_page();
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    pub(super) fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }

    pub(super) fn lines(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<Line> {
        layout::lines(&self.shaper, text, weight, size, width)
    }

    /// Draws one laid-out line with its top at `top`.
    pub(super) fn draw_line(
        &mut self,
        line: &Line,
        x: f32,
        top: f32,
        width: f32,
        size: f32,
        align: Align,
    ) {
        let shift = match align {
            Align::Center => (width - line.width).max(0.0) / 2.0,
            Align::Right => (width - line.width).max(0.0),
            Align::Left | Align::Justify => 0.0,
        };
        let baseline = top + size * 1.1;
        for (piece, at) in line
            .pieces
            .iter()
            .zip(positions(line, width, align == Align::Justify))
        {
            self.canvas.text(
                self.page,
                x + shift + at,
                baseline,
                &piece.runs,
                &piece.text,
            );
        }
    }

    /// A paragraph across the page (or a column of it), breaking pages between lines.
    pub(super) fn paragraph(
        &mut self,
        text: &str,
        weight: Weight,
        size: f32,
        x: f32,
        width: f32,
        align: Align,
    ) {
        self.paragraph_kept(text, (weight, size), x, width, align, 0.0);
    }

    /// A paragraph whose last lines stay on one page with the `keep` points
    /// that follow it (a signature block): if they do not fit, they move to
    /// the next page together, so what follows never starts a page alone.
    pub(super) fn paragraph_kept(
        &mut self,
        text: &str,
        (weight, size): (Weight, f32),
        x: f32,
        width: f32,
        align: Align,
        keep: f32,
    ) {
        let lh = size * LEADING;
        let lines = self.lines(text, weight, size, width);
        let kept_from = lines.len().saturating_sub(KEPT_LINES);
        for (i, line) in lines.iter().enumerate() {
            if i == kept_from && keep > 0.0 {
                self.ensure((lines.len() - i) as f32 * lh + keep);
            }
            self.ensure(lh);
            self.draw_line(line, x, self.y, width, size, align);
            self.y += lh;
        }
        if lines.is_empty() {
            self.ensure(keep);
        }
    }

    pub(super) fn gap(&mut self, h: f32) {
        self.y += h;
    }
}

const SIGNATURE_WIDTH: f32 = 200.0;
const SIGNATURE_ROOM: f32 = SIZE * 2.5;

/// The height of a signature block: the room to sign and the name's and
/// designation's lines.
pub(super) fn signature_height(flow: &Flow, name: &str, designation: &str) -> f32 {
    let lines: usize = [name, designation]
        .iter()
        .map(|t| flow.lines(t, Weight::Regular, SIZE, SIGNATURE_WIDTH).len())
        .sum();
    SIGNATURE_ROOM + lines as f32 * SIZE * LEADING
}

/// A signature block at the right: the signature image (or room to sign)
/// over the name over the designation, never split between pages.
pub(super) fn signature(flow: &mut Flow, name: &str, designation: &str, image: Option<&[u8]>) {
    let (x, w) = (RIGHT - SIGNATURE_WIDTH, SIGNATURE_WIDTH);
    let room = SIGNATURE_ROOM;
    flow.ensure(signature_height(flow, name, designation));
    if let Some(png) = image {
        flow.canvas
            .image(flow.page, x + 50.0, flow.y, w - 100.0, room, png);
    }
    flow.gap(room);
    for text in [name, designation] {
        if !text.is_empty() {
            flow.paragraph(text, Weight::Regular, SIZE, x, w, Align::Center);
        }
    }
}
