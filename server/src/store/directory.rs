//! The offices and people directory (`app::ports::DirectoryStore`).
use super::db_error;
use crate::db::entities::{offices, people};
use app::domain::directory::{OfficeEntry, PersonEntry};
use app::error::AppError;
use app::ports::DirectoryStore;
use sea_orm::{DatabaseConnection, EntityTrait, QueryOrder, QuerySelect};
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
                place_bn: o.place_bn,
                place_en: o.place_en,
            })
            .collect())
    }

    async fn people(&self) -> Result<Vec<PersonEntry>, AppError> {
        let offices: HashMap<Uuid, (String, String)> = self
            .offices()
            .await?
            .into_iter()
            .map(|o| (o.id, (o.full_name(true), o.full_name(false))))
            .collect();
        // Not the signature images: only the memo reads those.
        let rows: Vec<(Uuid, Uuid, String, String, String, String)> = people::Entity::find()
            .select_only()
            .columns([
                people::Column::Id,
                people::Column::OfficeId,
                people::Column::NameBn,
                people::Column::NameEn,
                people::Column::DesignationBn,
                people::Column::DesignationEn,
            ])
            .order_by_asc(people::Column::NameBn)
            .into_tuple()
            .all(&self.db)
            .await
            .map_err(db_error)?;
        Ok(rows
            .into_iter()
            .map(
                |(id, office, name_bn, name_en, designation_bn, designation_en)| {
                    let (office_bn, office_en) = offices.get(&office).cloned().unwrap_or_default();
                    PersonEntry {
                        id,
                        name_bn,
                        name_en,
                        designation_bn,
                        designation_en,
                        office_bn,
                        office_en,
                    }
                },
            )
            .collect())
    }
}
