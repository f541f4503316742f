//! "/meetings/new" and "/meetings/:id/edit" — the minutes as one form. Every
//! input is named by its path in the meeting format; the row buttons (add,
//! move up, remove) are submit buttons, so the whole editor works as plain
//! form posts without JavaScript. With JavaScript the form also saves itself
//! a moment after each change (`autosave`).
use crate::components::error_list::ErrorList;
use crate::domain::editor::{dom_id, problems_at, rows, EditorState};
use crate::domain::minutes::{Problem, FORMAT, MEMBER_KINDS};
use crate::domain::MeetingKind;
use crate::i18n::{fmt_num, tr, use_lang, Lang};
use crate::server_fns::editor::editor;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;
use std::collections::HashMap;
use std::sync::Arc;
use uuid::Uuid;

mod autosave;
mod fields;

use crate::components::form::field_name;
use autosave::Autosave;
use fields::{AddButton, ListProblems, RowButtons, SelectField, TextField};

#[component]
pub fn NewMeetingPage() -> impl IntoView {
    view! { <EditorPage id=None/> }
}

#[component]
pub fn EditMeetingPage() -> impl IntoView {
    let params = use_params_map();
    let id = params
        .read_untracked()
        .get("id")
        .and_then(|s| Uuid::parse_str(&s).ok());
    match id {
        Some(id) => view! { <EditorPage id=Some(id)/> }.into_any(),
        None => view! { <p class="error">{tr("error.not_found")}</p> }.into_any(),
    }
}

#[component]
fn EditorPage(id: Option<Uuid>) -> impl IntoView {
    let state = Resource::new(move || id, editor);
    let title = if id.is_some() {
        tr("editor.title_edit")
    } else {
        tr("editor.title_new")
    };
    view! {
        <Title text=format!("{} · {}", title, tr("app.name"))/>
        {id.map(|id| view! { <p class="back"><a href=format!("/meetings/{id}")>{tr("editor.view")}</a></p> })}
        <h1>{title}</h1>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move {
                    state.await.map(|state| view! { <Editor state/> })
                })}
            </ErrorBoundary>
        </Transition>
    }
}

/// What every field reads: the values and problems of the form.
pub(super) struct Form {
    state: EditorState,
    bijoy: HashMap<String, String>,
}

impl Form {
    fn value(&self, path: &str) -> String {
        self.state.values.get(path).cloned().unwrap_or_default()
    }
    fn problems(&self, path: &str) -> Vec<Problem> {
        problems_at(&self.state.problems, path)
            .into_iter()
            .cloned()
            .collect()
    }
    fn rows(&self, list: &str, probe: &str) -> usize {
        rows(&self.state.values, list, probe)
    }
}

pub(super) fn form() -> Arc<Form> {
    use_context::<Arc<Form>>().expect("Editor provides the form")
}

/// "২" in a Bangla page, "2" in an English one: row numbers.
pub(super) fn number(n: usize) -> String {
    match use_lang() {
        Lang::Bn => fmt_num(n as u64, 1),
        Lang::En => n.to_string(),
    }
}

#[component]
fn Editor(state: EditorState) -> impl IntoView {
    let action = match state.id {
        Some(id) => format!("/meetings/{id}/edit"),
        None => "/meetings/new".to_string(),
    };
    let reload = state.id.map(|id| format!("/meetings/{id}/edit"));
    let is_new = state.id.is_none();
    let notice = state.notice.clone();
    let conflict = notice.as_deref() == Some("editor.conflict");
    let problems = state.problems.clone();
    let version = state.version.to_string();
    let own_offices = state.own_offices.clone();
    let people = state.people.clone();
    let offices = state.offices.clone();
    let bijoy = state.bijoy.iter().cloned().collect();
    let f = Arc::new(Form { state, bijoy });
    provide_context(f.clone());
    let kinds: Vec<(String, String)> = <MeetingKind as strum::VariantArray>::VARIANTS
        .iter()
        .map(|k| (k.code().to_string(), tr(&format!("kind.{}", k.code()))))
        .collect();
    let languages = vec![
        ("bn".to_string(), tr("language.bn")),
        ("en".to_string(), tr("language.en")),
    ];
    let attendees = f.rows("attendees", ".designation");
    let items = f.rows("agenda", ".subject");
    let recipients = f.rows("distribution.recipients", "");
    view! {
        <EditorForm action is_new version save=if is_new { tr("editor.create") } else { tr("editor.save") }>
            {notice.map(|key| {
                let role = if conflict { "alert" } else { "status" };
                let class = if conflict { "notice conflict" } else { "notice" };
                view! {
                    <div class=class role=role>
                        <p>{tr(&key)}</p>
                        {conflict.then(|| reload.clone().map(|href| view! {
                            <p><a class="button" href=href>{tr("editor.reload")}</a></p>
                        }))}
                    </div>
                }
            })}
            {(!problems.is_empty()).then(|| view! {
                <div class="problems" id="problems" role="alert">
                    <p>{tr("editor.problems")}</p>
                    <ul>
                        {problems.iter().map(|p| view! {
                            <li><a href=format!("#{}", dom_id(&p.path))>{field_name(&p.path)}</a>": "{tr(&p.key)}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <datalist id="people-names">
                {people.iter().map(|(n, _, _)| view! { <option value=n.clone()/> }).collect_view()}
            </datalist>
            <datalist id="designations">
                {people.iter().map(|(_, d, _)| view! { <option value=d.clone()/> }).collect_view()}
            </datalist>
            <datalist id="office-names">
                {offices.iter().map(|(_, n)| view! { <option value=n.clone()/> }).collect_view()}
            </datalist>
            <datalist id="headings">
                <option value="সদয় অবগতির জন্য"/>
                <option value="কার্যার্থে"/>
                <option value="সদয় অবগতি ও প্রয়োজনীয় ব্যবস্থা গ্রহণের জন্য"/>
            </datalist>

            <fieldset id=dom_id("meeting")>
                <legend>{tr("editor.section.meeting")}</legend>
                <div class="grid">
                    <SelectField path="kind" label=tr("editor.kind") options=kinds/>
                    <SelectField path="language" label=tr("editor.language") options=languages/>
                    {if is_new {
                        view! { <SelectField path="office" label=tr("editor.office") options=own_offices data=true/> }.into_any()
                    } else {
                        let code = f.value("office");
                        let name = offices.iter().find(|(c, _)| *c == code).map(|(_, n)| n.clone()).unwrap_or(code.clone());
                        view! {
                            <div class="field">
                                <span class="label">{tr("editor.office")}</span>
                                <p class="fixed">{name}</p>
                                <input type="hidden" name="office" value=code/>
                            </div>
                        }.into_any()
                    }}
                    <TextField path="series" label=tr("editor.series")/>
                    <TextField path="fiscal_year" label=tr("editor.fiscal_year") numeric=true/>
                    <TextField path="quarter" label=tr("editor.quarter") numeric=true/>
                </div>
                <TextField path="title" label=tr("editor.title")/>
                <div class="grid">
                    <TextField path="held_on" label=tr("editor.held_on") numeric=true/>
                    <TextField path="starts_at" label=tr("editor.starts_at") numeric=true/>
                </div>
                <TextField path="venue" label=tr("editor.venue")/>
            </fieldset>

            <fieldset>
                <legend>{tr("editor.section.people")}</legend>
                <PersonFields at="chair" label=tr("editor.chair")/>
                <PersonFields at="secretary" label=tr("editor.secretary")/>
                <PersonFields at="issuer" label=tr("editor.issuer")/>
            </fieldset>

            <fieldset>
                <legend>{tr("editor.section.text")}</legend>
                <TextField path="preamble" label=tr("editor.preamble") long=true/>
                <TextField path="closing" label=tr("editor.closing") long=true/>
            </fieldset>

            <fieldset id=dom_id("attendees")>
                <legend>{tr("editor.section.attendance")}</legend>
                <ListProblems path="attendees"/>
                <ol class="rows">
                    {(0..attendees).map(|i| {
                        let at = format!("attendees[{i}]");
                        view! {
                            <li class="row" id=dom_id(&at)>
                                <span class="serial">{number(i + 1)}</span>
                                <TextField path=format!("{at}.name") label=tr("editor.name") list="people-names"/>
                                <TextField path=format!("{at}.designation") label=tr("editor.designation") list="designations"/>
                                <TextField path=format!("{at}.office") label=tr("editor.attendee_office") list="office-names"/>
                                <RowButtons at=at.clone() first=i == 0 what=format!("{} {}", tr("editor.attendee"), number(i + 1))/>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <AddButton list="attendees" label=tr("editor.add_attendee")/>
            </fieldset>

            <fieldset id=dom_id("agenda")>
                <legend>{tr("editor.section.agenda")}</legend>
                <ListProblems path="agenda"/>
                {(0..items).map(|i| view! { <AgendaItemFields i offices=offices.clone()/> }).collect_view()}
                <AddButton list="agenda" label=tr("editor.add_item")/>
            </fieldset>

            <fieldset id=dom_id("distribution")>
                <legend>{tr("editor.section.distribution")}</legend>
                <TextField path="distribution.heading" label=tr("editor.heading") list="headings"/>
                <ListProblems path="distribution.recipients"/>
                <ol class="rows">
                    {(0..recipients).map(|i| {
                        let at = format!("distribution.recipients[{i}]");
                        view! {
                            <li class="row" id=format!("{}-row", dom_id(&at))>
                                <span class="serial">{number(i + 1)}</span>
                                <TextField path=at.clone() label=format!("{} {}", tr("editor.recipient"), number(i + 1)) list="office-names"/>
                                <RowButtons at=at.clone() first=i == 0 what=format!("{} {}", tr("editor.recipient"), number(i + 1))/>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <AddButton list="distribution.recipients" label=tr("editor.add_recipient")/>
            </fieldset>

            <div class="editor-bar bottom">
                <button type="submit" name="op" value="save" class="primary">
                    {if is_new { tr("editor.create") } else { tr("editor.save") }}
                </button>
            </div>
        </EditorForm>
    }
}

/// The form element, the page's one island: with JavaScript it saves itself
/// a moment after each change (`Autosave`). The fields inside are server
/// HTML (`children`); their input and change events bubble up to the form.
#[island]
fn EditorForm(
    action: String,
    is_new: bool,
    version: String,
    save: String,
    children: Children,
) -> impl IntoView {
    crate::mark_hydrated();
    let autosave = Autosave::new();
    view! {
        <form
            class="editor"
            method="post"
            action=action
            node_ref=autosave.form
            // A new meeting is created by its button only: an autosave racing
            // the button would create it twice.
            on:input=move |ev| {
                autosave::clear_error_of(&ev);
                if !is_new { autosave.schedule() }
            }
            on:change=move |_| if !is_new { autosave.schedule() }
            on:submit=move |_| autosave.cancel()
        >
            <input type="hidden" name="version" value=version node_ref=autosave.version/>
            <input type="hidden" name="format" value=FORMAT/>
            // The first submit button is what Enter in a text box presses.
            <div class="editor-bar">
                <button type="submit" name="op" value="save" class="primary">{save}</button>
                <span class="autosave" role="status" aria-live="polite">
                    {move || autosave.status.get()}
                </span>
            </div>
            {children()}
        </form>
    }
}

/// One agenda item: subject, discussion, and its decisions.
#[component]
fn AgendaItemFields(i: usize, offices: Vec<(String, String)>) -> impl IntoView {
    let f = form();
    let at = format!("agenda[{i}]");
    let decisions = f.rows(&format!("{at}.decisions"), ".text");
    let what = format!("{} {}", tr("editor.item"), number(i + 1));
    let heading = what.clone();
    view! {
        <section class="agenda-item-edit" id=dom_id(&at)>
            <h3>{heading}</h3>
            <TextField path=format!("{at}.subject") label=tr("editor.subject")/>
            <TextField path=format!("{at}.discussion") label=tr("editor.discussion") long=true/>
            <ListProblems path=format!("{at}.decisions")/>
            {(0..decisions).map(|j| view! { <DecisionFields i j offices=offices.clone()/> }).collect_view()}
            <AddButton list=format!("{at}.decisions") label=tr("editor.add_decision")/>
            <RowButtons at=at.clone() first=i == 0 what/>
        </section>
    }
}

#[component]
fn DecisionFields(i: usize, j: usize, offices: Vec<(String, String)>) -> impl IntoView {
    let f = form();
    let at = format!("agenda[{i}].decisions[{j}]");
    let implementers = f.rows(&format!("{at}.implementers"), ".label");
    let what = format!(
        "{} {}.{}",
        tr("editor.decision"),
        number(i + 1),
        number(j + 1)
    );
    let kinds = [
        "none",
        "on",
        "days_after_issue",
        "working_days_after_issue",
        "quarterly",
    ]
    .iter()
    .map(|k| (k.to_string(), tr(&format!("editor.deadline.{k}"))))
    .collect::<Vec<_>>();
    let members: Vec<(String, String)> =
        std::iter::once(("".to_string(), tr("editor.members.none")))
            .chain(
                MEMBER_KINDS
                    .iter()
                    .map(|k| (k.to_string(), tr(&format!("editor.members.{k}")))),
            )
            .collect();
    view! {
        <fieldset class="decision" id=dom_id(&at)>
            <legend>{what.clone()}</legend>
            <TextField path=format!("{at}.text") label=tr("editor.decision_text") long=true/>
            <div class="implementers" id=dom_id(&format!("{at}.implementers"))>
                <span class="label">{tr("editor.implementers")}</span>
                <ListProblems path=format!("{at}.implementers")/>
                <ol class="rows">
                    {(0..implementers).map(|k| {
                        let at = format!("{at}.implementers[{k}]");
                        view! {
                            <li class="row" id=dom_id(&at)>
                                <SelectField path=format!("{at}.office") label=tr("editor.implementer_office") options=offices.clone() data=true/>
                                <SelectField path=format!("{at}.members") label=tr("editor.members") options=members.clone()/>
                                <TextField path=format!("{at}.label") label=tr("editor.label")/>
                                <RowButtons at=at.clone() first=k == 0 what=format!("{} {}", tr("editor.implementer"), number(k + 1))/>
                            </li>
                        }
                    }).collect_view()}
                </ol>
                <AddButton list=format!("{at}.implementers") label=tr("editor.add_implementer")/>
            </div>
            <div class="grid deadline" id=dom_id(&format!("{at}.deadline"))>
                <SelectField path=format!("{at}.deadline.kind") label=tr("editor.deadline") options=kinds/>
                <TextField path=format!("{at}.deadline.on") label=tr("editor.deadline_on") numeric=true/>
                <TextField path=format!("{at}.deadline.days") label=tr("editor.deadline_days") numeric=true/>
            </div>
            <ListProblems path=format!("{at}.deadline")/>
            <RowButtons at=at.clone() first=j == 0 what/>
        </fieldset>
    }
}

#[component]
fn PersonFields(at: &'static str, label: String) -> impl IntoView {
    view! {
        <div class="grid person">
            <TextField path=format!("{at}.name") label=format!("{label}: {}", tr("editor.name")) list="people-names"/>
            <TextField path=format!("{at}.designation") label=format!("{label}: {}", tr("editor.designation")) list="designations"/>
        </div>
        <ListProblems path=at.to_string()/>
    }
}
