//! Importing minutes: issued minutes come in only as an admin's record,
//! with assignments only to offices within the admin's reach.
use super::*;

#[tokio::test]
async fn issued_minutes_come_in_only_as_an_admins_record_within_their_reach() {
    const SEED: &str = include_str!("../../../../docs/examples/seed-004.json");
    let app = TestApp::with_demo().await;
    let request = |path: &str, body: String, session: &str| {
        Request::post(path)
            .header("host", HOST)
            .header("origin", ORIGIN)
            .header("content-type", "application/json")
            .header("cookie", session)
            .body(Body::from(body))
            .unwrap()
    };
    let fresh = SEED.replace(
        "05.47.0000.005.12.002.17.299",
        "05.47.0000.005.12.002.17.097",
    );
    let before = meetings::Entity::find().count(&app.db).await.unwrap();
    // A secretary cannot issue by import (before: 201, an issued meeting).
    let secretary = app.login("secretary").await;
    let r = app
        .request(request("/meetings/import", fresh.clone(), &secretary))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    let r = app
        .request(request("/admin/records/import", fresh.clone(), &secretary))
        .await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    // Assignments only to offices in the admin's reach.
    let admin = app.login("admin").await;
    let mut outside: serde_json::Value = serde_json::from_str(&fresh).unwrap();
    outside["agenda"][0]["decisions"][0]["implementers"][0]["office"] = "doict".into();
    let r = app
        .request(request(
            "/admin/records/import",
            outside.to_string(),
            &admin,
        ))
        .await;
    assert_eq!(r.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", r.body);
    assert!(r.body.contains("import.office_out_of_reach"), "{}", r.body);
    assert!(r
        .body
        .contains("agenda[0].decisions[0].implementers[0].office"));
    assert_eq!(
        meetings::Entity::find().count(&app.db).await.unwrap(),
        before
    );
    // A record: issued, marked, with no verification code.
    let r = app
        .request(request("/admin/records/import", fresh, &admin))
        .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.body);
    let id: Uuid = serde_json::from_str::<serde_json::Value>(&r.body).unwrap()["id"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    let r = app
        .call("meetings/workflow", &format!("id={id}"), Some(&admin))
        .await;
    assert!(r.body.contains("\"verify_code\":null"), "{}", r.body);
    let r = app
        .call("meetings/get", &format!("id={id}"), Some(&admin))
        .await;
    assert!(r.body.contains("\"imported\":true"), "{}", r.body);
}
