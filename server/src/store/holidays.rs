//! Public holidays (working-day deadlines skip them).
use super::db_error;
use crate::audit::{self, Action, Change};
use crate::db::entities::holidays;
use app::error::AppError;
use chrono::NaiveDate;
use sea_orm::{
    ActiveValue::Set, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait, QueryOrder,
};
use std::collections::HashSet;
use uuid::Uuid;

pub async fn days<C: ConnectionTrait>(db: &C) -> Result<HashSet<NaiveDate>, DbErr> {
    Ok(holidays::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|h| h.day)
        .collect())
}

/// Every holiday, by date: (day, name).
pub async fn list(db: &DatabaseConnection) -> Result<Vec<(NaiveDate, String)>, AppError> {
    Ok(holidays::Entity::find()
        .order_by_asc(holidays::Column::Day)
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|h| (h.day, h.name))
        .collect())
}

/// Adds (or renames) a holiday; None for `name` removes it. Audited.
pub async fn set(
    db: &DatabaseConnection,
    day: NaiveDate,
    name: Option<&str>,
    actor: Uuid,
) -> Result<(), AppError> {
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    holidays::Entity::delete_by_id(day)
        .exec(&txn)
        .await
        .map_err(db_error)?;
    if let Some(name) = name {
        holidays::Entity::insert(holidays::ActiveModel {
            day: Set(day),
            name: Set(name.to_string()),
        })
        .exec_without_returning(&txn)
        .await
        .map_err(db_error)?;
    }
    audit::record(
        &txn,
        Change {
            actor: Some(actor),
            action: if name.is_some() {
                Action::HolidayAdd
            } else {
                Action::HolidayRemove
            },
            entity_kind: "holiday",
            entity_id: None,
            meeting_id: None,
            before: None,
            after: Some(serde_json::json!({ "day": day, "name": name })),
        },
    )
    .await
    .map_err(db_error)?;
    txn.commit().await.map_err(db_error)
}
