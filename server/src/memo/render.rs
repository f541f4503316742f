//! The memo's layout, after seed 004: header, title, meta block, preamble,
//! the decisions table (rows split across pages, header repeated), closing,
//! signature, memo number with the dual date, distribution list, issuer, and
//! appendix "ক" (attendance) on its own page; page numbers on every page.
use super::fonts::Fonts;
use super::layout::{break_lines, pieces, positions, Line};
use super::pdf::{Canvas, PAGE_HEIGHT, PAGE_WIDTH};
use super::shape::{Shaper, Weight};
use super::words::Words;
use app::domain::tracking::Progress;
use app::domain::Meeting;

const LEFT: f32 = 72.0; // 25.4 mm: the binding margin
const RIGHT: f32 = PAGE_WIDTH - 56.0;
const TOP: f32 = 56.0;
const BOTTOM: f32 = PAGE_HEIGHT - 64.0; // room for the page number
const WIDTH: f32 = RIGHT - LEFT;
const SIZE: f32 = 11.0;
const LEADING: f32 = 1.45;
const PAD: f32 = 4.0;

#[derive(Clone, Copy, PartialEq)]
enum Align {
    Left,
    Justify,
    Center,
    Right,
}

/// Where the next thing goes.
struct Flow<'f> {
    canvas: Canvas<'f>,
    shaper: Shaper<'f>,
    page: usize,
    y: f32,
}

impl<'f> Flow<'f> {
    fn new_page(&mut self) {
        self.page = self.canvas.new_page();
        self.y = TOP;
    }

    /// Starts a new page unless `height` still fits on this one.
    fn ensure(&mut self, height: f32) {
        if self.y + height > BOTTOM {
            self.new_page();
        }
    }

    fn lines(&self, text: &str, weight: Weight, size: f32, width: f32) -> Vec<Line> {
        break_lines(pieces(&self.shaper, text, weight, size), width)
    }

    /// Draws one laid-out line with its top at `top`.
    fn draw_line(&mut self, line: &Line, x: f32, top: f32, width: f32, size: f32, align: Align) {
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
    fn paragraph(
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

    fn gap(&mut self, h: f32) {
        self.y += h;
    }
}

/// A table whose cells hold laid-out lines; rows split between pages at line
/// boundaries and the header row is drawn again on every page.
struct Table {
    widths: Vec<f32>,
    header: Vec<Vec<Line>>,
    rows: Vec<Vec<Vec<Line>>>,
    size: f32,
}

impl Table {
    fn new(
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

    fn draw(&self, flow: &mut Flow) {
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

/// A signature block at the right: the signature image (or room to sign)
/// over the name over the designation.
fn signature(flow: &mut Flow, name: &str, designation: &str, image: Option<&[u8]>) {
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

/// What signs a memo: PNG signature images printed above the chair's and
/// the issuer's names and, once issued, the URL of its public verification
/// page, printed in every page's footer with its QR code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signatures {
    pub chair: Option<Vec<u8>>,
    pub issuer: Option<Vec<u8>>,
    pub verify_url: Option<String>,
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

/// Renders the minutes of `meeting` as a memo PDF.
pub fn render(meeting: &Meeting, fonts: &Fonts, signatures: &Signatures) -> Vec<u8> {
    let office = &meeting.office;
    let m = &meeting.minutes;
    let w = Words::of(&m.language);
    let mut flow = Flow {
        canvas: Canvas::new(fonts, &m.title),
        shaper: Shaper::new(fonts),
        page: 0,
        y: TOP,
    };
    flow.new_page();
    let line = SIZE * LEADING;

    for text in [
        w.say(
            "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
            "Government of the People's Republic of Bangladesh",
        ),
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
        let text = w.say(
            "(আমদানিকৃত রেকর্ড — সিদ্ধান্ত-এ জারি করা হয়নি)",
            "(Imported record — not issued in Sidhanto)",
        );
        flow.paragraph(text, Weight::Regular, SIZE, LEFT, WIDTH, Align::Center);
    }
    flow.gap(line * 0.5);

    // The two-column meta block.
    let label_w = 90.0;
    let meta = [
        (
            w.say("সভাপতি", "Chair"),
            format!("{} {}", m.chair.name, m.chair.designation),
        ),
        (w.say("সভার তারিখ", "Date"), w.meeting_date(m.held_on)),
        (w.say("সভার সময়", "Time"), w.time(m.starts_at)),
        (w.say("স্থান", "Venue"), m.venue.clone()),
        (
            w.say("উপস্থিতি", "Present"),
            w.say(
                "পরিশিষ্ট “ক” (স্বাক্ষরের ক্রমানুসারে)।",
                "Appendix A (in signing order).",
            )
            .to_string(),
        ),
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
    let preamble = format!(
        "{} {}",
        m.preamble,
        w.say(
            "এ বিষয়ে নিম্নরূপ আলোচনা ও সিদ্ধান্তসমূহ গৃহীত হয়:",
            "The following was discussed and decided:",
        )
    );
    flow.paragraph(
        &preamble,
        Weight::Regular,
        SIZE,
        LEFT,
        WIDTH,
        Align::Justify,
    );
    flow.gap(line * 0.5);

    // The decisions table.
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
                .map(|(j, d)| match n {
                    1 => d.text.clone(),
                    _ => format!("{}{} {}", w.number(j + 1, 1), w.say("।", "."), d.text),
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
        &flow,
        vec![32.0, 78.0, 150.0, 130.0, WIDTH - 390.0],
        &[
            w.say("ক্রম", "No."),
            w.say("বিষয়", "Subject"),
            w.say("আলোচনা", "Discussion"),
            w.say("সিদ্ধান্ত", "Decision"),
            w.say("বাস্তবায়নকারী", "Implemented by"),
        ],
        rows,
        SIZE - 1.0,
    );
    table.draw(&mut flow);
    carried(&mut flow, meeting, &w);
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
        &mut flow,
        &m.chair.name,
        &m.chair.designation,
        signatures.chair.as_deref(),
    );

    // Memo number on the left; on the right the Bangla date over the Gregorian.
    flow.gap(line);
    flow.ensure(line * 3.0);
    let top = flow.y;
    if let Some(number) = &m.memo_number {
        let text = format!("{} {}", w.say("স্মারক নম্বর:", "Memo No."), w.digits(number));
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

    // অনুলিপি
    if !m.distribution.recipients.is_empty() {
        flow.gap(line * 0.5);
        flow.paragraph(
            &format!(
                "{} {}",
                w.say("অনুলিপি:", "Copy to:"),
                m.distribution.heading
            ),
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
    if let Some(issuer) = &m.issuer {
        signature(
            &mut flow,
            &issuer.name,
            &issuer.designation,
            signatures.issuer.as_deref(),
        );
    }

    // Appendix "ক": attendance, on its own page.
    flow.new_page();
    flow.paragraph(
        w.say("পরিশিষ্ট “ক”", "Appendix A"),
        Weight::Bold,
        SIZE + 1.0,
        LEFT,
        WIDTH,
        Align::Center,
    );
    flow.paragraph(&m.title, Weight::Regular, SIZE, LEFT, WIDTH, Align::Center);
    flow.paragraph(
        &format!("{} {}", w.say("তারিখ:", "Date:"), w.meeting_date(m.held_on)),
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
            vec![
                w.number(i + 1, 2),
                who,
                a.office.clone(),
                "\n\n".to_string(),
            ]
        })
        .collect();
    let table = Table::new(
        &flow,
        vec![36.0, 170.0, 160.0, WIDTH - 366.0],
        &[
            w.say("ক্রম", "No."),
            w.say("নাম ও পদবি", "Name and designation"),
            w.say("দপ্তর", "Office"),
            w.say("স্বাক্ষর", "Signature"),
        ],
        rows,
        SIZE - 1.0,
    );
    table.draw(&mut flow);

    // Page numbers: "পৃষ্ঠা ১/৩".
    let total = flow.canvas.page_count();
    for page in 0..total {
        let text = format!(
            "{} {}/{}",
            w.say("পৃষ্ঠা", "Page"),
            w.number(page + 1, 1),
            w.number(total, 1)
        );
        let l = flow.lines(&text, Weight::Regular, SIZE - 2.0, WIDTH);
        flow.page = page;
        // An issued memo: its verification QR code and short URL.
        if let Some(url) = &signatures.verify_url {
            let side = 46.0;
            let squares = qr_squares(url, LEFT, PAGE_HEIGHT - 58.0, side);
            flow.canvas.squares(page, &squares);
            let label = format!("{} {url}", w.say("যাচাই:", "Verify:"));
            let small = SIZE - 3.0;
            for ln in &flow.lines(&label, Weight::Regular, small, WIDTH - side - 8.0) {
                flow.draw_line(
                    ln,
                    LEFT + side + 6.0,
                    PAGE_HEIGHT - 28.0,
                    WIDTH,
                    small,
                    Align::Left,
                );
            }
        }
        for ln in &l {
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
    flow.canvas.finish()
}

/// A report as PDF tables with the memo's fonts, shaping and layout: a
/// centred title, then per section its heading and its table (rows split
/// across pages, header repeated), and page numbers. `widths` are shares of
/// the text width.
pub fn render_table(
    title: &str,
    header: &[&str],
    widths: &[f32],
    sections: Vec<(String, Vec<Vec<String>>)>,
    fonts: &Fonts,
) -> Vec<u8> {
    let mut flow = Flow {
        canvas: Canvas::new(fonts, title),
        shaper: Shaper::new(fonts),
        page: 0,
        y: TOP,
    };
    flow.new_page();
    flow.paragraph(title, Weight::Bold, SIZE + 1.0, LEFT, WIDTH, Align::Center);
    flow.gap(SIZE * LEADING * 0.5);
    let total: f32 = widths.iter().sum();
    let widths: Vec<f32> = widths.iter().map(|w| w / total * WIDTH).collect();
    for (heading, rows) in sections {
        flow.ensure(SIZE * LEADING * 4.0);
        flow.paragraph(
            &heading,
            Weight::Regular,
            SIZE - 1.0,
            LEFT,
            WIDTH,
            Align::Left,
        );
        let table = Table::new(&flow, widths.clone(), header, rows, SIZE - 2.0);
        table.draw(&mut flow);
        flow.gap(SIZE * LEADING * 0.5);
    }
    let pages = flow.canvas.page_count();
    let w = Words::of("bn");
    for page in 0..pages {
        let text = format!("পৃষ্ঠা {}/{}", w.number(page + 1, 1), w.number(pages, 1));
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
    flow.canvas.finish()
}

/// "বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি": the earlier meetings' unfinished
/// decisions with each office's status, as a table after the decisions.
fn carried(flow: &mut Flow, meeting: &Meeting, w: &Words) {
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
            let text = format!("{} {}", w.say("স্মারক নম্বর:", "Memo No."), w.digits(number));
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
                w.say("ক্রম", "No."),
                w.say("সিদ্ধান্ত", "Decision"),
                w.say("বাস্তবায়নের অবস্থা", "Progress"),
            ],
            rows,
            SIZE - 1.0,
        );
        table.draw(flow);
        flow.gap(line * 0.5);
    }
}

/// Every text of the meeting the memo prints, as typed: what its text layer
/// must give back word for word (the tests and the benchmark check this).
pub fn printed_texts(meeting: &Meeting) -> Vec<String> {
    let (o, m) = (&meeting.office, &meeting.minutes);
    let mut texts = vec![
        o.name.clone(),
        o.place.clone(),
        o.branch.clone(),
        m.title.clone(),
        m.chair.name.clone(),
        m.chair.designation.clone(),
        m.venue.clone(),
        m.preamble.clone(),
    ];
    for item in &m.agenda {
        texts.extend([item.subject.clone(), item.discussion.clone()]);
        texts.extend(item.decisions.iter().map(|d| d.text.clone()));
        texts.extend(item.implementer_labels());
    }
    texts.push(m.closing.clone());
    texts.extend(
        m.memo_number
            .as_deref()
            .map(|n| Words::of(&m.language).digits(n)),
    );
    texts.push(m.distribution.heading.clone());
    texts.extend(m.distribution.recipients.iter().cloned());
    if let Some(issuer) = &m.issuer {
        texts.extend([issuer.name.clone(), issuer.designation.clone()]);
    }
    for a in &m.attendees {
        texts.extend([a.name.clone(), a.designation.clone(), a.office.clone()]);
    }
    texts.retain(|t| !t.is_empty());
    texts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::memo::pdf::tests::pdftotext;
    use app::domain::minutes::*;
    use app::domain::*;
    use chrono::{NaiveDate, NaiveTime};
    use uuid::Uuid;

    fn meeting(discussion: String) -> Meeting {
        let held_on = NaiveDate::from_ymd_opt(2024, 3, 14).unwrap();
        let decision = |text: &str| Decision {
            text: text.into(),
            implementers: vec![Implementer {
                office: "rangpur-division".into(),
                members: Some("district".into()),
                label: "জেলা প্রশাসক (সকল), রংপুর বিভাগ".into(),
            }],
            deadline: Deadline::Quarterly,
        };
        let mut minutes = Minutes::new("rangpur-division", held_on);
        minutes.title = "৩য় ত্রৈমাসিক সভার কার্যবিবরণী".into();
        minutes.chair = Person {
            name: "সভাপতি".into(),
            designation: "বিভাগীয় কমিশনার".into(),
        };
        minutes.starts_at = NaiveTime::from_hms_opt(15, 0, 0).unwrap();
        minutes.venue = "সম্মেলন কক্ষ".into();
        minutes.preamble = "সভাপতি সভার কার্যক্রম শুরু করেন।".into();
        minutes.closing = "সভাপতি সভার সমাপ্তি ঘোষণা করেন।".into();
        minutes.status = MeetingStatus::Issued;
        minutes.memo_number = Some("05.47.0000.005.12.002.17.300".into());
        minutes.issued_on = Some(held_on);
        minutes.attendees = vec![Attendee {
            name: "উপস্থিত একজন".into(),
            designation: "পদবি".into(),
            office: "দপ্তর".into(),
        }];
        minutes.agenda = vec![AgendaItem {
            subject: "দীর্ঘ আলোচনা".into(),
            discussion,
            decisions: vec![decision("প্রথম সিদ্ধান্ত।"), decision("দ্বিতীয় সিদ্ধান্ত।")],
        }];
        minutes.distribution = Distribution {
            heading: "কার্যার্থে".into(),
            recipients: vec!["জেলা প্রশাসক (সকল)".into()],
        };
        Meeting {
            corrects: None,
            carried: vec![],
            imported: false,
            id: Uuid::nil(),
            office: OfficeHeading {
                name: "বিভাগীয় কমিশনারের কার্যালয়".into(),
                place: "রংপুর".into(),
                branch: "সাধারণ শাখা".into(),
            },
            minutes,
        }
    }

    #[test]
    fn english_minutes_get_english_words_and_digits_in_the_same_layout() {
        let mut m = meeting("A short discussion.".into());
        m.minutes.language = "en".into();
        m.minutes.title = "Minutes of the 3rd quarterly meeting".into();
        let pdf = render(&m, &crate::memo::fonts::SHIPPED, &Signatures::default());
        assert_eq!(pages(&pdf), 2);
        let layer = pdftotext(&pdf);
        for text in [
            "Government of the People's Republic of Bangladesh",
            "Chair",
            "14 March 2024",
            "3:00 PM",
            "Implemented",
            "Memo No. 05.47.0000.005.12.002.17.300",
            "Date: 14 March 2024",
            "Copy to:",
            "Appendix A",
            "Page 1/2",
            "2. দ্বিতীয় সিদ্ধান্ত।",
        ] {
            assert!(layer.contains(text), "{text:?} missing from:\n{layer}");
        }
        assert!(
            !layer.contains("ফাল্গুন"),
            "no Bangla calendar date in English"
        );
    }

    fn pages(pdf: &[u8]) -> usize {
        pdftotext(pdf).matches('\u{c}').count()
    }

    #[test]
    fn a_row_taller_than_a_page_continues_on_the_next_pages() {
        use app::domain::numerals::bangla_number;
        // About 900 words in one cell: several pages of one table row.
        let long: Vec<String> = (1..=900)
            .map(|i| format!("আলোচনা{}", bangla_number(i as u64, 1)))
            .collect();
        let pdf = render(
            &meeting(long.join(" ")),
            &crate::memo::fonts::SHIPPED,
            &Signatures::default(),
        );
        let layer = pdftotext(&pdf);
        for word in &long {
            assert!(layer.contains(word.as_str()), "{word} lost at a page break");
        }
        // Header repeated on every page the table spans (at least 3 of them).
        assert!(layer.matches("বাস্তবায়নকারী").count() >= 3);
        assert!(pages(&pdf) >= 4, "table pages plus the appendix");
        assert!(
            layer.contains("৩০ ফাল্গুন, ১৪৩০"),
            "14 March 2024 is the 30th of a leap-year Falgun"
        );
        assert!(
            layer.contains("প্রথম সিদ্ধান্ত।") && layer.contains("২।"),
            "several decisions are numbered"
        );
        assert!(layer.contains("বিকাল ৩:০০ টা"));
    }

    #[test]
    fn a_short_meeting_is_two_pages_minutes_and_appendix() {
        let pdf = render(
            &meeting("সংক্ষিপ্ত আলোচনা।".into()),
            &crate::memo::fonts::SHIPPED,
            &Signatures::default(),
        );
        assert_eq!(pages(&pdf), 2);
        let layer = pdftotext(&pdf);
        assert!(layer.contains("পৃষ্ঠা ১/২") && layer.contains("পৃষ্ঠা ২/২"));
        assert!(layer.contains("০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.৩০০"));
    }
}
