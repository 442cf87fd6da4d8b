//! The Wi2021 deadline engine: one file per clock, each rule's legal source in its doc comment and in
//! `docs/rules.md` (the verified rules file `../shared/domain/wi2021-rules-verified.md` wins over the
//! issue text). Pure: no I/O and no clock; "today" is always a parameter.

pub mod completion;
pub mod hours;
pub mod pip_deadline;
pub mod review;
pub mod rule;
pub mod support;
pub mod termijn;
pub mod workdays;

pub use completion::{
    Afronding, AfrondingFeiten, DuoBesluitFeit, ExamenResultaat, Openstaand, afronding,
};
pub use pip_deadline::{
    PipDeadline, PipTermijn, PipTermijnFeiten, PipTermijnGrondslag, pip_deadline,
};
pub use rule::{Regel, RegelLabel};
pub use support::Periode;
pub use termijn::{
    Inburgeringstermijn, Verlenging, VerlengingGrond, inburgeringstermijn, inburgeringstermijn_tot,
};

#[cfg(test)]
mod completion_tests;
#[cfg(test)]
mod pip_deadline_tests;
#[cfg(test)]
mod proptests;
#[cfg(test)]
mod rule_tests;
#[cfg(test)]
mod support_review_hours_tests;
#[cfg(test)]
mod termijn_tests;
#[cfg(test)]
mod test_dates;
#[cfg(test)]
mod workdays_tests;
