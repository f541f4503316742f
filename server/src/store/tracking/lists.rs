//! The assignment rows: of a list, of what these offices see, of the
//! implementation report.
use super::{office_names, progress};
use crate::db::entities::{agenda_items, assignments, decisions, meetings};
use crate::store::db_error;
use app::domain::dates::today_in_dhaka;
use app::domain::tracking::{urgency, AssignmentRow};
use app::error::AppError;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The rows of these assignments, overdue first, then by due date.
pub(crate) async fn rows<C: ConnectionTrait>(
    db: &C,
    list: Vec<assignments::Model>,
    window: u32,
) -> Result<Vec<AssignmentRow>, AppError> {
    let today = today_in_dhaka();
    let decision_ids: Vec<Uuid> = list.iter().map(|a| a.decision_id).collect();
    // Only the columns a row shows: the texts of discussions and the
    // meetings' other fields are long, and every row read costs.
    use decisions::Column as D;
    let decided: HashMap<Uuid, (Uuid, i32, String)> = decisions::Entity::find()
        .select_only()
        .columns([D::Id, D::AgendaItemId, D::Position, D::TextBn])
        .filter(D::Id.is_in(decision_ids))
        .into_tuple::<(Uuid, Uuid, i32, String)>()
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|(id, item, position, text)| (id, (item, position, text)))
        .collect();
    use agenda_items::Column as I;
    let items: HashMap<Uuid, (Uuid, i32)> = agenda_items::Entity::find()
        .select_only()
        .columns([I::Id, I::MeetingId, I::Position])
        .filter(I::Id.is_in(decided.values().map(|d| d.0)))
        .into_tuple::<(Uuid, Uuid, i32)>()
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|(id, meeting, position)| (id, (meeting, position)))
        .collect();
    use meetings::Column as M;
    let held: HashMap<Uuid, (String, Option<String>)> = meetings::Entity::find()
        .select_only()
        .columns([M::Id, M::TitleBn, M::MemoNumber])
        .filter(M::Id.is_in(items.values().map(|i| i.0)))
        .into_tuple::<(Uuid, String, Option<String>)>()
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|(id, title, number)| (id, (title, number)))
        .collect();
    let office_names = office_names(db, list.iter().map(|a| a.office_id)).await?;
    let mut out = vec![];
    for a in list {
        let (Some(d), status) = (decided.get(&a.decision_id), progress(&a.status)?) else {
            continue;
        };
        let Some(&(meeting_id, item)) = items.get(&d.0) else {
            continue;
        };
        let Some((title, memo_number)) = held.get(&meeting_id) else {
            continue;
        };
        out.push(AssignmentRow {
            id: a.id,
            meeting_id,
            meeting_title: title.clone(),
            memo_number: memo_number.clone(),
            item: item as usize,
            decision: d.1 as usize,
            decision_text: d.2.clone(),
            office: office_names.get(&a.office_id).cloned().unwrap_or_default(),
            due_on: a.due_on,
            status,
            urgency: urgency(a.due_on, status, today, window),
        });
    }
    out.sort_by(|a, b| {
        (a.urgency, a.due_on.is_none(), a.due_on, &a.office).cmp(&(
            b.urgency,
            b.due_on.is_none(),
            b.due_on,
            &b.office,
        ))
    });
    Ok(out)
}

/// The assignments these offices see: what they owe, and what is owed to
/// their meetings; only those of `meeting` when given.
async fn visible<C: ConnectionTrait>(
    db: &C,
    offices: Vec<Uuid>,
    meeting: Option<Uuid>,
) -> Result<Vec<assignments::Model>, AppError> {
    let held: Vec<Uuid> = meetings::Entity::find()
        .filter(meetings::Column::OfficeId.is_in(offices.clone()))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|m| m.id)
        .collect();
    let decided = decision_ids(db, held).await?;
    let mut condition = sea_orm::Condition::any()
        .add(assignments::Column::OfficeId.is_in(offices))
        .add(assignments::Column::DecisionId.is_in(decided));
    if let Some(m) = meeting {
        condition = sea_orm::Condition::all()
            .add(condition)
            .add(assignments::Column::DecisionId.is_in(decision_ids(db, vec![m]).await?));
    }
    assignments::Entity::find()
        .filter(condition)
        .all(db)
        .await
        .map_err(db_error)
}

/// Reports waiting for verification on the meetings of `secretary_of`
/// and on those `chair` chairs at `chair_of`.
pub(super) async fn to_verify<C: ConnectionTrait>(
    db: &C,
    secretary_of: Vec<Uuid>,
    chair: Option<Uuid>,
    chair_of: Vec<Uuid>,
    window: u32,
) -> Result<Vec<AssignmentRow>, AppError> {
    use meetings::Column as M;
    let mut theirs = sea_orm::Condition::any().add(M::OfficeId.is_in(secretary_of));
    if let Some(person) = chair {
        theirs = theirs.add(
            sea_orm::Condition::all()
                .add(M::ChairId.eq(person))
                .add(M::OfficeId.is_in(chair_of)),
        );
    }
    let held: Vec<Uuid> = meetings::Entity::find()
        .select_only()
        .column(M::Id)
        .filter(theirs)
        .filter(M::Status.eq(app::domain::MeetingStatus::Issued.code()))
        .into_tuple()
        .all(db)
        .await
        .map_err(db_error)?;
    let decided = decision_ids(db, held).await?;
    let list = assignments::Entity::find()
        .filter(assignments::Column::DecisionId.is_in(decided))
        .filter(assignments::Column::Status.eq(app::domain::tracking::Progress::Done.code()))
        .all(db)
        .await
        .map_err(db_error)?;
    rows(db, list, window).await
}

/// The implementation report: every assignment these offices see (of one
/// meeting, or all), with the day it was reported done.
pub(super) async fn report(
    db: &DatabaseConnection,
    offices: Vec<Uuid>,
    meeting: Option<Uuid>,
    window: u32,
) -> Result<Vec<(AssignmentRow, Option<chrono::NaiveDate>)>, AppError> {
    let list = visible(db, offices, meeting).await?;
    let done: HashMap<Uuid, Option<chrono::NaiveDate>> =
        list.iter().map(|a| (a.id, a.done_on)).collect();
    let mut out: Vec<_> = rows(db, list, window)
        .await?
        .into_iter()
        .map(|r| {
            let d = done.get(&r.id).copied().flatten();
            (r, d)
        })
        .collect();
    out.sort_by(|(a, _), (b, _)| {
        (&a.memo_number, a.item, a.decision, &a.office).cmp(&(
            &b.memo_number,
            b.item,
            b.decision,
            &b.office,
        ))
    });
    Ok(out)
}

/// The decisions of these meetings.
pub(super) async fn decision_ids<C: ConnectionTrait>(
    db: &C,
    meetings: Vec<Uuid>,
) -> Result<Vec<Uuid>, AppError> {
    let items: Vec<Uuid> = agenda_items::Entity::find()
        .filter(agenda_items::Column::MeetingId.is_in(meetings))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|i| i.id)
        .collect();
    Ok(decisions::Entity::find()
        .filter(decisions::Column::AgendaItemId.is_in(items))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|d| d.id)
        .collect())
}
