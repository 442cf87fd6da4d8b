//! The HTML pages. A handler checks access (through `app/`), builds a typed page struct and returns it;
//! [`render`] turns it into a response. Templates live in `crates/web/templates/`.

pub mod account;
pub mod admin;
pub mod audit_log;
pub mod audit_text;
pub mod caseload;
pub mod error_frame;
pub mod error_page;
pub mod extract;
pub mod forms;
pub mod home;
pub mod household;
// koppeling slice (issue 7).
pub mod intake;
pub mod koppeling;
pub mod layout;
pub mod login;
pub mod melding;
pub mod person;
// Chain partners (issue 8).
pub mod partners;
// --- progress slice ---
pub mod progress;
// --- end progress slice ---
// The inburgering trajectory: PIP (issue 7).
pub mod pip;
pub mod qr;
pub mod workload;
// Werkvoorraad (issue 7).
pub mod werkvoorraad;
// End werkvoorraad.
// Taakstelling and intake queue (issue 7).
pub mod intake_queue;
pub mod taakstelling;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};

use error_page::PageError;
use wegwijs_app::error::AppError;

/// Renders a page with a status; a template error is an internal error page, never a panic.
pub fn render_status<T: Template>(status: StatusCode, page: &T) -> Response {
    match page.render() {
        Ok(html) => (status, Html(html)).into_response(),
        Err(e) => PageError(AppError::Internal(format!("template: {e}"))).into_response(),
    }
}

pub fn render<T: Template>(page: &T) -> Response {
    render_status(StatusCode::OK, page)
}

/// "onbekend" for a missing fact: the seeds' lesson is that "not filled in" must be visible as such.
pub fn or_onbekend(v: Option<&str>) -> String {
    v.map(str::to_string).unwrap_or_else(|| "onbekend".into())
}

/// Dates as Dutch users write them: 3 februari 2026.
pub fn datum(d: Option<chrono::NaiveDate>) -> String {
    const MAANDEN: [&str; 12] = [
        "januari",
        "februari",
        "maart",
        "april",
        "mei",
        "juni",
        "juli",
        "augustus",
        "september",
        "oktober",
        "november",
        "december",
    ];
    use chrono::Datelike;
    match d {
        Some(d) => format!("{} {} {}", d.day(), MAANDEN[d.month0() as usize], d.year()),
        None => "onbekend".into(),
    }
}

/// A birth date with the age today, as a case worker reads it: "17 mei 1990 (35 jaar)".
pub fn geboren(d: Option<chrono::NaiveDate>, today: chrono::NaiveDate) -> String {
    match d.and_then(|d| wegwijs_domain::household::years_between(d, today)) {
        Some(age) => format!("{} ({age} jaar)", datum(d)),
        None => datum(d),
    }
}

/// A timestamp in Dutch local time (Europe/Amsterdam without a tz database: CET/CEST by the EU rule).
pub fn tijdstip(t: chrono::DateTime<chrono::Utc>) -> String {
    let local = t + chrono::Duration::hours(if is_cest(t) { 2 } else { 1 });
    format!(
        "{} {}",
        datum(Some(local.date_naive())),
        local.format("%H:%M")
    )
}

/// EU summer time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October.
fn is_cest(t: chrono::DateTime<chrono::Utc>) -> bool {
    use chrono::{Datelike, NaiveDate, TimeZone, Utc, Weekday};
    let last_sunday = |month: u32| {
        let mut d = NaiveDate::from_ymd_opt(t.year(), month, 31).unwrap_or_default();
        while d.weekday() != Weekday::Sun {
            d = d.pred_opt().unwrap_or(d);
        }
        Utc.from_utc_datetime(&d.and_hms_opt(1, 0, 0).unwrap_or_default())
    };
    t >= last_sunday(3) && t < last_sunday(10)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};

    #[test]
    fn dates_are_written_in_dutch() {
        assert_eq!(
            datum(NaiveDate::from_ymd_opt(2026, 2, 3)),
            "3 februari 2026"
        );
        assert_eq!(datum(None), "onbekend");
        let today = NaiveDate::from_ymd_opt(2026, 5, 16).expect("date");
        assert_eq!(
            geboren(NaiveDate::from_ymd_opt(1990, 5, 17), today),
            "17 mei 1990 (35 jaar)"
        );
        assert_eq!(geboren(None, today), "onbekend");
    }

    #[test]
    fn times_follow_dutch_summer_and_winter_time() {
        assert_eq!(
            tijdstip(Utc.with_ymd_and_hms(2026, 7, 1, 10, 0, 0).unwrap()),
            "1 juli 2026 12:00"
        );
        assert_eq!(
            tijdstip(Utc.with_ymd_and_hms(2026, 1, 1, 10, 0, 0).unwrap()),
            "1 januari 2026 11:00"
        );
        // 2026-10-25 is the last Sunday of October: 00:30 UTC is still summer time, 01:30 UTC is not.
        assert_eq!(
            tijdstip(Utc.with_ymd_and_hms(2026, 10, 25, 0, 30, 0).unwrap()),
            "25 oktober 2026 02:30"
        );
        assert_eq!(
            tijdstip(Utc.with_ymd_and_hms(2026, 10, 25, 1, 30, 0).unwrap()),
            "25 oktober 2026 02:30"
        );
    }
}
