//! Everyday use of the forms: the confirmation after a save, error summaries that name fields, the
//! conflict view, dates and ages, plausible households, messages without ids, and the Dutch error
//! page (with navigation) for every page address.

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use chrono::{Datelike, Months, Utc};
use serde_json::json;

use crate::harness::{PASSWORD, TestApp, TestResponse, TestUser, bsn, person_json};

/// The name/value pairs a browser would send for the first form with `action` on the page: inputs
/// (text, hidden) and the selected option of each select. Enough HTML reading for our templates.
fn form_values(html: &str, action: &str) -> Vec<(String, String)> {
    let start = html
        .find(&format!("action=\"{action}\""))
        .expect("form on page");
    let form = &html[start..];
    let form = &form[..form.find("</form>").expect("form end")];
    let attr = |tag: &str, name: &str| -> Option<String> {
        let key = format!(" {name}=\"");
        let i = tag.find(&key)? + key.len();
        Some(unescape(&tag[i..i + tag[i..].find('"')?]))
    };
    let mut pairs = Vec::new();
    for part in form.split('<').skip(1) {
        let tag = &part[..part.find('>').unwrap_or(part.len())];
        if tag.starts_with("input ") {
            if let (Some(n), v) = (attr(tag, "name"), attr(tag, "value")) {
                pairs.push((n, v.unwrap_or_default()));
            }
        } else if tag.starts_with("select ") {
            let name = attr(tag, "name").expect("select name");
            pairs.push((name, String::new()));
        } else if tag.starts_with("option ") && tag.contains(" selected") {
            let v = attr(tag, "value").unwrap_or_default();
            if let Some(last) = pairs.last_mut() {
                last.1 = v;
            }
        }
    }
    pairs
}

fn unescape(s: &str) -> String {
    s.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn set(pairs: &mut [(String, String)], name: &str, value: &str) {
    let slot = pairs
        .iter_mut()
        .find(|(n, _)| n == name)
        .unwrap_or_else(|| panic!("no field {name}"));
    slot.1 = value.to_string();
}

async fn post_pairs(
    app: &TestApp,
    user: &TestUser,
    path: &str,
    pairs: &[(String, String)],
) -> TestResponse {
    let refs: Vec<(&str, &str)> = pairs
        .iter()
        .filter(|(n, _)| n != "_csrf")
        .map(|(n, v)| (n.as_str(), v.as_str()))
        .collect();
    app.post_form(user, path, &refs).await
}

fn is_html(res: &TestResponse) -> bool {
    res.header("content-type").starts_with("text/html")
}

/// The status region of a page, if any.
fn status_text(html: &str) -> Option<String> {
    let i = html.find("class=\"melding\" role=\"status\"")?;
    let rest = &html[i..];
    let text = &rest[rest.find('>')? + 1..rest.find("</")?];
    Some(text.trim().to_string())
}

#[tokio::test]
async fn saves_redirect_with_a_melding_that_the_next_page_announces() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let b = bsn(11);
    let created = app
        .post_form(
            &r.regisseur,
            "/personen",
            &[
                ("voornamen", "Amira"),
                ("geslachtsnaam", "Dijk"),
                ("bsn", &b),
            ],
        )
        .await;
    assert_eq!(created.status, StatusCode::SEE_OTHER, "{}", created.body);
    let location = created.location();
    assert!(location.ends_with("?melding=aangemaakt"), "{location}");
    let dossier = app.get_page(&r.regisseur, &location).await;
    assert_eq!(
        status_text(&dossier.body).as_deref(),
        Some("Persoon aangemaakt")
    );

    let id = location
        .trim_start_matches("/personen/")
        .split('?')
        .next()
        .expect("id")
        .to_string();
    let edit = app
        .get_page(&r.regisseur, &format!("/personen/{id}/bewerken"))
        .await;
    let mut pairs = form_values(&edit.body, &format!("/personen/{id}"));
    set(&mut pairs, "talen", "Arabisch");
    let saved = post_pairs(&app, &r.regisseur, &format!("/personen/{id}"), &pairs).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(
        saved.location(),
        format!("/personen/{id}?melding=opgeslagen")
    );
    let page = app.get_page(&r.regisseur, &saved.location()).await;
    assert_eq!(
        status_text(&page.body).as_deref(),
        Some("Gegevens opgeslagen")
    );

    // Reassignment by the teamleider.
    let dossier = app
        .get_page(&r.teamleider, &format!("/personen/{id}"))
        .await;
    let mut pairs = form_values(&dossier.body, &format!("/personen/{id}/regisseur"));
    set(&mut pairs, "regisseurId", &r.regisseur2.id.0.to_string());
    let moved = post_pairs(
        &app,
        &r.teamleider,
        &format!("/personen/{id}/regisseur"),
        &pairs,
    )
    .await;
    assert_eq!(
        moved.location(),
        format!("/personen/{id}?melding=toegewezen")
    );

    // Household, organisation, password.
    let relatie = format!("relatie_{id}");
    let household = app
        .post_form(
            &r.regisseur2,
            &format!("/personen/{id}/huishouden"),
            &[
                ("omschrijving", "Gezin Dijk"),
                ("lid", &id),
                (&relatie, "referentiepersoon"),
            ],
        )
        .await;
    assert_eq!(
        household.location(),
        format!("/personen/{id}?melding=huishouden-opgeslagen"),
        "{}",
        household.body
    );
    let org = app
        .post_form(
            &r.beheerder,
            "/beheer/organisaties",
            &[("naam", "Taalhuis Weert")],
        )
        .await;
    assert_eq!(
        org.location(),
        "/beheer/organisaties?melding=organisatie-opgeslagen"
    );
    let pw = app
        .post_form(
            &r.privacy,
            "/account/wachtwoord",
            &[
                ("huidig", PASSWORD),
                ("nieuw", "Een-ander-lang-wachtwoord-2027"),
                ("herhaling", "Een-ander-lang-wachtwoord-2027"),
            ],
        )
        .await;
    assert_eq!(
        pw.location(),
        "/account?melding=wachtwoord-gewijzigd",
        "{}",
        pw.body
    );

    // Every code of the shared convention has its fixed text; anything else shows nothing.
    for (query, text) in [
        (
            "melding=verplaatst&aantal=3",
            Some("3 personen overgedragen"),
        ),
        ("melding=overgenomen", Some("U bent nu de regisseur")),
        (
            "melding=tweede-factor-uit",
            Some("De tweede stap (authenticator-app) staat uit."),
        ),
        ("melding=%3Cscript%3Ealert(1)%3C%2Fscript%3E", None),
        ("melding=U+bent+gehackt", None),
    ] {
        let page = app
            .get_page(&r.teamleider, &format!("/caseload?regisseur=alle&{query}"))
            .await;
        assert_eq!(page.status, StatusCode::OK, "{query}");
        assert_eq!(status_text(&page.body).as_deref(), text, "{query}");
        assert!(!page.body.contains("gehackt") && !page.body.contains("<script>alert"));
    }
}

#[tokio::test]
async fn the_error_summary_names_each_field_and_links_to_it() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let res = app
        .post_form(
            &r.regisseur,
            "/personen",
            &[
                ("voornamen", "Amira"),
                ("geslachtsnaam", " "),
                ("geboortedatum", "31-02-2001"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("<a href=\"#geslachtsnaam\">Geslachtsnaam: dit veld is verplicht.</a>"),
        "{}",
        res.body
    );
    assert!(
        res.body
            .contains("<a href=\"#geboortedatum\">Geboortedatum: deze datum bestaat niet.</a>"),
        "{}",
        res.body
    );
    assert!(res.body.contains("id=\"geslachtsnaam\""));
    // The typed date stays as typed, under the hint that says how to type it.
    assert!(res.body.contains("value=\"31-02-2001\""));

    // The edit page keeps the person's name in its heading after an error.
    let (id, _) = app
        .person(&r.regisseur, person_json("Amira Noor", "Dijk", None))
        .await;
    let edit = app
        .get_page(&r.regisseur, &format!("/personen/{id}/bewerken"))
        .await;
    let mut pairs = form_values(&edit.body, &format!("/personen/{id}"));
    set(&mut pairs, "geslachtsnaam", "");
    let res = post_pairs(&app, &r.regisseur, &format!("/personen/{id}"), &pairs).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("<h1>Amira Noor Dijk bewerken</h1>"),
        "{}",
        res.body
    );
    assert!(res.body.contains("<title>Amira Noor Dijk bewerken"));
}

#[tokio::test]
async fn dates_are_typed_as_hinted_and_ages_shown_beside_birth_dates() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amira", "Dijk", None))
        .await;
    let edit = app
        .get_page(&r.regisseur, &format!("/personen/{id}/bewerken"))
        .await;
    let input = &edit.body[edit.body.find("id=\"geboortedatum\"").expect("input")..];
    let input = &input[..input.find('>').expect("end")];
    assert!(
        input.contains("type=\"text\"") && input.contains("value=\"17-05-1990\""),
        "{input}"
    );
    assert!(
        edit.body
            .contains("Dag-maand-jaar, bijvoorbeeld 15-01-2025")
    );
    assert!(!edit.body.contains("jjjj-mm-dd"));

    let today = Utc::now().date_naive();
    let mut age = today.year() - 1990;
    if (today.month(), today.day()) < (5, 17) {
        age -= 1;
    }
    let dossier = app.get_page(&r.regisseur, &format!("/personen/{id}")).await;
    assert!(
        dossier.body.contains(&format!("17 mei 1990 ({age} jaar)")),
        "{}",
        dossier.body
    );
    let caseload = app.get_page(&r.regisseur, "/caseload").await;
    assert!(caseload.body.contains(&format!("17 mei 1990 ({age} jaar)")));

    // One label per field: the dossier and the form show the same ones.
    for label in [
        "Geslachtsnaam",
        "Talen",
        "Bijstandsuitkering (Participatiewet)",
        "Datum huisvesting",
    ] {
        assert!(
            dossier.body.contains(&format!("<dt>{label}</dt>")),
            "dossier lacks {label}"
        );
        assert!(
            edit.body.contains(&format!(">{label}")),
            "form lacks {label}"
        );
    }
}

#[tokio::test]
async fn a_conflict_shows_dutch_values_and_saving_again_keeps_the_colleagues_fields() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let mut body = person_json("Amira", "Dijk", None);
    body["tolkNodig"] = json!(false);
    body["tolkTaal"] = json!(null);
    let (id, _) = app.person(&r.regisseur, body).await;
    let path = format!("/personen/{id}");
    // Two tabs open the form on the same version.
    let tab1 = app
        .get_page(&r.regisseur, &format!("{path}/bewerken"))
        .await;
    let tab2 = app
        .get_page(&r.regisseur2, &format!("{path}/bewerken"))
        .await;
    let mut colleague = form_values(&tab2.body, &path);
    set(&mut colleague, "tolkNodig", "ja");
    set(&mut colleague, "tolkTaal", "Tigrinya");
    set(&mut colleague, "datumHuisvesting", "15-01-2025");
    let first = post_pairs(&app, &r.regisseur2, &path, &colleague).await;
    assert_eq!(first.status, StatusCode::SEE_OTHER, "{}", first.body);

    let mut mine = form_values(&tab1.body, &path);
    set(&mut mine, "talen", "Arabisch, Engels");
    set(&mut mine, "datumHuisvesting", "01-02-2025");
    let conflict = post_pairs(&app, &r.regisseur, &path, &mine).await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    let page = &conflict.body;
    assert!(page.contains("<h1>Amira Dijk bewerken</h1>"));
    for expected in [
        "<th scope=\"row\">Tolk nodig</th><td data-kop=\"Nu opgeslagen\">Ja</td><td data-kop=\"Uw invoer\"><span class=\"onbekend\">niet door u gewijzigd</span></td><td data-kop=\"In het formulier\">de opgeslagen waarde</td>",
        "<th scope=\"row\">Taal van de tolk</th><td data-kop=\"Nu opgeslagen\">Tigrinya</td><td data-kop=\"Uw invoer\"><span class=\"onbekend\">niet door u gewijzigd</span></td>",
        "<th scope=\"row\">Datum huisvesting</th><td data-kop=\"Nu opgeslagen\">15 januari 2025</td><td data-kop=\"Uw invoer\">1 februari 2025</td><td data-kop=\"In het formulier\">uw invoer</td>",
    ] {
        assert!(page.contains(expected), "missing {expected} in {page}");
    }
    assert!(!page.contains("tolkNodig,") && !page.contains(">tolkTaal<"));
    assert!(
        page.contains("Intussen gewijzigd door"),
        "a colleague is named"
    );
    assert!(!page.contains("zelf gewijzigd"));

    // Saving the re-shown form keeps the colleague's interpreter and this user's changes.
    let again = form_values(page, &path);
    let saved = post_pairs(&app, &r.regisseur, &path, &again).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    let p = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}"))
        .await
        .json();
    assert_eq!(p["tolkNodig"], true);
    assert_eq!(p["tolkTaal"], "Tigrinya");
    assert_eq!(p["talen"], "Arabisch, Engels");
    assert_eq!(p["datumHuisvesting"], "2025-02-01");
}

fn years_ago(years: u32) -> String {
    (Utc::now().date_naive() - Months::new(12 * years + 1)).to_string()
}

#[tokio::test]
async fn implausible_households_are_refused_with_names_and_saving_confirms() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let mut ref_body = person_json("Fatima", "Haddad", Some(&bsn(21)));
    ref_body["geboortedatum"] = json!(years_ago(45));
    let (a, _) = app.person(&r.regisseur, ref_body).await;
    let kind_bsn = bsn(22);
    let mut kind_body = person_json("Karim", "Haddad", Some(&kind_bsn));
    kind_body["geboortedatum"] = json!(years_ago(49));
    let (k, _) = app.person(&r.regisseur, kind_body).await;
    let path = format!("/personen/{a}/huishouden");
    let relatie = format!("relatie_{a}");

    let res = app
        .post_form(
            &r.regisseur,
            &path,
            &[
                ("omschrijving", "Gezin Haddad"),
                ("lid", &a),
                (&relatie, "referentiepersoon"),
                ("nieuw_lid", &kind_bsn),
                ("nieuw_relatie", "kind"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("Karim Haddad (49 jaar) is niet jonger dan Fatima Haddad (45 jaar)"),
        "{}",
        res.body
    );
    assert!(res.body.contains("href=\"#leden\""));

    // Without a referentiepersoon.
    let res = app
        .post_form(
            &r.regisseur,
            &path,
            &[
                ("omschrijving", "Gezin Haddad"),
                ("lid", &a),
                (&relatie, "partner"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body.contains("Kies wie de referentiepersoon is"),
        "{}",
        res.body
    );

    // As "ander gezinslid" the same household is fine, and the save is confirmed.
    let res = app
        .post_form(
            &r.regisseur,
            &path,
            &[
                ("omschrijving", "Gezin Haddad"),
                ("lid", &a),
                (&relatie, "referentiepersoon"),
                ("nieuw_lid", &kind_bsn),
                ("nieuw_relatie", "overig"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert!(res.location().ends_with("?melding=huishouden-opgeslagen"));

    // A member of that household added elsewhere: named, with the household's description, no id.
    let (c, _) = app
        .person(&r.regisseur, person_json("Rami", "Demouri", Some(&bsn(23))))
        .await;
    let relatie_c = format!("relatie_{c}");
    let karim_rows = app.audit_actions(&k).await.len();
    let res = app
        .post_form(
            &r.regisseur,
            &format!("/personen/{c}/huishouden"),
            &[
                ("omschrijving", "Gezin Demouri"),
                ("lid", &c),
                (&relatie_c, "referentiepersoon"),
                ("nieuw_lid", &kind_bsn),
                ("nieuw_relatie", "overig"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        res.body
            .contains("Karim Haddad hoort al bij een ander huishouden: “Gezin Haddad”"),
        "{}",
        res.body
    );
    // Naming Karim and his other household is a read of his data: it leaves a row (attack review F2).
    assert!(
        app.audit_actions(&k).await.len() > karim_rows,
        "naming a member of another household is logged"
    );
    let api = app
        .post_api(
            &r.regisseur,
            "/api/v1/huishoudens",
            &json!({"omschrijving": "X", "leden": [
                {"persoonId": c, "relatie": "referentiepersoon"},
                {"persoonId": k, "relatie": "overig"}]}),
        )
        .await;
    assert_eq!(api.status, StatusCode::CONFLICT);
    assert!(
        !api.body.contains("huishouden 0") && api.body.contains("Gezin Haddad"),
        "{}",
        api.body
    );
}

#[tokio::test]
async fn messages_for_people_carry_no_ids_or_field_codes() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, etag) = app
        .person(&r.regisseur, person_json("Amira", "Dijk", None))
        .await;
    let mut body = person_json("Amira", "Dijk", None);
    body["tolkTaal"] = json!("Tigrinya");
    let ok = app
        .put_api(
            &r.regisseur,
            &format!("/api/v1/personen/{id}"),
            &body,
            &etag,
        )
        .await;
    assert_eq!(ok.status, StatusCode::OK, "{}", ok.body);
    // The stale etag: the detail speaks to a person, the versions stay in the ETag header.
    let stale = app
        .put_api(
            &r.regisseur,
            &format!("/api/v1/personen/{id}"),
            &body,
            &etag,
        )
        .await;
    assert_eq!(stale.status, StatusCode::PRECONDITION_FAILED);
    let detail = stale.json()["detail"].as_str().unwrap_or("").to_string();
    assert!(
        !detail.contains("versie") && !detail.chars().any(|c| c.is_ascii_digit()),
        "{detail}"
    );

    let log = app
        .get_page(&r.teamleider, &format!("/personen/{id}/verwerkingen"))
        .await;
    assert_eq!(log.status, StatusCode::OK);
    assert!(
        log.body.contains("gewijzigd: Taal van de tolk"),
        "{}",
        log.body
    );
    assert!(!log.body.contains("tolkTaal") && !log.body.contains("velden:"));
}

/// Every page address answers a malformed id, a malformed query string and a wrong method with the
/// Dutch error page in the signed-in frame. The routes are read from the router's source, so a page
/// added later is walked too.
#[tokio::test]
async fn every_page_route_answers_bad_input_with_the_dutch_page() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let source = include_str!("../../../web/src/router.rs");
    let pages = &source[source.find("fn pages()").expect("pages()")..];
    let pages = &pages[..pages.find("\n}\n").expect("end of pages()")];
    let mut walked = 0;
    for chunk in pages.split(".route(").skip(1) {
        let path = chunk.split('"').nth(1).expect("route path");
        if path.starts_with("/static") || path == "/health" || path.starts_with("/inloggen") {
            continue;
        }
        let get = chunk.split(')').next().is_some_and(|c| c.contains("get("));
        let with_bad_id = path.replace("{id}", "geen-uuid");
        let mut urls = vec![format!("{with_bad_id}?pagina=abc&zoek=%FF&na=%00")];
        if with_bad_id != path {
            urls.push(with_bad_id.clone());
        }
        for url in urls {
            for user in [&r.regisseur, &r.teamleider, &r.beheerder] {
                let res = app.get_page(user, &url).await;
                walked += 1;
                if res.status.is_redirection() {
                    continue;
                }
                assert!(
                    is_html(&res),
                    "{url}: {} {}",
                    res.status,
                    res.header("content-type")
                );
                assert!(
                    res.body.contains("Uitloggen"),
                    "{url}: no navigation: {}",
                    res.body
                );
                assert!(
                    !res.body.contains("Failed to") && !res.body.contains("deserialize"),
                    "{url}: {}",
                    res.body
                );
                if !get {
                    assert_eq!(res.status, StatusCode::METHOD_NOT_ALLOWED, "{url}");
                    assert!(res.body.contains("Dit adres opent geen pagina"), "{url}");
                } else if url.contains("geen-uuid") {
                    assert_eq!(res.status, StatusCode::NOT_FOUND, "{url}: {}", res.body);
                }
            }
        }
    }
    assert!(walked > 30, "walked only {walked}");

    // The outside checks, literally.
    let res = app.get_page(&r.regisseur, "/caseload?pagina=abc").await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert!(is_html(&res) && res.body.contains("Uitloggen"));
    let res = app.get_page(&r.regisseur, "/personen/geen-uuid").await;
    assert!(is_html(&res) && res.body.contains("Niet gevonden") && res.body.contains("Uitloggen"));
    // A page past the end.
    let res = app.get_page(&r.regisseur, "/caseload?pagina=99").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND, "{}", res.body);
    assert!(res.body.contains("Uitloggen") && res.body.contains("Deze pagina bestaat niet"));
    // An unknown address and an anonymous visitor still get Dutch HTML.
    let res = app.get_page(&r.regisseur, "/bestaat/niet").await;
    assert!(is_html(&res) && res.body.contains("Uitloggen"));
    let anon = app
        .send(
            Request::builder()
                .uri("/personen/geen-uuid/regisseur")
                .header(header::ACCEPT, "text/html")
                .body(Body::empty())
                .expect("req"),
        )
        .await;
    assert_eq!(anon.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(is_html(&anon) && !anon.body.contains("Uitloggen"));
}

/// Browser review 3: the same user saving in two tabs was called "someone else", and fields the user
/// never touched were listed as "Uw invoer" with the old value.
#[tokio::test]
async fn a_conflict_with_my_own_other_tab_says_so_and_lists_only_what_i_typed() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let mut body = person_json("Amira", "Dijk", None);
    body["talen"] = json!("Koerdisch");
    body["woonplaats"] = json!("Weert");
    let (id, _) = app.person(&r.regisseur, body).await;
    let path = format!("/personen/{id}");
    let tab_a = app
        .get_page(&r.regisseur, &format!("{path}/bewerken"))
        .await;
    let tab_b = app
        .get_page(&r.regisseur, &format!("{path}/bewerken"))
        .await;
    let mut a = form_values(&tab_a.body, &path);
    set(&mut a, "talen", "Tigrinya");
    assert_eq!(
        post_pairs(&app, &r.regisseur, &path, &a).await.status,
        StatusCode::SEE_OTHER
    );
    let mut b = form_values(&tab_b.body, &path);
    set(&mut b, "woonplaats", "Stramproy");
    let conflict = post_pairs(&app, &r.regisseur, &path, &b).await;
    assert_eq!(conflict.status, StatusCode::CONFLICT);
    let page = &conflict.body;
    assert!(
        page.contains("U heeft dit dossier intussen zelf gewijzigd (in een ander venster)"),
        "{page}"
    );
    assert!(
        !page.contains("Intussen gewijzigd door"),
        "not named as someone else"
    );
    assert!(
        page.contains("<th scope=\"row\">Talen</th><td data-kop=\"Nu opgeslagen\">Tigrinya</td><td data-kop=\"Uw invoer\"><span class=\"onbekend\">niet door u gewijzigd</span></td>"),
        "{page}"
    );
    assert!(
        !page.contains(">Koerdisch<"),
        "the old value is not shown as typed"
    );
    // The table stacks on a narrow screen instead of being cut off.
    assert!(page.contains("tabel--stapel"));
    let again = form_values(page, &path);
    assert_eq!(
        post_pairs(&app, &r.regisseur, &path, &again).await.status,
        StatusCode::SEE_OTHER
    );
    let p = app
        .get_api(&r.regisseur, &format!("/api/v1/{}", &path[1..]))
        .await
        .json();
    assert_eq!(p["talen"], "Tigrinya");
    assert_eq!(p["woonplaats"], "Stramproy");
}

/// Browser review 5: pressing "Opslaan" without a change said "Gegevens opgeslagen", raised the
/// version (setting off the conflict page for others) and wrote a change to the log.
#[tokio::test]
async fn saving_without_a_change_writes_nothing_and_says_so() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (id, _) = app
        .person(&r.regisseur, person_json("Amira", "Dijk", None))
        .await;
    let path = format!("/personen/{id}");
    let form = app
        .get_page(&r.regisseur, &format!("{path}/bewerken"))
        .await;
    let pairs = form_values(&form.body, &path);
    let before = app.audit_actions(&id).await;
    let saved = post_pairs(&app, &r.regisseur, &path, &pairs).await;
    assert_eq!(saved.status, StatusCode::SEE_OTHER, "{}", saved.body);
    assert_eq!(saved.location(), format!("{path}?melding=ongewijzigd"));
    let after = app.audit_actions(&id).await;
    assert_eq!(
        after.iter().filter(|a| *a == "persoon_gewijzigd").count(),
        before.iter().filter(|a| *a == "persoon_gewijzigd").count(),
        "no change in the log"
    );
    let p = app
        .get_api(&r.regisseur, &format!("/api/v1/personen/{id}"))
        .await;
    assert_eq!(p.header("etag"), "\"1\"", "no new version");
    let page = app.get_page(&r.regisseur, &saved.location()).await;
    assert_eq!(
        status_text(&page.body).as_deref(),
        Some("Er was niets gewijzigd")
    );
    // A stale form that matches is still a conflict: the user saw an older version.
    let mut changed = pairs.clone();
    set(&mut changed, "talen", "Arabisch");
    assert_eq!(
        post_pairs(&app, &r.regisseur, &path, &changed).await.status,
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        post_pairs(&app, &r.regisseur, &path, &pairs).await.status,
        StatusCode::CONFLICT
    );
}

/// Browser review 15: Alfabetisering showed the intake's letter codes ("NVT" read as "niet van
/// toepassing"); the dossier and the form show the code list's labels only.
#[tokio::test]
async fn code_list_values_show_their_labels_without_letter_codes() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let mut body = person_json("Amira", "Dijk", None);
    body["alfabetisering"] = json!("nvt");
    let (id, _) = app.person(&r.regisseur, body).await;
    let dossier = app.get_page(&r.regisseur, &format!("/personen/{id}")).await;
    assert!(
        dossier
            .body
            .contains("Gealfabetiseerd in het Latijnse schrift"),
        "{}",
        dossier.body
    );
    let form = app
        .get_page(&r.regisseur, &format!("/personen/{id}/bewerken"))
        .await;
    for page in [&dossier.body, &form.body] {
        assert!(!page.contains("NVT") && !page.contains("AA:") && !page.contains("A: "));
    }
    assert!(form.body.contains(">Analfabeet</option>"), "{}", form.body);
}

/// Browser review 17: `/caseload/` gave 404. Page addresses with a trailing slash are sent on (308)
/// to the address without it, the query kept; never to another host.
#[tokio::test]
async fn a_trailing_slash_on_a_page_address_redirects() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let res = app.get_page(&r.regisseur, "/caseload/?pagina=1").await;
    assert_eq!(res.status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(res.location(), "/caseload?pagina=1");
    let (id, _) = app
        .person(&r.regisseur, person_json("Amira", "Dijk", None))
        .await;
    let res = app
        .get_page(&r.regisseur, &format!("/personen/{id}/"))
        .await;
    assert_eq!(res.location(), format!("/personen/{id}"));
    let evil = app.get_page(&r.regisseur, "//evil.example/").await;
    assert_ne!(evil.status, StatusCode::PERMANENT_REDIRECT);
    let posted = app.post_form(&r.regisseur, "/personen/", &[]).await;
    assert_ne!(
        posted.status,
        StatusCode::PERMANENT_REDIRECT,
        "only GET and HEAD"
    );
}

/// The household form of a dossier saves that person's household only (issue 5's open point): a form
/// edited to name another household is refused, and a new household must hold the dossier's person.
#[tokio::test]
async fn the_household_form_is_bound_to_the_person_in_its_path() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (a, _) = app
        .person(&r.regisseur, person_json("Amal", "Saleh", Some(&bsn(31))))
        .await;
    let (b, _) = app
        .person(
            &r.regisseur,
            person_json("Bilal", "Mansour", Some(&bsn(32))),
        )
        .await;
    let (c, _) = app
        .person(
            &r.regisseur,
            person_json("Celine", "Mansour", Some(&bsn(33))),
        )
        .await;
    let rel = |p: &str| format!("relatie_{p}");
    let res = app
        .post_form(
            &r.regisseur,
            &format!("/personen/{a}/huishouden"),
            &[
                ("omschrijving", "Gezin Saleh"),
                ("lid", &a),
                (&rel(&a), "referentiepersoon"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let api = app.get_api(&r.regisseur, "/api/v1/huishoudens").await;
    let household = api.json()["huishoudens"][0].clone();
    let (h, versie) = (
        household["id"].as_str().expect("id").to_string(),
        household["versie"].as_i64().expect("versie").to_string(),
    );

    // Through Bilal's dossier, a form pointing at Amal's household: refused, nothing changed.
    let res = app
        .post_form(
            &r.regisseur,
            &format!("/personen/{b}/huishouden"),
            &[
                ("huishouden", &h),
                ("versie", &versie),
                ("omschrijving", "Gezin Mansour"),
                ("lid", &b),
                (&rel(&b), "referentiepersoon"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::CONFLICT, "{}", res.body);
    let after = app
        .get_api(&r.regisseur, &format!("/api/v1/huishoudens/{h}"))
        .await;
    let after = after.json();
    assert_eq!(after["omschrijving"], "Gezin Saleh");
    assert_eq!(after["versie"].as_i64(), Some(versie.parse().expect("int")));

    // A new household through Bilal's dossier must hold Bilal.
    let res = app
        .post_form(
            &r.regisseur,
            &format!("/personen/{b}/huishouden"),
            &[
                ("omschrijving", "Gezin Mansour"),
                ("lid", &c),
                (&rel(&c), "referentiepersoon"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body
            .contains("De persoon van dit dossier hoort in het nieuwe huishouden")
    );
}
