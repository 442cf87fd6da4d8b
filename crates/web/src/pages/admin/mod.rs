//! Functional administration (beheerder): accounts, API keys and organisations.

pub mod api_keys;
pub mod organisations;
pub mod settings;
pub mod users;
