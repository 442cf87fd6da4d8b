//! The koppeling pages (`/personen/{id}/koppeling`, its form) and the trajectory settings on
//! `/beheer/instellingen` (issue 7, koppeling slice), driven by plain form posts.

use axum::http::StatusCode;
use serde_json::json;

use crate::harness::{TestApp, TestResponse, TestUser};

mod settings;

async fn new_person(app: &TestApp, user: &TestUser) -> String {
    app.person(
        user,
        json!({"voornamen": "Amal", "geslachtsnaam": "Demouri"}),
    )
    .await
    .0
}

/// A filled-in koppeling form as a browser posts it (with its versions).
fn filled<'a>(naar: &'a str, versie: &'a str, persoon_versie: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("versie", versie),
        ("persoonVersie", persoon_versie),
        ("datumKoppeling", "10-01-2025"),
        ("taakstellingJaar", "2025"),
        ("taakstellingHalfjaar", "1"),
        ("azcLocatie", "AZC Budel"),
        ("coaContact", "J. de Vries"),
        ("profiel.huishouden", "gezin_met_kinderen"),
        ("profiel.talen.status", "bekend"),
        ("profiel.talen.toelichting", "Arabisch en Engels"),
        ("profiel.werk.status", "geen"),
        ("profiel.opleiding.status", ""),
        ("voorintake.kansenverkenner.datum", "01-12-2024"),
        ("voorintake.kansenverkenner.samenvatting", "Wil de zorg in."),
        ("toetsen.0.instrument", "noa"),
        ("toetsen.0.datum", "15-12-2024"),
        ("toetsen.0.scores.0.onderdeel", "Taalvaardigheid"),
        ("toetsen.0.scores.0.score", "62"),
        ("toetsen.0.scores.1.onderdeel", "Leerbaarheid"),
        ("toetsen.0.scores.1.score", "48"),
        ("toetsen.1.instrument", ""),
        ("overdracht.vanNaam", "P. Jansen"),
        ("overdracht.vanOrganisatie", "COA"),
        ("overdracht.naar", naar),
        ("overdracht.datum", "20-01-2025"),
        ("overdracht.besproken", "School van de kinderen."),
    ]
}

pub async fn koppeling_json(app: &TestApp, user: &TestUser, id: &str) -> serde_json::Value {
    app.get_api(user, &format!("/api/v1/personen/{id}/koppeling"))
        .await
        .json()
}

pub fn field_error(page: &TestResponse, field: &str) -> bool {
    page.body.contains(&format!("id=\"{field}-fout\""))
        && page.body.contains(&format!("href=\"#{field}\""))
}

#[tokio::test]
async fn the_koppeling_form_round_trips_by_form_post() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let id = new_person(&app, &r.regisseur).await;
    let dossier = app.get_page(&r.regisseur, &format!("/personen/{id}")).await;
    assert!(
        dossier
            .body
            .contains(&format!("href=\"/personen/{id}/koppeling\""))
    );
    assert!(dossier.body.contains("Koppeling en overdracht"));

    let form = app
        .get_page(&r.regisseur, &format!("/personen/{id}/koppeling/bewerken"))
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(form.body.contains("name=\"persoonVersie\" value=\"1\""));
    assert!(
        form.body.contains(&r.regisseur2.id.to_string()),
        "the regisseurs are the choices"
    );

    let naar = r.regisseur2.id.to_string();
    let path = format!("/personen/{id}/koppeling");
    let res = app
        .post_form(&r.regisseur, &path, &filled(&naar, "0", "1"))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        format!("{path}?melding=koppeling-opgeslagen")
    );

    let got = koppeling_json(&app, &r.regisseur, &id).await;
    assert_eq!(got["versie"], 1);
    assert_eq!(got["datumKoppeling"], "2025-01-10");
    assert_eq!(got["profiel"]["talen"]["toelichting"], "Arabisch en Engels");
    assert_eq!(got["profiel"]["werk"]["status"], "geen");
    assert_eq!(got["profiel"]["opleiding"]["status"], "onbekend");
    assert_eq!(got["toetsen"][0]["scores"][1]["score"], 48);
    assert_eq!(got["overdracht"]["naar"], naar);

    // The read view shows it, the form shows it again as typed, and the same post changes nothing.
    let show = app
        .get_page(
            &r.regisseur,
            &format!("{path}?melding=koppeling-opgeslagen"),
        )
        .await;
    assert_eq!(show.status, StatusCode::OK);
    assert!(show.body.contains("Koppeling en overdracht opgeslagen"));
    assert!(show.body.contains("10 januari 2025") && show.body.contains("Leerbaarheid"));
    let form = app
        .get_page(&r.regisseur, &format!("{path}/bewerken"))
        .await;
    assert!(form.body.contains("value=\"20-01-2025\""));
    let res = app
        .post_form(&r.regisseur, &path, &filled(&naar, "1", "2"))
        .await;
    assert_eq!(res.location(), format!("{path}?melding=ongewijzigd"));
    assert_eq!(koppeling_json(&app, &r.regisseur, &id).await["versie"], 1);
    let actions = app.audit_actions(&id).await;
    assert!(
        actions.contains(&"koppeling_gewijzigd".to_string()),
        "{actions:?}"
    );
}

#[tokio::test]
async fn a_field_error_is_shown_next_to_its_field_and_nothing_is_saved() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let id = new_person(&app, &r.regisseur).await;
    let naar = r.regisseur2.id.to_string();
    let mut post = filled(&naar, "0", "1");
    // The handover before the koppeling, and "bekend" without what is known.
    post.retain(|(k, _)| *k != "overdracht.datum" && *k != "profiel.talen.toelichting");
    post.push(("overdracht.datum", "05-01-2025"));
    post.push(("toetsen.0.scores.2.onderdeel", "Rekenen"));
    let res = app
        .post_form(&r.regisseur, &format!("/personen/{id}/koppeling"), &post)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(field_error(&res, "overdracht.datum"), "{}", res.body);
    assert!(res.body.contains("niet vóór de datum koppeling"));
    assert!(field_error(&res, "profiel.talen.toelichting"));
    assert!(
        res.body.contains("Toets 1: regel 3"),
        "the assessment row is named"
    );
    assert!(
        res.body.contains("value=\"AZC Budel\""),
        "the input is kept"
    );
    assert!(res.body.contains("name=\"versie\" value=\"0\""));
    let got = koppeling_json(&app, &r.regisseur, &id).await;
    assert_eq!(got["versie"], 0, "nothing saved");
    assert!(got["datumKoppeling"].is_null());
}

/// The opening tag of the input or select with this id.
fn tag_of<'a>(page: &'a TestResponse, id: &str) -> &'a str {
    page.body
        .split(&format!(" id=\"{id}\""))
        .nth(1)
        .and_then(|rest| rest.split('>').next())
        .unwrap_or("")
}

#[tokio::test]
async fn each_assessment_error_is_marked_at_its_own_test_and_listed_in_the_summary() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let id = new_person(&app, &r.regisseur).await;
    let naar = r.regisseur2.id.to_string();
    let mut post = filled(&naar, "0", "1");
    post.retain(|(k, _)| *k != "toetsen.1.instrument" && *k != "toetsen.0.datum");
    post.extend([
        // Test 1: no date, and a score that is none; test 2: an unknown instrument, bad date.
        ("toetsen.0.datum", ""),
        ("toetsen.0.scores.1.score", "veel"),
        ("toetsen.1.instrument", "iq"),
        ("toetsen.1.datum", "31-02-2024"),
        ("toetsen.1.scores.0.onderdeel", "Taal"),
        ("toetsen.1.scores.0.score", "50"),
        // A bad year with the half-year left open: both at once.
        ("taakstellingJaar", "1850"),
        ("taakstellingHalfjaar", ""),
    ]);
    post.retain(|(k, v)| !(*k == "toetsen.0.scores.1.score" && *v == "48"));
    post.retain(|(k, v)| !(*k == "taakstellingJaar" && *v == "2025"));
    post.retain(|(k, v)| !(*k == "taakstellingHalfjaar" && *v == "1"));
    let res = app
        .post_form(&r.regisseur, &format!("/personen/{id}/koppeling"), &post)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    for (link, text) in [
        ("toetsen.0.datum", "Toets 1: datum: vul een datum in."),
        ("toetsen.0.scores.0.onderdeel", "Toets 1: regel 2"),
        ("toetsen.1.instrument", "Toets 2: kies NOA"),
        (
            "toetsen.1.datum",
            "Toets 2: datum: deze datum bestaat niet.",
        ),
    ] {
        assert!(
            res.body.contains(&format!("href=\"#{link}\">{text}")),
            "{link}: {}",
            res.body
        );
    }
    for input in [
        "toetsen.0.datum",
        "toetsen.0.scores.1.score",
        "toetsen.1.instrument",
        "toetsen.1.datum",
    ] {
        assert!(
            tag_of(&res, input).contains("aria-invalid=\"true\""),
            "{input}: {}",
            tag_of(&res, input)
        );
    }
    assert!(!tag_of(&res, "toetsen.0.instrument").contains("aria-invalid"));
    assert!(field_error(&res, "taakstellingJaar") && field_error(&res, "taakstellingHalfjaar"));
    let got = koppeling_json(&app, &r.regisseur, &id).await;
    assert_eq!(got["versie"], 0, "nothing saved");
}

#[tokio::test]
async fn a_stale_versie_is_refused_with_a_conflict_message() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let id = new_person(&app, &r.regisseur).await;
    let naar = r.regisseur2.id.to_string();
    let path = format!("/personen/{id}/koppeling");
    let res = app
        .post_form(&r.regisseur2, &path, &filled(&naar, "0", "1"))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    // A form opened before that save.
    let mut stale = filled(&naar, "0", "1");
    stale.retain(|(k, _)| *k != "azcLocatie");
    stale.push(("azcLocatie", "AZC Weert"));
    let res = app.post_form(&r.regisseur, &path, &stale).await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
    assert!(res.body.contains("Intussen gewijzigd"));
    assert!(
        res.body.contains("AZC Weert"),
        "the user's differing input is listed"
    );
    assert!(
        res.body.contains("name=\"versie\" value=\"1\""),
        "the form carries the new version"
    );
    let got = koppeling_json(&app, &r.regisseur, &id).await;
    assert_eq!(got["azcLocatie"], "AZC Budel", "nothing overwritten");
    assert_eq!(got["versie"], 1);
}

#[tokio::test]
async fn beleid_may_open_neither_the_koppeling_nor_the_settings() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let id = new_person(&app, &r.regisseur).await;
    let path = format!("/personen/{id}/koppeling");
    for p in [
        path.clone(),
        format!("{path}/bewerken"),
        "/beheer/instellingen".into(),
    ] {
        assert_eq!(
            app.get_page(&r.beleid, &p).await.status,
            StatusCode::FORBIDDEN,
            "{p}"
        );
    }
    let naar = r.regisseur2.id.to_string();
    let res = app
        .post_form(&r.beleid, &path, &filled(&naar, "0", "1"))
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app
        .post_form(
            &r.beleid,
            "/beheer/instellingen",
            &[("versie", "0"), ("traject", "ja")],
        )
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // A teamleider reads the koppeling but gets no form.
    let show = app.get_page(&r.teamleider, &path).await;
    assert_eq!(show.status, StatusCode::OK);
    assert!(!show.body.contains("/koppeling/bewerken"));
    let form = app
        .get_page(&r.teamleider, &format!("{path}/bewerken"))
        .await;
    assert_eq!(form.status, StatusCode::FORBIDDEN);
    assert_eq!(koppeling_json(&app, &r.regisseur, &id).await["versie"], 0);
}
