//! `/personen/{id}/huishouden`: compose the household of a person (members, relation, nareiziger).

use crate::pages::extract::PagePath;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::model::{ListQuery, RegisseurFilter};
use wegwijs_domain::authz::Action;
use wegwijs_domain::household::{LidInput, Relatie};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::validation::ValidationErrors;

use super::forms::SelectOption;
use super::person::fields::relatie_choices;
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::{geboren, render, render_status};
use crate::state::AppState;
use wegwijs_app::error::AppError;
use wegwijs_app::{households, persons};

pub struct MemberRow {
    pub id: Uuid,
    pub naam: String,
    pub geboortedatum: String,
    pub relaties: Vec<SelectOption>,
    pub nareiziger: bool,
}

#[derive(Template)]
#[template(path = "household_edit.html")]
pub struct HouseholdPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub person_name: String,
    pub omschrijving: String,
    pub versie: Option<i64>,
    pub huishouden_id: Option<Uuid>,
    pub members: Vec<MemberRow>,
    pub nieuw_relaties: Vec<SelectOption>,
    /// (id of the field or fieldset to link to, message)
    pub errors: Vec<(String, String)>,
    /// The term typed under "Lid toevoegen", kept when it found several persons.
    pub nieuw_lid: String,
    /// The persons an ambiguous name found, to choose from (radio buttons `nieuw_lid_keuze`).
    pub kandidaten: Vec<Candidate>,
    /// More persons matched than are listed: the term should be more precise.
    pub meer_kandidaten: bool,
}

/// A person found by an ambiguous name: enough to tell them apart (name, birth date, BSN).
pub struct Candidate {
    pub id: Uuid,
    pub naam: String,
    pub geboortedatum: String,
    pub bsn: String,
}

/// At most this many candidates are listed for an ambiguous name.
const MAX_CANDIDATES: u32 = 10;

fn relatie_options(selected: Relatie) -> Vec<SelectOption> {
    relatie_choices()
        .into_iter()
        .map(|(code, label)| SelectOption {
            value: code.into(),
            label: label.into(),
            selected: code == selected.code(),
        })
        .collect()
}

pub async fn form(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    Ok(render(
        &build_page(&state, &signed, nonce, id, vec![]).await?,
    ))
}

/// The page as stored now, with `errors` shown at the top.
async fn build_page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    id: Uuid,
    errors: Vec<(String, String)>,
) -> Result<HouseholdPage, PageError> {
    let ctx = signed.ctx(state);
    let today = ctx.now().date_naive();
    // Refuse before reading: a role without HouseholdEdit must not leave a read row for nothing.
    ctx.require_in_own_gemeente(Action::HouseholdEdit)?;
    let dossier = persons::view(&ctx, PersonId(id)).await?;
    let name = dossier.person.details.display_name();
    let huishouden_id = dossier.household.as_ref().map(|h| h.id.0);
    let (omschrijving, versie, members) = match &dossier.household {
        Some(h) => (
            h.omschrijving.clone(),
            Some(h.versie),
            h.leden
                .iter()
                .map(|l| MemberRow {
                    id: l.persoon_id.0,
                    naam: l.naam(),
                    geboortedatum: geboren(l.geboortedatum, today),
                    relaties: relatie_options(l.relatie),
                    nareiziger: l.nareiziger,
                })
                .collect(),
        ),
        None => (
            format!("Huishouden {}", dossier.person.details.geslachtsnaam),
            None,
            vec![MemberRow {
                id,
                naam: name.clone(),
                geboortedatum: geboren(dossier.person.details.geboortedatum, today),
                relaties: relatie_options(Relatie::Referentiepersoon),
                nareiziger: false,
            }],
        ),
    };
    Ok(HouseholdPage {
        layout: Layout::new(signed, nonce, format!("Huishouden van {name}"), ""),
        person_id: id,
        person_name: name,
        omschrijving,
        versie,
        huishouden_id,
        members,
        nieuw_relaties: relatie_options(Relatie::Kind),
        errors,
        nieuw_lid: String::new(),
        kandidaten: Vec::new(),
        meer_kandidaten: false,
    })
}

fn field<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

pub async fn save(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let mut leden = Vec::new();
    let mut errors = ValidationErrors::new();
    for (k, v) in &pairs {
        if k != "lid" {
            continue;
        }
        let Ok(pid) = v.parse::<Uuid>() else { continue };
        if field(&pairs, &format!("verwijder_{pid}")).is_some() {
            continue;
        }
        let relatie = field(&pairs, &format!("relatie_{pid}"))
            .and_then(Relatie::parse)
            .unwrap_or(Relatie::Overig);
        let nareiziger = field(&pairs, &format!("nareiziger_{pid}")).is_some();
        leden.push(LidInput {
            persoon_id: PersonId(pid),
            relatie,
            nareiziger,
        });
    }
    let nieuw_relatie = field(&pairs, "nieuw_relatie")
        .and_then(Relatie::parse)
        .unwrap_or(Relatie::Overig);
    let nieuw_nareiziger = field(&pairs, "nieuw_nareiziger").is_some();
    let mut kandidaten = Vec::new();
    let mut meer_kandidaten = false;
    let mut nieuw_lid = String::new();
    // A candidate chosen from an earlier ambiguous search: the household use case checks that the
    // person belongs to the gemeente.
    let keuze = field(&pairs, "nieuw_lid_keuze").and_then(|v| v.parse::<Uuid>().ok());
    if let Some(pid) = keuze {
        leden.push(LidInput {
            persoon_id: PersonId(pid),
            relatie: nieuw_relatie,
            nareiziger: nieuw_nareiziger,
        });
    } else if let Some(zoek) = field(&pairs, "nieuw_lid")
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        let query = ListQuery {
            zoek: Some(zoek.to_string()),
            regisseur: RegisseurFilter::Alle,
            per_pagina: MAX_CANDIDATES,
            ..Default::default()
        };
        // The same use case as the caseload search, so it leaves the same rows: the search (hashed
        // term, also when nothing is found) and one row per person found (they are shown as candidates).
        let found = wegwijs_app::persons::list(&ctx, &query).await?;
        match found.items.as_slice() {
            [one] => leden.push(LidInput {
                persoon_id: one.person_id(),
                relatie: nieuw_relatie,
                nareiziger: nieuw_nareiziger,
            }),
            [] => errors.push("nieuw_lid", "unknown_value", "Geen persoon gevonden in uw gemeente. Registreer de persoon eerst, of zoek op BSN of V-nummer."),
            many => {
                errors.push("nieuw_lid", "inconsistent", "Meer dan één persoon gevonden: kies hieronder wie u bedoelt.");
                nieuw_lid = zoek.to_string();
                meer_kandidaten = found.volgende.is_some();
                kandidaten = many
                    .iter()
                    .map(|p| Candidate {
                        id: p.id,
                        naam: match &p.tussenvoegsel {
                            Some(t) => format!("{} {} {}", p.voornamen, t, p.geslachtsnaam),
                            None => format!("{} {}", p.voornamen, p.geslachtsnaam),
                        },
                        geboortedatum: geboren(p.geboortedatum, ctx.now().date_naive()),
                        bsn: p.bsn.clone().unwrap_or_else(|| "onbekend".into()),
                    })
                    .collect();
            }
        }
    }
    let omschrijving = field(&pairs, "omschrijving").unwrap_or("").to_string();
    let versie = field(&pairs, "versie").and_then(|v| v.parse::<i64>().ok());
    let huishouden = field(&pairs, "huishouden").and_then(|v| v.parse::<Uuid>().ok());
    let result = if !errors.is_empty() {
        Err(AppError::Invalid(errors))
    } else {
        let bestaand = match (huishouden, versie) {
            (Some(h), Some(v)) => Some((wegwijs_domain::ids::HuishoudenId(h), v)),
            _ => None,
        };
        households::save_for_person(&ctx, PersonId(id), bestaand, &omschrijving, &leden).await
    };
    match result {
        Ok(()) => Ok(Redirect::to(&redirect_to(
            &format!("/personen/{id}"),
            Melding::HuishoudenOpgeslagen,
        ))
        .into_response()),
        Err(AppError::Invalid(e)) => {
            // Each message links to where it can be fixed; "leden" is the members' fieldset.
            let messages =
                e.0.into_iter()
                    .map(|f| (f.field.to_string(), f.message))
                    .collect();
            let mut page = build_page(&state, &signed, nonce, id, messages).await?;
            // Keep what was typed under "Lid toevoegen" (and its relation): a refusal about the
            // household as a whole should not make the user look the person up again.
            page.nieuw_lid = if nieuw_lid.is_empty() {
                field(&pairs, "nieuw_lid")
                    .map(str::trim)
                    .unwrap_or("")
                    .to_string()
            } else {
                nieuw_lid
            };
            page.nieuw_relaties = relatie_options(nieuw_relatie);
            page.kandidaten = kandidaten;
            page.meer_kandidaten = meer_kandidaten;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &page))
        }
        Err(other) => Err(PageError(other)),
    }
}
