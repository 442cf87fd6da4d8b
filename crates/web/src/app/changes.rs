//! Which fields an edit changed: recorded in the audit row (names only, never values) and shown
//! to someone whose edit collided with another.

use wegwijs_domain::person::{PersonDetails, RawPerson};

macro_rules! diff_fields {
    ($a:expr, $b:expr, $out:expr, $($field:ident => $name:literal),+ $(,)?) => {
        $( if $a.$field != $b.$field { $out.push($name); } )+
    };
}

/// API names of the fields that differ between two versions of a person.
pub fn changed_fields(before: &PersonDetails, after: &PersonDetails) -> Vec<&'static str> {
    changed_raw(&before.to_raw(), &after.to_raw())
}

pub fn changed_raw(a: &RawPerson, b: &RawPerson) -> Vec<&'static str> {
    let mut out = Vec::new();
    diff_fields!(a, b, out,
        bsn => "bsn", v_nummer => "vNummer", voornamen => "voornamen", tussenvoegsel => "tussenvoegsel",
        geslachtsnaam => "geslachtsnaam", geboortedatum => "geboortedatum", geslacht => "geslacht",
        geboorteland => "geboorteland", nationaliteit => "nationaliteit", talen => "talen",
        tolk_nodig => "tolkNodig", tolk_taal => "tolkTaal", alfabetisering => "alfabetisering",
        opleidingsniveau => "opleidingsniveau", werkervaring => "werkervaring", doelgroep => "doelgroep",
        regime => "regime", uitkering_pw => "uitkeringPw", uitkering_pw_startdatum => "uitkeringPwStartdatum",
        datum_koppeling => "datumKoppeling", datum_brp_inschrijving => "datumBrpInschrijving",
        datum_kennisgeving_duo => "datumKennisgevingDuo", datum_huisvesting => "datumHuisvesting",
        straat => "straat", huisnummer => "huisnummer", postcode => "postcode", woonplaats => "woonplaats",
        telefoon => "telefoon", email => "email",
    );
    out
}
