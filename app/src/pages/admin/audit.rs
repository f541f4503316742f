use crate::components::error_list::ErrorList;
use crate::domain::audit::AuditEntry;
use crate::i18n::{fmt_digits, tr, use_lang, Lang};
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
                        let details = [e.before.as_deref(), e.after.as_deref()]
                            .into_iter()
                            .flatten()
                            .collect::<Vec<_>>()
                            .join(" → ");
                        view! {
                            <tr>
                                <td>{when(&e)}</td>
                                <td>{e.actor.clone().unwrap_or_else(|| tr("audit.system"))}</td>
                                <td>{tr(&format!("audit.{}", e.action))}</td>
                                <td class="details">{details}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
