//! Filling one gemeente with exactly its number of persons, household by household, and handing
//! the adults to the gemeente's regisseurs in turn.

use wegwijs_domain::household::{LidInput, Relatie};
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_domain::person::PersonDetails;
use wegwijs_storage::bulk::{BulkHousehold, BulkPerson};

use super::facts::Household;
use super::persons::{AdultSpec, Gen};
use super::pick::chance;
use super::region::GemeenteSpec;

/// A gemeente being filled: its id and the regisseurs its adults are handed to in turn.
pub struct GemeenteRun<'a> {
    pub id: OrganisatieId,
    pub spec: &'a GemeenteSpec,
    pub regisseurs: &'a [GebruikerId],
    pub next: usize,
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

    /// Stores a person of this gemeente. About 95% of the adults get a regisseur (round robin);
    /// children and the other adults have none.
    pub(super) fn push(
        &mut self,
        g: &mut GemeenteRun<'_>,
        details: PersonDetails,
        adult: bool,
        out: &mut Output,
    ) -> PersonId {
        let regisseur = if adult && !g.regisseurs.is_empty() && !chance(&mut self.rng, 0.05) {
            let pick = g.regisseurs.get(g.next % g.regisseurs.len()).copied();
            g.next += 1;
            pick
        } else {
            None
        };
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
            persoon_id: self.push(g, details, true, out),
            relatie,
            nareiziger,
        }
    }
}
