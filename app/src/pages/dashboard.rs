//! "/dashboard": what a monitoring officer watches. Per office the open and
//! overdue work of every year and the chosen year's finished work, per
//! meeting and per quarter the share of decisions implemented against the
//! APA target, and whether each office held its quarterly meeting. A GET form
//! chooses the year, so it works without JavaScript.
use crate::components::chart::Meter;
use crate::components::data::data;
use crate::components::error_list::or_error;
use crate::components::rendered::rendered;
use crate::domain::dates::{FiscalYear, Quarter};
use crate::domain::tracking::{Compliance, Dashboard, Held, APA_TARGET_PERCENT};
use crate::i18n::{fmt_num, tr, use_lang};
use crate::server_fns::tracking::{apa_compliance, load_dashboard};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let q = use_query_map();
    let fy = Memo::new(move |_| q.read().get("fy").unwrap_or_default());
    // One resource and one boundary for the page (each costs the render a
    // task and a buffer of its own); each part says its own error.
    let parts = Resource::new(
        move || fy.get(),
        |fy| async move { (load_dashboard(fy.clone()).await, apa_compliance(fy).await) },
    );
    view! {
        <Title text=format!("{} · {}", tr("dashboard.title"), tr("app.name"))/>
        <h1>{tr("dashboard.title")}</h1>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            {move || Suspend::new(async move {
                let (data, compliance) = parts.await;
                view! {
                    {or_error(data.map(|d| rendered("dashboard", d, |d| view! { <DashboardView d/> })))}
                    {or_error(compliance.map(|c| rendered("compliance", c, |c| view! { <ComplianceView c/> })))}
                }
            })}
        </Transition>
    }
}

fn percent(done: u32, of: u32) -> u32 {
    if of == 0 {
        0
    } else {
        done * 100 / of
    }
}

#[component]
fn DashboardView(d: Dashboard) -> impl IntoView {
    let n = |v: u32| fmt_num(v, 1);
    let lang = use_lang();
    // Every counted year is offered, the shown one selected: the filter keeps
    // its value, and this year is there even before its first meeting.
    let year = d.fiscal_year.unwrap_or_default();
    let mut years = d.years.clone();
    if !years.contains(&year) {
        years.push(year);
        years.sort_unstable_by(|a, b| b.cmp(a));
    }
    let more = (d.meetings_total as usize > d.meetings.len()).then(|| {
        view! { <p class="hint">{tr("dashboard.newest")}" "{n(d.meetings_total)}</p> }
    });
    let worst = d
        .offices
        .iter()
        .map(|t| t.overdue.max(t.late))
        .max()
        .unwrap_or(0);
    view! {
        <form method="get" action="/dashboard" class="search">
            <label for="fy">{tr("apa.fiscal_year")}</label>
            <select id="fy" name="fy">
                {years.into_iter().map(|y| view! {
                    <option value=FiscalYear(y).code() selected=y == year>{FiscalYear(y).label(lang)}</option>
                }).collect_view()}
            </select>
            <button type="submit" class="secondary">{tr("apa.show")}</button>
        </form>
        <nav class="actions" aria-label=tr("dashboard.title")>
            <a class="button" href="/reports/implementation.csv" rel="external" download>{tr("report.csv")}</a>
            <a class="button" href="/reports/implementation.xlsx" rel="external" download>{tr("report.xlsx")}</a>
            <a class="button" href="/reports/implementation.pdf" rel="external" target="_blank">{tr("report.pdf")}</a>
        </nav>
        <h2>{tr("dashboard.by_office")}</h2>
        <p class="hint">{tr("dashboard.by_office_hint")}</p>
        <table class="dashboard stack">
            <thead>
                <tr>
                    <th scope="col">{tr("tracking.office")}</th>
                    <th scope="col">{tr("dashboard.open")}</th>
                    <th scope="col">{tr("dashboard.overdue")}</th>
                    <th scope="col">{tr("dashboard.on_time")}</th>
                    <th scope="col">{tr("dashboard.late")}</th>
                </tr>
            </thead>
            <tbody>
                {d.offices.into_iter().map(|t| { let overdue = t.overdue > 0; view! {
                    <tr>
                        <td data-label=tr("tracking.office")>{data(t.office)}</td>
                        <td class="num" data-label=tr("dashboard.open")>{n(t.open)}</td>
                        <td class="num" class:overdue=overdue data-label=tr("dashboard.overdue")>
                            <Meter value=t.overdue max=worst kind="overdue"/>" "{n(t.overdue)}
                        </td>
                        <td class="num" data-label=tr("dashboard.on_time")>{n(t.on_time)}</td>
                        <td class="num" data-label=tr("dashboard.late")>
                            <Meter value=t.late max=worst kind="late"/>" "{n(t.late)}
                        </td>
                    </tr>
                }}).collect_view()}
            </tbody>
        </table>
        <h2>{tr("dashboard.by_quarter")}</h2>
        <table class="dashboard stack">
            <thead>
                <tr>
                    <th scope="col">{tr("apa.quarter")}</th>
                    <th scope="col">{tr("dashboard.implemented")}</th>
                    <th scope="col">{tr("dashboard.completion")}</th>
                </tr>
            </thead>
            <tbody>
                {d.quarters.into_iter().map(|(fy, q, done, of)| {
                    let pct = percent(done, of);
                    let kind = if pct >= APA_TARGET_PERCENT { "met" } else { "done" };
                    view! {
                        <tr>
                            <td data-label=tr("apa.quarter")>{format!("{}, {}", FiscalYear(fy).label(lang), Quarter::new(q).map(|q| q.label(lang)).unwrap_or_default())}</td>
                            <td class="num" data-label=tr("dashboard.implemented")>{format!("{} / {}", n(done), n(of))}</td>
                            <td data-label=tr("dashboard.completion")>
                                <Meter value=pct max=100 kind=kind target=APA_TARGET_PERCENT/>
                                " "{format!("{}% ({} {}%)", n(pct), tr("apa.target"), n(APA_TARGET_PERCENT))}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        <h2>{tr("dashboard.by_meeting")}</h2>
        <table class="dashboard stack">
            <thead>
                <tr>
                    <th scope="col">{tr("tracking.meeting")}</th>
                    <th scope="col">{tr("dashboard.implemented")}</th>
                    <th scope="col">{tr("dashboard.completion")}</th>
                </tr>
            </thead>
            <tbody>
                {d.meetings.into_iter().map(|(id, title, done, of)| {
                    let pct = percent(done, of);
                    let kind = if pct >= APA_TARGET_PERCENT { "met" } else { "done" };
                    view! {
                        <tr>
                            <td data-label=tr("tracking.meeting")>
                                <a href=format!("/meetings/{id}")>{data(title)}</a>
                                " · "
                                <a href=format!("/reports/implementation.csv?meeting={id}") rel="external" download>"CSV"</a>
                                " · "
                                <a href=format!("/reports/implementation.xlsx?meeting={id}") rel="external" download>"XLSX"</a>
                            </td>
                            <td class="num" data-label=tr("dashboard.implemented")>{format!("{} / {}", n(done), n(of))}</td>
                            <td data-label=tr("dashboard.completion")>
                                <Meter value=pct max=100 kind=kind target=APA_TARGET_PERCENT/>" "{format!("{}%", n(pct))}
                            </td>
                        </tr>
                    }
                }).collect_view()}
            </tbody>
        </table>
        {more}
    }
}

/// "Was a citizen-charter meeting held and its minutes issued?" per office
/// and quarter of the chosen fiscal year: a grid of coloured marks, each with
/// its words.
#[component]
fn ComplianceView(c: Compliance) -> impl IntoView {
    let lang = use_lang();
    let mark = |h: Held| {
        let (class, key) = match h {
            Held::Issued => ("finished", "apa.issued"),
            Held::Held => ("due-soon", "apa.held"),
            Held::None => ("overdue", "apa.none"),
            Held::NotYet => ("open", "apa.not_yet"),
        };
        view! { <span class=format!("badge {class}")>{tr(key)}</span> }
    };
    view! {
        <section aria-labelledby="apa-heading">
            <h2 id="apa-heading">{tr("apa.title")}" — "{FiscalYear(c.fiscal_year).label(lang)}</h2>
            <table class="dashboard compliance stack">
                <thead>
                    <tr>
                        <th scope="col">{tr("tracking.office")}</th>
                        {(1..=4u8).map(|q| view! { <th scope="col">{Quarter::new(q).map(|q| q.label(lang))}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {c.offices.into_iter().map(|(office, quarters)| view! {
                        <tr>
                            <td data-label=tr("tracking.office")>{data(office)}</td>
                            {quarters.into_iter().zip(1..=4u8).map(|(h, q)| view! {
                                <td data-label=Quarter::new(q).map(|q| q.label(lang)).unwrap_or_default()>{mark(h)}</td>
                            }).collect_view()}
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
