//! One error type for client and server. It carries a message key, never raw
//! database text, so it can be shown translated and never leaks internals.
use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum AppError {
    #[error("not_found")]
    NotFound,
    #[error("invalid")]
    Invalid { field: String, key: String },
    /// No session: sign in first.
    #[error("unauthenticated")]
    Unauthenticated,
    #[error("forbidden")]
    Forbidden,
    #[error("conflict")]
    Conflict,
    /// The minutes break rules; each problem names its field.
    #[error("invalid minutes")]
    Problems(Vec<crate::domain::minutes::Problem>),
    #[error("internal")]
    Internal,
    /// The request never reached the server function (network, decoding).
    #[error("unreachable")]
    Unreachable,
}

impl AppError {
    /// One problem with the minutes, at `path`.
    pub fn problem(path: impl Into<String>, key: &str, detail: Option<String>) -> AppError {
        AppError::Problems(vec![crate::domain::minutes::Problem {
            path: path.into(),
            key: key.into(),
            detail,
        }])
    }

    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Invalid { .. } => 422,
            AppError::Unauthenticated => 401,
            AppError::Forbidden => 403,
            AppError::Conflict => 409,
            AppError::Problems(_) => 422,
            AppError::Internal | AppError::Unreachable => 500,
        }
    }

    /// The key of the message shown to the user.
    pub fn message_key(&self) -> &str {
        match self {
            AppError::NotFound => "error.not_found",
            AppError::Invalid { key, .. } => key,
            AppError::Unauthenticated => "error.unauthenticated",
            AppError::Forbidden => "error.forbidden",
            AppError::Conflict => "error.conflict",
            AppError::Problems(_) => "error.problems",
            AppError::Internal => "error.internal",
            AppError::Unreachable => "error.unreachable",
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_: ServerFnErrorErr) -> Self {
        AppError::Unreachable
    }
}

/// Leptos answers every server-function error with 500 unless told otherwise;
/// server functions return errors through this so the status matches.
#[cfg(feature = "ssr")]
pub fn respond(err: AppError) -> AppError {
    if let Some(opts) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        if let Ok(code) = http::StatusCode::from_u16(err.status()) {
            opts.set_status(code);
        }
    }
    err
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses() {
        assert_eq!(AppError::NotFound.status(), 404);
        assert_eq!(AppError::Forbidden.status(), 403);
        assert_eq!(AppError::Unauthenticated.status(), 401);
        assert_eq!(AppError::Conflict.status(), 409);
        assert_eq!(AppError::Internal.status(), 500);
        let invalid = AppError::Invalid {
            field: "chair".into(),
            key: "meeting.chair_missing".into(),
        };
        assert_eq!(invalid.status(), 422);
        assert_eq!(invalid.message_key(), "meeting.chair_missing");
    }
}
