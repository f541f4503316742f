//! The offices' counters (migration m20261205: each moves with every write
//! to an assignment the office owes or is owed, and to its issued meetings)
//! and the directory's, read all at once per move of the change counter.
//!
//! Every value kept by offices (`KeptByOffices`) is vouched for by the sum
//! of some offices' counters. After each write, each kept value's next
//! request asked for its own sum: about fifty queries per write in the mix,
//! at 1–2 ms each on PostgreSQL under load. Now the first request after a
//! write reads every office's counter (one row per office that has one, a
//! few hundred) and the others add up from that.
use crate::store::db_error;
use app::error::AppError;
use sea_orm::{ConnectionTrait, Statement};
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use uuid::Uuid;

#[derive(Default)]
pub struct OfficeCounters {
    /// The counters, as read after a request found the change counter at
    /// the first number. Writes move the change counter in the transaction
    /// that moves an office's, so while a request finds it there, none has
    /// moved since.
    read: Mutex<Option<(i64, Arc<Counters>)>>,
    /// One request at a time reads them again.
    reading: tokio::sync::Mutex<()>,
}

struct Counters {
    directory: i64,
    by_office: HashMap<Uuid, i64>,
}

impl OfficeCounters {
    /// The sum of these offices' counters and the directory's, as they
    /// stand no earlier than when the change counter stood at `changes`.
    /// Each counter only grows, so the sum moves whenever any of them does.
    pub async fn sum<C: ConnectionTrait>(
        &self,
        db: &C,
        offices: &[Uuid],
        changes: i64,
    ) -> Result<i64, AppError> {
        let counters = match self.kept(changes) {
            Some(counters) => counters,
            None => {
                let _turn = self.reading.lock().await;
                match self.kept(changes) {
                    Some(counters) => counters, // read while this one waited
                    None => {
                        let counters = Arc::new(read(db).await?);
                        let mut kept = lock(&self.read);
                        // A request that began before the last write keeps
                        // no older tag over the newer requests' counters.
                        if !matches!(kept.as_ref(), Some((at, _)) if *at > changes) {
                            *kept = Some((changes, counters.clone()));
                        }
                        counters
                    }
                }
            }
        };
        let offices: i64 = offices
            .iter()
            .filter_map(|o| counters.by_office.get(o))
            .sum();
        Ok(offices + counters.directory)
    }

    fn kept(&self, changes: i64) -> Option<Arc<Counters>> {
        let read = lock(&self.read);
        let (at, counters) = read.as_ref()?;
        (*at == changes).then(|| counters.clone())
    }
}

async fn read<C: ConnectionTrait>(db: &C) -> Result<Counters, AppError> {
    let backend = db.get_database_backend();
    let rows = db
        .query_all_raw(Statement::from_string(
            backend,
            "SELECT office_id, version FROM office_versions
             UNION ALL SELECT NULL, version FROM data_version WHERE id = 2",
        ))
        .await
        .map_err(db_error)?;
    let mut counters = Counters {
        directory: 0,
        by_office: HashMap::with_capacity(rows.len()),
    };
    for row in rows {
        let version: i64 = row.try_get("", "version").map_err(db_error)?;
        match row
            .try_get::<Option<Uuid>>("", "office_id")
            .map_err(db_error)?
        {
            Some(office) => {
                counters.by_office.insert(office, version);
            }
            None => counters.directory = version,
        }
    }
    Ok(counters)
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}
