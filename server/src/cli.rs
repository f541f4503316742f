//! Subcommands other than `serve`.
use crate::config::CreateUserArgs;
use crate::db::entities::offices;
use crate::store::accounts::{self, NewUser};
use crate::store::minutes;
use app::domain::auth::Role;
use app::domain::Meeting;
use app::error::AppError;
use app::i18n::{t, Lang};
use sea_orm::{ColumnTrait, Condition, DatabaseConnection, EntityTrait, QueryFilter};
use std::io::BufRead;
use std::path::Path;
use uuid::Uuid;

type CliResult<T> = Result<T, Box<dyn std::error::Error>>;

/// Finds the office named on the command line.
async fn resolve_office(db: &DatabaseConnection, office: Option<&str>) -> CliResult<Uuid> {
    let found = match office {
        Some(text) => {
            let by_name = Condition::any()
                .add(offices::Column::NameBn.eq(text))
                .add(offices::Column::NameEn.eq(text));
            let cond = match Uuid::parse_str(text) {
                Ok(id) => by_name.add(offices::Column::Id.eq(id)),
                Err(_) => by_name,
            };
            offices::Entity::find().filter(cond).all(db).await?
        }
        None => {
            offices::Entity::find()
                .filter(offices::Column::ParentId.is_null())
                .all(db)
                .await?
        }
    };
    match found.as_slice() {
        [one] => Ok(one.id),
        [] => Err("no such office (there are no offices yet? run `sidhanto load-demo`, or name one with --office)".into()),
        many => {
            let names: Vec<String> = many.iter().map(|o| format!("{} {} ({})", o.name_bn, o.place_bn, o.id)).collect();
            Err(format!("several offices match; pass --office with one of these ids:\n{}", names.join("\n")).into())
        }
    }
}

/// `sidhanto create-user`: reads the password from standard input, prints
/// the new user's id.
pub async fn create_user_from_stdin(
    db: &DatabaseConnection,
    args: CreateUserArgs,
) -> CliResult<()> {
    eprintln!("password (at least 10 characters), then Enter:");
    let mut password = String::new();
    std::io::stdin().lock().read_line(&mut password)?;
    let id = create_user(db, args, password.trim_end_matches(['\r', '\n'])).await?;
    println!("{id}");
    Ok(())
}

pub async fn create_user(
    db: &DatabaseConnection,
    args: CreateUserArgs,
    password: &str,
) -> CliResult<Uuid> {
    let role = Role::from_code(&args.role)
        .ok_or("--role must be admin, secretary, chair, implementer or viewer")?;
    if args.username.trim().is_empty() {
        return Err("--username must not be empty".into());
    }
    if accounts::find_by_username(db, &args.username)
        .await?
        .is_some()
    {
        return Err(format!("the username {} is taken", args.username).into());
    }
    let office = resolve_office(db, args.office.as_deref()).await?;
    let password = password.to_string();
    if password.chars().count() < 10 {
        return Err("the password needs at least 10 characters".into());
    }
    let password_hash =
        tokio::task::spawn_blocking(move || crate::password::hash(&password)).await??;
    let id = accounts::create_user(
        db,
        None,
        NewUser {
            username: &args.username,
            display_name: &args.name,
            person_id: None,
            password_hash,
            grants: vec![(role, office, args.include_below || role == Role::Admin)],
        },
    )
    .await?;
    Ok(id)
}

/// The problems of a refused file, one per line: "path: message (detail)".
pub fn describe(err: &AppError) -> String {
    match err {
        AppError::Problems(problems) => problems
            .iter()
            .map(|p| {
                let at = if p.path.is_empty() { "(file)" } else { &p.path };
                let mut line = format!("{at}: {}", t(Lang::En, &p.key));
                if let Some(detail) = &p.detail {
                    line.push_str(&format!(" ({detail})"));
                }
                line
            })
            .collect::<Vec<_>>()
            .join("\n"),
        other => t(Lang::En, other.message_key()).to_string(),
    }
}

/// `sidhanto import FILE.json [--bijoy]`: all or nothing.
pub async fn import(db: &DatabaseConnection, file: &Path, bijoy: bool) -> CliResult<()> {
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let minutes = minutes::parse(&bytes).map_err(|e| describe(&e))?;
    let minutes = minutes::with_bijoy(minutes, bijoy).map_err(|e| describe(&e))?;
    let txn = crate::store::begin_write(db).await?;
    let source = format!("file {}", file.display());
    let id = minutes::import(&txn, &minutes, None, &source)
        .await
        .map_err(|e| describe(&e))?;
    txn.commit().await?;
    println!("{id}");
    Ok(())
}

/// `sidhanto export ID [-o FILE.json]`
pub async fn export(db: &DatabaseConnection, id: Uuid, out: Option<&Path>) -> CliResult<()> {
    let minutes = minutes::export(db, id)
        .await
        .map_err(|e| format!("meeting {id}: {}", describe(&e)))?;
    let json = serde_json::to_string_pretty(&minutes)? + "\n";
    match out {
        Some(path) => std::fs::write(path, json)?,
        None => print!("{json}"),
    }
    Ok(())
}

/// `sidhanto render-memo (ID | FILE.json) -o OUT.pdf`. A file is rendered
/// without being saved; its office must exist (the memo prints its heading).
pub async fn render_memo(db: &DatabaseConnection, source: &str, out: &Path) -> CliResult<()> {
    use crate::store::meetings::{heading, memo_assets, SeaMeetingStore};
    use app::ports::MeetingStore;
    let (meeting, saved) = match Uuid::parse_str(source) {
        Ok(id) => {
            let meeting = SeaMeetingStore {
                db: db.clone(),
                window: crate::config::DUE_SOON_DAYS,
                shared: Default::default(),
            }
            .for_memo(id)
            .await
            .map_err(|e| format!("meeting {id}: {}", describe(&e)))?;
            (meeting, Some(id))
        }
        Err(_) => {
            let bytes = std::fs::read(source).map_err(|e| format!("{source}: {e}"))?;
            let minutes = minutes::parse(&bytes).map_err(|e| describe(&e))?;
            let office = heading(db, &minutes.office)
                .await
                .map_err(|e| describe(&e))?;
            let meeting = Meeting {
                id: Uuid::nil(),
                office,
                minutes,
                corrects: None,
                carried: vec![],
                imported: false,
            };
            (meeting, None)
        }
    };
    let (font, signatures) = memo_assets(db, saved, &meeting.minutes.office)
        .await
        .map_err(|e| describe(&e))?;
    let pdf = tokio::task::spawn_blocking(move || {
        crate::memo::render(&meeting, crate::memo::fonts::for_memo(&font), &signatures)
    })
    .await?;
    std::fs::write(out, pdf)?;
    println!("{}", out.display());
    Ok(())
}

async fn office_by_code(db: &DatabaseConnection, code: &str) -> CliResult<offices::Model> {
    offices::Entity::find()
        .filter(offices::Column::Code.eq(code))
        .one(db)
        .await?
        .ok_or_else(|| format!("no office has the code {code}").into())
}

/// `sidhanto set-signature --office CODE --name NAME FILE.png`
pub async fn set_signature(
    db: &DatabaseConnection,
    office: &str,
    name: &str,
    file: &Path,
) -> CliResult<()> {
    use crate::db::entities::people;
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, IntoActiveModel};
    let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    if bytes.len() > 200 * 1024 {
        return Err("the signature image may be at most 200 KB".into());
    }
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n")
        || printpdf::RawImage::decode_from_bytes(&bytes, &mut Vec::new()).is_err()
    {
        return Err(format!("{} is not a PNG image", file.display()).into());
    }
    let office = office_by_code(db, office).await?;
    let found = people::Entity::find()
        .filter(people::Column::OfficeId.eq(office.id))
        .filter(people::Column::NameBn.eq(name))
        .all(db)
        .await?;
    let [person] = <[people::Model; 1]>::try_from(found).map_err(|found| {
        format!(
            "{} people of that office are named {name}; one is needed",
            found.len()
        )
    })?;
    let mut person = person.into_active_model();
    person.signature_png = Set(Some(bytes));
    person.update(db).await?;
    println!("signature saved");
    Ok(())
}

/// `sidhanto set-nothi --office CODE NUMBER`
pub async fn set_nothi(db: &DatabaseConnection, office: &str, number: &str) -> CliResult<()> {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, IntoActiveModel};
    if !app::domain::issue::valid_nothi(number) {
        return Err(format!(
            "{number} is not a nothi number: dot-separated digit groups, 18 or 22 digits in all"
        )
        .into());
    }
    let mut office = office_by_code(db, office).await?.into_active_model();
    office.memo_prefix = Set(app::domain::numerals::to_ascii_digits(number.trim()));
    office.update(db).await?;
    println!("nothi number saved");
    Ok(())
}

/// `sidhanto set-memo-font --office CODE PATH`
pub async fn set_memo_font(db: &DatabaseConnection, office: &str, path: &str) -> CliResult<()> {
    use sea_orm::{ActiveModelTrait, ActiveValue::Set, IntoActiveModel};
    if !path.is_empty() {
        let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
        if crate::memo::fonts::FontFace::new(Box::leak(bytes.into_boxed_slice())).is_none() {
            return Err(format!("{path} is not a font this program can use").into());
        }
    }
    let mut office = office_by_code(db, office).await?.into_active_model();
    office.memo_font = Set(path.to_string());
    office.update(db).await?;
    println!("memo font saved");
    Ok(())
}
