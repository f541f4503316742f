//! One component per route.
pub mod meetings;
