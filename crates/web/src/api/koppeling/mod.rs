//! `/api/v1/personen/{id}/koppeling` (issue 7, koppeling slice): one file for the DTOs, one for the
//! handlers.

pub mod dto;
pub mod handlers;
