//! Login sessions kept in the database (tower-sessions' `SessionStore`), so
//! they survive restarts and are shared by every app instance.
use crate::cache::Cache;
use crate::db::entities::sessions;
use chrono::{DateTime, Utc};
use sea_orm::{
    sea_query::OnConflict, ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait,
    QueryFilter,
};
use std::sync::Arc;
use tower_sessions::session::{Id, Record};
use tower_sessions::session_store::{self, Error, ExpiredDeletion, SessionStore};

/// The session key holding the signed-in user's id.
pub const USER_KEY: &str = "user_id";

#[derive(Clone)]
pub struct SeaSessionStore {
    pub db: DatabaseConnection,
    /// Sessions read under the current change counter.
    pub cache: Arc<Cache>,
}

impl std::fmt::Debug for SeaSessionStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SeaSessionStore")
    }
}

fn backend(e: impl std::fmt::Display) -> Error {
    Error::Backend(e.to_string())
}

fn expiry(record: &Record) -> DateTime<Utc> {
    DateTime::from_timestamp(record.expiry_date.unix_timestamp(), 0).unwrap_or_else(Utc::now)
}

#[async_trait::async_trait]
impl SessionStore for SeaSessionStore {
    async fn create(&self, record: &mut Record) -> session_store::Result<()> {
        // A new id until it is free: ids are random 128-bit, so this loops
        // once in practice, but never overwrites someone else's session.
        loop {
            let data =
                serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
            let res = sessions::Entity::insert(sessions::ActiveModel {
                id: Set(record.id.to_string()),
                data: Set(data),
                expires_at: Set(expiry(record)),
            })
            .on_conflict(
                OnConflict::column(sessions::Column::Id)
                    .do_nothing()
                    .to_owned(),
            )
            .exec_without_returning(&self.db)
            .await
            .map_err(backend)?;
            if res == 1 {
                self.cache.keep_session(record);
                return Ok(());
            }
            record.id = Id::default();
        }
    }

    async fn save(&self, record: &Record) -> session_store::Result<()> {
        let data = serde_json::to_string(&record.data).map_err(|e| Error::Encode(e.to_string()))?;
        sessions::Entity::insert(sessions::ActiveModel {
            id: Set(record.id.to_string()),
            data: Set(data),
            expires_at: Set(expiry(record)),
        })
        .on_conflict(
            OnConflict::column(sessions::Column::Id)
                .update_columns([sessions::Column::Data, sessions::Column::ExpiresAt])
                .to_owned(),
        )
        .exec_without_returning(&self.db)
        .await
        .map_err(backend)?;
        self.cache.keep_session(record);
        Ok(())
    }

    async fn load(&self, id: &Id) -> session_store::Result<Option<Record>> {
        if let Some(record) = self.cache.session(id) {
            return Ok(Some(record));
        }
        let Some(row) = sessions::Entity::find_by_id(id.to_string())
            .filter(sessions::Column::ExpiresAt.gt(Utc::now()))
            .one(&self.db)
            .await
            .map_err(backend)?
        else {
            return Ok(None);
        };
        let data = serde_json::from_str(&row.data).map_err(|e| Error::Decode(e.to_string()))?;
        let expiry_date = time::OffsetDateTime::from_unix_timestamp(row.expires_at.timestamp())
            .map_err(backend)?;
        let record = Record {
            id: *id,
            data,
            expiry_date,
        };
        self.cache.keep_session(&record);
        Ok(Some(record))
    }

    async fn delete(&self, id: &Id) -> session_store::Result<()> {
        self.cache.forget_session(id);
        sessions::Entity::delete_by_id(id.to_string())
            .exec(&self.db)
            .await
            .map_err(backend)?;
        Ok(())
    }
}

/// Ends every session of `user` (a password change). A session's data is
/// tower-sessions' JSON map, written by serde_json without spaces, so the
/// signed-in user is the exact text `"user_id":"<uuid>"` in it.
pub async fn end_all_of<C: sea_orm::ConnectionTrait>(
    db: &C,
    user: uuid::Uuid,
) -> Result<(), sea_orm::DbErr> {
    let pattern = format!("%\"{USER_KEY}\":\"{user}\"%");
    sessions::Entity::delete_many()
        .filter(sessions::Column::Data.like(pattern))
        .exec(db)
        .await?;
    Ok(())
}

/// Deletes the sessions that have expired; `serve` runs it every hour.
pub async fn delete_expired(db: &DatabaseConnection) -> Result<u64, sea_orm::DbErr> {
    Ok(sessions::Entity::delete_many()
        .filter(sessions::Column::ExpiresAt.lte(Utc::now()))
        .exec(db)
        .await?
        .rows_affected)
}

#[async_trait::async_trait]
impl ExpiredDeletion for SeaSessionStore {
    async fn delete_expired(&self) -> session_store::Result<()> {
        delete_expired(&self.db).await.map_err(backend)?;
        Ok(())
    }
}
