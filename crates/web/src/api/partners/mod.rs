//! `/api/v1/verwijzingen`, `/api/v1/aanbod` and per person `.../verwijzingen`, `.../contactmomenten`,
//! `.../metingen`, `.../plaatsingen`, `.../urenregistraties` and `.../handhaving` (issue 8: chain
//! partners). A partner's key sees only what its referrals open; every read is logged with the
//! referral as legal basis.

pub mod dto;
pub mod uitvoering;
pub mod verwijzingen;
