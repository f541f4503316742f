use crate::i18n::bn;
use leptos::prelude::*;

/// Page chrome: the app's name, the main navigation, and the content.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-name">{bn("app.name")}</span>
                <span class="brand-tagline">{bn("app.tagline")}</span>
            </a>
            <nav aria-label="প্রধান">
                <a href="/">{bn("nav.meetings")}</a>
            </nav>
        </header>
        <main id="main">{children()}</main>
    }
}
