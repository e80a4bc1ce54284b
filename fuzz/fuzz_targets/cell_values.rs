//! The cell parsers on any text: decimals, hours, dates, pay periods, INSZ.
#![no_main]
use libfuzzer_sys::fuzz_target;
use werkbank_import::values::*;
use werkbank_import::Cell;

fuzz_target!(|text: &str| {
    let cell = Cell::Text(text.to_owned());
    let _ = parse_decimal_hinted(&cell);
    let _ = parse_hours(&cell);
    let _ = parse_signed_hours(&cell);
    let _ = parse_date(&cell);
    let _ = parse_pay_period(&cell);
    let _ = parse_insz(&cell);
});
