//! The werkvoorraad (issue 7): the regisseur's list of actions, most urgent first, who may see whose,
//! the API with the same rows, the audit rows, and the dossier's timeline. Trajectory rows are
//! inserted straight into the 0009 tables (the slices that write them through use cases are merged
//! later), on both databases.

use std::sync::Arc;

use axum::http::StatusCode;
use chrono::{NaiveDate, TimeZone, Utc};
use uuid::Uuid;
use wegwijs_domain::clock::FixedClock;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};
use wegwijs_domain::person::RawPerson;
use wegwijs_storage::Tx;

use crate::harness::{Region, TestApp, test_config};

/// Runs one statement with its binds in a committed transaction, on either backend.
macro_rules! run {
    ($app:expr, $sql:expr $(, $b:expr)*) => {{
        let mut tx = $app.db.begin().await.expect("tx");
        match &mut tx {
            Tx::Sqlite(t) => { sqlx::query($sql)$(.bind($b))*.execute(&mut **t).await.expect($sql); }
            Tx::Pg(t) => { sqlx::query($sql)$(.bind($b))*.execute(&mut **t).await.expect($sql); }
        }
        tx.commit().await.expect("commit");
    }};
}

fn d(s: &str) -> NaiveDate {
    s.parse().expect("date")
}

/// Monday 15 June 2026, noon in the Netherlands.
async fn spawn() -> TestApp {
    let now = Utc
        .with_ymd_and_hms(2026, 6, 15, 10, 0, 0)
        .single()
        .expect("moment");
    TestApp::spawn_with_clock(test_config(), Arc::new(FixedClock(now))).await
}

async fn person(
    app: &TestApp,
    gemeente: OrganisatieId,
    regisseur: GebruikerId,
    naam: &str,
    kennisgeving: Option<&str>,
) -> Uuid {
    let raw = RawPerson {
        voornamen: Some("Test".into()),
        geslachtsnaam: Some(naam.into()),
        geboortedatum: Some("1990-05-17".into()),
        doelgroep: Some("asielstatushouder".into()),
        datum_brp_inschrijving: Some("2026-02-01".into()),
        datum_kennisgeving_duo: kennisgeving.map(str::to_string),
        ..RawPerson::default()
    };
    app.insert_person(gemeente, Some(regisseur), &raw, d("2026-06-15"))
        .await
}

async fn intake(app: &TestApp, g: OrganisatieId, p: Uuid, gestart: &str, afgerond: Option<&str>) {
    run!(
        app,
        "INSERT INTO intakes (persoon_id, gemeente_id, gestart_op, afgerond_op, gewijzigd_op) VALUES ($1, $2, $3, $4, $5)",
        p,
        g.0,
        d(gestart),
        afgerond.map(d),
        Utc::now()
    );
    // A conversation is contact: no "geen contact" row in these tests.
    run!(
        app,
        "INSERT INTO intake_gesprekken (id, persoon_id, datum, plaats, aangemaakt_op) VALUES ($1, $2, $3, 'azc', $4)",
        Uuid::now_v7(),
        p,
        d("2026-06-01"),
        Utc::now()
    );
}

async fn pip(
    app: &TestApp,
    g: OrganisatieId,
    p: Uuid,
    nummer: i64,
    status: &str,
    dagtekening: &str,
) {
    run!(
        app,
        "INSERT INTO pip_versies (id, persoon_id, gemeente_id, nummer, status, leerroute, niveau, dagtekening, aangemaakt_op, gewijzigd_op) \
         VALUES ($1, $2, $3, $4, $5, 'B', 'B1', $6, $7, $7)",
        Uuid::now_v7(),
        p,
        g.0,
        nummer,
        status.to_string(),
        d(dagtekening),
        Utc::now()
    );
}

struct Setup {
    app: TestApp,
    r: Region,
    /// PIP overdue (due 11-05-2026), intake not finished.
    pip_te_laat: Uuid,
    /// PIP 1 on 10-03-2026 (replaced by 2 on 20-05-2026): review due 10-06-2026.
    review: Uuid,
    /// Voldaan: nothing to do.
    voldaan: Uuid,
    /// regisseur2's person with an overdue PIP.
    collega: Uuid,
}

async fn setup() -> Setup {
    let app = spawn().await;
    let r = app.region().await;
    let g = r.weert;
    let pip_te_laat = person(&app, g, r.regisseur.id, "Aziz", Some("2026-03-02")).await;
    intake(&app, g, pip_te_laat, "2026-05-01", None).await;
    let review = person(&app, g, r.regisseur.id, "Bakr", Some("2026-01-05")).await;
    intake(&app, g, review, "2026-02-01", Some("2026-03-01")).await;
    pip(&app, g, review, 1, "vervangen", "2026-03-10").await;
    pip(&app, g, review, 2, "vastgesteld", "2026-05-20").await;
    let voldaan = person(&app, g, r.regisseur.id, "Chahid", Some("2024-01-05")).await;
    intake(&app, g, voldaan, "2024-02-01", Some("2024-03-01")).await;
    pip(&app, g, voldaan, 1, "vastgesteld", "2024-03-10").await;
    run!(
        app,
        "INSERT INTO traject_afronding (persoon_id, voldaan_op, voldaan_grond, gewijzigd_op) VALUES ($1, $2, 'examen', $3)",
        voldaan,
        d("2026-05-01"),
        Utc::now()
    );
    let collega = person(&app, g, r.regisseur2.id, "Dahan", Some("2026-03-02")).await;
    intake(&app, g, collega, "2026-05-01", None).await;
    Setup {
        app,
        r,
        pip_te_laat,
        review,
        voldaan,
        collega,
    }
}

/// (person id, soort, uiterlijk, teLaat) of the API's rows, in order.
fn rows(v: &serde_json::Value) -> Vec<(String, String, String, bool)> {
    v["acties"]
        .as_array()
        .expect("acties")
        .iter()
        .map(|a| {
            (
                a["persoonId"].as_str().unwrap_or_default().to_string(),
                a["soort"].as_str().unwrap_or_default().to_string(),
                a["uiterlijk"].as_str().unwrap_or_default().to_string(),
                a["teLaat"].as_bool().unwrap_or_default(),
            )
        })
        .collect()
}

#[tokio::test]
async fn the_overdue_pip_comes_first_and_the_voldaan_person_has_no_rows() {
    let s = setup().await;
    let res = s.app.get_api(&s.r.regisseur, "/api/v1/werkvoorraad").await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let rows = rows(&res.json());
    let first = &rows[0];
    assert_eq!(
        (
            first.0.as_str(),
            first.1.as_str(),
            first.2.as_str(),
            first.3
        ),
        (
            s.pip_te_laat.to_string().as_str(),
            "pip_te_laat",
            "2026-05-11",
            true
        )
    );
    assert!(
        rows.contains(&(
            s.review.to_string(),
            "voortgang_nodig".into(),
            "2026-06-10".into(),
            true
        )),
        "review due three months after the first PIP: {rows:?}"
    );
    let voldaan = s.voldaan.to_string();
    assert!(rows.iter().all(|r| r.0 != voldaan), "voldaan: no rows");
    assert!(
        rows.iter().all(|r| r.0 != s.collega.to_string()),
        "a regisseur sees only the own list"
    );
    // Each listed person is audited; a person with no row is not.
    assert!(
        s.app
            .audit_actions(&s.pip_te_laat.to_string())
            .await
            .contains(&"persoon_in_lijst".to_string())
    );
    assert!(
        !s.app
            .audit_actions(&voldaan)
            .await
            .contains(&"persoon_in_lijst".to_string())
    );

    // The page shows the same, with the link to where the PIP is made.
    let page = s.app.get_page(&s.r.regisseur, "/werkvoorraad").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("PIP te laat"), "{}", page.body);
    assert!(
        page.body
            .contains(&format!("/personen/{}/pips", s.pip_te_laat))
    );
    assert!(page.body.find("Aziz") < page.body.find("Bakr"));
    assert!(!page.body.contains("Chahid"));
}

#[tokio::test]
async fn the_pip_action_is_gone_once_the_pip_is_vastgesteld() {
    let s = setup().await;
    pip(
        &s.app,
        s.r.weert,
        s.pip_te_laat,
        1,
        "vastgesteld",
        "2026-06-12",
    )
    .await;
    let res = s.app.get_api(&s.r.regisseur, "/api/v1/werkvoorraad").await;
    let rows = rows(&res.json());
    let id = s.pip_te_laat.to_string();
    assert!(
        !rows.iter().any(|r| r.0 == id && r.1.starts_with("pip_")),
        "{rows:?}"
    );
}

#[tokio::test]
async fn the_filter_by_kind_keeps_only_that_kind() {
    let s = setup().await;
    let res = s
        .app
        .get_api(&s.r.regisseur, "/api/v1/werkvoorraad?soort=voortgang_nodig")
        .await;
    let rows = rows(&res.json());
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0].0, s.review.to_string());
    let page = s
        .app
        .get_page(&s.r.regisseur, "/werkvoorraad?soort=voortgang_nodig")
        .await;
    assert!(!page.body.contains("Aziz"));
    let bad = s
        .app
        .get_api(&s.r.regisseur, "/api/v1/werkvoorraad?soort=x")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn a_regisseur_cannot_open_a_colleagues_list_but_a_teamleider_picks() {
    let s = setup().await;
    let other = format!("/api/v1/werkvoorraad?regisseur={}", s.r.regisseur2.id.0);
    assert_eq!(
        s.app.get_api(&s.r.regisseur, &other).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        s.app
            .get_api(&s.r.regisseur, "/api/v1/werkvoorraad?regisseur=team")
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    let res = s.app.get_api(&s.r.teamleider, &other).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let ids: Vec<String> = rows(&res.json()).into_iter().map(|r| r.0).collect();
    assert!(!ids.is_empty() && ids.iter().all(|i| *i == s.collega.to_string()));
    let team = rows(
        &s.app
            .get_api(&s.r.teamleider, "/api/v1/werkvoorraad?regisseur=team")
            .await
            .json(),
    );
    for p in [s.pip_te_laat, s.review, s.collega] {
        assert!(team.iter().any(|r| r.0 == p.to_string()), "team lists {p}");
    }
    // The page: a select with the team and each regisseur, the chosen one selected.
    let page = s
        .app
        .get_page(
            &s.r.teamleider,
            &format!("/werkvoorraad?regisseur={}", s.r.regisseur2.id.0),
        )
        .await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("<select id=\"regisseur\" name=\"regisseur\">")
    );
    assert!(
        page.body
            .contains(&format!("value=\"{}\" selected", s.r.regisseur2.id.0))
    );
    assert!(page.body.contains("Dahan") && !page.body.contains("Aziz"));
    // Another gemeente's regisseur is unknown here; a malformed choice is refused.
    let elders = format!(
        "/api/v1/werkvoorraad?regisseur={}",
        s.r.other_regisseur.id.0
    );
    assert_eq!(
        s.app.get_api(&s.r.teamleider, &elders).await.status,
        StatusCode::NOT_FOUND
    );
    let bad = s
        .app
        .get_api(&s.r.teamleider, "/api/v1/werkvoorraad?regisseur=iemand")
        .await;
    assert_eq!(bad.status, StatusCode::BAD_REQUEST);
    assert_eq!(bad.json()["invalidParams"][0]["name"], "regisseur");
}

#[tokio::test]
async fn beleid_and_beheerder_get_no_werkvoorraad() {
    let s = setup().await;
    for u in [&s.r.beleid, &s.r.beheerder] {
        assert_eq!(
            s.app.get_api(u, "/api/v1/werkvoorraad").await.status,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            s.app.get_page(u, "/werkvoorraad").await.status,
            StatusCode::FORBIDDEN
        );
    }
}

#[tokio::test]
async fn the_werkvoorraad_is_the_regisseurs_start_page_and_the_counts_moved() {
    let s = setup().await;
    let home = s.app.get_page(&s.r.regisseur, "/").await;
    assert_eq!(home.location(), "/werkvoorraad");
    let home = s.app.get_page(&s.r.teamleider, "/").await;
    assert_eq!(home.location(), "/caseload");
    let counts = s
        .app
        .get_page(&s.r.teamleider, "/werkvoorraad/aantallen")
        .await;
    assert_eq!(counts.status, StatusCode::OK);
    assert!(counts.body.contains("Aantallen per regisseur"));
    // The stages follow the trajectory: one person each in intake, in traject and voldaan.
    let row = counts
        .body
        .split("<th scope=\"row\">Test regisseur@weert.test</th>")
        .nth(1)
        .and_then(|s| s.split("</tr>").next())
        .expect("stage row");
    let cells: Vec<&str> = row
        .split("<td>")
        .skip(1)
        .filter_map(|c| c.split("</td>").next())
        .collect();
    assert_eq!(cells, ["3", "0", "0", "0", "1", "1", "1"], "{row}");
    let list = s.app.get_page(&s.r.teamleider, "/werkvoorraad").await;
    assert!(list.body.contains("href=\"/werkvoorraad/aantallen\""));
}

#[tokio::test]
async fn the_timeline_shows_pip_versions_and_the_termijn_end() {
    let s = setup().await;
    let path = format!("/personen/{}/tijdlijn", s.review);
    let page = s.app.get_page(&s.r.regisseur, &path).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let b = &page.body;
    assert!(b.contains("<svg role=\"img\" aria-labelledby=\"tijdlijn-titel tijdlijn-uitleg\""));
    assert!(b.contains("PIP versie 1 vastgesteld (dagtekening)"));
    assert!(b.contains("PIP versie 2 vastgesteld (dagtekening)"));
    // The termijn runs from the first PIP: 11-03-2026 up to and including 10-03-2029.
    assert!(
        b.contains("10-03-2029</time>: Einde inburgeringstermijn"),
        "{b}"
    );
    assert!(b.contains("Volgend voortgangsgesprek <strong>(te laat)</strong>"));
    assert!(
        s.app
            .audit_actions(&s.review.to_string())
            .await
            .contains(&"traject_inzien".to_string())
    );
    // The dossier links to it; beleid does not see it; another gemeente does not find it.
    let dossier = s
        .app
        .get_page(&s.r.regisseur, &format!("/personen/{}", s.review))
        .await;
    assert!(dossier.body.contains(&format!("href=\"{path}\"")));
    assert_eq!(
        s.app.get_page(&s.r.beleid, &path).await.status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(
        s.app.get_page(&s.r.other_regisseur, &path).await.status,
        StatusCode::NOT_FOUND
    );
}

// --- glue: the gemeente's settings drive the werkvoorraad ---

#[tokio::test]
async fn the_gemeentes_contact_and_review_settings_change_the_werkvoorraad() {
    use wegwijs_domain::trajectory::settings::TrajectInstellingen;
    let s = setup().await;
    let before = rows(
        &s.app
            .get_api(&s.r.regisseur, "/api/v1/werkvoorraad")
            .await
            .json(),
    );
    assert!(before.contains(&(
        s.review.to_string(),
        "voortgang_nodig".into(),
        "2026-06-10".into(),
        true
    )));
    assert!(
        before.iter().all(|r| r.1 != "geen_contact"),
        "last contact 01-06-2026 is within the default 30 days: {before:?}"
    );
    // Reviews every 6 months, contact every 7 days.
    let wanted = TrajectInstellingen {
        voortgang_interval_maanden: 6,
        geen_contact_dagen: 7,
        ..TrajectInstellingen::default()
    };
    let mut tx = s.app.db.begin().await.expect("tx");
    wegwijs_storage::traject_settings::set(&mut tx, s.r.weert, false, &wanted, 0, Utc::now())
        .await
        .expect("settings");
    tx.commit().await.expect("commit");
    let after = rows(
        &s.app
            .get_api(&s.r.regisseur, "/api/v1/werkvoorraad")
            .await
            .json(),
    );
    let review = s.review.to_string();
    assert!(
        after
            .iter()
            .all(|r| !(r.0 == review && r.1 == "voortgang_nodig" && r.3)),
        "with a 6-month interval the review is due 10-09-2026, not late: {after:?}"
    );
    assert!(
        after
            .iter()
            .any(|r| r.0 == s.pip_te_laat.to_string() && r.1 == "geen_contact"),
        "14 days without contact exceeds the 7-day setting: {after:?}"
    );
}

/// The text of the `<option>` with this value.
fn option_label(body: &str, value: &str) -> String {
    body.split(&format!("<option value=\"{value}\">"))
        .nth(1)
        .and_then(|rest| rest.split("</option>").next())
        .unwrap_or_default()
        .to_string()
}

/// The table row (`<tr ...>...</tr>`) that mentions `text`.
fn row_with<'a>(body: &'a str, text: &str) -> &'a str {
    body.split("<tr")
        .find(|r| r.contains(text))
        .and_then(|r| r.split("</tr>").next())
        .unwrap_or("")
}

#[tokio::test]
async fn the_team_view_names_each_regisseur_and_every_name_links_to_the_dossier() {
    let s = setup().await;
    let page = s
        .app
        .get_page(&s.r.teamleider, "/werkvoorraad?regisseur=team")
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("<th scope=\"col\">Regisseur</th>"));
    let eigen = option_label(&page.body, &s.r.regisseur.id.0.to_string());
    let collega = option_label(&page.body, &s.r.regisseur2.id.0.to_string());
    assert!(!eigen.is_empty() && !collega.is_empty() && eigen != collega);
    let dahan = row_with(&page.body, "Dahan");
    assert!(
        dahan.contains(&format!("<td data-kop=\"Regisseur\">{collega}</td>")),
        "{dahan}"
    );
    assert!(
        dahan.contains(&format!("<a href=\"/personen/{}\">", s.collega)),
        "the name links to the dossier: {dahan}"
    );
    let aziz = row_with(&page.body, "Aziz");
    assert!(
        aziz.contains(&format!("<td data-kop=\"Regisseur\">{eigen}</td>")),
        "{aziz}"
    );
    assert!(
        aziz.contains(&format!("/personen/{}/pips", s.pip_te_laat)),
        "the action link stays: {aziz}"
    );

    // The own list: no regisseur column, the name still links to the dossier.
    let own = s.app.get_page(&s.r.regisseur, "/werkvoorraad").await;
    assert!(!own.body.contains("<th scope=\"col\">Regisseur</th>"));
    assert!(
        row_with(&own.body, "Aziz").contains(&format!("<a href=\"/personen/{}\">", s.pip_te_laat))
    );
}
