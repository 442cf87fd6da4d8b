//! Trajectory demo data (issue 7): every adult Wi2021 inburgeraar gets a stage ([`Fase`]) that fits
//! the dates already generated for them (koppeling, BRP, DUO's kennisgeving), and the rows of that
//! stage: koppeling, brede intake, PIP versions, reviews, exams, hours, afronding.
//!
//! Each person's trajectory comes from its own generator seeded with the seed and the person's id,
//! so persons are generated independently (in parallel, in chunks) and still the same on every run.
//! Dates count back from the reference date like the key dates do, so the same seed shows the same
//! overdue and upcoming deadlines on every day.

use std::collections::HashSet;

use chrono::{Datelike, Days, NaiveDate};
use rand::SeedableRng;
use rand::rngs::StdRng;
use uuid::Uuid;
use wegwijs_domain::ids::{GebruikerId, OrganisatieId, PersonId};
use wegwijs_storage::bulk::{BulkHousehold, BulkPerson};
use wegwijs_storage::bulk_trajectory::{BulkTaakstelling, Traject};

use super::sequences::traject_id;
pub use super::trajectory_feiten::Feiten;

/// Where a person stands in the trajectory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Fase {
    /// Registered, no koppeling recorded yet.
    Aangemeld,
    /// Koppeling recorded (COA profile, warm handover), not yet housed or just housed.
    Gekoppeld,
    /// Housed in the gemeente, intake not started.
    Gehuisvest,
    /// Brede intake under way.
    Intake,
    /// A first PIP drafted, not yet vastgesteld.
    PipConcept,
    /// PIP version 1 vastgesteld; reviews, hours, exams.
    PipVastgesteld,
    /// Replaced by version 2 or 3 (schakelen, afschalen, anders).
    PipVersies,
    /// PVT signed and/or MAP eindgesprek held, not yet voldaan.
    Afronding,
    /// Inburgeringsplicht voldaan (with its ground).
    Voldaan,
}

impl Fase {
    pub const ALL: [Fase; 9] = [
        Fase::Aangemeld,
        Fase::Gekoppeld,
        Fase::Gehuisvest,
        Fase::Intake,
        Fase::PipConcept,
        Fase::PipVastgesteld,
        Fase::PipVersies,
        Fase::Afronding,
        Fase::Voldaan,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Fase::Aangemeld => "aangemeld",
            Fase::Gekoppeld => "gekoppeld",
            Fase::Gehuisvest => "gehuisvest",
            Fase::Intake => "intake",
            Fase::PipConcept => "pip_concept",
            Fase::PipVastgesteld => "pip_vastgesteld",
            Fase::PipVersies => "pip_versies",
            Fase::Afronding => "afronding",
            Fase::Voldaan => "voldaan",
        }
    }

    pub(super) fn index(self) -> usize {
        Fase::ALL.iter().position(|f| *f == self).unwrap_or(0)
    }
}

/// One person being generated: its generator, facts and a counter for its row ids.
pub struct Maker<'a> {
    pub rng: StdRng,
    pub f: Feiten,
    pub p: &'a BulkPerson,
    next_id: u16,
    pub out: &'a mut Traject,
}

impl Maker<'_> {
    pub fn id(&mut self) -> Uuid {
        self.next_id = self.next_id.wrapping_add(1);
        traject_id(self.f.persoon, self.next_id)
    }
}

/// The trajectory rows of a dataset and each inburgeraar's stage.
#[derive(Default)]
pub struct TrajectDemo {
    pub rows: Traject,
    pub fasen: Vec<(PersonId, Fase)>,
}

fn person_seed(seed: u64, id: PersonId) -> u64 {
    let (hi, lo) = id.0.as_u64_pair();
    (seed ^ lo.wrapping_mul(0x9E37_79B9_7F4A_7C15)).rotate_left(17) ^ hi
}

/// What every person's generation shares.
struct Shared<'a> {
    seed: u64,
    today: NaiveDate,
    gezinnen: &'a HashSet<PersonId>,
}

fn one(p: &BulkPerson, s: &Shared<'_>, hint: Option<Fase>, out: &mut TrajectDemo) {
    let (seed, today) = (s.seed, s.today);
    let Some(f) = Feiten::of(p, s.gezinnen.contains(&p.id), today) else {
        return;
    };
    let mut rng = StdRng::seed_from_u64(person_seed(seed, p.id));
    let fase = hint
        .filter(|h| f.mogelijk(*h))
        .unwrap_or_else(|| f.kies(&mut rng));
    out.fasen.push((p.id, fase));
    let mut m = Maker {
        rng,
        f,
        p,
        next_id: 0,
        out: &mut out.rows,
    };
    m.trajectory(fase);
}

/// The showcase regisseur's persons get, in order, each stage not yet seen in the caseload that their
/// dates allow, so the demo account shows every stage even in a small dataset.
fn showcase_hints(
    persons: &[BulkPerson],
    showcase: Option<GebruikerId>,
    s: &Shared<'_>,
) -> Vec<(PersonId, Fase)> {
    let mut seen = HashSet::new();
    let mut hints = Vec::new();
    for p in persons
        .iter()
        .filter(|p| showcase.is_some() && p.regisseur == showcase)
    {
        let Some(f) = Feiten::of(p, s.gezinnen.contains(&p.id), s.today) else {
            continue;
        };
        if let Some(fase) = Fase::ALL
            .iter()
            .copied()
            .find(|x| !seen.contains(x) && f.mogelijk(*x))
        {
            seen.insert(fase);
            hints.push((p.id, fase));
        }
    }
    hints
}

/// The trajectory of every person, in the order of `persons`; `region` are the gemeenten that get
/// taakstellingen, `showcase` the regisseur whose caseload must show every stage.
pub fn generate(
    persons: &[BulkPerson],
    households: &[BulkHousehold],
    region: &[OrganisatieId],
    showcase: Option<GebruikerId>,
    seed: u64,
    today: NaiveDate,
) -> TrajectDemo {
    let gezinnen: HashSet<PersonId> = households
        .iter()
        .flat_map(|h| h.leden.iter().map(|l| l.persoon_id))
        .collect();
    let shared = Shared {
        seed,
        today,
        gezinnen: &gezinnen,
    };
    let hints = showcase_hints(persons, showcase, &shared);
    let hints = &hints;
    let hint = |id: PersonId| hints.iter().find(|(p, _)| *p == id).map(|(_, f)| *f);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    let chunk = persons.len().div_ceil(threads).max(1);
    let parts: Vec<TrajectDemo> = std::thread::scope(|s| {
        let handles: Vec<_> = persons
            .chunks(chunk)
            .map(|part| {
                let (hint, shared) = (&hint, &shared);
                s.spawn(move || {
                    let mut out = TrajectDemo::default();
                    for p in part {
                        let h = if hints.is_empty() { None } else { hint(p.id) };
                        one(p, shared, h, &mut out);
                    }
                    out
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let mut all = TrajectDemo::default();
    for part in parts {
        all.rows.append(part.rows);
        all.fasen.extend(part.fasen);
    }
    all.rows.taakstellingen = taakstellingen(&all.rows, region, today);
    all
}

/// Taakstellingen of the region gemeenten for the last four half-years and the next one: the status
/// holders actually koppeled, rounded up to a plausible assignment (COA links a little under target).
fn taakstellingen(
    rows: &Traject,
    region: &[OrganisatieId],
    today: NaiveDate,
) -> Vec<BulkTaakstelling> {
    let halfjaar = |d: NaiveDate| (d.year(), if d.month() <= 6 { 1 } else { 2 });
    let mut periods = Vec::new();
    let mut at = today - Days::new(4 * 183);
    for _ in 0..6 {
        let hj = halfjaar(at);
        if !periods.contains(&hj) {
            periods.push(hj);
        }
        at = at + Days::new(183);
    }
    let mut out = Vec::new();
    for g in region {
        for (jaar, hj) in &periods {
            let realised = rows
                .koppelingen
                .iter()
                .filter(|k| k.gemeente == *g && k.taakstelling == Some((*jaar, *hj)))
                .count();
            let aantal = i32::try_from(realised + realised / 8 + 2).unwrap_or(i32::MAX);
            out.push(BulkTaakstelling {
                gemeente: *g,
                jaar: *jaar,
                halfjaar: *hj,
                aantal,
            });
        }
    }
    out
}

impl Fase {
    /// Stages counted per stage, in stage order (for the load summary).
    pub fn spread(fasen: &[(PersonId, Fase)]) -> [(Fase, usize); 9] {
        let mut out = Fase::ALL.map(|f| (f, 0));
        for (_, f) in fasen {
            out[f.index()].1 += 1;
        }
        out
    }
}
