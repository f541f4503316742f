use super::db_error;
use crate::db::entities::{audit_events, users};
use app::domain::audit::AuditEntry;
use app::error::AppError;
use app::ports::AuditStore;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

pub struct SeaAuditStore {
    pub db: DatabaseConnection,
}

impl SeaAuditStore {
    async fn entries(&self, rows: Vec<audit_events::Model>) -> Result<Vec<AuditEntry>, AppError> {
        let names: HashMap<Uuid, String> = users::Entity::find()
            .filter(users::Column::Id.is_in(rows.iter().filter_map(|r| r.actor_user_id)))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|u| (u.id, u.display_name))
            .collect();
        Ok(rows
            .into_iter()
            .map(|r| AuditEntry {
                id: r.id,
                at: r.at,
                actor: r.actor_user_id.and_then(|id| names.get(&id).cloned()),
                action: r.action,
                entity_kind: r.entity_kind,
                entity_id: r.entity_id,
                before: r.before,
                after: r.after,
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl AuditStore for SeaAuditStore {
    async fn recent(&self, limit: u64) -> Result<Vec<AuditEntry>, AppError> {
        let rows = audit_events::Entity::find()
            .order_by_desc(audit_events::Column::At)
            .limit(limit)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        self.entries(rows).await
    }

    async fn for_meeting(&self, meeting: Uuid) -> Result<Vec<AuditEntry>, AppError> {
        let rows = audit_events::Entity::find()
            .filter(audit_events::Column::MeetingId.eq(meeting))
            .order_by_asc(audit_events::Column::At)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        self.entries(rows).await
    }
}
