//! `/werkvoorraad`: the teamleider's overview of the caseloads (counts per regisseur, by doelgroep and
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
use crate::pages::error_page::PageError;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::render_status;
use crate::state::AppState;

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
        layout: Layout::new(signed, nonce, "Werkvoorraad", "/werkvoorraad"),
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

/// `POST /caseload/verplaatsen`: `persoon=<id>:<versie>` (repeated) or `van=<regisseur id|geen>`, and
/// `naar`. Back to the list it came from, with "N personen overgedragen".
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
    let result = match naar {
        Some(n) => caseload::bulk_move(&signed.ctx(&state), selectie, n).await,
        None => {
            let mut e = wegwijs_domain::validation::ValidationErrors::new();
            e.push(
                "naar",
                "required",
                "Kies de regisseur naar wie de personen gaan.",
            );
            Err(AppError::Invalid(e))
        }
    };
    match result {
        Ok(n) => {
            // Back to the list the teamleider came from; the filter value is checked, never echoed as
            // a free URL.
            let terug = field(&pairs, "terug")
                .filter(|t| matches!(*t, "alle" | "geen") || t.parse::<Uuid>().is_ok())
                .filter(|_| !from_overview);
            let to = match terug {
                Some(t) => format!("/caseload?regisseur={t}&melding=verplaatst&aantal={n}"),
                None => format!("/werkvoorraad?melding=verplaatst&aantal={n}"),
            };
            Ok(Redirect::to(&to).into_response())
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
