//! One component per route.
pub mod account;
pub mod admin;
pub mod dashboard;
pub mod meetings;
pub mod search;
pub mod tracking;
pub mod verify;
