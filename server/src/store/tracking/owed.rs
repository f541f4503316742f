//! `/my`'s list, read once per set of offices and shared by every user who
//! implements for them (each view had read every owed row, 200–300 for a
//! district office, with their decisions, items and meetings).
//!
//! A row shows its assignment (moves its office's counter), its meeting's
//! title, memo number, item and decision (move the counter of the meeting's
//! office) and the office's name (the directory's). So a list is good while
//! the counters of its offices and of its meetings' offices stand still
//! (`reach_version`), on the same day (what is overdue changes at midnight).
use super::dashboard::reach_version;
use app::domain::tracking::AssignmentRow;
use app::error::AppError;
use chrono::NaiveDate;
use sea_orm::ConnectionTrait;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

/// Lists kept at most: one per implementing office in use, each up to a few
/// hundred rows of ~1 kB (a district's is 200–300), so about 30 MB at most.
const KEPT: usize = 128;

type Key = (Vec<Uuid>, NaiveDate);

#[derive(Default)]
pub struct OwedLists(Mutex<HashMap<Key, Kept>>);

struct Kept {
    /// The offices whose counters vouch for the list, sorted.
    offices: Vec<Uuid>,
    /// Their counters' sum when the list was read; None when the list
    /// brought offices the sum read before it did not cover.
    version: Option<i64>,
    rows: Arc<Vec<AssignmentRow>>,
}

impl OwedLists {
    /// What these offices owe, kept, or read by `read`, which also gives the
    /// offices of the rows' meetings.
    pub async fn get_or_read<C, F>(
        &self,
        db: &C,
        offices: Vec<Uuid>,
        today: NaiveDate,
        read: F,
    ) -> Result<Vec<AssignmentRow>, AppError>
    where
        C: ConnectionTrait,
        F: std::future::Future<Output = Result<(Vec<AssignmentRow>, Vec<Uuid>), AppError>>,
    {
        let key = (sorted(offices), today);
        let vouching = self
            .with(|kept| kept.get(&key).map(|k| k.offices.clone()))
            .unwrap_or_else(|| key.0.clone());
        // Read before the list, so what is kept under it is no older.
        let version = reach_version(db, &vouching).await?;
        let hit = self.with(|kept| {
            kept.get(&key)
                .filter(|k| k.offices == vouching && k.version == Some(version))
                .map(|k| k.rows.clone())
        });
        if let Some(rows) = hit {
            return Ok(Vec::clone(&rows));
        }
        let (rows, meeting_offices) = read.await?;
        let needed = sorted(key.0.iter().copied().chain(meeting_offices).collect());
        // Offices the sum did not cover: the next view reads theirs first.
        let version = (needed == vouching).then_some(version);
        let rows = Arc::new(rows);
        let kept = Kept {
            offices: needed,
            version,
            rows: rows.clone(),
        };
        self.with(|lists| {
            if lists.len() >= KEPT && !lists.contains_key(&key) {
                lists.clear();
            }
            lists.insert(key, kept);
        });
        Ok(Vec::clone(&rows))
    }

    fn with<T>(&self, f: impl FnOnce(&mut HashMap<Key, Kept>) -> T) -> T {
        f(&mut self.0.lock().unwrap_or_else(|p| p.into_inner()))
    }
}

fn sorted(mut offices: Vec<Uuid>) -> Vec<Uuid> {
    offices.sort_unstable();
    offices.dedup();
    offices
}
