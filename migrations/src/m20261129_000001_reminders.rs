//! Reminders: an office's mailbox for the daily digest, the days the daily
//! job has run (one row per day: the instance whose insert succeeds sends,
//! so several instances send once), and the in-app notifications it made.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("offices")
                .add_column(string("email").default(""))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("reminder_runs")
                .col(date("day").primary_key())
                .col(timestamp_with_time_zone("ran_at"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("notifications")
                .col(pk_uuid("id"))
                .col(uuid("office_id"))
                .col(uuid("assignment_id"))
                .col(string("kind"))
                .col(date("day"))
                .foreign_key(
                    ForeignKey::create()
                        .from("notifications", "assignment_id")
                        .to("assignments", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_notifications_office_day")
                .table("notifications")
                .col("office_id")
                .col("day")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("notifications").to_owned())
            .await?;
        m.drop_table(Table::drop().table("reminder_runs").to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table("offices")
                .drop_column("email")
                .to_owned(),
        )
        .await
    }
}
