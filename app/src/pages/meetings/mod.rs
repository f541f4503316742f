mod edit;
mod list;
mod show;
mod workflow;

pub use edit::{EditMeetingPage, NewMeetingPage};
pub use list::MeetingsPage;
pub use show::MeetingPage;
