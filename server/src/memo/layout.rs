//! Paragraphs: break text into lines at the Unicode line-break opportunities
//! (UAX #14), greedily, measuring each piece by its shaped width.
use super::shape::{width, Run, Shaper, Weight};
use unicode_linebreak::{linebreaks, BreakOpportunity};

/// Text between two break opportunities: the visible part, shaped, and the
/// width of the spaces after it (which vanish at the end of a line).
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub text: String,
    pub runs: Vec<Run>,
    pub width: f32,
    pub space_after: f32,
    pub hard_break_after: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub pieces: Vec<Piece>,
    /// Width from the first piece's start to the last piece's end.
    pub width: f32,
    /// The last line of a paragraph (or before a hard break): never justified.
    pub last: bool,
}

pub fn pieces(shaper: &Shaper, text: &str, weight: Weight, size: f32) -> Vec<Piece> {
    let mut out = vec![];
    let mut start = 0;
    for (end, kind) in linebreaks(text) {
        let segment = &text[start..end];
        start = end;
        let visible = segment.trim_end();
        let trailing = &segment[visible.len()..];
        let hard_break_after =
            kind == BreakOpportunity::Mandatory && trailing.contains(['\n', '\r']);
        let spaces: String = trailing
            .chars()
            .filter(|c| *c == ' ' || *c == '\u{a0}')
            .collect();
        if visible.is_empty() {
            if hard_break_after {
                if let Some(last) = out.last_mut() {
                    let last: &mut Piece = last;
                    last.hard_break_after = true;
                }
            }
            continue;
        }
        let runs = shaper.shape(visible, weight, size);
        let space_after = if spaces.is_empty() {
            0.0
        } else {
            width(&shaper.shape(&spaces, weight, size))
        };
        out.push(Piece {
            text: visible.to_string(),
            width: width(&runs),
            runs,
            space_after,
            hard_break_after,
        });
    }
    out
}

/// Greedy line filling. A piece wider than `max_width` gets a line of its own.
pub fn break_lines(pieces: Vec<Piece>, max_width: f32) -> Vec<Line> {
    let mut lines = vec![];
    let mut current: Vec<Piece> = vec![];
    let mut x = 0.0f32;
    for piece in pieces {
        let start = if current.is_empty() {
            0.0
        } else {
            x + current.last().map_or(0.0, |p| p.space_after)
        };
        if !current.is_empty() && start + piece.width > max_width + 0.01 {
            lines.push(Line {
                width: x,
                pieces: std::mem::take(&mut current),
                last: false,
            });
            x = 0.0;
        }
        let start = if current.is_empty() {
            0.0
        } else {
            x + current.last().map_or(0.0, |p| p.space_after)
        };
        x = start + piece.width;
        let hard = piece.hard_break_after;
        current.push(piece);
        if hard {
            lines.push(Line {
                width: x,
                pieces: std::mem::take(&mut current),
                last: true,
            });
            x = 0.0;
        }
    }
    if !current.is_empty() {
        lines.push(Line {
            width: x,
            pieces: current,
            last: true,
        });
    }
    lines
}

/// Where each piece of `line` starts, left-aligned or justified to `max_width`.
pub fn positions(line: &Line, max_width: f32, justify: bool) -> Vec<f32> {
    let gaps = line.pieces.len().saturating_sub(1);
    let extra = if justify && !line.last && gaps > 0 {
        (max_width - line.width).max(0.0) / gaps as f32
    } else {
        0.0
    };
    let mut x = 0.0;
    line.pieces
        .iter()
        .map(|p| {
            let at = x;
            x += p.width + p.space_after + extra;
            at
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::fonts::Fonts;
    use super::*;
    use std::sync::LazyLock;

    static FONTS: LazyLock<Fonts> = LazyLock::new(Fonts::shipped);
    const TEXT: &str = "সভাপতি উপস্থিত সদস্যগণকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন। সভাপতি জানান যে, এ কার্যালয়ের ২০২২-২৩ অর্থবছরের বার্ষিক কর্মসম্পাদন চুক্তির অংশ হিসেবে সেবা প্রদান প্রতিশ্রুতি বাস্তবায়ন কর্মপরিকল্পনার ১.৩ কার্যক্রম অংশে";

    #[test]
    fn lines_fit_and_keep_every_word_in_order() {
        let lines = break_lines(
            pieces(&Shaper::new(&FONTS), TEXT, Weight::Regular, 12.0),
            200.0,
        );
        assert!(lines.len() > 3);
        assert!(lines
            .iter()
            .all(|l| l.width <= 200.01 || l.pieces.len() == 1));
        let words: Vec<String> = lines
            .iter()
            .flat_map(|l| l.pieces.iter().map(|p| p.text.clone()))
            .collect();
        assert_eq!(words.join(" "), TEXT);
        assert!(lines.last().unwrap().last && !lines[0].last);
    }

    #[test]
    fn a_word_wider_than_the_line_stands_alone() {
        let lines = break_lines(
            pieces(
                &Shaper::new(&FONTS),
                "ক খ প্রতিশ্রুতিপ্রতিশ্রুতিপ্রতিশ্রুতি গ",
                Weight::Regular,
                12.0,
            ),
            40.0,
        );
        assert_eq!(
            lines.iter().map(|l| l.pieces.len()).collect::<Vec<_>>(),
            [2, 1, 1]
        );
    }

    #[test]
    fn breaks_after_a_slash_and_at_newlines() {
        let ps = pieces(
            &Shaper::new(&FONTS),
            "কর্মশালা/প্রশিক্ষণ/সেমিনার\nআয়োজন",
            Weight::Regular,
            12.0,
        );
        assert_eq!(
            ps.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
            ["কর্মশালা/", "প্রশিক্ষণ/", "সেমিনার", "আয়োজন"]
        );
        let lines = break_lines(ps, 1000.0);
        assert_eq!(lines.len(), 2, "the newline is a hard break");
    }

    #[test]
    fn justified_lines_reach_the_right_edge_except_the_last() {
        let lines = break_lines(
            pieces(&Shaper::new(&FONTS), TEXT, Weight::Regular, 12.0),
            200.0,
        );
        let first = &lines[0];
        let xs = positions(first, 200.0, true);
        let end = xs.last().unwrap() + first.pieces.last().unwrap().width;
        assert!((end - 200.0).abs() < 0.01, "ends at {end}");
        let last = lines.last().unwrap();
        assert_eq!(positions(last, 200.0, true), positions(last, 200.0, false));
    }
}
