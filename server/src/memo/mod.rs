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
