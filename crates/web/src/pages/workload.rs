//! `/werkvoorraad/aantallen`: the teamleider's overview of the caseloads (counts per regisseur, by doelgroep and
//! stage), and moving persons to another regisseur: the ones chosen on `/caseload`, or all of one
//! regisseur at once (`POST /caseload/verplaatsen`).

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::caseload::{self, Selectie};
use wegwijs_app::error::AppError;
use wegwijs_domain::caseload::Fase;
use wegwijs_domain::ids::{GebruikerId, PersonId};
use wegwijs_domain::person::Doelgroep;

use crate::auth::SignedIn;
use crate::auth::session::CsrfForm;
use crate::pages::caseload::CaseloadQuery;
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::melding::{Melding, redirect_to};
use crate::pages::render_status;
use crate::state::AppState;

/// The address of this page (the werkvoorraad itself is the list of actions since issue 7).
pub const AANTALLEN: &str = "/werkvoorraad/aantallen";

pub struct Line {
    pub naam: String,
    /// The caseload list of this line.
    pub href: String,
    /// The value of this line in the "van" choice ("geen" for persons without regisseur).
    pub van: String,
    pub totaal: i64,
    pub per_doelgroep: Vec<i64>,
    pub per_fase: Vec<i64>,
}

#[derive(Template)]
#[template(path = "workload.html")]
pub struct WorkloadPage {
    pub layout: Layout,
    pub doelgroepen: Vec<&'static str>,
    pub fasen: Vec<&'static str>,
    pub lines: Vec<Line>,
    /// Active regisseurs to move to: (id, name).
    pub naar: Vec<(String, String)>,
    /// (field id, message) of a refused move.
    pub errors: Vec<(String, String)>,
}

async fn page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    errors: Vec<(String, String)>,
) -> Result<WorkloadPage, PageError> {
    let ctx = signed.ctx(state);
    let lines = caseload::workload(&ctx).await?;
    let naar = lines
        .iter()
        .filter(|l| l.actief)
        .filter_map(|l| l.regisseur.map(|id| (id.to_string(), l.naam.clone())))
        .collect();
    let lines = lines
        .into_iter()
        .map(|l| {
            let van = l
                .regisseur
                .map(|id| id.to_string())
                .unwrap_or_else(|| "geen".into());
            Line {
                href: format!("/caseload?regisseur={van}"),
                van,
                naam: l.naam,
                totaal: l.totaal,
                per_doelgroep: l.per_doelgroep,
                per_fase: l.per_fase,
            }
        })
        .collect();
    Ok(WorkloadPage {
        layout: Layout::new(signed, nonce, "Aantallen per regisseur", AANTALLEN),
        doelgroepen: Doelgroep::ALL
            .iter()
            .map(|d| d.label())
            .chain(std::iter::once("Doelgroep onbekend"))
            .collect(),
        fasen: Fase::ALL.iter().map(|f| f.label()).collect(),
        lines,
        naar,
        errors,
    })
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
) -> Result<Response, PageError> {
    let p = page(&state, &signed, nonce, Vec::new()).await?;
    Ok(render_status(StatusCode::OK, &p))
}

fn field<'a>(pairs: &'a [(String, String)], key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

fn bad(message: &str) -> PageError {
    PageError(AppError::BadRequest(message.into()))
}

/// The confirmation before a whole caseload moves: the numbers and names, and the same data again.
#[derive(Template)]
#[template(path = "move_confirm.html")]
pub struct ConfirmPage {
    pub layout: Layout,
    pub van: String,
    pub naar: String,
    pub van_naam: String,
    pub naar_naam: String,
    pub personen: usize,
    pub gezinsleden: Vec<String>,
}

/// `POST /caseload/verplaatsen`: `persoon=<id>:<versie>` (repeated) or `van=<regisseur id|geen>`, and
/// `naar`; `gezinsleden` (checkbox) takes household members along. A whole caseload (`van`) is first
/// shown on a confirmation page; its confirm button posts the same data with `bevestigd=ja`. Back to
/// the list it came from, with "N personen overgedragen"; a refused choice from the caseload list shows
/// that list again with the teamleider's filters and the reason.
pub async fn move_persons(
    State(state): State<AppState>,
    nonce: Nonce,
    CsrfForm(signed, pairs): CsrfForm<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let naar = field(&pairs, "naar")
        .and_then(|v| v.parse::<Uuid>().ok())
        .map(GebruikerId);
    let chosen = pairs
        .iter()
        .filter(|(k, _)| k == "persoon")
        .map(|(_, v)| {
            let (id, versie) = v.split_once(':')?;
            Some((PersonId(id.parse().ok()?), versie.parse::<i64>().ok()?))
        })
        .collect::<Option<Vec<_>>>()
        .ok_or_else(|| bad("Onbekende persoon in de keuze."))?;
    let selectie = match field(&pairs, "van") {
        Some("geen") => Selectie::AllesVan(None),
        Some(v) if !v.is_empty() => Selectie::AllesVan(Some(GebruikerId(
            v.parse().map_err(|_| bad("Onbekende regisseur."))?,
        ))),
        _ => Selectie::Personen(chosen),
    };
    let from_overview = matches!(selectie, Selectie::AllesVan(_));
    let met_huishouden = field(&pairs, "gezinsleden").is_some();
    let confirmed = field(&pairs, "bevestigd") == Some("ja");
    let ctx = signed.ctx(&state);
    let result = match naar {
        None => {
            let mut e = wegwijs_domain::validation::ValidationErrors::new();
            e.push(
                "naar",
                "required",
                "Kies de regisseur naar wie de personen gaan.",
            );
            Err(AppError::Invalid(e))
        }
        Some(n) if from_overview && !confirmed => {
            // Nothing moves yet: the teamleider sees what would happen and confirms.
            match caseload::propose_move(&ctx, &selectie, n, true).await {
                Ok(v) => {
                    let page = ConfirmPage {
                        layout: Layout::new(&signed, nonce, "Hele caseload verplaatsen", AANTALLEN),
                        van: field(&pairs, "van").unwrap_or_default().to_string(),
                        naar: n.to_string(),
                        van_naam: v.van_naam,
                        naar_naam: v.naar_naam,
                        personen: v.personen,
                        gezinsleden: v.gezinsleden,
                    };
                    return Ok(render_status(StatusCode::OK, &page));
                }
                Err(e) => Err(e),
            }
        }
        Some(n) => caseload::bulk_move(&ctx, selectie, n, met_huishouden).await,
    };
    match result {
        Ok(v) => {
            // Back to the list the teamleider came from; the filter value is checked, never echoed as
            // a free URL.
            let terug = field(&pairs, "terug")
                .filter(|t| matches!(*t, "alle" | "geen") || t.parse::<Uuid>().is_ok())
                .filter(|_| !from_overview);
            let path = match terug {
                Some(t) => format!("/caseload?regisseur={t}"),
                None => AANTALLEN.to_string(),
            };
            let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
            let to = redirect_to(
                &path,
                Melding::Verplaatst(Some(count(v.personen)), count(v.gezinsleden)),
            );
            Ok(Redirect::to(&to).into_response())
        }
        Err(AppError::Invalid(e)) if !from_overview => {
            // Back on the list the teamleider chose from, with the same filters and the reason.
            let errors = e.0.into_iter().map(|f| f.message).collect();
            let q = CaseloadQuery {
                zoek: field(&pairs, "zoek").map(str::to_string),
                doelgroep: field(&pairs, "doelgroep").map(str::to_string),
                regisseur: field(&pairs, "terug").map(str::to_string),
                sorteer: field(&pairs, "sorteer").map(str::to_string),
                ..CaseloadQuery::default()
            };
            crate::pages::caseload::render_list(&state, &signed, nonce, q, errors).await
        }
        Err(AppError::Invalid(e)) => {
            let errors =
                e.0.into_iter()
                    .map(|f| {
                        let id = if f.field == "naar" { "naar" } else { "van" };
                        (id.to_string(), f.message)
                    })
                    .collect();
            let p = page(&state, &signed, nonce, errors).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(other) => Err(PageError(other)),
    }
}
