//! An office may print its memos in its own installed Bangla font (Nikosh is
//! common but may not be redistributed): `memo_font` is the font file's path
//! on the server, empty for the shipped Noto Serif Bengali. A person may have
//! a signature image (PNG), printed above their name in signature blocks.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("offices")
                .add_column(string("memo_font").default(""))
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("people")
                .add_column(blob_null("signature_png"))
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("people")
                .drop_column("signature_png")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("offices")
                .drop_column("memo_font")
                .to_owned(),
        )
        .await
    }
}
