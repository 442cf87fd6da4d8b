//! Turns the koppeling form (or API body) into a valid [`Koppeling`], or every refused field at once.

use chrono::NaiveDate;

use super::profiel::{RawProfielAntwoord, antwoord, text};
use super::voorintake::{RawToets, kansenverkenner, past_date, toetsen};
use super::{
    CoaProfiel, Halfjaar, Huishouden, JAAR_MAX, JAAR_MIN, KORT_MAX, Koppeling, Overdracht,
    TEKST_MAX, Voorintake,
};
use crate::ids::GebruikerId;
use crate::validation::ValidationErrors;

/// The warm handover as typed; all empty means "no handover recorded yet".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawOverdracht {
    pub van_naam: String,
    pub van_organisatie: String,
    /// The receiving medewerker's id as text (the caller checks it is a colleague).
    pub naar: String,
    pub datum: String,
    pub besproken: String,
}

impl RawOverdracht {
    fn is_empty(&self) -> bool {
        [
            &self.van_naam,
            &self.van_organisatie,
            &self.naar,
            &self.datum,
            &self.besproken,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
    }
}

/// The whole koppeling as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RawKoppeling {
    pub datum_koppeling: String,
    pub taakstelling_jaar: String,
    pub taakstelling_halfjaar: String,
    pub azc_locatie: String,
    pub coa_contact: String,
    pub huishouden: String,
    pub huishouden_toelichting: String,
    pub talen: RawProfielAntwoord,
    pub opleiding: RawProfielAntwoord,
    pub werk: RawProfielAntwoord,
    pub beperkingen: RawProfielAntwoord,
    pub kansenverkenner_datum: String,
    pub kansenverkenner_samenvatting: String,
    pub toetsen: Vec<RawToets>,
    pub overdracht: RawOverdracht,
}

fn optional_short(e: &mut ValidationErrors, field: &'static str, input: &str) -> Option<String> {
    Some(text(e, field, input, KORT_MAX)).filter(|s| !s.is_empty())
}

fn taakstelling(e: &mut ValidationErrors, jaar: &str, half: &str) -> Option<Halfjaar> {
    let (jaar, half) = (jaar.trim(), half.trim());
    if jaar.is_empty() && half.is_empty() {
        return None;
    }
    // Each part is checked on its own, so a bad year and a missing half-year show at once.
    let j = if jaar.is_empty() {
        e.push(
            "taakstellingJaar",
            "required",
            "Vul het jaar van de taakstelling in.",
        );
        None
    } else {
        let j = jaar
            .parse::<i32>()
            .ok()
            .filter(|j| (JAAR_MIN..=JAAR_MAX).contains(j));
        if j.is_none() {
            e.push(
                "taakstellingJaar",
                "out_of_range",
                format!("Vul een jaar van {JAAR_MIN} tot en met {JAAR_MAX} in."),
            );
        }
        j
    };
    let h = if half.is_empty() {
        e.push(
            "taakstellingHalfjaar",
            "required",
            "Kies de eerste of tweede helft van het jaar.",
        );
        None
    } else {
        let h = half.parse::<u8>().ok().filter(|h| matches!(h, 1 | 2));
        if h.is_none() {
            e.push(
                "taakstellingHalfjaar",
                "out_of_range",
                "Het halfjaar is 1 (januari-juni) of 2 (juli-december).",
            );
        }
        h
    };
    Halfjaar::new(j?, h?)
}

fn overdracht(
    e: &mut ValidationErrors,
    raw: &RawOverdracht,
    koppeling: Option<NaiveDate>,
    today: NaiveDate,
) -> Option<Overdracht> {
    if raw.is_empty() {
        return None;
    }
    let van_naam = text(e, "overdracht.vanNaam", &raw.van_naam, KORT_MAX);
    if van_naam.is_empty() {
        e.push(
            "overdracht.vanNaam",
            "required",
            "Wie droeg over? Vul een naam in.",
        );
    }
    let van_organisatie = text(
        e,
        "overdracht.vanOrganisatie",
        &raw.van_organisatie,
        KORT_MAX,
    );
    if van_organisatie.is_empty() {
        e.push(
            "overdracht.vanOrganisatie",
            "required",
            "Vul de organisatie in, bijvoorbeeld COA.",
        );
    }
    let naar = uuid::Uuid::parse_str(raw.naar.trim()).ok().map(GebruikerId);
    if naar.is_none() {
        e.push(
            "overdracht.naar",
            "required",
            "Kies de medewerker aan wie is overgedragen.",
        );
    }
    let besproken = text(e, "overdracht.besproken", &raw.besproken, TEKST_MAX);
    let datum = past_date(e, "overdracht.datum", &raw.datum, today, "De overdracht");
    if let (Some(d), Some(k)) = (datum, koppeling)
        && d < k
    {
        e.push(
            "overdracht.datum",
            "inconsistent",
            "De warme overdracht kan niet vóór de datum koppeling liggen.",
        );
    }
    Some(Overdracht {
        van_naam,
        van_organisatie,
        naar: naar?,
        datum: datum?,
        besproken,
    })
}

/// Parses the koppeling against `today` (injected: the domain reads no clock).
pub fn parse(raw: &RawKoppeling, today: NaiveDate) -> Result<Koppeling, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let datum_koppeling = if raw.datum_koppeling.trim().is_empty() {
        None
    } else {
        past_date(
            &mut e,
            "datumKoppeling",
            &raw.datum_koppeling,
            today,
            "De koppeling",
        )
    };
    let taakstelling = taakstelling(&mut e, &raw.taakstelling_jaar, &raw.taakstelling_halfjaar);
    let azc_locatie = optional_short(&mut e, "azcLocatie", &raw.azc_locatie);
    let coa_contact = optional_short(&mut e, "coaContact", &raw.coa_contact);
    let huishouden = match raw.huishouden.trim() {
        "" => Huishouden::Onbekend,
        code => Huishouden::parse(code).unwrap_or_else(|| {
            e.push(
                "profiel.huishouden",
                "unknown_value",
                "Kies een van de getoonde samenstellingen.",
            );
            Huishouden::Onbekend
        }),
    };
    let huishouden_toelichting = text(
        &mut e,
        "profiel.huishoudenToelichting",
        &raw.huishouden_toelichting,
        TEKST_MAX,
    );
    let profiel = CoaProfiel {
        huishouden,
        huishouden_toelichting,
        talen: antwoord(
            &mut e,
            "profiel.talen.status",
            "profiel.talen.toelichting",
            &raw.talen,
        ),
        opleiding: antwoord(
            &mut e,
            "profiel.opleiding.status",
            "profiel.opleiding.toelichting",
            &raw.opleiding,
        ),
        werk: antwoord(
            &mut e,
            "profiel.werk.status",
            "profiel.werk.toelichting",
            &raw.werk,
        ),
        beperkingen: antwoord(
            &mut e,
            "profiel.beperkingen.status",
            "profiel.beperkingen.toelichting",
            &raw.beperkingen,
        ),
    };
    let voorintake = Voorintake {
        kansenverkenner: kansenverkenner(
            &mut e,
            &raw.kansenverkenner_datum,
            &raw.kansenverkenner_samenvatting,
            today,
        ),
        toetsen: toetsen(&mut e, &raw.toetsen, today),
    };
    let overdracht = overdracht(&mut e, &raw.overdracht, datum_koppeling, today);
    e.into_result(Koppeling {
        datum_koppeling,
        taakstelling,
        azc_locatie,
        coa_contact,
        profiel,
        voorintake,
        overdracht,
    })
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
