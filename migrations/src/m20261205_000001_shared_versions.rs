//! Change counters narrower than `data_version`'s row 1 (which still moves
//! on every write): one per meeting (`meeting_versions`, moved by every write
//! to the meeting's row, attendance, agenda, decisions, implementers,
//! অনুলিপি list or issue, and by its correction) and one for the directory (row 2 of
//! `data_version`: offices and people). A meeting read once is shared by its
//! readers while both stand still. Triggers keep them, so no write path (a
//! form, the command line, another instance, an operator's SQL) can forget.
//!
//! On PostgreSQL the trigger is deferred to the commit and moves the counter
//! once per transaction, as row 1's does. Every event that fires it fires
//! row 1's trigger first (the triggers of one event run in name order, and
//! `_changed` sorts before `_directory`), so every transaction locks row 1
//! before row 2: no deadlock between them.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TABLES: [&str; 2] = ["offices", "people"];

/// The tables of a meeting's minutes, and how a row names its meeting
/// as `meeting_id` (`R` stands for the row: NEW, or OLD for a delete).
/// A correction (a meeting of its own) and its issue move the meeting it
/// corrects too: that meeting's page names its correction.
const MINUTES: [(&str, &str); 7] = [
    (
        "meetings",
        "SELECT R.id AS meeting_id UNION SELECT R.corrects_id",
    ),
    ("attendees", "SELECT R.meeting_id AS meeting_id"),
    ("agenda_items", "SELECT R.meeting_id AS meeting_id"),
    ("recipients", "SELECT R.meeting_id AS meeting_id"),
    (
        "memo_issues",
        "SELECT R.meeting_id AS meeting_id
          UNION SELECT corrects_id FROM meetings WHERE id = R.meeting_id",
    ),
    (
        "decisions",
        "SELECT meeting_id FROM agenda_items WHERE id = R.agenda_item_id",
    ),
    (
        "implementers",
        "SELECT i.meeting_id FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id
          WHERE d.id = R.decision_id",
    ),
];

/// Moves the meeting's counter (made at its first change).
fn bump(meeting: &str) -> String {
    format!(
        "INSERT INTO meeting_versions (meeting_id, version)
         SELECT meeting_id, 1 FROM ({meeting}) AS changed WHERE meeting_id IS NOT NULL
         ON CONFLICT (meeting_id) DO UPDATE SET version = meeting_versions.version + 1"
    )
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        db.execute_unprepared("INSERT INTO data_version (id, version) VALUES (2, 0)")
            .await?;
        m.create_table(
            Table::create()
                .table("meeting_versions")
                .col(ColumnDef::new("meeting_id").uuid().not_null().primary_key())
                .col(ColumnDef::new("version").big_integer().not_null())
                .to_owned(),
        )
        .await?;
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        for (table, meeting) in MINUTES {
            for op in ["INSERT", "UPDATE", "DELETE"] {
                let row = if op == "DELETE" { "OLD" } else { "NEW" };
                let bump = bump(&meeting.replace("R.", &format!("{row}.")));
                let name = format!("{table}_{}_meeting", op.to_lowercase());
                if postgres {
                    db.execute_unprepared(&format!(
                        "CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
                         BEGIN {bump}; RETURN NULL; END $$;
                         CREATE TRIGGER {name} AFTER {op} ON {table}
                           FOR EACH ROW EXECUTE FUNCTION {name}();"
                    ))
                    .await?;
                } else {
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {name} AFTER {op} ON {table} BEGIN {bump}; END;"
                    ))
                    .await?;
                }
            }
        }
        if postgres {
            db.execute_unprepared(
                "CREATE FUNCTION sidhanto_directory_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                 BEGIN
                   IF current_setting('sidhanto.directory_changed', true) IS DISTINCT FROM 'yes' THEN
                     UPDATE data_version SET version = version + 1 WHERE id = 2;
                     PERFORM set_config('sidhanto.directory_changed', 'yes', true);
                   END IF;
                   RETURN NULL;
                 END $$;",
            )
            .await?;
            for table in TABLES {
                db.execute_unprepared(&format!(
                    "CREATE CONSTRAINT TRIGGER {table}_directory
                       AFTER INSERT OR UPDATE OR DELETE ON {table}
                       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
                       EXECUTE FUNCTION sidhanto_directory_changed();"
                ))
                .await?;
            }
        } else {
            for table in TABLES {
                for op in ["INSERT", "UPDATE", "DELETE"] {
                    let name = format!("{table}_{}_directory", op.to_lowercase());
                    db.execute_unprepared(&format!(
                        "CREATE TRIGGER {name} AFTER {op} ON {table}
                         BEGIN UPDATE data_version SET version = version + 1 WHERE id = 2; END;"
                    ))
                    .await?;
                }
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        for (table, _) in MINUTES {
            for op in ["insert", "update", "delete"] {
                let name = format!("{table}_{op}_meeting");
                db.execute_unprepared(&if postgres {
                    format!("DROP TRIGGER {name} ON {table}; DROP FUNCTION {name}();")
                } else {
                    format!("DROP TRIGGER {name}")
                })
                .await?;
            }
        }
        m.drop_table(Table::drop().table("meeting_versions").to_owned())
            .await?;
        if postgres {
            for table in TABLES {
                db.execute_unprepared(&format!("DROP TRIGGER {table}_directory ON {table}"))
                    .await?;
            }
            db.execute_unprepared("DROP FUNCTION sidhanto_directory_changed()")
                .await?;
        } else {
            for table in TABLES {
                for op in ["insert", "update", "delete"] {
                    db.execute_unprepared(&format!("DROP TRIGGER {table}_{op}_directory"))
                        .await?;
                }
            }
        }
        db.execute_unprepared("DELETE FROM data_version WHERE id = 2")
            .await?;
        Ok(())
    }
}
