//! The PIP (persoonlijk plan inburgering en participatie) as a versioned beschikking (Wet inburgering
//! 2021 art. 15): its content ([`inhoud`], parsed from what a user typed by [`parse`]), its life as a
//! state machine ([`lifecycle`]), DUO's registration rules checked before a decision ([`duo_rules`]),
//! the differences between two versions ([`diff`]), bezwaar and beroep ([`rechtsmiddel`]) and a first
//! concept drafted from the brede intake ([`voorstel`]).

mod bijzonder;
pub mod diff;
pub mod duo_rules;
pub mod inhoud;
pub mod lifecycle;
pub mod parse;
pub mod rechtsmiddel;
pub mod voorstel;

#[cfg(test)]
mod duo_rules_tests;
#[cfg(test)]
mod parse_tests;

pub use duo_rules::{DuoFeiten, DuoWeigering, check_vaststelling};
pub use inhoud::{Activiteit, Doel, DoelStatus, EigenVisie, Onderdeel, PipBlokken, PipInhoud};
pub use lifecycle::OvergangWeigering;
pub use parse::{PipConcept, RawActiviteit, RawDoel, RawPip};
