//! The offices and people directory (`app::ports::DirectoryStore`).
use super::db_error;
use crate::db::entities::{offices, people};
use app::domain::directory::{NewPerson, OfficeEntry, PersonEntry};
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

    async fn holidays(&self) -> Result<Vec<(chrono::NaiveDate, String)>, AppError> {
        super::holidays::list(&self.db).await
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

/// Adds a person to the directory, audited. The caller has checked the
/// form (`NewPerson::check`) and that the user administers `office`.
pub async fn add_person(
    db: &DatabaseConnection,
    p: &NewPerson,
    office: Uuid,
    actor: Option<Uuid>,
) -> Result<Uuid, AppError> {
    use crate::audit::{self, Action, Change};
    use sea_orm::ActiveValue::Set;
    let id = Uuid::new_v4();
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    people::Entity::insert(people::ActiveModel {
        id: Set(id),
        office_id: Set(office),
        name_bn: Set(p.name_bn.trim().to_string()),
        name_en: Set(p.name_en.trim().to_string()),
        designation_bn: Set(p.designation_bn.trim().to_string()),
        designation_en: Set(p.designation_en.trim().to_string()),
        phone: Set(String::new()),
        email: Set(String::new()),
        signature_png: Set(None),
    })
    .exec_without_returning(&txn)
    .await
    .map_err(db_error)?;
    audit::record(
        &txn,
        Change {
            actor,
            action: Action::PersonCreate,
            entity_kind: "person",
            entity_id: Some(id),
            meeting_id: None,
            before: None,
            after: Some(serde_json::json!({ "name": p.name_bn, "office": p.office })),
        },
    )
    .await
    .map_err(db_error)?;
    txn.commit().await.map_err(db_error)?;
    Ok(id)
}

/// Stores a person's signature image (already checked to be a PNG), audited.
pub async fn set_signature(
    db: &DatabaseConnection,
    person: Uuid,
    png: Vec<u8>,
    actor: Option<Uuid>,
) -> Result<(), AppError> {
    use crate::audit::{self, Action, Change};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, QueryFilter};
    let size = png.len();
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    people::Entity::update_many()
        .col_expr(people::Column::SignaturePng, Expr::value(png))
        .filter(people::Column::Id.eq(person))
        .exec(&txn)
        .await
        .map_err(db_error)?;
    audit::record(
        &txn,
        Change {
            actor,
            action: Action::PersonSignature,
            entity_kind: "person",
            entity_id: Some(person),
            meeting_id: None,
            before: None,
            after: Some(serde_json::json!({ "bytes": size })),
        },
    )
    .await
    .map_err(db_error)?;
    txn.commit().await.map_err(db_error)
}

/// The office of a person of the directory (None: no such person).
pub async fn office_of_person(
    db: &sea_orm::DatabaseConnection,
    person: Uuid,
) -> Result<Option<Uuid>, AppError> {
    Ok(people::Entity::find_by_id(person)
        .one(db)
        .await
        .map_err(db_error)?
        .map(|p| p.office_id))
}
