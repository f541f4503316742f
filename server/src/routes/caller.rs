//! Who is asking, and the answer when they may not: every plain route that
//! checks anything takes a `Caller` and returns `Result<Response, Refusal>`,
//! so a check is one line (`caller.require(&permission)?`) and goes through
//! the same `authorize` as the server functions.
use super::{request_lang, status_of};
use app::domain::auth::{authorize, CurrentUser, Permission};
use app::domain::MeetingStatus;
use app::error::AppError;
use app::i18n::{t, Lang};
use app::ports::Services;
use axum::extract::FromRequestParts;
use axum::http::{header, request::Parts, StatusCode};
use axum::response::{IntoResponse, Response};
use std::convert::Infallible;
use uuid::Uuid;

/// The signed-in user (put there by `middleware::load_user`), if any, and
/// the language of their pages.
#[derive(Clone, Debug)]
pub struct Caller {
    pub user: Option<CurrentUser>,
    pub lang: Lang,
}

impl<S: Send + Sync> FromRequestParts<S> for Caller {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Infallible> {
        Ok(Caller {
            user: parts.extensions.get::<CurrentUser>().cloned(),
            lang: request_lang(&parts.headers),
        })
    }
}

impl Caller {
    /// The user, if `authorize` grants them `needs`; else 401 (nobody
    /// signed in) or 403, in their language.
    pub fn require(&self, needs: &Permission) -> Result<&CurrentUser, Refusal> {
        authorize(self.user.as_ref(), needs).map_err(|e| self.refuse(&e))?;
        self.user
            .as_ref()
            .ok_or_else(|| self.refuse(&AppError::Unauthenticated))
    }

    /// The read rule of a meeting's minutes (`Permission::ReadMinutes`):
    /// 401 for nobody, 404 for no such meeting, 403 for one the caller may
    /// not read.
    pub async fn require_minutes(&self, services: &Services, id: Uuid) -> Result<(), Refusal> {
        self.require(&Permission::SignedIn)?;
        let (office, status) = services.meetings.access(id).await.map_err(Refusal::bare)?;
        let needs = Permission::ReadMinutes {
            office,
            issued: status == MeetingStatus::Issued,
        };
        self.require(&needs).map(|_| ())
    }

    /// `e` as a short page in the caller's language.
    pub fn refuse(&self, e: &AppError) -> Refusal {
        let status = match e {
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden => StatusCode::FORBIDDEN,
            other => StatusCode::from_u16(other.status()).unwrap_or(StatusCode::BAD_REQUEST),
        };
        Refusal::page(status, e.message_key(), self.lang)
    }
}

/// A request refused: the response that says so.
#[derive(Debug)]
pub struct Refusal(Response);

impl Refusal {
    /// A short page in the user's language.
    pub fn page(status: StatusCode, key: &str, lang: Lang) -> Refusal {
        Refusal(
            (
                status,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                t(lang, key).to_string(),
            )
                .into_response(),
        )
    }

    /// The bare status an error stands for (`middleware::framework_errors`
    /// words it in the user's language).
    pub fn bare(e: AppError) -> Refusal {
        Refusal(status_of(&e))
    }

    /// 429: the PDF renders are busy; the browser may ask again in a few seconds.
    pub fn busy(lang: Lang) -> Refusal {
        let mut res = Refusal::page(StatusCode::TOO_MANY_REQUESTS, "error.busy", lang).0;
        res.headers_mut()
            .insert(header::RETRY_AFTER, header::HeaderValue::from_static("5"));
        Refusal(res)
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        self.0
    }
}

/// Any response can stand for a refusal (a redirect back to the form that
/// says why).
impl From<Response> for Refusal {
    fn from(res: Response) -> Refusal {
        Refusal(res)
    }
}
