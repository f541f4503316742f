mod audit;
mod directory;
mod users;

pub use audit::{AuditPage, AuditTable};
pub use directory::{HolidaysPage, OfficesPage, PeoplePage};
pub use users::UsersPage;
