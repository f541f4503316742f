//! The daily reminder job: in-app notifications for due-soon and overdue
//! assignments and, when SMTP is configured, one digest e-mail per office.
//! Each day is claimed by inserting it into `reminder_runs`: with several
//! app instances on one database only the instance whose insert succeeds
//! runs it, so every office gets one e-mail a day. The offices are
//! reminded a group at a time, each group's notifications in one
//! transaction: a database error stops the run with the groups before it
//! done and the day claimed (as before, when the claim also stood and
//! nothing was written).
use super::db_error;
use crate::db::entities::{assignments, notifications, offices, reminder_runs};
use app::domain::tracking::{digest, Urgency};
use app::error::AppError;
use chrono::{NaiveDate, Utc};
use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::SinglePart;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::{
    ActiveValue::Set, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QuerySelect,
};
use std::collections::HashMap;
use uuid::Uuid;

/// Where digests are sent from and through.
#[derive(Clone)]
pub struct Mailer {
    pub transport: AsyncSmtpTransport<Tokio1Executor>,
    pub from: String,
    /// The site's address, for the links in the digest.
    pub site: String,
}

impl Mailer {
    /// `smtp://host[:port]`: a relay on the office network, without TLS
    /// (this build has no TLS; a relay that needs it is reached through one).
    pub fn new(url: &str, from: &str, site: &str) -> Option<Mailer> {
        let rest = url.strip_prefix("smtp://")?;
        let (host, port) = match rest.trim_end_matches('/').rsplit_once(':') {
            Some((h, p)) => (h, p.parse().ok()?),
            None => (rest.trim_end_matches('/'), 25),
        };
        Some(Mailer {
            transport: AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
                .port(port)
                .build(),
            from: from.to_string(),
            site: site.to_string(),
        })
    }
}

/// What one run did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Run {
    pub notifications: usize,
    pub emails: usize,
}

/// Runs the job for `today` unless another run (here or on another
/// instance) has claimed the day: then None.
pub async fn run(
    db: &DatabaseConnection,
    today: NaiveDate,
    window: u32,
    mailer: Option<&Mailer>,
) -> Result<Option<Run>, AppError> {
    run_in_groups(db, today, window, mailer, OFFICES_AT_A_TIME).await
}

/// `run`, reminding `offices_at_a_time` offices together.
pub async fn run_in_groups(
    db: &DatabaseConnection,
    today: NaiveDate,
    window: u32,
    mailer: Option<&Mailer>,
    offices_at_a_time: usize,
) -> Result<Option<Run>, AppError> {
    let claimed = reminder_runs::Entity::insert(reminder_runs::ActiveModel {
        day: Set(today),
        ran_at: Set(Utc::now()),
    })
    .exec_without_returning(db)
    .await;
    if claimed.is_err() {
        // The day's row exists (a unique violation): someone ran it.
        return Ok(None);
    }
    let due_by = today + chrono::Days::new(window as u64);
    let offices: Vec<Uuid> = open_by(due_by)
        .select_only()
        .column(assignments::Column::OfficeId)
        .distinct()
        .into_tuple()
        .all(db)
        .await
        .map_err(db_error)?;
    let mut report = Run::default();
    // A few offices at a time: at 100k decisions the day's 30,312 reminders
    // with their decisions' text, read at once, took the process to 173 MB,
    // of which it kept 146; an office has tens.
    for group in offices.chunks(offices_at_a_time.max(1)) {
        remind(db, group, due_by, today, window, mailer, &mut report).await?;
    }
    Ok(Some(report))
}

/// Offices whose reminders are made (and digests sent) together.
const OFFICES_AT_A_TIME: usize = 32;

/// Assignments not yet done and due by `due_by`.
fn open_by(due_by: NaiveDate) -> sea_orm::Select<assignments::Entity> {
    assignments::Entity::find()
        .filter(assignments::Column::Status.is_not_in([
            app::domain::tracking::Progress::Done.code(),
            app::domain::tracking::Progress::Verified.code(),
        ]))
        .filter(assignments::Column::DueOn.lte(due_by))
}

/// One group of offices' notifications (one transaction) and digests.
async fn remind(
    db: &DatabaseConnection,
    offices: &[Uuid],
    due_by: NaiveDate,
    today: NaiveDate,
    window: u32,
    mailer: Option<&Mailer>,
    report: &mut Run,
) -> Result<(), AppError> {
    let open = open_by(due_by)
        .filter(assignments::Column::OfficeId.is_in(offices.iter().copied()))
        .all(db)
        .await
        .map_err(db_error)?;
    let offices_of: HashMap<Uuid, Uuid> = open.iter().map(|a| (a.id, a.office_id)).collect();
    let rows: Vec<_> = super::tracking::rows(db, open, window)
        .await?
        .into_iter()
        .filter(|r| matches!(r.urgency, Urgency::Overdue | Urgency::DueSoon))
        .collect();
    let mut by_office: HashMap<Uuid, Vec<_>> = HashMap::new();
    let mut made = vec![];
    for r in rows {
        let office = offices_of[&r.id];
        made.push(notifications::ActiveModel {
            id: Set(Uuid::new_v4()),
            office_id: Set(office),
            assignment_id: Set(r.id),
            // Only overdue and due-soon work is reminded of.
            kind: Set(match r.urgency {
                Urgency::Overdue => Urgency::Overdue,
                _ => Urgency::DueSoon,
            }
            .code()
            .into()),
            day: Set(today),
        });
        by_office.entry(office).or_default().push(r);
    }
    report.notifications += made.len();
    // One transaction, in batches: hundreds of inserts, one commit (and
    // one move of the change counter, so the pages kept start over once).
    let txn = crate::store::begin_write(db).await.map_err(db_error)?;
    for batch in made.chunks(500) {
        notifications::Entity::insert_many(batch.to_vec())
            .exec_without_returning(&txn)
            .await
            .map_err(db_error)?;
    }
    txn.commit().await.map_err(db_error)?;
    let Some(mailer) = mailer else {
        return Ok(());
    };
    let Ok(from) = mailer.from.parse::<lettre::message::Mailbox>() else {
        // The in-app reminders of every group are still made.
        tracing::error!(
            from = mailer.from,
            "SIDHANTO_MAIL_FROM is not an e-mail address; no digests"
        );
        return Ok(());
    };
    let mailboxes: HashMap<Uuid, (String, String)> = offices::Entity::find()
        .filter(offices::Column::Id.is_in(by_office.keys().copied()))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .map(|o| {
            (
                o.id,
                (o.email, o.name_bn + ", " + o.place_bn.trim_end_matches('।')),
            )
        })
        .collect();
    for (office, rows) in by_office {
        let Some((to, name)) = mailboxes.get(&office).filter(|(to, _)| !to.is_empty()) else {
            continue;
        };
        // Offices read their mail in Bangla.
        let (subject, body) = digest(name, &rows, &mailer.site, app::i18n::Lang::Bn);
        let message = Message::builder()
            .from(from.clone())
            .to(match to.parse() {
                Ok(to) => to,
                Err(_) => {
                    tracing::warn!(office = %office, to, "not an e-mail address; no digest");
                    continue;
                }
            })
            .subject(subject)
            // Base64: Bangla lines are longer than 8bit mail allows.
            .singlepart(
                SinglePart::builder()
                    .header(ContentType::TEXT_PLAIN)
                    .header(ContentTransferEncoding::Base64)
                    .body(body),
            )
            .map_err(|_| AppError::Internal)?;
        // One office's failure does not stop the others' digests.
        match mailer.transport.send(message).await {
            Ok(_) => report.emails += 1,
            Err(e) => tracing::error!(error = %e, to, "sending a reminder digest"),
        }
    }
    Ok(())
}

/// Today's notifications for these offices: (assignment, how pressing).
pub async fn today_for(
    db: &DatabaseConnection,
    offices: Vec<Uuid>,
    today: NaiveDate,
) -> Result<Vec<(Uuid, Urgency)>, AppError> {
    // Most people implement for no office (/my asks for everyone's): no
    // query to learn that nothing is owed.
    if offices.is_empty() {
        return Ok(vec![]);
    }
    Ok(notifications::Entity::find()
        .filter(notifications::Column::OfficeId.is_in(offices))
        .filter(notifications::Column::Day.eq(today))
        .all(db)
        .await
        .map_err(db_error)?
        .into_iter()
        .filter_map(|n| Some((n.assignment_id, Urgency::from_code(&n.kind)?)))
        .collect())
}
