use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "assignments")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub decision_id: Uuid,
    pub office_id: Uuid,
    pub due_on: Option<Date>,
    pub status: String,
    pub updated_at: DateTimeUtc,
    /// The day (Dhaka) it was last reported done.
    pub done_on: Option<Date>,
    /// The decision's meeting, its office and fiscal year, as they were when
    /// it was issued (they do not change after): what the dashboard counts
    /// by, without going through the decision and agenda item.
    pub meeting_id: Uuid,
    pub meeting_office_id: Uuid,
    pub fiscal_year: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
