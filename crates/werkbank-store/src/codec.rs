//! Conversions between SQLite text columns and domain values.

use crate::{Result, StoreError};
use chrono::NaiveDate;

pub fn date(table: &'static str, column: &'static str, value: Option<String>) -> Result<Option<NaiveDate>> {
    value
        .map(|v| NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| StoreError::Corrupt { table, column, value: v }))
        .transpose()
}

pub fn required_date(table: &'static str, column: &'static str, value: String) -> Result<NaiveDate> {
    date(table, column, Some(value)).map(|d| d.expect("some"))
}

pub fn date_text(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.format("%Y-%m-%d").to_string())
}

pub fn parse<T>(table: &'static str, column: &'static str, value: String, f: impl Fn(&str) -> Option<T>) -> Result<T> {
    f(&value).ok_or(StoreError::Corrupt { table, column, value })
}
