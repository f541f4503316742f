//! A thin canvas over printpdf: A4 pages, shaped text with its exact Unicode
//! as /ActualText, and rules. Positions are in points from the page's top-left.
use super::fonts::{FontKey, Fonts};
use super::shape::Run;
use printpdf::{
    Codepoint, Color, DictItem, FontId, Line, LinePoint, Mm, Op, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rgb, TextItem, TextMatrix,
};
use std::collections::BTreeMap;

pub const PAGE_WIDTH: f32 = 595.28; // A4, points
pub const PAGE_HEIGHT: f32 = 841.89;

pub struct Canvas<'f> {
    fonts: &'f Fonts,
    doc: PdfDocument,
    font_ids: Vec<FontId>,
    pages: Vec<Vec<Op>>,
    marks: Vec<Mark>,
}

/// What a mark on the page is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One piece of text: its advance box, from the line's top to below
    /// the descenders.
    Text,
    /// A table cell's frame (drawn as rules; recorded so that the layout
    /// tests can check that its text stays inside).
    Cell,
    /// A QR code's square.
    Qr,
    Image,
}

/// Where something was drawn, in points from the page's top-left: the
/// renderer's own geometry, which the layout tests read.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub page: usize,
    pub kind: Kind,
    pub x: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
    pub text: String,
}

impl Mark {
    pub fn right(&self) -> f32 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f32 {
        self.top + self.height
    }

    /// Whether the two boxes share any area (touching edges do not count).
    pub fn overlaps(&self, other: &Mark) -> bool {
        self.page == other.page
            && self.x < other.right() - 0.01
            && other.x < self.right() - 0.01
            && self.top < other.bottom() - 0.01
            && other.top < self.bottom() - 0.01
    }
}

/// A PDF text string in UTF-16BE with its byte-order mark, as /ActualText wants.
fn utf16_text(s: &str) -> DictItem {
    let mut data = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        data.extend_from_slice(&unit.to_be_bytes());
    }
    DictItem::String {
        data,
        literal: false,
    }
}

impl<'f> Canvas<'f> {
    pub fn new(fonts: &'f Fonts, title: &str) -> Canvas<'f> {
        let mut doc = PdfDocument::new(title);
        let font_ids = FontKey::ALL
            .iter()
            .map(|k| doc.add_font(&fonts.get(*k).pdf))
            .collect();
        Canvas {
            fonts,
            doc,
            font_ids,
            pages: vec![],
            marks: vec![],
        }
    }

    /// Everything drawn so far, in drawing order.
    pub fn marks(&self) -> &[Mark] {
        &self.marks
    }

    /// Records a box drawn on `page` (cells and the like, drawn as rules).
    pub fn mark(&mut self, page: usize, kind: Kind, (x, top, width, height): (f32, f32, f32, f32)) {
        self.marks.push(Mark {
            page,
            kind,
            x,
            top,
            width,
            height,
            text: String::new(),
        });
    }

    /// Starts a new page and returns its index.
    pub fn new_page(&mut self) -> usize {
        self.pages.push(vec![]);
        self.pages.len() - 1
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    /// Draws shaped `runs` with the left end of their baseline at (x, y); the
    /// whole is one marked-content span whose /ActualText is `text`.
    pub fn text(&mut self, page: usize, x: f32, y: f32, runs: &[Run], text: &str) {
        let size = runs.iter().map(|r| r.size).fold(0.0, f32::max);
        self.marks.push(Mark {
            page,
            kind: Kind::Text,
            x,
            top: y - size * 1.1,
            width: runs.iter().map(|r| r.width).sum(),
            height: size * 1.45,
            text: text.to_string(),
        });
        let mut props = BTreeMap::new();
        props.insert("ActualText".to_string(), utf16_text(text));
        let ops = &mut self.pages[page];
        ops.push(Op::BeginMarkedContentWithProperties {
            tag: "Span".into(),
            properties: DictItem::Dict { map: props },
        });
        ops.push(Op::StartTextSection);
        let mut pen = x;
        for run in runs {
            ops.push(Op::SetFont {
                font: PdfFontHandle::External(self.font_ids[run.font.index()].clone()),
                size: Pt(run.size),
            });
            for g in &run.glyphs {
                ops.push(Op::SetTextMatrix {
                    matrix: TextMatrix::Translate(Pt(pen + g.x), Pt(PAGE_HEIGHT - y + g.y)),
                });
                ops.push(Op::ShowText {
                    items: vec![TextItem::GlyphIds(vec![Codepoint {
                        gid: g.gid,
                        offset: 0.0,
                        cid: None,
                    }])],
                });
            }
            pen += run.width;
        }
        ops.push(Op::EndTextSection);
        ops.push(Op::EndMarkedContent);
    }

    /// A straight rule from (x1, y1) to (x2, y2).
    pub fn rule(&mut self, page: usize, x1: f32, y1: f32, x2: f32, y2: f32, thickness: f32) {
        let point = |x: f32, y: f32| LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(PAGE_HEIGHT - y),
            },
            bezier: false,
        };
        let ops = &mut self.pages[page];
        ops.push(Op::SetOutlineColor {
            col: Color::Rgb(Rgb {
                r: 0.0,
                g: 0.0,
                b: 0.0,
                icc_profile: None,
            }),
        });
        ops.push(Op::SetOutlineThickness { pt: Pt(thickness) });
        ops.push(Op::DrawLine {
            line: Line {
                points: vec![point(x1, y1), point(x2, y2)],
                is_closed: false,
            },
        });
    }

    /// Black squares (x, top, side), filled: one path, for a QR code's modules.
    pub fn squares(&mut self, page: usize, squares: &[(f32, f32, f32)]) {
        use printpdf::{PaintMode, Polygon, PolygonRing, WindingOrder};
        let point = |x: f32, y: f32| LinePoint {
            p: Point {
                x: Pt(x),
                y: Pt(PAGE_HEIGHT - y),
            },
            bezier: false,
        };
        if let (Some(left), Some(top)) = (
            squares.iter().map(|s| s.0).reduce(f32::min),
            squares.iter().map(|s| s.1).reduce(f32::min),
        ) {
            let right = squares.iter().map(|s| s.0 + s.2).fold(left, f32::max);
            let bottom = squares.iter().map(|s| s.1 + s.2).fold(top, f32::max);
            self.mark(page, Kind::Qr, (left, top, right - left, bottom - top));
        }
        let rings = squares
            .iter()
            .map(|&(x, top, side)| PolygonRing {
                points: vec![
                    point(x, top),
                    point(x + side, top),
                    point(x + side, top + side),
                    point(x, top + side),
                ],
            })
            .collect();
        let ops = &mut self.pages[page];
        ops.push(Op::SetFillColor {
            col: Color::Rgb(Rgb {
                r: 0.0,
                g: 0.0,
                b: 0.0,
                icc_profile: None,
            }),
        });
        ops.push(Op::DrawPolygon {
            polygon: Polygon {
                rings,
                mode: PaintMode::Fill,
                winding_order: WindingOrder::NonZero,
            },
        });
    }

    /// Draws a PNG inside the box whose top-left is (x, top), keeping its
    /// proportions, centred horizontally and resting on the box's bottom.
    /// Returns false (drawing nothing) when the bytes are not an image.
    pub fn image(&mut self, page: usize, x: f32, top: f32, w: f32, h: f32, png: &[u8]) -> bool {
        let Ok(image) = printpdf::RawImage::decode_from_bytes(png, &mut Vec::new()) else {
            return false;
        };
        if image.width == 0 || image.height == 0 {
            return false;
        }
        // At 72 dpi one pixel is one point; scale that to fit the box.
        let (pw, ph) = (image.width as f32, image.height as f32);
        let scale = (w / pw).min(h / ph);
        let left = x + (w - pw * scale) / 2.0;
        self.mark(
            page,
            Kind::Image,
            (left, top + h - ph * scale, pw * scale, ph * scale),
        );
        let id = self.doc.add_image(&image);
        self.pages[page].push(Op::UseXobject {
            id,
            transform: printpdf::XObjectTransform {
                translate_x: Some(Pt(left)),
                translate_y: Some(Pt(PAGE_HEIGHT - (top + h))),
                scale_x: Some(scale),
                scale_y: Some(scale),
                dpi: Some(72.0),
                ..Default::default()
            },
        });
        true
    }

    pub fn fonts(&self) -> &'f Fonts {
        self.fonts
    }

    pub fn finish(mut self) -> Vec<u8> {
        let pages = std::mem::take(&mut self.pages)
            .into_iter()
            .map(|ops| PdfPage::new(Mm(210.0), Mm(297.0), ops))
            .collect();
        // Saving as printpdf does, except for the compression: lopdf deflates
        // every stream at its best level (9), which was half of a memo's
        // render time; the default level (6) is 4 ms faster per memo and the
        // files stay within 0.5% of the size (bench/README numbers).
        let options = PdfSaveOptions {
            optimize: false,
            ..PdfSaveOptions::default()
        };
        let mut doc = self
            .doc
            .with_pages(pages)
            .to_lopdf_document(&options, &mut Vec::new());
        for object in doc.objects.values_mut() {
            if let lopdf::Object::Stream(stream) = object {
                deflate(stream);
            }
        }
        let mut out = Vec::new();
        // Writing to a Vec cannot fail.
        let _ = doc.save_to(&mut out);
        out
    }
}

fn deflate(stream: &mut lopdf::Stream) {
    use std::io::Write;
    if stream.dict.get(b"Filter").is_ok() {
        return;
    }
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
    if encoder.write_all(&stream.content).is_err() {
        return;
    }
    if let Ok(compressed) = encoder.finish() {
        if compressed.len() < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(compressed);
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::super::layout::{break_lines, pieces, positions};
    use super::super::shape::Weight;
    use super::*;
    use std::sync::LazyLock;

    static FONTS: LazyLock<Fonts> = LazyLock::new(Fonts::shipped);

    /// The text layer as `pdftotext` (poppler-utils; scripts/setup installs it) reads it.
    pub(crate) fn pdftotext(pdf: &[u8]) -> String {
        let dir = std::env::temp_dir().join(format!("sidhanto-pdf-{}", uuid::Uuid::new_v4()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("t.pdf");
        std::fs::write(&file, pdf).unwrap();
        let out = std::process::Command::new("pdftotext")
            .args([file.to_str().unwrap(), "-"])
            .output()
            .expect("pdftotext (poppler-utils) is installed: run scripts/setup");
        std::fs::remove_dir_all(&dir).ok();
        String::from_utf8(out.stdout).unwrap()
    }

    #[test]
    fn every_word_comes_back_exactly_from_the_text_layer() {
        let text = "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার। মন্ত্রিপরিষদ বিভাগের নির্দেশনা অনুযায়ী প্রতিটি জেলা প্রশাসকের কার্যালয়ের সেবা প্রদান প্রতিশ্রুতিকে নাগরিক সেবা, প্রাতিষ্ঠানিক সেবা ও অভ্যন্তরীণ সেবা হিসেবে ত্রৈমাসিক ভিত্তিতে হালনাগাদপূর্বক ওয়েব সাইটে আপলোড করতে হবে। Website: www.rangpurdiv.gov.bd স্মারক নম্বর: ০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.২৯৯";
        let mut canvas = Canvas::new(&FONTS, "test");
        let page = canvas.new_page();
        let lines = break_lines(
            pieces(
                &super::super::shape::Shaper::new(&FONTS),
                text,
                Weight::Regular,
                12.0,
            ),
            400.0,
        );
        for (i, line) in lines.iter().enumerate() {
            let y = 80.0 + i as f32 * 20.0;
            for (piece, x) in line.pieces.iter().zip(positions(line, 400.0, true)) {
                canvas.text(page, 70.0 + x, y, &piece.runs, &piece.text);
            }
        }
        canvas.rule(page, 70.0, 60.0, 470.0, 60.0, 0.5);
        let pdf = canvas.finish();
        let extracted = pdftotext(&pdf);
        let got: Vec<&str> = extracted.split_whitespace().collect();
        for word in text.split_whitespace() {
            assert!(
                got.contains(&word),
                "{word:?} is not in the text layer:\n{extracted}"
            );
        }
        if let Ok(dir) = std::env::var("SIDHANTO_KEEP_PDF") {
            std::fs::write(format!("{dir}/paragraph.pdf"), &pdf).unwrap();
        }
    }
}
