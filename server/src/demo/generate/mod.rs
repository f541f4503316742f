//! `sidhanto gen-demo`: a large, realistic and repeatable data set for the
//! benchmarks (bench/run). On top of the demo data it adds the offices of all
//! eight divisions with their districts and upazilas, and quarterly
//! citizen-charter meetings held by all of them, newest quarter first and back
//! through earlier fiscal years, with agenda items, decisions, implementers,
//! assignments in every state and their progress events. The texts are the
//! seed-004 meeting's, placed in each office's district. The same arguments
//! give the same rows (ids included): a small seeded generator drives it.
//!
//! Rows are written in batches straight into the tables, not through the
//! import path: 100,000 decisions one meeting at a time would take minutes.
//!
//! `data.rs` holds the divisions, districts and names, `holders.rs` adds the
//! offices and their officers, `batch.rs` the meetings and their rows.
use crate::db::entities::offices;
use app::domain::dates::today_in_dhaka;
use chrono::{Datelike, Duration, NaiveDate};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, DbBackend, DbErr, EntityTrait, QueryFilter,
};
use uuid::Uuid;

mod batch;
mod data;
mod holders;

use batch::{meeting, Batch};
use holders::offices_and_people;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    pub meetings: usize,
    pub decisions: usize,
    pub seed: u64,
}

/// What was written.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub offices: usize,
    pub meetings: usize,
    pub decisions: usize,
    pub assignments: usize,
    pub events: usize,
}

/// SplitMix64: tiny, fast and the same everywhere, which is all a data
/// generator needs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Fills the database; fails without writing when it was filled before.
pub async fn generate(db: &DatabaseConnection, sizes: Sizes) -> Result<Written, DbErr> {
    crate::demo::load(db).await?;
    if offices::Entity::find()
        .filter(offices::Column::Code.eq("dhaka-division"))
        .one(db)
        .await?
        .is_some()
    {
        return Err(DbErr::Custom(
            "this database already has generated data: use a fresh one".into(),
        ));
    }
    let mut rng = Rng(sizes.seed);
    let mut written = Written::default();
    let seed = crate::store::minutes::parse(crate::demo::SEED_004.as_bytes())
        .map_err(|e| DbErr::Custom(format!("seed 004: {e:?}")))?;

    let txn = crate::store::begin_write(db).await?;
    let mut holders = offices_and_people(&txn, &mut rng, &mut written).await?;
    txn.commit().await?;

    // Meetings: every office once a quarter, newest quarter first.
    let today = today_in_dhaka();
    let mut quarter_start = quarter_start(today);
    let mut planned: Vec<(usize, NaiveDate)> = vec![];
    while planned.len() < sizes.meetings {
        let mut order: Vec<usize> = (0..holders.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let last_day = (quarter_start + Duration::days(91)).min(today);
        let span = (last_day - quarter_start).num_days().max(1) as usize;
        for h in order {
            if planned.len() == sizes.meetings {
                break;
            }
            let held = quarter_start + Duration::days(rng.below(span) as i64);
            planned.push((h, held));
        }
        quarter_start = self::quarter_start(quarter_start - Duration::days(1));
    }
    // Oldest first, so memo serials rise with time.
    planned.reverse();

    for (n, batch) in planned.chunks(200).enumerate() {
        let first = n * 200;
        let mut rows = Batch::default();
        for (k, (h, held)) in batch.iter().enumerate() {
            let index = first + k;
            let decisions = sizes.decisions / sizes.meetings
                + usize::from(index < sizes.decisions % sizes.meetings);
            meeting(
                &mut rng,
                &mut rows,
                &mut holders[*h],
                *held,
                decisions,
                today,
                &seed,
            );
        }
        written.meetings += rows.meetings.len();
        written.decisions += rows.decisions.len();
        written.assignments += rows.assignments.len();
        written.events += rows.events.len();
        let txn = crate::store::begin_write(db).await?;
        rows.insert(&txn).await?;
        txn.commit().await?;
    }

    let txn = crate::store::begin_write(db).await?;
    for h in &holders {
        offices::Entity::update_many()
            .col_expr(offices::Column::NextSerial, Expr::value(h.serial))
            .col_expr(offices::Column::MemoPrefix, Expr::value(h.prefix.clone()))
            .filter(offices::Column::Id.eq(h.id))
            .exec(&txn)
            .await?;
    }
    crate::store::search::rebuild(&txn).await?;
    txn.commit().await?;
    // Fresh statistics, as the database would have them after a while in
    // use (PostgreSQL's autovacuum, SQLite's `PRAGMA optimize`): the
    // planners choose their indexes by them.
    db.execute_unprepared("ANALYZE").await?;
    if db.get_database_backend() == DbBackend::Sqlite {
        // Only the per-index averages (`sqlite_stat1`). The bundled SQLite is
        // built with STAT4, and with its samples every statement whose bound
        // values might change the plan is parsed and planned again on each
        // run: 6% of a meeting page's CPU, for plans that are the same.
        db.execute_unprepared("DELETE FROM sqlite_stat4").await?;
    }
    Ok(written)
}

/// The first day of the fiscal quarter `d` is in.
fn quarter_start(d: NaiveDate) -> NaiveDate {
    let month = ((d.month0() / 3) * 3) + 1;
    NaiveDate::from_ymd_opt(d.year(), month, 1).unwrap_or(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_repeats_itself() {
        let (mut a, mut b) = (Rng(7), Rng(7));
        let xs: Vec<u64> = (0..5).map(|_| a.next()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next()).collect();
        assert_eq!(xs, ys);
        assert_ne!(Rng(8).next(), xs[0]);
        assert_eq!(a.uuid().get_version_num(), 4);
    }

    #[test]
    fn quarters_start_on_the_first_of_july_october_january_april() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(quarter_start(d(2026, 11, 23)), d(2026, 10, 1));
        assert_eq!(quarter_start(d(2026, 9, 30)), d(2026, 7, 1));
        assert_eq!(quarter_start(d(2027, 1, 1)), d(2027, 1, 1));
        assert_eq!(quarter_start(d(2027, 6, 30)), d(2027, 4, 1));
    }
}
