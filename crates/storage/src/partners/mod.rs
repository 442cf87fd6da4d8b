//! Chain partners (issue 8): the sociale kaart (`aanbod`), referrals and their history
//! (`verwijzingen`), and what partners and regisseurs record in the work (`uitvoering`).

pub mod aanbod;
pub mod uitvoering;
pub mod verwijzingen;
