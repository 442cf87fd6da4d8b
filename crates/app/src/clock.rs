//! The one place that reads the system clock; everything else gets time through `domain::clock::Clock`.

use chrono::{DateTime, Utc};
use wegwijs_domain::clock::Clock;

pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}
