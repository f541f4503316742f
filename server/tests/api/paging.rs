//! "/my" of an office that owes hundreds of decisions: fifty rows a page,
//! most urgent first, and the way to the other pages.
use super::*;
use server::demo::generate::{generate, Sizes};
use std::collections::HashMap;

/// Rows of the "what my office owes" table (the page's last table).
fn rows(body: &str) -> Vec<String> {
    let table = body.rsplit("<table class=\"assignments").next().unwrap();
    let body = table.split("</table>").next().unwrap();
    body.split("<a href=\"/assignments/")
        .skip(1)
        .map(|r| r[..36].to_string())
        .collect()
}

#[tokio::test]
async fn my_work_is_shown_fifty_rows_a_page() {
    let app = spawn_app().await;
    let sizes = Sizes {
        meetings: 12,
        decisions: 400,
        seed: 18,
    };
    generate(&app.db, sizes).await.unwrap();
    // An account implementing for the offices that owe the most, enough of
    // them for three pages.
    let mut owed: HashMap<Uuid, usize> = HashMap::new();
    for a in assignments::Entity::find().all(&app.db).await.unwrap() {
        *owed.entry(a.office_id).or_default() += 1;
    }
    let mut owed: Vec<(Uuid, usize)> = owed.into_iter().collect();
    owed.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    let (mut grants, mut total) = (vec![], 0);
    for (office, n) in owed {
        if total > 120 {
            break;
        }
        grants.push((Role::Implementer, office, false));
        total += n;
    }
    accounts::create_user(
        &app.db,
        None,
        NewUser {
            username: "busy.office",
            display_name: "Busy office",
            person_id: None,
            password_hash: server::password::hash(demo::DEMO_PASSWORD).unwrap(),
            grants,
        },
    )
    .await
    .unwrap();
    let me = app.login("busy.office").await;

    let first = app.get("/my", Some(&me)).await;
    assert_eq!(first.status, StatusCode::OK);
    assert_eq!(rows(&first.body).len(), 50);
    assert!(first.body.contains("href=\"/my?page=2\""), "a way on");
    assert!(!first.body.contains("rel=\"prev\""));

    // Every row is on exactly one page, and the last page is the last.
    let pages = total.div_ceil(50);
    let mut seen = std::collections::HashSet::new();
    for page in 1..=pages {
        let body = app.get(&format!("/my?page={page}"), Some(&me)).await.body;
        for row in rows(&body) {
            assert!(seen.insert(row), "a row on two pages");
        }
        assert_eq!(body.contains("rel=\"next\""), page < pages);
    }
    assert_eq!(seen.len(), total);

    // A page past the end, or not a number, is the nearest one.
    let past = app.get(&format!("/my?page={}", pages + 5), Some(&me)).await;
    assert_eq!(past.status, StatusCode::OK);
    assert_eq!(rows(&past.body).len(), total - (pages - 1) * 50);
    let garbled = app.get("/my?page=%3Cb%3E", Some(&me)).await;
    assert_eq!(rows(&garbled.body), rows(&first.body));
}
