//! Progress on assignments as plain form posts: the implementer reports
//! (with evidence files), the meeting's secretary or chair verifies or
//! returns; and evidence downloads. Each answers with a 303 back to the
//! assignment's page.
use super::{error_key, see_other, Caller, Refusal};
use crate::store::tracking::{evidence_file, record_progress};
use app::domain::auth::Permission;
use app::domain::kept::KeptForm;
use app::domain::tracking::{
    check_report, check_step, sniff, Actor, AssignmentFacts, Progress, MAX_EVIDENCE,
};
use app::error::AppError;
use app::ports::Services;
use axum::extract::{Form, FromRequest, Multipart, Path, Request, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use tower_sessions::Session;
use uuid::Uuid;

/// Where evidence files are kept, by their SHA-256.
#[derive(Clone)]
pub struct EvidenceDir(pub std::path::PathBuf);

fn back(id: Uuid, query: &str) -> Response {
    see_other(&format!("/assignments/{id}?{query}#progress"))
}

/// A refused report or review goes back with what was typed kept (read
/// once by the page) and its error beside the field it is about; the page
/// opens at that field.
async fn send_back(session: &Session, id: Uuid, kept: KeptForm, e: &AppError) -> Response {
    let field = match e {
        AppError::Invalid { field, .. } => field.clone(),
        AppError::Problems(p) => p.first().map(|p| p.path.clone()).unwrap_or_default(),
        _ => String::new(),
    };
    send_back_at(session, id, kept, &field, error_key(e)).await
}

async fn send_back_at(
    session: &Session,
    id: Uuid,
    kept: KeptForm,
    field: &str,
    key: &str,
) -> Response {
    let anchor = match (kept.form.as_str(), field) {
        (_, "") => "progress".to_string(),
        ("review", _) => "review-note".to_string(),
        (_, field) => field.to_string(),
    };
    let kept = KeptForm {
        note: KeptForm::note(&kept.note),
        field: field.into(),
        error: key.into(),
        ..kept
    };
    // Without the session the error still shows, above the forms.
    let _ = session.insert(&KeptForm::key(id), kept).await;
    let q = form_urlencoded::Serializer::new(String::new())
        .append_pair("error", key)
        .finish();
    see_other(&format!("/assignments/{id}?{q}#{anchor}"))
}

async fn facts(services: &Services, id: Uuid) -> Result<AssignmentFacts, Refusal> {
    services
        .tracking
        .assignment(id)
        .await
        .map_err(Refusal::bare)
}

/// Writes `bytes` under its SHA-256 unless a file with that hash is there
/// already (the same evidence twice is stored once). Returns the hash.
fn store_file(dir: &std::path::Path, bytes: &[u8]) -> std::io::Result<String> {
    let sha = crate::keys::sha256(bytes);
    let folder = dir.join(&sha[..2]);
    let path = folder.join(&sha);
    if !path.exists() {
        std::fs::create_dir_all(&folder)?;
        // Written aside, then renamed: a half-written file never has the name.
        let tmp = folder.join(format!(".{sha}.{}", Uuid::new_v4()));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, &path)?;
    }
    Ok(sha)
}

/// POST /assignments/{id}/progress — the office that owes it reports
/// (`status`: in_progress or done, `note`, any number of `evidence` files).
pub async fn report(
    State(db): State<DatabaseConnection>,
    State(services): State<Arc<Services>>,
    State(EvidenceDir(dir)): State<EvidenceDir>,
    caller: Caller,
    session: Session,
    Path(id): Path<Uuid>,
    request: Request,
) -> Result<Response, Refusal> {
    caller.require(&Permission::SignedIn)?;
    let facts = facts(&services, id).await?;
    let user = caller.require(&Permission::ImplementerOf(facts.office))?;
    let Ok(mut form) = Multipart::from_request(request, &()).await else {
        return Ok(back(id, "error=tracking.bad_form"));
    };
    // The status and note come before the files in the form: they are
    // kept even when a file is refused.
    let mut kept = KeptForm {
        form: "report".into(),
        ..KeptForm::default()
    };
    let mut files = vec![];
    let mut file_error = None;
    loop {
        let field = match form.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            // Over the body limit, or a broken upload.
            Err(_) => {
                file_error = Some("tracking.too_big");
                break;
            }
        };
        let name = field.name().unwrap_or_default().to_string();
        let file_name = field.file_name().unwrap_or("evidence").to_string();
        let Ok(bytes) = field.bytes().await else {
            file_error = Some("tracking.too_big");
            break;
        };
        match name.as_str() {
            "status" => kept.status = String::from_utf8_lossy(&bytes).into_owned(),
            "note" => kept.note = String::from_utf8_lossy(&bytes).into_owned(),
            "evidence" if bytes.is_empty() => {} // no file chosen
            "evidence" if file_error.is_some() => {}
            "evidence" => match sniff(&bytes) {
                _ if bytes.len() > MAX_EVIDENCE => file_error = Some("tracking.too_big"),
                None => file_error = Some("tracking.wrong_type"),
                Some(kind) => files.push((file_name, kind, bytes)),
            },
            _ => {}
        }
    }
    if let Some(key) = file_error {
        return Ok(send_back_at(&session, id, kept, "evidence", key).await);
    }
    let Some(to) = Progress::from_code(&kept.status) else {
        return Ok(send_back_at(&session, id, kept, "status", "tracking.not_allowed").await);
    };
    // Checked before any file is written: a refused report leaves no file.
    // (Checked again in the write transaction, against the status then.)
    let note = kept.note.clone();
    let checked = check_step(Actor::Implementer, facts.row.status, to, &note)
        .and_then(|()| check_report(facts.row.status, to, &note, files.len()));
    if let Err(e) = checked {
        return Ok(send_back(&session, id, kept, &e).await);
    }
    let mut stored = vec![];
    for (name, kind, bytes) in files {
        let dir = dir.clone();
        let size = bytes.len() as i64;
        let Ok(Ok(sha)) = tokio::task::spawn_blocking(move || store_file(&dir, &bytes)).await
        else {
            return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response());
        };
        // Only the last part of a name: never a path.
        let name: String = name
            .rsplit(['/', '\\'])
            .next()
            .unwrap_or("evidence")
            .chars()
            .take(200)
            .collect();
        stored.push((sha, size, kind.to_string(), name));
    }
    Ok(
        match record_progress(&db, id, (user.id, Actor::Implementer), to, &note, stored).await {
            Ok(()) => back(id, "done=reported"),
            Err(e) => send_back(&session, id, kept, &e).await,
        },
    )
}

#[derive(serde::Deserialize)]
pub struct Review {
    #[serde(default)]
    verdict: String,
    #[serde(default)]
    note: String,
}

/// POST /assignments/{id}/review — the meeting's secretary or chair
/// verifies what was reported done, or returns it with a reason.
pub async fn review(
    State(db): State<DatabaseConnection>,
    State(services): State<Arc<Services>>,
    caller: Caller,
    session: Session,
    Path(id): Path<Uuid>,
    Form(form): Form<Review>,
) -> Result<Response, Refusal> {
    caller.require(&Permission::SignedIn)?;
    let facts = facts(&services, id).await?;
    let secretary = Permission::SecretaryOf(facts.meeting_office);
    let chair = Permission::ChairOf {
        office: facts.meeting_office,
        person: facts.chair,
    };
    let user = match caller.require(&secretary) {
        Ok(user) => user,
        Err(_) => caller.require(&chair)?,
    };
    let kept = KeptForm {
        form: "review".into(),
        status: form.verdict.clone(),
        note: form.note.clone(),
        ..KeptForm::default()
    };
    let Some(to) = Progress::from_code(&form.verdict) else {
        return Ok(send_back_at(&session, id, kept, "", "tracking.not_allowed").await);
    };
    Ok(
        match record_progress(&db, id, (user.id, Actor::Verifier), to, &form.note, vec![]).await {
            Ok(()) => back(id, &format!("done={}", to.code())),
            Err(e) => send_back(&session, id, kept, &e).await,
        },
    )
}

/// GET /evidence/{sha256} — an evidence file, to any signed-in user.
pub async fn download(
    State(db): State<DatabaseConnection>,
    State(EvidenceDir(dir)): State<EvidenceDir>,
    caller: Caller,
    Path(sha): Path<String>,
) -> Result<Response, Refusal> {
    caller.require(&Permission::SignedIn)?;
    if sha.len() != 64 || !sha.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Ok(StatusCode::NOT_FOUND.into_response());
    }
    let Ok(Some((kind, name, parties))) = evidence_file(&db, &sha).await else {
        return Ok(StatusCode::NOT_FOUND.into_response());
    };
    // The same file may be evidence of several assignments: any one the
    // caller may read opens it.
    let may = parties.into_iter().any(|(owing, meeting_office)| {
        caller
            .require(&Permission::ReadAssignment {
                owing,
                meeting_office,
            })
            .is_ok()
    });
    if !may {
        return Err(caller.refuse(&AppError::Forbidden));
    }
    let path = dir.join(&sha[..2]).join(&sha);
    let Ok(bytes) = tokio::fs::read(path).await else {
        return Ok(StatusCode::NOT_FOUND.into_response());
    };
    let encoded: String = form_urlencoded::byte_serialize(name.as_bytes()).collect();
    Ok((
        [
            (header::CONTENT_TYPE, kind),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename*=UTF-8''{encoded}"),
            ),
        ],
        bytes,
    )
        .into_response())
}
