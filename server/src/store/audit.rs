use super::db_error;
use crate::db::entities::{audit_events, meetings, user_roles, users};
use app::domain::audit::{AuditEntry, AuditFilter};
use app::error::AppError;
use app::ports::AuditStore;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

pub struct SeaAuditStore {
    pub db: DatabaseConnection,
    /// A meeting's history is shared by its readers (with the meetings').
    pub shared: std::sync::Arc<crate::store::shared_meetings::SharedMeetings>,
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
        use meetings::Column as M;
        let titles: HashMap<Uuid, String> = meetings::Entity::find()
            .select_only()
            .columns([M::Id, M::TitleBn])
            .filter(M::Id.is_in(rows.iter().filter_map(|r| r.meeting_id)))
            .into_tuple::<(Uuid, String)>()
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
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
                meeting: r
                    .meeting_id
                    .and_then(|m| Some((m, titles.get(&m)?.clone()))),
            })
            .collect())
    }
}

#[async_trait::async_trait]
impl AuditStore for SeaAuditStore {
    async fn recent(
        &self,
        limit: u64,
        offices: Vec<Uuid>,
        filter: AuditFilter,
    ) -> Result<Vec<AuditEntry>, AppError> {
        use sea_orm::sea_query::Query;
        use sea_orm::Condition;
        let their_meetings = Query::select()
            .column(meetings::Column::Id)
            .from(meetings::Entity)
            .and_where(meetings::Column::OfficeId.is_in(offices.clone()))
            .to_owned();
        let their_accounts = Query::select()
            .column(user_roles::Column::UserId)
            .from(user_roles::Entity)
            .and_where(user_roles::Column::OfficeId.is_in(offices))
            .to_owned();
        // A meeting's events belong to its office; any other event (an
        // account, the directory) to the offices of the account it changed
        // or, failing that, of the one who changed it.
        let in_reach = Condition::any()
            .add(audit_events::Column::MeetingId.in_subquery(their_meetings))
            .add(
                Condition::all()
                    .add(audit_events::Column::MeetingId.is_null())
                    .add(
                        Condition::any()
                            .add(
                                Condition::all()
                                    .add(audit_events::Column::EntityKind.eq("user"))
                                    .add(
                                        audit_events::Column::EntityId
                                            .in_subquery(their_accounts.clone()),
                                    ),
                            )
                            .add(
                                Condition::all()
                                    .add(audit_events::Column::EntityKind.ne("user"))
                                    .add(
                                        audit_events::Column::ActorUserId
                                            .in_subquery(their_accounts),
                                    ),
                            ),
                    ),
            );
        let mut query = audit_events::Entity::find().filter(in_reach);
        if !filter.person.is_empty() {
            let like = format!("%{}%", filter.person.replace(['%', '_'], ""));
            let who = Query::select()
                .column(users::Column::Id)
                .from(users::Entity)
                .cond_where(
                    Condition::any()
                        .add(users::Column::DisplayName.like(&like))
                        .add(users::Column::Username.like(&like)),
                )
                .to_owned();
            query = query.filter(audit_events::Column::ActorUserId.in_subquery(who));
        }
        // Days in Bangladesh time: a day there starts at 18:00 UTC the evening before.
        let start = |d: chrono::NaiveDate| {
            d.and_time(chrono::NaiveTime::MIN).and_utc() - chrono::Duration::hours(6)
        };
        if let Some(from) = filter.from {
            query = query.filter(audit_events::Column::At.gte(start(from)));
        }
        if let Some(to) = filter.to.and_then(|d| d.succ_opt()) {
            query = query.filter(audit_events::Column::At.lt(start(to)));
        }
        let rows = query
            .order_by_desc(audit_events::Column::At)
            .limit(limit)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        self.entries(rows).await
    }

    async fn for_meeting(&self, meeting: Uuid) -> Result<Vec<AuditEntry>, AppError> {
        // Every event of a meeting is written with a change to its rows, in
        // one transaction, so its counter moves with the history; the names
        // are the accounts'.
        let access = self.shared.access(&self.db, meeting).await?;
        let accounts = crate::cache::accounts_version(&self.db)
            .await
            .map_err(db_error)?;
        let read = async {
            let rows = audit_events::Entity::find()
                .filter(audit_events::Column::MeetingId.eq(meeting))
                .order_by_asc(audit_events::Column::At)
                .all(&self.db)
                .await
                .map_err(db_error)?;
            self.entries(rows).await
        };
        let kept = self
            .shared
            .histories
            .get_or_read(meeting, (access.minutes(), accounts), read);
        Ok(Vec::clone(&*kept.await?))
    }
}
