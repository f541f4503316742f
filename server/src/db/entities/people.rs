use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "people")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub office_id: Uuid,
    pub name_bn: String,
    pub name_en: String,
    pub designation_bn: String,
    pub designation_en: String,
    pub phone: String,
    pub email: String,
    /// A PNG of the person's signature, printed in their signature blocks.
    pub signature_png: Option<Vec<u8>>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
