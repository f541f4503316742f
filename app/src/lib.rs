#![recursion_limit = "256"]
//! Sidhanto's UI crate: pages, server functions and the domain types shared by
//! the browser and the server. Never depends on the database or PDF crates.
pub mod components;
pub mod domain;
pub mod error;
pub mod i18n;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod ports;
pub mod routes;
pub mod server_fns;

use leptos::prelude::Effect;
pub use routes::{shell, App};

/// Entry point of the wasm bundle. Pages are server HTML; leptos's loader
/// then hydrates each island (`#[island]`) on the page.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}

/// Called by every island once it is live: the mark tells people (and the
/// end-to-end tests) that the page's buttons work.
pub fn mark_hydrated() {
    Effect::new(|_| {
        if let Some(body) = leptos::prelude::document().body() {
            let _ = body.set_attribute("data-hydrated", "true");
        }
    });
}
