//! `POST /admin/people`: an admin adds a person to the directory, at one of
//! the offices they administer. Errors go back to the form with what was typed.
use super::{check, request_lang, see_other};
use crate::db::entities::offices;
use crate::store::directory;
use app::domain::auth::{CurrentUser, Permission};
use app::domain::directory::NewPerson;
use axum::extract::Form;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Extension;
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter};

pub async fn add_person(
    Extension(db): Extension<DatabaseConnection>,
    user: Option<Extension<CurrentUser>>,
    headers: HeaderMap,
    Form(form): Form<NewPerson>,
) -> Response {
    let lang = request_lang(&headers);
    let user = user.map(|Extension(u)| u);
    if let Err(refused) = check(user.as_ref(), &Permission::AnyAdmin, lang) {
        return refused;
    }
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
        return back(field, key);
    }
    let office = match offices::Entity::find()
        .filter(offices::Column::Code.eq(form.office.as_str()))
        .one(&db)
        .await
    {
        Ok(Some(o)) => o,
        Ok(None) => return back("office", "minutes.unknown_office"),
        Err(_) => return StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    };
    if let Err(refused) = check(user.as_ref(), &Permission::AdminOf(vec![office.id]), lang) {
        return refused;
    }
    match directory::add_person(&db, &form, office.id, user.map(|u| u.id)).await {
        Ok(_) => {
            let q = form_urlencoded::Serializer::new(String::new())
                .append_pair("q", form.name_bn.trim())
                .append_pair("ok", "added")
                .finish();
            see_other(&format!("/admin/people?{q}"))
        }
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}
