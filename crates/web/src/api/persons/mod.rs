//! `/api/v1/personen`: one file per action.

pub mod create;
pub mod dto;
pub mod get;
pub mod list;
pub mod update;
pub mod verwerkingen;
