//! Shared test input: a fixed "today" and a fully filled, valid person typed the way people type.

use chrono::NaiveDate;

use super::RawPerson;

pub(super) fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 5, 1).expect("valid date")
}

/// A fully filled, valid person, written the way people type.
pub(super) fn full_raw() -> RawPerson {
    let s = |v: &str| Some(v.to_owned());
    RawPerson {
        bsn: s("111222333"),
        v_nummer: s("1234567890"),
        voornamen: s("Amal Noor"),
        tussenvoegsel: s("el"),
        geslachtsnaam: s("Haddad"),
        geboortedatum: s("14-03-1991"),
        geslacht: s("vrouw"),
        geboorteland: s("Syrië"),
        nationaliteit: s("Syrische"),
        talen: s("Arabisch, Engels"),
        tolk_nodig: s("ja"),
        tolk_taal: s("Arabisch"),
        alfabetisering: s("aa"),
        opleidingsniveau: s("voortgezet"),
        werkervaring: s("kort"),
        doelgroep: s("asielstatushouder"),
        regime: s("wi2021"),
        uitkering_pw: s("ja"),
        uitkering_pw_startdatum: s("2025-11-01"),
        datum_koppeling: s("2025-09-15"),
        datum_brp_inschrijving: s("2025-10-20"),
        datum_kennisgeving_duo: s("2025-10-27"),
        datum_huisvesting: s("2025-10-18"),
        straat: s("Markt"),
        huisnummer: s("12a"),
        postcode: s("6001ab"),
        woonplaats: s("Weert"),
        telefoon: s("06 1234 5678"),
        email: s("amal@example.nl"),
    }
}
