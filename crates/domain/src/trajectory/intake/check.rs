//! Parsing a section's content for its key, the rules on its values, and its status (derived from the
//! answers, so a status can never claim more than was asked).

use chrono::NaiveDate;
use serde::Deserialize;

use super::antwoord::Antwoord;
use super::inhoud::*;
use super::lbt::{LbtOverslagReden, Leerbaarheidstoets};
use super::sectie::{Sectie, VasteSectie};
use crate::trajectory::codes::SectieStatus;
use crate::validation::{ValidationErrors, check_year, has_control_chars};

/// Longest free text of one answer.
pub const MAX_TEKST: usize = 4000;
/// Longest short text (country, level, job title, score part).
pub const MAX_KORT: usize = 200;

impl SectieInhoud {
    /// Reads the content of `sectie` from any serde format (the app hands JSON).
    pub fn deserialize_for<'de, D: serde::Deserializer<'de>>(
        sectie: Sectie,
        d: D,
    ) -> Result<SectieInhoud, D::Error> {
        use SectieInhoud as I;
        Ok(match sectie {
            Sectie::Leefdomein(_) => I::Leefdomein(LeefdomeinInhoud::deserialize(d)?),
            Sectie::Vast(v) => match v {
                VasteSectie::Leerbaarheidstoets => {
                    I::Leerbaarheidstoets(Leerbaarheidstoets::deserialize(d)?)
                }
                VasteSectie::OpleidingWerk => I::OpleidingWerk(OpleidingWerk::deserialize(d)?),
                VasteSectie::Gezondheid => I::Gezondheid(Gezondheid::deserialize(d)?),
                VasteSectie::Financien => I::Financien(Financien::deserialize(d)?),
                VasteSectie::GezinKinderopvang => {
                    I::GezinKinderopvang(GezinKinderopvang::deserialize(d)?)
                }
                VasteSectie::SociaalNetwerk => I::SociaalNetwerk(SociaalNetwerk::deserialize(d)?),
                VasteSectie::Digitaal => I::Digitaal(Digitaal::deserialize(d)?),
                VasteSectie::Mobiliteit => I::Mobiliteit(Mobiliteit::deserialize(d)?),
                VasteSectie::Wensen => I::Wensen(Wensen::deserialize(d)?),
            },
        })
    }

    /// The empty content of a section: every question "niet gevraagd".
    pub fn leeg(sectie: Sectie) -> SectieInhoud {
        use SectieInhoud as I;
        match sectie {
            Sectie::Leefdomein(_) => I::Leefdomein(Default::default()),
            Sectie::Vast(v) => match v {
                VasteSectie::Leerbaarheidstoets => I::Leerbaarheidstoets(Default::default()),
                VasteSectie::OpleidingWerk => I::OpleidingWerk(Default::default()),
                VasteSectie::Gezondheid => I::Gezondheid(Default::default()),
                VasteSectie::Financien => I::Financien(Default::default()),
                VasteSectie::GezinKinderopvang => I::GezinKinderopvang(Default::default()),
                VasteSectie::SociaalNetwerk => I::SociaalNetwerk(Default::default()),
                VasteSectie::Digitaal => I::Digitaal(Default::default()),
                VasteSectie::Mobiliteit => I::Mobiliteit(Default::default()),
                VasteSectie::Wensen => I::Wensen(Default::default()),
            },
        }
    }

    /// (questions asked, questions in the section).
    fn gevraagd(&self) -> (usize, usize) {
        fn n(a: &[bool]) -> (usize, usize) {
            (a.iter().filter(|x| **x).count(), a.len())
        }
        use SectieInhoud as I;
        match self {
            I::Leerbaarheidstoets(l) => n(&[*l != Leerbaarheidstoets::NietAfgenomen]),
            I::OpleidingWerk(s) => n(&[s.opleidingen.is_gevraagd(), s.werkervaring.is_gevraagd()]),
            I::Gezondheid(s) => n(&[
                s.lichamelijk.is_gevraagd(),
                s.psychisch.is_gevraagd(),
                s.overige_omstandigheden.is_gevraagd(),
            ]),
            I::Financien(s) => n(&[s.inkomen.is_gevraagd(), s.schulden.is_gevraagd()]),
            I::GezinKinderopvang(s) => n(&[
                s.gezin.is_gevraagd(),
                s.kinderopvang.is_gevraagd(),
                s.vve.is_gevraagd(),
            ]),
            I::SociaalNetwerk(s) => n(&[
                s.nederlandse_contacten.is_gevraagd(),
                s.netwerk.is_gevraagd(),
            ]),
            I::Digitaal(s) => n(&[s.vaardigheden.is_gevraagd(), s.apparaten.is_gevraagd()]),
            I::Mobiliteit(s) => n(&[s.vervoer.is_gevraagd(), s.rijbewijs.is_gevraagd()]),
            I::Wensen(s) => n(&[s.wensen.is_gevraagd(), s.ambities.is_gevraagd()]),
            I::Leefdomein(s) => n(&[
                s.situatie.is_gevraagd(),
                s.belemmeringen.is_gevraagd(),
                s.wensen.is_gevraagd(),
            ]),
        }
    }

    /// Niet gestart (nothing asked), deels, or compleet (every question asked, answered or "no
    /// problem"; the LBT taken or skipped with a reason).
    pub fn status(&self) -> SectieStatus {
        match self.gevraagd() {
            (0, _) => SectieStatus::NietGestart,
            (a, n) if a == n => SectieStatus::Compleet,
            _ => SectieStatus::Deels,
        }
    }

    /// The rules on the values; all errors at once. `today` refuses dates in the future.
    pub fn check(&self, today: NaiveDate) -> Result<(), ValidationErrors> {
        let mut e = ValidationErrors::new();
        use SectieInhoud as I;
        match self {
            I::Leerbaarheidstoets(l) => check_lbt(l, today, &mut e),
            I::OpleidingWerk(s) => {
                for o in s.opleidingen.waarde().into_iter().flatten() {
                    kort(&o.land, "opleidingen", "Land", true, &mut e);
                    kort(&o.niveau, "opleidingen", "Niveau", true, &mut e);
                    jaren(o.jaren, "opleidingen", &mut e);
                }
                for b in s.werkervaring.waarde().into_iter().flatten() {
                    kort(&b.land, "werkervaring", "Land", true, &mut e);
                    kort(&b.functie, "werkervaring", "Functie", true, &mut e);
                    jaren(b.jaren, "werkervaring", &mut e);
                }
            }
            I::Gezondheid(s) => {
                tekst(&s.lichamelijk, "lichamelijk", &mut e);
                tekst(&s.psychisch, "psychisch", &mut e);
                tekst(&s.overige_omstandigheden, "overigeOmstandigheden", &mut e);
            }
            I::Financien(s) => {
                tekst(&s.inkomen, "inkomen", &mut e);
                tekst(&s.schulden, "schulden", &mut e);
            }
            I::GezinKinderopvang(s) => {
                tekst(&s.gezin, "gezin", &mut e);
                tekst(&s.kinderopvang, "kinderopvang", &mut e);
                if let Some(VveVerkenning::Ja { datum }) = s.vve.waarde() {
                    if *datum > today {
                        e.push(
                            "vve",
                            "out_of_range",
                            "De datum mag niet in de toekomst liggen.",
                        );
                    } else if let Err(err) = check_year(*datum) {
                        e.push("vve", err.code(), err.to_string());
                    }
                }
            }
            I::SociaalNetwerk(s) => {
                if s.nederlandse_contacten
                    .waarde()
                    .is_some_and(|n| *n > 10_000)
                {
                    e.push(
                        "nederlandseContacten",
                        "out_of_range",
                        "Vul een aantal van 0 tot en met 10.000 in.",
                    );
                }
                tekst(&s.netwerk, "netwerk", &mut e);
            }
            I::Digitaal(s) => tekst(&s.vaardigheden, "vaardigheden", &mut e),
            I::Mobiliteit(s) => {
                tekst(&s.vervoer, "vervoer", &mut e);
                tekst(&s.rijbewijs, "rijbewijs", &mut e);
            }
            I::Wensen(s) => {
                tekst(&s.wensen, "wensen", &mut e);
                tekst(&s.ambities, "ambities", &mut e);
            }
            I::Leefdomein(s) => {
                tekst(&s.situatie, "situatie", &mut e);
                tekst(&s.belemmeringen, "belemmeringen", &mut e);
                tekst(&s.wensen, "wensen", &mut e);
            }
        }
        e.into_result(())
    }
}

fn check_lbt(l: &Leerbaarheidstoets, today: NaiveDate, e: &mut ValidationErrors) {
    match l {
        Leerbaarheidstoets::NietAfgenomen => {}
        Leerbaarheidstoets::Afgenomen { datum, scores, .. } => {
            if *datum > today {
                e.push(
                    "datum",
                    "out_of_range",
                    "De datum van de toets mag niet in de toekomst liggen.",
                );
            } else if let Err(err) = check_year(*datum) {
                e.push("datum", err.code(), err.to_string());
            }
            if scores.len() > 20 {
                e.push("scores", "too_long", "Vul hoogstens 20 scores in.");
            }
            for s in scores {
                kort(&s.onderdeel, "scores", "Onderdeel", true, e);
            }
        }
        Leerbaarheidstoets::Overgeslagen { reden, toelichting } => {
            let t = toelichting.trim();
            if *reden == LbtOverslagReden::Anders && t.is_empty() {
                e.push(
                    "toelichting",
                    "required",
                    "Licht toe waarom de toets niet is afgenomen.",
                );
            }
            lang(t, "toelichting", e);
        }
    }
}

fn tekst(a: &Antwoord<String>, field: &'static str, e: &mut ValidationErrors) {
    if let Antwoord::Antwoord(t) = a {
        if t.trim().is_empty() {
            e.push(
                field,
                "required",
                "Vul het antwoord in, of kies “gevraagd: geen probleem”.",
            );
        }
        lang(t, field, e);
    }
}

fn lang(t: &str, field: &'static str, e: &mut ValidationErrors) {
    let n = t.chars().count();
    if n > MAX_TEKST {
        e.push(
            field,
            "too_long",
            format!("Gebruik hoogstens {MAX_TEKST} tekens (nu {n})."),
        );
    } else if has_control_chars(t, true) {
        e.push(
            field,
            "invalid",
            "Gebruik geen onzichtbare tekens of andere stuurtekens.",
        );
    }
}

fn kort(t: &str, field: &'static str, label: &str, required: bool, e: &mut ValidationErrors) {
    let t = t.trim();
    if required && t.is_empty() {
        e.push(
            field,
            "required",
            format!("{label}: dit veld is verplicht."),
        );
    } else if t.chars().count() > MAX_KORT {
        e.push(
            field,
            "too_long",
            format!("{label}: gebruik hoogstens {MAX_KORT} tekens."),
        );
    } else if has_control_chars(t, false) {
        e.push(
            field,
            "invalid",
            format!("{label}: gebruik geen stuurtekens."),
        );
    }
}

fn jaren(n: u32, field: &'static str, e: &mut ValidationErrors) {
    if n > 60 {
        e.push(
            field,
            "out_of_range",
            "Aantal jaren: vul 0 tot en met 60 in.",
        );
    }
}
