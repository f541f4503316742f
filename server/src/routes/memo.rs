use super::request_lang;
use crate::memo;
use crate::store::meetings::memo_assets;
use app::domain::auth::CurrentUser;
use app::ports::Services;
use axum::extract::{Path, Query};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use sea_orm::DatabaseConnection;
use uuid::Uuid;

#[derive(serde::Deserialize)]
pub struct MemoQuery {
    /// `?download=1`: save the file instead of opening it.
    download: Option<String>,
}

/// GET /meetings/{id}/memo.pdf — the minutes as a memo PDF. A plain link, so
/// it works without JavaScript and prints from the browser's PDF viewer.
pub async fn memo_pdf(
    Extension(db): Extension<DatabaseConnection>,
    Extension(slots): Extension<memo::RenderSlots>,
    Extension(services): Extension<Services>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    Path(id): Path<Uuid>,
    Query(query): Query<MemoQuery>,
) -> Response {
    let user = user.map(|Extension(u)| u);
    let lang = request_lang(&headers);
    if let Err(refused) = super::check_minutes(&services, user.as_ref(), id, lang).await {
        return refused;
    }
    let disposition = if query.download.is_some() {
        "attachment"
    } else {
        "inline"
    };
    let reply = |pdf: Vec<u8>| {
        (
            [
                (header::CONTENT_TYPE, "application/pdf".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("{disposition}; filename=\"memo-{id}.pdf\""),
                ),
            ],
            pdf,
        )
            .into_response()
    };
    // An issued memo is the stored file, byte for byte, forever.
    match crate::store::issue::issued_pdf(&db, id).await {
        Ok(Some(pdf)) => return reply(pdf),
        Ok(None) => {}
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
    let Some(_slot) = slots.take().await else {
        return super::busy(lang);
    };
    let loaded = async {
        let meeting = services.meetings.get(id).await?;
        let assets = memo_assets(&db, Some(id), &meeting.minutes.office).await?;
        Ok::<_, app::error::AppError>((meeting, assets))
    };
    let (meeting, (font, signatures)) = match loaded.await {
        Ok(loaded) => loaded,
        Err(e) => return super::status_of(&e),
    };
    // Rendering is CPU work: keep it off the async executor.
    let Ok(pdf) = tokio::task::spawn_blocking(move || {
        memo::render(&meeting, memo::fonts::for_memo(&font), &signatures)
    })
    .await
    else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    reply(pdf)
}
