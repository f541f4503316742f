//! Presentational pieces; no server calls here.
pub mod error_list;
pub mod layout;
