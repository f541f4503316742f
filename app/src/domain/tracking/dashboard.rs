//! The dashboard: per office, per meeting and per quarter, counted from the
//! assignments.
use super::Progress;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One line of the dashboard by office. `open` and `overdue` count every
/// year's unfinished work (overdue is overdue whatever year decided it);
/// `on_time` and `late` count the chosen year's finished work.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct OfficeTally {
    pub office: String,
    pub open: u32,
    pub overdue: u32,
    pub on_time: u32,
    pub late: u32,
}

impl OfficeTally {
    /// Counts assignments alike: finished after their due date is late,
    /// otherwise on time; unfinished is open, and overdue too when its due
    /// date has passed.
    pub fn count(&mut self, a: &AssignmentCount) {
        if a.status.finished() {
            if a.done_late {
                self.late += a.count;
            } else {
                self.on_time += a.count;
            }
        } else {
            self.open += a.count;
            if a.past_due {
                self.overdue += a.count;
            }
        }
    }
}

/// The dashboard: per office, and per meeting the share of decisions whose
/// every assignment is verified (the APA indicator "implemented ÷ taken").
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Dashboard {
    /// The fiscal year counted (None: every year).
    pub fiscal_year: Option<i32>,
    /// The fiscal years with meetings these offices see, newest first: what
    /// the year filter offers.
    pub years: Vec<i32>,
    pub offices: Vec<OfficeTally>,
    /// (meeting id, title, decisions implemented, decisions taken) of the
    /// newest meetings, at most [`DASHBOARD_MEETINGS`]; the reports list all.
    pub meetings: Vec<(Uuid, String, u32, u32)>,
    /// How many meetings were counted in all.
    pub meetings_total: u32,
    /// The APA indicator per quarter: (fiscal year's first year, quarter,
    /// decisions implemented, decisions taken), in order.
    pub quarters: Vec<(i32, u8, u32, u32)>,
}

/// The dashboard's "by meeting" table shows this many of the newest.
pub const DASHBOARD_MEETINGS: usize = 25;

/// Assignments the dashboard counts alike, and how many. The database adds
/// them up by these facts (a row per office and kind, not one per
/// assignment: a division sees tens of thousands).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssignmentCount {
    pub office: String,
    pub status: Progress,
    /// Due before today.
    pub past_due: bool,
    /// Done after its due date.
    pub done_late: bool,
    /// Of a meeting of the counted fiscal year.
    pub this_year: bool,
    pub count: u32,
}

/// One meeting of the counted year: its decisions, and how many of them are
/// implemented (every assignment the reader sees is verified).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingCount {
    pub meeting_id: Uuid,
    pub title: String,
    pub held_on: NaiveDate,
    pub fiscal_year: i32,
    pub quarter: u8,
    pub implemented: u32,
    pub taken: u32,
}

impl Dashboard {
    /// The dashboard of these counts: per office (other years' work counts
    /// only while unfinished, into open and overdue), the newest meetings
    /// and the quarters of the counted year.
    pub fn tally(
        assignments: &[AssignmentCount],
        mut meetings: Vec<MeetingCount>,
        fiscal_year: Option<i32>,
    ) -> Dashboard {
        use std::collections::BTreeMap;
        let mut by_office: BTreeMap<&str, OfficeTally> = BTreeMap::new();
        for a in assignments {
            if !a.this_year && a.status.finished() {
                continue;
            }
            by_office
                .entry(&a.office)
                .or_insert_with(|| OfficeTally {
                    office: a.office.clone(),
                    ..Default::default()
                })
                .count(a);
        }
        let mut quarters: BTreeMap<(i32, u8), (u32, u32)> = BTreeMap::new();
        for m in &meetings {
            let q = quarters.entry((m.fiscal_year, m.quarter)).or_default();
            q.0 += m.implemented;
            q.1 += m.taken;
        }
        meetings.sort_by(|a, b| {
            (b.held_on, &a.title, a.meeting_id).cmp(&(a.held_on, &b.title, b.meeting_id))
        });
        let mut offices: Vec<OfficeTally> = by_office.into_values().collect();
        offices.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.office.cmp(&b.office)));
        Dashboard {
            fiscal_year,
            years: vec![],
            offices,
            meetings_total: meetings.len() as u32,
            meetings: meetings
                .into_iter()
                .take(DASHBOARD_MEETINGS)
                .map(|m| (m.meeting_id, m.title, m.implemented, m.taken))
                .collect(),
            quarters: quarters
                .into_iter()
                .map(|((fy, q), (done, of))| (fy, q, done, of))
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn count(
        office: &str,
        status: Progress,
        past_due: bool,
        done_late: bool,
        this_year: bool,
        count: u32,
    ) -> AssignmentCount {
        AssignmentCount {
            office: office.into(),
            status,
            past_due,
            done_late,
            this_year,
            count,
        }
    }

    fn meeting(
        id: u128,
        held_on: NaiveDate,
        quarter: u8,
        implemented: u32,
        taken: u32,
    ) -> MeetingCount {
        MeetingCount {
            meeting_id: Uuid::from_u128(id),
            title: format!("সভা {id}"),
            held_on,
            fiscal_year: 2026,
            quarter,
            implemented,
            taken,
        }
    }

    #[test]
    fn the_dashboard_counts_offices_and_shows_the_newest_meetings() {
        let counts = [
            count("রংপুর", Progress::Verified, false, false, true, 2),
            count("রংপুর", Progress::NotStarted, false, false, true, 1),
            count("দিনাজপুর", Progress::Verified, true, true, true, 1),
            count("দিনাজপুর", Progress::InProgress, true, false, true, 1),
        ];
        let meetings = vec![
            meeting(1, d(2026, 10, 5), 2, 1, 2),
            meeting(2, d(2026, 11, 10), 2, 0, 1),
            meeting(3, d(2026, 8, 1), 1, 4, 4),
        ];
        let t = Dashboard::tally(&counts, meetings, Some(2026));
        assert_eq!(t.fiscal_year, Some(2026));
        assert_eq!(t.meetings_total, 3);
        assert_eq!(
            t.meetings
                .iter()
                .map(|m| (m.0.as_u128(), m.2, m.3))
                .collect::<Vec<_>>(),
            [(2, 0, 1), (1, 1, 2), (3, 4, 4)],
            "newest first"
        );
        assert_eq!(t.quarters, [(2026, 1, 4, 4), (2026, 2, 1, 3)]);
        let dinajpur = &t.offices[0];
        assert_eq!(dinajpur.office, "দিনাজপুর", "the most overdue office first");
        assert_eq!(
            (
                dinajpur.open,
                dinajpur.overdue,
                dinajpur.on_time,
                dinajpur.late
            ),
            (1, 1, 0, 1)
        );
        let rangpur = &t.offices[1];
        assert_eq!(
            (rangpur.open, rangpur.overdue, rangpur.on_time, rangpur.late),
            (1, 0, 2, 0)
        );

        // Only the newest meetings are listed; all are counted.
        let many: Vec<MeetingCount> = (0..40u128)
            .map(|i| {
                meeting(
                    100 + i,
                    d(2026, 7, 1) + chrono::Days::new(i as u64),
                    1,
                    1,
                    1,
                )
            })
            .collect();
        let t = Dashboard::tally(&[], many, None);
        assert_eq!(t.meetings.len(), DASHBOARD_MEETINGS);
        assert_eq!(t.meetings_total, 40);
        assert_eq!(t.meetings[0].0, Uuid::from_u128(139));
        assert_eq!(t.quarters, [(2026, 1, 40, 40)]);
    }

    #[test]
    fn overdue_work_counts_whatever_year_decided_it() {
        let counts = [
            // Decided in an earlier year, never done: overdue today.
            count("দিনাজপুর", Progress::InProgress, true, false, false, 1),
            // Decided in an earlier year, done late: that year's count, not this one's.
            count("দিনাজপুর", Progress::Verified, true, true, false, 1),
            // This year's: one overdue, one done on time, one not yet due.
            count("দিনাজপুর", Progress::NotStarted, true, false, true, 1),
            count("দিনাজপুর", Progress::Done, true, false, true, 1),
            count("দিনাজপুর", Progress::NotStarted, false, false, true, 1),
        ];
        let t = Dashboard::tally(&counts, vec![], Some(2026));
        let o = &t.offices[0];
        assert_eq!(
            (o.open, o.overdue, o.on_time, o.late),
            (3, 2, 1, 0),
            "both overdue decisions count; the earlier year's late finish does not"
        );
    }

    #[test]
    fn finished_work_counts_as_on_time_or_late_and_unfinished_as_open() {
        let mut t = OfficeTally::default();
        t.count(&count("x", Progress::Done, true, false, true, 2));
        t.count(&count("x", Progress::Verified, true, true, true, 3));
        t.count(&count("x", Progress::Returned, true, false, true, 4));
        t.count(&count("x", Progress::InProgress, false, false, true, 5));
        assert_eq!((t.on_time, t.late, t.open, t.overdue), (2, 3, 9, 4));
    }
}
