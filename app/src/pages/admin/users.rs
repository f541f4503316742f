//! "/admin/users": the users of the admin's offices, and the admin's forms
//! (plain posts, so they work without JavaScript): a new user with a role,
//! and per user a new password, another role, an unlock. After a refusal a
//! form shows what was typed (never a password) and the message at its field.
use super::directory::{code_and_name, offices_administered};
use crate::components::data::{data, lang_of};
use crate::components::error_list::ErrorList;
use crate::components::form::FieldError;
use crate::domain::audit::UserSummary;
use crate::domain::auth::Role;
use crate::domain::directory::PersonEntry;
use crate::i18n::{tr, use_lang, Lang};
use crate::server_fns::account::list_users;
use crate::server_fns::directory::directory_people;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;
use strum::VariantArray;

/// The refused form's field, message and typed values, from the query.
#[derive(Clone, Default)]
struct Typed(std::collections::HashMap<String, String>);

impl Typed {
    fn get(&self, k: &str) -> String {
        self.0.get(k).cloned().unwrap_or_default()
    }

    /// The error for `field` of the form of `user` (None: the new-user form).
    fn error(&self, user: Option<&str>, field: &str) -> Option<String> {
        let here = self.get("user") == user.unwrap_or_default() && self.get("field") == field;
        here.then(|| self.get("error")).filter(|e| !e.is_empty())
    }
}

#[component]
pub fn UsersPage() -> impl IntoView {
    let users = Resource::new(|| (), |_| list_users());
    let offices = Resource::new(
        || (),
        |_| async {
            let list = offices_administered().await?;
            Ok::<_, crate::error::AppError>(list.iter().map(code_and_name).collect::<Vec<_>>())
        },
    );
    let people = Resource::new(|| (), |_| directory_people(String::new()));
    let q = use_query_map();
    let typed = Typed(
        q.read_untracked()
            .clone()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect(),
    );
    let ok = typed.get("ok");
    view! {
        <Title text=format!("{} · {}", tr("users.title"), tr("app.name"))/>
        <h1>{tr("users.title")}</h1>
        {(!ok.is_empty()).then(|| view! { <p id="done" class="notice" role="status">{tr(&format!("users.done.{ok}"))}</p> })}
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {
                    let typed = typed.clone();
                    move || {
                        let typed = typed.clone();
                        Suspend::new(async move {
                            let list = users.await?;
                            let offices = offices.await?;
                            let people = people.await?;
                            Ok::<_, crate::error::AppError>(view! {
                                <UserTable list offices=offices.clone() typed=typed.clone()/>
                                <NewUserForm offices people typed/>
                            })
                        })
                    }
                }
            </ErrorBoundary>
        </Transition>
    }
}

/// A labelled field with its error, `attrs` the input's own.
fn field(id: String, label: String, error: Option<String>, input: AnyView) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            {input}
            <FieldError id=format!("{id}-error") key=error/>
        </div>
    }
}

/// The role and office choosers, shared by "new user" and "grant a role".
fn role_and_office(
    prefix: &str,
    offices: &[(String, String)],
    typed: &Typed,
    user: Option<&str>,
) -> impl IntoView {
    let (role_id, office_id, below_id) = (
        format!("{prefix}role"),
        format!("{prefix}office"),
        format!("{prefix}below"),
    );
    // Only the refused form gets its values back.
    let (chosen_role, chosen_office, below) = if typed.get("user") == user.unwrap_or_default() {
        (
            typed.get("role"),
            typed.get("office"),
            typed.get("below") == "on",
        )
    } else {
        (String::new(), String::new(), false)
    };
    let role_error = typed.error(user, "role");
    let office_error = typed.error(user, "office");
    // Nothing chosen at first: a careless click must not make an admin.
    let choose = || view! { <option value="">{tr("users.choose")}</option> };
    let roles = Role::VARIANTS
        .iter()
        .map(|r| {
            let selected = chosen_role == r.code();
            view! { <option value=r.code() selected=selected>{tr(r.label_key())}</option> }
        })
        .collect_view();
    let offices = offices
        .iter()
        .map(|(code, name)| {
            let selected = *code == chosen_office;
            view! { <option value=code.clone() selected=selected lang=lang_of(name)>{name.clone()}</option> }
        })
        .collect_view();
    view! {
        {field(role_id.clone(), tr("users.role"), role_error.clone(), view! {
            <select id=role_id.clone() name="role" aria-invalid=role_error.is_some().to_string() aria-describedby=format!("{role_id}-error")>{choose()}{roles}</select>
        }.into_any())}
        {field(office_id.clone(), tr("users.office"), office_error.clone(), view! {
            <select id=office_id.clone() name="office" aria-invalid=office_error.is_some().to_string() aria-describedby=format!("{office_id}-error")>{choose()}{offices}</select>
        }.into_any())}
        <div class="field check">
            <input id=below_id.clone() name="below" type="checkbox" checked=below/>
            " "<label for=below_id>{tr("users.below")}</label>
        </div>
    }
}

#[component]
fn NewUserForm(
    offices: Vec<(String, String)>,
    people: Vec<PersonEntry>,
    typed: Typed,
) -> impl IntoView {
    // Who the account is, in the directory: a chair must be someone there.
    let person_error = typed.error(None, "person");
    let chosen = typed.get("person");
    let bangla = use_lang() == Lang::Bn;
    let person = field(
        "person".to_string(),
        tr("users.person"),
        person_error.clone(),
        view! {
            <select id="person" name="person" aria-invalid=person_error.is_some().to_string() aria-describedby="person-error">
                <option value="">{tr("users.person_none")}</option>
                {people.into_iter().map(|p| {
                    let id = p.id.to_string();
                    let selected = id == chosen;
                    let text = if bangla {
                        format!("{}, {} — {}", p.name_bn, p.designation_bn, p.office_bn)
                    } else {
                        format!("{}, {} — {}", p.name_en, p.designation_en, p.office_en)
                    };
                    let in_lang = lang_of(&text);
                    view! { <option value=id selected=selected lang=in_lang>{text}</option> }
                }).collect_view()}
            </select>
        }
        .into_any(),
    );
    let text = |name: &'static str, key: &'static str, kind: &'static str| {
        let error = typed.error(None, name);
        let value = if kind == "password" {
            String::new()
        } else {
            typed.get(name)
        };
        field(name.to_string(), tr(key), error.clone(), view! {
            <input id=name name=name type=kind value=value autocomplete=if kind == "password" { "new-password" } else { "off" }
                aria-invalid=error.is_some().to_string() aria-describedby=format!("{name}-error")/>
        }.into_any())
    };
    view! {
        <section id="add" aria-labelledby="add-heading">
            <h2 id="add-heading">{tr("users.add")}</h2>
            <form class="form" method="post" action="/admin/users">
                <div class="grid">
                    {text("username", "users.username", "text")}
                    {text("display_name", "users.name", "text")}
                    {text("password", "users.password", "password")}
                </div>
                // A refused form keeps everything but the password.
                {(!typed.get("field").is_empty() && typed.get("user").is_empty()).then(|| view! {
                    <p class="hint">{tr("users.password_again")}</p>
                })}
                {role_and_office("", &offices, &typed, None)}
                {person}
                <button type="submit" class="primary">{tr("users.create")}</button>
            </form>
        </section>
    }
}

#[component]
fn UserTable(
    list: Vec<UserSummary>,
    offices: Vec<(String, String)>,
    typed: Typed,
) -> impl IntoView {
    view! {
        <table class="stack">
            <thead>
                <tr>
                    <th scope="col">{tr("users.username")}</th>
                    <th scope="col">{tr("users.name")}</th>
                    <th scope="col">{tr("users.roles")}</th>
                    <th scope="col">{tr("users.state")}</th>
                </tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|u| {
                        let id = u.id.to_string();
                        let roles = u
                            .grants
                            .iter()
                            .map(|g| view! { <li>{tr(g.role.label_key())}" — "{data(g.office_name.clone())}</li> })
                            .collect_view();
                        let state = if !u.active {
                            tr("users.inactive").into_any()
                        } else if u.locked {
                            view! {
                                {tr("users.locked")}
                                <form method="post" action=format!("/admin/users/{id}/unlock")>
                                    <button type="submit">{tr("users.unlock")}</button>
                                </form>
                            }
                                .into_any()
                        } else {
                            tr("users.active").into_any()
                        };
                        // The forms open by themselves when one came back refused.
                        let open = typed.get("user") == id;
                        let password_error = typed.error(Some(&id), "password");
                        view! {
                            <tr id=format!("user-{id}")>
                                <td data-label=tr("users.username")>{data(u.username.clone())}</td>
                                <td data-label=tr("users.name")>{data(u.display_name.clone())}</td>
                                <td data-label=tr("users.roles")>
                                    <ul class="plain">{roles}</ul>
                                    <details open=open>
                                        <summary>{tr("users.manage")}</summary>
                                        <form class="form" method="post" action=format!("/admin/users/{id}/password")>
                                            {field(format!("u{id}-password"), tr("users.new_password"), password_error.clone(), view! {
                                                <input id=format!("u{id}-password") name="password" type="password" autocomplete="new-password"
                                                    aria-invalid=password_error.is_some().to_string() aria-describedby=format!("u{id}-password-error")/>
                                            }.into_any())}
                                            <p class="hint">{tr("users.reset_hint")}</p>
                                            <button type="submit" class="secondary">{tr("users.reset")}</button>
                                        </form>
                                        <form class="form" method="post" action=format!("/admin/users/{id}/roles")>
                                            {role_and_office(&format!("u{id}-"), &offices, &typed, Some(&id))}
                                            <button type="submit" class="secondary">{tr("users.grant")}</button>
                                        </form>
                                    </details>
                                </td>
                                <td data-label=tr("users.state")>{state}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
