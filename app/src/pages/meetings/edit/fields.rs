//! The editor's fields: a text box or list with its label, its problems
//! under it, and the row buttons; plain HTML, so the form works without
//! JavaScript.
use super::form;
use crate::components::data::lang_of;
use crate::domain::editor::dom_id;
use crate::domain::minutes::Problem;
use crate::i18n::tr;
use leptos::prelude::*;

/// A text box (or a text area for `long`) with its label, its problems
/// below it, and, when the text looks like Bijoy, the conversion to accept.
#[component]
pub(super) fn TextField(
    #[prop(into)] path: String,
    label: String,
    #[prop(optional)] long: bool,
    #[prop(optional)] numeric: bool,
    #[prop(optional)] list: Option<&'static str>,
) -> impl IntoView {
    let f = form();
    let id = dom_id(&path);
    let error_id = format!("{id}-error");
    let problems = f.problems(&path);
    let invalid = (!problems.is_empty()).to_string();
    let value = f.value(&path);
    let bijoy = f.bijoy.get(&path).cloned();
    // What is typed is data, in its own language (spell checkers and screen
    // readers follow it).
    let lang = (!value.is_empty()).then(|| lang_of(&value));
    let input = if long {
        view! {
            <textarea id=id.clone() name=path.clone() rows="4" lang=lang aria-invalid=invalid aria-describedby=error_id.clone()>
                {value}
            </textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id.clone() name=path.clone() value=value list=list lang=lang
                inputmode=numeric.then_some("numeric")
                aria-invalid=invalid aria-describedby=error_id.clone()/>
        }
        .into_any()
    };
    view! {
        <div class="field" class:long=long>
            <label for=id>{label}</label>
            {input}
            <Problems id=error_id problems/>
            {bijoy.map(|converted| view! {
                <div class="bijoy" role="note">
                    <p>{tr("editor.bijoy_hint")}</p>
                    <p class="preview" lang="bn">{converted}</p>
                    <button type="submit" name="op" value=format!("bijoy:{path}")>{tr("editor.bijoy_accept")}</button>
                </div>
            })}
        </div>
    }
}

#[component]
pub(super) fn SelectField(
    #[prop(into)] path: String,
    label: String,
    options: Vec<(String, String)>,
    /// The options are data (offices, people), not interface words.
    #[prop(optional)]
    data: bool,
) -> impl IntoView {
    let f = form();
    let id = dom_id(&path);
    let error_id = format!("{id}-error");
    let problems = f.problems(&path);
    let invalid = (!problems.is_empty()).to_string();
    let current = f.value(&path);
    // A value the list does not hold (an office code typed in a file) stays
    // selectable, so saving does not change it silently.
    let missing = (!options.iter().any(|(v, _)| *v == current)).then(|| current.clone());
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <select id=id name=path aria-invalid=invalid aria-describedby=error_id.clone()>
                {missing.map(|v| { let text = v.clone(); let lang = lang_of(&text); view! { <option value=v selected=true lang=lang>{text}</option> } })}
                {options.into_iter().map(|(v, text)| {
                    let selected = v == current;
                    let lang = data.then(|| lang_of(&text));
                    view! { <option value=v selected=selected lang=lang>{text}</option> }
                }).collect_view()}
            </select>
            <Problems id=error_id problems/>
        </div>
    }
}

/// The messages under a field; present (and empty) when there are none, so
/// `aria-describedby` always points somewhere.
#[component]
pub(super) fn Problems(id: String, problems: Vec<Problem>) -> impl IntoView {
    view! {
        <div id=id class="field-error">
            {problems.into_iter().map(|p| view! {
                <p>{tr(&p.key)}{p.detail.map(|d| format!(" ({d})"))}</p>
            }).collect_view()}
        </div>
    }
}

/// Problems of a whole list or group ("at least one decision", "chair").
#[component]
pub(super) fn ListProblems(#[prop(into)] path: String) -> impl IntoView {
    let problems = form().problems(&path);
    (!problems.is_empty()).then(|| {
        view! {
            <div class="field-error" id=format!("{}-error", dom_id(&path))>
                {problems.into_iter().map(|p| view! { <p>{tr(&p.key)}</p> }).collect_view()}
            </div>
        }
    })
}

#[component]
pub(super) fn AddButton(#[prop(into)] list: String, label: String) -> impl IntoView {
    view! {
        <button type="submit" class="secondary add" name="op" value=format!("add:{list}")>{label}</button>
    }
}

#[component]
pub(super) fn RowButtons(at: String, first: bool, what: String) -> impl IntoView {
    view! {
        <span class="row-buttons">
            {(!first).then(|| view! {
                <button type="submit" class="secondary" name="op" value=format!("up:{at}")
                    aria-label=format!("{}: {what}", tr("editor.up"))>"↑"</button>
            })}
            <button type="submit" class="secondary danger" name="op" value=format!("remove:{at}")
                aria-label=format!("{}: {what}", tr("editor.remove"))>"✕"</button>
        </span>
    }
}
