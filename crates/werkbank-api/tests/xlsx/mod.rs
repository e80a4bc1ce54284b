//! Reading a written workbook back with calamine (for the export tests).
#![allow(dead_code)]

use calamine::{open_workbook, Data, Reader, Xlsx};
use chrono::NaiveDate;
use std::path::Path;

pub fn sheet_names(path: &Path) -> Vec<String> {
    let book: Xlsx<_> = open_workbook(path).unwrap();
    book.sheet_names()
}

pub fn sheet(path: &Path, name: &str) -> calamine::Range<Data> {
    let mut book: Xlsx<_> = open_workbook(path).unwrap();
    book.worksheet_range(name).unwrap()
}

pub fn text(range: &calamine::Range<Data>, row: u32, col: u32) -> String {
    range.get_value((row, col)).map(|d| d.to_string()).unwrap_or_default()
}

pub fn float(range: &calamine::Range<Data>, row: u32, col: u32) -> f64 {
    match range.get_value((row, col)) {
        Some(Data::Float(f)) => *f,
        other => panic!("({row}, {col}) is not a number: {other:?}"),
    }
}

pub fn date(range: &calamine::Range<Data>, row: u32, col: u32) -> NaiveDate {
    match range.get_value((row, col)) {
        Some(Data::DateTime(d)) => d.as_datetime().unwrap().date(),
        other => panic!("({row}, {col}) is not a date: {other:?}"),
    }
}

/// Readable (and writable) by its owner only (on Unix; elsewhere nothing to check).
#[track_caller]
pub fn assert_private(path: &Path) {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(path).unwrap().permissions().mode() & 0o777, 0o600, "{}", path.display());
    }
    #[cfg(not(unix))]
    let _ = path;
}
