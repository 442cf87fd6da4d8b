//! The showcase regisseur's caseload has the deadlines the werkvoorraad is for, computed straight from
//! the generated rows with the design's facts (PIP: kennisgeving + 70 days; reviews every 3 months;
//! termijn: 36 months from the day after the first dagtekening; no contact for 30 days).

use chrono::{Months, NaiveDate};
use wegwijs_storage::bulk::BulkPerson;
use wegwijs_storage::bulk_trajectory::BulkPip;

use super::REFERENCE_DATE;
use super::generate::{DemoData, generate};

fn plus_days(d: NaiveDate, n: i64) -> NaiveDate {
    d + chrono::Duration::days(n)
}

/// What the werkvoorraad will flag, computed straight from the rows (the design's facts).
#[derive(Default, Debug)]
struct Deadlines {
    pip_te_laat: bool,
    pip_binnen_twee_weken: bool,
    review_te_laat: bool,
    review_gepland: bool,
    termijn_binnen_zes_maanden: bool,
    intake_open: bool,
    geen_contact: bool,
}

fn deadlines(data: &DemoData, p: &BulkPerson) -> Deadlines {
    let today = REFERENCE_DATE;
    let t = &data.traject.rows;
    let pips: Vec<&BulkPip> = t.pips.iter().filter(|x| x.persoon == p.id).collect();
    let vastgesteld = pips.iter().find(|x| x.status == "vastgesteld");
    let first = pips.iter().filter_map(|x| x.dagtekening).min();
    let voldaan = t
        .afrondingen
        .iter()
        .any(|a| a.persoon == p.id && a.voldaan_op.is_some());
    let reviews: Vec<_> = t
        .voortgangsgesprekken
        .iter()
        .filter(|r| r.persoon == p.id)
        .collect();
    let last_held = reviews.iter().filter_map(|r| r.gehouden_op).max();
    let planned_ahead = reviews
        .iter()
        .any(|r| r.gehouden_op.is_none() && r.gepland_op >= today);
    let intake = t.intakes.iter().find(|i| i.persoon == p.id);
    let last_talk = t
        .intake_gesprekken
        .iter()
        .filter(|g| g.persoon == p.id)
        .map(|g| g.datum)
        .max();
    let mut d = Deadlines::default();
    if let (Some(duo), None, true) = (
        p.details.datum_kennisgeving_duo,
        vastgesteld,
        intake.is_some(),
    ) {
        let due = plus_days(duo, 70);
        d.pip_te_laat = due < today;
        d.pip_binnen_twee_weken = due >= today && due <= plus_days(today, 14);
    }
    if let (Some(_), Some(first), false) = (vastgesteld, first, voldaan) {
        let since = last_held.unwrap_or(first);
        d.review_te_laat = since
            .checked_add_months(Months::new(3))
            .is_some_and(|x| x < today)
            && !planned_ahead;
        d.review_gepland = planned_ahead;
        let end = plus_days(first, 1).checked_add_months(Months::new(36));
        d.termijn_binnen_zes_maanden =
            end.is_some_and(|e| e >= today && e <= plus_days(today, 183));
    }
    d.intake_open = intake.is_some_and(|i| i.afgerond_op.is_none());
    let contact = last_held.max(last_talk);
    d.geen_contact = !voldaan && contact.is_some_and(|c| c < plus_days(today, -30));
    d
}

#[test]
fn the_showcase_regisseur_has_overdue_and_upcoming_deadlines() {
    let data = generate(2_000, 2021, REFERENCE_DATE);
    let showcase = data.staff[0].id;
    let all: Vec<Deadlines> = data.persons.iter().map(|p| deadlines(&data, p)).collect();
    let mine: Vec<&Deadlines> = data
        .persons
        .iter()
        .zip(&all)
        .filter(|(p, _)| p.regisseur == Some(showcase))
        .map(|(_, d)| d)
        .collect();
    let any = |v: &[&Deadlines], f: fn(&Deadlines) -> bool| v.iter().any(|d| f(d));
    assert!(any(&mine, |d| d.pip_te_laat), "PIP overdue");
    assert!(any(&mine, |d| d.review_te_laat), "review overdue");
    assert!(any(&mine, |d| d.review_gepland), "review planned");
    assert!(any(&mine, |d| d.intake_open), "intake incomplete");
    assert!(any(&mine, |d| d.geen_contact), "no contact for 30 days");
    let region: Vec<&Deadlines> = all.iter().collect();
    assert!(
        any(&region, |d| d.pip_binnen_twee_weken),
        "PIP due within 2 weeks"
    );
    assert!(
        any(&region, |d| d.termijn_binnen_zes_maanden),
        "termijn ending within 6 months"
    );
}
