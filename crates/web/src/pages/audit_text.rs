//! The detail text of an audit row as a person reads it; lives in the domain so the inzage export
//! (app) shows it the same way as the pages.

pub use wegwijs_domain::audit_text::for_people;
