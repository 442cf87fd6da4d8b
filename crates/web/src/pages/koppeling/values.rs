//! The koppeling form as flat name/value pairs. The names are the API's field names
//! (`profiel.talen.status`, `overdracht.naar`), which are also the names the domain parser gives its
//! errors, so an error finds its field without a mapping table. Assessments are numbered rows:
//! `toetsen.{i}.instrument`, `toetsen.{i}.scores.{j}.onderdeel`.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use wegwijs_domain::trajectory::koppeling::{
    Koppeling, MAX_SCORES, MAX_TOETSEN, ProfielAntwoord, ProfielStatus, RawKoppeling,
    RawOverdracht, RawProfielAntwoord, RawToets,
};

/// The four facts of COA's profile: form name and label.
pub const FEITEN: [(&str, &str); 4] = [
    ("talen", "Talen"),
    ("opleiding", "Opleiding"),
    ("werk", "Werkervaring"),
    ("beperkingen", "Zichtbare beperkingen"),
];

/// What the form holds, by field name. Missing names read as empty (a field left out is empty).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormValues(pub BTreeMap<String, String>);

fn shown(d: NaiveDate) -> String {
    d.format("%d-%m-%Y").to_string()
}

fn status(a: &ProfielAntwoord) -> String {
    // "onbekend" is the form's empty first choice, so it round-trips as "".
    match a.status {
        ProfielStatus::Onbekend => String::new(),
        other => other.code().to_string(),
    }
}

impl FormValues {
    pub fn get(&self, name: &str) -> String {
        self.0.get(name).cloned().unwrap_or_default()
    }

    fn set(&mut self, name: impl Into<String>, value: impl Into<String>) {
        let value = value.into();
        if !value.is_empty() {
            self.0.insert(name.into(), value);
        }
    }

    /// What the user posted; `_csrf`, `versie` and `persoonVersie` are not form values.
    pub fn from_pairs(pairs: Vec<(String, String)>) -> FormValues {
        let mut v = FormValues::default();
        for (k, value) in pairs {
            if !matches!(k.as_str(), "_csrf" | "versie" | "persoonVersie") {
                v.set(k, value);
            }
        }
        v
    }

    /// The stored koppeling as the form shows it (dates as dag-maand-jaar).
    pub fn from_koppeling(k: &Koppeling) -> FormValues {
        let mut v = FormValues::default();
        v.set(
            "datumKoppeling",
            k.datum_koppeling.map(shown).unwrap_or_default(),
        );
        if let Some(h) = k.taakstelling {
            v.set("taakstellingJaar", h.jaar.to_string());
            v.set("taakstellingHalfjaar", h.halfjaar.to_string());
        }
        v.set("azcLocatie", k.azc_locatie.clone().unwrap_or_default());
        v.set("coaContact", k.coa_contact.clone().unwrap_or_default());
        let p = &k.profiel;
        if p.huishouden.code() != "onbekend" {
            v.set("profiel.huishouden", p.huishouden.code());
        }
        v.set(
            "profiel.huishoudenToelichting",
            p.huishouden_toelichting.clone(),
        );
        for (name, a) in [
            ("talen", &p.talen),
            ("opleiding", &p.opleiding),
            ("werk", &p.werk),
            ("beperkingen", &p.beperkingen),
        ] {
            v.set(format!("profiel.{name}.status"), status(a));
            v.set(format!("profiel.{name}.toelichting"), a.toelichting.clone());
        }
        if let Some(kv) = &k.voorintake.kansenverkenner {
            v.set("voorintake.kansenverkenner.datum", shown(kv.datum));
            v.set(
                "voorintake.kansenverkenner.samenvatting",
                kv.samenvatting.clone(),
            );
        }
        for (i, t) in k.voorintake.toetsen.iter().enumerate() {
            v.set(format!("toetsen.{i}.instrument"), t.instrument.code());
            v.set(
                format!("toetsen.{i}.instrumentNaam"),
                t.instrument_naam.clone(),
            );
            v.set(format!("toetsen.{i}.datum"), shown(t.datum));
            for (j, s) in t.scores.iter().enumerate() {
                v.set(
                    format!("toetsen.{i}.scores.{j}.onderdeel"),
                    s.onderdeel.clone(),
                );
                v.set(format!("toetsen.{i}.scores.{j}.score"), s.score.to_string());
            }
        }
        if let Some(o) = &k.overdracht {
            v.set("overdracht.vanNaam", o.van_naam.clone());
            v.set("overdracht.vanOrganisatie", o.van_organisatie.clone());
            v.set("overdracht.naar", o.naar.0.to_string());
            v.set("overdracht.datum", shown(o.datum));
            v.set("overdracht.besproken", o.besproken.clone());
        }
        v
    }

    fn antwoord(&self, name: &str) -> RawProfielAntwoord {
        RawProfielAntwoord {
            status: self.get(&format!("profiel.{name}.status")),
            toelichting: self.get(&format!("profiel.{name}.toelichting")),
        }
    }

    /// The input the domain parser takes: the same as the API's, so form and API validate alike.
    pub fn to_raw(&self) -> RawKoppeling {
        let toetsen = (0..MAX_TOETSEN)
            .map(|i| RawToets {
                instrument: self.get(&format!("toetsen.{i}.instrument")),
                instrument_naam: self.get(&format!("toetsen.{i}.instrumentNaam")),
                datum: self.get(&format!("toetsen.{i}.datum")),
                scores: (0..MAX_SCORES)
                    .map(|j| {
                        (
                            self.get(&format!("toetsen.{i}.scores.{j}.onderdeel")),
                            self.get(&format!("toetsen.{i}.scores.{j}.score")),
                        )
                    })
                    .collect(),
            })
            .collect();
        RawKoppeling {
            datum_koppeling: self.get("datumKoppeling"),
            taakstelling_jaar: self.get("taakstellingJaar"),
            taakstelling_halfjaar: self.get("taakstellingHalfjaar"),
            azc_locatie: self.get("azcLocatie"),
            coa_contact: self.get("coaContact"),
            huishouden: self.get("profiel.huishouden"),
            huishouden_toelichting: self.get("profiel.huishoudenToelichting"),
            talen: self.antwoord("talen"),
            opleiding: self.antwoord("opleiding"),
            werk: self.antwoord("werk"),
            beperkingen: self.antwoord("beperkingen"),
            kansenverkenner_datum: self.get("voorintake.kansenverkenner.datum"),
            kansenverkenner_samenvatting: self.get("voorintake.kansenverkenner.samenvatting"),
            toetsen,
            overdracht: RawOverdracht {
                van_naam: self.get("overdracht.vanNaam"),
                van_organisatie: self.get("overdracht.vanOrganisatie"),
                naar: self.get("overdracht.naar"),
                datum: self.get("overdracht.datum"),
                besproken: self.get("overdracht.besproken"),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wegwijs_domain::trajectory::koppeling::parse;

    #[test]
    fn a_parsed_form_shows_again_as_typed_and_parses_to_the_same_koppeling() {
        let today = NaiveDate::from_ymd_opt(2025, 6, 1).expect("date");
        let pairs = [
            ("datumKoppeling", "10-01-2025"),
            ("taakstellingJaar", "2025"),
            ("taakstellingHalfjaar", "1"),
            ("profiel.werk.status", "bekend"),
            ("profiel.werk.toelichting", "Kok"),
            ("toetsen.0.instrument", "noa"),
            ("toetsen.0.datum", "15-12-2024"),
            ("toetsen.0.scores.1.onderdeel", "Taal"),
            ("toetsen.0.scores.1.score", "62"),
        ];
        let form = FormValues::from_pairs(
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        );
        let k = parse(&form.to_raw(), today).expect("valid");
        let again = FormValues::from_koppeling(&k);
        assert_eq!(parse(&again.to_raw(), today).expect("valid"), k);
        assert_eq!(
            again.get("toetsen.0.scores.0.score"),
            "62",
            "empty rows close up"
        );
    }
}
