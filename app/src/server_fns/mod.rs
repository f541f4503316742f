//! `#[server]` shims with stable URLs under /api. Each one: who is asking and may
//! they, validate, call one store method.
pub mod meetings;
