//! PIP versions (`pip_versies` with `pip_doelen` and `pip_activiteiten`). Every read is limited to the
//! actor's gemeente in SQL; every write names the gemeente and, for a concept, the version it expects.
//! What may change is decided by `domain::trajectory::pip::lifecycle`; the `WHERE status = ...` in
//! each write makes a concurrent request that slipped past that check change nothing.

mod facts;
mod items;
mod read;
mod write;

pub use facts::{intake_feiten, nt2_uren, pip_instellingen};
pub use read::{PipSamenvatting, PipVersie, get, list};
pub use write::{NieuwConcept, insert_concept, intrekken, update_concept, vaststellen};
