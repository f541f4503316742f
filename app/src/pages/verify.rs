//! "/verify/:code" — public: what was issued under this code, whether its
//! signature holds, and whether an uploaded PDF is byte for byte the issued
//! file. Reached from the QR code and short URL on every page of the memo.
use crate::components::data::data;
use crate::components::error_list::ErrorList;
use crate::domain::issue::Verification;
use crate::i18n::{fmt_date, fmt_digits, tr};
use crate::server_fns::workflow::verify_memo;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn VerifyPage() -> impl IntoView {
    let code = use_params_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    let found = Resource::new(move || code.clone(), verify_memo);
    view! {
        <Title text=format!("{} · {}", tr("verify.title"), tr("app.name"))/>
        <h1>{tr("verify.title")}</h1>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move { found.await.map(|v| view! { <Facts v/> }) })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn Facts(v: Verification) -> impl IntoView {
    let file = use_query_map()
        .read_untracked()
        .get("file")
        .unwrap_or_default();
    let code = use_params_map()
        .read_untracked()
        .get("code")
        .unwrap_or_default();
    let (class, key) = if v.signature_valid {
        ("verdict valid", "verify.signature_valid")
    } else {
        ("verdict invalid", "verify.signature_invalid")
    };
    // The answer to what the reader just asked (is this file the issued
    // one?) comes first, above the memo's own signature verdict.
    let upload = match file.as_str() {
        "match" => Some(
            view! { <p class="verdict valid" role="status">{tr("verify.file_match")}</p> }
                .into_any(),
        ),
        "mismatch" => Some(
            view! { <p class="verdict invalid" role="alert">{tr("verify.file_mismatch")}</p> }
                .into_any(),
        ),
        "missing" => Some(
            view! { <p class="field-error" role="alert">{tr("verify.file_missing")}</p> }
                .into_any(),
        ),
        _ => None,
    };
    view! {
        <div id="result">{upload}</div>
        <p class=class role="status">{tr(key)}</p>
        <dl class="meta">
            <dt>{tr("meeting.memo_number")}</dt>
            <dd>{fmt_digits(&v.number)}</dd>
            <dt>{tr("meeting.office")}</dt>
            <dd>{data(v.office)}</dd>
            <dt>{tr("verify.issued_on")}</dt>
            <dd>{fmt_date(v.issued_on)}</dd>
            <dt>{tr("meeting.date")}</dt>
            <dd>{fmt_date(v.held_on)}</dd>
            <dt>{tr("editor.title")}</dt>
            <dd>{data(v.title)}</dd>
            <dt>"SHA-256"</dt>
            <dd><code class="hash">{v.sha256}</code></dd>
        </dl>
        {v.corrects.map(|n| view! { <p>{tr("workflow.corrects")}" "{fmt_digits(&n)}</p> })}
        {v.corrected_by.map(|n| view! { <p class="field-error" role="alert">{tr("verify.corrected_by")}" "{fmt_digits(&n)}</p> })}
        <section id="upload" aria-labelledby="upload-heading">
            <h2 id="upload-heading">{tr("verify.upload_title")}</h2>
            <form class="form narrow" method="post" action=format!("/verify/{code}") enctype="multipart/form-data">
                <div class="field">
                    <label for="pdf">{tr("verify.upload_label")}</label>
                    <input id="pdf" name="pdf" type="file" accept="application/pdf"/>
                </div>
                <button type="submit" class="primary">{tr("verify.upload")}</button>
            </form>
        </section>
    }
}
