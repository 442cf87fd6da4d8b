//! The person record exactly as typed, before validation (form posts, API bodies, CSV imports). The
//! struct itself is generated from the field table in `fields.rs`.

use std::fmt;

pub use super::fields::RawPerson;

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
        assert_eq!(fields.len(), crate::person::FIELDS.len());
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
