//! Search results, and the piece of text shown around a match.
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// Queries shorter than this match too much (and a trigram index needs 3).
pub const MIN_QUERY: usize = 3;
/// The longest query searched for; the rest is dropped.
pub const MAX_QUERY: usize = 200;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Hit {
    /// "meeting", "subject", "discussion" or "decision".
    pub kind: String,
    pub meeting_id: Uuid,
    pub meeting_title: String,
    pub snippet: String,
    /// Where on the meeting's page the match is: its agenda item (`item-2`)
    /// or decision (`item-2-1`); None for the title.
    #[serde(default)]
    pub anchor: Option<String>,
    /// The meeting's office and status: who may see the hit.
    pub office_id: Uuid,
    pub status: crate::domain::MeetingStatus,
}

/// About `width` characters of `text` around the first match of `query`,
/// with "…" where it was cut.
pub fn snippet(text: &str, query: &str, width: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let lower = text.to_lowercase();
    let at = lower
        .find(&query.to_lowercase())
        .map(|byte| lower[..byte].chars().count())
        .unwrap_or(0);
    let start = at.saturating_sub(width / 2);
    // The match itself is always shown whole.
    let end = (start + width)
        .max(at + query.chars().count())
        .min(chars.len());
    let start = end.saturating_sub(width).min(start).min(at);
    // Cut between words when one is near, and never inside a Bangla letter
    // cluster (a vowel sign or a conjunct's second half alone is unreadable).
    let start = near_space(&chars, start, at, 1).unwrap_or_else(|| {
        (start..at.max(start))
            .find(|&p| may_cut(&chars, p))
            .unwrap_or(start)
    });
    let end = near_space(&chars, end, at + query.chars().count(), -1).unwrap_or_else(|| {
        (end..chars.len())
            .find(|&p| may_cut(&chars, p))
            .unwrap_or(chars.len())
    });
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

/// A space within a few characters of `from`, toward `toward` (dir 1:
/// forward, -1: backward): the cut goes just past it.
fn near_space(chars: &[char], from: usize, toward: usize, dir: i32) -> Option<usize> {
    const REACH: usize = 15;
    if from == 0 || from >= chars.len() {
        return Some(from);
    }
    (0..REACH).find_map(|k| {
        let p = if dir > 0 {
            from + k
        } else {
            from.checked_sub(k)?
        };
        let inside = if dir > 0 { p < toward } else { p > toward };
        (inside && p < chars.len() && chars[p].is_whitespace()).then_some(if dir > 0 {
            p + 1
        } else {
            p
        })
    })
}

/// May text be cut before `chars[p]` without splitting a letter cluster?
fn may_cut(chars: &[char], p: usize) -> bool {
    let joins = |c: char| matches!(c as u32, 0x0981..=0x0983 | 0x09BC | 0x09BE..=0x09CD | 0x09D7 | 0x09E2..=0x09E3 | 0x200C | 0x200D);
    let after_virama = p > 0 && matches!(chars[p - 1] as u32, 0x09CD | 0x200D);
    p == 0 || p >= chars.len() || (!joins(chars[p]) && !after_virama)
}

/// The meeting page's anchor of a match: an agenda item (`item-2`), or one
/// of its decisions (`item-2-1`); positions count from one.
pub fn anchor(item: Option<i32>, decision: Option<i32>) -> Option<String> {
    match (item, decision) {
        (Some(i), Some(d)) => Some(format!("item-{i}-{d}")),
        (Some(i), None) => Some(format!("item-{i}")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_is_never_cut_inside_a_bangla_letter() {
        let text =
            "সেবা প্রদান প্রতিশ্রুতি ".repeat(10) + "পরিবীক্ষণ কমিটি" + &" ত্রৈমাসিক সভা".repeat(10);
        for width in 10..60 {
            let s = snippet(&text, "পরিবীক্ষণ", width);
            let body = s.trim_matches('…');
            let first = body.chars().next().unwrap();
            assert!(
                !matches!(first as u32, 0x0981..=0x0983 | 0x09BC | 0x09BE..=0x09CD | 0x09D7),
                "width {width}: starts with a vowel sign or virama: {s}"
            );
            assert!(
                !body.ends_with('\u{09CD}'),
                "width {width}: ends in a virama: {s}"
            );
            assert!(s.contains("পরিবীক্ষণ"), "{s}");
        }
    }

    #[test]
    fn a_snippet_shows_the_match_in_context() {
        let text = "ক".repeat(100) + "পরিবীক্ষণ কমিটি" + &"খ".repeat(100);
        let s = snippet(&text, "পরিবীক্ষণ", 40);
        assert!(s.contains("পরিবীক্ষণ"), "{s}");
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert_eq!(snippet("short text", "text", 40), "short text");
    }
}
