//! A huishouden: the people DUO and the gemeente treat together (referentiepersoon, partner,
//! children, nareizigers who came later through gezinshereniging).

use std::collections::HashSet;

use chrono::{Datelike, NaiveDate};

use crate::ids::PersonId;
use crate::validation::{ValidationErrors, text_problem};

code_enum! {
    /// A member's place in the huishouden.
    pub enum Relatie {
        Referentiepersoon = "referentiepersoon", "Referentiepersoon",
        Partner = "partner", "Partner",
        Kind = "kind", "Kind",
        Overig = "overig", "Ander gezinslid",
    }
}

/// One member as submitted when a huishouden is created or changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LidInput {
    pub persoon_id: PersonId,
    pub relatie: Relatie,
    /// Came through gezinshereniging after the referentiepersoon.
    pub nareiziger: bool,
}

/// At least one member, at most one referentiepersoon and one partner, nobody twice.
pub fn validate_leden(leden: &[LidInput]) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if leden.is_empty() {
        errors.push(
            "leden",
            "required",
            "Een huishouden heeft minstens één lid.",
        );
    }
    let count = |r: Relatie| leden.iter().filter(|l| l.relatie == r).count();
    if count(Relatie::Referentiepersoon) > 1 {
        errors.push(
            "leden",
            "duplicate",
            "Een huishouden heeft hoogstens één referentiepersoon.",
        );
    }
    if count(Relatie::Partner) > 1 {
        errors.push(
            "leden",
            "duplicate",
            "Een huishouden heeft hoogstens één partner.",
        );
    }
    let mut seen = HashSet::new();
    if !leden.iter().all(|l| seen.insert(l.persoon_id)) {
        errors.push(
            "leden",
            "duplicate",
            "Iemand staat meer dan één keer in dit huishouden.",
        );
    }
    errors.into_result(())
}

/// A short description such as "Gezin Haddad": 1 to 200 characters after trimming, on one line.
pub fn validate_omschrijving(s: &str) -> Result<String, ValidationErrors> {
    let mut errors = ValidationErrors::new();
    let value = s.trim();
    if value.is_empty() {
        errors.push(
            "omschrijving",
            "required",
            "Geef het huishouden een omschrijving.",
        );
    } else if let Some((code, message)) = text_problem(value, 200) {
        errors.push("omschrijving", code, message);
    }
    errors.into_result(value.to_owned())
}

/// What the plausibility rules know of a member: the name to say whom a message is about, the relation
/// as chosen on the form, and the birth date when it is known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LidFeiten {
    pub naam: String,
    pub relatie: Relatie,
    pub nareiziger: bool,
    pub geboortedatum: Option<NaiveDate>,
}

/// An adult child is at least this many years younger than the referentiepersoon and the partner.
pub const MIN_LEEFTIJDSVERSCHIL_KIND: u32 = 12;

/// From this age a child counts as adult (meerderjarig).
pub const MEERDERJARIG: u32 = 18;

/// Completed years from `from` to `to` (an age on a day); `None` when `to` lies before `from`.
pub fn years_between(from: NaiveDate, to: NaiveDate) -> Option<u32> {
    if to < from {
        return None;
    }
    let mut years = to.year() - from.year();
    if (to.month(), to.day()) < (from.month(), from.day()) {
        years -= 1;
    }
    u32::try_from(years).ok()
}

/// Whether a household is one a municipal worker would recognise as real. The rules, chosen with the
/// way DUO and the gemeente use the huishouden (gezinshereniging, the kinderen of the referentiepersoon):
///
/// 1. There is exactly one referentiepersoon: the person the household is registered around (usually
///    the statushouder who came first). Two are refused by [`validate_leden`]; none is refused here.
/// 2. The referentiepersoon is not a nareiziger: a nareiziger comes after the referentiepersoon.
/// 3. A kind is younger than the referentiepersoon and than the partner.
/// 4. An adult kind (18 or older today) is at least [`MIN_LEEFTIJDSVERSCHIL_KIND`] years younger than
///    the referentiepersoon and the partner. A minor kind may be closer in age (a stepchild of a young
///    partner); an adult "kind" of nearly the same age is almost always a mistake for "Ander gezinslid"
///    (a brother, a cousin).
///
/// Rules 3 and 4 apply only where both birth dates are known: an unknown date is "onbekend", not
/// a reason to refuse the household. Messages name the members and their ages, never ids.
pub fn check_plausible(leden: &[LidFeiten], today: NaiveDate) -> Result<(), ValidationErrors> {
    let mut errors = ValidationErrors::new();
    if !leden.is_empty()
        && !leden
            .iter()
            .any(|l| l.relatie == Relatie::Referentiepersoon)
    {
        errors.push(
            "leden",
            "required",
            "Kies wie de referentiepersoon is: de persoon om wie het huishouden is ingeschreven, \
             meestal wie als eerste in Nederland kwam.",
        );
    }
    for r in leden
        .iter()
        .filter(|l| l.relatie == Relatie::Referentiepersoon && l.nareiziger)
    {
        errors.push(
            "leden",
            "inconsistent",
            format!(
                "{} is de referentiepersoon en kan daarom geen nareiziger zijn: een nareiziger komt na de referentiepersoon.",
                r.naam
            ),
        );
    }
    let age = |l: &LidFeiten| {
        l.geboortedatum
            .and_then(|d| years_between(d, today))
            .map(|a| format!("{} ({a} jaar)", l.naam))
            .unwrap_or_else(|| l.naam.clone())
    };
    let ouders: Vec<&LidFeiten> = leden
        .iter()
        .filter(|l| matches!(l.relatie, Relatie::Referentiepersoon | Relatie::Partner))
        .collect();
    for kind in leden.iter().filter(|l| l.relatie == Relatie::Kind) {
        let Some(geboren) = kind.geboortedatum else {
            continue;
        };
        let volwassen = years_between(geboren, today).is_some_and(|a| a >= MEERDERJARIG);
        for ouder in &ouders {
            let Some(ouder_geboren) = ouder.geboortedatum else {
                continue;
            };
            let rol = ouder.relatie.label().to_lowercase();
            if geboren <= ouder_geboren {
                errors.push(
                    "leden",
                    "inconsistent",
                    format!(
                        "{} is niet jonger dan {} ({rol}) en kan daarom geen kind in dit huishouden zijn. \
                         Kies een andere relatie, bijvoorbeeld “Ander gezinslid”.",
                        age(kind),
                        age(ouder)
                    ),
                );
            } else if volwassen
                && years_between(ouder_geboren, geboren)
                    .is_some_and(|v| v < MIN_LEEFTIJDSVERSCHIL_KIND)
            {
                errors.push(
                    "leden",
                    "inconsistent",
                    format!(
                        "{} is als meerderjarig kind maar weinig jonger dan {} ({rol}): een kind is \
                         minstens {MIN_LEEFTIJDSVERSCHIL_KIND} jaar jonger dan de referentiepersoon en de partner, \
                         of minderjarig. Kies een andere relatie, bijvoorbeeld “Ander gezinslid”.",
                        age(kind),
                        age(ouder)
                    ),
                );
            }
        }
    }
    errors.into_result(())
}

#[cfg(test)]
mod plausible_tests;

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use uuid::Uuid;

    fn lid(n: u128, relatie: Relatie) -> LidInput {
        LidInput {
            persoon_id: PersonId(Uuid::from_u128(n)),
            relatie,
            nareiziger: false,
        }
    }

    fn codes(result: Result<(), ValidationErrors>) -> Vec<&'static str> {
        result
            .err()
            .map(|e| e.iter().map(|e| e.code).collect())
            .unwrap_or_default()
    }

    #[test]
    fn a_typical_family_is_valid() {
        let leden = [
            lid(1, Relatie::Referentiepersoon),
            lid(2, Relatie::Partner),
            LidInput {
                nareiziger: true,
                ..lid(3, Relatie::Kind)
            },
            lid(4, Relatie::Kind),
            lid(5, Relatie::Overig),
        ];
        assert_eq!(validate_leden(&leden), Ok(()));
        assert_eq!(
            validate_leden(&[lid(1, Relatie::Kind)]),
            Ok(()),
            "a referentiepersoon is not required"
        );
    }

    #[test]
    fn empty_household_is_refused() {
        assert_eq!(codes(validate_leden(&[])), ["required"]);
    }

    #[test]
    fn two_referentiepersonen_or_partners_are_refused() {
        let two_refs = [
            lid(1, Relatie::Referentiepersoon),
            lid(2, Relatie::Referentiepersoon),
        ];
        let err = validate_leden(&two_refs).expect_err("two refs");
        assert_eq!(
            err.for_field("leden").map(|e| e.message.as_str()),
            Some("Een huishouden heeft hoogstens één referentiepersoon.")
        );
        assert_eq!(
            codes(validate_leden(&[
                lid(1, Relatie::Partner),
                lid(2, Relatie::Partner)
            ])),
            ["duplicate"]
        );
    }

    #[test]
    fn the_same_person_twice_is_refused() {
        assert_eq!(
            codes(validate_leden(&[
                lid(7, Relatie::Referentiepersoon),
                lid(7, Relatie::Kind)
            ])),
            ["duplicate"]
        );
    }

    #[test]
    fn relatie_codes_are_stable() {
        assert_eq!(
            Relatie::CODES,
            &["referentiepersoon", "partner", "kind", "overig"]
        );
        assert_eq!(Relatie::Overig.label(), "Ander gezinslid");
        assert_eq!(Relatie::parse("kind"), Some(Relatie::Kind));
    }

    #[test]
    fn omschrijving_is_trimmed_and_bounded() {
        assert_eq!(
            validate_omschrijving("  Gezin Haddad "),
            Ok("Gezin Haddad".to_owned())
        );
        let code = |s: &str| {
            validate_omschrijving(s)
                .err()
                .and_then(|e| e.for_field("omschrijving").map(|e| e.code))
        };
        assert_eq!(code("   "), Some("required"));
        assert_eq!(code(&"x".repeat(201)), Some("too_long"));
        assert_eq!(code("Gezin\nHaddad"), Some("invalid"));
        assert!(validate_omschrijving(&"é".repeat(200)).is_ok());
    }

    proptest! {
        #[test]
        fn distinct_members_with_at_most_one_ref_and_partner_are_valid(
            kinds in proptest::collection::vec(0usize..2, 0..10),
            has_ref in any::<bool>(),
            has_partner in any::<bool>(),
        ) {
            let mut leden: Vec<LidInput> = kinds.iter().enumerate()
                .map(|(i, k)| lid(100 + i as u128, if *k == 0 { Relatie::Kind } else { Relatie::Overig }))
                .collect();
            if has_ref { leden.push(lid(1, Relatie::Referentiepersoon)); }
            if has_partner { leden.push(lid(2, Relatie::Partner)); }
            prop_assert_eq!(validate_leden(&leden).is_ok(), !leden.is_empty());
        }

        #[test]
        fn any_repeated_person_is_refused(n in 1usize..8, dup in 0usize..8) {
            let mut leden: Vec<LidInput> = (0..n).map(|i| lid(i as u128, Relatie::Kind)).collect();
            leden.push(lid((dup % n) as u128, Relatie::Overig));
            prop_assert_eq!(codes(validate_leden(&leden)), vec!["duplicate"]);
        }
    }
}
