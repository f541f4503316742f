use super::{Caller, Refusal};
use crate::memo;
use crate::store::meetings::memo_assets;
use app::ports::Services;
use axum::extract::{Path, Query, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use sea_orm::DatabaseConnection;
use std::sync::Arc;
use uuid::Uuid;

#[derive(serde::Deserialize)]
pub struct MemoQuery {
    /// `?download=1`: save the file instead of opening it.
    download: Option<String>,
}

/// GET /meetings/{id}/memo.pdf — the minutes as a memo PDF. A plain link, so
/// it works without JavaScript and prints from the browser's PDF viewer.
pub async fn memo_pdf(
    State(db): State<DatabaseConnection>,
    State(slots): State<memo::RenderSlots>,
    State(services): State<Arc<Services>>,
    caller: Caller,
    Path(id): Path<Uuid>,
    Query(query): Query<MemoQuery>,
) -> Result<Response, Refusal> {
    caller.require_minutes(&services, id).await?;
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
        Ok(Some(pdf)) => return Ok(reply(pdf)),
        Ok(None) => {}
        Err(_) => return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    }
    let _slot = slots.take().await.ok_or(Refusal::busy(caller.lang))?;
    let loaded = async {
        let meeting = services.meetings.for_memo(id).await?;
        let assets = memo_assets(&db, Some(id), &meeting.minutes.office).await?;
        Ok::<_, app::error::AppError>((meeting, assets))
    };
    let (meeting, (font, signatures)) = loaded.await.map_err(Refusal::bare)?;
    // Rendering is CPU work: keep it off the async executor.
    let Ok(pdf) = tokio::task::spawn_blocking(move || {
        memo::render(&meeting, memo::fonts::for_memo(&font), &signatures)
    })
    .await
    else {
        return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response());
    };
    Ok(reply(pdf))
}
