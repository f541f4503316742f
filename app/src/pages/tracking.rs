//! Tracking pages: "/my" (what my office owes), "/assignments/:id" (one
//! office's part of a decision: its history, the report form, the review
//! form), and the meeting page's tables of its decisions' state. Forms are
//! plain posts, so everything works without JavaScript.
use crate::components::data::data;
use crate::components::error_list::{or_error, ErrorList};
use crate::components::form::FieldError;
use crate::components::rendered::rendered;
use crate::domain::paging::Page;
use crate::domain::tracking::{AssignmentRow, AssignmentView, CarriedDecision, Progress, Urgency};
use crate::i18n::{fmt_date, fmt_digits, fmt_num, tr};
use crate::server_fns::tracking::{
    assignment, my_assignments, my_reminders, to_approve, to_verify,
};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use uuid::Uuid;

fn status_label(p: Progress) -> String {
    tr(&format!("tracking.status.{}", p.code()))
}

fn due_label(row: &AssignmentRow) -> String {
    row.due_on.map(fmt_date).unwrap_or_else(|| "—".into())
}

/// Reported done but not yet verified is not finished for the reader: it
/// waits, neutral, until the secretary or chair has checked it.
fn urgency_cell(u: Urgency, status: Progress) -> impl IntoView {
    let (class, key) = match (u, status) {
        (_, Progress::Done) => ("badge open", "tracking.awaiting"),
        (Urgency::Overdue, _) => ("badge overdue", "tracking.overdue"),
        (Urgency::DueSoon, _) => ("badge due-soon", "tracking.due_soon"),
        (Urgency::Open, _) => ("badge open", "tracking.open"),
        (Urgency::Finished, _) => ("badge finished", "tracking.finished"),
    };
    view! { <span class=class>{tr(key)}</span> }
}

/// "০২.১": the agenda item and the decision inside it.
fn decision_no(row: &AssignmentRow) -> String {
    format!(
        "{}.{}",
        fmt_num(row.item as u64, 2),
        fmt_num(row.decision as u64, 1)
    )
}

/// "/my": the minutes waiting for this user's approval (as their chair) and
/// the reports waiting for their verification (as a meeting's secretary or
/// chair), then what their office owes.
#[component]
pub fn MyDecisionsPage() -> impl IntoView {
    // One resource and one boundary for the page (each costs the render a
    // task and a buffer of its own).
    let work = Resource::new(|| (), |_| MyWork::read());
    view! {
        <Title text=format!("{} · {}", tr("tracking.my_work"), tr("app.name"))/>
        <h1>{tr("tracking.my_work")}</h1>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            {move || Suspend::new(async move { work.await.view() })}
        </Transition>
    }
}

/// What "/my" shows: the others are shown when there is something in them;
/// the office's own list, or why it could not be read, always.
#[derive(Clone, serde::Serialize, serde::Deserialize)]
struct MyWork {
    approvals: Vec<crate::domain::MeetingSummary>,
    waiting: Vec<AssignmentRow>,
    reminders: Vec<(Uuid, Urgency)>,
    list: Result<Vec<AssignmentRow>, crate::error::AppError>,
}

impl MyWork {
    async fn read() -> MyWork {
        MyWork {
            approvals: to_approve().await.unwrap_or_default(),
            waiting: to_verify().await.unwrap_or_default(),
            reminders: my_reminders().await.unwrap_or_default(),
            list: my_assignments().await,
        }
    }

    fn view(self) -> impl IntoView {
        let MyWork {
            approvals,
            waiting,
            reminders,
            list,
        } = self;
        let count = |u: Urgency| reminders.iter().filter(|(_, kind)| *kind == u).count() as u64;
        let reminded = (!reminders.is_empty()).then(|| view! {
            <p class="notice reminders" role="status">
                <strong>{tr("tracking.reminders")}</strong>" "
                {format!("{} {}, {} {}", tr("tracking.overdue"), fmt_num(count(Urgency::Overdue), 1), tr("tracking.due_soon"), fmt_num(count(Urgency::DueSoon), 1))}
            </p>
        });
        view! {
            {(!approvals.is_empty()).then(|| view! {
                <section class="to-approve" aria-labelledby="to-approve-heading">
                    <h2 id="to-approve-heading">
                        {tr("tracking.to_approve")}" ("{fmt_num(approvals.len() as u64, 1)}")"
                    </h2>
                    <ul class="plain">
                        {approvals.into_iter().map(|m| view! {
                            <li>
                                <a href=format!("/meetings/{}#workflow", m.id)>{data(m.title)}</a>
                                " · "{fmt_date(m.held_on)}" · "{data(m.office_name)}
                            </li>
                        }).collect_view()}
                    </ul>
                </section>
            })}
            {(!waiting.is_empty()).then(|| view! {
                <section class="to-verify" aria-labelledby="to-verify-heading">
                    <h2 id="to-verify-heading">
                        {tr("tracking.to_verify")}" ("{fmt_num(waiting.len() as u64, 1)}")"
                    </h2>
                    <PagedAssignments rows=waiting param="queue"/>
                </section>
            })}
            <h2>{tr("tracking.mine")}</h2>
            {reminded}
            {or_error(list.map(|rows| view! { <PagedAssignments rows param="page"/> }))}
        }
    }
}

/// One page of a list of assignments (`?{param}=N`), with the way to the
/// others. Each list of "/my" has its own parameter; a link keeps the other's.
#[component]
fn PagedAssignments(rows: Vec<AssignmentRow>, param: &'static str) -> impl IntoView {
    let query = use_query_map().read_untracked().clone();
    let page = Page::of(rows.len(), query.get(param).as_deref());
    // The other list's page, kept when it is a number (nothing else typed
    // into the address is echoed into a link).
    let other = ["queue", "page"]
        .into_iter()
        .filter(|p| *p != param)
        .filter_map(|p| Some((p, query.get(p)?.trim().parse::<usize>().ok()?)))
        .map(|(p, n)| format!("{p}={n}&"))
        .collect::<String>();
    let href = move |number: usize| format!("/my?{other}{param}={number}");
    let rows: Vec<_> = rows
        .into_iter()
        .skip(page.from)
        .take(page.to - page.from)
        .collect();
    view! {
        {rendered("assignments", rows, |rows| view! { <AssignmentTable rows/> })}
        {(page.pages > 1).then(|| view! {
            <nav class="pager" aria-label=tr("pager.label")>
                <p>
                    {tr("pager.showing")
                        .replace("{from}", &fmt_num(page.from as u64 + 1, 1))
                        .replace("{to}", &fmt_num(page.to as u64, 1))
                        .replace("{total}", &fmt_num(page.total as u64, 1))}
                </p>
                {(page.number > 1).then(|| view! {
                    <a class="button" rel="prev" href=href(page.number - 1)>{tr("pager.previous")}</a>
                })}
                {(page.number < page.pages).then(|| view! {
                    <a class="button" rel="next" href=href(page.number + 1)>{tr("pager.next")}</a>
                })}
            </nav>
        })}
    }
}

#[component]
fn AssignmentTable(rows: Vec<AssignmentRow>) -> impl IntoView {
    if rows.is_empty() {
        return view! { <p>{tr("tracking.none")}</p> }.into_any();
    }
    view! {
        <table class="assignments stack">
            <thead>
                <tr>
                    <th scope="col">{tr("tracking.urgency")}</th>
                    <th scope="col">{tr("tracking.deadline")}</th>
                    <th scope="col">{tr("tracking.decision")}</th>
                    <th scope="col">{tr("tracking.meeting")}</th>
                    <th scope="col">{tr("tracking.office")}</th>
                    <th scope="col">{tr("tracking.status")}</th>
                </tr>
            </thead>
            <tbody>
                {rows.into_iter().map(|r| view! {
                    <tr class:overdue=r.urgency == Urgency::Overdue>
                        <td data-label=tr("tracking.urgency")>{urgency_cell(r.urgency, r.status)}</td>
                        <td class="num" data-label=tr("tracking.deadline")>{due_label(&r)}</td>
                        <td data-label=tr("tracking.decision")>
                            <a href=format!("/assignments/{}", r.id)>{decision_no(&r)}</a>
                            " "
                            <span class="decision-text">{data(r.decision_text.clone())}</span>
                        </td>
                        <td data-label=tr("tracking.meeting")><a href=format!("/meetings/{}", r.meeting_id)>{data(r.meeting_title.clone())}</a></td>
                        <td data-label=tr("tracking.office")>{data(r.office.clone())}</td>
                        <td data-label=tr("tracking.status")>{status_label(r.status)}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
    .into_any()
}

#[component]
pub fn AssignmentPage() -> impl IntoView {
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .and_then(|s| Uuid::parse_str(&s).ok());
    let view = Resource::new(
        move || id,
        |id| async move { assignment(id.ok_or(crate::error::AppError::NotFound)?).await },
    );
    view! {
        <Title text=format!("{} · {}", tr("tracking.assignment"), tr("app.name"))/>
        <h1>{tr("tracking.assignment")}</h1>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move { view.await.map(|v| view! { <Assignment v/> }) })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn Assignment(v: AssignmentView) -> impl IntoView {
    let q = use_query_map();
    let get = move |k: &str| q.read_untracked().get(k).unwrap_or_default();
    let (done, error) = (get("done"), get("error"));
    let AssignmentView {
        row,
        events,
        may_report,
        may_review,
        kept,
    } = v;
    // A refused report or review comes back as typed, its error beside the
    // field; the error above the forms only when it belongs to none.
    let kept = kept.unwrap_or_default();
    let reportable = !matches!(row.status, Progress::Verified | Progress::Done);
    // Is the field the error belongs to on the page? (After a race, e.g.
    // another verifier acted first, the form may be gone: then the message
    // shows above, where there is room for it.)
    let shown_beside = match kept.form.as_str() {
        "report" => {
            may_report
                && reportable
                && ["status", "note", "evidence"].contains(&kept.field.as_str())
        }
        "review" => may_review && row.status == Progress::Done && kept.field == "note",
        _ => false,
    };
    let error = if shown_beside {
        String::new()
    } else if kept.error.is_empty() {
        error
    } else {
        kept.error.clone()
    };
    let at = |form: &str, field: &str| kept.error_at(form, field);
    let (report_note, review_note) = match kept.form.as_str() {
        "report" => (kept.note.clone(), String::new()),
        "review" => (String::new(), kept.note.clone()),
        _ => (String::new(), String::new()),
    };
    let chosen = kept.status.clone();
    // Back to one's work; a reader without any goes back to the meeting.
    let back = if may_report || may_review {
        view! { <p class="back"><a href="/my">{tr("tracking.back")}</a></p> }.into_any()
    } else {
        view! { <p class="back"><a href=format!("/meetings/{}", row.meeting_id)>{tr("editor.view")}</a></p> }.into_any()
    };
    let id = row.id;
    view! {
        {back}
        <dl class="meta">
            <dt>{tr("tracking.meeting")}</dt>
            <dd>
                <a href=format!("/meetings/{}", row.meeting_id)>{data(row.meeting_title.clone())}</a>
                {row.memo_number.clone().map(|n| format!(" ({})", fmt_digits(&n)))}
            </dd>
            <dt>{tr("tracking.decision")}</dt>
            <dd>{decision_no(&row)}" "{data(row.decision_text.clone())}</dd>
            <dt>{tr("tracking.office")}</dt>
            <dd>{data(row.office.clone())}</dd>
            <dt>{tr("tracking.deadline")}</dt>
            <dd>{due_label(&row)}" "{urgency_cell(row.urgency, row.status)}</dd>
            <dt>{tr("tracking.status")}</dt>
            <dd><strong class="status">{status_label(row.status)}</strong></dd>
        </dl>
        <section id="progress" aria-labelledby="progress-heading">
            <h2 id="progress-heading">{tr("tracking.history")}</h2>
            {(!done.is_empty()).then(|| view! { <p class="notice" role="status">{tr(&format!("tracking.done.{done}"))}</p> })}
            {(!error.is_empty()).then(|| view! { <p class="field-error" role="alert">{tr(&error)}</p> })}
            {if events.is_empty() {
                view! { <p>{tr("tracking.no_events")}</p> }.into_any()
            } else {
                view! {
                    <ol class="events">
                        {events.into_iter().map(|e| {
                            let when = fmt_digits(&(e.at + chrono::Duration::hours(6)).format("%Y-%m-%d %H:%M").to_string());
                            view! {
                                <li>
                                    <strong>{status_label(e.status)}</strong>
                                    " — "{data(e.who)}" · "{when}
                                    {(!e.note.is_empty()).then(|| view! { <p class="note">{data(e.note.clone())}</p> })}
                                    {(!e.evidence.is_empty()).then(|| view! {
                                        <ul class="evidence">
                                            {e.evidence.into_iter().map(|(sha, name, size)| view! {
                                                <li><a href=format!("/evidence/{sha}") rel="external" download>{data(name)}</a>
                                                    " ("{fmt_num(((size + 1023) / 1024) as u64, 1)}" KB)"</li>
                                            }).collect_view()}
                                        </ul>
                                    })}
                                </li>
                            }
                        }).collect_view()}
                    </ol>
                }.into_any()
            }}
            {(may_report && reportable).then(|| view! {
                <form class="form" method="post" action=format!("/assignments/{id}/progress") enctype="multipart/form-data">
                    <h3>{tr("tracking.report")}</h3>
                    <div class="field">
                        <label for="status">{tr("tracking.new_status")}</label>
                        <select id="status" name="status" aria-invalid=at("report", "status").map(|_| "true") aria-describedby=at("report", "status").map(|_| "status-error")>
                            {[Progress::InProgress, Progress::Done].into_iter().map(|p| view! {
                                <option value=p.code() selected=chosen == p.code()>{status_label(p)}</option>
                            }).collect_view()}
                        </select>
                        <FieldError id="status-error" key=at("report", "status")/>
                    </div>
                    <div class="field">
                        <label for="note">{tr("tracking.note")}</label>
                        <textarea id="note" name="note" rows="3" aria-invalid=at("report", "note").map(|_| "true") aria-describedby=at("report", "note").map(|_| "note-error")>{report_note}</textarea>
                        <FieldError id="note-error" key=at("report", "note")/>
                    </div>
                    <div class="field">
                        <label for="evidence">{tr("tracking.evidence")}</label>
                        <input id="evidence" name="evidence" type="file" multiple
                            aria-invalid=at("report", "evidence").map(|_| "true") aria-describedby=at("report", "evidence").map(|_| "evidence-error")
                            accept=".pdf,.png,.jpg,.jpeg,.doc,.docx,.xls,.xlsx,application/pdf,image/*"/>
                        <FieldError id="evidence-error" key=at("report", "evidence")/>
                        {at("report", "evidence").map(|_| view! { <p class="hint">{tr("tracking.choose_again")}</p> })}
                    </div>
                    <button type="submit" class="primary">{tr("tracking.send")}</button>
                </form>
            })}
            {(may_review && row.status == Progress::Done).then(|| view! {
                <form class="form" method="post" action=format!("/assignments/{id}/review")>
                    <h3>{tr("tracking.review")}</h3>
                    <div class="field">
                        <label for="review-note">{tr("tracking.reason")}</label>
                        <textarea id="review-note" name="note" rows="3" aria-invalid=at("review", "note").map(|_| "true") aria-describedby=at("review", "note").map(|_| "review-note-error")>{review_note}</textarea>
                        <FieldError id="review-note-error" key=at("review", "note")/>
                    </div>
                    <button type="submit" class="primary" name="verdict" value="verified">{tr("tracking.verify")}</button>
                    " "
                    <button type="submit" class="secondary" name="verdict" value="returned">{tr("tracking.return")}</button>
                </form>
            })}
        </section>
    }
}

/// The meeting page's "সিদ্ধান্ত বাস্তবায়নের অবস্থা": one row per decision,
/// each office's part with its state, linked to the part's page (where the
/// secretary or chair verifies a report). `rows` come in the minutes' order.
#[component]
pub fn ImplementationTable(rows: Vec<AssignmentRow>) -> impl IntoView {
    let mut decisions: Vec<(AssignmentRow, Vec<AssignmentRow>)> = vec![];
    for row in rows {
        match decisions.last_mut() {
            Some((first, parts)) if (first.item, first.decision) == (row.item, row.decision) => {
                parts.push(row)
            }
            _ => decisions.push((row.clone(), vec![row])),
        }
    }
    view! {
        <table class="implementation stack">
            <thead>
                <tr>
                    <th scope="col">{tr("tracking.decision")}</th>
                    <th scope="col">{tr("tracking.status")}</th>
                </tr>
            </thead>
            <tbody>
                {decisions.into_iter().map(|(first, parts)| view! {
                    <tr>
                        <td data-label=tr("tracking.decision")>
                            {decision_no(&first)}" "{data(first.decision_text.clone())}
                        </td>
                        <td data-label=tr("tracking.status")>
                            <ul class="per-office">
                                {parts.into_iter().map(|p| view! {
                                    <li class:overdue=p.urgency == Urgency::Overdue>
                                        {data(p.office.clone())}": "
                                        <a href=format!("/assignments/{}", p.id)>{status_label(p.status)}</a>
                                    </li>
                                }).collect_view()}
                            </ul>
                        </td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

/// The meeting page's "বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি": unfinished
/// decisions of the earlier meetings of the same series, office by office.
#[component]
pub fn CarriedTable(list: Vec<CarriedDecision>) -> impl IntoView {
    view! {
        <section class="carry-forward" aria-labelledby="carry-heading">
            <h2 id="carry-heading">{tr("tracking.carry_forward")}</h2>
            <table class="stack">
                <thead>
                    <tr>
                        <th scope="col">{tr("meeting.memo_number")}</th>
                        <th scope="col">{tr("tracking.decision")}</th>
                        <th scope="col">{tr("tracking.status")}</th>
                    </tr>
                </thead>
                <tbody>
                    {list.into_iter().map(|c| view! {
                        <tr>
                            <td data-label=tr("meeting.memo_number")>{c.memo_number.map(|n| fmt_digits(&n)).unwrap_or_default()}</td>
                            <td data-label=tr("tracking.decision")>
                                {format!("{}.{} ", fmt_num(c.item as u64, 2), fmt_num(c.decision as u64, 1))}
                                {data(c.text)}
                            </td>
                            <td data-label=tr("tracking.status")>
                                <ul class="per-office">
                                    {c.offices.into_iter().map(|(office, status)| view! {
                                        <li>{data(office)}": "<strong>{status_label(status)}</strong></li>
                                    }).collect_view()}
                                </ul>
                            </td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}
