use super::db_error;
use crate::db::entities::{agenda_items, decisions, meetings, offices, people};
use crate::memo::Signatures;
use app::domain::dates::today_in_dhaka;
use app::domain::editor::Draft;
use app::domain::issue::{Verification, WorkflowFacts};
use app::domain::tracking::CarriedDecision;
use app::domain::{
    dates::{FiscalYear, Quarter},
    Deadline, Meeting, MeetingStatus, MeetingSummary, OfficeHeading,
};
use app::error::AppError;
use app::ports::MeetingStore;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait, RelationTrait,
};
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

pub struct SeaMeetingStore {
    pub db: DatabaseConnection,
    /// Days before a deadline that count as due soon (the carry-forward).
    pub window: u32,
    /// What every reader of a meeting shares (with the tracking store).
    pub shared: std::sync::Arc<super::shared_meetings::SharedMeetings>,
}

/// Minutes submitted to `chair` (a person) at these offices.
fn submitted_to(chair: Uuid, offices: Vec<Uuid>) -> sea_orm::Select<meetings::Entity> {
    meetings::Entity::find()
        .filter(meetings::Column::ChairId.eq(chair))
        .filter(meetings::Column::OfficeId.is_in(offices))
        .filter(meetings::Column::Status.eq(MeetingStatus::Submitted.code()))
}

impl SeaMeetingStore {
    /// The meeting from the database, without the carry-forward.
    async fn read(&self, id: Uuid) -> Result<Meeting, AppError> {
        let minutes = super::minutes::export(&self.db, id).await?;
        let office = heading(&self.db, &minutes.office).await?;
        let imported = minutes.status == app::domain::MeetingStatus::Issued
            && !super::issue::issued_here(&self.db, id).await?;
        Ok(Meeting {
            id,
            office,
            minutes,
            corrects: super::issue::corrected_number(&self.db, id).await?,
            carried: vec![],
            imported,
        })
    }

    /// The workflow's facts from the database.
    async fn read_workflow(&self, id: Uuid) -> Result<WorkflowFacts, AppError> {
        use crate::db::entities::{audit_events, memo_issues};
        let row = meetings::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(db_error)?
            .ok_or(AppError::NotFound)?;
        let status = status(&row)?;
        // The issue's code and number, not its row (which holds the PDF).
        let issued = |id: Uuid| async move {
            memo_issues::Entity::find_by_id(id)
                .select_only()
                .columns([memo_issues::Column::Code, memo_issues::Column::Number])
                .into_tuple::<(String, String)>()
                .one(&self.db)
                .await
                .map_err(db_error)
        };
        let code = issued(id).await?.map(|(code, _)| code);
        let corrects = match row.corrects_id {
            Some(c) => issued(c).await?.map(|(_, number)| (c, number)),
            None => None,
        };
        let mut corrected_by = None;
        for later in meetings::Entity::find()
            .filter(meetings::Column::CorrectsId.eq(id))
            .all(&self.db)
            .await
            .map_err(db_error)?
        {
            let number = issued(later.id).await?.map(|(_, number)| number);
            corrected_by = Some((later.id, number.unwrap_or_default()));
        }
        // The chair's words, while the returned draft is being reworked.
        let comment = if status == MeetingStatus::Draft {
            audit_events::Entity::find()
                .filter(audit_events::Column::MeetingId.eq(id))
                .filter(
                    audit_events::Column::Action
                        .eq(app::domain::audit::Action::MeetingReturn.code()),
                )
                .order_by_desc(audit_events::Column::At)
                .one(&self.db)
                .await
                .map_err(db_error)?
                .and_then(|e| e.after)
                .and_then(|a| serde_json::from_str::<serde_json::Value>(&a).ok())
                .and_then(|a| a["comment"].as_str().map(str::to_owned))
        } else {
            None
        };
        Ok(WorkflowFacts {
            office: row.office_id,
            chair: row.chair_id,
            status,
            comment,
            verify_code: code,
            corrects,
            corrected_by,
        })
    }

    /// The list's rows of these meetings, in their order.
    async fn summaries(&self, rows: Vec<meetings::Model>) -> Result<Vec<MeetingSummary>, AppError> {
        let office_names: HashMap<Uuid, String> = offices::Entity::find()
            .filter(offices::Column::Id.is_in(rows.iter().map(|m| m.office_id)))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|o| (o.id, o.name_bn))
            .collect();
        // A few meetings (a chair's queue) are counted alone; the whole list
        // in one pass over the tables.
        let these = || {
            let ids = rows.iter().map(|m| m.id);
            (rows.len() <= 500).then(|| agenda_items::Column::MeetingId.is_in(ids))
        };
        let agenda_counts: HashMap<Uuid, i64> = agenda_items::Entity::find()
            .select_only()
            .column(agenda_items::Column::MeetingId)
            .column_as(agenda_items::Column::Id.count(), "n")
            .apply_if(these(), QueryFilter::filter)
            .group_by(agenda_items::Column::MeetingId)
            .into_tuple::<(Uuid, i64)>()
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .collect();
        let decision_counts: HashMap<Uuid, i64> = decisions::Entity::find()
            .select_only()
            .column(agenda_items::Column::MeetingId)
            .column_as(decisions::Column::Id.count(), "n")
            .join(JoinType::InnerJoin, decisions::Relation::AgendaItem.def())
            .apply_if(these(), QueryFilter::filter)
            .group_by(agenda_items::Column::MeetingId)
            .into_tuple::<(Uuid, i64)>()
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .collect();
        rows.into_iter()
            .map(|m| {
                Ok(MeetingSummary {
                    id: m.id,
                    office_id: m.office_id,
                    title: m.title_bn.clone(),
                    office_name: office_names.get(&m.office_id).cloned().unwrap_or_default(),
                    held_on: m.held_on,
                    fiscal_year: FiscalYear(m.fiscal_year),
                    quarter: quarter(&m)?,
                    status: status(&m)?,
                    agenda_items: count(&agenda_counts, m.id),
                    decisions: count(&decision_counts, m.id),
                })
            })
            .collect()
    }
}

#[async_trait::async_trait]
impl MeetingStore for SeaMeetingStore {
    async fn list(&self) -> Result<Vec<MeetingSummary>, AppError> {
        let rows = meetings::Entity::find()
            .order_by_desc(meetings::Column::HeldOn)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        self.summaries(rows).await
    }

    async fn to_approve(
        &self,
        chair: Uuid,
        offices: Vec<Uuid>,
    ) -> Result<Vec<MeetingSummary>, AppError> {
        let rows = submitted_to(chair, offices)
            .order_by_asc(meetings::Column::HeldOn)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        self.summaries(rows).await
    }

    async fn count_to_approve(&self, chair: Uuid, offices: Vec<Uuid>) -> Result<u32, AppError> {
        use sea_orm::PaginatorTrait;
        let n = submitted_to(chair, offices)
            .count(&self.db)
            .await
            .map_err(db_error)?;
        Ok(n as u32)
    }

    async fn draft(&self, id: Uuid) -> Result<Draft, AppError> {
        let row = meetings::Entity::find_by_id(id)
            .one(&self.db)
            .await
            .map_err(db_error)?
            .ok_or(AppError::NotFound)?;
        Ok(Draft {
            minutes: super::minutes::export(&self.db, id).await?,
            version: row.version,
            office_id: row.office_id,
        })
    }

    async fn access(&self, id: Uuid) -> Result<(Uuid, app::domain::MeetingStatus), AppError> {
        let access = self.shared.access(&self.db, id).await?;
        Ok((access.office, access.status))
    }

    async fn workflow(&self, id: Uuid) -> Result<WorkflowFacts, AppError> {
        let access = self.shared.access(&self.db, id).await?;
        let read = self.read_workflow(id);
        let facts = self
            .shared
            .workflows
            .get_or_read(id, access.minutes(), read);
        Ok(WorkflowFacts::clone(&*facts.await?))
    }

    async fn search(&self, query: String) -> Result<Vec<app::domain::search::Hit>, AppError> {
        self.shared.search(&self.db, &query).await
    }

    async fn verification(&self, code: String) -> Result<Verification, AppError> {
        super::issue::verification(&self.db, &code)
            .await
            .map(|(v, _)| v)
    }

    /// The minutes as every reader shares them (`carried` empty).
    async fn get(&self, id: Uuid) -> Result<Arc<Meeting>, AppError> {
        let access = self.shared.access(&self.db, id).await?;
        self.shared
            .meetings
            .get_or_read(id, access.minutes(), self.read(id))
            .await
    }

    /// The carry-forward, kept under the meeting's tracking counters.
    async fn carried(&self, id: Uuid) -> Result<Arc<Vec<CarriedDecision>>, AppError> {
        let access = self.shared.access(&self.db, id).await?;
        let carried = super::tracking::carried(&self.db, id, self.window);
        self.shared
            .carried
            .get_or_read(id, access.tracking(today_in_dhaka()), carried)
            .await
    }
}

/// What only the memo prints with, read only when a memo is rendered: the
/// path of the office's own Bangla font ("" for the shipped one) and the
/// signature images of the meeting's chair and issuer (none for a file).
pub async fn memo_assets(
    db: &DatabaseConnection,
    meeting: Option<Uuid>,
    office: &str,
) -> Result<(String, Signatures), AppError> {
    let font = offices::Entity::find()
        .filter(offices::Column::Code.eq(office))
        .one(db)
        .await
        .map_err(db_error)?
        .map(|o| o.memo_font)
        .unwrap_or_default();
    let Some(id) = meeting else {
        return Ok((font, Signatures::default()));
    };
    let row = meetings::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    let mut images: HashMap<Uuid, Vec<u8>> = people::Entity::find()
        .filter(people::Column::Id.is_in([Some(row.chair_id), row.issuer_id].into_iter().flatten()))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .filter_map(|p| Some((p.id, p.signature_png?)))
        .collect();
    let signatures = Signatures {
        issuer: row.issuer_id.and_then(|p| images.get(&p).cloned()),
        chair: images.remove(&row.chair_id),
        verify_url: None,
    };
    Ok((font, signatures))
}

/// The memo heading of the office with this code.
pub async fn heading(db: &DatabaseConnection, code: &str) -> Result<OfficeHeading, AppError> {
    let office = offices::Entity::find()
        .filter(offices::Column::Code.eq(code))
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or_else(|| AppError::problem("office", "minutes.unknown_office", Some(code.into())))?;
    Ok(OfficeHeading {
        name: office.name_bn,
        place: office.place_bn,
        branch: office.branch_bn,
    })
}

fn count(counts: &HashMap<Uuid, i64>, id: Uuid) -> u32 {
    counts.get(&id).copied().unwrap_or(0) as u32
}

/// A value the schema allows but the domain does not: a bug or a hand edit.
fn corrupt(column: &str, value: &str) -> AppError {
    tracing::error!(column, value, "unexpected value in the database");
    AppError::Internal
}

fn quarter(m: &meetings::Model) -> Result<Quarter, AppError> {
    Quarter::new(m.quarter as u8).ok_or_else(|| corrupt("meetings.quarter", &m.quarter.to_string()))
}

fn status(m: &meetings::Model) -> Result<MeetingStatus, AppError> {
    MeetingStatus::from_code(&m.status).ok_or_else(|| corrupt("meetings.status", &m.status))
}

/// The database keeps a deadline as (kind, date, days); see `deadline_columns`.
pub(crate) fn deadline(d: &decisions::Model) -> Result<Deadline, AppError> {
    let bad = || corrupt("decisions.deadline_kind", &d.deadline_kind);
    Ok(match d.deadline_kind.as_str() {
        "none" => Deadline::None,
        "date" => Deadline::On(d.deadline_on.ok_or_else(bad)?),
        "days_after_issue" => Deadline::DaysAfterIssue(
            d.deadline_days
                .and_then(|n| u16::try_from(n).ok())
                .ok_or_else(bad)?,
        ),
        "quarterly" => Deadline::Quarterly,
        "working_days_after_issue" => Deadline::WorkingDaysAfterIssue(
            d.deadline_days
                .and_then(|n| u16::try_from(n).ok())
                .ok_or_else(bad)?,
        ),
        _ => return Err(bad()),
    })
}

/// The columns that store `deadline`; the inverse of [`deadline`].
pub fn deadline_columns(
    deadline: Deadline,
) -> (&'static str, Option<chrono::NaiveDate>, Option<i32>) {
    match deadline {
        Deadline::None => ("none", None, None),
        Deadline::On(d) => ("date", Some(d), None),
        Deadline::DaysAfterIssue(n) => ("days_after_issue", None, Some(n as i32)),
        Deadline::Quarterly => ("quarterly", None, None),
        Deadline::WorkingDaysAfterIssue(n) => ("working_days_after_issue", None, Some(n as i32)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    #[test]
    fn deadline_columns_round_trip() {
        let date = NaiveDate::from_ymd_opt(2023, 7, 5).unwrap();
        for dl in [
            Deadline::None,
            Deadline::On(date),
            Deadline::DaysAfterIssue(10),
            Deadline::Quarterly,
            Deadline::WorkingDaysAfterIssue(5),
        ] {
            let (kind, on, days) = deadline_columns(dl);
            let model = decisions::Model {
                id: Uuid::nil(),
                agenda_item_id: Uuid::nil(),
                position: 0,
                text_bn: String::new(),
                deadline_kind: kind.to_string(),
                deadline_on: on,
                deadline_days: days,
            };
            assert_eq!(deadline(&model), Ok(dl));
        }
    }
}
