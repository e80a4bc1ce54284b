//! The payroll import on any bytes, read as xlsx when they start like a zip and as CSV
//! otherwise: header recognition, every cell parser, the separator rule of `2.100`,
//! duplicates, hours per month and the period range. Issues are fine; a panic is a bug.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "calamine_panics.rs"]
mod calamine_panics;
use werkbank_import::payroll::{preview_payroll_bytes, PayrollOptions};

fuzz_target!(|data: &[u8]| {
    calamine_panics::tolerate();
    let name = if data.starts_with(b"PK") { "loon.xlsx" } else { "loon.csv" };
    let _ = preview_payroll_bytes(data, name, &PayrollOptions::default(), &mut |_| {});
});
