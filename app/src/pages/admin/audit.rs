//! "/admin/audit": who changed what, in words, newest first; filtered by
//! office, person and days with a GET form (works without JavaScript; the
//! filter stays in the address). Its table is also each meeting's history.
use super::directory::offices_administered;
use crate::components::data::{data, lang_of};
use crate::components::error_list::ErrorList;
use crate::components::form::field_name;
use crate::domain::audit::{details, AuditEntry, Shown};
use crate::i18n::{fmt_date, fmt_digits, fmt_num, tr, use_lang, Lang};
use crate::server_fns::audit::recent_audit;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let q = use_query_map();
    let get = move |k: &str| q.read_untracked().get(k).unwrap_or_default();
    let (office, person, from, to) = (get("office"), get("person"), get("from"), get("to"));
    let entries = {
        let (office, person, from, to) = (office.clone(), person.clone(), from.clone(), to.clone());
        Resource::new(
            || (),
            move |_| recent_audit(office.clone(), person.clone(), from.clone(), to.clone()),
        )
    };
    let offices = Resource::new(|| (), |_| offices_administered());
    let lang = use_lang();
    view! {
        <Title text=format!("{} · {}", tr("audit.title"), tr("app.name"))/>
        <h1>{tr("audit.title")}</h1>
        <form method="get" action="/admin/audit" class="filters">
            <div class="field">
                <label for="office">{tr("users.office")}</label>
                <Transition fallback=|| ()>
                    {
                        let office = office.clone();
                        move || {
                            let office = office.clone();
                            Suspend::new(async move {
                                let list = offices.await.unwrap_or_default();
                                view! {
                                    <select id="office" name="office">
                                        <option value="">{tr("audit.any_office")}</option>
                                        {list.into_iter().map(|o| {
                                            let id = o.id.to_string();
                                            let selected = id == office;
                                            let name = o.full_name(lang == Lang::Bn);
                                            let in_lang = lang_of(&name);
                                            view! { <option value=id selected=selected lang=in_lang>{name}</option> }
                                        }).collect_view()}
                                    </select>
                                }
                            })
                        }
                    }
                </Transition>
            </div>
            <div class="field">
                <label for="person">{tr("audit.who")}</label>
                <input id="person" name="person" value=person/>
            </div>
            <div class="field">
                <label for="from">{tr("audit.from")}</label>
                <input id="from" name="from" type="date" value=from/>
            </div>
            <div class="field">
                <label for="to">{tr("audit.to")}</label>
                <input id="to" name="to" type="date" value=to/>
            </div>
            <button type="submit" class="secondary">{tr("apa.show")}</button>
        </form>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move { entries.await.map(|list| view! { <AuditTable list linked=true/> }) })}
            </ErrorBoundary>
        </Transition>
    }
}

/// A table of audit entries; also used on each meeting's page (where
/// `linked` is off: every entry is that meeting's).
#[component]
pub fn AuditTable(list: Vec<AuditEntry>, #[prop(optional)] linked: bool) -> impl IntoView {
    if list.is_empty() {
        return view! { <p>{tr("audit.empty")}</p> }.into_any();
    }
    let lang = use_lang();
    // Times are shown in Bangladesh time (UTC+6, no daylight saving).
    let when = move |e: &AuditEntry| {
        let local = e.at + chrono::Duration::hours(6);
        let text = local.format("%Y-%m-%d %H:%M").to_string();
        if lang == Lang::Bn {
            fmt_digits(&text)
        } else {
            text
        }
    };
    view! {
        <table class="audit stack">
            <thead>
                <tr>
                    <th scope="col">{tr("audit.when")}</th>
                    <th scope="col">{tr("audit.who")}</th>
                    <th scope="col">{tr("audit.what")}</th>
                    <th scope="col">{tr("audit.details")}</th>
                </tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|e| {
                        let details = details(e.before.as_deref(), e.after.as_deref());
                        view! {
                            <tr>
                                <td data-label=tr("audit.when")>{when(&e)}</td>
                                <td data-label=tr("audit.who")>{match e.actor.clone() { Some(a) => data(a).into_any(), None => tr("audit.system").into_any() }}</td>
                                <td data-label=tr("audit.what")>
                                    {tr(&format!("audit.{}", e.action))}
                                    {e.meeting.clone().filter(|_| linked).map(|(id, title)| view! {
                                        <br/><a href=format!("/meetings/{id}")>{data(title)}</a>
                                    })}
                                </td>
                                <td class="details" data-label=tr("audit.details")><Details details/></td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

/// An event's changed fields in words: "অবস্থা: শুরু হয়নি → সম্পন্ন".
#[component]
fn Details(details: Vec<crate::domain::audit::Detail>) -> impl IntoView {
    let value = |v: Shown| match v {
        Shown::Text(t) => data(fmt_digits_if_code(t)).into_any(),
        Shown::Words(keys) => keys
            .iter()
            .map(|k| tr(k))
            .collect::<Vec<_>>()
            .join(", ")
            .into_any(),
        Shown::Date(d) => fmt_date(d).into_any(),
        Shown::Number(n) => fmt_num(n.max(0) as u64, 1).into_any(),
        Shown::Fields(paths) => paths
            .iter()
            .map(|p| field_name(p))
            .collect::<Vec<_>>()
            .join(", ")
            .into_any(),
    };
    view! {
        <ul class="plain">
            {details.into_iter().map(|d| view! {
                <li>
                    {tr(&d.label)}": "
                    {d.before.map(|b| view! { {value(b)}" → " })}
                    {d.after.map(value)}
                </li>
            }).collect_view()}
        </ul>
    }
}

/// Memo numbers are digits and dots; they follow the page's numerals.
fn fmt_digits_if_code(text: String) -> String {
    if text
        .chars()
        .all(|c| c.is_ascii_digit() || c == '.' || ('০'..='৯').contains(&c))
    {
        fmt_digits(&text)
    } else {
        text
    }
}
