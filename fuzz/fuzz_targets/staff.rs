//! The staff-register import on any CSV bytes: every cell parser, the domain's rules of a
//! period and a person, and the checks across rows.
#![no_main]
use libfuzzer_sys::fuzz_target;
use werkbank_import::staff::{preview_staff_table, StaffImportOptions};

fuzz_target!(|data: &[u8]| {
    if let Ok(table) = werkbank_import::read_table_bytes(data, "personeel.csv", None) {
        let _ = preview_staff_table(table, "personeel.csv", &StaffImportOptions::default());
    }
});
