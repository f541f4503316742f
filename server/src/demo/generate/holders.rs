//! The offices of all eight divisions, with two officers each.
use super::data::{DIVISIONS, FIRST_NAMES, LAST_NAMES, UPAZILAS_PER_DISTRICT};
use super::{Rng, Written};
use crate::db::entities::{offices, people};
use app::domain::numerals::to_bangla_digits;
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use std::collections::HashMap;
use uuid::Uuid;

/// One office that holds meetings, with what its texts need.
pub(super) struct Holder {
    pub(super) id: Uuid,
    pub(super) code: String,
    /// "রংপুর", the place its texts name.
    pub(super) place: String,
    pub(super) office_bn: String,
    pub(super) prefix: String,
    pub(super) chair: (Uuid, String, &'static str),
    pub(super) secretary: (Uuid, String, &'static str),
    /// Offices directly below (districts of a division, upazilas of a
    /// district), with the place each names.
    pub(super) below: Vec<(Uuid, String)>,
    pub(super) below_kind: &'static str,
    pub(super) serial: i32,
}

/// Adds the offices (and two officers each) that the demo data lacks, and
/// returns every office that holds meetings.
pub(super) async fn offices_and_people<C: ConnectionTrait>(
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
