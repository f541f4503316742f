//! The APA (annual performance agreement): its target, and whether each
//! office held and issued its quarterly citizen-charter meeting.
use serde::{Deserialize, Serialize};

/// The APA target for "decisions implemented ÷ decisions taken".
pub const APA_TARGET_PERCENT: u32 = 90;

/// Where an office stands on its quarterly citizen-charter meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Held {
    /// No meeting recorded for the quarter.
    None,
    /// Held (minutes recorded) but not issued yet.
    Held,
    /// Minutes issued.
    Issued,
}

/// The APA compliance view: per office, the four quarters of a fiscal year.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Compliance {
    /// The fiscal year's first year (2022 for 2022-23).
    pub fiscal_year: i32,
    pub offices: Vec<(String, [Held; 4])>,
}

/// The better of two records for one quarter (several meetings may exist).
pub fn better(a: Held, b: Held) -> Held {
    let rank = |h: Held| match h {
        Held::None => 0,
        Held::Held => 1,
        Held::Issued => 2,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
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
}
