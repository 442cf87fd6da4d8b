//! Who may read a contact moment, given its [`Vertrouwelijkheid`]. The caller has already decided
//! that the reader has access to the person at all (authz); this only narrows that down per note.

use super::Vertrouwelijkheid;

/// The reader of a note, relative to the note's author.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Lezer {
    /// A regisseur or teamleider of the gemeente (the college's own staff directing the trajectory).
    pub gemeente_regisseur_of_teamleider: bool,
    /// The reader wrote the note.
    pub is_auteur: bool,
    /// The reader works for the same organisation as the author (the gemeente is one organisation,
    /// each chain partner another).
    pub zelfde_organisatie_als_auteur: bool,
}

/// Whether `lezer` may read a note with vertrouwelijkheid `v`.
///
/// - normaal: everyone with access to the person.
/// - gevoelig: the author and the gemeente's regisseurs and teamleiders only. Not the author's
///   colleagues and not other partners: the regisseur directs the trajectory and needs to know, a
///   colleague does not (need-to-know, AVG art. 5 lid 1 c).
/// - eigen_organisatie: only the author's own organisation. The gemeente is another organisation, so
///   it does not read a partner's internal notes, nor a partner the gemeente's.
pub fn zichtbaar(v: Vertrouwelijkheid, lezer: &Lezer) -> bool {
    match v {
        Vertrouwelijkheid::Normaal => true,
        Vertrouwelijkheid::Gevoelig => lezer.is_auteur || lezer.gemeente_regisseur_of_teamleider,
        // The author counts even if the organisation flag was left false: one's own note is never hidden.
        Vertrouwelijkheid::EigenOrganisatie => {
            lezer.is_auteur || lezer.zelfde_organisatie_als_auteur
        }
    }
}
