//! What the UI needs from the server, as traits. The server crate implements
//! them (SeaORM stores) and provides `Services` to renders and server functions.
use crate::domain::{Meeting, MeetingSummary};
use crate::error::AppError;
use std::sync::Arc;
use uuid::Uuid;

#[async_trait::async_trait]
pub trait MeetingStore: Send + Sync {
    /// Every meeting, newest first.
    async fn list(&self) -> Result<Vec<MeetingSummary>, AppError>;
    async fn get(&self, id: Uuid) -> Result<Meeting, AppError>;
}

#[derive(Clone)]
pub struct Services {
    pub meetings: Arc<dyn MeetingStore>,
}

/// The services of the running server, read from the Leptos context.
pub fn services() -> Result<Services, AppError> {
    leptos::prelude::use_context::<Services>().ok_or(AppError::Internal)
}
