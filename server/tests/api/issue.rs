//! Approval and issue: the workflow's steps and who may take them, numbers
//! taken atomically under concurrency, the issued PDF kept byte for byte and
//! checkable, and issued minutes closed to every edit path.
use super::*;
use server::db::entities::memo_issues;
use server::store::{issue, minutes as store};
use std::sync::Arc;

/// A multipart form with one file field.
fn upload(path: &str, field: &str, bytes: &[u8], session: Option<&str>) -> Request<Body> {
    let boundary = "sidhanto-test-boundary";
    let mut body = format!(
        "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"f\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    )
    .into_bytes();
    body.extend_from_slice(bytes);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    let mut req = Request::post(path)
        .header("host", HOST)
        .header("origin", ORIGIN)
        .header(
            "content-type",
            format!("multipart/form-data; boundary={boundary}"),
        );
    if let Some(cookie) = session {
        req = req.header("cookie", cookie);
    }
    req.body(Body::from(body)).unwrap()
}

#[tokio::test]
async fn secretary_submits_chair_returns_and_approves_and_anyone_verifies() {
    let app = TestApp::with_demo().await;
    let id = store::create_draft(&app.db, &seed_draft(), None)
        .await
        .unwrap();
    let (secretary, chair, viewer) = (
        app.login("secretary").await,
        app.login("chair").await,
        app.login("viewer").await,
    );
    let at = |step: &str| format!("/meetings/{id}/{step}");

    // Only the meeting's secretary submits; only its chair decides.
    assert_eq!(
        app.post(&at("submit"), "", Some(&chair)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(&at("approve"), "", Some(&secretary)).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        app.post(&at("approve"), "", Some(&viewer)).await.status,
        StatusCode::FORBIDDEN
    );
    let r = app.post(&at("submit"), "", Some(&secretary)).await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/meetings/{id}?done=submitted#workflow").as_str())
    );
    assert_eq!(status_of(&app.db, id).await, "submitted");
    // A submitted draft is closed to the editor.
    let r = app
        .post(
            &format!("/meetings/{id}/edit"),
            "version=2",
            Some(&secretary),
        )
        .await;
    assert_ne!(r.status, StatusCode::OK, "{}", r.body);

    // The chair finds them waiting on "my work", counted in the header.
    assert_eq!(app.call("my/waiting", "", Some(&chair)).await.body, "1");
    let mine = app.get("/my", Some(&chair)).await;
    assert!(
        mine.body
            .contains(&format!("href=\"/meetings/{id}#workflow\"")),
        "{}",
        mine.body
    );
    assert_eq!(app.call("my/waiting", "", Some(&secretary)).await.body, "0");

    // Returned without a comment: refused; with one: a draft again, comment shown.
    let r = app.post(&at("return"), "comment=", Some(&chair)).await;
    let back = r.location.unwrap();
    assert!(
        back.contains("error=tracking.reason_required") && back.ends_with("#comment"),
        "{back}"
    );
    assert_eq!(status_of(&app.db, id).await, "submitted");
    // The error is beside the comment box, not above the buttons.
    let page = app.get(&back, Some(&chair)).await;
    let beside = page.body.find(r#"id="comment-error""#).unwrap();
    assert!(
        page.body[beside..].starts_with(r#"id="comment-error" class="field-error" role="alert">"#)
            || page.body[beside..]
                .starts_with(r#"id="comment-error" role="alert" class="field-error">"#),
        "{}",
        &page.body[beside..beside + 200]
    );
    let r = app
        .post(
            &at("return"),
            &form_urlencoded::Serializer::new(String::new())
                .append_pair("comment", "সময়সীমা ঠিক করুন")
                .finish(),
            Some(&chair),
        )
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(status_of(&app.db, id).await, "draft");
    let page = app.get(&format!("/meetings/{id}"), Some(&secretary)).await;
    assert!(
        page.body.contains("সময়সীমা ঠিক করুন"),
        "the chair's comment is shown"
    );
    assert!(
        page.body.contains("action=\"/meetings/"),
        "the secretary's submit button"
    );

    // Resubmitted and approved: issued with the office's next number.
    app.post(&at("submit"), "", Some(&secretary)).await;
    let r = app.post(&at("approve"), "", Some(&chair)).await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/meetings/{id}?done=issued#workflow").as_str()),
        "{:?}",
        r.body
    );
    let issued = store::export(&app.db, id).await.unwrap();
    assert_eq!(issued.status, MeetingStatus::Issued);
    assert_eq!(
        issued.memo_number.as_deref(),
        Some("05.47.0000.005.12.002.17.300")
    );
    assert!(issued.issued_on.is_some());
    assert_eq!(
        assignments::Entity::find().count(&app.db).await.unwrap(),
        56 * 2,
        "the demo meeting's and this one's: 7 decisions × 8 districts"
    );
    for step in ["meeting.submit", "meeting.return", "meeting.approve"] {
        assert!(
            audit_count(&app.db, step).await >= 1,
            "{step} in the audit trail"
        );
    }

    // The PDF is the stored one, byte for byte, every time.
    let stored = memo_issues::Entity::find_by_id(id)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    let first = app
        .request(
            Request::get(format!("/meetings/{id}/memo.pdf"))
                .header("host", HOST)
                .header("cookie", &viewer)
                .body(Body::empty())
                .unwrap(),
        )
        .await;
    assert_eq!(first.status, StatusCode::OK);
    let bytes = send_bytes(&app, &format!("/meetings/{id}/memo.pdf"), &viewer).await;
    assert_eq!(bytes, stored.pdf);
    assert_eq!(server::keys::sha256(&bytes), stored.sha256);
    assert!(server::keys::verify(
        &stored.public_key,
        &stored.canonical,
        &stored.signature
    ));

    // The public page, without a session: facts and a valid signature.
    let page = app.get(&format!("/verify/{}", stored.code), None).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("স্বাক্ষর সঠিক"), "{}", page.body);
    assert!(page.body.contains("০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.৩০০"));
    // The original file passes; one changed byte fails.
    let r = app
        .request(upload(
            &format!("/verify/{}", stored.code),
            "pdf",
            &bytes,
            None,
        ))
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("/verify/{}?file=match#result", stored.code).as_str())
    );
    let mut changed = bytes.clone();
    let n = changed.len() / 2;
    changed[n] ^= 1;
    let r = app
        .request(upload(
            &format!("/verify/{}", stored.code),
            "pdf",
            &changed,
            None,
        ))
        .await;
    assert!(r.location.unwrap().contains("file=mismatch"));

    // Issued minutes refuse every edit path.
    let r = app.post(&at("submit"), "", Some(&secretary)).await;
    assert!(r.location.unwrap().contains("error=issue.wrong_status"));
    let r = app.post(&at("approve"), "", Some(&chair)).await;
    assert!(
        r.location.unwrap().contains("error=issue.wrong_status"),
        "no second issue"
    );
    let r = app
        .post(
            &format!("/meetings/{id}/edit"),
            "version=5",
            Some(&secretary),
        )
        .await;
    assert_ne!(r.status, StatusCode::OK);
    let r = app
        .call("meetings/editor", &format!("id={id}"), Some(&secretary))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let mut m = issued.clone();
    m.venue = "বদলানো".into();
    assert!(store::save_draft(&app.db, id, 5, &m, None).await.is_err());
    assert_eq!(
        store::export(&app.db, id).await.unwrap(),
        issued,
        "unchanged"
    );

    // A correction: a new draft that names it, linked both ways (the
    // meeting's workflow read first, so a kept copy would be stale).
    let workflow = |of: Uuid| {
        let (app, secretary) = (&app, &secretary);
        async move {
            let args = format!("id={of}");
            app.call("meetings/workflow", &args, Some(secretary))
                .await
                .body
        }
    };
    let before = workflow(id).await;
    assert!(before.contains("\"corrected_by\":null"), "{before}");
    let r = app.post(&at("correct"), "", Some(&secretary)).await;
    let to = r.location.unwrap();
    let correction: Uuid = to
        .trim_start_matches("/meetings/")
        .trim_end_matches("/edit")
        .parse()
        .unwrap();
    let view = workflow(correction).await;
    assert!(view.contains("05.47.0000.005.12.002.17.300"), "{view}");
    let view = workflow(id).await;
    assert!(view.contains(&correction.to_string()), "{view}");
    // Issued in its turn, the correction's memo names the memo it corrects,
    // and the old memo's public page says it was corrected.
    let at = |step: &str| format!("/meetings/{correction}/{step}");
    app.post(&at("submit"), "", Some(&secretary)).await;
    let r = app.post(&at("approve"), "", Some(&chair)).await;
    assert!(r.location.unwrap().contains("done=issued"));
    let text = pdftotext(&send_bytes(&app, &at("memo.pdf"), &viewer).await);
    assert!(
        text.contains("(স্মারক নং ০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.৩০০-এর সংশোধনী)"),
        "{text}"
    );
    let view = workflow(id).await;
    assert!(
        view.contains("05.47.0000.005.12.002.17.301"),
        "the corrected minutes name their correction's number: {view}"
    );
    let page = app.get(&format!("/verify/{}", stored.code), None).await;
    assert!(
        page.body.contains("০৫.৪৭.০০০০.০০৫.১২.০০২.১৭.৩০১"),
        "corrected by the next number"
    );
}

async fn send_bytes(app: &TestApp, path: &str, session: &str) -> Vec<u8> {
    let req = Request::get(path)
        .header("host", HOST)
        .header("cookie", session)
        .body(Body::empty())
        .unwrap();
    let res = app.router.clone().oneshot(req).await.unwrap();
    res.into_body().collect().await.unwrap().to_bytes().to_vec()
}

#[tokio::test]
async fn twenty_approvals_at_once_get_distinct_consecutive_numbers() {
    let app = TestApp::with_demo().await;
    let chair = accounts::find_by_username(&app.db, "chair")
        .await
        .unwrap()
        .unwrap()
        .id;
    let secretary = accounts::find_by_username(&app.db, "secretary")
        .await
        .unwrap()
        .unwrap()
        .id;
    let mut ids = vec![];
    for i in 0..20 {
        let mut m = seed_draft();
        m.title = format!("সভা {i}");
        let id = store::create_draft(&app.db, &m, None).await.unwrap();
        issue::submit(&app.db, id, secretary).await.unwrap();
        ids.push(id);
    }
    let issuing = Arc::new(server::store::issue::Issuing {
        keys: server::keys::Keys {
            dir: std::env::temp_dir().join("sidhanto-test-keys"),
        },
        public_url: "http://127.0.0.1:3000".into(),
        due_soon_days: 7,
    });
    // Each meeting approved twice at once: 40 attempts, 20 issues.
    let mut tasks = vec![];
    for id in ids.iter().chain(ids.iter()) {
        let (db, issuing, id) = (app.db.clone(), issuing.clone(), *id);
        tasks.push(tokio::spawn(async move {
            issue::approve(&db, id, chair, &issuing).await
        }));
    }
    let mut numbers = vec![];
    let mut refused = 0;
    for t in tasks {
        match t.await.unwrap() {
            Ok(n) => numbers.push(n),
            Err(AppError::Invalid { key, .. }) if key == "issue.wrong_status" => refused += 1,
            Err(e) => panic!("{e:?}"),
        }
    }
    assert_eq!(
        refused, 20,
        "the second approval of each meeting is refused"
    );
    let mut serials: Vec<u32> = numbers
        .iter()
        .map(|n| n.rsplit('.').next().unwrap().parse().unwrap())
        .collect();
    serials.sort();
    assert_eq!(
        serials,
        (300..320).collect::<Vec<_>>(),
        "distinct and consecutive"
    );
}

#[tokio::test]
async fn a_chair_uploads_a_signature_image_and_nothing_else() {
    let app = TestApp::with_demo().await;
    let chair = app.login("chair").await;
    let png = include_bytes!("../fixtures/signature.png");
    let r = app
        .request(upload("/account/signature", "signature", png, Some(&chair)))
        .await;
    assert_eq!(r.location.as_deref(), Some("/account?ok=signature"));
    let person = accounts::find_by_username(&app.db, "chair")
        .await
        .unwrap()
        .unwrap()
        .person_id
        .unwrap();
    let stored = server::db::entities::people::Entity::find_by_id(person)
        .one(&app.db)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(stored.signature_png.as_deref(), Some(&png[..]));
    // Not a PNG (a PDF renamed), and too big: refused at the field.
    let r = app
        .request(upload(
            "/account/signature",
            "signature",
            b"%PDF-1.7 not an image",
            Some(&chair),
        ))
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?error=not_png&field=signature")
    );
    let big = vec![0u8; 300 * 1024];
    let r = app
        .request(upload(
            "/account/signature",
            "signature",
            &big,
            Some(&chair),
        ))
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some("/account?error=too_big&field=signature")
    );
    let page = app
        .get("/account?error=not_png&field=signature", Some(&chair))
        .await;
    assert!(page.body.contains("ফাইলটি PNG ছবি নয়।"));
    // Without a session nothing is read.
    let r = app
        .request(upload("/account/signature", "signature", png, None))
        .await;
    assert_eq!(r.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn working_day_deadlines_skip_the_weekend_and_the_holidays_an_admin_enters() {
    use app::domain::dates::today_in_dhaka;
    use app::domain::meeting::add_working_days;
    use app::domain::Deadline;
    let app = TestApp::with_demo().await;
    let admin = app.login("admin").await;
    let today = today_in_dhaka();
    // The first working day after today becomes a public holiday.
    let holiday = add_working_days(today, 1, &|_| false).unwrap();
    let form = form_urlencoded::Serializer::new(String::new())
        .append_pair(
            "day",
            &app::domain::numerals::to_bangla_digits(&holiday.to_string()),
        )
        .append_pair("name", "বিশেষ ছুটি")
        .finish();
    let r = app.post("/admin/holidays", &form, Some(&admin)).await;
    assert_eq!(r.location.as_deref(), Some("/admin/holidays?ok=saved"));
    let r = app
        .post("/admin/holidays", "day=31-12-2024&name=x", Some(&admin))
        .await;
    assert!(r.location.unwrap().contains("error=holidays.bad_date"));
    let page = app.get("/admin/holidays", Some(&admin)).await;
    assert!(page.body.contains("বিশেষ ছুটি"));

    let mut m = seed_draft();
    for item in &mut m.agenda {
        for d in &mut item.decisions {
            d.deadline = Deadline::WorkingDaysAfterIssue(3);
        }
    }
    let id = store::create_draft(&app.db, &m, None).await.unwrap();
    let users = |name: &'static str| {
        let db = app.db.clone();
        async move {
            accounts::find_by_username(&db, name)
                .await
                .unwrap()
                .unwrap()
                .id
        }
    };
    issue::submit(&app.db, id, users("secretary").await)
        .await
        .unwrap();
    let issuing = server::store::issue::Issuing {
        keys: server::keys::Keys {
            dir: std::env::temp_dir().join("sidhanto-test-keys"),
        },
        public_url: "http://127.0.0.1:3000".into(),
        due_soon_days: 7,
    };
    issue::approve(&app.db, id, users("chair").await, &issuing)
        .await
        .unwrap();
    let expected = add_working_days(today, 3, &|d| d == holiday).unwrap();
    assert_ne!(expected, add_working_days(today, 3, &|_| false).unwrap());
    let decision_ids: Vec<Uuid> = decisions::Entity::find()
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|d| d.id)
        .collect();
    let due: Vec<_> = assignments::Entity::find()
        .filter(assignments::Column::DecisionId.is_in(decision_ids))
        .filter(assignments::Column::DueOn.gte(today))
        .all(&app.db)
        .await
        .unwrap()
        .into_iter()
        .map(|a| a.due_on)
        .collect();
    assert_eq!(due.len(), 56);
    assert!(
        due.iter().all(|d| *d == Some(expected)),
        "{due:?} vs {expected}"
    );
}
