//! Minutes in and out of the database: `import` writes a whole meeting in one
//! transaction (nothing when a rule is broken), `export` reads it back in the
//! same shape, so import → export → import loses nothing.
use super::db_error;
use super::meetings::{deadline, deadline_columns};
use crate::audit::{self, Change};
use crate::db::entities::{
    agenda_items, assignments, attendees, decisions, implementers, meetings, offices, people,
    recipients,
};
use app::domain::dates::FiscalYear;
use app::domain::minutes::{
    AgendaItem, Attendee, Decision, Distribution, Implementer, Minutes, Person, Problem, FORMAT,
};
use app::domain::{MeetingKind, MeetingStatus};
use app::error::AppError;
use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect,
};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// Every office, by code.
pub(crate) async fn offices_by_code<C: ConnectionTrait>(
    db: &C,
) -> Result<HashMap<String, offices::Model>, DbErr> {
    Ok(offices::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.code.clone(), o))
        .collect())
}

/// The id of the office with this code.
pub async fn office_id(
    db: &sea_orm::DatabaseConnection,
    code: &str,
) -> Result<Option<Uuid>, AppError> {
    Ok(offices::Entity::find()
        .filter(offices::Column::Code.eq(code))
        .one(db)
        .await
        .map_err(db_error)?
        .map(|o| o.id))
}

/// The office that holds meeting `id`.
pub async fn office_of_meeting(
    db: &sea_orm::DatabaseConnection,
    id: Uuid,
) -> Result<Option<Uuid>, AppError> {
    Ok(meetings::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_error)?
        .map(|m| m.office_id))
}

/// A meeting file imported in one transaction: all of it, or nothing.
pub async fn import_file(
    db: &sea_orm::DatabaseConnection,
    m: &Minutes,
    actor: Option<Uuid>,
    source: &str,
) -> Result<Uuid, AppError> {
    let txn = super::begin_write(db).await.map_err(db_error)?;
    let id = import(&txn, m, actor, source).await?;
    txn.commit().await.map_err(db_error)?;
    Ok(id)
}

/// Minutes issued elsewhere, imported as a record, unless their office has
/// used their memo number (checked in the same transaction).
pub async fn import_record(
    db: &sea_orm::DatabaseConnection,
    m: &Minutes,
    actor: Option<Uuid>,
) -> Result<Uuid, AppError> {
    let txn = super::begin_write(db).await.map_err(db_error)?;
    if memo_number_used(&txn, m).await? {
        return Err(AppError::problem(
            "memo_number",
            "import.memo_number_used",
            None,
        ));
    }
    let id = import(&txn, m, actor, "record import").await?;
    txn.commit().await.map_err(db_error)?;
    Ok(id)
}

/// The editor's save: a new draft (`id` None, version 1) or the next
/// version of draft `id` (refused when `version` is not the stored one).
/// Returns the meeting's id and its new version.
pub async fn save_form(
    db: &sea_orm::DatabaseConnection,
    id: Option<Uuid>,
    version: i32,
    m: &Minutes,
    actor: Option<Uuid>,
) -> Result<(Uuid, i32), AppError> {
    let txn = super::begin_write(db).await.map_err(db_error)?;
    let saved = match id {
        Some(id) => (id, save_draft(&txn, id, version, m, actor).await?),
        None => (create_draft(&txn, m, actor).await?, 1),
    };
    txn.commit().await.map_err(db_error)?;
    Ok(saved)
}

/// Has the minutes' office already used their memo number (on a meeting
/// issued here or imported before)?
pub async fn memo_number_used<C: ConnectionTrait>(db: &C, m: &Minutes) -> Result<bool, AppError> {
    let Some(number) = &m.memo_number else {
        return Ok(false);
    };
    let Some(office) = offices::Entity::find()
        .filter(offices::Column::Code.eq(m.office.as_str()))
        .one(db)
        .await
        .map_err(db_error)?
    else {
        return Ok(false);
    };
    let used = meetings::Entity::find()
        .filter(meetings::Column::OfficeId.eq(office.id))
        .filter(meetings::Column::MemoNumber.eq(number.as_str()))
        .one(db)
        .await
        .map_err(db_error)?;
    Ok(used.is_some())
}

/// Checks `minutes` and writes them as a new meeting. Run it inside a
/// transaction: on a broken rule it returns the problems and writes nothing.
pub async fn import<C: ConnectionTrait>(
    db: &C,
    minutes: &Minutes,
    actor: Option<Uuid>,
    source: &str,
) -> Result<Uuid, AppError> {
    let offices = offices_by_code(db).await.map_err(db_error)?;
    let codes: HashSet<String> = offices.keys().cloned().collect();
    let problems = minutes.check(&codes);
    if !problems.is_empty() {
        return Err(AppError::Problems(problems));
    }
    let id = Uuid::new_v4();
    write(db, id, minutes, &offices).await.map_err(db_error)?;
    audit::record(
        db,
        Change {
            actor,
            action: "meeting.import",
            entity_kind: "meeting",
            entity_id: Some(id),
            meeting_id: Some(id),
            before: None,
            after: Some(serde_json::json!({ "source": source })),
        },
    )
    .await
    .map_err(db_error)?;
    Ok(id)
}

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

/// The meeting row of `m` (people looked up or added), version 1.
async fn meeting_row<C: ConnectionTrait>(
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
        fiscal_year: Set(FiscalYear::parse(&m.fiscal_year).map_or(0, |f| f.0)),
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

async fn write<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    m: &Minutes,
    offices: &HashMap<String, offices::Model>,
) -> Result<(), DbErr> {
    let row = meeting_row(db, id, m, &offices[&m.office]).await?;
    meetings::Entity::insert(row)
        .exec_without_returning(db)
        .await?;
    write_children(db, id, m, offices).await
}

/// The children written again in their new order; decisions, implementers
/// and assignments go with their agenda items (ON DELETE CASCADE).
pub(crate) async fn rewrite_children<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    m: &Minutes,
    offices: &HashMap<String, offices::Model>,
) -> Result<(), DbErr> {
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
    write_children(db, id, m, offices).await
}

/// Attendance, agenda, decisions, implementers, the অনুলিপি list, and (for
/// issued minutes) the assignments, all in their order.
async fn write_children<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    m: &Minutes,
    offices: &HashMap<String, offices::Model>,
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
        super::holidays::days(db).await?
    } else {
        Default::default()
    };
    let (mut items, mut decided, mut imps, mut owed) = (vec![], vec![], vec![], vec![]);
    let (mut item_ids, mut decision_ids) = (vec![], vec![]);
    for (i, item) in m.agenda.iter().enumerate() {
        let item_id = Uuid::new_v4();
        item_ids.push(item_id);
        items.push(agenda_items::ActiveModel {
            id: Set(item_id),
            meeting_id: Set(id),
            position: Set(i as i32 + 1),
            subject_bn: Set(item.subject.clone()),
            discussion_bn: Set(item.discussion.clone()),
        });
        for (j, d) in item.decisions.iter().enumerate() {
            let decision_id = Uuid::new_v4();
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
                        status: Set("not_started".into()),
                        updated_at: Set(now),
                        done_on: Set(None),
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
    super::search::reindex(db, id, m, &item_ids, &decision_ids).await
}

/// Creates a draft meeting from `m` (its status is ignored). A draft may be
/// incomplete; only problems that `blocks_draft` refuse it.
pub async fn create_draft<C: ConnectionTrait>(
    db: &C,
    m: &Minutes,
    actor: Option<Uuid>,
) -> Result<Uuid, AppError> {
    let m = as_draft(m);
    let offices = offices_by_code(db).await.map_err(db_error)?;
    refuse_blocking(&m, &offices)?;
    let id = Uuid::new_v4();
    write(db, id, &m, &offices).await.map_err(db_error)?;
    audit::record(
        db,
        Change {
            actor,
            action: "meeting.create",
            entity_kind: "meeting",
            entity_id: Some(id),
            meeting_id: Some(id),
            before: None,
            after: Some(serde_json::json!({ "title": m.title })),
        },
    )
    .await
    .map_err(db_error)?;
    Ok(id)
}

/// Saves the draft `id` as `m` if it is still at `version` (nobody saved it
/// since this editor loaded it); returns the new version. Another save in
/// between is a `Conflict` and changes nothing.
pub async fn save_draft<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    version: i32,
    m: &Minutes,
    actor: Option<Uuid>,
) -> Result<i32, AppError> {
    let current = meetings::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    if current.status != MeetingStatus::Draft.code() {
        return Err(AppError::Invalid {
            field: "status".into(),
            key: "minutes.not_draft".into(),
        });
    }
    let offices = offices_by_code(db).await.map_err(db_error)?;
    let m = as_draft(m);
    refuse_blocking(&m, &offices)?;
    if offices[&m.office].id != current.office_id {
        // Moving minutes to another office is not an edit.
        return Err(AppError::problem("office", "minutes.office_fixed", None));
    }
    let mut row = meeting_row(db, id, &m, &offices[&m.office])
        .await
        .map_err(db_error)?;
    row.version = Set(version + 1);
    row.created_at = Set(current.created_at);
    let updated = meetings::Entity::update_many()
        .set(row)
        .filter(meetings::Column::Id.eq(id))
        .filter(meetings::Column::Version.eq(version))
        .exec(db)
        .await
        .map_err(db_error)?;
    if updated.rows_affected == 0 {
        return Err(AppError::Conflict);
    }
    rewrite_children(db, id, &m, &offices)
        .await
        .map_err(db_error)?;
    audit::record(
        db,
        Change {
            actor,
            action: "meeting.save",
            entity_kind: "meeting",
            entity_id: Some(id),
            meeting_id: Some(id),
            before: Some(serde_json::json!({ "version": version })),
            after: Some(serde_json::json!({ "version": version + 1 })),
        },
    )
    .await
    .map_err(db_error)?;
    Ok(version + 1)
}

/// The version a draft's editor must send back with its save.
pub async fn version<C: ConnectionTrait>(db: &C, id: Uuid) -> Result<i32, AppError> {
    meetings::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_error)?
        .map(|m| m.version)
        .ok_or(AppError::NotFound)
}

fn as_draft(m: &Minutes) -> Minutes {
    Minutes {
        status: MeetingStatus::Draft,
        memo_number: None,
        issued_on: None,
        ..m.clone()
    }
}

fn refuse_blocking(m: &Minutes, offices: &HashMap<String, offices::Model>) -> Result<(), AppError> {
    let codes: HashSet<String> = offices.keys().cloned().collect();
    let blocking: Vec<Problem> = m
        .check(&codes)
        .into_iter()
        .filter(Problem::blocks_draft)
        .collect();
    if blocking.is_empty() {
        Ok(())
    } else {
        Err(AppError::Problems(blocking))
    }
}

/// The meeting `id` as minutes in the JSON format.
pub async fn export<C: ConnectionTrait>(db: &C, id: Uuid) -> Result<Minutes, AppError> {
    let m = meetings::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    // Two columns of every office: whole rows cost milliseconds per view.
    let code_of: HashMap<Uuid, String> = offices::Entity::find()
        .select_only()
        .columns([offices::Column::Id, offices::Column::Code])
        .into_tuple::<(Uuid, String)>()
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .collect();
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
    let mut imps: HashMap<Uuid, Vec<Implementer>> = HashMap::new();
    for imp in implementers::Entity::find()
        .filter(implementers::Column::DecisionId.is_in(decided.iter().map(|d| d.id)))
        .order_by_asc(implementers::Column::Position)
        .all(db)
        .await
        .map_err(db_error)?
    {
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

/// Reads a meeting file: UTF-8, then JSON with the path of any wrong value
/// (the same paths `Minutes::check` uses).
/// Texts typed in Bijoy: converted when `convert`, else refused with a
/// preview of the conversion (docs/meeting-format.md).
pub fn with_bijoy(mut m: Minutes, convert: bool) -> Result<Minutes, AppError> {
    if convert {
        m.convert_bijoy();
        return Ok(m);
    }
    match m.bijoy_problems() {
        problems if problems.is_empty() => Ok(m),
        problems => Err(AppError::Problems(problems)),
    }
}

pub fn parse(bytes: &[u8]) -> Result<Minutes, AppError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = format!("byte {}", e.valid_up_to());
        AppError::problem("", "minutes.not_utf8", Some(at))
    })?;
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(json_problem)
}

/// Minutes from a JSON value (the editor's form, once read), with the same
/// error paths as a file.
pub fn from_json(value: serde_json::Value) -> Result<Minutes, AppError> {
    serde_path_to_error::deserialize(value).map_err(json_problem)
}

fn json_problem<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> AppError {
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    // serde's message says exactly what was expected ("missing field
    // `title`", "invalid type: string, expected u8"); it stays English.
    let detail = e.into_inner().to_string();
    // A missing field is reported at its parent; point at the field itself.
    let missing = detail
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(field, _)| field.to_string());
    match missing {
        Some(field) if path.is_empty() => {
            AppError::problem(field, "minutes.required", Some(detail))
        }
        Some(field) => {
            AppError::problem(format!("{path}.{field}"), "minutes.required", Some(detail))
        }
        None => AppError::problem(path, "minutes.json", Some(detail)),
    }
}
