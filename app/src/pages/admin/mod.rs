mod audit;
mod users;

pub use audit::{AuditPage, AuditTable};
pub use users::UsersPage;
