//! The approval workflow and the issue of a memo. Each step changes the
//! status with `UPDATE … WHERE status = <the step's start>`, so two people
//! taking steps at once cannot both succeed; the letter serial is taken by
//! an `UPDATE offices SET next_serial = next_serial + 1` inside the issuing
//! transaction, so two issues never share a number (the row lock on
//! PostgreSQL, the write lock on SQLite).
//! The steps before the issue are here; `approve.rs` issues, `correction.rs`
//! starts a correction, `verify.rs` answers the public verification page.
use super::{db_error, minutes};
use crate::audit::{self, Change};
use crate::db::entities::meetings;
use app::domain::issue::Step;
use app::domain::minutes::LONG_TEXT;
use app::error::AppError;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ColumnTrait, ConnectionTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

mod approve;
mod correction;
mod verify;

pub use approve::{approve, Issuing};
pub use correction::{corrected_number, start_correction};
pub use verify::{issued_here, issued_pdf, verification};

/// The meeting's office and chair person: what the permission checks need.
pub async fn parties(db: &DatabaseConnection, id: Uuid) -> Result<(Uuid, Uuid), AppError> {
    let m = meetings::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    Ok((m.office_id, m.chair_id))
}

/// Does an active account of `person` hold the chair's role at `office`?
async fn may_approve(
    db: &DatabaseConnection,
    office: Uuid,
    person: Uuid,
) -> Result<bool, AppError> {
    use crate::db::entities::users;
    let accounts = users::Entity::find()
        .filter(users::Column::PersonId.eq(person))
        .filter(users::Column::Active.eq(true))
        .all(db)
        .await
        .map_err(db_error)?;
    for account in accounts {
        let user = super::accounts::current_user(db, account.id)
            .await
            .map_err(db_error)?;
        if user.is_some_and(|u| u.reaches(app::domain::auth::Role::Chair, office)) {
            return Ok(true);
        }
    }
    Ok(false)
}

fn wrong_status() -> AppError {
    AppError::Invalid {
        field: "status".into(),
        key: "issue.wrong_status".into(),
    }
}

/// Moves the meeting from the step's start status to its end, or fails with
/// `wrong_status` when someone else moved it first.
async fn move_status<C: ConnectionTrait>(db: &C, id: Uuid, step: Step) -> Result<(), AppError> {
    let (from, to) = step.from_to();
    let moved = meetings::Entity::update_many()
        .col_expr(meetings::Column::Status, Expr::value(to.code()))
        .col_expr(
            meetings::Column::Version,
            Expr::col(meetings::Column::Version).add(1),
        )
        .col_expr(meetings::Column::UpdatedAt, Expr::value(Utc::now()))
        .filter(meetings::Column::Id.eq(id))
        .filter(meetings::Column::Status.eq(from.code()))
        .exec(db)
        .await
        .map_err(db_error)?;
    if moved.rows_affected == 1 {
        Ok(())
    } else {
        Err(wrong_status())
    }
}

async fn record<C: ConnectionTrait>(
    db: &C,
    id: Uuid,
    actor: Uuid,
    step: Step,
    after: serde_json::Value,
) -> Result<(), AppError> {
    audit::record(
        db,
        Change {
            actor: Some(actor),
            action: step.action(),
            entity_kind: "meeting",
            entity_id: Some(id),
            meeting_id: Some(id),
            before: None,
            after: Some(after),
        },
    )
    .await
    .map_err(db_error)
}

/// The secretary sends complete minutes to the chair. Every rule counts now
/// (a draft could be saved incomplete; a memo cannot be).
pub async fn submit(db: &DatabaseConnection, id: Uuid, actor: Uuid) -> Result<(), AppError> {
    // Minutes whose chair no one can sign for would wait for ever: the
    // chair named must be a person with a chair's account at the office.
    let (office, chair) = parties(db, id).await?;
    if !may_approve(db, office, chair).await? {
        return Err(AppError::Invalid {
            field: "chair".into(),
            key: "issue.chair_without_account".into(),
        });
    }
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    move_status(&txn, id, Step::Submit).await?;
    let m = minutes::export(&txn, id).await?;
    let codes = minutes::offices_by_code(&txn)
        .await
        .map_err(db_error)?
        .into_keys()
        .collect();
    let problems = m.check(&codes);
    if !problems.is_empty() {
        return Err(AppError::Problems(problems));
    }
    record(&txn, id, actor, Step::Submit, serde_json::json!({})).await?;
    txn.commit().await.map_err(db_error)
}

/// The chair sends the minutes back as a draft, saying why.
pub async fn return_to_draft(
    db: &DatabaseConnection,
    id: Uuid,
    actor: Uuid,
    comment: &str,
) -> Result<(), AppError> {
    let comment = comment.trim();
    if comment.is_empty() {
        return Err(AppError::problem(
            "comment",
            "tracking.reason_required",
            None,
        ));
    }
    if comment.chars().count() > LONG_TEXT {
        return Err(AppError::problem("comment", "minutes.too_long", None));
    }
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    move_status(&txn, id, Step::Return).await?;
    record(
        &txn,
        id,
        actor,
        Step::Return,
        serde_json::json!({ "comment": comment }),
    )
    .await?;
    txn.commit().await.map_err(db_error)
}
