//! The demo accounts of one gemeente, under the reserved `.example` domain:
//! `regisseur@{slug}.example` (the first regisseur), `regisseur2@`, `regisseur3@`, ... (one per
//! ~120 persons, at least two), and `teamleider@`, `beleid@`, `beheerder@` and `privacy@`.

use wegwijs_domain::authz::Role;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId};

use super::names::staff_name;
use super::sequences::Sequences;

/// Persons per regisseur, roughly (a realistic caseload).
pub const PERSONS_PER_REGISSEUR: usize = 120;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffMember {
    pub id: GebruikerId,
    pub email: String,
    pub naam: String,
    pub organisatie: OrganisatieId,
    pub rollen: Vec<Role>,
}

pub fn regisseur_count(persons: usize) -> usize {
    persons.div_ceil(PERSONS_PER_REGISSEUR).max(2)
}

/// The accounts of gemeente number `g` (for varied names), regisseurs first.
pub fn staff_for(
    seq: &mut Sequences,
    g: usize,
    organisatie: OrganisatieId,
    slug: &str,
    persons: usize,
) -> Vec<StaffMember> {
    let mut out = Vec::new();
    let mut member = |seq: &mut Sequences, local: String, role: Role, title: &str| {
        let i = out.len();
        out.push(StaffMember {
            id: seq.gebruiker(),
            email: format!("{local}@{slug}.example"),
            naam: format!("{title} {}", staff_name(g, i)),
            organisatie,
            rollen: vec![role],
        });
    };
    for n in 1..=regisseur_count(persons) {
        let local = if n == 1 {
            "regisseur".to_owned()
        } else {
            format!("regisseur{n}")
        };
        member(seq, local, Role::Regisseur, "Regisseur");
    }
    member(seq, "teamleider".into(), Role::Teamleider, "Teamleider");
    member(seq, "beleid".into(), Role::Beleid, "Beleidsmedewerker");
    member(seq, "beheerder".into(), Role::Beheerder, "Beheerder");
    member(seq, "privacy".into(), Role::Privacy, "Privacyfunctionaris");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gemeente_gets_regisseurs_by_size_and_four_other_roles() {
        let mut seq = Sequences::new();
        let org = seq.organisatie();
        let staff = staff_for(&mut seq, 0, org, "weert", 360);
        let emails: Vec<_> = staff.iter().map(|s| s.email.as_str()).collect();
        assert_eq!(
            emails,
            [
                "regisseur@weert.example",
                "regisseur2@weert.example",
                "regisseur3@weert.example",
                "teamleider@weert.example",
                "beleid@weert.example",
                "beheerder@weert.example",
                "privacy@weert.example",
            ]
        );
        assert_eq!(staff[3].rollen, vec![Role::Teamleider]);
        assert_eq!(regisseur_count(10), 2);
        assert_eq!(regisseur_count(241), 3);
        let names: std::collections::HashSet<_> = staff.iter().map(|s| &s.naam).collect();
        assert_eq!(names.len(), staff.len());
    }
}
