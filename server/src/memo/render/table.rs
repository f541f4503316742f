//! Tables whose rows split across pages, the header drawn again on each.
use super::flow::{Align, Flow};
use super::{BOTTOM, LEADING, LEFT, PAD};
use crate::memo::layout::Line;
use crate::memo::shape::Weight;

/// A table whose cells hold laid-out lines; rows split between pages at line
/// boundaries and the header row is drawn again on every page.
pub(super) struct Table {
    widths: Vec<f32>,
    header: Vec<Vec<Line>>,
    rows: Vec<Vec<Vec<Line>>>,
    size: f32,
}

impl Table {
    pub(super) fn new(
        flow: &Flow,
        widths: Vec<f32>,
        header: &[&str],
        rows: Vec<Vec<String>>,
        size: f32,
    ) -> Table {
        let cell = |text: &str, weight, w: f32| {
            text.split('\n')
                .flat_map(|para| flow.lines(para, weight, size, w - 2.0 * PAD))
                .collect::<Vec<_>>()
        };
        let header = header
            .iter()
            .zip(&widths)
            .map(|(h, w)| cell(h, Weight::Bold, *w))
            .collect();
        let rows = rows
            .into_iter()
            .map(|r| {
                r.iter()
                    .zip(&widths)
                    .map(|(t, w)| cell(t, Weight::Regular, *w))
                    .collect()
            })
            .collect();
        Table {
            widths,
            header,
            rows,
            size,
        }
    }

    fn line_height(&self) -> f32 {
        self.size * LEADING
    }

    /// Draws a band of cells: for each cell the lines `from..to` (clamped).
    fn band(
        &self,
        flow: &mut Flow,
        cells: &[Vec<Line>],
        from: usize,
        count: usize,
        align: Align,
    ) -> f32 {
        let lh = self.line_height();
        let height = count as f32 * lh + 2.0 * PAD;
        let top = flow.y;
        let mut x = LEFT;
        for (lines, w) in cells.iter().zip(&self.widths) {
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
        let (page, bottom) = (flow.page, top + height);
        flow.canvas.rule(
            page,
            LEFT,
            top,
            LEFT + self.widths.iter().sum::<f32>(),
            top,
            0.6,
        );
        flow.canvas.rule(
            page,
            LEFT,
            bottom,
            LEFT + self.widths.iter().sum::<f32>(),
            bottom,
            0.6,
        );
        let mut x = LEFT;
        flow.canvas.rule(page, x, top, x, bottom, 0.6);
        for w in &self.widths {
            x += w;
            flow.canvas.rule(page, x, top, x, bottom, 0.6);
        }
        flow.y = bottom;
        height
    }

    fn header_band(&self, flow: &mut Flow) {
        let n = self.header.iter().map(Vec::len).max().unwrap_or(1);
        self.band(flow, &self.header.clone(), 0, n, Align::Center);
    }

    pub(super) fn draw(&self, flow: &mut Flow) {
        let lh = self.line_height();
        let header_height =
            self.header.iter().map(Vec::len).max().unwrap_or(1) as f32 * lh + 2.0 * PAD;
        flow.ensure(header_height + lh + 2.0 * PAD);
        self.header_band(flow);
        for row in &self.rows {
            let total = row.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let mut done = 0;
            while done < total {
                let room = ((BOTTOM - flow.y - 2.0 * PAD) / lh).floor().max(0.0) as usize;
                if room == 0 {
                    flow.new_page();
                    self.header_band(flow);
                    continue;
                }
                let take = room.min(total - done);
                self.band(flow, row, done, take, Align::Left);
                done += take;
                if done < total {
                    flow.new_page();
                    self.header_band(flow);
                }
            }
        }
    }
}
