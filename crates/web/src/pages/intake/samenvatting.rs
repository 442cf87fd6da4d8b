//! A version of a section in words, for the history and for readers who may not edit: per question
//! "Nog niet gevraagd", "Gevraagd: geen probleem" or the answer.

use serde_json::Value;
use wegwijs_domain::trajectory::codes::LbtUitslag;
use wegwijs_domain::trajectory::intake::Sectie;
use wegwijs_domain::trajectory::intake::antwoord::stand_label;
use wegwijs_domain::trajectory::intake::inhoud::Apparaat;
use wegwijs_domain::trajectory::intake::lbt::LbtOverslagReden;

use super::vragen::{Soort, vragen};
use crate::pages::datum;

/// (label, text) per question of the stored JSON content.
pub fn samenvatting(sectie: Sectie, inhoud: &str) -> Vec<(&'static str, String)> {
    let Ok(v) = serde_json::from_str::<Value>(inhoud) else {
        return Vec::new();
    };
    if vragen(sectie).is_empty() {
        return vec![("Leerbaarheidstoets", lbt(&v))];
    }
    vragen(sectie)
        .iter()
        .map(|q| {
            let a = &v[q.key];
            let stand = a["stand"].as_str().unwrap_or("");
            let text = if stand == "antwoord" {
                antwoord(q.soort, &a["waarde"])
            } else {
                stand_label(stand).to_string()
            };
            (q.label, text)
        })
        .collect()
}

fn iso(v: &Value) -> String {
    datum(
        v.as_str()
            .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()),
    )
}

fn s(v: &Value) -> &str {
    v.as_str().unwrap_or("")
}

fn antwoord(soort: Soort, w: &Value) -> String {
    let rows = || w.as_array().into_iter().flatten();
    match soort {
        Soort::Tekst => s(w).to_string(),
        Soort::Aantal => w.to_string(),
        Soort::Apparaten => rows()
            .filter_map(|a| Apparaat::parse(s(a)).map(Apparaat::label))
            .collect::<Vec<_>>()
            .join(", "),
        Soort::Vve => match s(&w["geinformeerd"]) {
            "ja" => format!("Geïnformeerd op {}", iso(&w["datum"])),
            _ => "Niet geïnformeerd".into(),
        },
        Soort::Opleidingen => rows()
            .map(|r| {
                format!(
                    "{} in {}, {} jaar{}{}",
                    s(&r["niveau"]),
                    s(&r["land"]),
                    r["jaren"],
                    if r["diploma"] == true {
                        ", diploma"
                    } else {
                        ""
                    },
                    if r["waarderingAangevraagd"] == true {
                        ", diplomawaardering aangevraagd"
                    } else {
                        ""
                    }
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
        Soort::Banen => rows()
            .map(|r| {
                format!(
                    "{} in {}, {} jaar",
                    s(&r["functie"]),
                    s(&r["land"]),
                    r["jaren"]
                )
            })
            .collect::<Vec<_>>()
            .join("; "),
    }
}

fn lbt(v: &Value) -> String {
    match s(&v["stand"]) {
        "afgenomen" => {
            let scores: Vec<String> = v["scores"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|x| format!("{} {}", s(&x["onderdeel"]), x["score"]))
                .collect();
            format!(
                "Afgenomen op {}: {}{}",
                iso(&v["datum"]),
                LbtUitslag::parse(s(&v["uitslag"])).map_or("", LbtUitslag::label),
                if scores.is_empty() {
                    String::new()
                } else {
                    format!(" (scores: {})", scores.join(", "))
                }
            )
        }
        "overgeslagen" => format!(
            "Niet afgenomen: {}{}",
            LbtOverslagReden::parse(s(&v["reden"])).map_or("", LbtOverslagReden::label),
            match s(&v["toelichting"]) {
                "" => String::new(),
                t => format!(" ({t})"),
            }
        ),
        _ => "Nog niet afgenomen".into(),
    }
}
