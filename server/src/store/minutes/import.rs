//! New minutes: checked, then written as a new meeting, in one transaction.
use super::offices_by_code;
use super::write::write;
use crate::audit::{self, Action, Change};
use crate::db::entities::{meetings, offices};
use crate::store::db_error;
use app::domain::minutes::Minutes;
use app::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter};
use std::collections::HashSet;
use uuid::Uuid;

/// A meeting file imported in one transaction: all of it, or nothing.
pub async fn import_file(
    db: &sea_orm::DatabaseConnection,
    m: &Minutes,
    actor: Option<Uuid>,
    source: &str,
) -> Result<Uuid, AppError> {
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
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
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    if memo_number_used(&txn, m).await? {
        return Err(AppError::problem(
            "memo_number",
            "import.memo_number_used",
            None,
        ));
    }
    let id = import(&txn, m, actor, "record").await?;
    txn.commit().await.map_err(db_error)?;
    Ok(id)
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
            action: Action::MeetingImport,
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
