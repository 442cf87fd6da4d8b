//! The trajectory demo data: every stage, real deadlines for the showcase regisseur, versions and
//! DUO's registration rules kept, the same output for the same seed.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use wegwijs_domain::ids::PersonId;
use wegwijs_storage::bulk::BulkPerson;
use wegwijs_storage::bulk_trajectory::{BulkPip, Traject};

use super::REFERENCE_DATE;
use super::generate::{DemoData, generate};
use super::trajectory::Fase;

fn data() -> DemoData {
    generate(2_000, 2021, REFERENCE_DATE)
}

fn plus_days(d: NaiveDate, n: i64) -> NaiveDate {
    d + chrono::Duration::days(n)
}

fn pips_by_person(t: &Traject) -> HashMap<PersonId, Vec<&BulkPip>> {
    let mut m: HashMap<PersonId, Vec<&BulkPip>> = HashMap::new();
    for p in &t.pips {
        m.entry(p.persoon).or_default().push(p);
    }
    m.values_mut().for_each(|v| v.sort_by_key(|p| p.nummer));
    m
}

#[test]
fn every_stage_occurs_for_the_region_and_for_the_showcase_regisseur() {
    let data = data();
    let seen: HashSet<Fase> = data.traject.fasen.iter().map(|(_, f)| *f).collect();
    assert_eq!(seen.len(), Fase::ALL.len(), "{seen:?}");
    let showcase = data.staff[0].id;
    assert_eq!(data.staff[0].email, "regisseur@weert.example");
    let mine: HashSet<PersonId> = data
        .persons
        .iter()
        .filter(|p| p.regisseur == Some(showcase))
        .map(|p| p.id)
        .collect();
    let stages: HashSet<Fase> = data
        .traject
        .fasen
        .iter()
        .filter(|(p, _)| mine.contains(p))
        .map(|(_, f)| *f)
        .collect();
    assert_eq!(
        stages.len(),
        Fase::ALL.len(),
        "showcase caseload: {stages:?}"
    );
    for (table, n) in data.traject.rows.counts() {
        assert!(n > 0, "no rows for {table}");
    }
}

#[test]
fn versions_have_increasing_dagtekening_stable_goals_and_only_the_last_vastgesteld() {
    let data = data();
    let t = &data.traject.rows;
    let mut several = 0;
    for versions in pips_by_person(t).values() {
        let numbers: Vec<i32> = versions.iter().map(|p| p.nummer).collect();
        assert_eq!(numbers, (1..=versions.len() as i32).collect::<Vec<_>>());
        let (last, older) = versions.split_last().expect("one version at least");
        assert!(
            older
                .iter()
                .all(|p| p.status == "vervangen" && p.dagtekening.is_some())
        );
        assert!(last.status == "vastgesteld" || (last.status == "concept" && versions.len() == 1));
        let dates: Vec<_> = versions.iter().filter_map(|p| p.dagtekening).collect();
        assert!(dates.windows(2).all(|w| w[0] < w[1]), "M-2: {dates:?}");
        if versions.len() > 1 {
            several += 1;
            let goals = |pip: &BulkPip| {
                t.pip_doelen
                    .iter()
                    .filter(|d| d.pip_id == pip.id)
                    .map(|d| d.doel_id)
                    .collect::<HashSet<_>>()
            };
            assert!(
                goals(versions[0]).is_subset(&goals(last)),
                "goal ids copied"
            );
            assert!(last.reden.is_some());
        }
    }
    assert!(several > 10, "{several} persons with several versions");
}

#[test]
fn generated_pips_keep_duos_registration_rules() {
    let data = data();
    let t = &data.traject.rows;
    let persons: HashMap<PersonId, &BulkPerson> = data.persons.iter().map(|p| (p.id, p)).collect();
    for pip in &t.pips {
        let p = persons[&pip.persoon];
        let (route, niveau) = (pip.leerroute, pip.niveau);
        assert!(
            !(niveau == Some("A2") && route == Some("O")),
            "M-4: A2 with O"
        );
        assert!(
            !(niveau == Some("B1") && route == Some("Z")),
            "M-4: B1 with Z"
        );
        assert!(
            !(pip.nummer == 1 && niveau == Some("A2") && route == Some("B")),
            "M-4: first PIP B + A2"
        );
        if pip.intensiteit_uren.is_some() {
            let asiel =
                p.details.doelgroep == Some(wegwijs_domain::person::Doelgroep::Asielstatushouder);
            assert!(route == Some("B") && asiel, "M-5");
        }
        if let Some(dt) = pip.dagtekening {
            let d = &p.details;
            assert!(d.datum_kennisgeving_duo.is_some_and(|k| dt >= k), "M-1");
            assert!(d.datum_brp_inschrijving.is_some_and(|b| dt >= b), "M-3");
            assert!(d.datum_huisvesting.is_none_or(|h| dt >= h), "M-3 housing");
            assert!(dt <= REFERENCE_DATE);
        }
        if pip.reden == Some("afschalen") {
            let dt = pip.dagtekening.expect("vastgesteld");
            let hours: i32 = t
                .uren
                .iter()
                .filter(|u| u.persoon == pip.persoon && u.soort == "nt2_cursus" && u.tot < dt)
                .map(|u| u.uren)
                .sum();
            assert!(hours >= 600, "afschalen after {hours} hours");
        }
    }
}

#[test]
fn trajectory_dates_never_pass_the_reference_date() {
    let data = data();
    let t = &data.traject.rows;
    let today = REFERENCE_DATE;
    assert!(t.intake_gesprekken.iter().all(|g| g.datum <= today));
    assert!(t.uren.iter().all(|u| u.van <= u.tot && u.tot <= today));
    assert!(t.examens.iter().all(|e| e.datum <= today));
    assert!(
        t.voortgangsgesprekken
            .iter()
            .all(|r| r.gehouden_op.is_none_or(|g| g <= today))
    );
    assert!(t.afrondingen.iter().all(|a| {
        [a.pvt_ondertekend_op, a.map_eindgesprek_op, a.voldaan_op]
            .iter()
            .flatten()
            .all(|d| *d <= today)
    }));
    let pips = pips_by_person(t);
    for a in &t.afrondingen {
        // M-7: PVT and MAP dates not before the termijn's start.
        let start = pips[&a.persoon]
            .iter()
            .filter_map(|p| p.dagtekening)
            .min()
            .map(|d| plus_days(d, 1));
        for d in [a.pvt_ondertekend_op, a.map_eindgesprek_op]
            .into_iter()
            .flatten()
        {
            assert!(start.is_some_and(|s| d >= s), "M-7");
            assert!(a.z_eindgesprek_op.is_none_or(|z| d <= z), "M-7 Z-route");
        }
    }
}

#[test]
fn same_seed_same_trajectory() {
    let a = generate(1_000, 7, REFERENCE_DATE);
    let b = generate(1_000, 7, REFERENCE_DATE);
    let c = generate(1_000, 8, REFERENCE_DATE);
    let key = |d: &DemoData| {
        d.traject
            .rows
            .pips
            .iter()
            .map(|p| (p.id, p.dagtekening, p.status))
            .collect::<Vec<_>>()
    };
    assert_eq!(key(&a), key(&b));
    assert_eq!(a.traject.rows.counts(), b.traject.rows.counts());
    assert_eq!(a.traject.fasen, b.traject.fasen);
    assert_ne!(key(&a), key(&c));
}
