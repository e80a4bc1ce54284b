//! Writing the files: CSV line by line (UTF-8 or Windows-1252), xlsx in rust_xlsxwriter's
//! constant-memory mode (each row goes to a temporary file as soon as the next one starts),
//! and the Belgian spellings of numbers, hours and dates.

use crate::payroll::{Line, Unit};
use chrono::NaiveDate;
use rust_xlsxwriter::{Format, Worksheet, XlsxError};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// A CSV file written record by record: `;` between fields, CRLF after each record (as
/// Excel on Windows saves it), fields quoted only when they hold `;`, `"` or a line break.
pub(crate) struct CsvFile {
    out: BufWriter<File>,
    windows_1252: bool,
    line: String,
    bytes: Vec<u8>,
}

impl CsvFile {
    pub(crate) fn create(path: &Path, windows_1252: bool) -> io::Result<Self> {
        Ok(Self {
            out: BufWriter::with_capacity(1 << 16, File::create(path)?),
            windows_1252,
            line: String::new(),
            bytes: Vec::new(),
        })
    }

    pub(crate) fn record<S: AsRef<str>>(&mut self, fields: &[S]) -> io::Result<()> {
        self.line.clear();
        for (i, field) in fields.iter().enumerate() {
            let field = field.as_ref();
            if i > 0 {
                self.line.push(';');
            }
            if field.contains([';', '"', '\n', '\r']) {
                self.line.push('"');
                self.line.push_str(&field.replace('"', "\"\""));
                self.line.push('"');
            } else {
                self.line.push_str(field);
            }
        }
        self.line.push_str("\r\n");
        if self.windows_1252 {
            encode_windows_1252(&self.line, &mut self.bytes);
            self.out.write_all(&self.bytes)
        } else {
            self.out.write_all(self.line.as_bytes())
        }
    }

    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// `text` in Windows-1252. Letters it lacks take their closest spelling (`Ł` → `L`, see
/// [`crate::names::windows_1252_fallback`]), anything else becomes `?` (as Excel does).
pub fn encode_windows_1252(text: &str, out: &mut Vec<u8>) {
    out.clear();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c as u8);
            continue;
        }
        let mut buf = [0u8; 4];
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
        if !unmappable {
            out.extend_from_slice(&bytes);
        } else {
            out.push(crate::names::windows_1252_fallback(c).map_or(b'?', |f| f as u8));
        }
    }
}

/// A whole number with dots between thousands: 1234567 → `1.234.567`.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let head = match digits.len() % 3 {
        0 => 3,
        short => short,
    };
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    out.push_str(&digits[..head]);
    for group in digits.as_bytes()[head..].chunks(3) {
        out.push('.');
        out.push_str(std::str::from_utf8(group).expect("ASCII digits"));
    }
    out
}

/// `1.234,56`, `-1.000,00`.
pub fn euro_text(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{},{:02}", thousands(abs / 100), abs % 100)
}

/// Hours with a decimal comma and two decimals: 9576 minutes → `159,60`.
pub fn hours_decimal(minutes: u32) -> String {
    let hundredths = u64::from(minutes) * 100 / 60;
    format!("{},{:02}", hundredths / 100, hundredths % 100)
}

/// Hours as a clock: 9576 minutes → `159:36`.
pub fn hours_clock(minutes: u32) -> String {
    format!("{}:{:02}", minutes / 60, minutes % 60)
}

/// Weekly hours in hundredths as the staff register writes them: 3800 → `38`,
/// 3040 → `30,4`, 2850 → `28,5`.
pub fn weekly_hours(hundredths: u32) -> String {
    let (whole, frac) = (hundredths / 100, hundredths % 100);
    match frac {
        0 => whole.to_string(),
        f if f % 10 == 0 => format!("{whole},{}", f / 10),
        f => format!("{whole},{f:02}"),
    }
}

pub fn date_text(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The payroll export's columns.
pub const PAYROLL_HEADERS: [&str; 9] =
    ["Werknemersnummer", "INSZ", "Naam", "Periode", "Looncode", "Omschrijving", "Aantal", "Eenheid", "Bedrag"];

/// The staff register's columns.
pub const STAFF_HEADERS: [&str; 9] =
    ["INSZ", "Naam", "Voornaam", "Geboortedatum", "Categorie", "Begindatum", "Einddatum", "Q", "S"];

/// One payroll line with the spellings chosen for it.
pub(crate) struct Record<'a> {
    pub worker_number: u32,
    pub insz: &'a str,
    pub name: &'a str,
    /// `01/2026`
    pub period: &'a str,
    pub line: &'a Line,
    /// CSV only: hours as `159:36` instead of `159,60`.
    pub hours_as_clock: bool,
}

impl Record<'_> {
    fn unit(&self) -> &'static str {
        match self.line.code.unit {
            Unit::Hours => "uren",
            Unit::Euro => "EUR",
        }
    }

    pub(crate) fn csv_fields(&self) -> [String; 9] {
        let quantity = match self.line.minutes {
            Some(m) if self.hours_as_clock => hours_clock(m),
            Some(m) => hours_decimal(m),
            None => String::new(),
        };
        [
            self.worker_number.to_string(),
            self.insz.to_owned(),
            self.name.to_owned(),
            self.period.to_owned(),
            self.line.code.code.to_string(),
            self.line.code.description.to_owned(),
            quantity,
            self.unit().to_owned(),
            self.line.cents.map(euro_text).unwrap_or_default(),
        ]
    }
}

pub(crate) struct XlsxFormats {
    header: Format,
    hours: Format,
    euro: Format,
}

impl XlsxFormats {
    pub(crate) fn new() -> Self {
        Self {
            header: Format::new().set_bold(),
            hours: Format::new().set_num_format("0.00"),
            euro: Format::new().set_num_format("#,##0.00"),
        }
    }
}

/// The header row and column widths (before any data row: constant-memory mode writes
/// rows as they come).
pub(crate) fn xlsx_header(ws: &mut Worksheet, formats: &XlsxFormats) -> Result<(), XlsxError> {
    ws.set_name("Loonjournaal")?;
    for (col, width) in [16.0, 16.0, 28.0, 9.0, 9.0, 24.0, 9.0, 8.0, 12.0].into_iter().enumerate() {
        ws.set_column_width(col as u16, width)?;
    }
    for (col, header) in PAYROLL_HEADERS.iter().enumerate() {
        ws.write_string_with_format(0, col as u16, *header, &formats.header)?;
    }
    Ok(())
}

/// A data row: numbers as numbers (worker number, wage code, hours, amounts), the rest as
/// text; an unpaid line leaves Bedrag empty.
pub(crate) fn xlsx_row(ws: &mut Worksheet, row: u32, r: &Record, formats: &XlsxFormats) -> Result<(), XlsxError> {
    ws.write_number(row, 0, f64::from(r.worker_number))?;
    ws.write_string(row, 1, r.insz)?;
    ws.write_string(row, 2, r.name)?;
    ws.write_string(row, 3, r.period)?;
    ws.write_number(row, 4, f64::from(r.line.code.code))?;
    ws.write_string(row, 5, r.line.code.description)?;
    if let Some(m) = r.line.minutes {
        ws.write_number_with_format(row, 6, f64::from(m) / 60.0, &formats.hours)?;
    }
    ws.write_string(row, 7, r.unit())?;
    if let Some(c) = r.line.cents {
        ws.write_number_with_format(row, 8, c as f64 / 100.0, &formats.euro)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn belgian_spellings() {
        assert_eq!(euro_text(123_456), "1.234,56");
        assert_eq!(euro_text(-100_000), "-1.000,00");
        assert_eq!(euro_text(5), "0,05");
        assert_eq!(euro_text(123_456_789), "1.234.567,89");
        assert_eq!(
            (thousands(0), thousands(999), thousands(1000), thousands(496_815)),
            ("0".into(), "999".into(), "1.000".into(), "496.815".into())
        );
        assert_eq!(hours_decimal(9576), "159,60");
        assert_eq!(hours_clock(456), "7:36");
        assert_eq!(weekly_hours(3800), "38");
        assert_eq!(weekly_hours(3040), "30,4");
        assert_eq!(weekly_hours(2280), "22,8");
        assert_eq!(weekly_hours(1925), "19,25");
    }

    #[test]
    fn windows_1252() {
        let mut out = Vec::new();
        encode_windows_1252("Désirée Łukasz Öztürk Ayşe €", &mut out);
        assert_eq!(out, b"D\xE9sir\xE9e Lukasz \xD6zt\xFCrk Ayse \x80");
    }
}
