//! Functional administration (beheerder): accounts, API keys and organisations.

pub mod api_keys;
pub mod organisations;
pub mod settings;
// Taakstelling (issue 7).
pub mod taakstelling;
pub mod users;
