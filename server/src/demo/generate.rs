//! `sidhanto gen-demo`: a large, realistic and repeatable data set for the
//! benchmarks (bench/run). On top of the demo data it adds the offices of all
//! eight divisions with their districts and upazilas, and quarterly
//! citizen-charter meetings held by all of them, newest quarter first and back
//! through earlier fiscal years, with agenda items, decisions, implementers,
//! assignments in every state and their progress events. The texts are the
//! seed-004 meeting's, placed in each office's district. The same arguments
//! give the same rows (ids included): a small seeded generator drives it.
//!
//! Rows are written in batches straight into the tables, not through the
//! import path: 100,000 decisions one meeting at a time would take minutes.
use crate::db::entities::{
    agenda_items, assignments, attendees, decisions, implementers, meetings, offices, people,
    progress_events, recipients,
};
use crate::store::meetings::deadline_columns;
use app::domain::dates::{today_in_dhaka, FiscalYear, Quarter};
use app::domain::minutes::{Decision, Minutes};
use app::domain::numerals::to_bangla_digits;
use app::domain::Deadline;
use chrono::{Datelike, Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveValue::Set, ColumnTrait, ConnectionTrait, DatabaseConnection, DbErr, EntityTrait,
    QueryFilter,
};
use std::collections::HashMap;
use uuid::Uuid;

/// What to generate.
#[derive(Clone, Copy, Debug)]
pub struct Sizes {
    pub meetings: usize,
    pub decisions: usize,
    pub seed: u64,
}

/// What was written.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Written {
    pub offices: usize,
    pub meetings: usize,
    pub decisions: usize,
    pub assignments: usize,
    pub events: usize,
}

/// SplitMix64: tiny, fast and the same everywhere, which is all a data
/// generator needs.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// 0..n
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn uuid(&mut self) -> Uuid {
        let mut bytes = [0u8; 16];
        bytes[..8].copy_from_slice(&self.next().to_le_bytes());
        bytes[8..].copy_from_slice(&self.next().to_le_bytes());
        uuid::Builder::from_random_bytes(bytes).into_uuid()
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// The divisions with their districts (English, Bangla). Rangpur's are the
/// demo data's and are only looked up.
const DIVISIONS: [(&str, &str, &[(&str, &str)]); 8] = [
    (
        "dhaka",
        "ঢাকা",
        &[
            ("dhaka", "ঢাকা"),
            ("faridpur", "ফরিদপুর"),
            ("gazipur", "গাজীপুর"),
            ("gopalganj", "গোপালগঞ্জ"),
            ("kishoreganj", "কিশোরগঞ্জ"),
            ("madaripur", "মাদারীপুর"),
            ("manikganj", "মানিকগঞ্জ"),
            ("munshiganj", "মুন্সীগঞ্জ"),
            ("narayanganj", "নারায়ণগঞ্জ"),
            ("narsingdi", "নরসিংদী"),
            ("rajbari", "রাজবাড়ী"),
            ("shariatpur", "শরীয়তপুর"),
            ("tangail", "টাঙ্গাইল"),
        ],
    ),
    (
        "chattogram",
        "চট্টগ্রাম",
        &[
            ("bandarban", "বান্দরবান"),
            ("brahmanbaria", "ব্রাহ্মণবাড়িয়া"),
            ("chandpur", "চাঁদপুর"),
            ("chattogram", "চট্টগ্রাম"),
            ("cumilla", "কুমিল্লা"),
            ("coxsbazar", "কক্সবাজার"),
            ("feni", "ফেনী"),
            ("khagrachhari", "খাগড়াছড়ি"),
            ("lakshmipur", "লক্ষ্মীপুর"),
            ("noakhali", "নোয়াখালী"),
            ("rangamati", "রাঙ্গামাটি"),
        ],
    ),
    (
        "rajshahi",
        "রাজশাহী",
        &[
            ("bogura", "বগুড়া"),
            ("joypurhat", "জয়পুরহাট"),
            ("naogaon", "নওগাঁ"),
            ("natore", "নাটোর"),
            ("chapainawabganj", "চাঁপাইনবাবগঞ্জ"),
            ("pabna", "পাবনা"),
            ("rajshahi", "রাজশাহী"),
            ("sirajganj", "সিরাজগঞ্জ"),
        ],
    ),
    (
        "khulna",
        "খুলনা",
        &[
            ("bagerhat", "বাগেরহাট"),
            ("chuadanga", "চুয়াডাঙ্গা"),
            ("jashore", "যশোর"),
            ("jhenaidah", "ঝিনাইদহ"),
            ("khulna", "খুলনা"),
            ("kushtia", "কুষ্টিয়া"),
            ("magura", "মাগুরা"),
            ("meherpur", "মেহেরপুর"),
            ("narail", "নড়াইল"),
            ("satkhira", "সাতক্ষীরা"),
        ],
    ),
    (
        "barishal",
        "বরিশাল",
        &[
            ("barguna", "বরগুনা"),
            ("barishal", "বরিশাল"),
            ("bhola", "ভোলা"),
            ("jhalokati", "ঝালকাঠি"),
            ("patuakhali", "পটুয়াখালী"),
            ("pirojpur", "পিরোজপুর"),
        ],
    ),
    (
        "sylhet",
        "সিলেট",
        &[
            ("habiganj", "হবিগঞ্জ"),
            ("moulvibazar", "মৌলভীবাজার"),
            ("sunamganj", "সুনামগঞ্জ"),
            ("sylhet", "সিলেট"),
        ],
    ),
    (
        "rangpur",
        "রংপুর",
        &[
            ("rangpur", "রংপুর"),
            ("dinajpur", "দিনাজপুর"),
            ("kurigram", "কুড়িগ্রাম"),
            ("gaibandha", "গাইবান্ধা"),
            ("nilphamari", "নীলফামারী"),
            ("panchagarh", "পঞ্চগড়"),
            ("thakurgaon", "ঠাকুরগাঁও"),
            ("lalmonirhat", "লালমনিরহাট"),
        ],
    ),
    (
        "mymensingh",
        "ময়মনসিংহ",
        &[
            ("jamalpur", "জামালপুর"),
            ("mymensingh", "ময়মনসিংহ"),
            ("netrokona", "নেত্রকোণা"),
            ("sherpur", "শেরপুর"),
        ],
    ),
];

/// Upazilas per district: about the country's 495 over 64 districts. Their
/// names are numbered ("দিনাজপুর উপজেলা-৩"), not the real ones.
const UPAZILAS_PER_DISTRICT: usize = 8;

const FIRST_NAMES: [&str; 12] = [
    "মোঃ আব্দুল",
    "মোছাঃ নাসরিন",
    "মোঃ রফিকুল",
    "শাহনাজ",
    "মোঃ কামরুল",
    "ফারহানা",
    "মোঃ জাহিদুল",
    "সুমাইয়া",
    "মোঃ মাহবুবুর",
    "তানজিলা",
    "মোঃ শফিকুল",
    "রেহানা",
];
const LAST_NAMES: [&str; 10] = [
    "ইসলাম",
    "রহমান",
    "হক",
    "আক্তার",
    "হাসান",
    "আলম",
    "খাতুন",
    "হোসেন",
    "পারভীন",
    "করিম",
];

/// One office that holds meetings, with what its texts need.
struct Holder {
    id: Uuid,
    code: String,
    /// "রংপুর", the place its texts name.
    place: String,
    office_bn: String,
    prefix: String,
    chair: (Uuid, String, &'static str),
    secretary: (Uuid, String, &'static str),
    /// Offices directly below (districts of a division, upazilas of a
    /// district), with the place each names.
    below: Vec<(Uuid, String)>,
    below_kind: &'static str,
    serial: i32,
}

/// Fills the database; fails without writing when it was filled before.
pub async fn generate(db: &DatabaseConnection, sizes: Sizes) -> Result<Written, DbErr> {
    crate::demo::load(db).await?;
    if offices::Entity::find()
        .filter(offices::Column::Code.eq("dhaka-division"))
        .one(db)
        .await?
        .is_some()
    {
        return Err(DbErr::Custom(
            "this database already has generated data: use a fresh one".into(),
        ));
    }
    let mut rng = Rng(sizes.seed);
    let mut written = Written::default();
    let seed = crate::store::minutes::parse(crate::demo::SEED_004.as_bytes())
        .map_err(|e| DbErr::Custom(format!("seed 004: {e:?}")))?;

    let txn = crate::store::begin_write(db).await?;
    let mut holders = offices_and_people(&txn, &mut rng, &mut written).await?;
    txn.commit().await?;

    // Meetings: every office once a quarter, newest quarter first.
    let today = today_in_dhaka();
    let mut quarter_start = quarter_start(today);
    let mut planned: Vec<(usize, NaiveDate)> = vec![];
    while planned.len() < sizes.meetings {
        let mut order: Vec<usize> = (0..holders.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.below(i + 1));
        }
        let last_day = (quarter_start + Duration::days(91)).min(today);
        let span = (last_day - quarter_start).num_days().max(1) as usize;
        for h in order {
            if planned.len() == sizes.meetings {
                break;
            }
            let held = quarter_start + Duration::days(rng.below(span) as i64);
            planned.push((h, held));
        }
        quarter_start = self::quarter_start(quarter_start - Duration::days(1));
    }
    // Oldest first, so memo serials rise with time.
    planned.reverse();

    for (n, batch) in planned.chunks(200).enumerate() {
        let first = n * 200;
        let mut rows = Batch::default();
        for (k, (h, held)) in batch.iter().enumerate() {
            let index = first + k;
            let decisions = sizes.decisions / sizes.meetings
                + usize::from(index < sizes.decisions % sizes.meetings);
            meeting(
                &mut rng,
                &mut rows,
                &mut holders[*h],
                *held,
                decisions,
                today,
                &seed,
            );
        }
        written.meetings += rows.meetings.len();
        written.decisions += rows.decisions.len();
        written.assignments += rows.assignments.len();
        written.events += rows.events.len();
        let txn = crate::store::begin_write(db).await?;
        rows.insert(&txn).await?;
        txn.commit().await?;
    }

    let txn = crate::store::begin_write(db).await?;
    for h in &holders {
        offices::Entity::update_many()
            .col_expr(offices::Column::NextSerial, Expr::value(h.serial))
            .col_expr(offices::Column::MemoPrefix, Expr::value(h.prefix.clone()))
            .filter(offices::Column::Id.eq(h.id))
            .exec(&txn)
            .await?;
    }
    crate::store::search::rebuild(&txn).await?;
    txn.commit().await?;
    // Fresh statistics, as the database would have them after a while in
    // use (PostgreSQL's autovacuum, SQLite's `PRAGMA optimize`): the
    // planners choose their indexes by them.
    db.execute_unprepared("ANALYZE").await?;
    Ok(written)
}

/// The first day of the fiscal quarter `d` is in.
fn quarter_start(d: NaiveDate) -> NaiveDate {
    let month = ((d.month0() / 3) * 3) + 1;
    NaiveDate::from_ymd_opt(d.year(), month, 1).unwrap_or(d)
}

/// Adds the offices (and two officers each) that the demo data lacks, and
/// returns every office that holds meetings.
async fn offices_and_people<C: ConnectionTrait>(
    db: &C,
    rng: &mut Rng,
    written: &mut Written,
) -> Result<Vec<Holder>, DbErr> {
    let existing: HashMap<String, offices::Model> = offices::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.code.clone(), o))
        .collect();
    let demo_people = people::Entity::find().all(db).await?;
    let (mut new_offices, mut new_people, mut holders) = (vec![], vec![], vec![]);
    let mut person = |rng: &mut Rng, office: Uuid, designation: &'static str| {
        let id = rng.uuid();
        let name = format!("{} {}", rng.pick(&FIRST_NAMES), rng.pick(&LAST_NAMES));
        new_people.push(people::ActiveModel {
            id: Set(id),
            office_id: Set(office),
            name_bn: Set(name.clone()),
            name_en: Set(String::new()),
            designation_bn: Set(designation.into()),
            designation_en: Set(String::new()),
            phone: Set(String::new()),
            email: Set(String::new()),
            signature_png: Set(None),
        });
        (id, name, designation)
    };
    let mut office = |rng: &mut Rng,
                      code: String,
                      parent: Option<Uuid>,
                      kind: &'static str,
                      name: &str,
                      place: &str,
                      prefix: String| {
        if let Some(o) = existing.get(&code) {
            // The demo's district offices have no nothi number yet.
            let prefix = if o.memo_prefix.is_empty() {
                prefix
            } else {
                o.memo_prefix.clone()
            };
            return (o.id, prefix, false);
        }
        let id = rng.uuid();
        new_offices.push(offices::ActiveModel {
            id: Set(id),
            parent_id: Set(parent),
            kind: Set(kind.into()),
            name_bn: Set(name.into()),
            name_en: Set(String::new()),
            place_bn: Set(format!("{place}।")),
            place_en: Set(String::new()),
            branch_bn: Set("সাধারণ শাখা".into()),
            website: Set(format!("www.{code}.gov.bd")),
            memo_prefix: Set(prefix.clone()),
            code: Set(code),
            memo_font: Set(String::new()),
            next_serial: Set(1),
            public_key: Set(String::new()),
            email: Set(String::new()),
        });
        (id, prefix, true)
    };
    for (d, (div_key, div_bn, districts)) in DIVISIONS.iter().enumerate() {
        let (div_id, div_prefix, _) = office(
            rng,
            format!("{div_key}-division"),
            None,
            "division",
            "বিভাগীয় কমিশনারের কার্যালয়",
            &format!("{div_bn} বিভাগ, {div_bn}"),
            format!("05.{:02}.0000.005.12.002.17", 40 + d),
        );
        let mut district_ids = vec![];
        for (j, (key, bn)) in districts.iter().enumerate() {
            let (dc_id, dc_prefix, _) = office(
                rng,
                format!("dc-{key}"),
                Some(div_id),
                "district",
                "জেলা প্রশাসকের কার্যালয়",
                bn,
                format!("05.{:02}.{:04}.000.12.001.17", 40 + d, 1000 + j),
            );
            district_ids.push((dc_id, bn.to_string()));
            let mut upazila_ids = vec![];
            for u in 1..=UPAZILAS_PER_DISTRICT {
                let place = format!("{bn} উপজেলা-{}", to_bangla_digits(&u.to_string()));
                let (id, prefix, _) = office(
                    rng,
                    format!("uno-{key}-{u}"),
                    Some(dc_id),
                    "upazila",
                    "উপজেলা নির্বাহী অফিসারের কার্যালয়",
                    &place,
                    format!("05.{:02}.{:04}.{:03}.12.001.17", 40 + d, 1000 + j, u),
                );
                upazila_ids.push((id, place.clone()));
                holders.push(Holder {
                    id,
                    code: format!("uno-{key}-{u}"),
                    place: place.clone(),
                    office_bn: format!("উপজেলা নির্বাহী অফিসারের কার্যালয়, {place}"),
                    prefix,
                    chair: person(rng, id, "উপজেলা নির্বাহী অফিসার"),
                    secretary: person(rng, id, "সহকারী কমিশনার (ভূমি)"),
                    below: vec![],
                    below_kind: "",
                    serial: 1,
                });
            }
            holders.push(Holder {
                id: dc_id,
                code: format!("dc-{key}"),
                place: bn.to_string(),
                office_bn: format!("জেলা প্রশাসকের কার্যালয়, {bn}"),
                prefix: dc_prefix,
                chair: person(rng, dc_id, "জেলা প্রশাসক"),
                secretary: person(rng, dc_id, "সিনিয়র সহকারী কমিশনার"),
                below: upazila_ids,
                below_kind: "upazila",
                serial: 1,
            });
        }
        // Rangpur's divisional office keeps the demo's chair and secretary,
        // so the demo users see their own meetings grow.
        let demo = |designation: &str| {
            demo_people
                .iter()
                .find(|p| p.office_id == div_id && p.designation_bn == designation)
                .map(|p| (p.id, p.name_bn.clone()))
        };
        let chair = match demo("বিভাগীয় কমিশনার") {
            Some((id, name)) => (id, name, "বিভাগীয় কমিশনার"),
            None => person(rng, div_id, "বিভাগীয় কমিশনার"),
        };
        let secretary = match demo("সিনিয়র সহকারী কমিশনার")
        {
            Some((id, name)) => (id, name, "সিনিয়র সহকারী কমিশনার"),
            None => person(rng, div_id, "সিনিয়র সহকারী কমিশনার"),
        };
        let serial = existing
            .get(&format!("{div_key}-division"))
            .map_or(1, |o| o.next_serial);
        holders.push(Holder {
            id: div_id,
            code: format!("{div_key}-division"),
            place: div_bn.to_string(),
            office_bn: format!("বিভাগীয় কমিশনারের কার্যালয়, {div_bn}"),
            prefix: div_prefix,
            chair,
            secretary,
            below: district_ids,
            below_kind: "district",
            serial,
        });
    }
    written.offices = new_offices.len();
    // Parents before children: the order they were made in.
    for chunk in new_offices.chunks(500) {
        offices::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    for chunk in new_people.chunks(500) {
        people::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db)
            .await?;
    }
    Ok(holders)
}

#[derive(Default)]
struct Batch {
    meetings: Vec<meetings::ActiveModel>,
    attendees: Vec<attendees::ActiveModel>,
    items: Vec<agenda_items::ActiveModel>,
    decisions: Vec<decisions::ActiveModel>,
    implementers: Vec<implementers::ActiveModel>,
    recipients: Vec<recipients::ActiveModel>,
    assignments: Vec<assignments::ActiveModel>,
    events: Vec<progress_events::ActiveModel>,
}

impl Batch {
    async fn insert<C: ConnectionTrait>(self, db: &C) -> Result<(), DbErr> {
        // SQLite allows at most 32,766 bound values per statement.
        macro_rules! insert_all {
            ($entity:ty, $rows:expr) => {
                for chunk in $rows.chunks(500) {
                    <$entity>::insert_many(chunk.to_vec())
                        .exec_without_returning(db)
                        .await?;
                }
            };
        }
        insert_all!(meetings::Entity, self.meetings);
        insert_all!(attendees::Entity, self.attendees);
        insert_all!(agenda_items::Entity, self.items);
        insert_all!(decisions::Entity, self.decisions);
        insert_all!(implementers::Entity, self.implementers);
        insert_all!(recipients::Entity, self.recipients);
        insert_all!(assignments::Entity, self.assignments);
        insert_all!(progress_events::Entity, self.events);
        Ok(())
    }
}

/// One meeting of `h` held on `held` with `count` decisions, and (once
/// issued) its assignments and their progress so far.
fn meeting(
    rng: &mut Rng,
    rows: &mut Batch,
    h: &mut Holder,
    held: NaiveDate,
    count: usize,
    today: NaiveDate,
    seed: &Minutes,
) {
    let id = rng.uuid();
    let fy = FiscalYear::of(held);
    let quarter = Quarter::of(held);
    // The newest meetings are still being drafted or approved.
    let age = (today - held).num_days();
    let status = match (age, rng.below(10)) {
        (0..=20, 0..=2) => "draft",
        (0..=20, 3..=4) => "submitted",
        _ => "issued",
    };
    let issued_on =
        (status == "issued").then(|| (held + Duration::days(3 + rng.below(10) as i64)).min(today));
    let memo_number = issued_on.map(|_| {
        h.serial += 1;
        format!("{}.{}", h.prefix, h.serial - 1)
    });
    let here = |text: &str| text.replace("রংপুর", &h.place);
    let at = Utc.from_utc_datetime(&held.and_hms_opt(6, 0, 0).unwrap_or_default());
    rows.meetings.push(meetings::ActiveModel {
        id: Set(id),
        office_id: Set(h.id),
        kind: Set("citizen_charter_quarterly".into()),
        series: Set(format!("{}-citizen-charter", h.code)),
        fiscal_year: Set(fy.0),
        quarter: Set(quarter.number() as i16),
        title_bn: Set(format!(
            "সেবা প্রদান প্রতিশ্রুতি (সিটিজেন চার্টার) বাস্তবায়ন সংক্রান্ত {} অর্থবছরের {} সভার কার্যবিবরণী",
            fy.label_bn(),
            quarter.label_bn()
        )),
        chair_id: Set(h.chair.0),
        secretary_id: Set(Some(h.secretary.0)),
        issuer_id: Set(issued_on.map(|_| h.secretary.0)),
        held_on: Set(held),
        starts_at: Set(NaiveTime::from_hms_opt(10 + rng.below(3) as u32, 30, 0).unwrap_or_default()),
        venue_bn: Set(format!("{} এর সম্মেলন কক্ষ।", h.office_bn)),
        preamble_bn: Set(here(&seed.preamble)),
        closing_bn: Set(seed.closing.clone()),
        distribution_heading_bn: Set(seed.distribution.heading.clone()),
        status: Set(status.into()),
        memo_number: Set(memo_number),
        issued_on: Set(issued_on),
        version: Set(1),
        created_at: Set(at),
        updated_at: Set(at),
        language: Set("bn".into()),
        corrects_id: sea_orm::ActiveValue::NotSet,
    });
    let mut attending = vec![
        (h.chair.1.clone(), h.chair.2.to_string()),
        (h.secretary.1.clone(), h.secretary.2.to_string()),
    ];
    for _ in 0..6 + rng.below(6) {
        let name = format!("{} {}", rng.pick(&FIRST_NAMES), rng.pick(&LAST_NAMES));
        attending.push((name, rng.pick(&seed.attendees).designation.clone()));
    }
    for (i, (name, designation)) in attending.into_iter().enumerate() {
        rows.attendees.push(attendees::ActiveModel {
            id: Set(rng.uuid()),
            meeting_id: Set(id),
            position: Set(i as i32 + 1),
            person_id: Set(None),
            name_bn: Set(name),
            designation_bn: Set(designation),
            office_bn: Set(h.office_bn.clone()),
        });
    }
    for (i, text) in seed.distribution.recipients.iter().enumerate() {
        rows.recipients.push(recipients::ActiveModel {
            id: Set(rng.uuid()),
            meeting_id: Set(id),
            position: Set(i as i32 + 1),
            text_bn: Set(here(text)),
        });
    }

    // Agenda items of one to three decisions each, texts from seed 004.
    let pool: Vec<&Decision> = seed.agenda.iter().flat_map(|i| &i.decisions).collect();
    let (mut left, mut position) = (count, 0);
    while left > 0 {
        position += 1;
        let item_id = rng.uuid();
        let source = rng.pick(&seed.agenda);
        rows.items.push(agenda_items::ActiveModel {
            id: Set(item_id),
            meeting_id: Set(id),
            position: Set(position),
            subject_bn: Set(here(&source.subject)),
            discussion_bn: Set(here(&source.discussion)),
        });
        let here_count = (1 + rng.below(3)).min(left);
        left -= here_count;
        for j in 0..here_count {
            let decision_id = rng.uuid();
            let deadline = match rng.below(4) {
                0 => Deadline::On(held + Duration::days(30 * (1 + rng.below(3) as i64))),
                1 => Deadline::DaysAfterIssue(10 * (1 + rng.below(3) as u16)),
                2 => Deadline::Quarterly,
                _ => Deadline::WorkingDaysAfterIssue(15),
            };
            let (kind, on, days) = deadline_columns(deadline);
            rows.decisions.push(decisions::ActiveModel {
                id: Set(decision_id),
                agenda_item_id: Set(item_id),
                position: Set(j as i32 + 1),
                text_bn: Set(here(&rng.pick(&pool).text)),
                deadline_kind: Set(kind.into()),
                deadline_on: Set(on),
                deadline_days: Set(days),
            });
            // Who implements: all the offices below, one of them, or the
            // holding office itself.
            let (office, members, label, owing) = match (h.below.is_empty(), rng.below(10)) {
                (false, 0..=3) => (
                    h.id,
                    Some(h.below_kind.to_string()),
                    format!("{} (সকল), {}", below_label(h.below_kind), h.place),
                    h.below.iter().map(|(id, _)| *id).collect(),
                ),
                (false, 4..=7) => {
                    // One of them, named by its own place.
                    let (one, place) = rng.pick(&h.below).clone();
                    (
                        one,
                        None,
                        format!("{}, {place}", below_label(h.below_kind)),
                        vec![one],
                    )
                }
                _ => (h.id, None, h.office_bn.clone(), vec![h.id]),
            };
            rows.implementers.push(implementers::ActiveModel {
                id: Set(rng.uuid()),
                decision_id: Set(decision_id),
                position: Set(1),
                office_id: Set(office),
                member_kind: Set(members),
                label_bn: Set(label),
            });
            let Some(issued_on) = issued_on else { continue };
            let due = deadline.due_on_with(issued_on, &|_| false);
            for office in owing {
                assignment(rng, rows, decision_id, office, issued_on, due, today);
            }
        }
    }
}

fn below_label(kind: &str) -> &'static str {
    match kind {
        "district" => "জেলা প্রশাসক",
        _ => "উপজেলা নির্বাহী অফিসার",
    }
}

/// An office's part of a decision: older work is mostly finished, newer work
/// mostly open; each step it took is a progress event.
fn assignment(
    rng: &mut Rng,
    rows: &mut Batch,
    decision: Uuid,
    office: Uuid,
    issued_on: NaiveDate,
    due: Option<NaiveDate>,
    today: NaiveDate,
) {
    let id = rng.uuid();
    let age = (today - issued_on).num_days();
    let roll = rng.below(100);
    let steps: &[&str] = match (age > 120, roll) {
        (true, 0..=64) => &["in_progress", "done", "verified"],
        (true, 65..=79) => &["in_progress", "done"],
        (true, 80..=89) => &["in_progress"],
        (true, _) => &[],
        (false, 0..=9) => &["in_progress", "done", "verified"],
        (false, 10..=29) => &["in_progress", "done"],
        (false, 30..=59) => &["in_progress"],
        (false, _) => &[],
    };
    let span = (today - issued_on).num_days().max(1) as usize;
    let mut day = issued_on;
    for step in steps {
        day = (day + Duration::days(1 + rng.below(span.min(60)) as i64)).min(today);
        rows.events.push(progress_events::ActiveModel {
            id: Set(rng.uuid()),
            assignment_id: Set(id),
            status: Set((*step).into()),
            note: Set(match *step {
                "in_progress" => "কার্যক্রম চলমান।".into(),
                "done" => "বাস্তবায়ন সম্পন্ন হয়েছে।".into(),
                _ => String::new(),
            }),
            actor_person_id: Set(None),
            created_at: Set(Utc.from_utc_datetime(&day.and_hms_opt(5, 0, 0).unwrap_or_default())),
            actor_user_id: Set(None),
        });
    }
    let status = steps.last().copied().unwrap_or("not_started");
    let done_on = steps
        .iter()
        .position(|s| *s == "done")
        .map(|_| day.min(due.unwrap_or(day) + Duration::days(rng.below(20) as i64 - 5)));
    rows.assignments.push(assignments::ActiveModel {
        id: Set(id),
        decision_id: Set(decision),
        office_id: Set(office),
        due_on: Set(due),
        status: Set(status.into()),
        updated_at: Set(Utc.from_utc_datetime(&day.and_hms_opt(5, 0, 0).unwrap_or_default())),
        done_on: Set(done_on),
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generator_repeats_itself() {
        let (mut a, mut b) = (Rng(7), Rng(7));
        let xs: Vec<u64> = (0..5).map(|_| a.next()).collect();
        let ys: Vec<u64> = (0..5).map(|_| b.next()).collect();
        assert_eq!(xs, ys);
        assert_ne!(Rng(8).next(), xs[0]);
        assert_eq!(a.uuid().get_version_num(), 4);
    }

    #[test]
    fn quarters_start_on_the_first_of_july_october_january_april() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(quarter_start(d(2026, 11, 23)), d(2026, 10, 1));
        assert_eq!(quarter_start(d(2026, 9, 30)), d(2026, 7, 1));
        assert_eq!(quarter_start(d(2027, 1, 1)), d(2027, 1, 1));
        assert_eq!(quarter_start(d(2027, 6, 30)), d(2027, 4, 1));
    }

    #[test]
    fn there_are_sixty_four_districts() {
        let n: usize = DIVISIONS.iter().map(|(_, _, d)| d.len()).sum();
        assert_eq!(n, 64);
    }
}
