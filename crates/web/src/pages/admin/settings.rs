//! `/beheer/instellingen`: the choices a gemeente makes for itself (its beheerder): whether regisseurs
//! take on persons themselves, every trajectory setting (`TrajectInstellingen`, issue 7) and the
//! details the gemeente's letters print, saved together under one version through
//! `app::traject_settings::save`.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use wegwijs_app::AppError;
use wegwijs_app::traject_settings::{self, AlleInstellingen};
use wegwijs_domain::trajectory::briefgegevens::RawBriefGegevens;
use wegwijs_domain::trajectory::codes::LeefdomeinenSet;
use wegwijs_domain::trajectory::settings_input::{GEZONDHEID_ROL_KEUZES, RawTrajectInstellingen};
use wegwijs_domain::validation::ValidationErrors;

use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::forms::SummaryItem;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{render, render_status};
use crate::state::AppState;

/// A role the health data can be opened to: code, label, ticked.
pub struct RolKeuze {
    pub code: &'static str,
    pub label: &'static str,
    pub gekozen: bool,
}

/// One text field of the letter details: form name, label, hint, value as typed.
pub struct BriefVeld {
    pub naam: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub waarde: String,
}

fn brief_velden(b: &RawBriefGegevens) -> (Vec<BriefVeld>, Vec<BriefVeld>) {
    let veld = |naam, hint, waarde: &str| BriefVeld {
        naam,
        label: label(naam),
        hint,
        waarde: waarde.to_string(),
    };
    let post = vec![
        veld("briefPostadres", "Bijvoorbeeld: Postbus 950.", &b.postadres),
        veld(
            "briefPostcode",
            "Vier cijfers en twee letters, zoals 6000 AZ.",
            &b.postcode,
        ),
        veld("briefPlaats", "Bijvoorbeeld: Weert.", &b.plaats),
        veld(
            "briefTelefoon",
            "Cijfers en spaties, eventueel met + vooraan, zoals 14 0495.",
            &b.telefoon,
        ),
        veld("briefWebsite", "Bijvoorbeeld: www.weert.nl.", &b.website),
    ];
    let bezwaar = vec![
        veld(
            "bezwaarPostadres",
            "Bijvoorbeeld: Postbus 950.",
            &b.bezwaar_postadres,
        ),
        veld(
            "bezwaarPostcode",
            "Vier cijfers en twee letters, zoals 6000 AZ.",
            &b.bezwaar_postcode,
        ),
        veld("bezwaarPlaats", "Bijvoorbeeld: Weert.", &b.bezwaar_plaats),
    ];
    (post, bezwaar)
}

#[derive(Template)]
#[template(path = "admin_settings.html")]
pub struct SettingsPage {
    pub layout: Layout,
    pub overnemen: bool,
    pub traject: RawTrajectInstellingen,
    pub sets: Vec<(&'static str, &'static str)>,
    pub rollen: Vec<RolKeuze>,
    pub versie: i64,
    pub error: Option<String>,
    pub summary: Vec<SummaryItem>,
    pub errors: ValidationErrors,
    /// What the letters still lack, as stored ("postadres, telefoonnummer"); empty when complete.
    pub brief_ontbreekt: String,
    pub brief_post: Vec<BriefVeld>,
    pub brief_bezwaar: Vec<BriefVeld>,
}

impl SettingsPage {
    /// The error next to a field (the parser names fields by their API names).
    pub fn fout(&self, field: &str) -> Option<String> {
        self.errors.for_field(field).map(|e| e.message.clone())
    }
}

fn page(
    signed: &SignedIn,
    nonce: Nonce,
    overnemen: bool,
    traject: RawTrajectInstellingen,
    versie: i64,
    errors: ValidationErrors,
) -> SettingsPage {
    let rollen = GEZONDHEID_ROL_KEUZES
        .iter()
        .map(|r| RolKeuze {
            code: r.code(),
            label: r.label(),
            gekozen: traject.gezondheid_rollen.iter().any(|c| c == r.code()),
        })
        .collect();
    let summary = errors
        .iter()
        .map(|e| SummaryItem {
            field: e.field.to_string(),
            message: crate::pages::forms::summary_text(label(e.field), &e.message),
        })
        .collect();
    let (brief_post, brief_bezwaar) = brief_velden(&traject.brief);
    SettingsPage {
        layout: Layout::new(signed, nonce, "Instellingen", "/beheer/instellingen"),
        overnemen,
        traject,
        sets: LeefdomeinenSet::CHOICES.to_vec(),
        rollen,
        versie,
        error: None,
        summary,
        errors,
        brief_ontbreekt: String::new(),
        brief_post,
        brief_bezwaar,
    }
}

/// The label of a settings field, as the form shows it (for the error summary).
fn label(field: &str) -> &'static str {
    match field {
        "voortgangIntervalMaanden" => "Voortgangsgesprek elke zoveel maanden",
        "geenContactDagen" => "Signaal “geen contact” na zoveel dagen",
        "begeleidingMaanden" => "Duur maatschappelijke begeleiding (maanden)",
        "mapUrennorm" => "Urennorm MAP",
        "leefdomeinenSet" => "Set van leefdomeinen",
        "gezondheidRollen" => "Gezondheidsgegevens ook zichtbaar voor",
        "gezondheidNoodzaak" => "Waarom deze rollen gezondheidsgegevens nodig hebben",
        "briefPostadres" => "Postadres: straat en huisnummer of postbus",
        "briefPostcode" => "Postadres: postcode",
        "briefPlaats" => "Postadres: plaats",
        "briefTelefoon" => "Telefoonnummer",
        "briefWebsite" => "Website",
        "bezwaarPostadres" => "Adres voor bezwaarschriften: straat en huisnummer of postbus",
        "bezwaarPostcode" => "Adres voor bezwaarschriften: postcode",
        "bezwaarPlaats" => "Adres voor bezwaarschriften: plaats",
        _ => "Instelling",
    }
}

fn shown(signed: &SignedIn, nonce: Nonce, s: AlleInstellingen) -> SettingsPage {
    let raw = RawTrajectInstellingen::from_settings(&s.traject);
    let mut p = page(
        signed,
        nonce,
        s.overnemen_toegestaan,
        raw,
        s.versie,
        ValidationErrors::new(),
    );
    p.brief_ontbreekt = s.traject.brief.ontbreekt().join(", ");
    p
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
) -> Result<Response, PageError> {
    let s = traject_settings::all(&signed.ctx(&state)).await?;
    Ok(render(&shown(&signed, nonce, s)))
}

/// The posted form. The trajectory part is only read when `traject` is present (the form always
/// sends it): a post of the caseload choice alone, as clients of the older page send, keeps the
/// stored trajectory settings instead of resetting the unticked boxes.
fn read_form(
    pairs: &[(String, String)],
    stored: &RawTrajectInstellingen,
) -> RawTrajectInstellingen {
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone());
    if get("traject").is_none() {
        return stored.clone();
    }
    RawTrajectInstellingen {
        pip_vier_ogen: get("pipVierOgen").is_some(),
        voortgang_interval_maanden: get("voortgangIntervalMaanden").unwrap_or_default(),
        geen_contact_dagen: get("geenContactDagen").unwrap_or_default(),
        begeleiding_maanden: get("begeleidingMaanden").unwrap_or_default(),
        map_urennorm: get("mapUrennorm").unwrap_or_default(),
        termijnwet_toepassen: get("termijnwetToepassen").is_some(),
        leefdomeinen_set: get("leefdomeinenSet").unwrap_or_default(),
        gezondheid_rollen: pairs
            .iter()
            .filter(|(n, _)| n == "gezondheidRollen")
            .map(|(_, v)| v.clone())
            .collect(),
        gezondheid_noodzaak: get("gezondheidNoodzaak").unwrap_or_default(),
        brief: RawBriefGegevens {
            postadres: get("briefPostadres").unwrap_or_default(),
            postcode: get("briefPostcode").unwrap_or_default(),
            plaats: get("briefPlaats").unwrap_or_default(),
            telefoon: get("briefTelefoon").unwrap_or_default(),
            website: get("briefWebsite").unwrap_or_default(),
            bezwaar_postadres: get("bezwaarPostadres").unwrap_or_default(),
            bezwaar_postcode: get("bezwaarPostcode").unwrap_or_default(),
            bezwaar_plaats: get("bezwaarPlaats").unwrap_or_default(),
        },
    }
}

pub async fn save(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let stored = traject_settings::all(&ctx).await?;
    let versie = pairs
        .iter()
        .find(|(k, _)| k == "versie")
        .and_then(|(_, v)| v.trim().parse::<i64>().ok())
        .ok_or_else(|| {
            PageError(AppError::BadRequest(
                "De versie ontbreekt in het formulier.".into(),
            ))
        })?;
    let overnemen = pairs.iter().any(|(k, _)| k == "overnemen");
    let raw = read_form(
        &pairs,
        &RawTrajectInstellingen::from_settings(&stored.traject),
    );
    match traject_settings::save(&ctx, overnemen, &raw, versie).await {
        Ok(_) => Ok(Redirect::to("/beheer/instellingen?melding=opgeslagen").into_response()),
        Err(AppError::Invalid(errors)) => {
            let p = page(&signed, nonce, overnemen, raw, versie, errors);
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(AppError::Conflict { .. }) => {
            // A colleague saved first: show what is stored now, and say so.
            let mut p = shown(&signed, nonce, traject_settings::all(&ctx).await?);
            p.error = Some(
                "Een collega heeft de instellingen intussen gewijzigd. Hieronder staat wat nu geldt; \
                 kies opnieuw en sla op."
                    .into(),
            );
            Ok(render_status(StatusCode::CONFLICT, &p))
        }
        Err(e) => Err(PageError(e)),
    }
}
