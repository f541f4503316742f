use crate::components::data::data;
use crate::components::error_list::ErrorList;
use crate::domain::MeetingSummary;
use crate::i18n::{fmt_date, fmt_num, tr, use_lang};
use crate::server_fns::meetings::list_meetings;
use leptos::prelude::*;
use leptos_meta::Title;

/// "/" — every meeting, newest first.
#[component]
pub fn MeetingsPage() -> impl IntoView {
    let meetings = Resource::new(|| (), |_| list_meetings());
    // Only a secretary drafts minutes: others are not offered the button.
    let user = Resource::new(|| (), |_| crate::server_fns::account::me());
    view! {
        <Title text=format!("{} · {}", tr("meetings.title"), tr("app.name"))/>
        <div class="section-head">
            <h1>{tr("meetings.title")}</h1>
            <Transition fallback=|| ()>
                {move || Suspend::new(async move {
                    let drafts = user
                        .await
                        .ok()
                        .flatten()
                        .is_some_and(|u| u.has_role(crate::domain::auth::Role::Secretary));
                    drafts.then(|| view! {
                        <a class="button primary" href="/meetings/new">{tr("editor.new")}</a>
                    })
                })}
            </Transition>
        </div>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move {
                    meetings.await.map(|list| view! { <MeetingTable list/> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn MeetingTable(list: Vec<MeetingSummary>) -> impl IntoView {
    if list.is_empty() {
        return view! { <p>{tr("meetings.empty")}</p> }.into_any();
    }
    view! {
        <table class="meetings stack">
            <thead>
                <tr>
                    <th scope="col">{tr("meetings.col.title")}</th>
                    <th scope="col">{tr("meetings.col.office")}</th>
                    <th scope="col">{tr("meetings.col.date")}</th>
                    <th scope="col">{tr("meetings.col.period")}</th>
                    <th scope="col">{tr("meetings.col.decisions")}</th>
                    <th scope="col">{tr("meetings.col.status")}</th>
                </tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|m| {
                        view! {
                            <tr>
                                <td data-label=tr("meetings.col.title")>
                                    <a href=format!("/meetings/{}", m.id)>{data(m.title)}</a>
                                </td>
                                <td data-label=tr("meetings.col.office")>{data(m.office_name)}</td>
                                <td data-label=tr("meetings.col.date")>{fmt_date(m.held_on)}</td>
                                <td data-label=tr("meetings.col.period")>{format!("{}, {}", m.fiscal_year.label(use_lang()), m.quarter.label(use_lang()))}</td>
                                <td class="num" data-label=tr("meetings.col.decisions")>{fmt_num(m.decisions, 1)}</td>
                                <td data-label=tr("meetings.col.status")>{tr(&m.status.label_key())}</td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}
