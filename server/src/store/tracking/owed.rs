//! Lists of assignment rows read once and shared by every user who asks
//! with the same offices: `/my`'s list per set of implementing offices (each
//! view had read every owed row, 200–300 for a district office, with their
//! decisions, items and meetings), and a verifier's queue and its count
//! (every page's header asks the count of a secretary's or a chair's).
//!
//! A row shows its assignment (moves its office's counter and its meeting's
//! office's), its meeting's title, memo number, item and decision (move the
//! counter of the meeting's office) and the office's name (the directory's).
//! So a list is good while the counters of the offices it was asked for and
//! of its rows' meetings' offices stand still (`reach_version`), on the same
//! day (what is overdue changes at midnight).
use super::dashboard::reach_version;
use app::error::AppError;
use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// Lists kept at most: one per set of offices in use, each up to a few
/// hundred rows of ~1 kB (a district's is 200–300), so about 30 MB at most.
const KEPT: usize = 128;

/// Values of type `T` asked for by `K`, kept under the counters of offices.
pub struct KeptByOffices<K, T>(Mutex<HashMap<(K, NaiveDate), Kept<T>>>);

impl<K, T> Default for KeptByOffices<K, T> {
    fn default() -> Self {
        KeptByOffices(Mutex::default())
    }
}

struct Kept<T> {
    /// The offices whose counters vouch for the value, sorted.
    offices: Vec<Uuid>,
    /// Their counters' sum when the value was read; None when the value
    /// brought offices the sum read before it did not cover.
    version: Option<i64>,
    value: Arc<T>,
}

impl<K: Hash + Eq + Clone, T: Clone> KeptByOffices<K, T> {
    /// The value for `key`, kept, or read by `read`, which also gives the
    /// offices of its rows' meetings. `offices` are those it was asked for.
    pub async fn get_or_read<C, F>(
        &self,
        db: &C,
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
        let vouching = self
            .with(|kept| kept.get(&key).map(|k| k.offices.clone()))
            .unwrap_or_else(|| sorted(offices.to_vec()));
        // Read before the value, so what is kept under it is no older.
        let version = reach_version(db, &vouching).await?;
        let hit = self.with(|kept| {
            kept.get(&key)
                .filter(|k| k.offices == vouching && k.version == Some(version))
                .map(|k| k.value.clone())
        });
        if let Some(value) = hit {
            return Ok(T::clone(&value));
        }
        let (value, meeting_offices) = read.await?;
        let needed = sorted(offices.iter().copied().chain(meeting_offices).collect());
        // Offices the sum did not cover: the next view reads theirs first.
        let version = (needed == vouching).then_some(version);
        let value = Arc::new(value);
        let kept = Kept {
            offices: needed,
            version,
            value: value.clone(),
        };
        self.with(|all| {
            if all.len() >= KEPT && !all.contains_key(&key) {
                all.clear();
            }
            all.insert(key, kept);
        });
        Ok(T::clone(&value))
    }

    fn with<R>(&self, f: impl FnOnce(&mut HashMap<(K, NaiveDate), Kept<T>>) -> R) -> R {
        f(&mut self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

pub(super) fn sorted(mut offices: Vec<Uuid>) -> Vec<Uuid> {
    offices.sort_unstable();
    offices.dedup();
    offices
}
