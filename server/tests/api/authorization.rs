//! The authorization matrix: every server function and route, called as
//! every role, as another office's admin and with no session.
use super::*;

#[tokio::test]
async fn authorization_matrix() {
    let app = TestApp::with_demo().await;
    let meeting = app.meeting_id().await;
    add_other_admin(&app).await;
    let target = users::Entity::find()
        .filter(users::Column::Username.eq("dc.dinajpur"))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;

    let dinajpur = app.office_id("dc-dinajpur").await;
    let dinajpur_part = assignments::Entity::find()
        .filter(assignments::Column::OfficeId.eq(dinajpur))
        .one(&app.db)
        .await
        .unwrap()
        .unwrap()
        .id;

    // Every server function and plain route has an entry, and no entry is stale.
    let mut routes: Vec<(String, String)> = leptos::server_fn::axum::server_fn_paths()
        .map(|(path, method)| (method.to_string(), path.to_string()))
        .collect();
    // The router's own table: a route added to it without an entry here
    // fails below.
    routes.extend(
        server::routes::table()
            .iter()
            .map(|r| (r.method.to_string(), r.path.to_string())),
    );
    for (method, path) in &routes {
        assert!(
            MATRIX.iter().any(|(m, p, _)| m == method && p == path),
            "{method} {path} has no entry in the authorization matrix"
        );
    }
    for (m, p, _) in MATRIX {
        assert!(
            routes.iter().any(|(rm, rp)| rm == m && rp == p),
            "stale matrix entry {m} {p}"
        );
    }

    for &(method, path, allowed) in MATRIX {
        for who in EVERYONE {
            let username = match who {
                Who::Nobody => None,
                Who::Viewer => Some("viewer"),
                Who::Secretary => Some("secretary"),
                Who::Chair => Some("chair"),
                Who::Implementer => Some("dc.dinajpur"),
                Who::Admin => Some("admin"),
                Who::OtherAdmin => Some("admin.doict"),
            };
            // A fresh session per call: /logout and /account/password end or renew it.
            let session = match username {
                Some(u) => Some(app.login(u).await),
                None => None,
            };
            let id = if path.starts_with("/meetings/") {
                meeting
            } else if path.starts_with("/assignments/") {
                dinajpur_part
            } else {
                target
            };
            let path = path
                .replace("{id}", &id.to_string())
                .replace("{sha}", &"0".repeat(64))
                .replace("{file}", "implementation.csv");
            let form = match path.as_str() {
                "/api/verify" => "code=nosuchcode".to_string(),
                "/api/search" => "query=abc".to_string(),
                "/api/dashboard/compliance" | "/api/dashboard" => "fiscal_year=".to_string(),
                "/api/audit/recent" => "office=&person=&from=&to=".to_string(),
                "/api/assignments/get" => format!("id={dinajpur_part}"),
                "/api/meetings/carry_forward" | "/api/meetings/assignments" => {
                    format!("id={meeting}")
                }
                "/api/meetings/get"
                | "/api/audit/meeting"
                | "/api/meetings/editor"
                | "/api/meetings/workflow" => {
                    format!("id={meeting}")
                }
                "/api/directory/offices" | "/api/directory/people" => "query=".to_string(),
                "/login" => "username=nobody&password=x".to_string(),
                "/lang" => "lang=en&back=/".to_string(),
                "/account/password" => {
                    "current_password=&new_password=&confirm_password=".to_string()
                }
                _ => String::new(),
            };
            let reply = if method == "GET" {
                app.get(&path, session.as_deref()).await
            } else {
                app.post(&path, &form, session.as_deref()).await
            };
            // For people, the sign-in gate answers a page request without a
            // session with a redirect to the login form: that is a refusal too.
            let to_login = reply.status == StatusCode::SEE_OTHER
                && reply
                    .location
                    .as_deref()
                    .is_some_and(|l| l.starts_with("/login?next="));
            let denied = to_login
                || matches!(
                    reply.status,
                    StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN
                );
            assert_eq!(
                !denied,
                allowed.contains(who),
                "{method} {path} as {who:?} answered {}: {}",
                reply.status,
                reply.body
            );
            if denied {
                if *who == Who::Nobody {
                    assert!(
                        to_login || reply.status == StatusCode::UNAUTHORIZED,
                        "{method} {path} as nobody"
                    );
                } else {
                    assert_eq!(
                        reply.status,
                        StatusCode::FORBIDDEN,
                        "{method} {path} as {who:?}"
                    );
                }
            }
        }
    }
}
