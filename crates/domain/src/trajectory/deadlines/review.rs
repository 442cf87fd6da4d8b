//! Voortgangsgesprekken (progress reviews).
//!
//! - F-2, Wet inburgering 2021 art. 17 lid 1: the college keeps "voldoende zicht op de voortgang".
//! - F-3, Besluit inburgering 2021 art. 5.3 lid 4: the PIP records the NUMBER of voortgangsgesprekken.
//! - F-3a: neither the Wet nor the Besluit sets a frequency, so the interval is local policy: setting
//!   `voortgang_interval_maanden` (default 3, as the issue text proposes).

use chrono::{Months, NaiveDate};

/// When the next voortgangsgesprek is due: the last held one (or, before any, the first PIP's
/// dagtekening) plus the gemeente's interval. `None` while there is no PIP.
pub fn volgende_voortgangsgesprek(
    eerste_pip_dagtekening: Option<NaiveDate>,
    laatste_gehouden: Option<NaiveDate>,
    interval_maanden: u32,
) -> Option<NaiveDate> {
    let vanaf = match (laatste_gehouden, eerste_pip_dagtekening) {
        (Some(gehouden), _) => gehouden,
        (None, Some(pip)) => pip,
        (None, None) => return None,
    };
    vanaf.checked_add_months(Months::new(interval_maanden.max(1)))
}

/// The number of voortgangsgesprekken a PIP records for a termijn from `start` to `einddatum`
/// (exclusive) at the gemeente's interval: one per full interval (Besluit 5.3 lid 4 asks for the
/// number, the interval is local).
pub fn aantal_voortgangsgesprekken(
    start: NaiveDate,
    einddatum: NaiveDate,
    interval_maanden: u32,
) -> u32 {
    let interval = Months::new(interval_maanden.max(1));
    let mut aantal = 0;
    let mut volgende = start.checked_add_months(interval);
    while let Some(d) = volgende {
        if d > einddatum {
            break;
        }
        aantal += 1;
        volgende = d.checked_add_months(interval);
    }
    aantal
}
