//! The ods reader on any bytes: the package check with the count of repeated cells, then
//! calamine's range.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "calamine_panics.rs"]
mod calamine_panics;

fuzz_target!(|data: &[u8]| {
    calamine_panics::tolerate();
    let _ = werkbank_import::read_table_bytes(data, "fuzz.ods", None);
});
