//! What was issued, for the memo's download and the public verification
//! page.
use crate::db::entities::{meetings, memo_issues, offices};
use crate::keys;
use crate::store::db_error;
use app::domain::issue::Verification;
use app::error::AppError;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect};
use uuid::Uuid;

/// The issued PDF of a meeting, byte for byte, if it was issued here.
pub async fn issued_pdf(db: &DatabaseConnection, id: Uuid) -> Result<Option<Vec<u8>>, AppError> {
    Ok(memo_issues::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_error)?
        .map(|i| i.pdf))
}

/// Whether meeting `id` was issued in Sidhanto (it has a signed PDF), read
/// without the PDF itself.
pub async fn issued_here(db: &DatabaseConnection, id: Uuid) -> Result<bool, AppError> {
    Ok(memo_issues::Entity::find_by_id(id)
        .select_only()
        .column(memo_issues::Column::MeetingId)
        .into_tuple::<Uuid>()
        .one(db)
        .await
        .map_err(db_error)?
        .is_some())
}

/// The public facts of the memo with this verification code; `pdf`, when
/// given, is compared with the issued file.
pub async fn verification(
    db: &DatabaseConnection,
    code: &str,
) -> Result<(Verification, Uuid), AppError> {
    let issue = memo_issues::Entity::find()
        .filter(memo_issues::Column::Code.eq(code))
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    let meeting = meetings::Entity::find_by_id(issue.meeting_id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    let office = offices::Entity::find_by_id(meeting.office_id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    let number_of = |id: Option<Uuid>| async move {
        match id {
            None => Ok(None),
            Some(id) => memo_issues::Entity::find_by_id(id)
                .one(db)
                .await
                .map(|i| i.map(|i| i.number)),
        }
    };
    let corrected_by = meetings::Entity::find()
        .filter(meetings::Column::CorrectsId.eq(meeting.id))
        .all(db)
        .await
        .map_err(db_error)?;
    let mut later = None;
    for c in corrected_by {
        if let Some(n) = number_of(Some(c.id)).await.map_err(db_error)? {
            later = Some(n);
        }
    }
    // The key the office has now must be the one that signed.
    let signature_valid = office.public_key == issue.public_key
        && keys::verify(&issue.public_key, &issue.canonical, &issue.signature);
    Ok((
        Verification {
            number: issue.number,
            office: format!(
                "{}, {}",
                office.name_bn,
                office.place_bn.trim_end_matches('।')
            ),
            held_on: meeting.held_on,
            issued_on: issue.issued_on,
            title: meeting.title_bn,
            signature_valid,
            sha256: issue.sha256,
            corrected_by: later,
            corrects: number_of(meeting.corrects_id).await.map_err(db_error)?,
        },
        issue.meeting_id,
    ))
}
