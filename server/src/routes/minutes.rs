//! The meeting JSON format over HTTP: `POST /meetings/import` creates a
//! meeting from a file (all or nothing), `GET /meetings/{id}/minutes.json`
//! gives one back. Plain routes, so the body limit and the download headers
//! are ours (docs/meeting-format.md).
use super::{check, request_lang};
use crate::db::entities::offices;
use crate::store::minutes;
use app::domain::auth::{CurrentUser, Permission};
use app::error::AppError;
use app::i18n::{t, Lang};
use axum::body::Body;
use axum::extract::{Path, RawQuery};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, TransactionTrait};
use serde_json::json;
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

/// POST /meetings/import — body: a meeting file. 201 with the new meeting's
/// id, or the problems (422), or 413 for a file over 1 MB.
pub async fn import(
    Extension(db): Extension<DatabaseConnection>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    RawQuery(query): RawQuery,
    body: Body,
) -> Response {
    let lang = request_lang(&headers);
    let user = user.map(|Extension(u)| u);
    if let Err(refused) = check(user.as_ref(), &Permission::AnySecretary, lang) {
        return refused;
    }
    let Ok(bytes) = axum::body::to_bytes(body, MAX_FILE).await else {
        let too_large = AppError::problem("", "minutes.too_large", None);
        let mut reply = error_reply(too_large, lang);
        *reply.status_mut() = StatusCode::PAYLOAD_TOO_LARGE;
        return reply;
    };
    let convert = query
        .as_deref()
        .is_some_and(|q| q.split('&').any(|p| p == "bijoy=convert"));
    let parsed = match minutes::parse(&bytes).and_then(|m| minutes::with_bijoy(m, convert)) {
        Ok(m) => m,
        Err(e) => return error_reply(e, lang),
    };
    // The file names its office: only that office's secretary may import it.
    let office = offices::Entity::find()
        .filter(offices::Column::Code.eq(parsed.office.as_str()))
        .one(&db)
        .await;
    if let Ok(Some(office)) = &office {
        if let Err(refused) = check(user.as_ref(), &Permission::SecretaryOf(office.id), lang) {
            return refused;
        }
    }
    let actor = user.as_ref().map(|u| u.id);
    let result = async {
        let txn = db.begin().await.map_err(crate::store::db_error)?;
        let id = minutes::import(&txn, &parsed, actor, "HTTP import").await?;
        txn.commit().await.map_err(crate::store::db_error)?;
        Ok::<_, AppError>(id)
    }
    .await;
    match result {
        Ok(id) => (StatusCode::CREATED, Json(json!({ "id": id }))).into_response(),
        Err(e) => error_reply(e, lang),
    }
}

/// GET /meetings/{id}/minutes.json — the meeting as a file to download.
pub async fn export(
    Extension(db): Extension<DatabaseConnection>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    Path(id): Path<Uuid>,
) -> Response {
    let lang = request_lang(&headers);
    if let Err(refused) = check(
        user.map(|Extension(u)| u).as_ref(),
        &Permission::SignedIn,
        lang,
    ) {
        return refused;
    }
    match minutes::export(&db, id).await {
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
    }
}
