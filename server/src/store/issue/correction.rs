//! Corrections of an issued memo.
use super::wrong_status;
use crate::audit::{self, Action, Change};
use crate::db::entities::{meetings, memo_issues};
use crate::store::{db_error, minutes};
use app::domain::MeetingStatus;
use app::error::AppError;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};
use uuid::Uuid;

/// The memo number of the issue that meeting `id` corrects, if any.
pub async fn corrected_number<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<Option<String>, AppError> {
    // Two small columns, not the rows (the old memo's row holds its PDF).
    let Some(Some(old)) = meetings::Entity::find_by_id(id)
        .select_only()
        .column(meetings::Column::CorrectsId)
        .into_tuple::<Option<Uuid>>()
        .one(db)
        .await
        .map_err(db_error)?
    else {
        return Ok(None);
    };
    memo_issues::Entity::find_by_id(old)
        .select_only()
        .column(memo_issues::Column::Number)
        .into_tuple::<String>()
        .one(db)
        .await
        .map_err(db_error)
}

/// A correction: a new draft with the issued minutes' content that names
/// the meeting it corrects. Returns the draft's id.
pub async fn start_correction(
    db: &DatabaseConnection,
    id: Uuid,
    actor: Uuid,
) -> Result<Uuid, AppError> {
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    let m = minutes::export(&txn, id).await?;
    if m.status != MeetingStatus::Issued {
        return Err(wrong_status());
    }
    let corrected = meetings::Entity::find()
        .filter(meetings::Column::CorrectsId.eq(id))
        .one(&txn)
        .await
        .map_err(db_error)?;
    let already = || AppError::Invalid {
        field: "status".into(),
        key: "issue.already_corrected".into(),
    };
    if corrected.is_some() {
        return Err(already());
    }
    let draft = minutes::create_draft(&txn, &m, Some(actor)).await?;
    meetings::Entity::update_many()
        .col_expr(meetings::Column::CorrectsId, Expr::value(id))
        .filter(meetings::Column::Id.eq(draft))
        .exec(&txn)
        .await
        .map_err(|e| match e.sql_err() {
            // Another instance started one at the same moment.
            Some(sea_orm::SqlErr::UniqueConstraintViolation(_)) => already(),
            _ => db_error(e),
        })?;
    audit::record(
        &txn,
        Change {
            actor: Some(actor),
            action: Action::MeetingCorrect,
            entity_kind: "meeting",
            entity_id: Some(draft),
            meeting_id: Some(id),
            before: None,
            after: Some(serde_json::json!({ "correction": draft })),
        },
    )
    .await
    .map_err(db_error)?;
    txn.commit().await.map_err(db_error)?;
    Ok(draft)
}
