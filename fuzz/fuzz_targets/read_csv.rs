//! The CSV reader on any bytes: decoding (BOM, UTF-8, Windows-1252), the delimiter sniffer,
//! the pre-scan of its limits and the csv crate. It may refuse; it must not panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = werkbank_import::read_table_bytes(data, "fuzz.csv", None);
});
