use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use utoipa::IntoParams;
use wegwijs_app::auth::secret_box::SecretKey;
use wegwijs_app::list_filters;
use wegwijs_app::model::{Cursor, ListQuery, MAX_OFFSET, Page, Richting, Sort};
use wegwijs_domain::authz::Actor;
use wegwijs_domain::person::Doelgroep;
use wegwijs_domain::validation;

use super::dto::{Link, PaginaLinks, PersoonLijst, PersoonSamenvatting};
use crate::api::problem::{ApiError, ApiQuery, Problem};
use crate::api::schemas;
use crate::auth::ApiUser;
use crate::state::AppState;
use wegwijs_app::error::AppError;
use wegwijs_app::persons;

/// No `Debug`: `zoek` is a name or a BSN. Unknown parameters are refused (a typo is not ignored).
#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct LijstParams {
    /// Naam (voornamen, achternaam of een deel daarvan), BSN of V-nummer; hoogstens 100 tekens.
    #[param(schema_with = schemas::zoek_param)]
    pub zoek: Option<String>,
    /// Alleen personen van deze doelgroep.
    #[param(schema_with = schemas::doelgroep_param)]
    pub doelgroep: Option<String>,
    /// `mij` (eigen caseload), `alle` (hele gemeente), `geen` (zonder regisseur) of het id van een
    /// regisseur. Standaard als in de caseload: `mij` voor een regisseur, anders `alle`.
    #[param(schema_with = schemas::regisseur_param)]
    pub regisseur: Option<String>,
    /// Sortering: naam (standaard), geboortedatum of koppeling (nieuwste eerst).
    #[param(schema_with = schemas::sorteer_param)]
    pub sorteer: Option<String>,
    /// Paginanummer, vanaf 1. Zonder cursor alleen voor de eerste 1.000 rijen ((pagina - 1) x
    /// paginaGrootte hoogstens 1.000; anders 400); verder bladert u met de links `next` en `prev`
    /// (een cursor), die op elke diepte even snel zijn. Met een cursor is het paginanummer alleen een
    /// label.
    #[param(schema_with = schemas::pagina_param)]
    pub pagina: Option<i64>,
    /// Cursor: de pagina na deze positie. Alleen een waarde uit de link `next`; niet samen met `voor`.
    #[param(schema_with = schemas::cursor_param)]
    pub na: Option<String>,
    /// Cursor: de pagina voor deze positie. Alleen een waarde uit de link `prev`; niet samen met `na`.
    #[param(schema_with = schemas::cursor_param)]
    pub voor: Option<String>,
    /// Aantal per pagina, 1-200 (standaard 25).
    #[param(schema_with = schemas::pagina_grootte_param)]
    pub pagina_grootte: Option<i64>,
}

fn invalid(field: &'static str, msg: &str) -> ApiError {
    invalid_with(field, "unknown_value", msg.to_owned())
}

fn invalid_with(field: &'static str, code: &'static str, msg: String) -> ApiError {
    let mut e = validation::ValidationErrors::new();
    e.push(field, code, msg);
    ApiError(AppError::Invalid(e))
}

pub fn to_query(
    p: &LijstParams,
    actor: &Actor,
    key: Option<&SecretKey>,
) -> Result<ListQuery, ApiError> {
    // Codes exactly as the document lists them: an empty value is no code (leave the parameter out).
    let doelgroep = match p.doelgroep.as_deref() {
        None => None,
        Some(code) => Some(Doelgroep::parse(code).ok_or_else(|| {
            invalid(
                "doelgroep",
                "Kies asielstatushouder, gezinsmigrant of overige_migrant.",
            )
        })?),
    };
    let regisseur = match p.regisseur.as_deref() {
        Some(code) if code.trim().is_empty() => None,
        code => list_filters::regisseur_filter(code, actor),
    }
    .ok_or_else(|| invalid("regisseur", list_filters::REGISSEUR_MESSAGE))?;
    let sort = match p.sorteer.as_deref() {
        None => Sort::Naam,
        Some(s) => Sort::parse(s)
            .ok_or_else(|| invalid("sorteer", "Kies naam, geboortedatum of koppeling."))?,
    };
    let per_pagina = match p.pagina_grootte.unwrap_or(25) {
        n @ 1..=200 => n as u32,
        _ => {
            return Err(invalid_with(
                "paginaGrootte",
                "out_of_range",
                "Kies een paginagrootte van 1 tot en met 200.".into(),
            ));
        }
    };
    let zoek = match p.zoek.as_deref() {
        None => None,
        // The document's maxLength counts what is sent, spaces included.
        Some(z) if z.chars().count() > validation::SEARCH_MAX => {
            return Err(invalid_with(
                "zoek",
                "too_long",
                format!(
                    "Een zoekterm is hoogstens {} tekens.",
                    validation::SEARCH_MAX
                ),
            ));
        }
        Some(z) => {
            Some(validation::search_term(z).map_err(|m| invalid_with("zoek", "invalid", m))?)
        }
    };
    let pagina =
        validation::page_number(p.pagina).map_err(|m| invalid_with("pagina", "out_of_range", m))?;
    let cursor_of = |field: &'static str, v: &Option<String>| {
        v.as_deref()
            .map(|s| {
                // Links carry sealed cursors (app::paging): they hold folded names.
                wegwijs_app::paging::open(key, s)
                    .and_then(|plain| Cursor::decode(&plain))
                    .ok_or_else(|| {
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
        return Err(invalid_with(
            "pagina",
            "out_of_range",
            "Paginanummers gaan tot de eerste 1.000 personen; blader verder met de link next."
                .into(),
        ));
    }
    Ok(ListQuery {
        zoek,
        doelgroep,
        regisseur,
        // The order asked for over the whole list, as the caseload page shows it.
        eigen_eerst: None,
        sort,
        pagina,
        per_pagina,
        cursor,
    })
}

/// Personen zoeken en bladeren.
///
/// Personen van uw gemeente, met dezelfde filters en standaarden als de caseload in het scherm. Elke
/// getoonde rij en elke zoekopdracht wordt gelogd. Onbekende parameters worden geweigerd (400).
#[utoipa::path(get, path = "/personen", tag = "personen", params(LijstParams),
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
    let key = state.app.config.secret_key.as_ref();
    let query = to_query(&params, &user.actor, key)?;
    let ctx = user.ctx(&state);
    let page = persons::list(&ctx, &query).await?;
    let links = links(&params, &page, key);
    Ok(Json(PersoonLijst {
        items: page.items.iter().map(PersoonSamenvatting::from).collect(),
        pagina: page.pagina,
        pagina_grootte: page.per_pagina,
        totaal: page.totaal,
        totaal_begrensd: page.totaal_begrensd,
        links,
    }))
}

fn links(params: &LijstParams, page: &Page, key: Option<&SecretKey>) -> PaginaLinks {
    let per = page.per_pagina;
    let link = |pagina: u32, cursor: Option<(&str, &Cursor)>| Link {
        href: page_href(params, pagina, per, cursor, key),
    };
    let this = match &params.na {
        Some(c) if !c.is_empty() => page_href(params, page.pagina, per, None, key) + "&na=" + c,
        _ => match &params.voor {
            Some(c) if !c.is_empty() => {
                page_href(params, page.pagina, per, None, key) + "&voor=" + c
            }
            _ => page_href(params, page.pagina, per, None, key),
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

fn page_href(
    p: &LijstParams,
    pagina: u32,
    per: u32,
    cursor: Option<(&str, &Cursor)>,
    key: Option<&SecretKey>,
) -> String {
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
        pairs.push((k, wegwijs_app::paging::seal(key, &c.encode())));
    }
    let qs = serde_urlencoded::to_string(&pairs).unwrap_or_default();
    format!("/api/v1/personen?{qs}")
}
