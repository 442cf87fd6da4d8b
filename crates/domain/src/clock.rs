//! The clock is injected so that every date rule (deadlines, "not in the future", throttling windows)
//! is a pure function of its inputs. The system clock lives in the app layer.
//!
//! "Today" is the Dutch calendar date: a letter signed at 00:30 on 1 April is dated 1 April, although
//! it is still 31 March in UTC. The time-zone rules come from the IANA database compiled into
//! `chrono-tz`: data, not I/O, so the domain stays pure.

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Amsterdam;

/// Source of "now" for the domain rules.
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;

    /// Today's date in the Netherlands (Europe/Amsterdam, summer time included).
    fn today(&self) -> NaiveDate {
        dutch_date(self.now())
    }
}

/// The calendar date in the Netherlands at `moment`.
pub fn dutch_date(moment: DateTime<Utc>) -> NaiveDate {
    moment.with_timezone(&Amsterdam).date_naive()
}

/// The first moment of a Dutch calendar day (00:00 in Amsterdam; summer time included), for periods
/// chosen by date ("from 1 March until 31 March").
pub fn start_of_dutch_day(d: NaiveDate) -> DateTime<Utc> {
    use chrono::TimeZone;
    let midnight = d.and_time(chrono::NaiveTime::MIN);
    // Midnight always exists in Amsterdam (the clocks change at 02:00 and 03:00); `earliest` also
    // covers a day that started twice, and the UTC reading is the fallback that never fails.
    Amsterdam
        .from_local_datetime(&midnight)
        .earliest()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| midnight.and_utc())
}

/// `moment` as Dutch wall-clock time, e.g. "2026-03-29 03:15" (for exports read by people).
pub fn dutch_time(moment: DateTime<Utc>) -> String {
    moment
        .with_timezone(&Amsterdam)
        .format("%Y-%m-%d %H:%M:%S")
        .to_string()
}

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

/// A date as Dutch letters write it: "15 januari 2025".
pub fn long_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{} {} {}", d.day(), MAANDEN[d.month0() as usize], d.year())
}

/// `moment` in Dutch local time as letters write it: "15 januari 2025, 14:03".
pub fn long_time(moment: DateTime<Utc>) -> String {
    let local = moment.with_timezone(&Amsterdam);
    format!(
        "{}, {}",
        long_date(local.date_naive()),
        local.format("%H:%M")
    )
}

/// A clock that always says the same moment: for tests and for replaying a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FixedClock(pub DateTime<Utc>);

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_dates_and_times_are_dutch_and_local() {
        let d = NaiveDate::from_ymd_opt(2025, 1, 15).expect("date");
        assert_eq!(long_date(d), "15 januari 2025");
        use chrono::TimeZone;
        // 13:03 UTC in winter is 14:03 in Amsterdam; 22:30 UTC on 31 July is already 1 August.
        let winter = Utc
            .with_ymd_and_hms(2025, 1, 15, 13, 3, 0)
            .single()
            .expect("t");
        assert_eq!(long_time(winter), "15 januari 2025, 14:03");
        let summer = Utc
            .with_ymd_and_hms(2025, 7, 31, 22, 30, 0)
            .single()
            .expect("t");
        assert_eq!(long_time(summer), "1 augustus 2025, 00:30");
    }
    use chrono::{Datelike, Duration, TimeZone, Weekday};
    use proptest::prelude::*;

    #[test]
    fn a_dutch_day_starts_at_local_midnight_in_winter_and_summer() {
        let winter = start_of_dutch_day(NaiveDate::from_ymd_opt(2026, 1, 15).expect("date"));
        assert_eq!(
            winter,
            Utc.with_ymd_and_hms(2026, 1, 14, 23, 0, 0)
                .single()
                .expect("utc")
        );
        let summer = start_of_dutch_day(NaiveDate::from_ymd_opt(2026, 7, 1).expect("date"));
        assert_eq!(
            summer,
            Utc.with_ymd_and_hms(2026, 6, 30, 22, 0, 0)
                .single()
                .expect("utc")
        );
        assert_eq!(dutch_time(summer), "2026-07-01 00:00:00");
    }

    fn utc(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, h, min, 0)
            .single()
            .expect("valid moment")
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("valid date")
    }

    #[test]
    fn fixed_clock_reports_its_moment_and_the_dutch_date() {
        let moment = utc(2026, 3, 14, 22, 59);
        let clock = FixedClock(moment);
        assert_eq!(clock.now(), moment);
        assert_eq!(clock.now(), moment, "does not advance");
        assert_eq!(clock.today(), date(2026, 3, 14), "23:59 in Amsterdam");
        assert_eq!(
            FixedClock(utc(2026, 3, 14, 23, 30)).today(),
            date(2026, 3, 15),
            "00:30 in Amsterdam is the next day, although UTC still says the 14th"
        );
    }

    #[test]
    fn summer_time_puts_midnight_at_22_00_utc() {
        assert_eq!(dutch_date(utc(2026, 7, 1, 21, 59)), date(2026, 7, 1));
        assert_eq!(dutch_date(utc(2026, 7, 1, 22, 0)), date(2026, 7, 2));
    }

    #[test]
    fn clock_is_usable_as_a_shared_trait_object() {
        let clock: std::sync::Arc<dyn Clock> =
            std::sync::Arc::new(FixedClock(utc(2025, 1, 1, 0, 0)));
        assert_eq!(clock.today().to_string(), "2025-01-01");
    }

    /// The last Sunday of a month (EU summer time starts and ends then, at 01:00 UTC).
    fn last_sunday(year: i32, month: u32) -> NaiveDate {
        let mut d = NaiveDate::from_ymd_opt(year, month + 1, 1)
            .expect("valid date")
            .pred_opt()
            .expect("valid date");
        while d.weekday() != Weekday::Sun {
            d = d.pred_opt().expect("valid date");
        }
        d
    }

    /// The Dutch date by the EU rule written out (an independent oracle for the tz database):
    /// UTC+2 from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC,
    /// UTC+1 otherwise.
    fn dutch_date_by_eu_rule(moment: DateTime<Utc>) -> NaiveDate {
        let year = moment.year();
        let starts = last_sunday(year, 3)
            .and_hms_opt(1, 0, 0)
            .expect("valid")
            .and_utc();
        let ends = last_sunday(year, 10)
            .and_hms_opt(1, 0, 0)
            .expect("valid")
            .and_utc();
        let offset = if moment >= starts && moment < ends {
            2
        } else {
            1
        };
        (moment + Duration::hours(offset)).date_naive()
    }

    proptest! {
        #[test]
        fn today_is_the_amsterdam_calendar_date_around_the_dst_switches(
            year in 1997i32..2100,
            october in any::<bool>(),
            minutes in -(26 * 60i64)..(26 * 60i64),
        ) {
            let switch = last_sunday(year, if october { 10 } else { 3 })
                .and_hms_opt(1, 0, 0)
                .expect("valid")
                .and_utc();
            let moment = switch + Duration::minutes(minutes);
            prop_assert_eq!(FixedClock(moment).today(), dutch_date_by_eu_rule(moment));
        }
    }
}
