//! The Bangla calendar as the Government of Bangladesh uses it (revised 2019):
//! 1 Boishakh is 14 April; Boishakh to Ashwin have 31 days, Kartik to Chaitra
//! 30, except Falgun: 29 days, or 30 when the Gregorian year it falls in is a
//! leap year. The Bangla year is the Gregorian year minus 593 from 14 April on,
//! minus 594 before it.
use super::numerals::bangla_number;
use chrono::{Datelike, NaiveDate};

pub const MONTHS_BN: [&str; 12] = [
    "বৈশাখ",
    "জ্যৈষ্ঠ",
    "আষাঢ়",
    "শ্রাবণ",
    "ভাদ্র",
    "আশ্বিন",
    "কার্তিক",
    "অগ্রহায়ণ",
    "পৌষ",
    "মাঘ",
    "ফাল্গুন",
    "চৈত্র",
];

/// A day of the Bangla calendar: `month` is 1 (Boishakh) to 12 (Chaitra).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BanglaDate {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in each month of the Bangla year that starts on 14 April of
/// `gregorian_start_year` (its Falgun falls in the next Gregorian year).
fn month_lengths(gregorian_start_year: i32) -> [u32; 12] {
    let falgun = if is_leap(gregorian_start_year + 1) {
        30
    } else {
        29
    };
    [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, falgun, 30]
}

impl BanglaDate {
    pub fn from_gregorian(d: NaiveDate) -> BanglaDate {
        let new_year = |y| NaiveDate::from_ymd_opt(y, 4, 14).expect("14 April exists");
        let start_year = if d >= new_year(d.year()) {
            d.year()
        } else {
            d.year() - 1
        };
        let mut offset = (d - new_year(start_year)).num_days() as u32;
        let mut month = 1;
        for len in month_lengths(start_year) {
            if offset < len {
                break;
            }
            offset -= len;
            month += 1;
        }
        BanglaDate {
            year: start_year - 593,
            month,
            day: offset + 1,
        }
    }

    pub fn month_name(self) -> &'static str {
        MONTHS_BN[(self.month - 1) as usize]
    }

    /// "১১ আষাঢ়, ১৪৩০" — as the memo's date line writes it.
    pub fn to_bangla(self) -> String {
        format!(
            "{} {}, {}",
            bangla_number(self.day, 1),
            self.month_name(),
            bangla_number(self.year as u32, 4)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn g(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn b(year: i32, month: u32, day: u32) -> BanglaDate {
        BanglaDate { year, month, day }
    }

    #[test]
    fn the_seed_memo_and_product_brief_dates() {
        assert_eq!(BanglaDate::from_gregorian(g(2023, 6, 25)), b(1430, 3, 11));
        assert_eq!(
            BanglaDate::from_gregorian(g(2023, 6, 25)).to_bangla(),
            "১১ আষাঢ়, ১৪৩০"
        );
        assert_eq!(BanglaDate::from_gregorian(g(2024, 4, 14)), b(1431, 1, 1));
        assert_eq!(
            BanglaDate::from_gregorian(g(2024, 4, 14)).to_bangla(),
            "১ বৈশাখ, ১৪৩১"
        );
    }

    /// Gregorian (month, day) on which each Bangla month begins, every year.
    const STARTS: [(u32, u32); 12] = [
        (4, 14),
        (5, 15),
        (6, 15),
        (7, 16),
        (8, 16),
        (9, 16),
        (10, 17),
        (11, 16),
        (12, 16),
        (1, 15),
        (2, 14),
        (3, 15),
    ];

    #[test]
    fn every_month_boundary_from_2019_to_2031() {
        for start_year in 2019..=2031 {
            let bangla_year = start_year - 593;
            let lengths = month_lengths(start_year);
            for (i, &(m, d)) in STARTS.iter().enumerate() {
                let year = if m >= 4 { start_year } else { start_year + 1 };
                let first = g(year, m, d);
                let month = i as u32 + 1;
                assert_eq!(
                    BanglaDate::from_gregorian(first),
                    b(bangla_year, month, 1),
                    "{first}"
                );
                let last_of_previous = first.pred_opt().unwrap();
                let expected = if month == 1 {
                    b(bangla_year - 1, 12, 30)
                } else {
                    b(bangla_year, month - 1, lengths[i - 1])
                };
                assert_eq!(
                    BanglaDate::from_gregorian(last_of_previous),
                    expected,
                    "{last_of_previous}"
                );
            }
        }
    }

    #[test]
    fn falgun_has_thirty_days_in_leap_years() {
        // Falgun 1430 runs in February 2024, a leap year: 14 February – 14 March.
        assert_eq!(BanglaDate::from_gregorian(g(2024, 2, 29)), b(1430, 11, 16));
        assert_eq!(BanglaDate::from_gregorian(g(2024, 3, 14)), b(1430, 11, 30));
        assert_eq!(BanglaDate::from_gregorian(g(2024, 3, 15)), b(1430, 12, 1));
        // Falgun 1431, in 2025: 29 days, still ending on 14 March.
        assert_eq!(BanglaDate::from_gregorian(g(2025, 3, 14)), b(1431, 11, 29));
        assert_eq!(BanglaDate::from_gregorian(g(2025, 3, 15)), b(1431, 12, 1));
        // 2100 is not a leap year.
        assert_eq!(BanglaDate::from_gregorian(g(2100, 3, 14)), b(1506, 11, 29));
    }

    #[test]
    fn the_year_turns_on_14_april() {
        assert_eq!(BanglaDate::from_gregorian(g(2023, 4, 13)), b(1429, 12, 30));
        assert_eq!(BanglaDate::from_gregorian(g(2023, 4, 14)), b(1430, 1, 1));
        assert_eq!(BanglaDate::from_gregorian(g(2024, 1, 1)), b(1430, 9, 17));
        assert_eq!(BanglaDate::from_gregorian(g(2023, 12, 31)), b(1430, 9, 16));
    }

    #[test]
    fn every_day_of_a_span_moves_by_exactly_one() {
        let mut d = g(2019, 4, 14);
        let mut prev = BanglaDate::from_gregorian(d);
        while d < g(2033, 4, 14) {
            d = d.succ_opt().unwrap();
            let cur = BanglaDate::from_gregorian(d);
            let next_day =
                cur.year == prev.year && cur.month == prev.month && cur.day == prev.day + 1;
            let next_month = cur.day == 1
                && ((cur.year == prev.year && cur.month == prev.month + 1)
                    || (cur.year == prev.year + 1 && cur.month == 1 && prev.month == 12));
            assert!(next_day || next_month, "{prev:?} → {cur:?} on {d}");
            prev = cur;
        }
    }
}
