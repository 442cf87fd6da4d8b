//! The three shipped sets of life domains (leefdomeinen). A gemeente picks one
//! (`TrajectInstellingen::leefdomeinen_set`); the brede intake has one section per domain of that set,
//! and the PIP's goals hang off the same domains.

use crate::trajectory::codes::LeefdomeinenSet;

/// One life domain: a stable code (part of the section key and the API path) and its Dutch name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Leefdomein {
    pub code: &'static str,
    pub naam: &'static str,
    /// What is written under this domain is special-category data (health: AVG art. 9; justice:
    /// AVG art. 10), treated like the gezondheid section: shown only with a need, audited as such.
    pub bijzonder: bool,
}

const fn d(code: &'static str, naam: &'static str) -> Leefdomein {
    Leefdomein {
        code,
        naam,
        bijzonder: false,
    }
}

/// A domain whose content is special-category data.
const fn b(code: &'static str, naam: &'static str) -> Leefdomein {
    Leefdomein {
        code,
        naam,
        bijzonder: true,
    }
}

/// The leefdomeinen of the Nederweert pilot.
///
/// Source: `shared/domain/seeds-catalogue.md` section 4.4, seed 000 ("Activiteiten binnen traject" and
/// the "Samenwerkingspartners" table): "Maatschappelijke/arbeidsparticipatie, Communicatie, Financiën,
/// Huisvesting, Huiselijke relaties, Opvoeding en kinderopvang, Geestelijke gezondheid, Lichamelijke
/// gezondheid, Activiteiten dagelijks leven, Sociaal netwerk, Kennis van Nederlandse waarden,
/// Onderwijs". The seed text says "elf leefdomeinen" but names these twelve; the catalogue keeps the
/// twelve named values, and so do we.
pub const NEDERWEERT: [Leefdomein; 12] = [
    d("participatie", "Maatschappelijke/arbeidsparticipatie"),
    d("communicatie", "Communicatie"),
    d("financien", "Financiën"),
    d("huisvesting", "Huisvesting"),
    d("huiselijke-relaties", "Huiselijke relaties"),
    d("opvoeding-kinderopvang", "Opvoeding en kinderopvang"),
    b("geestelijke-gezondheid", "Geestelijke gezondheid"),
    b("lichamelijke-gezondheid", "Lichamelijke gezondheid"),
    d("dagelijks-leven", "Activiteiten dagelijks leven"),
    d("sociaal-netwerk", "Sociaal netwerk"),
    d("nederlandse-waarden", "Kennis van Nederlandse waarden"),
    d("onderwijs", "Onderwijs"),
];

/// The five domains of the Drenthe pilot (Nieuwe Wet Inburgering pilot, 2021).
///
/// Source: `shared/domain/seeds-catalogue.md` section 4.4, seed 004: "Financiën op orde; Lichamelijk en
/// psychisch welbevinden; Taal en samenleving; (Betaald) werk/meedoen; Ontmoeten en integratie."
pub const DRENTHE: [Leefdomein; 5] = [
    d("financien-op-orde", "Financiën op orde"),
    b("welbevinden", "Lichamelijk en psychisch welbevinden"),
    d("taal-samenleving", "Taal en samenleving"),
    d("werk-meedoen", "(Betaald) werk/meedoen"),
    d("ontmoeten-integratie", "Ontmoeten en integratie"),
];

/// The thirteen domains of the Zelfredzaamheid-Matrix 2017 (GGD Amsterdam).
///
/// Source: `shared/domain/wi2021-rules-research.md` section 6: "ZRM 2017 domains: 1 Financiën; 2 Werk &
/// opleiding; 3 Tijdsbesteding; 4 Huisvesting; 5 Huiselijke relaties; 6 Geestelijke gezondheid;
/// 7 Lichamelijke gezondheid; 8 Middelengebruik; 9 Basale ADL; 10 Instrumentele ADL; 11 Sociaal
/// netwerk; 12 Maatschappelijke participatie; 13 Justitie" (V-secondary, citing the ZRM-Handleiding
/// 2017). Only the domain names are shipped: the matrix's criteria text is GGD Amsterdam's (licence
/// unverified, research file section 6).
pub const ZRM_2017: [Leefdomein; 13] = [
    d("financien", "Financiën"),
    d("werk-opleiding", "Werk & opleiding"),
    d("tijdsbesteding", "Tijdsbesteding"),
    d("huisvesting", "Huisvesting"),
    d("huiselijke-relaties", "Huiselijke relaties"),
    b("geestelijke-gezondheid", "Geestelijke gezondheid"),
    b("lichamelijke-gezondheid", "Lichamelijke gezondheid"),
    b("middelengebruik", "Middelengebruik"),
    d("basale-adl", "Basale ADL"),
    d("instrumentele-adl", "Instrumentele ADL"),
    d("sociaal-netwerk", "Sociaal netwerk"),
    d(
        "maatschappelijke-participatie",
        "Maatschappelijke participatie",
    ),
    b("justitie", "Justitie"),
];

/// The domains of a set, in the order the source lists them.
pub fn domeinen(set: LeefdomeinenSet) -> &'static [Leefdomein] {
    match set {
        LeefdomeinenSet::Nederweert => &NEDERWEERT,
        LeefdomeinenSet::Drenthe => &DRENTHE,
        LeefdomeinenSet::Zrm2017 => &ZRM_2017,
    }
}

/// The domain of `set` with this code.
pub fn find(set: LeefdomeinenSet, code: &str) -> Option<Leefdomein> {
    domeinen(set).iter().copied().find(|l| l.code == code)
}

/// The domain with this code in any shipped set: goals keep their code when a gemeente switches sets.
fn in_any_set(code: &str) -> Option<Leefdomein> {
    [
        LeefdomeinenSet::Nederweert,
        LeefdomeinenSet::Drenthe,
        LeefdomeinenSet::Zrm2017,
    ]
    .into_iter()
    .find_map(|set| find(set, code))
}

/// Whether what is written under this domain code is special-category data, in whichever set.
pub fn is_bijzonder(code: &str) -> bool {
    in_any_set(code).is_some_and(|l| l.bijzonder)
}

/// The Dutch name of a domain code (for letters and pages); an unknown code is shown as typed.
pub fn naam(code: &str) -> &str {
    in_any_set(code).map_or(code, |l| l.naam)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sets_have_the_sizes_their_sources_name() {
        assert_eq!(domeinen(LeefdomeinenSet::Nederweert).len(), 12);
        assert_eq!(domeinen(LeefdomeinenSet::Drenthe).len(), 5);
        assert_eq!(domeinen(LeefdomeinenSet::Zrm2017).len(), 13);
    }

    #[test]
    fn codes_are_unique_lowercase_kebab_within_each_set() {
        for set in LeefdomeinenSet::ALL {
            let ds = domeinen(*set);
            for (i, a) in ds.iter().enumerate() {
                assert!(a.code.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'));
                assert!(ds[i + 1..].iter().all(|b| b.code != a.code), "{}", a.code);
            }
        }
    }
}
