//! The APA (annual performance agreement): its target, and whether each
//! office held and issued its quarterly citizen-charter meeting.
use crate::domain::dates::{FiscalYear, Quarter};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The APA target for "decisions implemented ÷ decisions taken".
pub const APA_TARGET_PERCENT: u32 = 90;

/// Where an office stands on its quarterly citizen-charter meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Held {
    /// No meeting recorded, and the quarter is not over: nothing is missed yet.
    NotYet,
    /// No meeting recorded for a quarter that is over.
    None,
    /// Held (minutes recorded) but not issued yet.
    Held,
    /// Minutes issued.
    Issued,
}

/// The APA compliance view: per office, the four quarters of a fiscal year.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Compliance {
    /// The fiscal year's first year (2022 for 2022-23).
    pub fiscal_year: i32,
    pub offices: Vec<(String, [Held; 4])>,
}

/// The better of two records for one quarter (several meetings may exist).
pub fn better(a: Held, b: Held) -> Held {
    let rank = |h: Held| match h {
        Held::NotYet | Held::None => 0,
        Held::Held => 1,
        Held::Issued => 2,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// A quarter with no meeting: missed once it is over, not before.
pub fn nothing_held(year: FiscalYear, quarter: Quarter, today: NaiveDate) -> Held {
    if today > quarter.last_day(year) {
        Held::None
    } else {
        Held::NotYet
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_issued_meeting_outranks_a_held_one() {
        assert_eq!(better(Held::None, Held::Held), Held::Held);
        assert_eq!(better(Held::Issued, Held::Held), Held::Issued);
        assert_eq!(better(Held::None, Held::None), Held::None);
    }

    #[test]
    fn a_quarter_is_missed_only_once_it_is_over() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let fy = FiscalYear(2026);
        let q = |n| Quarter::new(n).unwrap();
        let today = day(2026, 11, 29);
        assert_eq!(
            nothing_held(fy, q(1), today),
            Held::None,
            "July–September is over"
        );
        assert_eq!(nothing_held(fy, q(2), today), Held::NotYet, "under way");
        assert_eq!(nothing_held(fy, q(4), today), Held::NotYet);
        assert_eq!(nothing_held(fy, q(2), day(2027, 1, 1)), Held::None);
        assert_eq!(nothing_held(FiscalYear(2022), q(4), today), Held::None);
    }
}
