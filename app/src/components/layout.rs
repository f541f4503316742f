use crate::components::data::data;
use crate::domain::auth::{CurrentUser, Role};
use crate::i18n::{fmt_num, tr, use_lang, Lang};
use crate::server_fns::account::me;
use crate::server_fns::tracking::count_waiting;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Page chrome: the app's name, navigation for what this user may do, the
/// language switch, and the content.
#[component]
pub fn Layout(children: Children) -> impl IntoView {
    // One resource for the header: each costs the render a task and a
    // boundary of its own, on every page.
    let header = Resource::new(
        || (),
        |_| async {
            let user = me().await.ok().flatten();
            let waiting = if user.is_some() {
                count_waiting().await.unwrap_or(0)
            } else {
                0
            };
            (user, waiting)
        },
    );
    view! {
        // Keyboard users skip the header's links.
        <a class="skip" href="#main">{tr("nav.skip")}</a>
        <header class="site-header">
            <a class="brand" href="/">
                <span class="brand-name">{tr("app.name")}</span>
                <span class="brand-tagline">{tr("app.tagline")}</span>
            </a>
            <nav aria-label=tr("nav.meetings")>
                <Transition fallback=|| ()>
                    {move || Suspend::new(async move {
                        let (user, waiting) = header.await;
                        view! { <NavLinks user waiting/> }
                    })}
                </Transition>
                <LangSwitch/>
            </nav>
        </header>
        <main id="main">{children()}</main>
    }
}

#[component]
fn NavLinks(user: Option<CurrentUser>, waiting: u32) -> impl IntoView {
    let Some(user) = user else {
        return view! { <a href="/login">{tr("nav.login")}</a> }.into_any();
    };
    let admin = user.has_role(Role::Admin);
    // Work waits on /my: what one's office owes, and reports to verify.
    let has_work = [Role::Implementer, Role::Secretary, Role::Chair]
        .into_iter()
        .any(|r| user.has_role(r));
    view! {
        <a href="/">{tr("nav.meetings")}</a>
        {has_work.then(|| view! {
            <a href="/my">
                {tr("tracking.my_work")}
                // Reports to verify and minutes to approve.
                {(waiting > 0).then(|| view! {
                    " "<span class="count" title=tr("tracking.waiting")>
                        {fmt_num(waiting, 1)}
                        <span class="visually-hidden">" "{tr("tracking.waiting")}</span>
                    </span>
                })}
            </a>
        })}
        <a href="/dashboard">{tr("dashboard.title")}</a>
        <form method="get" action="/search" class="inline header-search" role="search">
            <input name="q" type="search" aria-label=tr("search.label") placeholder=tr("search.title")/>
        </form>
        {admin.then(|| view! {
            <a href="/admin/users">{tr("nav.users")}</a>
            <a href="/admin/offices">{tr("directory.offices")}</a>
            <a href="/admin/people">{tr("directory.people")}</a>
            <a href="/admin/holidays">{tr("holidays.title")}</a>
            <a href="/admin/audit">{tr("nav.audit")}</a>
        })}
        <a href="/account" class="who">{data(user.display_name)}</a>
        <form method="post" action="/logout" class="inline">
            <button type="submit" class="link">{tr("nav.logout")}</button>
        </form>
    }
    .into_any()
}

/// A form, not a link: it sets a cookie, so it is a POST like every change.
#[component]
fn LangSwitch() -> impl IntoView {
    let location = use_location();
    let other = match use_lang() {
        Lang::Bn => Lang::En,
        Lang::En => Lang::Bn,
    };
    let back = move || format!("{}{}", location.pathname.get(), location.search.get());
    view! {
        <form method="post" action="/lang" class="inline">
            <input type="hidden" name="lang" value=other.code()/>
            <input type="hidden" name="back" value=back/>
            <button type="submit" class="link" lang=other.code()>{tr("nav.switch_lang")}</button>
        </form>
    }
}
