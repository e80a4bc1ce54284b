//! The one clock of the use cases: what day it is and the time written in records.
//!
//! Architecture Invariant: nothing under `werkbank-api` reads the system time except
//! [`Clock::system`]; every "today" and every timestamp comes from [`crate::Api::today`] and
//! [`crate::Api::now`], so a test (or `werkbank --today`) can pin them.

use chrono::{DateTime, Local, NaiveDate, SecondsFormat, Utc};

#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    today: Option<NaiveDate>,
    now: Option<DateTime<Utc>>,
}

impl Clock {
    /// The computer's clock.
    pub fn system() -> Self {
        Self::default()
    }

    /// The local calendar day (pinned by [`Clock::with_today`] or [`Clock::with_now`]).
    pub fn today(&self) -> NaiveDate {
        self.today.unwrap_or_else(|| Local::now().date_naive())
    }

    /// The moment, in UTC (pinned by [`Clock::with_now`]).
    pub fn now(&self) -> DateTime<Utc> {
        self.now.unwrap_or_else(Utc::now)
    }

    /// The moment as records store it: RFC 3339 in UTC to the second (`2026-12-03T14:25:39Z`).
    pub fn timestamp(&self) -> String {
        self.now().to_rfc3339_opts(SecondsFormat::Secs, true)
    }

    /// Pins the day only; timestamps still follow the computer's clock.
    pub fn with_today(self, today: NaiveDate) -> Self {
        Self { today: Some(today), ..self }
    }

    /// Pins the moment, and with it the day (the moment's UTC date).
    pub fn with_now(self, now: DateTime<Utc>) -> Self {
        Self { today: Some(now.date_naive()), now: Some(now) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn a_pinned_clock_gives_the_pinned_day_and_moment() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
        let c = Clock::system().with_today(d);
        assert_eq!(c.today(), d);

        let moment = Utc.with_ymd_and_hms(2026, 12, 3, 9, 5, 7).unwrap();
        let c = Clock::system().with_now(moment);
        assert_eq!(c.today(), NaiveDate::from_ymd_opt(2026, 12, 3).unwrap());
        assert_eq!(c.now(), moment);
        assert_eq!(c.timestamp(), "2026-12-03T09:05:07Z");
    }

    #[test]
    fn the_system_clock_moves() {
        let c = Clock::system();
        let a = c.now();
        std::thread::sleep(std::time::Duration::from_millis(5));
        assert!(c.now() > a);
        // The day is the local date of now (within the same second barring midnight).
        let local = Local::now().date_naive();
        assert!(c.today() == local || c.today() == local.succ_opt().unwrap());
    }
}
