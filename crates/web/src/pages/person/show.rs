//! `/personen/{id}`: the dossier.

use askama::Template;
use axum::extract::{Path, State};
use axum::response::Response;
use uuid::Uuid;
use wegwijs_domain::authz::{Action, PersonRef, Resource, can};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::person::PersonDetails;

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{datum, or_onbekend, render, tijdstip};
use crate::state::AppState;
use wegwijs_app::persons;

pub struct Row {
    pub label: &'static str,
    pub value: String,
    pub unknown: bool,
}

pub struct Section {
    pub title: &'static str,
    pub rows: Vec<Row>,
}

pub struct MemberView {
    pub href: String,
    pub naam: String,
    pub relatie: &'static str,
    pub geboortedatum: String,
    pub nareiziger: bool,
    pub is_self: bool,
}

#[derive(Template)]
#[template(path = "person_show.html")]
pub struct DossierPage {
    pub layout: Layout,
    pub id: Uuid,
    pub name: String,
    pub versie: i64,
    pub regisseur: String,
    pub sections: Vec<Section>,
    pub known: usize,
    pub total: usize,
    pub missing: Vec<&'static str>,
    pub household_id: Option<Uuid>,
    pub household_name: String,
    pub members: Vec<MemberView>,
    pub can_edit: bool,
    pub can_household: bool,
    pub can_audit: bool,
    pub can_reassign: bool,
    pub regisseurs: Vec<(Uuid, String, bool)>,
    pub gewijzigd: String,
}

fn row(label: &'static str, value: Option<String>) -> Row {
    Row {
        label,
        unknown: value.is_none(),
        value: or_onbekend(value.as_deref()),
    }
}

fn yes_no(v: Option<bool>) -> Option<String> {
    v.map(|b| if b { "Ja".into() } else { "Nee".into() })
}

fn date(v: Option<chrono::NaiveDate>) -> Option<String> {
    v.map(|d| datum(Some(d)))
}

pub fn sections(d: &PersonDetails) -> Vec<Section> {
    vec![
        Section {
            title: "Persoonsgegevens",
            rows: vec![
                row("BSN", d.bsn.as_ref().map(|b| b.as_str().to_string())),
                row(
                    "V-nummer",
                    d.v_nummer.as_ref().map(|v| v.as_str().to_string()),
                ),
                row("Geboortedatum", date(d.geboortedatum)),
                row("Geslacht", d.geslacht.map(|g| g.label().to_string())),
                row("Geboorteland", d.geboorteland.clone()),
                row("Nationaliteit", d.nationaliteit.clone()),
            ],
        },
        Section {
            title: "Taal",
            rows: vec![
                row("Gesproken talen", d.talen.clone()),
                row("Tolk nodig", yes_no(d.tolk_nodig)),
                row("Taal van de tolk", d.tolk_taal.clone()),
                row(
                    "Alfabetisering",
                    d.alfabetisering.map(|a| a.label().to_string()),
                ),
            ],
        },
        Section {
            title: "Opleiding en werk",
            rows: vec![
                row(
                    "Hoogste opleiding",
                    d.opleidingsniveau.map(|o| o.label().to_string()),
                ),
                row(
                    "Werkervaring",
                    d.werkervaring.map(|w| w.label().to_string()),
                ),
            ],
        },
        Section {
            title: "Inburgering en inkomen",
            rows: vec![
                row("Doelgroep", d.doelgroep.map(|x| x.label().to_string())),
                row("Regime", d.regime.map(|x| x.label().to_string())),
                row("Uitkering Participatiewet", yes_no(d.uitkering_pw)),
                row("Startdatum uitkering", date(d.uitkering_pw_startdatum)),
            ],
        },
        Section {
            title: "Belangrijke data",
            rows: vec![
                row("Koppeling aan de gemeente", date(d.datum_koppeling)),
                row("Inschrijving BRP", date(d.datum_brp_inschrijving)),
                row("Kennisgeving DUO", date(d.datum_kennisgeving_duo)),
                row("Huisvesting", date(d.datum_huisvesting)),
            ],
        },
        Section {
            title: "Adres en contact",
            rows: vec![
                row(
                    "Adres",
                    match (&d.straat, &d.huisnummer) {
                        (Some(s), Some(n)) => Some(format!("{s} {n}")),
                        (Some(s), None) => Some(s.clone()),
                        _ => None,
                    },
                ),
                row(
                    "Postcode en woonplaats",
                    match (&d.postcode, &d.woonplaats) {
                        (Some(p), Some(w)) => Some(format!("{} {w}", p.as_str())),
                        (None, Some(w)) => Some(w.clone()),
                        (Some(p), None) => Some(p.as_str().to_string()),
                        _ => None,
                    },
                ),
                row("Telefoon", d.telefoon.clone()),
                row("E-mailadres", d.email.clone()),
            ],
        },
    ]
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    Path(id): Path<Uuid>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let dossier = persons::view(&ctx, PersonId(id)).await?;
    let p = &dossier.person;
    let resource = Resource::Person(PersonRef {
        gemeente_id: p.gemeente_id,
        regisseur_id: p.regisseur_id,
    });
    let allowed = |a: Action| can(&signed.actor, a, resource).is_allowed();
    let can_reassign = allowed(Action::PersonReassign);
    let regisseurs = if can_reassign {
        wegwijs_app::users::regisseurs(&ctx)
            .await?
            .into_iter()
            .map(|(rid, naam)| (rid.0, naam, Some(rid) == p.regisseur_id))
            .collect()
    } else {
        vec![]
    };
    let completeness = p.details.completeness();
    let name = p.details.display_name();
    let (household_id, household_name, members) = match &dossier.household {
        Some(h) => (
            Some(h.id.0),
            h.omschrijving.clone(),
            h.leden
                .iter()
                .map(|l| MemberView {
                    href: format!("/personen/{}", l.persoon_id),
                    naam: l.naam(),
                    relatie: l.relatie.label(),
                    geboortedatum: datum(l.geboortedatum),
                    nareiziger: l.nareiziger,
                    is_self: l.persoon_id == p.id,
                })
                .collect(),
        ),
        None => (None, String::new(), vec![]),
    };
    Ok(render(&DossierPage {
        layout: Layout::new(&signed, nonce, name.clone(), ""),
        id,
        versie: p.versie,
        regisseur: p
            .regisseur_naam
            .clone()
            .unwrap_or_else(|| "nog geen regisseur".into()),
        sections: sections(&p.details),
        known: completeness.known,
        total: completeness.total,
        missing: completeness
            .missing
            .iter()
            .map(|(_, label)| *label)
            .collect(),
        household_id,
        household_name,
        members,
        can_edit: allowed(Action::PersonEdit),
        can_household: allowed(Action::HouseholdEdit),
        can_audit: allowed(Action::AuditViewPerson),
        can_reassign,
        regisseurs,
        gewijzigd: format!(
            "{}{}",
            tijdstip(p.gewijzigd_op),
            p.gewijzigd_door_naam
                .as_ref()
                .map(|n| format!(" door {n}"))
                .unwrap_or_default()
        ),
        name,
    }))
}
