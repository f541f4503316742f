use crate::i18n::{fmt_num, tr};
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

/// A field of the minutes as people name it (the editor's summary of
/// problems, the audit trail's changed fields), in words with rows counted
/// from one ("আলোচ্যসূচি ১ › সিদ্ধান্ত ২ › সময়সীমা"); the path only for a
/// field the form has no label for.
pub fn field_name(path: &str) -> String {
    match crate::domain::editor::field_label(path) {
        Some(steps) => steps
            .into_iter()
            .map(|(key, row)| match row {
                Some(n) => format!("{} {}", tr(key), fmt_num(n as u64, 1)),
                None => tr(key),
            })
            .collect::<Vec<_>>()
            .join(" › "),
        None => path.to_string(),
    }
}
