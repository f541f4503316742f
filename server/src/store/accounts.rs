//! Users, their roles, and what the login and account handlers change.
use super::db_error;
use crate::audit::{self, Action, Change};
use crate::db::entities::{offices, user_roles, users};
use app::domain::audit::UserSummary;
use app::domain::auth::{CurrentUser, Grant, Role};
use app::error::AppError;
use app::ports::AccountStore;
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, TransactionSession, TransactionTrait,
};
use serde_json::json;
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// An account as stored (what the account handlers read and change).
pub type Account = users::Model;

pub struct SeaAccountStore {
    pub db: DatabaseConnection,
}

/// Every office below `root` (not `root` itself), from (id, parent) pairs.
pub fn descendants(root: Uuid, parents: &[(Uuid, Option<Uuid>)]) -> Vec<Uuid> {
    let mut children: HashMap<Uuid, Vec<Uuid>> = HashMap::new();
    for &(id, parent) in parents {
        if let Some(p) = parent {
            children.entry(p).or_default().push(id);
        }
    }
    let (mut out, mut stack, mut seen) = (vec![], vec![root], HashSet::from([root]));
    while let Some(o) = stack.pop() {
        for &c in children.get(&o).into_iter().flatten() {
            if seen.insert(c) {
                out.push(c);
                stack.push(c);
            }
        }
    }
    out
}

/// The grants of these users, with office names, by user.
async fn grants_of<C: ConnectionTrait>(
    db: &C,
    user_ids: &[Uuid],
) -> Result<HashMap<Uuid, Vec<Grant>>, DbErr> {
    let roles = user_roles::Entity::find()
        .filter(user_roles::Column::UserId.is_in(user_ids.iter().copied()))
        .all(db)
        .await?;
    let names: HashMap<Uuid, String> = offices::Entity::find()
        .filter(offices::Column::Id.is_in(roles.iter().map(|r| r.office_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|o| {
            (
                o.id,
                format!("{} {}", o.name_bn, o.place_bn).trim().to_string(),
            )
        })
        .collect();
    let mut out: HashMap<Uuid, Vec<Grant>> = HashMap::new();
    for r in roles {
        let Some(role) = Role::from_code(&r.role) else {
            tracing::error!(role = r.role, "unknown role in user_roles");
            continue;
        };
        out.entry(r.user_id).or_default().push(Grant {
            role,
            office_name: names.get(&r.office_id).cloned().unwrap_or_default(),
            office_id: r.office_id,
            include_below: r.include_below,
        });
    }
    Ok(out)
}

/// The signed-in user as requests see them. Admin grants always reach the
/// offices below; other roles only where the grant says so.
pub async fn current_user(db: &DatabaseConnection, id: Uuid) -> Result<Option<CurrentUser>, DbErr> {
    let Some(user) = users::Entity::find_by_id(id).one(db).await? else {
        return Ok(None);
    };
    if !user.active {
        return Ok(None);
    }
    let grants = grants_of(db, &[id]).await?.remove(&id).unwrap_or_default();
    let mut reach = vec![];
    let needs_tree = grants
        .iter()
        .any(|g| g.include_below || g.role == Role::Admin);
    // Every signed-in request of an admin comes here: two columns, not the
    // whole office rows (3 ms a request with the country's 600 offices).
    let tree: Vec<(Uuid, Option<Uuid>)> = if needs_tree {
        offices::Entity::find()
            .select_only()
            .columns([offices::Column::Id, offices::Column::ParentId])
            .into_tuple()
            .all(db)
            .await?
    } else {
        vec![]
    };
    for g in &grants {
        reach.push((g.role, g.office_id));
        if g.include_below || g.role == Role::Admin {
            reach.extend(
                descendants(g.office_id, &tree)
                    .into_iter()
                    .map(|o| (g.role, o)),
            );
        }
    }
    Ok(Some(CurrentUser {
        id,
        username: user.username,
        display_name: user.display_name,
        grants,
        reach,
        person_id: user.person_id,
    }))
}

pub async fn find_by_username(
    db: &DatabaseConnection,
    username: &str,
) -> Result<Option<users::Model>, DbErr> {
    users::Entity::find()
        .filter(users::Column::Username.eq(username.trim().to_lowercase()))
        .one(db)
        .await
}

pub async fn find_by_id(db: &DatabaseConnection, id: Uuid) -> Result<Option<users::Model>, DbErr> {
    users::Entity::find_by_id(id).one(db).await
}

/// How many wrong passwords in a row lock an account, and for how long.
pub const MAX_FAILED_LOGINS: i32 = 5;
pub const LOCK_MINUTES: i64 = 15;

/// Counts a wrong password; the fifth in a row locks the account. Returns
/// whether the account is now locked. The count is added in SQL, not from
/// the row read before the (slow) password check: parallel wrong tries each
/// count (on PostgreSQL the UPDATE waits for the row lock, on SQLite for the
/// write lock), so a burst of them locks the account like a series does.
pub async fn record_failed_login(
    db: &DatabaseConnection,
    user: &users::Model,
    now: DateTime<Utc>,
) -> Result<bool, DbErr> {
    use sea_orm::sea_query::{Expr, ExprTrait};
    let txn = super::begin_write(db).await?;
    users::Entity::update_many()
        .col_expr(
            users::Column::FailedLogins,
            Expr::col(users::Column::FailedLogins).add(1),
        )
        .filter(users::Column::Id.eq(user.id))
        .exec(&txn)
        .await?;
    let locked = users::Entity::update_many()
        .col_expr(users::Column::FailedLogins, Expr::value(0))
        .col_expr(
            users::Column::LockedUntil,
            Expr::value(now + chrono::Duration::minutes(LOCK_MINUTES)),
        )
        .filter(users::Column::Id.eq(user.id))
        .filter(users::Column::FailedLogins.gte(MAX_FAILED_LOGINS))
        .exec(&txn)
        .await?
        .rows_affected
        == 1;
    if locked {
        audit::record(
            &txn,
            Change {
                actor: None,
                action: Action::UserLock,
                entity_kind: "user",
                entity_id: Some(user.id),
                meeting_id: None,
                before: None,
                after: Some(json!({ "username": user.username, "minutes": LOCK_MINUTES })),
            },
        )
        .await?;
    }
    txn.commit().await?;
    Ok(locked)
}

/// Clears the failed sign-ins and, when the password was re-hashed under
/// today's settings (`crate::password`), stores the new hash. The password
/// is the same, so no session ends and nothing is audited. The new hash
/// replaces only the hash that was checked: a password set meanwhile (an
/// admin's reset during the sign-in) is never put back to the old one.
pub async fn record_successful_login(
    db: &DatabaseConnection,
    user: &users::Model,
    rehashed: Option<String>,
) -> Result<(), DbErr> {
    if user.failed_logins != 0 || user.locked_until.is_some() {
        let mut row: users::ActiveModel = user.clone().into();
        row.failed_logins = Set(0);
        row.locked_until = Set(None);
        row.update(db).await?;
    }
    if let Some(hash) = rehashed {
        users::Entity::update_many()
            .col_expr(users::Column::PasswordHash, Expr::value(hash))
            .filter(users::Column::Id.eq(user.id))
            .filter(users::Column::PasswordHash.eq(user.password_hash.as_str()))
            .exec(db)
            .await?;
    }
    Ok(())
}

pub async fn set_password(
    db: &DatabaseConnection,
    actor: Uuid,
    user: &users::Model,
    hash: String,
) -> Result<(), DbErr> {
    let txn = crate::store::begin_write(db).await?;
    let mut row: users::ActiveModel = user.clone().into();
    row.password_hash = Set(hash);
    row.updated_at = Set(Utc::now());
    row.update(&txn).await?;
    super::sessions::end_all_of(&txn, user.id).await?;
    audit::record(
        &txn,
        Change {
            actor: Some(actor),
            action: Action::UserPasswordChange,
            entity_kind: "user",
            entity_id: Some(user.id),
            meeting_id: None,
            before: None,
            after: Some(json!({ "username": user.username, "password": "changed" })),
        },
    )
    .await?;
    txn.commit().await
}

pub async fn unlock(
    db: &DatabaseConnection,
    actor: Uuid,
    user: &users::Model,
) -> Result<(), DbErr> {
    let txn = crate::store::begin_write(db).await?;
    let mut row: users::ActiveModel = user.clone().into();
    row.failed_logins = Set(0);
    row.locked_until = Set(None);
    row.update(&txn).await?;
    audit::record(
        &txn,
        Change {
            actor: Some(actor),
            action: Action::UserUnlock,
            entity_kind: "user",
            entity_id: Some(user.id),
            meeting_id: None,
            before: Some(json!({ "locked_until": user.locked_until })),
            after: Some(json!({ "locked_until": null })),
        },
    )
    .await?;
    txn.commit().await
}

/// A new account with its roles, in one transaction with its audit row.
pub struct NewUser<'a> {
    pub username: &'a str,
    pub display_name: &'a str,
    pub person_id: Option<Uuid>,
    pub password_hash: String,
    pub grants: Vec<(Role, Uuid, bool)>,
}

pub async fn create_user<C: TransactionTrait>(
    db: &C,
    actor: Option<Uuid>,
    new: NewUser<'_>,
) -> Result<Uuid, DbErr> {
    let txn = crate::store::begin_write(db).await?;
    let id = Uuid::new_v4();
    let now = Utc::now();
    let username = new.username.trim().to_lowercase();
    users::Entity::insert(users::ActiveModel {
        id: Set(id),
        username: Set(username.clone()),
        display_name: Set(new.display_name.to_string()),
        person_id: Set(new.person_id),
        password_hash: Set(new.password_hash),
        lang: Set("bn".into()),
        failed_logins: Set(0),
        locked_until: Set(None),
        active: Set(true),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec_without_returning(&txn)
    .await?;
    for (role, office, below) in &new.grants {
        user_roles::Entity::insert(user_roles::ActiveModel {
            id: Set(Uuid::new_v4()),
            user_id: Set(id),
            role: Set(role.code().into()),
            office_id: Set(*office),
            include_below: Set(*below),
        })
        .exec_without_returning(&txn)
        .await?;
    }
    let roles: Vec<_> = new
        .grants
        .iter()
        .map(|(r, o, b)| json!({ "role": r.code(), "office": o, "below": b }))
        .collect();
    audit::record(
        &txn,
        Change {
            actor,
            action: Action::UserCreate,
            entity_kind: "user",
            entity_id: Some(id),
            meeting_id: None,
            before: None,
            after: Some(json!({ "username": username, "name": new.display_name, "roles": roles })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Grants `role` at `office` (and below, when `below`) to `user`, with its
/// audit row. Ok(false) when the user holds that role there already.
pub async fn grant_role(
    db: &DatabaseConnection,
    actor: Uuid,
    user: &users::Model,
    (role, office, below): (Role, Uuid, bool),
) -> Result<bool, DbErr> {
    let txn = crate::store::begin_write(db).await?;
    let held = user_roles::Entity::find()
        .filter(user_roles::Column::UserId.eq(user.id))
        .filter(user_roles::Column::Role.eq(role.code()))
        .filter(user_roles::Column::OfficeId.eq(office))
        .one(&txn)
        .await?;
    if held.is_some() {
        return Ok(false);
    }
    user_roles::Entity::insert(user_roles::ActiveModel {
        id: Set(Uuid::new_v4()),
        user_id: Set(user.id),
        role: Set(role.code().into()),
        office_id: Set(office),
        include_below: Set(below),
    })
    .exec_without_returning(&txn)
    .await?;
    audit::record(
        &txn,
        Change {
            actor: Some(actor),
            action: Action::UserGrant,
            entity_kind: "user",
            entity_id: Some(user.id),
            meeting_id: None,
            before: None,
            after: Some(json!({
                "username": user.username,
                "roles": [{ "role": role.code(), "office": office, "below": below }],
            })),
        },
    )
    .await?;
    txn.commit().await?;
    Ok(true)
}

/// The offices at which `user` holds any role (an admin may act on the user
/// only if it reaches all of them).
pub async fn role_offices(db: &DatabaseConnection, user: Uuid) -> Result<Vec<Uuid>, DbErr> {
    Ok(user_roles::Entity::find()
        .filter(user_roles::Column::UserId.eq(user))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.office_id)
        .collect())
}

#[async_trait::async_trait]
impl AccountStore for SeaAccountStore {
    async fn list_users(&self, offices: Vec<Uuid>) -> Result<Vec<UserSummary>, AppError> {
        let ids: Vec<Uuid> = user_roles::Entity::find()
            .filter(user_roles::Column::OfficeId.is_in(offices))
            .all(&self.db)
            .await
            .map_err(db_error)?
            .into_iter()
            .map(|r| r.user_id)
            .collect::<HashSet<_>>()
            .into_iter()
            .collect();
        let rows = users::Entity::find()
            .filter(users::Column::Id.is_in(ids.iter().copied()))
            .order_by_asc(users::Column::Username)
            .all(&self.db)
            .await
            .map_err(db_error)?;
        let mut grants = grants_of(&self.db, &ids).await.map_err(db_error)?;
        let now = Utc::now();
        Ok(rows
            .into_iter()
            .map(|u| UserSummary {
                grants: grants.remove(&u.id).unwrap_or_default(),
                locked: u.locked_until.is_some_and(|t| t > now),
                id: u.id,
                username: u.username,
                display_name: u.display_name,
                active: u.active,
            })
            .collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn descendants_walk_the_whole_subtree() {
        let ids: Vec<Uuid> = (0..5).map(|_| Uuid::new_v4()).collect();
        // 0 → 1 → 2, 0 → 3, 4 is elsewhere
        let tree = vec![
            (ids[0], None),
            (ids[1], Some(ids[0])),
            (ids[2], Some(ids[1])),
            (ids[3], Some(ids[0])),
            (ids[4], None),
        ];
        let mut below = descendants(ids[0], &tree);
        below.sort();
        let mut expected = vec![ids[1], ids[2], ids[3]];
        expected.sort();
        assert_eq!(below, expected);
        assert!(descendants(ids[4], &tree).is_empty());
    }
}
