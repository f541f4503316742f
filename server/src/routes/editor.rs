//! The editor's form posts: `POST /meetings/new` creates a draft,
//! `POST /meetings/{id}/edit` saves one. The same handler serves the plain
//! form (a 303 back to the editor; what went wrong is kept in the session
//! with the form as typed, see `app::domain::editor::Flash`) and the
//! autosave (`Accept: application/json`: the new version, or the errors).
use super::minutes::error_reply;
use super::{see_other, Caller, Refusal};
use crate::minutes_form;
use crate::store::minutes;
use app::domain::auth::Permission;
use app::domain::bijoy;
use app::domain::editor::{flash_key, Flash, Values};
use app::error::AppError;
use axum::extract::{Form, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use sea_orm::DatabaseConnection;
use serde_json::json;
use tower_sessions::Session;
use uuid::Uuid;

type Pairs = Vec<(String, String)>;

pub async fn create(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    headers: HeaderMap,
    session: Session,
    Form(pairs): Form<Pairs>,
) -> Result<Response, Refusal> {
    save(db, caller, headers, session, None, pairs).await
}

pub async fn update(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    headers: HeaderMap,
    session: Session,
    Path(id): Path<Uuid>,
    Form(pairs): Form<Pairs>,
) -> Result<Response, Refusal> {
    save(db, caller, headers, session, Some(id), pairs).await
}

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

fn field<'a>(pairs: &'a Pairs, name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or("")
}

async fn save(
    db: DatabaseConnection,
    caller: Caller,
    headers: HeaderMap,
    session: Session,
    id: Option<Uuid>,
    mut pairs: Pairs,
) -> Result<Response, Refusal> {
    let lang = caller.lang;
    let user = caller.require(&Permission::AnySecretary)?;
    // The office whose secretary may write: the stored meeting's, or for a
    // new one the office the form names.
    let office_id = match id {
        Some(id) => minutes::office_of_meeting(&db, id).await,
        None => minutes::office_id(&db, field(&pairs, "office")).await,
    };
    match office_id {
        Ok(Some(office)) => {
            caller.require(&Permission::SecretaryOf(office))?;
        }
        Ok(None) if id.is_some() => return Ok(error_reply(AppError::NotFound, lang)),
        Ok(None) => {} // an unknown office is reported at its field below
        Err(e) => return Ok(error_reply(e, lang)),
    }
    let op = field(&pairs, "op").to_string();
    let version: i32 = field(&pairs, "version").parse().unwrap_or(0);
    // "Accept the conversion" of a text that looks like Bijoy.
    if let Some(path) = op.strip_prefix("bijoy:") {
        for (_, v) in pairs.iter_mut().filter(|(k, _)| k == path) {
            *v = bijoy::convert(v);
        }
    }
    let actor = Some(user.id);
    let result = async {
        let mut m = minutes_form::read(&pairs)?;
        let office = m.office.clone();
        let anchor = minutes_form::apply(&mut m, &op, &office);
        let saved = minutes::save_form(&db, id, version, &m, actor).await?;
        Ok::<_, AppError>((saved, anchor))
    }
    .await;
    let json = wants_json(&headers);
    Ok(match result {
        Ok(((id, version), _)) if json => (
            StatusCode::OK,
            Json(json!({ "id": id, "version": version })),
        )
            .into_response(),
        Ok(((new_id, _), anchor)) => {
            let notice =
                (anchor.is_none() && !op.starts_with("bijoy:")).then(|| "editor.saved".to_string());
            // The row a "+ add" button made is not flagged empty yet.
            let added = op.starts_with("add:").then(|| anchor.clone()).flatten();
            let flash = Flash {
                values: None,
                problems: vec![],
                notice,
                added,
            };
            let _ = session.insert(&flash_key(Some(new_id)), flash).await;
            let at = anchor
                .map(|a| format!("#{}", app::domain::editor::dom_id(&a)))
                .unwrap_or_default();
            see_other(&format!("/meetings/{new_id}/edit{at}"))
        }
        Err(e) if json => error_reply(e, lang),
        Err(e) => {
            let (problems, notice) = match e {
                AppError::Problems(p) => (p, None),
                AppError::Conflict => (vec![], Some("editor.conflict".to_string())),
                other => (vec![], Some(other.message_key().to_string())),
            };
            let values: Values = pairs.into_iter().filter(|(k, _)| k != "op").collect();
            let flash = Flash {
                values: Some(values),
                problems,
                notice,
                added: None,
            };
            if session.insert(&flash_key(id), flash).await.is_err() {
                return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response());
            }
            let back = match id {
                Some(id) => format!("/meetings/{id}/edit#problems"),
                None => "/meetings/new#problems".to_string(),
            };
            see_other(&back)
        }
    })
}
