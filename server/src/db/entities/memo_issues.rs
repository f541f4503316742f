use sea_orm::entity::prelude::*;

/// An issued memo, kept exactly as issued.
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "memo_issues")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub meeting_id: Uuid,
    pub number: String,
    pub issued_on: Date,
    pub pdf: Vec<u8>,
    /// Hex SHA-256 of `pdf`.
    pub sha256: String,
    /// What the signature covers (`app::domain::issue::canonical`).
    pub canonical: String,
    /// Hex Ed25519 signature of `canonical`.
    pub signature: String,
    /// Hex public key that signed it.
    pub public_key: String,
    /// The short code of `/verify/{code}`.
    #[sea_orm(unique)]
    pub code: String,
    pub issued_at: DateTimeUtc,
    pub issued_by: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
