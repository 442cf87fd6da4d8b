//! The `wegwijs` command line: wiring of the domain, storage and web crates into one program.

pub mod bench;
pub mod cli;
pub mod commands;
pub mod demo;
pub mod logging;
