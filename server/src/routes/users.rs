//! `/admin/users` form posts: an admin creates a user, sets a user's
//! password, grants a role, unlocks an account. Each acts only within the
//! admin's reach: the office of a new role, and every office where the user
//! already holds one. A refusal goes back to the form with what was typed
//! (never the password) and the message beside its field.
use super::account::hash;
use super::{see_other, Caller, Refusal};
use crate::store::accounts::{self, NewUser};
use crate::store::minutes::office_id;
use app::domain::auth::Permission;
use app::domain::users::{check_password, FieldProblem, NewAccount, NewGrant};
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use sea_orm::DatabaseConnection;
use uuid::Uuid;

fn internal() -> Response {
    StatusCode::INTERNAL_SERVER_ERROR.into_response()
}

/// Back to the list: `ok` or the problem with its field, the typed values
/// and the form's anchor.
fn back(anchor: &str, pairs: &[(&str, &str)]) -> Response {
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs.iter().filter(|(_, v)| !v.is_empty()) {
        q.append_pair(k, v);
    }
    let q = q.finish();
    let q = if q.is_empty() { q } else { format!("?{q}") };
    see_other(&format!("/admin/users{q}#{anchor}"))
}

/// The office of this code and the admin reaching it, or why not.
async fn office_in_reach(
    db: &DatabaseConnection,
    caller: &Caller,
    code: &str,
) -> Result<Result<(Uuid, Uuid), FieldProblem>, Refusal> {
    match office_id(db, code).await {
        Ok(Some(office)) => match caller.require(&Permission::AdminOf(vec![office])) {
            Ok(admin) => Ok(Ok((office, admin.id))),
            Err(_) => Ok(Err(("office", "error.forbidden"))),
        },
        Ok(None) => Ok(Err(("office", "minutes.unknown_office"))),
        Err(e) => Err(Refusal::bare(e)),
    }
}

/// POST /admin/users — a new user with one role.
pub async fn create(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    Form(form): Form<NewAccount>,
) -> Result<Response, Refusal> {
    caller.require(&Permission::AnyAdmin)?;
    let again = |(field, key): FieldProblem| {
        back(
            "add",
            &[
                ("field", field),
                ("error", key),
                ("username", form.username.trim()),
                ("display_name", &form.display_name),
                ("role", &form.role),
                ("office", &form.office),
                ("below", form.below.as_deref().unwrap_or_default()),
                ("person", &form.person),
            ],
        )
    };
    let (role, code) = match form.check() {
        Ok(checked) => checked,
        Err(problem) => return Ok(again(problem)),
    };
    let (office, admin) = match office_in_reach(&db, &caller, code).await? {
        Ok(found) => found,
        Err(problem) => return Ok(again(problem)),
    };
    // The person linked must be at an office the admin administers.
    if let Some(person) = form.person() {
        match crate::store::directory::office_of_person(&db, person).await {
            Ok(Some(at)) if caller.require(&Permission::AdminOf(vec![at])).is_ok() => {}
            Ok(_) => return Ok(again(("person", "error.forbidden"))),
            Err(e) => return Err(Refusal::bare(e)),
        }
    }
    let username = form.username.trim().to_lowercase();
    let taken = accounts::find_by_username(&db, &username).await;
    match taken {
        Ok(Some(_)) => return Ok(again(("username", "users.error.taken"))),
        Ok(None) => {}
        Err(_) => return Ok(internal()),
    }
    let password_hash = match hash(form.password.clone()).await {
        Ok(h) => h,
        Err(r) => return Ok(r),
    };
    let below = form.grant().below(role);
    let created = accounts::create_user(
        &db,
        Some(admin),
        NewUser {
            username: &username,
            display_name: form.display_name.trim(),
            person_id: form.person(),
            password_hash,
            grants: vec![(role, office, below)],
        },
    )
    .await;
    Ok(match created {
        Ok(_) => back("done", &[("ok", "created")]),
        // The name was taken between the look and the write.
        Err(_)
            if matches!(
                accounts::find_by_username(&db, &username).await,
                Ok(Some(_))
            ) =>
        {
            again(("username", "users.error.taken"))
        }
        Err(_) => internal(),
    })
}

/// The user an admin acts on: found, and every office where they hold a
/// role within the admin's reach. Returns the admin's id with the row.
async fn target(
    db: &DatabaseConnection,
    caller: &Caller,
    id: Uuid,
) -> Result<(Uuid, accounts::Account), Refusal> {
    // Decide who may before looking at anything else.
    caller.require(&Permission::AnyAdmin)?;
    let offices = accounts::role_offices(db, id)
        .await
        .map_err(|e| Refusal::bare(crate::store::db_error(e)))?;
    let admin = caller.require(&Permission::AdminOf(offices))?;
    match accounts::find_by_id(db, id).await {
        Ok(Some(t)) => Ok((admin.id, t)),
        Ok(None) => Err(Refusal::bare(app::error::AppError::NotFound)),
        Err(e) => Err(Refusal::bare(crate::store::db_error(e))),
    }
}

#[derive(serde::Deserialize)]
pub struct PasswordReset {
    #[serde(default)]
    password: String,
}

/// POST /admin/users/{id}/password — the admin sets a new password (a user
/// who forgot theirs); every session of the user ends.
pub async fn reset_password(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    Path(id): Path<Uuid>,
    Form(form): Form<PasswordReset>,
) -> Result<Response, Refusal> {
    let (admin, user) = target(&db, &caller, id).await?;
    let anchor = format!("user-{id}");
    if let Err((field, key)) = check_password(&form.password) {
        let user = id.to_string();
        return Ok(back(
            &anchor,
            &[("user", &user), ("field", field), ("error", key)],
        ));
    }
    let password_hash = match hash(form.password).await {
        Ok(h) => h,
        Err(r) => return Ok(r),
    };
    Ok(
        match accounts::set_password(&db, admin, &user, password_hash).await {
            Ok(()) => back("done", &[("ok", "password")]),
            Err(_) => internal(),
        },
    )
}

/// POST /admin/users/{id}/roles — the admin grants a role at an office they
/// administer.
pub async fn grant(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    Path(id): Path<Uuid>,
    Form(form): Form<NewGrant>,
) -> Result<Response, Refusal> {
    let (_, user) = target(&db, &caller, id).await?;
    let anchor = format!("user-{id}");
    let who = id.to_string();
    let again = |(field, key): FieldProblem| {
        back(
            &anchor,
            &[
                ("user", &who),
                ("field", field),
                ("error", key),
                ("role", &form.role),
                ("office", &form.office),
                ("below", form.below.as_deref().unwrap_or_default()),
            ],
        )
    };
    let (role, code) = match form.check() {
        Ok(checked) => checked,
        Err(problem) => return Ok(again(problem)),
    };
    // Only the person the minutes name may approve: a chair's account is one.
    if role == app::domain::auth::Role::Chair && user.person_id.is_none() {
        return Ok(again(("role", "users.error.chair_needs_person")));
    }
    let (office, admin) = match office_in_reach(&db, &caller, code).await? {
        Ok(found) => found,
        Err(problem) => return Ok(again(problem)),
    };
    Ok(
        match accounts::grant_role(&db, admin, &user, (role, office, form.below(role))).await {
            Ok(true) => back("done", &[("ok", "granted")]),
            Ok(false) => again(("role", "users.error.has_role")),
            Err(_) => internal(),
        },
    )
}

/// POST /admin/users/{id}/unlock — an account locked by wrong passwords.
pub async fn unlock(
    State(db): State<DatabaseConnection>,
    caller: Caller,
    Path(id): Path<Uuid>,
) -> Result<Response, Refusal> {
    let (admin, user) = target(&db, &caller, id).await?;
    if accounts::unlock(&db, admin, &user).await.is_err() {
        return Ok(internal());
    }
    Ok(back(&format!("user-{id}"), &[]))
}
