use crate::domain::tracking::{AssignmentRow, AssignmentView, CarriedDecision, Dashboard};
use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

/// "My office's decisions": what the offices this user implements for owe.
#[server(prefix = "/api", endpoint = "assignments/mine")]
pub async fn my_assignments() -> Result<Vec<AssignmentRow>, AppError> {
    use crate::domain::auth::Permission;
    let (user, services) = super::require(Permission::SignedIn)?;
    let offices = implementer_offices(user.as_ref());
    services
        .tracking
        .owed_by(offices)
        .await
        .map_err(crate::error::respond)
}

/// Reports waiting for this user's verification: on meetings of the offices
/// where they are secretary, and on meetings they chair.
#[server(prefix = "/api", endpoint = "assignments/to_verify")]
pub async fn to_verify() -> Result<Vec<AssignmentRow>, AppError> {
    use crate::domain::auth::Permission;
    let (user, services) = super::require(Permission::SignedIn)?;
    let (secretary_of, chair, chair_of) = verifier(user.as_ref());
    if secretary_of.is_empty() && chair_of.is_empty() {
        return Ok(vec![]);
    }
    services
        .tracking
        .to_verify(secretary_of, chair, chair_of)
        .await
        .map_err(crate::error::respond)
}

/// Minutes waiting for this user's approval as their chair, oldest first.
#[server(prefix = "/api", endpoint = "meetings/to_approve")]
pub async fn to_approve() -> Result<Vec<crate::domain::MeetingSummary>, AppError> {
    use crate::domain::auth::Permission;
    let (user, services) = super::require(Permission::SignedIn)?;
    let (_, chair, chair_of) = verifier(user.as_ref());
    match chair {
        Some(person) if !chair_of.is_empty() => services
            .meetings
            .to_approve(person, chair_of)
            .await
            .map_err(crate::error::respond),
        _ => Ok(vec![]),
    }
}

/// How many things wait for this user: reports to verify and minutes to
/// approve. The header's count beside "my work" (nothing asked for users
/// who verify and approve nothing).
#[server(prefix = "/api", endpoint = "my/waiting")]
pub async fn count_waiting() -> Result<u32, AppError> {
    use crate::domain::auth::Permission;
    // Asked by the header of every signed-in page (and open to anyone: no
    // one signed in waits for nothing, and a page's status stays its own).
    let (user, services) = super::require(Permission::Public)?;
    let (secretary_of, chair, chair_of) = verifier(user.as_ref());
    if secretary_of.is_empty() && chair_of.is_empty() {
        return Ok(0);
    }
    let reports = services
        .tracking
        .count_to_verify(secretary_of, chair, chair_of.clone())
        .await
        .map_err(crate::error::respond)?;
    let minutes = match chair {
        Some(person) if !chair_of.is_empty() => services
            .meetings
            .count_to_approve(person, chair_of)
            .await
            .map_err(crate::error::respond)?,
        _ => 0,
    };
    Ok(reports + minutes)
}

/// Where this user verifies: the offices they are secretary of, and the
/// person they are with the offices they chair at.
#[cfg(feature = "ssr")]
fn verifier(
    user: Option<&crate::domain::auth::CurrentUser>,
) -> (Vec<Uuid>, Option<Uuid>, Vec<Uuid>) {
    use crate::domain::auth::Role;
    let offices = |role: Role| -> Vec<Uuid> {
        user.iter()
            .flat_map(|u| u.reach.iter())
            .filter(|(r, _)| *r == role)
            .map(|(_, o)| *o)
            .collect()
    };
    (
        offices(Role::Secretary),
        user.and_then(|u| u.person_id),
        offices(Role::Chair),
    )
}

/// Today's in-app reminders for the offices this user implements for.
#[server(prefix = "/api", endpoint = "assignments/reminders")]
pub async fn my_reminders() -> Result<Vec<(Uuid, crate::domain::tracking::Urgency)>, AppError> {
    use crate::domain::auth::Permission;
    let (user, services) = super::require(Permission::SignedIn)?;
    let offices = implementer_offices(user.as_ref());
    services
        .tracking
        .reminders(offices)
        .await
        .map_err(crate::error::respond)
}

/// One assignment with its history and what this user may do with it.
#[server(prefix = "/api", endpoint = "assignments/get")]
pub async fn assignment(id: Uuid) -> Result<AssignmentView, AppError> {
    use crate::domain::auth::{authorize, Permission};
    let (user, services) = super::require(Permission::SignedIn)?;
    let facts = services
        .tracking
        .assignment(id)
        .await
        .map_err(crate::error::respond)?;
    let may = |p: Permission| authorize(user.as_ref(), &p).is_ok();
    let read = Permission::ReadAssignment {
        owing: facts.office,
        meeting_office: facts.meeting_office,
    };
    authorize(user.as_ref(), &read).map_err(crate::error::respond)?;
    Ok(AssignmentView {
        may_report: may(Permission::ImplementerOf(facts.office)),
        may_review: may(Permission::SecretaryOf(facts.meeting_office))
            || may(Permission::ChairOf {
                office: facts.meeting_office,
                person: facts.chair,
            }),
        row: facts.row,
        events: facts.events,
        kept: super::take_kept(id).await,
    })
}

/// The dashboard's year filter: "2022-23", "২০২২-২৩" or "2022"; empty is
/// none chosen.
#[cfg(feature = "ssr")]
fn parse_year(text: &str) -> Result<Option<i32>, AppError> {
    match text.trim() {
        "" => Ok(None),
        text => crate::domain::dates::FiscalYear::parse(text)
            .map(|y| Some(y.0))
            .ok_or_else(|| {
                crate::error::respond(AppError::Invalid {
                    field: "fy".into(),
                    key: "minutes.fiscal_year".into(),
                })
            }),
    }
}

/// Counts over the assignments of every office this user reaches.
#[server(prefix = "/api", endpoint = "dashboard")]
pub async fn load_dashboard(fiscal_year: String) -> Result<Dashboard, AppError> {
    use crate::domain::auth::Permission;
    let (user, services) = super::require(Permission::SignedIn)?;
    let year = parse_year(&fiscal_year)?;
    let offices = reach_offices(user.as_ref());
    services
        .tracking
        .dashboard(offices, year)
        .await
        .map_err(crate::error::respond)
}

/// The APA compliance view for a fiscal year ("2022-23"; this year's when empty).
#[server(prefix = "/api", endpoint = "dashboard/compliance")]
pub async fn apa_compliance(
    fiscal_year: String,
) -> Result<crate::domain::tracking::Compliance, AppError> {
    use crate::domain::auth::Permission;
    use crate::domain::dates::{today_in_dhaka, FiscalYear};
    let (user, services) = super::require(Permission::SignedIn)?;
    let offices = reach_offices(user.as_ref());
    // No year chosen: the dashboard's (the newest with meetings).
    let year = match parse_year(&fiscal_year)? {
        Some(year) => year,
        None => services
            .tracking
            .dashboard(offices.clone(), None)
            .await
            .map_err(crate::error::respond)?
            .fiscal_year
            .unwrap_or(FiscalYear::of(today_in_dhaka()).0),
    };
    services
        .tracking
        .compliance(offices, year)
        .await
        .map_err(crate::error::respond)
}

/// The unfinished decisions of the earlier meetings of this meeting's series.
#[server(prefix = "/api", endpoint = "meetings/carry_forward")]
pub async fn carry_forward(id: Uuid) -> Result<Vec<CarriedDecision>, AppError> {
    let (_, services) = super::require_minutes(id).await?;
    services
        .tracking
        .carry_forward(id)
        .await
        .map_err(crate::error::respond)
}

/// This meeting's assignments that the user may open (those of the offices
/// they reach, all of them for the meeting's own office): each office's
/// part of each decision, with its state.
#[server(prefix = "/api", endpoint = "meetings/assignments")]
pub async fn meeting_assignments(id: Uuid) -> Result<Vec<AssignmentRow>, AppError> {
    let (user, services) = super::require_minutes(id).await?;
    let mut rows = services
        .tracking
        .report(reach_offices(user.as_ref()), Some(id))
        .await
        .map_err(crate::error::respond)?;
    // In the minutes' order: item, decision, office.
    rows.sort_by(|(a, _), (b, _)| {
        (a.item, a.decision, &a.office).cmp(&(b.item, b.decision, &b.office))
    });
    Ok(rows.into_iter().map(|(r, _)| r).collect())
}

/// The offices this user implements for (what "my office's decisions" owe).
#[cfg(feature = "ssr")]
fn implementer_offices(user: Option<&crate::domain::auth::CurrentUser>) -> Vec<Uuid> {
    use crate::domain::auth::Role;
    user.map(|u| {
        u.reach
            .iter()
            .filter(|(r, _)| *r == Role::Implementer)
            .map(|(_, o)| *o)
            .collect()
    })
    .unwrap_or_default()
}

/// Every office this user reaches in any role, once each, in order (the
/// dashboard's cache key).
#[cfg(feature = "ssr")]
fn reach_offices(user: Option<&crate::domain::auth::CurrentUser>) -> Vec<Uuid> {
    let mut offices: Vec<Uuid> = user
        .map(|u| u.reach.iter().map(|(_, o)| *o).collect())
        .unwrap_or_default();
    offices.sort();
    offices.dedup();
    offices
}
