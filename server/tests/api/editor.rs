//! The editor's form posts, as a browser without JavaScript sends them (and
//! the autosave's JSON): what is typed is stored exactly, bad input comes
//! back as typed with its problems, and a stale version is a conflict.
use super::*;
use app::domain::editor::values;
use app::domain::minutes::{Minutes, FORMAT};

/// The seed minutes as a draft: what the editor can type.
/// The editor form for `m`, digits in Bangla as the page shows them.
pub(crate) fn form_of(m: &Minutes, version: i32, op: &str) -> String {
    typed(m, version, op, &[])
}

/// The form for `m` with some inputs holding other text.
fn typed(m: &Minutes, version: i32, op: &str, inputs: &[(&str, &str)]) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    q.append_pair("version", &version.to_string());
    q.append_pair("format", FORMAT);
    q.append_pair("op", op);
    let mut v = values(m, true);
    for (k, text) in inputs {
        v.insert(k.to_string(), text.to_string());
    }
    for (k, v) in v {
        q.append_pair(&k, &v);
    }
    q.finish()
}

impl TestApp {
    /// A form post as a browser sends it without JavaScript (no JSON).
    pub(crate) async fn submit(&self, path: &str, form: &str, session: &str) -> Reply {
        let req = Request::post(path)
            .header("host", HOST)
            .header("origin", ORIGIN)
            .header("content-type", "application/x-www-form-urlencoded")
            .header("accept", "text/html")
            .header("cookie", session)
            .body(Body::from(form.to_owned()))
            .unwrap();
        self.request(req).await
    }

    /// A new draft of `m` through the form: its id and its editor's address.
    pub(crate) async fn create(&self, m: &Minutes, session: &str) -> (Uuid, String) {
        let r = self
            .submit("/meetings/new", &form_of(m, 0, "save"), session)
            .await;
        assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
        let to = r.location.unwrap();
        let id = to
            .strip_prefix("/meetings/")
            .and_then(|s| s.strip_suffix("/edit"))
            .unwrap()
            .parse()
            .unwrap();
        (id, to)
    }
}

async fn export(db: &DatabaseConnection, id: Uuid) -> Minutes {
    server::store::minutes::export(db, id).await.unwrap()
}

#[tokio::test]
async fn the_form_creates_a_draft_and_saves_every_field_as_typed() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let draft = seed_draft();

    let (id, to) = app.create(&draft, &secretary).await;
    assert_eq!(export(&app.db, id).await, draft, "every field, as typed");
    let page = app.get(&to, Some(&secretary)).await;
    assert!(page.body.contains("সংরক্ষিত হয়েছে।"), "the saved notice");
    assert!(page.body.contains("২০২৩-০৬-২২"), "dates in Bangla digits");
    assert!(page
        .body
        .contains("name=\"agenda[4].decisions[0].implementers[0].label\""));
    let again = app.get(&to, Some(&secretary)).await;
    assert!(
        !again.body.contains("সংরক্ষিত হয়েছে।"),
        "a notice shows once"
    );

    // A row button saves what is typed and adds the row.
    let mut typed = draft.clone();
    typed.venue = "নতুন স্থান".into();
    let r = app
        .submit(
            &to,
            &form_of(&typed, 1, "add:agenda[1].decisions"),
            &secretary,
        )
        .await;
    let n = draft.agenda[1].decisions.len();
    assert_eq!(
        r.location.as_deref(),
        Some(format!("{to}#f-agenda-1-decisions-{n}").as_str()),
        "back at the new row"
    );
    let saved = export(&app.db, id).await;
    assert_eq!(saved.venue, "নতুন স্থান");
    assert_eq!(saved.agenda[1].decisions.len(), n + 1);
    // The meeting's history names what the save changed, in words.
    let page = app.get(&format!("/meetings/{id}"), Some(&secretary)).await;
    let text = page.body.replace("<!>", "");
    assert!(text.contains("বদলানো অংশ: স্থান, আলোচ্যসূচি ২"), "{text}");
    let r = app
        .submit(&to, &form_of(&saved, 2, "up:attendees[3]"), &secretary)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    let moved = export(&app.db, id).await;
    assert_eq!(moved.attendees[2], saved.attendees[3]);
    assert_eq!(moved.attendees[3], saved.attendees[2]);
}

#[tokio::test]
async fn bad_input_comes_back_as_typed_with_its_problem_and_changes_nothing() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let draft = seed_draft();
    let id = server::store::minutes::create_draft(&app.db, &draft, None)
        .await
        .unwrap();
    let to = format!("/meetings/{id}/edit");
    let form = typed(
        &draft,
        1,
        "save",
        &[("held_on", "22 June"), ("venue", "পরিবর্তিত স্থান")],
    );
    let r = app.submit(&to, &form, &secretary).await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("{to}#problems").as_str())
    );
    assert_eq!(export(&app.db, id).await, draft, "nothing changed");
    let page = app.get(&to, Some(&secretary)).await;
    assert!(page.body.contains("value=\"22 June\""), "the date as typed");
    assert!(
        page.body.contains("পরিবর্তিত স্থান"),
        "the other fields as typed"
    );
    assert!(
        page.body.contains("href=\"#f-held_on\""),
        "the summary links the field"
    );
    assert!(page.body.contains("id=\"f-held_on\""));

    // A new meeting without a chair is not created; the form comes back.
    let mut no_chair = draft.clone();
    no_chair.chair = Default::default();
    let before = meetings::Entity::find().count(&app.db).await.unwrap();
    let r = app
        .submit("/meetings/new", &form_of(&no_chair, 0, "save"), &secretary)
        .await;
    assert_eq!(r.location.as_deref(), Some("/meetings/new#problems"));
    assert_eq!(
        meetings::Entity::find().count(&app.db).await.unwrap(),
        before
    );
    let page = app.get("/meetings/new", Some(&secretary)).await;
    assert!(
        page.body.contains("href=\"#f-chair-name\""),
        "{}",
        page.body
    );
    assert!(page.body.contains(&draft.title), "the title as typed");
}

#[tokio::test]
async fn a_stale_form_is_refused_with_a_conflict_and_the_first_save_stays() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let draft = seed_draft();
    let id = server::store::minutes::create_draft(&app.db, &draft, None)
        .await
        .unwrap();
    let to = format!("/meetings/{id}/edit");
    // Two tabs opened version 1; the first saves.
    let mut first = draft.clone();
    first.venue = "প্রথম ট্যাবের স্থান".into();
    first.agenda[0].discussion = "প্রথম ট্যাবের আলোচনা".into();
    let r = app
        .submit(&to, &form_of(&first, 1, "save"), &secretary)
        .await;
    assert_eq!(r.location.as_deref(), Some(to.as_str()));
    // The second, plain form: refused, its text comes back with the message.
    let mut second = draft.clone();
    second.venue = "দ্বিতীয় ট্যাবের স্থান".into();
    let r = app
        .submit(&to, &form_of(&second, 1, "save"), &secretary)
        .await;
    assert_eq!(
        r.location.as_deref(),
        Some(format!("{to}#problems").as_str())
    );
    let page = app.get(&to, Some(&secretary)).await;
    assert!(page.body.contains("অন্য কেউ এই খসড়াটি সংরক্ষণ করেছেন"));
    assert!(
        page.body.contains("দ্বিতীয় ট্যাবের স্থান"),
        "what was typed is on the page"
    );
    assert!(
        page.body.contains("name=\"version\" value=\"1\""),
        "still the stale version"
    );
    // The autosave (JSON) of the second: 409.
    let r = app
        .post(&to, &form_of(&second, 1, "save"), Some(&secretary))
        .await;
    assert_eq!(r.status, StatusCode::CONFLICT, "{}", r.body);
    let saved = export(&app.db, id).await;
    assert_eq!(saved.venue, "প্রথম ট্যাবের স্থান");
    assert_eq!(saved.agenda[0].discussion, "প্রথম ট্যাবের আলোচনা");
    // The autosave of a current form: 200 with the next version.
    let r = app
        .post(&to, &form_of(&saved, 2, "save"), Some(&secretary))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("\"version\":3"), "{}", r.body);
}

#[tokio::test]
async fn bijoy_text_is_shown_converted_and_converted_on_accept() {
    let app = TestApp::with_demo().await;
    let secretary = app.login("secretary").await;
    let mut draft = seed_draft();
    draft.venue = "wefvMxq Kwgkbvi, iscyi Gi m‡¤§jb K¶".into();
    let id = server::store::minutes::create_draft(&app.db, &draft, None)
        .await
        .unwrap();
    let to = format!("/meetings/{id}/edit");
    let page = app.get(&to, Some(&secretary)).await;
    assert!(
        page.body.contains("বিভাগীয় কমিশনার, রংপুর এর সম্মেলন কক্ষ"),
        "the preview"
    );
    assert!(
        page.body.contains("value=\"bijoy:venue\""),
        "the accept button"
    );
    let r = app
        .submit(&to, &form_of(&draft, 1, "bijoy:venue"), &secretary)
        .await;
    assert_eq!(r.status, StatusCode::SEE_OTHER);
    assert_eq!(
        export(&app.db, id).await.venue,
        "বিভাগীয় কমিশনার, রংপুর এর সম্মেলন কক্ষ"
    );
}

#[tokio::test]
async fn the_directory_is_searched_in_either_language() {
    let app = TestApp::with_demo().await;
    let admin = app.login("admin").await;
    let r = app
        .call("directory/people", "query=habibur", Some(&admin))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{}", r.body);
    assert!(r.body.contains("মো: হাবিবুর রহমান"), "{}", r.body);
    assert!(!r.body.contains("মেহেদী"), "only the matches");
    let r = app
        .call(
            "directory/offices",
            "query=%E0%A6%A6%E0%A6%BF%E0%A6%A8%E0%A6%BE%E0%A6%9C%E0%A6%AA%E0%A7%81%E0%A6%B0",
            Some(&admin),
        )
        .await;
    assert!(
        r.body.contains("Dinajpur"),
        "দিনাজপুর finds the English name too: {}",
        r.body
    );
    assert!(!r.body.contains("Thakurgaon"), "{}", r.body);
    let page = app.get("/admin/people?q=habibur", Some(&admin)).await;
    assert!(page.body.contains("মো: হাবিবুর রহমান"));
    assert!(
        page.body.contains("value=\"habibur\""),
        "the search box keeps the query"
    );
}

#[tokio::test]
async fn an_admin_adds_a_person_at_an_office_they_administer() {
    let app = TestApp::with_demo().await;
    let admin = app.login("admin").await;
    let form = "name_bn=%E0%A6%B0%E0%A6%BE%E0%A6%B6%E0%A7%87%E0%A6%A6%E0%A6%BE&name_en=Rasheda&designation_bn=%E0%A6%89%E0%A6%AA%E0%A6%AA%E0%A6%B0%E0%A6%BF%E0%A6%9A%E0%A6%BE%E0%A6%B2%E0%A6%95&designation_en=Deputy+Director&office=dc-dinajpur";
    let r = app.post("/admin/people", form, Some(&admin)).await;
    assert_eq!(r.status, StatusCode::SEE_OTHER, "{}", r.body);
    assert!(r.location.as_deref().unwrap().contains("ok=added"));
    let found = app
        .call("directory/people", "query=rasheda", Some(&admin))
        .await;
    assert!(found.body.contains("রাশেদা"), "{}", found.body);
    assert!(found.body.contains("দিনাজপুর"), "with the office's place");
    assert_eq!(audit_count(&app.db, "person.create").await, 1);

    // No Bangla name: back to the form, with what was typed, nothing added.
    let r = app
        .post(
            "/admin/people",
            "name_bn=&name_en=Nobody&designation_bn=x&office=dc-dinajpur",
            Some(&admin),
        )
        .await;
    let to = r.location.unwrap();
    assert!(
        to.contains("field=name_bn") && to.contains("name_en=Nobody"),
        "{to}"
    );
    let page = app.get(&to, Some(&admin)).await;
    assert!(page.body.contains("value=\"Nobody\""));
    assert!(page.body.contains("এটি পূরণ করতে হবে।"));
    assert_eq!(audit_count(&app.db, "person.create").await, 1);

    // The secretary is no admin; an office outside the admin's reach is refused.
    let secretary = app.login("secretary").await;
    let r = app.post("/admin/people", form, Some(&secretary)).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = app
        .post(
            "/admin/people",
            &form.replace("dc-dinajpur", "doict"),
            Some(&admin),
        )
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN, "{}", r.body);
    assert_eq!(audit_count(&app.db, "person.create").await, 1);
}
