//! The inburgering trajectory under the Wet inburgering 2021: from koppeling to "inburgeringsplicht
//! voldaan". The code lists shared by every step live in [`codes`]; each step (koppeling, brede intake,
//! PIP, progress) and the deadline engine have their own module.

pub mod codes;
pub mod intake;
pub mod settings;
