//! Chain-partner demo data (issue 8): the partners' kinds, a sociale kaart per region gemeente,
//! partner accounts, and referrals of Weert's persons in every state with attendance (absences
//! included), measurements, contact moments, hours and placements.
//!
//! The partner accounts (all `@weert.example`): `taalschool@` (coordinator of the language school),
//! `docent.taalschool@` (a worker: sees only what is assigned to them), `werkbedrijf@` and
//! `vluchtelingenwerk@` (coordinators). Each partner sees some of Weert's persons and not others, and
//! two partners see different sets.

use chrono::{DateTime, Duration, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::authz::Role;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::partners::aanbod::{Eenheid, Financiering, Product};
use wegwijs_domain::partners::organisatie::PartnerSoort;
use wegwijs_domain::partners::verwijzing::{StopReden, VerwijzingStatus};
use wegwijs_domain::partners::verwijzing_input::{Grondslag, NieuweVerwijzing};
use wegwijs_storage::partners::aanbod;
use wegwijs_storage::partners::uitvoering::{self, Auteur, NieuwContact};
use wegwijs_storage::partners::verwijzingen::{self, Stap};
use wegwijs_storage::{Db, on_pool};

use super::sequences::Sequences;
use super::staff::StaffMember;

/// (partner name as in `region::PARTNERS`, kind, leefdomeinen).
pub const SOORTEN: &[(&str, PartnerSoort, &str)] = &[
    (
        "Werk.Kom",
        PartnerSoort::Werkbedrijf,
        "participatie,tijdsbesteding",
    ),
    (
        "Gilde Educatie",
        PartnerSoort::Taalschool,
        "communicatie,onderwijs",
    ),
    (
        "Stichting VluchtelingenWerk Zuid-Nederland",
        PartnerSoort::MbOrganisatie,
        "huisvesting,financien,participatie",
    ),
    (
        "Algemeen Maatschappelijk Werk Midden-Limburg",
        PartnerSoort::Welzijn,
        "welbevinden,financien",
    ),
    (
        "Punt Welzijn",
        PartnerSoort::Welzijn,
        "tijdsbesteding,participatie",
    ),
    (
        "Centrum voor Jeugd en Gezin Midden-Limburg",
        PartnerSoort::Zorg,
        "welbevinden",
    ),
    ("GGD Limburg-Noord", PartnerSoort::Zorg, "welbevinden"),
    ("Bibliocenter", PartnerSoort::Vrijwilligers, "communicatie"),
    ("Wonen Limburg", PartnerSoort::Welzijn, "huisvesting"),
    ("Citaverde College", PartnerSoort::Onderwijs, "onderwijs"),
    ("Gilde Opleidingen", PartnerSoort::Onderwijs, "onderwijs"),
];

/// (partner, product, leefdomein, funding, unit).
const PRODUCTEN: &[(&str, &str, &str, Financiering, Eenheid)] = &[
    (
        "Gilde Educatie",
        "Leerroute B1",
        "communicatie",
        Financiering::SpukLeerroute,
        Eenheid::Uren,
    ),
    (
        "Gilde Educatie",
        "Taalcoaching op de werkvloer",
        "communicatie",
        Financiering::GemeenteOverig,
        Eenheid::Uren,
    ),
    (
        "Gilde Educatie",
        "Z-route",
        "communicatie",
        Financiering::SpukLeerroute,
        Eenheid::Dagdelen,
    ),
    (
        "Werk.Kom",
        "Werkervaringsplek",
        "participatie",
        Financiering::Participatiewet,
        Eenheid::Weken,
    ),
    (
        "Werk.Kom",
        "Jobcoaching",
        "participatie",
        Financiering::Participatiewet,
        Eenheid::Uren,
    ),
    (
        "Werk.Kom",
        "Module Arbeidsmarkt en Participatie",
        "participatie",
        Financiering::SpukMap,
        Eenheid::Dagdelen,
    ),
    (
        "Stichting VluchtelingenWerk Zuid-Nederland",
        "Maatschappelijke begeleiding",
        "huisvesting",
        Financiering::SpukMb,
        Eenheid::Weken,
    ),
    (
        "Stichting VluchtelingenWerk Zuid-Nederland",
        "PVT-workshops",
        "participatie",
        Financiering::SpukPvt,
        Eenheid::Dagdelen,
    ),
    (
        "Stichting VluchtelingenWerk Zuid-Nederland",
        "Cursus omgaan met geld",
        "financien",
        Financiering::GemeenteOverig,
        Eenheid::Dagdelen,
    ),
    (
        "Punt Welzijn",
        "Sportgroep",
        "tijdsbesteding",
        Financiering::GemeenteOverig,
        Eenheid::Weken,
    ),
];

/// (local part, name, partner, roles).
const ACCOUNTS: &[(&str, &str, &str, &[Role])] = &[
    (
        "taalschool",
        "Coördinator Anouk Peeters",
        "Gilde Educatie",
        &[Role::PartnerCoordinator, Role::PartnerMedewerker],
    ),
    (
        "docent.taalschool",
        "Docent Ruud Hendriks",
        "Gilde Educatie",
        &[Role::PartnerMedewerker],
    ),
    (
        "werkbedrijf",
        "Coördinator Sandra Wijnen",
        "Werk.Kom",
        &[Role::PartnerCoordinator, Role::PartnerMedewerker],
    ),
    (
        "vluchtelingenwerk",
        "Coördinator Mohammed Haddad",
        "Stichting VluchtelingenWerk Zuid-Nederland",
        &[Role::PartnerCoordinator, Role::PartnerMedewerker],
    ),
];

/// The partner accounts, for the generated staff (ids from the same sequence as every account).
pub fn staff(
    seq: &mut Sequences,
    organisations: &[wegwijs_storage::organisations::Organisation],
) -> Vec<StaffMember> {
    ACCOUNTS
        .iter()
        .filter_map(|(local, naam, partner, rollen)| {
            let org = organisations.iter().find(|o| o.naam == *partner)?;
            Some(StaffMember {
                id: seq.gebruiker(),
                email: format!("{local}@weert.example"),
                naam: (*naam).to_owned(),
                organisatie: org.id,
                rollen: rollen.to_vec(),
            })
        })
        .collect()
}

async fn org_id(db: &Db, naam: &str) -> anyhow::Result<Option<OrganisatieId>> {
    Ok(wegwijs_storage::organisations::find_by_name(db, naam)
        .await?
        .map(|o| o.id))
}

/// Ids of the demo's referral rows: deterministic, so a reload gives the same data.
fn demo_id(kind: u128, n: u64) -> Uuid {
    Uuid::from_u128((0xde30 << 112) | ((0x80 + kind) << 64) | u128::from(n))
}

/// Loads the partner part of the demo for `region` (the first region gemeente gets the referrals).
pub async fn load(
    db: &Db,
    region: &[OrganisatieId],
    staff: &[StaffMember],
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let mut tx = db.begin().await?;
    for (naam, soort, domeinen) in SOORTEN {
        if let Some(id) = org_id(db, naam).await? {
            wegwijs_storage::organisations::set_partner_profiel(&mut tx, id, *soort, domeinen)
                .await?;
        }
    }
    let mut n = 0u64;
    let mut products: Vec<(OrganisatieId, &str, Uuid)> = Vec::new();
    for gemeente in region {
        for (partner, naam, domein, fin, eenheid) in PRODUCTEN {
            let Some(pid) = org_id(db, partner).await? else {
                continue;
            };
            n += 1;
            let id = demo_id(1, n);
            let p = Product {
                naam: (*naam).to_owned(),
                leefdomein: (*domein).to_owned(),
                financiering: *fin,
                eenheid: *eenheid,
                omschrijving: String::new(),
            };
            aanbod::insert(&mut tx, id, *gemeente, pid, &p, now).await?;
            if Some(gemeente) == region.first() {
                products.push((pid, naam, id));
            }
        }
    }
    tx.commit().await?;
    let Some(weert) = region.first().copied() else {
        return Ok(0);
    };
    referrals(db, weert, &products, staff, now).await
}

/// Persons of Weert with a decided PIP, with their goal ids.
async fn with_pip(
    db: &Db,
    gemeente: OrganisatieId,
    limit: i64,
) -> anyhow::Result<Vec<(PersonId, Vec<Uuid>)>> {
    const SQL: &str = "SELECT persoon_id, id FROM pip_versies WHERE gemeente_id = $1 AND status = 'vastgesteld' ORDER BY persoon_id LIMIT $2";
    let rows: Vec<(Uuid, Uuid)> = on_pool!(db, |p| sqlx::query_as(SQL)
        .bind(gemeente.0)
        .bind(limit)
        .fetch_all(p)
        .await)?;
    let scope = wegwijs_domain::authz::PersonScope::Gemeente(gemeente);
    let mut out = Vec::new();
    for (persoon, pip) in rows {
        let v = wegwijs_storage::pips::get(db, scope, PersonId(persoon), pip).await?;
        let doelen = v
            .inhoud
            .doelen
            .iter()
            .filter(|d| {
                !wegwijs_domain::trajectory::intake::leefdomeinen::is_bijzonder(&d.leefdomein)
            })
            .map(|d| d.doel_id)
            .take(2)
            .collect();
        out.push((PersonId(persoon), doelen));
    }
    Ok(out)
}

/// The states the demo's referrals go through, in turn.
const STATES: &[VerwijzingStatus] = &[
    VerwijzingStatus::Gestart,
    VerwijzingStatus::Gestart,
    VerwijzingStatus::Geaccepteerd,
    VerwijzingStatus::Verstuurd,
    VerwijzingStatus::Gestart,
    VerwijzingStatus::Afgerond,
    VerwijzingStatus::Gestopt,
    VerwijzingStatus::Afgewezen,
    VerwijzingStatus::Ingetrokken,
];

async fn referrals(
    db: &Db,
    weert: OrganisatieId,
    products: &[(OrganisatieId, &str, Uuid)],
    staff: &[StaffMember],
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let persons = with_pip(db, weert, 90).await?;
    let regisseur = staff
        .iter()
        .find(|s| s.email == "regisseur@weert.example")
        .map(|s| s.id);
    let worker = |email: &str| staff.iter().find(|s| s.email == email).map(|s| s.id);
    // (product name, first person index, step, count, worker): overlapping but different sets.
    let plan: &[(&str, usize, usize, usize, Option<GebruikerId>)] = &[
        (
            "Leerroute B1",
            0,
            2,
            24,
            worker("docent.taalschool@weert.example"),
        ),
        (
            "Taalcoaching op de werkvloer",
            1,
            4,
            9,
            worker("taalschool@weert.example"),
        ),
        (
            "Werkervaringsplek",
            3,
            3,
            18,
            worker("werkbedrijf@weert.example"),
        ),
        (
            "Maatschappelijke begeleiding",
            5,
            3,
            18,
            worker("vluchtelingenwerk@weert.example"),
        ),
    ];
    let today = now.date_naive();
    let mut count = 0;
    let mut n = 0u64;
    for (product, first, step, how_many, medewerker) in plan {
        let Some((partner, _, aanbod_id)) = products.iter().find(|p| p.1 == *product) else {
            continue;
        };
        for (k, (persoon, doelen)) in persons
            .iter()
            .skip(*first)
            .step_by(*step)
            .take(*how_many)
            .enumerate()
        {
            n += 1;
            let status = STATES[(k + n as usize) % STATES.len()];
            let sent = today - Duration::days(150 - (k as i64 * 3) % 90);
            let sent_at = now
                - (today - sent)
                    .to_std()
                    .map(Duration::from_std)
                    .ok()
                    .and_then(Result::ok)
                    .unwrap_or_default();
            let v = NieuweVerwijzing {
                aanbod_id: *aanbod_id,
                vraag: format!("{product} voor de inburgeraar, zoals afgesproken in het PIP."),
                doel_ids: doelen.clone(),
                grondslag: if k % 5 == 4 {
                    Grondslag::Toestemming
                } else {
                    Grondslag::WettelijkeTaak
                },
                toestemming_datum: (k % 5 == 4).then_some(sent),
                geldig_tot: today + Duration::days(365),
                gezondheid_delen: false,
                gezondheid_rechtvaardiging: None,
                medewerker_id: medewerker.map(|m| m.0),
            };
            let id = demo_id(2, n);
            let mut tx = db.begin().await?;
            verwijzingen::insert(
                &mut tx, id, weert, *persoon, *partner, &v, regisseur, sent_at,
            )
            .await?;
            let started = sent + Duration::days(10);
            let steps = steps_to(status, sent, started, today);
            for (i, stap) in steps.iter().enumerate() {
                verwijzingen::transition(&mut tx, id, 1 + i as i64, stap, *medewerker, sent_at)
                    .await?;
            }
            let auteur = Auteur {
                gemeente: weert,
                organisatie: *partner,
                persoon: *persoon,
                verwijzing: Some(id),
                door: *medewerker,
                op: now,
            };
            if matches!(
                status,
                VerwijzingStatus::Gestart | VerwijzingStatus::Afgerond | VerwijzingStatus::Gestopt
            ) {
                work(&mut tx, &auteur, product, started, today, k, n).await?;
            }
            tx.commit().await?;
            count += 1;
        }
    }
    Ok(count)
}

fn steps_to(
    status: VerwijzingStatus,
    sent: NaiveDate,
    started: NaiveDate,
    today: NaiveDate,
) -> Vec<Stap> {
    use VerwijzingStatus::*;
    let stap = |status, datum, reden: Option<StopReden>, t: &str| Stap {
        status,
        datum,
        reden: reden.map(|r| r.code().to_owned()),
        toelichting: (!t.is_empty()).then(|| t.to_owned()),
    };
    let accepted = stap(Geaccepteerd, sent + Duration::days(2), None, "");
    let begun = stap(Gestart, started, None, "");
    let end = (started + Duration::days(60)).min(today);
    match status {
        Verstuurd => vec![],
        Geaccepteerd => vec![accepted],
        Gestart => vec![accepted, begun],
        Afgerond => vec![accepted, begun, stap(Afgerond, end, None, "")],
        Gestopt => vec![
            accepted,
            begun,
            stap(
                Gestopt,
                end,
                Some(StopReden::Uitval),
                "Kwam na de zomer niet meer; contact met de regisseur gelegd.",
            ),
        ],
        Afgewezen => vec![stap(
            Afgewezen,
            sent + Duration::days(3),
            Some(StopReden::GeenPlek),
            "Groep vol tot februari.",
        )],
        Ingetrokken => vec![stap(
            Ingetrokken,
            sent + Duration::days(5),
            None,
            "Persoon verhuist naar een andere gemeente.",
        )],
    }
}

/// Attendance with absences (some without notice), a measurement, a contact moment, hours and, at the
/// work company, a placement.
async fn work(
    tx: &mut wegwijs_storage::Tx,
    a: &Auteur,
    product: &str,
    started: NaiveDate,
    today: NaiveDate,
    k: usize,
    n: u64,
) -> anyhow::Result<()> {
    for week in 0..8i64 {
        let datum = started + Duration::days(week * 7);
        if datum > today {
            break;
        }
        let (soort, reden, uren) = match (week + k as i64) % 7 {
            3 => ("afwezig_met_reden", Some("Afspraak bij de huisarts"), None),
            5 if k.is_multiple_of(3) => ("afwezig_zonder_bericht", None, None),
            6 if k.is_multiple_of(3) => ("afwezig_zonder_bericht", None, None),
            _ => ("aanwezig", None, Some(300)),
        };
        uitvoering::insert_bijeenkomst(
            tx,
            a,
            demo_id(3, n * 16 + week as u64),
            datum,
            soort,
            reden,
            uren,
        )
        .await?;
    }
    let (instrument, scores) = if product.contains("begeleiding") {
        (
            "zrm_2017",
            r#"[["financien","2"],["huisvesting","3"],["tijdsbesteding","3"],["sociaal_netwerk","2"]]"#,
        )
    } else {
        (
            "taal",
            r#"[["spreken","a1"],["luisteren","a2"],["lezen","a1"],["schrijven","a0"]]"#,
        )
    };
    uitvoering::insert_meting(
        tx,
        a,
        demo_id(4, n),
        instrument,
        "start",
        started,
        scores,
        "",
    )
    .await?;
    let contact = NieuwContact {
        soort: if k.is_multiple_of(2) {
            "gesprek".into()
        } else {
            "telefonisch".into()
        },
        datum: (started + Duration::days(14)).min(today),
        duur_minuten: Some(30),
        deelnemers: "Inburgeraar\nBegeleider partner".into(),
        tolk: k.is_multiple_of(4),
        tolk_taal: (k.is_multiple_of(4)).then(|| "Tigrinya".to_owned()),
        vertrouwelijkheid: "normaal".into(),
        samenvatting: "Voortgang besproken; afspraken over aanwezigheid herhaald.".into(),
        vervolgafspraak: "Over vier weken opnieuw.".into(),
    };
    uitvoering::insert_contact(tx, a, demo_id(5, n), &contact).await?;
    uitvoering::insert_uren(
        tx,
        a,
        demo_id(6, n),
        None,
        (started + Duration::days(7)).min(today),
        150,
        "Intake en plaatsing",
    )
    .await?;
    if product == "Werkervaringsplek" {
        uitvoering::insert_plaatsing(
            tx,
            a,
            demo_id(7, n),
            "werkervaringsplek",
            "Groenvoorziening gemeente Weert",
            started,
            None,
            2400,
        )
        .await?;
    }
    Ok(())
}
