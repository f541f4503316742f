//! Shared domain types and pure rules. No I/O here: this module compiles to wasm
//! and is unit-tested in place.
pub mod audit;
pub mod auth;
pub mod bijoy;
pub mod calendar;
pub mod dates;
pub mod directory;
pub mod editor;
pub mod issue;
pub mod kept;
pub mod meeting;
pub mod minutes;
pub mod numerals;
pub mod paging;
pub mod search;
pub mod tracking;
pub mod users;

pub use meeting::*;
