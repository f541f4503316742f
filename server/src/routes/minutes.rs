//! The meeting JSON format over HTTP: `POST /meetings/import` creates a
//! meeting from a file (all or nothing), `GET /meetings/{id}/minutes.json`
//! gives one back. Plain routes, so the body limit and the download headers
//! are ours (docs/meeting-format.md).
use super::{Caller, Refusal};
use crate::store::minutes;
use app::domain::auth::Permission;
use app::domain::minutes::Minutes;
use app::domain::MeetingStatus;
use app::error::AppError;
use app::i18n::{t, Lang};
use axum::body::Body;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use sea_orm::DatabaseConnection;
use serde_json::json;
use std::sync::Arc;
use uuid::Uuid;

/// The largest file accepted: the seed-004 minutes are 22 KB.
pub const MAX_FILE: usize = 1024 * 1024;

/// An error as JSON: every problem with its path, message key and message in
/// the request's language.
pub fn error_reply(err: AppError, lang: Lang) -> Response {
    let status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let errors: Vec<_> = match &err {
        AppError::Problems(problems) => problems
            .iter()
            .map(|p| {
                json!({
                    "path": p.path,
                    "key": p.key,
                    "message": t(lang, &p.key),
                    "detail": p.detail,
                })
            })
            .collect(),
        other => vec![json!({
            "path": "",
            "key": other.message_key(),
            "message": t(lang, other.message_key()),
        })],
    };
    (status, Json(json!({ "errors": errors }))).into_response()
}

/// The request's body as minutes: at most 1 MB (413), read by the meeting
/// format's reader (422 with the problems), Bijoy text converted when the
/// query asks `bijoy=convert`.
async fn read_file(body: Body, query: Option<&str>, lang: Lang) -> Result<Minutes, Response> {
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FILE).await else {
        let too_large = AppError::problem("", "minutes.too_large", None);
        let mut reply = error_reply(too_large, lang);
        *reply.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
        return Err(reply);
    };
    let convert = query.is_some_and(|q| q.split('&').any(|p| p == "bijoy=convert"));
    minutes::parse(&bytes)
        .and_then(|m| minutes::with_bijoy(m, convert))
        .map_err(|e| error_reply(e, lang))
}

/// POST /meetings/import — body: a meeting file. 201 with the new meeting's
/// id, or the problems (422), or 413 for a file over 1 MB.
pub async fn import(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    RawQuery(query): RawQuery,
    body: Body,
) -> Result<Response, Refusal> {
    let lang = caller.lang;
    let user = caller.require(&Permission::AnySecretary)?;
    let parsed = read_file(body, query.as_deref(), lang).await?;
    // The file names its office: only that office's secretary may import it.
    if let Ok(Some(office)) = minutes::office_id(&db, &parsed.office).await {
        caller.require(&Permission::SecretaryOf(office))?;
    }
    // A secretary brings in drafts; minutes issued elsewhere are an admin's
    // record import (`import_record`), never a secretary's own issue.
    if parsed.status != MeetingStatus::Draft {
        return Ok(error_reply(
            AppError::problem("status", "import.issued_by_admin", None),
            lang,
        ));
    }
    Ok(
        match minutes::import_file(&db, &parsed, Some(user.id), "http").await {
            Ok(id) => (StatusCode::CREATED, Json(json!({ "id": id }))).into_response(),
            Err(e) => error_reply(e, lang),
        },
    )
}

/// POST /admin/records/import — an admin brings in minutes issued before
/// Sidhanto (on paper, in another system) as a record: shown as "imported
/// record — not issued in Sidhanto" on its page and memo, with no signature
/// and no verification code. Only for an office in the admin's reach, with
/// a memo number that office has not used, and assignments only for offices
/// in that reach. 201 with the new meeting's id, or the problems (422).
pub async fn import_record(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    RawQuery(query): RawQuery,
    body: Body,
) -> Result<Response, Refusal> {
    let lang = caller.lang;
    let user = caller.require(&Permission::AnyAdmin)?;
    let parsed = read_file(body, query.as_deref(), lang).await?;
    if parsed.status != MeetingStatus::Issued {
        return Ok(error_reply(
            AppError::problem("status", "import.record_not_issued", None),
            lang,
        ));
    }
    let offices = minutes::offices_by_code(&db)
        .await
        .map_err(|e| error_reply(crate::store::db_error(e), lang))?;
    let reaches = |code: &str| {
        offices
            .get(code)
            .is_none_or(|o| caller.require(&Permission::AdminOf(vec![o.id])).is_ok())
    };
    // An unknown office is reported with the file's other problems.
    if !reaches(&parsed.office) {
        return Err(caller.refuse(&AppError::Forbidden));
    }
    let mut problems = vec![];
    for (i, item) in parsed.agenda.iter().enumerate() {
        for (j, d) in item.decisions.iter().enumerate() {
            for (k, imp) in d.implementers.iter().enumerate() {
                if !reaches(&imp.office) {
                    problems.push(app::domain::minutes::Problem {
                        path: format!("agenda[{i}].decisions[{j}].implementers[{k}].office"),
                        key: "import.office_out_of_reach".into(),
                        detail: None,
                    });
                }
            }
        }
    }
    if !problems.is_empty() {
        return Ok(error_reply(AppError::Problems(problems), lang));
    }
    Ok(
        match minutes::import_record(&db, &parsed, Some(user.id)).await {
            Ok(id) => (StatusCode::CREATED, Json(json!({ "id": id }))).into_response(),
            Err(e) => error_reply(e, lang),
        },
    )
}

/// GET /meetings/{id}/minutes.json — the meeting as a file to download.
pub async fn export(
    State(db): State<DatabaseConnection>,
    State(services): State<Arc<app::ports::Services>>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<Response, Refusal> {
    let lang = caller.lang;
    caller.require_minutes(&services, id).await?;
    Ok(match minutes::export(&db, id).await {
        Ok(m) => {
            let json = serde_json::to_string_pretty(&m).unwrap_or_default() + "\n";
            (
                [
                    (
                        header::CONTENT_TYPE,
                        "application/json; charset=utf-8".to_string(),
                    ),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"minutes-{id}.json\""),
                    ),
                ],
                json,
            )
                .into_response()
        }
        Err(e) => error_reply(e, lang),
    })
}
