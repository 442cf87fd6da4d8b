//! The person record exactly as typed, before validation (form posts, API bodies, CSV imports).

use std::fmt;

/// Declares `RawPerson` and its field table from one list, so the API name of a field can never drift
/// from the struct field it belongs to.
macro_rules! raw_person {
    ($( $field:ident => $api:literal ),+ $(,)?) => {
        /// Every field as the user typed it; `None` or "" (after trimming) means "onbekend / niet
        /// gevraagd".
        #[derive(Clone, PartialEq, Eq, Default)]
        pub struct RawPerson {
            $( pub $field: Option<String>, )+
        }

        impl RawPerson {
            /// API property names in form order; `FIELD_LABELS` follows the same order.
            pub const FIELD_NAMES: &'static [&'static str] = &[$($api),+];

            /// (API name, value) for every field, in form order.
            pub fn fields(&self) -> Vec<(&'static str, Option<&str>)> {
                vec![$( ($api, self.$field.as_deref()) ),+]
            }

            /// The value slot for an API property name, e.g. to fill from a form by name.
            pub fn field_mut(&mut self, api_name: &str) -> Option<&mut Option<String>> {
                match api_name {
                    $( $api => Some(&mut self.$field), )+
                    _ => None,
                }
            }
        }
    };
}

raw_person! {
    bsn => "bsn",
    v_nummer => "vNummer",
    voornamen => "voornamen",
    tussenvoegsel => "tussenvoegsel",
    geslachtsnaam => "geslachtsnaam",
    geboortedatum => "geboortedatum",
    geslacht => "geslacht",
    geboorteland => "geboorteland",
    nationaliteit => "nationaliteit",
    talen => "talen",
    tolk_nodig => "tolkNodig",
    tolk_taal => "tolkTaal",
    alfabetisering => "alfabetisering",
    opleidingsniveau => "opleidingsniveau",
    werkervaring => "werkervaring",
    doelgroep => "doelgroep",
    regime => "regime",
    uitkering_pw => "uitkeringPw",
    uitkering_pw_startdatum => "uitkeringPwStartdatum",
    datum_koppeling => "datumKoppeling",
    datum_brp_inschrijving => "datumBrpInschrijving",
    datum_kennisgeving_duo => "datumKennisgevingDuo",
    datum_huisvesting => "datumHuisvesting",
    straat => "straat",
    huisnummer => "huisnummer",
    postcode => "postcode",
    woonplaats => "woonplaats",
    telefoon => "telefoon",
    email => "email",
}

impl RawPerson {
    /// The names of the fields that hold something other than blanks.
    pub fn filled_fields(&self) -> Vec<&'static str> {
        self.fields()
            .into_iter()
            .filter(|(_, v)| v.is_some_and(|v| !v.trim().is_empty()))
            .map(|(name, _)| name)
            .collect()
    }
}

/// Shows which fields are filled, never their values: every one of them is personal data, and Debug
/// output ends up in logs and panic messages.
impl fmt::Debug for RawPerson {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RawPerson")
            .field("ingevuld", &self.filled_fields())
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_table_covers_every_field_once() {
        let mut raw = RawPerson::default();
        for name in RawPerson::FIELD_NAMES {
            let slot = raw.field_mut(name).expect("known field");
            *slot = Some((*name).to_owned());
        }
        assert_eq!(raw.field_mut("onbekend"), None);
        let fields = raw.fields();
        assert_eq!(fields.len(), 29);
        for (name, value) in fields {
            assert_eq!(value, Some(name), "field_mut and fields agree on {name}");
        }
        assert_eq!(raw.bsn.as_deref(), Some("bsn"));
        assert_eq!(raw.email.as_deref(), Some("email"));
    }

    #[test]
    fn debug_lists_filled_fields_without_values() {
        let raw = RawPerson {
            bsn: Some("111222333".into()),
            voornamen: Some("Amal".into()),
            geslachtsnaam: Some("   ".into()),
            ..RawPerson::default()
        };
        let shown = format!("{raw:?}");
        assert!(
            shown.contains("\"bsn\"") && shown.contains("\"voornamen\""),
            "{shown}"
        );
        assert!(
            !shown.contains("111222333") && !shown.contains("Amal"),
            "{shown}"
        );
        assert!(
            !shown.contains("geslachtsnaam"),
            "blank is not filled: {shown}"
        );
    }
}
