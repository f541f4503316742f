//! The dashboard's counts (which year, which assignments) and the counters
//! they are kept under (`KeptByOffices`, shared by every user with the same
//! reach).
use super::{marks, office_names, progress};
use crate::store::db_error;
use app::domain::tracking::{AssignmentCount, MeetingCount, Progress};
use app::error::AppError;
use sea_orm::{ConnectionTrait, Statement};
use uuid::Uuid;

/// The fiscal years with meetings these offices held or owe decisions to,
/// newest first.
pub(super) async fn fiscal_years<C: ConnectionTrait>(
    db: &C,
    offices: &[Uuid],
) -> Result<Vec<i32>, AppError> {
    let backend = db.get_database_backend();
    let sql = format!(
        "SELECT DISTINCT fiscal_year AS fy FROM meetings WHERE office_id IN ({o}) AND status = 'issued'
         UNION
         SELECT DISTINCT fiscal_year AS fy FROM assignments WHERE office_id IN ({o})
         ORDER BY fy DESC",
        o = marks(offices.len())
    );
    let values: Vec<sea_orm::Value> = offices.iter().chain(offices).map(|o| (*o).into()).collect();
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            crate::store::search::placeholders(backend, &sql),
            values,
        ))
        .await
        .map_err(db_error)?;
    rows.iter()
        .map(|r| r.try_get::<i32>("", "fy").map_err(db_error))
        .collect()
}

/// What the dashboard counts, added up by the database: the assignments
/// these offices see (owed by them, or owed to their meetings) of one fiscal
/// year's meetings and the unfinished ones of every other year, as
/// (per office and kind) counts, and the counted year's meetings with their
/// decisions taken and implemented, with the offices that held those
/// meetings (whose counters vouch for their titles). A division sees tens
/// of thousands of assignments at 100k decisions: handing each row to the
/// app took most of a second, the sums are a few hundred rows.
pub(super) async fn dashboard_counts<C: ConnectionTrait>(
    db: &C,
    offices: &[Uuid],
    fiscal_year: i32,
    today: chrono::NaiveDate,
) -> Result<(Vec<AssignmentCount>, Vec<MeetingCount>, Vec<Uuid>), AppError> {
    let backend = db.get_database_backend();
    // Two halves, each read from its covering index (migration
    // m20261204): what is owed to these offices' meetings, and what these
    // offices owe to others' meetings. Joining each assignment to its
    // meeting through the decision and agenda item took 0.3–0.6 s for a
    // division at 100k decisions.
    let counted = format!(
        "(a.fiscal_year = ? OR a.status NOT IN ('{}', '{}'))",
        Progress::Done.code(),
        Progress::Verified.code()
    );
    let select = "SELECT a.meeting_id, a.decision_id, a.office_id, a.status, a.due_on, a.done_on,
                         a.fiscal_year
                    FROM assignments a";
    let o = marks(offices.len());
    let lines = format!(
        "WITH lines AS ({select} WHERE a.meeting_office_id IN ({o}) AND {counted}
         UNION ALL
         {select} WHERE a.office_id IN ({o}) AND a.meeting_office_id NOT IN ({o}) AND {counted})"
    );
    let ids = || offices.iter().map(|o| sea_orm::Value::from(*o));
    let mut values: Vec<sea_orm::Value> = ids().collect();
    values.push(fiscal_year.into());
    values.extend(ids().chain(ids()));
    values.push(fiscal_year.into());
    let query = |sql: String, more: Vec<sea_orm::Value>| {
        let mut values = values.clone();
        values.extend(more);
        Statement::from_sql_and_values(
            backend,
            crate::store::search::placeholders(backend, &sql),
            values,
        )
    };
    // Per office, the facts the tally needs (`OfficeTally::count`).
    let by_kind = db
        .query_all_raw(query(
            format!(
                "{lines}
                 SELECT office_id, status,
                        CASE WHEN due_on < ? THEN 1 ELSE 0 END AS past_due,
                        CASE WHEN done_on > due_on THEN 1 ELSE 0 END AS done_late,
                        CASE WHEN fiscal_year = ? THEN 1 ELSE 0 END AS this_year,
                        COUNT(*) AS n
                   FROM lines
                  GROUP BY office_id, status, past_due, done_late, this_year"
            ),
            vec![today.into(), fiscal_year.into()],
        ))
        .await
        .map_err(db_error)?;
    // Per meeting of the year, its decisions, and those whose every
    // assignment here is verified: implemented.
    let meetings_rows = db
        .query_all_raw(query(
            format!(
                "{lines}
                 SELECT m.id AS meeting_id, m.office_id, m.title_bn, m.held_on, m.fiscal_year,
                        m.quarter, c.taken, c.implemented
                   FROM (SELECT meeting_id, COUNT(*) AS taken, SUM(implemented) AS implemented
                           FROM (SELECT meeting_id,
                                        MIN(CASE WHEN status = '{verified}' THEN 1 ELSE 0 END) AS implemented
                                   FROM lines WHERE fiscal_year = ?
                                  GROUP BY meeting_id, decision_id) per_decision
                          GROUP BY meeting_id) c
                   JOIN meetings m ON m.id = c.meeting_id",
                verified = Progress::Verified.code()
            ),
            vec![fiscal_year.into()],
        ))
        .await
        .map_err(db_error)?;
    let office_ids: Vec<Uuid> = by_kind
        .iter()
        .filter_map(|r| r.try_get::<Uuid>("", "office_id").ok())
        .collect();
    let names = office_names(db, office_ids).await?;
    let flag = |r: &sea_orm::QueryResult, column: &str| -> Result<bool, AppError> {
        Ok(r.try_get::<i32>("", column).map_err(db_error)? == 1)
    };
    let number = |r: &sea_orm::QueryResult, column: &str| -> Result<u32, AppError> {
        Ok(r.try_get::<i64>("", column).map_err(db_error)? as u32)
    };
    let assignments = by_kind
        .iter()
        .map(|r| {
            let office: Uuid = r.try_get("", "office_id").map_err(db_error)?;
            let status: String = r.try_get("", "status").map_err(db_error)?;
            Ok(AssignmentCount {
                office: names.get(&office).cloned().unwrap_or_default(),
                status: progress(&status)?,
                past_due: flag(r, "past_due")?,
                done_late: flag(r, "done_late")?,
                this_year: flag(r, "this_year")?,
                count: number(r, "n")?,
            })
        })
        .collect::<Result<_, AppError>>()?;
    let meetings = meetings_rows
        .iter()
        .map(|r| {
            let quarter: i16 = r.try_get("", "quarter").map_err(db_error)?;
            Ok(MeetingCount {
                meeting_id: r.try_get("", "meeting_id").map_err(db_error)?,
                title: r.try_get("", "title_bn").map_err(db_error)?,
                held_on: r.try_get("", "held_on").map_err(db_error)?,
                fiscal_year: r.try_get("", "fiscal_year").map_err(db_error)?,
                quarter: quarter as u8,
                implemented: number(r, "implemented")?,
                taken: number(r, "taken")?,
            })
        })
        .collect::<Result<_, AppError>>()?;
    // Meetings of other offices are listed too (those these offices owe to).
    let held_by = meetings_rows
        .iter()
        .map(|r| r.try_get::<Uuid>("", "office_id").map_err(db_error))
        .collect::<Result<_, AppError>>()?;
    Ok((assignments, meetings, held_by))
}
