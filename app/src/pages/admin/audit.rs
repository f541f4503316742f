use crate::components::data::data;
use crate::components::error_list::ErrorList;
use crate::domain::audit::{details, AuditEntry, Shown};
use crate::i18n::{fmt_date, fmt_digits, fmt_num, tr, use_lang, Lang};
use crate::server_fns::audit::recent_audit;
use leptos::prelude::*;
use leptos_meta::Title;

/// "/admin/audit": the newest changes, for admins.
#[component]
pub fn AuditPage() -> impl IntoView {
    let entries = Resource::new(|| (), |_| recent_audit());
    view! {
        <Title text=format!("{} · {}", tr("audit.title"), tr("app.name"))/>
        <h1>{tr("audit.title")}</h1>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move { entries.await.map(|list| view! { <AuditTable list/> }) })}
            </ErrorBoundary>
        </Transition>
    }
}

/// A table of audit entries; also used on each meeting's page.
#[component]
pub fn AuditTable(list: Vec<AuditEntry>) -> impl IntoView {
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
        <table class="audit">
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
                                <td>{when(&e)}</td>
                                <td>{match e.actor.clone() { Some(a) => data(a).into_any(), None => tr("audit.system").into_any() }}</td>
                                <td>{tr(&format!("audit.{}", e.action))}</td>
                                <td class="details"><Details details/></td>
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
