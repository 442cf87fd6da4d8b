//! Progress after the PIP (issue 7, progress slice): the termijn's verlengingen, voortgangsgesprekken,
//! exams, hours, DUO's vrijstellingen/ontheffingen and the afronding. Reads are filtered by the actor's
//! [`PersonScope`] in the SQL (a join on `personen.gemeente_id`); writes first check, inside the
//! transaction, that the person belongs to the writer's gemeente.
//!
//! Codes are parsed into the domain's types on the way out: a stored value that no longer parses is
//! [`StorageError::Corrupt`], never silently dropped.

mod read;
mod write;

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;
use wegwijs_domain::trajectory::codes::{Leerroute, Niveau};
use wegwijs_domain::trajectory::progress::afronding::AfrondingInvoer;
use wegwijs_domain::trajectory::progress::duo_besluit::DuoBesluit;
use wegwijs_domain::trajectory::progress::exam::Examen;
use wegwijs_domain::trajectory::progress::hours::Uren;
use wegwijs_domain::trajectory::progress::review::Gesprek;
use wegwijs_domain::trajectory::progress::verlenging::VerlengingInvoer;

use crate::StorageError;

pub use read::load;
pub use write::{
    Schrijver, insert_duo_besluit, insert_examen, insert_gesprek, insert_pip_for_tests,
    insert_uren, insert_verlenging, save_afronding, update_gesprek,
};

/// A goal of the current PIP, to report progress on in a review.
#[derive(Debug, Clone)]
pub struct PipDoel {
    pub doel_id: Uuid,
    pub leefdomein: String,
    pub omschrijving: String,
}

/// The current (vastgesteld) PIP version.
#[derive(Debug, Clone)]
pub struct HuidigePip {
    pub id: Uuid,
    pub nummer: i32,
    pub leerroute: Option<Leerroute>,
    pub niveau: Option<Niveau>,
    pub dagtekening: Option<NaiveDate>,
    pub doelen: Vec<PipDoel>,
}

#[derive(Debug, Clone)]
pub struct Stored<T> {
    pub id: Uuid,
    pub value: T,
    pub aangemaakt_op: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct StoredGesprek {
    pub id: Uuid,
    pub versie: i64,
    pub gesprek: Gesprek,
}

#[derive(Debug, Clone)]
pub struct StoredAfronding {
    pub versie: i64,
    pub afronding: AfrondingInvoer,
}

/// Everything the voortgang page and the progress API read for one person.
#[derive(Debug, Clone)]
pub struct Voortgang {
    /// The lowest dagtekening of any PIP that was ever vastgesteld (vastgesteld, vervangen or
    /// ingetrokken): the termijn's anchor (Wet art. 11 lid 2-3).
    pub eerste_pip_dagtekening: Option<NaiveDate>,
    pub huidige_pip: Option<HuidigePip>,
    pub verlengingen: Vec<Stored<VerlengingInvoer>>,
    /// Oldest planned first.
    pub gesprekken: Vec<StoredGesprek>,
    pub examens: Vec<Stored<Examen>>,
    pub uren: Vec<Stored<Uren>>,
    pub besluiten: Vec<Stored<DuoBesluit>>,
    pub afronding: Option<StoredAfronding>,
}

fn corrupt(what: &str) -> StorageError {
    StorageError::Corrupt(format!("{what}: onbekende code"))
}
