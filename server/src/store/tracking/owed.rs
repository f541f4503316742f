//! What is read once and shared by every user who asks with the same
//! offices: `/my`'s list per set of implementing offices (each view had read
//! every owed row, 200–300 for a district office, with their decisions,
//! items and meetings), a verifier's queue and its count (every page's
//! header asks the count of a secretary's or a chair's), and the dashboard
//! and APA view per reach and year, and one assignment's page (its row,
//! history and evidence: six queries each view before).
//!
//! A row shows its assignment (moves its office's counter and its meeting's
//! office's), its meeting's title, memo number, item and decision (move the
//! counter of the meeting's office) and the office's name (the directory's).
//! So a list is good while the counters of the offices it was asked for and
//! of its rows' meetings' offices stand still (`OfficeCounters`), on the same
//! day (what is overdue changes at midnight).
use super::office_counters::OfficeCounters;
use app::error::AppError;
use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// Values kept at most by default: one per set of offices in use, each up
/// to a few hundred rows of ~1 kB (a district's list is 200–300), so about
/// 30 MB at most.
const KEPT: usize = 128;

/// Values of type `T` asked for by `K`, kept under the counters of offices;
/// at most `N` of them (past that, all are dropped and read again).
pub struct KeptByOffices<K, T, const N: usize = KEPT> {
    kept: Mutex<HashMap<(K, NaiveDate), Kept<T>>>,
    /// Per key, held while its value is read: the users of one office
    /// asking together after a write wait for the first read and find it
    /// made instead of each reading (a division's dashboard counts tens of
    /// thousands of assignments); other keys do not wait.
    reading: Mutex<HashMap<(K, NaiveDate), Arc<tokio::sync::Mutex<()>>>>,
}

impl<K, T, const N: usize> Default for KeptByOffices<K, T, N> {
    fn default() -> Self {
        KeptByOffices {
            kept: Mutex::default(),
            reading: Mutex::default(),
        }
    }
}

struct Kept<T> {
    /// The offices whose counters vouch for the value, sorted.
    offices: Vec<Uuid>,
    /// Their counters' sum when the value was read; None when the value
    /// brought offices the sum read before it did not cover.
    version: Option<i64>,
    /// The change counter as the last request that found the value good
    /// read it. That counter moves with every write, so while a request
    /// reads the same, no office's counter can have moved either, and the
    /// sum is not asked for again: at a few writes a second, most requests
    /// (the header's count is on every page of a secretary or chair) read
    /// no office counter at all. The value is then as fresh as the request's
    /// start, not its call: no request writes and then reads through here
    /// (a write is a form post answered with a redirect).
    checked: Option<i64>,
    value: Arc<T>,
}

impl<K: Hash + Eq + Clone, T: Clone, const N: usize> KeptByOffices<K, T, N> {
    /// The value for `key`, kept, or read by `read`, which also gives the
    /// offices of its rows' meetings. `offices` are those it was asked for.
    pub async fn get_or_read<C, F>(
        &self,
        (db, counters): (&C, &OfficeCounters),
        key: K,
        offices: &[Uuid],
        today: NaiveDate,
        read: F,
    ) -> Result<T, AppError>
    where
        C: ConnectionTrait,
        F: std::future::Future<Output = Result<(T, Vec<Uuid>), AppError>>,
    {
        let key = (key, today);
        let changes = crate::cache::version(db).await.map_err(super::db_error)?;
        if let Some(value) = self.unchanged(&key, changes) {
            return Ok(T::clone(&value));
        }
        let mut vouching = self.vouching(&key, offices);
        // Read before the value, so what is kept under it is no older.
        let mut version = counters.sum(db, &vouching, changes).await?;
        if let Some(value) = self.kept(&key, &vouching, version, changes) {
            return Ok(T::clone(&value));
        }
        let turn = {
            let mut reading = lock(&self.reading);
            if reading.len() >= N && !reading.contains_key(&key) {
                reading.clear();
            }
            reading.entry(key.clone()).or_default().clone()
        };
        let _turn = turn.lock().await;
        // The read before this one may have found more offices to vouch.
        let now_vouching = self.vouching(&key, offices);
        if now_vouching != vouching {
            vouching = now_vouching;
            version = counters.sum(db, &vouching, changes).await?;
        }
        if let Some(value) = self.kept(&key, &vouching, version, changes) {
            return Ok(T::clone(&value)); // read while this one waited its turn
        }
        let (value, meeting_offices) = read.await?;
        let needed = sorted(offices.iter().copied().chain(meeting_offices).collect());
        // Offices the sum did not cover: the next view reads theirs first.
        let version = (needed == vouching).then_some(version);
        let value = Arc::new(value);
        let kept = Kept {
            offices: needed,
            version,
            checked: version.map(|_| changes),
            value: value.clone(),
        };
        let mut all = lock(&self.kept);
        if all.len() >= N && !all.contains_key(&key) {
            all.clear();
        }
        all.insert(key, kept);
        Ok(T::clone(&value))
    }

    /// The offices whose counters vouch for `key`'s value: those its kept
    /// value needed, else those it is asked for.
    fn vouching(&self, key: &(K, NaiveDate), offices: &[Uuid]) -> Vec<Uuid> {
        lock(&self.kept)
            .get(key)
            .map(|k| k.offices.clone())
            .unwrap_or_else(|| sorted(offices.to_vec()))
    }

    /// The value kept for `key` under these offices' counters at `version`,
    /// marked good as of the change counter at `changes`.
    fn kept(
        &self,
        key: &(K, NaiveDate),
        vouching: &[Uuid],
        version: i64,
        changes: i64,
    ) -> Option<Arc<T>> {
        let mut all = lock(&self.kept);
        let kept = all
            .get_mut(key)
            .filter(|k| k.offices == vouching && k.version == Some(version))?;
        // A slower request that began before a later one found the value
        // good does not take the later counter back.
        kept.checked = kept.checked.max(Some(changes));
        Some(kept.value.clone())
    }

    /// The value kept for `key` if it was found good at this change counter.
    fn unchanged(&self, key: &(K, NaiveDate), changes: i64) -> Option<Arc<T>> {
        lock(&self.kept)
            .get(key)
            .filter(|k| k.checked == Some(changes))
            .map(|k| k.value.clone())
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

pub(super) fn sorted(mut offices: Vec<Uuid>) -> Vec<Uuid> {
    offices.sort_unstable();
    offices.dedup();
    offices
}
