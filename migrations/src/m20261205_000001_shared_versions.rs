//! Change counters narrower than `data_version`'s row 1 (which still moves
//! on every write), so what many people read is kept until what it was read
//! from changes, not until anything at all is written:
//!
//! - one per meeting (`meeting_versions`): every write to the meeting's row,
//!   attendance, agenda, decisions, implementers, অনুলিপি list or issue, and
//!   by its correction (whose page it names);
//! - one per office (`office_versions`): every write to an assignment the
//!   office owes or is owed (on its meetings), and to its meetings (each
//!   move of one's counter moves its office's);
//! - rows of `data_version` besides the first: the directory (row 2:
//!   offices and people, what minutes print), the accounts (row 3: users,
//!   their roles and the office tree, what a signed-in user is read from)
//!   and the sessions (row 4: one ended, or its data changed).
//!
//! Triggers keep them, so no write path (a form, the command line, another
//! instance, an operator's SQL) can forget.
//!
//! On PostgreSQL the triggers are deferred to the commit, like row 1's. Each
//! event fires row 1's trigger first (one event's triggers run in name
//! order, and `_changed` sorts before the others), so a writing transaction
//! holds row 1 before it takes any of these counters' rows: writers take
//! them one at a time, and cannot deadlock over them.
use sea_orm_migration::prelude::*;
use sea_orm_migration::sea_orm::{ConnectionTrait, DbBackend};

#[derive(DeriveMigrationName)]
pub struct Migration;

/// A counter: its table and key, and for each table that moves it, which
/// keys a row moves, selected as `id` (`R` stands for the row: NEW, or OLD
/// for a delete).
pub(crate) struct Counter {
    pub(crate) table: &'static str,
    key: &'static str,
    pub(crate) moved_by: &'static [(&'static str, &'static str)],
}

pub(crate) const COUNTERS: [Counter; 2] = [
    Counter {
        table: "meeting_versions",
        key: "meeting_id",
        moved_by: &[
            ("meetings", "SELECT R.id AS id UNION SELECT R.corrects_id"),
            ("attendees", "SELECT R.meeting_id AS id"),
            ("agenda_items", "SELECT R.meeting_id AS id"),
            ("recipients", "SELECT R.meeting_id AS id"),
            (
                "memo_issues",
                "SELECT R.meeting_id AS id
                  UNION SELECT corrects_id FROM meetings WHERE id = R.meeting_id",
            ),
            (
                "decisions",
                "SELECT meeting_id AS id FROM agenda_items WHERE id = R.agenda_item_id",
            ),
            (
                "implementers",
                "SELECT i.meeting_id AS id
                   FROM decisions d JOIN agenda_items i ON i.id = d.agenda_item_id
                  WHERE d.id = R.decision_id",
            ),
        ],
    },
    Counter {
        table: "office_versions",
        key: "office_id",
        moved_by: &[
            (
                "assignments",
                "SELECT R.office_id AS id UNION SELECT R.meeting_office_id",
            ),
            ("meetings", "SELECT R.office_id AS id"),
            // Any change to one of its meetings' minutes.
            (
                "meeting_versions",
                "SELECT office_id AS id FROM meetings WHERE id = R.meeting_id",
            ),
        ],
    },
];

/// A row of `data_version` and the writes that move it: (table, the
/// operations, whether an update counts only when `data` changed).
struct Row {
    id: i32,
    moved_by: &'static [(&'static str, &'static [&'static str], bool)],
}

const ALL: &[&str] = &["INSERT", "UPDATE", "DELETE"];

const ROWS: [Row; 3] = [
    Row {
        id: 2,
        moved_by: &[("offices", ALL, false), ("people", ALL, false)],
    },
    Row {
        id: 3,
        moved_by: &[
            ("users", ALL, false),
            ("user_roles", ALL, false),
            ("offices", ALL, false),
        ],
    },
    Row {
        id: 4,
        moved_by: &[("sessions", &["UPDATE", "DELETE"], true)],
    },
];

impl Row {
    /// (name, table, operation, only when data changed). The names sort
    /// after row 1's triggers (`{table}_changed`, `sessions_ended`).
    fn triggers(&self) -> Vec<(String, &'static str, &'static str, bool)> {
        let mut out = vec![];
        for (table, ops, data) in self.moved_by {
            for op in *ops {
                let name = format!("{table}_tally_{}_{}", op.to_lowercase(), self.id);
                out.push((name, *table, *op, *data && *op == "UPDATE"));
            }
        }
        out
    }
}

impl Counter {
    /// Moves the counters of the keys `rows` selects (made at the first).
    pub(crate) fn bump(&self, rows: &str) -> String {
        let (table, key) = (self.table, self.key);
        format!(
            "INSERT INTO {table} ({key}, version)
             SELECT id, 1 FROM ({rows}) AS changed WHERE id IS NOT NULL ORDER BY id
             ON CONFLICT ({key}) DO UPDATE SET version = {table}.version + 1"
        )
    }

    /// Each trigger: its name, table, operation and body.
    fn triggers(&self) -> Vec<Trigger> {
        let mut out = vec![];
        for (table, rows) in self.moved_by {
            for op in ["INSERT", "UPDATE", "DELETE"] {
                let row = if op == "DELETE" { "OLD." } else { "NEW." };
                out.push(Trigger {
                    name: format!("{table}_{}_{}", op.to_lowercase(), self.table),
                    table,
                    op,
                    body: self.bump(&rows.replace("R.", row)),
                });
            }
        }
        out
    }
}

struct Trigger {
    name: String,
    table: &'static str,
    op: &'static str,
    body: String,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        for counter in &COUNTERS {
            m.create_table(
                Table::create()
                    .table(counter.table)
                    .col(ColumnDef::new(counter.key).uuid().not_null().primary_key())
                    .col(ColumnDef::new("version").big_integer().not_null())
                    .to_owned(),
            )
            .await?;
            for Trigger {
                name,
                table,
                op,
                body: bump,
            } in counter.triggers()
            {
                db.execute_unprepared(&if postgres {
                    format!(
                        "CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$
                         BEGIN {bump}; RETURN NULL; END $$;
                         CREATE CONSTRAINT TRIGGER {name} AFTER {op} ON {table}
                           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION {name}();"
                    )
                } else {
                    format!("CREATE TRIGGER {name} AFTER {op} ON {table} BEGIN {bump}; END;")
                })
                .await?;
            }
        }
        for row in &ROWS {
            let id = row.id;
            db.execute_unprepared(&format!(
                "INSERT INTO data_version (id, version) VALUES ({id}, 0)"
            ))
            .await?;
            if postgres {
                db.execute_unprepared(&format!(
                    "CREATE FUNCTION sidhanto_changed_{id}() RETURNS trigger LANGUAGE plpgsql AS $$
                     BEGIN
                       IF current_setting('sidhanto.changed_{id}', true) IS DISTINCT FROM 'yes' THEN
                         UPDATE data_version SET version = version + 1 WHERE id = {id};
                         PERFORM set_config('sidhanto.changed_{id}', 'yes', true);
                       END IF;
                       RETURN NULL;
                     END $$;"
                ))
                .await?;
            }
            for (name, table, op, data) in row.triggers() {
                db.execute_unprepared(&if postgres {
                    let when = if data {
                        "WHEN (OLD.data IS DISTINCT FROM NEW.data)"
                    } else {
                        ""
                    };
                    format!(
                        "CREATE CONSTRAINT TRIGGER {name} AFTER {op} ON {table}
                           DEFERRABLE INITIALLY DEFERRED FOR EACH ROW {when}
                           EXECUTE FUNCTION sidhanto_changed_{id}();"
                    )
                } else {
                    let when = if data {
                        "WHEN OLD.data IS NOT NEW.data"
                    } else {
                        ""
                    };
                    format!(
                        "CREATE TRIGGER {name} AFTER {op} ON {table} {when}
                         BEGIN UPDATE data_version SET version = version + 1 WHERE id = {id}; END;"
                    )
                })
                .await?;
            }
        }
        Ok(())
    }

    async fn down(&self, m: &SchemaManager) -> Result<(), DbErr> {
        let db = m.get_connection();
        let postgres = db.get_database_backend() == DbBackend::Postgres;
        // The office counter's triggers first: one is on meeting_versions.
        for counter in COUNTERS.iter().rev() {
            for Trigger { name, table, .. } in counter.triggers() {
                db.execute_unprepared(&if postgres {
                    format!("DROP TRIGGER {name} ON {table}; DROP FUNCTION {name}();")
                } else {
                    format!("DROP TRIGGER {name}")
                })
                .await?;
            }
            m.drop_table(Table::drop().table(counter.table).to_owned())
                .await?;
        }
        for row in &ROWS {
            let id = row.id;
            for (name, table, _, _) in row.triggers() {
                db.execute_unprepared(&if postgres {
                    format!("DROP TRIGGER {name} ON {table}")
                } else {
                    format!("DROP TRIGGER {name}")
                })
                .await?;
            }
            if postgres {
                db.execute_unprepared(&format!("DROP FUNCTION sidhanto_changed_{id}()"))
                    .await?;
            }
        }
        db.execute_unprepared("DELETE FROM data_version WHERE id > 1")
            .await?;
        Ok(())
    }
}
