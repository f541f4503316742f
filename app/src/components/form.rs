use crate::i18n::tr;
use leptos::prelude::*;

/// The error message under a form field (empty, but present, when there is
/// none, so `aria-describedby` always points somewhere).
#[component]
pub fn FieldError(#[prop(into)] id: String, key: Option<String>) -> impl IntoView {
    let role = key.is_some().then_some("alert");
    view! {
        <p id=id class="field-error" role=role>
            {key.map(|k| tr(&k))}
        </p>
    }
}
