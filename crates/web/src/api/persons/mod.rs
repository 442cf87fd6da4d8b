//! `/api/v1/personen`: one file per action.

pub mod create;
pub mod dto;
mod dto_schema;
pub mod get;
pub mod list;
pub mod regisseur;
pub mod update;
pub mod verwerkingen;
