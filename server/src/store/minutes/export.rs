//! Minutes read back from the database in the shape of the meeting file.
use crate::db::entities::{
    agenda_items, attendees, decisions, implementers, meetings, offices, people, recipients,
};
use crate::store::db_error;
use crate::store::meetings::deadline;
use app::domain::dates::FiscalYear;
use app::domain::minutes::{
    AgendaItem, Attendee, Decision, Distribution, Implementer, Minutes, Person, FORMAT,
};
use app::domain::{MeetingKind, MeetingStatus};
use app::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

/// The meeting `id` as minutes in the JSON format.
pub async fn export<C: ConnectionTrait>(db: &C, id: Uuid) -> Result<Minutes, AppError> {
    let m = meetings::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    let people: HashMap<Uuid, Person> = people::Entity::find()
        .filter(
            people::Column::Id.is_in(
                [Some(m.chair_id), m.secretary_id, m.issuer_id]
                    .into_iter()
                    .flatten(),
            ),
        )
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|p| {
            let person = Person {
                name: p.name_bn,
                designation: p.designation_bn,
            };
            (p.id, person)
        })
        .collect();
    let attendance = attendees::Entity::find()
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
    let decided = decisions::Entity::find()
        .filter(decisions::Column::AgendaItemId.is_in(items.iter().map(|i| i.id)))
        .order_by_asc(decisions::Column::Position)
        .all(db)
        .await
        .map_err(db_error)?;
    let imp_rows = implementers::Entity::find()
        .filter(implementers::Column::DecisionId.is_in(decided.iter().map(|d| d.id)))
        .order_by_asc(implementers::Column::Position)
        .all(db)
        .await
        .map_err(db_error)?;
    // The codes of the offices this meeting names, not of the whole
    // directory (hundreds of rows on every view).
    let named: std::collections::HashSet<Uuid> = imp_rows
        .iter()
        .map(|i| i.office_id)
        .chain([m.office_id])
        .collect();
    let code_of: HashMap<Uuid, String> = offices::Entity::find()
        .filter(offices::Column::Id.is_in(named))
        .select_only()
        .columns([offices::Column::Id, offices::Column::Code])
        .into_tuple::<(Uuid, String)>()
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .collect();
    let mut imps: HashMap<Uuid, Vec<Implementer>> = HashMap::new();
    for imp in imp_rows {
        imps.entry(imp.decision_id).or_default().push(Implementer {
            office: code_of.get(&imp.office_id).cloned().unwrap_or_default(),
            members: imp.member_kind,
            label: imp.label_bn,
        });
    }
    let mut by_item: HashMap<Uuid, Vec<Decision>> = HashMap::new();
    for d in decided {
        let entry = Decision {
            deadline: deadline(&d)?,
            implementers: imps.remove(&d.id).unwrap_or_default(),
            text: d.text_bn,
        };
        by_item.entry(d.agenda_item_id).or_default().push(entry);
    }
    let recipients = recipients::Entity::find()
        .filter(recipients::Column::MeetingId.eq(id))
        .order_by_asc(recipients::Column::Position)
        .all(db)
        .await
        .map_err(db_error)?;
    let person_of = |id: Option<Uuid>| id.and_then(|id| people.get(&id).cloned());
    Ok(Minutes {
        format: FORMAT.into(),
        kind: MeetingKind::from_code(&m.kind).ok_or(AppError::Internal)?,
        language: m.language,
        office: code_of.get(&m.office_id).cloned().unwrap_or_default(),
        series: m.series,
        fiscal_year: FiscalYear(m.fiscal_year).code(),
        quarter: m.quarter as u8,
        title: m.title_bn,
        held_on: m.held_on,
        starts_at: m.starts_at,
        venue: m.venue_bn,
        chair: person_of(Some(m.chair_id)).ok_or(AppError::Internal)?,
        secretary: person_of(m.secretary_id),
        preamble: m.preamble_bn,
        closing: m.closing_bn,
        attendees: attendance
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
                decisions: by_item.remove(&i.id).unwrap_or_default(),
                subject: i.subject_bn,
                discussion: i.discussion_bn,
            })
            .collect(),
        distribution: Distribution {
            heading: m.distribution_heading_bn,
            recipients: recipients.into_iter().map(|r| r.text_bn).collect(),
        },
        status: MeetingStatus::from_code(&m.status).ok_or(AppError::Internal)?,
        memo_number: m.memo_number,
        issued_on: m.issued_on,
        issuer: person_of(m.issuer_id),
    })
}
