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
//!   three digits. Where a column's other values can tell, an import may read a lone dot
//!   as a thousands separator instead: see [`parse_decimal_hinted`] and
//!   [`ColumnSeparators`] (used for payroll amounts and quantities and for the staff
//!   register's Q and S). Spaces, `€` and a leading `+` are ignored; a trailing `-` (`2,40-`, as
//!   some accounting exports write) or parentheses (`(2,40)`) mean negative. Text parses
//!   without allocating; longer than 64 characters is unreadable.
//! - Hours: `7,60`, `7.6`, `38` (decimal hours) or `7:36` (hours and minutes, = 7,60),
//!   also time/duration cells; returned in hundredths of hours, rounded half up.
//!   [`parse_hours`] refuses negative hours; [`parse_signed_hours`] (payroll corrections)
//!   accepts `-7,60` and `-7:36`.
//! - Pay periods: a month or an RSZ quarter in many notations, or any date in the month
//!   (see [`parse_pay_period`]).
//! - INSZ: [`parse_insz`] pads number cells that lost their leading zeros.

use crate::table::Cell;
use chrono::{Datelike, NaiveDate, NaiveTime, TimeDelta};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};
use std::str::FromStr;
use werkbank_domain::{Insz, ReportingPeriod, Violation};

/// The cell holds no value where one is required.
pub const VALUE_REQUIRED: &str = "import.value_required";
/// Not a date in any accepted form (or not an existing date, like 31/02/2026).
pub const DATE_UNREADABLE: &str = "import.date_unreadable";
/// Not a number in any accepted form.
pub const NUMBER_UNREADABLE: &str = "import.number_unreadable";
/// A number like `2.100` (2100 or 2,1) in a column whose other values do not tell which
/// separator the file uses. Params: `value` (the text as written).
pub const NUMBER_AMBIGUOUS: &str = "import.number_ambiguous";
/// Not a non-negative number of hours in any accepted form.
pub const HOURS_UNREADABLE: &str = "import.hours_unreadable";
/// Not a month or quarter in any accepted form (see [`parse_pay_period`]).
pub const PERIOD_UNREADABLE: &str = "import.period_unreadable";

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
    date.filter(|d| YEARS.contains(&d.year())).ok_or(DATE_UNREADABLE)
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
    parse_decimal_hinted(cell).map(|(value, _)| value)
}

/// What a number written as text tells about the decimal separator of its column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SeparatorHint {
    /// Nothing: a number cell, or text without separators (`38`).
    None,
    /// A decimal comma (`2,40`, `1.234,56`) or dots as thousands separators (`1.234.567`).
    Comma,
    /// A decimal point (`2.40`, `1,234.56`, `0.100`) or commas as thousands separators
    /// (`1,234,567`).
    Point,
    /// One `.`, no `,`, three digits after the dot and one to three before it, not
    /// starting with `0` (`2.100`, `-12.500`): 2.1 or 2100. The value returned is the
    /// decimal-point reading (2.100); [`thousands_reading`] gives the other.
    Ambiguous,
}

/// Like [`parse_decimal`], also telling what the text says about the column's decimal
/// separator. An import decides a column's separator from its `Comma` and `Point` values
/// and then reads its `Ambiguous` ones accordingly.
pub fn parse_decimal_hinted(cell: &Cell) -> Result<(Decimal, SeparatorHint), &'static str> {
    match cell {
        _ if cell.is_empty() => Err(VALUE_REQUIRED),
        Cell::Number(n) => Ok((decimal_from_f64(*n).ok_or(NUMBER_UNREADABLE)?, SeparatorHint::None)),
        Cell::Text(s) => parse_decimal_text(s).ok_or(NUMBER_UNREADABLE),
        _ => Err(NUMBER_UNREADABLE),
    }
}

/// A number cell as a decimal: the shortest text that reads back as the same `f64` (what
/// a spreadsheet shows: `4401944.98`), not the expansion of its binary value
/// (`4401944.980000001`, what `Decimal::try_from(f64)` gives). Written to a stack buffer,
/// so no allocation; a number whose text does not fit 64 characters (beyond 10⁶³, or far
/// below 1) falls back to the binary conversion, which refuses the large ones.
fn decimal_from_f64(n: f64) -> Option<Decimal> {
    use std::fmt::Write;
    struct Stack {
        buf: [u8; 64],
        len: usize,
    }
    impl Write for Stack {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            let end = self.len + s.len();
            self.buf.get_mut(self.len..end).ok_or(std::fmt::Error)?.copy_from_slice(s.as_bytes());
            self.len = end;
            Ok(())
        }
    }
    if !n.is_finite() {
        return None;
    }
    let mut text = Stack { buf: [0; 64], len: 0 };
    if write!(text, "{n}").is_ok() {
        let shortest = std::str::from_utf8(&text.buf[..text.len]).ok().and_then(|t| Decimal::from_str(t).ok());
        if let Some(d) = shortest {
            return Some(d.normalize());
        }
    }
    Decimal::try_from(n).ok().map(|d| d.normalize())
}

/// The decimal separators the text values of one column show, and how they read the
/// column's ambiguous values (`2.100`). Shared by every import: the payroll import notes
/// hints while it streams and resolves its ambiguous values after the last row; the staff
/// import notes the Q and S columns before reading the rows.
///
/// - only decimal commas (`2,40`, `1.234,56`, `1.234.567`): the dot is a thousands
///   separator, `2.100` = 2100;
/// - only decimal points (`2.40`, `1,234.56`): it is a decimal point, `2.100` = 2,1;
/// - neither, or both: the column cannot tell, and the value is
///   [`NUMBER_AMBIGUOUS`].
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ColumnSeparators {
    pub comma: bool,
    pub point: bool,
}

impl ColumnSeparators {
    /// Takes note of what one value of the column shows.
    pub fn note(&mut self, hint: SeparatorHint) {
        match hint {
            SeparatorHint::Comma => self.comma = true,
            SeparatorHint::Point => self.point = true,
            SeparatorHint::None | SeparatorHint::Ambiguous => {}
        }
    }

    /// Notes the hint of a cell's text (cells that are not decimal text tell nothing).
    pub fn note_cell(&mut self, cell: &Cell) {
        if let Cell::Text(s) = cell {
            if let Some((_, hint)) = parse_decimal_text(s) {
                self.note(hint);
            }
        }
    }

    /// An ambiguous value (given in its decimal-point reading) as this column reads it, or
    /// `None` when the column cannot tell.
    pub fn read(&self, decimal_reading: Decimal) -> Option<Decimal> {
        match (self.comma, self.point) {
            (true, false) => Some(thousands_reading(decimal_reading)),
            (false, true) => Some(decimal_reading),
            _ => None,
        }
    }

    /// A decimal of this column: `2.100` read by [`Self::read`], [`NUMBER_AMBIGUOUS`] when
    /// the column cannot tell; anything else as [`parse_decimal`].
    pub fn parse(&self, cell: &Cell) -> Result<Decimal, &'static str> {
        match parse_decimal_hinted(cell)? {
            (value, SeparatorHint::Ambiguous) => self.read(value).ok_or(NUMBER_AMBIGUOUS),
            (value, _) => Ok(value),
        }
    }

    /// Hours of this column, in hundredths, like [`parse_hours`] but with `2.100` read as
    /// the column reads it ([`NUMBER_AMBIGUOUS`] when it cannot tell).
    pub fn parse_hours(&self, cell: &Cell) -> Result<u32, &'static str> {
        match cell {
            Cell::Text(s) if !s.contains(':') => match parse_decimal_hinted(cell) {
                Ok((value, SeparatorHint::Ambiguous)) => {
                    let hours = self.read(value).ok_or(NUMBER_AMBIGUOUS)?;
                    non_negative_hundredths(hours).ok_or(HOURS_UNREADABLE)
                }
                _ => parse_hours(cell),
            },
            _ => parse_hours(cell),
        }
    }
}

/// An [`SeparatorHint::Ambiguous`] value read with its dot as a thousands separator:
/// 2.100 → 2100, -12.500 → -12500 (the written scale is always three).
pub fn thousands_reading(decimal_reading: Decimal) -> Decimal {
    Decimal::from_i128_with_scale(decimal_reading.mantissa(), 0)
}

/// Longest text (after dropping spaces and `€`) read as a number; longer is unreadable.
const DECIMAL_TEXT_MAX: usize = 64;

/// Parses without allocating (the text is copied to a stack buffer), as imports read
/// hundreds of thousands of amounts.
fn parse_decimal_text(s: &str) -> Option<(Decimal, SeparatorHint)> {
    let mut buf = [0u8; DECIMAL_TEXT_MAX];
    let mut len = 0;
    for c in s.chars() {
        match c {
            ' ' | '\u{a0}' | '\u{202f}' | '€' => {}
            c if c.is_ascii() => {
                *buf.get_mut(len)? = c as u8; // ASCII: the cast is exact
                len += 1;
            }
            _ => return None,
        }
    }
    let cleaned = std::str::from_utf8(&buf[..len]).ok()?;
    let (negative, body) = if let Some(inner) = cleaned.strip_prefix('(').and_then(|r| r.strip_suffix(')')) {
        (true, inner) // accounting notation: (2,40) is -2.40
    } else if let Some(rest) = cleaned.strip_prefix('-') {
        (true, rest)
    } else if let Some(rest) = cleaned.strip_suffix('-') {
        (true, rest)
    } else {
        (false, cleaned.strip_prefix('+').unwrap_or(cleaned))
    };
    if body.is_empty() || !body.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
        return None;
    }
    let dots = body.bytes().filter(|b| *b == b'.').count();
    let commas = body.bytes().filter(|b| *b == b',').count();
    // (decimal separator, thousands separator)
    let (decimal, thousands) = match (dots, commas) {
        (0, 0) => (None, None),
        (_, 0) if dots > 1 => (None, Some(b'.')),
        (0, _) if commas > 1 => (None, Some(b',')),
        (1, 0) => (Some(b'.'), None),
        (0, 1) => (Some(b','), None),
        _ if body.rfind('.') > body.rfind(',') => (Some(b'.'), Some(b',')),
        _ => (Some(b','), Some(b'.')),
    };
    let (int_part, frac_part) = match decimal {
        Some(sep) => {
            let at = body.bytes().rposition(|b| b == sep)?;
            let (i, f) = (&body[..at], &body[at + 1..]);
            if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            (i, f)
        }
        None => (body, ""),
    };
    if let Some(sep) = thousands {
        let mut groups = int_part.split(char::from(sep));
        let first_ok = groups.next().is_some_and(|g| (1..=3).contains(&g.len()));
        if !first_ok || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    let int_digits = || int_part.bytes().filter(move |b| Some(*b) != thousands);
    if !int_digits().all(|b| b.is_ascii_digit()) || (int_digits().next().is_none() && frac_part.is_empty()) {
        return None;
    }
    // The written scale is kept: "-2,40" is -2.40.
    let significant = int_digits().skip_while(|b| *b == b'0').count() + frac_part.len();
    let mut value = if significant <= 28 && frac_part.len() <= 28 {
        let mantissa = int_digits().chain(frac_part.bytes()).fold(0i128, |m, b| m * 10 + i128::from(b - b'0'));
        // frac_part.len() <= 28, so the cast is exact.
        Decimal::try_from_i128_with_scale(mantissa, frac_part.len() as u32).ok()?
    } else {
        // Too many digits for a mantissa: let rust_decimal decide (rare, allocates).
        let mut text: String = int_digits().map(char::from).collect();
        if text.is_empty() {
            text.push('0');
        }
        if !frac_part.is_empty() {
            text.push('.');
            text.push_str(frac_part);
        }
        Decimal::from_str(&text).ok()?
    };
    value.set_sign_negative(negative);
    let hint = match (decimal, thousands) {
        (Some(b'.'), None)
            if frac_part.len() == 3 && (1..=3).contains(&int_part.len()) && !int_part.starts_with('0') =>
        {
            SeparatorHint::Ambiguous
        }
        (Some(b','), _) | (None, Some(b'.')) => SeparatorHint::Comma,
        (Some(_), _) | (None, Some(_)) => SeparatorHint::Point,
        (None, None) => SeparatorHint::None,
    };
    Some((value, hint))
}

/// Hours in hundredths (7:36 → 760, "7,60" → 760, 38 → 3800), rounded half up.
pub fn parse_hours(cell: &Cell) -> Result<u32, &'static str> {
    match cell {
        _ if cell.is_empty() => Err(VALUE_REQUIRED),
        Cell::Duration(d) => hundredths_from_duration(*d),
        Cell::Text(s) if s.contains(':') => parse_hours_minutes(s.trim()).ok_or(HOURS_UNREADABLE),
        Cell::Number(_) | Cell::Text(_) => {
            let hours = parse_decimal(cell).map_err(|_| HOURS_UNREADABLE)?;
            non_negative_hundredths(hours).ok_or(HOURS_UNREADABLE)
        }
        _ => Err(HOURS_UNREADABLE),
    }
}

/// Non-negative hours in hundredths, rounded half up; `None` when negative or too large.
fn non_negative_hundredths(hours: Decimal) -> Option<u32> {
    if hours.is_sign_negative() && !hours.is_zero() {
        return None;
    }
    hours.checked_mul(Decimal::ONE_HUNDRED)?.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero).to_u32()
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

/// The text of a cell, trimmed; `None` when empty (or a formula error, a formula without
/// value, a merged cell). Numbers are
/// rendered without `.0` (93051822361.0 → "93051822361").
pub fn parse_text(cell: &Cell) -> Option<String> {
    match cell {
        Cell::Empty | Cell::Error(_) | Cell::FormulaWithoutValue(_) | Cell::Merged { .. } => None,
        Cell::Text(s) => {
            let trimmed = s.trim();
            (!trimmed.is_empty()).then(|| trimmed.to_owned())
        }
        _ => {
            let text = cell.to_text();
            let trimmed = text.trim();
            (!trimmed.is_empty()).then(|| trimmed.to_owned())
        }
    }
}

/// Signed hours in hundredths, for quantities that may be corrections (`-7,60`, `-7:36`,
/// a negative duration); otherwise like [`parse_hours`].
pub fn parse_signed_hours(cell: &Cell) -> Result<i64, &'static str> {
    match cell {
        _ if cell.is_empty() => Err(VALUE_REQUIRED),
        Cell::Duration(d) => {
            let (negative, d) = if *d < TimeDelta::zero() { (true, -*d) } else { (false, *d) };
            let h = i64::from(hundredths_from_duration(d)?);
            Ok(if negative { -h } else { h })
        }
        Cell::Text(s) if s.contains(':') => {
            let s = s.trim();
            let (negative, rest) = s.strip_prefix('-').map_or((false, s), |r| (true, r.trim_start()));
            let h = i64::from(parse_hours_minutes(rest).ok_or(HOURS_UNREADABLE)?);
            Ok(if negative { -h } else { h })
        }
        Cell::Number(_) | Cell::Text(_) => {
            let hours = parse_decimal(cell).map_err(|_| HOURS_UNREADABLE)?;
            hundredths_of(hours).ok_or(HOURS_UNREADABLE)
        }
        _ => Err(HOURS_UNREADABLE),
    }
}

/// A decimal number of hours in hundredths, rounded half away from zero.
pub fn hundredths_of(hours: Decimal) -> Option<i64> {
    // Checked: a cell of 8·10²⁶ hours or more overflows the decimal (refused, never a panic).
    hours.checked_mul(Decimal::ONE_HUNDRED)?.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero).to_i64()
}

/// Like [`parse_text`], but moves a text cell's string out instead of copying it (the
/// cell is left [`Cell::Empty`]); trims in place.
pub fn take_text(cell: &mut Cell) -> Option<String> {
    match cell {
        Cell::Text(s) => {
            let mut s = std::mem::take(s);
            *cell = Cell::Empty;
            let end = s.trim_end().len();
            s.truncate(end);
            let start = s.len() - s.trim_start().len();
            if start > 0 {
                s.drain(..start);
            }
            (!s.is_empty()).then_some(s)
        }
        other => parse_text(other),
    }
}

/// An INSZ from a cell, with or without dots and dashes (`Insz::parse`). A number cell
/// loses leading zeros (00012556777 → 12556777), so it is padded to 11 digits.
pub fn parse_insz(cell: &Cell) -> Result<Insz, Violation> {
    let text = match cell {
        Cell::Number(n) if n.fract() == 0.0 && (0.0..1e11).contains(n) => format!("{:011}", *n as u64),
        _ => parse_text(cell).unwrap_or_default(),
    };
    Insz::parse(&text)
}

/// A pay period: the month or RSZ quarter a payroll line belongs to. Ordered by first day
/// (a month before the quarter that starts with it); shown and serialised as `2026-01`
/// (month) or `2026/1` (quarter), the notations of [`ReportingPeriod`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PayPeriod {
    Month { year: i32, month: u32 },
    Quarter { year: i32, quarter: u32 },
}

impl PayPeriod {
    /// The month containing `day`.
    pub fn month_of(day: NaiveDate) -> Self {
        Self::Month { year: day.year(), month: day.month() }
    }

    pub fn first_day(&self) -> NaiveDate {
        self.reporting_period().first_day()
    }

    pub fn last_day(&self) -> NaiveDate {
        self.reporting_period().last_day()
    }

    /// The RSZ quarter the period lies in (a quarter is its own quarter).
    pub fn quarter(&self) -> Self {
        match *self {
            Self::Month { year, month } => Self::Quarter { year, quarter: (month - 1) / 3 + 1 },
            q @ Self::Quarter { .. } => q,
        }
    }

    /// Quarters since year 0 (`year × 4 + quarter − 1`), for distances between periods.
    pub fn quarter_index(&self) -> i64 {
        let (year, quarter) = match *self {
            Self::Month { year, month } => (year, (month - 1) / 3 + 1),
            Self::Quarter { year, quarter } => (year, quarter),
        };
        i64::from(year) * 4 + i64::from(quarter) - 1
    }

    pub fn reporting_period(&self) -> ReportingPeriod {
        match *self {
            Self::Month { year, month } => ReportingPeriod::Month { year, month },
            Self::Quarter { year, quarter } => ReportingPeriod::Quarter { year, quarter },
        }
    }
}

impl Ord for PayPeriod {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        (self.first_day(), self.last_day()).cmp(&(other.first_day(), other.last_day()))
    }
}

impl PartialOrd for PayPeriod {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for PayPeriod {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.reporting_period().fmt(f)
    }
}

impl serde::Serialize for PayPeriod {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A pay period from a cell. Months: `01/2026`, `1-2026`, `01.2026`, `2026-01`,
/// `2026/01` (two digits), `202601` and `012026` (text or number), `januari 2026`,
/// `jan. 2026`, `janvier 2026`, `January 2026`, `2026 januari`, or any date in the month
/// (a date cell, an Excel serial, `31/01/2026`, `20260131`, ISO). Quarters: `2026/1` (RSZ
/// notation: one digit after a slash), `20261` (text or number), `Q1 2026`, `2026-Q1`,
/// `K1 2026`, `T1 2026`, `1e kwartaal 2026`, `kwartaal 1 2026`, `1er trimestre 2026`,
/// `1st quarter 2026`. A range `01/01/2026 - 31/01/2026` (also `tot`, `t/m`, `au`, `to`)
/// is its month when both days lie in one month, its quarter when it is exactly one.
/// Years 1900–2199; a year alone (`2026`) is not a pay period.
pub fn parse_pay_period(cell: &Cell) -> Result<PayPeriod, &'static str> {
    let period = match cell {
        _ if cell.is_empty() => return Err(VALUE_REQUIRED),
        Cell::Date(d) => Some(PayPeriod::month_of(*d)),
        Cell::DateTime(dt) => Some(PayPeriod::month_of(dt.date())),
        Cell::Number(n) => period_from_number(*n),
        Cell::Text(s) => period_from_text(s.trim()),
        _ => None,
    };
    period.filter(|p| YEARS.contains(&p.first_day().year())).ok_or(PERIOD_UNREADABLE)
}

fn month(year: i64, month: i64) -> Option<PayPeriod> {
    let year = i32::try_from(year).ok().filter(|y| YEARS.contains(y))?;
    let month = u32::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    Some(PayPeriod::Month { year, month })
}

fn quarter(year: i64, quarter: i64) -> Option<PayPeriod> {
    let year = i32::try_from(year).ok().filter(|y| YEARS.contains(y))?;
    let quarter = u32::try_from(quarter).ok().filter(|q| (1..=4).contains(q))?;
    Some(PayPeriod::Quarter { year, quarter })
}

fn period_from_number(n: f64) -> Option<PayPeriod> {
    if n.fract() == 0.0 && (10_000.0..100_000_000.0).contains(&n) {
        // A whole number below 10^8: the cast is exact.
        let v = n as i64;
        match v {
            // yyyyq; Excel serials in this range are dates in the 1950s: not pay periods.
            19_000..=21_999 => return quarter(v / 10, v % 10),
            100_000..=999_999 => return month(v / 100, v % 100),
            10_000_000..=99_999_999 => return date_from_number(n).map(PayPeriod::month_of),
            _ => {}
        }
    }
    excel_serial_to_date(n).map(PayPeriod::month_of)
}

fn digits_value(s: &str) -> Option<i64> {
    (!s.is_empty() && s.len() <= 9 && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

fn period_from_text(s: &str) -> Option<PayPeriod> {
    if let Some(v) = digits_value(s) {
        return match s.len() {
            5 => quarter(v / 10, v % 10),
            // yyyymm, else mmyyyy (a year ≥ 1900 never starts like a month)
            6 => month(v / 100, v % 100).or_else(|| month(v % 10_000, v / 10_000)),
            8 => parse_date_text(s).map(PayPeriod::month_of),
            _ => None,
        };
    }
    // Two numbers (the most common form, tried first: it allocates nothing).
    if let Some(sep) = s.chars().find(|c| matches!(c, '/' | '-' | '.' | ' ')) {
        if let Some((a, b)) = s.split_once(sep) {
            let (a, b) = (a.trim(), b.trim());
            if let (Some(x), Some(y)) = (digits_value(a), digits_value(b)) {
                return match (a.len(), b.len()) {
                    (4, 1) if sep == '/' => quarter(x, y),
                    (4, 1..=2) => month(x, y),
                    (1..=2, 4) => month(y, x),
                    _ => None,
                };
            }
        }
    }
    if let Some(d) = parse_date_text(s) {
        return Some(PayPeriod::month_of(d));
    }
    for sep in [" - ", " – ", " — ", " tot ", " t/m ", " tm ", " au ", " à ", " to "] {
        if let Some((a, b)) = s.split_once(sep) {
            return period_from_range(parse_date_text(a)?, parse_date_text(b)?);
        }
    }
    period_from_words(s)
}

fn period_from_range(first: NaiveDate, last: NaiveDate) -> Option<PayPeriod> {
    let month = PayPeriod::month_of(first);
    if PayPeriod::month_of(last) == month && first <= last {
        return Some(month);
    }
    let quarter = month.quarter();
    (first == quarter.first_day() && last == quarter.last_day()).then_some(quarter)
}

/// Month names and abbreviations (Dutch, French, English), accents dropped.
const MONTH_NAMES: [&[&str]; 12] = [
    &["januari", "jan", "janvier", "janv", "january"],
    &["februari", "feb", "febr", "fevrier", "fev", "fevr", "february"],
    &["maart", "mrt", "maa", "mars", "march", "mar"],
    &["april", "apr", "avril", "avr"],
    &["mei", "mai", "may"],
    &["juni", "jun", "juin", "june"],
    &["juli", "jul", "juillet", "juil", "july"],
    &["augustus", "aug", "aout", "august"],
    &["september", "sep", "sept", "septembre"],
    &["oktober", "okt", "octobre", "oct", "october"],
    &["november", "nov", "novembre"],
    &["december", "dec", "decembre"],
];
const QUARTER_WORDS: &[&str] = &["q", "k", "t", "kw", "kwartaal", "trimestre", "trim", "quarter", "qtr"];
const ORDINAL_SUFFIXES: &[&str] = &["e", "ste", "de", "er", "re", "eme", "st", "nd", "rd", "th"];

/// `januari 2026`, `Q1 2026`, `2e kwartaal 2026`, … (see [`parse_pay_period`]).
fn period_from_words(s: &str) -> Option<PayPeriod> {
    // Runs of digits and runs of letters; anything else separates.
    let mut tokens: Vec<(bool, &str)> = Vec::new(); // (is_number, text)
    let mut start: Option<(usize, bool)> = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        let kind = if c.is_ascii_digit() {
            Some(true)
        } else if c.is_alphabetic() {
            Some(false)
        } else {
            None
        };
        match (start, kind) {
            (Some((_, was)), Some(k)) if was == k => {}
            (Some((from, was)), _) => {
                tokens.push((was, &s[from..i]));
                start = kind.map(|k| (i, k));
            }
            (None, Some(k)) => start = Some((i, k)),
            (None, None) => {}
        }
    }
    // `small`: a quarter number, or the day of a date written with a month name.
    let (mut year, mut month_no, mut small, mut marker) = (None, None, None, false);
    let mut after_number = false;
    for (is_number, text) in tokens {
        if is_number {
            let v = digits_value(text)?;
            match text.len() {
                4 if year.is_none() => year = Some(v),
                1..=2 if small.is_none() => small = Some(v),
                _ => return None,
            }
            after_number = true;
            continue;
        }
        let key = crate::columns::normalise_key(text);
        if let Some(m) = MONTH_NAMES.iter().position(|names| names.contains(&key.as_str())) {
            if month_no.replace(m as i64 + 1).is_some() {
                return None;
            }
        } else if QUARTER_WORDS.contains(&key.as_str()) {
            marker = true;
        } else if !(after_number && ORDINAL_SUFFIXES.contains(&key.as_str())) {
            return None;
        }
        after_number = false;
    }
    match (year?, month_no, small, marker) {
        (y, Some(m), None, false) => month(y, m),
        // `3 januari 2026`: a day in the month
        (y, Some(m), Some(day), false) => {
            NaiveDate::from_ymd_opt(i32::try_from(y).ok()?, u32::try_from(m).ok()?, u32::try_from(day).ok()?)
                .and_then(|_| month(y, m))
        }
        (y, None, Some(q), true) => quarter(y, q),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn hours_too_large_for_a_decimal_are_unreadable_never_a_panic() {
        // 8·10²⁶ hours × 100 exceeds Decimal's 7,9·10²⁸: refused, as are 10²⁸ and the largest decimal.
        for text in ["800000000000000000000000000", "10000000000000000000000000000", "79228162514264337593543950335"] {
            assert!(parse_hours(&Cell::Text(text.into())).is_err(), "{text}");
            assert!(parse_signed_hours(&Cell::Text(text.into())).is_err(), "{text}");
        }
        assert!(parse_hours(&Cell::Number(8e26)).is_err());
        // An ordinary value still reads: 38 h = 3800 hundredths.
        assert_eq!(parse_hours(&Cell::Text("38".into())), Ok(3800));
    }

    use super::*;

    #[test]
    fn number_cells_read_as_shown_not_as_their_binary_expansion() {
        // 4 401 944,98 is stored as the f64 4401944.98000000044703483581543; the shortest
        // text that reads back as it is 4401944.98 (found by the property test).
        let d = |s: &str| Decimal::from_str(s).unwrap();
        assert_eq!(parse_decimal(&Cell::Number(4_401_944.98)), Ok(d("4401944.98")));
        assert_eq!(parse_decimal(&Cell::Number(0.1 + 0.2)), Ok(d("0.30000000000000004")));
        assert_eq!(parse_decimal(&Cell::Number(1e20)), Ok(d("100000000000000000000")));
        assert_eq!(parse_decimal(&Cell::Number(1e300)), Err(NUMBER_UNREADABLE));
        assert_eq!(parse_decimal(&Cell::Number(f64::NAN)), Err(NUMBER_UNREADABLE));
        // 10⁻⁴⁰ does not fit 64 characters: the binary conversion gives 0.
        assert_eq!(parse_decimal(&Cell::Number(1e-40)), Ok(Decimal::ZERO));
    }

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn text(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }

    #[test]
    fn column_separators_read_a_lone_dot_as_the_column_does() {
        let dec = |s: &str| Decimal::from_str(s).unwrap();
        let column = |values: &[&str]| {
            let mut c = ColumnSeparators::default();
            for v in values {
                c.note_cell(&text(v));
            }
            c
        };
        let commas = column(&["2,40", "1.234,56", "38"]);
        let points = column(&["2.40", "38"]);
        let neither = column(&["38", "7:36", ""]);
        let both = column(&["2,40", "2.40"]);
        assert_eq!((commas.comma, commas.point), (true, false));
        // 2.100: 2100 beside decimal commas, 2,1 beside decimal points, else ambiguous.
        assert_eq!(commas.parse(&text("2.100")), Ok(dec("2100")));
        assert_eq!(points.parse(&text("2.100")), Ok(dec("2.1")));
        assert_eq!(neither.parse(&text("2.100")), Err(NUMBER_AMBIGUOUS));
        assert_eq!(both.parse(&text("2.100")), Err(NUMBER_AMBIGUOUS));
        // What is not ambiguous reads the same in every column.
        assert_eq!(neither.parse(&text("22,8")), Ok(dec("22.8")));
        assert_eq!(neither.parse(&Cell::Number(2100.0)), Ok(dec("2100")));
        // Hours: 22.800 is 22,8 h beside decimal points, 22 800 h beside commas.
        assert_eq!(points.parse_hours(&text("22.800")), Ok(2280));
        assert_eq!(commas.parse_hours(&text("22.800")), Ok(2_280_000));
        assert_eq!(neither.parse_hours(&text("22.800")), Err(NUMBER_AMBIGUOUS));
        assert_eq!(neither.parse_hours(&text("7:36")), Ok(760));
        assert_eq!(neither.parse_hours(&text("19.5")), Ok(1950));
        assert_eq!(points.parse_hours(&text("-2.100")), Err(HOURS_UNREADABLE));
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
    fn separator_hints() {
        use SeparatorHint::*;
        let cases = [
            ("2.100", Ambiguous, "2.100"),
            ("-12.500", Ambiguous, "-12.500"),
            ("(2.100)", Ambiguous, "-2.100"),
            ("€ 999.999", Ambiguous, "999.999"),
            ("2,40", Comma, "2.40"),
            ("1.234,56", Comma, "1234.56"),
            ("1,234", Comma, "1.234"), // a single comma stays a decimal comma
            ("1.234.567", Comma, "1234567"),
            ("2.40", Point, "2.40"),
            ("2.1", Point, "2.1"),
            ("2.1000", Point, "2.1000"),
            ("1,234.56", Point, "1234.56"),
            ("1,234,567", Point, "1234567"),
            ("0.100", Point, "0.100"),       // never a thousands group
            ("1234.567", Point, "1234.567"), // 1234.567 cannot be thousands
            (".100", Point, "0.100"),
            ("38", None, "38"),
        ];
        for (s, hint, value) in cases {
            let (v, h) = parse_decimal_hinted(&text(s)).unwrap();
            assert_eq!((v.to_string(), h), (value.to_owned(), hint), "{s}");
        }
        assert_eq!(parse_decimal_hinted(&Cell::Number(2.1)), Ok((Decimal::new(21, 1), None)));
        assert_eq!(parse_decimal_hinted(&Cell::Number(2100.0)), Ok((Decimal::new(2100, 0), None)));
        let thousands = |s: &str| thousands_reading(parse_decimal(&text(s)).unwrap()).to_string();
        assert_eq!((thousands("2.100"), thousands("-12.500")), ("2100".into(), "-12500".into()));
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

    #[test]
    fn pay_periods() {
        let m = |year, month| PayPeriod::Month { year, month };
        let q = |year, quarter| PayPeriod::Quarter { year, quarter };
        let ok = [
            (text("01/2026"), m(2026, 1)),
            (text("1/2026"), m(2026, 1)),
            (text("01-2026"), m(2026, 1)),
            (text("01.2026"), m(2026, 1)),
            (text("2026-01"), m(2026, 1)),
            (text("2026/01"), m(2026, 1)),
            (text("2026-1"), m(2026, 1)),
            (text("202601"), m(2026, 1)),
            (text("012026"), m(2026, 1)),
            (text("januari 2026"), m(2026, 1)),
            (text("Januari 2026"), m(2026, 1)),
            (text("jan. 2026"), m(2026, 1)),
            (text("janvier 2026"), m(2026, 1)),
            (text("February 2026"), m(2026, 2)),
            (text("février 2026"), m(2026, 2)),
            (text("mrt 2026"), m(2026, 3)),
            (text("août 2026"), m(2026, 8)),
            (text("2026 december"), m(2026, 12)),
            (text("3 januari 2026"), m(2026, 1)),
            (text("31/01/2026"), m(2026, 1)),
            (text("20260131"), m(2026, 1)),
            (text("2026-01-31"), m(2026, 1)),
            (text("01/01/2026 - 31/01/2026"), m(2026, 1)),
            (text("01/01/2026 tot 15/01/2026"), m(2026, 1)),
            (text("2026/1"), q(2026, 1)),
            (text("2026/4"), q(2026, 4)),
            (text("20261"), q(2026, 1)),
            (text("Q1 2026"), q(2026, 1)),
            (text("2026-Q2"), q(2026, 2)),
            (text("2026Q3"), q(2026, 3)),
            (text("K4 2025"), q(2025, 4)),
            (text("T1 2026"), q(2026, 1)),
            (text("1e kwartaal 2026"), q(2026, 1)),
            (text("2de kwartaal 2026"), q(2026, 2)),
            (text("kwartaal 3 2026"), q(2026, 3)),
            (text("1er trimestre 2026"), q(2026, 1)),
            (text("2ème trimestre 2026"), q(2026, 2)),
            (text("4th quarter 2025"), q(2025, 4)),
            (text("01/01/2026 - 31/03/2026"), q(2026, 1)),
            (Cell::Number(202601.0), m(2026, 1)),
            (Cell::Number(20261.0), q(2026, 1)),
            (Cell::Number(20260131.0), m(2026, 1)),
            (Cell::Number(46054.0), m(2026, 2)), // Excel serial of 2026-02-01
            (Cell::Date(d(2026, 3, 15)), m(2026, 3)),
        ];
        for (cell, expected) in ok {
            assert_eq!(parse_pay_period(&cell), Ok(expected), "{cell:?}");
        }
        let bad = [
            text("2026"),
            text("2026/5"),
            text("2026/13"),
            text("13/2026"),
            text("01/26"),
            text("Q5 2026"),
            text("januari"),
            text("januari februari 2026"),
            text("loonperiode 2026"),
            text("Q1 januari 2026"),
            text("31 februari 2026"),
            text("01/01/2026 - 28/02/2026"),
            text("46053"),
            Cell::Number(20265.0),
            Cell::Bool(true),
        ];
        for cell in bad {
            assert_eq!(parse_pay_period(&cell), Err(PERIOD_UNREADABLE), "{cell:?}");
        }
        assert_eq!(parse_pay_period(&Cell::Empty), Err(VALUE_REQUIRED));
    }

    #[test]
    fn pay_period_days_order_and_text() {
        let jan = PayPeriod::Month { year: 2026, month: 1 };
        let q1 = PayPeriod::Quarter { year: 2026, quarter: 1 };
        let feb = PayPeriod::Month { year: 2026, month: 2 };
        assert_eq!((jan.first_day(), jan.last_day()), (d(2026, 1, 1), d(2026, 1, 31)));
        assert_eq!((q1.first_day(), q1.last_day()), (d(2026, 1, 1), d(2026, 3, 31)));
        assert_eq!(feb.quarter(), q1);
        assert_eq!(feb.quarter_index(), q1.quarter_index());
        assert_eq!(PayPeriod::Quarter { year: 2025, quarter: 4 }.quarter_index() + 1, q1.quarter_index());
        assert!(jan < q1 && q1 < feb);
        assert_eq!((jan.to_string(), q1.to_string()), ("2026-01".to_owned(), "2026/1".to_owned()));
        assert_eq!(serde_json::to_string(&q1).unwrap(), "\"2026/1\"");
    }

    #[test]
    fn signed_hours() {
        assert_eq!(parse_signed_hours(&text("7,60")), Ok(760));
        assert_eq!(parse_signed_hours(&text("-7,60")), Ok(-760));
        assert_eq!(parse_signed_hours(&text("7:36")), Ok(760));
        assert_eq!(parse_signed_hours(&text("-7:36")), Ok(-760));
        assert_eq!(parse_signed_hours(&text("7,666")), Ok(767));
        assert_eq!(parse_signed_hours(&text("-7,666")), Ok(-767));
        assert_eq!(parse_signed_hours(&Cell::Duration(TimeDelta::minutes(-456))), Ok(-760));
        assert_eq!(parse_signed_hours(&text("7:75")), Err(HOURS_UNREADABLE));
        assert_eq!(parse_signed_hours(&text("zeven")), Err(HOURS_UNREADABLE));
        assert_eq!(parse_signed_hours(&Cell::Empty), Err(VALUE_REQUIRED));
    }

    #[test]
    fn more_decimals() {
        assert_eq!(parse_decimal(&text("(2,40)")).unwrap().to_string(), "-2.40");
        assert_eq!(parse_decimal(&text("(1.234,56)")).unwrap().to_string(), "-1234.56");
        assert_eq!(
            parse_decimal(&text("0,1234567890123456789012345678")).unwrap().to_string(),
            "0.1234567890123456789012345678"
        );
        assert_eq!(parse_decimal(&text("12345678901234567890")).unwrap().to_string(), "12345678901234567890");
        assert_eq!(parse_decimal(&text(&"1".repeat(65))), Err(NUMBER_UNREADABLE));
        for bad in ["(2,40", "2,40)", "(-2,40)", "()", "7,60u", "½"] {
            assert_eq!(parse_decimal(&text(bad)), Err(NUMBER_UNREADABLE), "{bad}");
        }
    }

    #[test]
    fn taking_text() {
        let mut cell = text("  1010 ");
        assert_eq!(take_text(&mut cell), Some("1010".into()));
        assert_eq!(cell, Cell::Empty);
        assert_eq!(take_text(&mut Cell::Number(42.0)), Some("42".into()));
        assert_eq!(take_text(&mut text("   ")), None);
        assert_eq!(take_text(&mut Cell::FormulaWithoutValue("A1*2".into())), None);
    }

    #[test]
    fn insz_cells() {
        assert_eq!(parse_insz(&Cell::Number(12556777.0)).unwrap().digits(), "00012556777");
        assert_eq!(parse_insz(&text("93.05.18-223.61")).unwrap().digits(), "93051822361");
        assert_eq!(parse_insz(&text("93051822362")).unwrap_err().code, "insz.checksum");
    }
}
