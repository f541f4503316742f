//! Search, and the dashboard's APA views: what a monitoring officer reads
//! across meetings.
use super::*;
use app::domain::minutes::Minutes;
use app::domain::tracking::Dashboard;

const SEED: &str = include_str!("../../../docs/examples/seed-004.json");

#[tokio::test]
async fn one_search_box_finds_bangla_in_meetings_items_and_decisions() {
    use app::domain::search::Hit;
    let app = TestApp::with_demo().await;
    // The secretary: drafts are found only by those who may read them.
    let viewer = app.login("secretary").await;
    let find = |q: &str| {
        let form = form_urlencoded::Serializer::new(String::new())
            .append_pair("query", q)
            .finish();
        let app = &app;
        let viewer = viewer.clone();
        async move {
            let r = app.call("search", &form, Some(&viewer)).await;
            assert_eq!(r.status, StatusCode::OK, "{}", r.body);
            serde_json::from_str::<Vec<Hit>>(&r.body).unwrap()
        }
    };
    // The demo meeting was indexed by the migration and by its import.
    let hits = find("পরিবীক্ষণ কমিটি").await;
    assert!(hits.iter().any(|h| h.kind == "decision"), "{hits:?}");
    assert!(hits.iter().any(|h| h.kind == "subject"), "{hits:?}");
    assert!(hits.iter().all(|h| h.snippet.contains("পরিবীক্ষণ কমিটি")));
    // Each opens the meeting at its item or decision, which the page marks.
    let decision = hits.iter().find(|h| h.kind == "decision").unwrap();
    let anchor = decision.anchor.clone().expect("a decision's place");
    assert!(
        anchor.starts_with("item-") && anchor.matches('-').count() == 2,
        "{anchor}"
    );
    let subject = hits.iter().find(|h| h.kind == "subject").unwrap();
    assert!(subject.anchor.as_ref().unwrap().matches('-').count() == 1);
    let page = app
        .get(&format!("/meetings/{}", decision.meeting_id), Some(&viewer))
        .await;
    assert!(page.body.contains(&format!("id=\"{anchor}\"")), "{anchor}");
    assert!(find("সিটিজেন চার্টার")
        .await
        .iter()
        .any(|h| h.kind == "meeting"));
    // A saved draft is found by its new words; what it no longer says is not
    // (a search is kept under the change counter: the same query after the
    // write is answered afresh).
    let mut m: Minutes = serde_json::from_str(SEED).unwrap();
    m.status = MeetingStatus::Draft;
    m.memo_number = None;
    m.issued_on = None;
    m.agenda[0].decisions[0].text = "নদীভাঙন কবলিত এলাকায় ত্রাণ বিতরণ করতে হবে।".into();
    let id = server::store::minutes::create_draft(&app.db, &m, None)
        .await
        .unwrap();
    assert_eq!(find("নদীভাঙন").await.len(), 1);
    m.agenda[0].decisions[0].text = "বাঁধ মেরামত করতে হবে।".into();
    server::store::minutes::save_draft(&app.db, id, 1, &m, None)
        .await
        .unwrap();
    assert!(find("নদীভাঙন").await.is_empty());
    assert_eq!(find("বাঁধ মেরামত").await.len(), 1);
    // SQLite finds a meeting's rows of the index through their rowids
    // (migration m20261208): the map holds each row, and only those.
    if app.db.get_database_backend() == sea_orm::DbBackend::Sqlite {
        let count = |sql: &'static str| {
            let db = app.db.clone();
            async move {
                let row = db
                    .query_one_raw(sea_orm::Statement::from_string(
                        sea_orm::DbBackend::Sqlite,
                        sql,
                    ))
                    .await
                    .unwrap()
                    .unwrap();
                row.try_get::<i64>("", "n").unwrap()
            }
        };
        let mapped = "SELECT count(*) AS n FROM search_index s
                        JOIN search_index_rows r ON r.seq = s.rowid AND r.meeting_id = s.meeting_id";
        let index = count("SELECT count(*) AS n FROM search_index").await;
        assert!(index > 0);
        assert_eq!(count(mapped).await, index);
        assert_eq!(
            count("SELECT count(*) AS n FROM search_index_rows").await,
            index
        );
    }
    // A title changed outside the app (an operator's SQL, another instance)
    // shows in the next answer: it moves the searches' counter (m20261211).
    let backend = app.db.get_database_backend();
    let sql = "UPDATE meetings SET title_bn = 'চরাঞ্চলের সভা' WHERE id = ?";
    app.db
        .execute_raw(sea_orm::Statement::from_sql_and_values(
            backend,
            server::store::search::placeholders(backend, sql),
            [id.into()],
        ))
        .await
        .unwrap();
    let hits = find("বাঁধ মেরামত").await;
    assert_eq!(hits[0].meeting_title, "চরাঞ্চলের সভা", "{hits:?}");
    // Short, odd and hostile queries are answered, not errors.
    assert!(find("স").await.is_empty(), "too short");
    assert!(find("100%").await.is_empty());
    assert!(find("\" OR 1=1 --").await.is_empty());
    let page = app.get("/search?q=%E0%A6%AA%E0%A6%B0%E0%A6%BF%E0%A6%AC%E0%A7%80%E0%A6%95%E0%A7%8D%E0%A6%B7%E0%A6%A3", Some(&viewer)).await;
    assert!(page.body.contains("class=\"hits\""), "{}", page.body);
}

#[tokio::test]
async fn the_apa_views_count_quarters_and_meetings_held() {
    use app::domain::tracking::{Compliance, Held};
    let app = TestApp::with_demo().await;
    let admin = app.login("admin").await;
    let d: Dashboard = serde_json::from_str(
        &app.call("dashboard", "fiscal_year=", Some(&admin))
            .await
            .body,
    )
    .unwrap();
    let other: Dashboard = serde_json::from_str(
        &app.call("dashboard", "fiscal_year=2023-24", Some(&admin))
            .await
            .body,
    )
    .unwrap();
    assert!(other.quarters.is_empty() && other.meetings.is_empty());
    // Overdue is overdue whatever the year: 2023-24 had no meeting, but the
    // offices still owe 2022-23's decisions.
    let overdue = |d: &Dashboard| -> Vec<(String, u32, u32)> {
        d.offices
            .iter()
            .map(|o| (o.office.clone(), o.open, o.overdue))
            .collect()
    };
    assert!(d.offices.iter().any(|o| o.overdue > 0), "{:?}", d.offices);
    assert_eq!(overdue(&other), overdue(&d));
    assert_eq!(d.fiscal_year, Some(2022), "the newest year with meetings");
    assert_eq!(d.years, [2022]);
    assert_eq!(
        d.quarters,
        vec![(2022, 4, 0, 7)],
        "FY 2022-23 Q4: none of 7 implemented yet"
    );
    let c: Compliance = serde_json::from_str(
        &app.call(
            "dashboard/compliance",
            "fiscal_year=%E0%A7%A8%E0%A7%A6%E0%A7%A8%E0%A7%A8-%E0%A7%A8%E0%A7%A9",
            Some(&admin),
        )
        .await
        .body,
    )
    .unwrap();
    assert_eq!(c.fiscal_year, 2022);
    let division = c
        .offices
        .iter()
        .find(|(o, _)| o.contains("বিভাগীয় কমিশনারের কার্যালয়"))
        .unwrap();
    assert_eq!(
        division.1,
        [Held::None, Held::None, Held::None, Held::Issued]
    );
    let dinajpur = c
        .offices
        .iter()
        .find(|(o, _)| o.contains("দিনাজপুর"))
        .unwrap();
    assert_eq!(
        dinajpur.1,
        [Held::None; 4],
        "no meeting of its own recorded"
    );
    // This year's last quarter is not over: not a missed meeting.
    let this_year = app::domain::dates::FiscalYear::of(app::domain::dates::today_in_dhaka());
    let c: Compliance = serde_json::from_str(
        &app.call(
            "dashboard/compliance",
            &format!("fiscal_year={}", this_year.code()),
            Some(&admin),
        )
        .await
        .body,
    )
    .unwrap();
    assert!(c.offices.iter().all(|(_, q)| q[3] == Held::NotYet), "{c:?}");
    let r = app
        .call("dashboard/compliance", "fiscal_year=2022-24", Some(&admin))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY);
    let page = app.get("/dashboard?fy=2022-23", Some(&admin)).await;
    assert!(page.body.contains("জারি হয়েছে") && page.body.contains("সভা হয়নি"));
    assert!(
        page.body.contains(r#"<option value="2022-23" selected"#),
        "the year filter keeps its value"
    );
}
