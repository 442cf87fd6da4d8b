use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use wegwijs_app::model::{Cursor, ListQuery, MAX_OFFSET, Page, RegisseurFilter, Richting, Sort};
use wegwijs_domain::ids::GebruikerId;
use wegwijs_domain::person::Doelgroep;
use wegwijs_domain::validation;

use super::dto::{Link, PaginaLinks, PersoonLijst, PersoonSamenvatting};
use crate::api::problem::{ApiError, ApiQuery, Problem};
use crate::auth::ApiUser;
use crate::state::AppState;
use wegwijs_app::error::AppError;
use wegwijs_app::persons;

/// No `Debug`: `zoek` is a name or a BSN.
#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase")]
#[into_params(parameter_in = Query)]
pub struct LijstParams {
    /// Naam (begin van achternaam of voornaam), BSN of V-nummer.
    pub zoek: Option<String>,
    /// asielstatushouder, gezinsmigrant, overige_migrant
    pub doelgroep: Option<String>,
    /// `mij` (eigen caseload), `geen` (zonder regisseur) of het id van een regisseur.
    pub regisseur: Option<String>,
    /// naam (standaard), geboortedatum, koppeling
    pub sorteer: Option<String>,
    /// Paginanummer, vanaf 1. Zonder cursor alleen voor de eerste 1.000 rijen; verder bladert u met de
    /// links `next` en `prev` (een cursor), die op elke diepte even snel zijn. Met een cursor is het
    /// paginanummer alleen een label.
    pub pagina: Option<u32>,
    /// Cursor: de pagina na deze positie (uit de link `next`).
    pub na: Option<String>,
    /// Cursor: de pagina voor deze positie (uit de link `prev`).
    pub voor: Option<String>,
    /// Aantal per pagina, 1-200 (standaard 25).
    pub pagina_grootte: Option<u32>,
}

fn invalid(field: &'static str, msg: &str) -> ApiError {
    invalid_with(field, "unknown_value", msg.to_owned())
}

fn invalid_with(field: &'static str, code: &'static str, msg: String) -> ApiError {
    let mut e = validation::ValidationErrors::new();
    e.push(field, code, msg);
    ApiError(AppError::Invalid(e))
}

pub fn to_query(p: &LijstParams, me: GebruikerId) -> Result<ListQuery, ApiError> {
    let doelgroep = match p.doelgroep.as_deref().filter(|s| !s.is_empty()) {
        None => None,
        Some(code) => Some(Doelgroep::parse(code).ok_or_else(|| {
            invalid(
                "doelgroep",
                "Kies asielstatushouder, gezinsmigrant of overige_migrant.",
            )
        })?),
    };
    let regisseur = match p.regisseur.as_deref().filter(|s| !s.is_empty()) {
        None => RegisseurFilter::Alle,
        Some("mij") => RegisseurFilter::Van(me),
        Some("geen") => RegisseurFilter::Geen,
        Some(id) => RegisseurFilter::Van(id.parse().map_err(|_| {
            invalid(
                "regisseur",
                "Gebruik mij, geen of het id van een regisseur.",
            )
        })?),
    };
    let sort = match p.sorteer.as_deref().filter(|s| !s.is_empty()) {
        None => Sort::Naam,
        Some(s) => Sort::parse(s)
            .ok_or_else(|| invalid("sorteer", "Kies naam, geboortedatum of koppeling."))?,
    };
    let per_pagina = p.pagina_grootte.unwrap_or(25);
    if !(1..=200).contains(&per_pagina) {
        return Err(invalid(
            "paginaGrootte",
            "Kies een paginagrootte van 1 tot en met 200.",
        ));
    }
    let zoek = match p.zoek.as_deref() {
        None => None,
        Some(z) => {
            Some(validation::search_term(z).map_err(|m| invalid_with("zoek", "invalid", m))?)
        }
    };
    let pagina = validation::page_number(p.pagina.map(i64::from))
        .map_err(|m| invalid_with("pagina", "out_of_range", m))?;
    let cursor_of = |field: &'static str, v: &Option<String>| {
        v.as_deref()
            .filter(|s| !s.is_empty())
            .map(|s| {
                Cursor::decode(s).ok_or_else(|| {
                    invalid(
                        field,
                        "Deze cursor is ongeldig; gebruik de links van een vorige pagina.",
                    )
                })
            })
            .transpose()
    };
    let cursor = match (cursor_of("na", &p.na)?, cursor_of("voor", &p.voor)?) {
        (Some(c), None) => Some(Richting::Na(c)),
        (None, Some(c)) => Some(Richting::Voor(c)),
        (None, None) => None,
        (Some(_), Some(_)) => return Err(invalid("na", "Gebruik na of voor, niet allebei.")),
    };
    if cursor.is_none() && (pagina - 1).saturating_mul(per_pagina) > MAX_OFFSET {
        return Err(invalid(
            "pagina",
            "Paginanummers gaan tot de eerste 1.000 personen; blader verder met de link next.",
        ));
    }
    Ok(ListQuery {
        zoek,
        doelgroep,
        regisseur,
        eigen_eerst: Some(me),
        sort,
        pagina,
        per_pagina,
        cursor,
    })
}

/// Personen zoeken en bladeren, binnen uw gemeente (elke getoonde rij wordt gelogd).
#[utoipa::path(get, path = "/api/v1/personen", tag = "personen", params(LijstParams),
    responses(
        (status = 200, description = "Een pagina personen", body = PersoonLijst),
        (status = 400, description = "Ongeldige parameter", body = Problem, content_type = "application/problem+json"),
        (status = 401, description = "Niet geauthenticeerd", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn list_personen(
    State(state): State<AppState>,
    user: ApiUser,
    ApiQuery(params): ApiQuery<LijstParams>,
) -> Result<Json<PersoonLijst>, ApiError> {
    let query = to_query(&params, user.user.id)?;
    let ctx = user.ctx(&state);
    let page = persons::list(&ctx, &query).await?;
    let links = links(&params, &page);
    Ok(Json(PersoonLijst {
        personen: page.items.iter().map(PersoonSamenvatting::from).collect(),
        pagina: page.pagina,
        pagina_grootte: page.per_pagina,
        totaal: page.totaal,
        totaal_begrensd: page.totaal_begrensd,
        links,
    }))
}

fn links(params: &LijstParams, page: &Page) -> PaginaLinks {
    let per = page.per_pagina;
    let link = |pagina: u32, cursor: Option<(&str, &Cursor)>| Link {
        href: page_href(params, pagina, per, cursor),
    };
    let this = match &params.na {
        Some(c) if !c.is_empty() => page_href(params, page.pagina, per, None) + "&na=" + c,
        _ => match &params.voor {
            Some(c) if !c.is_empty() => page_href(params, page.pagina, per, None) + "&voor=" + c,
            _ => page_href(params, page.pagina, per, None),
        },
    };
    PaginaLinks {
        self_: Link { href: this },
        next: page
            .volgende
            .as_ref()
            .map(|c| link(page.pagina.saturating_add(1), Some(("na", c)))),
        prev: page
            .vorige
            .as_ref()
            .map(|c| link(page.pagina.saturating_sub(1).max(1), Some(("voor", c)))),
    }
}

fn page_href(p: &LijstParams, pagina: u32, per: u32, cursor: Option<(&str, &Cursor)>) -> String {
    let mut pairs: Vec<(&str, String)> = vec![];
    for (k, v) in [
        ("zoek", &p.zoek),
        ("doelgroep", &p.doelgroep),
        ("regisseur", &p.regisseur),
        ("sorteer", &p.sorteer),
    ] {
        if let Some(v) = v.as_ref().filter(|v| !v.is_empty()) {
            pairs.push((k, v.clone()));
        }
    }
    pairs.push(("pagina", pagina.to_string()));
    pairs.push(("paginaGrootte", per.to_string()));
    if let Some((k, c)) = cursor {
        pairs.push((k, c.encode()));
    }
    let qs = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("/api/v1/personen?{qs}")
}
