//! Public holidays an admin enters for the year: deadlines given in working
//! days (কার্যদিবস) skip them, as they skip the weekly Friday and Saturday.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("holidays")
                .col(date("day").primary_key())
                .col(string("name"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("holidays").to_owned())
            .await
    }
}
