mod login;
mod profile;

pub use login::LoginPage;
pub use profile::AccountPage;
