//! Per person: `.../contactmomenten`, `.../metingen`, `.../urenregistraties`, `.../plaatsingen` and
//! `.../handhaving`. Each POST answers 201 with the list as it is now.

use axum::Json;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use uuid::Uuid;
use wegwijs_app::AppError;
use wegwijs_app::partners::uitvoering::{self as app, RawHandhaving};
use wegwijs_domain::aanwezigheid::RawUrenregistratie;
use wegwijs_domain::contact::RawContactmoment;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::meting::RawMeting;
use wegwijs_domain::plaatsing::{PlaatsingSoort, RawPlaatsing, cyclus::cyclus_einde};

use super::dto::*;
use crate::api::problem::{ApiJson, ApiPath, ApiQuery, GeenParams, Problem};
use crate::api::progress::{created, error};
use crate::auth::ApiUser;
use crate::state::AppState;

fn answer<T: serde::Serialize>(r: Result<T, AppError>) -> Response {
    match r {
        Ok(v) => Json(v).into_response(),
        Err(e) => error(e),
    }
}

fn answer_created<T: serde::Serialize>(r: Result<T, AppError>, location: String) -> Response {
    match r {
        Ok(v) => created(Json(v).into_response(), &location),
        Err(e) => error(e),
    }
}

async fn contacts(state: &AppState, user: &ApiUser, id: Uuid) -> Result<ContactLijst, AppError> {
    let rows = app::contacts(&user.ctx(state), PersonId(id)).await?;
    Ok(ContactLijst {
        items: rows
            .into_iter()
            .map(|c| ContactDto {
                id: c.id,
                organisatie: c.organisatie_naam,
                verwijzing_id: c.verwijzing_id,
                soort: c.soort,
                datum: c.datum,
                duur_minuten: c.duur_minuten,
                deelnemers: c
                    .deelnemers
                    .lines()
                    .map(str::to_owned)
                    .filter(|l| !l.is_empty())
                    .collect(),
                tolk_taal: c.tolk_taal,
                vertrouwelijkheid: c.vertrouwelijkheid,
                samenvatting: c.samenvatting,
                vervolgafspraak: c.vervolgafspraak,
                auteur: c.auteur_naam,
            })
            .collect(),
    })
}

/// De contactmomenten van een persoon.
///
/// Van alle partijen (de partner ziet alleen die van de eigen organisatie); per moment beperkt door de
/// vertrouwelijkheid. Het opvragen wordt gelogd.
#[utoipa::path(get, path = "/personen/{id}/contactmomenten", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses(
        (status = 200, description = "De contactmomenten", body = ContactLijst),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of geen lopende verwijzing", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn list_contactmomenten(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    answer(contacts(&state, &user, id).await)
}

/// Een contactmoment vastleggen.
#[utoipa::path(post, path = "/personen/{id}/contactmomenten", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de persoon")), request_body = ContactInvoer,
    responses(
        (status = 201, description = "Vastgelegd; de contactmomenten", body = ContactLijst),
        (status = 400, description = "Ongeldige invoer; niets opgeslagen", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of geen lopende verwijzing", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn create_contactmoment(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<ContactInvoer>,
) -> Response {
    let raw = RawContactmoment {
        soort: i.soort,
        datum: i.datum,
        duur_minuten: i.duur_minuten.unwrap_or_default(),
        deelnemers: i.deelnemers.unwrap_or_default(),
        tolk: i.tolk,
        tolk_taal: i.tolk_taal.unwrap_or_default(),
        vertrouwelijkheid: i.vertrouwelijkheid,
        samenvatting: i.samenvatting,
        vervolgafspraak: i.vervolgafspraak.unwrap_or_default(),
    };
    if let Err(e) = app::record_contact(&user.ctx(&state), PersonId(id), &raw).await {
        return error(e);
    }
    answer_created(
        contacts(&state, &user, id).await,
        format!("/api/v1/personen/{id}/contactmomenten"),
    )
}

async fn metingen(state: &AppState, user: &ApiUser, id: Uuid) -> Result<MetingLijst, AppError> {
    let rows = app::metingen(&user.ctx(state), PersonId(id)).await?;
    Ok(MetingLijst {
        items: rows
            .into_iter()
            .map(|m| {
                let pairs: Vec<(String, String)> =
                    serde_json::from_str(&m.scores).unwrap_or_default();
                MetingDto {
                    id: m.id,
                    organisatie: m.organisatie_naam,
                    instrument: m.instrument,
                    moment: m.moment,
                    datum: m.datum,
                    scores: pairs
                        .into_iter()
                        .map(|(domein, score)| ScoreDto { domein, score })
                        .collect(),
                    toelichting: m.toelichting,
                }
            })
            .collect(),
    })
}

/// De metingen van een persoon (ZRM 2017, taalniveau per vaardigheid).
///
/// Een partner ziet de eigen metingen, zonder de bijzondere ZRM-domeinen (gezondheid, middelengebruik,
/// justitie).
#[utoipa::path(get, path = "/personen/{id}/metingen", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses(
        (status = 200, description = "De metingen, oudste eerst", body = MetingLijst),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of geen lopende verwijzing", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn list_metingen(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    answer(metingen(&state, &user, id).await)
}

/// Een meting vastleggen.
///
/// Elk domein of elke vaardigheid hoogstens één keer; scores op de schaal van het instrument.
#[utoipa::path(post, path = "/personen/{id}/metingen", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de persoon")), request_body = MetingInvoer,
    responses(
        (status = 201, description = "Vastgelegd; de metingen", body = MetingLijst),
        (status = 400, description = "Ongeldige invoer; niets opgeslagen", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of geen lopende verwijzing", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn create_meting(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<MetingInvoer>,
) -> Response {
    let raw = RawMeting {
        instrument: i.instrument,
        moment: i.moment,
        datum: i.datum,
        scores: i.scores.into_iter().map(|s| (s.domein, s.score)).collect(),
        toelichting: i.toelichting.unwrap_or_default(),
    };
    if let Err(e) = app::record_meting(&user.ctx(&state), PersonId(id), &raw).await {
        return error(e);
    }
    answer_created(
        metingen(&state, &user, id).await,
        format!("/api/v1/personen/{id}/metingen"),
    )
}

async fn uren(
    state: &AppState,
    user: &ApiUser,
    id: Uuid,
) -> Result<UrenregistratieLijst, AppError> {
    let rows = app::uren(&user.ctx(state), PersonId(id)).await?;
    Ok(UrenregistratieLijst {
        items: rows
            .into_iter()
            .map(|u| UrenregistratieDto {
                id: u.id,
                organisatie: u.organisatie_naam,
                medewerker: u.medewerker_naam,
                verwijzing_id: u.verwijzing_id,
                activiteit_id: u.activiteit_id,
                datum: u.datum,
                uren_honderdsten: u.uren_honderdsten,
                omschrijving: u.omschrijving,
            })
            .collect(),
    })
}

/// De uren van professionals voor een persoon, per activiteit.
#[utoipa::path(get, path = "/personen/{id}/urenregistraties", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses(
        (status = 200, description = "De urenregels, nieuwste eerst", body = UrenregistratieLijst),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of geen lopende verwijzing", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn list_urenregistraties(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    answer(uren(&state, &user, id).await)
}

/// Uren schrijven (niet in de toekomst, in kwartieren, hoogstens 24 per dag).
#[utoipa::path(post, path = "/personen/{id}/urenregistraties", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de persoon")), request_body = UrenregistratieInvoer,
    responses(
        (status = 201, description = "Vastgelegd; de urenregels", body = UrenregistratieLijst),
        (status = 400, description = "Ongeldige invoer; niets opgeslagen", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of geen lopende verwijzing", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn create_urenregistratie(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<UrenregistratieInvoer>,
) -> Response {
    let raw = RawUrenregistratie {
        activiteit_id: i.activiteit_id.unwrap_or_default(),
        datum: i.datum,
        uren: i.uren,
        omschrijving: i.omschrijving.unwrap_or_default(),
    };
    if let Err(e) = app::record_uren(&user.ctx(&state), PersonId(id), &raw).await {
        return error(e);
    }
    answer_created(
        uren(&state, &user, id).await,
        format!("/api/v1/personen/{id}/urenregistraties"),
    )
}

async fn plaatsingen(
    state: &AppState,
    user: &ApiUser,
    id: Uuid,
) -> Result<PlaatsingLijst, AppError> {
    let rows = app::plaatsingen(&user.ctx(state), PersonId(id)).await?;
    Ok(PlaatsingLijst {
        items: rows
            .into_iter()
            .map(|p| PlaatsingDto {
                id: p.id,
                organisatie: p.organisatie_naam,
                cyclus_einde: PlaatsingSoort::parse(&p.soort)
                    .filter(|s| s.heeft_cycli())
                    .map(|_| cyclus_einde(p.start)),
                soort: p.soort,
                plek: p.plek,
                start: p.start,
                eind: p.eind,
                uren_per_week_honderdsten: p.uren_per_week_honderdsten,
                uitstroom: p.uitstroom,
            })
            .collect(),
    })
}

/// De plaatsingen van een persoon (werkervaringsplek in cycli van 15 weken, stage, ...).
#[utoipa::path(get, path = "/personen/{id}/plaatsingen", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses(
        (status = 200, description = "De plaatsingen", body = PlaatsingLijst),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of geen lopende verwijzing", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn list_plaatsingen(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    answer(plaatsingen(&state, &user, id).await)
}

/// Een plaatsing vastleggen.
#[utoipa::path(post, path = "/personen/{id}/plaatsingen", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de persoon")), request_body = PlaatsingInvoer,
    responses(
        (status = 201, description = "Vastgelegd; de plaatsingen", body = PlaatsingLijst),
        (status = 400, description = "Ongeldige invoer; niets opgeslagen", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden of geen lopende verwijzing", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn create_plaatsing(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<PlaatsingInvoer>,
) -> Response {
    let raw = RawPlaatsing {
        soort: i.soort,
        organisatie: i.organisatie,
        start: i.start,
        eind: i.eind.unwrap_or_default(),
        uren_per_week: i.uren_per_week,
    };
    if let Err(e) = app::record_plaatsing(&user.ctx(&state), PersonId(id), &raw).await {
        return error(e);
    }
    answer_created(
        plaatsingen(&state, &user, id).await,
        format!("/api/v1/personen/{id}/plaatsingen"),
    )
}

async fn handhaving(
    state: &AppState,
    user: &ApiUser,
    id: Uuid,
) -> Result<HandhavingLijst, AppError> {
    let rows = app::handhaving(&user.ctx(state), PersonId(id)).await?;
    Ok(HandhavingLijst {
        items: rows
            .into_iter()
            .map(|h| HandhavingDto {
                id: h.id,
                soort: h.soort,
                overtreding: h.overtreding,
                verwijtbaarheid: h.verwijtbaarheid,
                besluit_datum: h.besluit_datum,
                bedrag_centen: h.bedrag_centen,
                berekening: h.berekening,
                nieuwe_termijn: h.nieuwe_termijn,
                onherroepelijk: h.onherroepelijk,
                toelichting: h.toelichting,
            })
            .collect(),
    })
}

/// Handhaving: boetes, waarschuwingen en maatregelen Participatiewet (alleen de gemeente).
#[utoipa::path(get, path = "/personen/{id}/handhaving", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de persoon")),
    responses(
        (status = 200, description = "De besluiten", body = HandhavingLijst),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn list_handhaving(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
) -> Response {
    answer(handhaving(&state, &user, id).await)
}

/// Een handhavingsbesluit vastleggen; het boetebedrag volgt uit art. 7.1 Besluit inburgering 2021.
#[utoipa::path(post, path = "/personen/{id}/handhaving", tag = "ketenpartners",
    params(("id" = Uuid, Path, description = "Id van de persoon")), request_body = HandhavingInvoer,
    responses(
        (status = 201, description = "Vastgelegd; de besluiten", body = HandhavingLijst),
        (status = 400, description = "Ongeldige invoer of geen boete mogelijk; niets opgeslagen", body = Problem, content_type = "application/problem+json"),
        (status = 403, description = "Geen toegang", body = Problem, content_type = "application/problem+json"),
        (status = 404, description = "Niet gevonden", body = Problem, content_type = "application/problem+json"),
    ),
    security(("apiKey" = [])))]
pub async fn create_handhaving(
    State(state): State<AppState>,
    user: ApiUser,
    _: ApiQuery<GeenParams>,
    ApiPath(id): ApiPath<Uuid>,
    ApiJson(i): ApiJson<HandhavingInvoer>,
) -> Response {
    let raw = RawHandhaving {
        soort: i.soort,
        overtreding: i.overtreding.unwrap_or_default(),
        verwijtbaarheid: i.verwijtbaarheid.unwrap_or_default(),
        besluit_datum: i.besluit_datum,
        nieuwe_termijn: i.nieuwe_termijn.unwrap_or_default(),
        schriftelijk_gewaarschuwd: i.schriftelijk_gewaarschuwd,
        herhaald_opgeroepen: i.herhaald_opgeroepen,
        bijstand_verlaagd: i.bijstand_verlaagd,
        toelichting: i.toelichting.unwrap_or_default(),
    };
    if let Err(e) = app::record_handhaving(&user.ctx(&state), PersonId(id), &raw).await {
        return error(e);
    }
    answer_created(
        handhaving(&state, &user, id).await,
        format!("/api/v1/personen/{id}/handhaving"),
    )
}
