//! `cargo bench -p server --bench memo`: renders the seed-004 memo and a
//! 5-page memo with 20 decisions, warm, and prints the median and p95 times.
//! (A plain harness: one measurement, no statistics crate needed.)
use app::domain::minutes::{AgendaItem, Decision};
use app::domain::{Deadline, Meeting};
use app::ports::MeetingStore;
use server::memo::{fonts::SHIPPED, printed_texts, render, Signatures};
use std::time::{Duration, Instant};

fn measure(name: &str, meeting: &Meeting, runs: usize) {
    let pdf = render(meeting, &SHIPPED, &Signatures::default()); // warm-up; fonts parsed
                                                                 // MEMO_OUT=DIR keeps each PDF with its printed text, for
                                                                 // ../shared/tools/bangla-pdf-check DIR/NAME.pdf DIR/NAME.txt
    if let Ok(dir) = std::env::var("MEMO_OUT") {
        let file = name.replace(' ', "-");
        std::fs::write(format!("{dir}/{file}.pdf"), &pdf).unwrap();
        std::fs::write(
            format!("{dir}/{file}.txt"),
            printed_texts(meeting).join("\n"),
        )
        .unwrap();
    }
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(render(meeting, &SHIPPED, &Signatures::default()));
            t.elapsed()
        })
        .collect();
    times.sort();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "{name}: median {:.2} ms, p95 {:.2} ms over {runs} runs; {} bytes",
        ms(times[runs / 2]),
        ms(times[runs * 95 / 100]),
        pdf.len()
    );
}

/// The seed meeting with 4 agenda items of 5 decisions each: 20 decisions.
fn twenty_decisions(seed: &Meeting) -> Meeting {
    let mut m = seed.clone();
    let seed = &seed.minutes;
    let template = seed.agenda[1].clone();
    m.minutes.agenda = (0..4)
        .map(|i| AgendaItem {
            subject: format!("{} ({})", template.subject, i + 1),
            decisions: (0..5)
                .map(|j| Decision {
                    text: seed.agenda[j % seed.agenda.len()].decisions[0].text.clone(),
                    deadline: Deadline::DaysAfterIssue(10),
                    ..template.decisions[0].clone()
                })
                .collect(),
            ..template.clone()
        })
        .collect();
    m
}

fn main() {
    let rt = tokio::runtime::Runtime::new().unwrap();
    let seed = rt.block_on(async {
        let db = server::startup::connect("sqlite::memory:").await.unwrap();
        server::startup::migrate(&db).await.unwrap();
        server::demo::load(&db).await.unwrap();
        let store = server::store::meetings::SeaMeetingStore {
            db,
            window: server::config::DUE_SOON_DAYS,
            shared: Default::default(),
        };
        let id = store.list().await.unwrap()[0].id;
        store.get(id).await.unwrap()
    });
    measure("seed-004 memo", &seed, 50);
    measure("20-decision memo", &twenty_decisions(&seed), 50);
}
