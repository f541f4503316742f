//! An issued memo is corrected at most once: a second correction of the same
//! memo would give two drafts that each claim to replace it. The unique
//! index holds across instances (two "correct" clicks at once); the workflow
//! also checks first, to answer with a message.
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_index(
            Index::create()
                .name("ux_meetings_corrects_id")
                .table("meetings")
                .col("corrects_id")
                .unique()
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ux_meetings_corrects_id")
                .table("meetings")
                .to_owned(),
        )
        .await
    }
}
