//! The memo's fixed words, numbers and dates in the language of the minutes:
//! Bangla (Bangla digits, the Bangla calendar over the Gregorian date) or
//! English (ASCII digits, the Gregorian date only). Same layout for both.
use app::domain::calendar::BanglaDate;
use app::domain::dates::{date_bn, date_bn_plain, time_bn};
use app::domain::numerals::{bangla_number, to_bangla_digits};
use app::i18n::{t, Lang};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Words {
    Bangla,
    English,
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Words {
    /// From the minutes' `language` code; anything but "en" is Bangla.
    pub fn of(language: &str) -> Words {
        if language == "en" {
            Words::English
        } else {
            Words::Bangla
        }
    }

    pub fn lang(self) -> Lang {
        match self {
            Words::Bangla => Lang::Bn,
            Words::English => Lang::En,
        }
    }

    /// The memo's fixed word for `key`, from the one message table the
    /// pages use too (`app::i18n`).
    pub fn say(self, key: &'static str) -> &'static str {
        t(self.lang(), key)
    }

    /// `n`, zero-padded to `width` digits ("০১" / "01").
    pub fn number(self, n: usize, width: usize) -> String {
        match self {
            Words::Bangla => bangla_number(n as u64, width),
            Words::English => format!("{n:0width$}"),
        }
    }

    /// Digits in a code such as the memo number.
    pub fn digits(self, text: &str) -> String {
        match self {
            Words::Bangla => to_bangla_digits(text),
            Words::English => text.to_string(),
        }
    }

    /// The meeting date of the meta block and the appendix.
    pub fn meeting_date(self, d: NaiveDate) -> String {
        match self {
            Words::Bangla => format!("{} খ্রি.", date_bn(d)),
            Words::English => english_date(d),
        }
    }

    pub fn time(self, t: NaiveTime) -> String {
        match self {
            Words::Bangla => time_bn(t),
            Words::English => {
                let (pm, h) = t.hour12();
                let half = if pm { "PM" } else { "AM" };
                format!("{h}:{:02} {half}", t.minute())
            }
        }
    }

    /// The issue date lines, top to bottom: the Bangla calendar date over the
    /// Gregorian one, or the Gregorian date alone in English.
    pub fn issue_date(self, d: NaiveDate) -> Vec<String> {
        match self {
            Words::Bangla => vec![
                format!("তারিখ: {}", BanglaDate::from_gregorian(d).to_bangla()),
                date_bn_plain(d),
            ],
            Words::English => vec![format!("Date: {}", english_date(d))],
        }
    }
}

/// "22 June 2023"
fn english_date(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        MONTHS_EN[d.month0() as usize],
        d.year()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_uses_ascii_digits_and_the_gregorian_date_only() {
        let d = NaiveDate::from_ymd_opt(2023, 6, 25).unwrap();
        let t = NaiveTime::from_hms_opt(14, 5, 0).unwrap();
        let en = Words::of("en");
        assert_eq!(en.meeting_date(d), "25 June 2023");
        assert_eq!(en.time(t), "2:05 PM");
        assert_eq!(en.number(3, 2), "03");
        assert_eq!(en.issue_date(d), ["Date: 25 June 2023"]);
        let bn = Words::of("bn");
        assert_eq!(bn.meeting_date(d), "২৫ জুন, ২০২৩ খ্রি.");
        assert_eq!(bn.number(3, 2), "০৩");
        assert_eq!(bn.issue_date(d), ["তারিখ: ১১ আষাঢ়, ১৪৩০", "২৫ জুন ২০২৩"]);
    }
}
