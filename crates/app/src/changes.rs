//! Which fields an edit changed: recorded in the audit row (names only, never values) and shown
//! to someone whose edit collided with another.

use wegwijs_domain::person::{PersonDetails, RawPerson};

/// API names of the fields that differ between two versions of a person.
pub fn changed_fields(before: &PersonDetails, after: &PersonDetails) -> Vec<&'static str> {
    changed_raw(&before.to_raw(), &after.to_raw())
}

/// The same for raw input; an empty field equals an unknown one.
pub fn changed_raw(a: &RawPerson, b: &RawPerson) -> Vec<&'static str> {
    fn filled(v: Option<&str>) -> Option<&str> {
        v.map(str::trim).filter(|s| !s.is_empty())
    }
    a.fields()
        .into_iter()
        .zip(b.fields())
        .filter(|((_, x), (_, y))| filled(*x) != filled(*y))
        .map(|((name, _), _)| name)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_unknown_are_the_same_and_changes_are_named() {
        let a = RawPerson {
            voornamen: Some("Amal".into()),
            talen: None,
            ..RawPerson::default()
        };
        let b = RawPerson {
            voornamen: Some("Amal ".into()),
            talen: Some(String::new()),
            ..RawPerson::default()
        };
        assert!(changed_raw(&a, &b).is_empty());
        let c = RawPerson {
            geslachtsnaam: Some("Demouri".into()),
            ..a.clone()
        };
        assert_eq!(changed_raw(&a, &c), ["geslachtsnaam"]);
    }
}
