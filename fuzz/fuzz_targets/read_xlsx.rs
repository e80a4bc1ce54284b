//! The xlsx reader on any bytes: the package check (zip limits, XML runs, merged-cell
//! search), calamine's cell reader and the sheet's budget. Seed it with real xlsx files
//! (fuzz/corpus/read_xlsx): most mutations of a zip are then still zips.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "calamine_panics.rs"]
mod calamine_panics;

fuzz_target!(|data: &[u8]| {
    calamine_panics::tolerate();
    let _ = werkbank_import::read_table_bytes(data, "fuzz.xlsx", None);
});
