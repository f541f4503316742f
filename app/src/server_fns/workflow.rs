use crate::domain::issue::{Verification, WorkflowView};
use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

/// Where a meeting is in the workflow and which steps this user may take.
#[server(prefix = "/api", endpoint = "meetings/workflow")]
pub async fn meeting_workflow(id: Uuid) -> Result<WorkflowView, AppError> {
    use crate::domain::auth::{authorize, Permission};
    use crate::domain::MeetingStatus;
    let (user, services) = super::require_minutes(id).await?;
    let facts = services
        .meetings
        .workflow(id)
        .await
        .map_err(crate::error::respond)?;
    let may = |p: Permission| authorize(user.as_ref(), &p).is_ok();
    let secretary = may(Permission::SecretaryOf(facts.office));
    let chair = may(Permission::ChairOf {
        office: facts.office,
        person: facts.chair,
    });
    Ok(WorkflowView {
        may_submit: secretary && facts.status == MeetingStatus::Draft,
        may_decide: chair && facts.status == MeetingStatus::Submitted,
        may_correct: secretary
            && facts.status == MeetingStatus::Issued
            && facts.corrected_by.is_none(),
        facts,
        kept: super::take_kept(id).await,
    })
}

/// The public facts of an issued memo: anyone holding a printout may check it.
#[server(prefix = "/api", endpoint = "verify")]
pub async fn verify_memo(code: String) -> Result<Verification, AppError> {
    use crate::domain::auth::Permission;
    let (_, services) = super::require(Permission::Public)?;
    services
        .meetings
        .verification(code)
        .await
        .map_err(crate::error::respond)
}
