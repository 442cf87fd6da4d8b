//! The seven forms of the voortgang page, filled with what is stored (afronding) or proposed (next
//! review date), or, after a refusal, with what was posted and the errors next to the fields.

use chrono::NaiveDate;
use wegwijs_app::progress::Overzicht;
use wegwijs_domain::trajectory::codes::{
    DuoBesluitSoort, ExamenNiveau, ExamenOnderdeel, ExamenUitslag, OntheffingSoort,
    PipWijzigingsreden, UrenSoort, VoldaanGrond,
};
use wegwijs_domain::trajectory::deadlines::termijn::VerlengingGrond;
use wegwijs_domain::trajectory::progress::afronding::Verwijtbaar;
use wegwijs_domain::trajectory::progress::duo_besluit::VrijstellingReden;
use wegwijs_domain::trajectory::progress::review::DoelVoortgangStatus;
use wegwijs_domain::validation::ValidationErrors;

use super::view::{Formulier, Veld};

/// A refused POST: which form, what was posted, why.
pub struct Posted {
    pub form: &'static str,
    pub pairs: Vec<(String, String)>,
    pub errors: ValidationErrors,
}

pub fn dmy(d: Option<NaiveDate>) -> String {
    d.map(|d| d.format("%d-%m-%Y").to_string())
        .unwrap_or_default()
}

/// Fills a form's fields: posted values and errors when this form was refused, else the defaults.
pub(crate) fn fill(
    form: &'static str,
    velden: Vec<(Veld, Vec<String>)>,
    posted: Option<&Posted>,
) -> Vec<Veld> {
    let mine = posted.filter(|p| p.form == form);
    let mut seen: Vec<&str> = Vec::new();
    velden
        .into_iter()
        .map(|(v, default)| {
            let values: Vec<String> = match mine {
                Some(p) => p
                    .pairs
                    .iter()
                    .filter(|(k, _)| *k == v.name)
                    .map(|(_, x)| x.clone())
                    .collect(),
                None => default,
            };
            let mut v = Veld {
                value: values.first().cloned().unwrap_or_default(),
                ..v
            }
            .select(&values);
            if let Some(p) = mine
                && !seen.contains(&v.api)
                && let Some(e) = p.errors.for_field(v.api)
            {
                v.error = Some(e.message.clone());
                seen.push(v.api);
            }
            v
        })
        .collect()
}

fn none() -> Vec<String> {
    Vec::new()
}
fn one(s: String) -> Vec<String> {
    vec![s]
}

fn verlenging(o: &Overzicht, posted: Option<&Posted>) -> Formulier {
    let f = "verlenging";
    Formulier {
        id: f,
        titel: "Verlenging vastleggen (besluit van DUO)",
        action: format!("/personen/{}/voortgang/verlengingen", o.person.id),
        velden: fill(
            f,
            vec![
                (
                    Veld::new(f, "grond", "Grond", "select").required().choices(
                        Some("Kies een grond"),
                        VerlengingGrond::CHOICES.iter().copied(),
                    ),
                    none(),
                ),
                (
                    Veld::new(f, "besluitdatum", "Datum besluit DUO", "date").required(),
                    none(),
                ),
                (
                    Veld::new(
                        f,
                        "nieuweEinddatum",
                        "Nieuwe einddatum (exclusief, zoals DUO)",
                        "date",
                    )
                    .required(),
                    none(),
                ),
                (
                    Veld::new(f, "toelichting", "Toelichting", "textarea"),
                    none(),
                ),
            ],
            posted,
        ),
        verborgen: vec![],
        open: posted.is_some_and(|p| p.form == f),
        knop: "Verlenging vastleggen",
    }
}

fn gesprek(o: &Overzicht, posted: Option<&Posted>) -> Formulier {
    let f = "gesprek";
    let mut keuze = vec![("".to_string(), "Nieuw gesprek".to_string())];
    for g in o
        .voortgang
        .gesprekken
        .iter()
        .filter(|g| g.gesprek.gehouden_op.is_none())
    {
        keuze.push((
            format!("{}:{}", g.id, g.versie),
            format!(
                "Gepland op {}",
                crate::pages::datum(Some(g.gesprek.gepland_op))
            ),
        ));
    }
    let mut velden = vec![
        (
            Veld::new(f, "gesprek", "Welk gesprek", "select")
                .choices(None, keuze.iter().map(|(a, b)| (a.as_str(), b.as_str()))),
            none(),
        ),
        (
            Veld::new(f, "geplandOp", "Gepland op", "date").required(),
            one(dmy(o.volgende_gesprek)),
        ),
        (
            Veld::new(
                f,
                "gehoudenOp",
                "Gehouden op (leeg: alleen plannen)",
                "date",
            ),
            none(),
        ),
        (Veld::new(f, "deelnemers", "Deelnemers", "text"), none()),
        (Veld::new(f, "verslag", "Verslag", "textarea"), none()),
    ];
    let doelen = o.voortgang.huidige_pip.iter().flat_map(|p| p.doelen.iter());
    for (i, d) in doelen.enumerate() {
        let status_id = if i == 0 {
            format!("{f}-doelvoortgang")
        } else {
            format!("{f}-doel-{}-status", d.doel_id)
        };
        velden.push((
            Veld::new(
                f,
                "doelvoortgang",
                &format!("Doel “{}”: status", d.omschrijving),
                "select",
            )
            .named(status_id, format!("doel_{}_status", d.doel_id))
            .choices(
                Some("Niet besproken"),
                DoelVoortgangStatus::CHOICES.iter().copied(),
            ),
            none(),
        ));
        velden.push((
            Veld::new(
                f,
                "doelvoortgang",
                &format!("Doel “{}”: voortgang", d.omschrijving),
                "textarea",
            )
            .named(
                format!("{f}-doel-{}-voortgang", d.doel_id),
                format!("doel_{}_voortgang", d.doel_id),
            ),
            none(),
        ));
    }
    velden.extend([
        (Veld::new(f, "besluiten", "Besluiten", "textarea"), none()),
        (
            Veld::new(
                f,
                "pipAanpassen",
                "Het PIP moet worden aangepast (nieuwe versie)",
                "checkbox",
            ),
            none(),
        ),
        (
            Veld::new(
                f,
                "pipAanpassenReden",
                "Reden voor de nieuwe PIP-versie",
                "select",
            )
            .choices(
                Some("Nog niet bekend"),
                PipWijzigingsreden::CHOICES.iter().copied(),
            ),
            none(),
        ),
    ]);
    Formulier {
        id: f,
        titel: "Voortgangsgesprek plannen of vastleggen",
        action: format!("/personen/{}/voortgang/gesprekken", o.person.id),
        velden: fill(f, velden, posted),
        verborgen: vec![],
        open: posted.is_some_and(|p| p.form == f),
        knop: "Gesprek opslaan",
    }
}

fn examen(o: &Overzicht, posted: Option<&Posted>) -> Formulier {
    let f = "examen";
    Formulier {
        id: f,
        titel: "Examenuitslag vastleggen",
        action: format!("/personen/{}/voortgang/examens", o.person.id),
        velden: fill(
            f,
            vec![
                (
                    Veld::new(f, "onderdeel", "Onderdeel", "select")
                        .required()
                        .choices(
                            Some("Kies een onderdeel"),
                            ExamenOnderdeel::CHOICES.iter().copied(),
                        ),
                    none(),
                ),
                (
                    Veld::new(f, "niveau", "Niveau", "select")
                        .choices(Some("Geen (KNM)"), ExamenNiveau::CHOICES.iter().copied()),
                    none(),
                ),
                (
                    Veld::new(f, "datum", "Examendatum", "date").required(),
                    none(),
                ),
                (
                    Veld::new(f, "uitslag", "Uitslag", "select")
                        .required()
                        .choices(
                            Some("Kies een uitslag"),
                            ExamenUitslag::CHOICES.iter().copied(),
                        ),
                    none(),
                ),
            ],
            posted,
        ),
        verborgen: vec![],
        open: posted.is_some_and(|p| p.form == f),
        knop: "Uitslag vastleggen",
    }
}

fn uren(o: &Overzicht, posted: Option<&Posted>) -> Formulier {
    let f = "uren";
    Formulier {
        id: f,
        titel: "Uren vastleggen",
        action: format!("/personen/{}/voortgang/uren", o.person.id),
        velden: fill(
            f,
            vec![
                (
                    Veld::new(f, "soort", "Soort uren", "select")
                        .required()
                        .choices(Some("Kies een soort"), UrenSoort::CHOICES.iter().copied()),
                    none(),
                ),
                (Veld::new(f, "van", "Van", "date").required(), none()),
                (Veld::new(f, "tot", "Tot en met", "date").required(), none()),
                (
                    Veld::new(f, "uren", "Aantal uren", "number").required(),
                    none(),
                ),
                (
                    Veld::new(
                        f,
                        "tijdensIntake",
                        "Gevolgd tijdens de brede intake",
                        "checkbox",
                    ),
                    none(),
                ),
                (Veld::new(f, "omschrijving", "Omschrijving", "text"), none()),
            ],
            posted,
        ),
        verborgen: vec![],
        open: posted.is_some_and(|p| p.form == f),
        knop: "Uren vastleggen",
    }
}

fn besluit(o: &Overzicht, posted: Option<&Posted>) -> Formulier {
    let f = "besluit";
    let types: Vec<(String, String)> = VrijstellingReden::CHOICES
        .iter()
        .map(|(c, l)| (c.to_string(), format!("Vrijstelling {c}: {l}")))
        .chain(
            OntheffingSoort::CHOICES
                .iter()
                .map(|(c, l)| (c.to_string(), format!("Ontheffing {c}: {l}"))),
        )
        .collect();
    Formulier {
        id: f,
        titel: "Vrijstelling of ontheffing vastleggen (besluit van DUO)",
        action: format!("/personen/{}/voortgang/duo-besluiten", o.person.id),
        velden: fill(
            f,
            vec![
                (
                    Veld::new(f, "soort", "Soort besluit", "select")
                        .required()
                        .choices(Some("Kies"), DuoBesluitSoort::CHOICES.iter().copied()),
                    none(),
                ),
                (
                    Veld::new(f, "type", "Type (code van DUO)", "select")
                        .required()
                        .choices(
                            Some("Kies"),
                            types.iter().map(|(a, b)| (a.as_str(), b.as_str())),
                        ),
                    none(),
                ),
                (
                    Veld::new(
                        f,
                        "volledig",
                        "Volledig (de hele inburgeringsplicht)",
                        "checkbox",
                    ),
                    none(),
                ),
                (
                    Veld::new(
                        f,
                        "onderdelen",
                        "Examenonderdelen (bij een gedeeltelijk besluit)",
                        "checkboxes",
                    )
                    .choices(None, ExamenOnderdeel::CHOICES.iter().copied()),
                    none(),
                ),
                (
                    Veld::new(f, "besluitdatum", "Datum besluit", "date").required(),
                    none(),
                ),
            ],
            posted,
        ),
        verborgen: vec![],
        open: posted.is_some_and(|p| p.form == f),
        knop: "Besluit vastleggen",
    }
}

fn afronding(o: &Overzicht, posted: Option<&Posted>) -> (Formulier, Formulier) {
    let stored = o.voortgang.afronding.as_ref();
    let a = stored.map(|s| s.afronding.clone()).unwrap_or_default();
    let versie = stored.map_or(0, |s| s.versie).to_string();
    let vlag = |v: Option<Verwijtbaar>| one(v.map(|v| v.code().to_string()).unwrap_or_default());
    let f = "afronding";
    let afr = Formulier {
        id: f,
        titel: "PVT, MAP en route afronden",
        action: format!("/personen/{}/voortgang/afronding", o.person.id),
        velden: fill(
            f,
            vec![
                (
                    Veld::new(
                        f,
                        "pvtOndertekendOp",
                        "Participatieverklaring ondertekend op",
                        "date",
                    ),
                    one(dmy(a.pvt_ondertekend_op)),
                ),
                (
                    Veld::new(
                        f,
                        "pvtVerwijtbaar",
                        "PVT na de termijn: verwijtbaar?",
                        "select",
                    )
                    .choices(
                        Some("Niet van toepassing (binnen de termijn)"),
                        Verwijtbaar::CHOICES.iter().copied(),
                    ),
                    vlag(a.pvt_verwijtbaar),
                ),
                (
                    Veld::new(f, "mapEindgesprekOp", "Eindgesprek MAP op", "date"),
                    one(dmy(a.map_eindgesprek_op)),
                ),
                (
                    Veld::new(
                        f,
                        "mapVerwijtbaar",
                        "MAP na de termijn: verwijtbaar?",
                        "select",
                    )
                    .choices(
                        Some("Niet van toepassing (binnen de termijn)"),
                        Verwijtbaar::CHOICES.iter().copied(),
                    ),
                    vlag(a.map_verwijtbaar),
                ),
                (
                    Veld::new(f, "zEindgesprekOp", "Eindgesprek Z-route op", "date"),
                    one(dmy(a.z_eindgesprek_op)),
                ),
                (
                    Veld::new(
                        f,
                        "onderwijsrouteAfgerondOp",
                        "Onderwijsroute afgerond op",
                        "date",
                    ),
                    one(dmy(a.onderwijsroute_afgerond_op)),
                ),
            ],
            posted,
        ),
        verborgen: vec![("versie".into(), versie.clone())],
        open: posted.is_some_and(|p| p.form == f),
        knop: "Afronding opslaan",
    };
    let f = "voldaan";
    let vol = Formulier {
        id: f,
        titel: "Inburgeringsplicht voldaan",
        action: format!("/personen/{}/voortgang/voldaan", o.person.id),
        velden: fill(
            f,
            vec![
                (
                    Veld::new(f, "voldaanOp", "Voldaan op", "date").required(),
                    one(dmy(a.voldaan_op)),
                ),
                (
                    Veld::new(f, "voldaanGrond", "Grond", "select").choices(
                        Some("Zoals berekend"),
                        VoldaanGrond::CHOICES.iter().copied(),
                    ),
                    one(a
                        .voldaan_grond
                        .map(|g| g.code().to_string())
                        .unwrap_or_default()),
                ),
            ],
            posted,
        ),
        verborgen: vec![("versie".into(), versie)],
        open: posted.is_some_and(|p| p.form == f),
        knop: "Voldaan bevestigen",
    };
    (afr, vol)
}

/// All forms, in page order.
pub fn all(o: &Overzicht, posted: Option<&Posted>) -> Vec<Formulier> {
    let (afr, vol) = afronding(o, posted);
    vec![
        verlenging(o, posted),
        gesprek(o, posted),
        examen(o, posted),
        uren(o, posted),
        besluit(o, posted),
        afr,
        vol,
    ]
}
