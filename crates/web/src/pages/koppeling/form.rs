//! The koppeling form's fields: fieldsets of [`FieldView`] for the fixed fields, numbered rows for
//! the assessments. Built from [`FormValues`], with each error placed next to its field.

use wegwijs_domain::trajectory::koppeling::{Huishouden, MAX_TOETSEN, ProfielStatus};
use wegwijs_domain::validation::ValidationErrors;

use super::toetsen::{ToetsView, toets};
use super::values::{FEITEN, FormValues};
use crate::pages::forms::{FieldView, Fieldset, SelectOption, SummaryItem, attach_errors};

/// Everything the form template draws besides the layout and the versions, in page order.
pub struct KoppelingFields {
    pub koppeling: Fieldset,
    /// Household and the four facts, each its own fieldset.
    pub profiel: Vec<Fieldset>,
    pub kansenverkenner: Fieldset,
    pub toetsen: Vec<ToetsView>,
    /// Errors of the assessments as a whole (too many); each block carries its own.
    pub toetsen_fout: Option<String>,
    pub overdracht: Fieldset,
    pub summary: Vec<SummaryItem>,
}

impl KoppelingFields {
    /// The label a field has on the form ("Warme overdracht: Organisatie", "Toets 1, regel 2: score").
    /// A value as the form shows it: a choice by its label (a regisseur by name, not id).
    pub fn shown_value(&self, name: &str, value: &str) -> String {
        let sets = std::iter::once(&self.koppeling)
            .chain(&self.profiel)
            .chain([&self.kansenverkenner, &self.overdracht]);
        let option = sets
            .flat_map(|fs| fs.fields.iter())
            .filter(|f| f.name == name && f.is_select())
            .flat_map(|f| f.options.iter())
            .find(|o| o.value == value.trim());
        match option {
            Some(o) => o.label.clone(),
            None if value.trim().is_empty() => "(leeg)".into(),
            None => value.to_string(),
        }
    }

    /// `None` for a name the form does not have.
    pub fn label_of(&self, name: &str) -> Option<String> {
        let sets = std::iter::once(&self.koppeling)
            .chain(&self.profiel)
            .chain([&self.kansenverkenner, &self.overdracht]);
        for fs in sets {
            if let Some(f) = fs.fields.iter().find(|f| f.name == name) {
                return Some(format!("{}: {}", fs.legend, f.label));
            }
        }
        let parts: Vec<&str> = name.split('.').collect();
        let n = |s: &str| s.parse::<usize>().map(|i| i + 1).unwrap_or(0);
        Some(match parts.as_slice() {
            ["toetsen", i, "instrument"] => format!("Toets {}: instrument", n(i)),
            ["toetsen", i, "instrumentNaam"] => format!("Toets {}: naam van het instrument", n(i)),
            ["toetsen", i, "datum"] => format!("Toets {}: datum", n(i)),
            ["toetsen", i, "scores", j, what] => format!("Toets {}, regel {}: {what}", n(i), n(j)),
            _ => return None,
        })
    }
}

const HALFJAREN: [(&str, &str); 2] = [
    ("1", "Eerste helft (januari-juni)"),
    ("2", "Tweede helft (juli-december)"),
];
const PROFIEL_KEUZES: [(&str, &str); 2] =
    [("geen", "Geen"), ("bekend", "Bekend (zie toelichting)")];
pub const TOETSEN_VELD: &str = "voorintake.toetsen";

/// The input a summary line of an assessment error links to: the instrument, the date, or the first
/// score row of that assessment ("voorintake.toetsen.1.datum" -> "toetsen.1.datum").
fn toets_input(field: &str) -> String {
    match field
        .strip_prefix("voorintake.")
        .map(|f| f.split('.').collect::<Vec<_>>())
        .as_deref()
    {
        Some(["toetsen", i, "scores"]) => format!("toetsen.{i}.scores.0.onderdeel"),
        Some(["toetsen", i, part]) => format!("toetsen.{i}.{part}"),
        _ => "toetsen.0.instrument".into(),
    }
}

fn value(v: &FormValues, name: &str) -> Option<String> {
    Some(v.get(name)).filter(|s| !s.is_empty())
}

fn text(v: &FormValues, name: &'static str, label: &'static str, max: usize) -> FieldView {
    FieldView::text(name, label, value(v, name).as_ref(), max)
}

fn area(v: &FormValues, name: &'static str, label: &'static str) -> FieldView {
    text(v, name, label, 4_000).kind("textarea", "off", "")
}

fn date(v: &FormValues, name: &'static str, label: &'static str) -> FieldView {
    FieldView::date(name, label, value(v, name).as_ref())
}

fn profiel_feit(v: &FormValues, i: usize) -> Fieldset {
    // Static names per fact: FieldView names are 'static and the four facts are fixed.
    const NAMES: [(&str, &str); 4] = [
        ("profiel.talen.status", "profiel.talen.toelichting"),
        ("profiel.opleiding.status", "profiel.opleiding.toelichting"),
        ("profiel.werk.status", "profiel.werk.toelichting"),
        (
            "profiel.beperkingen.status",
            "profiel.beperkingen.toelichting",
        ),
    ];
    let (status, toelichting) = NAMES[i];
    let mut keuze = FieldView::select(
        status,
        "Wat weet COA hiervan?",
        value(v, status).as_ref(),
        PROFIEL_KEUZES,
    );
    if let Some(first) = keuze.options.first_mut() {
        first.label = ProfielStatus::Onbekend.label().to_string() + " (niet doorgegeven)";
    }
    Fieldset {
        legend: FEITEN[i].1,
        fields: vec![
            keuze,
            area(v, toelichting, "Toelichting").hint("Alleen bij “bekend”: wat COA doorgaf."),
        ],
    }
}

fn koppeling(v: &FormValues) -> Fieldset {
    Fieldset {
        legend: "Koppeling",
        fields: vec![
            date(v, "datumKoppeling", "Datum koppeling"),
            text(v, "taakstellingJaar", "Taakstelling: jaar", 4)
                .kind("text", "off", "numeric")
                .hint("Het jaar van de taakstelling waarvoor deze koppeling meetelt, bijvoorbeeld 2025."),
            FieldView::select(
                "taakstellingHalfjaar",
                "Taakstelling: halfjaar",
                value(v, "taakstellingHalfjaar").as_ref(),
                HALFJAREN,
            ),
            text(v, "azcLocatie", "AZC-locatie", 200),
            text(v, "coaContact", "Contactpersoon bij COA", 200),
        ],
    }
}

fn huishouden(v: &FormValues) -> Fieldset {
    let keuzes = Huishouden::CHOICES
        .iter()
        .copied()
        .filter(|(c, _)| *c != "onbekend");
    Fieldset {
        legend: "Huishouden",
        fields: vec![
            FieldView::select(
                "profiel.huishouden",
                "Samenstelling volgens COA",
                value(v, "profiel.huishouden").as_ref(),
                keuzes,
            ),
            area(
                v,
                "profiel.huishoudenToelichting",
                "Toelichting op het huishouden",
            ),
        ],
    }
}

fn overdracht(v: &FormValues, regisseurs: &[(String, String)]) -> Fieldset {
    let gekozen = v.get("overdracht.naar");
    let mut naar = FieldView::select(
        "overdracht.naar",
        "Overgedragen aan",
        value(v, "overdracht.naar").as_ref(),
        [],
    );
    naar.options = vec![SelectOption {
        value: String::new(),
        label: "Kies een regisseur".into(),
        selected: gekozen.is_empty(),
    }];
    naar.options
        .extend(regisseurs.iter().map(|(id, naam)| SelectOption {
            selected: *id == gekozen,
            value: id.clone(),
            label: naam.clone(),
        }));
    Fieldset {
        legend: "Warme overdracht",
        fields: vec![
            text(v, "overdracht.vanNaam", "Overgedragen door (naam)", 200),
            text(v, "overdracht.vanOrganisatie", "Organisatie", 200).hint("Bijvoorbeeld COA."),
            naar.hint("Een actieve regisseur van uw gemeente."),
            date(v, "overdracht.datum", "Datum van de overdracht"),
            area(v, "overdracht.besproken", "Wat is besproken"),
        ],
    }
}

/// The form's fields for `v`, the regisseurs (id, name) a handover can go to, and `errors` attached.
pub fn fields(
    v: &FormValues,
    regisseurs: &[(String, String)],
    errors: &ValidationErrors,
) -> KoppelingFields {
    let mut all = vec![koppeling(v), huishouden(v)];
    all.extend((0..FEITEN.len()).map(|i| profiel_feit(v, i)));
    all.push(Fieldset {
        legend: "Gesprek met de kansenverkenner",
        fields: vec![
            date(
                v,
                "voorintake.kansenverkenner.datum",
                "Datum van het gesprek",
            ),
            area(v, "voorintake.kansenverkenner.samenvatting", "Samenvatting"),
        ],
    });
    all.push(overdracht(v, regisseurs));
    // The assessments' errors are drawn by their own blocks, one per message; the rest as usual.
    let (toets_errors, other): (Vec<_>, Vec<_>) = errors
        .iter()
        .cloned()
        .partition(|e| e.field.starts_with(TOETSEN_VELD));
    let mut summary = attach_errors(&mut all, &ValidationErrors(other));
    let toets_items = toets_errors.iter().map(|e| SummaryItem {
        field: toets_input(e.field),
        message: e.message.clone(),
    });
    let at = summary
        .iter()
        .position(|s| s.field.starts_with("overdracht."))
        .unwrap_or(summary.len());
    summary.splice(at..at, toets_items);
    let fouten: Vec<String> = toets_errors
        .iter()
        .filter(|e| e.field == TOETSEN_VELD)
        .map(|e| e.message.clone())
        .collect();
    let mut rest = all.into_iter();
    let mut next = || {
        rest.next().unwrap_or(Fieldset {
            legend: "",
            fields: vec![],
        })
    };
    let koppeling = next();
    let profiel = (0..=FEITEN.len()).map(|_| next()).collect();
    let kansenverkenner = next();
    let overdracht = next();
    KoppelingFields {
        koppeling,
        profiel,
        kansenverkenner,
        toetsen: (0..MAX_TOETSEN)
            .map(|i| toets(v, i, &toets_errors))
            .collect(),
        toetsen_fout: (!fouten.is_empty()).then(|| fouten.join(" ")),
        overdracht,
        summary,
    }
}
