//! The differences between two PIP versions, as a reader needs them: field by field, and goals and
//! activities added, removed or changed (matched by their stable id, so a reworded goal is "changed",
//! not "removed and added").

use chrono::NaiveDate;
use serde::Serialize;

use super::inhoud::{Activiteit, Doel, PipInhoud};
use super::parse::fmt_uren;

/// One field that differs, with both values as text ("" for empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct VeldVerschil {
    pub veld: &'static str,
    pub label: &'static str,
    pub oud: String,
    pub nieuw: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Wijziging {
    Toegevoegd,
    Verwijderd,
    Gewijzigd,
}

impl Wijziging {
    pub fn label(self) -> &'static str {
        match self {
            Wijziging::Toegevoegd => "Toegevoegd",
            Wijziging::Verwijderd => "Verwijderd",
            Wijziging::Gewijzigd => "Gewijzigd",
        }
    }
}

/// A goal or activity that was added, removed or changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ItemVerschil {
    pub id: uuid::Uuid,
    pub wijziging: Wijziging,
    /// The omschrijving (the new one when changed).
    pub omschrijving: String,
    /// For a change: the fields that differ.
    pub velden: Vec<VeldVerschil>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Verschillen {
    pub velden: Vec<VeldVerschil>,
    pub doelen: Vec<ItemVerschil>,
    pub activiteiten: Vec<ItemVerschil>,
}

impl Verschillen {
    pub fn is_leeg(&self) -> bool {
        self.velden.is_empty() && self.doelen.is_empty() && self.activiteiten.is_empty()
    }
}

fn d(v: Option<NaiveDate>) -> String {
    v.map(|d| d.format("%d-%m-%Y").to_string())
        .unwrap_or_default()
}

fn code<T: Copy>(v: Option<T>, label: fn(T) -> &'static str) -> String {
    v.map(|v| label(v).to_string()).unwrap_or_default()
}

fn n(v: Option<u32>) -> String {
    v.map(|v| v.to_string()).unwrap_or_default()
}

/// The version's fields as (api name, label, text), in the order the page shows them.
fn velden(p: &PipInhoud) -> Vec<(&'static str, &'static str, String)> {
    let b = &p.blokken;
    let map = b.map.clone().unwrap_or_default();
    vec![
        ("leerroute", "Leerroute", code(p.leerroute, |c| c.label())),
        ("niveau", "Niveau", code(p.niveau, |c| c.label())),
        (
            "alfabetisering",
            "Alfabetisering",
            code(p.alfabetisering, |c| c.label()),
        ),
        (
            "intensiteitUren",
            "Intensiteit leerroute (uren)",
            n(p.intensiteit_uren),
        ),
        (
            "pvtInhoud",
            "Participatieverklaringstraject",
            b.pvt.inhoud.clone(),
        ),
        (
            "pvtUren",
            "Participatieverklaringstraject (uren)",
            n(b.pvt.uren),
        ),
        (
            "mapInhoud",
            "Module Arbeidsmarkt en Participatie",
            map.inhoud,
        ),
        (
            "mapUren",
            "Module Arbeidsmarkt en Participatie (uren)",
            n(map.uren),
        ),
        (
            "begeleiding",
            "Ondersteuning en begeleiding",
            b.begeleiding.clone(),
        ),
        (
            "verplichtingen",
            "Verplichtingen van de inburgeraar",
            b.verplichtingen.clone(),
        ),
        (
            "kinderopvang",
            "Voorwaarde kinderopvang",
            b.voorwaarden.kinderopvang.clone(),
        ),
        (
            "vervoer",
            "Voorwaarde vervoer",
            b.voorwaarden.vervoer.clone(),
        ),
        (
            "participatiewet",
            "Participatiewet",
            b.participatiewet.clone(),
        ),
        (
            "aantalVoortgangsgesprekken",
            "Aantal voortgangsgesprekken",
            n(p.aantal_voortgangsgesprekken),
        ),
        (
            "eigenVisie",
            "Eigen visie",
            code(b.eigen_visie.soort, |c| c.label()),
        ),
        ("zienswijze", "Zienswijze", b.eigen_visie.tekst.clone()),
        (
            "eigenVisieDatum",
            "Datum eigen visie",
            d(b.eigen_visie.datum),
        ),
        ("reden", "Reden van wijziging", code(p.reden, |c| c.label())),
        (
            "redenToelichting",
            "Toelichting op de wijziging",
            p.reden_toelichting.clone(),
        ),
    ]
}

fn doel_velden(x: &Doel) -> Vec<(&'static str, &'static str, String)> {
    vec![
        ("leefdomein", "Leefdomein", x.leefdomein.clone()),
        ("omschrijving", "Omschrijving", x.omschrijving.clone()),
        ("streefdatum", "Streefdatum", d(x.streefdatum)),
        ("uitvoerder", "Wie werkt eraan", x.uitvoerder.clone()),
        ("status", "Status", x.status.label().to_string()),
    ]
}

fn activiteit_velden(x: &Activiteit) -> Vec<(&'static str, &'static str, String)> {
    vec![
        ("omschrijving", "Wat", x.omschrijving.clone()),
        ("aanbieder", "Aanbieder", x.aanbieder.clone()),
        (
            "urenPerWeek",
            "Uren per week",
            x.uren_per_week.map(fmt_uren).unwrap_or_default(),
        ),
        ("startdatum", "Startdatum", d(x.startdatum)),
        ("einddatum", "Einddatum", d(x.einddatum)),
        (
            "doelId",
            "Hoort bij doel",
            x.doel_id.map(|d| d.to_string()).unwrap_or_default(),
        ),
    ]
}

fn vergelijk(
    oud: Vec<(&'static str, &'static str, String)>,
    nieuw: Vec<(&'static str, &'static str, String)>,
) -> Vec<VeldVerschil> {
    oud.into_iter()
        .zip(nieuw)
        .filter(|(o, n)| o.2 != n.2)
        .map(|(o, n)| VeldVerschil {
            veld: o.0,
            label: o.1,
            oud: o.2,
            nieuw: n.2,
        })
        .collect()
}

fn items<T>(
    oud: &[T],
    nieuw: &[T],
    id: fn(&T) -> uuid::Uuid,
    omschrijving: fn(&T) -> String,
    velden: fn(&T) -> Vec<(&'static str, &'static str, String)>,
) -> Vec<ItemVerschil> {
    let mut out = Vec::new();
    for o in oud {
        match nieuw.iter().find(|x| id(x) == id(o)) {
            None => out.push(ItemVerschil {
                id: id(o),
                wijziging: Wijziging::Verwijderd,
                omschrijving: omschrijving(o),
                velden: vec![],
            }),
            Some(x) => {
                let v = vergelijk(velden(o), velden(x));
                if !v.is_empty() {
                    out.push(ItemVerschil {
                        id: id(x),
                        wijziging: Wijziging::Gewijzigd,
                        omschrijving: omschrijving(x),
                        velden: v,
                    });
                }
            }
        }
    }
    for x in nieuw.iter().filter(|x| !oud.iter().any(|o| id(o) == id(x))) {
        out.push(ItemVerschil {
            id: id(x),
            wijziging: Wijziging::Toegevoegd,
            omschrijving: omschrijving(x),
            velden: vec![],
        });
    }
    out
}

/// What changed from `oud` to `nieuw`.
pub fn verschillen(oud: &PipInhoud, nieuw: &PipInhoud) -> Verschillen {
    Verschillen {
        velden: vergelijk(velden(oud), velden(nieuw)),
        doelen: items(
            &oud.doelen,
            &nieuw.doelen,
            |x| x.doel_id,
            |x| x.omschrijving.clone(),
            doel_velden,
        ),
        activiteiten: items(
            &oud.activiteiten,
            &nieuw.activiteiten,
            |x| x.activiteit_id,
            |x| x.omschrijving.clone(),
            activiteit_velden,
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::trajectory::codes::{Leerroute, Niveau};
    use crate::trajectory::pip::inhoud::DoelStatus;
    use uuid::Uuid;

    fn doel(id: u128, tekst: &str) -> Doel {
        Doel {
            doel_id: Uuid::from_u128(id),
            leefdomein: "werk".into(),
            omschrijving: tekst.into(),
            streefdatum: None,
            uitvoerder: String::new(),
            status: DoelStatus::Open,
        }
    }

    #[test]
    fn a_version_equals_itself() {
        let p = PipInhoud {
            leerroute: Some(Leerroute::B1),
            doelen: vec![doel(1, "Werk vinden")],
            ..Default::default()
        };
        assert!(verschillen(&p, &p).is_leeg());
    }

    #[test]
    fn fields_and_goals_are_compared_by_value_and_by_stable_id() {
        let oud = PipInhoud {
            leerroute: Some(Leerroute::B1),
            niveau: Some(Niveau::B1),
            doelen: vec![doel(1, "Werk vinden"), doel(2, "Zwemmen")],
            ..Default::default()
        };
        let nieuw = PipInhoud {
            leerroute: Some(Leerroute::B1),
            niveau: Some(Niveau::A2),
            doelen: vec![doel(1, "Betaald werk vinden"), doel(3, "Fietsen")],
            ..Default::default()
        };
        let v = verschillen(&oud, &nieuw);
        assert_eq!(v.velden.len(), 1);
        assert_eq!(
            (v.velden[0].oud.as_str(), v.velden[0].nieuw.as_str()),
            ("B1", "A2")
        );
        let soorten: Vec<_> = v
            .doelen
            .iter()
            .map(|d| (d.id.as_u128(), d.wijziging))
            .collect();
        assert_eq!(
            soorten,
            vec![
                (1, Wijziging::Gewijzigd),
                (2, Wijziging::Verwijderd),
                (3, Wijziging::Toegevoegd)
            ]
        );
        assert_eq!(v.doelen[0].velden[0].label, "Omschrijving");
    }
}
