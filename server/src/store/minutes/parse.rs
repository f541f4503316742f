//! A meeting file (or the editor's form, once read) into minutes, with the
//! path of any wrong value.
use app::domain::minutes::Minutes;
use app::error::AppError;

/// Reads a meeting file: UTF-8, then JSON with the path of any wrong value
/// (the same paths `Minutes::check` uses).
/// Texts typed in Bijoy: converted when `convert`, else refused with a
/// preview of the conversion (docs/meeting-format.md).
pub fn with_bijoy(mut m: Minutes, convert: bool) -> Result<Minutes, AppError> {
    if convert {
        m.convert_bijoy();
        return Ok(m);
    }
    match m.bijoy_problems() {
        problems if problems.is_empty() => Ok(m),
        problems => Err(AppError::Problems(problems)),
    }
}

pub fn parse(bytes: &[u8]) -> Result<Minutes, AppError> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = format!("byte {}", e.valid_up_to());
        AppError::problem("", "minutes.not_utf8", Some(at))
    })?;
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(json_problem)
}

/// Minutes from a JSON value (the editor's form, once read), with the same
/// error paths as a file.
pub fn from_json(value: serde_json::Value) -> Result<Minutes, AppError> {
    serde_path_to_error::deserialize(value).map_err(json_problem)
}

fn json_problem<E: std::fmt::Display>(e: serde_path_to_error::Error<E>) -> AppError {
    let path = e.path().to_string();
    let path = if path == "." { String::new() } else { path };
    // serde's message says exactly what was expected ("missing field
    // `title`", "invalid type: string, expected u8"); it stays English.
    let detail = e.into_inner().to_string();
    // A missing field is reported at its parent; point at the field itself.
    let missing = detail
        .strip_prefix("missing field `")
        .and_then(|rest| rest.split_once('`'))
        .map(|(field, _)| field.to_string());
    match missing {
        Some(field) if path.is_empty() => {
            AppError::problem(field, "minutes.required", Some(detail))
        }
        Some(field) => {
            AppError::problem(format!("{path}.{field}"), "minutes.required", Some(detail))
        }
        None => AppError::problem(path, "minutes.json", Some(detail)),
    }
}
