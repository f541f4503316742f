//! Sidhanto's server: configuration, database, stores, the HTTP router, and the
//! `sidhanto` command's subcommands. `main.rs` only dispatches.
pub mod config;
pub mod db;
pub mod demo;
pub mod startup;
pub mod store;
