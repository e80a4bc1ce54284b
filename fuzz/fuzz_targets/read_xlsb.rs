//! The xlsb reader on any bytes: the package check, calamine's record reader (its panics
//! are caught and answered as an unreadable file) and the streamed cells' budget.
#![no_main]
use libfuzzer_sys::fuzz_target;

#[path = "calamine_panics.rs"]
mod calamine_panics;

fuzz_target!(|data: &[u8]| {
    calamine_panics::tolerate();
    let _ = werkbank_import::read_table_bytes(data, "fuzz.xlsb", None);
});
