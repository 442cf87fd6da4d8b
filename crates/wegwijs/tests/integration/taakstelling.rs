//! Taakstelling per half-year (issue 7): the beheerder sets it (page and API, versions, field errors),
//! the aggregate roles read it with its realisatie (counts only), other roles are refused.

use axum::http::StatusCode;
use chrono::{NaiveDate, Utc};
use serde_json::json;
use uuid::Uuid;
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_domain::person::RawPerson;

use crate::harness::TestApp;

/// A person straight into storage, with this datum koppeling; returns its id.
pub async fn person_with_koppeling(
    app: &TestApp,
    gemeente: OrganisatieId,
    naam: &str,
    koppeling: Option<&str>,
) -> Uuid {
    let raw = RawPerson {
        voornamen: Some("Test".into()),
        geslachtsnaam: Some(naam.into()),
        geboortedatum: Some("1990-05-17".into()),
        datum_koppeling: koppeling.map(str::to_string),
        doelgroep: Some("asielstatushouder".into()),
        ..RawPerson::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    app.insert_person(gemeente, None, &raw, today).await
}

/// A koppelingen row for `person` counting towards the taakstelling of `jaar`-`halfjaar`.
pub async fn koppeling_row(
    app: &TestApp,
    gemeente: OrganisatieId,
    person: Uuid,
    jaar: i32,
    halfjaar: i32,
) {
    const SQL: &str = "INSERT INTO koppelingen (persoon_id, gemeente_id, taakstelling_jaar, \
         taakstelling_halfjaar, gewijzigd_op) VALUES ($1, $2, $3, $4, $5)";
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::on_tx_exec!(&mut tx, |c| sqlx::query(SQL)
        .bind(person)
        .bind(gemeente.0)
        .bind(jaar)
        .bind(halfjaar)
        .bind(Utc::now())
        .execute(c)
        .await)
    .expect("insert koppeling");
    tx.commit().await.expect("commit");
}

async fn setting_rows(app: &TestApp, gemeente: OrganisatieId) -> Vec<String> {
    const SQL: &str = "SELECT details FROM audit_log WHERE gemeente_id = $1 \
         AND actie = 'instelling_gewijzigd' ORDER BY id";
    let rows: Vec<Option<String>> = wegwijs_storage::on_pool!(&app.db, |p| sqlx::query_scalar(SQL)
        .bind(gemeente.0)
        .fetch_all(p)
        .await)
    .expect("audit");
    rows.into_iter().flatten().collect()
}

#[tokio::test]
async fn beheerder_sets_a_taakstelling_through_the_api_and_reads_it_back() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let res = app
        .api(
            "PUT",
            "/api/v1/taakstellingen/2027-1",
            Some(&r.beheerder.api_key),
            Some(&json!({"aantal": 25, "versie": 0}).to_string()),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["taakstelling"], 25);
    assert_eq!(res.json()["versie"], 1);
    let res = app
        .api(
            "PUT",
            "/api/v1/taakstellingen/2027-1",
            Some(&r.beheerder.api_key),
            Some(&json!({"aantal": 30, "versie": 1}).to_string()),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let list = app.get_api(&r.beheerder, "/api/v1/taakstellingen").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    let items = list.json()["taakstellingen"].clone();
    assert_eq!(items[0]["halfjaar"], "2027-1");
    assert_eq!(items[0]["taakstelling"], 30);
    assert_eq!(items[0]["versie"], 2);
    // Both changes are in the gemeente's log as settings, with the half-year and the number.
    let rows = setting_rows(&app, r.weert).await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert!(rows[1].contains("2027") && rows[1].contains("halfjaar 1") && rows[1].contains("30"));
}

#[tokio::test]
async fn a_stale_versie_is_409_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let put = |body: serde_json::Value| {
        let key = r.beheerder.api_key.clone();
        let app = &app;
        async move {
            app.api(
                "PUT",
                "/api/v1/taakstellingen/2027-2",
                Some(&key),
                Some(&body.to_string()),
                None,
            )
            .await
        }
    };
    assert_eq!(
        put(json!({"aantal": 10, "versie": 0})).await.status,
        StatusCode::OK
    );
    assert_eq!(
        put(json!({"aantal": 12, "versie": 1})).await.status,
        StatusCode::OK
    );
    let stale = put(json!({"aantal": 99, "versie": 1})).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);
    assert_eq!(stale.header("content-type"), "application/problem+json");
    // A new half-year posted as new while it exists is stale too.
    let again = put(json!({"aantal": 99, "versie": 0})).await;
    assert_eq!(again.status, StatusCode::CONFLICT, "{}", again.body);
    let list = app.get_api(&r.beheerder, "/api/v1/taakstellingen").await;
    assert_eq!(list.json()["taakstellingen"][0]["taakstelling"], 12);
    assert_eq!(setting_rows(&app, r.weert).await.len(), 2);
}

#[tokio::test]
async fn bad_input_is_400_with_invalid_params_per_field() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let put = |path: &'static str, body: serde_json::Value| {
        let key = r.beheerder.api_key.clone();
        let app = &app;
        async move {
            app.api("PUT", path, Some(&key), Some(&body.to_string()), None)
                .await
        }
    };
    let names = |res: &crate::harness::TestResponse| -> Vec<String> {
        res.json()["invalidParams"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|p| p["name"].as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    let neg = put(
        "/api/v1/taakstellingen/2027-1",
        json!({"aantal": -1, "versie": 0}),
    )
    .await;
    assert_eq!(neg.status, StatusCode::BAD_REQUEST, "{}", neg.body);
    assert_eq!(names(&neg), ["aantal"]);
    let year = put(
        "/api/v1/taakstellingen/1999-1",
        json!({"aantal": 1, "versie": 0}),
    )
    .await;
    assert_eq!(year.status, StatusCode::BAD_REQUEST, "{}", year.body);
    assert_eq!(names(&year), ["jaar"]);
    let half = put(
        "/api/v1/taakstellingen/2027-3",
        json!({"aantal": 1, "versie": 0}),
    )
    .await;
    assert_eq!(names(&half), ["halfjaar"]);
    let shape = put(
        "/api/v1/taakstellingen/2027",
        json!({"aantal": 1, "versie": 0}),
    )
    .await;
    assert_eq!(shape.status, StatusCode::BAD_REQUEST, "{}", shape.body);
    assert_eq!(names(&shape), ["halfjaar"]);
    let text = put(
        "/api/v1/taakstellingen/2027-1",
        json!({"aantal": "veel", "versie": 0}),
    )
    .await;
    assert_eq!(text.status, StatusCode::BAD_REQUEST, "{}", text.body);
    assert!(setting_rows(&app, r.weert).await.is_empty());
}

#[tokio::test]
async fn beleid_reads_the_realisatie_but_cannot_set_a_taakstelling() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let list = app.get_api(&r.beleid, "/api/v1/taakstellingen").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    let page = app.get_page(&r.beleid, "/rapportage/taakstelling").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(page.body.contains("<caption"));
    let home = app.get_page(&r.beleid, "/").await;
    assert!(home.body.contains("href=\"/rapportage/taakstelling\""));
    let put = app
        .api(
            "PUT",
            "/api/v1/taakstellingen/2027-1",
            Some(&r.beleid.api_key),
            Some(&json!({"aantal": 5, "versie": 0}).to_string()),
            None,
        )
        .await;
    assert_eq!(put.status, StatusCode::FORBIDDEN, "{}", put.body);
    let form = app.get_page(&r.beleid, "/beheer/taakstelling").await;
    assert_eq!(form.status, StatusCode::FORBIDDEN);
    let post = app
        .post_form(
            &r.beleid,
            "/beheer/taakstelling",
            &[
                ("jaar", "2027"),
                ("halfjaar", "1"),
                ("aantal", "5"),
                ("versie", "0"),
            ],
        )
        .await;
    assert_eq!(post.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn regisseur_gets_no_taakstelling_pages() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    for path in ["/beheer/taakstelling", "/rapportage/taakstelling"] {
        let res = app.get_page(&r.regisseur, path).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{path}");
    }
    let api = app.get_api(&r.regisseur, "/api/v1/taakstellingen").await;
    assert_eq!(api.status, StatusCode::FORBIDDEN);
    let caseload = app.get_page(&r.regisseur, "/caseload").await;
    assert!(!caseload.body.contains("/rapportage/taakstelling"));
}

#[tokio::test]
async fn the_beheer_form_saves_refuses_bad_input_next_to_the_field_and_detects_stale_versions() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let page = app.get_page(&r.beheerder, "/beheer/taakstelling").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.body.contains("<legend>Halfjaar</legend>"));
    let ok = app
        .post_form(
            &r.beheerder,
            "/beheer/taakstelling",
            &[
                ("jaar", "2026"),
                ("halfjaar", "2"),
                ("aantal", "40"),
                ("versie", "0"),
            ],
        )
        .await;
    assert_eq!(ok.status, StatusCode::SEE_OTHER, "{}", ok.body);
    let bad = app
        .post_form(
            &r.beheerder,
            "/beheer/taakstelling",
            &[
                ("jaar", "2026"),
                ("halfjaar", "2"),
                ("aantal", "-3"),
                ("versie", "1"),
            ],
        )
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(bad.body.contains("href=\"#aantal\""));
    assert!(bad.body.contains("id=\"aantal-fout\""));
    let stale = app
        .post_form(
            &r.beheerder,
            "/beheer/taakstelling",
            &[
                ("jaar", "2026"),
                ("halfjaar", "2"),
                ("aantal", "41"),
                ("versie", "0"),
            ],
        )
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    assert!(stale.body.contains("intussen"));
    let edit = app
        .get_page(&r.beheerder, "/beheer/taakstelling?jaar=2026&halfjaar=2")
        .await;
    assert!(edit.body.contains("value=\"40\""), "{}", edit.body);
    let report = app.get_page(&r.beheerder, "/rapportage/taakstelling").await;
    assert_eq!(report.status, StatusCode::OK);
}

#[tokio::test]
async fn realisatie_counts_koppelingen_per_half_year_and_never_another_gemeente() {
    // Today is fixed, so "datum koppeling reached" has a date on either side of it.
    let today = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 6, 15, 10, 0, 0).unwrap();
    let app = TestApp::spawn_with_clock(
        crate::harness::test_config(),
        std::sync::Arc::new(wegwijs_domain::clock::FixedClock(today)),
    )
    .await;
    let r = app.region().await;
    let res = app
        .api(
            "PUT",
            "/api/v1/taakstellingen/2026-1",
            Some(&r.beheerder.api_key),
            Some(&json!({"aantal": 5, "versie": 0}).to_string()),
            None,
        )
        .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    // Two arrived, one still to come (date in the future), one with unknown date.
    for (naam, datum) in [
        ("Een", Some("2026-02-01")),
        ("Twee", Some("2026-03-01")),
        ("Drie", Some("2026-09-01")),
        ("Vier", None),
    ] {
        let p = person_with_koppeling(&app, r.weert, naam, datum).await;
        koppeling_row(&app, r.weert, p, 2026, 1).await;
    }
    let elders = person_with_koppeling(&app, r.nederweert, "Elders", Some("2026-02-01")).await;
    koppeling_row(&app, r.nederweert, elders, 2026, 1).await;
    let list = app.get_api(&r.teamleider, "/api/v1/taakstellingen").await;
    assert_eq!(list.status, StatusCode::OK, "{}", list.body);
    let item = &list.json()["taakstellingen"][0];
    assert_eq!(item["halfjaar"], "2026-1");
    assert_eq!(item["taakstelling"], 5);
    assert_eq!(item["gekoppeld"], 4);
    assert_eq!(item["gerealiseerd"], 2);
    let page = app.get_page(&r.beleid, "/rapportage/taakstelling").await;
    assert!(page.body.contains("<td>4</td>") && page.body.contains("<td>2</td>"));
    // Counts only: no names on the report.
    assert!(!page.body.contains("Drie") && !page.body.contains("Elders"));
}
