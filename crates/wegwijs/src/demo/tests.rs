//! The demo data obeys the domain's own rules and has the promised shape.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use wegwijs_domain::household::{
    LidFeiten, Relatie, check_plausible, validate_leden, validate_omschrijving,
};
use wegwijs_domain::person::{Bsn, Geslacht, PersonDetails, Regime};

use super::generate::{DemoData, generate};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 1).expect("valid date")
}

fn is_adult(d: &PersonDetails) -> bool {
    d.regime != Some(Regime::NietInburgeringsplichtig)
}

fn share(part: usize, whole: usize) -> f64 {
    part as f64 / whole.max(1) as f64
}

fn summary(data: &DemoData, n: usize) -> Vec<(String, Option<String>)> {
    data.persons
        .iter()
        .take(n)
        .map(|p| {
            let bsn = p.details.bsn.as_ref().map(|b| b.as_str().to_owned());
            (p.details.display_name(), bsn)
        })
        .collect()
}

#[test]
fn same_seed_same_data_other_seed_other_data() {
    let a = generate(2_000, 7, today());
    let b = generate(2_000, 7, today());
    let c = generate(2_000, 8, today());
    assert_eq!(summary(&a, 50), summary(&b, 50));
    assert_ne!(summary(&a, 50), summary(&c, 50));
    assert_eq!(a.persons.len(), 2_000);
    let ids = |d: &DemoData| d.persons.iter().map(|p| p.id).collect::<Vec<_>>();
    assert_eq!(ids(&a), ids(&b));
    assert!(
        a.persons
            .iter()
            .zip(&b.persons)
            .all(|(x, y)| x.details == y.details)
    );
}

#[test]
fn bsns_pass_the_elfproef_and_numbers_are_unique() {
    let data = generate(10_000, 1, today());
    let bsns: Vec<&str> = data
        .persons
        .iter()
        .filter_map(|p| p.details.bsn.as_ref().map(Bsn::as_str))
        .collect();
    assert!(
        bsns.iter()
            .all(|b| Bsn::parse(b).is_ok() && *b >= "990000000")
    );
    assert_eq!(bsns.iter().collect::<HashSet<_>>().len(), bsns.len());
    let without = share(data.persons.len() - bsns.len(), data.persons.len());
    assert!((0.02..=0.10).contains(&without), "zonder BSN {without}");
    let v: Vec<&str> = data
        .persons
        .iter()
        .filter_map(|p| p.details.v_nummer.as_ref().map(|v| v.as_str()))
        .collect();
    assert_eq!(v.iter().collect::<HashSet<_>>().len(), v.len());
    let ids: HashSet<_> = data.persons.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), data.persons.len());
}

#[test]
fn every_person_survives_the_domain_parser() {
    let data = generate(10_000, 2, today());
    for p in &data.persons {
        match PersonDetails::parse(&p.details.to_raw(), today()) {
            Ok(parsed) => assert_eq!(parsed, p.details),
            Err(e) => panic!("demo person refused: {e}"),
        }
    }
}

#[test]
fn distributions_follow_the_seeds() {
    let data = generate(10_000, 3, today());
    let adults: Vec<&PersonDetails> = data
        .persons
        .iter()
        .map(|p| &p.details)
        .filter(|d| is_adult(d))
        .collect();
    let known = |f: fn(&PersonDetails) -> bool, k: fn(&PersonDetails) -> bool| {
        let with: Vec<_> = adults.iter().filter(|d| k(d)).collect();
        share(with.iter().filter(|d| f(d)).count(), with.len())
    };
    let syr_eri = known(
        |d| matches!(d.geboorteland.as_deref(), Some("Syrië" | "Eritrea")),
        |d| d.geboorteland.is_some(),
    );
    assert!(syr_eri >= 0.55, "Syrië+Eritrea {syr_eri}");
    let low = known(
        |d| d.opleidingsniveau.is_some_and(|o| o.is_laagopgeleid()),
        |d| d.opleidingsniveau.is_some(),
    );
    assert!((0.40..=0.60).contains(&low), "laagopgeleid {low}");
    let men = known(
        |d| d.geslacht == Some(Geslacht::Man),
        |d| d.geslacht.is_some(),
    );
    assert!((0.55..=0.65).contains(&men), "mannen {men}");
    let tolk = known(|d| d.tolk_nodig == Some(true), |d| d.tolk_nodig.is_some());
    assert!((0.25..=0.42).contains(&tolk), "tolk {tolk}");
    let statushouder = known(
        |d| d.doelgroep == Some(wegwijs_domain::person::Doelgroep::Asielstatushouder),
        |d| d.doelgroep.is_some(),
    );
    assert!(
        (0.62..=0.78).contains(&statushouder),
        "statushouder {statushouder}"
    );
    let wi2013 = known(|d| d.regime == Some(Regime::Wi2013), |d| d.regime.is_some());
    assert!((0.02..=0.12).contains(&wi2013), "wi2013 {wi2013}");

    let in_household: HashSet<_> = data
        .households
        .iter()
        .flat_map(|h| h.leden.iter().map(|l| l.persoon_id))
        .collect();
    let adult_ids: Vec<_> = data
        .persons
        .iter()
        .filter(|p| is_adult(&p.details))
        .collect();
    let singles = adult_ids
        .iter()
        .filter(|p| !in_household.contains(&p.id))
        .count();
    let singles = share(singles, adult_ids.len());
    assert!((0.33..=0.47).contains(&singles), "alleenstaand {singles}");

    let gaps: usize = adults.iter().map(|d| d.completeness().missing.len()).sum();
    let total: usize = adults.iter().map(|d| d.completeness().total).sum();
    let unknown = share(gaps, total);
    assert!((0.10..=0.20).contains(&unknown), "onbekend {unknown}");
}

#[test]
fn households_share_gemeente_and_address_and_are_valid() {
    let data = generate(10_000, 4, today());
    let by_id: HashMap<_, _> = data.persons.iter().map(|p| (p.id, p)).collect();
    let mut later = (0, 0);
    for h in &data.households {
        assert!((2..=7).contains(&h.leden.len()));
        assert_eq!(validate_leden(&h.leden), Ok(()));
        assert!(validate_omschrijving(&h.omschrijving).is_ok());
        let address =
            |d: &PersonDetails| (d.straat.clone(), d.huisnummer.clone(), d.postcode.clone());
        let first = by_id[&h.leden[0].persoon_id];
        assert_eq!(h.leden[0].relatie, Relatie::Referentiepersoon);
        for lid in &h.leden {
            let p = by_id[&lid.persoon_id];
            assert_eq!(p.gemeente, h.gemeente);
            assert_eq!(address(&p.details), address(&first.details));
            if lid.relatie != Relatie::Referentiepersoon {
                later.1 += 1;
                later.0 += usize::from(lid.nareiziger);
            }
        }
    }
    let nareizigers = share(later.0, later.1);
    assert!(
        (0.08..=0.35).contains(&nareizigers),
        "nareizigers {nareizigers}"
    );
}

#[test]
fn ages_and_regisseurs_fit_adults_and_children() {
    let data = generate(10_000, 5, today());
    let regisseur_of: HashMap<_, _> = data.staff.iter().map(|s| (s.id, s.organisatie)).collect();
    let (mut adults, mut unassigned, mut unassigned_adults) = (0, 0, 0);
    for p in &data.persons {
        let age = p.details.geboortedatum.and_then(|b| today().years_since(b));
        if is_adult(&p.details) {
            adults += 1;
            assert!(age.is_none_or(|a| (18..=67).contains(&a)), "{age:?}");
        } else {
            assert!(age.is_some_and(|a| a <= 17));
        }
        match p.regisseur {
            Some(r) => assert_eq!(regisseur_of.get(&r), Some(&p.gemeente)),
            None => {
                unassigned += 1;
                if is_adult(&p.details) {
                    unassigned_adults += 1;
                    // Waiting for a regisseur means: koppeled in the last weeks.
                    if let Some(k) = p.details.datum_koppeling {
                        assert!((today() - k).num_days() <= 42, "{k}");
                    }
                }
            }
        }
    }
    let assigned = share(data.persons.len() - unassigned, data.persons.len());
    assert!(
        (0.92..=0.99).contains(&assigned),
        "met regisseur {assigned}"
    );
    // "Zonder regisseur" shows mostly adults awaiting assignment, not the children of assigned families.
    let adults_waiting = share(unassigned_adults, unassigned);
    assert!(
        adults_waiting > 0.5,
        "volwassenen zonder regisseur {adults_waiting}"
    );
    assert!(adults > 0);
}

#[test]
fn a_household_has_one_regisseur() {
    let data = generate(10_000, 9, today());
    let by_id: HashMap<_, _> = data.persons.iter().map(|p| (p.id, p)).collect();
    for h in &data.households {
        let first = by_id[&h.leden[0].persoon_id].regisseur;
        assert!(
            h.leden
                .iter()
                .all(|l| by_id[&l.persoon_id].regisseur == first)
        );
    }
}

#[test]
fn siblings_are_born_at_least_fifteen_months_apart_or_as_twins() {
    let data = generate(10_000, 10, today());
    let by_id: HashMap<_, _> = data.persons.iter().map(|p| (p.id, p)).collect();
    let mut pairs = 0;
    for h in &data.households {
        let mut births: Vec<NaiveDate> = h
            .leden
            .iter()
            .map(|l| &by_id[&l.persoon_id].details)
            .filter(|d| !is_adult(d))
            .filter_map(|d| d.geboortedatum)
            .collect();
        births.sort_unstable();
        for w in births.windows(2) {
            pairs += 1;
            let gap = (w[1] - w[0]).num_days();
            assert!(
                gap == 0 || gap >= 457,
                "broers/zussen {} dagen uit elkaar",
                gap
            );
        }
        // A child is at least 16 years younger than the parents (where their birth dates are known).
        let youngest_parent = h
            .leden
            .iter()
            .filter(|l| matches!(l.relatie, Relatie::Referentiepersoon | Relatie::Partner))
            .filter_map(|l| by_id[&l.persoon_id].details.geboortedatum)
            .max();
        if let (Some(parent), Some(child)) = (youngest_parent, births.first()) {
            assert!(
                child.years_since(parent).unwrap_or(0) >= 16,
                "{parent} {child}"
            );
        }
    }
    assert!(pairs > 100, "too few siblings to judge: {pairs}");
}

#[test]
fn every_household_passes_the_plausibility_check_of_the_household_form() {
    for seed in [13, 14, 15] {
        let data = generate(10_000, seed, today());
        let by_id: HashMap<_, _> = data.persons.iter().map(|p| (p.id, p)).collect();
        for h in &data.households {
            let leden: Vec<LidFeiten> = h
                .leden
                .iter()
                .map(|l| {
                    let d = &by_id[&l.persoon_id].details;
                    LidFeiten {
                        naam: d.display_name(),
                        relatie: l.relatie,
                        nareiziger: l.nareiziger,
                        geboortedatum: d.geboortedatum,
                    }
                })
                .collect();
            if let Err(e) = check_plausible(&leden, today()) {
                panic!(
                    "{}: {:?}",
                    h.omschrijving,
                    e.0.iter().map(|f| &f.message).collect::<Vec<_>>()
                );
            }
        }
    }
}

#[test]
fn the_regime_follows_the_koppeling_date() {
    let data = generate(10_000, 11, today());
    let wi2021_start = NaiveDate::from_ymd_opt(2022, 1, 1).expect("date");
    let mut wi2013 = 0;
    for p in &data.persons {
        if let (Some(regime), Some(k)) = (p.details.regime, p.details.datum_koppeling) {
            match regime {
                Regime::Wi2013 => {
                    wi2013 += 1;
                    assert!(k < wi2021_start, "Wi2013 met koppeling {k}");
                }
                Regime::Wi2021 => assert!(k >= wi2021_start, "Wi2021 met koppeling {k}"),
                Regime::NietInburgeringsplichtig => {}
            }
        }
    }
    assert!(wi2013 > 0);
}

#[test]
fn the_data_depends_on_the_reference_date_not_on_today() {
    let a = generate(1_000, 12, super::REFERENCE_DATE);
    let b = generate(1_000, 12, super::REFERENCE_DATE);
    assert!(
        a.persons
            .iter()
            .zip(&b.persons)
            .all(|(x, y)| x.details == y.details)
    );
    assert_eq!(super::Seed::new(12).reference, super::REFERENCE_DATE);
    let later = generate(1_000, 12, super::REFERENCE_DATE + chrono::Days::new(30));
    assert_ne!(
        a.persons[0].details.datum_koppeling,
        later.persons[0].details.datum_koppeling
    );
}

#[test]
fn large_sets_are_national_and_region_accounts_are_documented() {
    let data = generate(6_000, 6, today());
    assert_eq!(data.gemeenten, 342);
    assert_eq!(data.organisations.len(), 342 + 15);
    assert_eq!(data.persons.len(), 6_000);
    let small = generate(600, 6, today());
    assert_eq!(small.gemeenten, 3);
    let accounts = super::region_accounts(&small);
    let emails: Vec<_> = accounts.iter().map(|a| a.email.as_str()).collect();
    assert!(emails.contains(&"regisseur@weert.example"));
    assert!(emails.contains(&"regisseur2@nederweert.example"));
    assert!(emails.contains(&"privacy@cranendonck.example"));
    // Gemeente accounts hold one role; the partner accounts are printed too, with partner roles only.
    for a in &accounts {
        assert!(!a.naam.is_empty());
        if a.rollen.iter().any(|r| r.is_partner_role()) {
            assert!(a.rollen.iter().all(|r| r.is_partner_role()), "{}", a.email);
        } else {
            assert_eq!(a.rollen.len(), 1, "{}", a.email);
        }
    }
    for partner in [
        "taalschool@weert.example",
        "werkbedrijf@weert.example",
        "vluchtelingenwerk@weert.example",
    ] {
        assert!(emails.contains(&partner), "{partner}");
    }
    let national = super::region_accounts(&data);
    assert!(national.iter().all(|a| !a.email.contains("demogemeente")));
}
