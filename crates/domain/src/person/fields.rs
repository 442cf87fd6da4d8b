//! The person record, described once. Every layer follows from this table: `RawPerson`,
//! `PersonDetails` and its parser, the stored columns and their SQL lists (storage), the API DTOs and
//! the form fields (web), the labels and the list of changed fields.
//!
//! Each field has one label, used on the form, the dossier, the conflict view and in error messages
//! (no `form` override): a case worker must recognise the same fact by the same name everywhere.
//!
//! Adding a field: one line here, a migration (both databases), and a cross-field rule in
//! `details.rs` if it has one.

/// Calls `$callback! { table }` with the person field table, so each crate expands it into what it
/// needs with its own dependencies (the web crate adds serde and OpenAPI attributes the domain does
/// not know). Syntax of an entry: see `define_record!` in `record.rs`.
#[macro_export]
macro_rules! person_fields {
    ($callback:ident) => {
        $callback! {
            bsn: Parsed($crate::person::Bsn, 11, Numeric) {
                api "bsn", column "bsn", label "BSN", group "Naam en identificatie",
                hint "9 cijfers. Leeg laten als de persoon nog niet in de BRP staat.",
                doc "Burgerservicenummer (9 cijfers, elfproef).",
            },
            v_nummer: Parsed($crate::person::VNummer, 12, Numeric) {
                api "vNummer", column "v_nummer", label "V-nummer", group "Naam en identificatie",
                hint "10 cijfers, van de IND of het COA.", doc "V-nummer van de IND (10 cijfers).",
            },
            voornamen: RequiredText(200) {
                api "voornamen", column "voornamen", label "Voornamen", group "Naam en identificatie",
            },
            tussenvoegsel: Text(20) {
                api "tussenvoegsel", column "tussenvoegsel", label "Tussenvoegsel",
                group "Naam en identificatie",
            },
            geslachtsnaam: RequiredText(200) {
                api "geslachtsnaam", column "geslachtsnaam", label "Geslachtsnaam", group "Naam en identificatie",
            },
            geboortedatum: BirthDate {
                api "geboortedatum", column "geboortedatum", label "Geboortedatum",
                group "Naam en identificatie",
                doc "jjjj-mm-dd",
            },
            geslacht: Code($crate::person::Geslacht) {
                api "geslacht", column "geslacht", label "Geslacht", group "Naam en identificatie",
                doc "man, vrouw, anders",
            },
            geboorteland: Text(100) {
                api "geboorteland", column "geboorteland", label "Geboorteland",
                group "Naam en identificatie",
            },
            nationaliteit: Text(100) {
                api "nationaliteit", column "nationaliteit", label "Nationaliteit",
                group "Naam en identificatie",
            },
            talen: Text(200) {
                api "talen", column "talen", label "Talen", group "Taal",
                hint "Bijvoorbeeld: Arabisch, Koerdisch, Engels",
            },
            tolk_nodig: Flag {
                api "tolkNodig", column "tolk_nodig", label "Tolk nodig", group "Taal",
            },
            tolk_taal: Text(100) {
                api "tolkTaal", column "tolk_taal", label "Taal van de tolk", group "Taal",
            },
            alfabetisering: Code($crate::person::Alfabetisering) {
                api "alfabetisering", column "alfabetisering", label "Alfabetisering", group "Taal",
                doc "a (analfabeet), aa (anders gealfabetiseerd), nvt",
            },
            opleidingsniveau: Code($crate::person::Opleidingsniveau) {
                api "opleidingsniveau", column "opleidingsniveau", label "Opleidingsniveau",
                group "Opleiding en werk", hint "De hoogste opleiding in het land van herkomst.",
                doc "geen, basisonderwijs, voortgezet, beroeps, hoger",
            },
            werkervaring: Code($crate::person::Werkervaring) {
                api "werkervaring", column "werkervaring", label "Werkervaring",
                group "Opleiding en werk", doc "geen, kort (< 2 jaar), lang (>= 2 jaar)",
            },
            doelgroep: Code($crate::person::Doelgroep) {
                api "doelgroep", column "doelgroep", label "Doelgroep", group "Inburgering en inkomen",
                doc "asielstatushouder, gezinsmigrant, overige_migrant",
            },
            regime: Code($crate::person::Regime) {
                api "regime", column "regime", label "Regime", group "Inburgering en inkomen",
                doc "wi2021, wi2013, niet_plichtig",
            },
            uitkering_pw: Flag {
                api "uitkeringPw", column "uitkering_pw", label "Bijstandsuitkering (Participatiewet)", group "Inburgering en inkomen",
                doc "Uitkering op grond van de Participatiewet.",
            },
            uitkering_pw_startdatum: KeyDate {
                api "uitkeringPwStartdatum", column "uitkering_pw_startdatum",
                label "Startdatum bijstandsuitkering",
                group "Inburgering en inkomen",
                doc "jjjj-mm-dd",
            },
            datum_koppeling: KeyDate {
                api "datumKoppeling", column "datum_koppeling", label "Datum koppeling aan de gemeente", group "Belangrijke data",
                doc "jjjj-mm-dd",
            },
            datum_brp_inschrijving: KeyDate {
                api "datumBrpInschrijving", column "datum_brp_inschrijving",
                label "Datum inschrijving BRP", group "Belangrijke data",
                doc "jjjj-mm-dd",
            },
            datum_kennisgeving_duo: KeyDate {
                api "datumKennisgevingDuo", column "datum_kennisgeving_duo",
                label "Datum kennisgeving DUO",
                group "Belangrijke data",
                doc "jjjj-mm-dd",
            },
            datum_huisvesting: KeyDate {
                api "datumHuisvesting", column "datum_huisvesting", label "Datum huisvesting", group "Belangrijke data",
                doc "jjjj-mm-dd",
            },
            straat: Text(100) {
                api "straat", column "straat", label "Straat", group "Adres en contact",
            },
            huisnummer: Text(100) {
                api "huisnummer", column "huisnummer", label "Huisnummer", group "Adres en contact",
            },
            postcode: Parsed($crate::person::Postcode, 7, Text) {
                api "postcode", column "postcode", label "Postcode", group "Adres en contact",
                hint "1234 AB", doc "1234 AB",
            },
            woonplaats: Text(100) {
                api "woonplaats", column "woonplaats", label "Woonplaats", group "Adres en contact",
            },
            telefoon: Checked($crate::person::contact::telefoon_problem, 20, Tel) {
                api "telefoon", column "telefoon", label "Telefoonnummer",
                group "Adres en contact",
            },
            email: Checked($crate::person::contact::email_problem, 254, Email) {
                api "email", column "email", label "E-mailadres", group "Adres en contact",
            },
        }
    };
}

macro_rules! define_person {
    ($($table:tt)*) => {
        $crate::record::define_record! {
            raw RawPerson, details PersonDetails, columns PersonColumns, fields FIELDS;
            $($table)*
        }
    };
}

person_fields!(define_person);

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::person::test_fixtures::{full_raw, today};
    use crate::record::{ColumnValue, CorruptColumn, Stored};

    #[test]
    fn every_field_has_one_api_name_and_one_column() {
        let apis: HashSet<_> = FIELDS.iter().map(|f| f.api).collect();
        let columns: HashSet<_> = FIELDS.iter().map(|f| f.column).collect();
        assert_eq!(apis.len(), FIELDS.len());
        assert_eq!(columns.len(), FIELDS.len());
        assert_eq!(
            FIELDS.iter().map(|f| f.api).collect::<Vec<_>>(),
            RawPerson::FIELD_NAMES
        );
        let required: Vec<_> = FIELDS
            .iter()
            .filter(|f| f.required)
            .map(|f| f.api)
            .collect();
        assert_eq!(required, ["voornamen", "geslachtsnaam"]);
    }

    #[test]
    fn every_field_has_one_label_everywhere() {
        for f in FIELDS.iter() {
            assert_eq!(f.form_label, f.label, "{}", f.api);
        }
    }

    #[test]
    fn a_record_survives_its_column_form() {
        let p = PersonDetails::parse(&full_raw(), today()).expect("valid person");
        let values = p.to_columns().values();
        assert_eq!(values.len(), FIELDS.len());
        for (f, v) in FIELDS.iter().zip(&values) {
            let stored = match v {
                ColumnValue::Text(_) => Stored::Text,
                ColumnValue::Date(_) => Stored::Date,
                ColumnValue::Flag(_) => Stored::Flag,
            };
            assert_eq!(stored, f.stored, "{}", f.api);
        }
        let back = PersonColumns::from_values(values).and_then(PersonDetails::from_columns);
        assert!(back == Ok(p), "round trip");
    }

    #[test]
    fn a_stored_code_that_no_longer_parses_is_corruption() {
        let p = PersonDetails::parse(&full_raw(), today()).expect("valid person");
        let mut columns = p.to_columns();
        columns.geslacht = Some("bestaat_niet".into());
        assert_eq!(
            PersonDetails::from_columns(columns).err(),
            Some(CorruptColumn { column: "geslacht" })
        );
    }
}
