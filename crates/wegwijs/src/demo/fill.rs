//! Filling one gemeente with exactly its number of persons, household by household, and handing
//! the households to the gemeente's regisseurs in turn.

use wegwijs_domain::household::{LidInput, Relatie};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::person::PersonDetails;
use wegwijs_storage::bulk::{BulkHousehold, BulkPerson};

use super::facts::Household;
use super::persons::{AdultSpec, Gen};
use super::region::GemeenteSpec;

/// A gemeente being filled: its id and the regisseurs its adults are handed to in turn.
pub struct GemeenteRun<'a> {
    pub id: OrganisatieId,
    pub spec: &'a GemeenteSpec,
    pub regisseurs: &'a [GebruikerId],
    pub next: usize,
    /// The regisseur of the household being made (all its members share it).
    pub unit_regisseur: Option<GebruikerId>,
}

impl GemeenteRun<'_> {
    /// The next regisseur in turn.
    pub fn next_regisseur(&mut self) -> Option<GebruikerId> {
        let pick = self
            .regisseurs
            .get(self.next % self.regisseurs.len().max(1))
            .copied();
        self.next += 1;
        pick
    }
}

#[derive(Default)]
pub struct Output {
    pub persons: Vec<BulkPerson>,
    pub households: Vec<BulkHousehold>,
}

impl Gen {
    /// Generates exactly `g.spec.persons` persons for the gemeente.
    pub fn fill_gemeente(&mut self, g: &mut GemeenteRun<'_>, out: &mut Output) {
        let mut made = 0;
        while made < g.spec.persons {
            made += self.unit(g, g.spec.persons - made, out);
        }
    }

    /// Stores a person of this gemeente with the household's regisseur.
    pub(super) fn push(
        &mut self,
        g: &mut GemeenteRun<'_>,
        details: PersonDetails,
        out: &mut Output,
    ) -> PersonId {
        let regisseur = g.unit_regisseur;
        let id = self.seq.persoon();
        out.persons.push(BulkPerson {
            id,
            gemeente: g.id,
            regisseur,
            details,
        });
        id
    }

    /// Generates and stores an adult household member; returns its place in the household.
    pub(super) fn adult_member(
        &mut self,
        g: &mut GemeenteRun<'_>,
        h: &Household<'_>,
        spec: AdultSpec<'_>,
        (relatie, nareiziger): (Relatie, bool),
        out: &mut Output,
    ) -> LidInput {
        let details = self.adult(h, spec);
        LidInput {
            persoon_id: self.push(g, details, out),
            relatie,
            nareiziger,
        }
    }
}
