mod edit;
mod list;
mod show;

pub use edit::{EditMeetingPage, NewMeetingPage};
pub use list::MeetingsPage;
pub use show::MeetingPage;
