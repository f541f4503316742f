//! Progress recorded on an assignment, and its evidence files served back.
use super::progress;
use crate::audit::{self, Action, Change};
use crate::db::entities::{assignments, evidence, progress_events};
use crate::store::db_error;
use app::domain::dates::today_in_dhaka;
use app::domain::tracking::{Actor, Progress};
use app::error::AppError;
use chrono::Utc;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};
use uuid::Uuid;

/// A new event on an assignment (and its status), with its evidence files
/// (already stored on disk): checked against the workflow, audited.
pub async fn record_progress(
    db: &DatabaseConnection,
    id: Uuid,
    actor: (Uuid, Actor),
    to: Progress,
    note: &str,
    files: Vec<(String, i64, String, String)>,
) -> Result<(), AppError> {
    let note = note.trim();
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    // The row is locked for the transaction (FOR UPDATE on PostgreSQL; on
    // SQLite the write lock is already held): two reports at once are
    // recorded one after the other, each checked against the status the
    // other left, instead of the second failing as a conflict.
    let a = assignments::Entity::find_by_id(id)
        .lock_exclusive()
        .one(&txn)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    let from = progress(&a.status)?;
    app::domain::tracking::check_step(actor.1, from, to, note)?;
    if actor.1 == app::domain::tracking::Actor::Implementer {
        app::domain::tracking::check_report(from, to, note, files.len())?;
    }
    // Only the status it was read at moves: two reports at once, one wins.
    let mut update = assignments::Entity::update_many()
        .col_expr(
            assignments::Column::Status,
            sea_orm::sea_query::Expr::value(to.code()),
        )
        .col_expr(
            assignments::Column::UpdatedAt,
            sea_orm::sea_query::Expr::value(Utc::now()),
        )
        .filter(assignments::Column::Id.eq(id))
        .filter(assignments::Column::Status.eq(from.code()));
    if to == Progress::Done {
        update = update.col_expr(
            assignments::Column::DoneOn,
            sea_orm::sea_query::Expr::value(today_in_dhaka()),
        );
    }
    if update.exec(&txn).await.map_err(db_error)?.rows_affected != 1 {
        return Err(AppError::Conflict);
    }
    let event = Uuid::new_v4();
    progress_events::Entity::insert(progress_events::ActiveModel {
        id: Set(event),
        assignment_id: Set(id),
        status: Set(to.code().into()),
        note: Set(note.to_string()),
        actor_person_id: Set(None),
        created_at: Set(Utc::now()),
        actor_user_id: Set(Some(actor.0)),
    })
    .exec_without_returning(&txn)
    .await
    .map_err(db_error)?;
    for (sha256, size, content_type, name) in files {
        evidence::Entity::insert(evidence::ActiveModel {
            id: Set(Uuid::new_v4()),
            event_id: Set(event),
            sha256: Set(sha256),
            size: Set(size),
            content_type: Set(content_type),
            name: Set(name),
        })
        .exec_without_returning(&txn)
        .await
        .map_err(db_error)?;
    }
    audit::record(
        &txn,
        Change {
            actor: Some(actor.0),
            action: Action::AssignmentProgress,
            entity_kind: "assignment",
            entity_id: Some(id),
            meeting_id: None,
            before: Some(serde_json::json!({ "status": from.code() })),
            after: Some(serde_json::json!({ "status": to.code(), "note": note })),
        },
    )
    .await
    .map_err(db_error)?;
    txn.commit().await.map_err(db_error)
}

/// The evidence file with this hash: (content type, name, the bytes' path).
pub async fn evidence_file(
    db: &DatabaseConnection,
    sha256: &str,
) -> Result<Option<(String, String, Vec<(Uuid, Uuid)>)>, AppError> {
    let files = evidence::Entity::find()
        .filter(evidence::Column::Sha256.eq(sha256))
        .all(db)
        .await
        .map_err(db_error)?;
    let Some(first) = files.first() else {
        return Ok(None);
    };
    let mut assignments: Vec<Uuid> = progress_events::Entity::find()
        .filter(progress_events::Column::Id.is_in(files.iter().map(|f| f.event_id)))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|e| e.assignment_id)
        .collect();
    assignments.sort();
    assignments.dedup();
    let mut parties = vec![];
    for id in assignments {
        let facts = super::read_assignment(db, id, 0).await?;
        parties.push((facts.office, facts.meeting_office));
    }
    Ok(Some((
        first.content_type.clone(),
        first.name.clone(),
        parties,
    )))
}
