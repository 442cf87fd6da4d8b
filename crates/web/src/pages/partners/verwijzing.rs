//! `/verwijzingen/{id}`: one referral, its history, the steps the actor may take (accept, decline,
//! start, finish, stop for the partner; revoke for the gemeente; assign for the coordinator) and the
//! attendance per session.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::error::{AppError, AppResult};
use wegwijs_app::partners::{uitvoering, verwijzingen};
use wegwijs_domain::aanwezigheid::{Aanwezigheid, RawBijeenkomst};
use wegwijs_domain::authz::{Action, OrganisatieSoort, Role, can};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};
use wegwijs_domain::partners::verwijzing::{StopReden, VerwijzingStatus};
use wegwijs_domain::partners::verwijzing_input::{Grondslag, RawOvergang};
use wegwijs_domain::validation::ValidationErrors;

use super::{Pairs, fouten, get, uren};
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

pub struct Stap {
    pub status: &'static str,
    pub datum: String,
    pub reden: String,
    pub door: String,
}

pub struct Sessie {
    pub datum: String,
    pub aanwezigheid: &'static str,
    pub afwezig_zonder_bericht: bool,
    pub reden: String,
    pub uren: String,
}

#[derive(Template)]
#[template(path = "verwijzing.html")]
pub struct VerwijzingPage {
    pub layout: Layout,
    pub id: Uuid,
    pub persoon: String,
    pub persoon_href: Option<String>,
    pub aanbod: String,
    pub partner: String,
    pub medewerker: String,
    pub status: &'static str,
    pub vraag: String,
    pub grondslag: &'static str,
    pub geldig_tot: String,
    pub gezondheid: bool,
    pub stappen: Vec<Stap>,
    pub sessies: Vec<Sessie>,
    pub formulieren: Vec<Formulier>,
    pub fouten: Vec<(String, String)>,
    pub conflict: bool,
}

impl VerwijzingPage {
    pub fn form(&self, id: &str) -> Option<&Formulier> {
        self.formulieren.iter().find(|f| f.id == id)
    }
}

fn none() -> Vec<String> {
    Vec::new()
}

fn today_dmy(state: &AppState) -> Vec<String> {
    vec![dmy(Some(state.app.clock.today()))]
}

async fn page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    id: Uuid,
    posted: Option<&Posted>,
    conflict: bool,
) -> AppResult<VerwijzingPage> {
    let ctx = signed.ctx(state);
    let (v, steps) = verwijzingen::get(&ctx, id).await?;
    let resource = wegwijs_app::partners::resource(&v)?;
    let allowed = |a: Action| can(&signed.actor, a, resource).is_allowed();
    let status = VerwijzingStatus::parse(&v.status).unwrap_or(VerwijzingStatus::Verstuurd);
    let partner = signed.actor.organisatie_soort == OrganisatieSoort::Partner;
    let sessies = if allowed(Action::UitvoeringView) {
        uitvoering::bijeenkomsten(&ctx, id)
            .await?
            .into_iter()
            .map(|b| {
                let a = Aanwezigheid::parse(&b.aanwezigheid);
                Sessie {
                    datum: datum(Some(b.datum)),
                    aanwezigheid: a.map_or("onbekend", Aanwezigheid::label),
                    afwezig_zonder_bericht: a == Some(Aanwezigheid::AfwezigZonderBericht),
                    reden: b.reden.unwrap_or_default(),
                    uren: b.uren_honderdsten.map(uren).unwrap_or_default(),
                }
            })
            .collect()
    } else {
        Vec::new()
    };
    let versie = vec![(String::from("versie"), v.versie.to_string())];
    let mut formulieren = Vec::new();
    let action = format!("/verwijzingen/{id}/overgang");
    let stap_form = |fid: &'static str,
                     titel: &'static str,
                     knop: &'static str,
                     velden: Vec<(Veld, Vec<String>)>| Formulier {
        id: fid,
        titel,
        action: action.clone(),
        velden: fill(fid, velden, posted),
        verborgen: [versie.clone(), vec![("overgang".into(), fid.into())]].concat(),
        knop,
        open: posted.is_some_and(|p| p.form == fid) || matches!(fid, "accepteren" | "starten"),
    };
    let redenen = |codes: &[StopReden]| -> Vec<(&'static str, &'static str)> {
        codes.iter().map(|r| (r.code(), r.label())).collect()
    };
    if partner && allowed(Action::VerwijzingRespond) {
        match status {
            VerwijzingStatus::Verstuurd => {
                formulieren.push(stap_form(
                    "accepteren",
                    "Verwijzing accepteren",
                    "Accepteren",
                    vec![],
                ));
                formulieren.push(stap_form(
                    "afwijzen",
                    "Verwijzing afwijzen",
                    "Afwijzen",
                    vec![
                        (
                            Veld::new("afwijzen", "reden", "Reden", "select")
                                .required()
                                .choices(
                                    Some("Kies een reden"),
                                    redenen(&[
                                        StopReden::GeenPlek,
                                        StopReden::PastNiet,
                                        StopReden::Anders,
                                    ]),
                                ),
                            none(),
                        ),
                        (
                            Veld::new("afwijzen", "toelichting", "Toelichting", "textarea"),
                            none(),
                        ),
                    ],
                ));
            }
            VerwijzingStatus::Geaccepteerd => {
                formulieren.push(stap_form(
                    "starten",
                    "Traject starten",
                    "Starten",
                    vec![(
                        Veld::new("starten", "datum", "Startdatum", "date").required(),
                        today_dmy(state),
                    )],
                ));
            }
            VerwijzingStatus::Gestart => {
                formulieren.push(stap_form(
                    "afronden",
                    "Afronden",
                    "Afronden",
                    vec![(
                        Veld::new("afronden", "datum", "Einddatum", "date").required(),
                        today_dmy(state),
                    )],
                ));
            }
            _ => {}
        }
        if matches!(
            status,
            VerwijzingStatus::Geaccepteerd | VerwijzingStatus::Gestart
        ) {
            formulieren.push(stap_form(
                "stoppen",
                "Voortijdig stoppen",
                "Stoppen",
                vec![
                    (
                        Veld::new("stoppen", "datum", "Datum", "date").required(),
                        today_dmy(state),
                    ),
                    (
                        Veld::new("stoppen", "reden", "Reden", "select")
                            .required()
                            .choices(
                                Some("Kies een reden"),
                                redenen(&[
                                    StopReden::Voltooid,
                                    StopReden::Uitval,
                                    StopReden::Verhuisd,
                                    StopReden::Anders,
                                ]),
                            ),
                        none(),
                    ),
                    (
                        Veld::new(
                            "stoppen",
                            "toelichting",
                            "Toelichting (verplicht bij uitval en anders)",
                            "textarea",
                        ),
                        none(),
                    ),
                ],
            ));
        }
    }
    if !partner && allowed(Action::VerwijzingRevoke) && !status.is_eind() {
        formulieren.push(stap_form(
            "intrekken",
            "Verwijzing intrekken",
            "Intrekken",
            vec![(
                Veld::new("intrekken", "toelichting", "Waarom", "textarea").required(),
                none(),
            )],
        ));
    }
    if partner
        && signed.actor.has(Role::PartnerCoordinator)
        && allowed(Action::VerwijzingAssign)
        && !status.is_eind()
    {
        let workers = verwijzingen::workers(&ctx, OrganisatieId(v.partner_id)).await?;
        let choices: Vec<(String, String)> = workers
            .iter()
            .map(|(id, n)| (id.0.to_string(), n.clone()))
            .collect();
        formulieren.push(Formulier {
            id: "toewijzen",
            titel: "Toewijzen aan een medewerker",
            action: format!("/verwijzingen/{id}/medewerker"),
            velden: fill(
                "toewijzen",
                vec![(
                    Veld::new("toewijzen", "medewerkerId", "Medewerker", "select")
                        .required()
                        .choices(
                            Some("Kies een medewerker"),
                            choices.iter().map(|(a, b)| (a.as_str(), b.as_str())),
                        ),
                    v.medewerker_id
                        .map(|m| vec![m.to_string()])
                        .unwrap_or_default(),
                )],
                posted,
            ),
            verborgen: versie.clone(),
            knop: "Toewijzen",
            open: posted.is_some_and(|p| p.form == "toewijzen"),
        });
    }
    if partner && allowed(Action::UitvoeringRecord) {
        formulieren.push(Formulier {
            id: "aanwezigheid",
            titel: "Aanwezigheid vastleggen",
            action: format!("/verwijzingen/{id}/aanwezigheid"),
            velden: fill(
                "aanwezigheid",
                vec![
                    (
                        Veld::new("aanwezigheid", "datum", "Datum van de bijeenkomst", "date")
                            .required(),
                        today_dmy(state),
                    ),
                    (
                        Veld::new("aanwezigheid", "aanwezigheid", "Aanwezigheid", "select")
                            .required()
                            .choices(Some("Kies"), Aanwezigheid::CHOICES.iter().copied()),
                        none(),
                    ),
                    (
                        Veld::new(
                            "aanwezigheid",
                            "reden",
                            "Reden van afwezigheid (bij afwezig met geldige reden)",
                            "text",
                        ),
                        none(),
                    ),
                    (
                        Veld::new("aanwezigheid", "uren", "Uren aanwezig (bijv. 2,5)", "text"),
                        none(),
                    ),
                ],
                posted,
            ),
            verborgen: vec![],
            knop: "Vastleggen",
            open: true,
        });
    }
    let fouten = posted
        .map(|p| fouten(&formulieren, p.form, &p.errors))
        .unwrap_or_default();
    Ok(VerwijzingPage {
        layout: Layout::new(
            signed,
            nonce,
            format!("Verwijzing {}", v.aanbod_naam),
            "/verwijzingen",
        ),
        id,
        persoon: v.persoon_naam.clone(),
        persoon_href: (!partner || status.geeft_toegang())
            .then(|| format!("/personen/{}", v.persoon_id)),
        aanbod: v.aanbod_naam.clone(),
        partner: v.partner_naam.clone(),
        medewerker: v
            .medewerker_naam
            .clone()
            .unwrap_or_else(|| "nog niet toegewezen".into()),
        status: status.label(),
        vraag: v.vraag.clone(),
        grondslag: Grondslag::parse(&v.grondslag).map_or("onbekend", Grondslag::label),
        geldig_tot: datum(Some(v.geldig_tot)),
        gezondheid: v.gezondheid_delen,
        stappen: steps
            .into_iter()
            .map(|s| Stap {
                status: VerwijzingStatus::parse(&s.status)
                    .map_or("onbekend", VerwijzingStatus::label),
                datum: datum(Some(s.datum)),
                reden: [
                    s.reden
                        .as_deref()
                        .and_then(StopReden::parse)
                        .map(|r| r.label().to_string()),
                    s.toelichting,
                ]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(": "),
                door: s.door_naam.unwrap_or_default(),
            })
            .collect(),
        sessies,
        formulieren,
        fouten,
        conflict,
    })
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let p = page(&state, &signed, nonce, id, None, false).await?;
    Ok(render_status(StatusCode::OK, &p))
}

/// After a POST: back to the page with a melding, or the page again with the errors (422) or the
/// conflict (409).
#[allow(clippy::too_many_arguments)]
async fn answer(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    id: Uuid,
    form: &'static str,
    pairs: Pairs,
    result: AppResult<()>,
    na: Option<String>,
) -> Result<Response, PageError> {
    match result {
        Ok(()) => Ok(Redirect::to(&redirect_to(
            &na.unwrap_or_else(|| format!("/verwijzingen/{id}")),
            Melding::Opgeslagen,
        ))
        .into_response()),
        Err(AppError::Invalid(errors)) => {
            let posted = Posted {
                form,
                pairs,
                errors,
            };
            let p = page(state, signed, nonce, id, Some(&posted), false).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(AppError::Conflict { .. }) => {
            let posted = Posted {
                form,
                pairs,
                errors: ValidationErrors::new(),
            };
            let p = page(state, signed, nonce, id, Some(&posted), true).await?;
            Ok(render_status(StatusCode::CONFLICT, &p))
        }
        Err(e) => Err(PageError(e)),
    }
}

fn form_id(code: &str) -> &'static str {
    match code {
        "accepteren" => "accepteren",
        "afwijzen" => "afwijzen",
        "starten" => "starten",
        "afronden" => "afronden",
        "stoppen" => "stoppen",
        "intrekken" => "intrekken",
        _ => "overgang",
    }
}

pub async fn overgang(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let raw = RawOvergang {
        overgang: get(&pairs, "overgang"),
        datum: get(&pairs, "datum"),
        reden: get(&pairs, "reden"),
        toelichting: get(&pairs, "toelichting"),
    };
    let versie = get(&pairs, "versie").parse::<i64>().unwrap_or(0);
    let form = form_id(&raw.overgang);
    let r = verwijzingen::transition(&signed.ctx(&state), id, &raw, versie)
        .await
        .map(|_| ());
    // After the end a partner no longer sees the person, but still the referral itself.
    answer(&state, &signed, nonce, id, form, pairs, r, None).await
}

pub async fn medewerker(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let versie = get(&pairs, "versie").parse::<i64>().unwrap_or(0);
    let r = match Uuid::parse_str(get(&pairs, "medewerkerId").trim()) {
        Ok(m) => verwijzingen::assign(&signed.ctx(&state), id, GebruikerId(m), versie)
            .await
            .map(|_| ()),
        Err(_) => {
            let mut e = ValidationErrors::new();
            e.push("medewerkerId", "required", "Kies een medewerker.");
            Err(AppError::Invalid(e))
        }
    };
    answer(&state, &signed, nonce, id, "toewijzen", pairs, r, None).await
}

pub async fn aanwezigheid(
    State(state): State<AppState>,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
    CsrfForm(signed, pairs): CsrfForm<Pairs>,
) -> Result<Response, PageError> {
    let raw = RawBijeenkomst {
        datum: get(&pairs, "datum"),
        aanwezigheid: get(&pairs, "aanwezigheid"),
        reden: get(&pairs, "reden"),
        uren: get(&pairs, "uren"),
    };
    let r = uitvoering::record_bijeenkomst(&signed.ctx(&state), id, &raw)
        .await
        .map(|_| ());
    answer(&state, &signed, nonce, id, "aanwezigheid", pairs, r, None).await
}
