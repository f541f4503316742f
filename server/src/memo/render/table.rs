//! Tables whose rows split across pages, the header drawn again on each.
use super::flow::{Align, Flow};
use super::{BOTTOM, LEADING, LEFT, PAD};
use crate::memo::layout::Line;
use crate::memo::pdf::Kind;
use crate::memo::shape::Weight;

/// Room to sign in a row of a table with a signature column: about 12 mm
/// (a one-line row is otherwise too low for a signature).
pub(super) const SIGNATURE_ROW: f32 = 34.0;

/// Lines a split row keeps on each side of a page break: no single line of
/// a cell alone at the foot of a page or at the head of the next.
const KEEP_LINES: usize = 2;

/// A table whose cells hold laid-out lines; rows split between pages at line
/// boundaries and the header row is drawn again on every page.
pub(super) struct Table {
    widths: Vec<f32>,
    header: Vec<Vec<Line>>,
    rows: Vec<Vec<Vec<Line>>>,
    size: f32,
    /// The least height of a row (a signature's room), 0 for none.
    min_row: f32,
}

/// The lines of one cell `width` wide at `size` (newlines start new paragraphs).
pub(super) fn cell(flow: &Flow, text: &str, weight: Weight, size: f32, width: f32) -> Vec<Line> {
    text.split('\n')
        .flat_map(|para| flow.lines(para, weight, size, width - 2.0 * PAD))
        .collect()
}

impl Table {
    pub(super) fn new(
        flow: &Flow,
        widths: Vec<f32>,
        header: &[&str],
        rows: Vec<Vec<String>>,
        size: f32,
    ) -> Table {
        let rows = rows
            .into_iter()
            .map(|r| {
                r.iter()
                    .zip(&widths)
                    .map(|(t, w)| cell(flow, t, Weight::Regular, size, *w))
                    .collect()
            })
            .collect();
        Table::of_lines(flow, widths, header, rows, size)
    }

    /// A table of cells already laid out (with `cell`), for rows whose
    /// columns must line up (a decision beside its implementers).
    pub(super) fn of_lines(
        flow: &Flow,
        widths: Vec<f32>,
        header: &[&str],
        rows: Vec<Vec<Vec<Line>>>,
        size: f32,
    ) -> Table {
        let header = header
            .iter()
            .zip(&widths)
            .map(|(h, w)| cell(flow, h, Weight::Bold, size, *w))
            .collect();
        Table {
            widths,
            header,
            rows,
            size,
            min_row: 0.0,
        }
    }

    /// Every row at least `SIGNATURE_ROW` high: the table has a signature column.
    pub(super) fn with_room_to_sign(mut self) -> Table {
        self.min_row = SIGNATURE_ROW;
        self
    }

    fn line_height(&self) -> f32 {
        self.size * LEADING
    }

    /// Draws a band of cells: for each cell the lines `from..from + count`,
    /// in a band at least `min_height` high.
    fn band(
        &self,
        flow: &mut Flow,
        cells: &[Vec<Line>],
        (from, count): (usize, usize),
        min_height: f32,
        align: Align,
    ) {
        let lh = self.line_height();
        let height = (count as f32 * lh + 2.0 * PAD).max(min_height);
        let (page, top, bottom) = (flow.page, flow.y, flow.y + height);
        let right = LEFT + self.widths.iter().sum::<f32>();
        let mut x = LEFT;
        for (lines, w) in cells.iter().zip(&self.widths) {
            flow.canvas.mark(page, Kind::Cell, (x, top, *w, height));
            for (i, line) in lines.iter().skip(from).take(count).enumerate() {
                flow.draw_line(
                    line,
                    x + PAD,
                    top + PAD + i as f32 * lh,
                    w - 2.0 * PAD,
                    self.size,
                    align,
                );
            }
            x += w;
        }
        flow.canvas.rule(page, LEFT, top, right, top, 0.6);
        flow.canvas.rule(page, LEFT, bottom, right, bottom, 0.6);
        let mut x = LEFT;
        flow.canvas.rule(page, x, top, x, bottom, 0.6);
        for w in &self.widths {
            x += w;
            flow.canvas.rule(page, x, top, x, bottom, 0.6);
        }
        flow.y = bottom;
    }

    fn header_lines(&self) -> usize {
        self.header.iter().map(Vec::len).max().unwrap_or(1)
    }

    fn header_band(&self, flow: &mut Flow) {
        self.band(
            flow,
            &self.header,
            (0, self.header_lines()),
            0.0,
            Align::Center,
        );
    }

    fn next_page(&self, flow: &mut Flow) {
        flow.new_page();
        self.header_band(flow);
    }

    pub(super) fn draw(&self, flow: &mut Flow) {
        let lh = self.line_height();
        let header_height = self.header_lines() as f32 * lh + 2.0 * PAD;
        // The header never stands alone at the foot of a page: room for the
        // first row too, or for its first KEEP_LINES when it can be split
        // (KEEP_LINES on each side of the break).
        let first_row = self.rows.first().map_or(1, |r| {
            let lines = rows_lines(r);
            if lines < 2 * KEEP_LINES {
                lines
            } else {
                KEEP_LINES
            }
        });
        flow.ensure(header_height + (first_row as f32 * lh + 2.0 * PAD).max(self.min_row));
        self.header_band(flow);
        for row in &self.rows {
            let total = rows_lines(row);
            let whole = (total as f32 * lh + 2.0 * PAD).max(self.min_row);
            if flow.y + whole <= BOTTOM {
                self.band(flow, row, (0, total), self.min_row, Align::Left);
                continue;
            }
            // Longer than the rest of the page: split at line boundaries,
            // keeping KEEP_LINES on each side of every break.
            let mut done = 0;
            let mut fresh = false;
            while done < total {
                let room = ((BOTTOM - flow.y - 2.0 * PAD) / lh).floor().max(0.0) as usize;
                let left = total - done;
                let mut take = room.min(left);
                if take < left && left - take < KEEP_LINES {
                    take = take.saturating_sub(KEEP_LINES - (left - take));
                }
                if take < left.min(KEEP_LINES) && !fresh {
                    self.next_page(flow);
                    fresh = true;
                    continue;
                }
                let take = take.max(1);
                let min = if take == left { self.min_row } else { 0.0 };
                if flow.y + (take as f32 * lh + 2.0 * PAD).max(min) > BOTTOM && !fresh {
                    // The rest fits in lines but not in the room to sign.
                    self.next_page(flow);
                    fresh = true;
                    continue;
                }
                self.band(flow, row, (done, take), min, Align::Left);
                done += take;
                if done < total {
                    self.next_page(flow);
                    fresh = true;
                }
            }
        }
    }
}

/// The lines of a row's tallest cell (at least one).
fn rows_lines(row: &[Vec<Line>]) -> usize {
    row.iter().map(Vec::len).max().unwrap_or(0).max(1)
}
