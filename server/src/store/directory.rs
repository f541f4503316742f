//! The offices and people directory (`app::ports::DirectoryStore`).
use super::db_error;
use crate::db::entities::{offices, people};
use app::domain::directory::{OfficeEntry, PersonEntry};
use app::error::AppError;
use app::ports::DirectoryStore;
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder};
use std::collections::HashMap;
use uuid::Uuid;

pub struct SeaDirectoryStore {
    pub db: DatabaseConnection,
}

#[async_trait::async_trait]
impl DirectoryStore for SeaDirectoryStore {
    async fn offices(&self) -> Result<Vec<OfficeEntry>, AppError> {
        let rows = offices::Entity::find()
            .order_by_asc(offices::Column::NameBn)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let names: HashMap<Uuid, String> = rows.iter().map(|o| (o.id, o.name_bn.clone())).collect();
        Ok(rows
            .into_iter()
            .map(|o| OfficeEntry {
                parent_bn: o
                    .parent_id
                    .and_then(|p| names.get(&p).cloned())
                    .unwrap_or_default(),
                id: o.id,
                code: o.code,
                kind: o.kind,
                name_bn: o.name_bn,
                name_en: o.name_en,
            })
            .collect())
    }

    async fn people(&self) -> Result<Vec<PersonEntry>, AppError> {
        let offices: HashMap<Uuid, (String, String)> = offices::Entity::find()
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|o| (o.id, (o.name_bn, o.name_en)))
            .collect();
        Ok(people::Entity::find()
            .order_by_asc(people::Column::NameBn)
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|p| {
                let (office_bn, office_en) = offices.get(&p.office_id).cloned().unwrap_or_default();
                PersonEntry {
                    id: p.id,
                    name_bn: p.name_bn,
                    name_en: p.name_en,
                    designation_bn: p.designation_bn,
                    designation_en: p.designation_en,
                    office_bn,
                    office_en,
                }
            })
            .collect())
    }
}
