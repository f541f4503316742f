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
    let end = (start + width).min(chars.len());
    let start = end.saturating_sub(width).min(start);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_snippet_shows_the_match_in_context() {
        let text = "ক".repeat(100) + "পরিবীক্ষণ কমিটি" + &"খ".repeat(100);
        let s = snippet(&text, "পরিবীক্ষণ", 40);
        assert!(s.contains("পরিবীক্ষণ"), "{s}");
        assert!(s.starts_with('…') && s.ends_with('…'));
        assert_eq!(snippet("short text", "text", 40), "short text");
    }
}
