//! The memo's layout, tested through its text layer and its geometry.
use super::*;
use crate::memo::pdf::tests::pdftotext;
use app::domain::minutes::*;
use app::domain::*;
use chrono::{NaiveDate, NaiveTime};
use uuid::Uuid;

mod geometry;

pub(super) fn meeting(discussion: String) -> Meeting {
    let held_on = NaiveDate::from_ymd_opt(2024, 3, 14).unwrap();
    let decision = |text: &str| Decision {
        text: text.into(),
        implementers: vec![Implementer {
            office: "rangpur-division".into(),
            members: Some("district".into()),
            label: "জেলা প্রশাসক (সকল), রংপুর বিভাগ".into(),
        }],
        deadline: Deadline::Quarterly,
    };
    let mut minutes = Minutes::new("rangpur-division", held_on);
    minutes.title = "৩য় ত্রৈমাসিক সভার কার্যবিবরণী".into();
    minutes.chair = Person {
        name: "সভাপতি".into(),
        designation: "বিভাগীয় কমিশনার".into(),
    };
    minutes.starts_at = NaiveTime::from_hms_opt(15, 0, 0).unwrap();
    minutes.venue = "সম্মেলন কক্ষ".into();
    minutes.preamble = "সভাপতি সভার কার্যক্রম শুরু করেন।".into();
    minutes.closing = "সভাপতি সভার সমাপ্তি ঘোষণা করেন।".into();
    minutes.status = MeetingStatus::Issued;
    minutes.memo_number = Some("05.47.0000.005.12.002.17.300".into());
    minutes.issued_on = Some(held_on);
    minutes.attendees = vec![Attendee {
        name: "উপস্থিত একজন".into(),
        designation: "পদবি".into(),
        office: "দপ্তর".into(),
    }];
    minutes.agenda = vec![AgendaItem {
        subject: "দীর্ঘ আলোচনা".into(),
        discussion,
        decisions: vec![decision("প্রথম সিদ্ধান্ত।"), decision("দ্বিতীয় সিদ্ধান্ত।")],
    }];
    minutes.distribution = Distribution {
        heading: "কার্যার্থে".into(),
        recipients: vec!["জেলা প্রশাসক (সকল)".into()],
    };
    Meeting {
        corrects: None,
        carried: vec![],
        imported: false,
        id: Uuid::nil(),
        office: OfficeHeading {
            name: "বিভাগীয় কমিশনারের কার্যালয়".into(),
            place: "রংপুর".into(),
            branch: "সাধারণ শাখা".into(),
        },
        minutes,
    }
}

#[test]
fn english_minutes_get_english_words_and_digits_in_the_same_layout() {
    let mut m = meeting("A short discussion.".into());
    m.minutes.language = "en".into();
    m.minutes.title = "Minutes of the 3rd quarterly meeting".into();
    let pdf = render(&m, &crate::memo::fonts::SHIPPED, &Signatures::default());
    assert_eq!(pages(&pdf), 2);
    let layer = pdftotext(&pdf);
    for text in [
        "Government of the People's Republic of Bangladesh",
        "Chair",
        "14 March 2024",
        "3:00 PM",
        "Implemented",
        "Memo No. 05.47.0000.005.12.002.17.300",
        "Date: 14 March 2024",
        "Copy to:",
        "Appendix A",
        "Page 1/2",
        "2. দ্বিতীয় সিদ্ধান্ত।",
    ] {
        assert!(layer.contains(text), "{text:?} missing from:\n{layer}");
    }
    assert!(
        !layer.contains("ফাল্গুন"),
        "no Bangla calendar date in English"
    );
}

#[test]
fn a_draft_says_so_on_every_page_and_prints_no_signature() {
    let png = include_bytes!("../../../../tests/fixtures/signature.png").to_vec();
    let signed = Signatures {
        chair: Some(png.clone()),
        issuer: Some(png),
        verify_url: None,
    };
    let has_image = |pdf: &[u8]| pdf.windows(6).any(|w| w == b"/Image");
    let mut m = meeting("আলোচনা।".into());
    let issued = render(&m, &crate::memo::fonts::SHIPPED, &signed);
    assert!(has_image(&issued), "the issued memo carries the signatures");
    assert!(!pdftotext(&issued).contains("খসড়া"));
    for status in [MeetingStatus::Draft, MeetingStatus::Submitted] {
        m.minutes.status = status;
        let draft = render(&m, &crate::memo::fonts::SHIPPED, &signed);
        if let Ok(dir) = std::env::var("MEMO_OUT") {
            std::fs::write(format!("{dir}/{status:?}.pdf"), &draft).unwrap();
        }
        assert!(!has_image(&draft), "{status:?}: no signature on a draft");
        let layer = pdftotext(&draft);
        assert_eq!(
            layer.matches("খসড়া — জারি হয়নি, স্বাক্ষরবিহীন").count(),
            pages(&draft),
            "{status:?}: every page marked:\n{layer}"
        );
    }
}

fn pages(pdf: &[u8]) -> usize {
    pdftotext(pdf).matches('\u{c}').count()
}

#[test]
fn a_row_taller_than_a_page_continues_on_the_next_pages() {
    use app::domain::numerals::bangla_number;
    // About 900 words in one cell: several pages of one table row.
    let long: Vec<String> = (1..=900)
        .map(|i| format!("আলোচনা{}", bangla_number(i as u64, 1)))
        .collect();
    let pdf = render(
        &meeting(long.join(" ")),
        &crate::memo::fonts::SHIPPED,
        &Signatures::default(),
    );
    let layer = pdftotext(&pdf);
    for word in &long {
        assert!(layer.contains(word.as_str()), "{word} lost at a page break");
    }
    // Header repeated on every page the table spans (at least 3 of them).
    assert!(layer.matches("বাস্তবায়নকারী").count() >= 3);
    assert!(pages(&pdf) >= 4, "table pages plus the appendix");
    assert!(
        layer.contains("৩০ ফাল্গুন, ১৪৩০"),
        "14 March 2024 is the 30th of a leap-year Falgun"
    );
    assert!(
        layer.contains("প্রথম সিদ্ধান্ত।") && layer.contains("২।"),
        "several decisions are numbered"
    );
    assert!(layer.contains("বিকাল ৩:০০ টা"));
}

#[test]
fn a_short_meeting_is_two_pages_minutes_and_appendix() {
    let pdf = render(
        &meeting("সংক্ষিপ্ত আলোচনা।".into()),
        &crate::memo::fonts::SHIPPED,
        &Signatures::default(),
    );
    assert_eq!(pages(&pdf), 2);
    let layer = pdftotext(&pdf);
    assert!(layer.contains("পৃষ্ঠা ১/২") && layer.contains("পৃষ্ঠা ২/২"));
    assert!(layer.contains("০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.৩০০"));
}
