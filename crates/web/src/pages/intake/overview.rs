//! `/personen/{id}/intake`: the overview of the brede intake (conversations, sections with status and
//! last change, completeness, the third-party information dates) and its two small forms.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use uuid::Uuid;
use wegwijs_app::intake::{self, IntakeView};
use wegwijs_domain::authz::{Action, PersonRef, Resource, can};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::codes::{GesprekPlaats, SectieStatus, TolkSoort};
use wegwijs_domain::validation::ValidationErrors;

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::forms::DATE_HINT;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::{datum, render, tijdstip};
use crate::state::AppState;

pub struct GesprekView {
    pub datum: String,
    pub plaats: &'static str,
    pub tolk: String,
    pub deelnemers: String,
    pub recht_gewezen: bool,
}

pub struct SectieRij {
    pub href: String,
    pub naam: String,
    pub status: &'static str,
    pub verplicht: bool,
    /// Special-category content the viewer may not see: no link, only that it exists.
    pub afgeschermd: bool,
    pub gewijzigd: String,
}

#[derive(Template)]
#[template(path = "intake_overview.html")]
pub struct OverviewPage {
    pub layout: Layout,
    pub person_id: Uuid,
    pub person_name: String,
    pub gestart_op: Option<String>,
    pub afgerond: Option<String>,
    pub versie: i64,
    pub gesprekken: Vec<GesprekView>,
    pub secties: Vec<SectieRij>,
    pub compleet: usize,
    pub ontbrekend: Vec<String>,
    pub afgeschermd_wie: Option<String>,
    /// The two date fields (name, label, value as typed or stored).
    pub derde: Vec<(&'static str, &'static str, String)>,
    pub date_hint: &'static str,
    pub can_edit: bool,
    /// (field id, message) shown at the top and next to the field.
    pub errors: Vec<(String, String)>,
}

impl OverviewPage {
    pub fn fout(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }
}

fn dmy(d: Option<chrono::NaiveDate>) -> String {
    d.map(|d| d.format("%d-%m-%Y").to_string())
        .unwrap_or_default()
}

pub(super) fn build(
    signed: &SignedIn,
    nonce: Nonce,
    v: IntakeView,
    errors: &ValidationErrors,
) -> OverviewPage {
    let p = &v.person;
    let id = p.id.0;
    let can_edit = can(
        &signed.actor,
        Action::TrajectEdit,
        Resource::Person(PersonRef {
            gemeente_id: p.gemeente_id,
            regisseur_id: p.regisseur_id,
        }),
    )
    .is_allowed();
    let name = p.details.display_name();
    let secties: Vec<SectieRij> = v
        .secties
        .iter()
        .map(|s| SectieRij {
            href: format!("/personen/{id}/intake/secties/{}", s.sectie.key()),
            naam: s.sectie.naam(),
            status: s.status().label(),
            verplicht: s.sectie.is_verplicht(),
            afgeschermd: s.sectie.is_bijzonder() && !v.bijzonder_zichtbaar,
            gewijzigd: s.huidig.as_ref().map_or_else(
                || "nog niet opgeslagen".into(),
                |h| {
                    format!(
                        "{} door {}",
                        tijdstip(h.gewijzigd_op),
                        h.gewijzigd_door_naam.as_deref().unwrap_or("onbekend")
                    )
                },
            ),
        })
        .collect();
    let rollen: Vec<&str> = v.gezondheid_rollen.iter().map(|r| r.label()).collect();
    let intake = v.intake.as_ref();
    OverviewPage {
        layout: Layout::new(signed, nonce, format!("Brede intake van {name}"), ""),
        person_id: id,
        person_name: name,
        gestart_op: intake.map(|i| datum(Some(i.gestart_op))),
        afgerond: intake.and_then(|i| {
            i.afgerond_op.map(|d| {
                format!(
                    "{}{}",
                    datum(Some(d)),
                    i.afgerond_door_naam
                        .as_ref()
                        .map(|n| format!(" door {n}"))
                        .unwrap_or_default()
                )
            })
        }),
        versie: intake.map_or(0, |i| i.versie),
        gesprekken: v
            .gesprekken
            .iter()
            .map(|g| GesprekView {
                datum: datum(Some(g.datum)),
                plaats: GesprekPlaats::parse(&g.plaats).map_or("", GesprekPlaats::label),
                tolk: match (
                    &g.tolk_taal,
                    g.tolk_soort.as_deref().and_then(TolkSoort::parse),
                ) {
                    (Some(t), Some(s)) => format!("{t} ({})", s.label().to_lowercase()),
                    _ => "geen".into(),
                },
                deelnemers: g.deelnemers.clone(),
                recht_gewezen: g.recht_zonder_partner_gewezen,
            })
            .collect(),
        compleet: v
            .secties
            .iter()
            .filter(|s| s.status() == SectieStatus::Compleet)
            .count(),
        secties,
        ontbrekend: v.ontbrekend.iter().map(|s| s.naam()).collect(),
        afgeschermd_wie: (!v.bijzonder_zichtbaar).then(|| match rollen.as_slice() {
            [] => "de eigen regisseur van deze persoon".to_string(),
            r => format!(
                "de eigen regisseur van deze persoon en de rollen {}",
                r.join(", ")
            ),
        }),
        derde: vec![
            (
                "derdeInfoGevraagdOp",
                "Gevraagd op",
                dmy(intake.and_then(|i| i.derde_info_gevraagd_op)),
            ),
            (
                "derdeInfoOntvangenOp",
                "Ontvangen op",
                dmy(intake.and_then(|i| i.derde_info_ontvangen_op)),
            ),
        ],
        date_hint: DATE_HINT,
        can_edit,
        errors: errors
            .0
            .iter()
            .map(|e| (e.field.to_string(), e.message.clone()))
            .collect(),
    }
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let v = intake::view(&signed.ctx(&state), PersonId(id)).await?;
    Ok(render(&build(&signed, nonce, v, &ValidationErrors::new())))
}
