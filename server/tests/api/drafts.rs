//! What a draft's saves leave alone: nothing kept under its office's
//! counter shows a draft but the APA view, which counts that it exists, its
//! year, quarter and kind (migration m20261210).
use super::cache::office_counter;
use super::editor::form_of;
use super::*;

/// The APA view of the draft's year, as an admin reads it.
async fn apa(app: &TestApp, admin: &str, fiscal_year: &str) -> String {
    let form = format!("fiscal_year={fiscal_year}");
    app.call("dashboard/compliance", &form, Some(admin))
        .await
        .body
}

#[tokio::test]
async fn a_drafts_saves_leave_its_offices_counter_and_the_apa_view_still_counts_it() {
    let app = TestApp::with_demo().await;
    let (secretary, chair, admin) = (
        app.login("secretary").await,
        app.login("chair").await,
        app.login("admin").await,
    );
    let mut draft = seed_draft();
    // A year no demo meeting is of: the view shows only this draft.
    draft.fiscal_year = "2030-31".into();
    let year = app::domain::dates::FiscalYear(2030).code();
    let nothing = apa(&app, &admin, &year).await;

    // Created: counted as held.
    let (id, to) = app.create(&draft, &secretary).await;
    let office = meetings::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .office_id;
    let held = apa(&app, &admin, &year).await;
    assert_ne!(held, nothing, "a new draft is counted");

    // Saved again and again (as the autosave does): its office's counter,
    // and with it the view, stand still.
    let before = office_counter(&app.db, office).await;
    for (version, text) in [(1, "প্রথম"), (2, "দ্বিতীয়"), (3, "তৃতীয়")]
    {
        draft.agenda[0].discussion = format!("{text} সংরক্ষণ");
        draft.title = format!("{text} শিরোনাম");
        let r = app
            .post(&to, &form_of(&draft, version, "save"), Some(&secretary))
            .await;
        assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    }
    assert_eq!(office_counter(&app.db, office).await, before);
    assert_eq!(apa(&app, &admin, &year).await, held);

    // Moved to another quarter: counted there.
    draft.quarter = draft.quarter % 4 + 1;
    let r = app
        .post(&to, &form_of(&draft, 4, "save"), Some(&secretary))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    let moved = apa(&app, &admin, &year).await;
    assert_ne!(moved, held, "the quarter it was moved to");

    // Submitted, and returned to a draft: each moves the counter.
    let at = |step: &str| format!("/meetings/{id}/{step}");
    let before = office_counter(&app.db, office).await;
    app.post(&at("submit"), "", Some(&secretary)).await;
    assert_eq!(status_of(&app.db, id).await, "submitted");
    let submitted = office_counter(&app.db, office).await;
    assert!(submitted > before);
    let comment = "comment=%E0%A6%A0%E0%A6%BF%E0%A6%95%20%E0%A6%95%E0%A6%B0%E0%A7%81%E0%A6%A8";
    app.post(&at("return"), comment, Some(&chair)).await;
    assert_eq!(status_of(&app.db, id).await, "draft");
    assert!(office_counter(&app.db, office).await > submitted);
}

/// The searches' counter, as the searches read it.
async fn searches_counter(db: &DatabaseConnection) -> i64 {
    let row = db
        .query_one_raw(sea_orm::Statement::from_string(
            db.get_database_backend(),
            "SELECT version FROM data_version WHERE id = 5",
        ))
        .await
        .unwrap()
        .unwrap();
    row.try_get::<i64>("", "version").unwrap()
}

/// A save that changes no text the index holds leaves the index and every
/// kept search; one that moves the texts about is found where they went
/// (an agenda item keeps its id while it keeps its place: the index names
/// it); a position or date changed by SQL shows at the next search
/// (migration m20261211).
#[tokio::test]
async fn a_save_that_changes_no_indexed_text_leaves_the_searches() {
    use app::domain::search::Hit;
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let find = |q: &'static str| {
        let form = format!(
            "query={}",
            form_urlencoded::byte_serialize(q.as_bytes()).collect::<String>()
        );
        let (app, secretary) = (&app, secretary.clone());
        async move {
            let r = app.call("search", &form, Some(&secretary)).await;
            serde_json::from_str::<Vec<Hit>>(&r.body).unwrap()
        }
    };
    let mut draft = seed_draft();
    draft.agenda[0].decisions[0].text = "নদীভাঙন কবলিত এলাকায় ত্রাণ দিতে হবে।".into();
    draft.agenda[1].decisions[0].text = "বাঁধ মেরামত করতে হবে।".into();
    let (id, to) = app.create(&draft, &secretary).await;
    let anchor = |hits: Vec<Hit>| {
        assert_eq!(hits.len(), 1, "{hits:?}");
        hits[0].anchor.clone().unwrap()
    };
    assert_eq!(anchor(find("নদীভাঙন").await), "item-1-1");

    // The venue and an attendee: nothing the index holds.
    let before = searches_counter(&app.db).await;
    draft.venue = "নতুন সম্মেলন কক্ষ".into();
    draft.attendees.pop();
    let r = app
        .post(&to, &form_of(&draft, 1, "save"), Some(&secretary))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(searches_counter(&app.db).await, before);
    assert_eq!(anchor(find("নদীভাঙন").await), "item-1-1");

    // The first two items swapped: each decision is found in its new place.
    draft.agenda.swap(0, 1);
    let r = app
        .post(&to, &form_of(&draft, 2, "save"), Some(&secretary))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert_eq!(anchor(find("নদীভাঙন").await), "item-2-1");
    assert_eq!(anchor(find("বাঁধ মেরামত").await), "item-1-1");

    // By SQL: the items' places, then the meeting's date.
    let sql = |sql: &'static str| {
        let db = app.db.clone();
        async move {
            let backend = db.get_database_backend();
            db.execute_raw(sea_orm::Statement::from_sql_and_values(
                backend,
                server::store::search::placeholders(backend, sql),
                [id.into()],
            ))
            .await
            .unwrap();
        }
    };
    sql("UPDATE agenda_items SET position = position + 10 WHERE meeting_id = ?").await;
    assert_eq!(anchor(find("বাঁধ মেরামত").await), "item-11-1");
    let before = searches_counter(&app.db).await;
    sql("UPDATE meetings SET held_on = '2024-01-02' WHERE id = ?").await;
    assert!(searches_counter(&app.db).await > before);
}

/// An agenda item moved to another meeting by SQL keeps its id there; that
/// meeting's next save keeps it too, and the index rows the item left under
/// its first meeting give way (PostgreSQL keys them by what they name).
#[tokio::test]
async fn a_save_after_an_item_was_moved_here_by_sql_is_indexed() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let draft = seed_draft();
    let (from, _) = app.create(&draft, &secretary).await;
    let (to, at) = app.create(&draft, &secretary).await;
    let backend = app.db.get_database_backend();
    for sql in [
        "DELETE FROM agenda_items WHERE meeting_id = ? AND position = 1",
        "UPDATE agenda_items SET meeting_id = ? WHERE meeting_id = ? AND position = 1",
    ] {
        let values: Vec<sea_orm::Value> = if sql.starts_with("DELETE") {
            vec![to.into()]
        } else {
            vec![to.into(), from.into()]
        };
        app.db
            .execute_raw(sea_orm::Statement::from_sql_and_values(
                backend,
                server::store::search::placeholders(backend, sql),
                values,
            ))
            .await
            .unwrap();
    }
    let r = app
        .post(&at, &form_of(&draft, 1, "save"), Some(&secretary))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
}
