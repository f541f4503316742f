//! Paragraphs: break text into lines at the Unicode line-break opportunities
//! (UAX #14), greedily, measuring each piece by its shaped width.
use super::shape::{width, Run, Shaper, Weight};
use unicode_linebreak::{linebreaks, BreakOpportunity};
use unicode_segmentation::UnicodeSegmentation;

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

#[derive(Clone, Debug, PartialEq, Default)]
pub struct Line {
    pub pieces: Vec<Piece>,
    /// Width from the first piece's start to the last piece's end.
    pub width: f32,
    /// The last line of a paragraph (or before a hard break): never justified.
    pub last: bool,
}

impl Line {
    /// An empty line, to keep the lines of table columns level.
    pub fn blank() -> Line {
        Line {
            last: true,
            ..Line::default()
        }
    }
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

/// `text` laid out in lines no wider than `max_width`: pieces at the line
/// break opportunities, the ones too wide for any line split further
/// (`split_wide`), then filled greedily.
pub fn lines(shaper: &Shaper, text: &str, weight: Weight, size: f32, max_width: f32) -> Vec<Line> {
    let pieces = pieces(shaper, text, weight, size)
        .into_iter()
        .flat_map(|p| split_wide(shaper, p, weight, size, max_width))
        .collect();
    break_lines(pieces, max_width)
}

/// Where a token with no break opportunity (an e-mail address, a URL, a
/// file number) may still be broken: after these marks.
const SOFT_BREAKS: [char; 10] = ['.', '@', '/', '-', '_', '?', '&', '=', '#', ':'];

/// A piece wider than `max_width` as several that fit, glued together (no
/// space between them, so justification opens no gap and the text layer
/// gains no space): first at its own marks (`SOFT_BREAKS`), and where a part
/// is still too wide, between grapheme clusters, so a Bangla conjunct is
/// never cut.
fn split_wide(
    shaper: &Shaper,
    piece: Piece,
    weight: Weight,
    size: f32,
    max_width: f32,
) -> Vec<Piece> {
    if piece.width <= max_width + 0.01 {
        return vec![piece];
    }
    let measure = |t: &str| width(&shaper.shape(t, weight, size));
    // The marks' parts, then each part too wide as its clusters.
    let mut parts: Vec<&str> = vec![];
    let mut start = 0;
    for (i, c) in piece.text.char_indices() {
        let end = i + c.len_utf8();
        if SOFT_BREAKS.contains(&c) && end < piece.text.len() {
            parts.push(&piece.text[start..end]);
            start = end;
        }
    }
    parts.push(&piece.text[start..]);
    let units: Vec<&str> = parts
        .into_iter()
        .flat_map(|part| {
            if measure(part) <= max_width + 0.01 {
                vec![part]
            } else {
                part.graphemes(true).collect()
            }
        })
        .collect();
    // Greedy: as many units per part as fit.
    let mut texts: Vec<String> = vec![];
    let mut current = String::new();
    for unit in units {
        let joined = format!("{current}{unit}");
        if current.is_empty() || measure(&joined) <= max_width + 0.01 {
            current = joined;
        } else {
            texts.push(std::mem::replace(&mut current, unit.to_string()));
        }
    }
    texts.push(current);
    let last = texts.len() - 1;
    texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| {
            let runs = shaper.shape(&text, weight, size);
            Piece {
                width: width(&runs),
                runs,
                text,
                space_after: if i == last { piece.space_after } else { 0.0 },
                hard_break_after: i == last && piece.hard_break_after,
            }
        })
        .collect()
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

/// Where each piece of `line` starts, left-aligned or justified to
/// `max_width`. Justifying stretches only the spaces: a break after a hyphen
/// or a slash ("ই-নথি", "দপ্তর/সংস্থা") is no space and gets no gap.
pub fn positions(line: &Line, max_width: f32, justify: bool) -> Vec<f32> {
    let stretches = |i: usize, p: &Piece| i + 1 < line.pieces.len() && p.space_after > 0.0;
    let gaps = line
        .pieces
        .iter()
        .enumerate()
        .filter(|(i, p)| stretches(*i, p))
        .count();
    let extra = if justify && !line.last && gaps > 0 {
        (max_width - line.width).max(0.0) / gaps as f32
    } else {
        0.0
    };
    let mut x = 0.0;
    line.pieces
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let at = x;
            x += p.width + p.space_after;
            if stretches(i, p) {
                x += extra;
            }
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
                "ক খ প্রতিশ্রুতি গ",
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

    /// The parts of `text` laid out at `max`, line by line.
    fn laid_out(text: &str, max: f32) -> Vec<Vec<String>> {
        lines(&Shaper::new(&FONTS), text, Weight::Regular, 10.0, max)
            .iter()
            .map(|l| l.pieces.iter().map(|p| p.text.clone()).collect())
            .collect()
    }

    #[test]
    fn an_address_too_wide_for_the_column_breaks_at_its_own_marks() {
        let text = "ই-মেইল: dc.rangpur.information@mopa.gov.bd এবং https://rangpur.gov.bd/site/page/citizen-charter";
        let max = 90.0;
        let shaper = Shaper::new(&FONTS);
        let ls = lines(&shaper, text, Weight::Regular, 10.0, max);
        assert!(ls.iter().all(|l| l.width <= max + 0.01), "every line fits");
        let parts: Vec<String> = ls
            .iter()
            .flat_map(|l| l.pieces.iter().map(|p| p.text.clone()))
            .collect();
        assert!(parts.contains(&"dc.rangpur.".to_string()), "{parts:?}");
        assert!(parts.iter().any(|p| p.ends_with('@')), "{parts:?}");
        assert_eq!(parts.concat().replace(' ', ""), text.replace(' ', ""));
    }

    #[test]
    fn a_bangla_word_wider_than_the_column_breaks_between_clusters_only() {
        let word = "মন্ত্রিপরিষদবিভাগকর্তৃকপ্রতিশ্রুতিবাস্তবায়নসংক্রান্ত";
        let parts: Vec<String> = laid_out(word, 40.0).concat();
        assert!(parts.len() > 2, "{parts:?}");
        assert_eq!(parts.concat(), word);
        for pair in parts.windows(2) {
            assert!(
                !pair[0].ends_with('\u{9cd}'),
                "cut after a virama: {pair:?}"
            );
            let next = pair[1].chars().next().unwrap();
            assert!(
                !matches!(next, '\u{9bc}'..='\u{9d7}' | '\u{981}'..='\u{983}'),
                "a sign cut from its consonant: {pair:?}"
            );
        }
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

    #[test]
    fn justifying_stretches_spaces_only_not_a_break_after_a_hyphen_or_slash() {
        let text = "ই-নথি ব্যবহারে দপ্তর/সংস্থা সমূহকে নির্দেশনা প্রদান করা হয়েছে এবং ই-নথি চালু আছে";
        let ls = lines(&Shaper::new(&FONTS), text, Weight::Regular, 10.0, 150.0);
        let mut glued = 0;
        for line in ls.iter().filter(|l| !l.last) {
            let xs = positions(line, 150.0, true);
            for (i, _) in line.pieces.iter().enumerate().skip(1) {
                let prev = &line.pieces[i - 1];
                if prev.space_after == 0.0 {
                    glued += 1;
                    let end = xs[i - 1] + prev.width;
                    assert!((xs[i] - end).abs() < 0.001, "gap after {:?}", prev.text);
                } else {
                    assert!(xs[i] - (xs[i - 1] + prev.width) >= prev.space_after - 0.001);
                }
            }
        }
        assert!(glued >= 2, "the test text has hyphens and slashes mid-line");
    }
}
