//! `/personen/{id}/verwijzingen`: the referrals of one person and the form to refer them to a product
//! of the gemeente's sociale kaart.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use uuid::Uuid;
use wegwijs_app::error::{AppError, AppResult};
use wegwijs_app::model::VerwijzingFilter;
use wegwijs_app::partners::{aanbod, verwijzingen};
use wegwijs_app::persons;
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::partners::verwijzing::VerwijzingStatus;
use wegwijs_domain::partners::verwijzing_input::{Grondslag, RawVerwijzing};
use wegwijs_domain::trajectory::intake::leefdomeinen;

use super::{Pairs, all, checked, fouten, get};
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

pub struct Regel {
    pub href: String,
    pub aanbod: String,
    pub partner: String,
    pub status: &'static str,
    pub verstuurd: String,
}

#[derive(Template)]
#[template(path = "verwijzen.html")]
pub struct VerwijzenPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub naam: String,
    pub regels: Vec<Regel>,
    pub formulier: Option<Formulier>,
    pub fouten: Vec<(String, String)>,
    /// The person has no PIP goals yet (the form then has no goal field; say why).
    pub geen_doelen: bool,
}

async fn page(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    id: Uuid,
    posted: Option<&Posted>,
) -> AppResult<VerwijzenPage> {
    let ctx = signed.ctx(state);
    let person = persons::load(&ctx, Action::VerwijzingView, PersonId(id)).await?;
    let rows = verwijzingen::list(&ctx, VerwijzingFilter::Alle, Some(PersonId(id)), 200, 0).await?;
    let regels = rows
        .iter()
        .map(|v| Regel {
            href: format!("/verwijzingen/{}", v.id),
            aanbod: v.aanbod_naam.clone(),
            partner: v.partner_naam.clone(),
            status: VerwijzingStatus::parse(&v.status).map_or("onbekend", VerwijzingStatus::label),
            verstuurd: datum(Some(v.verstuurd_op)),
        })
        .collect();
    let may_refer = wegwijs_domain::authz::can(
        &signed.actor,
        Action::VerwijzingCreate,
        wegwijs_domain::authz::Resource::Person(wegwijs_domain::authz::PersonRef {
            gemeente_id: person.gemeente_id,
            regisseur_id: person.regisseur_id,
        }),
    )
    .is_allowed();
    let mut geen_doelen = false;
    let formulier = if may_refer {
        let producten = aanbod::list(&ctx).await?;
        let doelen = verwijzingen::doelen_voor(&ctx, PersonId(id)).await?;
        let product_choices: Vec<(String, String)> = producten
            .iter()
            .map(|p| {
                (
                    p.id.to_string(),
                    format!(
                        "{} — {} ({})",
                        p.naam,
                        p.partner_naam,
                        leefdomeinen::naam(&p.leefdomein)
                    ),
                )
            })
            .collect();
        let doel_choices: Vec<(String, String)> = doelen
            .iter()
            .map(|(d, domein, tekst)| {
                (
                    d.to_string(),
                    format!("{tekst} ({})", leefdomeinen::naam(domein)),
                )
            })
            .collect();
        let f = "verwijzen";
        let geldig = state.app.clock.today() + chrono::Months::new(12);
        let mut velden = vec![
            (
                Veld::new(f, "aanbodId", "Product van de sociale kaart", "select")
                    .required()
                    .choices(
                        Some("Kies een product"),
                        product_choices
                            .iter()
                            .map(|(a, b)| (a.as_str(), b.as_str())),
                    ),
                vec![],
            ),
            (
                Veld::new(f, "vraag", "Wat vraagt u van de partner?", "textarea").required(),
                vec![],
            ),
        ];
        geen_doelen = doel_choices.is_empty();
        if !doel_choices.is_empty() {
            velden.push((
                Veld::new(
                    f,
                    "doelIds",
                    "Doelen uit het PIP waar de partner aan werkt",
                    "checkboxes",
                )
                .choices(
                    None,
                    doel_choices.iter().map(|(a, b)| (a.as_str(), b.as_str())),
                ),
                vec![],
            ));
        }
        velden.extend([
            (
                Veld::new(
                    f,
                    "grondslag",
                    "Grondslag voor het delen van gegevens",
                    "select",
                )
                .required()
                .choices(None, Grondslag::CHOICES.iter().copied()),
                vec![Grondslag::WettelijkeTaak.code().to_string()],
            ),
            (
                Veld::new(
                    f,
                    "toestemmingDatum",
                    "Datum van de toestemming (bij toestemming)",
                    "date",
                ),
                vec![],
            ),
            (
                Veld::new(f, "geldigTot", "Gegevens delen tot en met", "date").required(),
                vec![dmy(Some(geldig))],
            ),
            (
                Veld::new(
                    f,
                    "gezondheidDelen",
                    "Ook doelen op gezondheid en persoonlijke omstandigheden delen",
                    "checkbox",
                ),
                vec![],
            ),
            (
                Veld::new(
                    f,
                    "gezondheidRechtvaardiging",
                    "Rechtvaardiging voor het delen van gezondheidsgegevens (zonder toestemming)",
                    "textarea",
                ),
                vec![],
            ),
        ]);
        Some(Formulier {
            id: f,
            titel: "Verwijzen naar een ketenpartner",
            action: format!("/personen/{id}/verwijzingen"),
            velden: fill(f, velden, posted),
            verborgen: vec![],
            knop: "Verwijzing versturen",
            open: true,
        })
    } else {
        None
    };
    let fouten = match (posted, &formulier) {
        (Some(p), Some(f)) => fouten(std::slice::from_ref(f), p.form, &p.errors),
        _ => Vec::new(),
    };
    let naam = person.details.display_name();
    Ok(VerwijzenPage {
        layout: Layout::new(signed, nonce, format!("Verwijzingen van {naam}"), ""),
        person_id: id,
        naam,
        regels,
        formulier,
        fouten,
        geen_doelen,
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
    let raw = RawVerwijzing {
        aanbod_id: get(&pairs, "aanbodId"),
        vraag: get(&pairs, "vraag"),
        doel_ids: all(&pairs, "doelIds"),
        grondslag: get(&pairs, "grondslag"),
        toestemming_datum: get(&pairs, "toestemmingDatum"),
        geldig_tot: get(&pairs, "geldigTot"),
        gezondheid_delen: checked(&pairs, "gezondheidDelen"),
        gezondheid_rechtvaardiging: get(&pairs, "gezondheidRechtvaardiging"),
        medewerker_id: String::new(),
    };
    match verwijzingen::create(&signed.ctx(&state), PersonId(id), &raw).await {
        Ok(vid) => Ok(Redirect::to(&redirect_to(
            &format!("/verwijzingen/{vid}"),
            Melding::VerwijzingVerstuurd,
        ))
        .into_response()),
        Err(AppError::Invalid(errors)) => {
            let posted = Posted {
                form: "verwijzen",
                pairs,
                errors,
            };
            let p = page(&state, &signed, nonce, id, Some(&posted)).await?;
            Ok(render_status(StatusCode::UNPROCESSABLE_ENTITY, &p))
        }
        Err(e) => Err(PageError(e)),
    }
}
