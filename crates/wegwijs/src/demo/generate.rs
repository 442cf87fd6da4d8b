//! The pure part: the whole demo dataset, built in memory from `persons` and `seed` alone (and
//! the seed's reference date, which the key dates count back from). No database, no clock, no entropy.

use chrono::NaiveDate;
use rand::SeedableRng;
use rand::rngs::StdRng;
use wegwijs_domain::authz::{OrganisatieSoort, Role};
use wegwijs_storage::bulk::{BulkHousehold, BulkPerson};
use wegwijs_storage::organisations::Organisation;

use super::fill::{GemeenteRun, Output};
use super::persons::Gen;
use super::region::{self, GemeenteSpec, PARTNERS};
use super::sequences::Sequences;
use super::staff::{StaffMember, staff_for};
use super::trajectory::{self, TrajectDemo};

/// Everything `load` writes, in the order it must be written.
pub struct DemoData {
    /// Gemeenten first (the three region gemeenten at the start), then the partners.
    pub organisations: Vec<Organisation>,
    /// Accounts of every gemeente, grouped by gemeente in the order of `organisations`.
    pub staff: Vec<StaffMember>,
    pub persons: Vec<BulkPerson>,
    pub households: Vec<BulkHousehold>,
    pub gemeenten: usize,
    /// Trajectory rows (koppeling ... voldaan) and each adult Wi2021 inburgeraar's stage.
    pub traject: TrajectDemo,
}

fn organisation(
    seq: &mut Sequences,
    naam: &str,
    soort: OrganisatieSoort,
    code: Option<&str>,
) -> Organisation {
    Organisation {
        id: seq.organisatie(),
        naam: naam.to_owned(),
        soort,
        gemeentecode: code.map(str::to_owned),
        versie: 1,
    }
}

/// The same `persons`, `seed` and `today` always give the same data.
pub fn generate(persons: usize, seed: u64, today: NaiveDate) -> DemoData {
    generate_with(persons, None, seed, today)
}

/// As [`generate`], with the largest gemeente holding `largest` persons (see `region::gemeenten_with`).
pub fn generate_with(
    persons: usize,
    largest: Option<usize>,
    seed: u64,
    today: NaiveDate,
) -> DemoData {
    let mut state = Gen {
        rng: StdRng::seed_from_u64(seed),
        seq: Sequences::new(),
        today,
    };
    let specs: Vec<GemeenteSpec> = region::gemeenten_with(persons, largest);
    let mut organisations: Vec<Organisation> = specs
        .iter()
        .map(|s| {
            organisation(
                &mut state.seq,
                &s.naam,
                OrganisatieSoort::Gemeente,
                Some(&s.code),
            )
        })
        .collect();
    let gemeenten = organisations.len();
    for naam in PARTNERS {
        let partner = organisation(&mut state.seq, naam, OrganisatieSoort::Partner, None);
        organisations.push(partner);
    }

    let mut staff = Vec::new();
    let mut out = Output {
        persons: Vec::with_capacity(persons),
        households: Vec::with_capacity(persons / 5),
    };
    for (i, (spec, org)) in specs.iter().zip(&organisations).enumerate() {
        let members = staff_for(&mut state.seq, i, org.id, &spec.slug, spec.persons);
        let regisseurs: Vec<_> = members
            .iter()
            .filter(|m| m.rollen.contains(&Role::Regisseur))
            .map(|m| m.id)
            .collect();
        staff.extend(members);
        let mut run = GemeenteRun {
            id: org.id,
            spec,
            regisseurs: &regisseurs,
            next: 0,
            unit_regisseur: None,
        };
        state.fill_gemeente(&mut run, &mut out);
    }
    // Partner accounts last, so the gemeenten's account ids stay as they were.
    staff.extend(super::partners::staff(&mut state.seq, &organisations));
    // The showcase account regisseur@weert.example: the first regisseur of the first gemeente.
    let first = organisations.first().map(|o| o.id);
    let showcase = staff
        .iter()
        .find(|s| Some(s.organisatie) == first && s.rollen.contains(&Role::Regisseur))
        .map(|s| s.id);
    let region: Vec<_> = organisations[..gemeenten.min(super::REGION_GEMEENTEN)]
        .iter()
        .map(|o| o.id)
        .collect();
    let traject = trajectory::generate(
        &out.persons,
        &out.households,
        &region,
        showcase,
        seed,
        today,
    );
    DemoData {
        organisations,
        staff,
        persons: out.persons,
        households: out.households,
        gemeenten,
        traject,
    }
}
