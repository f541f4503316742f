//! The admin's forms for accounts (`/admin/users`): a new user, a password
//! reset, a role granted. Each is checked field by field before anything is
//! read or written; a refusal names the field and the message key.
use super::auth::Role;
use serde::{Deserialize, Serialize};

/// Passwords: long enough to resist guessing, short enough to hash quickly.
pub const PASSWORD_CHARS: std::ops::RangeInclusive<usize> = 10..=200;

/// A field's problem: (the form field, the message key).
pub type FieldProblem = (&'static str, &'static str);

/// "Add a user" as posted. The office is its code; the role its code.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAccount {
    #[serde(default)]
    pub username: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub office: String,
    /// "on" when the role reaches the offices below too.
    #[serde(default)]
    pub below: Option<String>,
    /// The directory person the account is (its id; empty: none). A chair
    /// must be one: minutes name their chair as a person of the directory,
    /// and only that person's account may approve them.
    #[serde(default)]
    pub person: String,
}

/// "Grant a role" as posted.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewGrant {
    #[serde(default)]
    pub role: String,
    #[serde(default)]
    pub office: String,
    #[serde(default)]
    pub below: Option<String>,
}

/// A user name people can type and read out: 3–40 of a–z, 0–9, ".", "_", "-".
pub fn check_username(name: &str) -> Result<(), FieldProblem> {
    let name = name.trim();
    if name.is_empty() {
        return Err(("username", "minutes.required"));
    }
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-_".contains(c);
    if !(3..=40).contains(&name.chars().count()) || !name.chars().all(allowed) {
        return Err(("username", "users.error.username"));
    }
    Ok(())
}

pub fn check_password(password: &str) -> Result<(), FieldProblem> {
    let n = password.chars().count();
    if n < *PASSWORD_CHARS.start() {
        Err(("password", "account.error.too_short"))
    } else if n > *PASSWORD_CHARS.end() {
        Err(("password", "account.error.too_long"))
    } else {
        Ok(())
    }
}

/// A role's code and an office's code, both given.
fn role_at<'a>(role: &str, office: &'a str) -> Result<(Role, &'a str), FieldProblem> {
    let role = Role::from_code(role).ok_or(("role", "minutes.required"))?;
    match office.trim() {
        "" => Err(("office", "minutes.required")),
        office => Ok((role, office)),
    }
}

impl NewGrant {
    /// The role and office code, checked.
    pub fn check(&self) -> Result<(Role, &str), FieldProblem> {
        role_at(&self.role, &self.office)
    }

    /// Whether the role reaches the offices below too (an admin's always does).
    pub fn below(&self, role: Role) -> bool {
        role == Role::Admin || self.below.is_some()
    }
}

impl NewAccount {
    /// Every field in the form's order; the first problem is reported.
    pub fn check(&self) -> Result<(Role, &str), FieldProblem> {
        check_username(&self.username)?;
        let name = self.display_name.trim();
        if name.is_empty() {
            return Err(("display_name", "minutes.required"));
        }
        if name.chars().count() > super::minutes::SHORT_TEXT || name.chars().any(char::is_control) {
            return Err(("display_name", "minutes.too_long"));
        }
        check_password(&self.password)?;
        let (role, office) = role_at(&self.role, &self.office)?;
        if role == Role::Chair && self.person().is_none() {
            return Err(("person", "users.error.chair_needs_person"));
        }
        Ok((role, office))
    }

    /// The person chosen, if any (an id that cannot be read is none).
    pub fn person(&self) -> Option<uuid::Uuid> {
        uuid::Uuid::parse_str(self.person.trim()).ok()
    }

    pub fn grant(&self) -> NewGrant {
        NewGrant {
            role: self.role.clone(),
            office: self.office.clone(),
            below: self.below.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn account() -> NewAccount {
        NewAccount {
            username: "uno.pirganj".into(),
            display_name: "উপজেলা নির্বাহী অফিসার, পীরগঞ্জ".into(),
            password: "a-long-password".into(),
            role: "implementer".into(),
            office: "pirganj-uno".into(),
            below: None,
            person: String::new(),
        }
    }

    #[test]
    fn a_new_account_is_checked_field_by_field() {
        assert_eq!(account().check(), Ok((Role::Implementer, "pirganj-uno")));
        let with = |f: fn(&mut NewAccount)| {
            let mut a = account();
            f(&mut a);
            a.check().unwrap_err()
        };
        let cases: [(fn(&mut NewAccount), FieldProblem); 8] = [
            (
                |a| a.username = " ".into(),
                ("username", "minutes.required"),
            ),
            (
                |a| a.username = "UNO Pirganj".into(),
                ("username", "users.error.username"),
            ),
            (
                |a| a.username = "ab".into(),
                ("username", "users.error.username"),
            ),
            (
                |a| a.display_name = "".into(),
                ("display_name", "minutes.required"),
            ),
            (
                |a| a.password = "short".into(),
                ("password", "account.error.too_short"),
            ),
            (|a| a.role = "king".into(), ("role", "minutes.required")),
            (|a| a.office = "".into(), ("office", "minutes.required")),
            (
                |a| a.role = "chair".into(),
                ("person", "users.error.chair_needs_person"),
            ),
        ];
        for (change, problem) in cases {
            assert_eq!(with(change), problem);
        }
    }

    #[test]
    fn an_admin_role_always_reaches_below() {
        let g = NewGrant {
            role: "admin".into(),
            office: "x".into(),
            below: None,
        };
        assert!(g.below(Role::Admin));
        assert!(!g.below(Role::Viewer));
    }
}
