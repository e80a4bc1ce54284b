//! Reporting periods (month, quarter, year) and half-open date spans.

use crate::violation::Violation;
use chrono::{Datelike, Months, NaiveDate};
use std::fmt;
use std::str::FromStr;

/// A half-open span of days `[start, end)`. `end == None` means open-ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateSpan {
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
}

impl DateSpan {
    pub fn new(start: NaiveDate, end: Option<NaiveDate>) -> Self {
        Self { start, end }
    }

    /// A span from the first to the last day, both inclusive, as users write periods.
    pub fn from_inclusive(first: NaiveDate, last: Option<NaiveDate>) -> Self {
        Self { start: first, end: last.map(|d| d.succ_opt().expect("date in range")) }
    }

    /// Days shared with `other` (0 when they do not meet).
    pub fn overlap_days(&self, other: &DateSpan) -> i64 {
        let start = self.start.max(other.start);
        let end = match (self.end, other.end) {
            (Some(a), Some(b)) => a.min(b),
            (Some(a), None) | (None, Some(a)) => a,
            (None, None) => return i64::MAX,
        };
        (end - start).num_days().max(0)
    }

    pub fn overlaps(&self, other: &DateSpan) -> bool {
        let start = self.start.max(other.start);
        match (self.end, other.end) {
            (Some(a), Some(b)) => start < a.min(b),
            (Some(a), None) | (None, Some(a)) => start < a,
            (None, None) => true,
        }
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        day >= self.start && self.end.is_none_or(|e| day < e)
    }
}

/// A month, an RSZ quarter or a calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ReportingPeriod {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
    Year { year: i32 },
}

impl ReportingPeriod {
    /// Parses `2026/1` (quarter, RSZ notation), `2026-03` (month) or `2026` (year).
    pub fn parse(input: &str) -> Result<Self, Violation> {
        let s = input.trim();
        let bad = || Violation::new("period", "period.format").with("value", s);
        let year_of = |y: &str| -> Result<i32, Violation> {
            if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) {
                let y: i32 = y.parse().map_err(|_| bad())?;
                if (1900..=2200).contains(&y) {
                    return Ok(y);
                }
            }
            Err(bad())
        };
        if let Some((y, q)) = s.split_once('/') {
            let year = year_of(y)?;
            let quarter: u32 = q.trim().parse().map_err(|_| bad())?;
            if !(1..=4).contains(&quarter) {
                return Err(bad());
            }
            return Ok(Self::Quarter { year, quarter });
        }
        if let Some((y, m)) = s.split_once('-') {
            let year = year_of(y)?;
            if m.len() != 2 {
                return Err(bad());
            }
            let month: u32 = m.parse().map_err(|_| bad())?;
            if !(1..=12).contains(&month) {
                return Err(bad());
            }
            return Ok(Self::Month { year, month });
        }
        Ok(Self::Year { year: year_of(s)? })
    }

    /// The quarter that contains `day`.
    pub fn quarter_of(day: NaiveDate) -> Self {
        Self::Quarter { year: day.year(), quarter: (day.month() - 1) / 3 + 1 }
    }

    pub fn first_day(&self) -> NaiveDate {
        let (y, m) = match *self {
            Self::Month { year, month } => (year, month),
            Self::Quarter { year, quarter } => (year, (quarter - 1) * 3 + 1),
            Self::Year { year } => (year, 1),
        };
        NaiveDate::from_ymd_opt(y, m, 1).expect("valid period")
    }

    /// The first day after the period (half-open end).
    pub fn end_exclusive(&self) -> NaiveDate {
        let months = match self {
            Self::Month { .. } => 1,
            Self::Quarter { .. } => 3,
            Self::Year { .. } => 12,
        };
        self.first_day() + Months::new(months)
    }

    pub fn last_day(&self) -> NaiveDate {
        self.end_exclusive().pred_opt().expect("valid period")
    }

    pub fn span(&self) -> DateSpan {
        DateSpan::new(self.first_day(), Some(self.end_exclusive()))
    }

    pub fn days(&self) -> i64 {
        (self.end_exclusive() - self.first_day()).num_days()
    }

    /// The months of the period, in order (a month gives itself).
    pub fn months(&self) -> Vec<ReportingPeriod> {
        let first = self.first_day();
        let n = match self {
            Self::Month { .. } => 1,
            Self::Quarter { .. } => 3,
            Self::Year { .. } => 12,
        };
        (0..n)
            .map(|i| {
                let day = first + Months::new(i);
                Self::Month { year: day.year(), month: day.month() }
            })
            .collect()
    }

    /// The period just before this one, of the same kind.
    pub fn previous(&self) -> Self {
        match *self {
            Self::Month { year, month: 1 } => Self::Month { year: year - 1, month: 12 },
            Self::Month { year, month } => Self::Month { year, month: month - 1 },
            Self::Quarter { year, quarter: 1 } => Self::Quarter { year: year - 1, quarter: 4 },
            Self::Quarter { year, quarter } => Self::Quarter { year, quarter: quarter - 1 },
            Self::Year { year } => Self::Year { year: year - 1 },
        }
    }

    pub fn next(&self) -> Self {
        match *self {
            Self::Month { year, month: 12 } => Self::Month { year: year + 1, month: 1 },
            Self::Month { year, month } => Self::Month { year, month: month + 1 },
            Self::Quarter { year, quarter: 4 } => Self::Quarter { year: year + 1, quarter: 1 },
            Self::Quarter { year, quarter } => Self::Quarter { year, quarter: quarter + 1 },
            Self::Year { year } => Self::Year { year: year + 1 },
        }
    }
}

impl fmt::Display for ReportingPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Month { year, month } => write!(f, "{year}-{month:02}"),
            Self::Quarter { year, quarter } => write!(f, "{year}/{quarter}"),
            Self::Year { year } => write!(f, "{year}"),
        }
    }
}

impl FromStr for ReportingPeriod {
    type Err = Violation;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn months_of_a_period() {
        let m = |s: &str| ReportingPeriod::parse(s).unwrap().months().iter().map(|p| p.to_string()).collect::<Vec<_>>();
        assert_eq!(m("2026-02"), ["2026-02"]);
        assert_eq!(m("2026/4"), ["2026-10", "2026-11", "2026-12"]);
        assert_eq!(m("2026").len(), 12);
        assert_eq!(m("2026")[11], "2026-12");
    }

    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn parses_the_three_notations() {
        let q = ReportingPeriod::parse("2026/1").unwrap();
        assert_eq!((q.first_day(), q.last_day(), q.days()), (d(2026, 1, 1), d(2026, 3, 31), 90));
        assert_eq!(q.to_string(), "2026/1");
        let q4 = ReportingPeriod::parse("2024/4").unwrap();
        assert_eq!((q4.first_day(), q4.last_day(), q4.days()), (d(2024, 10, 1), d(2024, 12, 31), 92));
        let m = ReportingPeriod::parse("2024-02").unwrap();
        assert_eq!((m.last_day(), m.days()), (d(2024, 2, 29), 29));
        assert_eq!(m.to_string(), "2024-02");
        let y = ReportingPeriod::parse("2024").unwrap();
        assert_eq!(y.days(), 366);
        assert_eq!(ReportingPeriod::parse("2025").unwrap().days(), 365);
        assert_eq!(ReportingPeriod::parse("2024/1").unwrap().days(), 91);
    }

    #[test]
    fn refuses_nonsense() {
        for bad in ["", "2026/5", "2026/0", "2026-13", "2026-3", "26/1", "Q1 2026", "abcd"] {
            assert_eq!(ReportingPeriod::parse(bad).unwrap_err().code, "period.format", "{bad}");
        }
    }

    #[test]
    fn previous_next_quarter_of() {
        let q = ReportingPeriod::parse("2026/1").unwrap();
        assert_eq!(q.previous().to_string(), "2025/4");
        assert_eq!(q.previous().next(), q);
        assert_eq!(ReportingPeriod::quarter_of(d(2026, 8, 15)).to_string(), "2026/3");
    }

    #[test]
    fn spans() {
        let a = DateSpan::from_inclusive(d(2026, 1, 1), Some(d(2026, 1, 31)));
        let b = DateSpan::from_inclusive(d(2026, 2, 1), None);
        assert!(!a.overlaps(&b));
        assert_eq!(a.overlap_days(&ReportingPeriod::parse("2026/1").unwrap().span()), 31);
        let c = DateSpan::from_inclusive(d(2026, 1, 31), Some(d(2026, 1, 31)));
        assert!(a.overlaps(&c));
        assert_eq!(c.overlap_days(&a), 1);
        assert!(b.contains(d(2030, 1, 1)));
    }
}
