//! The caseload in everyday use (issue 6): headings per filter, one order over the whole gemeente,
//! search on names as written and shown, buttons only for what a role may do, the teamleider's
//! workload overview and bulk move, and taking on persons without regisseur.

use axum::http::StatusCode;
use chrono::{NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};
use wegwijs_domain::person::RawPerson;

use crate::harness::{Region, TestApp, TestResponse, TestUser, person_json};

/// Inserts a person straight into storage (fast set-up); returns its id.
async fn insert(
    app: &TestApp,
    gemeente: OrganisatieId,
    regisseur: Option<GebruikerId>,
    voornamen: &str,
    tussenvoegsel: Option<&str>,
    geslachtsnaam: &str,
) -> Uuid {
    let raw = RawPerson {
        voornamen: Some(voornamen.into()),
        tussenvoegsel: tussenvoegsel.map(str::to_string),
        geslachtsnaam: Some(geslachtsnaam.into()),
        geboortedatum: Some("1990-05-17".into()),
        datum_koppeling: Some("2025-02-01".into()),
        doelgroep: Some("asielstatushouder".into()),
        ..RawPerson::default()
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).expect("date");
    app.insert_person(gemeente, regisseur, &raw, today).await
}

fn unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&#38;", "&")
        .replace("&#x2f;", "/")
        .replace("&#x3d;", "=")
}

/// The names in the caseload table, in the order shown.
fn row_names(body: &str) -> Vec<String> {
    body.split("<th scope=\"row\"><a href=\"/personen/")
        .skip(1)
        .filter_map(|s| s.split_once("\">").map(|(_, rest)| rest))
        .filter_map(|s| s.split("</a>").next())
        .map(|s| unescape(s).replace("&#39;", "'"))
        .collect()
}

fn link(body: &str, rel: &str) -> Option<String> {
    let marker = format!("rel=\"{rel}\"");
    if !body.contains(&marker) {
        return None;
    }
    body.split(&marker)
        .next()
        .and_then(|s| s.rsplit("href=\"").next())
        .and_then(|s| s.split('"').next())
        .map(unescape)
}

fn title_and_heading(body: &str) -> (String, String) {
    let between = |a: &str, b: &str| {
        body.split(a)
            .nth(1)
            .and_then(|s| s.split(b).next())
            .unwrap_or("")
            .to_string()
    };
    (between("<title>", "</title>"), between("<h1>", "</h1>"))
}

async fn regisseur_of(app: &TestApp, user: &TestUser, id: Uuid) -> Option<String> {
    let p = app
        .get_api(user, &format!("/api/v1/personen/{id}"))
        .await
        .json();
    p["regisseurId"].as_str().map(str::to_string)
}

#[tokio::test]
async fn heading_and_title_name_the_chosen_caseload() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let cases = [
        ("/caseload", "Mijn caseload"),
        ("/caseload?regisseur=mij", "Mijn caseload"),
        ("/caseload?regisseur=alle", "Hele gemeente"),
        ("/caseload?regisseur=geen", "Zonder regisseur"),
    ];
    for (path, want) in cases {
        let page = app.get_page(&r.regisseur, path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        let (title, h1) = title_and_heading(&page.body);
        assert_eq!(h1, want, "{path}");
        assert_eq!(title, format!("{want} · Wegwijs"), "{path}");
    }
    let colleague = app
        .get_page(
            &r.teamleider,
            &format!("/caseload?regisseur={}", r.regisseur2.id),
        )
        .await;
    let (title, h1) = title_and_heading(&colleague.body);
    assert_eq!(h1, "Caseload van Test regisseur2@weert.test");
    assert!(title.starts_with("Caseload van Test regisseur2@weert.test"));
    // A teamleider has no caseload of their own: the default is the whole gemeente, and "Mijn caseload"
    // is no choice for them.
    let tl = app.get_page(&r.teamleider, "/caseload").await;
    assert_eq!(title_and_heading(&tl.body).1, "Hele gemeente");
    assert!(!tl.body.contains(">Mijn caseload</option>"), "{}", tl.body);
    // An unknown filter is refused as the API refuses it, never shown as another list (attack review F6).
    for bad in ["/caseload?regisseur=x", "/caseload?doelgroep=onbekend"] {
        let page = app.get_page(&r.regisseur, bad).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{bad}");
        assert!(
            page.body.contains("Uitloggen"),
            "the Dutch page with navigation"
        );
    }
}

#[tokio::test]
async fn hele_gemeente_is_one_alphabet_across_page_boundaries() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    // 60 persons, the own and a colleague's interleaved in the alphabet, some without regisseur.
    let mut want = Vec::new();
    for i in 0..60u32 {
        let naam = format!("Naam{i:02}");
        let regisseur = match i % 3 {
            0 => Some(r.regisseur.id),
            1 => Some(r.regisseur2.id),
            _ => None,
        };
        insert(&app, r.weert, regisseur, "Sam", None, &naam).await;
        want.push(format!("{naam}, Sam"));
    }
    let mut seen = Vec::new();
    let mut next = Some("/caseload?regisseur=alle&sorteer=naam".to_string());
    let mut pages = 0;
    while let Some(path) = next {
        let page = app.get_page(&r.regisseur, &path).await;
        assert_eq!(page.status, StatusCode::OK, "{path}");
        seen.extend(row_names(&page.body));
        next = link(&page.body, "next");
        pages += 1;
        assert!(pages < 10, "paging does not end");
    }
    assert_eq!(pages, 3);
    assert_eq!(
        seen, want,
        "one alphabet over all pages, own persons not first"
    );
    // Page 3 by number (no cursor) continues the same alphabet.
    let p3 = app
        .get_page(
            &r.regisseur,
            "/caseload?regisseur=alle&sorteer=naam&pagina=3",
        )
        .await;
    assert_eq!(row_names(&p3.body), want[50..].to_vec());
}

async fn total(app: &TestApp, user: &TestUser, zoek: &str) -> (i64, Vec<String>) {
    let q = serde_urlencoded::to_string([("zoek", zoek)]).expect("query");
    let res = app
        .get_api(user, &format!("/api/v1/personen?{q}&paginaGrootte=50"))
        .await;
    assert_eq!(res.status, StatusCode::OK, "{zoek}: {}", res.body);
    let body = res.json();
    let ids = body["personen"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|p| p["id"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    (body["totaal"].as_i64().unwrap_or(-1), ids)
}

#[tokio::test]
async fn search_finds_names_as_written_and_as_shown() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let me = Some(r.regisseur.id);
    let layla = insert(&app, r.weert, me, "Layla", Some("el"), "Inktami").await;
    let maria = insert(&app, r.weert, me, "Maria Johanna", Some("van der"), "Berg").await;
    let ayse = insert(&app, r.weert, me, "Ayşe", None, "Yıldız").await;
    let mehmet = insert(&app, r.weert, me, "Mehmet", None, "Yildiz").await;
    // Look-alikes that must not be found by the precise forms.
    insert(&app, r.weert, me, "Samir", None, "Inktami").await;
    insert(&app, r.weert, me, "Layla", None, "Bakr").await;
    insert(&app, r.weert, me, "Piet", Some("van den"), "Berg").await;
    let cases: &[(&str, &[Uuid])] = &[
        ("Layla el Inktami", &[layla]),
        ("layla el ink", &[layla]),
        ("el Inktami", &[layla]),
        ("Layla Inktami", &[layla]),
        ("Inktami, Layla", &[layla]),
        ("Inktami, Layla el", &[layla]),
        ("el Inktami, Layla", &[layla]),
        ("Maria Johanna van der Berg", &[maria]),
        ("van der Berg", &[maria]),
        ("Berg, Maria Johanna van der", &[maria]),
        ("Maria Berg", &[maria]),
        ("Yildiz", &[ayse, mehmet]),
        ("Yıldız", &[ayse, mehmet]),
        ("Ayse Yildiz", &[ayse]),
        ("Ayşe Yıldız", &[ayse]),
        ("Yıldız, Ayşe", &[ayse]),
    ];
    for (zoek, want) in cases {
        let (n, ids) = total(&app, &r.regisseur, zoek).await;
        let mut want: Vec<String> = want.iter().map(Uuid::to_string).collect();
        want.sort();
        let mut ids = ids;
        ids.sort();
        assert_eq!(ids, want, "{zoek}");
        assert_eq!(n, want.len() as i64, "{zoek}");
    }
    // The caseload page searches the same way.
    let q = serde_urlencoded::to_string([("zoek", "Inktami, Layla el"), ("regisseur", "alle")])
        .expect("q");
    let page = app.get_page(&r.regisseur, &format!("/caseload?{q}")).await;
    assert_eq!(row_names(&page.body), vec!["Inktami, Layla el".to_string()]);
}

/// Every link on the pages a role is sent to leads somewhere that role may go: no button or menu
/// entry ends in "geen toegang".
#[tokio::test]
async fn pages_only_show_links_and_buttons_the_role_may_use() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let (p, _) = app
        .person(&r.regisseur, person_json("Fatima", "Haddou", None))
        .await;
    // A partner organisation's beheerder manages its own accounts, not the installation's organisations.
    let partner_org = wegwijs_storage::organisations::Organisation {
        id: OrganisatieId(Uuid::now_v7()),
        naam: "Taalschool Noord".into(),
        soort: wegwijs_domain::authz::OrganisatieSoort::Partner,
        gemeentecode: None,
        versie: 1,
    };
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::organisations::insert(&mut tx, &partner_org, Utc::now())
        .await
        .expect("org");
    tx.commit().await.expect("commit");
    let pb = app
        .user(
            "beheer@taalschool.test",
            partner_org.id,
            &[wegwijs_domain::authz::Role::Beheerder],
        )
        .await;
    let users: [(&str, &TestUser); 7] = [
        ("regisseur", &r.regisseur),
        ("teamleider", &r.teamleider),
        ("beleid", &r.beleid),
        ("beheerder", &r.beheerder),
        ("privacy", &r.privacy),
        ("andere regisseur", &r.other_regisseur),
        ("beheerder van een partner", &pb),
    ];
    let start_pages = [
        "/".to_string(),
        "/caseload".to_string(),
        "/werkvoorraad".to_string(),
        "/werkvoorraad/aantallen".to_string(),
        format!("/personen/{p}"),
        format!("/personen/{p}/verwerkingen"),
        "/verwerkingen".to_string(),
        "/beheer/gebruikers".to_string(),
        "/beheer/instellingen".to_string(),
        "/account".to_string(),
    ];
    for (role, user) in users {
        for start in &start_pages {
            let page = app.get_page(user, start).await;
            if page.status != StatusCode::OK {
                continue;
            }
            let hrefs: Vec<String> = page
                .body
                .split("href=\"/")
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .map(|s| format!("/{}", unescape(s)))
                .filter(|h| !h.starts_with("/static/"))
                .collect();
            for h in hrefs {
                let res = app.get_page(user, &h).await;
                assert_ne!(
                    res.status,
                    StatusCode::FORBIDDEN,
                    "{role} sees a link to {h} on {start} but may not go there"
                );
            }
        }
    }
    // The buttons behind forms, by role.
    let tl = app
        .get_page(&r.teamleider, "/caseload?regisseur=alle")
        .await;
    assert!(
        !tl.body.contains("/personen/nieuw"),
        "teamleider: no Nieuwe persoon"
    );
    assert!(tl.body.contains("action=\"/caseload/verplaatsen\""));
    let rg = app.get_page(&r.regisseur, "/caseload?regisseur=alle").await;
    assert!(rg.body.contains("href=\"/personen/nieuw\""));
    assert!(!rg.body.contains("/caseload/verplaatsen"));
    assert!(!rg.body.contains("/overnemen"), "take-on is off by default");
    let dossier_tl = app.get_page(&r.teamleider, &format!("/personen/{p}")).await;
    assert!(!dossier_tl.body.contains("/bewerken"));
    assert!(!dossier_tl.body.contains("/huishouden\""));
    assert!(dossier_tl.body.contains("/regisseur\""));
    let dossier_rg = app.get_page(&r.regisseur, &format!("/personen/{p}")).await;
    assert!(dossier_rg.body.contains("/bewerken"));
    assert!(!dossier_rg.body.contains("/regisseur\""));
    let page = app.get_page(&pb, "/beheer/gebruikers").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(!page.body.contains("/beheer/organisaties"));
    assert!(!page.body.contains("/beheer/instellingen"));
}

async fn three_of(app: &TestApp, r: &Region, who: GebruikerId) -> Vec<Uuid> {
    let mut ids = Vec::new();
    for n in ["Aerts", "Bos", "Claes"] {
        ids.push(insert(app, r.weert, Some(who), "Kim", None, n).await);
    }
    ids
}

fn selection(ids: &[Uuid]) -> Vec<(String, String)> {
    ids.iter()
        .map(|id| ("persoon".to_string(), format!("{id}:1")))
        .collect()
}

async fn post(
    app: &TestApp,
    user: &TestUser,
    path: &str,
    fields: &[(String, String)],
) -> TestResponse {
    let f: Vec<(&str, &str)> = fields
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    app.post_form(user, path, &f).await
}

#[tokio::test]
async fn teamleider_moves_chosen_persons_in_one_action_audited_per_person() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let ids = three_of(&app, &r, r.regisseur.id).await;
    let mut fields = selection(&ids[..2]);
    fields.push(("naar".into(), r.regisseur2.id.to_string()));
    fields.push(("terug".into(), r.regisseur.id.to_string()));
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &fields).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        format!(
            "/caseload?regisseur={}&melding=verplaatst&aantal=2",
            r.regisseur.id
        )
    );
    for id in &ids[..2] {
        assert_eq!(
            regisseur_of(&app, &r.regisseur, *id).await,
            Some(r.regisseur2.id.to_string())
        );
        let actions = app.audit_actions(&id.to_string()).await;
        assert_eq!(
            actions
                .iter()
                .filter(|a| *a == "regisseur_gewijzigd")
                .count(),
            1,
            "{actions:?}"
        );
    }
    assert_eq!(
        regisseur_of(&app, &r.regisseur, ids[2]).await,
        Some(r.regisseur.id.to_string()),
        "not chosen, not moved"
    );
    // `terug` is a filter value, never a URL: anything else returns to the overview.
    let mut fields = selection(&ids[2..]);
    fields.push(("naar".into(), r.regisseur2.id.to_string()));
    fields.push(("terug".into(), "//evil.example/x".into()));
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &fields).await;
    assert_eq!(
        res.location(),
        "/werkvoorraad/aantallen?melding=verplaatst&aantal=1"
    );
}

#[tokio::test]
async fn teamleider_moves_all_persons_of_one_regisseur() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let ids = three_of(&app, &r, r.regisseur.id).await;
    let other = insert(&app, r.weert, Some(r.regisseur2.id), "Jo", None, "Dekker").await;
    let fields = vec![
        ("van".to_string(), r.regisseur.id.to_string()),
        ("naar".to_string(), r.regisseur2.id.to_string()),
        ("bevestigd".to_string(), "ja".to_string()),
    ];
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &fields).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        "/werkvoorraad/aantallen?melding=verplaatst&aantal=3"
    );
    for id in &ids {
        assert_eq!(
            regisseur_of(&app, &r.regisseur, *id).await,
            Some(r.regisseur2.id.to_string())
        );
        assert!(
            app.audit_actions(&id.to_string())
                .await
                .contains(&"regisseur_gewijzigd".to_string())
        );
    }
    assert!(
        !app.audit_actions(&other.to_string())
            .await
            .contains(&"regisseur_gewijzigd".to_string())
    );
    // Also the persons without regisseur, all at once.
    let loose = insert(&app, r.weert, None, "Lou", None, "Evers").await;
    let fields = vec![
        ("van".to_string(), "geen".to_string()),
        ("naar".to_string(), r.regisseur.id.to_string()),
        ("bevestigd".to_string(), "ja".to_string()),
    ];
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &fields).await;
    assert_eq!(
        res.location(),
        "/werkvoorraad/aantallen?melding=verplaatst&aantal=1"
    );
    assert_eq!(
        regisseur_of(&app, &r.regisseur, loose).await,
        Some(r.regisseur.id.to_string())
    );
}

async fn nobody_moved(app: &TestApp, r: &Region, ids: &[Uuid]) {
    for id in ids {
        assert_eq!(
            regisseur_of(app, &r.regisseur, *id).await,
            Some(r.regisseur.id.to_string())
        );
        assert!(
            !app.audit_actions(&id.to_string())
                .await
                .contains(&"regisseur_gewijzigd".to_string()),
            "no audit row for a move that did not happen"
        );
    }
}

#[tokio::test]
async fn bulk_move_is_all_or_nothing_and_stays_within_the_gemeente() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let ids = three_of(&app, &r, r.regisseur.id).await;
    let outsider = insert(
        &app,
        r.nederweert,
        Some(r.other_regisseur.id),
        "Ann",
        None,
        "Buiten",
    )
    .await;
    let naar = ("naar".to_string(), r.regisseur2.id.to_string());

    // A person of another gemeente in the selection: nobody moves, and the page says why.
    let mut fields = selection(&ids);
    fields.push(("persoon".into(), format!("{outsider}:1")));
    fields.push(naar.clone());
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &fields).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("Er is niemand verplaatst"),
        "{}",
        res.body
    );
    nobody_moved(&app, &r, &ids).await;
    assert_eq!(
        regisseur_of(&app, &r.other_regisseur, outsider).await,
        Some(r.other_regisseur.id.to_string())
    );

    // A changed person (stale version): nobody moves.
    let mut fields = selection(&ids);
    fields[1].1 = format!("{}:7", ids[1]);
    fields.push(naar.clone());
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &fields).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(res.body.contains("intussen gewijzigd"), "{}", res.body);
    nobody_moved(&app, &r, &ids).await;

    // To another gemeente's regisseur, or all of another gemeente's regisseur: refused.
    let mut fields = selection(&ids);
    fields.push(("naar".into(), r.other_regisseur.id.to_string()));
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &fields).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    nobody_moved(&app, &r, &ids).await;
    let fields = vec![
        ("van".to_string(), r.other_regisseur.id.to_string()),
        naar.clone(),
    ];
    let res = post(&app, &r.teamleider, "/caseload/verplaatsen", &fields).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        regisseur_of(&app, &r.other_regisseur, outsider).await,
        Some(r.other_regisseur.id.to_string())
    );

    // Another gemeente's teamleider cannot move Weert's persons.
    let mut fields = selection(&ids);
    fields.push(("naar".into(), r.other_regisseur.id.to_string()));
    let res = post(&app, &r.other_teamleider, "/caseload/verplaatsen", &fields).await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY);
    nobody_moved(&app, &r, &ids).await;

    // Roles other than teamleider cannot move at all.
    for user in [&r.regisseur, &r.beheerder, &r.privacy, &r.beleid] {
        let mut fields = selection(&ids);
        fields.push(naar.clone());
        let res = post(&app, user, "/caseload/verplaatsen", &fields).await;
        assert_eq!(res.status, StatusCode::FORBIDDEN, "{}", user.email);
    }
    nobody_moved(&app, &r, &ids).await;
}

#[tokio::test]
async fn workload_overview_counts_per_regisseur_doelgroep_and_stage() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    three_of(&app, &r, r.regisseur.id).await;
    insert(&app, r.weert, None, "Lou", None, "Evers").await;
    insert(
        &app,
        r.nederweert,
        Some(r.other_regisseur.id),
        "Ann",
        None,
        "Buiten",
    )
    .await;
    let page = app.get_page(&r.teamleider, "/werkvoorraad/aantallen").await;
    assert_eq!(page.status, StatusCode::OK);
    let row = |naam: &str| -> Vec<String> {
        page.body
            .split(&format!(">{naam}</a></th>"))
            .nth(1)
            .and_then(|s| s.split("</tr>").next())
            .unwrap_or("")
            .split("<td>")
            .skip(1)
            .filter_map(|c| c.split("</td>").next())
            .map(str::to_string)
            .collect()
    };
    let mine = row("Test regisseur@weert.test");
    assert_eq!(mine.first().map(String::as_str), Some("3"), "{}", page.body);
    let none = row("Zonder regisseur");
    assert_eq!(none.first().map(String::as_str), Some("1"));
    // The colleague without persons is listed too (someone to give work to).
    assert_eq!(
        row("Test regisseur2@weert.test")
            .first()
            .map(String::as_str),
        Some("0")
    );
    assert!(page.body.contains("Gekoppeld, nog niet gehuisvest"));
    // Per stage: (totaal, aangemeld, gekoppeld, gehuisvest). The persons were linked on 1 February
    // 2025 and have no housing date; those without regisseur keep their real stage.
    let stages = |naam: &str| -> Vec<String> {
        page.body
            .split(&format!("<th scope=\"row\">{naam}</th>"))
            .nth(1)
            .and_then(|s| s.split("</tr>").next())
            .unwrap_or("")
            .split("<td>")
            .skip(1)
            .filter_map(|c| c.split("</td>").next())
            .map(str::to_string)
            .collect()
    };
    assert_eq!(
        stages("Test regisseur@weert.test"),
        ["3", "0", "3", "0", "0", "0", "0"]
    );
    assert_eq!(
        stages("Zonder regisseur"),
        ["1", "0", "1", "0", "0", "0", "0"]
    );
    assert!(!page.body.contains("nederweert"), "only the own gemeente");
    for user in [&r.regisseur, &r.beheerder, &r.privacy, &r.other_regisseur] {
        assert_eq!(
            app.get_page(user, "/werkvoorraad/aantallen").await.status,
            StatusCode::FORBIDDEN,
            "{}",
            user.email
        );
    }
}

#[tokio::test]
async fn take_on_follows_the_gemeente_setting() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let loose = insert(&app, r.weert, None, "Lou", None, "Evers").await;
    let path = format!("/personen/{loose}/overnemen");
    let versie = [("versie", "1")];

    // Off by default: no button, and the POST is refused.
    let list = app.get_page(&r.regisseur, "/caseload?regisseur=geen").await;
    assert!(!list.body.contains(&path));
    let res = app.post_form(&r.regisseur, &path, &versie).await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    assert_eq!(regisseur_of(&app, &r.regisseur, loose).await, None);

    // Only the gemeente's beheerder switches it on; the change is logged.
    let on = [("overnemen", "on"), ("versie", "0")];
    for user in [&r.regisseur, &r.teamleider] {
        assert_eq!(
            app.post_form(user, "/beheer/instellingen", &on)
                .await
                .status,
            StatusCode::FORBIDDEN
        );
    }
    let res = app
        .post_form(&r.beheerder, "/beheer/instellingen", &on)
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(res.location(), "/beheer/instellingen?melding=opgeslagen");
    let rows = wegwijs_storage::audit::for_gemeente(&app.db, r.weert, 100, 0).await;
    let logged = rows
        .map(|rs| rs.iter().any(|a| a.actie.code() == "instelling_gewijzigd"))
        .unwrap_or(false);
    assert!(logged, "the setting change is in the gemeente's log");
    // A stale form does not overwrite a colleague's choice.
    let stale = app
        .post_form(&r.beheerder, "/beheer/instellingen", &[("versie", "0")])
        .await;
    assert_eq!(stale.status, StatusCode::CONFLICT);

    // Now the regisseur sees the button and takes the person on.
    let list = app.get_page(&r.regisseur, "/caseload?regisseur=geen").await;
    assert!(list.body.contains(&path), "{}", list.body);
    let res = app.post_form(&r.regisseur, &path, &versie).await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    assert_eq!(
        res.location(),
        format!("/personen/{loose}?melding=overgenomen")
    );
    assert_eq!(
        regisseur_of(&app, &r.regisseur, loose).await,
        Some(r.regisseur.id.to_string())
    );
    assert!(
        app.audit_actions(&loose.to_string())
            .await
            .contains(&"regisseur_gewijzigd".to_string())
    );
    // Taking on never takes a person from a colleague, and a teamleider assigns instead.
    let res = app
        .post_form(&r.regisseur2, &path, &[("versie", "2")])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    let res = app
        .post_form(&r.teamleider, &path, &[("versie", "2")])
        .await;
    assert_eq!(res.status, StatusCode::FORBIDDEN);
    // Another gemeente's regisseur does not find the person at all.
    let res = app
        .post_form(&r.other_regisseur, &path, &[("versie", "2")])
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        regisseur_of(&app, &r.regisseur, loose).await,
        Some(r.regisseur.id.to_string())
    );
}

#[tokio::test]
async fn household_member_by_an_ambiguous_name_lists_the_candidates() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let me = Some(r.regisseur.id);
    let head = insert(&app, r.weert, me, "Yusuf", None, "Demouri").await;
    let sara = insert(&app, r.weert, me, "Sara", None, "Bakr").await;
    let sara2 = insert(&app, r.weert, me, "Sara", None, "Bakri").await;
    let path = format!("/personen/{head}/huishouden");
    let relatie = format!("relatie_{head}");
    let res = app
        .post_form(
            &r.regisseur,
            &path,
            &[
                ("omschrijving", "Gezin Demouri"),
                ("lid", &head.to_string()),
                (relatie.as_str(), "referentiepersoon"),
                ("nieuw_lid", "Sara Bakr"),
                ("nieuw_relatie", "partner"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", res.body);
    assert!(
        res.body.contains("kies hieronder wie u bedoelt"),
        "{}",
        res.body
    );
    for id in [sara, sara2] {
        assert!(
            res.body
                .contains(&format!("name=\"nieuw_lid_keuze\" value=\"{id}\"")),
            "{}",
            res.body
        );
    }
    let res = app
        .post_form(
            &r.regisseur,
            &path,
            &[
                ("omschrijving", "Gezin Demouri"),
                ("lid", &head.to_string()),
                (relatie.as_str(), "referentiepersoon"),
                ("nieuw_lid", "Sara Bakr"),
                ("nieuw_lid_keuze", &sara2.to_string()),
                ("nieuw_relatie", "partner"),
            ],
        )
        .await;
    assert_eq!(res.status, StatusCode::SEE_OTHER, "{}", res.body);
    let dossier = app
        .get_page(&r.regisseur, &format!("/personen/{head}"))
        .await;
    assert!(dossier.body.contains("Sara Bakri"), "{}", dossier.body);
    assert!(!dossier.body.contains(">Sara Bakr<"));
}

/// A name search spans several forms (segments); paging walks them all, each person exactly once.
#[tokio::test]
async fn a_name_search_pages_across_its_forms_without_repeats_or_gaps() {
    let app = TestApp::spawn().await;
    let r = app.region().await;
    let me = Some(r.regisseur.id);
    for i in 0..30 {
        insert(
            &app,
            r.weert,
            me,
            &format!("Kim{i:02}"),
            Some("el"),
            "Inktami",
        )
        .await;
        insert(&app, r.weert, me, &format!("Kim{i:02}"), None, "Inktami").await;
    }
    insert(&app, r.weert, me, "Kim", None, "Bakr").await;
    let mut seen = Vec::new();
    let q =
        serde_urlencoded::to_string([("zoek", "Kim Inktami"), ("regisseur", "alle")]).expect("q");
    let mut next = Some(format!("/caseload?{q}"));
    let mut pages = 0;
    while let Some(path) = next {
        let page = app.get_page(&r.regisseur, &path).await;
        assert_eq!(page.status, StatusCode::OK);
        if pages == 0 {
            assert!(page.body.contains("60 personen gevonden"), "{}", page.body);
        }
        seen.extend(
            page.body
                .split("<th scope=\"row\"><a href=\"/personen/")
                .skip(1)
                .filter_map(|s| s.split('"').next())
                .map(str::to_string),
        );
        next = link(&page.body, "next");
        pages += 1;
        assert!(pages < 10);
    }
    assert_eq!(pages, 3);
    let unique: std::collections::BTreeSet<_> = seen.iter().collect();
    assert_eq!(seen.len(), 60);
    assert_eq!(unique.len(), 60, "no person twice");
}
