//! Reports waiting for verification are counted on every page a secretary or
//! chair opens (the header's count): they are found from the few "done"
//! assignments up, so those need an index by status.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("ix_assignments_status")
                .table("assignments")
                .col("status")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ix_assignments_status")
                .table("assignments")
                .to_owned(),
        )
        .await
    }
}
