//! Support clocks: financieel ontzorgen and maatschappelijke begeleiding.
//!
//! - H-3, Participatiewet art. 56a lid 1: ontzorgen applies only to a belanghebbende with bijstand who
//!   is inburgeringsplichtig AND holds an asiel permit for a fixed term (not regular-permit family).
//! - H-4, Pw art. 56a lid 2: "gedurende een periode van zes maanden, gerekend vanaf de dag waarop het
//!   recht op bijstand ontstaat": exactly 6 months, not "at least" (the issue text's "at least" is
//!   corrected by the verified file, correction 9). Longer only on another basis (H-5, Pw 57).
//! - H-1, Wet inburgering 2021 art. 13 lid 1 and 3: maatschappelijke begeleiding for asielstatushouders
//!   (incl. regular-permit family members) starts on the day of BRP-inschrijving.
//! - H-2: no statutory duration; the gemeente's setting `begeleiding_maanden` (default 6).

use chrono::{Months, NaiveDate};

/// Financieel ontzorgen lasts exactly this long (Pw art. 56a lid 2).
pub const ONTZORGEN_MAANDEN: u32 = 6;

/// A period with an inclusive start and an exclusive end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Periode {
    pub start: NaiveDate,
    pub einde_exclusief: NaiveDate,
}

impl Periode {
    /// Last day inclusive.
    pub fn laatste_dag(&self) -> NaiveDate {
        self.einde_exclusief
            .pred_opt()
            .unwrap_or(self.einde_exclusief)
    }

    /// Whether `d` lies inside the period.
    pub fn bevat(&self, d: NaiveDate) -> bool {
        self.start <= d && d < self.einde_exclusief
    }

    fn maanden(start: NaiveDate, maanden: u32) -> Periode {
        Periode {
            start,
            einde_exclusief: start
                .checked_add_months(Months::new(maanden))
                .unwrap_or(NaiveDate::MAX),
        }
    }
}

/// Financieel ontzorgen: six months from the day the right to bijstand arises, for asiel permit
/// holders only. `None` when it does not apply or the start is not known.
pub fn ontzorgen(asielvergunning: bool, recht_op_bijstand: Option<NaiveDate>) -> Option<Periode> {
    if !asielvergunning {
        return None;
    }
    recht_op_bijstand.map(|start| Periode::maanden(start, ONTZORGEN_MAANDEN))
}

/// Maatschappelijke begeleiding from BRP-inschrijving for `begeleiding_maanden` (local setting), for
/// asielstatushouders (Wet art. 13 lid 1 group).
pub fn begeleiding(
    asielstatushouder: bool,
    brp_inschrijving: Option<NaiveDate>,
    begeleiding_maanden: u32,
) -> Option<Periode> {
    if !asielstatushouder {
        return None;
    }
    brp_inschrijving.map(|start| Periode::maanden(start, begeleiding_maanden))
}
