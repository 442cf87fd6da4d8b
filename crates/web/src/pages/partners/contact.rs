//! `/personen/{id}/contactmomenten`: the contact moments the reader may see (by confidentiality) and
//! the form to record one, for the gemeente and for a partner with an active referral.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::error::{AppError, AppResult};
use wegwijs_app::partners::uitvoering;
use wegwijs_domain::contact::{ContactSoort, RawContactmoment, Vertrouwelijkheid};
use wegwijs_domain::ids::PersonId;

use super::{Pairs, checked, fouten, get};
use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::progress::forms::{Posted, dmy, fill};
use crate::pages::progress::view::{Formulier, Veld};
use crate::pages::{datum, render_status};
use crate::state::AppState;

pub struct Moment {
    pub datum: String,
    pub soort: &'static str,
    pub organisatie: String,
    pub auteur: String,
    pub vertrouwelijkheid: &'static str,
    pub samenvatting: String,
    pub deelnemers: String,
    pub tolk: String,
    pub vervolg: String,
}

#[derive(Template)]
#[template(path = "contactmomenten.html")]
pub struct ContactPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub momenten: Vec<Moment>,
    pub formulier: Formulier,
    pub fouten: Vec<(String, String)>,
}

async fn page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    id: Uuid,
    posted: Option<&Posted>,
) -> AppResult<ContactPage> {
    let rows = uitvoering::contacts(&signed.ctx(state), PersonId(id)).await?;
    let f = "contact";
    let formulier = Formulier {
        id: f,
        titel: "Contactmoment vastleggen",
        action: format!("/personen/{id}/contactmomenten"),
        velden: fill(
            f,
            vec![
                (
                    Veld::new(f, "soort", "Soort contact", "select")
                        .required()
                        .choices(Some("Kies"), ContactSoort::CHOICES.iter().copied()),
                    vec![],
                ),
                (
                    Veld::new(f, "datum", "Datum", "date").required(),
                    vec![dmy(Some(state.app.clock.today()))],
                ),
                (
                    Veld::new(f, "duurMinuten", "Duur in minuten", "number"),
                    vec![],
                ),
                (
                    Veld::new(f, "deelnemers", "Deelnemers (één per regel)", "textarea"),
                    vec![],
                ),
                (Veld::new(f, "tolk", "Er was een tolk", "checkbox"), vec![]),
                (Veld::new(f, "tolkTaal", "Taal van de tolk", "text"), vec![]),
                (
                    Veld::new(f, "vertrouwelijkheid", "Wie mag dit lezen", "select")
                        .required()
                        .choices(None, Vertrouwelijkheid::CHOICES.iter().copied()),
                    vec![Vertrouwelijkheid::Normaal.code().to_string()],
                ),
                (
                    Veld::new(f, "samenvatting", "Samenvatting", "textarea").required(),
                    vec![],
                ),
                (
                    Veld::new(f, "vervolgafspraak", "Vervolgafspraak", "text"),
                    vec![],
                ),
            ],
            posted,
        ),
        verborgen: vec![],
        knop: "Vastleggen",
        open: posted.is_some(),
    };
    let fouten = posted
        .map(|p| fouten(std::slice::from_ref(&formulier), p.form, &p.errors))
        .unwrap_or_default();
    Ok(ContactPage {
        layout: Layout::new(signed, nonce, "Contactmomenten", ""),
        person_id: id,
        momenten: rows
            .into_iter()
            .map(|c| Moment {
                datum: datum(Some(c.datum)),
                soort: ContactSoort::parse(&c.soort).map_or("onbekend", ContactSoort::label),
                organisatie: c.organisatie_naam,
                auteur: c.auteur_naam.unwrap_or_default(),
                vertrouwelijkheid: Vertrouwelijkheid::parse(&c.vertrouwelijkheid)
                    .map_or("onbekend", Vertrouwelijkheid::label),
                samenvatting: c.samenvatting,
                deelnemers: c.deelnemers.lines().collect::<Vec<_>>().join(", "),
                tolk: c.tolk_taal.map(|t| format!("tolk {t}")).unwrap_or_default(),
                vervolg: c.vervolgafspraak,
            })
            .collect(),
        formulier,
        fouten,
    })
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let p = page(&state, &signed, nonce, id, None).await?;
    Ok(render_status(StatusCode::OK, &p))
}

pub async fn create(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let raw = RawContactmoment {
        soort: get(&pairs, "soort"),
        datum: get(&pairs, "datum"),
        duur_minuten: get(&pairs, "duurMinuten"),
        deelnemers: get(&pairs, "deelnemers"),
        tolk: checked(&pairs, "tolk"),
        tolk_taal: get(&pairs, "tolkTaal"),
        vertrouwelijkheid: get(&pairs, "vertrouwelijkheid"),
        samenvatting: get(&pairs, "samenvatting"),
        vervolgafspraak: get(&pairs, "vervolgafspraak"),
    };
    match uitvoering::record_contact(&signed.ctx(&state), PersonId(id), &raw).await {
        Ok(_) => Ok(Redirect::to(&redirect_to(
            &format!("/personen/{id}/contactmomenten"),
            Melding::Opgeslagen,
        ))
        .into_response()),
        Err(AppError::Invalid(errors)) => {
            let posted = Posted {
                form: "contact",
                pairs,
                errors,
            };
            let p = page(&state, &signed, nonce, id, Some(&posted)).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(e) => Err(PageError(e)),
    }
}
