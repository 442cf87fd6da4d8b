//! The brede intake pages (issue 7, intake slice): the overview, a conversation, a section's form
//! with its history. Access, audit and the rules live in `wegwijs_app::intake`; these only translate
//! forms to its input and its answers to pages.

pub mod acties;
mod form_json;
mod form_view;
pub mod gesprek;
pub mod overview;
mod samenvatting;
pub mod sectie;
mod vragen;
