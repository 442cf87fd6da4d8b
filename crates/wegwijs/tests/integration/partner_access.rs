//! The authorization matrix of issue 8, proven through HTTP: roles × resources × relationships (own or
//! other gemeente; referral active, sent, ended or none; assigned worker or colleague; normal,
//! sensitive and own-organisation notes; health data; handhaving). Every case of the table is one row
//! in `docs/security.md`; this test checks that the document lists exactly these cases, so the
//! document cannot drift from what the code does (`UPDATE_SECURITY_DOC=1` rewrites the table).

use axum::http::StatusCode;
use chrono::Utc;
use serde_json::{Value, json};
use uuid::Uuid;
use wegwijs_domain::authz::{OrganisatieSoort, Role};
use wegwijs_domain::ids::OrganisatieId;
use wegwijs_domain::partners::aanbod::{Eenheid, Financiering, Product};
use wegwijs_storage::organisations::{self, Organisation};

use crate::harness::{TestApp, TestUser, person_json};

pub async fn partner_org(app: &TestApp, naam: &str) -> OrganisatieId {
    let org = Organisation {
        id: OrganisatieId(Uuid::now_v7()),
        naam: naam.into(),
        soort: OrganisatieSoort::Partner,
        gemeentecode: None,
        versie: 1,
    };
    let mut tx = app.db.begin().await.expect("tx");
    organisations::insert(&mut tx, &org, Utc::now())
        .await
        .expect("org");
    tx.commit().await.expect("commit");
    org.id
}

pub async fn product(
    app: &TestApp,
    gemeente: OrganisatieId,
    partner: OrganisatieId,
    naam: &str,
) -> Uuid {
    let id = Uuid::now_v7();
    let p = Product {
        naam: naam.into(),
        leefdomein: "communicatie".into(),
        financiering: Financiering::SpukLeerroute,
        eenheid: Eenheid::Uren,
        omschrijving: String::new(),
    };
    let mut tx = app.db.begin().await.expect("tx");
    wegwijs_storage::partners::aanbod::insert(&mut tx, id, gemeente, partner, &p, Utc::now())
        .await
        .expect("aanbod");
    tx.commit().await.expect("commit");
    id
}

/// Refers `person` to `aanbod` (as `regisseur`), assigned to `worker`; returns (id, versie).
pub async fn refer(
    app: &TestApp,
    regisseur: &TestUser,
    person: &str,
    aanbod: Uuid,
    worker: Option<&TestUser>,
) -> (String, i64) {
    let body = json!({
        "aanbodId": aanbod.to_string(),
        "vraag": "Leerroute B1, drie dagdelen per week",
        "grondslag": "wettelijke_taak",
        "geldigTot": (Utc::now().date_naive() + chrono::Duration::days(300)).to_string(),
        "medewerkerId": worker.map(|w| w.id.0.to_string()),
    });
    let res = app
        .post_api(
            regisseur,
            &format!("/api/v1/personen/{person}/verwijzingen"),
            &body,
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
    let v = res.json();
    (
        v["id"].as_str().expect("id").into(),
        v["versie"].as_i64().expect("versie"),
    )
}

pub async fn step(app: &TestApp, who: &TestUser, id: &str, versie: i64, overgang: &str) -> i64 {
    let today = Utc::now().date_naive().to_string();
    let mut body = json!({"overgang": overgang, "versie": versie, "datum": today});
    if overgang == "stoppen" || overgang == "afwijzen" {
        body["reden"] = json!("verhuisd");
    }
    if overgang == "intrekken" {
        body["toelichting"] = json!("Verhuisd naar een andere gemeente");
    }
    let res = app
        .post_api(who, &format!("/api/v1/verwijzingen/{id}/overgangen"), &body)
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{overgang}: {}", res.body);
    res.json()["versie"].as_i64().expect("versie")
}

struct World {
    users: Vec<(&'static str, TestUser)>,
    persons: Vec<(&'static str, String)>,
    referrals: Vec<(&'static str, String)>,
}

impl World {
    fn user(&self, k: &str) -> &TestUser {
        &self.users.iter().find(|(n, _)| *n == k).expect(k).1
    }
    fn person(&self, k: &str) -> &str {
        &self.persons.iter().find(|(n, _)| *n == k).expect(k).1
    }
    fn referral(&self, k: &str) -> &str {
        &self.referrals.iter().find(|(n, _)| *n == k).expect(k).1
    }
}

async fn contact(app: &TestApp, who: &TestUser, person: &str, v: &str) {
    let body = json!({
        "soort": "gesprek", "datum": Utc::now().date_naive().to_string(),
        "vertrouwelijkheid": v, "samenvatting": format!("Notitie {v}"),
    });
    let res = app
        .post_api(
            who,
            &format!("/api/v1/personen/{person}/contactmomenten"),
            &body,
        )
        .await;
    assert_eq!(res.status, StatusCode::CREATED, "{}", res.body);
}

async fn world(app: &TestApp) -> World {
    let r = app.region().await;
    let taalschool = partner_org(app, "Taalschool Weert").await;
    let werkbedrijf = partner_org(app, "Werkbedrijf Weert").await;
    let coordinator = app
        .user(
            "coordinator@taalschool.test",
            taalschool,
            &[Role::PartnerCoordinator, Role::PartnerMedewerker],
        )
        .await;
    let docent = app
        .user(
            "docent@taalschool.test",
            taalschool,
            &[Role::PartnerMedewerker],
        )
        .await;
    let collega = app
        .user(
            "collega@taalschool.test",
            taalschool,
            &[Role::PartnerMedewerker],
        )
        .await;
    let werk = app
        .user(
            "coordinator@werkbedrijf.test",
            werkbedrijf,
            &[Role::PartnerCoordinator],
        )
        .await;
    let b1_weert = product(app, r.weert, taalschool, "Leerroute B1").await;
    let b1_nederweert = product(app, r.nederweert, taalschool, "Leerroute B1").await;
    let wep = product(app, r.weert, werkbedrijf, "Werkervaringsplek").await;

    let actief = app
        .person(&r.regisseur, person_json("Amal", "Actief", None))
        .await
        .0;
    let verstuurd = app
        .person(&r.regisseur, person_json("Bilal", "Verstuurd", None))
        .await
        .0;
    let beeindigd = app
        .person(&r.regisseur, person_json("Carim", "Beeindigd", None))
        .await
        .0;
    let geen = app
        .person(&r.regisseur, person_json("Dana", "Geen", None))
        .await
        .0;
    let elders = app
        .person(&r.other_regisseur, person_json("Ezra", "Nederweert", None))
        .await
        .0;

    let (v_actief, n) = refer(app, &r.regisseur, &actief, b1_weert, Some(&docent)).await;
    let n = step(app, &docent, &v_actief, n, "accepteren").await;
    step(app, &docent, &v_actief, n, "starten").await;
    let (v_verstuurd, _) = refer(app, &r.regisseur, &verstuurd, b1_weert, Some(&docent)).await;
    let (v_beeindigd, n) = refer(app, &r.regisseur, &beeindigd, b1_weert, Some(&docent)).await;
    let n = step(app, &docent, &v_beeindigd, n, "accepteren").await;
    let n = step(app, &docent, &v_beeindigd, n, "starten").await;
    step(app, &docent, &v_beeindigd, n, "afronden").await;
    let (v_elders, n) = refer(
        app,
        &r.other_regisseur,
        &elders,
        b1_nederweert,
        Some(&docent),
    )
    .await;
    step(app, &docent, &v_elders, n, "accepteren").await;
    let (v_werk, n) = refer(app, &r.regisseur, &actief, wep, None).await;
    step(app, &werk, &v_werk, n, "accepteren").await;

    // Notes on the active person: the regisseur's three kinds and the docent's three kinds.
    for v in ["normaal", "gevoelig", "eigen_organisatie"] {
        contact(app, &r.regisseur, &actief, v).await;
        contact(app, &docent, &actief, v).await;
    }
    World {
        users: vec![
            ("regisseur", r.regisseur),
            ("teamleider", r.teamleider),
            ("beleid", r.beleid),
            ("privacy", r.privacy),
            ("regisseur-nederweert", r.other_regisseur),
            ("coordinator-taalschool", coordinator),
            ("docent-taalschool", docent),
            ("collega-taalschool", collega),
            ("coordinator-werkbedrijf", werk),
        ],
        persons: vec![
            ("actief", actief),
            ("verstuurd", verstuurd),
            ("beeindigd", beeindigd),
            ("geen", geen),
            ("nederweert", elders),
        ],
        referrals: vec![
            ("actief", v_actief),
            ("verstuurd", v_verstuurd),
            ("beeindigd", v_beeindigd),
            ("nederweert", v_elders),
            ("werkbedrijf", v_werk),
        ],
    }
}

/// One case: who, what, on which person or referral, the expected status and (for lists) count.
struct Case {
    wie: &'static str,
    wat: &'static str,
    /// `P:<person>` or `V:<referral>`.
    op: &'static str,
    status: u16,
    aantal: Option<usize>,
    waarom: &'static str,
}

const fn c(
    wie: &'static str,
    wat: &'static str,
    op: &'static str,
    status: u16,
    waarom: &'static str,
) -> Case {
    Case {
        wie,
        wat,
        op,
        status,
        aantal: None,
        waarom,
    }
}

const fn n(
    wie: &'static str,
    wat: &'static str,
    op: &'static str,
    aantal: usize,
    waarom: &'static str,
) -> Case {
    Case {
        wie,
        wat,
        op,
        status: 200,
        aantal: Some(aantal),
        waarom,
    }
}

/// The matrix. `wat` names the request (see [`request`]).
const CASES: &[Case] = &[
    // The person's record.
    c("regisseur", "persoon", "P:actief", 200, "eigen gemeente"),
    c(
        "regisseur",
        "persoon",
        "P:nederweert",
        404,
        "andere gemeente",
    ),
    c("teamleider", "persoon", "P:actief", 200, "eigen gemeente"),
    c(
        "beleid",
        "persoon",
        "P:actief",
        403,
        "beleid ziet alleen aantallen",
    ),
    c(
        "privacy",
        "persoon",
        "P:actief",
        403,
        "privacyfunctionaris ziet het log, niet de persoon",
    ),
    c(
        "regisseur-nederweert",
        "persoon",
        "P:actief",
        404,
        "andere gemeente",
    ),
    c(
        "docent-taalschool",
        "persoon",
        "P:actief",
        200,
        "lopende verwijzing, toegewezen",
    ),
    c(
        "docent-taalschool",
        "persoon",
        "P:verstuurd",
        404,
        "verwijzing nog niet geaccepteerd",
    ),
    c(
        "docent-taalschool",
        "persoon",
        "P:beeindigd",
        404,
        "verwijzing beëindigd",
    ),
    c(
        "docent-taalschool",
        "persoon",
        "P:geen",
        404,
        "geen verwijzing",
    ),
    c(
        "docent-taalschool",
        "persoon",
        "P:nederweert",
        200,
        "geaccepteerde verwijzing van een andere gemeente",
    ),
    c(
        "collega-taalschool",
        "persoon",
        "P:actief",
        404,
        "verwijzing niet aan deze medewerker toegewezen",
    ),
    c(
        "coordinator-taalschool",
        "persoon",
        "P:actief",
        200,
        "coördinator ziet alle verwijzingen van de organisatie",
    ),
    c(
        "coordinator-taalschool",
        "persoon",
        "P:geen",
        404,
        "geen verwijzing",
    ),
    c(
        "coordinator-werkbedrijf",
        "persoon",
        "P:actief",
        200,
        "eigen geaccepteerde verwijzing",
    ),
    c(
        "coordinator-werkbedrijf",
        "persoon",
        "P:beeindigd",
        404,
        "verwijzing naar een andere partner",
    ),
    // Lists.
    n(
        "regisseur",
        "personenlijst",
        "-",
        4,
        "alle personen van de gemeente",
    ),
    n(
        "coordinator-taalschool",
        "personenlijst",
        "-",
        2,
        "personen met een lopende verwijzing",
    ),
    n(
        "docent-taalschool",
        "personenlijst",
        "-",
        2,
        "personen met een toegewezen lopende verwijzing",
    ),
    n(
        "collega-taalschool",
        "personenlijst",
        "-",
        0,
        "niets toegewezen",
    ),
    n(
        "coordinator-werkbedrijf",
        "personenlijst",
        "-",
        1,
        "andere partner, andere personen",
    ),
    n(
        "regisseur",
        "verwijzingenlijst",
        "-",
        3,
        "lopende verwijzingen van de gemeente",
    ),
    n(
        "coordinator-taalschool",
        "verwijzingenlijst",
        "-",
        3,
        "lopende verwijzingen aan de organisatie, ook verstuurde",
    ),
    n(
        "collega-taalschool",
        "verwijzingenlijst",
        "-",
        0,
        "niets toegewezen",
    ),
    c(
        "beleid",
        "verwijzingenlijst",
        "-",
        403,
        "beleid ziet geen personen",
    ),
    // Health and the trajectory: never for a partner.
    c(
        "regisseur",
        "gezondheid",
        "P:actief",
        200,
        "eigen regisseur",
    ),
    c(
        "docent-taalschool",
        "gezondheid",
        "P:actief",
        403,
        "verwijzing opent geen brede intake of gezondheid",
    ),
    c(
        "coordinator-taalschool",
        "gezondheid",
        "P:actief",
        403,
        "verwijzing opent geen brede intake of gezondheid",
    ),
    c(
        "docent-taalschool",
        "pips",
        "P:actief",
        403,
        "alleen toegewezen doelen, via het dossier",
    ),
    c(
        "docent-taalschool",
        "termijn",
        "P:actief",
        403,
        "termijn is niet van de partner",
    ),
    c(
        "docent-taalschool",
        "verwerkingen",
        "P:actief",
        403,
        "log is voor de gemeente",
    ),
    c(
        "docent-taalschool",
        "huishoudens",
        "-",
        403,
        "huishoudens vallen buiten de verwijzing",
    ),
    // Contact moments and their confidentiality.
    n(
        "regisseur",
        "contactmomenten",
        "P:actief",
        5,
        "alles behalve notities 'alleen eigen organisatie' van de partner",
    ),
    n(
        "teamleider",
        "contactmomenten",
        "P:actief",
        5,
        "als de regisseur",
    ),
    n(
        "docent-taalschool",
        "contactmomenten",
        "P:actief",
        3,
        "alleen eigen notities van de eigen organisatie",
    ),
    n(
        "coordinator-taalschool",
        "contactmomenten",
        "P:actief",
        2,
        "eigen organisatie, zonder andermans gevoelige notitie",
    ),
    n(
        "coordinator-werkbedrijf",
        "contactmomenten",
        "P:actief",
        0,
        "geen notities van de eigen organisatie",
    ),
    c(
        "collega-taalschool",
        "contactmomenten",
        "P:actief",
        404,
        "niet toegewezen",
    ),
    c(
        "docent-taalschool",
        "contactmomenten",
        "P:beeindigd",
        404,
        "verwijzing beëindigd",
    ),
    c(
        "beleid",
        "contactmomenten",
        "P:actief",
        403,
        "beleid ziet geen personen",
    ),
    c(
        "docent-taalschool",
        "contact vastleggen",
        "P:actief",
        201,
        "lopende verwijzing",
    ),
    c(
        "docent-taalschool",
        "contact vastleggen",
        "P:beeindigd",
        404,
        "verwijzing beëindigd",
    ),
    c(
        "docent-taalschool",
        "contact vastleggen",
        "P:geen",
        404,
        "geen verwijzing",
    ),
    c(
        "coordinator-werkbedrijf",
        "contact vastleggen",
        "P:actief",
        201,
        "eigen geaccepteerde verwijzing",
    ),
    c(
        "teamleider",
        "contact vastleggen",
        "P:actief",
        403,
        "teamleider legt geen uitvoering vast",
    ),
    // Measurements, hours, placements.
    c(
        "docent-taalschool",
        "meting vastleggen",
        "P:actief",
        201,
        "lopende verwijzing",
    ),
    c(
        "docent-taalschool",
        "meting vastleggen",
        "P:verstuurd",
        404,
        "verwijzing nog niet geaccepteerd",
    ),
    c(
        "regisseur",
        "meting vastleggen",
        "P:actief",
        201,
        "eigen gemeente",
    ),
    c(
        "regisseur-nederweert",
        "meting vastleggen",
        "P:actief",
        404,
        "andere gemeente",
    ),
    c(
        "docent-taalschool",
        "metingen",
        "P:actief",
        200,
        "eigen metingen",
    ),
    c(
        "docent-taalschool",
        "uren vastleggen",
        "P:actief",
        201,
        "lopende verwijzing",
    ),
    c(
        "collega-taalschool",
        "uren vastleggen",
        "P:actief",
        404,
        "niet toegewezen",
    ),
    c(
        "coordinator-werkbedrijf",
        "plaatsing vastleggen",
        "P:actief",
        201,
        "eigen geaccepteerde verwijzing",
    ),
    c(
        "coordinator-werkbedrijf",
        "plaatsing vastleggen",
        "P:geen",
        404,
        "geen verwijzing",
    ),
    c(
        "beleid",
        "plaatsingen",
        "P:actief",
        403,
        "beleid ziet geen personen",
    ),
    // Attendance per referral.
    c(
        "docent-taalschool",
        "aanwezigheid vastleggen",
        "V:actief",
        201,
        "lopende verwijzing",
    ),
    c(
        "docent-taalschool",
        "aanwezigheid vastleggen",
        "V:beeindigd",
        403,
        "verwijzing beëindigd",
    ),
    c(
        "docent-taalschool",
        "aanwezigheid vastleggen",
        "V:verstuurd",
        403,
        "verwijzing nog niet geaccepteerd",
    ),
    c(
        "collega-taalschool",
        "aanwezigheid vastleggen",
        "V:actief",
        403,
        "niet toegewezen",
    ),
    c(
        "coordinator-werkbedrijf",
        "aanwezigheid vastleggen",
        "V:actief",
        404,
        "verwijzing naar een andere partner",
    ),
    c(
        "regisseur",
        "aanwezigheid vastleggen",
        "V:actief",
        403,
        "aanwezigheid legt de partner vast",
    ),
    c(
        "docent-taalschool",
        "aanwezigheid",
        "V:beeindigd",
        200,
        "eigen verslagen blijven leesbaar",
    ),
    c(
        "regisseur",
        "aanwezigheid",
        "V:actief",
        200,
        "eigen gemeente",
    ),
    c(
        "regisseur-nederweert",
        "aanwezigheid",
        "V:actief",
        404,
        "andere gemeente",
    ),
    // The referral itself.
    c(
        "docent-taalschool",
        "verwijzing",
        "V:verstuurd",
        200,
        "verstuurde verwijzing: zien en beantwoorden",
    ),
    c(
        "docent-taalschool",
        "verwijzing",
        "V:beeindigd",
        200,
        "beëindigde verwijzing blijft zichtbaar",
    ),
    c(
        "collega-taalschool",
        "verwijzing",
        "V:verstuurd",
        403,
        "niet toegewezen",
    ),
    c(
        "coordinator-werkbedrijf",
        "verwijzing",
        "V:actief",
        404,
        "verwijzing naar een andere partner",
    ),
    c(
        "regisseur-nederweert",
        "verwijzing",
        "V:actief",
        404,
        "andere gemeente",
    ),
    c(
        "regisseur",
        "intrekken",
        "V:verstuurd",
        201,
        "de gemeente trekt in",
    ),
    c(
        "docent-taalschool",
        "intrekken",
        "V:actief",
        403,
        "alleen de gemeente trekt in",
    ),
    c(
        "regisseur",
        "accepteren",
        "V:verstuurd",
        403,
        "alleen de partner beantwoordt",
    ),
    c(
        "docent-taalschool",
        "accepteren",
        "V:beeindigd",
        403,
        "verwijzing beëindigd",
    ),
    // Handhaving: only the gemeente.
    c("regisseur", "handhaving", "P:actief", 200, "eigen gemeente"),
    c(
        "teamleider",
        "handhaving",
        "P:actief",
        200,
        "eigen gemeente",
    ),
    c(
        "docent-taalschool",
        "handhaving",
        "P:actief",
        403,
        "handhaving is niet voor partners",
    ),
    c(
        "coordinator-taalschool",
        "handhaving vastleggen",
        "P:actief",
        403,
        "handhaving is niet voor partners",
    ),
    c(
        "teamleider",
        "handhaving vastleggen",
        "P:actief",
        403,
        "besluit door de regisseur",
    ),
    c(
        "regisseur",
        "handhaving vastleggen",
        "P:actief",
        201,
        "eigen gemeente",
    ),
    c(
        "regisseur-nederweert",
        "handhaving",
        "P:actief",
        404,
        "andere gemeente",
    ),
];

fn today() -> String {
    Utc::now().date_naive().to_string()
}

/// (method, path, body) of a case.
fn request(w: &World, case: &Case) -> (&'static str, String, Option<Value>) {
    let (kind, key) = case.op.split_once(':').unwrap_or(("-", ""));
    let p = || w.person(key).to_string();
    let v = || w.referral(key).to_string();
    match case.wat {
        "persoon" => ("GET", format!("/api/v1/personen/{}", p()), None),
        "personenlijst" => (
            "GET",
            "/api/v1/personen?paginaGrootte=200&regisseur=alle".into(),
            None,
        ),
        "verwijzingenlijst" => ("GET", "/api/v1/verwijzingen".into(), None),
        "gezondheid" => (
            "GET",
            format!("/api/v1/personen/{}/brede-intake", p()),
            None,
        ),
        "pips" => ("GET", format!("/api/v1/personen/{}/pips", p()), None),
        "termijn" => ("GET", format!("/api/v1/personen/{}/termijnen", p()), None),
        "verwerkingen" => (
            "GET",
            format!("/api/v1/personen/{}/verwerkingen", p()),
            None,
        ),
        "huishoudens" => ("GET", "/api/v1/huishoudens".into(), None),
        "contactmomenten" => (
            "GET",
            format!("/api/v1/personen/{}/contactmomenten", p()),
            None,
        ),
        "contact vastleggen" => (
            "POST",
            format!("/api/v1/personen/{}/contactmomenten", p()),
            Some(
                json!({"soort": "telefonisch", "datum": today(), "vertrouwelijkheid": "normaal", "samenvatting": "Gebeld"}),
            ),
        ),
        "metingen" => ("GET", format!("/api/v1/personen/{}/metingen", p()), None),
        "meting vastleggen" => (
            "POST",
            format!("/api/v1/personen/{}/metingen", p()),
            Some(
                json!({"instrument": "taal", "moment": "start", "datum": today(), "scores": [{"domein": "spreken", "score": "a2"}]}),
            ),
        ),
        "uren vastleggen" => (
            "POST",
            format!("/api/v1/personen/{}/urenregistraties", p()),
            Some(json!({"datum": today(), "uren": "1,5"})),
        ),
        "plaatsingen" => ("GET", format!("/api/v1/personen/{}/plaatsingen", p()), None),
        "plaatsing vastleggen" => (
            "POST",
            format!("/api/v1/personen/{}/plaatsingen", p()),
            Some(
                json!({"soort": "werkervaringsplek", "organisatie": "Groenbedrijf", "start": today(), "urenPerWeek": "16"}),
            ),
        ),
        "aanwezigheid" => (
            "GET",
            format!("/api/v1/verwijzingen/{}/aanwezigheid", v()),
            None,
        ),
        "aanwezigheid vastleggen" => (
            "POST",
            format!("/api/v1/verwijzingen/{}/aanwezigheid", v()),
            Some(json!({"datum": today(), "aanwezigheid": "afwezig_zonder_bericht"})),
        ),
        "verwijzing" => ("GET", format!("/api/v1/verwijzingen/{}", v()), None),
        "intrekken" => (
            "POST",
            format!("/api/v1/verwijzingen/{}/overgangen", v()),
            Some(json!({"overgang": "intrekken", "toelichting": "Niet meer nodig", "versie": 0})),
        ),
        "accepteren" => (
            "POST",
            format!("/api/v1/verwijzingen/{}/overgangen", v()),
            Some(json!({"overgang": "accepteren", "versie": 0})),
        ),
        "handhaving" => ("GET", format!("/api/v1/personen/{}/handhaving", p()), None),
        "handhaving vastleggen" => (
            "POST",
            format!("/api/v1/personen/{}/handhaving", p()),
            Some(json!({"soort": "waarschuwing", "besluitDatum": today()})),
        ),
        other => panic!("onbekend verzoek {other} ({kind})"),
    }
}

fn items(v: &Value) -> usize {
    v.as_object()
        .and_then(|o| o.values().find_map(Value::as_array))
        .map_or(0, Vec::len)
}

/// Versions are read fresh for transitions (the matrix is about access, not staleness).
async fn with_version(app: &TestApp, w: &World, body: &mut Value, case: &Case) {
    if body.get("versie").is_some() {
        let id = case.op.split_once(':').map(|x| x.1).unwrap_or_default();
        let res = app
            .get_api(
                w.user("regisseur"),
                &format!("/api/v1/verwijzingen/{}", w.referral(id)),
            )
            .await;
        body["versie"] = res.json()["versie"].clone();
    }
}

fn row(case: &Case) -> String {
    let verwacht = match case.aantal {
        Some(n) => format!("{} ({n} zichtbaar)", case.status),
        None => case.status.to_string(),
    };
    let op = match case.op {
        "-" => "-".to_string(),
        o => o.replace("P:", "persoon: ").replace("V:", "verwijzing: "),
    };
    format!(
        "| {} | {} | {} | {} | {} |",
        case.wie, case.wat, op, verwacht, case.waarom
    )
}

/// The table as `docs/security.md` holds it, between its two markers.
fn table() -> String {
    let mut out = String::from("| Wie | Wat | Op | Verwacht | Waarom |\n|---|---|---|---|---|\n");
    for case in CASES {
        out.push_str(&row(case));
        out.push('\n');
    }
    out
}

const START: &str =
    "<!-- matrix:begin (gegenereerd door tests/integration/partner_access.rs) -->\n";
const END: &str = "<!-- matrix:end -->";

#[tokio::test]
async fn every_case_of_the_partner_access_matrix_holds_over_http() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let mut failures = Vec::new();
    for case in CASES {
        let (method, path, body) = request(&w, case);
        let mut body = body;
        if let Some(b) = body.as_mut() {
            with_version(&app, &w, b, case).await;
        }
        let user = w.user(case.wie);
        let res = app
            .api(
                method,
                &path,
                Some(&user.api_key),
                body.as_ref().map(|b| b.to_string()).as_deref(),
                None,
            )
            .await;
        let ok_status = res.status.as_u16() == case.status;
        let ok_count = case
            .aantal
            .is_none_or(|n| ok_status && items(&res.json()) == n);
        if !(ok_status && ok_count) {
            failures.push(format!(
                "{} -> {} {} ({})",
                row(case),
                res.status,
                if res.status.is_success() {
                    items(&res.json()).to_string()
                } else {
                    String::new()
                },
                &res.body.chars().take(160).collect::<String>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} cases fail:\n{}",
        failures.len(),
        CASES.len(),
        failures.join("\n")
    );

    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/security.md");
    let doc = std::fs::read_to_string(path).unwrap_or_default();
    let fresh = match (doc.find(START), doc.find(END)) {
        (Some(s), Some(e)) if s < e => format!("{}{START}{}{}", &doc[..s], table(), &doc[e..]),
        _ => doc.clone(),
    };
    if std::env::var_os("UPDATE_SECURITY_DOC").is_some() {
        std::fs::write(path, &fresh).expect("write docs/security.md");
    } else {
        assert_eq!(
            doc, fresh,
            "docs/security.md lists other cases than this test: run with UPDATE_SECURITY_DOC=1"
        );
    }
}

#[tokio::test]
async fn every_partner_read_is_logged_with_the_referral_as_legal_basis() {
    let app = TestApp::spawn().await;
    let w = world(&app).await;
    let docent = w.user("docent-taalschool");
    let person = w.person("actief");
    let referral = w.referral("actief");
    assert_eq!(
        app.get_api(docent, &format!("/api/v1/personen/{person}"))
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.get_api(docent, "/api/v1/personen?regisseur=alle")
            .await
            .status,
        StatusCode::OK
    );
    assert_eq!(
        app.get_api(
            docent,
            &format!("/api/v1/personen/{person}/contactmomenten")
        )
        .await
        .status,
        StatusCode::OK
    );
    // The batcher writes reads shortly after: wait until they are durable.
    let rows = wait_for_rows(&app, person, docent, 3).await;
    assert!(rows.len() >= 3, "{rows:?}");
    for (actie, activiteit, grondslag) in &rows {
        assert_eq!(activiteit, "uitvoering-verwijzing", "{actie}");
        assert!(grondslag.contains(referral), "{actie}: {grondslag}");
        assert!(grondslag.contains("Wettelijke taak"), "{grondslag}");
    }
}

async fn wait_for_rows(
    app: &TestApp,
    person: &str,
    user: &TestUser,
    at_least: usize,
) -> Vec<(String, String, String)> {
    let pid = Uuid::parse_str(person).expect("uuid");
    for _ in 0..50 {
        let rows: Vec<(String, String, String)> = wegwijs_storage::on_pool!(&app.db, |p| sqlx::query_as(
            "SELECT actie, verwerkingsactiviteit, grondslag FROM audit_log WHERE persoon_id = $1 AND gebruiker_id = $2 ORDER BY id"
        )
        .bind(pid)
        .bind(user.id.0)
        .fetch_all(p)
        .await)
        .expect("audit rows");
        let reads: Vec<_> = rows
            .into_iter()
            .filter(|r| !r.0.ends_with("vastgelegd") && r.0 != "verwijzing_gewijzigd")
            .collect();
        if reads.len() >= at_least {
            return reads;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    vec![]
}
