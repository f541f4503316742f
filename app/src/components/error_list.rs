use crate::error::AppError;
use crate::i18n::tr;
use leptos::prelude::*;

/// Shows the errors caught by an `<ErrorBoundary>`, translated.
#[component]
pub fn ErrorList(errors: ArcRwSignal<Errors>) -> impl IntoView {
    view! {
        <div class="error" role="alert">
            {move || {
                errors
                    .get()
                    .into_iter()
                    .map(|(_, e)| {
                        let key = e
                            .downcast_ref::<AppError>()
                            .map(|a| a.message_key().to_string())
                            .unwrap_or_else(|| "error.internal".to_string());
                        view! { <p>{tr(&key)}</p> }
                    })
                    .collect_view()
            }}
        </div>
    }
}
