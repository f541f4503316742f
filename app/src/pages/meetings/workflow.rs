//! The meeting page's workflow section: where the minutes stand, the steps
//! this user may take (plain forms), the chair's comment on returned
//! minutes, and, once issued, the verification link and corrections.
use crate::components::data::data;
use crate::components::form::FieldError;
use crate::domain::issue::WorkflowView;
use crate::domain::MeetingStatus;
use crate::i18n::tr;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;
use uuid::Uuid;

#[component]
pub fn WorkflowPanel(id: Uuid, view: WorkflowView) -> impl IntoView {
    let q = use_query_map();
    let get = move |k: &str| q.read_untracked().get(k).unwrap_or_default();
    let (done, error) = (get("done"), get("error"));
    // Issuing cannot be undone: the approve button only asks, and the
    // question (a page of its own, so it works without JavaScript) issues.
    let confirming = get("confirm") == "approve";
    let WorkflowView {
        facts,
        may_submit,
        may_decide,
        may_correct,
        kept,
    } = view;
    // A refused return comes back as typed, its error beside the box.
    let kept = kept.unwrap_or_default();
    let comment_error = kept.error_at("return", "comment");
    let error = if comment_error.is_some() {
        String::new()
    } else {
        error
    };
    let status_key = format!("workflow.status.{}", facts.status.code());
    view! {
        <section id="workflow" class="workflow" aria-labelledby="workflow-heading">
            <h2 id="workflow-heading">{tr("workflow.title")}</h2>
            <p class="status-line">
                <span class="label">{tr("meeting.status")}": "</span>
                <strong>{tr(&status_key)}</strong>
            </p>
            {(!done.is_empty()).then(|| view! {
                <p class="notice" role="status">{tr(&format!("workflow.done.{done}"))}</p>
            })}
            {(!error.is_empty()).then(|| view! {
                <p class="field-error" role="alert">{tr(&error)}</p>
            })}
            {facts.comment.clone().map(|c| view! {
                <div class="comment" role="note">
                    <p class="label">{tr("workflow.chair_comment")}</p>
                    <p>{data(c)}</p>
                </div>
            })}
            {facts.corrects.clone().map(|(other, number)| view! {
                <p>{tr("workflow.corrects")}" "<a href=format!("/meetings/{other}")>{number}</a></p>
            })}
            {facts.corrected_by.clone().map(|(other, number)| view! {
                <p class="notice">{tr("workflow.corrected_by")}" "
                    <a href=format!("/meetings/{other}")>{if number.is_empty() { tr("workflow.correction_draft") } else { number }}</a>
                </p>
            })}
            {facts.verify_code.clone().map(|code| view! {
                <p><a href=format!("/verify/{code}")>{tr("workflow.verify_link")}</a></p>
            })}
            <div class="steps">
                {may_submit.then(|| view! {
                    <form method="post" action=format!("/meetings/{id}/submit") class="inline">
                        <button type="submit" class="primary">{tr("workflow.submit")}</button>
                    </form>
                })}
                {(may_decide && confirming).then(|| view! {
                    <div class="confirm" role="alert">
                        <p>{tr("workflow.approve_confirm")}</p>
                        <form method="post" action=format!("/meetings/{id}/approve") class="inline">
                            <button type="submit" class="primary">{tr("workflow.approve_yes")}</button>
                        </form>
                        " "
                        <a class="button" href=format!("/meetings/{id}#workflow")>{tr("workflow.cancel")}</a>
                    </div>
                })}
                {(may_decide && !confirming).then(|| view! {
                    <a class="button primary" href=format!("/meetings/{id}?confirm=approve#workflow")>{tr("workflow.approve")}</a>
                })}
                {may_decide.then(|| view! {
                    <form method="post" action=format!("/meetings/{id}/return") class="return">
                        <label for="comment">{tr("workflow.comment")}</label>
                        <textarea id="comment" name="comment" rows="3" aria-invalid=comment_error.as_ref().map(|_| "true") aria-describedby="comment-error">{kept.note.clone()}</textarea>
                        <FieldError id="comment-error" key=comment_error.clone()/>
                        <button type="submit" class="secondary">{tr("workflow.return")}</button>
                    </form>
                })}
                {may_correct.then(|| view! {
                    <form method="post" action=format!("/meetings/{id}/correct") class="inline">
                        <button type="submit" class="secondary">{tr("workflow.correct")}</button>
                    </form>
                })}
            </div>
            {(facts.status == MeetingStatus::Issued).then(|| view! {
                <p class="hint">{tr("workflow.issued_fixed")}</p>
            })}
        </section>
    }
}
