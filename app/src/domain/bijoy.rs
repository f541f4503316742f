//! Text typed in the legacy Bijoy keyboard with the SutonnyMJ font is stored
//! as Latin-1 letters ("Avgv‡`i mfv" for "আমাদের সভা"): still common in
//! offices. `convert` turns it into Unicode Bangla in two steps: the table
//! (`bijoy.tsv`, data, longest match first) gives the glyphs in the order
//! they are drawn, then `reorder` moves the vowel signs drawn before their
//! consonant (ি ে ৈ) after it and the reph (র্, drawn on top, typed after)
//! before it.
use std::collections::HashMap;
use std::sync::OnceLock;

const TABLE: &str = include_str!("bijoy.tsv");

struct Table {
    map: HashMap<&'static str, &'static str>,
    longest: usize,
}

fn table() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| {
        let map: HashMap<_, _> = TABLE
            .lines()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect();
        let longest = map.keys().map(|k| k.chars().count()).max().unwrap_or(1);
        Table { map, longest }
    })
}

/// The table's glyphs for `text`, in drawing order; what the table does not
/// know (spaces, punctuation, Latin) is kept.
fn map(text: &str) -> Vec<char> {
    let t = table();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    'next: while i < chars.len() {
        for len in (1..=t.longest.min(chars.len() - i)).rev() {
            let key: String = chars[i..i + len].iter().collect();
            if let Some(u) = t.map.get(key.as_str()) {
                if *u == "র্" {
                    // A reph: marked, so `reorder` can tell it from a র্
                    // that belongs where it is typed.
                    out.push(REPH);
                } else {
                    out.extend(u.chars());
                }
                i += len;
                continue 'next;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn is_consonant(c: char) -> bool {
    // ড় ঢ় য় are ড ঢ য + nukta (U+09BC) in normalised text.
    matches!(c, 'ক'..='ন' | 'প'..='র' | 'ল' | 'শ'..='হ' | 'ৎ')
}

const HASANTA: char = '্';
const NUKTA: char = '\u{09BC}';
/// A private-use character standing for a reph between `map` and `reorder`.
const REPH: char = '\u{E000}';

/// Is `c` a vowel sign drawn after its consonant (or a mark that follows one)?
fn is_post_sign(c: char) -> bool {
    matches!(c, 'া' | 'ী' | 'ু' | 'ূ' | 'ৃ' | 'ৗ' | 'ং' | 'ঃ' | 'ঁ')
}

/// The end (exclusive) of the consonant cluster starting at `i`: a
/// consonant, then any number of hasanta + consonant.
fn cluster_end(s: &[char], i: usize) -> usize {
    let nukta = |j: usize| j + usize::from(s.get(j) == Some(&NUKTA));
    let mut j = nukta(i + 1);
    while j + 1 < s.len() && s[j] == HASANTA && is_consonant(s[j + 1]) {
        j = nukta(j + 2);
    }
    j
}

fn reorder(mut s: Vec<char>) -> Vec<char> {
    // ি ে ৈ before a cluster go after it; ে … া is ো and ে … ৗ is ৌ.
    let mut i = 0;
    while i + 1 < s.len() {
        if matches!(s[i], 'ি' | 'ে' | 'ৈ') && is_consonant(s[i + 1]) {
            let sign = s.remove(i);
            let end = cluster_end(&s, i);
            match (sign, s.get(end)) {
                ('ে', Some('া')) => s[end] = 'ো',
                ('ে', Some('ৗ')) => s[end] = 'ৌ',
                _ => s.insert(end, sign),
            }
            i = end + 1;
        } else {
            i += 1;
        }
    }
    // র্ after a cluster (and its vowel signs) goes before the cluster.
    let mut i = 0;
    while i < s.len() {
        if s[i] == REPH {
            // Walk back over vowel signs, then over one cluster.
            let mut start = i;
            while start > 0
                && (is_post_sign(s[start - 1])
                    || matches!(s[start - 1], 'ি' | 'ে' | 'ৈ' | 'ো' | 'ৌ'))
            {
                start -= 1;
            }
            if start > 0 && s[start - 1] == NUKTA {
                start -= 1;
            }
            if start > 0 && is_consonant(s[start - 1]) {
                start -= 1;
                while start >= 2 && s[start - 1] == HASANTA && is_consonant(s[start - 2]) {
                    start -= 2;
                }
                s.remove(i);
                s.insert(start, REPH);
            }
            i += 1;
        } else {
            i += 1;
        }
    }
    s
}

/// `text` (Bijoy) as Unicode Bangla.
pub fn convert(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    for c in reorder(map(text)) {
        match c {
            REPH => out.push_str("র্"),
            c => out.push(c),
        }
    }
    out
}

/// Characters SutonnyMJ uses that plain English text almost never has.
fn is_marker(c: char) -> bool {
    matches!(
        c,
        '‡' | '†'
            | 'ˆ'
            | '‰'
            | '©'
            | '¨'
            | 'ª'
            | '¯'
            | '¶'
            | '¸'
            | '¼'
            | '½'
            | '¾'
            | '¤'
            | 'š'
            | '›'
            | '˜'
            | '™'
            | '“'
            | '”'
            | '…'
            | '„'
            | 'Š'
            | 'Ö'
            | '÷'
            | 'ø'
            | 'œ'
            | '¡'
            | '¥'
            | 'Ÿ'
    )
}

/// Does `text` look like Bijoy? No Bangla letters, at least one character
/// only SutonnyMJ text has, and most words with one of its vowel signs.
pub fn looks_like(text: &str) -> bool {
    if text.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)) {
        return false;
    }
    if !text.chars().any(is_marker) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let bijoyish = words
        .iter()
        .filter(|w| {
            w.chars()
                .any(|c| is_marker(c) || matches!(c, 'v' | 'w' | 'x' | 'y' | '~'))
        })
        .count();
    bijoyish * 2 >= words.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Real words from minutes and office letters, typed in Bijoy.
    #[test]
    fn real_words_with_conjuncts_convert() {
        let cases = [
            ("Avgv‡`i", "আমাদের"),
            ("mfv", "সভা"),
            ("mfvcwZ", "সভাপতি"),
            ("wefvMxq Kwgkbvi", "বিভাগীয় কমিশনার"),
            ("Kvh©weeiYx", "কার্যবিবরণী"),
            ("wm×všÍ", "সিদ্ধান্ত"),
            ("ev¯Íevqb", "বাস্তবায়ন"),
            ("cÖwZkÖæwZ", "প্রতিশ্রুতি"),
            ("‡mev", "সেবা"),
            ("‡Rjv cÖkvmK", "জেলা প্রশাসক"),
            ("Kg©KZ©v", "কর্মকর্তা"),
            ("ˆÎgvwmK", "ত্রৈমাসিক"),
            ("AskMÖnY", "অংশগ্রহণ"),
            ("Dcw¯’Z", "উপস্থিত"),
            ("m¤§vwbZ", "সম্মানিত"),
            ("ch©v‡jvPbv", "পর্যালোচনা"),
            ("‡Mv‡cb", "গোপেন"),
            ("`ßi", "দপ্তর"),
            ("e¨e¯’v", "ব্যবস্থা"),
            ("Dc‡Rjv wbe©vnx Awdmvi", "উপজেলা নির্বাহী অফিসার"),
            ("AvšÍR©vwZK", "আন্তর্জাতিক"),
            ("MÖnY Kiv n‡e|", "গ্রহণ করা হবে।"),
            ("‡hŠ_", "যৌথ"),
            ("2023", "২০২৩"),
        ];
        for (bijoy, unicode) in cases {
            assert_eq!(convert(bijoy), unicode, "{bijoy}");
        }
    }

    #[test]
    fn bijoy_is_told_from_english_and_unicode() {
        assert!(looks_like("mfvq Dcw¯’Z m`m¨e„›`"));
        assert!(looks_like("‡mev cÖ`vb cÖwZkÖæwZ"));
        assert!(!looks_like("Meeting of the citizen charter committee"));
        assert!(!looks_like("সভাপতি উপস্থিত সদস্যগণকে স্বাগত জানিয়ে"));
        assert!(!looks_like("www.rangpurdiv.gov.bd"));
        assert!(!looks_like(""));
    }
}
