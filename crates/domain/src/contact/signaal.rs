//! "Geen contact": how long nobody has spoken with the person. Contact by ANY party counts (gemeente
//! or chain partner), so callers pass the latest date over all parties ([`laatste_contact`]).

use chrono::NaiveDate;

/// The latest contact date over all parties; `None` when there was none.
pub fn laatste_contact(data: impl IntoIterator<Item = NaiveDate>) -> Option<NaiveDate> {
    data.into_iter().max()
}

/// Whole days since the last contact, counted from `sinds` (e.g. the koppeling or the start of the
/// trajectory) when there was no contact yet, or when the last contact was before `sinds`: the
/// counter runs only while someone is responsible for the person. Never negative (a date after
/// `today` gives 0).
pub fn dagen_zonder_contact(laatste: Option<NaiveDate>, sinds: NaiveDate, today: NaiveDate) -> i64 {
    let vanaf = laatste.map_or(sinds, |l| l.max(sinds));
    (today - vanaf).num_days().max(0)
}

/// True when more than `drempel_dagen` days passed without contact: the same moment the werkvoorraad
/// raises "geen contact" (the day after `vanaf + drempel`).
pub fn geen_contact_signaal(
    laatste: Option<NaiveDate>,
    sinds: NaiveDate,
    today: NaiveDate,
    drempel_dagen: u32,
) -> bool {
    dagen_zonder_contact(laatste, sinds, today) > i64::from(drempel_dagen)
}
