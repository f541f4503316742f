use crate::components::form::FieldError;
use crate::i18n::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// "/login". A plain form posted to the server's /login handler, so it works
/// the same with and without JavaScript; errors come back in the query and
/// are shown next to the field they concern.
#[component]
pub fn LoginPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |k: &str| query.read_untracked().get(k).unwrap_or_default();
    let error = get("error");
    let (username_error, password_error) = match error.as_str() {
        "" => (None, None),
        "missing_username" => (Some(error.clone()), None),
        _ => (None, Some(error.clone())),
    };
    let key = |e: Option<String>| e.map(|e| format!("login.error.{e}"));
    view! {
        <Title text=format!("{} · {}", tr("login.title"), tr("app.name"))/>
        <h1>{tr("login.title")}</h1>
        <form class="form narrow" method="post" action="/login">
            <input type="hidden" name="next" value=get("next")/>
            <div class="field">
                <label for="username">{tr("login.username")}</label>
                <input
                    id="username"
                    name="username"
                    autocomplete="username"
                    autofocus=password_error.is_none()
                    value=get("username")
                    aria-invalid=username_error.is_some().to_string()
                    aria-describedby="username-error"
                />
                <FieldError id="username-error" key=key(username_error)/>
            </div>
            <div class="field">
                <label for="password">{tr("login.password")}</label>
                <input
                    id="password"
                    name="password"
                    type="password"
                    autocomplete="current-password"
                    autofocus=password_error.is_some()
                    aria-invalid=password_error.is_some().to_string()
                    aria-describedby="password-error"
                />
                <FieldError id="password-error" key=key(password_error)/>
            </div>
            <button type="submit" class="primary">{tr("login.submit")}</button>
        </form>
    }
}
