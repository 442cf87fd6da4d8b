//! A section's form as the template shows it, always built from form fields: the stored content is
//! first written as the fields a form would post ([`from_json`]), so a re-shown form after a refusal
//! and a freshly opened one are the same code.

use serde_json::Value;
use wegwijs_domain::trajectory::codes::LbtUitslag;
use wegwijs_domain::trajectory::intake::Sectie;
use wegwijs_domain::trajectory::intake::inhoud::Apparaat;
use wegwijs_domain::trajectory::intake::lbt::LbtOverslagReden;
use wegwijs_domain::validation::ValidationErrors;

use super::form_json::{Velden, get, rijen};
use super::vragen::{Soort, vragen};
use crate::pages::forms::SelectOption;

/// Empty rows offered below the filled ones.
const LEGE_RIJEN: usize = 2;

pub struct Rij {
    pub i: usize,
    pub land: String,
    /// Niveau (diploma) or functie (job).
    pub tweede: String,
    pub jaren: String,
    pub diploma: bool,
    pub waardering: bool,
}

pub struct VraagView {
    pub key: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub soort: &'static str,
    pub stand: String,
    pub tekst: String,
    pub rijen: Vec<Rij>,
    pub apparaten: Vec<SelectOption>,
    pub vve: String,
    pub vve_datum: String,
    pub error: Option<String>,
}

pub struct LbtView {
    pub stand: String,
    pub uitslagen: Vec<SelectOption>,
    pub datum: String,
    pub scores: Vec<(usize, String, String)>,
    pub redenen: Vec<SelectOption>,
    pub toelichting: String,
    errors: Vec<(&'static str, String)>,
}

impl VraagView {
    /// The question is in this state (for the checked radio button).
    pub fn is(&self, stand: &str) -> bool {
        self.stand == stand
    }
}

impl LbtView {
    pub fn is(&self, stand: &str) -> bool {
        self.stand == stand
    }

    pub fn fout(&self, field: &str) -> Option<&str> {
        self.errors
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, m)| m.as_str())
    }

    /// The error on the score input of row `i`.
    pub fn score_fout(&self, i: &usize) -> Option<&str> {
        self.fout(&format!("score__{i}"))
    }
}

fn options(
    codes: &[&'static str],
    label: fn(&str) -> &'static str,
    current: &str,
) -> Vec<SelectOption> {
    codes
        .iter()
        .map(|c| SelectOption {
            value: (*c).into(),
            label: label(c).into(),
            selected: *c == current,
        })
        .collect()
}

/// Row numbers posted plus `LEGE_RIJEN` empty ones after the last.
fn met_lege(mut v: Vec<usize>) -> Vec<usize> {
    let next = v.last().map_or(0, |l| l + 1);
    v.extend(next..next + LEGE_RIJEN);
    v
}

pub fn vraag_views(sectie: Sectie, f: &Velden, e: &ValidationErrors) -> Vec<VraagView> {
    vragen(sectie)
        .iter()
        .map(|v| {
            let key = v.key;
            let veld = |n: &str, i: usize| get(f, &format!("{key}__{n}__{i}")).to_string();
            let tweede = if v.soort == Soort::Banen {
                "functie"
            } else {
                "niveau"
            };
            let rijen = if matches!(v.soort, Soort::Opleidingen | Soort::Banen) {
                met_lege(rijen(f, &format!("{key}__land__")))
                    .into_iter()
                    .map(|i| Rij {
                        i,
                        land: veld("land", i),
                        tweede: veld(tweede, i),
                        jaren: veld("jaren", i),
                        diploma: !veld("diploma", i).is_empty(),
                        waardering: !veld("waardering", i).is_empty(),
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let gekozen: Vec<&str> = f
                .iter()
                .filter(|(k, _)| k == key)
                .map(|(_, x)| x.as_str())
                .collect();
            VraagView {
                key,
                label: v.label,
                hint: v.hint,
                soort: v.soort.code(),
                stand: match get(f, &format!("{key}__stand")) {
                    "" => "niet_gevraagd".into(),
                    s => s.into(),
                },
                tekst: get(f, key).into(),
                rijen,
                apparaten: Apparaat::ALL
                    .iter()
                    .map(|a| SelectOption {
                        value: a.code().into(),
                        label: a.label().into(),
                        selected: gekozen.contains(&a.code()),
                    })
                    .collect(),
                vve: get(f, &format!("{key}__geinformeerd")).into(),
                vve_datum: get(f, &format!("{key}__datum")).into(),
                error: e.for_field(key).map(|x| x.message.clone()),
            }
        })
        .collect()
}

pub fn lbt_view(f: &Velden, e: &ValidationErrors) -> LbtView {
    let label = |c: &str| LbtUitslag::parse(c).map_or("", LbtUitslag::label);
    let reden = |c: &str| LbtOverslagReden::parse(c).map_or("", LbtOverslagReden::label);
    LbtView {
        stand: match get(f, "stand") {
            "" => "niet_afgenomen".into(),
            s => s.into(),
        },
        uitslagen: options(LbtUitslag::CODES, label, get(f, "uitslag")),
        datum: get(f, "datum").into(),
        scores: met_lege(rijen(f, "score_onderdeel__"))
            .into_iter()
            .map(|i| {
                let g = |n: &str| get(f, &format!("{n}__{i}")).to_string();
                (i, g("score_onderdeel"), g("score"))
            })
            .collect(),
        redenen: options(LbtOverslagReden::CODES, reden, get(f, "reden")),
        toelichting: get(f, "toelichting").into(),
        errors: e.0.iter().map(|x| (x.field, x.message.clone())).collect(),
    }
}

/// The fields a form would post for the stored content (serialized `SectieInhoud`).
pub fn from_json(sectie: Sectie, v: &Value) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut push = |k: String, v: &Value| {
        let s = match v {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(true) => "ja".into(),
            _ => return,
        };
        out.push((k, s));
    };
    if vragen(sectie).is_empty() {
        for k in ["stand", "uitslag", "reden", "toelichting"] {
            push(k.into(), &v[k]);
        }
        push("datum".into(), &dmy(&v["datum"]));
        for (i, s) in v["scores"].as_array().into_iter().flatten().enumerate() {
            push(format!("score_onderdeel__{i}"), &s["onderdeel"]);
            push(format!("score__{i}"), &s["score"]);
        }
        return out;
    }
    for q in vragen(sectie) {
        let a = &v[q.key];
        push(format!("{}__stand", q.key), &a["stand"]);
        let w = &a["waarde"];
        match q.soort {
            Soort::Tekst | Soort::Aantal => push(q.key.into(), w),
            Soort::Apparaten => w
                .as_array()
                .into_iter()
                .flatten()
                .for_each(|x| push(q.key.into(), x)),
            Soort::Vve => {
                push(format!("{}__geinformeerd", q.key), &w["geinformeerd"]);
                push(format!("{}__datum", q.key), &dmy(&w["datum"]));
            }
            Soort::Opleidingen | Soort::Banen => {
                for (i, r) in w.as_array().into_iter().flatten().enumerate() {
                    for (n, j) in [
                        ("land", "land"),
                        ("niveau", "niveau"),
                        ("functie", "functie"),
                        ("jaren", "jaren"),
                        ("diploma", "diploma"),
                        ("waardering", "waarderingAangevraagd"),
                    ] {
                        push(format!("{}__{n}__{i}", q.key), &r[j]);
                    }
                }
            }
        }
    }
    out
}

/// A stored ISO date as case workers type it (dd-mm-jjjj).
fn dmy(v: &Value) -> Value {
    v.as_str()
        .and_then(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok())
        .map_or(Value::Null, |d| {
            Value::String(d.format("%d-%m-%Y").to_string())
        })
}
