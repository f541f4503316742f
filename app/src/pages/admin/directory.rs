//! "/admin/offices" and "/admin/people": the directory, searched in either
//! language. The search box is a GET form (`?q=`), so it works without
//! JavaScript and a search can be bookmarked.
use crate::components::data::{data, lang_of};
use crate::components::error_list::ErrorList;
use crate::components::form::FieldError;
use crate::domain::auth::Role;
use crate::domain::directory::{OfficeEntry, PersonEntry};
use crate::error::AppError;
use crate::i18n::{fmt_date, fmt_num, tr, use_lang, Lang};
use crate::server_fns::directory::{directory_offices, directory_people};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The offices this admin administers, in the page's language: what a form
/// that acts at an office, or filters by one, offers.
pub(super) async fn offices_administered() -> Result<Vec<OfficeEntry>, AppError> {
    let me = crate::server_fns::account::me().await?;
    let all = directory_offices(String::new()).await?;
    Ok(all
        .into_iter()
        .filter(|o| me.as_ref().is_some_and(|u| u.reaches(Role::Admin, o.id)))
        .collect())
}

/// An office's (code, name in the page's language), for a chooser.
pub(super) fn code_and_name(o: &OfficeEntry) -> (String, String) {
    (o.code.clone(), o.full_name(use_lang() == Lang::Bn))
}

/// The page's query, `?q=`.
fn query() -> Memo<String> {
    let q = use_query_map();
    Memo::new(move |_| q.read().get("q").unwrap_or_default())
}

#[component]
fn SearchBox(q: String, label: String) -> impl IntoView {
    view! {
        <form method="get" class="search" role="search">
            <label for="q">{label}</label>
            <input id="q" name="q" type="search" value=q/>
            <button type="submit" class="primary">{tr("directory.search")}</button>
        </form>
    }
}

/// "জেলা" for "district"; a kind without a translation shows as stored.
fn kind_label(kind: &str) -> String {
    let key = format!("office_kind.{kind}");
    let label = tr(&key);
    if label == key {
        kind.to_string()
    } else {
        label
    }
}

fn count_line(n: usize) -> String {
    format!("{}{}", fmt_num(n as u64, 1), tr("directory.found"))
}

/// A directory page: its title, the search box, and the matches as a table.
fn directory_page<T, Fut, V>(
    title_key: &'static str,
    search_key: &'static str,
    fetch: fn(String) -> Fut,
    table: fn(Vec<T>) -> V,
) -> impl IntoView
where
    T: Clone + serde::Serialize + serde::de::DeserializeOwned + Send + Sync + 'static,
    Fut: std::future::Future<Output = Result<Vec<T>, AppError>> + Send + 'static,
    V: IntoView + 'static,
{
    let q = query();
    let found = Resource::new(move || q.get(), fetch);
    view! {
        <Title text=format!("{} · {}", tr(title_key), tr("app.name"))/>
        <h1>{tr(title_key)}</h1>
        <SearchBox q=q.get_untracked() label=tr(search_key)/>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move { found.await.map(table) })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
pub fn OfficesPage() -> impl IntoView {
    directory_page(
        "directory.offices",
        "directory.search_offices",
        directory_offices,
        |list| view! { <OfficeTable list/> },
    )
}

#[component]
pub fn PeoplePage() -> impl IntoView {
    view! {
        {directory_page(
            "directory.people",
            "directory.search_people",
            directory_people,
            |list| view! { <PeopleTable list/> },
        )}
        <AddPerson/>
    }
}

/// The form that adds a person at one of the admin's offices. After an
/// error it shows what was typed (from the query) and the message at its field.
#[component]
fn AddPerson() -> impl IntoView {
    let offices = Resource::new(
        || (),
        |_| async {
            Ok::<_, AppError>(
                offices_administered()
                    .await?
                    .iter()
                    .map(code_and_name)
                    .collect::<Vec<_>>(),
            )
        },
    );
    let q = use_query_map();
    let get = move |k: &str| q.read_untracked().get(k).unwrap_or_default();
    let (field, error, added) = (get("field"), get("error"), get("ok") == "added");
    let typed = get("office");
    let input = move |name: &'static str, key: &'static str| {
        let err = (field == name && !error.is_empty()).then(|| error.clone());
        let error_id = format!("{name}-error");
        view! {
            <div class="field">
                <label for=name>{tr(key)}</label>
                <input id=name name=name value=get(name) aria-invalid=err.is_some().to_string() aria-describedby=error_id.clone()/>
                <FieldError id=error_id key=err/>
            </div>
        }
    };
    let office_error = (get("field") == "office").then(|| get("error"));
    view! {
        <section id="add" aria-labelledby="add-heading">
            <h2 id="add-heading">{tr("directory.add_person")}</h2>
            {added.then(|| view! { <p class="notice" role="status">{tr("directory.added")}</p> })}
            <form class="form" method="post" action="/admin/people">
                <div class="grid">
                    {input("name_bn", "directory.name_bn")}
                    {input("name_en", "directory.name_en")}
                    {input("designation_bn", "directory.designation_bn")}
                    {input("designation_en", "directory.designation_en")}
                </div>
                <div class="field">
                    <label for="office">{tr("directory.office")}</label>
                    <Transition fallback=|| ()>
                        {move || {
                            let typed = typed.clone();
                            let office_error = office_error.clone();
                            Suspend::new(async move {
                                let list = offices.await.unwrap_or_default();
                                view! {
                                    <select id="office" name="office" aria-describedby="office-error">
                                        {list.into_iter().map(|(code, name)| {
                                            let selected = code == typed;
                                            let lang = lang_of(&name);
                                            view! { <option value=code selected=selected lang=lang>{name}</option> }
                                        }).collect_view()}
                                    </select>
                                    <FieldError id="office-error" key=office_error/>
                                }
                            })
                        }}
                    </Transition>
                </div>
                <button type="submit" class="primary">{tr("directory.add")}</button>
            </form>
        </section>
    }
}

#[component]
fn OfficeTable(list: Vec<OfficeEntry>) -> impl IntoView {
    view! {
        <p role="status">{count_line(list.len())}</p>
        <table class="directory stack">
            <thead>
                <tr>
                    <th scope="col">{tr("directory.name_bn")}</th>
                    <th scope="col">{tr("directory.name_en")}</th>
                    <th scope="col">{tr("directory.kind")}</th>
                    <th scope="col">{tr("directory.parent")}</th>
                    <th scope="col">{tr("directory.code")}</th>
                </tr>
            </thead>
            <tbody>
                {list.into_iter().map(|o| view! {
                    <tr>
                        <td lang="bn" data-label=tr("directory.name_bn")>{o.full_name(true)}</td>
                        <td lang="en" data-label=tr("directory.name_en")>{o.full_name(false)}</td>
                        <td data-label=tr("directory.kind")>{kind_label(&o.kind)}</td>
                        <td lang="bn" data-label=tr("directory.parent")>{o.parent_bn}</td>
                        <td data-label=tr("directory.code")><code lang="en">{o.code}</code></td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[component]
fn PeopleTable(list: Vec<PersonEntry>) -> impl IntoView {
    view! {
        <p role="status">{count_line(list.len())}</p>
        <table class="directory stack">
            <thead>
                <tr>
                    <th scope="col">{tr("directory.name_bn")}</th>
                    <th scope="col">{tr("directory.name_en")}</th>
                    <th scope="col">{tr("directory.designation")}</th>
                    <th scope="col">{tr("directory.office")}</th>
                </tr>
            </thead>
            <tbody>
                {list.into_iter().map(|p| view! {
                    <tr>
                        <td lang="bn" data-label=tr("directory.name_bn")>{p.name_bn}</td>
                        <td lang="en" data-label=tr("directory.name_en")>{p.name_en}</td>
                        <td data-label=tr("directory.designation")>
                            <span lang="bn">{p.designation_bn}</span>
                            <br/>
                            <span lang="en" class="designation">{p.designation_en}</span>
                        </td>
                        <td data-label=tr("directory.office")>
                            <span lang="bn">{p.office_bn}</span>
                            <br/>
                            <span lang="en" class="designation">{p.office_en}</span>
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// "/admin/holidays": the public holidays working-day deadlines skip.
#[component]
pub fn HolidaysPage() -> impl IntoView {
    let list = Resource::new(|| (), |_| crate::server_fns::directory::list_holidays());
    let q = use_query_map();
    let get = move |k: &str| q.read_untracked().get(k).unwrap_or_default();
    let (field, error, saved) = (get("field"), get("error"), get("ok") == "saved");
    let error_for = move |f: &str| (field == f && !error.is_empty()).then(|| error.clone());
    let (day_err, name_err) = (error_for("day"), error_for("name"));
    view! {
        <Title text=format!("{} · {}", tr("holidays.title"), tr("app.name"))/>
        <h1>{tr("holidays.title")}</h1>
        <p>{tr("holidays.intro")}</p>
        {saved.then(|| view! { <p class="notice" role="status">{tr("holidays.saved")}</p> })}
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move {
                    list.await.map(|days| if days.is_empty() {
                        view! { <p>{tr("holidays.none")}</p> }.into_any()
                    } else { view! {
                        <table class="directory stack">
                            <thead><tr>
                                <th scope="col">{tr("holidays.day")}</th>
                                <th scope="col">{tr("holidays.name")}</th>
                                <th scope="col"><span class="visually-hidden">{tr("editor.remove")}</span></th>
                            </tr></thead>
                            <tbody>
                                {days.into_iter().map(|(day, name)| view! {
                                    <tr>
                                        <td data-label=tr("holidays.day")>{fmt_date(day)}</td>
                                        <td data-label=tr("holidays.name")>{data(name.clone())}</td>
                                        <td>
                                            <form method="post" action="/admin/holidays" class="inline">
                                                <input type="hidden" name="day" value=day.to_string()/>
                                                <button type="submit" class="secondary danger" name="remove" value="1"
                                                    aria-label=format!("{}: {name}", tr("editor.remove"))>{tr("editor.remove")}</button>
                                            </form>
                                        </td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any() })
                })}
            </ErrorBoundary>
        </Transition>
        <h2>{tr("holidays.add")}</h2>
        <form class="form narrow" method="post" action="/admin/holidays">
            <div class="field">
                <label for="day">{tr("holidays.day_input")}</label>
                <input id="day" name="day" value=get("day") inputmode="numeric" aria-invalid=day_err.is_some().to_string() aria-describedby="day-error"/>
                <FieldError id="day-error" key=day_err/>
            </div>
            <div class="field">
                <label for="name">{tr("holidays.name")}</label>
                <input id="name" name="name" value=get("name") aria-invalid=name_err.is_some().to_string() aria-describedby="name-error"/>
                <FieldError id="name-error" key=name_err/>
            </div>
            <button type="submit" class="primary">{tr("directory.add")}</button>
        </form>
    }
}
