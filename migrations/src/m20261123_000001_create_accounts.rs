//! Accounts: users, their office-scoped roles, login sessions (kept in the
//! database so they survive restarts and are shared by several app
//! instances), and the audit trail.
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        m.create_table(
            Table::create()
                .table("users")
                .col(pk_uuid("id"))
                .col(string_uniq("username"))
                .col(text("display_name"))
                .col(uuid_null("person_id"))
                .col(text("password_hash"))
                // "bn" or "en": the language of the user's pages.
                .col(string("lang"))
                .col(integer("failed_logins").default(0))
                .col(timestamp_with_time_zone_null("locked_until"))
                .col(boolean("active").default(true))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_users_person_id")
                        .from("users", "person_id")
                        .to("people", "id"),
                )
                .to_owned(),
        )
        .await?;

        // A role held at one office; `include_below` extends it to the offices
        // under that one (an implementer granted a district's upazilas).
        m.create_table(
            Table::create()
                .table("user_roles")
                .col(pk_uuid("id"))
                .col(uuid("user_id"))
                .col(string("role"))
                .col(uuid("office_id"))
                .col(boolean("include_below").default(false))
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_user_roles_user_id")
                        .from("user_roles", "user_id")
                        .to("users", "id")
                        .on_delete(ForeignKeyAction::Cascade),
                )
                .foreign_key(
                    ForeignKey::create()
                        .name("fk_user_roles_office_id")
                        .from("user_roles", "office_id")
                        .to("offices", "id"),
                )
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_user_roles_user_id")
                .table("user_roles")
                .col("user_id")
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("sessions")
                .col(string("id").primary_key())
                .col(text("data"))
                .col(timestamp_with_time_zone("expires_at"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_sessions_expires_at")
                .table("sessions")
                .col("expires_at")
                .to_owned(),
        )
        .await?;

        // Who changed what, when: before/after as JSON text. Never updated.
        m.create_table(
            Table::create()
                .table("audit_events")
                .col(pk_uuid("id"))
                .col(timestamp_with_time_zone("at"))
                .col(uuid_null("actor_user_id"))
                .col(string("action"))
                .col(string("entity_kind"))
                .col(uuid_null("entity_id"))
                .col(uuid_null("meeting_id"))
                .col(text_null("before"))
                .col(text_null("after"))
                .to_owned(),
        )
        .await?;
        for col in ["at", "meeting_id"] {
            m.create_index(
                Index::create()
                    .name(format!("ix_audit_events_{col}"))
                    .table("audit_events")
                    .col(Alias::new(col))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in ["audit_events", "sessions", "user_roles", "users"] {
            m.drop_table(Table::drop().table(Alias::new(table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
