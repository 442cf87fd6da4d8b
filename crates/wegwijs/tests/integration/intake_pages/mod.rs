//! The brede intake pages (issue 7, intake slice): section forms posted as plain HTML forms, field
//! errors next to the field, stale versions, health data hidden without a need, and page access per
//! role, on both databases.

mod access;
mod forms;
mod overview;
mod support;
