//! The few rules of ARCHITECTURE.md, checked on the sources: only `main.rs`
//! uses `startup`; routes and server functions reach the database only
//! through `store/` (no entities, no transactions of their own).
use std::path::Path;

fn sources(dir: &Path) -> Vec<(String, String)> {
    let mut out = vec![];
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(sources(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    out
}

#[test]
fn only_main_uses_startup() {
    for (path, text) in sources(Path::new("src")) {
        if path.ends_with("main.rs") || path.ends_with("startup.rs") || path.ends_with("lib.rs") {
            continue;
        }
        assert!(!text.contains("startup::"), "{path} uses startup");
    }
}

#[test]
fn routes_and_server_functions_leave_the_database_to_the_stores() {
    let mut files = sources(Path::new("src/routes"));
    files.extend(sources(Path::new("../app/src/server_fns")));
    for (path, text) in files {
        for banned in [
            "db::entities",
            "begin_write",
            ".begin()",
            "Entity::",
            "TransactionTrait",
        ] {
            assert!(
                !text.contains(banned),
                "{path} uses {banned}: that belongs in store/"
            );
        }
    }
}

/// One way in: a plain route learns who is asking from the `Caller`
/// extractor and checks them with `caller.require`, and takes what it needs
/// from the typed `AppState` (a missing `Extension` would be a 500 at run
/// time; a missing state part does not compile).
#[test]
fn routes_ask_the_caller_and_take_typed_state() {
    for (path, text) in sources(Path::new("src/routes")) {
        if path.ends_with("caller.rs") {
            continue;
        }
        for banned in [
            "Extension<CurrentUser>",
            "authorize(",
            "Extension<DatabaseConnection>",
        ] {
            assert!(
                !text.contains(banned),
                "{path} uses {banned}: take a Caller / State"
            );
        }
    }
}

/// Small modules: a file over 500 lines is split by the reader's question.
/// The message table (`i18n.rs`) is data, not code.
#[test]
fn no_source_file_is_over_500_lines() {
    let mut files = sources(Path::new("src"));
    files.extend(sources(Path::new("tests")));
    files.extend(sources(Path::new("../app/src")));
    files.extend(sources(Path::new("../migrations/src")));
    for (path, text) in files {
        if path.ends_with("i18n.rs") {
            continue;
        }
        let lines = text.lines().count();
        assert!(lines <= 500, "{path}: {lines} lines");
    }
}
