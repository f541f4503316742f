//! Where the next thing goes on the page: lines, paragraphs and page breaks,
//! and the signature block.
use super::{BOTTOM, LEADING, RIGHT, SIZE, TOP};
use crate::memo::layout::{break_lines, pieces, positions, Line};
use crate::memo::pdf::Canvas;
use crate::memo::shape::{Shaper, Weight};

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Align {
    Left,
    Justify,
    Center,
    Right,
}

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
        break_lines(pieces(&self.shaper, text, weight, size), width)
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
        let lh = size * LEADING;
        for line in self.lines(text, weight, size, width) {
            self.ensure(lh);
            self.draw_line(&line, x, self.y, width, size, align);
            self.y += lh;
        }
    }

    pub(super) fn gap(&mut self, h: f32) {
        self.y += h;
    }
}

/// A signature block at the right: the signature image (or room to sign)
/// over the name over the designation.
pub(super) fn signature(flow: &mut Flow, name: &str, designation: &str, image: Option<&[u8]>) {
    let (x, w) = (RIGHT - 200.0, 200.0);
    let room = SIZE * 2.5;
    flow.ensure(room + SIZE * LEADING * 2.0);
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
