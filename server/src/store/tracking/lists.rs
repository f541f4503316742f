//! The assignment rows: of a list, of what these offices see, of the
//! implementation report.
use super::{office_names, progress};
use crate::db::entities::{agenda_items, assignments, decisions, meetings};
use crate::store::db_error;
use app::domain::dates::today_in_dhaka;
use app::domain::tracking::{urgency, AssignmentRow, Progress};
use app::error::AppError;
use sea_orm::sea_query::{Query, SelectStatement};
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
/// their meetings; only those of `meeting` when given. The ids are followed
/// by the database (subqueries): reading every meeting and decision id of a
/// division to pick one meeting's rows cost more than the rest of its page.
async fn visible<C: ConnectionTrait>(
    db: &C,
    offices: Vec<Uuid>,
    meeting: Option<Uuid>,
) -> Result<Vec<assignments::Model>, AppError> {
    use assignments::Column as A;
    let condition = match meeting {
        Some(m) => {
            let office = crate::store::minutes::office_of_meeting(db, m).await?;
            let of_meeting =
                A::DecisionId.in_subquery(decisions_of(agenda_items::Column::MeetingId.eq(m)));
            if office.is_some_and(|o| offices.contains(&o)) {
                sea_orm::Condition::all().add(of_meeting)
            } else {
                sea_orm::Condition::all()
                    .add(of_meeting)
                    .add(A::OfficeId.is_in(offices))
            }
        }
        None => sea_orm::Condition::any()
            .add(A::OfficeId.is_in(offices.clone()))
            .add(A::DecisionId.in_subquery(decisions_of(
                agenda_items::Column::MeetingId.in_subquery(held_by(offices)),
            ))),
    };
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
    let ids: Vec<Uuid> = waiting(db, "a.id", &secretary_of, chair, &chair_of)
        .await?
        .iter()
        .map(|r| r.try_get("", "id").map_err(db_error))
        .collect::<Result<_, _>>()?;
    let list = assignments::Entity::find()
        .filter(assignments::Column::Id.is_in(ids))
        .all(db)
        .await
        .map_err(db_error)?;
    rows(db, list, window).await
}

/// How many reports wait for this verifier (the header's count).
pub(super) async fn count_to_verify<C: ConnectionTrait>(
    db: &C,
    secretary_of: Vec<Uuid>,
    chair: Option<Uuid>,
    chair_of: Vec<Uuid>,
) -> Result<u32, AppError> {
    let rows = waiting(db, "COUNT(*) AS n", &secretary_of, chair, &chair_of).await?;
    let n: i64 = match rows.first() {
        Some(r) => r.try_get("", "n").map_err(db_error)?,
        None => 0,
    };
    Ok(n as u32)
}

/// The reported ("done") assignments of the issued meetings of
/// `secretary_of`, or chaired by `chair` at `chair_of`: found from the few
/// reported assignments up (an index by status), one query.
async fn waiting<C: ConnectionTrait>(
    db: &C,
    select: &str,
    secretary_of: &[Uuid],
    chair: Option<Uuid>,
    chair_of: &[Uuid],
) -> Result<Vec<sea_orm::QueryResult>, AppError> {
    let backend = db.get_database_backend();
    let sql = format!(
        "SELECT {select} FROM assignments a
           JOIN decisions d ON d.id = a.decision_id
           JOIN agenda_items i ON i.id = d.agenda_item_id
           JOIN meetings m ON m.id = i.meeting_id
          WHERE a.status = ? AND m.status = ?
            AND (m.office_id IN ({s}) OR (m.chair_id = ? AND m.office_id IN ({c})))",
        s = super::marks(secretary_of.len()),
        c = super::marks(chair_of.len()),
    );
    let mut values: Vec<sea_orm::Value> = vec![
        Progress::Done.code().into(),
        app::domain::MeetingStatus::Issued.code().into(),
    ];
    // An empty list still has one mark (`marks`): bind a nil id to it.
    let ids = |list: &[Uuid]| -> Vec<sea_orm::Value> {
        if list.is_empty() {
            vec![Uuid::nil().into()]
        } else {
            list.iter().map(|o| (*o).into()).collect()
        }
    };
    values.extend(ids(secretary_of));
    values.push(chair.unwrap_or(Uuid::nil()).into());
    values.extend(ids(chair_of));
    db.query_all_raw(sea_orm::Statement::from_sql_and_values(
        backend,
        crate::store::search::placeholders(backend, &sql),
        values,
    ))
    .await
    .map_err(db_error)
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

/// The ids of the decisions of the meetings `meetings` picks (a subquery;
/// `meetings` is a condition on an agenda item's meeting id).
pub(super) fn decisions_of(meetings: sea_orm::sea_query::SimpleExpr) -> SelectStatement {
    Query::select()
        .column(decisions::Column::Id)
        .from(decisions::Entity)
        .and_where(
            decisions::Column::AgendaItemId.in_subquery(
                Query::select()
                    .column(agenda_items::Column::Id)
                    .from(agenda_items::Entity)
                    .and_where(meetings)
                    .to_owned(),
            ),
        )
        .to_owned()
}

/// The meetings these offices held (a subquery).
fn held_by(offices: Vec<Uuid>) -> SelectStatement {
    Query::select()
        .column(meetings::Column::Id)
        .from(meetings::Entity)
        .and_where(meetings::Column::OfficeId.is_in(offices))
        .to_owned()
}
