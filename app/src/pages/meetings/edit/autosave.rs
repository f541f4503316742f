//! The editor's autosave (browser only).
use leptos::prelude::*;

/// Saves the form a moment after the last change, in the background: the
/// same post as the save button, asking for JSON. Only in the browser.
#[derive(Clone, Copy)]
pub(super) struct Autosave {
    pub(super) form: NodeRef<leptos::html::Form>,
    pub(super) version: NodeRef<leptos::html::Input>,
    pub(super) status: RwSignal<String>,
    timer: StoredValue<Option<leptos::prelude::TimeoutHandle>>,
}

impl Autosave {
    pub(super) fn new() -> Self {
        Autosave {
            form: NodeRef::new(),
            version: NodeRef::new(),
            status: RwSignal::new(String::new()),
            timer: StoredValue::new(None),
        }
    }

    pub(super) fn cancel(self) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.timer.set_value(None);
    }

    pub(super) fn schedule(self) {
        self.cancel();
        let handle =
            set_timeout_with_handle(move || self.save(), std::time::Duration::from_millis(1200))
                .ok();
        self.timer.set_value(handle);
    }

    #[cfg(not(feature = "hydrate"))]
    fn save(self) {}

    #[cfg(feature = "hydrate")]
    fn save(self) {
        use crate::components::form::field_name;
        use crate::i18n::tr;
        use wasm_bindgen::JsCast;
        use wasm_bindgen_futures::JsFuture;
        let Some(form) = self.form.get_untracked() else {
            return;
        };
        let Ok(data) = web_sys::FormData::new_with_form(&form) else {
            return;
        };
        let Ok(params) = web_sys::UrlSearchParams::new_with_str_sequence_sequence(&data) else {
            return;
        };
        let body = String::from(params.to_string());
        let action = form.action();
        self.status.set(tr("editor.autosave_saving"));
        leptos::task::spawn_local(async move {
            let init = web_sys::RequestInit::new();
            init.set_method("POST");
            init.set_body(&wasm_bindgen::JsValue::from_str(&body));
            if let Ok(headers) = web_sys::Headers::new() {
                let _ = headers.set("Accept", "application/json");
                let _ = headers.set("Content-Type", "application/x-www-form-urlencoded");
                init.set_headers(&headers);
            }
            let reply = JsFuture::from(window().fetch_with_str_and_init(&action, &init)).await;
            let Some(reply) = reply
                .ok()
                .and_then(|r| r.dyn_into::<web_sys::Response>().ok())
            else {
                self.status.set(tr("editor.autosave_offline"));
                return;
            };
            let status = reply.status();
            let json = match reply.json() {
                Ok(p) => JsFuture::from(p).await.ok(),
                Err(_) => None,
            };
            let get = |v: &wasm_bindgen::JsValue, k: &str| {
                js_sys::Reflect::get(v, &wasm_bindgen::JsValue::from_str(k)).ok()
            };
            match (status, json) {
                (200, Some(json)) => {
                    let version = get(&json, "version").and_then(|v| v.as_f64());
                    let id = get(&json, "id").and_then(|v| v.as_string());
                    if let (Some(input), Some(v)) = (self.version.get_untracked(), version) {
                        input.set_value(&(v as i64).to_string());
                    }
                    // A new meeting exists now: later saves go to it.
                    if let Some(id) = id {
                        let edit = format!("/meetings/{id}/edit");
                        if !form.action().ends_with(&edit) {
                            form.set_action(&edit);
                            if let Ok(history) = window().history() {
                                let _ = history.replace_state_with_url(
                                    &wasm_bindgen::JsValue::NULL,
                                    "",
                                    Some(&edit),
                                );
                            }
                        }
                    }
                    self.status.set(tr("editor.autosave_saved"));
                }
                (409, _) => self.status.set(tr("editor.conflict")),
                (_, Some(json)) => {
                    // The errors, as "field: message" lines.
                    let mut lines = vec![];
                    if let Some(errors) = get(&json, "errors") {
                        for e in js_sys::Array::from(&errors).iter() {
                            let path = get(&e, "path")
                                .and_then(|v| v.as_string())
                                .unwrap_or_default();
                            let message = get(&e, "message")
                                .and_then(|v| v.as_string())
                                .unwrap_or_default();
                            lines.push(if path.is_empty() {
                                message
                            } else {
                                format!("{}: {message}", field_name(&path))
                            });
                        }
                    }
                    self.status.set(format!(
                        "{} {}",
                        tr("editor.autosave_failed"),
                        lines.join("; ")
                    ));
                }
                _ => self.status.set(tr("editor.autosave_offline")),
            }
        });
    }
}

/// A field the user types into is no longer what its old message said
/// ("this must be filled"): the message goes, and a save says what is
/// still wrong. Only in the browser.
pub(super) fn clear_error_of(_ev: &leptos::ev::Event) {
    #[cfg(feature = "hydrate")]
    {
        use wasm_bindgen::JsCast;
        let Some(field) = _ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        if field.get_attribute("aria-invalid").as_deref() != Some("true") {
            return;
        }
        let _ = field.set_attribute("aria-invalid", "false");
        let message = field
            .get_attribute("aria-describedby")
            .and_then(|id| document().get_element_by_id(&id));
        if let Some(message) = message {
            message.set_text_content(None);
            let _ = message.remove_attribute("role");
        }
    }
}
