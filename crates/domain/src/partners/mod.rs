//! Chain partners (issue 8): partner organisations, the gemeente's offer of their products (sociale
//! kaart), and referrals (verwijzingen) that open a partner's need-to-know view of one person.
//!
//! A referral is the partner's only way into a person's data: while it is accepted or started it is a
//! grant (see [`crate::authz::PartnerGrant`]) with its own legal basis, which the audit row of every
//! partner read carries.

pub mod aanbod;
pub mod organisatie;
pub mod verwijzing;
pub mod verwijzing_input;

/// The groups of the person's record (`person::FIELDS`) a referral opens to the partner: who the
/// person is, how to reach them, and their languages (whether an interpreter is needed).
pub const PERSOON_GROEPEN: &[&str] = &["Naam en identificatie", "Taal", "Adres en contact"];

#[cfg(test)]
mod tests;
