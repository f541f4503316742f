//! Fuzzing by property: every reader of outside input and the memo's text
//! machinery get arbitrary input and must answer (Ok or a problem), never
//! panic, overflow or hang. `scripts/test` runs a few hundred cases each
//! (seconds); `FUZZ_CASES=20000 cargo test --release -p server --test fuzz`
//! runs longer. A failing case is kept by proptest under
//! `server/proptest-regressions/` and replayed first on every later run.
use app::domain::meeting::OfficeHeading;
use app::domain::minutes::Minutes;
use app::domain::Meeting;
use proptest::prelude::*;
use server::memo::fonts::SHIPPED;
use server::memo::layout::{break_lines, pieces, positions};
use server::memo::shape::{Shaper, Weight};

const SEED: &str = include_str!("../../docs/examples/seed-004.json");

/// Cases per property: `FUZZ_CASES`, or the given default.
fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases: n,
        // Shrinking a slow case (a memo render) may take long; a few steps
        // find a small enough input.
        max_shrink_iters: 256,
        ..ProptestConfig::default()
    }
}

/// Text as offices type it and worse: Bangla (with its vowel signs, virama
/// and the joiners), ASCII, and any other character, controls included.
fn text() -> impl Strategy<Value = String> {
    let ch = prop_oneof![
        4 => (0x0980u32..=0x09FF).prop_filter_map("Bangla", char::from_u32),
        2 => proptest::char::range(' ', '~'),
        1 => prop::sample::select(vec!['\u{200c}', '\u{200d}', '\n', '\t', '\r', '\0', '\u{a0}', '-', '/', '@', '.']),
        1 => any::<char>(),
    ];
    prop::collection::vec(ch, 0..120).prop_map(|v| v.into_iter().collect())
}

/// Names of the editor's fields: real paths, near misses and garbage.
fn field_name() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec![
        "agenda",
        "decisions",
        "implementers",
        "office",
        "text",
        "subject",
        "title",
        "held_on",
        "quarter",
        "fiscal_year",
        "deadline",
        "kind",
        "days",
        "on",
        "attendees",
        "name",
        "designation",
        "chair",
        "secretary",
        "members",
        "label",
        "distribution",
        "recipients",
        "status",
        "memo_number",
        "issued_on",
        "x",
        "",
    ]);
    let step =
        (key, prop::option::of(prop_oneof![0usize..3, 0usize..700])).prop_map(|(k, i)| match i {
            Some(i) => format!("{k}[{i}]"),
            None => k.to_string(),
        });
    prop_oneof![
        4 => prop::collection::vec(step, 1..10).prop_map(|s| s.join(".")),
        1 => any::<String>(),
        1 => "[a-z\\[\\]0-9.]{0,40}",
    ]
}

proptest! {
    #![proptest_config(cases(512))]

    #[test]
    fn the_editor_form_reader_answers_any_form(
        pairs in prop::collection::vec((field_name(), text()), 0..60),
        op in "(add|remove|up|x):[a-z\\[\\]0-9.]{0,30}",
    ) {
        if let Ok(mut m) = server::minutes_form::read(&pairs) {
            let _ = server::minutes_form::apply(&mut m, &op, "rangpur-division");
        }
    }

    #[test]
    fn the_meeting_file_reader_answers_any_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = server::store::minutes::parse(&bytes);
    }

    #[test]
    fn the_meeting_file_reader_answers_any_change_to_a_real_file(
        at in 0usize..SEED.len(), cut in 0usize..40, insert in text(),
    ) {
        let mut file = SEED.as_bytes().to_vec();
        let end = (at + cut).min(file.len());
        file.splice(at..end, insert.into_bytes());
        if let Ok(m) = server::store::minutes::parse(&file) {
            let _ = m.check(&Default::default());
        }
    }

    #[test]
    fn bijoy_conversion_takes_any_text(t in text()) {
        let _ = app::domain::bijoy::looks_like(&t);
        let converted = app::domain::bijoy::convert(&t);
        let _ = app::domain::bijoy::convert(&converted);
    }

    #[test]
    fn bangla_numbers_and_dates_parse_or_refuse(t in text()) {
        let ascii = app::domain::numerals::to_ascii_digits(&t);
        prop_assert_eq!(ascii.chars().count(), t.chars().count());
        let _ = app::domain::dates::FiscalYear::parse(&t);
        let _ = app::domain::numerals::to_bangla_digits(&t);
        let _ = chrono::NaiveDate::parse_from_str(ascii.trim(), "%Y-%m-%d");
    }

    #[test]
    fn search_snippets_take_any_text_and_query(t in text(), q in text(), width in 0usize..200) {
        let s = app::domain::search::snippet(&t, &q, width);
        prop_assert!(s.chars().count() <= t.chars().count() + 2);
    }

    #[test]
    fn lines_break_any_text_within_the_width(t in text(), width in 20f32..400.0) {
        let shaper = Shaper::new(&SHIPPED);
        for line in break_lines(pieces(&shaper, &t, Weight::Regular, 12.0), width) {
            // A line wider than the width holds one piece that cannot break.
            prop_assert!(line.width <= width + 0.01 || line.pieces.len() == 1,
                "{} > {width} with {} pieces", line.width, line.pieces.len());
            let xs = positions(&line, width, !line.last);
            prop_assert!(xs.iter().all(|x| x.is_finite()));
        }
    }
}

proptest! {
    // A whole memo is ~20 ms in release and far more in a debug build.
    #![proptest_config(cases(12))]

    #[test]
    fn a_memo_renders_from_any_text(
        title in text(), subject in text(), discussion in text(), decision in text(),
        implementer in text(), recipient in text(), chair in text(),
    ) {
        let mut minutes: Minutes = serde_json::from_str(SEED).unwrap();
        minutes.title = title;
        minutes.chair.name = chair;
        minutes.agenda[0].subject = subject;
        minutes.agenda[0].discussion = discussion.repeat(3);
        minutes.agenda[0].decisions[0].text = decision;
        minutes.agenda[0].decisions[0].implementers[0].label = implementer;
        minutes.distribution.recipients.push(recipient);
        let meeting = Meeting {
            id: uuid::Uuid::nil(),
            office: OfficeHeading {
                name: "বিভাগীয় কমিশনারের কার্যালয়".into(),
                place: "রংপুর।".into(),
                branch: "সাধারণ শাখা".into(),
            },
            minutes,
            corrects: None,
            carried: vec![],
            imported: false,
        };
        let pdf = server::memo::render(&meeting, &SHIPPED, &Default::default());
        prop_assert!(pdf.starts_with(b"%PDF"));
    }
}
