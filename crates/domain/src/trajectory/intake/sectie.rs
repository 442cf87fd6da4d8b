//! The sections of the brede intake: the fixed ones (Wet inburgering 2021 art. 14 lid 3, Besluit 5.2
//! lid 1, and what the gemeenten' practice asks) and one per life domain of the gemeente's set.

use super::leefdomeinen::{self, Leefdomein};
use crate::trajectory::codes::LeefdomeinenSet;

code_enum! {
    /// The fixed sections, by the key used in the database, the URL and the API.
    pub enum VasteSectie {
        Leerbaarheidstoets = "leerbaarheidstoets", "Leerbaarheidstoets",
        OpleidingWerk = "opleiding-werk", "Opleiding en werk",
        Gezondheid = "gezondheid", "Gezondheid en persoonlijke omstandigheden",
        Financien = "financien", "Financiën",
        GezinKinderopvang = "gezin-kinderopvang", "Gezin en kinderopvang",
        SociaalNetwerk = "sociaal-netwerk", "Sociaal netwerk",
        Digitaal = "digitaal", "Digitale vaardigheden en apparaten",
        Mobiliteit = "mobiliteit", "Mobiliteit",
        Wensen = "wensen", "Wensen en ambities",
    }
}

/// Prefix of a life-domain section's key: `leefdomein-<code>`.
pub const LEEFDOMEIN_PREFIX: &str = "leefdomein-";

/// One section of a gemeente's intake.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sectie {
    Vast(VasteSectie),
    Leefdomein(Leefdomein),
}

impl Sectie {
    /// Every section of an intake under `set`, in the order the overview shows them.
    pub fn alle(set: LeefdomeinenSet) -> Vec<Sectie> {
        let mut v: Vec<Sectie> = VasteSectie::ALL.iter().map(|s| Sectie::Vast(*s)).collect();
        v.extend(
            leefdomeinen::domeinen(set)
                .iter()
                .map(|l| Sectie::Leefdomein(*l)),
        );
        v
    }

    /// The section for a key, under the gemeente's set; `None` for anything else (a domain of another
    /// set is unknown here).
    pub fn parse(key: &str, set: LeefdomeinenSet) -> Option<Sectie> {
        if let Some(code) = key.strip_prefix(LEEFDOMEIN_PREFIX) {
            return leefdomeinen::find(set, code).map(Sectie::Leefdomein);
        }
        VasteSectie::parse(key).map(Sectie::Vast)
    }

    pub fn key(&self) -> String {
        match self {
            Sectie::Vast(s) => s.code().to_string(),
            Sectie::Leefdomein(l) => format!("{LEEFDOMEIN_PREFIX}{}", l.code),
        }
    }

    pub fn naam(&self) -> String {
        match self {
            Sectie::Vast(s) => s.label().to_string(),
            Sectie::Leefdomein(l) => format!("Leefdomein: {}", l.naam),
        }
    }

    /// Special-category data (AVG art. 9): stored with `bijzonder = true`, shown only with a need
    /// (`authz::can_view_health`), every view and change audited as such.
    /// Life domains about health or justice are special-category data too.
    pub fn is_bijzonder(&self) -> bool {
        match self {
            Sectie::Vast(s) => *s == VasteSectie::Gezondheid,
            Sectie::Leefdomein(l) => l.bijzonder,
        }
    }

    /// The mandatory components of Wet inburgering 2021 art. 14 lid 3 (rule C-3): the
    /// leerbaarheidstoets (a), education and work history (b), personal circumstances including
    /// physical and mental health (c), and the VVE verkenning (d, part of "gezin en kinderopvang").
    pub fn is_verplicht(&self) -> bool {
        matches!(
            self,
            Sectie::Vast(
                VasteSectie::Leerbaarheidstoets
                    | VasteSectie::OpleidingWerk
                    | VasteSectie::Gezondheid
                    | VasteSectie::GezinKinderopvang
            )
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_parses_back_to_its_section_in_every_set() {
        for set in LeefdomeinenSet::ALL {
            for s in Sectie::alle(*set) {
                assert_eq!(Sectie::parse(&s.key(), *set), Some(s));
            }
        }
    }

    #[test]
    fn a_domain_of_another_set_is_unknown() {
        assert!(Sectie::parse("leefdomein-justitie", LeefdomeinenSet::Zrm2017).is_some());
        assert!(Sectie::parse("leefdomein-justitie", LeefdomeinenSet::Nederweert).is_none());
        assert!(Sectie::parse("gezondheid ", LeefdomeinenSet::Nederweert).is_none());
    }

    #[test]
    fn health_and_justice_sections_are_special_category() {
        let bijzonder: Vec<String> = Sectie::alle(LeefdomeinenSet::Zrm2017)
            .into_iter()
            .filter(Sectie::is_bijzonder)
            .map(|s| s.key())
            .collect();
        assert_eq!(
            bijzonder,
            [
                "gezondheid",
                "leefdomein-geestelijke-gezondheid",
                "leefdomein-lichamelijke-gezondheid",
                "leefdomein-middelengebruik",
                "leefdomein-justitie"
            ]
        );
    }
}
