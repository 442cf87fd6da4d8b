//! The plausibility rules of a household: examples a case worker would give, and properties over
//! generated families.

use chrono::{Days, NaiveDate};
use proptest::prelude::*;

use super::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 6, 15).expect("date")
}

fn born_years_ago(years: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026 - years as i32, 3, 1).expect("date")
}

fn lid(naam: &str, relatie: Relatie, leeftijd: Option<u32>) -> LidFeiten {
    LidFeiten {
        naam: naam.into(),
        relatie,
        nareiziger: false,
        geboortedatum: leeftijd.map(born_years_ago),
    }
}

fn messages(r: Result<(), ValidationErrors>) -> Vec<String> {
    r.err()
        .map(|e| e.iter().map(|e| e.message.clone()).collect())
        .unwrap_or_default()
}

#[test]
fn ages_count_completed_years() {
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).expect("date");
    assert_eq!(years_between(d(2000, 6, 15), d(2026, 6, 15)), Some(26));
    assert_eq!(years_between(d(2000, 6, 16), d(2026, 6, 15)), Some(25));
    assert_eq!(years_between(d(2004, 2, 29), d(2026, 2, 28)), Some(21));
    assert_eq!(years_between(d(2027, 1, 1), d(2026, 6, 15)), None);
}

#[test]
fn a_family_with_children_is_plausible() {
    let leden = [
        lid("Fatima Haddad", Relatie::Referentiepersoon, Some(45)),
        lid("Omar Haddad", Relatie::Partner, Some(47)),
        lid("Sara Haddad", Relatie::Kind, Some(19)),
        lid("Yusuf Haddad", Relatie::Kind, Some(4)),
        lid("Nadia Haddad", Relatie::Overig, Some(44)),
        lid("Ali Haddad", Relatie::Kind, None),
    ];
    assert_eq!(check_plausible(&leden, today()), Ok(()));
    assert_eq!(
        check_plausible(&[lid("Fatima", Relatie::Referentiepersoon, None)], today()),
        Ok(())
    );
}

#[test]
fn a_household_without_referentiepersoon_is_refused() {
    let m = messages(check_plausible(
        &[
            lid("Omar Haddad", Relatie::Partner, Some(47)),
            lid("Sara Haddad", Relatie::Kind, Some(19)),
        ],
        today(),
    ));
    assert_eq!(m.len(), 1);
    assert!(m[0].contains("referentiepersoon"), "{m:?}");
}

#[test]
fn a_49_year_old_is_not_the_kind_of_a_45_year_old() {
    let m = messages(check_plausible(
        &[
            lid("Fatima Haddad", Relatie::Referentiepersoon, Some(45)),
            lid("Karim Haddad", Relatie::Kind, Some(49)),
        ],
        today(),
    ));
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with("Karim Haddad (49 jaar) is niet jonger dan Fatima Haddad (45 jaar)"),
        "{m:?}"
    );
}

#[test]
fn an_adult_kind_close_in_age_is_refused_but_a_minor_stepchild_is_not() {
    let ref_ = lid("Fatima Haddad", Relatie::Referentiepersoon, Some(30));
    let m = messages(check_plausible(
        &[ref_.clone(), lid("Karim", Relatie::Kind, Some(22))],
        today(),
    ));
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].contains("minstens 12 jaar jonger"), "{m:?}");
    // A young partner's child of 16: closer than 12 years to the partner, but a minor.
    let leden = [
        ref_,
        lid("Omar", Relatie::Partner, Some(26)),
        lid("Lina", Relatie::Kind, Some(16)),
    ];
    assert_eq!(check_plausible(&leden, today()), Ok(()));
}

#[test]
fn the_referentiepersoon_is_no_nareiziger() {
    let mut r = lid("Fatima Haddad", Relatie::Referentiepersoon, Some(45));
    r.nareiziger = true;
    let m = messages(check_plausible(&[r], today()));
    assert_eq!(m.len(), 1);
    assert!(m[0].contains("geen nareiziger"), "{m:?}");
}

/// A family: a referentiepersoon of `ref_age`, maybe a partner, and children given as their age gap
/// below the youngest parent.
fn family(ref_age: u32, partner_age: Option<u32>, gaps: &[u32]) -> Vec<LidFeiten> {
    let mut leden = vec![lid("Ref", Relatie::Referentiepersoon, Some(ref_age))];
    if let Some(p) = partner_age {
        leden.push(lid("Partner", Relatie::Partner, Some(p)));
    }
    let youngest = partner_age.map_or(ref_age, |p| p.min(ref_age));
    for (i, gap) in gaps.iter().enumerate() {
        leden.push(lid(
            &format!("Kind {i}"),
            Relatie::Kind,
            Some(youngest.saturating_sub(*gap)),
        ));
    }
    leden
}

proptest! {
    /// Children at least 12 years younger than both parents are always accepted.
    #[test]
    fn children_a_generation_younger_are_accepted(
        ref_age in 30u32..90,
        partner_age in proptest::option::of(30u32..90),
        gaps in proptest::collection::vec(13u32..30, 0..6),
    ) {
        prop_assert_eq!(check_plausible(&family(ref_age, partner_age, &gaps), today()), Ok(()));
    }

    /// A kind born on or before the referentiepersoon or the partner is always refused, whatever
    /// its age.
    #[test]
    fn a_kind_not_younger_than_a_parent_is_refused(
        ref_age in 0u32..100,
        older_by_days in 0u64..20_000,
        unknown_partner in any::<bool>(),
    ) {
        let ref_born = born_years_ago(ref_age);
        let mut leden = vec![lid("Ref", Relatie::Referentiepersoon, Some(ref_age))];
        if !unknown_partner {
            leden.push(lid("Partner", Relatie::Partner, None));
        }
        leden.push(LidFeiten {
            geboortedatum: ref_born.checked_sub_days(Days::new(older_by_days)),
            ..lid("Kind", Relatie::Kind, None)
        });
        prop_assert!(check_plausible(&leden, today()).is_err());
    }

    /// An adult kind less than 12 years younger than a parent is refused; a minor kind younger than
    /// both parents is accepted however small the gap.
    #[test]
    fn the_age_gap_matters_only_for_adult_children(
        kind_age in 0u32..60,
        gap in 1u32..12,
    ) {
        let leden = vec![
            lid("Ref", Relatie::Referentiepersoon, Some(kind_age + gap)),
            lid("Kind", Relatie::Kind, Some(kind_age)),
        ];
        prop_assert_eq!(check_plausible(&leden, today()).is_ok(), kind_age < MEERDERJARIG);
    }

    /// Without birth dates only the relations are judged: one referentiepersoon who is no nareiziger.
    #[test]
    fn unknown_birth_dates_never_refuse(
        relaties in proptest::collection::vec(1usize..4, 0..8),
    ) {
        let mut leden = vec![lid("Ref", Relatie::Referentiepersoon, None)];
        leden.extend(relaties.iter().enumerate().map(|(i, r)| {
            lid(&format!("Lid {i}"), [Relatie::Referentiepersoon, Relatie::Partner, Relatie::Kind, Relatie::Overig][*r], None)
        }));
        prop_assert_eq!(check_plausible(&leden, today()), Ok(()));
    }

    /// Every refusal names a member, never an id or a field code.
    #[test]
    fn messages_speak_of_people(
        ages in proptest::collection::vec((0usize..4, proptest::option::of(0u32..100)), 1..8),
    ) {
        let leden: Vec<LidFeiten> = ages.iter().enumerate().map(|(i, (r, a))| {
            lid(&format!("Persoon{i}"), [Relatie::Referentiepersoon, Relatie::Partner, Relatie::Kind, Relatie::Overig][*r], *a)
        }).collect();
        for m in messages(check_plausible(&leden, today())) {
            prop_assert!(m.contains("Persoon") || m.contains("referentiepersoon"), "{}", m);
            prop_assert!(!m.contains("leden") && !m.contains('-'), "{}", m);
        }
    }
}
