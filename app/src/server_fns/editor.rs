use crate::domain::editor::EditorState;
use crate::error::AppError;
use leptos::prelude::*;
use uuid::Uuid;

/// The editor's page data for a meeting (or a new one when `id` is None):
/// the stored minutes as form values, or the form that came back from the
/// last post with its problems; and the choices the form offers.
#[server(prefix = "/api", endpoint = "meetings/editor")]
pub async fn editor(id: Option<Uuid>) -> Result<EditorState, AppError> {
    use crate::domain::auth::{authorize, Permission, Role};
    use crate::domain::editor::{values, Flash};
    use crate::domain::{bijoy, minutes::Minutes, MeetingStatus};
    use crate::error::respond;
    use crate::i18n::{detect_lang, Lang};
    let (user, services) = super::require(Permission::AnySecretary)?;
    let user = user.ok_or(AppError::Unauthenticated).map_err(respond)?;
    let offices = services.directory.offices().await.map_err(respond)?;
    let bangla = detect_lang() == Lang::Bn;
    let name = |o: &crate::domain::directory::OfficeEntry| o.full_name(bangla);
    let (minutes, version, own_offices) = match id {
        Some(id) => {
            let draft = services.meetings.draft(id).await.map_err(respond)?;
            authorize(Some(&user), &Permission::SecretaryOf(draft.office_id)).map_err(respond)?;
            if draft.minutes.status != MeetingStatus::Draft {
                return Err(respond(AppError::Invalid {
                    field: "status".into(),
                    key: "minutes.not_draft".into(),
                }));
            }
            (draft.minutes, draft.version, vec![])
        }
        None => {
            let own: Vec<(String, String)> = offices
                .iter()
                .filter(|o| user.reaches(Role::Secretary, o.id))
                .map(|o| (o.code.clone(), name(o)))
                .collect();
            let first = own.first().ok_or(AppError::Forbidden).map_err(respond)?;
            (
                Minutes::new(&first.0, crate::domain::dates::today_in_dhaka()),
                0,
                own,
            )
        }
    };
    let flash: Flash = take_flash(id).await.unwrap_or_default();
    let (values, problems, version) = match flash.values {
        Some(v) => {
            let version = v
                .get("version")
                .and_then(|s| s.parse().ok())
                .unwrap_or(version);
            (v, flash.problems, version)
        }
        None => {
            // A stored draft shows what it still lacks, but not inside the
            // row just added; a new form starts clean.
            let problems = if id.is_some() {
                let codes = offices.iter().map(|o| o.code.clone()).collect();
                crate::domain::editor::outside_new_row(
                    minutes.check(&codes),
                    flash.added.as_deref(),
                )
            } else {
                vec![]
            };
            (values(&minutes, bangla), problems, version)
        }
    };
    let bijoy = values
        .iter()
        .filter(|(_, v)| bijoy::looks_like(v))
        .map(|(k, v)| (k.clone(), bijoy::convert(v)))
        .collect();
    let people = services
        .directory
        .people()
        .await
        .map_err(respond)?
        .into_iter()
        .map(|p| (p.name_bn, p.designation_bn, p.office_bn))
        .collect();
    Ok(EditorState {
        id,
        version,
        values,
        problems,
        notice: flash.notice,
        offices: offices.iter().map(|o| (o.code.clone(), name(o))).collect(),
        own_offices,
        people,
        bijoy,
    })
}

/// The flash the last post left for this editor, removed as it is read.
#[cfg(feature = "ssr")]
async fn take_flash(id: Option<Uuid>) -> Option<crate::domain::editor::Flash> {
    let session = with_context::<http::request::Parts, _>(|parts| {
        parts.extensions.get::<tower_sessions::Session>().cloned()
    })??;
    let key = crate::domain::editor::flash_key(id);
    session.remove(&key).await.ok().flatten()
}
