//! The audit trail as pages show it.
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub id: Uuid,
    pub at: DateTime<Utc>,
    /// The acting user's display name; None for the system (demo load, lockouts).
    pub actor: Option<String>,
    /// e.g. "user.password_change"; its label is the i18n key "audit.<action>".
    pub action: String,
    pub entity_kind: String,
    pub entity_id: Option<Uuid>,
    pub before: Option<String>,
    pub after: Option<String>,
    /// The meeting the change belongs to, with its title (for the link).
    #[serde(default)]
    pub meeting: Option<(Uuid, String)>,
}

/// The audit page's filters (a GET form, so they show in the address and
/// work without JavaScript): one office, a person, a span of days (in
/// Bangladesh time). Empty: no filter.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub office: Option<Uuid>,
    /// Part of the acting user's name or user name.
    pub person: String,
    pub from: Option<chrono::NaiveDate>,
    pub to: Option<chrono::NaiveDate>,
}

impl AuditFilter {
    /// The form as typed; dates as year-month-day in either numerals. A
    /// date that cannot be read is its field's problem.
    pub fn read(
        office: &str,
        person: &str,
        from: &str,
        to: &str,
    ) -> Result<AuditFilter, crate::error::AppError> {
        let day = |field: &str,
                   text: &str|
         -> Result<Option<chrono::NaiveDate>, crate::error::AppError> {
            let text = crate::domain::numerals::to_ascii_digits(text.trim());
            if text.is_empty() {
                return Ok(None);
            }
            text.parse()
                .map(Some)
                .map_err(|_| crate::error::AppError::Invalid {
                    field: field.into(),
                    key: "minutes.bad_date".into(),
                })
        };
        Ok(AuditFilter {
            office: Uuid::parse_str(office.trim()).ok(),
            person: person.trim().chars().take(100).collect(),
            from: day("from", from)?,
            to: day("to", to)?,
        })
    }
}

/// The parts of the minutes a draft save changed, as editor paths (`title`,
/// `agenda[1]`; a list whose length changed is named whole): what the audit
/// trail shows for "saved", in the fields' own labels.
pub fn changed_parts(
    before: &crate::domain::minutes::Minutes,
    after: &crate::domain::minutes::Minutes,
) -> Vec<String> {
    const PARTS: [&str; 17] = [
        "kind",
        "language",
        "series",
        "fiscal_year",
        "quarter",
        "title",
        "held_on",
        "starts_at",
        "venue",
        "chair",
        "secretary",
        "preamble",
        "attendees",
        "agenda",
        "closing",
        "distribution",
        "issuer",
    ];
    let (Ok(a), Ok(b)) = (serde_json::to_value(before), serde_json::to_value(after)) else {
        return vec![];
    };
    let mut out = vec![];
    for part in PARTS {
        match (a.get(part), b.get(part)) {
            (Some(x), Some(y)) if x == y => {}
            (Some(serde_json::Value::Array(xs)), Some(serde_json::Value::Array(ys)))
                if xs.len() == ys.len() =>
            {
                let rows = xs.iter().zip(ys).enumerate().filter(|(_, (x, y))| x != y);
                out.extend(rows.map(|(i, _)| format!("{part}[{i}]")));
            }
            (None, None) => {}
            _ => out.push(part.to_string()),
        }
    }
    out
}

/// What an audit event records: its code is stored with the event
/// ("meeting.submit"), and "audit.<code>" is its label.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, strum::IntoStaticStr, strum::EnumString, strum::VariantArray,
)]
pub enum Action {
    #[strum(serialize = "meeting.import")]
    MeetingImport,
    #[strum(serialize = "meeting.create")]
    MeetingCreate,
    #[strum(serialize = "meeting.save")]
    MeetingSave,
    #[strum(serialize = "meeting.submit")]
    MeetingSubmit,
    #[strum(serialize = "meeting.return")]
    MeetingReturn,
    #[strum(serialize = "meeting.approve")]
    MeetingApprove,
    #[strum(serialize = "meeting.correct")]
    MeetingCorrect,
    #[strum(serialize = "person.create")]
    PersonCreate,
    #[strum(serialize = "person.signature")]
    PersonSignature,
    #[strum(serialize = "user.create")]
    UserCreate,
    #[strum(serialize = "user.password_change")]
    UserPasswordChange,
    #[strum(serialize = "user.lock")]
    UserLock,
    #[strum(serialize = "user.unlock")]
    UserUnlock,
    #[strum(serialize = "user.grant")]
    UserGrant,
    #[strum(serialize = "holiday.add")]
    HolidayAdd,
    #[strum(serialize = "holiday.remove")]
    HolidayRemove,
    #[strum(serialize = "assignment.progress")]
    AssignmentProgress,
}

impl Action {
    pub fn code(self) -> &'static str {
        self.into()
    }

    /// The message key of the action's label.
    pub fn label_key(self) -> String {
        format!("audit.{}", self.code())
    }
}

/// A changed value as the page shows it: in words, never as the JSON the
/// trail stores (which holds internal ids and codes).
#[derive(Clone, Debug, PartialEq)]
pub enum Shown {
    /// What a person typed (a title, a name, a note, a memo number).
    Text(String),
    /// Words of the interface, by message key (a status, a role).
    Words(Vec<String>),
    Date(chrono::NaiveDate),
    Number(i64),
    /// Fields of the minutes, as editor paths (shown by their labels).
    Fields(Vec<String>),
}

/// One line of an event's details: the field's label key, its value before
/// (when the event records one) and after.
#[derive(Clone, Debug, PartialEq)]
pub struct Detail {
    pub label: String,
    pub before: Option<Shown>,
    pub after: Option<Shown>,
}

/// The fields of an event worth a reader's time, by field name.
/// Internal ids are left out; the raw JSON stays in the database.
pub fn details(before: Option<&str>, after: Option<&str>) -> Vec<Detail> {
    let object = |s: Option<&str>| -> serde_json::Map<String, serde_json::Value> {
        s.and_then(|s| serde_json::from_str::<serde_json::Value>(s).ok())
            .and_then(|v| v.as_object().cloned())
            .unwrap_or_default()
    };
    let (before, after) = (object(before), object(after));
    let mut fields: Vec<&String> = after.keys().collect();
    fields.extend(before.keys().filter(|k| !after.contains_key(*k)));
    fields
        .into_iter()
        .filter_map(|field| {
            let shown = |v: Option<&serde_json::Value>| v.and_then(|v| shown(field, v));
            let detail = Detail {
                label: format!("audit.field.{}", label_of(field)),
                before: shown(before.get(field)),
                after: shown(after.get(field)),
            };
            (detail.before.is_some() || detail.after.is_some()).then_some(detail)
        })
        .collect()
}

/// Fields the trail records, each with a label; others show as "other".
pub const FIELDS: [&str; 18] = [
    "bytes",
    "comment",
    "day",
    "fields",
    "issued_on",
    "locked_until",
    "memo_number",
    "minutes",
    "name",
    "note",
    "office",
    "password",
    "roles",
    "source",
    "status",
    "title",
    "username",
    "version",
];

/// The codes of where imported minutes came from (`audit.source.<code>`).
pub const SOURCES: [&str; 3] = ["http", "record", "demo"];

fn label_of(field: &str) -> &str {
    if FIELDS.contains(&field) {
        field
    } else {
        "other"
    }
}

fn shown(field: &str, value: &serde_json::Value) -> Option<Shown> {
    use serde_json::Value;
    let date = |s: &str| s.get(..10).and_then(|d| d.parse().ok()).map(Shown::Date);
    match (field, value) {
        ("status", Value::String(code)) => {
            Some(Shown::Words(vec![format!("tracking.status.{code}")]))
        }
        ("password", _) => Some(Shown::Words(vec!["audit.value.changed".into()])),
        // The parts of the minutes a save changed, as editor paths.
        ("fields", Value::Array(paths)) => Some(Shown::Fields(
            paths
                .iter()
                .filter_map(|p| p.as_str().map(String::from))
                .collect(),
        )),
        // Where minutes came from: the app's own codes, else (a file's
        // name, given on the command line) as written.
        ("source", Value::String(s)) if SOURCES.contains(&s.as_str()) => {
            Some(Shown::Words(vec![format!("audit.source.{s}")]))
        }
        ("locked_until", Value::Null) => Some(Shown::Words(vec!["audit.value.none".into()])),
        ("roles", Value::Array(roles)) => Some(Shown::Words(
            roles
                .iter()
                .filter_map(|r| r.get("role")?.as_str())
                .filter_map(super::auth::Role::from_code)
                .map(|r| r.label_key().to_string())
                .collect(),
        )),
        ("day" | "issued_on" | "locked_until", Value::String(s)) => date(s),
        (_, Value::Number(n)) => n.as_i64().map(Shown::Number),
        // An id means nothing to a reader.
        (_, Value::String(s)) if s.is_empty() || Uuid::parse_str(s).is_ok() => None,
        (_, Value::String(s)) => Some(Shown::Text(s.clone())),
        _ => None,
    }
}

/// A user as the admin's list shows them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct UserSummary {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub grants: Vec<super::auth::Grant>,
    pub locked: bool,
    pub active: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_save_names_the_parts_it_changed() {
        use crate::domain::minutes::{AgendaItem, Minutes};
        let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let mut before = Minutes::new("rangpur-division", day);
        before.agenda = vec![AgendaItem::default(), AgendaItem::default()];
        assert!(changed_parts(&before, &before.clone()).is_empty());
        let mut after = before.clone();
        after.title = "নতুন শিরোনাম".into();
        after.agenda[1].discussion = "আলোচনা".into();
        assert_eq!(changed_parts(&before, &after), ["title", "agenda[1]"]);
        after.agenda.push(AgendaItem::default());
        assert_eq!(changed_parts(&before, &after), ["title", "agenda"]);
        // Shown in the fields' words on the page.
        let d = details(
            None,
            Some(r#"{"version": 3, "fields": ["title", "agenda[1]"]}"#),
        );
        assert!(d.iter().any(|d| d.label == "audit.field.fields"
            && d.after == Some(Shown::Fields(vec!["title".into(), "agenda[1]".into()]))));
    }

    #[test]
    fn the_filter_reads_days_in_either_numerals() {
        let f = AuditFilter::read("", " রহমান ", "২০২৬-১১-০১", "2026-11-29").unwrap();
        assert_eq!(f.person, "রহমান");
        assert_eq!(f.from, chrono::NaiveDate::from_ymd_opt(2026, 11, 1));
        assert_eq!(f.to, chrono::NaiveDate::from_ymd_opt(2026, 11, 29));
        assert_eq!(f.office, None);
        let e = AuditFilter::read("", "", "29/11/2026", "").unwrap_err();
        assert!(matches!(e, crate::error::AppError::Invalid { field, .. } if field == "from"));
    }

    #[test]
    fn details_are_words_without_ids() {
        let d = details(
            Some(r#"{"status":"not_started"}"#),
            Some(
                r#"{"status":"done","note":"কাজ শেষ","correction":"6583b320-d4cb-4890-837f-2b65bc3d3d32"}"#,
            ),
        );
        assert_eq!(
            d,
            vec![
                Detail {
                    label: "audit.field.note".into(),
                    before: None,
                    after: Some(Shown::Text("কাজ শেষ".into())),
                },
                Detail {
                    label: "audit.field.status".into(),
                    before: Some(Shown::Words(vec!["tracking.status.not_started".into()])),
                    after: Some(Shown::Words(vec!["tracking.status.done".into()])),
                },
            ]
        );
        let user = details(
            None,
            Some(
                r#"{"username":"viewer","roles":[{"role":"viewer","office":"6583b320-d4cb-4890-837f-2b65bc3d3d32","below":true}],"when":"x"}"#,
            ),
        );
        let labels: Vec<_> = user.iter().map(|d| d.label.as_str()).collect();
        assert_eq!(
            labels,
            [
                "audit.field.roles",
                "audit.field.username",
                "audit.field.other"
            ]
        );
        assert_eq!(
            user[0].after,
            Some(Shown::Words(vec!["role.viewer".into()]))
        );
        assert_eq!(
            details(None, Some(r#"{"issued_on":"2023-06-25","minutes":15}"#))
                .into_iter()
                .map(|d| d.after.unwrap())
                .collect::<Vec<_>>(),
            vec![
                Shown::Date(chrono::NaiveDate::from_ymd_opt(2023, 6, 25).unwrap()),
                Shown::Number(15)
            ]
        );
        assert!(details(Some("not json"), None).is_empty());
    }
}
