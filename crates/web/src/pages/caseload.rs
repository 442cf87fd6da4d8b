//! `/caseload`: the regisseur's list, with search, filters, sorting and paging. The regisseur's own
//! persons come first; every row shown is logged.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::Deserialize;
use wegwijs_app::model::{ListQuery, RegisseurFilter, Sort};
use wegwijs_domain::person::Doelgroep;

use super::forms::SelectOption;
use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::PageQuery;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{datum, render_status};
use crate::state::AppState;
use wegwijs_app::persons;

/// No `Debug`: `zoek` is a name or a BSN.
#[derive(Default, Deserialize)]
pub struct CaseloadQuery {
    pub zoek: Option<String>,
    pub doelgroep: Option<String>,
    /// "mij" (default for a regisseur), "alle", "geen" or a regisseur's id
    pub regisseur: Option<String>,
    pub sorteer: Option<String>,
    pub pagina: Option<i64>,
}

pub struct CaseloadRow {
    pub href: String,
    pub naam: String,
    pub bsn: String,
    pub v_nummer: String,
    pub geboortedatum: String,
    pub doelgroep: String,
    pub koppeling: String,
    pub regisseur: String,
    pub eigen: bool,
}

#[derive(Template)]
#[template(path = "caseload.html")]
pub struct CaseloadPage {
    pub layout: Layout,
    pub heading: &'static str,
    pub zoek: String,
    /// Why the search term was refused, shown next to the search field.
    pub zoek_fout: Option<String>,
    pub doelgroepen: Vec<SelectOption>,
    pub regisseurs: Vec<SelectOption>,
    pub sorteringen: Vec<SelectOption>,
    pub rows: Vec<CaseloadRow>,
    pub totaal: i64,
    pub pagina: u32,
    pub pages: u32,
    pub prev_href: Option<String>,
    pub next_href: Option<String>,
}

fn options(current: &str, items: Vec<(String, String)>) -> Vec<SelectOption> {
    items
        .into_iter()
        .map(|(value, label)| SelectOption {
            selected: value == current,
            value,
            label,
        })
        .collect()
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PageQuery(q): PageQuery<CaseloadQuery>,
) -> Result<Response, PageError> {
    let pagina = wegwijs_domain::validation::page_number(q.pagina)
        .map_err(|m| PageError(wegwijs_app::error::AppError::BadRequest(m)))?;
    // A refused search term is shown next to the field (HTTP 400) and nothing is searched.
    let (zoek, zoek_fout) = match q
        .zoek
        .as_deref()
        .map(wegwijs_domain::validation::search_term)
    {
        None => (None, None),
        Some(Ok(z)) => (Some(z), None),
        Some(Err(m)) => (None, Some(m)),
    };
    let ctx = signed.ctx(&state);
    let me = signed.user.id;
    let is_regisseur = signed.actor.has(wegwijs_domain::authz::Role::Regisseur);
    let default_filter = if is_regisseur { "mij" } else { "alle" };
    let regisseur_code = q
        .regisseur
        .clone()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| default_filter.into());
    // The filter is exactly what the form shows: a search within "Mijn caseload" stays within it.
    let filter = match regisseur_code.as_str() {
        "mij" => RegisseurFilter::Van(me),
        "geen" => RegisseurFilter::Geen,
        "alle" => RegisseurFilter::Alle,
        other => other
            .parse()
            .map(|id| RegisseurFilter::Van(wegwijs_domain::ids::GebruikerId(id)))
            .unwrap_or_default(),
    };
    let doelgroep = q.doelgroep.as_deref().and_then(Doelgroep::parse);
    let sort = q
        .sorteer
        .as_deref()
        .and_then(Sort::parse)
        .unwrap_or_default();
    let query = ListQuery {
        zoek: zoek.clone(),
        doelgroep,
        regisseur: filter,
        eigen_eerst: Some(me),
        sort,
        pagina,
        per_pagina: 25,
    };
    let page = if zoek_fout.is_some() {
        wegwijs_app::model::Page {
            items: vec![],
            totaal: 0,
            pagina: 1,
            per_pagina: 25,
        }
    } else {
        persons::list(&ctx, &query).await?
    };
    let heading = if is_regisseur {
        "Mijn caseload"
    } else {
        "Caseload van de gemeente"
    };
    ctx.gemeente()?;
    let mut regisseur_items = vec![
        ("mij".to_string(), "Mijn caseload".to_string()),
        ("alle".to_string(), "Hele gemeente".to_string()),
        ("geen".to_string(), "Zonder regisseur".to_string()),
    ];
    // Teamleiders compare caseloads; a regisseur's own view does not need every colleague listed
    // (a large gemeente has well over a hundred regisseurs).
    let browsing_other = !matches!(regisseur_code.as_str(), "mij" | "alle" | "geen");
    if signed.actor.has(wegwijs_domain::authz::Role::Teamleider) || browsing_other {
        for (id, naam) in wegwijs_app::users::regisseurs(&ctx).await? {
            if id != me {
                regisseur_items.push((id.to_string(), format!("Caseload van {naam}")));
            }
        }
    }
    let pages = u32::try_from((page.totaal + 24) / 25)
        .unwrap_or(u32::MAX)
        .max(1);
    let href = |n: u32| {
        let pairs = [
            ("zoek", zoek.clone().unwrap_or_default()),
            ("doelgroep", q.doelgroep.clone().unwrap_or_default()),
            ("regisseur", regisseur_code.clone()),
            ("sorteer", sort.code().to_string()),
            ("pagina", n.to_string()),
        ];
        format!(
            "/caseload?{}",
            serde_urlencoded::to_string(pairs).unwrap_or_default()
        )
    };
    let rows = page
        .items
        .iter()
        .map(|p| CaseloadRow {
            href: format!("/personen/{}", p.id),
            naam: match &p.tussenvoegsel {
                Some(t) => format!("{}, {} {}", p.geslachtsnaam, p.voornamen, t),
                None => format!("{}, {}", p.geslachtsnaam, p.voornamen),
            },
            bsn: p.bsn.clone().unwrap_or_else(|| "—".into()),
            v_nummer: p.v_nummer.clone().unwrap_or_else(|| "—".into()),
            geboortedatum: datum(p.geboortedatum),
            doelgroep: p
                .doelgroep
                .as_deref()
                .and_then(Doelgroep::parse)
                .map(|d| d.label().to_string())
                .unwrap_or_else(|| "onbekend".into()),
            koppeling: datum(p.datum_koppeling),
            regisseur: p.regisseur_naam.clone().unwrap_or_else(|| "—".into()),
            eigen: p.regisseur_id == Some(me.0),
        })
        .collect();
    let status = if zoek_fout.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    Ok(render_status(
        status,
        &CaseloadPage {
            layout: Layout::new(&signed, nonce, heading, "/caseload"),
            heading,
            // A refused term is not shown again: it holds characters that do not belong in a page.
            zoek: zoek.clone().unwrap_or_default(),
            zoek_fout,
            doelgroepen: options(
                q.doelgroep.as_deref().unwrap_or(""),
                std::iter::once((String::new(), "Alle doelgroepen".to_string()))
                    .chain(
                        Doelgroep::ALL
                            .iter()
                            .map(|d| (d.code().to_string(), d.label().to_string())),
                    )
                    .collect(),
            ),
            regisseurs: options(&regisseur_code, regisseur_items),
            sorteringen: options(
                sort.code(),
                vec![
                    ("naam".into(), "Naam".into()),
                    ("geboortedatum".into(), "Geboortedatum".into()),
                    ("koppeling".into(), "Koppeling (nieuwste eerst)".into()),
                ],
            ),
            rows,
            totaal: page.totaal,
            pagina: page.pagina,
            pages,
            prev_href: (page.pagina > 1).then(|| href(page.pagina - 1)),
            next_href: (page.pagina < pages).then(|| href(page.pagina + 1)),
        },
    ))
}
