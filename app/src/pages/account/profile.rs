use crate::components::data::data;
use crate::components::error_list::ErrorList;
use crate::components::form::FieldError;
use crate::domain::auth::CurrentUser;
use crate::error::AppError;
use crate::i18n::tr;
use crate::server_fns::account::me;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// "/account": my roles, password change, sign out.
#[component]
pub fn AccountPage() -> impl IntoView {
    let user = Resource::new(|| (), |_| me());
    view! {
        <Title text=format!("{} · {}", tr("account.title"), tr("app.name"))/>
        <h1>{tr("account.title")}</h1>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move {
                    user.await.and_then(|u| u.ok_or(AppError::Unauthenticated)).map(|u| view! { <Account user=u/> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn Account(user: CurrentUser) -> impl IntoView {
    let query = use_query_map();
    let get = move |k: &str| query.read_untracked().get(k).unwrap_or_default();
    let (error, field, ok) = (get("error"), get("field"), get("ok"));
    let error_for =
        move |f: &str| (field == f && !error.is_empty()).then(|| format!("account.error.{error}"));
    let invalid = move |e: &Option<String>| e.is_some().to_string();
    let (current_err, new_err, confirm_err, signature_err) = (
        error_for("current_password"),
        error_for("new_password"),
        error_for("confirm_password"),
        error_for("signature"),
    );
    view! {
        <p class="who">{data(user.display_name.clone())}" ("{data(user.username.clone())}")"</p>
        <h2>{tr("account.roles")}</h2>
        <ul class="roles">
            {user
                .grants
                .iter()
                .map(|g| {
                    view! {
                        <li>
                            <strong>{tr(g.role.label_key())}</strong>
                            " — "
                            {data(g.office_name.clone())}
                            {g.include_below.then(|| format!(" {}", tr("account.below")))}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <h2 id="password-heading">{tr("account.password_title")}</h2>
        {(ok == "password").then(|| view! { <p class="notice" role="status">{tr("account.password_changed")}</p> })}
        <form class="form narrow" method="post" action="/account/password" aria-labelledby="password-heading">
            <div class="field">
                <label for="current_password">{tr("account.current_password")}</label>
                <input id="current_password" name="current_password" type="password" autocomplete="current-password"
                    aria-invalid=invalid(&current_err) aria-describedby="current_password-error"/>
                <FieldError id="current_password-error" key=current_err/>
            </div>
            <div class="field">
                <label for="new_password">{tr("account.new_password")}</label>
                <input id="new_password" name="new_password" type="password" autocomplete="new-password"
                    aria-invalid=invalid(&new_err) aria-describedby="new_password-error"/>
                <FieldError id="new_password-error" key=new_err/>
            </div>
            <div class="field">
                <label for="confirm_password">{tr("account.confirm_password")}</label>
                <input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password"
                    aria-invalid=invalid(&confirm_err) aria-describedby="confirm_password-error"/>
                <FieldError id="confirm_password-error" key=confirm_err/>
            </div>
            <button type="submit" class="primary">{tr("account.password_submit")}</button>
        </form>
        // Only someone who signs memos (a person of the directory: a chair
        // or an issuer) has a signature to give.
        {user.person_id.is_some().then(|| view! {
            <h2 id="signature-heading">{tr("account.signature_title")}</h2>
            {(ok == "signature").then(|| view! { <p class="notice" role="status">{tr("account.signature_saved")}</p> })}
            <form class="form narrow" method="post" action="/account/signature" enctype="multipart/form-data" aria-labelledby="signature-heading">
                <div class="field">
                    <label for="signature">{tr("account.signature_label")}</label>
                    <input id="signature" name="signature" type="file" accept="image/png"
                        aria-invalid=invalid(&signature_err) aria-describedby="signature-error"/>
                    <FieldError id="signature-error" key=signature_err.clone()/>
                </div>
                <button type="submit" class="primary">{tr("account.signature_submit")}</button>
            </form>
        })}
    }
}
