//! The gemeente's letter details (`/beheer/instellingen`) and what the beschikking prints from them:
//! no placeholders while they are missing, a warning on the settings and vaststellen pages, the
//! address once set; life domains by name; "namens het college" once.

use axum::http::StatusCode;
use uuid::Uuid;
use wegwijs_app::Ctx;
use wegwijs_domain::authz::{Actor, OrganisatieSoort, Role};
use wegwijs_domain::ids::PersonId;
use wegwijs_storage::audit::{AuditContext, Bron};

use crate::harness::{Region, TestApp};
use crate::koppeling_pages::field_error;
use crate::pip::{compleet, days_ago, decide, fill, inburgeraar, new_concept};

fn settings<'a>(extra: &[(&'a str, &'a str)], versie: &'a str) -> Vec<(&'a str, &'a str)> {
    let mut form = vec![
        ("versie", versie),
        ("traject", "ja"),
        ("voortgangIntervalMaanden", "3"),
        ("geenContactDagen", "30"),
        ("begeleidingMaanden", "6"),
        ("mapUrennorm", "64"),
        ("termijnwetToepassen", "on"),
        ("leefdomeinenSet", "nederweert"),
    ];
    form.extend_from_slice(extra);
    form
}

const WEERT: [(&str, &str); 5] = [
    ("briefPostadres", "Postbus 950"),
    ("briefPostcode", "6000az"),
    ("briefPlaats", "Weert"),
    ("briefTelefoon", "14 0495"),
    ("briefWebsite", "www.weert.nl"),
];

async fn letter(app: &TestApp, r: &Region, p: &str, pip: &str) -> serde_json::Value {
    let actor = Actor {
        user_id: r.regisseur.id,
        organisatie_id: r.weert,
        organisatie_soort: OrganisatieSoort::Gemeente,
        roles: vec![Role::Regisseur],
        system: None,
    };
    let ctx = Ctx {
        app: &app.state.app,
        actor: &actor,
        audit: AuditContext {
            trace_id: "test".into(),
            gebruiker_id: Some(r.regisseur.id),
            organisatie_id: Some(r.weert),
            bron: Bron::Cli,
        },
    };
    let p = PersonId(p.parse::<Uuid>().expect("id"));
    let pip = pip.parse::<Uuid>().expect("id");
    let invoer = wegwijs_app::pip_letter::invoer(&ctx, p, pip)
        .await
        .expect("letter data");
    serde_json::to_value(&invoer.data).expect("json")
}

#[tokio::test]
async fn the_letter_prints_the_gemeentes_details_and_warns_while_they_are_missing() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, v) = new_concept(&app, &r.regisseur, &p).await;
    let mut body = compleet(v);
    body["doelen"][0]["leefdomein"] = "opvoeding-kinderopvang".into();
    let f = fill(&app, &r.regisseur, &p, &pip, &body).await;

    // Nothing set: both pages say what is missing; deciding is not blocked.
    let page = app.get_page(&r.beheerder, "/beheer/instellingen").await;
    assert!(
        page.body
            .contains("Nog niet ingevuld: postadres, telefoonnummer, website."),
        "{}",
        page.body
    );
    let form = app
        .get_page(
            &r.regisseur,
            &format!("/personen/{p}/pips/{pip}/vaststellen"),
        )
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(
        form.body.contains(
            "De briefgegevens van de gemeente ontbreken: postadres, telefoonnummer, website."
        ),
        "{}",
        form.body
    );
    let versie = f["versie"].as_i64().expect("versie");
    let res = decide(&app, &r.regisseur, &p, &pip, &days_ago(1), versie).await;
    assert_eq!(res.status, StatusCode::OK, "{}", res.body);
    let data = letter(&app, &r, &p, &pip).await;
    let g = &data["gemeente"];
    assert_eq!(g["adres"], serde_json::json!([]), "{g}");
    assert!(g["telefoon"].is_null() && g["website"].is_null(), "{g}");
    let all = data.to_string();
    assert!(
        !all.contains("netnummer") && !all.contains("website van de gemeente"),
        "{all}"
    );
    assert_eq!(data["doelen"][0]["leefdomein"], "Opvoeding en kinderopvang");
    assert!(
        data["ondertekenaar"]["functie"].is_null(),
        "namens het college is printed once"
    );

    // Bad values are refused next to their fields; nothing is stored.
    let mut bad = WEERT.to_vec();
    bad[1] = ("briefPostcode", "600 AZ");
    bad[3] = ("briefTelefoon", "bel 14-0495");
    let res = app
        .post_form(&r.beheerder, "/beheer/instellingen", &settings(&bad, "0"))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(field_error(&res, "briefPostcode"), "{}", res.body);
    assert!(field_error(&res, "briefTelefoon"), "{}", res.body);
    assert!(
        res.body.contains("value=\"Postbus 950\""),
        "the input is kept"
    );

    // Half a bezwaar address is refused too.
    let mut half = WEERT.to_vec();
    half.push(("bezwaarPlaats", "Weert"));
    let res = app
        .post_form(&r.beheerder, "/beheer/instellingen", &settings(&half, "0"))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(field_error(&res, "bezwaarPostcode"), "{}", res.body);

    // Set: stored normalised, the warnings go, the letter prints them (bezwaar: the postadres).
    let res = app
        .post_form(&r.beheerder, "/beheer/instellingen", &settings(&WEERT, "0"))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let page = app.get_page(&r.beheerder, "/beheer/instellingen").await;
    assert!(!page.body.contains("Nog niet ingevuld"), "{}", page.body);
    assert!(page.body.contains("value=\"6000 AZ\""), "{}", page.body);
    let data = letter(&app, &r, &p, &pip).await;
    let g = &data["gemeente"];
    assert_eq!(
        g["adres"],
        serde_json::json!(["Postbus 950", "6000 AZ Weert"])
    );
    assert_eq!(g["bezwaaradres"], g["adres"]);
    assert_eq!(g["telefoon"], "14 0495");
    assert_eq!(g["website"], "www.weert.nl");

    // A separate bezwaar address wins.
    let mut eigen = WEERT.to_vec();
    eigen.extend([
        ("bezwaarPostadres", "Postbus 10"),
        ("bezwaarPostcode", "6000 AB"),
        ("bezwaarPlaats", "Weert"),
    ]);
    let res = app
        .post_form(&r.beheerder, "/beheer/instellingen", &settings(&eigen, "1"))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let data = letter(&app, &r, &p, &pip).await;
    assert_eq!(
        data["gemeente"]["bezwaaradres"],
        serde_json::json!(["Postbus 10", "6000 AB Weert"])
    );
}

#[tokio::test]
async fn the_vaststellen_page_has_no_warning_once_the_details_are_set() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let res = app
        .post_form(&r.beheerder, "/beheer/instellingen", &settings(&WEERT, "0"))
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let p = inburgeraar(&app, &r.regisseur).await;
    let (pip, _) = new_concept(&app, &r.regisseur, &p).await;
    let form = app
        .get_page(
            &r.regisseur,
            &format!("/personen/{p}/pips/{pip}/vaststellen"),
        )
        .await;
    assert_eq!(form.status, StatusCode::OK, "{}", form.body);
    assert!(!form.body.contains("briefgegevens"), "{}", form.body);
}
