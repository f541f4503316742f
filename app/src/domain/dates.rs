//! Dates and times as a Bangla memo writes them, and the government fiscal year.
use super::numerals::{bangla_number, to_bangla_digits};
use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use serde::{Deserialize, Serialize};

const GREGORIAN_MONTHS_BN: [&str; 12] = [
    "জানুয়ারি",
    "ফেব্রুয়ারি",
    "মার্চ",
    "এপ্রিল",
    "মে",
    "জুন",
    "জুলাই",
    "আগস্ট",
    "সেপ্টেম্বর",
    "অক্টোবর",
    "নভেম্বর",
    "ডিসেম্বর",
];

/// "২২ জুন, ২০২৩" — the Gregorian date in Bangla.
pub fn date_bn(d: NaiveDate) -> String {
    format!(
        "{} {}, {}",
        bangla_number(d.day(), 1),
        GREGORIAN_MONTHS_BN[d.month0() as usize],
        bangla_number(d.year() as u32, 4)
    )
}

/// "২৫ জুন ২০২৩" — as the memo's date line writes it, under the Bangla date.
pub fn date_bn_plain(d: NaiveDate) -> String {
    date_bn(d).replacen(',', "", 1)
}

/// "সকাল ১০:৩০ টা" — a time of day as the memo's meta block writes it.
pub fn time_bn(t: NaiveTime) -> String {
    let h = t.hour();
    let part = match h {
        4..=5 => "ভোর",
        6..=11 => "সকাল",
        12..=14 => "দুপুর",
        15..=17 => "বিকাল",
        18..=19 => "সন্ধ্যা",
        _ => "রাত",
    };
    let h12 = match h % 12 {
        0 => 12,
        x => x,
    };
    format!(
        "{part} {}:{} টা",
        bangla_number(h12, 1),
        bangla_number(t.minute(), 2)
    )
}

/// A fiscal year of the Government of Bangladesh: 1 July to 30 June, named by
/// the year it starts in (2022 is "২০২২-২৩").
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct FiscalYear(pub i32);

impl FiscalYear {
    pub fn of(d: NaiveDate) -> Self {
        if d.month() >= 7 {
            FiscalYear(d.year())
        } else {
            FiscalYear(d.year() - 1)
        }
    }

    /// "২০২২-২৩"
    pub fn label_bn(self) -> String {
        self.label(crate::i18n::Lang::Bn)
    }

    /// "২০২২-২৩" in Bangla, "2022-23" in English.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        let ascii = format!("{}-{:02}", self.0, (self.0 + 1) % 100);
        match lang {
            crate::i18n::Lang::Bn => to_bangla_digits(&ascii),
            crate::i18n::Lang::En => ascii,
        }
    }
}

/// Quarter of the fiscal year: 1 = July–September … 4 = April–June.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Quarter(u8);

impl Quarter {
    pub fn new(n: u8) -> Option<Self> {
        (1..=4).contains(&n).then_some(Quarter(n))
    }

    pub fn of(d: NaiveDate) -> Self {
        Quarter(((d.month0() as u8 + 6) % 12) / 3 + 1)
    }

    pub fn number(self) -> u8 {
        self.0
    }

    /// The quarter's last day in a fiscal year: 30 September … 30 June.
    pub fn last_day(self, year: FiscalYear) -> NaiveDate {
        let (y, m, d) = match self.0 {
            1 => (year.0, 9, 30),
            2 => (year.0, 12, 31),
            3 => (year.0 + 1, 3, 31),
            _ => (year.0 + 1, 6, 30),
        };
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    /// "৪র্থ ত্রৈমাসিক"
    pub fn label_bn(self) -> String {
        self.label(crate::i18n::Lang::Bn)
    }

    /// "৪র্থ ত্রৈমাসিক" in Bangla, "Q4" in English.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        match lang {
            crate::i18n::Lang::Bn => {
                format!("{} ত্রৈমাসিক", super::numerals::bangla_ordinal(self.0 as u32))
            }
            crate::i18n::Lang::En => format!("Q{}", self.0),
        }
    }
}

/// Today in Bangladesh (UTC+6, no daylight saving). Server side only: the
/// browser's wasm has no clock.
pub fn today_in_dhaka() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    dhaka_date(secs)
}

/// The date in Dhaka at `unix_secs` (UTC+6 all year): a day there starts at
/// 18:00 UTC the evening before.
pub fn dhaka_date(unix_secs: i64) -> NaiveDate {
    chrono::DateTime::from_timestamp(unix_secs + 6 * 3600, 0)
        .map(|t| t.date_naive())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn seed_meeting_date_and_time() {
        assert_eq!(date_bn(d(2023, 6, 22)), "২২ জুন, ২০২৩");
        assert_eq!(date_bn_plain(d(2023, 6, 25)), "২৫ জুন ২০২৩");
        let t = NaiveTime::from_hms_opt(10, 30, 0).unwrap();
        assert_eq!(time_bn(t), "সকাল ১০:৩০ টা");
    }

    #[test]
    fn afternoon_and_midnight_use_twelve_hour_clock() {
        assert_eq!(
            time_bn(NaiveTime::from_hms_opt(14, 5, 0).unwrap()),
            "দুপুর ২:০৫ টা"
        );
        assert_eq!(
            time_bn(NaiveTime::from_hms_opt(0, 0, 0).unwrap()),
            "রাত ১২:০০ টা"
        );
        assert_eq!(
            time_bn(NaiveTime::from_hms_opt(12, 0, 0).unwrap()),
            "দুপুর ১২:০০ টা"
        );
    }

    #[test]
    fn fiscal_year_turns_on_first_of_july() {
        assert_eq!(FiscalYear::of(d(2023, 6, 30)), FiscalYear(2022));
        assert_eq!(FiscalYear::of(d(2023, 7, 1)), FiscalYear(2023));
        assert_eq!(FiscalYear(2022).label_bn(), "২০২২-২৩");
        assert_eq!(FiscalYear(2099).label_bn(), "২০৯৯-০০");
    }

    #[test]
    fn quarters_follow_the_fiscal_year() {
        let q = |m| Quarter::of(d(2023, m, 15)).number();
        assert_eq!(
            [q(7), q(9), q(10), q(12), q(1), q(3), q(4), q(6)],
            [1, 1, 2, 2, 3, 3, 4, 4]
        );
        assert_eq!(Quarter::of(d(2023, 6, 22)).label_bn(), "৪র্থ ত্রৈমাসিক");
        assert!(Quarter::new(0).is_none() && Quarter::new(5).is_none());
    }

    #[test]
    fn a_dhaka_day_turns_at_six_in_the_evening_utc() {
        // 2023-07-05 17:59:59 UTC is 23:59:59 in Dhaka; a second later it is the 6th.
        let before = chrono::NaiveDate::from_ymd_opt(2023, 7, 5)
            .unwrap()
            .and_hms_opt(17, 59, 59)
            .unwrap()
            .and_utc()
            .timestamp();
        assert_eq!(dhaka_date(before), d(2023, 7, 5));
        assert_eq!(dhaka_date(before + 1), d(2023, 7, 6));
    }
}
