//! Pure domain core of Wegwijs: the types, rules and access decisions of the Wet inburgering 2021 work
//! of a gemeente. No I/O and no clock calls: callers pass "now" in (see [`clock`]), so every rule here
//! can be tested with fixed dates and reused by the storage and web crates without surprises.

#[macro_use]
mod code_enum;

pub mod aanwezigheid;
pub mod audit;
pub mod audit_text;
pub mod authz;
pub mod begeleiding;
pub mod caseload;
pub mod clock;
pub mod contact;
pub mod handhaving;
pub mod household;
pub mod ids;
pub mod invoer;
pub mod login_throttle;
pub mod meting;
pub mod partners;
pub mod password_policy;
pub mod person;
pub mod plaatsing;
pub mod record;
pub mod trajectory;
pub mod validation;
