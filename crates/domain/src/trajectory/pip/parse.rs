//! From what a user typed (form or API, all text) to a [`PipInhoud`], or every refused field at once.
//! A concept may be incomplete; what is filled in must be well-formed. Rules that only bind a decision
//! (required parts, DUO's registration rules) are in `duo_rules`.

use chrono::NaiveDate;
use uuid::Uuid;

use super::inhoud::{
    Activiteit, Doel, DoelStatus, EigenVisie, Onderdeel, PipBlokken, PipInhoud, VisieSoort,
    Voorwaarden,
};
use crate::trajectory::codes::{AlfaIndicator, Leerroute, Niveau, PipWijzigingsreden};
use crate::validation::{ValidationErrors, has_control_chars, parse_date};

/// Short text fields (a leefdomein, a provider).
pub const KORT_MAX: usize = 200;
/// Text blocks (begeleiding, a zienswijze).
pub const LANG_MAX: usize = 4000;
/// A plan has at most this many goals and activities each.
pub const MAX_ITEMS: usize = 50;

/// A PIP as typed: every field text, empty for "not filled in".
#[derive(Debug, Clone, Default)]
pub struct RawPip {
    pub leerroute: String,
    pub niveau: String,
    pub alfabetisering: String,
    pub intensiteit_uren: String,
    pub pvt_inhoud: String,
    pub pvt_uren: String,
    pub map_inhoud: String,
    pub map_uren: String,
    pub begeleiding: String,
    pub verplichtingen: String,
    pub kinderopvang: String,
    pub vervoer: String,
    pub participatiewet: String,
    pub aantal_voortgangsgesprekken: String,
    pub eigen_visie: String,
    pub zienswijze: String,
    pub eigen_visie_datum: String,
    pub reden: String,
    pub reden_toelichting: String,
    pub doelen: Vec<RawDoel>,
    pub activiteiten: Vec<RawActiviteit>,
}

#[derive(Debug, Clone, Default)]
pub struct RawDoel {
    /// Empty for a new goal (it gets a new id); otherwise the id it had in the version it came from.
    pub doel_id: String,
    pub leefdomein: String,
    pub omschrijving: String,
    pub streefdatum: String,
    pub uitvoerder: String,
    pub status: String,
}

#[derive(Debug, Clone, Default)]
pub struct RawActiviteit {
    pub activiteit_id: String,
    pub doel_id: String,
    pub omschrijving: String,
    pub aanbieder: String,
    pub uren_per_week: String,
    pub startdatum: String,
    pub einddatum: String,
}

/// A well-formed (possibly incomplete) PIP.
#[derive(Debug, Clone, PartialEq)]
pub struct PipConcept(pub PipInhoud);

struct P<'a> {
    e: &'a mut ValidationErrors,
}

impl P<'_> {
    fn text(&mut self, field: &'static str, raw: &str, max: usize, multi_line: bool) -> String {
        let v = raw.trim();
        // The limit counts what was sent, spaces included, as the API document's maxLength does.
        let len = raw.chars().count();
        if len > max {
            self.e.push(
                field,
                "too_long",
                format!("Gebruik hoogstens {max} tekens, spaties meegeteld (nu {len})."),
            );
        } else if has_control_chars(v, multi_line) {
            self.e.push(
                field,
                "invalid",
                "Gebruik geen onzichtbare tekens of andere stuurtekens.",
            );
        }
        v.to_string()
    }

    fn code<T: Copy>(
        &mut self,
        field: &'static str,
        v: &str,
        parse: fn(&str) -> Option<T>,
        choices: &[(&str, &str)],
    ) -> Option<T> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        let found = parse(v);
        if found.is_none() {
            let allowed: Vec<&str> = choices.iter().map(|(c, _)| *c).collect();
            self.e.push(
                field,
                "unknown_value",
                format!("Kies een van: {}.", allowed.join(", ")),
            );
        }
        found
    }

    fn number(&mut self, field: &'static str, v: &str, min: u32, max: u32) -> Option<u32> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        match v.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.e.push(
                    field,
                    "out_of_range",
                    format!("Vul een heel getal in van {min} tot en met {max}."),
                );
                None
            }
        }
    }

    fn date(&mut self, field: &'static str, v: &str) -> Option<NaiveDate> {
        let v = v.trim();
        if v.is_empty() {
            return None;
        }
        match parse_date(v) {
            Ok(d) => Some(d),
            Err(err) => {
                self.e.push(field, err.code(), err.to_string());
                None
            }
        }
    }

    fn id(&mut self, field: &'static str, v: &str, new_id: &mut dyn FnMut() -> Uuid) -> Uuid {
        let v = v.trim();
        if v.is_empty() {
            return new_id();
        }
        v.parse().unwrap_or_else(|_| {
            self.e.push(
                field,
                "invalid",
                "Onbekende verwijzing: laad het formulier opnieuw.",
            );
            new_id()
        })
    }
}

/// Hours per week as case workers write them: "7,5" or "7.5", 0 to 80.
pub fn parse_uren_per_week(v: &str) -> Result<Option<f64>, String> {
    let v = v.trim();
    if v.is_empty() {
        return Ok(None);
    }
    let n: f64 = v
        .replace(',', ".")
        .parse()
        .map_err(|_| "Vul een getal in, bijvoorbeeld 7,5.".to_string())?;
    if !(0.0..=80.0).contains(&n) || !n.is_finite() {
        return Err("Vul een aantal uren per week in van 0 tot en met 80.".into());
    }
    Ok(Some((n * 100.0).round() / 100.0))
}

impl PipConcept {
    /// Parses the whole input; `new_id` gives ids to goals and activities that have none yet (the
    /// caller's id generator: the domain makes no random numbers).
    pub fn parse(
        raw: &RawPip,
        new_id: &mut dyn FnMut() -> Uuid,
    ) -> Result<PipConcept, ValidationErrors> {
        let mut errors = ValidationErrors::new();
        let mut p = P { e: &mut errors };
        let leerroute = p.code(
            "leerroute",
            &raw.leerroute,
            Leerroute::parse,
            Leerroute::CHOICES,
        );
        let niveau = p.code("niveau", &raw.niveau, Niveau::parse, Niveau::CHOICES);
        let alfabetisering = p.code(
            "alfabetisering",
            &raw.alfabetisering,
            AlfaIndicator::parse,
            AlfaIndicator::CHOICES,
        );
        let intensiteit_uren = p.number("intensiteitUren", &raw.intensiteit_uren, 1, 9999);
        let aantal = p.number(
            "aantalVoortgangsgesprekken",
            &raw.aantal_voortgangsgesprekken,
            1,
            100,
        );
        let pvt = Onderdeel {
            inhoud: p.text("pvtInhoud", &raw.pvt_inhoud, LANG_MAX, true),
            uren: p.number("pvtUren", &raw.pvt_uren, 1, 9999),
        };
        let map = Onderdeel {
            inhoud: p.text("mapInhoud", &raw.map_inhoud, LANG_MAX, true),
            uren: p.number("mapUren", &raw.map_uren, 1, 9999),
        };
        // Wet 8 lid 3: no MAP in the onderwijsroute. Refused here, so a concept cannot hold it either.
        let map = if leerroute == Some(Leerroute::Onderwijs) && !map.is_leeg() {
            p.e.push("mapInhoud", "inconsistent",
                "In de onderwijsroute is er geen module Arbeidsmarkt en Participatie (Wet inburgering 2021 art. 8 lid 3): laat MAP leeg.");
            None
        } else if leerroute == Some(Leerroute::Onderwijs) || map.is_leeg() {
            None
        } else {
            Some(map)
        };
        let soort = p.code(
            "eigenVisie",
            &raw.eigen_visie,
            VisieSoort::parse,
            VisieSoort::CHOICES,
        );
        let tekst = p.text("zienswijze", &raw.zienswijze, LANG_MAX, true);
        if soort == Some(VisieSoort::Zienswijze) && tekst.is_empty() {
            p.e.push(
                "zienswijze",
                "required",
                "Schrijf de zienswijze van de inburgeraar op.",
            );
        }
        let eigen_visie = EigenVisie {
            soort,
            tekst,
            datum: p.date("eigenVisieDatum", &raw.eigen_visie_datum),
        };
        let blokken = PipBlokken {
            pvt,
            map,
            begeleiding: p.text("begeleiding", &raw.begeleiding, LANG_MAX, true),
            verplichtingen: p.text("verplichtingen", &raw.verplichtingen, LANG_MAX, true),
            voorwaarden: Voorwaarden {
                kinderopvang: p.text("kinderopvang", &raw.kinderopvang, LANG_MAX, true),
                vervoer: p.text("vervoer", &raw.vervoer, LANG_MAX, true),
            },
            participatiewet: p.text("participatiewet", &raw.participatiewet, LANG_MAX, true),
            eigen_visie,
        };
        let reden = p.code(
            "reden",
            &raw.reden,
            PipWijzigingsreden::parse,
            PipWijzigingsreden::CHOICES,
        );
        let reden_toelichting = p.text("redenToelichting", &raw.reden_toelichting, LANG_MAX, true);
        let doelen = parse_doelen(&mut p, &raw.doelen, new_id);
        let activiteiten = parse_activiteiten(&mut p, &raw.activiteiten, &doelen, new_id);
        errors.into_result(PipConcept(PipInhoud {
            leerroute,
            niveau,
            alfabetisering,
            intensiteit_uren,
            aantal_voortgangsgesprekken: aantal,
            reden,
            reden_toelichting,
            blokken,
            doelen,
            activiteiten,
        }))
    }
}

fn parse_doelen(p: &mut P<'_>, raw: &[RawDoel], new_id: &mut dyn FnMut() -> Uuid) -> Vec<Doel> {
    if raw.len() > MAX_ITEMS {
        p.e.push(
            "doelen",
            "out_of_range",
            format!("Hoogstens {MAX_ITEMS} doelen."),
        );
    }
    let mut out: Vec<Doel> = Vec::new();
    for (i, d) in raw.iter().enumerate().take(MAX_ITEMS) {
        let n = i + 1;
        let omschrijving = p.text("doelen", &d.omschrijving, LANG_MAX, true);
        let leefdomein = p.text("doelen", &d.leefdomein, KORT_MAX, false);
        if omschrijving.is_empty() {
            p.e.push(
                "doelen",
                "required",
                format!("Doel {n}: beschrijf het doel."),
            );
        }
        if leefdomein.is_empty() {
            p.e.push(
                "doelen",
                "required",
                format!("Doel {n}: kies het leefdomein."),
            );
        }
        let streefdatum = p.date("doelen", &d.streefdatum);
        let status = if d.status.trim().is_empty() {
            DoelStatus::Open
        } else {
            p.code("doelen", &d.status, DoelStatus::parse, DoelStatus::CHOICES)
                .unwrap_or(DoelStatus::Open)
        };
        let doel_id = p.id("doelen", &d.doel_id, new_id);
        if out.iter().any(|o| o.doel_id == doel_id) {
            p.e.push(
                "doelen",
                "duplicate",
                format!("Doel {n} staat er twee keer in."),
            );
        }
        out.push(Doel {
            doel_id,
            leefdomein,
            omschrijving,
            streefdatum,
            uitvoerder: p.text("doelen", &d.uitvoerder, KORT_MAX, false),
            status,
        });
    }
    out
}

fn parse_activiteiten(
    p: &mut P<'_>,
    raw: &[RawActiviteit],
    doelen: &[Doel],
    new_id: &mut dyn FnMut() -> Uuid,
) -> Vec<Activiteit> {
    if raw.len() > MAX_ITEMS {
        p.e.push(
            "activiteiten",
            "out_of_range",
            format!("Hoogstens {MAX_ITEMS} activiteiten."),
        );
    }
    let mut out: Vec<Activiteit> = Vec::new();
    for (i, a) in raw.iter().enumerate().take(MAX_ITEMS) {
        let n = i + 1;
        let omschrijving = p.text("activiteiten", &a.omschrijving, LANG_MAX, true);
        if omschrijving.is_empty() {
            p.e.push(
                "activiteiten",
                "required",
                format!("Activiteit {n}: beschrijf wat de inburgeraar doet."),
            );
        }
        let uren_per_week = parse_uren_per_week(&a.uren_per_week).unwrap_or_else(|m| {
            p.e.push(
                "activiteiten",
                "out_of_range",
                format!("Activiteit {n}: {m}"),
            );
            None
        });
        let startdatum = p.date("activiteiten", &a.startdatum);
        let einddatum = p.date("activiteiten", &a.einddatum);
        if let (Some(s), Some(e)) = (startdatum, einddatum)
            && e < s
        {
            p.e.push(
                "activiteiten",
                "inconsistent",
                format!("Activiteit {n}: de einddatum ligt voor de startdatum."),
            );
        }
        let doel_id = if a.doel_id.trim().is_empty() {
            None
        } else {
            let id = a
                .doel_id
                .trim()
                .parse::<Uuid>()
                .ok()
                .filter(|id| doelen.iter().any(|d| d.doel_id == *id));
            if id.is_none() {
                p.e.push(
                    "activiteiten",
                    "unknown_value",
                    format!("Activiteit {n}: kies een doel uit dit plan."),
                );
            }
            id
        };
        let activiteit_id = p.id("activiteiten", &a.activiteit_id, new_id);
        if out.iter().any(|o| o.activiteit_id == activiteit_id) {
            p.e.push(
                "activiteiten",
                "duplicate",
                format!("Activiteit {n} staat er twee keer in."),
            );
        }
        out.push(Activiteit {
            activiteit_id,
            doel_id,
            omschrijving,
            aanbieder: p.text("activiteiten", &a.aanbieder, KORT_MAX, false),
            uren_per_week,
            startdatum,
            einddatum,
        });
    }
    out
}

impl PipInhoud {
    /// The content back as text, to fill a form (a new version starts as a copy of the current one).
    pub fn to_raw(&self) -> RawPip {
        let num = |n: Option<u32>| n.map(|n| n.to_string()).unwrap_or_default();
        let date = |d: Option<NaiveDate>| {
            d.map(|d| d.format("%d-%m-%Y").to_string())
                .unwrap_or_default()
        };
        let b = &self.blokken;
        let map = b.map.clone().unwrap_or_default();
        RawPip {
            leerroute: self
                .leerroute
                .map(|c| c.code().to_string())
                .unwrap_or_default(),
            niveau: self
                .niveau
                .map(|c| c.code().to_string())
                .unwrap_or_default(),
            alfabetisering: self
                .alfabetisering
                .map(|c| c.code().to_string())
                .unwrap_or_default(),
            intensiteit_uren: num(self.intensiteit_uren),
            pvt_inhoud: b.pvt.inhoud.clone(),
            pvt_uren: num(b.pvt.uren),
            map_inhoud: map.inhoud,
            map_uren: num(map.uren),
            begeleiding: b.begeleiding.clone(),
            verplichtingen: b.verplichtingen.clone(),
            kinderopvang: b.voorwaarden.kinderopvang.clone(),
            vervoer: b.voorwaarden.vervoer.clone(),
            participatiewet: b.participatiewet.clone(),
            aantal_voortgangsgesprekken: num(self.aantal_voortgangsgesprekken),
            eigen_visie: b
                .eigen_visie
                .soort
                .map(|c| c.code().to_string())
                .unwrap_or_default(),
            zienswijze: b.eigen_visie.tekst.clone(),
            eigen_visie_datum: date(b.eigen_visie.datum),
            reden: self.reden.map(|c| c.code().to_string()).unwrap_or_default(),
            reden_toelichting: self.reden_toelichting.clone(),
            doelen: self
                .doelen
                .iter()
                .map(|d| RawDoel {
                    doel_id: d.doel_id.to_string(),
                    leefdomein: d.leefdomein.clone(),
                    omschrijving: d.omschrijving.clone(),
                    streefdatum: date(d.streefdatum),
                    uitvoerder: d.uitvoerder.clone(),
                    status: d.status.code().to_string(),
                })
                .collect(),
            activiteiten: self
                .activiteiten
                .iter()
                .map(|a| RawActiviteit {
                    activiteit_id: a.activiteit_id.to_string(),
                    doel_id: a.doel_id.map(|d| d.to_string()).unwrap_or_default(),
                    omschrijving: a.omschrijving.clone(),
                    aanbieder: a.aanbieder.clone(),
                    uren_per_week: a.uren_per_week.map(fmt_uren).unwrap_or_default(),
                    startdatum: date(a.startdatum),
                    einddatum: date(a.einddatum),
                })
                .collect(),
        }
    }
}

/// Hours the Dutch way: "7,5", "8".
pub fn fmt_uren(n: f64) -> String {
    let s = format!("{n:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('.', ",")
}
