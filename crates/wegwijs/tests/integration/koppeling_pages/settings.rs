//! `/beheer/instellingen` with every trajectory setting (issue 7, koppeling slice).

use axum::http::StatusCode;

use super::field_error;
use crate::harness::TestApp;

fn settings<'a>(versie: &'a str, interval: &'a str) -> Vec<(&'a str, &'a str)> {
    vec![
        ("versie", versie),
        ("traject", "ja"),
        ("pipVierOgen", "on"),
        ("voortgangIntervalMaanden", interval),
        ("geenContactDagen", "45"),
        ("begeleidingMaanden", "9"),
        ("mapUrennorm", "80"),
        ("leefdomeinenSet", "zrm2017"),
    ]
}

#[tokio::test]
async fn the_settings_page_saves_every_trajectory_setting_and_refuses_bad_values() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let page = app.get_page(&r.beheerder, "/beheer/instellingen").await;
    assert_eq!(page.status, StatusCode::OK, "{}", page.body);
    assert!(
        page.body.contains("F-3a") && page.body.contains("G-9a"),
        "hints name the rule"
    );
    for (name, value) in [
        ("voortgangIntervalMaanden", "3"),
        ("geenContactDagen", "30"),
    ] {
        assert!(page.body.contains(&format!("name=\"{name}\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" value=\"{value}\"")));
    }

    // Interval 0 is refused next to its field; nothing is saved.
    let res = app
        .post_form(&r.beheerder, "/beheer/instellingen", &settings("0", "0"))
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        field_error(&res, "voortgangIntervalMaanden"),
        "{}",
        res.body
    );
    assert!(res.body.contains("value=\"45\""), "the input is kept");
    // Roles without a reason are refused.
    let mut rollen = settings("0", "2");
    rollen.push(("gezondheidRollen", "teamleider"));
    let res = app
        .post_form(&r.beheerder, "/beheer/instellingen", &rollen)
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(field_error(&res, "gezondheidNoodzaak"), "{}", res.body);
    let stored = wegwijs_app::traject_settings::get(&app.state.app, r.weert)
        .await
        .expect("settings");
    assert_eq!(stored.voortgang_interval_maanden, 3, "nothing saved");

    // With a reason it is saved, every field.
    rollen.push((
        "gezondheidNoodzaak",
        "Teamleiders vervangen bij afwezigheid.",
    ));
    let res = app
        .post_form(&r.beheerder, "/beheer/instellingen", &rollen)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let s = wegwijs_app::traject_settings::get(&app.state.app, r.weert)
        .await
        .expect("settings");
    assert!(s.pip_vier_ogen && !s.termijnwet_toepassen);
    assert_eq!(
        (
            s.voortgang_interval_maanden,
            s.geen_contact_dagen,
            s.begeleiding_maanden,
            s.map_urennorm
        ),
        (2, 45, 9, 80)
    );
    assert_eq!(s.leefdomeinen_set.code(), "zrm2017");
    assert_eq!(s.gezondheid_rollen.len(), 1);
    // A stale form is a conflict and changes nothing.
    let res = app
        .post_form(&r.beheerder, "/beheer/instellingen", &settings("0", "6"))
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT);
    let s = wegwijs_app::traject_settings::get(&app.state.app, r.weert)
        .await
        .expect("settings");
    assert_eq!(s.voortgang_interval_maanden, 2);
}
