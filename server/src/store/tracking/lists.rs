//! The assignment rows: of a list, of what these offices see, of the
//! implementation report.
use super::progress;
use crate::db::entities::assignments;
use crate::store::db_error;
use crate::store::shared_meetings::Owed;
use app::domain::dates::today_in_dhaka;
use app::domain::tracking::{urgency, AssignmentRow, Progress};
use app::error::AppError;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, Statement,
};
use std::collections::HashMap;
use uuid::Uuid;

/// What a row shows of an assignment besides its own columns.
struct Shown {
    decision: i32,
    text: String,
    item: i32,
    meeting_id: Uuid,
    title: String,
    memo_number: Option<String>,
    office: String,
}

/// The rows of these assignments, overdue first, then by due date.
pub(crate) async fn rows<C: ConnectionTrait>(
    db: &C,
    list: Vec<assignments::Model>,
    window: u32,
) -> Result<Vec<AssignmentRow>, AppError> {
    let today = today_in_dhaka();
    // What a row shows of the assignment's decision, item, meeting and
    // office, in one query (four before, each a hop to the database's
    // thread); only the columns shown, as the texts are long.
    let backend = db.get_database_backend();
    let mut shown: HashMap<Uuid, Shown> = HashMap::new();
    for chunk in list.chunks(10_000) {
        let sql = format!(
            "SELECT a.id, d.position AS decision, d.text_bn, i.position AS item,
                    m.id AS meeting_id, m.title_bn, m.memo_number, o.name_bn, o.place_bn
               FROM assignments a
               JOIN decisions d ON d.id = a.decision_id
               JOIN agenda_items i ON i.id = d.agenda_item_id
               JOIN meetings m ON m.id = i.meeting_id
               JOIN offices o ON o.id = a.office_id
              WHERE a.id IN ({})",
            super::marks(chunk.len())
        );
        let found = db
            .query_all_raw(Statement::from_sql_and_values(
                backend,
                crate::store::search::placeholders(backend, &sql),
                chunk.iter().map(|a| a.id.into()),
            ))
            .await
            .map_err(db_error)?;
        for r in found {
            let get = |column: &str| r.try_get::<String>("", column).map_err(db_error);
            let place = get("place_bn")?;
            shown.insert(
                r.try_get("", "id").map_err(db_error)?,
                Shown {
                    decision: r.try_get("", "decision").map_err(db_error)?,
                    text: get("text_bn")?,
                    item: r.try_get("", "item").map_err(db_error)?,
                    meeting_id: r.try_get("", "meeting_id").map_err(db_error)?,
                    title: get("title_bn")?,
                    memo_number: r.try_get("", "memo_number").map_err(db_error)?,
                    office: super::office_name(get("name_bn")?, &place),
                },
            );
        }
    }
    let mut out = vec![];
    for a in list {
        let Some(row) = shown.remove(&a.id) else {
            continue;
        };
        let status = progress(&a.status)?;
        out.push(AssignmentRow {
            id: a.id,
            meeting_id: row.meeting_id,
            meeting_title: row.title,
            memo_number: row.memo_number,
            item: row.item as usize,
            decision: row.decision as usize,
            decision_text: row.text,
            office: row.office,
            due_on: a.due_on,
            status,
            urgency: urgency(a.due_on, status, today, window),
        });
    }
    // A total order (ties broken down to the id): `/my` shows it a page at
    // a time, and the database returns equal rows in no set order, so a
    // row could otherwise move between pages between two views.
    out.sort_by(|a, b| {
        let key = |r: &AssignmentRow| {
            (
                r.urgency,
                r.due_on.is_none(),
                r.due_on,
                r.office.clone(),
                r.memo_number.clone(),
                r.item,
                r.decision,
                r.id,
            )
        };
        key(a).cmp(&key(b))
    });
    Ok(out)
}

/// The assignments these offices see: what they owe, and what is owed to
/// their meetings. Each assignment carries its meeting's office (migration
/// m20261204), so this is one query on the assignments alone.
async fn visible<C: ConnectionTrait>(
    db: &C,
    offices: Vec<Uuid>,
) -> Result<Vec<assignments::Model>, AppError> {
    use assignments::Column as A;
    assignments::Entity::find()
        .filter(
            sea_orm::Condition::any()
                .add(A::OfficeId.is_in(offices.clone()))
                .add(A::MeetingOfficeId.is_in(offices)),
        )
        .all(db)
        .await
        .map_err(db_error)
}

/// Reports waiting for verification on the meetings of `secretary_of`
/// and on those `chair` chairs at `chair_of`.
pub(super) async fn to_verify<C: ConnectionTrait>(
    db: &C,
    secretary_of: &[Uuid],
    chair: Option<Uuid>,
    chair_of: &[Uuid],
    window: u32,
) -> Result<Vec<AssignmentRow>, AppError> {
    let ids: Vec<Uuid> = waiting(db, "a.id", secretary_of, chair, chair_of)
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
    secretary_of: &[Uuid],
    chair: Option<Uuid>,
    chair_of: &[Uuid],
) -> Result<u32, AppError> {
    let rows = waiting(db, "COUNT(*) AS n", secretary_of, chair, chair_of).await?;
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
           JOIN meetings m ON m.id = a.meeting_id
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

/// The implementation report: every assignment these offices see, with the
/// day it was reported done, in the minutes' order.
pub(super) async fn report(
    db: &DatabaseConnection,
    offices: Vec<Uuid>,
    window: u32,
) -> Result<Vec<(AssignmentRow, Option<chrono::NaiveDate>)>, AppError> {
    let list = visible(db, offices).await?;
    Ok(owed(db, list, window)
        .await?
        .into_iter()
        .map(|o| (o.row, o.done_on))
        .collect())
}

/// Every assignment of a meeting, in the minutes' order, with the offices
/// that decide who sees it (what a meeting page shares among its readers).
pub(super) async fn of_meeting(
    db: &DatabaseConnection,
    meeting: Uuid,
    window: u32,
) -> Result<Vec<Owed>, AppError> {
    let list = assignments::Entity::find()
        .filter(assignments::Column::MeetingId.eq(meeting))
        .all(db)
        .await
        .map_err(db_error)?;
    owed(db, list, window).await
}

/// The rows of these assignments in the minutes' order: memo, item,
/// decision, office.
async fn owed(
    db: &DatabaseConnection,
    list: Vec<assignments::Model>,
    window: u32,
) -> Result<Vec<Owed>, AppError> {
    let facts: HashMap<Uuid, (Uuid, Uuid, Option<chrono::NaiveDate>)> = list
        .iter()
        .map(|a| (a.id, (a.office_id, a.meeting_office_id, a.done_on)))
        .collect();
    let mut out: Vec<Owed> = rows(db, list, window)
        .await?
        .into_iter()
        .filter_map(|row| {
            let (office, meeting_office, done_on) = *facts.get(&row.id)?;
            Some(Owed {
                office,
                meeting_office,
                row,
                done_on,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        let key = |o: &Owed| (o.row.memo_number.clone(), o.row.item, o.row.decision);
        (key(a), &a.row.office).cmp(&(key(b), &b.row.office))
    });
    Ok(out)
}
