//! What people wrote — titles, names, offices, decisions — shown as written,
//! whatever the interface's language, and marked with the language it is
//! written in: a screen reader then reads a Bangla title inside the English
//! interface with a Bangla voice (WCAG 3.1.2), and the end-to-end language
//! walk can tell data from untranslated interface words.
use leptos::prelude::*;

pub fn data(text: impl Into<String>) -> impl IntoView {
    let text = text.into();
    let lang = lang_of(&text);
    view! { <span lang=lang>{text}</span> }
}

/// "bn" if the text has a Bangla letter, else "en".
pub fn lang_of(text: &str) -> &'static str {
    if text.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)) {
        "bn"
    } else {
        "en"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bangla_anywhere_makes_it_bangla() {
        assert_eq!(lang_of("সভা"), "bn");
        assert_eq!(lang_of("ICT বিভাগ"), "bn");
        assert_eq!(lang_of("dc.dinajpur"), "en");
        assert_eq!(lang_of(""), "en");
    }
}
