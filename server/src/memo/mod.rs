//! The memo PDF: meeting data in, PDF bytes out. No database or HTTP here.
//! Bangla is shaped with rustybuzz (printpdf's own layout cannot shape it),
//! glyphs are placed one by one, and every word is wrapped in a
//! `/Span << /ActualText … >>` so that copying and searching give back the
//! exact Unicode.
pub mod fonts;
pub mod layout;
pub mod pdf;
pub mod render;

pub use fonts::Fonts;
pub use render::{printed_texts, render, render_table, Signatures};
pub mod shape;
pub mod words;

/// Renders allowed at once (a memo or report takes ~20 ms of a core; draft
/// memos and reports are rendered on every request). A request that finds
/// no slot within `RENDER_WAIT` is answered 429 with a Retry-After, so a
/// burst of renders cannot take every core and the memory they need.
#[derive(Clone)]
pub struct RenderSlots(std::sync::Arc<tokio::sync::Semaphore>);

const RENDER_WAIT: std::time::Duration = std::time::Duration::from_secs(3);

impl RenderSlots {
    pub fn new(slots: usize) -> Self {
        RenderSlots(std::sync::Arc::new(tokio::sync::Semaphore::new(slots)))
    }

    /// A slot, held until the permit is dropped; None when all stayed busy.
    pub async fn take(&self) -> Option<tokio::sync::OwnedSemaphorePermit> {
        tokio::time::timeout(RENDER_WAIT, self.0.clone().acquire_owned())
            .await
            .ok()?
            .ok()
    }
}
