//! Long lists shown a page at a time: "/my" of an office that owes hundreds
//! of decisions was a table of hundreds of rows (150–250 kB to send and
//! render, and a long scroll on a phone). Lists are sorted most urgent
//! first, so the first page holds what is due.

/// Rows on one page of a list.
pub const PAGE_ROWS: usize = 50;

/// Which rows of a list one page shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    /// 1-based; a page asked for past the last is the last.
    pub number: usize,
    pub pages: usize,
    /// The rows shown, `from..to` (0-based, `to` excluded), of `total`.
    pub from: usize,
    pub to: usize,
    pub total: usize,
}

impl Page {
    /// Page `asked` (from the address: missing or not a number is the first)
    /// of a list of `total` rows.
    pub fn of(total: usize, asked: Option<&str>) -> Page {
        let pages = total.div_ceil(PAGE_ROWS).max(1);
        let number = asked
            .and_then(|a| a.trim().parse::<usize>().ok())
            .unwrap_or(1)
            .clamp(1, pages);
        let from = (number - 1) * PAGE_ROWS;
        Page {
            number,
            pages,
            from,
            to: (from + PAGE_ROWS).min(total),
            total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_list_is_one_page() {
        let p = Page::of(7, None);
        assert_eq!((p.number, p.pages, p.from, p.to), (1, 1, 0, 7));
        assert_eq!(Page::of(0, Some("3")).pages, 1);
    }

    #[test]
    fn pages_split_a_long_list_and_the_last_holds_the_rest() {
        let p = Page::of(128, Some("3"));
        assert_eq!((p.number, p.pages, p.from, p.to), (3, 3, 100, 128));
        assert_eq!(Page::of(128, Some("2")).from, 50);
    }

    #[test]
    fn a_page_asked_out_of_range_or_garbled_is_the_nearest() {
        assert_eq!(Page::of(128, Some("9")).number, 3);
        assert_eq!(Page::of(128, Some("0")).number, 1);
        assert_eq!(Page::of(128, Some("-2")).number, 1);
        assert_eq!(Page::of(128, Some("২")).number, 1);
        assert_eq!(Page::of(128, Some("99999999999999999999999")).number, 1);
    }
}
