//! The cycles of a werkervaringsplek: 15 weeks each, ending in an evaluation that decides the next
//! step (another cycle, another place, uitstroom or stopping). Local practice, not the Wet: the Wet
//! has no rule on placements; the cycle length is the programme's.

use chrono::{Days, NaiveDate};

/// The length of one cycle.
pub const CYCLUS_WEKEN: u64 = 15;

/// The day the cycle that began on `start` ends and its evaluation is due: `start` + 15 weeks (so a
/// cycle starting on a Monday ends on a Monday; the next cycle, if any, starts that day).
pub fn cyclus_einde(start: NaiveDate) -> NaiveDate {
    start
        .checked_add_days(Days::new(CYCLUS_WEKEN * 7))
        .unwrap_or(NaiveDate::MAX)
}

/// Whether the evaluation of the cycle that began on `start` is due (on or after [`cyclus_einde`]).
pub fn evaluatie_due(start: NaiveDate, today: NaiveDate) -> bool {
    today >= cyclus_einde(start)
}
