use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "meetings")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub office_id: Uuid,
    pub kind: String,
    pub series: String,
    pub fiscal_year: i32,
    pub quarter: i16,
    pub title_bn: String,
    pub chair_id: Uuid,
    pub secretary_id: Option<Uuid>,
    pub issuer_id: Option<Uuid>,
    pub held_on: Date,
    pub starts_at: Time,
    pub venue_bn: String,
    pub preamble_bn: String,
    pub closing_bn: String,
    pub distribution_heading_bn: String,
    pub status: String,
    pub memo_number: Option<String>,
    pub issued_on: Option<Date>,
    pub version: i32,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    /// "bn" or "en"
    pub language: String,
    /// The issued meeting whose minutes these correct.
    pub corrects_id: Option<Uuid>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
