//! Each assignment carries its meeting, the meeting's office and fiscal year.
//! The dashboard counts a division's assignments by those: through the
//! decision and agenda item to the meeting, three lookups per assignment,
//! that was 0.3–0.6 s at 100k decisions; from these columns it reads two
//! covering indexes. An assignment is written with its issued meeting,
//! which does not change after (a correction is a meeting of its own).
use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        // One column at a time: SQLite alters one thing per statement.
        let columns = [
            ColumnDef::new("meeting_id").uuid().null().to_owned(),
            ColumnDef::new("meeting_office_id").uuid().null().to_owned(),
            ColumnDef::new("fiscal_year").integer().null().to_owned(),
        ];
        for column in columns {
            m.alter_table(
                Table::alter()
                    .table("assignments")
                    .add_column(column)
                    .to_owned(),
            )
            .await?;
        }
        m.get_connection()
            .execute_unprepared(
                "UPDATE assignments SET (meeting_id, meeting_office_id, fiscal_year) =
                   (SELECT m.id, m.office_id, m.fiscal_year
                      FROM decisions d
                      JOIN agenda_items i ON i.id = d.agenda_item_id
                      JOIN meetings m ON m.id = i.meeting_id
                     WHERE d.id = assignments.decision_id)",
            )
            .await?;
        // The dashboard's two halves: what these offices owe, and what is
        // owed to their meetings; every column it reads is in the index.
        let counted = [
            "status",
            "fiscal_year",
            "due_on",
            "done_on",
            "meeting_id",
            "decision_id",
        ];
        for (name, lead, other) in [
            (
                "ix_assignments_office_count",
                "office_id",
                "meeting_office_id",
            ),
            (
                "ix_assignments_meeting_office_count",
                "meeting_office_id",
                "office_id",
            ),
        ] {
            let mut index = Index::create();
            index.name(name).table("assignments").col(lead);
            for c in counted.iter().chain([&other]) {
                index.col(*c);
            }
            m.create_index(index.to_owned()).await?;
        }
        m.create_index(
            Index::create()
                .name("ix_assignments_meeting_id")
                .table("assignments")
                .col("meeting_id")
                .to_owned(),
        )
        .await
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        for name in [
            "ix_assignments_office_count",
            "ix_assignments_meeting_office_count",
            "ix_assignments_meeting_id",
        ] {
            m.drop_index(Index::drop().name(name).table("assignments").to_owned())
                .await?;
        }
        for column in ["meeting_id", "meeting_office_id", "fiscal_year"] {
            m.alter_table(
                Table::alter()
                    .table("assignments")
                    .drop_column(column)
                    .to_owned(),
            )
            .await?;
        }
        Ok(())
    }
}
