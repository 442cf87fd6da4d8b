//! `GET /personen/{id}/voortgang`: the page, and its re-render after a refused form.

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use uuid::Uuid;
use wegwijs_app::progress::{self, Overzicht};
use wegwijs_domain::authz::Action;
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::person::Doelgroep;
use wegwijs_domain::trajectory::deadlines::hours::{PVT_MIN_UREN, Z_CURSUS_UREN, z_route_uren};
use wegwijs_domain::trajectory::progress::afronding::openstaand_tekst;

use super::forms::{self, Posted};
use super::pip_nieuw_href;
use super::view::Formulier;
use crate::auth::SignedIn;
use crate::pages::datum;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::forms::summary_text;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::render_status;
use crate::state::AppState;

pub struct TermijnBox {
    pub start: String,
    pub laatste_dag: String,
    pub einddatum: String,
    pub dagen: String,
    pub schakelen: String,
    pub aanvragen_vanaf: String,
    pub verlengd: bool,
}

pub struct Rij {
    pub cellen: Vec<String>,
    pub link: Option<(String, String)>,
}

#[derive(Template)]
#[template(path = "voortgang.html")]
pub struct VoortgangPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub naam: String,
    pub termijn: Option<TermijnBox>,
    pub verlengingen: Vec<Rij>,
    pub volgend_gesprek: String,
    /// The date has passed (as the werkvoorraad and the timeline say "te laat").
    pub volgend_gesprek_te_laat: bool,
    pub gesprekken: Vec<Rij>,
    pub examens: Vec<Rij>,
    pub uren_stand: Vec<Rij>,
    pub uren: Vec<Rij>,
    pub besluiten: Vec<Rij>,
    pub openstaand: Vec<String>,
    pub voldaan: Option<String>,
    pub kan_bewerken: bool,
    pub formulieren: Vec<Formulier>,
    /// (field id, "Label: message") for the error summary.
    pub fouten: Vec<(String, String)>,
    pub conflict: bool,
}

impl VoortgangPage {
    pub fn form(&self, id: &str) -> Option<&Formulier> {
        self.formulieren.iter().find(|f| f.id == id)
    }
}

fn rij(cellen: Vec<String>) -> Rij {
    Rij { cellen, link: None }
}

fn termijn_box(o: &Overzicht) -> Option<TermijnBox> {
    let t = o.termijn?;
    let dagen = o.dagen_over().unwrap_or(0);
    Some(TermijnBox {
        start: datum(Some(t.start)),
        laatste_dag: datum(Some(t.laatste_dag())),
        einddatum: datum(Some(t.einddatum)),
        dagen: match dagen {
            d if d < 0 => format!("{} dagen verstreken", -d),
            1 => "nog 1 dag".into(),
            d => format!("nog {d} dagen"),
        },
        schakelen: datum(Some(t.schakelen_uiterlijk)),
        aanvragen_vanaf: datum(Some(t.verlenging_aanvragen_vanaf)),
        verlengd: t.verlengd,
    })
}

fn uren_rijen(o: &Overzicht) -> Vec<Rij> {
    let asiel = o.person.details.doelgroep == Some(Doelgroep::Asielstatushouder);
    let z = z_route_uren(asiel, &o.uren, None);
    let norm = |n: Option<u32>| n.map_or("geen norm".into(), |n| n.to_string());
    vec![
        rij(vec![
            "Participatieverklaringstraject (PVT)".into(),
            o.uren.pvt.to_string(),
            norm(Some(PVT_MIN_UREN)),
        ]),
        rij(vec![
            "Module Arbeidsmarkt en Participatie (MAP)".into(),
            o.uren.map.to_string(),
            norm(Some(o.map_urennorm)),
        ]),
        rij(vec![
            "Cursusuren NT2 (Z-route)".into(),
            o.uren.nt2_cursus.to_string(),
            norm(Some(Z_CURSUS_UREN)),
        ]),
        rij(vec![
            "Participatie-uren (Z-route)".into(),
            o.uren.participatie.to_string(),
            norm(asiel.then_some(z.participatie_norm)),
        ]),
    ]
}

/// The page for `o`; `posted` after a refusal (its form keeps the input and shows the errors).
pub fn page(
    layout: Layout,
    o: &Overzicht,
    kan_bewerken: bool,
    posted: Option<&Posted>,
    conflict: bool,
) -> VoortgangPage {
    let v = &o.voortgang;
    let formulieren = if kan_bewerken {
        forms::all(o, posted)
    } else {
        Vec::new()
    };
    let mut fouten = Vec::new();
    if let Some(p) = posted {
        let form = formulieren.iter().find(|f| f.id == p.form);
        for e in p.errors.iter() {
            let veld = form.and_then(|f| f.velden.iter().find(|x| x.api == e.field));
            let (id, text) = match veld {
                Some(x) => (x.id.clone(), summary_text(&x.label, &e.message)),
                None => (format!("{}-{}", p.form, e.field), e.message.clone()),
            };
            fouten.push((id, text));
        }
    }
    let p = o.person.id.0;
    let huidige_dagtekening = v.huidige_pip.as_ref().and_then(|h| h.dagtekening);
    VoortgangPage {
        layout,
        person_id: p,
        naam: o.person.details.display_name(),
        termijn: termijn_box(o),
        verlengingen: v
            .verlengingen
            .iter()
            .map(|x| {
                rij(vec![
                    x.value.verlenging.grond.label().into(),
                    datum(Some(x.value.verlenging.besluitdatum)),
                    datum(x.value.verlenging.nieuwe_einddatum.pred_opt()),
                    x.value.toelichting.clone(),
                ])
            })
            .collect(),
        volgend_gesprek: datum(o.volgende_gesprek),
        volgend_gesprek_te_laat: o.volgende_gesprek.is_some_and(|d| d < o.today),
        gesprekken: v
            .gesprekken
            .iter()
            .map(|g| Rij {
                cellen: vec![
                    datum(Some(g.gesprek.gepland_op)),
                    g.gesprek
                        .gehouden_op
                        .map_or("nog niet gehouden".into(), |d| datum(Some(d))),
                    g.gesprek.deelnemers.clone(),
                    g.gesprek.besluiten.clone(),
                ],
                link: g.gesprek.vraagt_nieuwe_pip(huidige_dagtekening).then(|| {
                    (
                        pip_nieuw_href(p, g.gesprek.pip_aanpassen_reden),
                        "PIP aanpassen: nieuwe versie opstellen".to_string(),
                    )
                }),
            })
            .collect(),
        examens: v
            .examens
            .iter()
            .map(|x| {
                rij(vec![
                    format!(
                        "{} ({})",
                        x.value.onderdeel.label(),
                        x.value.onderdeel.code()
                    ),
                    x.value.niveau.map_or("—".into(), |n| n.label().to_string()),
                    datum(Some(x.value.datum)),
                    x.value.uitslag.label().into(),
                ])
            })
            .collect(),
        uren_stand: uren_rijen(o),
        uren: v
            .uren
            .iter()
            .map(|u| {
                rij(vec![
                    u.value.soort.label().into(),
                    format!(
                        "{} t/m {}",
                        datum(Some(u.value.van)),
                        datum(Some(u.value.tot))
                    ),
                    u.value.uren.to_string(),
                    if u.value.tijdens_intake {
                        "ja".into()
                    } else {
                        "nee".into()
                    },
                ])
            })
            .collect(),
        besluiten: v
            .besluiten
            .iter()
            .map(|b| {
                rij(vec![
                    b.value.soort.label().into(),
                    format!("{} ({})", b.value.type_.label(), b.value.type_.code()),
                    if b.value.volledig {
                        "volledig".into()
                    } else {
                        b.value
                            .onderdelen
                            .iter()
                            .map(|o| o.code())
                            .collect::<Vec<_>>()
                            .join(", ")
                    },
                    datum(Some(b.value.besluitdatum)),
                ])
            })
            .collect(),
        openstaand: o
            .afronding
            .openstaand
            .iter()
            .map(openstaand_tekst)
            .collect(),
        voldaan: v.afronding.as_ref().and_then(|a| {
            let a = &a.afronding;
            a.voldaan_op.map(|d| {
                format!(
                    "{} ({})",
                    datum(Some(d)),
                    a.voldaan_grond.map_or("", |g| g.label())
                )
            })
        }),
        kan_bewerken,
        formulieren,
        fouten,
        conflict,
    }
}

/// Loads, audits (TrajectRead) and renders with `status`.
pub async fn render(
    state: &AppState,
    signed: &SignedIn,
    nonce: Nonce,
    id: Uuid,
    posted: Option<&Posted>,
    status: StatusCode,
    conflict: bool,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(state);
    let o = progress::view(&ctx, PersonId(id), "voortgangspagina").await?;
    let kan_bewerken = ctx.require_in_own_gemeente(Action::TrajectEdit).is_ok();
    let layout = Layout::new(
        signed,
        nonce,
        format!(
            "Termijn en voortgang van {}",
            o.person.details.display_name()
        ),
        "",
    );
    Ok(render_status(
        status,
        &page(layout, &o, kan_bewerken, posted, conflict),
    ))
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    render(&state, &signed, nonce, id, None, StatusCode::OK, false).await
}
