//! The editor's drafts: created, saved at the version the editor loaded
//! (another save in between is a conflict), and their version.
use super::offices_by_code;
use super::write::{meeting_row, rewrite_children, write};
use crate::audit::{self, Action, Change};
use crate::db::entities::{meetings, offices};
use crate::store::db_error;
use app::domain::minutes::{Minutes, Problem};
use app::domain::MeetingStatus;
use app::error::AppError;
use sea_orm::{ActiveValue::Set, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

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
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    let saved = match id {
        Some(id) => (id, save_draft(&txn, id, version, m, actor).await?),
        None => (create_draft(&txn, m, actor).await?, 1),
    };
    txn.commit().await.map_err(db_error)?;
    Ok(saved)
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
            action: Action::MeetingCreate,
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
    // What the save changes, for the audit trail (read before it is written).
    let changed = app::domain::audit::changed_parts(&super::export(db, id).await?, &m);
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
            action: Action::MeetingSave,
            entity_kind: "meeting",
            entity_id: Some(id),
            meeting_id: Some(id),
            before: Some(serde_json::json!({ "version": version })),
            after: Some(serde_json::json!({ "version": version + 1, "fields": changed })),
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
