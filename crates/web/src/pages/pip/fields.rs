//! The PIP form's fields: one description per field (name = API property, label, kind), the values
//! of a `RawPip` and the errors next to them.

use wegwijs_domain::trajectory::codes::{AlfaIndicator, Leerroute, Niveau, PipWijzigingsreden};
use wegwijs_domain::trajectory::pip::inhoud::{DoelStatus, VisieSoort};
use wegwijs_domain::trajectory::pip::{RawActiviteit, RawDoel, RawPip};

use crate::pages::forms::SelectOption;

pub enum Soort {
    Tekst,
    Blok,
    Keuze(Vec<SelectOption>),
}

pub struct Veld {
    pub name: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub value: String,
    pub soort: Soort,
    pub error: Option<String>,
}

impl Veld {
    pub fn is_tekst(&self) -> bool {
        matches!(self.soort, Soort::Tekst)
    }
    pub fn is_blok(&self) -> bool {
        matches!(self.soort, Soort::Blok)
    }
    pub fn opties(&self) -> &[SelectOption] {
        match &self.soort {
            Soort::Keuze(o) => o,
            _ => &[],
        }
    }
    pub fn describedby(&self) -> String {
        let mut ids = Vec::new();
        if !self.hint.is_empty() {
            ids.push(format!("{}-hint", self.name));
        }
        if self.error.is_some() {
            ids.push(format!("{}-fout", self.name));
        }
        ids.join(" ")
    }
}

pub struct Groep {
    pub legend: &'static str,
    pub velden: Vec<Veld>,
}

pub fn options(choices: &[(&str, &str)], selected: &str) -> Vec<SelectOption> {
    let mut out = vec![SelectOption {
        value: String::new(),
        label: "Nog niet gekozen".into(),
        selected: selected.is_empty(),
    }];
    out.extend(choices.iter().map(|(c, l)| SelectOption {
        value: (*c).into(),
        label: (*l).into(),
        selected: *c == selected,
    }));
    out
}

fn v(
    name: &'static str,
    label: &'static str,
    hint: &'static str,
    value: &str,
    soort: Soort,
) -> Veld {
    Veld {
        name,
        label,
        hint,
        value: value.to_string(),
        soort,
        error: None,
    }
}

/// The form's fieldsets for `raw`, with `errors` (field, message) placed next to their field.
pub fn groepen(raw: &RawPip, errors: &[(String, String)]) -> Vec<Groep> {
    use Soort::*;
    let mut g = vec![
        Groep {
            legend: "Leerroute",
            velden: vec![
                v(
                    "leerroute",
                    "Leerroute",
                    "",
                    &raw.leerroute,
                    Keuze(options(Leerroute::CHOICES, &raw.leerroute)),
                ),
                v(
                    "niveau",
                    "Niveau",
                    "Niet A2 met de onderwijsroute, niet B1 met de Z-route, en in het eerste PIP niet A2 met de B1-route (DUO, regel M-4).",
                    &raw.niveau,
                    Keuze(options(Niveau::CHOICES, &raw.niveau)),
                ),
                v(
                    "alfabetisering",
                    "Alfabetisering",
                    "",
                    &raw.alfabetisering,
                    Keuze(options(AlfaIndicator::CHOICES, &raw.alfabetisering)),
                ),
                v(
                    "intensiteitUren",
                    "Intensiteit leerroute (uren)",
                    "Alleen B1-route en asielstatushouders: uren taalcursus en KNM, 1 tot en met 9999.",
                    &raw.intensiteit_uren,
                    Tekst,
                ),
            ],
        },
        Groep {
            legend: "Participatieverklaringstraject en MAP",
            velden: vec![
                v(
                    "pvtInhoud",
                    "Invulling participatieverklaringstraject",
                    "",
                    &raw.pvt_inhoud,
                    Blok,
                ),
                v(
                    "pvtUren",
                    "Uren participatieverklaringstraject",
                    "Ten minste 12 uur.",
                    &raw.pvt_uren,
                    Tekst,
                ),
                v(
                    "mapInhoud",
                    "Invulling module Arbeidsmarkt en Participatie",
                    "Niet in de onderwijsroute.",
                    &raw.map_inhoud,
                    Blok,
                ),
                v(
                    "mapUren",
                    "Uren module Arbeidsmarkt en Participatie",
                    "",
                    &raw.map_uren,
                    Tekst,
                ),
            ],
        },
        Groep {
            legend: "Begeleiding, verplichtingen en voorwaarden",
            velden: vec![
                v(
                    "begeleiding",
                    "Ondersteuning en begeleiding door de gemeente",
                    "",
                    &raw.begeleiding,
                    Blok,
                ),
                v(
                    "verplichtingen",
                    "Verplichtingen van de inburgeraar",
                    "Eén per regel.",
                    &raw.verplichtingen,
                    Blok,
                ),
                v(
                    "kinderopvang",
                    "Voorwaarde kinderopvang",
                    "",
                    &raw.kinderopvang,
                    Blok,
                ),
                v("vervoer", "Voorwaarde vervoer", "", &raw.vervoer, Blok),
                v(
                    "participatiewet",
                    "Onderdelen Participatiewet",
                    "Voor wie een bijstandsuitkering heeft. Eén per regel.",
                    &raw.participatiewet,
                    Blok,
                ),
                v(
                    "aantalVoortgangsgesprekken",
                    "Aantal voortgangsgesprekken",
                    "Verplicht om vast te stellen.",
                    &raw.aantal_voortgangsgesprekken,
                    Tekst,
                ),
            ],
        },
        Groep {
            legend: "Eigen visie van de inburgeraar",
            velden: vec![
                v(
                    "eigenVisie",
                    "Eigen visie",
                    "",
                    &raw.eigen_visie,
                    Keuze(options(VisieSoort::CHOICES, &raw.eigen_visie)),
                ),
                v(
                    "zienswijze",
                    "Zienswijze",
                    "In de woorden van de inburgeraar.",
                    &raw.zienswijze,
                    Blok,
                ),
                v(
                    "eigenVisieDatum",
                    "Datum",
                    crate::pages::forms::DATE_HINT,
                    &raw.eigen_visie_datum,
                    Tekst,
                ),
            ],
        },
        Groep {
            legend: "Wijziging",
            velden: vec![
                v(
                    "reden",
                    "Reden van wijziging",
                    "Verplicht als deze versie het geldende PIP vervangt.",
                    &raw.reden,
                    Keuze(options(PipWijzigingsreden::CHOICES, &raw.reden)),
                ),
                v(
                    "redenToelichting",
                    "Toelichting",
                    "",
                    &raw.reden_toelichting,
                    Blok,
                ),
            ],
        },
    ];
    for groep in &mut g {
        for veld in &mut groep.velden {
            veld.error = errors
                .iter()
                .find(|(f, _)| f == veld.name)
                .map(|(_, m)| m.clone());
        }
    }
    g
}

/// A goal row of the form (index-named inputs `doel_{i}_...`).
pub struct DoelRij {
    pub i: usize,
    pub doel: RawDoel,
    pub statussen: Vec<SelectOption>,
}

pub struct ActiviteitRij {
    pub i: usize,
    pub activiteit: RawActiviteit,
    pub doelen: Vec<SelectOption>,
}

/// Empty rows offered under the filled ones, so a goal or activity can be added without scripts.
pub const LEGE_RIJEN: usize = 2;

pub fn doel_rijen(raw: &RawPip) -> Vec<DoelRij> {
    raw.doelen
        .iter()
        .cloned()
        .chain(std::iter::repeat_with(RawDoel::default).take(LEGE_RIJEN))
        .enumerate()
        .map(|(i, d)| DoelRij {
            i,
            statussen: options(DoelStatus::CHOICES, &d.status)
                .into_iter()
                .skip(1)
                .collect(),
            doel: d,
        })
        .collect()
}

pub fn activiteit_rijen(raw: &RawPip) -> Vec<ActiviteitRij> {
    let doel_keuzes: Vec<(String, String)> = raw
        .doelen
        .iter()
        .filter(|d| !d.doel_id.is_empty())
        .map(|d| (d.doel_id.clone(), d.omschrijving.clone()))
        .collect();
    raw.activiteiten
        .iter()
        .cloned()
        .chain(std::iter::repeat_with(RawActiviteit::default).take(LEGE_RIJEN))
        .enumerate()
        .map(|(i, a)| {
            let mut doelen = vec![SelectOption {
                value: String::new(),
                label: "Geen".into(),
                selected: a.doel_id.is_empty(),
            }];
            doelen.extend(doel_keuzes.iter().map(|(id, o)| SelectOption {
                value: id.clone(),
                label: o.clone(),
                selected: *id == a.doel_id,
            }));
            ActiviteitRij {
                i,
                activiteit: a,
                doelen,
            }
        })
        .collect()
}

/// The posted form back into a `RawPip`; rows left empty (or marked for removal) are skipped.
pub fn from_form(pairs: &[(String, String)]) -> RawPip {
    let f = |k: &str| {
        pairs
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let mut raw = RawPip {
        leerroute: f("leerroute"),
        niveau: f("niveau"),
        alfabetisering: f("alfabetisering"),
        intensiteit_uren: f("intensiteitUren"),
        pvt_inhoud: f("pvtInhoud"),
        pvt_uren: f("pvtUren"),
        map_inhoud: f("mapInhoud"),
        map_uren: f("mapUren"),
        begeleiding: f("begeleiding"),
        verplichtingen: f("verplichtingen"),
        kinderopvang: f("kinderopvang"),
        vervoer: f("vervoer"),
        participatiewet: f("participatiewet"),
        aantal_voortgangsgesprekken: f("aantalVoortgangsgesprekken"),
        eigen_visie: f("eigenVisie"),
        zienswijze: f("zienswijze"),
        eigen_visie_datum: f("eigenVisieDatum"),
        reden: f("reden"),
        reden_toelichting: f("redenToelichting"),
        doelen: vec![],
        activiteiten: vec![],
    };
    for i in 0..(wegwijs_domain::trajectory::pip::parse::MAX_ITEMS + LEGE_RIJEN) {
        let k = |x: &str| f(&format!("doel_{i}_{x}"));
        let d = RawDoel {
            doel_id: k("id"),
            leefdomein: k("leefdomein"),
            omschrijving: k("omschrijving"),
            streefdatum: k("streefdatum"),
            uitvoerder: k("uitvoerder"),
            status: k("status"),
        };
        let leeg = d.leefdomein.trim().is_empty() && d.omschrijving.trim().is_empty();
        if !leeg && k("verwijder").is_empty() {
            raw.doelen.push(d);
        }
        let k = |x: &str| f(&format!("activiteit_{i}_{x}"));
        let a = RawActiviteit {
            activiteit_id: k("id"),
            doel_id: k("doel"),
            omschrijving: k("omschrijving"),
            aanbieder: k("aanbieder"),
            uren_per_week: k("uren"),
            startdatum: k("start"),
            einddatum: k("eind"),
        };
        if !a.omschrijving.trim().is_empty() && k("verwijder").is_empty() {
            raw.activiteiten.push(a);
        }
    }
    raw
}
