//! The rows of a meeting as its minutes give them: the meeting row (people
//! looked up or added), and its children in their order.
use crate::db::entities::{
    agenda_items, assignments, attendees, decisions, implementers, meetings, offices, people,
    recipients,
};
use crate::store::meetings::deadline_columns;
use app::domain::dates::FiscalYear;
use app::domain::minutes::{Implementer, Minutes, Person};
use app::domain::MeetingStatus;
use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The person of `office` with this name and designation, added to the
/// directory when the minutes name someone new.
async fn person<C: ConnectionTrait>(db: &C, office: Uuid, p: &Person) -> Result<Uuid, DbErr> {
    let found = people::Entity::find()
        .filter(people::Column::OfficeId.eq(office))
        .filter(people::Column::NameBn.eq(p.name.as_str()))
        .filter(people::Column::DesignationBn.eq(p.designation.as_str()))
        .one(db)
        .await?;
    if let Some(found) = found {
        return Ok(found.id);
    }
    let id = Uuid::new_v4();
    people::Entity::insert(people::ActiveModel {
        id: Set(id),
        office_id: Set(office),
        name_bn: Set(p.name.clone()),
        name_en: Set(String::new()),
        designation_bn: Set(p.designation.clone()),
        designation_en: Set(String::new()),
        phone: Set(String::new()),
        email: Set(String::new()),
        signature_png: Set(None),
    })
    .exec_without_returning(db)
    .await?;
    Ok(id)
}

/// The offices an implementer stands for: itself, or its member offices.
fn expand<'o>(
    imp: &Implementer,
    offices: &'o HashMap<String, offices::Model>,
) -> Vec<&'o offices::Model> {
    let Some(office) = offices.get(&imp.office) else {
        return vec![];
    };
    match &imp.members {
        None => vec![office],
        Some(kind) => {
            let mut members: Vec<_> = offices
                .values()
                .filter(|o| o.parent_id == Some(office.id) && &o.kind == kind)
                .collect();
            members.sort_by_key(|o| &o.code);
            members
        }
    }
}

/// The stored fiscal year (its first calendar year) of the minutes.
fn fiscal_year(m: &Minutes) -> i32 {
    FiscalYear::parse(&m.fiscal_year).map_or(0, |f| f.0)
}

/// The meeting row of `m` (people looked up or added), version 1.
pub(super) async fn meeting_row<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    m: &Minutes,
    office: &offices::Model,
) -> Result<meetings::ActiveModel, DbErr> {
    let chair = person(db, office.id, &m.chair).await?;
    let secretary = match &m.secretary {
        Some(p) => Some(person(db, office.id, p).await?),
        None => None,
    };
    let issuer = match &m.issuer {
        Some(p) => Some(person(db, office.id, p).await?),
        None => None,
    };
    let now = Utc::now();
    Ok(meetings::ActiveModel {
        id: Set(id),
        office_id: Set(office.id),
        kind: Set(m.kind.code().into()),
        series: Set(m.series.clone()),
        fiscal_year: Set(fiscal_year(m)),
        quarter: Set(m.quarter as i16),
        title_bn: Set(m.title.clone()),
        chair_id: Set(chair),
        secretary_id: Set(secretary),
        issuer_id: Set(issuer),
        held_on: Set(m.held_on),
        starts_at: Set(m.starts_at),
        venue_bn: Set(m.venue.clone()),
        preamble_bn: Set(m.preamble.clone()),
        closing_bn: Set(m.closing.clone()),
        distribution_heading_bn: Set(m.distribution.heading.clone()),
        status: Set(m.status.code().into()),
        memo_number: Set(m.memo_number.clone()),
        issued_on: Set(m.issued_on),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
        language: Set(m.language.clone()),
        // Set only when a correction is started (`issue::start_correction`).
        corrects_id: sea_orm::ActiveValue::NotSet,
    })
}

pub(super) async fn write<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    m: &Minutes,
    offices: &HashMap<String, offices::Model>,
) -> Result<(), DbErr> {
    let row = meeting_row(db, id, m, &offices[&m.office]).await?;
    meetings::Entity::insert(row)
        .exec_without_returning(db)
        .await?;
    write_children(db, id, m, offices, &Ids::default()).await
}

/// The ids of a meeting's agenda items and decisions by their positions.
#[derive(Default)]
struct Ids {
    items: HashMap<i32, Uuid>,
    decisions: HashMap<(i32, i32), Uuid>,
}

impl Ids {
    async fn read<C: ConnectionTrait>(db: &C, meeting: Uuid) -> Result<Ids, DbErr> {
        let items: Vec<(Uuid, i32)> = agenda_items::Entity::find()
            .select_only()
            .columns([agenda_items::Column::Id, agenda_items::Column::Position])
            .filter(agenda_items::Column::MeetingId.eq(meeting))
            .into_tuple()
            .all(db)
            .await?;
        let position: HashMap<Uuid, i32> = items.iter().copied().collect();
        let decisions: Vec<(Uuid, Uuid, i32)> = decisions::Entity::find()
            .select_only()
            .columns([
                decisions::Column::Id,
                decisions::Column::AgendaItemId,
                decisions::Column::Position,
            ])
            .filter(decisions::Column::AgendaItemId.is_in(position.keys().copied()))
            .into_tuple()
            .all(db)
            .await?;
        Ok(Ids {
            items: items.into_iter().map(|(id, at)| (at, id)).collect(),
            decisions: decisions
                .into_iter()
                .map(|(id, item, at)| ((position[&item], at), id))
                .collect(),
        })
    }

    fn item(&self, at: i32) -> Uuid {
        self.items.get(&at).copied().unwrap_or_else(Uuid::new_v4)
    }

    fn decision(&self, item: i32, at: i32) -> Uuid {
        (self.decisions.get(&(item, at)).copied()).unwrap_or_else(Uuid::new_v4)
    }
}

/// The children written again in their new order; decisions, implementers
/// and assignments go with their agenda items (ON DELETE CASCADE).
///
/// An agenda item or decision keeps its id while it keeps its position:
/// the search index names them, so a save that changes no text the index
/// holds leaves it, and every kept search, as it was (`search::reindex`).
pub(crate) async fn rewrite_children<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    m: &Minutes,
    offices: &HashMap<String, offices::Model>,
) -> Result<(), DbErr> {
    let ids = Ids::read(db, id).await?;
    attendees::Entity::delete_many()
        .filter(attendees::Column::MeetingId.eq(id))
        .exec(db)
        .await?;
    agenda_items::Entity::delete_many()
        .filter(agenda_items::Column::MeetingId.eq(id))
        .exec(db)
        .await?;
    recipients::Entity::delete_many()
        .filter(recipients::Column::MeetingId.eq(id))
        .exec(db)
        .await?;
    write_children(db, id, m, offices, &ids).await
}

/// Attendance, agenda, decisions, implementers, the অনুলিপি list, and (for
/// issued minutes) the assignments, all in their order.
async fn write_children<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    m: &Minutes,
    offices: &HashMap<String, offices::Model>,
    ids: &Ids,
) -> Result<(), DbErr> {
    let now = Utc::now();
    let rows: Vec<_> = m
        .attendees
        .iter()
        .enumerate()
        .map(|(i, a)| attendees::ActiveModel {
            id: Set(Uuid::new_v4()),
            meeting_id: Set(id),
            position: Set(i as i32 + 1),
            person_id: Set(None),
            name_bn: Set(a.name.clone()),
            designation_bn: Set(a.designation.clone()),
            office_bn: Set(a.office.clone()),
        })
        .collect();
    if !rows.is_empty() {
        attendees::Entity::insert_many(rows)
            .exec_without_returning(db)
            .await?;
    }

    // Working-day deadlines of issued minutes skip the public holidays.
    let holidays = if m.status == MeetingStatus::Issued {
        crate::store::holidays::days(db).await?
    } else {
        Default::default()
    };
    let (mut items, mut decided, mut imps, mut owed) = (vec![], vec![], vec![], vec![]);
    let (mut item_ids, mut decision_ids) = (vec![], vec![]);
    for (i, item) in m.agenda.iter().enumerate() {
        let item_id = ids.item(i as i32 + 1);
        item_ids.push(item_id);
        items.push(agenda_items::ActiveModel {
            id: Set(item_id),
            meeting_id: Set(id),
            position: Set(i as i32 + 1),
            subject_bn: Set(item.subject.clone()),
            discussion_bn: Set(item.discussion.clone()),
        });
        for (j, d) in item.decisions.iter().enumerate() {
            let decision_id = ids.decision(i as i32 + 1, j as i32 + 1);
            decision_ids.push(decision_id);
            let (kind, on, days) = deadline_columns(d.deadline);
            decided.push(decisions::ActiveModel {
                id: Set(decision_id),
                agenda_item_id: Set(item_id),
                position: Set(j as i32 + 1),
                text_bn: Set(d.text.clone()),
                deadline_kind: Set(kind.into()),
                deadline_on: Set(on),
                deadline_days: Set(days),
            });
            let mut owing: Vec<Uuid> = vec![];
            for (k, imp) in d.implementers.iter().enumerate() {
                imps.push(implementers::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    decision_id: Set(decision_id),
                    position: Set(k as i32 + 1),
                    office_id: Set(offices[&imp.office].id),
                    member_kind: Set(imp.members.clone()),
                    label_bn: Set(imp.label.clone()),
                });
                for o in expand(imp, offices) {
                    if !owing.contains(&o.id) {
                        owing.push(o.id);
                    }
                }
            }
            // Issued minutes are owed: each implementer office gets its part.
            if let (MeetingStatus::Issued, Some(issued_on)) = (m.status, m.issued_on) {
                for office_id in owing {
                    owed.push(assignments::ActiveModel {
                        id: Set(Uuid::new_v4()),
                        decision_id: Set(decision_id),
                        office_id: Set(office_id),
                        due_on: Set(d
                            .deadline
                            .due_on_with(issued_on, &|day| holidays.contains(&day))),
                        status: Set(app::domain::tracking::Progress::NotStarted.code().into()),
                        updated_at: Set(now),
                        done_on: Set(None),
                        meeting_id: Set(id),
                        meeting_office_id: Set(offices[&m.office].id),
                        fiscal_year: Set(fiscal_year(m)),
                    });
                }
            }
        }
    }
    // Insert in chunks: SQLite allows at most 32,766 bound values per statement.
    macro_rules! insert_all {
        ($entity:ty, $rows:expr) => {
            for chunk in $rows.chunks(1000) {
                <$entity>::insert_many(chunk.to_vec())
                    .exec_without_returning(db)
                    .await?;
            }
        };
    }
    insert_all!(agenda_items::Entity, items);
    insert_all!(decisions::Entity, decided);
    insert_all!(implementers::Entity, imps);
    insert_all!(assignments::Entity, owed);
    let rows: Vec<_> = m
        .distribution
        .recipients
        .iter()
        .enumerate()
        .map(|(i, text)| recipients::ActiveModel {
            id: Set(Uuid::new_v4()),
            meeting_id: Set(id),
            position: Set(i as i32 + 1),
            text_bn: Set(text.clone()),
        })
        .collect();
    insert_all!(recipients::Entity, rows);
    crate::store::search::reindex(db, id, m, &item_ids, &decision_ids).await
}
