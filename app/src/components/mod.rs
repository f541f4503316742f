//! Presentational pieces; no server calls here.
pub mod chart;
pub mod data;
pub mod error_list;
pub mod form;
pub mod layout;
pub mod rendered;
