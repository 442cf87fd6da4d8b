//! The koppeling pages (issue 7, koppeling slice): `/personen/{id}/koppeling` (read view) and its
//! edit form. The form posts the same input the API's PUT takes, parsed by the same domain parser.

pub mod edit;
pub mod form;
pub mod show;
pub mod toetsen;
pub mod values;
