//! `/personen/{id}`: the dossier.

use crate::pages::extract::PagePath;
use askama::Template;
use axum::extract::State;
use axum::response::Response;
use uuid::Uuid;
use wegwijs_domain::authz::{Action, PersonRef, Resource, can, can_take_on};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::person::{FIELDS, PersonDetails};
use wegwijs_domain::record::{ColumnValue, FieldDef, Input};

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{datum, geboren, or_onbekend, render, tijdstip};
use crate::state::AppState;
use chrono::NaiveDate;
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
    /// Trajectory navigation (issue 7): the person's trajectory pages for TrajectView roles.
    pub can_traject: bool,
    pub can_reassign: bool,
    /// A regisseur may take this person (without regisseur) on: the gemeente allows it.
    pub can_take_on: bool,
    /// The regisseur could take this person on, but the gemeente has switched taking on off.
    pub overnemen_uit: bool,
    pub regisseurs: Vec<(Uuid, String, bool)>,
    /// Household members who move along when this person moves (same regisseur or none): offered as
    /// "ook de gezinsleden", checked by default.
    pub gezinsleden: Vec<String>,
    pub gewijzigd: String,
}

fn row(label: &'static str, value: Option<String>) -> Row {
    Row {
        label,
        unknown: value.is_none(),
        value: or_onbekend(value.as_deref()),
    }
}

/// A stored value as a person reads it: code lists by their label, dates in words, yes/no.
fn shown(def: &FieldDef, value: ColumnValue) -> Option<String> {
    match (value, def.input) {
        (ColumnValue::Text(Some(code)), Input::Choice(choices)) => Some(
            choices
                .iter()
                .find(|(c, _)| *c == code)
                .map(|(_, label)| (*label).to_string())
                .unwrap_or(code),
        ),
        (ColumnValue::Text(t), _) => t,
        (ColumnValue::Date(d), _) => d.map(|d| datum(Some(d))),
        (ColumnValue::Flag(b), _) => b.map(|b| if b { "Ja" } else { "Nee" }.to_string()),
    }
}

/// The dossier's sections: one per group of the field table, fields in table order.
pub fn sections(d: &PersonDetails, today: NaiveDate) -> Vec<Section> {
    let mut sections: Vec<Section> = Vec::new();
    for (def, value) in FIELDS.iter().zip(d.to_columns().values()) {
        let value = match value {
            // The age beside the birth date: what a case worker needs at a glance.
            ColumnValue::Date(Some(b)) if def.api == "geboortedatum" => {
                Some(geboren(Some(b), today))
            }
            other => shown(def, other),
        };
        let row = row(def.label, value);
        match sections.iter_mut().find(|s| s.title == def.group) {
            Some(section) => section.rows.push(row),
            None => sections.push(Section {
                title: def.group,
                rows: vec![row],
            }),
        }
    }
    sections
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let today = ctx.now().date_naive();
    // A chain partner sees what its referral opens, on a page of its own.
    if signed.actor.organisatie_soort == wegwijs_domain::authz::OrganisatieSoort::Partner {
        return crate::pages::partners::dossier::show(&state, &signed, nonce, PersonId(id)).await;
    }
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
    // Only ask for the gemeente's setting when the role and the person make taking on possible at all.
    let person_ref = PersonRef {
        gemeente_id: p.gemeente_id,
        regisseur_id: p.regisseur_id,
    };
    let could_take_on = can_take_on(&signed.actor, person_ref, true).is_allowed();
    let setting = could_take_on && wegwijs_app::caseload::take_on_allowed(&ctx).await?;
    let can_take_on = could_take_on && setting;
    // Without regisseur and taking on switched off: say whom to ask instead of showing nothing.
    let overnemen_uit = could_take_on && !setting;
    let gezinsleden = if (can_reassign || can_take_on) && dossier.household.is_some() {
        persons::household_along(&ctx, p).await?
    } else {
        Vec::new()
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
                    geboortedatum: geboren(l.geboortedatum, today),
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
        sections: sections(&p.details, today),
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
        can_traject: allowed(Action::TrajectView),
        can_reassign,
        can_take_on,
        overnemen_uit,
        regisseurs,
        gezinsleden,
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
