//! The issue: number, date, render with the verification QR code, sign,
//! store, and turn the decisions into assignments.
use super::{corrected_number, parties, record, wrong_status};
use crate::db::entities::{meetings, memo_issues, offices};
use crate::keys::{self, Keys};
use crate::memo::{self, Signatures};
use crate::store::{db_error, minutes};
use app::domain::dates::today_in_dhaka;
use app::domain::issue::{canonical, memo_number, valid_nothi, Step};
use app::domain::{Meeting, MeetingStatus};
use app::error::AppError;
use chrono::Utc;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};
use uuid::Uuid;

/// What issuing a memo needs besides the database.
pub struct Issuing {
    pub keys: crate::keys::Keys,
    /// "https://sidhanto.example.gov.bd", no trailing slash.
    pub public_url: String,
    /// The due-soon window the memo's carry-forward section shows.
    pub due_soon_days: u32,
}

static ISSUING: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

/// The chair approves: the memo is numbered, dated, rendered once with its
/// verification QR code, signed, stored, and its decisions become
/// assignments. Returns the memo number.
///
/// The PDF is rendered before the write transaction, for the number the
/// office's counter shows; the short transaction then takes that number only
/// if the counter still shows it and the meeting is still the submitted
/// version that was rendered. Otherwise (another instance issued first) it
/// renders again with the next number. No lock is held while rendering.
pub async fn approve(
    db: &DatabaseConnection,
    id: Uuid,
    actor: Uuid,
    issuing: &Issuing,
) -> Result<String, AppError> {
    // One issue at a time in this process: approvals queue here, holding no
    // database connection. Across instances the counter's check decides.
    let _one_at_a_time = ISSUING.lock().await;
    let (office_id, _) = parties(db, id).await?;
    let key = signing_key(&issuing.keys, office_id).await?;
    for _ in 0..RENDER_ATTEMPTS {
        let prepared = prepare(db, id, office_id, &key, issuing).await?;
        if let Some(number) = commit_issue(db, id, actor, office_id, prepared).await? {
            return Ok(number);
        }
    }
    Err(AppError::Conflict)
}

/// How often an approval renders again when other instances keep taking
/// the number it rendered.
const RENDER_ATTEMPTS: usize = 5;

/// A memo rendered and signed for one number, waiting to be stored.
struct Prepared {
    version: i32,
    serial: i32,
    number: String,
    issued_on: chrono::NaiveDate,
    minutes: app::domain::minutes::Minutes,
    pdf: Vec<u8>,
    content: String,
    public_key: String,
    signature: String,
    code: String,
    office_key: String,
}

/// Everything slow, outside any transaction: read, number, sign, render.
async fn prepare(
    db: &DatabaseConnection,
    id: Uuid,
    office_id: Uuid,
    key: &ed25519_dalek::SigningKey,
    issuing: &Issuing,
) -> Result<Prepared, AppError> {
    let office = offices::Entity::find_by_id(office_id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    if !valid_nothi(&office.memo_prefix) {
        return Err(AppError::Invalid {
            field: "memo_number".into(),
            key: "issue.no_nothi_number".into(),
        });
    }
    let row = meetings::Entity::find_by_id(id)
        .one(db)
        .await
        .map_err(db_error)?
        .ok_or(AppError::NotFound)?;
    if row.status != MeetingStatus::Submitted.code() {
        return Err(wrong_status());
    }
    let (font, images) = crate::store::meetings::memo_assets(db, Some(id), &office.code).await?;
    let heading = crate::store::meetings::heading(db, &office.code).await?;
    let serial = office.next_serial;
    let number = memo_number(&office.memo_prefix, serial);
    let issued_on = today_in_dhaka();
    let mut m = minutes::export(db, id).await?;
    m.status = MeetingStatus::Issued;
    m.memo_number = Some(number.clone());
    m.issued_on = Some(issued_on);
    let holidays = crate::store::holidays::days(db).await.map_err(db_error)?;
    let content = canonical(&m, &|day| holidays.contains(&day)).ok_or(AppError::Internal)?;
    let (public_key, signature) = keys::sign(key, &content);
    let code = verify_code();
    let signatures = Signatures {
        verify_url: Some(format!("{}/verify/{code}", issuing.public_url)),
        ..images
    };
    let meeting = Meeting {
        id,
        office: heading,
        minutes: m.clone(),
        corrects: corrected_number(db, id).await?,
        carried: crate::store::tracking::carried(db, id, issuing.due_soon_days).await?,
        imported: false,
    };
    let pdf = tokio::task::spawn_blocking(move || {
        memo::render(&meeting, memo::fonts::for_memo(&font), &signatures)
    })
    .await
    .map_err(|_| AppError::Internal)?;
    Ok(Prepared {
        version: row.version,
        serial,
        number,
        issued_on,
        minutes: m,
        pdf,
        content,
        public_key,
        signature,
        code,
        office_key: office.public_key,
    })
}

/// The short write transaction of an issue. `None` when another instance
/// took the rendered number first (render again).
async fn commit_issue(
    db: &DatabaseConnection,
    id: Uuid,
    actor: Uuid,
    office_id: Uuid,
    p: Prepared,
) -> Result<Option<String>, AppError> {
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    // The status first: a second approval of the same meeting stops here,
    // as does one of a meeting changed since it was rendered.
    let moved = meetings::Entity::update_many()
        .col_expr(
            meetings::Column::Status,
            Expr::value(MeetingStatus::Issued.code()),
        )
        .col_expr(
            meetings::Column::Version,
            Expr::col(meetings::Column::Version).add(1),
        )
        .col_expr(meetings::Column::UpdatedAt, Expr::value(Utc::now()))
        .col_expr(meetings::Column::MemoNumber, Expr::value(p.number.clone()))
        .col_expr(meetings::Column::IssuedOn, Expr::value(p.issued_on))
        .filter(meetings::Column::Id.eq(id))
        .filter(meetings::Column::Status.eq(MeetingStatus::Submitted.code()))
        .filter(meetings::Column::Version.eq(p.version))
        .exec(&txn)
        .await
        .map_err(db_error)?;
    if moved.rows_affected != 1 {
        return Err(wrong_status());
    }
    // The serial rendered, if no one took it meanwhile (the row lock on
    // PostgreSQL, the write lock on SQLite).
    let taken = offices::Entity::update_many()
        .col_expr(offices::Column::NextSerial, Expr::value(p.serial + 1))
        .filter(offices::Column::Id.eq(office_id))
        .filter(offices::Column::NextSerial.eq(p.serial))
        .exec(&txn)
        .await
        .map_err(db_error)?;
    if taken.rows_affected != 1 {
        txn.rollback().await.map_err(db_error)?;
        return Ok(None);
    }
    // Written again with the issue date: each implementer office gets its
    // assignment, "N days after issue" becoming a date.
    let by_code = minutes::offices_by_code(&txn).await.map_err(db_error)?;
    minutes::rewrite_children(&txn, id, &p.minutes, &by_code)
        .await
        .map_err(db_error)?;
    memo_issues::Entity::insert(memo_issues::ActiveModel {
        meeting_id: Set(id),
        number: Set(p.number.clone()),
        issued_on: Set(p.issued_on),
        sha256: Set(keys::sha256(&p.pdf)),
        pdf: Set(p.pdf),
        canonical: Set(p.content),
        signature: Set(p.signature),
        public_key: Set(p.public_key.clone()),
        code: Set(p.code),
        issued_at: Set(Utc::now()),
        issued_by: Set(Some(actor)),
    })
    .exec_without_returning(&txn)
    .await
    .map_err(db_error)?;
    if p.office_key != p.public_key {
        offices::Entity::update_many()
            .col_expr(offices::Column::PublicKey, Expr::value(p.public_key))
            .filter(offices::Column::Id.eq(office_id))
            .exec(&txn)
            .await
            .map_err(db_error)?;
    }
    record(
        &txn,
        id,
        actor,
        Step::Approve,
        serde_json::json!({ "memo_number": p.number, "issued_on": p.issued_on }),
    )
    .await?;
    txn.commit().await.map_err(db_error)?;
    Ok(Some(p.number))
}

async fn signing_key(keys: &Keys, office: Uuid) -> Result<ed25519_dalek::SigningKey, AppError> {
    let keys = keys.clone();
    tokio::task::spawn_blocking(move || keys.signing_key(office))
        .await
        .map_err(|_| AppError::Internal)?
        .map_err(|e| {
            tracing::error!(error = %e, "reading or creating an office's signing key");
            AppError::Internal
        })
}

/// Ten characters of a short, unguessable URL: lowercase letters and digits
/// without the look-alikes (0 o 1 l i).
fn verify_code() -> String {
    const ALPHABET: &[u8] = b"23456789abcdefghjkmnpqrstuvwxyz";
    let mut bytes = [0u8; 10];
    getrandom::getrandom(&mut bytes).unwrap_or_default();
    bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect()
}
