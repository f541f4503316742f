//! Approval and issue. An office's next letter serial (the memo number is
//! the office's nothi number, `memo_prefix`, and this), taken atomically at
//! each issue; its Ed25519 public key (the private key lives
//! outside the database). A meeting may correct an issued one. An issued
//! memo is kept exactly: its PDF, SHA-256, signature over the canonical
//! content, and the short code of its public verification page.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // SQLite adds one column per statement.
        for column in [
            integer("next_serial").default(1),
            string("public_key").default(""),
        ] {
            m.alter_table(
                Table::alter()
                    .table("offices")
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.alter_table(
            Table::alter()
                .table("meetings")
                .add_column(uuid_null("corrects_id"))
                .to_owned(),
        )
        .await?;
        m.create_table(
            Table::create()
                .table("memo_issues")
                .col(uuid("meeting_id").primary_key())
                .col(string("number"))
                .col(date("issued_on"))
                .col(blob("pdf"))
                .col(string("sha256"))
                .col(text("canonical"))
                .col(string("signature"))
                .col(string("public_key"))
                .col(string_uniq("code"))
                .col(timestamp_with_time_zone("issued_at"))
                .col(uuid_null("issued_by"))
                .foreign_key(
                    ForeignKey::create()
                        .from("memo_issues", "meeting_id")
                        .to("meetings", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_table(Table::drop().table("memo_issues").to_owned())
            .await?;
        m.alter_table(
            Table::alter()
                .table("meetings")
                .drop_column("corrects_id")
                .to_owned(),
        )
        .await?;
        for column in ["public_key", "next_serial"] {
            m.alter_table(
                Table::alter()
                    .table("offices")
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
