//! "Intake afronden": allowed only when the mandatory components of Wet inburgering 2021 art. 14
//! lid 3 (rule C-3) are complete or explicitly skipped. A section is complete when every question
//! was asked (answered, or "gevraagd: geen probleem"); the leerbaarheidstoets counts when taken or
//! skipped with a reason (incl. the college's exemption, C-7); the VVE verkenning counts when answered
//! or marked not applicable ("geen probleem": no child of VVE age).

use super::sectie::Sectie;
use crate::trajectory::codes::SectieStatus;
use crate::validation::ValidationErrors;

/// The mandatory sections that are not complete yet, given each section's current status (a section
/// never saved is absent).
pub fn ontbrekend(statussen: &[(Sectie, SectieStatus)], alle: &[Sectie]) -> Vec<Sectie> {
    alle.iter()
        .filter(|s| s.is_verplicht())
        .filter(|s| {
            !statussen
                .iter()
                .any(|(t, st)| t == *s && *st == SectieStatus::Compleet)
        })
        .copied()
        .collect()
}

/// The refusal of "Intake afronden", naming what is still open.
pub fn check_afronden(ontbrekend: &[Sectie]) -> Result<(), ValidationErrors> {
    if ontbrekend.is_empty() {
        return Ok(());
    }
    let namen: Vec<String> = ontbrekend.iter().map(Sectie::naam).collect();
    let mut e = ValidationErrors::new();
    e.push(
        "secties",
        "state",
        format!(
            "De intake kan nog niet worden afgerond: deze verplichte onderdelen (Wet inburgering 2021 art. 14 lid 3) zijn nog niet compleet: {}.",
            namen.join(", ")
        ),
    );
    Err(e)
}

#[cfg(test)]
mod tests {
    use super::super::sectie::VasteSectie;
    use super::*;
    use crate::trajectory::codes::LeefdomeinenSet;

    #[test]
    fn all_four_mandatory_sections_are_needed_and_nothing_else() {
        let alle = Sectie::alle(LeefdomeinenSet::Drenthe);
        assert_eq!(ontbrekend(&[], &alle).len(), 4);
        let done: Vec<_> = alle
            .iter()
            .filter(|s| s.is_verplicht())
            .map(|s| (*s, SectieStatus::Compleet))
            .collect();
        assert!(ontbrekend(&done, &alle).is_empty());
        let mut partly = done.clone();
        partly[0].1 = SectieStatus::Deels;
        assert_eq!(
            ontbrekend(&partly, &alle),
            vec![Sectie::Vast(VasteSectie::Leerbaarheidstoets)]
        );
        assert!(check_afronden(&ontbrekend(&partly, &alle)).is_err());
    }
}
