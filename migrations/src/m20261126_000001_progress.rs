//! Progress on assignments: who reported each change (a user, not only a
//! directory person), the day an assignment was reported done (on time or
//! late), and evidence files. Evidence is stored on disk by its SHA-256 (the
//! same file twice is stored once); this table names each upload.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("progress_events")
                .add_column(uuid_null("actor_user_id"))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("assignments")
                .add_column(date_null("done_on"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("evidence")
                .col(pk_uuid("id"))
                .col(uuid("event_id"))
                .col(string("sha256"))
                .col(big_integer("size"))
                .col(string("content_type"))
                .col(string("name"))
                .foreign_key(
                    ForeignKey::create()
                        .from("evidence", "event_id")
                        .to("progress_events", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_evidence_sha256")
                .table("evidence")
                .col("sha256")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("evidence").to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table("assignments")
                .drop_column("done_on")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("progress_events")
                .drop_column("actor_user_id")
                .to_owned(),
        )
        .await
    }
}
