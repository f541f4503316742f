//! The search index (see the migration `m20261127_000001_search`): rebuilt
//! for a meeting whenever its texts are written, queried by substring.
use super::db_error;
use app::domain::minutes::Minutes;
use app::domain::search::{Hit, MAX_QUERY, MIN_QUERY};
use app::error::AppError;
use sea_orm::{ConnectionTrait, DatabaseConnection, DbBackend, DbErr, Statement, Value};
use uuid::Uuid;

/// Replaces the meeting's rows of the index. `ids` are the agenda items'
/// and decisions' ids in the order the minutes list them.
///
/// Rows that would be written as they stand are left: a draft's autosave
/// often changes no text the index holds (a venue, an attendee, a
/// deadline), and a write to the index drops every kept search.
pub async fn reindex<C: ConnectionTrait>(
    db: &C,
    meeting: Uuid,
    m: &Minutes,
    items: &[Uuid],
    decisions: &[Uuid],
) -> Result<(), DbErr> {
    let backend = db.get_database_backend();
    let sqlite = backend == DbBackend::Sqlite;
    let mut rows: Vec<(&str, Uuid, &str)> = vec![("meeting", meeting, &m.title)];
    let mut next_decision = decisions.iter();
    for (item, id) in m.agenda.iter().zip(items) {
        rows.push(("subject", *id, &item.subject));
        rows.push(("discussion", *id, &item.discussion));
        for d in &item.decisions {
            if let Some(id) = next_decision.next() {
                rows.push(("decision", *id, &d.text));
            }
        }
    }
    rows.retain(|(_, _, text)| !text.is_empty());
    if indexed(db, meeting).await? == sorted(&rows) {
        return Ok(());
    }
    // SQLite's index is found by rowid only: its rows are looked up in
    // `search_index_rows` (migration m20261208), not by a scan of them all.
    let delete: &[&str] = if sqlite {
        &[
            "DELETE FROM search_index WHERE rowid IN
                (SELECT seq FROM search_index_rows WHERE meeting_id = ?)",
            "DELETE FROM search_index_rows WHERE meeting_id = ?",
        ]
    } else {
        &["DELETE FROM search_index WHERE meeting_id = ?"]
    };
    for sql in delete {
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            placeholders(backend, sql),
            [meeting.into()],
        ))
        .await?;
    }
    if !sqlite && !rows.is_empty() {
        // Rows naming these items and decisions under another meeting (one
        // moved there by SQL keeps its id here): PostgreSQL's index is keyed
        // by what a row names, and the save would fail on them.
        let named: Vec<Value> = rows.iter().map(|(_, id, _)| (*id).into()).collect();
        let marks = vec!["?"; named.len()].join(", ");
        let sql = format!("DELETE FROM search_index WHERE ref_id IN ({marks})");
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            placeholders(backend, &sql),
            named,
        ))
        .await?;
    }
    for (kind, id, text) in rows {
        let mut columns = "kind, meeting_id, ref_id, text";
        let mut values = vec![kind.into(), meeting.into(), id.into(), text.into()];
        if sqlite {
            // The map's row first (RETURNING works on no virtual table),
            // and the index's row under the same rowid: past every rowid of
            // either, so a row written without the map (an operator's SQL)
            // is never taken for another.
            let seq: i64 = db
                .query_one_raw(Statement::from_sql_and_values(
                    backend,
                    "INSERT INTO search_index_rows (seq, meeting_id) VALUES (
                        max(COALESCE((SELECT max(seq) FROM search_index_rows), 0),
                            COALESCE((SELECT rowid FROM search_index
                                       ORDER BY rowid DESC LIMIT 1), 0)) + 1, ?)
                     RETURNING seq",
                    [meeting.into()],
                ))
                .await?
                .ok_or_else(|| DbErr::Custom("no seq returned".into()))?
                .try_get("", "seq")?;
            columns = "rowid, kind, meeting_id, ref_id, text";
            values.insert(0, seq.into());
        }
        let marks = vec!["?"; values.len()].join(", ");
        db.execute_raw(Statement::from_sql_and_values(
            backend,
            placeholders(
                backend,
                &format!("INSERT INTO search_index ({columns}) VALUES ({marks})"),
            ),
            values,
        ))
        .await?;
    }
    Ok(())
}

/// An index row: its kind, what it names, its text.
type Row = (String, Uuid, String);

fn sorted(rows: &[(&str, Uuid, &str)]) -> Vec<Row> {
    let mut rows: Vec<Row> = rows
        .iter()
        .map(|(kind, id, text)| (kind.to_string(), *id, text.to_string()))
        .collect();
    rows.sort();
    rows
}

/// The meeting's rows of the index as they stand, sorted.
async fn indexed<C: ConnectionTrait>(db: &C, meeting: Uuid) -> Result<Vec<Row>, DbErr> {
    let backend = db.get_database_backend();
    let sql = if backend == DbBackend::Sqlite {
        "SELECT kind, ref_id, text FROM search_index WHERE rowid IN
            (SELECT seq FROM search_index_rows WHERE meeting_id = ?)"
    } else {
        "SELECT kind, ref_id, text FROM search_index WHERE meeting_id = ?"
    };
    let found = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            placeholders(backend, sql),
            [meeting.into()],
        ))
        .await?;
    let mut rows = found
        .iter()
        .map(|r| {
            Ok((
                r.try_get("", "kind")?,
                r.try_get("", "ref_id")?,
                r.try_get("", "text")?,
            ))
        })
        .collect::<Result<Vec<Row>, DbErr>>()?;
    rows.sort();
    Ok(rows)
}

/// Rebuilds the whole index from the tables (after bulk writes: the
/// benchmark data generator), in the order the app writes it: a meeting's
/// rows together, meetings in the order they were made. The newest matches
/// are found by walking that order back (`seq`, FTS5's rowid); rows written
/// kind by kind put every title behind every decision, and a common phrase
/// was then 0.5 s on PostgreSQL at 100k decisions.
pub async fn rebuild<C: ConnectionTrait>(db: &C) -> Result<(), DbErr> {
    let sqlite = db.get_database_backend() == DbBackend::Sqlite;
    db.execute_unprepared("DELETE FROM search_index").await?;
    if sqlite {
        db.execute_unprepared("DELETE FROM search_index_rows")
            .await?;
    }
    db.execute_unprepared(
        "INSERT INTO search_index (kind, meeting_id, ref_id, text)
            SELECT r.kind, r.meeting_id, r.ref_id, r.text FROM (
                SELECT 'meeting' AS kind, id AS meeting_id, id AS ref_id, title_bn AS text,
                       0 AS part FROM meetings
                UNION ALL
                SELECT 'subject', meeting_id, id, subject_bn, 1 FROM agenda_items
                UNION ALL
                SELECT 'discussion', meeting_id, id, discussion_bn, 2 FROM agenda_items
                UNION ALL
                SELECT 'decision', a.meeting_id, d.id, d.text_bn, 3
                    FROM decisions d JOIN agenda_items a ON a.id = d.agenda_item_id
            ) r JOIN meetings m ON m.id = r.meeting_id
            ORDER BY m.created_at, m.id, r.part",
    )
    .await?;
    if sqlite {
        db.execute_unprepared(
            "INSERT INTO search_index_rows (seq, meeting_id)
                SELECT rowid, meeting_id FROM search_index",
        )
        .await?;
    }
    // What searches are kept under (migration m20261207): SQLite's index
    // takes no trigger, and these rows are written without their meetings.
    db.execute_unprepared("UPDATE data_version SET version = version + 1 WHERE id = 5")
        .await?;
    Ok(())
}

/// PostgreSQL numbers its placeholders.
pub fn placeholders(backend: DbBackend, sql: &str) -> String {
    if backend != DbBackend::Postgres {
        return sql.to_string();
    }
    let mut n = 0;
    sql.chars()
        .map(|c| {
            if c == '?' {
                n += 1;
                format!("${n}")
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Texts containing `query`: the `limit` most recently written (a common
/// phrase is in every meeting, and sorting all its matches by date would
/// read them all), shown newest meeting first.
pub async fn search(
    db: &DatabaseConnection,
    query: &str,
    limit: u64,
) -> Result<Vec<Hit>, AppError> {
    let Some(query) = cleaned(query) else {
        return Ok(vec![]);
    };
    let query = query.as_str();
    let backend = db.get_database_backend();
    let (sql, pattern): (&str, Value) = match backend {
        // A trigram index answers a quoted phrase as a substring match.
        // FTS5 walks its matches in rowid order and stops at the limit.
        DbBackend::Sqlite => (
            "SELECT s.kind, s.meeting_id, s.text, m.title_bn, m.office_id, m.status,
                    COALESCE(i.position, di.position) AS item, d.position AS decision FROM (
                SELECT rowid AS seq, kind, meeting_id, ref_id, text FROM search_index
                 WHERE search_index MATCH ? ORDER BY rowid DESC LIMIT ?) s
             JOIN meetings m ON m.id = s.meeting_id
             LEFT JOIN agenda_items i ON i.id = s.ref_id
             LEFT JOIN decisions d ON d.id = s.ref_id
             LEFT JOIN agenda_items di ON di.id = d.agenda_item_id
             ORDER BY m.held_on DESC, s.seq DESC",
            format!("\"{}\"", query.replace('"', "\"\"")).into(),
        ),
        // The planner walks `seq` backwards for a common phrase and uses the
        // trigram index for a rare one.
        _ => (
            "SELECT s.kind, s.meeting_id, s.text, m.title_bn, m.office_id, m.status,
                    COALESCE(i.position, di.position) AS item, d.position AS decision FROM (
                SELECT seq, kind, meeting_id, ref_id, text FROM search_index
                 WHERE text ILIKE ? ORDER BY seq DESC LIMIT ?) s
             JOIN meetings m ON m.id = s.meeting_id
             LEFT JOIN agenda_items i ON i.id = s.ref_id
             LEFT JOIN decisions d ON d.id = s.ref_id
             LEFT JOIN agenda_items di ON di.id = d.agenda_item_id
             ORDER BY m.held_on DESC, s.seq DESC",
            format!("%{}%", like_escape(query)).into(),
        ),
    };
    let rows = db
        .query_all_raw(Statement::from_sql_and_values(
            backend,
            placeholders(backend, sql),
            [pattern, (limit as i64).into()],
        ))
        .await
        .map_err(db_error)?;
    rows.into_iter()
        .map(|r| {
            let text: String = r.try_get("", "text").map_err(db_error)?;
            let status: String = r.try_get("", "status").map_err(db_error)?;
            Ok(Hit {
                office_id: r.try_get("", "office_id").map_err(db_error)?,
                status: app::domain::MeetingStatus::from_code(&status).ok_or(AppError::Internal)?,
                kind: r.try_get("", "kind").map_err(db_error)?,
                meeting_id: r.try_get("", "meeting_id").map_err(db_error)?,
                meeting_title: r.try_get("", "title_bn").map_err(db_error)?,
                snippet: app::domain::search::snippet(&text, query, 80),
                anchor: app::domain::search::anchor(
                    r.try_get("", "item").map_err(db_error)?,
                    r.try_get("", "decision").map_err(db_error)?,
                ),
            })
        })
        .collect()
}

/// The query as it is looked for, if it is long enough to look for: a
/// control character (NUL is refused by PostgreSQL's text) can be no part
/// of a stored text, and a query longer than any phrase worth finding only
/// costs the index work.
pub(crate) fn cleaned(query: &str) -> Option<String> {
    let query: String = query
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_QUERY)
        .collect();
    let query = query.trim();
    (query.chars().count() >= MIN_QUERY).then(|| query.to_string())
}

fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
