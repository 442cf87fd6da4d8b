//! The intake queue (issue 7): new inburgeringsplichtigen without regisseur or without brede intake,
//! oldest koppeling first, only the own gemeente, each person shown logged as listed.

use axum::http::StatusCode;
use chrono::{NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};
use wegwijs_domain::person::RawPerson;

use crate::harness::TestApp;
use crate::taakstelling::koppeling_row;

async fn person(
    app: &TestApp,
    gemeente: OrganisatieId,
    regisseur: Option<GebruikerId>,
    naam: &str,
    doelgroep: Option<&str>,
    koppeling: Option<&str>,
) -> Uuid {
    let raw = RawPerson {
        voornamen: Some("Wacht".into()),
        geslachtsnaam: Some(naam.into()),
        geboortedatum: Some("1990-05-17".into()),
        datum_koppeling: koppeling.map(str::to_string),
        doelgroep: doelgroep.map(str::to_string),
        ..RawPerson::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    app.insert_person(gemeente, regisseur, &raw, today).await
}

/// An `intakes` row for `person`: the brede intake has started.
async fn start_intake(app: &TestApp, gemeente: OrganisatieId, person: Uuid) {
    const SQL: &str = "INSERT INTO intakes (persoon_id, gemeente_id, gestart_op, gewijzigd_op) \
         VALUES ($1, $2, $3, $4)";
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::on_tx_exec!(&mut tx, |c| sqlx::query(SQL)
        .bind(person)
        .bind(gemeente.0)
        .bind(NaiveDate::from_ymd_opt(2026, 6, 1).expect("date"))
        .bind(Utc::now())
        .execute(c)
        .await)
    .expect("insert intake");
    tx.commit().await.expect("commit");
}

fn position(body: &str, naam: &str) -> Option<usize> {
    body.find(naam)
}

#[tokio::test]
async fn a_new_person_without_intake_is_listed_and_drops_off_once_the_intake_starts() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let nieuw = person(
        &app,
        r.weert,
        Some(r.regisseur.id),
        "Nieuwkomer",
        Some("asielstatushouder"),
        Some("2026-03-01"),
    )
    .await;
    let page = app.get_page(&r.regisseur, "/intake-wachtrij").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("Nieuwkomer"));
    assert!(page.body.contains(&format!("/personen/{nieuw}/intake")));
    assert!(page.body.contains(&format!("href=\"/personen/{nieuw}\"")));
    assert!(page.body.contains("01-03-2026"));
    assert!(page.body.contains("Asielstatushouder") || page.body.contains("asielstatushouder"));
    assert_eq!(
        app.audit_actions(&nieuw.to_string()).await,
        ["persoon_in_lijst"]
    );
    start_intake(&app, r.weert, nieuw).await;
    let page = app.get_page(&r.regisseur, "/intake-wachtrij").await;
    assert!(!page.body.contains("Nieuwkomer"), "{}", page.body);
}

#[tokio::test]
async fn without_regisseur_is_listed_even_with_intake_and_oldest_koppeling_comes_first() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let zonder = person(
        &app,
        r.weert,
        None,
        "Zonderregisseur",
        Some("gezinsmigrant"),
        Some("2026-05-01"),
    )
    .await;
    start_intake(&app, r.weert, zonder).await;
    person(
        &app,
        r.weert,
        Some(r.regisseur.id),
        "Oudste",
        Some("asielstatushouder"),
        Some("2025-01-15"),
    )
    .await;
    person(
        &app,
        r.weert,
        Some(r.regisseur.id),
        "Onbekenddatum",
        Some("asielstatushouder"),
        None,
    )
    .await;
    // Neither doelgroep nor koppeling: not an inburgeringsplichtige known to the queue.
    person(
        &app,
        r.weert,
        None,
        "Geendoelgroep",
        None,
        Some("2024-01-01"),
    )
    .await;
    // No doelgroep, but a koppeling row: listed.
    let gekoppeld = person(
        &app,
        r.weert,
        None,
        "Viakoppeling",
        None,
        Some("2025-06-01"),
    )
    .await;
    koppeling_row(&app, r.weert, gekoppeld, 2025, 1).await;
    let page = app.get_page(&r.teamleider, "/intake-wachtrij").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let b = &page.body;
    assert!(b.contains("Zonder regisseur"));
    assert!(!b.contains("Geendoelgroep"));
    let oud = position(b, "Oudste").expect("oudste");
    let kop = position(b, "Viakoppeling").expect("via koppeling");
    let zr = position(b, "Zonderregisseur").expect("zonder regisseur");
    let onb = position(b, "Onbekenddatum").expect("onbekend");
    assert!(oud < kop && kop < zr && zr < onb, "{oud} {kop} {zr} {onb}");
}

#[tokio::test]
async fn another_gemeentes_persons_are_never_listed_and_other_roles_are_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let elders = person(
        &app,
        r.nederweert,
        None,
        "Nederweerter",
        Some("asielstatushouder"),
        Some("2026-01-01"),
    )
    .await;
    let page = app.get_page(&r.regisseur, "/intake-wachtrij").await;
    assert!(!page.body.contains("Nederweerter"));
    assert_eq!(app.audit_count(&elders.to_string()).await, 0);
    let there = app.get_page(&r.other_regisseur, "/intake-wachtrij").await;
    assert!(there.body.contains("Nederweerter"));
    for u in [&r.beleid, &r.beheerder, &r.privacy] {
        let res = app.get_page(u, "/intake-wachtrij").await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", u.email);
    }
    let caseload = app.get_page(&r.regisseur, "/caseload").await;
    assert!(caseload.body.contains("href=\"/intake-wachtrij\""));
}

#[tokio::test]
async fn every_person_shown_is_logged_as_listed() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let a = person(
        &app,
        r.weert,
        None,
        "Eerste",
        Some("asielstatushouder"),
        Some("2026-01-01"),
    )
    .await;
    let b = person(
        &app,
        r.weert,
        None,
        "Tweede",
        Some("asielstatushouder"),
        Some("2026-02-01"),
    )
    .await;
    let res = app.get_page(&r.teamleider, "/intake-wachtrij").await;
    assert_eq!(res.status, StatusCode::OK);
    for id in [a, b] {
        let actions = app.audit_actions(&id.to_string()).await;
        assert_eq!(actions, ["persoon_in_lijst"]);
    }
}
