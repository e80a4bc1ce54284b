//! Payroll lines: what a social secretariat's monthly export (loonjournaal) holds for a
//! worker, one line per wage code.
//!
//! Every scheduled working day of a month on which the worker is employed (per the staff
//! register) falls in one code, in this order: a Belgian public holiday is `1020
//! Feestdag`, a day of sickness `1050 Ziekte gewaarborgd loon` (the first 30 days of an
//! episode) or `1060 Ziekte ziekenfonds` (later days: unpaid by the employer), a holiday
//! week day `1030 Vakantie`, any other day `1010 Gewerkte uren`. The hours of each code
//! are summed over the month and paid at the worker's hourly wage (indexed 2 % a year).
//! `2000 Brutoloon` is the sum of the paid codes, `3000 Werkgeversbijdragen RSZ` 27 % of
//! it, and target-group workers get `4000 Doelgroepvermindering` (−1 000 € × Q/S) in the
//! last month of each quarter. Work-care participants are not on the payroll.
//!
//! A schedule follows Q: 38 h = Monday to Friday 7,6 h a day; 30,4 h = Monday to Thursday;
//! 22,8 h = Monday to Wednesday; 28,5 h and 19 h = five shorter days.

use crate::workplace::{add_days, month_end, ymd, Person};
use chrono::{Datelike, NaiveDate, Weekday};
use werkbank_domain::Category;

/// What a wage code counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Hours,
    Euro,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WageCode {
    pub code: u16,
    /// The secretariat's description (`Omschrijving`).
    pub description: &'static str,
    /// The meaning in Werkbank's terms (the `wage_code.meaning` values of the store).
    pub meaning: &'static str,
    pub unit: Unit,
}

pub const WORKED: WageCode =
    WageCode { code: 1010, description: "Gewerkte uren", meaning: "worked_hours", unit: Unit::Hours };
pub const PUBLIC_HOLIDAY: WageCode =
    WageCode { code: 1020, description: "Feestdag", meaning: "paid_absence", unit: Unit::Hours };
pub const HOLIDAY: WageCode =
    WageCode { code: 1030, description: "Vakantie", meaning: "paid_absence", unit: Unit::Hours };
pub const SICK_GUARANTEED: WageCode =
    WageCode { code: 1050, description: "Ziekte gewaarborgd loon", meaning: "paid_absence", unit: Unit::Hours };
pub const SICK_INSURER: WageCode =
    WageCode { code: 1060, description: "Ziekte ziekenfonds", meaning: "unpaid_absence", unit: Unit::Hours };
pub const GROSS: WageCode = WageCode { code: 2000, description: "Brutoloon", meaning: "gross_wage", unit: Unit::Euro };
pub const EMPLOYER_CONTRIBUTIONS: WageCode = WageCode {
    code: 3000,
    description: "Werkgeversbijdragen RSZ",
    meaning: "employer_contributions",
    unit: Unit::Euro,
};
pub const TARGET_GROUP_REDUCTION: WageCode =
    WageCode { code: 4000, description: "Doelgroepvermindering", meaning: "reduction", unit: Unit::Euro };

/// Every wage code the generator writes, in the order lines are written.
pub const WAGE_CODES: [WageCode; 8] = [
    WORKED,
    PUBLIC_HOLIDAY,
    HOLIDAY,
    SICK_GUARANTEED,
    SICK_INSURER,
    GROSS,
    EMPLOYER_CONTRIBUTIONS,
    TARGET_GROUP_REDUCTION,
];

/// One line of the export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub code: WageCode,
    /// Hours in minutes, for the hour codes.
    pub minutes: Option<u32>,
    /// Euro cents; `None` for unpaid hours.
    pub cents: Option<i64>,
}

pub use werkbank_domain::calendar::public_holidays;

/// The minutes worked on `weekday` under a weekly Q (hundredths of hours), 0 on a day off.
pub fn scheduled_minutes(q: u32, weekday: Weekday) -> u32 {
    let day = weekday.num_days_from_monday();
    if day >= 5 {
        return 0;
    }
    match q {
        3040 if day < 4 => 456,
        2280 if day < 3 => 456,
        3040 | 2280 => 0,
        // Five equal days: 38 h → 7,6 h; 28,5 h → 5,7 h; 19 h → 3,8 h.
        q => q * 60 / 100 / 5,
    }
}

/// Which code a scheduled working day falls in.
fn day_code(person: &Person, day: NaiveDate, holidays: &[NaiveDate]) -> WageCode {
    if holidays.contains(&day) {
        return PUBLIC_HOLIDAY;
    }
    if let Some(s) = person.sickness.iter().find(|s| day >= s.start && day <= s.end) {
        return if day < s.guaranteed_until { SICK_GUARANTEED } else { SICK_INSURER };
    }
    if person.vacations.iter().any(|(start, end)| day >= *start && day <= *end) {
        return HOLIDAY;
    }
    WORKED
}

/// The hourly wage in a year, in cents: the first year's wage indexed by 2 % a year.
fn hourly_cents(person: &Person, first_year: i32, year: i32) -> i64 {
    person.hourly_cents * (100 + 2 * i64::from(year - first_year)) / 100
}

/// `minutes` at `cents_per_hour`, rounded half up to a cent.
fn pay(minutes: u32, cents_per_hour: i64) -> i64 {
    (i64::from(minutes) * cents_per_hour + 30) / 60
}

/// The lines of one worker for one month into `out` (cleared first); none when the worker
/// is not employed (or only in work care) that month. `holidays` are the year's.
pub fn month_lines(
    person: &Person,
    first_year: i32,
    year: i32,
    month: u32,
    holidays: &[NaiveDate],
    out: &mut Vec<Line>,
) {
    out.clear();
    let first = ymd(year, month, 1);
    let last = month_end(first);
    if !person.periods.iter().any(|p| p.is_paid() && p.start <= last && p.end.is_none_or(|e| e >= first)) {
        return;
    }
    // Minutes per hour code, in the order of `WAGE_CODES`.
    let hour_codes = [WORKED, PUBLIC_HOLIDAY, HOLIDAY, SICK_GUARANTEED, SICK_INSURER];
    let mut minutes = [0u32; 5];
    let mut last_period = None;
    let mut day = first;
    while day <= last {
        if let Some(period) = person.period_on(day).filter(|p| p.is_paid()) {
            last_period = Some(period);
            let scheduled = scheduled_minutes(period.q, day.weekday());
            if scheduled > 0 {
                let code = day_code(person, day, holidays);
                let i = hour_codes.iter().position(|c| *c == code).expect("an hour code");
                minutes[i] += scheduled;
            }
        }
        day = add_days(day, 1);
    }
    let rate = hourly_cents(person, first_year, year);
    let mut gross = 0;
    for (code, minutes) in hour_codes.into_iter().zip(minutes).filter(|(_, m)| *m > 0) {
        let cents = (code != SICK_INSURER).then(|| pay(minutes, rate));
        gross += cents.unwrap_or(0);
        out.push(Line { code, minutes: Some(minutes), cents });
    }
    if gross > 0 {
        out.push(Line { code: GROSS, minutes: None, cents: Some(gross) });
        out.push(Line { code: EMPLOYER_CONTRIBUTIONS, minutes: None, cents: Some((gross * 27 + 50) / 100) });
        if let Some(p) = last_period.filter(|p| {
            matches!(month, 3 | 6 | 9 | 12)
                && matches!(p.category, Category::TargetGroupRecognised | Category::TargetGroupNonRecognised)
        }) {
            let s = i64::from(p.s.unwrap_or(3800));
            let reduction = (100_000 * i64::from(p.q) + s / 2) / s;
            out.push(Line { code: TARGET_GROUP_REDUCTION, minutes: None, cents: Some(-reduction) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schedules_add_up_to_q() {
        for q in [3800, 3040, 2850, 2280, 1900] {
            let week: u32 = (0..7).map(|d| scheduled_minutes(q, Weekday::try_from(d as u8).unwrap())).sum();
            assert_eq!(week, q * 60 / 100, "Q {q}");
        }
    }
}
