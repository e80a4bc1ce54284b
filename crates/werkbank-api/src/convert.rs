//! Small conversions shared by the features' DTOs.

use chrono::NaiveDate;

/// Hundredths of hours as Dutch text: 16829 → "168,29" (negative allowed).
pub fn hours_text(hundredths: i64) -> String {
    let sign = if hundredths < 0 { "-" } else { "" };
    let h = hundredths.unsigned_abs();
    format!("{sign}{},{:02}", h / 100, h % 100)
}

pub(crate) fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}
