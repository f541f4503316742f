use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "offices")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub kind: String,
    pub name_bn: String,
    pub name_en: String,
    pub place_bn: String,
    pub place_en: String,
    pub branch_bn: String,
    pub website: String,
    /// The nothi (file) number as its segments, "05.47.0000.005.12.002.17"
    /// (18 digits, 2014 form; or 22, 2024 form): a memo number is this and
    /// the letter serial.
    pub memo_prefix: String,
    /// Short stable name, unique: how the meeting JSON format refers to the office.
    pub code: String,
    /// Path of an installed Bangla font for this office's memos; empty: the shipped one.
    pub memo_font: String,
    /// The serial the next issued memo gets.
    pub next_serial: i32,
    /// Hex of the office's Ed25519 public key ("" until its first issue).
    pub public_key: String,
    /// The office's mailbox for the daily reminder digest ("" for none).
    pub email: String,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
