//! Assignments and their progress (`app::ports::TrackingStore`), the
//! dashboard's counts and the carry-forward of unfinished decisions. Lists
//! are read in a few whole-table-slice queries and joined in memory by id
//! (no query per row).
use super::db_error;
use crate::audit::{self, Change};
use crate::db::entities::{
    agenda_items, assignments, decisions, evidence, meetings, offices, progress_events, users,
};
use app::domain::dates::today_in_dhaka;
use app::domain::tracking::{
    better, AssignmentFacts, CarriedDecision, Compliance, DashboardLine, Held,
};
use app::domain::tracking::{
    urgency, Actor, AssignmentRow, Dashboard, Progress, ProgressEvent, Urgency,
};
use app::error::AppError;
use app::ports::TrackingStore;
use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter,
    QueryOrder, QuerySelect, Statement,
};
use std::collections::HashMap;
use uuid::Uuid;

pub struct SeaTrackingStore {
    pub db: DatabaseConnection,
    /// How many days ahead counts as due soon.
    pub window: u32,
    pub dashboards: DashboardCache,
}

/// Dashboards already counted, per user reach, year and day. Every user
/// with the same reach shares one (the page cache keeps pages per session);
/// a copy is good while the change counter (`crate::cache`) stands still, so
/// a write through any instance shows at the next view.
#[derive(Default)]
pub struct DashboardCache {
    entries: std::sync::Mutex<HashMap<DashboardKey, (i64, Dashboard)>>,
}

type DashboardKey = (Vec<Uuid>, Option<i32>, chrono::NaiveDate);

impl DashboardCache {
    fn get(&self, key: &DashboardKey, version: i64) -> Option<Dashboard> {
        let entries = self.entries.lock().ok()?;
        let (kept, d) = entries.get(key)?;
        (*kept == version).then(|| d.clone())
    }

    fn put(&self, key: DashboardKey, version: i64, d: Dashboard) {
        if let Ok(mut entries) = self.entries.lock() {
            // One entry per user reach and year: few. Bound it all the same.
            if entries.len() >= 1000 {
                entries.clear();
            }
            entries.insert(key, (version, d));
        }
    }
}

/// "?, ?, ?" for `n` values.
fn marks(n: usize) -> String {
    vec!["?"; n.max(1)].join(", ")
}

/// The dashboard's year when none is chosen: the newest with meetings these
/// offices held or owe decisions to.
async fn newest_year<C: ConnectionTrait>(
    db: &C,
    offices: &[Uuid],
) -> Result<Option<i32>, AppError> {
    let backend = db.get_database_backend();
    let sql = format!(
        "SELECT MAX(fy) AS fy FROM (
            SELECT MAX(fiscal_year) AS fy FROM meetings WHERE office_id IN ({o}) AND status = 'issued'
            UNION ALL
            SELECT MAX(m.fiscal_year) AS fy FROM assignments a
              JOIN decisions d ON d.id = a.decision_id
              JOIN agenda_items i ON i.id = d.agenda_item_id
              JOIN meetings m ON m.id = i.meeting_id
             WHERE a.office_id IN ({o})) years",
        o = marks(offices.len())
    );
    let values: Vec<sea_orm::Value> = offices.iter().chain(offices).map(|o| (*o).into()).collect();
    let row = db
        .query_one_raw(Statement::from_sql_and_values(
            backend,
            super::search::placeholders(backend, &sql),
            values,
        ))
        .await
        .map_err(db_error)?;
    Ok(row.and_then(|r| r.try_get::<Option<i32>>("", "fy").ok().flatten()))
}

/// Every assignment these offices see (owed by them, or owed to their
/// meetings) of one fiscal year's meetings, as the dashboard counts it: one
/// query, however many rows.
async fn dashboard_lines<C: ConnectionTrait>(
    db: &C,
    offices: &[Uuid],
    fiscal_year: Option<i32>,
) -> Result<Vec<DashboardLine>, AppError> {
    let backend = db.get_database_backend();
    let year = if fiscal_year.is_some() {
        "m.fiscal_year = ? AND"
    } else {
        ""
    };
    let sql = format!(
        "SELECT m.id AS meeting_id, m.title_bn, m.held_on, m.fiscal_year, m.quarter,
                d.id AS decision_id, a.office_id, a.status, a.due_on, a.done_on
           FROM meetings m
           JOIN agenda_items i ON i.meeting_id = m.id
           JOIN decisions d ON d.agenda_item_id = i.id
           JOIN assignments a ON a.decision_id = d.id
          WHERE {year} (m.office_id IN ({o}) OR a.office_id IN ({o}))",
        o = marks(offices.len())
    );
    let mut values: Vec<sea_orm::Value> = fiscal_year.into_iter().map(Into::into).collect();
    values.extend(
        offices
            .iter()
            .chain(offices)
            .map(|o| sea_orm::Value::from(*o)),
    );
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            super::search::placeholders(backend, &sql),
            values,
        ))
        .await
        .map_err(db_error)?;
    let office_ids: Vec<Uuid> = rows
        .iter()
        .filter_map(|r| r.try_get::<Uuid>("", "office_id").ok())
        .collect();
    let names = office_names(db, office_ids).await?;
    rows.into_iter()
        .map(|r| {
            let office: Uuid = r.try_get("", "office_id").map_err(db_error)?;
            let status: String = r.try_get("", "status").map_err(db_error)?;
            let quarter: i16 = r.try_get("", "quarter").map_err(db_error)?;
            Ok(DashboardLine {
                meeting_id: r.try_get("", "meeting_id").map_err(db_error)?,
                title: r.try_get("", "title_bn").map_err(db_error)?,
                held_on: r.try_get("", "held_on").map_err(db_error)?,
                fiscal_year: r.try_get("", "fiscal_year").map_err(db_error)?,
                quarter: quarter as u8,
                decision_id: r.try_get("", "decision_id").map_err(db_error)?,
                office: names.get(&office).cloned().unwrap_or_default(),
                status: progress(&status)?,
                due_on: r.try_get("", "due_on").map_err(db_error)?,
                done_on: r.try_get("", "done_on").map_err(db_error)?,
            })
        })
        .collect()
}

fn progress(code: &str) -> Result<Progress, AppError> {
    Progress::from_code(code).ok_or_else(|| {
        tracing::error!(code, "unexpected assignments.status");
        AppError::Internal
    })
}

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

/// The implementation report: every assignment these offices see (of one
/// meeting, or all), with the day it was reported done.
async fn report(
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
async fn decision_ids<C: ConnectionTrait>(
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

/// "জেলা প্রশাসকের কার্যালয়, দিনাজপুর" for each of these offices.
async fn office_names<C: ConnectionTrait>(
    db: &C,
    ids: impl IntoIterator<Item = Uuid>,
) -> Result<HashMap<Uuid, String>, AppError> {
    let mut ids: Vec<Uuid> = ids.into_iter().collect();
    ids.sort();
    ids.dedup();
    Ok(offices::Entity::find()
        .filter(offices::Column::Id.is_in(ids))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|o| {
            let place = o.place_bn.trim_end_matches(['।', '.', ' ']).to_string();
            let name = if place.is_empty() || o.name_bn.contains(&place) {
                o.name_bn
            } else {
                format!("{}, {place}", o.name_bn)
            };
            (o.id, name)
        })
        .collect())
}

#[async_trait::async_trait]
impl TrackingStore for SeaTrackingStore {
    async fn report(
        &self,
        offices: Vec<Uuid>,
        meeting: Option<Uuid>,
    ) -> Result<Vec<(AssignmentRow, Option<chrono::NaiveDate>)>, AppError> {
        report(&self.db, offices, meeting, self.window).await
    }

    async fn owed_by(&self, offices: Vec<Uuid>) -> Result<Vec<AssignmentRow>, AppError> {
        let list = assignments::Entity::find()
            .filter(assignments::Column::OfficeId.is_in(offices))
            .all(&self.db)
            .await
            .map_err(db_error)?;
        rows(&self.db, list, self.window).await
    }

    async fn assignment(&self, id: Uuid) -> Result<AssignmentFacts, AppError> {
        let a = assignments::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(db_error)?
            .ok_or(AppError::NotFound)?;
        let office = a.office_id;
        let row = rows(&self.db, vec![a], self.window)
            .await?
            .pop()
            .ok_or(AppError::NotFound)?;
        let meeting = meetings::Entity::find_by_id(row.meeting_id)
            .one(&self.db)
            .await
            .map_err(db_error)?
            .ok_or(AppError::NotFound)?;
        let events = progress_events::Entity::find()
            .filter(progress_events::Column::AssignmentId.eq(id))
            .order_by_asc(progress_events::Column::CreatedAt)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let files: Vec<evidence::Model> = evidence::Entity::find()
            .filter(evidence::Column::EventId.is_in(events.iter().map(|e| e.id)))
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let names: HashMap<Uuid, String> = users::Entity::find()
            .filter(users::Column::Id.is_in(events.iter().filter_map(|e| e.actor_user_id)))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        let events = events
            .into_iter()
            .map(|e| {
                Ok(ProgressEvent {
                    at: e.created_at,
                    who: e
                        .actor_user_id
                        .and_then(|u| names.get(&u).cloned())
                        .unwrap_or_default(),
                    status: progress(&e.status)?,
                    evidence: files
                        .iter()
                        .filter(|f| f.event_id == e.id)
                        .map(|f| (f.sha256.clone(), f.name.clone(), f.size))
                        .collect(),
                    note: e.note,
                })
            })
            .collect::<Result<_, AppError>>()?;
        Ok(AssignmentFacts {
            row,
            events,
            office,
            meeting_office: meeting.office_id,
            chair: meeting.chair_id,
        })
    }

    async fn dashboard(
        &self,
        offices: Vec<Uuid>,
        fiscal_year: Option<i32>,
    ) -> Result<Dashboard, AppError> {
        let today = today_in_dhaka();
        let version = crate::cache::version(&self.db).await.map_err(db_error)?;
        let key = (offices, fiscal_year, today);
        if let Some(d) = self.dashboards.get(&key, version) {
            return Ok(d);
        }
        let offices = &key.0;
        let year = match fiscal_year {
            Some(y) => Some(y),
            None => newest_year(&self.db, offices).await?,
        };
        let lines = match year {
            Some(_) => dashboard_lines(&self.db, offices, year).await?,
            None => vec![],
        };
        let d = Dashboard::tally(&lines, year, today, self.window);
        self.dashboards.put(key, version, d.clone());
        Ok(d)
    }

    async fn reminders(&self, offices: Vec<Uuid>) -> Result<Vec<(Uuid, Urgency)>, AppError> {
        super::reminders::today_for(&self.db, offices, today_in_dhaka()).await
    }

    async fn compliance(
        &self,
        offices: Vec<Uuid>,
        fiscal_year: i32,
    ) -> Result<Compliance, AppError> {
        let names = office_names(&self.db, offices.iter().copied()).await?;
        let held = meetings::Entity::find()
            .filter(meetings::Column::OfficeId.is_in(offices.clone()))
            .filter(meetings::Column::FiscalYear.eq(fiscal_year))
            .filter(meetings::Column::Kind.eq("citizen_charter_quarterly"))
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let mut rows: Vec<(String, [Held; 4])> = offices
            .iter()
            .map(|o| {
                let mut quarters = [Held::None; 4];
                for m in held.iter().filter(|m| m.office_id == *o) {
                    if let Some(q) = quarters.get_mut((m.quarter as usize).wrapping_sub(1)) {
                        let this = if m.status == "issued" {
                            Held::Issued
                        } else {
                            Held::Held
                        };
                        *q = better(*q, this);
                    }
                }
                (names.get(o).cloned().unwrap_or_default(), quarters)
            })
            .collect();
        rows.sort_by(|a, b| a.0.cmp(&b.0));
        Ok(Compliance {
            fiscal_year,
            offices: rows,
        })
    }

    async fn carry_forward(&self, meeting: Uuid) -> Result<Vec<CarriedDecision>, AppError> {
        carried(&self.db, meeting, self.window).await
    }
}

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
    let this = meetings::Entity::find_by_id(meeting)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    if this.series.is_empty() {
        return Ok(vec![]);
    }
    // The latest earlier issued meetings of the same series and office.
    let earlier: Vec<Uuid> = meetings::Entity::find()
        .select_only()
        .column(meetings::Column::Id)
        .filter(meetings::Column::Series.eq(this.series.as_str()))
        .filter(meetings::Column::OfficeId.eq(this.office_id))
        .filter(meetings::Column::Status.eq("issued"))
        .filter(meetings::Column::HeldOn.lt(this.held_on))
        .order_by_desc(meetings::Column::HeldOn)
        .limit(CARRIED_MEETINGS)
        .into_tuple()
        .all(db)
        .await
        .map_err(db_error)?;
    let list = assignments::Entity::find()
        .filter(assignments::Column::DecisionId.is_in(decision_ids(db, earlier).await?))
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

/// A new event on an assignment (and its status), with its evidence files
/// (already stored on disk): checked against the workflow, audited.
pub async fn record_progress(
    db: &DatabaseConnection,
    id: Uuid,
    actor: (Uuid, Actor),
    to: Progress,
    note: &str,
    files: Vec<(String, i64, String, String)>,
) -> Result<(), AppError> {
    let note = note.trim();
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    // The row is locked for the transaction (FOR UPDATE on PostgreSQL; on
    // SQLite the write lock is already held): two reports at once are
    // recorded one after the other, each checked against the status the
    // other left, instead of the second failing as a conflict.
    let a = assignments::Entity::find_by_id(id)
        .lock_exclusive()
        .one(&txn)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    let from = progress(&a.status)?;
    app::domain::tracking::check_step(actor.1, from, to, note)?;
    // Only the status it was read at moves: two reports at once, one wins.
    let mut update = assignments::Entity::update_many()
        .col_expr(
            assignments::Column::Status,
            sea_orm::sea_query::Expr::value(to.code()),
        )
        .col_expr(
            assignments::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(assignments::Column::Id.eq(id))
        .filter(assignments::Column::Status.eq(from.code()));
    if to == Progress::Done {
        update = update.col_expr(
            assignments::Column::DoneOn,
            sea_orm::sea_query::Expr::value(today_in_dhaka()),
        );
    }
    if update.exec(&txn).await.map_err(db_error)?.rows_affected != 1 {
        return Err(AppError::Conflict);
    }
    let event = Uuid::new_v4();
    progress_events::Entity::insert(progress_events::ActiveModel {
        id: Set(event),
        assignment_id: Set(id),
        status: Set(to.code().into()),
        note: Set(note.to_string()),
        actor_person_id: Set(None),
        created_at: Set(Utc::now()),
        actor_user_id: Set(Some(actor.0)),
    })
    .exec_without_returning(&txn)
    .await
    .map_err(db_error)?;
    for (sha256, size, content_type, name) in files {
        evidence::Entity::insert(evidence::ActiveModel {
            id: Set(Uuid::new_v4()),
            event_id: Set(event),
            sha256: Set(sha256),
            size: Set(size),
            content_type: Set(content_type),
            name: Set(name),
        })
        .exec_without_returning(&txn)
        .await
        .map_err(db_error)?;
    }
    audit::record(
        &txn,
        Change {
            actor: Some(actor.0),
            action: "assignment.progress",
            entity_kind: "assignment",
            entity_id: Some(id),
            meeting_id: None,
            before: Some(serde_json::json!({ "status": from.code() })),
            after: Some(serde_json::json!({ "status": to.code(), "note": note })),
        },
    )
    .await
    .map_err(db_error)?;
    txn.commit().await.map_err(db_error)
}

/// The evidence file with this hash: (content type, name, the bytes' path).
pub async fn evidence_file(
    db: &DatabaseConnection,
    sha256: &str,
) -> Result<Option<(String, String, Vec<(Uuid, Uuid)>)>, AppError> {
    let files = evidence::Entity::find()
        .filter(evidence::Column::Sha256.eq(sha256))
        .all(db)
        .await
        .map_err(db_error)?;
    let Some(first) = files.first() else {
        return Ok(None);
    };
    let mut assignments: Vec<Uuid> = progress_events::Entity::find()
        .filter(progress_events::Column::Id.is_in(files.iter().map(|f| f.event_id)))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|e| e.assignment_id)
        .collect();
    assignments.sort();
    assignments.dedup();
    let store = SeaTrackingStore {
        db: db.clone(),
        window: 0,
        dashboards: Default::default(),
    };
    let mut parties = vec![];
    for id in assignments {
        let facts = store.assignment(id).await?;
        parties.push((facts.office, facts.meeting_office));
    }
    Ok(Some((
        first.content_type.clone(),
        first.name.clone(),
        parties,
    )))
}
