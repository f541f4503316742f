//! Minutes in and out of the database: `import` writes a whole meeting in one
//! transaction (nothing when a rule is broken), `export` reads it back in the
//! same shape, so import → export → import loses nothing.
//! `import.rs` checks and writes new minutes, `drafts.rs` the editor's
//! drafts, `write.rs` the rows both write, `export.rs` reads them back and
//! `parse.rs` reads a meeting file.
use super::db_error;
use crate::db::entities::{meetings, offices};
use app::error::AppError;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

mod drafts;
mod export;
mod import;
mod parse;
mod write;

pub use drafts::{create_draft, save_draft, save_form, version};
pub use export::export;
pub use import::{import, import_file, import_record, memo_number_used};
pub use parse::{from_json, parse, with_bijoy};
pub(crate) use write::rewrite_children;

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
pub async fn office_of_meeting<C: sea_orm::ConnectionTrait>(
    db: &C,
    id: Uuid,
) -> Result<Option<Uuid>, AppError> {
    meetings::Entity::find_by_id(id)
        .select_only()
        .column(meetings::Column::OfficeId)
        .into_tuple::<Uuid>()
        .one(db)
        .await
        .map_err(db_error)
}
