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
use wegwijs_domain::trajectory::codes::LbtUitslag;

/// An answered question.
fn antwoord(waarde: Value) -> Value {
    json!({"stand": "antwoord", "waarde": waarde})
}

/// Asked: nothing to report.
fn geen_probleem() -> Value {
    json!({"stand": "geen_probleem"})
}

/// COA's information profile of the person at koppeling.
pub fn coa_profiel(
    huishouden: &str,
    talen: Option<&str>,
    opleiding: Option<&str>,
    werk: Option<&str>,
    beperkingen: Option<&str>,
) -> String {
    json!({
        "huishouden": huishouden,
        "talen": talen.unwrap_or(""),
        "opleiding": opleiding.unwrap_or(""),
        "werk": werk.unwrap_or(""),
        "zichtbareBeperkingen": beperkingen.unwrap_or(""),
    })
    .to_string()
}

/// The optional pre-intake: a kansenverkenner conversation and an assessment score.
pub fn voorintake(datum: NaiveDate, instrument: &str, score: u32) -> String {
    json!({
        "kansenverkenner": {"datum": datum},
        "scores": [{"instrument": instrument, "datum": datum, "onderdeel": "totaal", "score": score}],
    })
    .to_string()
}

/// The warm handover from COA to the gemeente.
pub fn overdracht(van: &str, naar: &str, datum: NaiveDate, besproken: &str) -> String {
    json!({"van": van, "naar": naar, "datum": datum, "besproken": besproken}).to_string()
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
        "ontzorgen": participatiewet,
        "pvt": {"aanbieder": "Punt Welzijn", "uren": 12},
        "map": if map { json!({"aanbieder": "Werk.Kom", "uren": 64}) } else { Value::Null },
        "verplichtingen": ["Lessen volgen volgens rooster", "Afspraken met de regisseur nakomen"],
        "voorwaarden": {"kinderopvang": false, "vervoer": "Fietsvergoeding"},
        "participatiewet": if participatiewet { "Re-integratie via Werk.Kom" } else { "" },
        "zienswijze": match zienswijze {
            Some(d) => json!({"soort": "akkoord", "datum": d}),
            None => Value::Null,
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
