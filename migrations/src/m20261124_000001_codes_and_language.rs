//! Offices get a `code`: the short stable name the meeting JSON format uses to
//! refer to them ("rangpur-division"), so a file moves between installations.
//! Meetings get the `language` their minutes are written in ("bn" or "en").
use sea_orm_migration::sea_orm::{self, prelude::Uuid, ConnectionTrait, Statement, Value};
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.alter_table(
            Table::alter()
                .table("offices")
                .add_column(string("code").default(""))
                .to_owned(),
        )
        .await?;
        // Offices created before codes existed are named by their id, which is
        // unique; an admin can rename them.
        let db = m.get_connection();
        let backend = m.get_database_backend();
        let rows = db
            .query_all_raw(Statement::from_string(backend, "SELECT id FROM offices"))
            .await?;
        for row in rows {
            let id: Uuid = row.try_get("", "id")?;
            let sql = match backend {
                sea_orm::DatabaseBackend::Postgres => "UPDATE offices SET code = $1 WHERE id = $2",
                _ => "UPDATE offices SET code = ? WHERE id = ?",
            };
            db.execute_raw(Statement::from_sql_and_values(
                backend,
                sql,
                [Value::from(id.to_string()), Value::from(id)],
            ))
            .await?;
        }
        m.create_index(
            Index::create()
                .name("ux_offices_code")
                .table("offices")
                .col("code")
                .unique()
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("meetings")
                .add_column(string("language").default("bn"))
                .to_owned(),
        )
        .await?;
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.drop_index(
            Index::drop()
                .name("ux_offices_code")
                .table("offices")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("offices")
                .drop_column("code")
                .to_owned(),
        )
        .await?;
        m.alter_table(
            Table::alter()
                .table("meetings")
                .drop_column("language")
                .to_owned(),
        )
        .await
    }
}
