//! Demo data, entered as data: the offices of Rangpur division, the upazila ICT
//! offices of seeds 000–003 with their officers, one user per role, and the
//! meeting of seed 004 (22 June 2023), imported from docs/examples/seed-004.json.

/// `sidhanto gen-demo`: a large, repeatable data set for the benchmarks.
pub mod generate;

use crate::db::entities::{offices, people};
use crate::store::accounts::{self, NewUser};
use crate::store::minutes;
use app::domain::auth::Role;
use sea_orm::{ActiveValue::Set, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait};
use std::collections::HashMap;
use uuid::Uuid;

struct OfficeSeed<'a> {
    key: &'a str,
    parent: Option<&'a str>,
    kind: &'a str,
    name_bn: &'a str,
    name_en: &'a str,
    place_bn: &'a str,
    place_en: &'a str,
    branch_bn: &'a str,
    website: &'a str,
    memo_prefix: &'a str,
}

fn add_office(
    ids: &mut HashMap<String, Uuid>,
    rows: &mut Vec<offices::ActiveModel>,
    o: &OfficeSeed,
    key: &str,
    parent: Option<Uuid>,
) -> Uuid {
    let id = Uuid::new_v4();
    ids.insert(key.to_string(), id);
    rows.push(offices::ActiveModel {
        id: Set(id),
        parent_id: Set(parent),
        kind: Set(o.kind.into()),
        name_bn: Set(o.name_bn.into()),
        name_en: Set(o.name_en.into()),
        place_bn: Set(o.place_bn.into()),
        place_en: Set(o.place_en.into()),
        branch_bn: Set(o.branch_bn.into()),
        website: Set(o.website.into()),
        memo_prefix: Set(o.memo_prefix.into()),
        code: Set(key.into()),
        memo_font: Set(String::new()),
        // Seed 004 was letter 299 of its file.
        next_serial: Set(if o.memo_prefix.is_empty() { 1 } else { 300 }),
        public_key: Set(String::new()),
        // District offices get the government mailbox the digest goes to.
        email: Set(if o.kind == "district" {
            format!("dc{}@mopa.gov.bd", key.trim_start_matches("dc-"))
        } else {
            String::new()
        }),
    });
    id
}

const fn office(
    key: &'static str,
    parent: Option<&'static str>,
    kind: &'static str,
    name_bn: &'static str,
    name_en: &'static str,
    place_bn: &'static str,
    place_en: &'static str,
    website: &'static str,
) -> OfficeSeed<'static> {
    OfficeSeed {
        key,
        parent,
        kind,
        name_bn,
        name_en,
        place_bn,
        place_en,
        branch_bn: "",
        website,
        memo_prefix: "",
    }
}

const DIVISION: OfficeSeed<'static> = OfficeSeed {
    key: "rangpur-division",
    parent: None,
    kind: "division",
    name_bn: "বিভাগীয় কমিশনারের কার্যালয়",
    name_en: "Office of the Divisional Commissioner",
    place_bn: "রংপুর বিভাগ, রংপুর।",
    place_en: "Rangpur Division, Rangpur.",
    branch_bn: "সাধারণ শাখা",
    website: "www.rangpurdiv.gov.bd",
    memo_prefix: "05.47.0000.005.12.002.17",
};

/// The eight districts of Rangpur division: (key, Bangla, English).
const DISTRICTS: [(&str, &str, &str); 8] = [
    ("rangpur", "রংপুর", "Rangpur"),
    ("dinajpur", "দিনাজপুর", "Dinajpur"),
    ("kurigram", "কুড়িগ্রাম", "Kurigram"),
    ("gaibandha", "গাইবান্ধা", "Gaibandha"),
    ("nilphamari", "নীলফামারী", "Nilphamari"),
    ("panchagarh", "পঞ্চগড়", "Panchagarh"),
    ("thakurgaon", "ঠাকুরগাঁও", "Thakurgaon"),
    ("lalmonirhat", "লালমনিরহাট", "Lalmonirhat"),
];

/// The ICT directorate and the field offices that the citizen charters of
/// seeds 000–003 belong to.
const ICT_OFFICES: [OfficeSeed<'static>; 7] = [
    office(
        "doict",
        None,
        "directorate",
        "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর",
        "Department of ICT",
        "আগারগাঁও, ঢাকা।",
        "Agargaon, Dhaka.",
        "www.doict.gov.bd",
    ),
    office(
        "doict-lalmonirhat",
        Some("doict"),
        "district",
        "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, জেলা কার্যালয়",
        "Department of ICT, District Office",
        "লালমনিরহাট।",
        "Lalmonirhat.",
        "doict.lalmonirhat.gov.bd",
    ),
    office(
        "doict-bagerhat",
        Some("doict"),
        "district",
        "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, জেলা কার্যালয়",
        "Department of ICT, District Office",
        "বাগেরহাট।",
        "Bagerhat.",
        "doict.bagerhat.gov.bd",
    ),
    office(
        "doict-tarakanda",
        Some("doict"),
        "upazila",
        "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, উপজেলা কার্যালয়",
        "Department of ICT, Upazila Office",
        "তারাকান্দা, ময়মনসিংহ",
        "Tarakanda, Mymensingh",
        "www.doict.tarakanda.mymensingh.gov.bd",
    ),
    office(
        "doict-kachua",
        Some("doict-bagerhat"),
        "upazila",
        "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, উপজেলা কার্যালয়",
        "Department of ICT, Upazila Office",
        "কচুয়া, বাগেরহাট।",
        "Kachua, Bagerhat.",
        "doict.kachua.bagerhat.gov.bd",
    ),
    office(
        "doict-jaintiapur",
        Some("doict"),
        "upazila",
        "উপজেলা আইসিটি কার্যালয়",
        "Upazila ICT Office",
        "জৈন্তাপুর, সিলেট",
        "Jaintiapur, Sylhet",
        "doict.jaintiapur.sylhet.gov.bd",
    ),
    office(
        "doict-patgram",
        Some("doict-lalmonirhat"),
        "upazila",
        "তথ্য ও যোগাযোগ প্রযুক্তি অধিদপ্তর, উপজেলা কার্যালয়",
        "Department of ICT, Upazila Office",
        "পাটগ্রাম, লালমনিরহাট।",
        "Patgram, Lalmonirhat.",
        "doict.patgram.lalmonirhat.gov.bd",
    ),
];

struct PersonSeed {
    key: &'static str,
    office: &'static str,
    name_bn: &'static str,
    name_en: &'static str,
    designation_bn: &'static str,
    designation_en: &'static str,
    phone: &'static str,
    email: &'static str,
}

const PEOPLE: [PersonSeed; 11] = [
    PersonSeed {
        key: "chair",
        office: "rangpur-division",
        name_bn: "মো: হাবিবুর রহমান",
        name_en: "Md. Habibur Rahman",
        designation_bn: "বিভাগীয় কমিশনার",
        designation_en: "Divisional Commissioner",
        phone: "",
        email: "",
    },
    PersonSeed {
        key: "issuer",
        office: "rangpur-division",
        name_bn: "মোঃ মেহেদী হাসান",
        name_en: "Md. Mehedi Hasan",
        designation_bn: "সিনিয়র সহকারী কমিশনার",
        designation_en: "Senior Assistant Commissioner",
        phone: "",
        email: "",
    },
    PersonSeed {
        key: "adc-revenue",
        office: "rangpur-division",
        name_bn: "",
        name_en: "",
        designation_bn: "অতিরিক্ত বিভাগীয় কমিশনার (রাজস্ব)",
        designation_en: "Additional Divisional Commissioner (Revenue)",
        phone: "",
        email: "",
    },
    PersonSeed {
        key: "adc-general",
        office: "rangpur-division",
        name_bn: "",
        name_en: "",
        designation_bn: "অতিরিক্ত বিভাগীয় কমিশনার (সার্বিক)",
        designation_en: "Additional Divisional Commissioner (General)",
        phone: "",
        email: "",
    },
    PersonSeed {
        key: "director-lg",
        office: "rangpur-division",
        name_bn: "",
        name_en: "",
        designation_bn: "পরিচালক, স্থানীয় সরকার",
        designation_en: "Director, Local Government",
        phone: "",
        email: "",
    },
    PersonSeed {
        key: "ac-ict",
        office: "rangpur-division",
        name_bn: "",
        name_en: "",
        designation_bn: "সহকারী কমিশনার (আইসিটি)",
        designation_en: "Assistant Commissioner (ICT)",
        phone: "",
        email: "",
    },
    PersonSeed {
        key: "ap-tarakanda",
        office: "doict-tarakanda",
        name_bn: "হসাইন মুহাম্মদ রিদওয়ান",
        name_en: "Hossain Muhammad Ridwan",
        designation_bn: "সহকারী প্রোগ্রামার",
        designation_en: "Assistant Programmer",
        phone: "+8801674300290",
        email: "ictofficer.tarakanda@gmail.com",
    },
    PersonSeed {
        key: "ap-kachua",
        office: "doict-kachua",
        name_bn: "",
        name_en: "",
        designation_bn: "সহকারী প্রোগ্রামার",
        designation_en: "Assistant Programmer",
        phone: "01721587011",
        email: "engrraju36@gmail.com",
    },
    PersonSeed {
        key: "ueso-jaintiapur",
        office: "doict-jaintiapur",
        name_bn: "মোঃ ওয়াহিদুল ইসলাম",
        name_en: "Md. Wahidul Islam",
        designation_bn: "উপজেলা ই-সার্ভিস অফিসার/ সহকারী প্রোগ্রামার",
        designation_en: "Upazila e-Service Officer / Assistant Programmer",
        phone: "01936447955",
        email: "wahidul60@gmail.com",
    },
    PersonSeed {
        key: "ap-patgram",
        office: "doict-patgram",
        name_bn: "মোঃ কামরুল হাসান",
        name_en: "Md. Kamrul Hasan",
        designation_bn: "সহকারী প্রোগ্রামার",
        designation_en: "Assistant Programmer",
        phone: "01303388680",
        email: "appatgramlalmonirhat@gmail.com",
    },
    PersonSeed {
        key: "programmer-lalmonirhat",
        office: "doict-lalmonirhat",
        name_bn: "অনিমেষ চন্দ্র বসুনিয়া",
        name_en: "Animesh Chandra Basunia",
        designation_bn: "প্রোগ্রামার",
        designation_en: "Programmer",
        phone: "02589986883",
        email: "doict.lalmonirhat@gmail.com",
    },
];

/// Seed 004 in the meeting JSON format: the example of docs/meeting-format.md.
pub const SEED_004: &str = include_str!("../../../docs/examples/seed-004.json");

/// Loads the demo data in one transaction. Returns false (and writes nothing)
/// when the database already has offices, so it is safe to run at every start.
pub async fn load(db: &DatabaseConnection) -> Result<bool, DbErr> {
    if offices::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    let txn = crate::store::begin_write(db).await?;
    let mut office_ids: HashMap<String, Uuid> = HashMap::new();
    let mut office_rows = vec![];
    let division = add_office(
        &mut office_ids,
        &mut office_rows,
        &DIVISION,
        DIVISION.key,
        None,
    );
    for (key, bn, en) in DISTRICTS {
        let (place_bn, place_en) = (format!("{bn}।"), format!("{en}."));
        let website = format!("www.{key}.gov.bd");
        let seed = OfficeSeed {
            key,
            parent: Some(DIVISION.key),
            kind: "district",
            name_bn: "জেলা প্রশাসকের কার্যালয়",
            name_en: "Office of the Deputy Commissioner",
            place_bn: &place_bn,
            place_en: &place_en,
            branch_bn: "",
            website: &website,
            memo_prefix: "",
        };
        add_office(
            &mut office_ids,
            &mut office_rows,
            &seed,
            &format!("dc-{key}"),
            Some(division),
        );
    }
    for o in &ICT_OFFICES {
        let parent = o.parent.map(|p| office_ids[p]);
        add_office(&mut office_ids, &mut office_rows, o, o.key, parent);
    }
    offices::Entity::insert_many(office_rows).exec(&txn).await?;

    let mut person_ids: HashMap<&str, Uuid> = HashMap::new();
    let people_rows: Vec<_> = PEOPLE
        .iter()
        .map(|p| {
            let id = Uuid::new_v4();
            person_ids.insert(p.key, id);
            people::ActiveModel {
                id: Set(id),
                office_id: Set(office_ids[p.office]),
                name_bn: Set(p.name_bn.into()),
                name_en: Set(p.name_en.into()),
                designation_bn: Set(p.designation_bn.into()),
                designation_en: Set(p.designation_en.into()),
                phone: Set(p.phone.into()),
                email: Set(p.email.into()),
                signature_png: Set(None),
            }
        })
        .collect();
    people::Entity::insert_many(people_rows).exec(&txn).await?;

    // The seed-004 meeting goes in as any imported file does; it was issued,
    // so each district office owes its part of every decision.
    let seed = minutes::parse(SEED_004.as_bytes()).map_err(import_error)?;
    minutes::import(&txn, &seed, None, "demo")
        .await
        .map_err(import_error)?;

    // One user per role; all share DEMO_PASSWORD (README).
    let hash = DEMO_HASH.clone();
    let dinajpur = office_ids["dc-dinajpur"];
    for (username, name, person, role, office, below) in [
        ("admin", "প্রশাসক (ডেমো)", None, Role::Admin, division, true),
        (
            "secretary",
            "মোঃ মেহেদী হাসান",
            Some("issuer"),
            Role::Secretary,
            division,
            false,
        ),
        (
            "chair",
            "মো: হাবিবুর রহমান",
            Some("chair"),
            Role::Chair,
            division,
            false,
        ),
        (
            "dc.dinajpur",
            "জেলা প্রশাসকের কার্যালয়, দিনাজপুর",
            None,
            Role::Implementer,
            dinajpur,
            false,
        ),
        ("viewer", "পাঠক (ডেমো)", None, Role::Viewer, division, true),
    ] {
        accounts::create_user(
            &txn,
            None,
            NewUser {
                username,
                display_name: name,
                person_id: person.map(|p| person_ids[p]),
                password_hash: hash.clone(),
                grants: vec![(role, office, below)],
            },
        )
        .await?;
    }

    txn.commit().await?;
    Ok(true)
}

/// The seed file is part of the program: failing to import it is a bug.
fn import_error(e: app::error::AppError) -> DbErr {
    DbErr::Custom(format!("the seed-004 file does not import: {e:?}"))
}

/// The password of every demo user.
pub const DEMO_PASSWORD: &str = "sidhanto-demo";

/// Hashed once per process: argon2 is slow on purpose.
static DEMO_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| crate::password::hash(DEMO_PASSWORD).expect("hashes"));
