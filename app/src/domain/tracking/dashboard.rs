//! The dashboard: per office, per meeting and per quarter, counted from the
//! assignments.
use super::{urgency, Progress, Urgency};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// One line of the dashboard by office. `open` and `overdue` count every
/// year's unfinished work (overdue is overdue whatever year decided it);
/// `on_time` and `late` count the chosen year's finished work.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeTally {
    pub office: String,
    pub open: u32,
    pub overdue: u32,
    pub on_time: u32,
    pub late: u32,
}

impl OfficeTally {
    /// Counts one assignment: finished on or before its due date is on time.
    pub fn count(
        &mut self,
        urgency: Urgency,
        due_on: Option<NaiveDate>,
        done_on: Option<NaiveDate>,
    ) {
        match (urgency, due_on, done_on) {
            (Urgency::Finished, Some(due), Some(done)) if done > due => self.late += 1,
            (Urgency::Finished, _, _) => self.on_time += 1,
            (Urgency::Overdue, _, _) => {
                self.overdue += 1;
                self.open += 1;
            }
            _ => self.open += 1,
        }
    }
}

/// The dashboard: per office, and per meeting the share of decisions whose
/// every assignment is verified (the APA indicator "implemented ÷ taken").
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
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

/// One assignment as the dashboard counts it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DashboardLine {
    pub meeting_id: Uuid,
    pub title: String,
    pub held_on: NaiveDate,
    pub fiscal_year: i32,
    pub quarter: u8,
    pub decision_id: Uuid,
    pub office: String,
    pub status: Progress,
    pub due_on: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
}

impl Dashboard {
    /// The counts over these assignments: per office, per meeting (a decision
    /// is implemented when every office's part is verified) and per quarter.
    /// Lines of other years than `fiscal_year` count only while unfinished,
    /// into the offices' open and overdue work.
    pub fn tally(
        lines: &[DashboardLine],
        fiscal_year: Option<i32>,
        today: NaiveDate,
        window: u32,
    ) -> Dashboard {
        use std::collections::{BTreeMap, HashMap};
        let mut by_office: BTreeMap<&str, OfficeTally> = BTreeMap::new();
        let mut implemented: HashMap<Uuid, bool> = HashMap::new();
        let mut decided_in: HashMap<Uuid, Uuid> = HashMap::new();
        let mut held: HashMap<Uuid, &DashboardLine> = HashMap::new();
        for l in lines {
            let urgency = urgency(l.due_on, l.status, today, window);
            let this_year = fiscal_year.is_none_or(|y| y == l.fiscal_year);
            if !this_year && urgency == Urgency::Finished {
                continue;
            }
            by_office
                .entry(&l.office)
                .or_insert_with(|| OfficeTally {
                    office: l.office.clone(),
                    ..Default::default()
                })
                .count(urgency, l.due_on, l.done_on);
            if !this_year {
                continue;
            }
            *implemented.entry(l.decision_id).or_insert(true) &= l.status == Progress::Verified;
            decided_in.insert(l.decision_id, l.meeting_id);
            held.entry(l.meeting_id).or_insert(l);
        }
        let mut per_meeting: HashMap<Uuid, (u32, u32)> = HashMap::new();
        for (decision, meeting) in &decided_in {
            let m = per_meeting.entry(*meeting).or_default();
            m.0 += u32::from(implemented[decision]);
            m.1 += 1;
        }
        let mut quarters: BTreeMap<(i32, u8), (u32, u32)> = BTreeMap::new();
        for (id, (done, of)) in &per_meeting {
            let q = quarters
                .entry((held[id].fiscal_year, held[id].quarter))
                .or_default();
            q.0 += done;
            q.1 += of;
        }
        let mut newest: Vec<&DashboardLine> = held.values().copied().collect();
        newest.sort_by(|a, b| {
            (b.held_on, &a.title, a.meeting_id).cmp(&(a.held_on, &b.title, b.meeting_id))
        });
        let mut offices: Vec<OfficeTally> = by_office.into_values().collect();
        offices.sort_by(|a, b| b.overdue.cmp(&a.overdue).then(a.office.cmp(&b.office)));
        Dashboard {
            fiscal_year,
            years: vec![],
            offices,
            meetings_total: newest.len() as u32,
            meetings: newest
                .into_iter()
                .take(DASHBOARD_MEETINGS)
                .map(|l| {
                    let (done, of) = per_meeting[&l.meeting_id];
                    (l.meeting_id, l.title.clone(), done, of)
                })
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

    #[test]
    fn the_dashboard_counts_decisions_whole_and_shows_the_newest_meetings() {
        let day = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
        let today = day(11, 23);
        let (m1, m2) = (Uuid::from_u128(1), Uuid::from_u128(2));
        let line =
            |meeting, held_on, decision, office: &str, status, due_on, done_on| DashboardLine {
                meeting_id: meeting,
                title: format!("সভা {meeting}"),
                held_on,
                fiscal_year: 2026,
                quarter: 2,
                decision_id: Uuid::from_u128(decision),
                office: office.into(),
                status,
                due_on,
                done_on,
            };
        let lines = vec![
            // Decision 10: both offices verified → implemented.
            line(
                m1,
                day(10, 5),
                10,
                "রংপুর",
                Progress::Verified,
                Some(day(10, 30)),
                Some(day(10, 20)),
            ),
            line(
                m1,
                day(10, 5),
                10,
                "দিনাজপুর",
                Progress::Verified,
                Some(day(10, 30)),
                Some(day(11, 2)),
            ),
            // Decision 11: one office still open and overdue → not implemented.
            line(
                m1,
                day(10, 5),
                11,
                "রংপুর",
                Progress::Verified,
                None,
                Some(day(10, 20)),
            ),
            line(
                m1,
                day(10, 5),
                11,
                "দিনাজপুর",
                Progress::InProgress,
                Some(day(11, 1)),
                None,
            ),
            line(
                m2,
                day(11, 10),
                20,
                "রংপুর",
                Progress::NotStarted,
                Some(day(12, 31)),
                None,
            ),
        ];
        let d = Dashboard::tally(&lines, Some(2026), today, 7);
        assert_eq!(d.fiscal_year, Some(2026));
        assert_eq!(d.meetings_total, 2);
        // Newest first.
        assert_eq!(
            d.meetings
                .iter()
                .map(|m| (m.0, m.2, m.3))
                .collect::<Vec<_>>(),
            [(m2, 0, 1), (m1, 1, 2)]
        );
        assert_eq!(d.quarters, [(2026, 2, 1, 3)]);
        let dinajpur = d.offices.iter().find(|o| o.office == "দিনাজপুর").unwrap();
        assert_eq!(
            (
                dinajpur.open,
                dinajpur.overdue,
                dinajpur.on_time,
                dinajpur.late
            ),
            (1, 1, 0, 1)
        );
        assert_eq!(
            d.offices[0].office, "দিনাজপুর",
            "the most overdue office first"
        );

        // Only the newest meetings are listed; all are counted.
        let many: Vec<DashboardLine> = (0..40u128)
            .map(|i| {
                line(
                    Uuid::from_u128(100 + i),
                    day(7, 1) + chrono::Days::new(i as u64),
                    1000 + i,
                    "রংপুর",
                    Progress::Verified,
                    None,
                    None,
                )
            })
            .collect();
        let d = Dashboard::tally(&many, None, today, 7);
        assert_eq!(d.meetings.len(), DASHBOARD_MEETINGS);
        assert_eq!(d.meetings_total, 40);
        assert_eq!(d.meetings[0].0, Uuid::from_u128(139));
        assert_eq!(d.quarters, [(2026, 2, 40, 40)]);
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn overdue_work_counts_whatever_year_decided_it() {
        let line = |fiscal_year, decision, status, due_on, done_on| DashboardLine {
            meeting_id: Uuid::from_u128(fiscal_year as u128),
            title: format!("সভা {fiscal_year}"),
            held_on: d(fiscal_year, 8, 1),
            fiscal_year,
            quarter: 1,
            decision_id: Uuid::from_u128(decision),
            office: "দিনাজপুর".into(),
            status,
            due_on,
            done_on,
        };
        let lines = [
            // Decided in 2022-23, never done: overdue today.
            line(2022, 1, Progress::InProgress, Some(d(2022, 9, 1)), None),
            // Decided in 2022-23, done late: that year's count, not this one's.
            line(
                2022,
                2,
                Progress::Verified,
                Some(d(2022, 9, 1)),
                Some(d(2022, 10, 1)),
            ),
            // This year's: one overdue, one done on time, one not yet due.
            line(2026, 3, Progress::NotStarted, Some(d(2026, 9, 1)), None),
            line(
                2026,
                4,
                Progress::Done,
                Some(d(2026, 9, 1)),
                Some(d(2026, 8, 30)),
            ),
            line(2026, 5, Progress::NotStarted, Some(d(2027, 3, 1)), None),
        ];
        let t = Dashboard::tally(&lines, Some(2026), d(2026, 11, 29), 7);
        let o = &t.offices[0];
        assert_eq!(
            (o.open, o.overdue, o.on_time, o.late),
            (3, 2, 1, 0),
            "both overdue decisions count; 2022's late finish does not"
        );
        assert_eq!(t.quarters, [(2026, 1, 0, 3)], "only this year's decisions");
        assert_eq!(t.meetings_total, 1);
        let all = Dashboard::tally(&lines, None, d(2026, 11, 29), 7);
        assert_eq!((all.offices[0].overdue, all.offices[0].late), (2, 1));
    }

    #[test]
    fn finished_work_counts_as_on_time_or_late() {
        let mut t = OfficeTally::default();
        let due = Some(d(2023, 7, 5));
        t.count(Urgency::Finished, due, Some(d(2023, 7, 5)));
        t.count(Urgency::Finished, due, Some(d(2023, 7, 6)));
        t.count(Urgency::Overdue, due, None);
        t.count(Urgency::DueSoon, due, None);
        assert_eq!((t.open, t.overdue, t.on_time, t.late), (2, 1, 1, 1));
    }
}
