//! Message keys → Bangla and English text. Bangla is the default; English is
//! a switch in the page chrome, kept in the `lang` cookie.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Bn,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Bn => "bn",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "bn" => Some(Lang::Bn),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The `lang` cookie's value in a Cookie header, if any.
    pub fn from_cookie_header(header: &str) -> Option<Lang> {
        header
            .split(';')
            .filter_map(|kv| kv.trim().split_once('='))
            .find(|(k, _)| *k == "lang")
            .and_then(|(_, v)| Lang::from_code(v))
    }
}

/// The language of this page: on the server from the request's cookie, in the
/// browser from `<html lang>` (which the server wrote), so both agree.
pub fn detect_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::with_context::<http::request::Parts, _>(|p| {
            let cookie = p.headers.get(http::header::COOKIE)?.to_str().ok()?;
            Lang::from_cookie_header(cookie)
        })
        .flatten()
        .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        leptos::prelude::document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| Lang::from_code(&l))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}

/// The page's language, provided by `App` on the server; an island in the
/// browser reads it from `<html lang>`.
pub fn use_lang() -> Lang {
    leptos::prelude::use_context::<Lang>().unwrap_or_else(detect_lang)
}

/// Text for `key` in the page's language.
pub fn tr(key: &str) -> String {
    t(use_lang(), key).to_string()
}

/// `n` in the page's language, zero-padded to `width` digits ("০৭" / "07").
pub fn fmt_num(n: impl Into<u64>, width: usize) -> String {
    let n = n.into();
    match use_lang() {
        Lang::Bn => crate::domain::numerals::bangla_number(n, width),
        Lang::En => format!("{n:0width$}"),
    }
}

/// The digits of a code or a time (a memo number, "10:30") in the page's
/// language.
pub fn fmt_digits(text: &str) -> String {
    match use_lang() {
        Lang::Bn => crate::domain::numerals::to_bangla_digits(text),
        Lang::En => crate::domain::numerals::to_ascii_digits(text),
    }
}

/// A date in the page's language: "২২ জুন, ২০২৩" / "22 June 2023".
pub fn fmt_date(d: chrono::NaiveDate) -> String {
    match use_lang() {
        Lang::Bn => crate::domain::dates::date_bn(d),
        Lang::En => d.format("%-d %B %Y").to_string(),
    }
}

/// A time of day in the page's language: "সকাল ১০:৩০ টা" / "10:30 am".
pub fn fmt_time(t: chrono::NaiveTime) -> String {
    match use_lang() {
        Lang::Bn => crate::domain::dates::time_bn(t),
        Lang::En => t.format("%-I:%M %P").to_string(),
    }
}

/// The message for `key` with its `{}` filled in.
pub fn tr_fill(key: &str, value: &str) -> String {
    tr(key).replacen("{}", value, 1)
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
    ("nav.skip", "মূল অংশে যান", "Skip to the content"),
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
    ("meeting.status.draft", "খসড়া", "Draft"),
    ("meeting.status.submitted", "সভাপতির অনুমোদনের অপেক্ষায়", "Waiting for the chair's approval"),
    ("meeting.status.approved", "অনুমোদিত", "Approved"),
    ("meeting.status.issued", "জারিকৃত", "Issued"),
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
    ("meeting.memo_pdf", "মেমো (PDF) দেখুন ও প্রিন্ট করুন", "Memo (PDF) to view and print"),
    ("meeting.memo_download", "মেমো (PDF) ডাউনলোড", "Download the memo (PDF)"),
    ("meeting.json_download", "কার্যবিবরণী (JSON) ডাউনলোড", "Download the minutes (JSON)"),
    ("meeting.actions", "মেমো ও ফাইল", "Memo and files"),
    ("meeting.back", "← সব সভা", "← All meetings"),
    // The memo's own words, in the language of the minutes.
    ("memo.appendix", "পরিশিষ্ট “ক”", "Appendix A"),
    ("memo.date_label", "তারিখ:", "Date:"),
    ("memo.serial", "ক্রম", "No."),
    ("memo.name_designation", "নাম ও পদবি", "Name and designation"),
    ("memo.office", "দপ্তর", "Office"),
    ("memo.signature", "স্বাক্ষর", "Signature"),
    ("memo.memo_number", "স্মারক নম্বর:", "Memo No."),
    ("memo.copy_to", "অনুলিপি:", "Copy to:"),
    ("memo.subject", "বিষয়", "Subject"),
    ("memo.discussion", "আলোচনা", "Discussion"),
    ("memo.decision", "সিদ্ধান্ত", "Decision"),
    ("memo.implementer", "বাস্তবায়নকারী", "Implemented by"),
    ("memo.progress", "বাস্তবায়নের অবস্থা", "Progress"),
    ("memo.page", "পৃষ্ঠা", "Page"),
    ("memo.draft", "খসড়া — জারি হয়নি, স্বাক্ষরবিহীন", "DRAFT — not issued, unsigned"),
    ("memo.verify", "যাচাই:", "Verify:"),
    ("memo.chair", "সভাপতি", "Chair"),
    ("memo.date", "সভার তারিখ", "Date"),
    ("memo.time", "সভার সময়", "Time"),
    ("memo.venue", "স্থান", "Venue"),
    ("memo.present", "উপস্থিতি", "Present"),
    ("memo.present_ref", "পরিশিষ্ট “ক” (স্বাক্ষরের ক্রমানুসারে)।", "Appendix A (in signing order)."),
    ("memo.decisions_taken", "এ বিষয়ে নিম্নরূপ আলোচনা ও সিদ্ধান্তসমূহ গৃহীত হয়:", "The following was discussed and decided:"),
    // The daily reminder e-mail.
    ("digest.subject", "সিদ্ধান্ত বাস্তবায়ন স্মরণিকা", "Decision implementation reminder"),
    ("digest.pending", "যে সিদ্ধান্তগুলোর বাস্তবায়ন বাকি:", "Decisions still to be carried out:"),
    ("digest.memo_no", "স্মারক নং", "Memo no."),
    ("digest.footer", "এই বার্তাটি সিদ্ধান্ত থেকে স্বয়ংক্রিয়ভাবে পাঠানো হয়েছে।", "This message was sent automatically by Sidhanto."),
    ("language.bn", "বাংলা", "Bangla"),
    ("language.en", "ইংরেজি", "English"),
    ("meeting.government", "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার", "Government of the People's Republic of Bangladesh"),
    ("meeting.corrects", "(স্মারক নং {}-এর সংশোধনী)", "(Correction of memo no. {})"),
    ("meeting.held_on", "{} খ্রি.", "{}"),
    ("meeting.copy_to", "অনুলিপি", "Copy to"),
    ("meeting.implementation", "সিদ্ধান্ত বাস্তবায়নের অবস্থা", "Implementation of the decisions"),
    ("directory.offices", "দপ্তরসমূহ", "Offices"),
    ("directory.people", "ব্যক্তিবর্গ", "People"),
    ("directory.search", "খুঁজুন", "Search"),
    ("directory.search_offices", "দপ্তর খুঁজুন (বাংলা বা ইংরেজি নাম, কোড)", "Search offices (Bangla or English name, code)"),
    ("directory.search_people", "ব্যক্তি খুঁজুন (নাম, পদবি বা দপ্তর)", "Search people (name, designation or office)"),
    ("directory.found", "টি পাওয়া গেছে", " found"),
    ("directory.name_bn", "নাম (বাংলা)", "Name (Bangla)"),
    ("directory.name_en", "নাম (ইংরেজি)", "Name (English)"),
    ("directory.kind", "ধরন", "Kind"),
    ("directory.parent", "ঊর্ধ্বতন দপ্তর", "Office above"),
    ("directory.code", "কোড", "Code"),
    ("directory.designation", "পদবি", "Designation"),
    ("directory.designation_bn", "পদবি (বাংলা)", "Designation (Bangla)"),
    ("directory.designation_en", "পদবি (ইংরেজি)", "Designation (English)"),
    ("directory.add_person", "নতুন ব্যক্তি যোগ করুন", "Add a person"),
    ("directory.add", "যোগ করুন", "Add"),
    ("directory.added", "যোগ করা হয়েছে।", "Added."),
    ("directory.office", "দপ্তর", "Office"),
    ("office_kind.division", "বিভাগ", "Division"),
    ("office_kind.district", "জেলা", "District"),
    ("office_kind.upazila", "উপজেলা", "Upazila"),
    ("office_kind.directorate", "অধিদপ্তর", "Directorate"),
    ("office_kind.ministry", "মন্ত্রণালয়/বিভাগ", "Ministry/division"),
    ("workflow.title", "অনুমোদন ও জারি", "Approval and issue"),
    ("workflow.status.draft", "খসড়া", "Draft"),
    ("workflow.status.submitted", "সভাপতির অনুমোদনের অপেক্ষায়", "Waiting for the chair's approval"),
    ("workflow.status.approved", "অনুমোদিত", "Approved"),
    ("workflow.status.issued", "জারিকৃত", "Issued"),
    ("workflow.submit", "সভাপতির অনুমোদনের জন্য পাঠান", "Send to the chair for approval"),
    ("workflow.approve", "অনুমোদন করুন ও জারি করুন", "Approve and issue"),
    (
        "workflow.approve_confirm",
        "জারি করার পর এই কার্যবিবরণী আর বদলানো যাবে না (কেবল সংশোধনী জারি করা যাবে): স্মারক নম্বর, তারিখ ও আপনার স্বাক্ষর যুক্ত হবে। জারি করবেন?",
        "Once issued, these minutes cannot be changed (only corrected by a new memo): the memo number, the date and your signature are added. Issue them?",
    ),
    ("workflow.approve_yes", "হ্যাঁ, জারি করুন", "Yes, issue"),
    ("workflow.cancel", "বাতিল", "Cancel"),
    ("workflow.return", "মন্তব্যসহ ফেরত পাঠান", "Return with comments"),
    ("workflow.comment", "মন্তব্য (ফেরত পাঠালে আবশ্যক)", "Comments (needed to return)"),
    ("workflow.chair_comment", "সভাপতির মন্তব্য:", "The chair's comments:"),
    ("workflow.correct", "সংশোধনী কার্যবিবরণী শুরু করুন", "Start a correction"),
    ("workflow.corrects", "এটি এই স্মারকের সংশোধনী:", "This corrects memo"),
    ("workflow.corrected_by", "এই স্মারকটি সংশোধিত হয়েছে:", "This memo was corrected by"),
    ("workflow.correction_draft", "সংশোধনীর খসড়া", "the correction's draft"),
    ("workflow.verify_link", "যাচাইয়ের পাতা (QR কোড যেখানে নিয়ে যায়)", "Verification page (where the QR code leads)"),
    ("workflow.issued_fixed", "জারিকৃত কার্যবিবরণী আর পরিবর্তন করা যায় না; ভুল থাকলে সংশোধনী জারি করুন।", "Issued minutes cannot be changed; to fix a mistake, issue a correction."),
    ("workflow.done.submitted", "সভাপতির কাছে পাঠানো হয়েছে।", "Sent to the chair."),
    ("workflow.done.returned", "মন্তব্যসহ ফেরত পাঠানো হয়েছে।", "Returned with comments."),
    ("workflow.done.issued", "অনুমোদিত ও জারি হয়েছে।", "Approved and issued."),
    ("issue.already_corrected", "এই স্মারকের সংশোধন আগেই শুরু হয়েছে; সেই খসড়াটিতেই কাজ করুন।", "A correction of this memo has already been started; work on that draft."),
    ("issue.chair_without_account", "সভাপতি হিসেবে যাঁর নাম আছে, সভাপতির ভূমিকায় তাঁর কোনো ব্যবহারকারী হিসাব নেই, তাই তিনি অনুমোদন করতে পারবেন না। খসড়ায় সভাপতি ঠিক করুন, অথবা প্রশাসককে ডিরেক্টরির এই ব্যক্তির সঙ্গে যুক্ত করে সভাপতির হিসাব খুলে দিতে বলুন।", "The chair named in the minutes has no chair's account, so no one could approve them. Correct the chair in the draft, or ask an administrator to create a chair's account linked to this person of the directory."),
    ("issue.wrong_status", "কার্যবিবরণী এখন এই ধাপে নেই (হয়তো অন্য কেউ আগেই করেছেন); পাতাটি আবার খুলুন।", "The minutes are no longer at this step (someone may have acted first); reload the page."),
    ("issue.no_nothi_number", "এই দপ্তরের নথি নম্বর (১৮ বা ২২ অঙ্ক) দেওয়া নেই; প্রশাসক `sidhanto set-nothi` দিয়ে দিন।", "This office has no nothi number (18 or 22 digits); an admin sets it with `sidhanto set-nothi`."),
    ("issue.incomplete", "কার্যবিবরণী এখনো সম্পূর্ণ নয়; নিচের ঘরগুলো পূরণ করে আবার পাঠান।", "The minutes are not complete yet; fill in the fields below and send them again."),
    ("verify.title", "স্মারক যাচাই", "Verify a memo"),
    ("verify.signature_valid", "✔ স্বাক্ষর সঠিক: এই স্মারকটি দপ্তরের চাবি দিয়ে স্বাক্ষরিত এবং নিচের তথ্য জারির সময় থেকে অপরিবর্তিত।", "✔ Signature valid: this memo was signed with the office's key and the facts below are as issued."),
    ("verify.signature_invalid", "✘ স্বাক্ষর মেলেনি: এই তথ্যের উপর ভরসা করবেন না এবং দপ্তরে যোগাযোগ করুন।", "✘ Signature does not verify: do not rely on this and contact the office."),
    ("verify.issued_on", "জারির তারিখ", "Issued on"),
    ("verify.corrected_by", "সতর্কতা: এই স্মারকটি পরে সংশোধিত হয়েছে:", "Note: this memo was later corrected by"),
    ("verify.upload_title", "আপনার কাছে থাকা PDF মিলিয়ে দেখুন", "Check the PDF you have"),
    ("verify.upload_label", "PDF ফাইল", "PDF file"),
    ("verify.upload", "মিলিয়ে দেখুন", "Check"),
    ("verify.file_match", "✔ ফাইলটি হুবহু জারিকৃত স্মারক।", "✔ The file is exactly the issued memo."),
    ("verify.file_mismatch", "✘ ফাইলটি জারিকৃত স্মারকের সাথে মেলে না (পরিবর্তিত বা অন্য ফাইল)।", "✘ The file is not the issued memo (changed, or another file)."),
    ("verify.file_missing", "একটি PDF ফাইল বেছে নিন।", "Choose a PDF file."),
    ("audit.meeting.submit", "সভাপতির কাছে পাঠানো হয়েছে", "Sent to the chair"),
    ("audit.meeting.return", "মন্তব্যসহ ফেরত", "Returned with comments"),
    ("audit.meeting.approve", "অনুমোদিত ও জারিকৃত", "Approved and issued"),
    ("audit.meeting.correct", "সংশোধনী শুরু", "Correction started"),
    ("audit.person.create", "ব্যক্তি যোগ", "Person added"),
    ("audit.person.signature", "স্বাক্ষরের ছবি", "Signature image"),
    ("account.signature_title", "আপনার স্বাক্ষরের ছবি", "Your signature image"),
    ("account.signature_label", "PNG ছবি (সর্বোচ্চ ২০০ কিলোবাইট); আপনার স্মারকের স্বাক্ষরের জায়গায় ছাপা হবে", "PNG image (at most 200 KB); printed in the signature block of your memos"),
    ("account.signature_submit", "আপলোড করুন", "Upload"),
    ("account.signature_saved", "স্বাক্ষরের ছবি সংরক্ষিত হয়েছে।", "Signature image saved."),
    ("account.error.not_png", "ফাইলটি PNG ছবি নয়।", "The file is not a PNG image."),
    ("account.error.too_big", "ছবিটি ২০০ কিলোবাইটের বড়।", "The image is larger than 200 KB."),
    ("account.error.no_person", "আপনার অ্যাকাউন্ট কোনো ব্যক্তির সাথে যুক্ত নয়; প্রশাসককে বলুন।", "Your account is not linked to a person; ask an admin."),
    ("tracking.mine", "আমার দপ্তরের সিদ্ধান্ত", "My office's decisions"),
    ("tracking.my_work", "আমার কাজ", "My work"),
    ("tracking.to_verify", "আপনার যাচাইয়ের অপেক্ষায়", "Waiting for your verification"),
    ("tracking.to_approve", "আপনার অনুমোদনের অপেক্ষায় কার্যবিবরণী", "Minutes waiting for your approval"),
    ("tracking.waiting", "আপনার অপেক্ষায় (যাচাই ও অনুমোদন)", "Waiting for you (to verify and approve)"),
    ("tracking.none", "এখন কোনো সিদ্ধান্ত বাকি নেই।", "Nothing is owed now."),
    ("tracking.urgency", "অবস্থা", "Urgency"),
    ("tracking.deadline", "সময়সীমা", "Deadline"),
    ("tracking.decision", "সিদ্ধান্ত", "Decision"),
    ("tracking.meeting", "সভা", "Meeting"),
    ("tracking.office", "দপ্তর", "Office"),
    ("tracking.status", "অগ্রগতি", "Progress"),
    ("tracking.overdue", "মেয়াদোত্তীর্ণ", "Overdue"),
    ("tracking.due_soon", "শীঘ্রই", "Due soon"),
    ("tracking.open", "চলমান", "Open"),
    ("tracking.finished", "সম্পন্ন", "Finished"),
    ("tracking.awaiting", "যাচাইয়ের অপেক্ষায়", "Awaiting verification"),
    ("tracking.status.not_started", "শুরু হয়নি", "Not started"),
    ("tracking.status.in_progress", "চলমান", "In progress"),
    ("tracking.status.done", "সম্পন্ন (যাচাইয়ের অপেক্ষায়)", "Done (awaiting verification)"),
    ("tracking.status.verified", "যাচাইকৃত", "Verified"),
    ("tracking.status.returned", "ফেরত", "Returned"),
    ("tracking.assignment", "সিদ্ধান্ত বাস্তবায়ন", "Carrying out a decision"),
    ("tracking.back", "← আমার দপ্তরের সিদ্ধান্ত", "← My office's decisions"),
    ("tracking.history", "অগ্রগতির ইতিহাস", "Progress history"),
    ("tracking.no_events", "এখনো কোনো অগ্রগতি জানানো হয়নি।", "No progress reported yet."),
    ("tracking.report", "অগ্রগতি জানান", "Report progress"),
    ("tracking.new_status", "নতুন অবস্থা", "New status"),
    ("tracking.note", "মন্তব্য", "Note"),
    ("tracking.evidence", "প্রমাণক (PDF, ছবি, অফিস ফাইল; প্রতিটি সর্বোচ্চ ১০ মেগাবাইট)", "Evidence (PDF, images, office files; 10 MB each at most)"),
    ("tracking.send", "জমা দিন", "Submit"),
    ("tracking.review", "যাচাই", "Review"),
    ("tracking.reason", "মন্তব্য (ফেরত দিলে কারণ আবশ্যক)", "Comment (a reason is needed to return)"),
    ("tracking.verify", "যাচাই সম্পন্ন", "Verify"),
    ("tracking.return", "কারণসহ ফেরত দিন", "Return with a reason"),
    ("tracking.done.reported", "অগ্রগতি জমা হয়েছে।", "Progress reported."),
    ("tracking.done.verified", "যাচাই সম্পন্ন হয়েছে।", "Verified."),
    ("tracking.done.returned", "কারণসহ ফেরত দেওয়া হয়েছে।", "Returned with a reason."),
    ("tracking.reason_required", "ফেরত দিতে কারণ লিখুন।", "Write a reason to return it."),
    (
        "tracking.empty_report",
        "অবস্থা বদলান, মন্তব্য লিখুন বা প্রমাণক যুক্ত করুন: খালি প্রতিবেদন জমা হয় না।",
        "Change the status, write a note or attach evidence: an empty report is not recorded.",
    ),
    ("tracking.not_allowed", "এই অবস্থা থেকে এই পরিবর্তন করা যায় না।", "This change is not possible from the current status."),
    ("tracking.too_big", "ফাইলটি খুব বড় (প্রতিটি সর্বোচ্চ ১০ মেগাবাইট)।", "The file is too large (10 MB each at most)."),
    ("tracking.wrong_type", "এই ধরনের ফাইল নেওয়া হয় না (PDF, ছবি বা অফিস ফাইল দিন)।", "This kind of file is not accepted (PDF, images or office files)."),
    ("tracking.choose_again", "আপনার লেখা মন্তব্য রাখা আছে; সঠিক ফাইলটি আবার বাছাই করুন।", "Your note is kept; choose the right file again."),
    ("tracking.bad_form", "ফরমটি পড়া যায়নি; আবার চেষ্টা করুন।", "The form could not be read; try again."),
    ("pager.label", "পাতাসমূহ", "Pages"),
    ("pager.showing", "মোট {total}টির মধ্যে {from}–{to}", "{from}–{to} of {total}"),
    ("pager.previous", "← আগের পাতা", "← Previous page"),
    ("pager.next", "পরের পাতা →", "Next page →"),
    ("tracking.carry_forward", "বিগত সভার সিদ্ধান্ত বাস্তবায়ন অগ্রগতি", "Progress on the previous meetings' decisions"),
    ("report.done_on", "সম্পন্নের তারিখ", "Done on"),
    ("report.yes", "হ্যাঁ", "yes"),
    ("report.no", "না", "no"),
    ("report.offices", "দপ্তর ও অগ্রগতি", "Offices and progress"),
    ("report.title", "সিদ্ধান্ত বাস্তবায়ন প্রতিবেদন", "Implementation report"),
    ("report.pdf", "বাস্তবায়ন প্রতিবেদন (PDF)", "Implementation report (PDF)"),
    ("report.csv", "বাস্তবায়ন প্রতিবেদন (CSV)", "Implementation report (CSV)"),
    ("report.xlsx", "বাস্তবায়ন প্রতিবেদন (XLSX)", "Implementation report (XLSX)"),
    ("search.title", "খুঁজুন", "Search"),
    ("search.label", "সভা, আলোচ্যসূচি ও সিদ্ধান্তে খুঁজুন (অন্তত ৩ অক্ষর)", "Search meetings, agenda items and decisions (3 letters at least)"),
    ("search.too_short", "অন্তত ৩টি অক্ষর লিখুন।", "Type at least 3 letters."),
    ("search.kind.meeting", "সভা", "Meeting"),
    ("search.kind.subject", "বিষয়", "Subject"),
    ("search.kind.discussion", "আলোচনা", "Discussion"),
    ("search.kind.decision", "সিদ্ধান্ত", "Decision"),
    ("dashboard.by_quarter", "ত্রৈমাসিক অনুযায়ী (এপিএ সূচক): বাস্তবায়িত ÷ গৃহীত সিদ্ধান্ত", "By quarter (APA indicator): decisions implemented ÷ taken"),
    ("apa.title", "এপিএ: সিটিজেন চার্টার ত্রৈমাসিক সভা অনুষ্ঠিত ও কার্যবিবরণী জারি", "APA: citizen-charter quarterly meeting held and minutes issued"),
    ("apa.fiscal_year", "অর্থবছর", "Fiscal year"),
    ("apa.show", "দেখুন", "Show"),
    ("apa.quarter", "ত্রৈমাসিক", "Quarter"),
    ("apa.target", "লক্ষ্য", "target"),
    ("apa.issued", "জারি হয়েছে", "Issued"),
    ("apa.held", "সভা হয়েছে, জারি হয়নি", "Held, not issued"),
    ("apa.none", "সভা হয়নি", "Not held"),
    ("apa.not_yet", "সময় বাকি আছে", "Not due yet"),
    ("holidays.title", "সরকারি ছুটি", "Public holidays"),
    ("holidays.intro", "কার্যদিবসে দেওয়া সময়সীমা শুক্র ও শনিবার এবং এই ছুটির দিনগুলো বাদ দিয়ে গোনা হয়।", "Deadlines in working days skip Fridays, Saturdays and these holidays."),
    ("holidays.none", "এখনো কোনো ছুটি যোগ করা হয়নি।", "No holidays added yet."),
    ("holidays.day", "তারিখ", "Date"),
    ("holidays.day_input", "তারিখ (বছর-মাস-দিন)", "Date (year-month-day)"),
    ("holidays.name", "ছুটির নাম", "Holiday"),
    ("holidays.add", "ছুটি যোগ করুন", "Add a holiday"),
    ("holidays.saved", "সংরক্ষিত হয়েছে।", "Saved."),
    ("holidays.bad_date", "তারিখটি বছর-মাস-দিন আকারে লিখুন (যেমন ২০২৪-০৩-২৬)।", "Write the date as year-month-day (e.g. 2024-03-26)."),
    ("audit.holiday.add", "ছুটি যোগ", "Holiday added"),
    ("audit.user.grant", "ভূমিকা দেওয়া", "Role granted"),
    ("audit.holiday.remove", "ছুটি বাদ", "Holiday removed"),
    ("tracking.reminders", "আজকের স্মরণিকা:", "Today's reminders:"),
    ("dashboard.title", "ড্যাশবোর্ড", "Dashboard"),
    ("dashboard.newest", "সাম্প্রতিক সভাগুলো দেখানো হলো; প্রতিবেদনে (CSV, XLSX, PDF) সবগুলো আছে। মোট সভা:", "The newest meetings are shown; the reports (CSV, XLSX, PDF) list them all. Meetings in all:"),
    ("dashboard.by_meeting", "সভা অনুযায়ী: বাস্তবায়িত সিদ্ধান্ত ÷ গৃহীত সিদ্ধান্ত", "By meeting: decisions implemented ÷ decisions taken"),
    ("dashboard.implemented", "বাস্তবায়িত / মোট", "Implemented / taken"),
    ("dashboard.completion", "বাস্তবায়নের হার", "Completion"),
    ("dashboard.by_office", "দপ্তর অনুযায়ী", "By office"),
    ("dashboard.by_office_hint", "চলমান ও মেয়াদোত্তীর্ণ কাজ সব অর্থবছরের; সম্পন্ন কাজ বাছাই করা অর্থবছরের।", "Open and overdue work of every fiscal year; finished work of the chosen year."),
    ("dashboard.open", "চলমান", "Open"),
    ("dashboard.overdue", "মেয়াদোত্তীর্ণ", "Overdue"),
    ("dashboard.on_time", "সময়মতো সম্পন্ন", "Done on time"),
    ("dashboard.late", "দেরিতে সম্পন্ন", "Done late"),
    ("audit.assignment.progress", "বাস্তবায়ন অগ্রগতি", "Progress on a decision"),
    ("editor.title_new", "নতুন সভার কার্যবিবরণী", "New meeting minutes"),
    ("editor.title_edit", "কার্যবিবরণী সম্পাদনা", "Edit the minutes"),
    ("editor.new", "+ নতুন সভার কার্যবিবরণী", "+ New meeting minutes"),
    ("editor.edit", "কার্যবিবরণী সম্পাদনা করুন", "Edit the minutes"),
    ("editor.save", "সংরক্ষণ করুন", "Save"),
    ("editor.create", "খসড়া তৈরি করুন", "Create the draft"),
    ("editor.saved", "সংরক্ষিত হয়েছে।", "Saved."),
    ("editor.conflict", "আপনি খোলার পরে অন্য কেউ এই খসড়াটি সংরক্ষণ করেছেন, তাই আপনার পরিবর্তন সংরক্ষিত হয়নি। আপনার লেখা নিচের ফরমে রাখা আছে: যা দরকার কপি করে নিন, তারপর সর্বশেষ সংস্করণটি খুলুন।", "Someone else saved this draft after you opened it, so your changes were not saved. What you typed is still in the form below: copy what you need, then open the latest version."),
    ("editor.reload", "সর্বশেষ সংস্করণ খুলুন", "Open the latest version"),
    ("editor.problems", "এই ঘরগুলো দেখুন:", "Please check these fields:"),
    ("editor.view", "← সভার পাতা", "← The meeting's page"),
    ("editor.autosave_saving", "সংরক্ষণ হচ্ছে…", "Saving…"),
    ("editor.autosave_saved", "স্বয়ংক্রিয়ভাবে সংরক্ষিত।", "Saved automatically."),
    ("editor.autosave_failed", "স্বয়ংক্রিয়ভাবে সংরক্ষণ হয়নি:", "Not saved automatically:"),
    ("editor.autosave_offline", "সার্ভারে পৌঁছানো যায়নি; আপনার লেখা এই পাতায় আছে।", "Could not reach the server; what you typed is still on this page."),
    ("editor.section.meeting", "সভার তথ্য", "The meeting"),
    ("editor.section.people", "সভাপতি, সদস্য সচিব ও অনুলিপির স্বাক্ষরকারী", "Chair, member secretary and who signs the copies"),
    ("editor.section.text", "সূচনা ও সমাপ্তি", "Opening and closing"),
    ("editor.section.attendance", "উপস্থিতি (স্বাক্ষরের ক্রমে) — পরিশিষ্ট \"ক\"", "Attendance (in signing order) — appendix \"A\""),
    ("editor.section.agenda", "আলোচ্যসূচি ও সিদ্ধান্ত", "Agenda and decisions"),
    ("editor.section.distribution", "অনুলিপি", "Copies to"),
    ("editor.kind", "সভার ধরন", "Kind of meeting"),
    ("editor.language", "কার্যবিবরণীর ভাষা", "Language of the minutes"),
    ("editor.office", "দপ্তর", "Office"),
    ("editor.series", "সভার ধারা (একই ধারার সব সভায় একই লেখা)", "Series (the same text for every meeting of it)"),
    ("editor.fiscal_year", "অর্থবছর (যেমন ২০২২-২৩)", "Fiscal year (e.g. 2022-23)"),
    ("editor.quarter", "ত্রৈমাসিক (১–৪)", "Quarter (1–4)"),
    ("editor.title", "শিরোনাম", "Title"),
    ("editor.held_on", "সভার তারিখ (বছর-মাস-দিন)", "Date (year-month-day)"),
    ("editor.starts_at", "সময় (ঘণ্টা:মিনিট, ২৪ ঘণ্টা)", "Time (hh:mm, 24-hour)"),
    ("editor.venue", "স্থান", "Venue"),
    ("editor.chair", "সভাপতি", "Chair"),
    ("editor.secretary", "সদস্য সচিব", "Member secretary"),
    ("editor.issuer", "অনুলিপির স্বাক্ষরকারী", "Signs the copies"),
    ("editor.name", "নাম", "Name"),
    ("editor.designation", "পদবি", "Designation"),
    ("editor.preamble", "সূচনা", "Opening"),
    ("editor.closing", "সমাপ্তি", "Closing"),
    ("editor.attendees", "উপস্থিতি", "Attendance"),
    ("editor.attendee", "উপস্থিত", "Attendee"),
    ("editor.attendee_office", "দপ্তর (যেভাবে ছাপা হবে)", "Office (as printed)"),
    ("editor.add_attendee", "+ উপস্থিত ব্যক্তি যোগ করুন", "+ Add an attendee"),
    ("editor.agenda", "আলোচ্যসূচি", "Agenda"),
    ("editor.item", "আলোচ্যসূচি", "Agenda item"),
    ("editor.subject", "বিষয়", "Subject"),
    ("editor.discussion", "আলোচনা", "Discussion"),
    ("editor.decision", "সিদ্ধান্ত", "Decision"),
    ("editor.decision_text", "সিদ্ধান্ত", "Decision"),
    ("editor.implementers", "বাস্তবায়নকারী", "Implementers"),
    ("editor.implementer", "বাস্তবায়নকারী", "Implementer"),
    ("editor.implementer_office", "দপ্তর", "Office"),
    ("editor.members", "কারা", "Who"),
    ("editor.members.none", "শুধু এই দপ্তর", "This office only"),
    ("editor.members.district", "এর অধীন সকল জেলা দপ্তর", "All its district offices"),
    ("editor.members.upazila", "এর অধীন সকল উপজেলা দপ্তর", "All its upazila offices"),
    ("editor.label", "কলামে যেভাবে ছাপা হবে", "As printed in the column"),
    ("editor.deadline", "সময়সীমা", "Deadline"),
    ("editor.deadline.none", "নেই", "None"),
    ("editor.deadline.on", "নির্দিষ্ট তারিখে", "On a date"),
    ("editor.deadline.days_after_issue", "জারির পর নির্দিষ্ট দিনের মধ্যে", "Within days of issue"),
    ("editor.deadline.quarterly", "ত্রৈমাসিক ভিত্তিতে", "Quarterly"),
    ("editor.deadline.working_days_after_issue", "জারির পর নির্দিষ্ট কার্যদিবসের মধ্যে", "Within working days of issue"),
    ("editor.deadline_on", "তারিখ (বছর-মাস-দিন)", "Date (year-month-day)"),
    ("editor.deadline_days", "দিন", "Days"),
    ("editor.add_item", "+ আলোচ্যসূচি যোগ করুন", "+ Add an agenda item"),
    ("editor.add_decision", "+ সিদ্ধান্ত যোগ করুন", "+ Add a decision"),
    ("editor.add_implementer", "+ বাস্তবায়নকারী যোগ করুন", "+ Add an implementer"),
    ("editor.distribution", "অনুলিপি", "Copies to"),
    ("editor.heading", "অনুলিপির শিরোনাম", "Heading"),
    ("editor.recipient", "প্রাপক", "Recipient"),
    ("editor.add_recipient", "+ প্রাপক যোগ করুন", "+ Add a recipient"),
    ("editor.up", "উপরে নিন", "Move up"),
    ("editor.remove", "মুছুন", "Remove"),
    ("editor.bijoy_hint", "এই লেখাটি পুরনো বিজয় (SutonnyMJ) এনকোডিং-এ মনে হচ্ছে। ইউনিকোডে রূপান্তর করলে হবে:", "This text looks like the old Bijoy (SutonnyMJ) encoding. Converted to Unicode it reads:"),
    ("editor.bijoy_accept", "রূপান্তর গ্রহণ করুন", "Accept the conversion"),
    ("kind.citizen_charter_quarterly", "সিটিজেন চার্টার ত্রৈমাসিক সভা", "Citizen charter quarterly meeting"),
    ("kind.monitoring_committee", "পরিবীক্ষণ কমিটির সভা", "Monitoring committee meeting"),
    ("kind.stakeholder", "অংশীজন সভা", "Stakeholder meeting"),
    ("kind.other", "অন্যান্য সভা", "Other meeting"),
    ("loading", "লোড হচ্ছে…", "Loading…"),
    ("nav.account", "আমার অ্যাকাউন্ট", "My account"),
    ("nav.users", "ব্যবহারকারী", "Users"),
    ("nav.audit", "পরিবর্তনের ইতিহাস", "Audit trail"),
    ("nav.login", "লগইন", "Sign in"),
    ("nav.logout", "লগআউট", "Sign out"),
    ("nav.switch_lang", "English", "বাংলা"),
    ("login.title", "লগইন করুন", "Sign in"),
    ("login.username", "ব্যবহারকারীর নাম", "Username"),
    ("login.password", "পাসওয়ার্ড", "Password"),
    ("login.submit", "লগইন", "Sign in"),
    ("login.error.missing_username", "ব্যবহারকারীর নাম লিখুন।", "Enter your username."),
    ("login.error.missing_password", "পাসওয়ার্ড লিখুন।", "Enter your password."),
    ("login.error.wrong", "ব্যবহারকারীর নাম বা পাসওয়ার্ড সঠিক নয়।", "Wrong username or password."),
    ("login.error.locked", "বারবার ভুল পাসওয়ার্ডের কারণে অ্যাকাউন্টটি ১৫ মিনিটের জন্য বন্ধ রয়েছে। পরে চেষ্টা করুন বা প্রশাসকের সাথে যোগাযোগ করুন।", "Too many wrong passwords: the account is locked for 15 minutes. Try later or ask an administrator."),
    ("login.error.too_many", "এই ঠিকানা থেকে অনেকবার চেষ্টা করা হয়েছে। কয়েক মিনিট পরে আবার চেষ্টা করুন।", "Too many attempts from this address. Try again in a few minutes."),
    ("login.error.inactive", "এই অ্যাকাউন্টটি নিষ্ক্রিয়।", "This account is disabled."),
    ("account.title", "আমার অ্যাকাউন্ট", "My account"),
    ("account.roles", "আমার ভূমিকা", "My roles"),
    ("account.below", "(অধীন দপ্তরসহ)", "(and offices below)"),
    ("account.password_title", "পাসওয়ার্ড পরিবর্তন", "Change password"),
    ("account.current_password", "বর্তমান পাসওয়ার্ড", "Current password"),
    ("account.new_password", "নতুন পাসওয়ার্ড", "New password"),
    ("account.confirm_password", "নতুন পাসওয়ার্ড আবার লিখুন", "New password again"),
    ("account.password_submit", "পাসওয়ার্ড পরিবর্তন করুন", "Change password"),
    ("account.password_changed", "পাসওয়ার্ড পরিবর্তন হয়েছে।", "Your password was changed."),
    ("account.error.wrong_current", "বর্তমান পাসওয়ার্ড সঠিক নয়।", "The current password is wrong."),
    ("account.error.too_short", "নতুন পাসওয়ার্ড কমপক্ষে ১০ অক্ষরের হতে হবে।", "The new password needs at least 10 characters."),
    ("account.error.too_long", "নতুন পাসওয়ার্ড ২০০ অক্ষরের বেশি হতে পারবে না।", "The new password may have at most 200 characters."),
    ("account.error.mismatch", "দুটি নতুন পাসওয়ার্ড মেলেনি।", "The two new passwords differ."),
    ("account.error.same", "নতুন পাসওয়ার্ড বর্তমানটির মতো হতে পারবে না।", "The new password must differ from the current one."),
    ("role.admin", "প্রশাসক", "Administrator"),
    ("role.secretary", "সদস্য সচিব", "Secretary"),
    ("role.chair", "সভাপতি", "Chair"),
    ("role.implementer", "বাস্তবায়নকারী", "Implementer"),
    ("role.viewer", "পাঠক", "Viewer"),
    ("users.title", "ব্যবহারকারী", "Users"),
    ("users.username", "ব্যবহারকারীর নাম", "Username"),
    ("users.name", "নাম", "Name"),
    ("users.roles", "ভূমিকা", "Roles"),
    ("users.state", "অবস্থা", "State"),
    ("users.locked", "বন্ধ (ভুল পাসওয়ার্ড)", "Locked (wrong passwords)"),
    ("users.active", "সক্রিয়", "Active"),
    ("users.inactive", "নিষ্ক্রিয়", "Disabled"),
    ("users.unlock", "খুলে দিন", "Unlock"),
    ("users.add", "নতুন ব্যবহারকারী", "New user"),
    ("users.choose", "— বাছাই করুন —", "— choose —"),
    ("users.person", "ডিরেক্টরিতে ব্যক্তি (সভাপতির জন্য আবশ্যক: কার্যবিবরণীতে যাঁর নাম সভাপতি হিসেবে থাকবে)", "Person in the directory (needed for a chair: the one the minutes name as chair)"),
    ("users.person_none", "— কেউ নন —", "— nobody —"),
    ("users.error.chair_needs_person", "সভাপতির হিসাব ডিরেক্টরির একজন ব্যক্তির সঙ্গে যুক্ত থাকতে হবে; ব্যক্তিটি বাছাই করুন (না থাকলে আগে \"ব্যক্তি\" পাতায় যোগ করুন)।", "A chair's account must be linked to a person of the directory; choose them (add them on the People page first if they are not there)."),
    ("users.password_again", "নিরাপত্তার জন্য পাসওয়ার্ড রাখা হয়নি; আবার লিখুন।", "For safety the password was not kept; type it again."),
    ("users.create", "ব্যবহারকারী তৈরি করুন", "Create the user"),
    ("users.password", "প্রাথমিক পাসওয়ার্ড (কমপক্ষে ১০ অক্ষর; ব্যবহারকারীকে নিরাপদে জানান)", "First password (10 characters at least; tell the user safely)"),
    ("users.role", "ভূমিকা", "Role"),
    ("users.office", "দপ্তর", "Office"),
    ("users.below", "অধীন দপ্তরগুলোতেও", "At the offices below too"),
    ("users.manage", "পাসওয়ার্ড ও ভূমিকা", "Password and roles"),
    ("users.new_password", "নতুন পাসওয়ার্ড (কমপক্ষে ১০ অক্ষর)", "New password (10 characters at least)"),
    ("users.reset", "পাসওয়ার্ড বদলে দিন", "Set the password"),
    ("users.reset_hint", "ব্যবহারকারীর সব সেশন শেষ হবে; নতুন পাসওয়ার্ড দিয়ে আবার লগইন করতে হবে।", "All of the user's sessions end; they sign in again with the new password."),
    ("users.grant", "ভূমিকা দিন", "Grant the role"),
    ("users.done.created", "ব্যবহারকারী তৈরি হয়েছে।", "The user was created."),
    ("users.done.password", "পাসওয়ার্ড বদলানো হয়েছে; ব্যবহারকারীর সব সেশন শেষ।", "The password was set; the user's sessions have ended."),
    ("users.done.granted", "ভূমিকা দেওয়া হয়েছে।", "The role was granted."),
    ("users.error.username", "৩–৪০ অক্ষরের ছোট হাতের ইংরেজি অক্ষর, অঙ্ক, বিন্দু, হাইফেন বা আন্ডারস্কোর দিয়ে লিখুন (যেমন uno.pirganj)।", "Use 3–40 lower-case letters, digits, dots, hyphens or underscores (like uno.pirganj)."),
    ("users.error.taken", "এই নামে আগেই একজন ব্যবহারকারী আছেন।", "A user with this name exists already."),
    ("users.error.has_role", "এই দপ্তরে এই ভূমিকা আগেই আছে।", "The user has this role at this office already."),
    ("audit.title", "পরিবর্তনের ইতিহাস", "Audit trail"),
    ("audit.when", "সময়", "When"),
    ("audit.who", "কে", "Who"),
    ("audit.what", "কী", "What"),
    ("audit.details", "বিস্তারিত", "Details"),
    ("audit.system", "সিস্টেম", "System"),
    ("audit.field.bytes", "আকার (বাইট)", "Size (bytes)"),
    ("audit.field.comment", "মন্তব্য", "Comment"),
    ("audit.field.day", "দিন", "Day"),
    ("audit.field.issued_on", "জারির তারিখ", "Issued on"),
    ("audit.field.locked_until", "লক থাকবে যতক্ষণ", "Locked until"),
    ("audit.field.memo_number", "স্মারক নম্বর", "Memo number"),
    ("audit.field.minutes", "মিনিট", "Minutes"),
    ("audit.field.name", "নাম", "Name"),
    ("audit.field.note", "নোট", "Note"),
    ("audit.field.office", "দপ্তর", "Office"),
    ("audit.field.password", "পাসওয়ার্ড", "Password"),
    ("audit.field.roles", "ভূমিকা", "Roles"),
    ("audit.field.source", "উৎস", "Source"),
    ("audit.field.status", "অবস্থা", "Status"),
    ("audit.field.title", "শিরোনাম", "Title"),
    ("audit.field.username", "ব্যবহারকারীর নাম", "Username"),
    ("audit.field.version", "সংস্করণ", "Version"),
    ("audit.field.other", "অন্যান্য", "Other"),
    ("audit.value.changed", "পরিবর্তিত", "changed"),
    ("audit.source.http", "ফাইল আমদানি (ওয়েব)", "File import (web)"),
    ("audit.source.record", "পূর্বে জারিকৃত রেকর্ড আমদানি", "Import of a record issued before"),
    ("audit.source.demo", "ডেমো তথ্য", "Demo data"),
    ("audit.value.none", "নেই", "none"),
    ("audit.empty", "কোনো পরিবর্তন নেই।", "No changes."),
    ("audit.any_office", "সব দপ্তর", "Every office"),
    ("audit.from", "যে দিন থেকে", "From"),
    ("audit.to", "যে দিন পর্যন্ত", "To"),
    ("audit.field.fields", "বদলানো অংশ", "Parts changed"),
    ("audit.meeting.import", "সভা যুক্ত করা হয়েছে", "Meeting added"),
    ("audit.meeting.create", "খসড়া তৈরি হয়েছে", "Draft created"),
    ("audit.meeting.save", "খসড়া সংরক্ষিত হয়েছে", "Draft saved"),
    ("audit.user.create", "ব্যবহারকারী তৈরি", "User created"),
    ("audit.user.password_change", "পাসওয়ার্ড পরিবর্তন", "Password changed"),
    ("audit.user.lock", "অ্যাকাউন্ট বন্ধ (ভুল পাসওয়ার্ড)", "Account locked (wrong passwords)"),
    ("audit.user.unlock", "অ্যাকাউন্ট খুলে দেওয়া হয়েছে", "Account unlocked"),
    ("error.unauthenticated", "এ পাতা দেখতে লগইন করুন।", "Sign in to see this page."),
    ("error.busy", "এই মুহূর্তে অনেক পিডিএফ তৈরি হচ্ছে; কয়েক সেকেন্ড পরে আবার চেষ্টা করুন।", "Many PDFs are being made right now; try again in a few seconds."),
    ("error.too_large", "অনুরোধটি অনুমোদিত আকারের চেয়ে বড়।", "The request is larger than allowed."),
    ("error.content_type", "অনুরোধটি এই ফর্মের ধরনে পাঠানো হয়নি; পাতাটি আবার খুলে চেষ্টা করুন।", "The request was not sent as this form expects; open the page again and retry."),
    ("error.bad_request", "অনুরোধটি পড়া যায়নি; পাতাটি আবার খুলে চেষ্টা করুন।", "The request could not be read; open the page again and retry."),
    ("error.csrf", "অনুরোধটি এই সাইট থেকে আসেনি, তাই গ্রহণ করা হয়নি।", "The request did not come from this site and was refused."),
    ("error.not_found", "খুঁজে পাওয়া যায়নি।", "Not found."),
    ("error.not_found_title", "পাতাটি নেই", "No such page"),
    (
        "error.not_found_page",
        "এই ঠিকানায় কোনো পাতা নেই। ঠিকানাটি আবার দেখুন, অথবা সভার তালিকা থেকে শুরু করুন।",
        "There is no page at this address. Check the address, or start from the list of meetings.",
    ),
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
    ("import.issued_by_admin", "জারিকৃত কার্যবিবরণী খসড়া হিসেবে আমদানি করা যায় না; পুরনো জারিকৃত কার্যবিবরণী রেকর্ড হিসেবে আনতে পারেন কেবল প্রশাসক।", "Issued minutes cannot be imported as a draft; only an admin can bring in earlier issued minutes, as a record."),
    ("import.record_not_issued", "রেকর্ড হিসেবে কেবল জারিকৃত কার্যবিবরণী আনা যায় (status: issued)।", "Only issued minutes can be brought in as a record (status: issued)."),
    ("import.office_out_of_reach", "এই দপ্তর আপনার আওতার বাইরে; এর জন্য কাজ বরাদ্দ করা যাবে না।", "This office is outside your reach; no work can be assigned to it."),
    ("import.memo_number_used", "দপ্তরটি এই স্মারক নম্বর আগেই ব্যবহার করেছে।", "The office has already used this memo number."),
    ("meeting.imported", "আমদানিকৃত রেকর্ড — সিদ্ধান্ত-এ জারি করা হয়নি", "Imported record — not issued in Sidhanto"),
    ("minutes.format", "ফাইলটি সিদ্ধান্ত-এর সভা ফরম্যাটের (sidhanto.meeting/1) নয়।", "The file is not in Sidhanto's meeting format (sidhanto.meeting/1)."),
    ("minutes.language", "ভাষা \"bn\" অথবা \"en\" হতে হবে।", "Language must be \"bn\" or \"en\"."),
    ("minutes.unknown_office", "এই কোডের কোনো দপ্তর নেই।", "There is no office with this code."),
    ("minutes.fiscal_year", "অর্থবছর ২০২২-২৩ আকারে লিখুন।", "Write the fiscal year as 2022-23."),
    ("minutes.quarter", "ত্রৈমাসিক ১ থেকে ৪ এর মধ্যে হতে হবে।", "The quarter must be 1 to 4."),
    ("minutes.required", "এটি পূরণ করতে হবে।", "This is required."),
    ("minutes.too_long", "লেখাটি অনুমোদিত দৈর্ঘ্যের চেয়ে বড়।", "This text is longer than allowed."),
    ("minutes.too_many", "তালিকায় অনুমোদিত সংখ্যার চেয়ে বেশি সারি।", "This list has more rows than allowed."),
    ("minutes.too_many_fields", "ফর্মে অনুমোদিত সংখ্যার চেয়ে বেশি ঘর; কিছু সারি মুছে আবার সংরক্ষণ করুন।", "The form has more fields than allowed; remove some rows and save again."),
    ("minutes.unknown_field", "এই ঘরটি কার্যবিবরণীর অংশ নয়।", "This field is not part of the minutes."),
    ("minutes.too_many_decisions", "একটি সভায় সর্বোচ্চ ৫০০টি সিদ্ধান্ত থাকতে পারে।", "A meeting may have at most 500 decisions."),
    ("minutes.control_character", "লেখায় অদৃশ্য নিয়ন্ত্রণ অক্ষর আছে; মুছে আবার লিখুন।", "The text contains an invisible control character; delete it and type again."),
    ("minutes.member_kind", "দপ্তরসমূহের ধরন \"district\" অথবা \"upazila\" হতে হবে।", "The member offices must be \"district\" or \"upazila\"."),
    ("minutes.deadline_before_meeting", "সময়সীমা সভার তারিখের আগে হতে পারে না।", "The deadline cannot be before the meeting date."),
    ("minutes.deadline_days", "দিনের সংখ্যা ১ বা তার বেশি হতে হবে।", "The number of days must be 1 or more."),
    ("minutes.issued_before_meeting", "জারির তারিখ সভার তারিখের আগে হতে পারে না।", "The issue date cannot be before the meeting date."),
    ("minutes.not_draft", "এই কার্যবিবরণী আর খসড়া নয়; পরিবর্তন করা যাবে না।", "These minutes are no longer a draft and cannot be changed."),
    ("minutes.office_fixed", "খসড়ার দপ্তর পরিবর্তন করা যায় না।", "A draft's office cannot be changed."),
    ("minutes.bijoy", "লেখাটি পুরনো বিজয় (SutonnyMJ) এনকোডিং-এ মনে হচ্ছে; রূপান্তর করে আমদানি করতে আবার পাঠান (কমান্ডে --bijoy, HTTP-তে ?bijoy=convert)। রূপান্তরের পর", "The text looks like the old Bijoy (SutonnyMJ) encoding; send it again to import it converted (--bijoy on the command line, ?bijoy=convert over HTTP). Converted it reads"),
    ("minutes.json", "JSON পড়া যায়নি", "Could not read the JSON"),
    (
        "minutes.bad_date",
        "তারিখটি পড়া গেল না: বছর-মাস-দিন আকারে লিখুন, যেমন ২০২৩-০৬-২২।",
        "This date could not be read: write it as year-month-day, such as 2023-06-22.",
    ),
    (
        "minutes.bad_time",
        "সময়টি পড়া গেল না: ঘণ্টা:মিনিট আকারে লিখুন, যেমন ১০:৩০।",
        "This time could not be read: write it as hours:minutes, such as 10:30.",
    ),
    ("minutes.bad_days", "দিনের সংখ্যা পূর্ণ সংখ্যায় লিখুন, যেমন ১০।", "Write the number of days as a whole number, such as 10."),
    ("minutes.not_utf8", "ফাইলটি UTF-8 নয় (যেমন পুরনো বিজয়/ANSI ফাইল)।", "The file is not UTF-8 (for example an old Bijoy/ANSI file)."),
    ("minutes.too_large", "ফাইলটি খুব বড় (সর্বোচ্চ ১ মেগাবাইট)।", "The file is too large (at most 1 MB)."),
    ("error.problems", "সংরক্ষণ করা যায়নি: চিহ্নিত ঘরগুলো ঠিক করুন।", "Not saved: correct the marked fields."),
    (
        "error.unreachable",
        "সার্ভারের সাথে যোগাযোগ করা যায়নি।",
        "Could not reach the server.",
    ),
];

/// The text for `key`; an unknown key is shown as itself so it is noticed.
pub fn t(lang: Lang, key: &str) -> &str {
    // A page looks up hundreds of keys: an index, built once, not a scan.
    static INDEX: std::sync::LazyLock<std::collections::HashMap<&str, (&str, &str)>> =
        std::sync::LazyLock::new(|| {
            MESSAGES
                .iter()
                .map(|(k, bn, en)| (*k, (*bn, *en)))
                .collect()
        });
    match (INDEX.get(key), lang) {
        (Some((bn, _)), Lang::Bn) => bn,
        (Some((_, en)), Lang::En) => en,
        (None, _) => key,
    }
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

    fn is_bangla(c: char) -> bool {
        ('\u{0980}'..='\u{09FF}').contains(&c)
    }

    #[test]
    fn english_messages_have_no_bangla_and_bangla_ones_are_bangla() {
        for (key, bn, en) in MESSAGES {
            // The switch names the other language in that language.
            if *key == "nav.switch_lang" {
                continue;
            }
            assert!(
                !en.chars().any(is_bangla),
                "{key}: Bangla in the English text"
            );
            assert!(
                bn.chars().any(is_bangla),
                "{key}: no Bangla in the Bangla text"
            );
        }
    }

    /// Every key written out in the sources (`tr("…")`, `t(lang, "…")`,
    /// `bn("…")`, `refusal(…, "…", …)`) has a message in both languages.
    #[test]
    fn every_key_the_code_names_has_messages() {
        fn sources(dir: &std::path::Path, out: &mut Vec<(String, String)>) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    sources(&path, out);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    out.push((
                        path.display().to_string(),
                        std::fs::read_to_string(&path).unwrap(),
                    ));
                }
            }
        }
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = vec![];
        sources(&root.join("src"), &mut files);
        sources(&root.join("../server/src"), &mut files);
        let mut checked = 0;
        for (path, text) in files.iter().filter(|(p, _)| !p.ends_with("i18n.rs")) {
            for opener in [
                "tr(\"",
                "tr_fill(\"",
                "say(\"",
                "bn(\"",
                "t(lang, \"",
                "t(Lang::En, \"",
                "t(Lang::Bn, \"",
            ] {
                for (at, _) in text.match_indices(opener) {
                    let rest = &text[at + opener.len()..];
                    let Some(end) = rest.find('"') else { continue };
                    let key = &rest[..end];
                    // Keys are dotted words; anything else is not a key.
                    if !key.contains('.') || key.contains(' ') || key.contains('{') {
                        continue;
                    }
                    assert_ne!(t(Lang::En, key), key, "{path}: {key} has no message");
                    checked += 1;
                }
            }
        }
        assert!(checked > 100, "the scan found the keys ({checked})");
    }

    /// Keys made at run time from a list of codes.
    #[test]
    fn every_audit_field_and_role_has_a_label() {
        for source in crate::domain::audit::SOURCES {
            let key = format!("audit.source.{source}");
            assert_ne!(t(Lang::En, &key), key);
        }
        for field in crate::domain::audit::FIELDS.iter().chain(&["other"]) {
            let key = format!("audit.field.{field}");
            assert_ne!(t(Lang::En, &key), key);
        }
        for action in <crate::domain::audit::Action as strum::VariantArray>::VARIANTS {
            let key = action.label_key();
            assert_ne!(t(Lang::En, &key), key);
        }
        for role in <crate::domain::auth::Role as strum::VariantArray>::VARIANTS
            .iter()
            .copied()
        {
            assert_ne!(t(Lang::En, role.label_key()), role.label_key());
        }
    }

    /// The editor's problem summary names fields by these keys.
    #[test]
    fn every_editor_field_has_a_label() {
        for path in [
            "agenda[0].decisions[1].implementers[2].office",
            "agenda[0].decisions[0].implementers[0].members",
            "agenda[0].decisions[0].implementers[0].label",
            "agenda[0].decisions[0].deadline.on",
            "agenda[0].decisions[0].deadline.days",
            "agenda[0].decisions[0].text",
            "agenda[0].subject",
            "agenda[0].discussion",
            "attendees[0].name",
            "attendees[0].designation",
            "attendees[0].office",
            "chair.name",
            "secretary.designation",
            "issuer.name",
            "distribution.heading",
            "distribution.recipients[0]",
            "attendees",
            "agenda",
            "kind",
            "language",
            "series",
            "fiscal_year",
            "quarter",
            "title",
            "held_on",
            "starts_at",
            "venue",
            "preamble",
            "closing",
            "office",
        ] {
            let steps = crate::domain::editor::field_label(path).unwrap();
            for (key, _) in steps {
                assert_ne!(t(Lang::En, key), key, "{path}");
            }
        }
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
    fn lang_cookie_is_read_from_the_header() {
        assert_eq!(
            Lang::from_cookie_header("a=b; lang=en; c=d"),
            Some(Lang::En)
        );
        assert_eq!(Lang::from_cookie_header("lang=xx"), None);
        assert_eq!(Lang::from_cookie_header(""), None);
    }

    #[test]
    fn unknown_keys_show_themselves() {
        assert_eq!(t(Lang::En, "no.such.key"), "no.such.key");
    }
}
