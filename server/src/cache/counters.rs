//! The change counters, read once for many requests.
//!
//! Every request reads them first (`track_changes`): at a thousand requests
//! a second that was a thousand hops to SQLite's thread or round trips to
//! PostgreSQL, nearly all answered alike. A request that arrives while a
//! read is under way waits for the next one, which starts after it arrived:
//! what it gets is never older than the request, as if it had read alone,
//! and everyone who arrives meanwhile shares that read.
use super::{versions, Versions};
use sea_orm::{DatabaseConnection, DbErr};
use std::sync::{Arc, Mutex};
use tokio::sync::watch;

type Answer = Option<Result<Versions, Arc<DbErr>>>;

pub(super) struct Counters {
    db: DatabaseConnection,
    state: Mutex<State>,
}

#[derive(Default)]
struct State {
    /// A read is under way.
    reading: bool,
    /// Who arrived since it started: answered by the read after it.
    next: Option<watch::Sender<Answer>>,
}

impl Counters {
    pub(super) fn new(db: DatabaseConnection) -> Arc<Counters> {
        Arc::new(Counters {
            db,
            state: Mutex::default(),
        })
    }

    /// The counters as a read that started after this call reads them.
    pub(super) async fn read(self: &Arc<Self>) -> Result<Versions, Arc<DbErr>> {
        let (mut answer, start) = {
            let mut state = lock(&self.state);
            if state.reading {
                let next = state.next.get_or_insert_with(|| watch::channel(None).0);
                (next.subscribe(), None)
            } else {
                state.reading = true;
                let (tx, rx) = watch::channel(None);
                (rx, Some(tx))
            }
        };
        if let Some(tx) = start {
            // A task of its own: it answers the waiters even if the request
            // that started it is dropped. The guard goes with it from the
            // start, so the read ends however the task does (never run,
            // dropped, panicked); spawned outside the lock, which the guard
            // takes when dropped.
            let reading = Reading(Some(self.clone()));
            tokio::spawn(run(reading, tx));
        }
        let answered = match answer.wait_for(Option::is_some).await {
            Ok(answered) => answered.clone(),
            Err(_) => None,
        };
        match answered {
            Some(answer) => answer,
            // The read ended without an answer (it panicked): a read of its own.
            None => versions(&self.db).await.map_err(Arc::new),
        }
    }
}

/// Reads for the waiters of `tx`, then for those who came meanwhile,
/// until nobody waits.
async fn run(mut reading: Reading, mut tx: watch::Sender<Answer>) {
    let Some(counters) = reading.0.clone() else {
        return;
    };
    loop {
        let answer = versions(&counters.db).await.map_err(Arc::new);
        tx.send_replace(Some(answer));
        let mut state = lock(&counters.state);
        match state.next.take() {
            Some(next) => tx = next,
            None => {
                state.reading = false;
                reading.0 = None;
                return;
            }
        }
    }
}

/// Ends the read under way if the task ends before it says so (never run,
/// dropped, panicked).
struct Reading(Option<Arc<Counters>>);

impl Drop for Reading {
    fn drop(&mut self) {
        if let Some(counters) = &self.0 {
            let mut state = lock(&counters.state);
            state.reading = false;
            // Waiters of a read that will not happen read for themselves.
            state.next = None;
        }
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}
