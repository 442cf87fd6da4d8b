//! The person form's fields, grouped as a case worker thinks of them. Names are the API's property names.

use wegwijs_domain::household::Relatie;
use wegwijs_domain::person::{
    Alfabetisering, Doelgroep, Geslacht, Opleidingsniveau, RawPerson, Regime, Werkervaring,
};

use crate::pages::forms::{FieldView, Fieldset};

fn choices<T: Copy + 'static>(
    all: &'static [T],
    code: fn(T) -> &'static str,
    label: fn(T) -> &'static str,
) -> Vec<(&'static str, &'static str)> {
    all.iter().map(|v| (code(*v), label(*v))).collect()
}

pub fn person_fieldsets(r: &RawPerson) -> Vec<Fieldset> {
    vec![
        Fieldset {
            legend: "Naam en identificatie",
            fields: vec![
                FieldView::text("voornamen", "Voornamen", r.voornamen.as_ref(), 200).required(),
                FieldView::text(
                    "tussenvoegsel",
                    "Tussenvoegsel",
                    r.tussenvoegsel.as_ref(),
                    20,
                ),
                FieldView::text(
                    "geslachtsnaam",
                    "Achternaam (geslachtsnaam)",
                    r.geslachtsnaam.as_ref(),
                    200,
                )
                .required(),
                FieldView::text("bsn", "BSN", r.bsn.as_ref(), 11)
                    .hint("9 cijfers. Leeg laten als de persoon nog niet in de BRP staat.")
                    .kind("text", "off", "numeric"),
                FieldView::text("vNummer", "V-nummer", r.v_nummer.as_ref(), 12)
                    .hint("10 cijfers, van de IND of het COA.")
                    .kind("text", "off", "numeric"),
                FieldView::date("geboortedatum", "Geboortedatum", r.geboortedatum.as_ref()),
                FieldView::select(
                    "geslacht",
                    "Geslacht",
                    r.geslacht.as_ref(),
                    choices(Geslacht::ALL, Geslacht::code, Geslacht::label),
                ),
                FieldView::text("geboorteland", "Geboorteland", r.geboorteland.as_ref(), 100),
                FieldView::text(
                    "nationaliteit",
                    "Nationaliteit",
                    r.nationaliteit.as_ref(),
                    100,
                ),
            ],
        },
        Fieldset {
            legend: "Taal",
            fields: vec![
                FieldView::text("talen", "Gesproken talen", r.talen.as_ref(), 200)
                    .hint("Bijvoorbeeld: Arabisch, Koerdisch, Engels"),
                FieldView::yes_no("tolkNodig", "Tolk nodig", r.tolk_nodig.as_ref()),
                FieldView::text("tolkTaal", "Taal van de tolk", r.tolk_taal.as_ref(), 100),
                FieldView::select(
                    "alfabetisering",
                    "Alfabetisering",
                    r.alfabetisering.as_ref(),
                    choices(
                        Alfabetisering::ALL,
                        Alfabetisering::code,
                        Alfabetisering::label,
                    ),
                ),
            ],
        },
        Fieldset {
            legend: "Opleiding en werk",
            fields: vec![
                FieldView::select(
                    "opleidingsniveau",
                    "Hoogste opleiding in land van herkomst",
                    r.opleidingsniveau.as_ref(),
                    choices(
                        Opleidingsniveau::ALL,
                        Opleidingsniveau::code,
                        Opleidingsniveau::label,
                    ),
                ),
                FieldView::select(
                    "werkervaring",
                    "Werkervaring",
                    r.werkervaring.as_ref(),
                    choices(Werkervaring::ALL, Werkervaring::code, Werkervaring::label),
                ),
            ],
        },
        Fieldset {
            legend: "Inburgering en inkomen",
            fields: vec![
                FieldView::select(
                    "doelgroep",
                    "Doelgroep",
                    r.doelgroep.as_ref(),
                    choices(Doelgroep::ALL, Doelgroep::code, Doelgroep::label),
                ),
                FieldView::select(
                    "regime",
                    "Regime",
                    r.regime.as_ref(),
                    choices(Regime::ALL, Regime::code, Regime::label),
                ),
                FieldView::yes_no(
                    "uitkeringPw",
                    "Uitkering Participatiewet",
                    r.uitkering_pw.as_ref(),
                ),
                FieldView::date(
                    "uitkeringPwStartdatum",
                    "Startdatum uitkering",
                    r.uitkering_pw_startdatum.as_ref(),
                ),
            ],
        },
        Fieldset {
            legend: "Belangrijke data",
            fields: vec![
                FieldView::date(
                    "datumKoppeling",
                    "Koppeling aan de gemeente",
                    r.datum_koppeling.as_ref(),
                ),
                FieldView::date(
                    "datumBrpInschrijving",
                    "Inschrijving in de BRP",
                    r.datum_brp_inschrijving.as_ref(),
                ),
                FieldView::date(
                    "datumKennisgevingDuo",
                    "Kennisgeving inburgeringsplicht (DUO)",
                    r.datum_kennisgeving_duo.as_ref(),
                ),
                FieldView::date(
                    "datumHuisvesting",
                    "Huisvesting",
                    r.datum_huisvesting.as_ref(),
                ),
            ],
        },
        Fieldset {
            legend: "Adres en contact",
            fields: vec![
                FieldView::text("straat", "Straat", r.straat.as_ref(), 100),
                FieldView::text("huisnummer", "Huisnummer", r.huisnummer.as_ref(), 100),
                FieldView::text("postcode", "Postcode", r.postcode.as_ref(), 7).hint("1234 AB"),
                FieldView::text("woonplaats", "Woonplaats", r.woonplaats.as_ref(), 100),
                FieldView::text("telefoon", "Telefoon", r.telefoon.as_ref(), 20)
                    .kind("tel", "off", "tel"),
                FieldView::text("email", "E-mailadres", r.email.as_ref(), 254)
                    .kind("email", "off", "email"),
            ],
        },
    ]
}

/// The relation choices of the household form.
pub fn relatie_choices() -> Vec<(&'static str, &'static str)> {
    choices(Relatie::ALL, Relatie::code, Relatie::label)
}

/// The posted person form: every field by its API name, plus the version being edited.
pub struct PersonForm {
    pub raw: RawPerson,
    pub versie: Option<i64>,
}

impl PersonForm {
    /// Reads the form's name/value pairs; unknown names are ignored (a browser sends only ours).
    pub fn from_pairs(pairs: Vec<(String, String)>) -> PersonForm {
        let mut raw = RawPerson::default();
        let mut versie = None;
        for (name, value) in pairs {
            if name == "versie" {
                versie = value.trim().parse().ok();
            } else if let Some(slot) = raw.field_mut(&name) {
                *slot = Some(value);
            }
        }
        PersonForm { raw, versie }
    }
}
