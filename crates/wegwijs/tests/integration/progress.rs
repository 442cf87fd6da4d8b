//! Voortgang over HTTP on both databases: reviews, exams, hours, DUO besluiten, the afronding with
//! DUO's rules M-7/M-8 and "voldaan", the page with its forms, and the audit rows.

use axum::http::StatusCode;
use chrono::{Duration, NaiveDate, Utc};
use serde_json::{Value, json};
use uuid::Uuid;
use wegwijs_domain::ids::{OrganisatieId, PersonId};

use crate::harness::{TestApp, person_json};

pub fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date")
}

fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// A PIP version straight into storage (the PIP slice's pages are not needed for these tests).
pub async fn pip(
    app: &TestApp,
    g: OrganisatieId,
    person: &str,
    nummer: i32,
    status: &str,
    dagtekening: Option<NaiveDate>,
    doelen: &[(Uuid, &str)],
) {
    let id = PersonId(person.parse().expect("uuid"));
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::progress::insert_pip_for_tests(
        &mut tx,
        g,
        id,
        nummer,
        status,
        "B",
        "B1",
        dagtekening,
        doelen,
    )
    .await
    .expect("pip");
    tx.commit().await.expect("commit");
}

async fn put(app: &TestApp, key: &str, path: &str, body: &Value) -> crate::harness::TestResponse {
    app.api("PUT", path, Some(key), Some(&body.to_string()), None)
        .await
}

fn reason(res: &crate::harness::TestResponse, field: &str) -> String {
    let j = res.json();
    j["invalidParams"]
        .as_array()
        .and_then(|a| a.iter().find(|p| p["name"] == field))
        .map(|p| {
            format!(
                "{} {}",
                p["code"].as_str().unwrap_or(""),
                p["reason"].as_str().unwrap_or("")
            )
        })
        .unwrap_or_else(|| panic!("no error on {field}: {}", res.body))
}

#[tokio::test]
async fn a_review_is_planned_then_held_and_a_stale_versie_is_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let doel = Uuid::now_v7();
    pip(
        &app,
        r.weert,
        &p,
        1,
        "vastgesteld",
        Some(today() - Duration::days(100)),
        &[(doel, "Werk vinden")],
    )
    .await;
    let url = format!("/api/v1/personen/{p}/voortgangsgesprekken");
    let planned = (today() + Duration::days(10)).to_string();
    let res = app
        .post_api(&r.regisseur, &url, &json!({"geplandOp": planned}))
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let g = res.json();
    let gid = g["id"].as_str().expect("id").to_string();
    assert_eq!(g["versie"], 1);

    let held = json!({"versie": 1, "geplandOp": today().to_string(), "gehoudenOp": today().to_string(),
        "deelnemers": "regisseur, tolk", "besluiten": "Schakelen naar Z-route",
        "doelvoortgang": [{"doelId": doel, "voortgang": "Sollicitaties lopen", "status": "vertraagd"}],
        "pipAanpassen": true, "pipAanpassenReden": "schakelen"});
    let res = put(&app, &r.regisseur.api_key, &format!("{url}/{gid}"), &held).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let g = res.json();
    assert_eq!(g["versie"], 2);
    assert_eq!(g["doelvoortgang"][0]["status"], "vertraagd");
    assert_eq!(
        g["_links"]["pipNieuw"]["href"],
        format!("/personen/{p}/pips/nieuw?reden=schakelen")
    );

    let stale = put(&app, &r.regisseur.api_key, &format!("{url}/{gid}"), &held).await;
    assert_eq!(stale.status, StatusCode::CONFLICT, "{}", stale.body);

    let future = json!({"geplandOp": today().to_string(), "gehoudenOp": (today() + Duration::days(1)).to_string()});
    let res = app.post_api(&r.regisseur, &url, &future).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(reason(&res, "gehoudenOp").starts_with("out_of_range"));

    let other_goal = json!({"geplandOp": today().to_string(), "gehoudenOp": today().to_string(),
        "doelvoortgang": [{"doelId": Uuid::now_v7(), "status": "behaald"}]});
    let res = app.post_api(&r.regisseur, &url, &other_goal).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(reason(&res, "doelvoortgang").starts_with("unknown_value"));

    let list = app.get_api(&r.regisseur, &url).await.json();
    assert_eq!(
        list["voortgangsgesprekken"].as_array().map(Vec::len),
        Some(1)
    );
    let next = (today() + chrono::Months::new(3)).to_string();
    assert_eq!(
        list["volgendGesprekUiterlijk"], next,
        "last held + 3 months (default setting)"
    );
}

#[tokio::test]
async fn exams_and_hours_are_recorded_and_bad_input_is_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    pip(
        &app,
        r.weert,
        &p,
        1,
        "vastgesteld",
        Some(today() - Duration::days(100)),
        &[],
    )
    .await;
    let ex = format!("/api/v1/personen/{p}/examens");
    let res = app.post_api(&r.regisseur, &ex, &json!({"onderdeel": "LE", "niveau": "B1", "datum": today().to_string(), "uitslag": "Geslaagd"})).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json()["examens"][0]["onderdeel"], "LE");
    let res = app
        .post_api(
            &r.regisseur,
            &ex,
            &json!({"onderdeel": "XX", "niveau": "C2", "datum": "2026-13-01", "uitslag": "Prima"}),
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    for f in ["onderdeel", "niveau", "datum", "uitslag"] {
        reason(&res, f);
    }

    let uren = format!("/api/v1/personen/{p}/uren");
    let bad = json!({"soort": "pvt", "van": today().to_string(), "tot": (today() - Duration::days(3)).to_string(), "uren": 4});
    let res = app.post_api(&r.regisseur, &uren, &bad).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(reason(&res, "tot").starts_with("inconsistent"));
    let future = json!({"soort": "pvt", "van": today().to_string(), "tot": (today() + Duration::days(3)).to_string(), "uren": 4});
    assert_eq!(
        app.post_api(&r.regisseur, &uren, &future).await.status,
        StatusCode::BAD_REQUEST
    );
    let zero =
        json!({"soort": "map", "van": today().to_string(), "tot": today().to_string(), "uren": 0});
    assert_eq!(
        app.post_api(&r.regisseur, &uren, &zero).await.status,
        StatusCode::BAD_REQUEST
    );
    let ok = json!({"soort": "pvt", "van": (today() - Duration::days(30)).to_string(), "tot": today().to_string(), "uren": 12});
    let res = app.post_api(&r.regisseur, &uren, &ok).await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let stand = res.json()["stand"].clone();
    assert_eq!(stand[0]["soort"], "pvt");
    assert_eq!(stand[0]["gevolgd"], 12);
    assert_eq!(stand[0]["norm"], 12);
    assert_eq!(
        stand[3]["norm"], 788,
        "asiel: 800 participation hours minus PVT hours"
    );

    let acts = app.audit_actions(&p).await;
    assert_eq!(
        acts.iter().filter(|a| *a == "examen_vastgelegd").count(),
        1,
        "{acts:?}"
    );
    assert_eq!(
        acts.iter().filter(|a| *a == "uren_vastgelegd").count(),
        1,
        "{acts:?}"
    );
}

#[tokio::test]
async fn map_verwijtbaar_follows_duo_rules_m7_and_m8_and_names_them() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    // The termijn ended about a year ago.
    let dagtekening = today() - Duration::days(4 * 365);
    pip(&app, r.weert, &p, 1, "vastgesteld", Some(dagtekening), &[]).await;
    let url = format!("/api/v1/personen/{p}/afronding");
    let yesterday = (today() - Duration::days(1)).to_string();
    let key = &r.regisseur.api_key;

    let res = put(
        &app,
        key,
        &url,
        &json!({"versie": 0, "mapEindgesprekOp": yesterday}),
    )
    .await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
    let why = reason(&res, "mapVerwijtbaar");
    assert!(why.starts_with("duo_regel") && why.contains("M-8"), "{why}");

    let res = put(
        &app,
        key,
        &url,
        &json!({"versie": 0, "mapEindgesprekOp": yesterday, "mapVerwijtbaar": "Nee"}),
    )
    .await;
    assert!(
        reason(&res, "mapVerwijtbaar").contains("M-8"),
        "'Nee' only within two months of the end"
    );

    let inside = (dagtekening + Duration::days(30)).to_string();
    let res = put(
        &app,
        key,
        &url,
        &json!({"versie": 0, "pvtOndertekendOp": inside, "pvtVerwijtbaar": "Ja"}),
    )
    .await;
    assert!(
        reason(&res, "pvtVerwijtbaar").contains("M-8"),
        "no flag within the termijn"
    );

    let before = (dagtekening - Duration::days(5)).to_string();
    let res = put(
        &app,
        key,
        &url,
        &json!({"versie": 0, "pvtOndertekendOp": before}),
    )
    .await;
    assert!(reason(&res, "pvtOndertekendOp").contains("M-7"));

    let res = put(
        &app,
        key,
        &url,
        &json!({"versie": 0, "mapEindgesprekOp": (today() + Duration::days(2)).to_string()}),
    )
    .await;
    assert!(reason(&res, "mapEindgesprekOp").starts_with("out_of_range"));

    let res = put(&app, key, &url, &json!({"versie": 0, "mapEindgesprekOp": yesterday, "mapVerwijtbaar": "Ja", "pvtOndertekendOp": inside})).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["versie"], 1);
    assert_eq!(res.json()["mapVerwijtbaar"], "Ja");
    let stale = put(
        &app,
        key,
        &url,
        &json!({"versie": 0, "pvtOndertekendOp": inside}),
    )
    .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);
    let acts = app.audit_actions(&p).await;
    assert_eq!(
        acts.iter().filter(|a| *a == "afronding_gewijzigd").count(),
        1,
        "refusals write nothing: {acts:?}"
    );
}

#[tokio::test]
async fn voldaan_is_refused_while_something_is_due_and_accepted_when_complete() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let dagtekening = today() - Duration::days(100);
    pip(&app, r.weert, &p, 1, "vastgesteld", Some(dagtekening), &[]).await;
    let url = format!("/api/v1/personen/{p}/afronding");
    let key = &r.regisseur.api_key;
    let t = today().to_string();
    let res = put(&app, key, &url, &json!({"versie": 0, "voldaanOp": t})).await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    let why = reason(&res, "voldaanOp");
    assert!(
        why.contains("examen LE") && why.contains("PVT") && why.contains("MAP"),
        "{why}"
    );

    let ex = format!("/api/v1/personen/{p}/examens");
    for o in ["LE", "LU", "SC", "SP"] {
        let res = app
            .post_api(
                &r.regisseur,
                &ex,
                &json!({"onderdeel": o, "niveau": "B1", "datum": t, "uitslag": "Geslaagd"}),
            )
            .await;
        assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    }
    app.post_api(
        &r.regisseur,
        &ex,
        &json!({"onderdeel": "KNM", "datum": t, "uitslag": "Geslaagd"}),
    )
    .await;
    let afgerond = json!({"versie": 0, "pvtOndertekendOp": t, "mapEindgesprekOp": t});
    assert_eq!(put(&app, key, &url, &afgerond).await.status, StatusCode::OK);
    let a = app.get_api(&r.regisseur, &url).await.json();
    assert_eq!(a["voldaanMogelijk"], "examen");
    let res = put(&app, key, &url, &json!({"versie": 1, "pvtOndertekendOp": t, "mapEindgesprekOp": t, "voldaanOp": t, "voldaanGrond": "z_route"})).await;
    assert!(reason(&res, "voldaanGrond").starts_with("state"));
    let res = put(
        &app,
        key,
        &url,
        &json!({"versie": 1, "pvtOndertekendOp": t, "mapEindgesprekOp": t, "voldaanOp": t}),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["voldaanGrond"], "examen");
}

#[tokio::test]
async fn a_full_ontheffing_ends_the_obligation_and_unknown_types_are_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let url = format!("/api/v1/personen/{p}/duo-besluiten");
    let t = today().to_string();
    let res = app
        .post_api(
            &r.regisseur,
            &url,
            &json!({"soort": "vrijstelling", "type": "MED", "volledig": true, "besluitdatum": t}),
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(reason(&res, "type").starts_with("unknown_value"));
    let res = app
        .post_api(
            &r.regisseur,
            &url,
            &json!({"soort": "ontheffing", "type": "MED", "volledig": true, "besluitdatum": t}),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    assert_eq!(res.json()["duoBesluiten"][0]["type"], "MED");
    let afr = format!("/api/v1/personen/{p}/afronding");
    let res = put(
        &app,
        &r.regisseur.api_key,
        &afr,
        &json!({"versie": 0, "voldaanOp": t}),
    )
    .await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    assert_eq!(res.json()["voldaanGrond"], "ontheffing");
    let acts = app.audit_actions(&p).await;
    assert!(
        acts.iter().any(|a| a == "duo_besluit_vastgelegd"),
        "{acts:?}"
    );
}

#[tokio::test]
async fn the_voortgang_page_shows_the_termijn_and_its_forms_keep_refused_input() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    pip(
        &app,
        r.weert,
        &p,
        1,
        "vastgesteld",
        Some(d("2026-01-14")),
        &[(Uuid::now_v7(), "Taal leren")],
    )
    .await;
    let page = app
        .get_page(&r.regisseur, &format!("/personen/{p}/voortgang"))
        .await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("14 januari 2029"),
        "laatste dag of the termijn"
    );
    assert!(
        page.body.contains("Taal leren"),
        "the goal appears in the review form"
    );

    let base = format!("/personen/{p}/voortgang");
    let res = app
        .post_form(
            &r.regisseur,
            &format!("{base}/examens"),
            &[
                ("onderdeel", "LE"),
                ("niveau", "B1"),
                ("datum", "31-02-2026"),
                ("uitslag", "Geslaagd"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("href=\"#examen-datum\"")
            && res.body.contains("Deze datum bestaat niet."),
        "{}",
        res.body
    );
    assert!(
        res.body.contains("value=\"31-02-2026\""),
        "the typed date is kept"
    );

    let res = app
        .post_form(
            &r.regisseur,
            &format!("{base}/examens"),
            &[
                ("onderdeel", "KNM"),
                ("niveau", ""),
                ("datum", "01-02-2026"),
                ("uitslag", "Geslaagd"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(res.location().contains("melding=opgeslagen"));

    let vandaag = today().format("%d-%m-%Y").to_string();
    let res = app
        .post_form(
            &r.regisseur,
            &format!("{base}/gesprekken"),
            &[
                ("gesprek", ""),
                ("geplandOp", &vandaag),
                ("gehoudenOp", &vandaag),
                ("besluiten", "Nieuwe route"),
                ("pipAanpassen", "ja"),
                ("pipAanpassenReden", "schakelen"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = app.get_page(&r.regisseur, &res.location()).await;
    assert!(
        page.body
            .contains(&format!("/personen/{p}/pips/nieuw?reden=schakelen")),
        "link to the new PIP version"
    );
    assert!(page.body.contains("Voortgangsgesprek opgeslagen"));

    // The reason the review gave is carried into the new version's concept.
    let nieuw = app
        .get_page(
            &r.regisseur,
            &format!("/personen/{p}/pips/nieuw?reden=schakelen"),
        )
        .await;
    assert!(
        nieuw.body.contains("name=\"reden\" value=\"schakelen\"")
            && nieuw.body.contains("Schakelen van leerroute"),
        "{}",
        nieuw.body
    );
    let res = app
        .post_form(
            &r.regisseur,
            &format!("/personen/{p}/pips/nieuw"),
            &[("reden", "schakelen")],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let lijst = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{p}/pips"))
        .await;
    assert!(
        lijst.body.contains("\"reden\":\"schakelen\""),
        "the concept has the review's reason: {}",
        lijst.body
    );

    let res = app
        .post_form(
            &r.regisseur,
            &format!("{base}/voldaan"),
            &[("versie", "0"), ("voldaanOp", &vandaag)],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("Nog niet voldaan"));
    let res = app
        .post_form(
            &r.regisseur,
            &format!("{base}/afronding"),
            &[("versie", "7"), ("pvtOndertekendOp", &vandaag)],
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    assert!(res.body.contains("Intussen gewijzigd"));

    let team = app.get_page(&r.teamleider, &base).await;
    assert_eq!(team.status, StatusCode::OK);
    assert!(
        !team.body.contains("action=\"/personen/"),
        "no forms without TrajectEdit"
    );
    let acts = app.audit_actions(&p).await;
    assert!(
        acts.iter().any(|a| a == "voortgang_vastgelegd")
            && acts.iter().any(|a| a == "traject_inzien"),
        "{acts:?}"
    );
}

#[tokio::test]
async fn api_dates_are_jjjj_mm_dd_in_1900_to_2100_while_forms_take_dag_maand_jaar() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    pip(
        &app,
        r.weert,
        &p,
        1,
        "vastgesteld",
        Some(today() - Duration::days(100)),
        &[],
    )
    .await;
    let ex = format!("/api/v1/personen/{p}/examens");
    let typed = json!({"onderdeel": "KNM", "datum": "15-01-2025", "uitslag": "Geslaagd"});
    let res = app.post_api(&r.regisseur, &ex, &typed).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    let why = reason(&res, "datum");
    assert!(
        why.contains("jjjj-mm-dd") && !why.contains("dag-maand-jaar"),
        "{why}"
    );
    let year = "out_of_range Vul een jaar tussen 1900 en 2100 in.";
    let ancient = json!({"onderdeel": "KNM", "datum": "0001-01-01", "uitslag": "Geslaagd"});
    let res = app.post_api(&r.regisseur, &ex, &ancient).await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert_eq!(reason(&res, "datum"), year);
    let uren = format!("/api/v1/personen/{p}/uren");
    let res = app
        .post_api(
            &r.regisseur,
            &uren,
            &json!({"soort": "pvt", "van": "0000-01-01", "tot": today().to_string(), "uren": 4}),
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert_eq!(reason(&res, "van"), year);
    let gesprekken = format!("/api/v1/personen/{p}/voortgangsgesprekken");
    let res = app
        .post_api(
            &r.regisseur,
            &gesprekken,
            &json!({"geplandOp": "9999-12-31"}),
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert_eq!(reason(&res, "geplandOp"), year);
    let res = app
        .post_api(
            &r.regisseur,
            &gesprekken,
            &json!({"geplandOp": "31-12-2030"}),
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert!(reason(&res, "geplandOp").contains("jjjj-mm-dd"));
    let examens = app.get_api(&r.regisseur, &ex).await.json();
    assert_eq!(examens["examens"].as_array().map(Vec::len), Some(0));

    // The form still reads dag-maand-jaar, and bounds the year the same way.
    let base = format!("/personen/{p}/voortgang/examens");
    let form = |datum: &'static str| {
        [
            ("onderdeel", "KNM"),
            ("niveau", ""),
            ("datum", datum),
            ("uitslag", "Geslaagd"),
        ]
    };
    let res = app
        .post_form(&r.regisseur, &base, &form("01-01-0001"))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("Vul een jaar tussen 1900 en 2100 in."),
        "{}",
        res.body
    );
    let res = app
        .post_form(&r.regisseur, &base, &form("01-02-2026"))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
}

#[tokio::test]
async fn hours_beyond_24_a_day_of_the_period_are_refused() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    let uren = format!("/api/v1/personen/{p}/uren");
    let dag = today().to_string();
    let res = app
        .post_api(
            &r.regisseur,
            &uren,
            &json!({"soort": "map", "van": dag, "tot": dag, "uren": 25}),
        )
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST, "{}", res.body);
    assert_eq!(
        reason(&res, "uren"),
        "out_of_range In één dag passen hoogstens 24 uur. Kijk het aantal uren en de data na."
    );
    let res = app
        .post_api(
            &r.regisseur,
            &uren,
            &json!({"soort": "map", "van": dag, "tot": dag, "uren": 24}),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);

    let week_ago = (today() - Duration::days(6)).format("%d-%m-%Y").to_string();
    let vandaag = today().format("%d-%m-%Y").to_string();
    let res = app
        .post_form(
            &r.regisseur,
            &format!("/personen/{p}/voortgang/uren"),
            &[
                ("soort", "map"),
                ("van", &week_ago),
                ("tot", &vandaag),
                ("uren", "169"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("In 7 dagen passen hoogstens 168 uur."),
        "{}",
        res.body
    );
}

#[tokio::test]
async fn an_overdue_review_says_te_laat_and_a_newer_pip_ends_the_request_for_one() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Amal", "Haddad", None))
        .await;
    // The first review is due months after the PIP: long past.
    pip(
        &app,
        r.weert,
        &p,
        1,
        "vastgesteld",
        Some(today() - Duration::days(300)),
        &[],
    )
    .await;
    let base = format!("/personen/{p}/voortgang");
    let page = app.get_page(&r.regisseur, &base).await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    let regel = page
        .body
        .split("Volgend gesprek uiterlijk:")
        .nth(1)
        .and_then(|rest| rest.split("</p>").next())
        .unwrap_or_default()
        .to_string();
    assert!(regel.contains("te laat"), "{regel}");

    let held = (today() - Duration::days(10)).to_string();
    let res = app
        .post_api(
            &r.regisseur,
            &format!("/api/v1/personen/{p}/voortgangsgesprekken"),
            &json!({"geplandOp": held, "gehoudenOp": held, "pipAanpassen": true, "pipAanpassenReden": "schakelen"}),
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let gid = res.json()["id"].as_str().expect("id").to_string();
    let nieuw = format!("/personen/{p}/pips/nieuw?reden=schakelen");
    let page = app.get_page(&r.regisseur, &base).await;
    assert!(page.body.contains(&nieuw), "asked for, not yet made");
    assert!(
        !page
            .body
            .split("Volgend gesprek uiterlijk:")
            .nth(1)
            .and_then(|rest| rest.split("</p>").next())
            .unwrap_or_default()
            .contains("te laat"),
        "the review held ten days ago resets the clock"
    );

    // Version 2 decided after the review answers it: no link on the page nor in the API.
    pip(
        &app,
        r.weert,
        &p,
        2,
        "vastgesteld",
        Some(today() - Duration::days(5)),
        &[],
    )
    .await;
    let page = app.get_page(&r.regisseur, &base).await;
    assert!(!page.body.contains(&nieuw), "{}", page.body);
    let lijst = app
        .get_api(
            &r.regisseur,
            &format!("/api/v1/personen/{p}/voortgangsgesprekken"),
        )
        .await;
    assert_eq!(lijst.status, StatusCode::OK, "{}", lijst.body);
    let alle = lijst.json();
    let g = alle["voortgangsgesprekken"]
        .as_array()
        .and_then(|a| a.iter().find(|g| g["id"] == gid.as_str()))
        .cloned()
        .unwrap_or_default();
    assert!(g["_links"]["pipNieuw"].is_null(), "{g}");
    assert_eq!(g["pipAanpassen"], true, "the decision itself stays");
}
