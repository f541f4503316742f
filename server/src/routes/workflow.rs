//! The approval workflow's form posts (plain forms, so they work without
//! JavaScript), the public verification upload, and a chair's signature
//! image. Each answers with a 303 back to the page it came from.
use super::{error_key, see_other, Caller, Refusal};
use crate::store::issue;
use crate::store::issue::Issuing;
use app::domain::auth::Permission;
use app::domain::editor::{flash_key, Flash};
use app::domain::kept::KeptForm;
use app::error::AppError;
use axum::extract::{Form, FromRequest, Multipart, Path, Request, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use tower_sessions::Session;
use uuid::Uuid;

/// Where a refused step goes: the meeting page, saying why.
fn back(id: Uuid, error: &AppError) -> Response {
    let q = form_urlencoded::Serializer::new(String::new())
        .append_pair("error", error_key(error))
        .finish();
    see_other(&format!("/meetings/{id}?{q}#workflow"))
}

fn internal() -> Response {
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// POST /meetings/{id}/submit — the secretary sends the draft to the chair.
/// Incomplete minutes go back to the editor, which shows what is missing.
pub async fn submit(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    session: Session,
    Path(id): Path<Uuid>,
) -> Result<Response, Refusal> {
    let actor = as_secretary(&db, &caller, id).await?;
    Ok(match issue::submit(&db, id, actor).await {
        Ok(()) => see_other(&format!("/meetings/{id}?done=submitted#workflow")),
        Err(AppError::Problems(_)) => {
            let flash = Flash {
                values: None,
                problems: vec![],
                notice: Some("issue.incomplete".into()),
                added: None,
            };
            if session.insert(&flash_key(Some(id)), flash).await.is_err() {
                return Ok(internal());
            }
            see_other(&format!("/meetings/{id}/edit#problems"))
        }
        Err(e) => back(id, &e),
    })
}

#[derive(serde::Deserialize)]
pub struct Decision {
    #[serde(default)]
    comment: String,
}

/// The meeting's secretary's check, shared by submit and correct: any
/// secretary may ask (so others get 403 before the meeting is read), then
/// only one of the meeting's office.
async fn as_secretary(db: &DatabaseConnection, caller: &Caller, id: Uuid) -> Result<Uuid, Refusal> {
    caller.require(&Permission::AnySecretary)?;
    let (office, _) = issue::parties(db, id).await.map_err(Refusal::bare)?;
    Ok(caller.require(&Permission::SecretaryOf(office))?.id)
}

/// The chair's check, shared by return and approve.
async fn as_chair(db: &DatabaseConnection, caller: &Caller, id: Uuid) -> Result<Uuid, Refusal> {
    caller.require(&Permission::SignedIn)?;
    let (office, person) = issue::parties(db, id).await.map_err(Refusal::bare)?;
    Ok(caller.require(&Permission::ChairOf { office, person })?.id)
}

/// POST /meetings/{id}/return — the chair sends the minutes back with comments.
pub async fn return_to_draft(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    session: Session,
    Path(id): Path<Uuid>,
    Form(form): Form<Decision>,
) -> Result<Response, Refusal> {
    let actor = as_chair(&db, &caller, id).await?;
    Ok(
        match issue::return_to_draft(&db, id, actor, &form.comment).await {
            Ok(()) => see_other(&format!("/meetings/{id}?done=returned#workflow")),
            // A comment the chair must fix: kept as typed, the error beside
            // the comment box.
            Err(AppError::Problems(p)) => {
                let key = p.first().map_or("error.problems", |p| p.key.as_str());
                let kept = KeptForm {
                    form: "return".into(),
                    note: KeptForm::note(&form.comment),
                    field: "comment".into(),
                    error: key.into(),
                    ..KeptForm::default()
                };
                let _ = session.insert(&KeptForm::key(id), kept).await;
                let q = form_urlencoded::Serializer::new(String::new())
                    .append_pair("error", key)
                    .finish();
                see_other(&format!("/meetings/{id}?{q}#comment"))
            }
            Err(e) => back(id, &e),
        },
    )
}

/// POST /meetings/{id}/approve — the chair approves; the memo is issued.
pub async fn approve(
    State(db): State<DatabaseConnection>,
    State(issuing): State<Arc<Issuing>>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<Response, Refusal> {
    let actor = as_chair(&db, &caller, id).await?;
    Ok(match issue::approve(&db, id, actor, &issuing).await {
        Ok(_) => see_other(&format!("/meetings/{id}?done=issued#workflow")),
        Err(e) => back(id, &e),
    })
}

/// POST /meetings/{id}/correct — the secretary starts a correction of
/// issued minutes: a new draft that names them.
pub async fn correct(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<Response, Refusal> {
    let actor = as_secretary(&db, &caller, id).await?;
    Ok(match issue::start_correction(&db, id, actor).await {
        Ok(draft) => see_other(&format!("/meetings/{draft}/edit")),
        Err(e) => back(id, &e),
    })
}

/// The largest file the verification page compares (memos are ~100 KB).
const MAX_UPLOAD: usize = 10 * 1024 * 1024;

/// POST /verify/{code} — anyone: is this file byte for byte the issued memo?
pub async fn verify_upload(
    State(db): State<DatabaseConnection>,
    Path(code): Path<String>,
    request: Request,
) -> Response {
    let (facts, _) = match issue::verification(&db, &code).await {
        Ok(v) => v,
        Err(_) => return StatusCode::NOT_FOUND.into_response(),
    };
    let Ok(mut form) = Multipart::from_request(request, &()).await else {
        return see_other(&format!("/verify/{code}?file=missing#result"));
    };
    let mut bytes = None;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some("pdf") {
            bytes = field.bytes().await.ok();
        }
    }
    let result = match bytes {
        Some(b) if b.is_empty() => "missing",
        Some(b) if b.len() > MAX_UPLOAD => "mismatch",
        Some(b) if crate::keys::sha256(&b) == facts.sha256 => "match",
        Some(_) => "mismatch",
        None => "missing",
    };
    see_other(&format!("/verify/{code}?file={result}#result"))
}

/// POST /account/signature — a user with a directory person (a chair)
/// uploads the PNG printed above their name.
pub async fn upload_signature(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    request: Request,
) -> Result<Response, Refusal> {
    let user = caller.require(&Permission::SignedIn)?;
    // Read only after the check: nothing of an anonymous upload is parsed.
    let Ok(mut form) = Multipart::from_request(request, &()).await else {
        return Ok(see_other("/account?error=not_png&field=signature"));
    };
    let Some(person) = user.person_id else {
        return Ok(see_other("/account?error=no_person&field=signature"));
    };
    let mut bytes = None;
    while let Ok(Some(field)) = form.next_field().await {
        if field.name() == Some("signature") {
            bytes = field.bytes().await.ok();
        }
    }
    let Some(bytes) = bytes else {
        return Ok(see_other("/account?error=not_png&field=signature"));
    };
    if bytes.len() > 200 * 1024 {
        return Ok(see_other("/account?error=too_big&field=signature"));
    }
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || printpdf::RawImage::decode_from_bytes(&bytes, &mut Vec::new()).is_err()
    {
        return Ok(see_other("/account?error=not_png&field=signature"));
    }
    Ok(
        match crate::store::directory::set_signature(&db, person, bytes.to_vec(), Some(user.id))
            .await
        {
            Ok(()) => see_other("/account?ok=signature"),
            Err(_) => internal(),
        },
    )
}
