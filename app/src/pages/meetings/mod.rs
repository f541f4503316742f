mod list;
mod show;

pub use list::MeetingsPage;
pub use show::MeetingPage;
