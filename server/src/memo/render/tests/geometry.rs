//! The layout, read from the renderer's own geometry (`Canvas::marks`):
//! what an officer would reject on paper, each a rule for every memo.
use super::super::*;
use super::meeting;
use app::domain::minutes::*;
use app::domain::*;

use crate::memo::pdf::{Kind, Mark};

fn marks(m: &Meeting, signatures: &Signatures) -> Vec<Mark> {
    draw(m, &crate::memo::fonts::SHIPPED, signatures)
        .marks()
        .to_vec()
}

fn texts(marks: &[Mark]) -> impl Iterator<Item = &Mark> {
    marks.iter().filter(|m| m.kind == Kind::Text)
}

/// The index of the first text mark that is `text`, after `from`.
fn find(marks: &[Mark], text: &str, from: usize) -> usize {
    marks
        .iter()
        .enumerate()
        .skip(from)
        .find(|(_, m)| m.kind == Kind::Text && m.text == text)
        .unwrap_or_else(|| panic!("{text:?} is not drawn"))
        .0
}

/// A meeting whose texts carry what a real one carries and a new user types:
/// addresses, hyphens and slashes, several decisions with their own offices.
fn ordinary_meeting() -> Meeting {
    let mut m = meeting(
        "জেলা প্রশাসকের কার্যালয়ের ই-নথি শাখা জানায় যে, নাগরিকগণ dc.rangpur.information@mopa.gov.bd ঠিকানায় এবং https://rangpur.gov.bd/site/page/citizen-charter-2024-25 পাতায় অভিযোগ জানাতে পারেন। মন্ত্রিপরিষদবিভাগকর্তৃকপ্রেরিতনির্দেশনাসংক্রান্ত পত্র অনুযায়ী দপ্তর/সংস্থা সমূহ ই-সেবা চালু করেছে।"
            .into(),
    );
    let imp = |label: &str| Implementer {
        office: "x".into(),
        members: None,
        label: label.into(),
    };
    let item = &mut m.minutes.agenda[0];
    item.decisions = vec![
        Decision {
            text: "সকল দপ্তর/সংস্থা ই-নথিতে সেবা প্রদান প্রতিশ্রুতি হালনাগাদ করবে এবং ওয়েবসাইটে প্রকাশ করবে।"
                .into(),
            implementers: vec![imp("জেলা প্রশাসক (সকল), রংপুর বিভাগ")],
            deadline: Deadline::Quarterly,
        },
        Decision {
            text: "অভিযোগ প্রতিকার ব্যবস্থা (GRS) ফোকাল পয়েন্ট নিয়োগ করতে হবে।".into(),
            implementers: vec![imp("বিভাগীয় প্রধান (সকল)"), imp("উপজেলা নির্বাহী অফিসার (সকল)")],
            deadline: Deadline::Quarterly,
        },
        Decision {
            text: "প্রশিক্ষণ আয়োজন।".into(),
            implementers: vec![imp("অতিরিক্ত বিভাগীয় কমিশনার (সার্বিক)")],
            deadline: Deadline::Quarterly,
        },
    ];
    m.minutes.preamble = "সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন। তিনি ই-নথি, ই-মেইল ও দপ্তর/সংস্থা পর্যায়ের সেবা-সহজিকরণ বিষয়ে আলোচনা করেন এবং দপ্তর/সংস্থা সমূহকে প্রতি ত্রৈমাসিকে প্রতিবেদন পাঠাতে অনুরোধ করেন। ই-নথি ব্যবহারে দপ্তর/সংস্থা প্রধানদের সক্রিয় ভূমিকা রাখার আহ্বান জানান।".into();
    m
}

#[test]
fn nothing_is_drawn_outside_its_cell() {
    let marks = marks(&ordinary_meeting(), &Signatures::default());
    let cells: Vec<&Mark> = marks.iter().filter(|m| m.kind == Kind::Cell).collect();
    let mut inside = 0;
    for t in texts(&marks) {
        let (mid_x, mid_y) = (t.x + 0.5, t.top + t.height / 2.0);
        let Some(cell) = cells.iter().find(|c| {
            c.page == t.page
                && c.x <= mid_x
                && mid_x <= c.right()
                && c.top <= mid_y
                && mid_y <= c.bottom()
        }) else {
            assert!(
                t.x >= LEFT - 0.01 && t.right() <= RIGHT + 0.01,
                "{t:?} leaves the text area"
            );
            continue;
        };
        inside += 1;
        assert!(
            t.x >= cell.x && t.right() <= cell.right() + 0.01,
            "{:?} ({:.1}..{:.1}) runs out of its cell ({:.1}..{:.1})",
            t.text,
            t.x,
            t.right(),
            cell.x,
            cell.right()
        );
    }
    assert!(inside > 50, "the table's texts were checked");
}

#[test]
fn justified_text_opens_no_gap_after_a_hyphen_or_a_slash() {
    let marks = marks(&ordinary_meeting(), &Signatures::default());
    let drawn: Vec<&Mark> = texts(&marks).collect();
    let mut glued = 0;
    for pair in drawn.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let same_line = a.page == b.page && (a.top - b.top).abs() < 0.01 && b.x > a.x;
        if same_line && (a.text.ends_with('-') || a.text.ends_with('/')) {
            glued += 1;
            assert!(
                (b.x - a.right()).abs() < 0.01,
                "a gap of {:.2} pt after {:?} before {:?}",
                b.x - a.right(),
                a.text,
                b.text
            );
        }
    }
    assert!(
        glued >= 4,
        "the meeting has hyphens and slashes inside lines ({glued})"
    );
}

#[test]
fn each_implementer_starts_on_the_line_of_its_decision_with_its_number() {
    let marks = marks(&ordinary_meeting(), &Signatures::default());
    // The decisions column starts at LEFT + 260, the implementers' at LEFT + 390.
    let top_in = |marker: &str, from: f32, to: f32| {
        texts(&marks)
            .find(|m| m.text == marker && m.x >= from && m.x < to)
            .unwrap_or_else(|| panic!("{marker} not drawn between {from} and {to}"))
            .top
    };
    for marker in ["১।", "২।", "৩।"] {
        let decision = top_in(marker, LEFT + 260.0, LEFT + 390.0);
        let implementer = top_in(marker, LEFT + 390.0, RIGHT);
        assert!(
            (decision - implementer).abs() < 0.01,
            "{marker}: the decision at {decision}, its implementers at {implementer}"
        );
    }
}

#[test]
fn implementers_shared_by_every_decision_are_listed_once_unnumbered() {
    let m = meeting("আলোচনা।".into());
    let marks = marks(&m, &Signatures::default());
    let in_implementers = |t: &&Mark| t.x >= LEFT + 390.0;
    assert_eq!(
        texts(&marks)
            .filter(in_implementers)
            .filter(|t| t.text == "জেলা")
            .count(),
        1
    );
    assert!(!texts(&marks)
        .filter(in_implementers)
        .any(|t| t.text == "১।"));
}

#[test]
fn attendance_rows_leave_about_12_mm_to_sign() {
    let mut m = meeting("আলোচনা।".into());
    m.minutes.attendees = (1..=30)
        .map(|i| Attendee {
            name: format!("কর্মকর্তা {i}"),
            designation: String::new(),
            office: "দপ্তর".into(),
        })
        .collect();
    let marks = marks(&m, &Signatures::default());
    // The meta block names the appendix too; its heading is the last mention.
    let appendix = texts(&marks)
        .filter(|t| t.text == "পরিশিষ্ট")
        .last()
        .map(|t| t.page)
        .expect("the appendix heading");
    // Rows of the appendix's table: each band of cells, minus the header
    // band at the top of each page.
    let mut bands: Vec<(usize, f32, f32)> = marks
        .iter()
        .filter(|c| c.kind == Kind::Cell && c.page >= appendix)
        .map(|c| (c.page, c.top, c.height))
        .collect();
    bands.dedup();
    let mut rows = 0;
    for (i, band) in bands.iter().enumerate() {
        let header = i == 0 || bands[i - 1].0 != band.0;
        if !header {
            rows += 1;
            assert!(
                band.2 >= 34.0,
                "a row {:.1} pt high has no room to sign",
                band.2
            );
            assert!(
                band.1 + band.2 <= BOTTOM + 0.01,
                "a row runs into the footer"
            );
        }
    }
    assert_eq!(rows, 30, "{bands:?}");
}

/// Minutes whose discussion is `n` lines long: sweeping `n` moves the page
/// breaks through every line of the discussion and of the closing.
fn with_lines(n: usize) -> Meeting {
    let mut m = meeting(
        (1..=n)
            .map(|i| format!("আলোচনার অনুচ্ছেদ {i}"))
            .collect::<Vec<_>>()
            .join("\n"),
    );
    m.minutes.closing = "সভায় আর কোনো আলোচ্য বিষয় না থাকায় সভাপতি উপস্থিত সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন। ধন্যবাদান্তে সমাপ্ত।".into();
    m.minutes.issuer = Some(Person {
        name: "স্বাক্ষরকারী কর্মকর্তা".into(),
        designation: "সহকারী কমিশনার".into(),
    });
    m.minutes.distribution.recipients = (1..=5)
        .map(|i| format!("প্রাপক {i}"))
        .chain(["সর্বশেষ প্রাপক".to_string()])
        .collect();
    m
}

#[test]
fn no_signature_memo_line_or_lone_line_of_a_row_is_parted_from_its_text() {
    let line = (SIZE - 1.0) * LEADING;
    for n in 30..=95 {
        let marks = marks(&with_lines(n), &Signatures::default());
        // The closing's last line and the chair's name under it.
        let end = find(&marks, "সমাপ্ত।", 0);
        let chair = find(&marks, "সভাপতি", end);
        assert_eq!(
            marks[end].page, marks[chair].page,
            "n = {n}: the chair's signature is parted from the closing"
        );
        // The issuer's signature and the last recipient.
        let last = find(&marks, "সর্বশেষ", end);
        let issuer = find(&marks, "স্বাক্ষরকারী", last);
        assert_eq!(
            marks[last].page, marks[issuer].page,
            "n = {n}: the issuer signs alone"
        );
        // The memo line and the অনুলিপি heading.
        let memo = find(&marks, "স্মারক", end);
        let copy = find(&marks, "অনুলিপি:", memo);
        assert_eq!(
            marks[memo].page, marks[copy].page,
            "n = {n}: memo line and অনুলিপি parted"
        );
        // The discussion's row: where it breaks, two lines at least on each side.
        let mut per_page = std::collections::BTreeMap::<usize, usize>::new();
        for t in texts(&marks).filter(|t| t.text == "অনুচ্ছেদ") {
            *per_page.entry(t.page).or_default() += 1;
        }
        assert!(
            per_page.values().all(|&lines| lines >= 2),
            "n = {n}: a lone line of the discussion on a page: {per_page:?}"
        );
        assert_eq!(per_page.values().sum::<usize>(), n);
        // No band of a row ends below the text area.
        for c in marks.iter().filter(|m| m.kind == Kind::Cell) {
            assert!(
                c.bottom() <= BOTTOM + 0.01,
                "n = {n}: a cell runs into the footer"
            );
            assert!(c.height >= line, "n = {n}: an empty band");
        }
    }
}

#[test]
fn the_page_number_never_touches_the_qr_code_or_the_verification_address() {
    let m = with_lines(60);
    let signatures = Signatures {
        verify_url: Some(
            "https://sidhanto.rangpurdiv.gov.bd/verify/0f3c9a7e-5b21-4c8e-9d0a-7e2f4b6c1d3a?memo=05.47.0000.005.12.002.17.300&lang=bn"
                .into(),
        ),
        ..Signatures::default()
    };
    let marks = marks(&m, &signatures);
    let pages = marks.iter().map(|m| m.page).max().unwrap() + 1;
    assert!(pages >= 3);
    for page in 0..pages {
        let qr = marks
            .iter()
            .find(|m| m.page == page && m.kind == Kind::Qr)
            .expect("a QR code on every page");
        let footer: Vec<&Mark> = texts(&marks)
            .filter(|t| t.page == page && t.top > BOTTOM)
            .collect();
        let number = footer
            .iter()
            .find(|t| t.text == "পৃষ্ঠা")
            .expect("a page number on every page");
        let address: Vec<&&Mark> = footer.iter().filter(|t| t.x > qr.right()).collect();
        assert!(!address.is_empty(), "the address beside the code");
        for t in &footer {
            assert!(
                !t.overlaps(qr),
                "page {page}: {:?} over the QR code",
                t.text
            );
            assert!(
                t.bottom() <= PAGE_HEIGHT,
                "page {page}: {:?} off the page",
                t.text
            );
        }
        for a in address.iter().filter(|a| a.top > number.top) {
            assert!(
                !a.overlaps(number),
                "page {page}: {:?} over the page number",
                a.text
            );
        }
        for t in texts(&marks).filter(|t| t.page == page && t.top <= BOTTOM) {
            assert!(
                t.bottom() <= qr.top + 0.01,
                "page {page}: {:?} reaches the code",
                t.text
            );
        }
    }
}

/// Every rule at once, for any memo: text inside its cell or the text
/// area, no gap after a hyphen or slash, nothing in the footer's band but
/// the footer.
fn assert_laid_out_well(name: &str, marks: &[Mark]) {
    let cells: Vec<&Mark> = marks.iter().filter(|m| m.kind == Kind::Cell).collect();
    let drawn: Vec<&Mark> = texts(marks).collect();
    for t in &drawn {
        let mid = (t.x + 0.5, t.top + t.height / 2.0);
        match cells.iter().find(|c| {
            c.page == t.page
                && c.x <= mid.0
                && mid.0 <= c.right()
                && c.top <= mid.1
                && mid.1 <= c.bottom()
        }) {
            Some(c) => assert!(
                t.x >= c.x && t.right() <= c.right() + 0.01,
                "{name}: {t:?} leaves {c:?}"
            ),
            None => assert!(
                t.x >= LEFT - 0.01 && t.right() <= RIGHT + 0.01,
                "{name}: {t:?} leaves the text area"
            ),
        }
    }
    for c in &cells {
        assert!(
            c.bottom() <= BOTTOM + 0.01,
            "{name}: {c:?} runs into the footer"
        );
    }
    for pair in drawn.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if a.page == b.page
            && (a.top - b.top).abs() < 0.01
            && b.x > a.x
            && (a.text.ends_with('-') || a.text.ends_with('/'))
        {
            assert!(
                (b.x - a.right()).abs() < 0.01,
                "{name}: a gap after {:?}",
                a.text
            );
        }
    }
}

#[test]
fn varied_memos_keep_every_rule() {
    let english = {
        let mut m = with_lines(12);
        m.minutes.language = "en".into();
        m.minutes.title = "Minutes of the 3rd quarterly citizen-charter meeting, 2023-24".into();
        m.minutes.preamble = "The chair welcomed the members and opened the meeting. The e-filing (e-Nothi) focal point of each office/agency reported on the citizen charter; details are at https://rangpurdiv.gov.bd/site/page/citizen-charter-quarterly-report-2023-24-q3.".into();
        m.minutes.closing =
            "There being no other business, the chair thanked everyone and closed the meeting."
                .into();
        m.minutes.agenda[0].subject = "Updating the citizen charter".into();
        m.minutes.agenda[0].decisions[0].text = "Every office/agency will update its charter on the web portal and e-mail the link to dc.rangpur.information@mopa.gov.bd within 10 days.".into();
        m
    };
    let mixed = {
        let mut m = ordinary_meeting();
        m.minutes.agenda.push(AgendaItem {
            subject: "GRS ও e-Nothi".into(),
            discussion: "অভিযোগ প্রতিকার ব্যবস্থা (Grievance Redress System, GRS) সফটওয়্যারে অনলাইনে প্রাপ্ত অভিযোগ ৩০ (ত্রিশ) কার্যদিবসের মধ্যে নিষ্পত্তি করতে হবে; www.grs.gov.bd সাইটে Monthly Report দাখিল করতে হবে।".into(),
            decisions: m.minutes.agenda[0].decisions.clone(),
        });
        m
    };
    let crowded = {
        let mut m = with_lines(20);
        m.minutes.attendees = (1..=60)
            .map(|i| Attendee {
                name: format!("জনাব কর্মকর্তা নম্বর {i}"),
                designation: if i % 3 == 0 {
                    String::new()
                } else {
                    "উপপরিচালক".into()
                },
                office: "জেলা প্রশাসকের কার্যালয়, রংপুর (ই-মেইল: dc.rangpur@mopa.gov.bd)".into(),
            })
            .collect();
        m.minutes.distribution.recipients = (1..=40)
            .map(|i| format!("জেলা প্রশাসক, জেলা নম্বর {i} (দৃষ্টি আকর্ষণ: সহকারী কমিশনার, আইসিটি শাখা)"))
            .collect();
        m
    };
    let long = with_lines(150);
    let short = meeting("সংক্ষিপ্ত আলোচনা।".into());
    let signatures = Signatures {
        verify_url: Some("https://sidhanto.example.gov.bd/v/0f3c9a7e5b214c8e".into()),
        ..Signatures::default()
    };
    for (name, m) in [
        ("english", english),
        ("mixed", mixed),
        ("crowded", crowded),
        ("long", long),
        ("short", short),
    ] {
        let canvas = draw(&m, &crate::memo::fonts::SHIPPED, &signatures);
        assert_laid_out_well(name, canvas.marks());
        if let Ok(dir) = std::env::var("MEMO_OUT") {
            std::fs::write(format!("{dir}/{name}.pdf"), canvas.finish()).unwrap();
            std::fs::write(format!("{dir}/{name}.txt"), printed_texts(&m).join("\n")).unwrap();
        }
    }
}

#[test]
fn one_recipient_keeps_the_memo_line_the_copy_heading_and_the_issuer_together() {
    for n in 30..=95 {
        let mut m = with_lines(n);
        m.minutes.distribution.recipients = vec!["সর্বশেষ প্রাপক".into()];
        let marks = marks(&m, &Signatures::default());
        let end = find(&marks, "সমাপ্ত।", 0);
        let memo = find(&marks, "স্মারক", end);
        let copy = find(&marks, "অনুলিপি:", memo);
        let last = find(&marks, "সর্বশেষ", copy);
        let issuer = find(&marks, "স্বাক্ষরকারী", last);
        let pages = [memo, copy, last, issuer].map(|i| marks[i].page);
        assert!(
            pages.iter().all(|p| *p == pages[0]),
            "n = {n}: memo line, অনুলিপি, recipient, issuer on pages {pages:?}"
        );
    }
}

#[test]
fn a_tables_header_never_stands_alone_at_the_foot_of_a_page() {
    for k in 0..=60 {
        // The preamble's length moves the table's start down the page; its
        // first row is three lines, too short to split.
        let mut m = meeting("প্রথম লাইন\nদ্বিতীয় লাইন\nতৃতীয় লাইন".into());
        m.minutes.preamble = (0..k)
            .map(|i| format!("ভূমিকার লাইন {i}"))
            .collect::<Vec<_>>()
            .join("\n");
        let marks = marks(&m, &Signatures::default());
        let cells: Vec<&Mark> = marks.iter().filter(|c| c.kind == Kind::Cell).collect();
        for header in texts(&marks).filter(|t| t.text == "ক্রম") {
            let band = cells
                .iter()
                .find(|c| c.page == header.page && c.top <= header.top && header.top < c.bottom())
                .expect("the header's cell");
            assert!(
                cells
                    .iter()
                    .any(|c| c.page == band.page && (c.top - band.bottom()).abs() < 0.01),
                "k = {k}: the header on page {} has no row under it",
                band.page
            );
        }
    }
}
