//! The carry-forward: the unfinished decisions of a series' earlier meetings.
use super::lists::rows;
use crate::db::entities::{assignments, meetings};
use crate::store::db_error;
use app::domain::tracking::{CarriedDecision, Progress};
use app::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

/// How many earlier meetings of a series are carried forward: a year of
/// quarterly meetings. Older unfinished decisions are in the reports; without
/// a bound every meeting page and memo would grow with the office's history.
pub const CARRIED_MEETINGS: u64 = 4;

/// The unfinished decisions of the last [`CARRIED_MEETINGS`] issued
/// meetings of `meeting`'s series (same office, held before it), with each
/// office's status.
pub async fn carried<C: ConnectionTrait>(
    db: &C,
    meeting: Uuid,
    window: u32,
) -> Result<Vec<CarriedDecision>, AppError> {
    // Three columns, not the row (its texts are long).
    let (series, office, held_on) = meetings::Entity::find_by_id(meeting)
        .select_only()
        .columns([
            meetings::Column::Series,
            meetings::Column::OfficeId,
            meetings::Column::HeldOn,
        ])
        .into_tuple::<(String, Uuid, chrono::NaiveDate)>()
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    if series.is_empty() {
        return Ok(vec![]);
    }
    // The latest earlier issued meetings of the same series and office.
    let earlier: Vec<Uuid> = meetings::Entity::find()
        .select_only()
        .column(meetings::Column::Id)
        .filter(meetings::Column::Series.eq(series.as_str()))
        .filter(meetings::Column::OfficeId.eq(office))
        .filter(meetings::Column::Status.eq(app::domain::MeetingStatus::Issued.code()))
        .filter(meetings::Column::HeldOn.lt(held_on))
        .order_by_desc(meetings::Column::HeldOn)
        .limit(CARRIED_MEETINGS)
        .into_tuple()
        .all(db)
        .await
        .map_err(db_error)?;
    let list = assignments::Entity::find()
        .filter(assignments::Column::MeetingId.is_in(earlier))
        .all(db)
        .await
        .map_err(db_error)?;
    let all = rows(db, list, window).await?;
    // A decision is carried while any of its offices has not been verified.
    let mut carried: Vec<CarriedDecision> = vec![];
    let mut at: HashMap<(Uuid, usize, usize), usize> = HashMap::new();
    for r in all {
        let key = (r.meeting_id, r.item, r.decision);
        match at.get(&key) {
            Some(i) => carried[*i].offices.push((r.office, r.status)),
            None => {
                at.insert(key, carried.len());
                carried.push(CarriedDecision {
                    meeting_id: r.meeting_id,
                    memo_number: r.memo_number,
                    item: r.item,
                    decision: r.decision,
                    text: r.decision_text,
                    offices: vec![(r.office, r.status)],
                })
            }
        }
    }
    carried.retain(|c| c.offices.iter().any(|(_, s)| *s != Progress::Verified));
    carried.sort_by(|a, b| {
        (&a.memo_number, a.item, a.decision).cmp(&(&b.memo_number, b.item, b.decision))
    });
    for c in &mut carried {
        c.offices.sort();
    }
    Ok(carried)
}
