//! The inburgering trajectory under the Wet inburgering 2021: from koppeling to "inburgeringsplicht
//! voldaan". The code lists shared by every step live in [`codes`]; each step (koppeling, brede intake,
//! PIP, progress) and the deadline engine have their own module.

pub mod briefgegevens;
pub mod codes;
pub mod intake;
pub mod pip;
pub mod settings;

// --- rules slice: the pure deadline engine and the werkvoorraad computation ---
pub mod deadlines;
pub mod traject_feiten;
pub mod werkvoorraad;
// --- end rules slice ---

#[cfg(test)]
mod werkvoorraad_tests;

// --- progress slice: review, exam, hours, verlenging, DUO besluit and afronding input ---
pub mod progress;
// --- end progress slice ---
pub mod koppeling;
pub mod settings_input;
