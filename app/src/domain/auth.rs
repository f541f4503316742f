//! Who may do what. Roles are held at an office; the rules here are pure and
//! every server function and HTTP handler asks them through `authorize`.
use crate::error::AppError;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(
    Clone,
    Copy,
    Debug,
    PartialEq,
    Eq,
    Hash,
    Serialize,
    Deserialize,
    strum::IntoStaticStr,
    strum::EnumString,
    strum::VariantArray,
)]
#[strum(serialize_all = "snake_case")]
pub enum Role {
    /// Manages offices, people and users of its office and those below.
    Admin,
    /// Drafts and edits the minutes of meetings its office organises.
    Secretary,
    /// Approves or returns the minutes of meetings they chair.
    Chair,
    /// Reports progress on decisions assigned to its office.
    Implementer,
    /// Reads.
    Viewer,
}

impl Role {
    /// The stable name stored in the database, URLs and the JSON format.
    pub fn code(self) -> &'static str {
        self.into()
    }

    pub fn from_code(code: &str) -> Option<Self> {
        code.parse().ok()
    }

    /// The i18n key of the role's name.
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Admin => "role.admin",
            Role::Secretary => "role.secretary",
            Role::Chair => "role.chair",
            Role::Implementer => "role.implementer",
            Role::Viewer => "role.viewer",
        }
    }
}

/// One role at one office, as the account page lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grant {
    pub role: Role,
    pub office_id: Uuid,
    pub office_name: String,
    pub include_below: bool,
}

/// The signed-in user, with every office each role reaches (the grant's office
/// and, where the grant includes them, the offices below it).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: Uuid,
    pub username: String,
    pub display_name: String,
    pub grants: Vec<Grant>,
    pub reach: Vec<(Role, Uuid)>,
    /// The directory person this user is (a chair approves the meetings
    /// they chair).
    #[serde(default)]
    pub person_id: Option<Uuid>,
}

impl CurrentUser {
    pub fn has_role(&self, role: Role) -> bool {
        self.grants.iter().any(|g| g.role == role)
    }

    /// Does `role` reach `office` (directly or through an office above it)?
    pub fn reaches(&self, role: Role, office: Uuid) -> bool {
        self.reach.iter().any(|&(r, o)| r == role && o == office)
    }
}

/// What a request needs. One variant per kind of check; features add theirs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Permission {
    /// Anyone, signed in or not (the login form, the language switch).
    Public,
    /// Any signed-in user (reading minutes, one's own account).
    SignedIn,
    /// An admin anywhere; what they see is limited to their offices.
    AnyAdmin,
    /// An admin whose reach covers every one of these offices (acting on a
    /// user whose roles are held there). An empty list allows nobody: a user
    /// without roles belongs to no admin.
    AdminOf(Vec<Uuid>),
    /// A secretary anywhere: may start drafting (or importing) minutes.
    AnySecretary,
    /// A secretary of this office (or of one above it): writes its minutes.
    SecretaryOf(Uuid),
    /// The chair of a meeting: a chair of its office who is its chair person.
    ChairOf { office: Uuid, person: Uuid },
    /// An implementer of this office (or of one above it): reports its progress.
    ImplementerOf(Uuid),
    /// Reading a meeting's minutes (page, PDF, file, history, comments).
    /// Issued minutes are distributed: everyone signed in. A draft, or one
    /// waiting for the chair, only its office's secretaries, chairs and
    /// admins (and those of the offices above it).
    ReadMinutes { office: Uuid, issued: bool },
    /// Reading an assignment and its evidence: whoever holds a role at the
    /// office that owes it or at the meeting's office (or above either).
    ReadAssignment { owing: Uuid, meeting_office: Uuid },
}

pub fn authorize(user: Option<&CurrentUser>, needs: &Permission) -> Result<(), AppError> {
    let user = match (needs, user) {
        (Permission::Public, _) => return Ok(()),
        (_, None) => return Err(AppError::Unauthenticated),
        (_, Some(u)) => u,
    };
    let allowed = match needs {
        Permission::Public | Permission::SignedIn => true,
        Permission::AnyAdmin => user.has_role(Role::Admin),
        Permission::AdminOf(offices) => {
            user.has_role(Role::Admin)
                && !offices.is_empty()
                && offices.iter().all(|o| user.reaches(Role::Admin, *o))
        }
        Permission::AnySecretary => user.has_role(Role::Secretary),
        Permission::SecretaryOf(office) => user.reaches(Role::Secretary, *office),
        Permission::ImplementerOf(office) => user.reaches(Role::Implementer, *office),
        Permission::ChairOf { office, person } => {
            user.reaches(Role::Chair, *office) && user.person_id == Some(*person)
        }
        Permission::ReadMinutes { office, issued } => {
            *issued
                || [Role::Secretary, Role::Chair, Role::Admin]
                    .into_iter()
                    .any(|r| user.reaches(r, *office))
        }
        Permission::ReadAssignment {
            owing,
            meeting_office,
        } => user
            .reach
            .iter()
            .any(|(_, o)| o == owing || o == meeting_office),
    };
    if allowed {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Checks a password change form. On failure: (the field, the message key).
pub fn validate_new_password(
    current: &str,
    new: &str,
    confirm: &str,
) -> Result<(), (&'static str, &'static str)> {
    let len = new.chars().count();
    if current.is_empty() {
        Err(("current_password", "account.error.wrong_current"))
    } else if len < 10 {
        Err(("new_password", "account.error.too_short"))
    } else if len > 200 {
        Err(("new_password", "account.error.too_long"))
    } else if new == current {
        Err(("new_password", "account.error.same"))
    } else if new != confirm {
        Err(("confirm_password", "account.error.mismatch"))
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_passwords_are_checked_field_by_field() {
        let ok = "নতুন-পাসওয়ার্ড-১২৩";
        assert_eq!(validate_new_password("old-password", ok, ok), Ok(()));
        assert_eq!(
            validate_new_password("", ok, ok).unwrap_err().0,
            "current_password"
        );
        assert_eq!(
            validate_new_password("old", "short", "short").unwrap_err(),
            ("new_password", "account.error.too_short")
        );
        assert_eq!(
            validate_new_password("old", &"x".repeat(201), &"x".repeat(201))
                .unwrap_err()
                .1,
            "account.error.too_long"
        );
        assert_eq!(
            validate_new_password(ok, ok, ok).unwrap_err().1,
            "account.error.same"
        );
        assert_eq!(
            validate_new_password("old", ok, "other-password").unwrap_err(),
            ("confirm_password", "account.error.mismatch")
        );
    }

    fn user(role: Role, reach: &[Uuid]) -> CurrentUser {
        CurrentUser {
            id: Uuid::new_v4(),
            username: "u".into(),
            display_name: "u".into(),
            grants: vec![Grant {
                role,
                office_id: reach[0],
                office_name: String::new(),
                include_below: true,
            }],
            reach: reach.iter().map(|o| (role, *o)).collect(),
            person_id: None,
        }
    }

    #[test]
    fn only_the_meetings_own_chair_approves() {
        let (office, person) = (Uuid::new_v4(), Uuid::new_v4());
        let needs = Permission::ChairOf { office, person };
        let mut chair = user(Role::Chair, &[office]);
        assert_eq!(
            authorize(Some(&chair), &needs),
            Err(AppError::Forbidden),
            "not their meeting"
        );
        chair.person_id = Some(person);
        assert_eq!(authorize(Some(&chair), &needs), Ok(()));
        let mut secretary = user(Role::Secretary, &[office]);
        secretary.person_id = Some(person);
        assert_eq!(
            authorize(Some(&secretary), &needs),
            Err(AppError::Forbidden),
            "not a chair"
        );
        let elsewhere = user(Role::Chair, &[Uuid::new_v4()]);
        assert_eq!(
            authorize(Some(&elsewhere), &needs),
            Err(AppError::Forbidden)
        );
    }

    #[test]
    fn nobody_gets_only_public() {
        assert_eq!(authorize(None, &Permission::Public), Ok(()));
        assert_eq!(
            authorize(None, &Permission::SignedIn),
            Err(AppError::Unauthenticated)
        );
        assert_eq!(
            authorize(None, &Permission::AnyAdmin),
            Err(AppError::Unauthenticated)
        );
    }

    #[test]
    fn admins_act_only_within_their_offices() {
        let (division, district, elsewhere) = (Uuid::new_v4(), Uuid::new_v4(), Uuid::new_v4());
        let admin = user(Role::Admin, &[division, district]);
        assert_eq!(authorize(Some(&admin), &Permission::AnyAdmin), Ok(()));
        assert_eq!(
            authorize(Some(&admin), &Permission::AdminOf(vec![district])),
            Ok(())
        );
        assert_eq!(
            authorize(
                Some(&admin),
                &Permission::AdminOf(vec![district, elsewhere])
            ),
            Err(AppError::Forbidden)
        );
        assert_eq!(
            authorize(Some(&admin), &Permission::AdminOf(vec![])),
            Err(AppError::Forbidden)
        );
    }

    #[test]
    fn other_roles_are_not_admins() {
        let office = Uuid::new_v4();
        for role in [
            Role::Secretary,
            Role::Chair,
            Role::Implementer,
            Role::Viewer,
        ] {
            let u = user(role, &[office]);
            assert_eq!(authorize(Some(&u), &Permission::SignedIn), Ok(()));
            assert_eq!(
                authorize(Some(&u), &Permission::AnyAdmin),
                Err(AppError::Forbidden)
            );
            assert_eq!(
                authorize(Some(&u), &Permission::AdminOf(vec![office])),
                Err(AppError::Forbidden)
            );
        }
    }

    #[test]
    fn secretaries_write_the_minutes_of_their_offices_only() {
        let (office, elsewhere) = (Uuid::new_v4(), Uuid::new_v4());
        let secretary = user(Role::Secretary, &[office]);
        assert_eq!(
            authorize(Some(&secretary), &Permission::AnySecretary),
            Ok(())
        );
        assert_eq!(
            authorize(Some(&secretary), &Permission::SecretaryOf(office)),
            Ok(())
        );
        assert_eq!(
            authorize(Some(&secretary), &Permission::SecretaryOf(elsewhere)),
            Err(AppError::Forbidden)
        );
        for role in [Role::Admin, Role::Chair, Role::Implementer, Role::Viewer] {
            let u = user(role, &[office]);
            assert_eq!(
                authorize(Some(&u), &Permission::SecretaryOf(office)),
                Err(AppError::Forbidden)
            );
            assert_eq!(
                authorize(Some(&u), &Permission::AnySecretary),
                Err(AppError::Forbidden)
            );
        }
    }

    #[test]
    fn role_codes_round_trip() {
        use strum::VariantArray;
        for r in Role::VARIANTS.iter().copied() {
            assert_eq!(Role::from_code(r.code()), Some(r));
        }
    }
}
