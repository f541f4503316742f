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

/// A part of a page, or why it could not be read, said in its place: for a
/// page that reads its parts in one resource (one boundary for them all),
/// where one part failing should not hide the others.
pub fn or_error<V: IntoView>(read: Result<V, AppError>) -> impl IntoView {
    match read {
        Ok(view) => leptos::either::Either::Left(view),
        Err(e) => leptos::either::Either::Right(view! {
            <div class="error" role="alert"><p>{tr(e.message_key())}</p></div>
        }),
    }
}
