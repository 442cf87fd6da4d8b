//! Functional administration (beheerder): accounts and organisations.

pub mod organisations;
pub mod users;
