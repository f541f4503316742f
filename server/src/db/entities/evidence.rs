use sea_orm::entity::prelude::*;

/// One evidence file of a progress event; the bytes are on disk under `sha256`.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "evidence")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub event_id: Uuid,
    pub sha256: String,
    pub size: i64,
    /// As judged from the bytes (`app::domain::tracking::sniff`).
    pub content_type: String,
    /// The uploaded file's name, for the download.
    pub name: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
