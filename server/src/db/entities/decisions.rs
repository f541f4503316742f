use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "decisions")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub agenda_item_id: Uuid,
    pub position: i32,
    pub text_bn: String,
    pub deadline_kind: String,
    pub deadline_on: Option<Date>,
    pub deadline_days: Option<i32>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {
    #[sea_orm(
        belongs_to = "super::agenda_items::Entity",
        from = "Column::AgendaItemId",
        to = "super::agenda_items::Column::Id"
    )]
    AgendaItem,
}

impl Related<super::agenda_items::Entity> for Entity {
    fn to() -> RelationDef {
        Relation::AgendaItem.def()
    }
}

impl ActiveModelBehavior for ActiveModel {}
