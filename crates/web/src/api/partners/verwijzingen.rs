//! `/verwijzingen`, `/verwijzingen/{id}`, `.../overgangen`, `.../medewerker`, `.../aanwezigheid`,
//! `/personen/{id}/verwijzingen` and `/aanbod`.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use serde::Deserialize;
use utoipa::IntoParams;
use uuid::Uuid;
use wegwijs_app::model::VerwijzingFilter as Filter;
use wegwijs_app::partners::{aanbod, uitvoering, verwijzingen};
use wegwijs_domain::aanwezigheid::RawBijeenkomst;
use wegwijs_domain::ids::{GebruikerId, PersonId};
use wegwijs_domain::partners::verwijzing_input::{RawOvergang, RawVerwijzing};

use super::dto::*;
use crate::api::problem::{ApiJson, ApiPath, ApiQuery, GeenParams, Problem};
use crate::api::progress::{created, error};
use crate::auth::ApiUser;
use crate::state::AppState;

#[derive(Deserialize, IntoParams)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[into_params(parameter_in = Query)]
pub struct VerwijzingParams {
    /// `lopend` (standaard: verstuurd, geaccepteerd of gestart) of `alle`.
    #[param(schema_with = crate::api::schemas::verwijzing_status_param)]
    pub status: Option<String>,
    /// Alleen verwijzingen van deze persoon.
    pub persoon: Option<Uuid>,
    /// Paginanummer, vanaf 1.
    #[param(minimum = 1, maximum = 10000)]
    pub pagina: Option<u32>,
    /// Aantal per pagina, 1 tot en met 200 (standaard 50).
    #[param(minimum = 1, maximum = 200)]
    pub pagina_grootte: Option<u32>,
}

fn bad(field: &'static str, message: &str) -> Response {
    let mut e = wegwijs_domain::validation::ValidationErrors::new();
    e.push(field, "invalid", message);
    error(wegwijs_app::AppError::Invalid(e))
}

/// Verwijzingen: de werklijst.
///
/// Voor de gemeente de verwijzingen van haar personen; voor een ketenpartner de verwijzingen aan de
/// eigen organisatie (een medewerker: aan hem of haar toegewezen), ook beëindigde met `status=alle`.
/// Elke getoonde persoon wordt gelogd, bij een partner met de verwijzing als grondslag.
#[utoipa::path(get, path = "/verwijzingen", tag = "ketenpartners", params(VerwijzingParams),
    responses(
        (status = 200, description = "Een pagina verwijzingen", body = VerwijzingLijst),
        (status = 400, description = "Ongeldige parameter", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn list_verwijzingen(
    State(state): State<AppState>,
    user: ApiUser,
    ApiQuery(p): ApiQuery<VerwijzingParams>,
) -> Response {
    let filter = match p.status.as_deref() {
        None | Some("lopend") => Filter::Lopend,
        Some("alle") => Filter::Alle,
        Some(_) => return bad("status", "Kies lopend of alle."),
    };
    let pagina = p.pagina.unwrap_or(1);
    let grootte = p.pagina_grootte.unwrap_or(50);
    if !(1..=10_000).contains(&pagina) {
        return bad("pagina", "Kies een pagina van 1 tot en met 10000.");
    }
    if !(1..=200).contains(&grootte) {
        return bad(
            "paginaGrootte",
            "Kies een paginagrootte van 1 tot en met 200.",
        );
    }
    let offset = i64::from(pagina - 1) * i64::from(grootte);
    match verwijzingen::list(
        &user.ctx(&state),
        filter,
        p.persoon.map(PersonId),
        i64::from(grootte),
        offset,
    )
    .await
    {
        Ok(rows) => Json(VerwijzingLijst {
            items: rows.iter().map(VerwijzingDto::from).collect(),
            pagina,
            pagina_grootte: grootte,
        })
        .into_response(),
        Err(e) => error(e),
    }
}

async fn with_steps(
    state: &AppState,
    user: &ApiUser,
    id: Uuid,
) -> Result<VerwijzingMetStappen, wegwijs_app::AppError> {
    let (v, stappen) = verwijzingen::get(&user.ctx(state), id).await?;
    Ok(VerwijzingMetStappen {
        verwijzing: VerwijzingDto::from(&v),
        stappen: stappen
            .into_iter()
            .map(|s| StapDto {
                status: s.status,
                datum: s.datum,
                reden: s.reden,
                toelichting: s.toelichting,
                door: s.door_naam,
            })
            .collect(),
    })
}

/// Eén verwijzing met haar geschiedenis.
#[utoipa::path(get, path = "/verwijzingen/{id}", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de verwijzing")),
    responses(
        (status = 200, description = "De verwijzing", body = VerwijzingMetStappen),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn get_verwijzing(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    match with_steps(&state, &user, id).await {
        Ok(v) => Json(v).into_response(),
        Err(e) => error(e),
    }
}

/// Verwijzen naar een ketenpartner.
///
/// Het product moet op de sociale kaart van de gemeente van de persoon staan; doelen komen uit het
/// geldende PIP. Gezondheidsgegevens gaan alleen mee met toestemming of een vastgelegde rechtvaardiging.
#[utoipa::path(post, path = "/personen/{id}/verwijzingen", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de persoon")), request_body = VerwijzingInvoer,
    responses(
        (status = 201, description = "Verstuurd", body = VerwijzingMetStappen),
        (status = 400, description = "Ongeldige invoer; niets opgeslagen", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Persoon niet gevonden", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn create_verwijzing(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<VerwijzingInvoer>,
) -> Response {
    let raw = RawVerwijzing {
        aanbod_id: i.aanbod_id,
        vraag: i.vraag,
        doel_ids: i.doel_ids,
        grondslag: i.grondslag,
        toestemming_datum: i.toestemming_datum.unwrap_or_default(),
        geldig_tot: i.geldig_tot,
        gezondheid_delen: i.gezondheid_delen,
        gezondheid_rechtvaardiging: i.gezondheid_rechtvaardiging.unwrap_or_default(),
        medewerker_id: i.medewerker_id.unwrap_or_default(),
    };
    let ctx = user.ctx(&state);
    match verwijzingen::create(&ctx, PersonId(id), &raw).await {
        Ok(vid) => match with_steps(&state, &user, vid).await {
            Ok(v) => created(
                Json(v).into_response(),
                &format!("/api/v1/verwijzingen/{vid}"),
            ),
            Err(e) => error(e),
        },
        Err(e) => error(e),
    }
}

/// Een stap zetten: accepteren, afwijzen, starten, afronden, stoppen of (gemeente) intrekken.
///
/// Een verouderde `versie` geeft 409; een stap die niet past bij de stand geeft 400.
#[utoipa::path(post, path = "/verwijzingen/{id}/overgangen", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de verwijzing")), request_body = OvergangInvoer,
    responses(
        (status = 201, description = "Gezet; de verwijzing zoals die nu is", body = VerwijzingMetStappen),
        (status = 400, description = "Ongeldige of niet passende stap", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Verouderde versie", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn post_overgang(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<OvergangInvoer>,
) -> Response {
    let raw = RawOvergang {
        overgang: i.overgang,
        datum: i.datum.unwrap_or_default(),
        reden: i.reden.unwrap_or_default(),
        toelichting: i.toelichting.unwrap_or_default(),
    };
    match verwijzingen::transition(&user.ctx(&state), id, &raw, i.versie).await {
        Ok(_) => match with_steps(&state, &user, id).await {
            Ok(v) => created(
                Json(v).into_response(),
                &format!("/api/v1/verwijzingen/{id}"),
            ),
            Err(e) => error(e),
        },
        Err(e) => error(e),
    }
}

/// Toewijzen aan een medewerker van de partner (alleen de coördinator).
#[utoipa::path(put, path = "/verwijzingen/{id}/medewerker", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de verwijzing")), request_body = ToewijzingInvoer,
    responses(
        (status = 200, description = "Toegewezen", body = VerwijzingMetStappen),
        (status = 400, description = "Ongeldige medewerker", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "Verouderde versie", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn put_medewerker(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<ToewijzingInvoer>,
) -> Response {
    match verwijzingen::assign(
        &user.ctx(&state),
        id,
        GebruikerId(i.medewerker_id),
        i.versie,
    )
    .await
    {
        Ok(_) => match with_steps(&state, &user, id).await {
            Ok(v) => Json(v).into_response(),
            Err(e) => error(e),
        },
        Err(e) => error(e),
    }
}

fn bijeenkomsten(rows: Vec<wegwijs_app::model::BijeenkomstRow>) -> BijeenkomstLijst {
    BijeenkomstLijst {
        items: rows
            .into_iter()
            .map(|b| BijeenkomstDto {
                id: b.id,
                datum: b.datum,
                aanwezigheid: b.aanwezigheid,
                reden: b.reden,
                uren_honderdsten: b.uren_honderdsten,
            })
            .collect(),
    }
}

/// De aanwezigheid per bijeenkomst van een verwijzing.
#[utoipa::path(get, path = "/verwijzingen/{id}/aanwezigheid", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de verwijzing")),
    responses(
        (status = 200, description = "De bijeenkomsten", body = BijeenkomstLijst),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn list_aanwezigheid(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    match uitvoering::bijeenkomsten(&user.ctx(&state), id).await {
        Ok(rows) => Json(bijeenkomsten(rows)).into_response(),
        Err(e) => error(e),
    }
}

/// Aanwezigheid vastleggen (de partner, zolang de verwijzing loopt).
#[utoipa::path(post, path = "/verwijzingen/{id}/aanwezigheid", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de verwijzing")), request_body = BijeenkomstInvoer,
    responses(
        (status = 201, description = "Vastgelegd; alle bijeenkomsten", body = BijeenkomstLijst),
        (status = 400, description = "Ongeldige invoer; niets opgeslagen", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang of verwijzing beëindigd", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn post_aanwezigheid(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<BijeenkomstInvoer>,
) -> Response {
    let raw = RawBijeenkomst {
        datum: i.datum,
        aanwezigheid: i.aanwezigheid,
        reden: i.reden.unwrap_or_default(),
        uren: i.uren.unwrap_or_default(),
    };
    let ctx = user.ctx(&state);
    if let Err(e) = uitvoering::record_bijeenkomst(&ctx, id, &raw).await {
        return error(e);
    }
    match uitvoering::bijeenkomsten(&ctx, id).await {
        Ok(rows) => created(
            Json(bijeenkomsten(rows)).into_response(),
            &format!("/api/v1/verwijzingen/{id}/aanwezigheid"),
        ),
        Err(e) => error(e),
    }
}

/// De sociale kaart: producten van ketenpartners.
///
/// Voor de gemeente haar eigen aanbod; voor een partner de eigen producten in alle gemeenten.
#[utoipa::path(get, path = "/aanbod", tag = "ketenpartners",
    responses(
        (status = 200, description = "Het aanbod", body = AanbodLijst),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn list_aanbod(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
) -> Response {
    match aanbod::list(&user.ctx(&state)).await {
        Ok(rows) => Json(AanbodLijst {
            items: rows
                .into_iter()
                .map(|a| AanbodDto {
                    id: a.id,
                    gemeente_id: a.gemeente_id,
                    partner_id: a.partner_id,
                    partner_naam: a.partner_naam,
                    naam: a.naam,
                    leefdomein: a.leefdomein,
                    financiering: a.financiering,
                    eenheid: a.eenheid,
                })
                .collect(),
        })
        .into_response(),
        Err(e) => error(e),
    }
}
