use super::workflow::WorkflowPanel;
use crate::components::data::data;
use crate::components::error_list::{or_error, ErrorList};
use crate::components::rendered::{rendered, Same};
use crate::domain::{
    decision_marker,
    minutes::{AgendaItem, Minutes},
    Meeting, MeetingStatus,
};
use crate::error::AppError;
use crate::i18n::{fmt_date, fmt_digits, fmt_num, fmt_time, t, tr, tr_fill, use_lang, Lang};
use crate::pages::admin::AuditTable;
use crate::server_fns::audit::meeting_audit;
use crate::server_fns::meetings::get_meeting;
use crate::server_fns::tracking::meeting_assignments;
use crate::server_fns::workflow::meeting_workflow;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::sync::Arc;
use uuid::Uuid;

/// "/meetings/:id" — the minutes laid out as the memo reads.
#[component]
pub fn MeetingPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| Uuid::parse_str(&s).ok())
    };
    // One resource and one boundary for the whole page: each resource and
    // each suspense costs the render its own owner, task and buffer. The
    // parts are read one after the other: usually from what is kept, where
    // that costs nothing; after a write to the meeting, each waits for the
    // one before it (the sum of their reads, not the longest).
    let page = Resource::new(id, |id| async move {
        let id = id.ok_or(AppError::NotFound)?;
        Ok::<_, AppError>(Parts::read(id).await?)
    });
    view! {
        <p class="back"><a href="/">{tr("meeting.back")}</a></p>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move { page.await.map(Parts::view) })}
            </ErrorBoundary>
        </Transition>
    }
}

/// What a meeting page shows. The minutes are needed (without them there is
/// no page); each other part shows its own error in its place.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct Parts {
    id: Uuid,
    // Shared, not copied: a meeting is tens of kB of text, rendered once
    // per kept `Arc`. Its carry-forward is shown apart (below the workflow
    // and implementation), and kept apart, so a report on an earlier
    // meeting leaves the minutes' kept HTML as it is.
    meeting: Arc<Meeting>,
    carried: Arc<Vec<crate::domain::tracking::CarriedDecision>>,
    workflow: Result<crate::domain::issue::WorkflowView, AppError>,
    assignments: Result<Vec<crate::domain::tracking::AssignmentRow>, AppError>,
    history: Result<Vec<crate::domain::audit::AuditEntry>, AppError>,
}

impl Parts {
    async fn read(id: Uuid) -> Result<Parts, AppError> {
        let (meeting, carried) = get_meeting(id).await?;
        Ok(Parts {
            id,
            meeting,
            carried,
            workflow: meeting_workflow(id).await,
            assignments: meeting_assignments(id).await,
            history: meeting_audit(id).await,
        })
    }

    fn view(self) -> impl IntoView {
        let Parts {
            id,
            meeting,
            carried,
            workflow,
            assignments,
            history,
        } = self;
        let title = format!("{} · {}", meeting.minutes.title, tr("app.name"));
        let assignments =
            assignments.map(|rows| {
                (!rows.is_empty()).then(|| {
                rendered("implementation", rows, |rows| view! {
                    <section class="implementation" aria-labelledby="implementation-heading">
                        <h2 id="implementation-heading">{tr("meeting.implementation")}</h2>
                        <crate::pages::tracking::ImplementationTable rows/>
                    </section>
                })
            })
            });
        view! {
            <Title text=title/>
            {rendered("minutes", Same(meeting), |Same(m)| view! { <MeetingView meeting=Arc::unwrap_or_clone(m)/> })}
            {or_error(workflow.map(|view| view! { <WorkflowPanel id view/> }))}
            // Each office's part of each decision, for whoever may open it:
            // the secretary and chair find the reports to verify here.
            {or_error(assignments)}
            // The meeting came with its carried-forward decisions.
            {(!carried.is_empty()).then(|| rendered("carried", Same(carried), |Same(list)| view! {
                <crate::pages::tracking::CarriedTable list=Arc::unwrap_or_clone(list)/>
            }))}
            <section class="history" aria-labelledby="history-heading">
                <h2 id="history-heading">{tr("audit.title")}</h2>
                {or_error(history.map(|list| view! { <AuditTable list/> }))}
            </section>
        }
    }
}

#[component]
fn MeetingView(meeting: Meeting) -> impl IntoView {
    let Meeting {
        id,
        office,
        minutes,
        corrects,
        imported,
        ..
    } = meeting;
    let Minutes {
        title,
        chair,
        held_on,
        starts_at,
        venue,
        preamble,
        closing,
        agenda,
        status,
        ..
    } = minutes.clone();
    let doc_lang = Lang::from_code(&minutes.language).unwrap_or_default();
    view! {
        <article class="minutes">
            <header class="memo-head">
                <p>{tr("meeting.government")}</p>
                <p>{data(office.name)}</p>
                <p>{data(office.place)}</p>
                <p>{data(office.branch)}</p>
            </header>
            <h1>{data(title)}</h1>
            {corrects.map(|n| view! { <p class="corrects">{tr_fill("meeting.corrects", &fmt_digits(&n))}</p> })}
            <p class="status">{tr("meeting.status")}": "{tr(&status.label_key())}</p>
            {imported.then(|| view! { <p class="notice imported" role="note">{tr("meeting.imported")}</p> })}
            // Plain links (rel=external: files, not pages of the app's router),
            // so they work without JavaScript. The PDF opens in the browser's
            // viewer, which prints it.
            <nav class="actions" aria-label=tr("meeting.actions")>
                {(status == MeetingStatus::Draft).then(|| view! {
                    <a class="button" href=format!("/meetings/{id}/edit")>{tr("editor.edit")}</a>
                })}
                <a class="button primary" href=format!("/meetings/{id}/memo.pdf") rel="external" target="_blank">
                    {tr("meeting.memo_pdf")}
                </a>
                <a class="button" href=format!("/meetings/{id}/memo.pdf?download=1") rel="external" download>
                    {tr("meeting.memo_download")}
                </a>
                <a class="button" href=format!("/meetings/{id}/minutes.json") rel="external" download>
                    {tr("meeting.json_download")}
                </a>
            </nav>
            <dl class="meta">
                <dt>{tr("meeting.chair")}</dt>
                <dd>{data(chair.name)}" "<span class="designation">{data(chair.designation)}</span></dd>
                <dt>{tr("meeting.date")}</dt>
                <dd>{tr_fill("meeting.held_on", &fmt_date(held_on))}</dd>
                <dt>{tr("meeting.time")}</dt>
                <dd>{fmt_time(starts_at)}</dd>
                <dt>{tr("meeting.venue")}</dt>
                <dd>{data(venue)}</dd>
                <dt>{tr("meeting.attendance")}</dt>
                <dd><a href="#appendix">{tr("meeting.attendance_ref")}</a></dd>
            </dl>
            // The document's own sentence, in the minutes' language.
            <p class="preamble">{data(format!("{preamble} {}", t(doc_lang, "memo.decisions_taken")))}</p>
            <Agenda agenda issued_on=minutes.issued_on/>
            <p class="closing">{data(closing)}</p>
            <MemoFooter minutes=minutes.clone()/>
            <Appendix minutes/>
        </article>
    }
}

/// The agenda, the page's one island: each item's button collapses and
/// expands its discussion and decisions, and one button does all. Everything
/// starts open, so a reader without JavaScript sees the whole minutes.
#[island]
fn Agenda(agenda: Vec<AgendaItem>, issued_on: Option<chrono::NaiveDate>) -> impl IntoView {
    crate::mark_hydrated();
    // One signal per agenda item: open (true) or collapsed.
    let open: Vec<RwSignal<bool>> = agenda.iter().map(|_| RwSignal::new(true)).collect();
    let all_open = {
        let open = open.clone();
        move || open.iter().all(|s| s.get())
    };
    let toggle_all = {
        let open = open.clone();
        let all_open = all_open.clone();
        move |_| {
            let target = !all_open();
            open.iter().for_each(|s| s.set(target));
        }
    };
    view! {
        <section aria-labelledby="agenda-heading">
            <div class="section-head">
                <h2 id="agenda-heading">{tr("meeting.agenda")}</h2>
                <button type="button" class="secondary" on:click=toggle_all>
                    {move || if all_open() { tr("meeting.collapse_all") } else { tr("meeting.expand_all") }}
                </button>
            </div>
            {agenda
                .into_iter()
                .zip(open)
                .enumerate()
                .map(|(i, (item, open))| view! { <AgendaItemCard item serial=i + 1 open issued_on/> })
                .collect_view()}
        </section>
    }
}

/// One agenda item of [`Agenda`].
#[component]
fn AgendaItemCard(
    item: AgendaItem,
    serial: usize,
    open: RwSignal<bool>,
    issued_on: Option<chrono::NaiveDate>,
) -> impl IntoView {
    let serial_bn = fmt_num(serial as u64, 2);
    let body_id = format!("agenda-{serial}");
    let count = item.decisions.len();
    view! {
        <section class="agenda-item" id=format!("item-{serial}") class:collapsed=move || !open.get()>
            <header>
                <h3>
                    <span class="serial">{serial_bn}</span>
                    " "
                    {data(item.subject)}
                </h3>
                <button
                    type="button"
                    aria-expanded=move || open.get().to_string()
                    aria-controls=body_id.clone()
                    on:click=move |_| open.update(|o| *o = !*o)
                >
                    {move || if open.get() { tr("meeting.collapse") } else { tr("meeting.expand") }}
                </button>
            </header>
            <div class="agenda-body" id=body_id hidden=move || !open.get()>
                <h4>{tr("meeting.discussion")}</h4>
                <p class="discussion">{data(item.discussion)}</p>
                <h4>{tr("meeting.decision")}</h4>
                <ol class="decisions">
                    {item
                        .decisions
                        .into_iter()
                        .enumerate()
                        .map(|(i, d)| {
                            view! {
                                <li id=format!("item-{serial}-{}", i + 1)>
                                    <p>
                                        {decision_marker(i, count, use_lang()).map(|m| view! { <span class="marker">{m}" "</span> })}
                                        {data(d.text)}
                                    </p>
                                    <p class="implementers">
                                        <span class="label">{tr("meeting.implementer")}": "</span>
                                        {data(d.implementers.iter().map(|i| i.label.as_str()).collect::<Vec<_>>().join("; "))}
                                    </p>
                                    <p class="deadline">
                                        <span class="label">{tr("meeting.deadline")}": "</span>
                                        {d.deadline.label(use_lang())}
                                        // Once issued, "within N days" is a date.
                                        {issued_on
                                            .filter(|_| matches!(d.deadline, crate::domain::Deadline::DaysAfterIssue(_) | crate::domain::Deadline::WorkingDaysAfterIssue(_)))
                                            .and_then(|on| d.deadline.due_on(on))
                                            .map(|due| format!(" ({})", fmt_date(due)))}
                                    </p>
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            </div>
        </section>
    }
}

/// Signature, memo number with the issue date, and the অনুলিপি list.
#[component]
fn MemoFooter(minutes: Minutes) -> impl IntoView {
    view! {
        <div class="signature">
            <p>{data(minutes.chair.name)}</p>
            <p>{data(minutes.chair.designation)}</p>
        </div>
        {minutes.memo_number.map(|n| view! {
            <p class="memo-line">
                <span>{tr("meeting.memo_number")}": "{fmt_digits(&n)}</span>
                {minutes.issued_on.map(|d| view! { <span>{tr("meeting.issue_date")}": "{fmt_date(d)}</span> })}
            </p>
        })}
        <div class="distribution">
            <p>{tr("meeting.copy_to")}": "{data(minutes.distribution.heading)}</p>
            <ol>
                {minutes.distribution.recipients.into_iter().map(|r| view! { <li>{data(r)}</li> }).collect_view()}
            </ol>
        </div>
        {minutes.issuer.map(|s| view! {
            <div class="signature">
                <p>{data(s.name)}</p>
                <p>{data(s.designation)}</p>
            </div>
        })}
    }
}

/// Appendix "ক": attendance in signing order.
#[component]
fn Appendix(minutes: Minutes) -> impl IntoView {
    view! {
        <section id="appendix" aria-labelledby="appendix-heading">
            <h2 id="appendix-heading">{tr("meeting.appendix")}</h2>
            <table class="attendance stack">
                <thead>
                    <tr>
                        <th scope="col">{tr("meeting.serial")}</th>
                        <th scope="col">{tr("meeting.name_designation")}</th>
                        <th scope="col">{tr("meeting.office")}</th>
                    </tr>
                </thead>
                <tbody>
                    {minutes
                        .attendees
                        .into_iter()
                        .enumerate()
                        .map(|(i, a)| view! {
                            <tr>
                                <td class="num" data-label=tr("meeting.serial")>{fmt_num(i as u64 + 1, 2)}</td>
                                <td data-label=tr("meeting.name_designation")>
                                    {(!a.name.is_empty()).then(|| view! { {data(a.name)}<br/> })}
                                    <span class="designation">{data(a.designation)}</span>
                                </td>
                                <td data-label=tr("meeting.office")>{data(a.office)}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        </section>
    }
}
