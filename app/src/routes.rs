//! The HTML shell and the route table.
use crate::components::layout::Layout;
use crate::i18n::{detect_lang, tr};
use crate::pages::account::{AccountPage, LoginPage};
use crate::pages::admin::{AuditPage, HolidaysPage, OfficesPage, PeoplePage, UsersPage};
use crate::pages::meetings::{EditMeetingPage, MeetingPage, MeetingsPage, NewMeetingPage};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags, Title};
use leptos_router::{
    components::{Route, Router, Routes},
    path, SsrMode,
};

pub fn shell(options: LeptosOptions) -> impl IntoView {
    view! {
        <!DOCTYPE html>
        <html lang=detect_lang().code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <link rel="icon" href="data:,"/>
                <link rel="stylesheet" href=format!("/{}/sidhanto.css", options.site_pkg_dir)/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_context(detect_lang());
    view! {
        // leptos_meta 0.8 writes the title into <title> unescaped on the
        // server, so a meeting titled "</title><script>…" would run: no title
        // may contain "<" (‹ reads the same in a tab).
        <Title text=tr("app.name") formatter=|text: String| text.replace('<', "‹")/>
        <Router>
            <Layout>
                <Routes fallback=NotFound>
                    // Async: the server sends each page complete, so it reads
                    // (and its links and forms work) without JavaScript.
                    <Route path=path!("/") view=MeetingsPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/new") view=NewMeetingPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id/edit") view=EditMeetingPage ssr=SsrMode::Async/>
                    <Route path=path!("/meetings/:id") view=MeetingPage ssr=SsrMode::Async/>
                    <Route path=path!("/login") view=LoginPage ssr=SsrMode::Async/>
                    <Route path=path!("/search") view=crate::pages::search::SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/my") view=crate::pages::tracking::MyDecisionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/assignments/:id") view=crate::pages::tracking::AssignmentPage ssr=SsrMode::Async/>
                    <Route path=path!("/dashboard") view=crate::pages::dashboard::DashboardPage ssr=SsrMode::Async/>
                    <Route path=path!("/verify/:code") view=crate::pages::verify::VerifyPage ssr=SsrMode::Async/>
                    <Route path=path!("/account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/users") view=UsersPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/audit") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/offices") view=OfficesPage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/people") view=PeoplePage ssr=SsrMode::Async/>
                    <Route path=path!("/admin/holidays") view=HolidaysPage ssr=SsrMode::Async/>
                </Routes>
            </Layout>
        </Router>
    }
}

/// An address that is no page: 404, in the page chrome, with the way back.
#[component]
fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <Title text=format!("{} · {}", tr("error.not_found_title"), tr("app.name"))/>
        <h1>{tr("error.not_found_title")}</h1>
        <p>{tr("error.not_found_page")}</p>
        <p><a href="/">{tr("meeting.back")}</a></p>
    }
}
