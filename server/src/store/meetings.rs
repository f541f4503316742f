use super::db_error;
use crate::db::entities::{
    agenda_items, attendees, decisions, implementers, meetings, offices, people, recipients,
};
use app::domain::{
    dates::{FiscalYear, Quarter},
    AgendaItem, Attendee, Deadline, Decision, Meeting, MeetingKind, MeetingStatus, MeetingSummary,
    OfficeHeading, Signatory,
};
use app::error::AppError;
use app::ports::MeetingStore;
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, JoinType, QueryFilter, QueryOrder, QuerySelect,
    RelationTrait,
};
use std::collections::HashMap;
use uuid::Uuid;

pub struct SeaMeetingStore {
    pub db: DatabaseConnection,
}

#[async_trait::async_trait]
impl MeetingStore for SeaMeetingStore {
    async fn list(&self) -> Result<Vec<MeetingSummary>, AppError> {
        let rows = meetings::Entity::find()
            .order_by_desc(meetings::Column::HeldOn)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let office_names: HashMap<Uuid, String> = offices::Entity::find()
            .filter(offices::Column::Id.is_in(rows.iter().map(|m| m.office_id)))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|o| (o.id, o.name_bn))
            .collect();
        let agenda_counts: HashMap<Uuid, i64> = agenda_items::Entity::find()
            .select_only()
            .column(agenda_items::Column::MeetingId)
            .column_as(agenda_items::Column::Id.count(), "n")
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

    async fn get(&self, id: Uuid) -> Result<Meeting, AppError> {
        let db = &self.db;
        let m = meetings::Entity::find_by_id(id)
            .one(db)
            .await
            .map_err(db_error)?
            .ok_or(AppError::NotFound)?;
        let office = offices::Entity::find_by_id(m.office_id)
            .one(db)
            .await
            .map_err(db_error)?
            .ok_or(AppError::Internal)?;
        let signers: HashMap<Uuid, people::Model> = people::Entity::find()
            .filter(people::Column::Id.is_in([Some(m.chair_id), m.issuer_id].into_iter().flatten()))
            .all(db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|p| (p.id, p))
            .collect();
        let signatory = |id: Uuid| {
            signers.get(&id).map(|p| Signatory {
                name: p.name_bn.clone(),
                designation: p.designation_bn.clone(),
            })
        };
        let attendees = attendees::Entity::find()
            .filter(attendees::Column::MeetingId.eq(id))
            .order_by_asc(attendees::Column::Position)
            .all(db)
            .await
            .map_err(db_error)?;
        let items = agenda_items::Entity::find()
            .filter(agenda_items::Column::MeetingId.eq(id))
            .order_by_asc(agenda_items::Column::Position)
            .all(db)
            .await
            .map_err(db_error)?;
        let decisions = decisions::Entity::find()
            .filter(decisions::Column::AgendaItemId.is_in(items.iter().map(|i| i.id)))
            .order_by_asc(decisions::Column::Position)
            .all(db)
            .await
            .map_err(db_error)?;
        let mut implementers_by_decision: HashMap<Uuid, Vec<String>> = HashMap::new();
        for imp in implementers::Entity::find()
            .filter(implementers::Column::DecisionId.is_in(decisions.iter().map(|d| d.id)))
            .order_by_asc(implementers::Column::Position)
            .all(db)
            .await
            .map_err(db_error)?
        {
            implementers_by_decision
                .entry(imp.decision_id)
                .or_default()
                .push(imp.label_bn);
        }
        let mut decisions_by_item: HashMap<Uuid, Vec<Decision>> = HashMap::new();
        for d in decisions {
            let deadline = deadline(&d)?;
            decisions_by_item
                .entry(d.agenda_item_id)
                .or_default()
                .push(Decision {
                    id: d.id,
                    implementers: implementers_by_decision.remove(&d.id).unwrap_or_default(),
                    text: d.text_bn,
                    deadline,
                });
        }
        let recipients = recipients::Entity::find()
            .filter(recipients::Column::MeetingId.eq(id))
            .order_by_asc(recipients::Column::Position)
            .all(db)
            .await
            .map_err(db_error)?;

        Ok(Meeting {
            id: m.id,
            kind: MeetingKind::from_code(&m.kind)
                .ok_or_else(|| corrupt("meetings.kind", &m.kind))?,
            office: OfficeHeading {
                name: office.name_bn,
                place: office.place_bn,
                branch: office.branch_bn,
            },
            fiscal_year: FiscalYear(m.fiscal_year),
            quarter: quarter(&m)?,
            status: status(&m)?,
            chair: signatory(m.chair_id).ok_or(AppError::Internal)?,
            issuer: m.issuer_id.and_then(signatory),
            title: m.title_bn,
            held_on: m.held_on,
            starts_at: m.starts_at,
            venue: m.venue_bn,
            preamble: m.preamble_bn,
            closing: m.closing_bn,
            memo_number: m.memo_number,
            issued_on: m.issued_on,
            attendees: attendees
                .into_iter()
                .map(|a| Attendee {
                    name: a.name_bn,
                    designation: a.designation_bn,
                    office: a.office_bn,
                })
                .collect(),
            agenda: items
                .into_iter()
                .map(|i| AgendaItem {
                    decisions: decisions_by_item.remove(&i.id).unwrap_or_default(),
                    id: i.id,
                    subject: i.subject_bn,
                    discussion: i.discussion_bn,
                })
                .collect(),
            distribution_heading: m.distribution_heading_bn,
            recipients: recipients.into_iter().map(|r| r.text_bn).collect(),
        })
    }
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
fn deadline(d: &decisions::Model) -> Result<Deadline, AppError> {
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
