//! Property tests of the cell parsers (issue 14): numbers, hours, dates and pay periods
//! never panic on any text or number; what the nl-BE format writes (`1.234,56`,
//! `31/03/2026`, `7,60`) parses back to the same value; and the one documented ambiguity
//! (`2.100`) is exactly what the hint says.

use chrono::{Datelike, NaiveDate, TimeDelta};
use proptest::prelude::*;
use rust_decimal::Decimal;
use werkbank_domain::format::{format_date, format_number};
use werkbank_import::values::{
    excel_serial_to_date, parse_date, parse_decimal, parse_decimal_hinted, parse_hours, parse_insz, parse_pay_period,
    parse_signed_hours, thousands_reading, PayPeriod, SeparatorHint,
};
use werkbank_import::Cell;

/// Text that looks like a number, an hour or a date more often than arbitrary text does.
fn cell_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9.,:/ \\-+()€eE]{0,40}",
        "[0-9]{1,40}",
        "-?[0-9]{1,30}[.,][0-9]{0,30}",
        "[0-9]{1,6}:[0-9]{1,3}(:[0-9]{1,3})?",
        "[0-9]{1,5}[/.\\-][0-9]{1,5}([/.\\-][0-9]{1,6})?",
        "(Q|K|T|q)?[0-9]{1,2} ?(januari|kwartaal|trimestre|mars)? ?[0-9]{0,6}",
    ]
}

fn any_cell() -> impl Strategy<Value = Cell> {
    prop_oneof![
        cell_text().prop_map(Cell::Text),
        any::<f64>().prop_map(Cell::Number),
        prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(f64::NEG_INFINITY), Just(f64::MAX), Just(-f64::MAX)]
            .prop_map(Cell::Number),
        (-1_000_000_000_000i64..1_000_000_000_000).prop_map(|ms| Cell::Duration(TimeDelta::milliseconds(ms))),
    ]
}

fn day_between(first: NaiveDate, last: NaiveDate) -> impl Strategy<Value = NaiveDate> {
    (0..=(last - first).num_days()).prop_map(move |d| first + chrono::Duration::days(d))
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

proptest! {
    #[test]
    fn no_parser_panics(cell in any_cell()) {
        let _ = parse_decimal(&cell);
        let _ = parse_decimal_hinted(&cell);
        let _ = parse_hours(&cell);
        let _ = parse_signed_hours(&cell);
        let _ = parse_date(&cell);
        let _ = parse_pay_period(&cell);
        let _ = parse_insz(&cell);
    }

    /// `format_number` writes nl-BE (`-1.234,56`); the parser reads it back exactly, except
    /// that a whole number written `2.100` (one dot, three digits) is ambiguous: the hint
    /// says so, and its thousands reading is the number.
    #[test]
    fn numbers_round_trip(mantissa in -10_000_000_000_000i64..10_000_000_000_000, scale in 0u32..=6) {
        let value = Decimal::new(mantissa, scale);
        let text = format_number(value, scale);
        let (read, hint) = parse_decimal_hinted(&Cell::Text(text.clone())).unwrap();
        if hint == SeparatorHint::Ambiguous {
            prop_assert_eq!(scale, 0, "{}", text);
            prop_assert_eq!(thousands_reading(read), value, "{}", text);
        } else {
            prop_assert_eq!(read, value, "{}", text);
        }
        // with a euro sign and spaces, or in accounting notation for negative amounts
        let euro = parse_decimal(&Cell::Text(format!("€ {text}"))).unwrap();
        prop_assert!(euro == value || hint == SeparatorHint::Ambiguous);
        if value.is_sign_negative() && hint != SeparatorHint::Ambiguous {
            let positive = format_number(-value, scale);
            prop_assert_eq!(parse_decimal(&Cell::Text(format!("({positive})"))).unwrap(), value);
            prop_assert_eq!(parse_decimal(&Cell::Text(format!("{positive}-"))).unwrap(), value);
        }
    }

    /// A number cell reads as the number (`0.3` stays 0.3), within the decimal's range.
    #[test]
    fn number_cells_read_exactly(mantissa in -1_000_000_000i64..1_000_000_000, scale in 0u32..=4) {
        let value = Decimal::new(mantissa, scale);
        let f: f64 = value.to_string().parse().unwrap();
        prop_assert_eq!(parse_decimal(&Cell::Number(f)).unwrap(), value.normalize());
    }

    /// Hours as `7,60`, as `7.6` and as `7:36`: hundredths, `h:mm` rounded half up
    /// (minutes × 100 / 60, + ½).
    #[test]
    fn hours_round_trip(hundredths in 0u32..1_000_000, minutes in 0u32..600_000) {
        let comma = format!("{},{:02}", hundredths / 100, hundredths % 100);
        prop_assert_eq!(parse_hours(&Cell::Text(comma.clone())), Ok(hundredths));
        prop_assert_eq!(parse_signed_hours(&Cell::Text(format!("-{comma}"))), Ok(-i64::from(hundredths)));
        let clock = format!("{}:{:02}", minutes / 60, minutes % 60);
        prop_assert_eq!(parse_hours(&Cell::Text(clock)), Ok((minutes * 100 + 30) / 60));
        let duration = Cell::Duration(TimeDelta::minutes(i64::from(minutes)));
        prop_assert_eq!(parse_hours(&duration), Ok((minutes * 100 + 30) / 60));
    }

    /// Every day from 1900 to 2199 in dd/mm/jjjj, d/m/jjjj, ISO and yyyymmdd, and as a date
    /// cell, parses to itself; from 1 March 1900 (after Excel's 29 February 1900) its
    /// serial does too.
    #[test]
    fn dates_round_trip(day in day_between(ymd(1900, 1, 1), ymd(2199, 12, 31))) {
        for text in [
            format_date(day),
            format!("{}/{}/{}", day.day(), day.month(), day.year()),
            day.format("%Y-%m-%d").to_string(),
            day.format("%Y%m%d").to_string(),
            day.format("%d-%m-%Y 00:00:00").to_string(),
        ] {
            prop_assert_eq!(parse_date(&Cell::Text(text.clone())), Ok(day), "{}", text);
        }
        prop_assert_eq!(parse_date(&Cell::Date(day)), Ok(day));
        if day >= ymd(1900, 3, 1) {
            let serial = (day - ymd(1899, 12, 30)).num_days() as f64;
            prop_assert_eq!(excel_serial_to_date(serial), Some(day));
            prop_assert_eq!(excel_serial_to_date(serial + 0.75), Some(day), "the time of day is dropped");
        }
    }

    /// Days outside 1900–2199 are refused, whatever their notation.
    #[test]
    fn dates_outside_the_years_are_refused(year in prop_oneof![0i32..1900, 2200i32..10_000], month in 1u32..=12) {
        let day = ymd(year, month, 1);
        prop_assert!(parse_date(&Cell::Text(format_date(day))).is_err());
        prop_assert!(parse_date(&Cell::Date(day)).is_err());
    }

    /// A month or a quarter as written (`2026-01`, `01/2026`, `202601`, `2026/1`, `Q1 2026`)
    /// and as shown parses to itself.
    #[test]
    fn pay_periods_round_trip(year in 1900i32..=2199, month in 1u32..=12) {
        let m = PayPeriod::Month { year, month };
        for text in [m.to_string(), format!("{month:02}/{year}"), format!("{year}{month:02}"), format!("{month}-{year}")] {
            prop_assert_eq!(parse_pay_period(&Cell::Text(text.clone())), Ok(m), "{}", text);
        }
        let quarter = (month - 1) / 3 + 1;
        let q = PayPeriod::Quarter { year, quarter };
        for text in [q.to_string(), format!("Q{quarter} {year}"), format!("{year}{quarter}")] {
            prop_assert_eq!(parse_pay_period(&Cell::Text(text.clone())), Ok(q), "{}", text);
        }
        prop_assert_eq!(m.quarter(), q);
    }

    /// An INSZ in a number cell lost its leading zeros; it is padded back.
    #[test]
    fn insz_number_cells_keep_leading_zeros(serial in 1u64..=997, month in 1u64..=12, day in 1u64..=28) {
        // born in 2000: yy = 00, the check digits by the 2000 rule
        let body = (month * 100 + day) * 1000 + serial;
        let digits = format!("{body:09}{:02}", 97 - (2_000_000_000 + body) % 97);
        let number = digits.parse::<u64>().unwrap() as f64;
        let insz = parse_insz(&Cell::Number(number)).unwrap();
        prop_assert_eq!(insz.digits(), digits.as_str());
    }
}
