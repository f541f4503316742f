//! The first schema: offices, people, meetings with their attendance, agenda
//! items, decisions and implementers, the distribution list, and the tracking
//! tables (assignments, progress events).
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// Tables in creation order; dropped in reverse.
const TABLES: &[&str] = &[
    "offices",
    "people",
    "meetings",
    "attendees",
    "agenda_items",
    "decisions",
    "implementers",
    "recipients",
    "assignments",
    "progress_events",
];

fn fk(from_table: &str, from_col: &str, to_table: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{from_table}_{from_col}"))
        .from(Alias::new(from_table), Alias::new(from_col))
        .to(Alias::new(to_table), Alias::new("id"))
        .to_owned()
}

fn cascade(from_table: &str, from_col: &str, to_table: &str) -> ForeignKeyCreateStatement {
    fk(from_table, from_col, to_table)
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // An office is a node of the hierarchy: division → district → upazila, or
        // a directorate and its field offices.
        m.create_table(
            Table::create()
                .table("offices")
                .col(pk_uuid("id"))
                .col(uuid_null("parent_id"))
                .col(string("kind"))
                .col(text("name_bn"))
                .col(text("name_en"))
                .col(text("place_bn"))
                .col(text("place_en"))
                .col(text("branch_bn"))
                .col(text("website"))
                .col(string("memo_prefix"))
                .foreign_key(&mut fk("offices", "parent_id", "offices"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_offices_parent")
                .table("offices")
                .col("parent_id")
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("people")
                .col(pk_uuid("id"))
                .col(uuid("office_id"))
                .col(text("name_bn"))
                .col(text("name_en"))
                .col(text("designation_bn"))
                .col(text("designation_en"))
                .col(string("phone"))
                .col(string("email"))
                .foreign_key(&mut fk("people", "office_id", "offices"))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("meetings")
                .col(pk_uuid("id"))
                .col(uuid("office_id"))
                .col(string("kind"))
                .col(string("series"))
                // Fiscal years run July–June; stored as the starting year (2022 = 2022-23).
                .col(integer("fiscal_year"))
                .col(small_integer("quarter"))
                .col(text("title_bn"))
                .col(uuid("chair_id"))
                .col(uuid_null("secretary_id"))
                .col(uuid_null("issuer_id"))
                .col(date("held_on"))
                .col(time("starts_at"))
                .col(text("venue_bn"))
                .col(text("preamble_bn"))
                .col(text("closing_bn"))
                .col(text("distribution_heading_bn"))
                .col(string("status"))
                .col(string_null("memo_number"))
                .col(date_null("issued_on"))
                .col(integer("version").default(1))
                .col(timestamp_with_time_zone("created_at"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut fk("meetings", "office_id", "offices"))
                .foreign_key(&mut fk("meetings", "chair_id", "people"))
                .foreign_key(&mut fk("meetings", "secretary_id", "people"))
                .foreign_key(&mut fk("meetings", "issuer_id", "people"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_meetings_office_held_on")
                .table("meetings")
                .col("office_id")
                .col("held_on")
                .to_owned(),
        )
        .await?;

        // Attendance in signing order; a person may be typed in without being in
        // the directory, so the printed name and designation are kept here.
        m.create_table(
            Table::create()
                .table("attendees")
                .col(pk_uuid("id"))
                .col(uuid("meeting_id"))
                .col(integer("position"))
                .col(uuid_null("person_id"))
                .col(text("name_bn"))
                .col(text("designation_bn"))
                .col(text("office_bn"))
                .foreign_key(&mut cascade("attendees", "meeting_id", "meetings"))
                .foreign_key(&mut fk("attendees", "person_id", "people"))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("agenda_items")
                .col(pk_uuid("id"))
                .col(uuid("meeting_id"))
                .col(integer("position"))
                .col(text("subject_bn"))
                .col(text("discussion_bn"))
                .foreign_key(&mut cascade("agenda_items", "meeting_id", "meetings"))
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("decisions")
                .col(pk_uuid("id"))
                .col(uuid("agenda_item_id"))
                .col(integer("position"))
                .col(text("text_bn"))
                // none | date | days_after_issue | quarterly
                .col(string("deadline_kind"))
                .col(date_null("deadline_on"))
                .col(integer_null("deadline_days"))
                .foreign_key(&mut cascade("decisions", "agenda_item_id", "agenda_items"))
                .to_owned(),
        )
        .await?;

        // An implementer is one office, or a group: every office of `member_kind`
        // directly below `office_id` ("জেলা প্রশাসক (সকল), রংপুর বিভাগ").
        m.create_table(
            Table::create()
                .table("implementers")
                .col(pk_uuid("id"))
                .col(uuid("decision_id"))
                .col(integer("position"))
                .col(uuid("office_id"))
                .col(string_null("member_kind"))
                .col(text("label_bn"))
                .foreign_key(&mut cascade("implementers", "decision_id", "decisions"))
                .foreign_key(&mut fk("implementers", "office_id", "offices"))
                .to_owned(),
        )
        .await?;

        // The অনুলিপি list, in order.
        m.create_table(
            Table::create()
                .table("recipients")
                .col(pk_uuid("id"))
                .col(uuid("meeting_id"))
                .col(integer("position"))
                .col(text("text_bn"))
                .foreign_key(&mut cascade("recipients", "meeting_id", "meetings"))
                .to_owned(),
        )
        .await?;

        // One row per (decision, implementer office): what that office owes.
        m.create_table(
            Table::create()
                .table("assignments")
                .col(pk_uuid("id"))
                .col(uuid("decision_id"))
                .col(uuid("office_id"))
                .col(date_null("due_on"))
                .col(string("status"))
                .col(timestamp_with_time_zone("updated_at"))
                .foreign_key(&mut cascade("assignments", "decision_id", "decisions"))
                .foreign_key(&mut fk("assignments", "office_id", "offices"))
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ux_assignments_decision_office")
                .table("assignments")
                .col("decision_id")
                .col("office_id")
                .unique()
                .to_owned(),
        )
        .await?;
        m.create_index(
            Index::create()
                .name("ix_assignments_office_due")
                .table("assignments")
                .col("office_id")
                .col("due_on")
                .to_owned(),
        )
        .await?;

        m.create_table(
            Table::create()
                .table("progress_events")
                .col(pk_uuid("id"))
                .col(uuid("assignment_id"))
                .col(string("status"))
                .col(text("note"))
                .col(uuid_null("actor_person_id"))
                .col(timestamp_with_time_zone("created_at"))
                .foreign_key(&mut cascade(
                    "progress_events",
                    "assignment_id",
                    "assignments",
                ))
                .foreign_key(&mut fk("progress_events", "actor_person_id", "people"))
                .to_owned(),
        )
        .await?;

        // Child tables need their parent's index for the joins and cascades.
        for (table, col) in [
            ("people", "office_id"),
            ("attendees", "meeting_id"),
            ("agenda_items", "meeting_id"),
            ("decisions", "agenda_item_id"),
            ("implementers", "decision_id"),
            ("recipients", "meeting_id"),
            ("progress_events", "assignment_id"),
        ] {
            m.create_index(
                Index::create()
                    .name(format!("ix_{table}_{col}"))
                    .table(Alias::new(table))
                    .col(Alias::new(col))
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for table in TABLES.iter().rev() {
            m.drop_table(Table::drop().table(Alias::new(*table)).to_owned())
                .await?;
        }
        Ok(())
    }
}
