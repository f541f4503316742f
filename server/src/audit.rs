//! Writing the audit trail: one row per change, inside the change's own
//! transaction so a change and its record stand or fall together.
use crate::db::entities::audit_events;
pub use app::domain::audit::Action;
use chrono::Utc;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use serde_json::Value;
use uuid::Uuid;

/// What changed. `before`/`after` are small JSON objects of the changed
/// fields; secrets (password hashes) never go in.
pub struct Change<'a> {
    pub actor: Option<Uuid>,
    pub action: Action,
    pub entity_kind: &'a str,
    pub entity_id: Option<Uuid>,
    pub meeting_id: Option<Uuid>,
    pub before: Option<Value>,
    pub after: Option<Value>,
}

pub async fn record<C: ConnectionTrait>(db: &C, change: Change<'_>) -> Result<(), DbErr> {
    audit_events::Entity::insert(audit_events::ActiveModel {
        id: Set(Uuid::new_v4()),
        at: Set(Utc::now()),
        actor_user_id: Set(change.actor),
        action: Set(change.action.code().to_string()),
        entity_kind: Set(change.entity_kind.to_string()),
        entity_id: Set(change.entity_id),
        meeting_id: Set(change.meeting_id),
        before: Set(change.before.map(|v| v.to_string())),
        after: Set(change.after.map(|v| v.to_string())),
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}
