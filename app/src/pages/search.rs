//! "/search?q=": one box over meetings, agenda items and decisions. A GET
//! form, so it works without JavaScript and a search can be bookmarked.
use crate::components::data::data;
use crate::components::error_list::ErrorList;
use crate::domain::search::{Hit, MIN_QUERY};
use crate::i18n::{fmt_num, tr};
use crate::server_fns::meetings::search;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SearchPage() -> impl IntoView {
    let q = use_query_map();
    let query = Memo::new(move |_| q.read().get("q").unwrap_or_default());
    let hits = Resource::new(move || query.get(), search);
    view! {
        <Title text=format!("{} · {}", tr("search.title"), tr("app.name"))/>
        <h1>{tr("search.title")}</h1>
        <form method="get" action="/search" class="search" role="search">
            <label for="q">{tr("search.label")}</label>
            <input id="q" name="q" type="search" value=query.get_untracked()/>
            <button type="submit" class="primary">{tr("directory.search")}</button>
        </form>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move {
                    let typed = query.get_untracked();
                    hits.await.map(|hits| view! { <Hits hits typed/> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn Hits(hits: Vec<Hit>, typed: String) -> impl IntoView {
    if typed.trim().chars().count() < MIN_QUERY {
        return (!typed.is_empty())
            .then(|| view! { <p>{tr("search.too_short")}</p> })
            .into_any();
    }
    view! {
        <p role="status">{format!("{}{}", fmt_num(hits.len() as u64, 1), tr("directory.found"))}</p>
        <ol class="hits">
            {hits.into_iter().map(|h| view! {
                <li>
                    <span class="badge open">{tr(&format!("search.kind.{}", h.kind))}</span>
                    " "
                    <a href=format!("/meetings/{}{}", h.meeting_id, h.anchor.map(|a| format!("#{a}")).unwrap_or_default())>{data(h.meeting_title)}</a>
                    <p class="snippet">{data(h.snippet)}</p>
                </li>
            }).collect_view()}
        </ol>
    }
    .into_any()
}
