//! The daily reminders, against an SMTP sink this test starts: in-app
//! notifications for due-soon and overdue work, one digest per office, and
//! two app instances running the job at once send each digest once.
use super::*;
use server::db::entities::notifications;
use server::store::reminders::{run, run_in_groups, Mailer};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A minimal SMTP server that accepts every message: (recipients, data).
async fn smtp_sink() -> (u16, Arc<Mutex<Vec<(Vec<String>, String)>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = listener.local_addr().unwrap().port();
    let received = Arc::new(Mutex::new(vec![]));
    let store = received.clone();
    tokio::spawn(async move {
        loop {
            let Ok((socket, _)) = listener.accept().await else {
                return;
            };
            let store = store.clone();
            tokio::spawn(async move {
                let (read, mut write) = socket.into_split();
                let mut lines = BufReader::new(read).lines();
                let _ = write.write_all(b"220 sink ESMTP\r\n").await;
                let (mut to, mut data, mut in_data) = (vec![], String::new(), false);
                while let Ok(Some(line)) = lines.next_line().await {
                    if in_data {
                        if line == "." {
                            in_data = false;
                            store
                                .lock()
                                .unwrap()
                                .push((std::mem::take(&mut to), std::mem::take(&mut data)));
                            let _ = write.write_all(b"250 queued\r\n").await;
                        } else {
                            data.push_str(&line);
                            data.push('\n');
                        }
                        continue;
                    }
                    let upper = line.to_ascii_uppercase();
                    let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO") {
                        b"250 sink\r\n"
                    } else if upper.starts_with("RCPT TO:") {
                        to.push(line[8..].trim().trim_matches(['<', '>']).to_string());
                        b"250 ok\r\n"
                    } else if upper.starts_with("DATA") {
                        in_data = true;
                        b"354 go on\r\n"
                    } else if upper.starts_with("QUIT") {
                        let _ = write.write_all(b"221 bye\r\n").await;
                        return;
                    } else {
                        b"250 ok\r\n"
                    };
                    let _ = write.write_all(reply).await;
                }
            });
        }
    });
    (port, received)
}

/// A mailer through the sink on `port`.
fn mailer(port: u16) -> Mailer {
    Mailer::new(
        &format!("smtp://127.0.0.1:{port}"),
        "sidhanto@rangpurdiv.gov.bd",
        "https://sidhanto.example",
    )
    .unwrap()
}

#[tokio::test]
async fn two_instances_send_each_office_one_digest_a_day() {
    let app = TestApp::with_demo().await;
    let (port, received) = smtp_sink().await;
    let mailer = mailer(port);
    let today = app::domain::dates::today_in_dhaka();
    // Two instances, the same hour.
    let (a, b) = tokio::join!(
        run(&app.db, today, 7, Some(&mailer)),
        run(&app.db, today, 7, Some(&mailer))
    );
    let runs: Vec<_> = [a.unwrap(), b.unwrap()].into_iter().flatten().collect();
    assert_eq!(runs.len(), 1, "one instance ran the day");
    // The seed's dated decisions are overdue for each of the 8 district offices.
    let run = &runs[0];
    assert_eq!(run.emails, 8, "{run:?}");
    assert_eq!(
        notifications::Entity::find().count(&app.db).await.unwrap() as usize,
        run.notifications
    );
    assert!(run.notifications >= 8 * 5);
    let mails = received.lock().unwrap().clone();
    assert_eq!(mails.len(), 8);
    let dinajpur = mails
        .iter()
        .find(|(to, _)| to == &["dcdinajpur@mopa.gov.bd"])
        .expect("Dinajpur's digest");
    assert!(dinajpur.1.contains("Subject:"), "{}", dinajpur.1);
    // The body: base64 after the headers' blank line.
    let body: String = dinajpur
        .1
        .split("\n\n")
        .nth(1)
        .unwrap()
        .split_whitespace()
        .collect();
    let text = String::from_utf8(base64(&body)).unwrap();
    assert!(
        text.contains("https://sidhanto.example/assignments/"),
        "{text}"
    );
    assert!(text.contains("[মেয়াদোত্তীর্ণ] সময়সীমা"), "{text}");
    // A later hour of the same day: nothing more.
    assert_eq!(run_again(&app, today, &mailer).await, None);
    assert_eq!(received.lock().unwrap().len(), 8);
    // The implementer sees today's reminders in the app.
    let dc = app.login("dc.dinajpur").await;
    let page = app.get("/my", Some(&dc)).await;
    assert!(page.body.contains("আজকের স্মরণিকা"), "{}", page.body);
}

/// Three offices at a time (the job takes 32): every office with work
/// due gets its digest once, and every reminder is made once.
#[tokio::test]
async fn reminders_made_a_few_offices_at_a_time_reach_each_office_once() {
    let app = TestApp::with_demo().await;
    let (port, received) = smtp_sink().await;
    let mailer = mailer(port);
    let today = app::domain::dates::today_in_dhaka();
    let run = run_in_groups(&app.db, today, 7, Some(&mailer), 3)
        .await
        .unwrap()
        .expect("the day was not claimed yet");
    // The 8 district offices in groups of 3, 3 and 2.
    assert_eq!(run.emails, 8, "{run:?}");
    let to: std::collections::HashSet<_> = received
        .lock()
        .unwrap()
        .iter()
        .map(|(to, _)| to.clone())
        .collect();
    assert_eq!(to.len(), 8, "{to:?}");
    let made = notifications::Entity::find().all(&app.db).await.unwrap();
    assert_eq!(made.len(), run.notifications);
    let assignments: std::collections::HashSet<_> = made.iter().map(|n| n.assignment_id).collect();
    assert_eq!(
        assignments.len(),
        made.len(),
        "an assignment reminded twice"
    );
    assert!(run.notifications >= 8 * 5);
}

async fn run_again(
    app: &TestApp,
    today: chrono::NaiveDate,
    mailer: &Mailer,
) -> Option<server::store::reminders::Run> {
    run(&app.db, today, 7, Some(mailer)).await.unwrap()
}

#[test]
fn a_digest_lists_the_work_in_bangla() {
    use app::domain::tracking::{digest, AssignmentRow, Progress, Urgency};
    let row = AssignmentRow {
        id: Uuid::nil(),
        meeting_id: Uuid::nil(),
        meeting_title: "সভা".into(),
        memo_number: Some("05.47.0000.005.12.002.17.299".into()),
        item: 2,
        decision: 1,
        decision_text: "পরিবীক্ষণ কমিটি পুনর্গঠন করতে হবে।".into(),
        office: "জেলা প্রশাসকের কার্যালয়, দিনাজপুর".into(),
        due_on: chrono::NaiveDate::from_ymd_opt(2023, 7, 5),
        status: Progress::NotStarted,
        urgency: Urgency::Overdue,
    };
    let (subject, body) = digest(
        "জেলা প্রশাসকের কার্যালয়, দিনাজপুর",
        &[row.clone()],
        "https://x",
        app::i18n::Lang::Bn,
    );
    assert_eq!(
        subject,
        "সিদ্ধান্ত বাস্তবায়ন স্মরণিকা: জেলা প্রশাসকের কার্যালয়, দিনাজপুর — মেয়াদোত্তীর্ণ ১, শীঘ্রই ০"
    );
    assert!(body.contains("[মেয়াদোত্তীর্ণ] সময়সীমা ৫ জুলাই, ২০২৩ — স্মারক নং ০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.২৯৯ — সিদ্ধান্ত ০২.১: পরিবীক্ষণ কমিটি পুনর্গঠন করতে হবে।"), "{body}");
    // The same words from the one message table, in English.
    let (subject, body) = digest(
        "DC office, Dinajpur",
        &[row],
        "https://x",
        app::i18n::Lang::En,
    );
    assert_eq!(
        subject,
        "Decision implementation reminder: DC office, Dinajpur — Overdue 1, Due soon 0"
    );
    assert!(body.contains("[Overdue] Deadline 5 July 2023 — Memo no. 05.47.0000.005.12.002.17.299 — Decision 02.1: "), "{body}");
    assert!(
        !body.chars().any(|c| ('\u{0980}'..='\u{09FF}').contains(&c)
            && !"পরিবীক্ষণ কমিটি পুনর্গঠন করতে হবে।".contains(c)),
        "{body}"
    );
}

/// Standard base64, for reading the digest's body.
fn base64(text: &str) -> Vec<u8> {
    const ABC: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut out, mut acc, mut bits) = (vec![], 0u32, 0);
    for c in text.bytes().filter(|c| *c != b'=') {
        let Some(v) = ABC.iter().position(|a| *a == c) else {
            continue;
        };
        acc = (acc << 6) | v as u32;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    out
}
