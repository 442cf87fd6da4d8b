//! Clock B: the inburgeringstermijn and the windows that hang on it.
//!
//! - E-1, Wet inburgering 2021 art. 11 lid 1: three years.
//! - E-2, art. 11 lid 2: it starts on the day after the dagtekening of the PIP.
//! - E-3, art. 11 lid 3: the start never changes when the PIP is replaced, revoked or set again, so
//!   only the FIRST PIP's dagtekening counts.
//! - E-4 (derived) and B-5 (DUO Inburgeringstermijn API): DUO's `einddatum` is exclusive, so
//!   einddatum = start + 36 months and the last day inclusive is einddatum - 1 day. Month arithmetic is
//!   chrono's `checked_add_months`: a day that does not exist in the target month clamps to that
//!   month's last day (start 29 Feb 2028 -> einddatum 28 Feb 2031, last day 27 Feb 2031).
//! - E-5..E-12, Wet art. 12, Besluit 4.1-4.5: extensions are decided by DUO and recorded with ground,
//!   decision date and new (exclusive) end date; the latest new end date counts, and an extension
//!   never shortens the termijn.
//! - F-4, Besluit 5.4 lid 1: schakelen of leerroute within at most 1.5 years from the start.
//! - E-10, Besluit 4.5 lid 1: a verlenging may be requested no earlier than 6 months before the end.

use chrono::{Days, Months, NaiveDate};

code_enum! {
    /// The ground of a verlenging of the termijn as DUO decided it.
    pub enum VerlengingGrond {
        GeenVerwijt = "geen_verwijt", "Niet verwijtbaar (Wet art. 12 lid 1 a, Besluit 4.3)",
        AanzienlijkeInspanning = "aanzienlijke_inspanning", "Aanzienlijke inspanning (Wet art. 12 lid 1 b, Besluit 4.4)",
        Onderbreking = "onderbreking", "Onderbreking van het verblijf (Besluit 4.2)",
        Ambtshalve = "ambtshalve", "Ambtshalve verlenging (Besluit 4.5 lid 2-4)",
        NieuweTermijnNaBoete = "nieuwe_termijn", "Nieuwe termijn na een boete (Wet art. 24, 25)",
    }
}

/// The length of the termijn (Wet art. 11 lid 1).
pub const TERMIJN_MAANDEN: u32 = 36;
/// Schakelen window (Besluit 5.4 lid 1).
pub const SCHAKELEN_MAANDEN: u32 = 18;
/// Verlenging request window before the end (Besluit 4.5 lid 1).
pub const VERLENGING_AANVRAAG_MAANDEN: u32 = 6;

/// One recorded verlenging.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verlenging {
    pub grond: VerlengingGrond,
    pub besluitdatum: NaiveDate,
    /// DUO's new `einddatum`, exclusive like the original.
    pub nieuwe_einddatum: NaiveDate,
}

/// The termijn as it stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inburgeringstermijn {
    /// First day (inclusive): the day after the first PIP's dagtekening.
    pub start: NaiveDate,
    /// start + 3 years, exclusive, before any verlenging.
    pub oorspronkelijke_einddatum: NaiveDate,
    /// The end that counts now (exclusive): the latest of the original and every verlenging.
    pub einddatum: NaiveDate,
    /// Whether a verlenging moved the end.
    pub verlengd: bool,
    /// Last day schakelen is allowed (inclusive).
    pub schakelen_uiterlijk: NaiveDate,
    /// First day a verlenging may be requested.
    pub verlenging_aanvragen_vanaf: NaiveDate,
}

impl Inburgeringstermijn {
    /// Last day of the termijn, inclusive (einddatum is exclusive).
    pub fn laatste_dag(&self) -> NaiveDate {
        self.einddatum.pred_opt().unwrap_or(self.einddatum)
    }
}

fn plus_maanden(d: NaiveDate, maanden: u32) -> NaiveDate {
    d.checked_add_months(Months::new(maanden))
        .unwrap_or(NaiveDate::MAX)
}

/// The termijn from the first PIP's dagtekening and the recorded verlengingen. Later PIP versions are
/// deliberately not an input: they cannot move the start (E-3).
pub fn inburgeringstermijn(
    eerste_pip_dagtekening: NaiveDate,
    verlengingen: &[Verlenging],
) -> Inburgeringstermijn {
    let verlengd_tot = verlengingen.iter().map(|v| v.nieuwe_einddatum).max();
    inburgeringstermijn_tot(eerste_pip_dagtekening, verlengd_tot)
}

/// The same from only the latest recorded new end date (what the werkvoorraad loader reads).
pub fn inburgeringstermijn_tot(
    eerste_pip_dagtekening: NaiveDate,
    verlengd_tot: Option<NaiveDate>,
) -> Inburgeringstermijn {
    let start = eerste_pip_dagtekening
        .checked_add_days(Days::new(1))
        .unwrap_or(NaiveDate::MAX);
    let oorspronkelijke_einddatum = plus_maanden(start, TERMIJN_MAANDEN);
    // An extension never shortens the termijn.
    let einddatum = verlengd_tot.map_or(oorspronkelijke_einddatum, |e| {
        e.max(oorspronkelijke_einddatum)
    });
    let schakelen_einde = plus_maanden(start, SCHAKELEN_MAANDEN);
    Inburgeringstermijn {
        start,
        oorspronkelijke_einddatum,
        einddatum,
        verlengd: einddatum > oorspronkelijke_einddatum,
        schakelen_uiterlijk: schakelen_einde.pred_opt().unwrap_or(schakelen_einde),
        verlenging_aanvragen_vanaf: einddatum
            .checked_sub_months(Months::new(VERLENGING_AANVRAAG_MAANDEN))
            .unwrap_or(NaiveDate::MIN),
    }
}

/// The termijn from every vastgestelde PIP version's dagtekening: only the earliest (the first PIP)
/// counts, so a new version can never move it (E-3). `None` before the first PIP.
pub fn termijn_uit_pip_versies(
    dagtekeningen: impl IntoIterator<Item = NaiveDate>,
    verlengingen: &[Verlenging],
) -> Option<Inburgeringstermijn> {
    let eerste = dagtekeningen.into_iter().min()?;
    Some(inburgeringstermijn(eerste, verlengingen))
}
