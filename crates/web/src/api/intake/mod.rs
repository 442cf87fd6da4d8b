//! `/api/v1/personen/{id}/brede-intake`: the brede intake (issue 7, intake slice).

pub mod dto;
pub mod handlers;
