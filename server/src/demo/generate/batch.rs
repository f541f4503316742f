//! The meetings, in batches of rows: agenda, decisions, implementers,
//! recipients, and the assignments with their progress.
use super::data::{FIRST_NAMES, LAST_NAMES};
use super::holders::Holder;
use super::Rng;
use crate::db::entities::{
    agenda_items, assignments, attendees, decisions, implementers, meetings, progress_events,
    recipients,
};
use crate::store::meetings::deadline_columns;
use app::domain::dates::{FiscalYear, Quarter};
use app::domain::minutes::{Decision, Minutes};
use app::domain::Deadline;
use chrono::{Duration, NaiveDate, NaiveTime, TimeZone, Utc};
use sea_orm::{ActiveValue::Set, ConnectionTrait, DbErr, EntityTrait};
use uuid::Uuid;

#[derive(Default)]
pub(super) struct Batch {
    pub(super) meetings: Vec<meetings::ActiveModel>,
    pub(super) attendees: Vec<attendees::ActiveModel>,
    pub(super) items: Vec<agenda_items::ActiveModel>,
    pub(super) decisions: Vec<decisions::ActiveModel>,
    pub(super) implementers: Vec<implementers::ActiveModel>,
    pub(super) recipients: Vec<recipients::ActiveModel>,
    pub(super) assignments: Vec<assignments::ActiveModel>,
    pub(super) events: Vec<progress_events::ActiveModel>,
}

impl Batch {
    pub(super) async fn insert<C: ConnectionTrait>(self, db: &C) -> Result<(), DbErr> {
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
pub(super) fn meeting(
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
                let owed = Owed {
                    decision: decision_id,
                    meeting: id,
                    meeting_office: h.id,
                    fiscal_year: fy.0,
                };
                assignment(rng, rows, &owed, office, issued_on, due, today);
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

/// The decision an assignment is of, with its meeting's facts.
struct Owed {
    decision: Uuid,
    meeting: Uuid,
    meeting_office: Uuid,
    fiscal_year: i32,
}

/// An office's part of a decision: older work is mostly finished, newer work
/// mostly open; each step it took is a progress event.
fn assignment(
    rng: &mut Rng,
    rows: &mut Batch,
    owed: &Owed,
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
        decision_id: Set(owed.decision),
        office_id: Set(office),
        due_on: Set(due),
        status: Set(status.into()),
        updated_at: Set(Utc.from_utc_datetime(&day.and_hms_opt(5, 0, 0).unwrap_or_default())),
        done_on: Set(done_on),
        meeting_id: Set(owed.meeting),
        meeting_office_id: Set(owed.meeting_office),
        fiscal_year: Set(owed.fiscal_year),
    });
}
