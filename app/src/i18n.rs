//! Message keys → Bangla and English text. Bangla is the default; English is
//! the switch (issue: accounts add the switch to the page chrome).

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Bn,
    En,
}

/// (key, Bangla, English)
const MESSAGES: &[(&str, &str, &str)] = &[
    ("app.name", "সিদ্ধান্ত", "Sidhanto"),
    (
        "app.tagline",
        "সভার কার্যবিবরণী ও সিদ্ধান্ত বাস্তবায়ন",
        "Meeting minutes and decision tracking",
    ),
    ("nav.meetings", "সভাসমূহ", "Meetings"),
    ("meetings.title", "সভাসমূহ", "Meetings"),
    ("meetings.empty", "এখনো কোনো সভা নেই।", "No meetings yet."),
    ("meetings.col.title", "সভা", "Meeting"),
    ("meetings.col.office", "দপ্তর", "Office"),
    ("meetings.col.date", "সভার তারিখ", "Date"),
    (
        "meetings.col.period",
        "অর্থবছর ও ত্রৈমাসিক",
        "Fiscal year and quarter",
    ),
    ("meetings.col.decisions", "সিদ্ধান্ত", "Decisions"),
    ("meetings.col.status", "অবস্থা", "Status"),
    ("meeting.chair", "সভাপতি", "Chair"),
    ("meeting.date", "সভার তারিখ", "Date"),
    ("meeting.time", "সভার সময়", "Time"),
    ("meeting.venue", "স্থান", "Venue"),
    ("meeting.attendance", "উপস্থিতি", "Attendance"),
    (
        "meeting.attendance_ref",
        "পরিশিষ্ট “ক” (স্বাক্ষরের ক্রমানুসারে)।",
        "Appendix “A” (in signing order).",
    ),
    (
        "meeting.decisions_taken",
        "এ বিষয়ে নিম্নরূপ আলোচনা ও সিদ্ধান্তসমূহ গৃহীত হয়:",
        "The following was discussed and decided:",
    ),
    ("meeting.agenda", "আলোচ্যসূচি", "Agenda"),
    ("meeting.subject", "বিষয়", "Subject"),
    ("meeting.discussion", "আলোচনা", "Discussion"),
    ("meeting.decision", "সিদ্ধান্ত", "Decision"),
    ("meeting.implementer", "বাস্তবায়নকারী", "Implementer"),
    ("meeting.deadline", "সময়সীমা", "Deadline"),
    ("meeting.collapse", "সংক্ষিপ্ত করুন", "Collapse"),
    ("meeting.expand", "বিস্তারিত দেখুন", "Show details"),
    ("meeting.collapse_all", "সব সংক্ষিপ্ত করুন", "Collapse all"),
    ("meeting.expand_all", "সব বিস্তারিত দেখুন", "Expand all"),
    ("meeting.memo_number", "স্মারক নম্বর", "Memo number"),
    ("meeting.issue_date", "তারিখ", "Date"),
    (
        "meeting.appendix",
        "পরিশিষ্ট “ক”: উপস্থিতি",
        "Appendix “A”: attendance",
    ),
    ("meeting.serial", "ক্রম", "No."),
    (
        "meeting.name_designation",
        "নাম ও পদবি",
        "Name and designation",
    ),
    ("meeting.office", "দপ্তর", "Office"),
    ("meeting.status", "অবস্থা", "Status"),
    ("meeting.back", "← সব সভা", "← All meetings"),
    ("loading", "লোড হচ্ছে…", "Loading…"),
    ("error.not_found", "খুঁজে পাওয়া যায়নি।", "Not found."),
    (
        "error.forbidden",
        "এ কাজের অনুমতি আপনার নেই।",
        "You are not allowed to do this.",
    ),
    (
        "error.conflict",
        "অন্য কেউ এর মধ্যে পরিবর্তন করেছেন। পুনরায় লোড করুন।",
        "Someone else changed this meanwhile. Reload.",
    ),
    (
        "error.internal",
        "সার্ভারে সমস্যা হয়েছে। আবার চেষ্টা করুন।",
        "The server had a problem. Try again.",
    ),
    (
        "error.unreachable",
        "সার্ভারের সাথে যোগাযোগ করা যায়নি।",
        "Could not reach the server.",
    ),
];

/// The text for `key`; an unknown key is shown as itself so it is noticed.
pub fn t(lang: Lang, key: &str) -> &str {
    MESSAGES
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, bn, en)| match lang {
            Lang::Bn => *bn,
            Lang::En => *en,
        })
        .unwrap_or(key)
}

/// Bangla text for `key` (the UI's default language).
pub fn bn(key: &str) -> &str {
    t(Lang::Bn, key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_unique_and_translated() {
        let mut keys: Vec<_> = MESSAGES.iter().map(|(k, _, _)| *k).collect();
        keys.sort();
        let n = keys.len();
        keys.dedup();
        assert_eq!(keys.len(), n, "duplicate message key");
        assert!(MESSAGES
            .iter()
            .all(|(_, bn, en)| !bn.is_empty() && !en.is_empty()));
    }

    #[test]
    fn every_error_key_has_a_message() {
        use crate::error::AppError;
        for e in [
            AppError::NotFound,
            AppError::Forbidden,
            AppError::Conflict,
            AppError::Internal,
            AppError::Unreachable,
        ] {
            assert_ne!(bn(e.message_key()), e.message_key());
        }
    }

    #[test]
    fn unknown_keys_show_themselves() {
        assert_eq!(t(Lang::En, "no.such.key"), "no.such.key");
    }
}
