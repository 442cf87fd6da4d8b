//! `/personen/{id}/pips`: the PIP versions of a person (concept, decisions, differences, bezwaar and
//! beroep, the beschikking as PDF).

pub mod dto;
pub mod handlers;
pub mod problem;
pub mod writes;
