//! The memo's layout, after seed 004: header, title, meta block, preamble,
//! the decisions table (rows split across pages, header repeated), closing,
//! signature, memo number with the dual date, distribution list, issuer, and
//! appendix "ক" (attendance) on its own page; page numbers on every page.
use super::fonts::Fonts;
use super::pdf::{Canvas, PAGE_HEIGHT, PAGE_WIDTH};
use super::shape::{Shaper, Weight};
use super::words::Words;
use app::domain::Meeting;
use flow::{Align, Flow};
use table::Table;

mod appendix;
mod closing;
mod decisions;
mod flow;
mod footer;
mod heading;
mod table;
#[cfg(test)]
mod tests;

const LEFT: f32 = 72.0; // 25.4 mm: the binding margin
const RIGHT: f32 = PAGE_WIDTH - 56.0;
const TOP: f32 = 56.0;
const BOTTOM: f32 = PAGE_HEIGHT - 64.0; // room for the page number
const WIDTH: f32 = RIGHT - LEFT;
const SIZE: f32 = 11.0;
const LEADING: f32 = 1.45;
const PAD: f32 = 4.0;

/// What signs a memo: PNG signature images printed above the chair's and
/// the issuer's names and, once issued, the URL of its public verification
/// page, printed in every page's footer with its QR code.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Signatures {
    pub chair: Option<Vec<u8>>,
    pub issuer: Option<Vec<u8>>,
    pub verify_url: Option<String>,
}

/// Renders the minutes of `meeting` as a memo PDF.
pub fn render(meeting: &Meeting, fonts: &Fonts, signatures: &Signatures) -> Vec<u8> {
    draw(meeting, fonts, signatures).finish()
}

/// The memo drawn on a canvas, which also knows where everything went
/// (`Canvas::marks`, read by the layout tests).
fn draw<'f>(meeting: &Meeting, fonts: &'f Fonts, signatures: &Signatures) -> Canvas<'f> {
    let m = &meeting.minutes;
    let w = Words::of(&m.language);
    // Minutes not yet issued are no memo: every page says "draft", and no
    // signature is printed, so a printout cannot pass for the issued one.
    let draft = m.status != app::domain::MeetingStatus::Issued;
    let unsigned = Signatures {
        chair: None,
        issuer: None,
        ..signatures.clone()
    };
    let signatures = if draft { &unsigned } else { signatures };
    let mut flow = Flow {
        canvas: Canvas::new(fonts, &m.title),
        shaper: Shaper::new(fonts),
        page: 0,
        y: TOP,
    };
    flow.new_page();
    heading::heading(&mut flow, meeting, &w);
    heading::meta(&mut flow, m, &w);
    heading::preamble(&mut flow, m, &w);
    decisions::decisions(&mut flow, m, &w);
    decisions::carried(&mut flow, meeting, &w);
    closing::closing(&mut flow, m, signatures);
    let issuer = closing::issuer_height(&flow, m);
    closing::memo_number_and_date(&mut flow, m, &w, issuer);
    closing::distribution(&mut flow, m, &w, issuer);
    closing::issuer(&mut flow, m, signatures);
    appendix::attendance(&mut flow, m, &w);
    footer::page_footers(&mut flow, &w, signatures);
    if draft {
        footer::draft_marks(&mut flow, &w);
    }
    flow.canvas
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
    w: Words,
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
    footer::page_numbers(&mut flow, &w);
    flow.canvas.finish()
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
