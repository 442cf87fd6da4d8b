//! `/api/v1/huishoudens`.

pub mod dto;
pub mod handlers;
