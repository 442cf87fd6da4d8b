//! A section's HTML form as the JSON content the API takes (`SectieInvoer.inhoud`), so the page and
//! the API go through the same parser and rules (`app::intake::save_sectie`). Only what a form can
//! get wrong on its own (a number or date that is none, a missing choice) is refused here, under the
//! question's key so the message lands next to it.

use serde_json::{Value, json};
use wegwijs_domain::trajectory::codes::LbtUitslag;
use wegwijs_domain::trajectory::intake::Sectie;
use wegwijs_domain::trajectory::intake::lbt::LbtOverslagReden;
use wegwijs_domain::validation::{ValidationErrors, parse_date};

use super::vragen::{Soort, vragen};

/// The posted fields, in order (checkboxes of one name may repeat).
pub type Velden = [(String, String)];

pub fn get<'a>(f: &'a Velden, key: &str) -> &'a str {
    f.iter()
        .find(|(k, _)| k == key)
        .map_or("", |(_, v)| v.trim())
}

/// The row numbers posted under `prefix` (`opleidingen__land__3` -> 3), ascending.
pub fn rijen(f: &Velden, prefix: &str) -> Vec<usize> {
    let mut v: Vec<usize> = f
        .iter()
        .filter_map(|(k, _)| k.strip_prefix(prefix)?.parse().ok())
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

pub fn to_json(sectie: Sectie, f: &Velden) -> Result<Value, ValidationErrors> {
    let mut e = ValidationErrors::new();
    let json = if vragen(sectie).is_empty() {
        lbt(f, &mut e)
    } else {
        let mut m = serde_json::Map::new();
        for v in vragen(sectie) {
            let stand = get(f, &format!("{}__stand", v.key));
            let a = match stand {
                "geen_probleem" => json!({"stand": "geen_probleem"}),
                "antwoord" => {
                    json!({"stand": "antwoord", "waarde": waarde(v.key, v.soort, f, &mut e)})
                }
                _ => json!({"stand": "niet_gevraagd"}),
            };
            m.insert(v.key.into(), a);
        }
        Value::Object(m)
    };
    e.into_result(json)
}

fn waarde(key: &'static str, soort: Soort, f: &Velden, e: &mut ValidationErrors) -> Value {
    let veld = |n: &str, i: usize| get(f, &format!("{key}__{n}__{i}")).to_string();
    match soort {
        Soort::Tekst => json!(get(f, key)),
        Soort::Aantal => match get(f, key).parse::<u32>() {
            Ok(n) => json!(n),
            Err(_) => {
                e.push(
                    key,
                    "invalid",
                    "Vul een aantal in als heel getal, bijvoorbeeld 3.",
                );
                Value::Null
            }
        },
        Soort::Opleidingen | Soort::Banen => {
            let mut rows = Vec::new();
            for i in rijen(f, &format!("{key}__land__")) {
                let tweede = if soort == Soort::Banen {
                    "functie"
                } else {
                    "niveau"
                };
                let (land, t, jaren) = (veld("land", i), veld(tweede, i), veld("jaren", i));
                if land.is_empty() && t.is_empty() && jaren.is_empty() {
                    continue;
                }
                let Ok(jaren) = jaren.parse::<u32>() else {
                    e.push(
                        key,
                        "invalid",
                        format!("Regel {}: vul het aantal jaren in als heel getal.", i + 1),
                    );
                    continue;
                };
                rows.push(if soort == Soort::Banen {
                    json!({"land": land, "functie": t, "jaren": jaren})
                } else {
                    json!({"land": land, "niveau": t, "jaren": jaren,
                        "diploma": !veld("diploma", i).is_empty(),
                        "waarderingAangevraagd": !veld("waardering", i).is_empty()})
                });
            }
            Value::Array(rows)
        }
        Soort::Apparaten => f
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| json!(v))
            .collect(),
        Soort::Vve => match get(f, &format!("{key}__geinformeerd")) {
            "nee" => json!({"geinformeerd": "nee"}),
            "ja" => match datum(get(f, &format!("{key}__datum")), key, Some("Datum"), e) {
                Some(d) => json!({"geinformeerd": "ja", "datum": d}),
                None => Value::Null,
            },
            _ => {
                e.push(
                    key,
                    "required",
                    "Kies of de persoon over VVE is geïnformeerd.",
                );
                Value::Null
            }
        },
    }
}

/// A date as typed, as the ISO text serde reads; an error under `field` otherwise. `label` names the
/// date when the error lands on a question that is not the date itself (the VVE question); a field that
/// is the date gets its label from the summary already.
fn datum(
    s: &str,
    field: &'static str,
    label: Option<&str>,
    e: &mut ValidationErrors,
) -> Option<String> {
    let with_label = |m: String| match label {
        Some(l) => format!("{l}: {}", lower_first(&m)),
        None => m,
    };
    if s.is_empty() {
        e.push(
            field,
            "required",
            with_label("Dit veld is verplicht.".into()),
        );
        return None;
    }
    match parse_date(s) {
        Ok(d) => Some(d.to_string()),
        Err(err) => {
            e.push(field, err.code(), with_label(err.to_string()));
            None
        }
    }
}

fn lower_first(m: &str) -> String {
    let mut c = m.chars();
    c.next()
        .map(|f| f.to_lowercase().chain(c).collect())
        .unwrap_or_default()
}

/// The field names of the score inputs, so a refused score is marked at its own input (field names
/// are fixed strings). The domain takes at most 20 scores; rows beyond that report under `scores`.
pub const SCORE_VELDEN: [&str; 20] = [
    "score__0",
    "score__1",
    "score__2",
    "score__3",
    "score__4",
    "score__5",
    "score__6",
    "score__7",
    "score__8",
    "score__9",
    "score__10",
    "score__11",
    "score__12",
    "score__13",
    "score__14",
    "score__15",
    "score__16",
    "score__17",
    "score__18",
    "score__19",
];

fn lbt(f: &Velden, e: &mut ValidationErrors) -> Value {
    match get(f, "stand") {
        "afgenomen" => {
            let uitslag = get(f, "uitslag");
            if LbtUitslag::parse(uitslag).is_none() {
                e.push("uitslag", "required", "Kies de uitslag zoals DUO die gaf.");
            }
            let d = datum(get(f, "datum"), "datum", None, e);
            let mut scores = Vec::new();
            for i in rijen(f, "score_onderdeel__") {
                let onderdeel = get(f, &format!("score_onderdeel__{i}"));
                let score = get(f, &format!("score__{i}"));
                if onderdeel.is_empty() && score.is_empty() {
                    continue;
                }
                match score.parse::<u32>() {
                    Ok(s) => scores.push(json!({"onderdeel": onderdeel, "score": s})),
                    Err(_) => e.push(
                        SCORE_VELDEN.get(i).copied().unwrap_or("scores"),
                        "invalid",
                        format!("Regel {}: vul de score in als heel getal.", i + 1),
                    ),
                }
            }
            json!({"stand": "afgenomen", "uitslag": uitslag, "datum": d, "scores": scores})
        }
        "overgeslagen" => {
            let reden = get(f, "reden");
            if LbtOverslagReden::parse(reden).is_none() {
                e.push(
                    "reden",
                    "required",
                    "Kies waarom de toets niet is afgenomen.",
                );
            }
            json!({"stand": "overgeslagen", "reden": reden, "toelichting": get(f, "toelichting")})
        }
        _ => json!({"stand": "niet_afgenomen"}),
    }
}
