//! The offices and people directory: who can chair, attend, implement and
//! receive copies. Search is plain substring matching over both languages,
//! case-insensitive, with Bangla and ASCII digits the same.
use super::numerals::to_ascii_digits;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeEntry {
    pub id: Uuid,
    /// The stable name the meeting format uses.
    pub code: String,
    /// "division", "district", "upazila", "directorate" …
    pub kind: String,
    pub name_bn: String,
    pub name_en: String,
    /// Where it is ("দিনাজপুর।"), as the memo's heading prints it.
    pub place_bn: String,
    pub place_en: String,
    /// The office above it, in Bangla ("" at the top).
    pub parent_bn: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonEntry {
    pub id: Uuid,
    pub name_bn: String,
    pub name_en: String,
    pub designation_bn: String,
    pub designation_en: String,
    pub office_bn: String,
    pub office_en: String,
}

/// A person to add to the directory, as the form sends them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct NewPerson {
    #[serde(default)]
    pub name_bn: String,
    #[serde(default)]
    pub name_en: String,
    #[serde(default)]
    pub designation_bn: String,
    #[serde(default)]
    pub designation_en: String,
    /// The code of their office.
    #[serde(default)]
    pub office: String,
}

impl NewPerson {
    /// The first rule the form breaks: (field, message key).
    pub fn check(&self) -> Result<(), (&'static str, &'static str)> {
        let fields = [
            ("name_bn", &self.name_bn, true),
            ("name_en", &self.name_en, false),
            ("designation_bn", &self.designation_bn, true),
            ("designation_en", &self.designation_en, false),
        ];
        for (field, text, required) in fields {
            if required && text.trim().is_empty() {
                return Err((field, "minutes.required"));
            }
            if text.chars().count() > super::minutes::SHORT_TEXT {
                return Err((field, "minutes.too_long"));
            }
            if text.chars().any(char::is_control) {
                return Err((field, "minutes.control_character"));
            }
        }
        if self.office.is_empty() {
            return Err(("office", "minutes.required"));
        }
        Ok(())
    }
}

fn fold(s: &str) -> String {
    to_ascii_digits(s).to_lowercase()
}

/// Does any of `fields` contain every word of `query`? An empty query matches.
pub fn matches(query: &str, fields: &[&str]) -> bool {
    let hay: Vec<String> = fields.iter().map(|f| fold(f)).collect();
    fold(query)
        .split_whitespace()
        .all(|word| hay.iter().any(|h| h.contains(word)))
}

impl OfficeEntry {
    pub fn matches(&self, query: &str) -> bool {
        matches(
            query,
            &[
                &self.code,
                &self.name_bn,
                &self.name_en,
                &self.place_bn,
                &self.place_en,
                &self.parent_bn,
            ],
        )
    }
}

impl OfficeEntry {
    /// "জেলা প্রশাসকের কার্যালয়, দিনাজপুর": the name with its place, which
    /// tells the many offices of one kind apart.
    pub fn full_name(&self, bangla: bool) -> String {
        let (name, place) = if bangla || self.name_en.is_empty() {
            (&self.name_bn, &self.place_bn)
        } else {
            (&self.name_en, &self.place_en)
        };
        let place = place.trim_end_matches(['।', '.', ' ']);
        if place.is_empty() || name.contains(place) {
            name.clone()
        } else {
            format!("{name}, {place}")
        }
    }
}

impl PersonEntry {
    pub fn matches(&self, query: &str) -> bool {
        matches(
            query,
            &[
                &self.name_bn,
                &self.name_en,
                &self.designation_bn,
                &self.designation_en,
                &self.office_bn,
                &self.office_en,
            ],
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_office_is_named_with_its_place() {
        let o = OfficeEntry {
            id: Uuid::nil(),
            code: "dc-dinajpur".into(),
            kind: "district".into(),
            name_bn: "জেলা প্রশাসকের কার্যালয়".into(),
            name_en: "Office of the Deputy Commissioner".into(),
            place_bn: "দিনাজপুর।".into(),
            place_en: "Dinajpur.".into(),
            parent_bn: String::new(),
        };
        assert_eq!(o.full_name(true), "জেলা প্রশাসকের কার্যালয়, দিনাজপুর");
        assert_eq!(
            o.full_name(false),
            "Office of the Deputy Commissioner, Dinajpur"
        );
        assert!(o.matches("dinajpur deputy"));
    }

    #[test]
    fn a_new_person_needs_a_bangla_name_designation_and_office() {
        let ok = NewPerson {
            name_bn: "মোছা: রাশেদা বেগম".into(),
            designation_bn: "উপপরিচালক".into(),
            office: "dc-dinajpur".into(),
            ..Default::default()
        };
        assert_eq!(ok.check(), Ok(()));
        let no_name = NewPerson {
            name_bn: " ".into(),
            ..ok.clone()
        };
        assert_eq!(no_name.check(), Err(("name_bn", "minutes.required")));
        let long = NewPerson {
            designation_en: "x".repeat(301),
            ..ok.clone()
        };
        assert_eq!(long.check(), Err(("designation_en", "minutes.too_long")));
        let nul = NewPerson {
            name_en: "a\0b".into(),
            ..ok.clone()
        };
        assert_eq!(nul.check(), Err(("name_en", "minutes.control_character")));
        let nowhere = NewPerson {
            office: String::new(),
            ..ok
        };
        assert_eq!(nowhere.check(), Err(("office", "minutes.required")));
    }

    #[test]
    fn search_matches_every_word_in_either_language() {
        let p = PersonEntry {
            id: Uuid::nil(),
            name_bn: "মো: হাবিবুর রহমান".into(),
            name_en: "Md. Habibur Rahman".into(),
            designation_bn: "বিভাগীয় কমিশনার".into(),
            designation_en: "Divisional Commissioner".into(),
            office_bn: "বিভাগীয় কমিশনারের কার্যালয়, রংপুর".into(),
            office_en: "Divisional Commissioner's Office, Rangpur".into(),
        };
        assert!(p.matches(""));
        assert!(p.matches("হাবিবুর"));
        assert!(p.matches("habibur RANGPUR"));
        assert!(p.matches("রহমান কমিশনার"));
        assert!(!p.matches("হাবিবুর দিনাজপুর"));
        assert!(
            matches("২০২৩", &["meeting 2023"]),
            "digits in either script"
        );
    }
}
