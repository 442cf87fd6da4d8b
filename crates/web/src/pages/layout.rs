//! The frame around every signed-in page: who you are, where you can go, the CSRF token for forms.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use wegwijs_domain::authz::{Action, Resource, Role, can};

use crate::auth::SignedIn;
use crate::middleware::security_headers::CspNonce;
use crate::pages::melding::Melding;

/// The CSP nonce of this request, for `<script nonce>`, and the confirmation (`?melding=`) the page
/// should show. Every signed-in page takes this extractor to build its [`Layout`], so the melding
/// reaches every page without each handler reading it.
pub struct Nonce(pub String, pub Option<Melding>);

impl Nonce {
    /// A nonce without a melding (error pages).
    pub fn plain(nonce: String) -> Nonce {
        Nonce(nonce, None)
    }
}

impl<S: Send + Sync> FromRequestParts<S> for Nonce {
    type Rejection = std::convert::Infallible;
    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Nonce(
            parts
                .extensions
                .get::<CspNonce>()
                .map(|n| n.0.clone())
                .unwrap_or_default(),
            Melding::from_query(parts.uri.query()),
        ))
    }
}

pub struct NavItem {
    pub href: &'static str,
    pub label: &'static str,
    pub current: bool,
}

pub struct Layout {
    pub title: String,
    pub user_name: String,
    pub roles: String,
    pub organisatie: String,
    pub nav: Vec<NavItem>,
    pub csrf: String,
    pub nonce: String,
    pub signed_in: bool,
    pub flash: Option<String>,
}

impl Layout {
    pub fn new(signed: &SignedIn, nonce: Nonce, title: impl Into<String>, current: &str) -> Layout {
        let actor = &signed.actor;
        let own_gemeente = actor.gemeente_id().map(Resource::Gemeente);
        let allowed = |a: Action| own_gemeente.is_some_and(|g| can(actor, a, g).is_allowed());
        let mut nav = Vec::new();
        if allowed(Action::PersonList) {
            nav.push(NavItem {
                href: "/caseload",
                label: "Caseload",
                current: false,
            });
        }
        // Werkvoorraad (issue 7): the list of actions; the counts per regisseur moved beneath it.
        if allowed(Action::WerkvoorraadView) {
            nav.push(NavItem {
                href: "/werkvoorraad",
                label: "Werkvoorraad",
                current: false,
            });
        }
        if allowed(Action::WorkloadView) {
            nav.push(NavItem {
                href: "/werkvoorraad/aantallen",
                label: "Aantallen",
                current: false,
            });
        }
        // End werkvoorraad.
        // Chain partners (issue 8): the referrals, for the gemeente and for a partner.
        let partner = actor.organisatie_soort == wegwijs_domain::authz::OrganisatieSoort::Partner
            && can(
                actor,
                Action::VerwijzingView,
                Resource::Partner(actor.organisatie_id),
            )
            .is_allowed();
        if partner || allowed(Action::VerwijzingView) {
            nav.push(NavItem {
                href: "/verwijzingen",
                label: "Verwijzingen",
                current: false,
            });
        }
        // Taakstelling and intake queue (issue 7).
        if allowed(Action::PersonList) {
            nav.push(NavItem {
                href: "/intake-wachtrij",
                label: "Intake-wachtrij",
                current: false,
            });
        }
        if allowed(Action::AggregateView) {
            nav.push(NavItem {
                href: "/rapportage/taakstelling",
                label: "Taakstelling",
                current: false,
            });
        }
        if allowed(Action::TaakstellingManage) {
            nav.push(NavItem {
                href: "/beheer/taakstelling",
                label: "Taakstelling instellen",
                current: false,
            });
        }
        // End taakstelling and intake queue.
        if allowed(Action::PersonCreate) {
            nav.push(NavItem {
                href: "/personen/nieuw",
                label: "Nieuwe persoon",
                current: false,
            });
        }
        if allowed(Action::AuditViewGemeente) {
            nav.push(NavItem {
                href: "/verwerkingen",
                label: "Verwerkingenlog",
                current: false,
            });
        }
        if can(
            actor,
            Action::UserManage,
            Resource::Organisation(actor.organisatie_id),
        )
        .is_allowed()
        {
            nav.push(NavItem {
                href: "/beheer/gebruikers",
                label: "Gebruikers",
                current: false,
            });
        }
        // A partner organisation's beheerder manages its own accounts, but not the organisations of the
        // installation nor gemeente settings: the links follow `can`, not the role name.
        if can(
            actor,
            Action::OrganisationManage,
            Resource::Organisation(actor.organisatie_id),
        )
        .is_allowed()
        {
            nav.push(NavItem {
                href: "/beheer/organisaties",
                label: "Organisaties",
                current: false,
            });
            nav.push(NavItem {
                href: "/beheer/instellingen",
                label: "Instellingen",
                current: false,
            });
        }
        nav.push(NavItem {
            href: "/account",
            label: "Mijn account",
            current: false,
        });
        for item in &mut nav {
            item.current = item.href == current;
        }
        let roles = actor
            .roles
            .iter()
            .map(|r: &Role| r.label())
            .collect::<Vec<_>>()
            .join(", ");
        Layout {
            title: title.into(),
            user_name: signed.user.naam.clone(),
            roles,
            organisatie: signed.user.organisatie_naam.clone(),
            nav,
            csrf: signed.csrf_token.clone(),
            nonce: nonce.0,
            signed_in: true,
            flash: nonce.1.map(Melding::text),
        }
    }

    /// The frame for pages without a signed-in user (sign-in, errors).
    pub fn anonymous(nonce: String, title: impl Into<String>) -> Layout {
        Layout {
            title: title.into(),
            user_name: String::new(),
            roles: String::new(),
            organisatie: String::new(),
            nav: Vec::new(),
            csrf: String::new(),
            nonce,
            signed_in: false,
            flash: None,
        }
    }

    pub fn with_flash(mut self, flash: Option<String>) -> Layout {
        self.flash = flash;
        self
    }
}
