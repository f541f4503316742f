//! Sidhanto's server: configuration, database, stores, the HTTP router, and the
//! `sidhanto` command's subcommands. `main.rs` only dispatches.
pub mod assets;
pub mod audit;
pub mod cache;
pub mod cli;
pub mod config;
pub mod db;
pub mod demo;
pub mod keys;
pub mod limiter;
pub mod memo;
pub mod middleware;
pub mod minutes_form;
pub mod password;
pub mod routes;
pub mod startup;
pub mod state;
pub mod store;
