//! Meetings read once and shared by all their readers. A meeting's minutes,
//! its office's heading, its issue and its workflow's facts are kept while the meeting's counter
//! (`meeting_versions`: every write to the minutes moves it) and the
//! directory's (`data_version` row 2: offices and people) stand still; both
//! are kept by triggers (migration m20261205). What moves while a meeting is read — reports, reviews, the
//! carry-forward, its history — is read fresh around it.
//!
//! The facts that say which version is current (and who may read it) are
//! read once per move of the change counter (`crate::cache`), however many
//! of a page's server functions ask.
use super::db_error;
use app::domain::issue::WorkflowFacts;
use app::domain::{Meeting, MeetingStatus};
use app::error::AppError;
use sea_orm::{ConnectionTrait, Statement};
use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use uuid::Uuid;

/// Meetings kept at most (a meeting with its texts is tens of kB).
const KEPT: usize = 256;

/// Who may read a meeting, and which version of it is current.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Access {
    pub office: Uuid,
    pub status: MeetingStatus,
    stamp: Stamp,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    version: i64,
    directory: i64,
}

#[derive(Default)]
pub struct SharedMeetings {
    /// By meeting: the change counter it was read under, and its access.
    access: Mutex<HashMap<Uuid, (i64, Access)>>,
    pub meetings: Shelf<Meeting>,
    pub workflows: Shelf<WorkflowFacts>,
}

/// What is kept of each meeting, with the version it was read at.
pub struct Shelf<T>(Mutex<HashMap<Uuid, (Stamp, Arc<T>)>>);

impl<T> Default for Shelf<T> {
    fn default() -> Self {
        Shelf(Mutex::default())
    }
}

impl<T: Clone> Shelf<T> {
    /// What is kept of the meeting for this version, if it is.
    pub fn get(&self, id: Uuid, access: &Access) -> Option<T> {
        let kept = lock(&self.0);
        let (stamp, value) = kept.get(&id)?;
        (*stamp == access.stamp).then(|| T::clone(value))
    }

    /// Keeps what was read after `access` was (so it is no older).
    pub fn keep(&self, id: Uuid, access: &Access, value: T) {
        keep(&self.0, id, (access.stamp, Arc::new(value)));
    }
}

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Keeps `value` under `key`, starting over when `KEPT` are kept.
fn keep<V>(map: &Mutex<HashMap<Uuid, V>>, key: Uuid, value: V) {
    let mut map = lock(map);
    if map.len() >= KEPT && !map.contains_key(&key) {
        map.clear();
    }
    map.insert(key, value);
}

impl SharedMeetings {
    /// The meeting's office, status and current version.
    pub async fn access<C: ConnectionTrait>(&self, db: &C, id: Uuid) -> Result<Access, AppError> {
        // The counter first: it vouches for what is read after it.
        let now = crate::cache::version(db).await.map_err(db_error)?;
        if let Some((_, a)) = lock(&self.access).get(&id).filter(|(v, _)| *v == now) {
            return Ok(*a);
        }
        let backend = db.get_database_backend();
        let sql = "SELECT m.office_id, m.status,
                          COALESCE((SELECT v.version FROM meeting_versions v
                                     WHERE v.meeting_id = m.id), 0) AS version,
                          (SELECT version FROM data_version WHERE id = 2) AS directory
                     FROM meetings m WHERE m.id = ?";
        let row = db
            .query_one_raw(Statement::from_sql_and_values(
                backend,
                super::search::placeholders(backend, sql),
                [id.into()],
            ))
            .await
            .map_err(db_error)?
            .ok_or(AppError::NotFound)?;
        let status: String = row.try_get("", "status").map_err(db_error)?;
        let access = Access {
            office: row.try_get("", "office_id").map_err(db_error)?,
            status: MeetingStatus::from_code(&status).ok_or(AppError::Internal)?,
            stamp: Stamp {
                version: row.try_get("", "version").map_err(db_error)?,
                directory: row.try_get("", "directory").map_err(db_error)?,
            },
        };
        keep(&self.access, id, (now, access));
        Ok(access)
    }
}
