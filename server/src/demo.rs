//! Demo data, entered as data: the offices of Rangpur division, the upazila ICT
//! offices of seeds 000–003 with their officers, and the meeting of seed 004
//! (the 4th-quarter citizen-charter meeting of 22 June 2023) with its agenda
//! items, decisions, implementers, attendance and distribution list.
use crate::audit::{self, Change};
use crate::db::entities::{
    agenda_items, assignments, attendees, decisions, implementers, meetings, offices, people,
    recipients,
};
use crate::store::accounts::{self, NewUser};
use crate::store::meetings::deadline_columns;
use app::domain::auth::Role;
use app::domain::{
    dates::{FiscalYear, Quarter},
    Deadline, MeetingKind, MeetingStatus,
};
use chrono::{NaiveDate, NaiveTime, Utc};
use sea_orm::{
    ActiveValue::Set, DatabaseConnection, DbErr, EntityTrait, PaginatorTrait, TransactionTrait,
};
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

const ALL_DCS: &str = "জেলা প্রশাসক (সকল), রংপুর বিভাগ, রংপুর।";

/// (subject, discussion, [(decision, deadline)]) — seed 004's table, row by row.
/// Every decision's implementer is every district office of the division.
fn agenda() -> Vec<(&'static str, &'static str, Vec<(&'static str, Deadline)>)> {
    vec![
        (
            "আওতাধীন দপ্তর/সংস্থার সমন্বয়ে সেবা প্রদান প্রতিশ্রুতি হালনাগাদকরণ",
            "আওতাধীন জেলা প্রশাসকের কার্যালয়সমূহের সেবা প্রদান প্রতিশ্রুতি হালনাগাদকরণ বিষয়ে আলোচনা করা হয়। সভায় অবহিত করা হয় যে, এ বিভাগের জেলা প্রশাসকের কার্যালয়সমূহের ওয়েব পোর্টালে শাখাভিত্তিক সেবা প্রদান প্রতিশ্রুতি আপলোড করা হলেও ত্রৈমাসিক ভিত্তিতে হালনাগাদ করা নেই। ত্রৈমাসিক ভিত্তিতে সিটিজেন চার্টার হালনাগাদপূর্বক ওয়েব সাইটের নির্ধারিত সেবা বক্সে আপলোড করার বিষয়ে বিস্তারিত আলোচনা হয়।",
            vec![(
                "মন্ত্রিপরিষদ বিভাগের নির্দেশনা অনুযায়ী প্রতিটি জেলা প্রশাসকের কার্যালয়ের সেবা প্রদান প্রতিশ্রুতিকে নাগরিক সেবা, প্রাতিষ্ঠানিক সেবা ও অভ্যন্তরীণ সেবা হিসেবে ত্রৈমাসিক ভিত্তিতে হালনাগাদপূর্বক ওয়েব সাইটে সংশ্লিষ্ট সেবা বক্সে আপলোড করতে হবে।",
                Deadline::Quarterly,
            )],
        ),
        (
            "সেবা প্রদান প্রতিশ্রুতি সংক্রান্ত পরিবীক্ষণ কমিটি গঠন",
            "সদস্য সচিব সভাকে জানান, সেবা প্রদান প্রতিশ্রুতি বাস্তবায়ন কর্মপরিকল্পনা অনুযায়ী ত্রৈমাসিক ভিত্তিতে সেবা প্রদান প্রতিশ্রুতি সংক্রান্ত পরিবীক্ষণ কমিটি পুনর্গঠন ও সভার সিদ্ধান্ত বাস্তবায়ন কার্যক্রম অন্তর্ভুক্ত রয়েছে। এ বিভাগের সকল জেলা প্রশাসকের কার্যালয়ের ওয়েবসাইট পরিবীক্ষণ করা হয়েছে। পরিবীক্ষণে এ বিভাগের দিনাজপুর ও লালমনিরহাট জেলার ওয়েবসাইটে পরিবীক্ষণ কমিটি দেয়া থাকলেও বাকি ০৭ টি জেলায় পরিবীক্ষণ কমিটি পুনর্গঠন করে ওয়েবসাইটে আপলোড করা নাই। সভাপতি সেবা প্রদান প্রতিশ্রুতি পরিবীক্ষণ কমিটি ত্রৈমাসিক ভিত্তিতে পুনর্গঠন ও নিয়মিত পরিবীক্ষণ কমিটির সভা আয়োজনের অনুরোধ করেন।",
            vec![
                (
                    "রংপুর বিভাগের সকল জেলা প্রশাসকের কার্যালয়ে সেবা প্রদান সংক্রান্ত পরিবীক্ষণ কমিটি পুনর্গঠন করে আগামী ১০ দিনের মধ্যে ওয়েবসাইটে আপলোড করতে হবে।",
                    Deadline::DaysAfterIssue(10),
                ),
                (
                    "ত্রৈমাসিক ভিত্তিতে সেবা প্রদান প্রতিশ্রুতি সংক্রান্ত পরিবীক্ষণ কমিটির সভা করতে হবে।",
                    Deadline::Quarterly,
                ),
                (
                    "পরিবীক্ষণ কমিটির সিদ্ধান্তের বাস্তবায়ন প্রতিবেদন নিয়মিত এ কার্যালয়ে প্রেরণ করতে হবে।",
                    Deadline::Quarterly,
                ),
            ],
        ),
        (
            "সেবা প্রদান প্রতিশ্রুতি বিষয়ক কর্মশালা/প্রশিক্ষণ/সেমিনার আয়োজন",
            "সভাপতি এ বিভাগের সকল জেলা প্রশাসকের কার্যালয়ের ২০২২-২৩ অর্থ বছরের সেবা প্রদান প্রতিশ্রুতি বাস্তবায়ন কর্মপরিকল্পনার ২.১ অংশে ষান্মাসিক ভিত্তিতে সেবা প্রদান প্রতিশ্রুতি বিষয়ক কর্মশালা/প্রশিক্ষণ/সেমিনার আয়োজনের বিষয় অন্তর্ভুক্ত রয়েছে। সভায় কর্মশালা/প্রশিক্ষণ/সেমিনার আয়োজনের বিষয়ে আলোচনা হয়।",
            vec![(
                "ত্রৈমাসিক ভিত্তিতে এ বিভাগের সকল জেলায় সেবা প্রদান প্রতিশ্রুতি বিষয়ক কর্মশালা/প্রশিক্ষণ/সেমিনার আয়োজন করার বিষয়ে সিদ্ধান্ত গৃহীত হয়।",
                Deadline::Quarterly,
            )],
        ),
        (
            "সেবা প্রদান প্রতিশ্রুতির ফোকাল পয়েন্ট কর্মকর্তা ও বিকল্প ফোকাল পয়েন্ট কর্মকর্তা নিয়োগ",
            "সভাপতি এ বিভাগের আওতাধীন অফিসের ফোকাল পয়েন্ট কর্মকর্তা ও বিকল্প ফোকাল পয়েন্ট কর্মকর্তা নিয়োগ বিষয়ে সভায় আলোচনা করেন। সদস্য সচিব জানান, জেলা প্রশাসকের কার্যালয়সমূহের ওয়েবসাইট পরিবীক্ষণে দেখা যায় যে, রংপুর জেলা প্রশাসকের কার্যালয়ের ওয়েবসাইটে ফোকাল পয়েন্ট কর্মকর্তার ছবি আপলোড রয়েছে। কিন্তু অফিস আদেশ আপলোড নেই। দিনাজপুর ও লালমনিরহাট জেলার ওয়েবসাইটে ফোকাল পয়েন্ট কর্মকর্তা ও বিকল্প ফোকাল পয়েন্ট কর্মকর্তার অফিস আদেশ দেয়া আছে কিন্তু ছবি দেয়া নাই। বাকি ০৫ টি জেলার জেলা প্রশাসকের কার্যালয়ের ওয়েবসাইটে ফোকাল পয়েন্ট কর্মকর্তা ও বিকল্প ফোকাল পয়েন্ট কর্মকর্তার ছবিসহ তথ্য ও নিয়োগ সংক্রান্ত অফিস আদেশ ওয়েব সাইটের নির্দিষ্ট সেবাবক্সে আপলোড নেই। তিনি নির্দিষ্ট সেবা বক্সে ফোকাল পয়েন্ট কর্মকর্তা ও বিকল্প ফোকাল পয়েন্ট কর্মকর্তার ছবিসহ তথ্য আপলোডের অনুরোধ করেন।",
            vec![(
                "সকল জেলা প্রশাসকের কার্যালয়ের ওয়েবসাইটে ফোকাল পয়েন্ট কর্মকর্তা ও বিকল্প ফোকাল পয়েন্ট কর্মকর্তার ছবিসহ তথ্য ও নিয়োগ সংক্রান্ত অফিস আদেশ ওয়েব সাইটের নির্দিষ্ট সেবাবক্সে আপলোড করতে হবে।",
                Deadline::None,
            )],
        ),
        (
            "সেবা প্রদান প্রতিশ্রুতি বিষয়ক স্টেকহোল্ডারগণের সমন্বয়ে অবহিতকরণ সভা আয়োজন।",
            "সভায় এ কার্যালয়ের সহকারী কমিশনার (আইসিটি) জানান যে, ২০২২-২৩ অর্থবছরের সেবা প্রদান প্রতিশ্রুতি বাস্তবায়ন কর্মপরিকল্পনার ২.২ অংশে সেবা প্রদান প্রতিশ্রুতি বিষয়ে স্টেকহোল্ডারগণের সমন্বয়ে অবহিতকরণ সভা আয়োজন অন্তর্ভুক্ত রয়েছে। এ বিষয়ে সভাপতি জানান যে, অংশীজন বলতে স্ব স্ব প্রতিষ্ঠানের অভ্যন্তরীণ/দাপ্তরিক/নাগরিক সেবা গ্রহণকারী যে কোন ব্যক্তি/প্রতিষ্ঠান (সরকারি/বেসরকারি), সুশীল সমাজের প্রতিনিধি এবং আওতাধীন দপ্তর/সংস্থার কর্মকর্তা/কর্মচারীকে বোঝানো হয়েছে। আয়োজিত সভায় স্টেকহোল্ডারগণের মতামত ও সুপারিশসমূহ গুরুত্বের সাথে বিবেচনা করে নিজ নিজ দপ্তরের সেবা প্রদান কার্যক্রমকে আরও সহজ ও ভোগান্তিবিহীন করার সর্বোচ্চ চেষ্টা করতে হবে।",
            vec![(
                "সেবা প্রদান প্রতিশ্রুতি বিষয়ে স্টেকহোল্ডারগণের সমন্বয়ে অবহিতকরণ সভা আয়োজন করতে হবে।",
                Deadline::None,
            )],
        ),
    ]
}

const PREAMBLE: &str = "সভাপতি উপস্থিত সদস্যগণকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন। সভাপতি জানান যে, এ কার্যালয়ের ২০২২-২৩ অর্থবছরের বার্ষিক কর্মসম্পাদন চুক্তির অংশ হিসেবে সেবা প্রদান প্রতিশ্রুতি বাস্তবায়ন কর্মপরিকল্পনার ১.৩ কার্যক্রম অংশে সেবা প্রদান প্রতিশ্রুতি বিষয়ে আওতাধীন দপ্তর/সংস্থার সমন্বয়ে ত্রৈমাসিক ভিত্তিতে সভা আয়োজনের বিষয়টি অন্তর্ভুক্ত রয়েছে। সভাপতি আওতাধীন অফিসের সেবাসমূহকে নাগরিক সেবা, প্রাতিষ্ঠানিক সেবা ও অভ্যন্তরীণ সেবা এই তিন ভাগে বিভক্ত করে সেবা প্রদান প্রতিশ্রুতির নির্ধারিত ফরমেটে সেবাসমূহের বাস্তবায়ন কার্যক্রম গ্রহণ, ওয়েবসাইটে হালনাগাদকরণ এবং প্রতিটি কাজ নির্ধারিত সময়ের মধ্যে নিষ্পন্ন করে সূচকের প্রমাণকসমূহ ত্রৈমাসিক ভিত্তিতে এ কার্যালয়ে প্রেরণের অনুরোধ করেন। সভায় আওতাধীন অফিসের সেবা প্রদান প্রতিশ্রুতির ত্রুটিসমূহ তুলে ধরা হয়।";

const CLOSING: &str =
    "সভায় আর কোন আলোচ্যসূচী না থাকায় সভাপতি উপস্থিত সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।";

const RECIPIENTS: [&str; 6] = [
    "অতিরিক্ত বিভাগীয় কমিশনার, রাজস্ব, বিভাগীয় কমিশনারের কার্যালয়, রংপুর",
    "অতিরিক্ত বিভাগীয় কমিশনার, সার্বিক, বিভাগীয় কমিশনারের কার্যালয়, রংপুর",
    "পরিচালক, স্থানীয় সরকার, বিভাগীয় কমিশনারের কার্যালয়, রংপুর",
    "জেলা প্রশাসক (সকল), রংপুর বিভাগ",
    "উপ-পরিচালক, স্থানীয় সরকার, বিভাগীয় কমিশনারের কার্যালয়, রংপুর",
    "বিভাগীয় কমিশনার মহোদয়ের একান্ত সচিব, রংপুর বিভাগ, রংপুর (বিভাগীয় কমিশনার মহোদয়ের সদয় অবগতির জন্য)।",
];

/// Loads the demo data in one transaction. Returns false (and writes nothing)
/// when the database already has offices, so it is safe to run at every start.
pub async fn load(db: &DatabaseConnection) -> Result<bool, DbErr> {
    if offices::Entity::find().count(db).await? > 0 {
        return Ok(false);
    }
    let txn = db.begin().await?;
    let mut office_ids: HashMap<String, Uuid> = HashMap::new();
    let mut office_rows = vec![];
    let division = add_office(
        &mut office_ids,
        &mut office_rows,
        &DIVISION,
        DIVISION.key,
        None,
    );
    let mut districts = vec![];
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
        let id = add_office(
            &mut office_ids,
            &mut office_rows,
            &seed,
            &format!("dc-{key}"),
            Some(division),
        );
        districts.push((id, bn));
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
            }
        })
        .collect();
    people::Entity::insert_many(people_rows).exec(&txn).await?;

    let held_on = NaiveDate::from_ymd_opt(2023, 6, 22).expect("valid date");
    let issued_on = NaiveDate::from_ymd_opt(2023, 6, 25).expect("valid date");
    let meeting_id = Uuid::new_v4();
    let now = Utc::now();
    meetings::Entity::insert(meetings::ActiveModel {
        id: Set(meeting_id),
        office_id: Set(division),
        kind: Set(MeetingKind::CitizenCharterQuarterly.code().into()),
        series: Set("rangpur-division-citizen-charter".into()),
        fiscal_year: Set(FiscalYear::of(held_on).0),
        quarter: Set(Quarter::of(held_on).number() as i16),
        title_bn: Set("সেবা প্রদান প্রতিশ্রুতি (সিটিজেন চার্টার) বাস্তবায়নে আওতাধীন দপ্তর/সংস্থার সমন্বয়ে ৪র্থ ত্রৈমাসিক সভার কার্যবিবরণী".into()),
        chair_id: Set(person_ids["chair"]),
        secretary_id: Set(Some(person_ids["issuer"])),
        issuer_id: Set(Some(person_ids["issuer"])),
        held_on: Set(held_on),
        starts_at: Set(NaiveTime::from_hms_opt(10, 30, 0).expect("valid time")),
        venue_bn: Set("বিভাগীয় কমিশনার, রংপুর এর সম্মেলন কক্ষ।".into()),
        preamble_bn: Set(PREAMBLE.into()),
        closing_bn: Set(CLOSING.into()),
        distribution_heading_bn: Set("সদয় অবগতির জন্য".into()),
        status: Set(MeetingStatus::Issued.code().into()),
        memo_number: Set(Some(format!("{}.299", DIVISION.memo_prefix))),
        issued_on: Set(Some(issued_on)),
        version: Set(1),
        created_at: Set(now),
        updated_at: Set(now),
    })
    .exec(&txn)
    .await?;

    // Appendix "ক" is not in the seed text; the attendance below is the
    // officers the minutes and the distribution list name, in signing order.
    let mut attendance: Vec<(Option<&str>, String, String, String)> = vec![];
    for key in [
        "chair",
        "adc-revenue",
        "adc-general",
        "director-lg",
        "ac-ict",
        "issuer",
    ] {
        let p = PEOPLE.iter().find(|p| p.key == key).expect("known person");
        attendance.push((
            Some(key),
            p.name_bn.into(),
            p.designation_bn.into(),
            "বিভাগীয় কমিশনারের কার্যালয়, রংপুর".into(),
        ));
    }
    for (_, bn) in &districts {
        attendance.push((
            None,
            String::new(),
            "জেলা প্রশাসক".into(),
            format!("জেলা প্রশাসকের কার্যালয়, {bn}"),
        ));
    }
    let attendee_rows: Vec<_> = attendance
        .into_iter()
        .enumerate()
        .map(
            |(i, (key, name, designation, office))| attendees::ActiveModel {
                id: Set(Uuid::new_v4()),
                meeting_id: Set(meeting_id),
                position: Set(i as i32 + 1),
                person_id: Set(key.map(|k| person_ids[k])),
                name_bn: Set(name),
                designation_bn: Set(designation),
                office_bn: Set(office),
            },
        )
        .collect();
    attendees::Entity::insert_many(attendee_rows)
        .exec(&txn)
        .await?;

    let (mut item_rows, mut decision_rows, mut implementer_rows, mut assignment_rows) =
        (vec![], vec![], vec![], vec![]);
    for (i, (subject, discussion, decided)) in agenda().into_iter().enumerate() {
        let item_id = Uuid::new_v4();
        item_rows.push(agenda_items::ActiveModel {
            id: Set(item_id),
            meeting_id: Set(meeting_id),
            position: Set(i as i32 + 1),
            subject_bn: Set(subject.into()),
            discussion_bn: Set(discussion.into()),
        });
        for (j, (text, deadline)) in decided.into_iter().enumerate() {
            let decision_id = Uuid::new_v4();
            let (kind, on, days) = deadline_columns(deadline);
            decision_rows.push(decisions::ActiveModel {
                id: Set(decision_id),
                agenda_item_id: Set(item_id),
                position: Set(j as i32 + 1),
                text_bn: Set(text.into()),
                deadline_kind: Set(kind.into()),
                deadline_on: Set(on),
                deadline_days: Set(days),
            });
            implementer_rows.push(implementers::ActiveModel {
                id: Set(Uuid::new_v4()),
                decision_id: Set(decision_id),
                position: Set(1),
                office_id: Set(division),
                member_kind: Set(Some("district".into())),
                label_bn: Set(ALL_DCS.into()),
            });
            // The minutes were issued, so each district office owes its part.
            for (office_id, _) in &districts {
                assignment_rows.push(assignments::ActiveModel {
                    id: Set(Uuid::new_v4()),
                    decision_id: Set(decision_id),
                    office_id: Set(*office_id),
                    due_on: Set(deadline.due_on(issued_on)),
                    status: Set("not_started".into()),
                    updated_at: Set(now),
                });
            }
        }
    }
    agenda_items::Entity::insert_many(item_rows)
        .exec(&txn)
        .await?;
    decisions::Entity::insert_many(decision_rows)
        .exec(&txn)
        .await?;
    implementers::Entity::insert_many(implementer_rows)
        .exec(&txn)
        .await?;
    assignments::Entity::insert_many(assignment_rows)
        .exec(&txn)
        .await?;

    let recipient_rows: Vec<_> = RECIPIENTS
        .iter()
        .enumerate()
        .map(|(i, text)| recipients::ActiveModel {
            id: Set(Uuid::new_v4()),
            meeting_id: Set(meeting_id),
            position: Set(i as i32 + 1),
            text_bn: Set((*text).into()),
        })
        .collect();
    recipients::Entity::insert_many(recipient_rows)
        .exec(&txn)
        .await?;

    audit::record(
        &txn,
        Change {
            actor: None,
            action: "meeting.import",
            entity_kind: "meeting",
            entity_id: Some(meeting_id),
            meeting_id: Some(meeting_id),
            before: None,
            after: Some(serde_json::json!({ "source": "demo data (seed 004)" })),
        },
    )
    .await?;

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

/// The password of every demo user.
pub const DEMO_PASSWORD: &str = "sidhanto-demo";

/// Hashed once per process: argon2 is slow on purpose.
static DEMO_HASH: std::sync::LazyLock<String> =
    std::sync::LazyLock::new(|| password_auth::generate_hash(DEMO_PASSWORD));
