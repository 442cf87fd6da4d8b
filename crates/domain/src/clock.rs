//! The clock is injected so that every date rule (deadlines, "not in the future", throttling windows)
//! is a pure function of its inputs. The system clock lives in the web layer.

use chrono::{DateTime, NaiveDate, Utc};

/// Source of "now" for the domain rules.
pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> DateTime<Utc>;

    /// Today's date in UTC. Between 00:00 and 01:00/02:00 Dutch time this is still yesterday; a
    /// clock that must follow Dutch calendar days overrides this method.
    fn today(&self) -> NaiveDate {
        self.now().date_naive()
    }
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
    use chrono::TimeZone;

    #[test]
    fn fixed_clock_reports_its_moment_and_date() {
        let moment = Utc
            .with_ymd_and_hms(2026, 3, 14, 23, 59, 30)
            .single()
            .expect("valid moment");
        let clock = FixedClock(moment);
        assert_eq!(clock.now(), moment);
        assert_eq!(clock.now(), moment, "does not advance");
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 3, 14).expect("valid date")
        );
    }

    #[test]
    fn clock_is_usable_as_a_shared_trait_object() {
        let moment = Utc
            .with_ymd_and_hms(2025, 1, 1, 0, 0, 0)
            .single()
            .expect("valid moment");
        let clock: std::sync::Arc<dyn Clock> = std::sync::Arc::new(FixedClock(moment));
        assert_eq!(clock.today().to_string(), "2025-01-01");
    }
}
