//! Signals for the regisseur drawn from attendance. Pure: the sessions and `today` are passed in.

use chrono::{Days, NaiveDate};

use super::{Aanwezigheid, Bijeenkomst};

code_enum! {
    /// A signal on a person's participation.
    pub enum Signaal {
        VerzuimZonderBericht = "verzuim_zonder_bericht", "Verzuim zonder bericht",
        DreigendeUitval = "dreigende_uitval", "Dreigende uitval",
        /// Never computed: set by hand by a professional who sees a crisis.
        Crisis = "crisis", "Crisis",
        /// From measurements, not attendance: see [`crate::meting::niveau_behaald`].
        NiveauBehaald = "niveau_behaald", "Taalniveau behaald",
    }
}

/// The window for absences without notice: four weeks, today included.
pub const VERZUIM_VENSTER_DAGEN: u64 = 28;
/// Dreigende uitval looks at this many most recent sessions ...
pub const UITVAL_LAATSTE: usize = 8;
/// ... once there are at least this many, so two bad sessions at the start are no "trend".
pub const UITVAL_MINIMUM: usize = 4;

/// The attendance signals, in code-list order (at most once each).
///
/// - verzuim_zonder_bericht: at least `drempel_zonder_bericht` absences without notice on dates in
///   the last 28 days (today and the 27 days before). A window rather than "N in a row": a person who
///   alternates absence and attendance is also dropping out, and a window lets old absences expire
///   by themselves. A threshold of 0 switches the signal off (0 absences is no signal).
/// - dreigende_uitval: among the last 8 sessions up to today (at least 4 needed), fewer than half
///   attended. A valid absence also counts as not attended: the risk of dropping out is about
///   presence, not about blame.
///
/// Sessions after `today` are ignored (they are refused on input; this keeps the rule honest when
/// called with an earlier `today`). `crisis` and `niveau_behaald` are never returned here.
pub fn signalen(
    bijeenkomsten: &[Bijeenkomst],
    drempel_zonder_bericht: u32,
    today: NaiveDate,
) -> Vec<Signaal> {
    let mut verleden: Vec<&Bijeenkomst> =
        bijeenkomsten.iter().filter(|b| b.datum <= today).collect();
    verleden.sort_by_key(|b| b.datum);
    let mut uit = Vec::new();
    let vanaf = today
        .checked_sub_days(Days::new(VERZUIM_VENSTER_DAGEN - 1))
        .unwrap_or(NaiveDate::MIN);
    let zonder_bericht = verleden
        .iter()
        .filter(|b| b.datum >= vanaf && b.aanwezigheid == Aanwezigheid::AfwezigZonderBericht)
        .count();
    if drempel_zonder_bericht > 0 && zonder_bericht as u64 >= u64::from(drempel_zonder_bericht) {
        uit.push(Signaal::VerzuimZonderBericht);
    }
    let laatste = &verleden[verleden.len().saturating_sub(UITVAL_LAATSTE)..];
    let aanwezig = laatste
        .iter()
        .filter(|b| b.aanwezigheid == Aanwezigheid::Aanwezig)
        .count();
    if laatste.len() >= UITVAL_MINIMUM && aanwezig * 2 < laatste.len() {
        uit.push(Signaal::DreigendeUitval);
    }
    uit
}
