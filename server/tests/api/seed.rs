//! The real migrations and the demo data, read back through the stores, the
//! server functions and the pages.
use super::*;

#[tokio::test]
async fn migrations_go_down_and_up_again() {
    let app = spawn_app().await;
    Migrator::down(&app.db, None).await.expect("down");
    assert!(
        offices::Entity::find().count(&app.db).await.is_err(),
        "tables dropped"
    );
    Migrator::up(&app.db, None).await.expect("up again");
    assert_eq!(offices::Entity::find().count(&app.db).await.unwrap(), 0);
}

#[tokio::test]
async fn demo_data_loads_once() {
    let app = TestApp::with_demo().await;
    let db = &app.db;
    // Division + 8 districts + the ICT directorate and its 6 field offices.
    assert_eq!(offices::Entity::find().count(db).await.unwrap(), 16);
    assert_eq!(meetings::Entity::find().count(db).await.unwrap(), 1);
    assert_eq!(agenda_items::Entity::find().count(db).await.unwrap(), 5);
    assert_eq!(decisions::Entity::find().count(db).await.unwrap(), 7);
    // Every decision goes to all eight district offices.
    assert_eq!(assignments::Entity::find().count(db).await.unwrap(), 7 * 8);
    assert!(
        !demo::load(db).await.unwrap(),
        "a second load writes nothing"
    );
    assert_eq!(meetings::Entity::find().count(db).await.unwrap(), 1);
}

#[tokio::test]
async fn store_reads_the_seed_meeting_back() {
    let app = TestApp::with_demo().await;
    let services = startup::services(app.db.clone());

    let list = services.meetings.list().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].agenda_items, 5);
    assert_eq!(list[0].decisions, 7);
    assert_eq!(list[0].status, MeetingStatus::Issued);

    let meeting = services.meetings.get(list[0].id).await.unwrap();
    let m = &meeting.minutes;
    assert!(m.title.contains("৪র্থ ত্রৈমাসিক সভার কার্যবিবরণী"));
    assert_eq!(meeting.office.name, "বিভাগীয় কমিশনারের কার্যালয়");
    assert_eq!(meeting.office.branch, "সাধারণ শাখা");
    assert_eq!(m.chair.name, "মো: হাবিবুর রহমান");
    assert_eq!(m.chair.designation, "বিভাগীয় কমিশনার");
    assert_eq!(m.held_on.to_string(), "2023-06-22");
    assert_eq!(m.starts_at.to_string(), "10:30:00");
    assert_eq!(m.quarter, 4);
    assert_eq!(m.fiscal_year, "2022-23");
    assert_eq!(
        m.memo_number.as_deref(),
        Some("05.47.0000.005.12.002.17.299")
    );
    let subjects: Vec<_> = m.agenda.iter().map(|a| a.subject.as_str()).collect();
    assert_eq!(subjects[1], "সেবা প্রদান প্রতিশ্রুতি সংক্রান্ত পরিবীক্ষণ কমিটি গঠন");
    assert_eq!(subjects.len(), 5);
    let item2 = &m.agenda[1];
    assert_eq!(
        item2.decisions.len(),
        3,
        "agenda item ০২ has three decisions, in order"
    );
    assert!(item2.decisions[0].text.contains("আগামী ১০ দিনের মধ্যে"));
    assert_eq!(item2.decisions[0].deadline, Deadline::DaysAfterIssue(10));
    assert_eq!(item2.decisions[1].deadline, Deadline::Quarterly);
    assert!(item2.decisions[2]
        .text
        .starts_with("পরিবীক্ষণ কমিটির সিদ্ধান্তের"));
    assert_eq!(
        item2.decisions[0].implementers[0].label,
        "জেলা প্রশাসক (সকল), রংপুর বিভাগ, রংপুর।"
    );
    assert_eq!(m.attendees.len(), 14);
    assert_eq!(m.attendees[0].name, "মো: হাবিবুর রহমান");
    assert_eq!(m.distribution.recipients.len(), 6);
    assert_eq!(m.distribution.recipients[3], "জেলা প্রশাসক (সকল), রংপুর বিভাগ");
    assert_eq!(
        m.issuer.as_ref().map(|s| s.name.as_str()),
        Some("মোঃ মেহেদী হাসান")
    );

    assert_eq!(
        services.meetings.get(Uuid::new_v4()).await,
        Err(AppError::NotFound)
    );
}

#[tokio::test]
async fn server_functions_answer_over_http() {
    let app = TestApp::with_demo().await;
    let id = app.meeting_id().await;
    let viewer = app.login("viewer").await;
    let s = Some(viewer.as_str());

    let r = app.call("meetings/list", "", s).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains(&id.to_string()));

    let r = app.call("meetings/get", &format!("id={id}"), s).await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    // The minutes, and apart their carry-forward (the demo's one meeting
    // has none).
    let (meeting, carried): (
        app::domain::Meeting,
        Vec<app::domain::tracking::CarriedDecision>,
    ) = serde_json::from_str(&r.body).expect("meeting JSON");
    assert_eq!(meeting.minutes.agenda.len(), 5);
    assert!(carried.is_empty());

    let r = app
        .call("meetings/get", &format!("id={}", Uuid::new_v4()), s)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND, "{}", r.body);
    assert_eq!(
        serde_json::from_str::<AppError>(&r.body).unwrap(),
        AppError::NotFound
    );

    let r = app.call("meetings/list", "", None).await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED, "no session, no minutes");
    assert_eq!(
        serde_json::from_str::<AppError>(&r.body).unwrap(),
        AppError::Unauthenticated
    );
}

#[tokio::test]
async fn pages_render_the_meeting_on_the_server() {
    let app = TestApp::with_demo().await;
    let id = app.meeting_id().await;

    let r = app.get("/health", None).await;
    assert_eq!((r.status, r.body.as_str()), (StatusCode::OK, "ok"));
    let r = app.get("/", None).await;
    assert_eq!(
        r.location.as_deref(),
        Some("/login?next=%2F"),
        "pages need a session"
    );

    let session = app.login("viewer").await;
    let r = app.get("/", Some(&session)).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(
        r.body.contains(&format!("/meetings/{id}")),
        "the list links to the meeting"
    );
    assert!(r.body.contains("২২ জুন, ২০২৩"));

    let r = app.get(&format!("/meetings/{id}"), Some(&session)).await;
    assert_eq!(r.status, StatusCode::OK);
    for text in [
        "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার",
        "সকাল ১০:৩০ টা",
        "বিভাগীয় কমিশনার, রংপুর এর সম্মেলন কক্ষ।",
        "সেবা প্রদান প্রতিশ্রুতি বিষয়ক স্টেকহোল্ডারগণের সমন্বয়ে অবহিতকরণ সভা আয়োজন।",
        "০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.২৯৯",
        "জারির ১০ দিনের মধ্যে",
        "সভা যুক্ত করা হয়েছে",
    ] {
        assert!(r.body.contains(text), "meeting page lacks {text}");
    }
    for header in [
        "content-security-policy",
        "x-frame-options",
        "x-content-type-options",
    ] {
        let res = app
            .router
            .clone()
            .oneshot(Request::get("/health").body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert!(res.headers().contains_key(header), "missing {header}");
    }
}
