//! Assignments and their progress (`app::ports::TrackingStore`), the
//! dashboard's counts and the carry-forward of unfinished decisions. Lists
//! are read in a few whole-table-slice queries and joined in memory by id
//! (no query per row).
//! `lists.rs` reads the assignment rows and the report, `dashboard.rs`
//! counts the dashboard, `carried.rs` the carry-forward, `events.rs` records
//! progress and serves its evidence files.
use super::db_error;
use crate::db::entities::{assignments, evidence, meetings, offices, progress_events, users};
use app::domain::dates::{today_in_dhaka, FiscalYear, Quarter};
use app::domain::tracking::{
    better, nothing_held, AssignmentFacts, AssignmentRow, CarriedDecision, Compliance, Dashboard,
    Held, Progress, ProgressEvent, Urgency,
};
use app::error::AppError;
use app::ports::TrackingStore;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::HashMap;
use uuid::Uuid;

mod carried;
mod dashboard;
mod events;
mod lists;
mod office_counters;
mod owed;

pub use carried::{carried, CARRIED_MEETINGS};
use dashboard::{dashboard_counts, fiscal_years};
pub use events::{evidence_file, record_progress};
use lists::report;
pub(crate) use lists::rows;
pub use office_counters::OfficeCounters;
pub use owed::KeptByOffices;

/// Who verifies: the offices they are secretary of, the person they are,
/// the offices they chair at.
type Verifier = (Vec<Uuid>, Option<Uuid>, Vec<Uuid>);

pub struct SeaTrackingStore {
    pub db: DatabaseConnection,
    /// How many days ahead counts as due soon.
    pub window: u32,
    /// The dashboard per reach and year asked for (None: the newest).
    pub dashboards: KeptByOffices<(Vec<Uuid>, Option<i32>), Dashboard>,
    /// The APA view per reach and year.
    pub compliances: KeptByOffices<(Vec<Uuid>, i32), Compliance>,
    /// `/my`'s list per set of implementing offices.
    pub owed: KeptByOffices<Vec<Uuid>, Vec<AssignmentRow>>,
    /// A verifier's queue and its count, per (secretary of, person, chair of).
    pub to_verify: KeptByOffices<Verifier, Vec<AssignmentRow>>,
    pub to_verify_count: KeptByOffices<Verifier, u32>,
    /// One assignment's page, per (assignment, accounts' counter): a
    /// district office opens its tens of assignments, so more are kept.
    pub assignments: KeptByOffices<(Uuid, i64), AssignmentFacts, 2048>,
    /// The offices' counters all these are kept under.
    pub office_counters: OfficeCounters,
    /// What every reader of a meeting shares (with the meetings' store).
    pub shared: std::sync::Arc<crate::store::shared_meetings::SharedMeetings>,
}

/// A verifier's key, and the offices whose counters vouch for their queue:
/// every row in it is of a meeting of those offices.
fn verifier(
    secretary_of: &[Uuid],
    chair: Option<Uuid>,
    chair_of: &[Uuid],
) -> (Verifier, Vec<Uuid>) {
    // Chairing nowhere, the person changes nothing (their clause matches no
    // meeting): the secretaries of an office share one entry.
    let chair = chair.filter(|_| !chair_of.is_empty());
    let key = (
        owed::sorted(secretary_of.to_vec()),
        chair,
        owed::sorted(chair_of.to_vec()),
    );
    (key, [secretary_of, chair_of].concat())
}

/// "?, ?, ?" for `n` values.
fn marks(n: usize) -> String {
    vec!["?"; n.max(1)].join(", ")
}

fn progress(code: &str) -> Result<Progress, AppError> {
    Progress::from_code(code).ok_or_else(|| {
        tracing::error!(code, "unexpected assignments.status");
        AppError::Internal
    })
}

/// "জেলা প্রশাসকের কার্যালয়, দিনাজপুর" for each of these offices.
/// An office as a row names it: with its place, unless the name says it.
fn office_name(name: String, place: &str) -> String {
    let place = place.trim_end_matches(['।', '.', ' ']);
    if place.is_empty() || name.contains(place) {
        name
    } else {
        format!("{name}, {place}")
    }
}

async fn office_names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, String>, AppError> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort();
    ids.dedup();
    Ok(offices::Entity::find()
        .filter(offices::Column::Id.is_in(ids))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|o| (o.id, office_name(o.name_bn, &o.place_bn)))
        .collect())
}

#[async_trait::async_trait]
impl TrackingStore for SeaTrackingStore {
    async fn report(
        &self,
        offices: Vec<Uuid>,
        meeting: Option<Uuid>,
    ) -> Result<Vec<(AssignmentRow, Option<chrono::NaiveDate>)>, AppError> {
        let Some(meeting) = meeting else {
            return report(&self.db, offices, self.window).await;
        };
        // The meeting's assignments are shared by its readers; each sees
        // those of the offices they reach.
        let access = self.shared.access(&self.db, meeting).await?;
        let read = lists::of_meeting(&self.db, meeting, self.window);
        let all = self
            .shared
            .assignments
            .get_or_read(meeting, access.tracking(today_in_dhaka()), read)
            .await?;
        Ok(all
            .iter()
            .filter(|o| offices.contains(&o.office) || offices.contains(&o.meeting_office))
            .map(|o| (o.row.clone(), o.done_on))
            .collect())
    }

    async fn to_verify(
        &self,
        secretary_of: Vec<Uuid>,
        chair: Option<Uuid>,
        chair_of: Vec<Uuid>,
    ) -> Result<Vec<AssignmentRow>, AppError> {
        let (key, offices) = verifier(&secretary_of, chair, &chair_of);
        let read = async {
            let rows = lists::to_verify(&self.db, &secretary_of, chair, &chair_of, self.window);
            Ok((rows.await?, vec![]))
        };
        self.to_verify
            .get_or_read(self.kept(), key, &offices, today_in_dhaka(), read)
            .await
    }

    async fn count_to_verify(
        &self,
        secretary_of: Vec<Uuid>,
        chair: Option<Uuid>,
        chair_of: Vec<Uuid>,
    ) -> Result<u32, AppError> {
        let (key, offices) = verifier(&secretary_of, chair, &chair_of);
        let read = async {
            let n = lists::count_to_verify(&self.db, &secretary_of, chair, &chair_of);
            Ok((n.await?, vec![]))
        };
        self.to_verify_count
            .get_or_read(self.kept(), key, &offices, today_in_dhaka(), read)
            .await
    }

    async fn owed_by(&self, offices: Vec<Uuid>) -> Result<Vec<AssignmentRow>, AppError> {
        if offices.is_empty() {
            return Ok(vec![]);
        }
        let read = async {
            let list = assignments::Entity::find()
                .filter(assignments::Column::OfficeId.is_in(offices.clone()))
                .all(&self.db)
                .await
                .map_err(db_error)?;
            let meeting_offices = list.iter().map(|a| a.meeting_office_id).collect();
            Ok((rows(&self.db, list, self.window).await?, meeting_offices))
        };
        let key = owed::sorted(offices.clone());
        self.owed
            .get_or_read(self.kept(), key, &offices, today_in_dhaka(), read)
            .await
    }

    async fn assignment(&self, id: Uuid) -> Result<AssignmentFacts, AppError> {
        // Kept under the counters of the office that owes it and of its
        // meeting's (every report, its evidence, review and edit of the
        // meeting moves them: migrations m20261205 and m20261209), the
        // directory's (the office's name) and, in the key, the accounts'
        // (who reported is a user's name).
        let accounts = crate::cache::accounts_version(&self.db)
            .await
            .map_err(db_error)?;
        let read = async {
            let facts = read_assignment(&self.db, id, self.window).await?;
            let offices = vec![facts.office, facts.meeting_office];
            Ok((facts, offices))
        };
        self.assignments
            .get_or_read(self.kept(), (id, accounts), &[], today_in_dhaka(), read)
            .await
    }

    async fn dashboard(
        &self,
        offices: Vec<Uuid>,
        fiscal_year: Option<i32>,
    ) -> Result<Dashboard, AppError> {
        let today = today_in_dhaka();
        if offices.is_empty() {
            // Reaching no office: nothing to count (and no empty IN list).
            return Ok(Dashboard {
                fiscal_year: Some(fiscal_year.unwrap_or(FiscalYear::of(today).0)),
                ..Dashboard::default()
            });
        }
        // Counted by the database from the assignments these offices owe or
        // are owed (their own counters), with the offices' names and the
        // titles of the meetings listed (their offices' counters).
        let read = async {
            let years = fiscal_years(&self.db, &offices).await?;
            // No year chosen: the newest with meetings, or this one.
            let year = fiscal_year
                .or(years.first().copied())
                .unwrap_or(FiscalYear::of(today).0);
            let (assignments, meetings, held_by) =
                dashboard_counts(&self.db, &offices, year, today).await?;
            let mut d = Dashboard::tally(&assignments, meetings, Some(year));
            d.years = years;
            Ok((d, held_by))
        };
        let key = (owed::sorted(offices.clone()), fiscal_year);
        self.dashboards
            .get_or_read(self.kept(), key, &offices, today, read)
            .await
    }

    async fn reminders(&self, offices: Vec<Uuid>) -> Result<Vec<(Uuid, Urgency)>, AppError> {
        super::reminders::today_for(&self.db, offices, today_in_dhaka()).await
    }

    async fn compliance(
        &self,
        offices: Vec<Uuid>,
        fiscal_year: i32,
    ) -> Result<Compliance, AppError> {
        let today = today_in_dhaka();
        if offices.is_empty() {
            return Ok(Compliance {
                fiscal_year,
                offices: vec![],
            });
        }
        let key = (owed::sorted(offices.clone()), fiscal_year);
        let read = self.count_compliance(offices.clone(), fiscal_year, today);
        self.compliances
            .get_or_read(self.kept(), key, &offices, today, read)
            .await
    }

    async fn carry_forward(&self, meeting: Uuid) -> Result<Vec<CarriedDecision>, AppError> {
        carried(&self.db, meeting, self.window).await
    }
}

impl SeaTrackingStore {
    /// Where what is kept by offices is read, and their counters.
    fn kept(&self) -> (&DatabaseConnection, &OfficeCounters) {
        (&self.db, &self.office_counters)
    }

    /// Which quarters' meetings each office held and issued in the year (the
    /// APA view), under the offices' counters (their meetings move them)
    /// with their names (the directory's).
    async fn count_compliance(
        &self,
        offices: Vec<Uuid>,
        fiscal_year: i32,
        today: chrono::NaiveDate,
    ) -> Result<(Compliance, Vec<Uuid>), AppError> {
        let names = office_names(&self.db, offices.iter().copied()).await?;
        // Three columns, not the rows: a division's year is hundreds of
        // meetings, each with its long texts.
        let held: Vec<(Uuid, i16, String)> = meetings::Entity::find()
            .select_only()
            .columns([
                meetings::Column::OfficeId,
                meetings::Column::Quarter,
                meetings::Column::Status,
            ])
            .filter(meetings::Column::OfficeId.is_in(offices.clone()))
            .filter(meetings::Column::FiscalYear.eq(fiscal_year))
            .filter(meetings::Column::Kind.eq("citizen_charter_quarterly"))
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let mut rows: Vec<(String, [Held; 4])> = offices
            .iter()
            .map(|o| {
                let mut quarters: [Held; 4] = std::array::from_fn(|i| {
                    let q = Quarter::new(i as u8 + 1).unwrap_or(Quarter::of(today));
                    nothing_held(FiscalYear(fiscal_year), q, today)
                });
                for (_, quarter, status) in held.iter().filter(|m| m.0 == *o) {
                    if let Some(q) = quarters.get_mut((*quarter as usize).wrapping_sub(1)) {
                        let this = if status == app::domain::MeetingStatus::Issued.code() {
                            Held::Issued
                        } else {
                            Held::Held
                        };
                        *q = better(*q, this);
                    }
                }
                (names.get(o).cloned().unwrap_or_default(), quarters)
            })
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        let c = Compliance {
            fiscal_year,
            offices: rows,
        };
        Ok((c, vec![]))
    }
}

/// One assignment's row, history and evidence, and who may see and verify it.
pub(super) async fn read_assignment(
    db: &DatabaseConnection,
    id: Uuid,
    window: u32,
) -> Result<AssignmentFacts, AppError> {
    let a = assignments::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    let office = a.office_id;
    let row = rows(db, vec![a], window)
        .await?
        .pop()
        .ok_or(AppError::NotFound)?;
    let meeting = meetings::Entity::find_by_id(row.meeting_id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    let events = progress_events::Entity::find()
        .filter(progress_events::Column::AssignmentId.eq(id))
        .order_by_asc(progress_events::Column::CreatedAt)
        .all(db)
        .await
        .map_err(db_error)?;
    let files: Vec<evidence::Model> = evidence::Entity::find()
        .filter(evidence::Column::EventId.is_in(events.iter().map(|e| e.id)))
        .all(db)
        .await
        .map_err(db_error)?;
    let names: HashMap<Uuid, String> = users::Entity::find()
        .filter(users::Column::Id.is_in(events.iter().filter_map(|e| e.actor_user_id)))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|u| (u.id, u.display_name))
        .collect();
    let events = events
        .into_iter()
        .map(|e| {
            Ok(ProgressEvent {
                at: e.created_at,
                who: e
                    .actor_user_id
                    .and_then(|u| names.get(&u).cloned())
                    .unwrap_or_default(),
                status: progress(&e.status)?,
                evidence: files
                    .iter()
                    .filter(|f| f.event_id == e.id)
                    .map(|f| (f.sha256.clone(), f.name.clone(), f.size))
                    .collect(),
                note: e.note,
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(AssignmentFacts {
        row,
        events,
        office,
        meeting_office: meeting.office_id,
        chair: meeting.chair_id,
    })
}
