//! Settings from the command line, then the environment, then defaults.
use clap::{Parser, Subcommand};
use std::net::SocketAddr;
use std::path::PathBuf;

#[derive(Debug, Parser)]
#[command(
    name = "sidhanto",
    version,
    about = "Minutes and decision tracking for government offices"
)]
pub struct Cli {
    /// SQLite (default, a file under data/) or PostgreSQL: postgres://user:pass@host/db
    #[arg(
        long,
        env = "DATABASE_URL",
        default_value = "sqlite://data/sidhanto.db?mode=rwc",
        global = true
    )]
    pub database_url: String,

    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Migrate the database and serve the web app (the default).
    Serve(ServeArgs),
    /// Bring the database schema up to date and exit.
    Migrate,
    /// Load the demo data (Rangpur division, the seed-004 meeting, one user per role) if the database has no offices.
    LoadDemo,
    /// Fill the database with a large, repeatable data set for the
    /// benchmarks (bench/run): the demo data, then the offices of all eight
    /// divisions and their meetings, decisions and progress.
    GenDemo {
        /// How many meetings, newest quarter first.
        #[arg(long, default_value_t = 1000)]
        meetings: usize,
        /// How many decisions, spread evenly over the meetings.
        #[arg(long, default_value_t = 10000)]
        decisions: usize,
        /// The same seed gives the same data.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
    },
    /// Create a user (the first admin, say). The password is read from standard input.
    CreateUser(CreateUserArgs),
    /// Create a meeting from a file in the meeting JSON format
    /// (docs/meeting-format.md); prints the problems, or the new meeting's id
    /// as the last line.
    Import {
        file: PathBuf,
        /// Convert texts typed in Bijoy (SutonnyMJ) to Unicode; without it
        /// they are refused with a preview of the conversion.
        #[arg(long)]
        bijoy: bool,
    },
    /// Set an office's nothi (file) number, the first part of its memo
    /// numbers: 18 digits (2014 form) or 22 (2024 form), in dot-separated
    /// groups; Bangla digits are accepted.
    SetNothi {
        #[arg(long)]
        office: String,
        number: String,
    },
    /// Run today's reminders now (notifications, and digests when SMTP is
    /// set) unless they already ran today; `serve` does this every hour.
    Remind {
        #[command(flatten)]
        mail: MailArgs,
        /// The site's address, for the links in the digests.
        #[arg(
            long,
            env = "SIDHANTO_PUBLIC_URL",
            default_value = "http://127.0.0.1:3000"
        )]
        public_url: String,
        /// Assignments due within this many days count as due soon.
        #[arg(long, env = "SIDHANTO_DUE_SOON_DAYS", default_value_t = DUE_SOON_DAYS)]
        due_soon_days: u32,
    },
    /// Write a meeting in the meeting JSON format.
    Export {
        /// The meeting's id.
        id: uuid::Uuid,
        /// Where to write the file (standard output when left out).
        #[arg(short, long)]
        out: Option<PathBuf>,
    },
    /// Give a person of the directory a signature image (PNG, at most 200 KB),
    /// printed above their name in memos.
    SetSignature {
        /// The code of the person's office.
        #[arg(long)]
        office: String,
        /// The person's name as the directory has it.
        #[arg(long)]
        name: String,
        file: PathBuf,
    },
    /// Print an office's memos in its own installed Bangla font (a .ttf or
    /// .otf path on this server); an empty path goes back to the shipped font.
    SetMemoFont {
        /// The office's code.
        #[arg(long)]
        office: String,
        path: String,
    },
    /// Render a meeting's minutes as the memo PDF.
    RenderMemo {
        /// The meeting's id, or a file in the meeting JSON format.
        source: String,
        /// Where to write the PDF.
        #[arg(short, long)]
        out: PathBuf,
    },
}

#[derive(Debug, Clone, clap::Args)]
pub struct CreateUserArgs {
    #[arg(long)]
    pub username: String,
    /// The name shown on pages (Bangla or English).
    #[arg(long)]
    pub name: String,
    /// admin, secretary, chair, implementer or viewer.
    #[arg(long, default_value = "admin")]
    pub role: String,
    /// The office (its id, or its Bangla or English name) where the role is
    /// held; may be left out when there is only one top-level office.
    #[arg(long)]
    pub office: Option<String>,
    /// The role also covers the offices below (always so for admins).
    #[arg(long)]
    pub include_below: bool,
}

/// Assignments due within this many days count as due soon, unless
/// `--due-soon-days` (SIDHANTO_DUE_SOON_DAYS) says otherwise.
pub const DUE_SOON_DAYS: u32 = 7;

#[derive(Debug, Clone, clap::Args)]
pub struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "SIDHANTO_ADDR", default_value = "127.0.0.1:3000")]
    pub addr: SocketAddr,
    /// Where cargo-leptos put the built site (pkg/sidhanto.js, .wasm, .css).
    #[arg(long, env = "LEPTOS_SITE_ROOT", default_value = "target/site")]
    pub site_root: PathBuf,
    /// Load the demo data first (only into a database without offices).
    #[arg(long)]
    pub demo: bool,
    /// Mark the session cookie Secure (sent over HTTPS only; browsers also
    /// accept it from http://localhost and 127.0.0.1). Turn off only for a
    /// plain-HTTP trial on a LAN address.
    #[arg(long, env = "SIDHANTO_SECURE_COOKIES", default_value_t = true, action = clap::ArgAction::Set)]
    pub secure_cookies: bool,
    /// Folder of the offices' Ed25519 signing keys (one file per office,
    /// created at its first issue). Keep it out of the database's backups'
    /// reach and back it up on its own.
    #[arg(long, env = "SIDHANTO_KEY_DIR", default_value = "data/keys")]
    pub key_dir: PathBuf,
    /// The address people reach this site at: issued memos print
    /// `{public_url}/verify/{code}` with its QR code.
    #[arg(
        long,
        env = "SIDHANTO_PUBLIC_URL",
        default_value = "http://127.0.0.1:3000"
    )]
    pub public_url: String,
    /// Folder of evidence files, stored by their SHA-256 (the same file
    /// uploaded twice is kept once).
    #[arg(long, env = "SIDHANTO_EVIDENCE_DIR", default_value = "data/evidence")]
    pub evidence_dir: PathBuf,
    #[command(flatten)]
    pub mail: MailArgs,
    /// Assignments due within this many days count as due soon (lists,
    /// dashboard, reminders).
    #[arg(long, env = "SIDHANTO_DUE_SOON_DAYS", default_value_t = DUE_SOON_DAYS)]
    pub due_soon_days: u32,
    /// Requests come through a reverse proxy (nginx) on this machine: take
    /// the client's address from the last X-Forwarded-For entry, for the
    /// per-address login limit. Only with the port closed to everyone else.
    #[arg(long, env = "SIDHANTO_BEHIND_PROXY")]
    pub behind_proxy: bool,
    /// Keep each signed-in user's rendered pages until anything in the
    /// database changes (sessions and users are kept that way always).
    /// Off by default: what pages share is kept anyway (the shared meetings,
    /// the rendered parts), and in bench/mix the per-session copies took
    /// 10-15 MB of a 100 MB budget for 12% of the requests.
    #[arg(long, env = "SIDHANTO_PAGE_CACHE", default_value_t = false, action = clap::ArgAction::Set)]
    pub page_cache: bool,
    /// PDFs (draft memos, reports) rendered at once; more wait up to 3 s,
    /// then are asked to try again (429).
    #[arg(long, env = "SIDHANTO_RENDERS", default_value_t = 2)]
    pub renders: usize,
}

/// Where the daily reminder digests are sent through (none: in-app only).
#[derive(clap::Args, Debug, Clone, Default)]
pub struct MailArgs {
    /// An SMTP relay, `smtp://host[:port]`.
    #[arg(long, env = "SIDHANTO_SMTP_URL")]
    pub smtp_url: Option<String>,
    /// The digest's sender.
    #[arg(long, env = "SIDHANTO_MAIL_FROM", default_value = "sidhanto@localhost")]
    pub mail_from: String,
}

impl ServeArgs {
    /// The serve settings from the environment (and the defaults): what
    /// `sidhanto` with no command serves with, exactly as `sidhanto serve`
    /// would. A bad value stops the program with clap's message.
    pub fn from_env() -> ServeArgs {
        use clap::{Args, FromArgMatches};
        let command = ServeArgs::augment_args(clap::Command::new("serve"));
        ServeArgs::from_arg_matches(&command.get_matches_from(["serve"]))
            .unwrap_or_else(|e| e.exit())
    }
}

impl Default for ServeArgs {
    fn default() -> Self {
        ServeArgs {
            addr: ([127, 0, 0, 1], 3000).into(),
            site_root: "target/site".into(),
            demo: false,
            secure_cookies: true,
            key_dir: "data/keys".into(),
            public_url: "http://127.0.0.1:3000".into(),
            evidence_dir: "data/evidence".into(),
            mail: MailArgs::default(),
            due_soon_days: DUE_SOON_DAYS,
            behind_proxy: false,
            page_cache: false,
            renders: 2,
        }
    }
}

/// The file behind a `sqlite:` URL, if it is one (so its folder can be created).
pub fn sqlite_file(url: &str) -> Option<PathBuf> {
    let rest = url
        .strip_prefix("sqlite://")
        .or_else(|| url.strip_prefix("sqlite:"))?;
    let path = rest.split('?').next().unwrap_or_default();
    (!path.is_empty() && !path.starts_with(":memory:")).then(|| PathBuf::from(path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_command_serves_with_the_environments_settings() {
        // Only this test sets this variable.
        std::env::set_var("SIDHANTO_DUE_SOON_DAYS", "3");
        let args = ServeArgs::from_env();
        std::env::remove_var("SIDHANTO_DUE_SOON_DAYS");
        assert_eq!(args.due_soon_days, 3);
        assert!(!args.page_cache, "a default stays a default");
    }

    #[test]
    fn sqlite_file_from_url() {
        assert_eq!(
            sqlite_file("sqlite://data/sidhanto.db?mode=rwc"),
            Some("data/sidhanto.db".into())
        );
        assert_eq!(sqlite_file("sqlite:/tmp/x.db"), Some("/tmp/x.db".into()));
        assert_eq!(sqlite_file("sqlite::memory:"), None);
        assert_eq!(sqlite_file("postgres://u@localhost/db"), None);
    }
}
