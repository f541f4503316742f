//! Meetings read once and shared by all their readers. What a meeting page
//! shows is kept while what it was read from stands still, by the counters
//! the triggers of migration m20261205 keep:
//!
//! - its minutes, heading, issue and workflow facts: the meeting's own
//!   counter and the directory's;
//! - its history: the same and the accounts' (every event of a meeting is
//!   written with a change to the meeting);
//! - its carry-forward and its assignments: those and its office's counter
//!   (moved by every report, review and meeting of the office).
//!
//! Searches are kept under the searches' counter (row 5), which a change to
//! what a search shows moves (m20261211): the index, a meeting's title,
//! office, status or date, an item's or decision's place.
//!
//! Which counters stand where (and who may read the meeting) is read once
//! per move of the change counter (`crate::cache`), however many of a
//! page's server functions ask, and for all the meetings kept in one query.
use super::db_error;
use app::domain::audit::AuditEntry;
use app::domain::issue::WorkflowFacts;
use app::domain::search::Hit;
use app::domain::tracking::{AssignmentRow, CarriedDecision};
use app::domain::{Meeting, MeetingStatus};
use app::error::AppError;
use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, DatabaseConnection, Statement};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use uuid::Uuid;

/// Meetings kept at most, per shelf (a meeting with its texts is tens of kB).
const KEPT: usize = 256;

/// Who may read a meeting, and the counters its parts were read under.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    pub office: Uuid,
    pub status: MeetingStatus,
    minutes: Minutes,
    office_version: i64,
}

/// The counters the minutes are kept under: the meeting's and the directory's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Minutes {
    version: i64,
    directory: i64,
}

/// The counters the meeting's tracking is kept under: its minutes', its
/// office's, and the day (what is overdue changes at midnight).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tracking {
    minutes: Minutes,
    office: i64,
    day: NaiveDate,
}

impl Access {
    pub fn minutes(&self) -> Minutes {
        self.minutes
    }

    pub fn tracking(&self, day: NaiveDate) -> Tracking {
        Tracking {
            minutes: self.minutes,
            office: self.office_version,
            day,
        }
    }
}

/// One assignment of the meeting as its page lists it, with the offices
/// that decide who sees it (it owes, or is owed on its meetings).
#[derive(Clone)]
pub struct Owed {
    pub office: Uuid,
    pub meeting_office: Uuid,
    pub row: AssignmentRow,
    pub done_on: Option<NaiveDate>,
}

#[derive(Default)]
pub struct SharedMeetings {
    /// Who may read each meeting kept, as of one move of the change counter.
    access: Mutex<Accesses>,
    /// One request at a time reads the kept meetings' access again.
    refreshing: tokio::sync::Mutex<()>,
    pub meetings: Shelf<Minutes, Meeting>,
    pub workflows: Shelf<Minutes, WorkflowFacts>,
    pub carried: Shelf<Tracking, Vec<CarriedDecision>>,
    pub assignments: Shelf<Tracking, Vec<Owed>>,
    /// Its history, under its minutes' counters and the accounts' (the
    /// names of who did what).
    pub histories: Shelf<(Minutes, i64), Vec<AuditEntry>>,
    /// Search hits by query, under the searches' counter: a write to any
    /// meeting's indexed text may add, change or hide a match (a phrase common to every
    /// meeting costs milliseconds of the index's work each time it is asked).
    searches: Mutex<HashMap<String, (i64, Arc<Vec<Hit>>)>>,
}

/// The access of the meetings asked for lately, all read after the change
/// counter stood at `checked`.
#[derive(Default)]
struct Accesses {
    checked: i64,
    by_meeting: HashMap<Uuid, Access>,
}

/// What is kept of each meeting, with the counters it was read under.
pub struct Shelf<K, T>(Mutex<HashMap<Uuid, (K, Arc<T>)>>);

impl<K, T> Default for Shelf<K, T> {
    fn default() -> Self {
        Shelf(Mutex::default())
    }
}

impl<K: Copy + Eq, T> Shelf<K, T> {
    /// What is kept of the meeting under these counters, if it is: shared,
    /// not copied (a page that renders it keeps the same `Arc` as a sign of
    /// the same content: `components::rendered::Same`).
    pub fn get(&self, id: Uuid, at: K) -> Option<Arc<T>> {
        let kept = lock(&self.0);
        let (stamp, value) = kept.get(&id)?;
        (*stamp == at).then(|| value.clone())
    }

    /// What is kept under these counters, or what `read` reads, kept (read
    /// after the counters were, so it is no older).
    pub async fn get_or_read<F>(&self, id: Uuid, at: K, read: F) -> Result<Arc<T>, AppError>
    where
        F: std::future::Future<Output = Result<T, AppError>>,
    {
        if let Some(value) = self.get(id, at) {
            return Ok(value);
        }
        let value = Arc::new(read.await?);
        keep(&self.0, id, (at, value.clone()));
        Ok(value)
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Keeps `value` under `key`, starting over when `KEPT` are kept.
fn keep<K: Eq + std::hash::Hash, V>(map: &Mutex<HashMap<K, V>>, key: K, value: V) {
    let mut map = lock(map);
    if map.len() >= KEPT && !map.contains_key(&key) {
        map.clear();
    }
    map.insert(key, value);
}

impl SharedMeetings {
    /// The newest 50 texts containing `query` (`store::search`).
    pub async fn search(&self, db: &DatabaseConnection, query: &str) -> Result<Vec<Hit>, AppError> {
        // Kept by the query as it is looked for (at most MAX_QUERY long).
        let Some(query) = super::search::cleaned(query) else {
            return Ok(vec![]);
        };
        let now = crate::cache::searches_version(db).await.map_err(db_error)?;
        if let Some((_, hits)) = lock(&self.searches).get(&query).filter(|(v, _)| *v == now) {
            return Ok(Vec::clone(hits));
        }
        let hits = super::search::search(db, &query, 50).await?;
        keep(&self.searches, query, (now, Arc::new(hits.clone())));
        Ok(hits)
    }

    /// The meeting's office, status and counters.
    ///
    /// Any write moves the change counter; the first request that sees it
    /// moved reads the access of every kept meeting again, in one query:
    /// at a few writes a second, one query each for 150 busy meetings had
    /// been most of what a write cost the readers.
    pub async fn access<C: ConnectionTrait>(&self, db: &C, id: Uuid) -> Result<Access, AppError> {
        // The change counter first: it vouches for what is read after it.
        let now = crate::cache::version(db).await.map_err(db_error)?;
        if let Some(a) = self.kept_access(id, now) {
            return Ok(a);
        }
        if lock(&self.access).checked < now {
            let _turn = self.refreshing.lock().await;
            let stale: Option<Vec<Uuid>> = {
                let kept = lock(&self.access);
                (kept.checked < now).then(|| kept.by_meeting.keys().copied().collect())
            };
            if let Some(ids) = stale {
                // A row that cannot be read is left out: its meeting's own
                // read below reports it, and the others stay served.
                let fresh = read_access(db, &ids).await?;
                *lock(&self.access) = Accesses {
                    checked: now,
                    by_meeting: fresh
                        .into_iter()
                        .filter_map(|(id, a)| Some((id, a.ok()?)))
                        .collect(),
                };
            }
            if let Some(a) = self.kept_access(id, now) {
                return Ok(a);
            }
        }
        let access = read_access(db, &[id])
            .await?
            .remove(&id)
            .ok_or(AppError::NotFound)??;
        let mut kept = lock(&self.access);
        if kept.checked == now {
            if kept.by_meeting.len() >= KEPT && !kept.by_meeting.contains_key(&id) {
                kept.by_meeting.clear();
            }
            kept.by_meeting.insert(id, access);
        }
        Ok(access)
    }

    fn kept_access(&self, id: Uuid, now: i64) -> Option<Access> {
        let kept = lock(&self.access);
        (kept.checked == now).then(|| kept.by_meeting.get(&id).copied())?
    }
}

/// The access of these meetings, as they stand (gone ones are left out),
/// each row read on its own.
async fn read_access<C: ConnectionTrait>(
    db: &C,
    ids: &[Uuid],
) -> Result<HashMap<Uuid, Result<Access, AppError>>, AppError> {
    if ids.is_empty() {
        return Ok(HashMap::new());
    }
    let backend = db.get_database_backend();
    let sql = format!(
        "SELECT m.id, m.office_id, m.status,
                COALESCE((SELECT v.version FROM meeting_versions v
                           WHERE v.meeting_id = m.id), 0) AS version,
                COALESCE((SELECT o.version FROM office_versions o
                           WHERE o.office_id = m.office_id), 0) AS office_version,
                (SELECT version FROM data_version WHERE id = 2) AS directory
           FROM meetings m WHERE m.id IN ({})",
        vec!["?"; ids.len()].join(", ")
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            super::search::placeholders(backend, &sql),
            ids.iter().map(|id| (*id).into()),
        ))
        .await
        .map_err(db_error)?;
    rows.iter()
        .map(|row| {
            let id: Uuid = row.try_get("", "id").map_err(db_error)?;
            Ok((id, access_of(row)))
        })
        .collect()
}

fn access_of(row: &sea_orm::QueryResult) -> Result<Access, AppError> {
    let number = |column: &str| row.try_get::<i64>("", column).map_err(db_error);
    let status: String = row.try_get("", "status").map_err(db_error)?;
    Ok(Access {
        office: row.try_get("", "office_id").map_err(db_error)?,
        status: MeetingStatus::from_code(&status).ok_or(AppError::Internal)?,
        minutes: Minutes {
            version: number("version")?,
            directory: number("directory")?,
        },
        office_version: number("office_version")?,
    })
}
