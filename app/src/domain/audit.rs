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
