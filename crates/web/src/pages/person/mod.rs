//! The person pages: dossier, create/edit form, who-saw-this, reassignment.

pub mod audit;
pub mod conflict;
pub mod edit;
pub mod fields;
pub mod inzage;
pub mod new;
pub mod reassign;
pub mod show;
pub mod take_on;
// Werkvoorraad (issue 7): the trajectory timeline.
pub mod tijdlijn;
pub mod timeline;
// End werkvoorraad.
