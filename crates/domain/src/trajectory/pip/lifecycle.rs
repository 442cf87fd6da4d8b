//! The PIP's life as a beschikking: concept -> vastgesteld -> vervangen (by the next vastgesteld
//! version) or ingetrokken. Every transition is a function from the current status to the next one or
//! a typed refusal with a Dutch message; storage only writes what these allow.

use crate::trajectory::codes::PipStatus;

/// Why a transition is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OvergangWeigering {
    /// A vastgesteld (or later) version is a decision: it is never edited.
    AlleenConceptWijzigen,
    /// Only a concept can be vastgesteld.
    AlleenConceptVaststellen,
    /// Only the current vastgesteld version can be replaced or withdrawn.
    NietVastgesteld,
    /// A person has at most one concept at a time.
    AlEenConcept,
    /// A version that replaces another needs a reason (Besluit 5.3 lid 6, Wet 17).
    RedenVerplicht,
    /// A concept is no decision yet: it has no letter.
    GeenBeschikking,
}

impl OvergangWeigering {
    pub fn message(self) -> &'static str {
        match self {
            OvergangWeigering::AlleenConceptWijzigen => {
                "Dit PIP is vastgesteld en kan niet meer worden gewijzigd. Maak een nieuwe versie."
            }
            OvergangWeigering::AlleenConceptVaststellen => {
                "Alleen een concept kan worden vastgesteld."
            }
            OvergangWeigering::NietVastgesteld => {
                "Alleen het geldende (vastgestelde) PIP kan worden vervangen of ingetrokken."
            }
            OvergangWeigering::AlEenConcept => {
                "Er is al een concept voor deze persoon: werk dat bij of stel het vast."
            }
            OvergangWeigering::RedenVerplicht => {
                "Deze versie vervangt het geldende PIP: kies de reden van de wijziging en licht die toe."
            }
            OvergangWeigering::GeenBeschikking => {
                "Dit PIP is nog een concept en heeft dus nog geen beschikking: stel het eerst vast."
            }
        }
    }

    /// The field a form shows the refusal next to.
    pub fn field(self) -> &'static str {
        match self {
            OvergangWeigering::RedenVerplicht => "reden",
            _ => "status",
        }
    }
}

/// Saving changes: only a concept stays a concept.
pub fn bewerken(s: PipStatus) -> Result<PipStatus, OvergangWeigering> {
    match s {
        PipStatus::Concept => Ok(PipStatus::Concept),
        _ => Err(OvergangWeigering::AlleenConceptWijzigen),
    }
}

/// Deciding a concept. `vervangt_geldend`: a vastgesteld version exists that this one replaces, which
/// then needs a reason with its toelichting.
pub fn vaststellen(
    s: PipStatus,
    vervangt_geldend: bool,
    reden_gegeven: bool,
) -> Result<PipStatus, OvergangWeigering> {
    match s {
        PipStatus::Concept if vervangt_geldend && !reden_gegeven => {
            Err(OvergangWeigering::RedenVerplicht)
        }
        PipStatus::Concept => Ok(PipStatus::Vastgesteld),
        _ => Err(OvergangWeigering::AlleenConceptVaststellen),
    }
}

/// The current version, when its successor is vastgesteld.
pub fn vervangen(s: PipStatus) -> Result<PipStatus, OvergangWeigering> {
    match s {
        PipStatus::Vastgesteld => Ok(PipStatus::Vervangen),
        _ => Err(OvergangWeigering::NietVastgesteld),
    }
}

/// Withdrawing the current version (e.g. after a gegrond bezwaar).
pub fn intrekken(s: PipStatus) -> Result<PipStatus, OvergangWeigering> {
    match s {
        PipStatus::Vastgesteld => Ok(PipStatus::Ingetrokken),
        _ => Err(OvergangWeigering::NietVastgesteld),
    }
}

/// A new concept next to the person's existing versions: refused while one is still a concept.
pub fn nieuw_concept(bestaand: &[PipStatus]) -> Result<PipStatus, OvergangWeigering> {
    if bestaand.contains(&PipStatus::Concept) {
        Err(OvergangWeigering::AlEenConcept)
    } else {
        Ok(PipStatus::Concept)
    }
}

/// Whether a beschikking letter exists for this status (a concept is no decision yet).
pub fn is_beschikking(s: PipStatus) -> bool {
    !matches!(s, PipStatus::Concept)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn status() -> impl Strategy<Value = PipStatus> {
        proptest::sample::select(PipStatus::ALL.to_vec())
    }

    proptest! {
        /// Whatever the path, a status other than concept is never edited, and nothing but a
        /// concept is ever vastgesteld.
        #[test]
        fn only_a_concept_is_edited_or_decided(s in status(), vervangt in any::<bool>(), reden in any::<bool>()) {
            prop_assert_eq!(bewerken(s).is_ok(), s == PipStatus::Concept);
            if s != PipStatus::Concept {
                prop_assert!(vaststellen(s, vervangt, reden).is_err());
            }
        }

        #[test]
        fn only_the_current_decision_is_replaced_or_withdrawn(s in status()) {
            prop_assert_eq!(vervangen(s).is_ok(), s == PipStatus::Vastgesteld);
            prop_assert_eq!(intrekken(s).is_ok(), s == PipStatus::Vastgesteld);
        }

        #[test]
        fn at_most_one_concept(list in proptest::collection::vec(status(), 0..6)) {
            prop_assert_eq!(nieuw_concept(&list).is_ok(), !list.contains(&PipStatus::Concept));
        }
    }

    #[test]
    fn a_replacing_version_needs_a_reason() {
        assert_eq!(
            vaststellen(PipStatus::Concept, true, false),
            Err(OvergangWeigering::RedenVerplicht)
        );
        assert_eq!(
            vaststellen(PipStatus::Concept, true, true),
            Ok(PipStatus::Vastgesteld)
        );
        assert_eq!(
            vaststellen(PipStatus::Concept, false, false),
            Ok(PipStatus::Vastgesteld)
        );
        assert!(!is_beschikking(PipStatus::Concept));
        assert!(is_beschikking(PipStatus::Vervangen));
    }
}
