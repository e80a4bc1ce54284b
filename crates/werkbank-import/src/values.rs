//! Parsing cell values, for any import. Each parser takes a [`Cell`] and returns the value
//! or a stable error code (one of the constants below).
//!
//! Conventions (Belgian files first):
//! - Dates are day-month-year, never month-day: `03/04/2026` is 3 April 2026. Accepted:
//!   date cells, Excel serial numbers (1900 system), `dd/mm/yyyy`, `d/m/yyyy`,
//!   `dd-mm-yyyy`, `dd.mm.yyyy`, `yyyymmdd` (as text or as a number), ISO `yyyy-mm-dd`,
//!   each optionally followed by a time (`2026-01-01 00:00:00`). Two-digit years are
//!   refused (a birth year `26` is ambiguous), and so are years outside 1900–2199.
//! - Decimals accept a decimal comma or point and thousands separators: when both `.` and
//!   `,` occur, the last one is the decimal separator (`1.234,56`, `1,234.56`); a single
//!   `,` is a decimal comma (`7,60`, `-2,40` = -2.40); several equal separators are
//!   thousands separators (`1.234.567`). A single `.` is a decimal point: `1.234` is
//!   1.234, not 1234 — a lone dot is ambiguous, and files written by software (CSV
//!   exports, numbers in cells) use the point as decimal separator, while people who type
//!   a Dutch thousands separator also type the decimal comma. Thousands groups must have
//!   three digits. Spaces, `€` and a leading `+` are ignored; a trailing `-` (`2,40-`, as
//!   some accounting exports write) means negative.
//! - Hours: `7,60`, `7.6`, `38` (decimal hours) or `7:36` (hours and minutes, = 7,60),
//!   also time/duration cells; returned in hundredths of hours, rounded half up.

use crate::table::Cell;
use chrono::{NaiveDate, NaiveTime, TimeDelta};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;

/// The cell holds no value where one is required.
pub const VALUE_REQUIRED: &str = "import.value_required";
/// Not a date in any accepted form (or not an existing date, like 31/02/2026).
pub const DATE_UNREADABLE: &str = "import.date_unreadable";
/// Not a number in any accepted form.
pub const NUMBER_UNREADABLE: &str = "import.number_unreadable";
/// Not a non-negative number of hours in any accepted form.
pub const HOURS_UNREADABLE: &str = "import.hours_unreadable";

/// Years a date may have.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2199;

/// A date from a date cell, an Excel serial number or text (see the module docs).
pub fn parse_date(cell: &Cell) -> Result<NaiveDate, &'static str> {
    let date = match cell {
        _ if cell.is_empty() => return Err(VALUE_REQUIRED),
        Cell::Date(d) => Some(*d),
        Cell::DateTime(dt) => Some(dt.date()),
        Cell::Number(n) => date_from_number(*n),
        Cell::Text(s) => parse_date_text(s),
        _ => None,
    };
    date.filter(|d| YEARS.contains(&chrono::Datelike::year(d))).ok_or(DATE_UNREADABLE)
}

/// A whole number `yyyymmdd` (19000101–21991231), else an Excel serial date.
fn date_from_number(n: f64) -> Option<NaiveDate> {
    if n.fract() == 0.0 && (19_000_101.0..=21_991_231.0).contains(&n) {
        // A whole number in that range fits an i64 exactly.
        let v = n as i64;
        return NaiveDate::from_ymd_opt((v / 10_000) as i32, (v / 100 % 100) as u32, (v % 100) as u32);
    }
    excel_serial_to_date(n)
}

/// An Excel serial date in the 1900 date system (the time of day is dropped). Serial 60
/// is Excel's non-existent 29 February 1900 and gives `None`.
pub fn excel_serial_to_date(serial: f64) -> Option<NaiveDate> {
    if !serial.is_finite() || !(1.0..2_958_466.0).contains(&serial) {
        return None;
    }
    // In range 1..2958466, so the cast is exact after floor().
    let days = serial.floor() as i64;
    let epoch = match days {
        60 => return None,
        ..60 => NaiveDate::from_ymd_opt(1899, 12, 31)?,
        _ => NaiveDate::from_ymd_opt(1899, 12, 30)?,
    };
    epoch.checked_add_signed(TimeDelta::days(days))
}

fn parse_date_text(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let date_part = match s.split_once([' ', 'T']) {
        Some((date, time)) if is_time(time.trim()) => date,
        Some(_) => return None,
        None => s,
    };
    if date_part.len() == 8 && date_part.bytes().all(|b| b.is_ascii_digit()) {
        return NaiveDate::parse_from_str(date_part, "%Y%m%d").ok();
    }
    let sep = date_part.chars().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, '/' | '-' | '.') {
        return None;
    }
    let parts: Vec<&str> = date_part.split(sep).collect();
    let [a, b, c] = parts[..] else { return None };
    if [a, b, c].iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let (y, m, d) = match (a.len(), b.len(), c.len()) {
        (4, 1..=2, 1..=2) => (a, b, c),
        (1..=2, 1..=2, 4) => (c, b, a),
        _ => return None,
    };
    NaiveDate::from_ymd_opt(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

fn is_time(s: &str) -> bool {
    ["%H:%M:%S%.f", "%H:%M"].iter().any(|f| NaiveTime::parse_from_str(s, f).is_ok())
}

/// A decimal from a number cell (`Decimal::try_from(f64)`: 0.3 stays 0.3) or text (see the
/// module docs for the separators).
pub fn parse_decimal(cell: &Cell) -> Result<Decimal, &'static str> {
    match cell {
        _ if cell.is_empty() => Err(VALUE_REQUIRED),
        Cell::Number(n) => Decimal::try_from(*n).map(|d| d.normalize()).map_err(|_| NUMBER_UNREADABLE),
        Cell::Text(s) => parse_decimal_text(s).ok_or(NUMBER_UNREADABLE),
        _ => Err(NUMBER_UNREADABLE),
    }
}

fn parse_decimal_text(s: &str) -> Option<Decimal> {
    let cleaned: String = s.chars().filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '€')).collect();
    let (negative, body) = if let Some(rest) = cleaned.strip_prefix('-') {
        (true, rest)
    } else if let Some(rest) = cleaned.strip_suffix('-') {
        (true, rest)
    } else {
        (false, cleaned.strip_prefix('+').unwrap_or(&cleaned))
    };
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
        return None;
    }
    let dots = body.matches('.').count();
    let commas = body.matches(',').count();
    // (decimal separator, thousands separator)
    let (decimal, thousands) = match (dots, commas) {
        (0, 0) => (None, None),
        (_, 0) if dots > 1 => (None, Some('.')),
        (0, _) if commas > 1 => (None, Some(',')),
        (1, 0) => (Some('.'), None),
        (0, 1) => (Some(','), None),
        _ if body.rfind('.') > body.rfind(',') => (Some('.'), Some(',')),
        _ => (Some(','), Some('.')),
    };
    let (int_part, frac_part) = match decimal {
        Some(sep) => {
            let (i, f) = body.rsplit_once(sep)?;
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (i, f)
        }
        None => (body, ""),
    };
    let digits: String = match thousands {
        Some(sep) => {
            let groups: Vec<&str> = int_part.split(sep).collect();
            let first_ok = (1..=3).contains(&groups[0].len());
            if !first_ok || groups[1..].iter().any(|g| g.len() != 3) {
                return None;
            }
            groups.concat()
        }
        None => int_part.to_owned(),
    };
    if !digits.bytes().all(|b| b.is_ascii_digit()) || (digits.is_empty() && frac_part.is_empty()) {
        return None;
    }
    let mut text = String::with_capacity(digits.len() + frac_part.len() + 3);
    if negative {
        text.push('-');
    }
    text.push_str(if digits.is_empty() { "0" } else { &digits });
    if !frac_part.is_empty() {
        text.push('.');
        text.push_str(frac_part);
    }
    // The written scale is kept: "-2,40" is -2.40.
    Decimal::from_str(&text).ok()
}

/// Hours in hundredths (7:36 → 760, "7,60" → 760, 38 → 3800), rounded half up.
pub fn parse_hours(cell: &Cell) -> Result<u32, &'static str> {
    match cell {
        _ if cell.is_empty() => Err(VALUE_REQUIRED),
        Cell::Duration(d) => hundredths_from_duration(*d),
        Cell::Text(s) if s.contains(':') => parse_hours_minutes(s.trim()).ok_or(HOURS_UNREADABLE),
        Cell::Number(_) | Cell::Text(_) => {
            let hours = parse_decimal(cell).map_err(|_| HOURS_UNREADABLE)?;
            if hours.is_sign_negative() && !hours.is_zero() {
                return Err(HOURS_UNREADABLE);
            }
            (hours * Decimal::ONE_HUNDRED)
                .round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
                .to_u32()
                .ok_or(HOURS_UNREADABLE)
        }
        _ => Err(HOURS_UNREADABLE),
    }
}

fn hundredths_from_duration(d: TimeDelta) -> Result<u32, &'static str> {
    let ms = d.num_milliseconds();
    if ms < 0 {
        return Err(HOURS_UNREADABLE);
    }
    // One hundredth of an hour is 36 000 ms; add half of it to round half up.
    u32::try_from((ms + 18_000) / 36_000).map_err(|_| HOURS_UNREADABLE)
}

/// `h:mm` or `h:mm:ss`: minutes and seconds two digits, below 60.
fn parse_hours_minutes(s: &str) -> Option<u32> {
    let parts: Vec<&str> = s.split(':').collect();
    let (h, m, sec) = match parts[..] {
        [h, m] => (h, m, "00"),
        [h, m, sec] => (h, m, sec),
        _ => return None,
    };
    let number = |p: &str, len: std::ops::RangeInclusive<usize>| -> Option<i64> {
        if !len.contains(&p.len()) || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let (h, m, sec) = (number(h, 1..=4)?, number(m, 2..=2)?, number(sec, 2..=2)?);
    if m >= 60 || sec >= 60 {
        return None;
    }
    hundredths_from_duration(TimeDelta::seconds(h * 3600 + m * 60 + sec)).ok()
}

/// The text of a cell, trimmed; `None` when empty (or a formula error). Numbers are
/// rendered without `.0` (93051822361.0 → "93051822361").
pub fn parse_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty | Cell::Error(_) => None,
        _ => {
            let text = cell.to_text();
            let trimmed = text.trim();
            (!trimmed.is_empty()).then(|| trimmed.to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    #[test]
    fn dates() {
        let ok = [
            (text("03/04/2026"), d(2026, 4, 3)), // day first, never month first
            (text("3/4/2026"), d(2026, 4, 3)),
            (text("03-04-2026"), d(2026, 4, 3)),
            (text("03.04.2026"), d(2026, 4, 3)),
            (text(" 31/12/2025 "), d(2025, 12, 31)),
            (text("20260403"), d(2026, 4, 3)),
            (text("2026-04-03"), d(2026, 4, 3)),
            (text("2026/04/03"), d(2026, 4, 3)),
            (text("2026-04-03 00:00:00"), d(2026, 4, 3)),
            (text("2026-04-03T00:00"), d(2026, 4, 3)),
            (text("29/02/2024"), d(2024, 2, 29)),
            (Cell::Number(46023.0), d(2026, 1, 1)), // Excel serial
            (Cell::Number(46023.75), d(2026, 1, 1)),
            (Cell::Number(1.0), d(1900, 1, 1)),
            (Cell::Number(59.0), d(1900, 2, 28)),
            (Cell::Number(61.0), d(1900, 3, 1)),
            (Cell::Number(20260403.0), d(2026, 4, 3)), // yyyymmdd typed as a number
            (Cell::Date(d(1993, 5, 18)), d(1993, 5, 18)),
            (Cell::DateTime(d(1993, 5, 18).and_hms_opt(13, 0, 0).unwrap()), d(1993, 5, 18)),
        ];
        for (cell, expected) in ok {
            assert_eq!(parse_date(&cell), Ok(expected), "{cell:?}");
        }
        let bad = [
            (text("31/02/2026"), DATE_UNREADABLE),
            (text("03/04/26"), DATE_UNREADABLE),
            (text("3 april 2026"), DATE_UNREADABLE),
            (text("2026-13-01"), DATE_UNREADABLE),
            (text("03/04-2026"), DATE_UNREADABLE),
            (text("46023"), DATE_UNREADABLE),
            (text("03/04/2026 morgen"), DATE_UNREADABLE),
            (text("01/01/0026"), DATE_UNREADABLE),
            (Cell::Number(60.0), DATE_UNREADABLE), // Excel's 29 February 1900
            (Cell::Number(-5.0), DATE_UNREADABLE),
            (Cell::Bool(true), DATE_UNREADABLE),
            (Cell::Error("#N/A".into()), DATE_UNREADABLE),
            (Cell::Empty, VALUE_REQUIRED),
            (text("  "), VALUE_REQUIRED),
        ];
        for (cell, code) in bad {
            assert_eq!(parse_date(&cell), Err(code), "{cell:?}");
        }
    }

    #[test]
    fn decimals() {
        let ok = [
            (text("-2,40"), "-2.40"),
            (text("2,40-"), "-2.40"),
            (text("1.234,56"), "1234.56"),
            (text("1,234.56"), "1234.56"),
            (text("7,60"), "7.60"),
            (text("38"), "38"),
            (text("1.234"), "1.234"), // a lone dot is a decimal point (documented)
            (text("1.234.567"), "1234567"),
            (text("1,234,567"), "1234567"),
            (text("1.234.567,5"), "1234567.5"),
            (text("0,000"), "0.000"),
            (text("1 234,56"), "1234.56"),
            (text("€ 12,50"), "12.50"),
            (text("+3"), "3"),
            (text(",5"), "0.5"),
            (Cell::Number(0.3), "0.3"),
            (Cell::Number(22.8), "22.8"),
            (Cell::Number(-2.4), "-2.4"),
        ];
        for (cell, expected) in ok {
            // compares the text, so the scale counts too
            assert_eq!(parse_decimal(&cell).map(|d| d.to_string()), Ok(expected.to_owned()), "{cell:?}");
        }
        // exact: not 0.3000000000000000444
        assert_eq!(parse_decimal(&Cell::Number(0.3)).unwrap().to_string(), "0.3");
        for bad in ["abc", "1,2,3.4,5", "1.23.4", "12,34,5", "1.2,3.4", "7,", "-", "1e5", "--2", "2,40 EUR"] {
            assert_eq!(parse_decimal(&text(bad)), Err(NUMBER_UNREADABLE), "{bad}");
        }
        assert_eq!(parse_decimal(&Cell::Number(f64::NAN)), Err(NUMBER_UNREADABLE));
        assert_eq!(parse_decimal(&Cell::Empty), Err(VALUE_REQUIRED));
        assert_eq!(parse_decimal(&Cell::Date(d(2026, 1, 1))), Err(NUMBER_UNREADABLE));
    }

    #[test]
    fn hours() {
        let ok = [
            (text("7,60"), 760),
            (text("7.6"), 760),
            (text("7:36"), 760),
            (text("7:36:00"), 760),
            (text("38"), 3800),
            (text("38:00"), 3800),
            (text("22,8"), 2280),
            (text("7:20"), 733), // 7.3333 h
            (text("0:01"), 2),   // 1.67 hundredths, rounded half up
            (text("7,666"), 767),
            (Cell::Number(38.0), 3800),
            (Cell::Number(22.799999999999997), 2280),
            (Cell::Duration(TimeDelta::minutes(456)), 760),
            (Cell::Duration(TimeDelta::hours(38)), 3800),
            (text("0"), 0),
        ];
        for (cell, expected) in ok {
            assert_eq!(parse_hours(&cell), Ok(expected), "{cell:?}");
        }
        for bad in ["-7,60", "7:60", "7:5", ":30", "7:30:75", "zeven", "1:2:3:4", "7u36"] {
            assert_eq!(parse_hours(&text(bad)), Err(HOURS_UNREADABLE), "{bad}");
        }
        assert_eq!(parse_hours(&Cell::Duration(TimeDelta::minutes(-5))), Err(HOURS_UNREADABLE));
        assert_eq!(parse_hours(&Cell::Date(d(2026, 1, 1))), Err(HOURS_UNREADABLE));
        assert_eq!(parse_hours(&Cell::Empty), Err(VALUE_REQUIRED));
    }

    #[test]
    fn texts() {
        assert_eq!(parse_text(&text("  Peeters ")), Some("Peeters".into()));
        assert_eq!(parse_text(&text("   ")), None);
        assert_eq!(parse_text(&Cell::Empty), None);
        assert_eq!(parse_text(&Cell::Number(93051822361.0)), Some("93051822361".into()));
        assert_eq!(parse_text(&Cell::Number(7.5)), Some("7.5".into()));
        assert_eq!(parse_text(&Cell::Error("#REF!".into())), None);
        assert_eq!(parse_text(&Cell::Date(d(2026, 4, 3))), Some("2026-04-03".into()));
    }

    #[test]
    fn excel_serials() {
        assert_eq!(excel_serial_to_date(46023.0), Some(d(2026, 1, 1)));
        assert_eq!(excel_serial_to_date(45658.0), Some(d(2025, 1, 1)));
        assert_eq!(excel_serial_to_date(0.5), None);
        assert_eq!(excel_serial_to_date(f64::INFINITY), None);
    }
}
