//! `/personen/{id}/koppeling`: the koppeling, COA's profile, the voorintake and the warm handover as
//! read (audited as KoppelingRead), with a link to the form for who may edit.

use askama::Template;
use axum::extract::State;
use axum::response::Response;
use uuid::Uuid;
use wegwijs_app::koppeling;
use wegwijs_domain::authz::{Action, PersonRef, Resource, can};
use wegwijs_domain::ids::PersonId;
use wegwijs_domain::trajectory::koppeling::{Koppeling, ProfielAntwoord, ProfielStatus, Toets};

use crate::auth::SignedIn;
use crate::pages::error_page::PageError;
use crate::pages::extract::PagePath;
use crate::pages::layout::{Layout, Nonce};
use crate::pages::person::show::{Row, Section};
use crate::pages::{datum, render, tijdstip};
use crate::state::AppState;

/// One assessment as shown: its title ("NOA-assessment, 15 december 2024") and its scores.
pub struct ToetsRegel {
    pub titel: String,
    pub scores: Vec<(String, u32)>,
}

#[derive(Template)]
#[template(path = "koppeling_show.html")]
pub struct KoppelingPage {
    pub layout: Layout,
    pub id: Uuid,
    pub sections: Vec<Section>,
    pub toetsen: Vec<ToetsRegel>,
    pub overdracht: Section,
    pub can_edit: bool,
    pub leeg: bool,
    pub gewijzigd: String,
}

fn row(label: &'static str, value: Option<String>) -> Row {
    let value = value.filter(|v| !v.trim().is_empty());
    Row {
        label,
        unknown: value.is_none(),
        value: value.unwrap_or_else(|| "onbekend".into()),
    }
}

fn antwoord(label: &'static str, a: &ProfielAntwoord) -> Row {
    let value = match a.status {
        ProfielStatus::Onbekend => None,
        ProfielStatus::Geen => Some("Geen".into()),
        ProfielStatus::Bekend => Some(a.toelichting.clone()),
    };
    row(label, value)
}

fn sections(k: &Koppeling) -> Vec<Section> {
    let p = &k.profiel;
    let kv = k.voorintake.kansenverkenner.as_ref();
    let huishouden =
        (p.huishouden.code() != "onbekend").then(|| match p.huishouden_toelichting.as_str() {
            "" => p.huishouden.label().to_string(),
            t => format!("{} ({t})", p.huishouden.label()),
        });
    vec![
        Section {
            title: "Koppeling",
            rows: vec![
                row("Datum koppeling", k.datum_koppeling.map(|d| datum(Some(d)))),
                row("Taakstelling", k.taakstelling.map(|h| h.label())),
                row("AZC-locatie", k.azc_locatie.clone()),
                row("Contactpersoon bij COA", k.coa_contact.clone()),
            ],
        },
        Section {
            title: "Informatieprofiel van COA",
            rows: vec![
                row("Huishouden", huishouden),
                antwoord("Talen", &p.talen),
                antwoord("Opleiding", &p.opleiding),
                antwoord("Werkervaring", &p.werk),
                antwoord("Zichtbare beperkingen", &p.beperkingen),
            ],
        },
        Section {
            title: "Gesprek met de kansenverkenner",
            rows: vec![
                row("Datum", kv.map(|v| datum(Some(v.datum)))),
                row("Samenvatting", kv.map(|v| v.samenvatting.clone())),
            ],
        },
    ]
}

fn toets(t: &Toets) -> ToetsRegel {
    let naam = match t.instrument_naam.as_str() {
        "" => t.instrument.label().to_string(),
        n => n.to_string(),
    };
    ToetsRegel {
        titel: format!("{naam}, {}", datum(Some(t.datum))),
        scores: t
            .scores
            .iter()
            .map(|s| (s.onderdeel.clone(), s.score))
            .collect(),
    }
}

pub async fn show(
    State(state): State<AppState>,
    signed: SignedIn,
    nonce: Nonce,
    PagePath(id): PagePath<Uuid>,
) -> Result<Response, PageError> {
    let ctx = signed.ctx(&state);
    let r = koppeling::view(&ctx, PersonId(id)).await?;
    let resource = Resource::Person(PersonRef {
        gemeente_id: r.gemeente_id,
        regisseur_id: r.regisseur_id,
    });
    let k = &r.koppeling;
    let naar = match &k.overdracht {
        Some(o) => {
            let namen = koppeling::ontvangers(&ctx).await?;
            Some(
                namen
                    .into_iter()
                    .find(|(u, _)| *u == o.naar)
                    .map(|(_, n)| n)
                    .unwrap_or_else(|| "een medewerker die geen regisseur meer is".into()),
            )
        }
        None => None,
    };
    let o = k.overdracht.as_ref();
    let overdracht = Section {
        title: "Warme overdracht",
        rows: vec![
            row(
                "Overgedragen door",
                o.map(|o| format!("{} ({})", o.van_naam, o.van_organisatie)),
            ),
            row("Overgedragen aan", naar),
            row("Datum", o.map(|o| datum(Some(o.datum)))),
            row("Wat is besproken", o.map(|o| o.besproken.clone())),
        ],
    };
    Ok(render(&KoppelingPage {
        layout: Layout::new(&signed, nonce, "Koppeling en overdracht", ""),
        id,
        sections: sections(k),
        toetsen: k.voorintake.toetsen.iter().map(toets).collect(),
        overdracht,
        can_edit: can(&signed.actor, Action::TrajectEdit, resource).is_allowed(),
        leeg: r.versie == 0,
        gewijzigd: r.gewijzigd_op.map(tijdstip).unwrap_or_default(),
    }))
}
