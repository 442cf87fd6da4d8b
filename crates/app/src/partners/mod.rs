//! Chain partners (issue 8): the sociale kaart, referrals, a partner's view of the persons referred to
//! it, and what is recorded in the work. Every partner read is audited with the referral as its legal
//! basis (`grant::grondslag`).

pub mod aanbod;
pub mod dossier;
mod grant;
pub mod uitvoering;
pub mod verwijzingen;

pub use grant::{grondslag, resource};
