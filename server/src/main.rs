use clap::Parser;
use server::config::{Cli, Command, ServeArgs};
use server::{cli, demo, startup};
use std::process::ExitCode;

/// mimalloc instead of glibc's malloc: a page's many small allocations,
/// freed on other threads (the database's, the runtime's), cost about a
/// sixth of the server's time in glibc (perf, bench/mix), and glibc's
/// per-thread arenas kept the peak memory high.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Threads for blocking work at most: reads of the browser's files
/// (`tower_http`'s `ServeDir`), memo renders and password hashes (each
/// bounded on its own to about the cores). Tokio's default is 512: 64
/// browsers fetching the stylesheet at once started 113 threads, and the
/// allocator kept what each had taken (the server stayed 45 MB larger).
const BLOCKING_THREADS: usize = 16;

/// How long mimalloc keeps freed memory before it gives it back: 100 ms
/// rather than its 1 s (`MIMALLOC_PURGE_DELAY` still overrides it). Under
/// bench/mix at 100k decisions the anonymous peak fell 81-84 -> 75-77 MB at
/// the same requests a second within the runs' noise; at once (0) it fell
/// as far but cost 8-10% of them.
const PURGE_DELAY_MS: std::ffi::c_long = 100;
/// `mi_option_purge_delay` in mimalloc's `mi_option_e` (mimalloc.h);
/// libmimalloc-sys names no constant for it.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() -> ExitCode {
    // SAFETY: mi_option_set_default stores an integer in mimalloc's option
    // table (unless the environment set it); it takes no pointers, and it
    // runs here first, before any other thread exists (it is not
    // thread-safe).
    unsafe { libmimalloc_sys::mi_option_set_default(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
    one_c_arena();
    let small_pages = no_huge_pages();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .max_blocking_threads(BLOCKING_THREADS)
        .build();
    match runtime {
        Ok(runtime) => runtime.block_on(start(small_pages)),
        Err(e) => {
            eprintln!("sidhanto: cannot start the runtime: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Memory in 4 kB pages, not 2 MB ones: mimalloc asks the kernel for
/// transparent huge pages on its arenas, and a 2 MB page partly used counts
/// whole. Under bench/mix at 100k decisions the server's anonymous memory
/// peaked at 123-142 MB with them (33-39 MB of it in huge pages) and at
/// 94-98 MB without, at the same requests a second. Whether the kernel
/// took it is told once the log is set up (`start`).
#[cfg(target_os = "linux")]
fn no_huge_pages() -> bool {
    let disable: libc::c_ulong = 1;
    let unused: libc::c_ulong = 0;
    // SAFETY: PR_SET_THP_DISABLE reads its integer arguments (the kernel
    // takes them as unsigned longs, the unused ones zero) and touches no
    // memory of ours; a kernel without it refuses and nothing changes.
    unsafe { libc::prctl(libc::PR_SET_THP_DISABLE, disable, unused, unused, unused) == 0 }
}

#[cfg(not(target_os = "linux"))]
fn no_huge_pages() -> bool {
    true
}

/// SQLite allocates with the C library's malloc, not the Rust allocator,
/// on each connection's thread; glibc gave each thread an arena of its own
/// (four of 5-6 MB under bench/mix at 100k decisions). One arena shares
/// what they free.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
fn one_c_arena() {
    // SAFETY: mallopt sets a tuning value of glibc's malloc; it takes no
    // pointers, and a value it refuses changes nothing.
    unsafe { libc::mallopt(libc::M_ARENA_MAX, 1) };
}

#[cfg(not(all(target_os = "linux", target_env = "gnu")))]
fn one_c_arena() {}

async fn start(small_pages: bool) -> ExitCode {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,sqlx=warn,sea_orm_migration=warn".into()),
        )
        .init();
    if !small_pages {
        tracing::warn!("the kernel refused to turn transparent huge pages off: the server may take more memory");
    }
    let cli = Cli::parse();
    match run(cli).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("sidhanto: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let db = startup::connect(&cli.database_url).await?;
    startup::migrate(&db).await?;
    match cli
        .command
        .unwrap_or_else(|| Command::Serve(ServeArgs::from_env()))
    {
        Command::Migrate => println!("database is up to date"),
        Command::LoadDemo => report_demo(demo::load(&db).await?),
        Command::GenDemo {
            meetings,
            decisions,
            seed,
        } => {
            if meetings == 0 {
                return Err("--meetings must be at least 1".into());
            }
            let sizes = server::demo::generate::Sizes {
                meetings,
                decisions,
                seed,
            };
            let w = server::demo::generate::generate(&db, sizes).await?;
            println!(
                "{} offices, {} meetings, {} decisions, {} assignments, {} progress events",
                w.offices, w.meetings, w.decisions, w.assignments, w.events
            );
        }
        Command::CreateUser(args) => cli::create_user_from_stdin(&db, args).await?,
        Command::Import { file, bijoy } => cli::import(&db, &file, bijoy).await?,
        Command::SetSignature { office, name, file } => {
            cli::set_signature(&db, &office, &name, &file).await?
        }
        Command::Remind {
            mail,
            public_url,
            due_soon_days,
        } => {
            let mailer = startup::mailer(&mail, &public_url);
            let today = app::domain::dates::today_in_dhaka();
            match server::store::reminders::run(&db, today, due_soon_days, mailer.as_ref()).await {
                Ok(Some(run)) => println!(
                    "{} notifications, {} e-mails",
                    run.notifications, run.emails
                ),
                Ok(None) => println!("already ran today"),
                Err(e) => return Err(cli::describe(&e).into()),
            }
        }
        Command::SetNothi { office, number } => cli::set_nothi(&db, &office, &number).await?,
        Command::SetMemoFont { office, path } => cli::set_memo_font(&db, &office, &path).await?,
        Command::Export { id, out } => cli::export(&db, id, out.as_deref()).await?,
        Command::RenderMemo { source, out } => cli::render_memo(&db, &source, &out).await?,
        Command::Serve(args) => {
            if args.demo {
                report_demo(demo::load(&db).await?);
            }
            // The daily reminders, checked every hour; one instance runs a day.
            tokio::spawn(startup::reminders_every_hour(
                db.clone(),
                startup::mailer(&args.mail, &args.public_url),
                args.due_soon_days,
            ));
            tokio::spawn(startup::sweep_sessions_every_hour(db.clone()));
            let app = startup::router(db, &args);
            let listener = tokio::net::TcpListener::bind(args.addr).await?;
            println!("Sidhanto is serving on http://{}", listener.local_addr()?);
            // Responses are written in pieces (headers, then a streamed body):
            // with Nagle's algorithm each later piece waits for the client's
            // delayed ACK, 40 ms a request.
            let listener = axum::serve::ListenerExt::tap_io(listener, |tcp| {
                if let Err(e) = tcp.set_nodelay(true) {
                    tracing::warn!(error = %e, "TCP_NODELAY");
                }
            });
            // The peer address feeds the per-address login limit.
            let app = app.into_make_service_with_connect_info::<std::net::SocketAddr>();
            axum::serve(listener, app)
                .with_graceful_shutdown(shutdown())
                .await?;
        }
    }
    Ok(())
}

fn report_demo(loaded: bool) {
    if loaded {
        println!("demo data loaded");
    } else {
        println!("demo data skipped: the database already has offices");
    }
}

async fn shutdown() {
    let _ = tokio::signal::ctrl_c().await;
}
