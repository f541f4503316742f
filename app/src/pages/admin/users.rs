use crate::components::data::data;
use crate::components::error_list::ErrorList;
use crate::domain::audit::UserSummary;
use crate::i18n::tr;
use crate::server_fns::account::list_users;
use leptos::prelude::*;
use leptos_meta::Title;

/// "/admin/users": the users of the admin's offices.
#[component]
pub fn UsersPage() -> impl IntoView {
    let users = Resource::new(|| (), |_| list_users());
    view! {
        <Title text=format!("{} · {}", tr("users.title"), tr("app.name"))/>
        <h1>{tr("users.title")}</h1>
        <Transition fallback=|| view! { <p>{tr("loading")}</p> }>
            <ErrorBoundary fallback=|errors| view! { <ErrorList errors/> }>
                {move || Suspend::new(async move { users.await.map(|list| view! { <UserTable list/> }) })}
            </ErrorBoundary>
        </Transition>
    }
}

#[component]
fn UserTable(list: Vec<UserSummary>) -> impl IntoView {
    view! {
        <table>
            <thead>
                <tr>
                    <th scope="col">{tr("users.username")}</th>
                    <th scope="col">{tr("users.name")}</th>
                    <th scope="col">{tr("users.roles")}</th>
                    <th scope="col">{tr("users.state")}</th>
                </tr>
            </thead>
            <tbody>
                {list
                    .into_iter()
                    .map(|u| {
                        let roles = u
                            .grants
                            .iter()
                            .map(|g| view! { <li>{tr(g.role.label_key())}" — "{data(g.office_name.clone())}</li> })
                            .collect_view();
                        view! {
                            <tr>
                                <td>{data(u.username.clone())}</td>
                                <td>{data(u.display_name.clone())}</td>
                                <td><ul class="plain">{roles}</ul></td>
                                <td>
                                    {if !u.active {
                                        tr("users.inactive").into_any()
                                    } else if u.locked {
                                        view! {
                                            {tr("users.locked")}
                                            <form method="post" action=format!("/admin/users/{}/unlock", u.id)>
                                                <button type="submit">{tr("users.unlock")}</button>
                                            </form>
                                        }
                                            .into_any()
                                    } else {
                                        tr("users.active").into_any()
                                    }}
                                </td>
                            </tr>
                        }
                    })
                    .collect_view()}
            </tbody>
        </table>
    }
}
