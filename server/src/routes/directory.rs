//! `POST /admin/people`: an admin adds a person to the directory, at one of
//! the offices they administer. Errors go back to the form with what was typed.
use super::{see_other, Caller, Refusal};
use crate::store::directory;
use app::domain::auth::Permission;
use app::domain::directory::NewPerson;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sea_orm::DatabaseConnection;

pub async fn add_person(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    Form(form): Form<NewPerson>,
) -> Result<Response, Refusal> {
    caller.require(&Permission::AnyAdmin)?;
    let back = |field: &str, key: &str| {
        let mut q = form_urlencoded::Serializer::new(String::new());
        q.append_pair("field", field).append_pair("error", key);
        for (k, v) in [
            ("name_bn", &form.name_bn),
            ("name_en", &form.name_en),
            ("designation_bn", &form.designation_bn),
            ("designation_en", &form.designation_en),
            ("office", &form.office),
        ] {
            q.append_pair(k, v);
        }
        see_other(&format!("/admin/people?{}#add", q.finish()))
    };
    if let Err((field, key)) = form.check() {
        return Ok(back(field, key));
    }
    let office = match crate::store::minutes::office_id(&db, &form.office).await {
        Ok(Some(o)) => o,
        Ok(None) => return Ok(back("office", "minutes.unknown_office")),
        Err(_) => return Ok(StatusCode::INTERNAL_SERVER_ERROR.into_response()),
    };
    let user = caller.require(&Permission::AdminOf(vec![office]))?;
    Ok(
        match directory::add_person(&db, &form, office, Some(user.id)).await {
            Ok(_) => {
                let q = form_urlencoded::Serializer::new(String::new())
                    .append_pair("q", form.name_bn.trim())
                    .append_pair("ok", "added")
                    .finish();
                see_other(&format!("/admin/people?{q}"))
            }
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        },
    )
}

#[derive(serde::Deserialize)]
pub struct HolidayForm {
    #[serde(default)]
    day: String,
    #[serde(default)]
    name: String,
    /// Present when the "remove" button of a listed holiday was pressed.
    #[serde(default)]
    remove: Option<String>,
}

/// POST /admin/holidays — an admin adds or removes a public holiday.
pub async fn holiday(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    Form(form): Form<HolidayForm>,
) -> Result<Response, Refusal> {
    let user = caller.require(&Permission::AnyAdmin)?;
    let back = |field: &str, key: &str| {
        let q = form_urlencoded::Serializer::new(String::new())
            .append_pair("field", field)
            .append_pair("error", key)
            .append_pair("day", &form.day)
            .append_pair("name", &form.name)
            .finish();
        see_other(&format!("/admin/holidays?{q}"))
    };
    let ascii = app::domain::numerals::to_ascii_digits(form.day.trim());
    let Ok(day) = chrono::NaiveDate::parse_from_str(&ascii, "%Y-%m-%d") else {
        return Ok(back("day", "holidays.bad_date"));
    };
    let name = form.name.trim();
    if form.remove.is_none() {
        if name.is_empty() {
            return Ok(back("name", "minutes.required"));
        }
        if name.chars().count() > app::domain::minutes::SHORT_TEXT
            || name.chars().any(char::is_control)
        {
            return Ok(back("name", "minutes.too_long"));
        }
    }
    let name = form.remove.is_none().then_some(name);
    Ok(
        match crate::store::holidays::set(&db, day, name, user.id).await {
            Ok(()) => see_other("/admin/holidays?ok=saved"),
            Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
        },
    )
}
