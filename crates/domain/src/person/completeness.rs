//! Which facts of a person are still "onbekend". Earlier case files hid gaps behind empty cells; the
//! caseload shows this count so a missing doelgroep or BRP date is noticed before a deadline slips.

use super::{FIELDS, PersonDetails};

/// The Dutch label of a person field, by API property name.
pub fn field_label(field: &str) -> Option<&'static str> {
    FIELDS.iter().find(|f| f.api == field).map(|f| f.label)
}

/// How many of the facts that apply to this person are known, and which are still onbekend.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completeness {
    pub known: usize,
    pub total: usize,
    /// (API property name, Dutch label) of every fact still onbekend, in form order.
    pub missing: Vec<(&'static str, &'static str)>,
}

impl Completeness {
    pub fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }
}

impl PersonDetails {
    /// Counts the optional facts that apply. Names are required so never missing; a tussenvoegsel
    /// is absent for most people, so its absence is no gap; the tolk's language and the uitkering's
    /// start date only count once we know a tolk or an uitkering applies.
    pub fn completeness(&self) -> Completeness {
        let mut known = 0;
        let mut missing = Vec::new();
        for (field, value) in self.to_raw().fields() {
            if !self.counts_towards_completeness(field) {
                continue;
            }
            if value.is_some() {
                known += 1;
            } else {
                missing.push((field, field_label(field).unwrap_or(field)));
            }
        }
        Completeness {
            known,
            total: known + missing.len(),
            missing,
        }
    }

    fn counts_towards_completeness(&self, field: &str) -> bool {
        match field {
            "voornamen" | "geslachtsnaam" | "tussenvoegsel" => false,
            "tolkTaal" => self.tolk_nodig == Some(true),
            "uitkeringPwStartdatum" => self.uitkering_pw == Some(true),
            _ => true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::person::RawPerson;
    use chrono::NaiveDate;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 1).expect("valid date")
    }

    fn person(raw: RawPerson) -> PersonDetails {
        PersonDetails::parse(&raw, today()).expect("valid person")
    }

    #[test]
    fn labels_follow_the_field_order_of_raw_person() {
        let names: Vec<&str> = FIELDS.iter().map(|f| f.api).collect();
        assert_eq!(names, RawPerson::FIELD_NAMES);
        assert_eq!(
            field_label("datumBrpInschrijving"),
            Some("Datum inschrijving BRP")
        );
        assert_eq!(field_label("bestaatNiet"), None);
    }

    #[test]
    fn a_new_person_with_only_names_shows_every_applicable_gap() {
        let p = person(RawPerson {
            voornamen: Some("Amal".into()),
            geslachtsnaam: Some("Haddad".into()),
            ..RawPerson::default()
        });
        let c = p.completeness();
        assert_eq!((c.known, c.total), (0, 24));
        assert!(!c.is_complete());
        assert_eq!(c.missing.first(), Some(&("bsn", "BSN")));
        let names: Vec<_> = c.missing.iter().map(|(n, _)| *n).collect();
        assert!(!names.contains(&"tussenvoegsel") && !names.contains(&"tolkTaal"));
        assert!(names.contains(&"doelgroep") && names.contains(&"datumBrpInschrijving"));
    }

    #[test]
    fn tolk_taal_and_uitkering_start_count_once_they_apply() {
        let p = person(RawPerson {
            voornamen: Some("Amal".into()),
            geslachtsnaam: Some("Haddad".into()),
            tolk_nodig: Some("ja".into()),
            tolk_taal: Some("Arabisch".into()),
            uitkering_pw: Some("ja".into()),
            ..RawPerson::default()
        });
        let c = p.completeness();
        assert_eq!((c.known, c.total), (3, 26));
        assert!(
            c.missing
                .contains(&("uitkeringPwStartdatum", "Startdatum bijstandsuitkering"))
        );
    }
}
