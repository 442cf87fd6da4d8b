//! `/`: sends each role to its starting page.

use askama::Template;
use axum::response::{IntoResponse, Redirect, Response};
use wegwijs_domain::authz::{Action, Resource, Role, can};

use crate::auth::SignedIn;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::render;

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub layout: Layout,
    /// The taakstelling report is open to this role (beleid).
    pub aggregate: bool,
}

pub async fn home(signed: SignedIn, nonce: Nonce) -> Response {
    let a = &signed.actor;
    let g = a.gemeente_id().map(Resource::Gemeente);
    let allowed = |act: Action| g.is_some_and(|g| can(a, act, g).is_allowed());
    // A chain partner starts from its referrals.
    if a.organisatie_soort == wegwijs_domain::authz::OrganisatieSoort::Partner
        && can(
            a,
            Action::VerwijzingView,
            Resource::Partner(a.organisatie_id),
        )
        .is_allowed()
    {
        return Redirect::to("/verwijzingen").into_response();
    }
    // Werkvoorraad (issue 7): a regisseur starts from what needs doing.
    if a.has(Role::Regisseur) && allowed(Action::WerkvoorraadView) {
        return Redirect::to("/werkvoorraad").into_response();
    }
    if allowed(Action::PersonList) {
        return Redirect::to("/caseload").into_response();
    }
    if allowed(Action::AuditViewGemeente) {
        return Redirect::to("/verwerkingen").into_response();
    }
    if can(
        a,
        Action::UserManage,
        Resource::Organisation(a.organisatie_id),
    )
    .is_allowed()
    {
        return Redirect::to("/beheer/gebruikers").into_response();
    }
    // Beleid: no person-level data; the aggregates come with the monitoring issue.
    render(&HomePage {
        aggregate: allowed(Action::AggregateView),
        layout: Layout::new(&signed, nonce, "Welkom", "/"),
    })
}
