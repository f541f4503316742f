//! Bangla digits (০১২৩৪৫৬৭৮৯). A Bangla memo shows every number in them, but
//! people type either kind, so both directions are needed.

const BANGLA_ZERO: u32 = 0x09E6;

/// Replaces every ASCII digit with its Bangla digit; everything else is kept.
pub fn to_bangla_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(BANGLA_ZERO + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Replaces every Bangla digit with its ASCII digit; everything else is kept.
pub fn to_ascii_digits(s: &str) -> String {
    s.chars()
        .map(|c| {
            let code = c as u32;
            if (BANGLA_ZERO..BANGLA_ZERO + 10).contains(&code) {
                char::from_u32('0' as u32 + code - BANGLA_ZERO).unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

/// A number in Bangla digits, zero-padded to `width` ("০১" for the agenda serial).
pub fn bangla_number(n: impl Into<u64>, width: usize) -> String {
    to_bangla_digits(&format!("{:0width$}", n.into(), width = width))
}

/// Bangla ordinal as used in meeting titles: ১ম, ২য়, ৩য়, ৪র্থ, ৫ম …
pub fn bangla_ordinal(n: u32) -> String {
    let suffix = match n {
        1 | 5 | 7 | 8 | 9 | 10 => "ম",
        2 | 3 => "য়",
        4 => "র্থ",
        6 => "ষ্ঠ",
        _ => "তম",
    };
    format!("{}{}", bangla_number(n, 1), suffix)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_digits_become_bangla_and_back() {
        assert_eq!(to_bangla_digits("2023-06-22 10:30"), "২০২৩-০৬-২২ ১০:৩০");
        assert_eq!(to_ascii_digits("০৫.৪৭.০০০০.২৯৯"), "05.47.0000.299");
        assert_eq!(
            to_ascii_digits(&to_bangla_digits("0123456789")),
            "0123456789"
        );
    }

    #[test]
    fn other_text_is_untouched() {
        assert_eq!(to_bangla_digits("সভা abc"), "সভা abc");
        assert_eq!(to_ascii_digits("সভা abc"), "সভা abc");
    }

    #[test]
    fn padded_numbers_and_ordinals() {
        assert_eq!(bangla_number(1u32, 2), "০১");
        assert_eq!(bangla_number(12u32, 2), "১২");
        assert_eq!(bangla_ordinal(1), "১ম");
        assert_eq!(bangla_ordinal(2), "২য়");
        assert_eq!(bangla_ordinal(4), "৪র্থ");
        assert_eq!(bangla_ordinal(6), "৬ষ্ঠ");
        assert_eq!(bangla_ordinal(11), "১১তম");
    }
}
