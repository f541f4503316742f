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
