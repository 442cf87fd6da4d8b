//! Every JSON shape the trajectory demo data writes, in one place: the COA profile, the pre-intake and
//! the warm handover (`koppelingen`), intake section answers (`intake_secties.inhoud`), PIP content
//! (`pip_versies.inhoud`) and goal progress (`voortgangsgesprekken.doelvoortgang`).
//!
//! The slices that parse these columns (koppeling, intake, pip, progress) were built in parallel; when
//! their domain types change, adapt the shapes here and nowhere else. Intake answers follow the intake
//! slice's `Antwoord` (`{"stand": "niet_gevraagd" | "geen_probleem" | "antwoord", "waarde": ...}`) and
//! `Leerbaarheidstoets` (`{"stand": "afgenomen", "uitslag": ..., "datum": ..., "scores": [...]}`).

use chrono::NaiveDate;

use serde_json::{Value, json};
use uuid::Uuid;
use wegwijs_domain::ids::GebruikerId;
use wegwijs_domain::trajectory::codes::LbtUitslag;
use wegwijs_domain::trajectory::koppeling::{
    CoaProfiel, Huishouden, Kansenverkenner, Overdracht, ProfielAntwoord, ProfielStatus, Toets,
    ToetsInstrument, ToetsScore, Voorintake,
};

/// An answered question.
fn antwoord(waarde: Value) -> Value {
    json!({"stand": "antwoord", "waarde": waarde})
}

/// Asked: nothing to report.
fn geen_probleem() -> Value {
    json!({"stand": "geen_probleem"})
}

/// Known (with the text) or unknown, as COA's profile records each topic.
fn bekend(tekst: Option<&str>) -> ProfielAntwoord {
    match tekst {
        Some(t) if !t.is_empty() => ProfielAntwoord {
            status: ProfielStatus::Bekend,
            toelichting: t.to_owned(),
        },
        _ => ProfielAntwoord::default(),
    }
}

/// COA's information profile of the person at koppeling, in the koppeling's own stored shape.
pub fn coa_profiel(
    gezin: bool,
    talen: Option<&str>,
    opleiding: Option<&str>,
    werk: Option<&str>,
    beperkingen: Option<&str>,
) -> String {
    let beperkingen = match beperkingen {
        Some(_) => bekend(beperkingen),
        None => ProfielAntwoord {
            status: ProfielStatus::Geen,
            toelichting: String::new(),
        },
    };
    stored(&CoaProfiel {
        huishouden: if gezin {
            Huishouden::GezinMetKinderen
        } else {
            Huishouden::Alleenstaand
        },
        huishouden_toelichting: String::new(),
        talen: bekend(talen),
        opleiding: bekend(opleiding),
        werk: bekend(werk),
        beperkingen,
    })
}

/// The optional pre-intake: a kansenverkenner conversation and a NOA score.
pub fn voorintake(datum: NaiveDate, score: u32) -> String {
    stored(&Voorintake {
        kansenverkenner: Some(Kansenverkenner {
            datum,
            samenvatting: "Wil snel aan het werk; taal en werkervaring verkend.".to_owned(),
        }),
        toetsen: vec![Toets {
            instrument: ToetsInstrument::Noa,
            instrument_naam: String::new(),
            datum,
            scores: vec![ToetsScore {
                onderdeel: "Leervermogen".to_owned(),
                score,
            }],
        }],
    })
}

/// The warm handover from COA to the person's regisseur.
pub fn overdracht(van: &str, naar: GebruikerId, datum: NaiveDate, besproken: &str) -> String {
    stored(&Overdracht {
        van_naam: van.to_owned(),
        van_organisatie: "COA".to_owned(),
        naar,
        datum,
        besproken: besproken.to_owned(),
    })
}

/// The koppeling storage writes these types with serde; so does the demo (the parser reads them back).
fn stored<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "{}".to_owned())
}

/// The leerbaarheidstoets: taken, with DUO's result value and two part scores.
pub fn lbt_afgenomen(uitslag: LbtUitslag, datum: NaiveDate, scores: (u32, u32)) -> String {
    json!({
        "stand": "afgenomen",
        "uitslag": uitslag.code(),
        "datum": datum,
        "scores": [
            {"onderdeel": "geheugen", "score": scores.0},
            {"onderdeel": "taalleervermogen", "score": scores.1},
        ],
    })
    .to_string()
}

/// The leerbaarheidstoets skipped because the leerroute is already clear (onderwijsroute).
pub fn lbt_overgeslagen() -> String {
    json!({"stand": "overgeslagen", "reden": "route_duidelijk", "toelichting": "Volgt al een opleiding in Nederland."})
        .to_string()
}

/// Education and work history.
pub fn opleiding_werk(land: &str, niveau: &str, jaren: u32, werk: Option<(&str, u32)>) -> String {
    let werkervaring = match werk {
        Some((functie, jaren)) => {
            antwoord(json!([{"land": land, "functie": functie, "jaren": jaren}]))
        }
        None => geen_probleem(),
    };
    json!({
        "opleidingen": antwoord(json!([{
            "land": land, "niveau": niveau, "jaren": jaren, "diploma": jaren >= 6,
            "waarderingAangevraagd": jaren >= 10,
        }])),
        "werkervaring": werkervaring,
    })
    .to_string()
}

/// Personal circumstances including health: special-category data (`bijzonder = true`).
pub fn gezondheid(klacht: Option<&str>) -> String {
    let lichamelijk = klacht.map_or_else(geen_probleem, |k| antwoord(json!(k)));
    json!({
        "lichamelijk": lichamelijk,
        "psychisch": geen_probleem(),
        "overigeOmstandigheden": {"stand": "niet_gevraagd"},
    })
    .to_string()
}

/// Family and childcare, with the VVE verkenning.
pub fn gezin_kinderopvang(kinderen: bool, vve_datum: NaiveDate) -> String {
    let vve = if kinderen {
        antwoord(json!({"geinformeerd": "ja", "datum": vve_datum}))
    } else {
        geen_probleem()
    };
    json!({"gezin": geen_probleem(), "kinderopvang": geen_probleem(), "vve": vve}).to_string()
}

/// A life domain: situation, barriers found and wishes.
pub fn leefdomein(situatie: &str, belemmering: Option<&str>, wens: &str) -> String {
    json!({
        "situatie": antwoord(json!(situatie)),
        "belemmeringen": belemmering.map_or_else(geen_probleem, |b| antwoord(json!(b))),
        "wensen": antwoord(json!(wens)),
    })
    .to_string()
}

/// The PIP's content blocks beside the columns: guidance, PVT/MAP, obligations, conditions and the
/// newcomer's view.
pub fn pip_inhoud(map: bool, participatiewet: bool, zienswijze: Option<NaiveDate>) -> String {
    json!({
        "begeleiding": "Maatschappelijke begeleiding door VluchtelingenWerk gedurende 12 maanden.",
        "pvt": {"inhoud": "Participatieverklaringstraject bij Punt Welzijn", "uren": 12},
        "map": if map { json!({"inhoud": "Module Arbeidsmarkt en Participatie bij Werk.Kom", "uren": 64}) } else { Value::Null },
        "verplichtingen": "Lessen volgen volgens rooster\nAfspraken met de regisseur nakomen",
        "voorwaarden": {"kinderopvang": "", "vervoer": "Fietsvergoeding"},
        "participatiewet": if participatiewet { "Re-integratie via Werk.Kom" } else { "" },
        "eigen_visie": match zienswijze {
            Some(d) => json!({"soort": "akkoord", "tekst": "", "datum": d}),
            None => json!({"soort": null, "tekst": "", "datum": null}),
        },
    })
    .to_string()
}

/// The progress of the PIP's goals as discussed in one review (the progress slice's `DoelVoortgang`).
pub fn doelvoortgang(doelen: &[Uuid], status: &str) -> String {
    let items: Vec<Value> = doelen
        .iter()
        .map(|d| json!({"doel_id": d, "voortgang": "Besproken in het voortgangsgesprek.", "status": status}))
        .collect();
    Value::Array(items).to_string()
}
