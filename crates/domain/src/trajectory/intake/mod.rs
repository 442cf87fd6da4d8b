//! The brede intake (Wet inburgering 2021 art. 14; Besluit 5.2): conversations, sections with
//! explicit answers, the life-domain sets, and the rule for closing the intake.

pub mod afronding;
pub mod antwoord;
mod check;
pub mod derde_info;
pub mod gesprek;
pub mod inhoud;
pub mod lbt;
pub mod leefdomeinen;
pub mod sectie;

pub use antwoord::Antwoord;
pub use check::{MAX_KORT, MAX_TEKST};
pub use inhoud::SectieInhoud;
pub use sectie::{Sectie, VasteSectie};

#[cfg(test)]
mod tests;
