//! Reading a spreadsheet or CSV file into a [`Table`] of [`Cell`]s.
//!
//! - xlsx, xlsm, xlsb, xls and ods through calamine; only cached values are read, never
//!   formulas. When the extension's reader refuses the bytes, calamine's format detection
//!   is tried before giving up (files saved under the wrong extension happen).
//! - csv and txt through the csv crate: the delimiter is sniffed among `;`, tab and `,`
//!   (see [`sniff_delimiter`]); the encoding is taken from a BOM (UTF-8, UTF-16), else
//!   UTF-8 when the bytes are valid UTF-8, else Windows-1252. CSV cells are always text:
//!   the parsers in [`crate::values`] read numbers and dates from text.
//!
//! Row `i` of [`Table::rows`] is spreadsheet row `i + 1` and column `j` is column `j`
//! (A = 0), also when a sheet's used range does not start at A1; trailing empty rows are
//! dropped.

use calamine::{open_workbook_auto_from_rs, open_workbook_from_rs, Data, Ods, Reader, Sheets, Xls, Xlsb, Xlsx};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

/// One cell's value as read (for spreadsheets the cached value, never the formula).
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    /// A number as the file stores it (whole numbers arrive as `7.0`).
    Number(f64),
    Date(NaiveDate),
    DateTime(NaiveDateTime),
    /// A time of day or a duration (`7:36` typed in a time- or `[h]:mm`-formatted cell).
    Duration(TimeDelta),
    Bool(bool),
    /// A formula error such as `#N/A` or `#DIV/0!`.
    Error(String),
}

static EMPTY: Cell = Cell::Empty;

impl Cell {
    /// Empty, or text of whitespace only.
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as text, for showing what a file holds: whole numbers without `.0`,
    /// dates as ISO `yyyy-mm-dd`, durations as `h:mm`, booleans as `true`/`false`.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => render_number(*n),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::DateTime(dt) => dt.format("%Y-%m-%d %H:%M:%S").to_string(),
            Cell::Duration(d) => render_duration(*d),
            Cell::Bool(b) => b.to_string(),
            Cell::Error(e) => e.clone(),
        }
    }
}

fn render_number(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15 {
        // Exact: |n| < 1e15 < 2^53, so the cast neither truncates nor rounds.
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

fn render_duration(d: TimeDelta) -> String {
    let sign = if d < TimeDelta::zero() { "-" } else { "" };
    let secs = d.num_seconds().unsigned_abs();
    let (h, m, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if s == 0 {
        format!("{sign}{h}:{m:02}")
    } else {
        format!("{sign}{h}:{m:02}:{s:02}")
    }
}

/// One sheet of a workbook (or a CSV file) as rows of cells.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// Every sheet in the workbook, in order (for a CSV file: the file name without extension).
    pub sheet_names: Vec<String>,
    /// The sheet that was read.
    pub sheet: String,
    /// `rows[i]` is spreadsheet row `i + 1`; rows may differ in length.
    pub rows: Vec<Vec<Cell>>,
}

impl Table {
    /// The cell at a 0-based row index and column; [`Cell::Empty`] outside the data.
    pub fn cell(&self, row_index: usize, col: usize) -> &Cell {
        self.rows.get(row_index).and_then(|r| r.get(col)).unwrap_or(&EMPTY)
    }

    /// The 1-based row number a user sees for a 0-based row index.
    pub fn row_number(row_index: usize) -> u32 {
        u32::try_from(row_index).map_or(u32::MAX, |i| i.saturating_add(1))
    }
}

/// Why a file could not be read at all. [`ReadError::code`] keys the message catalogue.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReadError {
    #[error("file not found: {path}")]
    FileNotFound { path: String },
    #[error("unsupported file format: {ext:?}")]
    UnsupportedFormat { ext: String },
    #[error("unreadable file: {detail}")]
    Unreadable { detail: String },
    #[error("the file holds no rows")]
    Empty,
    #[error("sheet not found: {sheet:?}")]
    SheetNotFound { sheet: String, available: Vec<String> },
    #[error("the file holds a header row but no data rows")]
    HeaderOnly,
}

impl ReadError {
    /// Stable code: `import.file_not_found`, `import.unsupported_format`,
    /// `import.unreadable`, `import.empty`, `import.sheet_not_found`, `import.header_only`.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::FileNotFound { .. } => "import.file_not_found",
            ReadError::UnsupportedFormat { .. } => "import.unsupported_format",
            ReadError::Unreadable { .. } => "import.unreadable",
            ReadError::Empty => "import.empty",
            ReadError::SheetNotFound { .. } => "import.sheet_not_found",
            ReadError::HeaderOnly => "import.header_only",
        }
    }

    /// Message parameters: `path` (file_not_found), `ext` (unsupported_format), `detail`
    /// (unreadable, technical text from the reader), `sheet` and `available` (the sheet
    /// names joined with ", ") for sheet_not_found.
    pub fn params(&self) -> BTreeMap<String, String> {
        let mut p = BTreeMap::new();
        match self {
            ReadError::FileNotFound { path } => {
                p.insert("path".into(), path.clone());
            }
            ReadError::UnsupportedFormat { ext } => {
                p.insert("ext".into(), ext.clone());
            }
            ReadError::Unreadable { detail } => {
                p.insert("detail".into(), detail.clone());
            }
            ReadError::SheetNotFound { sheet, available } => {
                p.insert("sheet".into(), sheet.clone());
                p.insert("available".into(), available.join(", "));
            }
            ReadError::Empty | ReadError::HeaderOnly => {}
        }
        p
    }
}

/// Reads one sheet of a spreadsheet or a CSV file; `sheet` = `None` reads the first sheet
/// (ignored for CSV). Sheet names match exactly, else ignoring case and outer spaces.
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, ReadError> {
    let bytes = std::fs::read(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::FileNotFound { path: path.display().to_string() },
        _ => ReadError::Unreadable { detail: e.to_string() },
    })?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    read_table_bytes(&bytes, &file_name, sheet)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    Csv,
}

/// Like [`read_table`], for a file already in memory; the format follows `file_name`'s
/// extension.
pub fn read_table_bytes(bytes: &[u8], file_name: &str, sheet: Option<&str>) -> Result<Table, ReadError> {
    let ext = Path::new(file_name).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let format = match ext.as_str() {
        "xlsx" | "xlsm" => Format::Xlsx,
        "xlsb" => Format::Xlsb,
        "xls" => Format::Xls,
        "ods" => Format::Ods,
        "csv" | "txt" => Format::Csv,
        _ => return Err(ReadError::UnsupportedFormat { ext }),
    };
    if bytes.is_empty() {
        return Err(ReadError::Empty);
    }
    if format == Format::Csv {
        let stem = Path::new(file_name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        return read_csv(bytes, stem);
    }
    let workbook = open_workbook(bytes, format)?;
    read_sheet(workbook, sheet)
}

fn open_workbook(bytes: &[u8], format: Format) -> Result<Sheets<Cursor<&[u8]>>, ReadError> {
    let cursor = Cursor::new(bytes);
    let by_extension = match format {
        Format::Xlsx => {
            open_workbook_from_rs::<Xlsx<_>, _>(cursor.clone()).map(Sheets::Xlsx).map_err(|e| e.to_string())
        }
        Format::Xlsb => {
            open_workbook_from_rs::<Xlsb<_>, _>(cursor.clone()).map(Sheets::Xlsb).map_err(|e| e.to_string())
        }
        Format::Xls => open_workbook_from_rs::<Xls<_>, _>(cursor.clone()).map(Sheets::Xls).map_err(|e| e.to_string()),
        Format::Ods => open_workbook_from_rs::<Ods<_>, _>(cursor.clone()).map(Sheets::Ods).map_err(|e| e.to_string()),
        Format::Csv => Err("not a workbook".to_owned()),
    };
    by_extension.or_else(|detail| open_workbook_auto_from_rs(cursor).map_err(|_| ReadError::Unreadable { detail }))
}

fn read_sheet(mut workbook: Sheets<Cursor<&[u8]>>, wanted: Option<&str>) -> Result<Table, ReadError> {
    let sheet_names = workbook.sheet_names();
    let sheet = match wanted {
        Some(wanted) => sheet_names
            .iter()
            .find(|n| n.as_str() == wanted)
            .or_else(|| sheet_names.iter().find(|n| n.trim().to_lowercase() == wanted.trim().to_lowercase()))
            .cloned()
            .ok_or_else(|| ReadError::SheetNotFound { sheet: wanted.to_owned(), available: sheet_names.clone() })?,
        None => sheet_names.first().cloned().ok_or(ReadError::Empty)?,
    };
    let range = workbook.worksheet_range(&sheet).map_err(|e| ReadError::Unreadable { detail: e.to_string() })?;
    let mut rows = Vec::new();
    if let Some((first_row, first_col)) = range.start() {
        rows.resize(first_row as usize, Vec::new());
        for data_row in range.rows() {
            let mut row = vec![Cell::Empty; first_col as usize];
            row.extend(data_row.iter().map(cell_from_data));
            rows.push(row);
        }
    }
    finish(Table { sheet_names, sheet, rows })
}

/// Drops trailing empty cells and rows; a table without any value is [`ReadError::Empty`].
fn finish(mut table: Table) -> Result<Table, ReadError> {
    for row in &mut table.rows {
        while row.last().is_some_and(Cell::is_empty) {
            row.pop();
        }
    }
    while table.rows.last().is_some_and(Vec::is_empty) {
        table.rows.pop();
    }
    if table.rows.is_empty() {
        return Err(ReadError::Empty);
    }
    Ok(table)
}

fn cell_from_data(data: &Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s.clone()),
        Data::Int(i) => Cell::Number(*i as f64),
        Data::Float(f) => Cell::Number(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::Error(e) => Cell::Error(e.to_string()),
        Data::DateTime(dt) => {
            // A serial below 1 is a time of day without a date (`as_datetime` would give
            // 1899-12-31); `[h]:mm` formats are durations.
            if dt.is_duration() || (0.0..1.0).contains(&dt.as_f64()) {
                dt.as_duration().map_or(Cell::Number(dt.as_f64()), Cell::Duration)
            } else {
                dt.as_datetime().map_or(Cell::Number(dt.as_f64()), date_or_datetime)
            }
        }
        Data::DateTimeIso(s) => parse_iso_datetime(s).unwrap_or_else(|| Cell::Text(s.clone())),
        Data::DurationIso(s) => parse_iso_duration(s).map_or_else(|| Cell::Text(s.clone()), Cell::Duration),
    }
}

fn date_or_datetime(dt: NaiveDateTime) -> Cell {
    if dt.time() == NaiveTime::MIN {
        Cell::Date(dt.date())
    } else {
        Cell::DateTime(dt)
    }
}

/// ODS `office:date-value`: `2026-01-01`, `2026-01-01T08:30:00`, possibly with fractions.
fn parse_iso_datetime(s: &str) -> Option<Cell> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(Cell::Date(d));
    }
    if let Ok(dt) = NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f") {
        return Some(date_or_datetime(dt));
    }
    NaiveTime::parse_from_str(s, "%H:%M:%S%.f").ok().map(|t| Cell::Duration(t - NaiveTime::MIN))
}

/// ISO 8601 durations as ODS writes them: `PT07H36M00S`, `PT31H00M00S`, `P1DT2H`, `-PT1H`.
fn parse_iso_duration(s: &str) -> Option<TimeDelta> {
    let s = s.trim();
    let (negative, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let s = s.strip_prefix('P')?;
    let (date_part, time_part) = s.split_once('T').unwrap_or((s, ""));
    let mut millis: f64 = 0.0;
    let mut seen = false;
    for (part, units) in [
        (date_part, &[('W', 604_800_000.0), ('D', 86_400_000.0)][..]),
        (time_part, &[('H', 3_600_000.0), ('M', 60_000.0), ('S', 1_000.0)][..]),
    ] {
        let mut rest = part;
        while !rest.is_empty() {
            let end = rest.find(|c: char| c.is_ascii_alphabetic())?;
            let number: f64 = rest[..end].replace(',', ".").parse().ok()?;
            let unit = rest[end..].chars().next()?;
            let factor = units.iter().find(|(u, _)| *u == unit)?.1;
            millis += number * factor;
            seen = true;
            rest = &rest[end + unit.len_utf8()..];
        }
    }
    if !seen || !millis.is_finite() || millis.abs() > 1e15 {
        return None;
    }
    let millis = millis.round() as i64;
    Some(TimeDelta::milliseconds(if negative { -millis } else { millis }))
}

fn decode(bytes: &[u8]) -> String {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        return text.into_owned();
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// How many lines [`sniff_delimiter`] looks at.
const SNIFF_LINES: usize = 10;

/// Picks the delimiter among `;`, tab and `,`: in the first non-blank lines, counting only
/// outside double quotes, the candidate whose most frequent non-zero count per line occurs
/// on the most lines wins (then the higher count; on a tie `;` before tab before `,`, so a
/// decimal comma never outvotes a `;`). A file without any candidate is read as `;`.
pub fn sniff_delimiter(text: &str) -> u8 {
    const CANDIDATES: [char; 3] = [';', '\t', ','];
    let mut lines: Vec<[usize; 3]> = Vec::new();
    let mut counts = [0usize; 3];
    let mut blank = true;
    let mut in_quotes = false;
    for c in text.chars() {
        if c == '"' {
            in_quotes = !in_quotes;
        } else if !in_quotes && (c == '\n' || c == '\r') {
            if !blank {
                lines.push(counts);
                if lines.len() == SNIFF_LINES {
                    break;
                }
            }
            counts = [0; 3];
            blank = true;
            continue;
        } else if !in_quotes {
            if let Some(i) = CANDIDATES.iter().position(|d| *d == c) {
                counts[i] += 1;
            }
        }
        if !c.is_whitespace() || c == '\t' {
            blank = false;
        }
    }
    if !blank && lines.len() < SNIFF_LINES {
        lines.push(counts);
    }
    let mut best: Option<(usize, usize, usize)> = None; // (lines with the mode, mode, candidate)
    for i in 0..CANDIDATES.len() {
        let mut freq: BTreeMap<usize, usize> = BTreeMap::new();
        for line in &lines {
            if line[i] > 0 {
                *freq.entry(line[i]).or_default() += 1;
            }
        }
        if let Some((mode, on_lines)) = freq.into_iter().max_by_key(|&(count, lines)| (lines, count)) {
            if best.is_none_or(|(b_lines, b_mode, _)| (on_lines, mode) > (b_lines, b_mode)) {
                best = Some((on_lines, mode, i));
            }
        }
    }
    // CANDIDATES are ASCII, so the cast is exact.
    best.map_or(b';', |(_, _, i)| CANDIDATES[i] as u8)
}

fn read_csv(bytes: &[u8], sheet: String) -> Result<Table, ReadError> {
    let text = decode(bytes);
    let delimiter = sniff_delimiter(&text);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    // The csv crate skips blank lines; a spreadsheet shows them as rows. Row numbers follow
    // the record's line, less the extra lines of earlier quoted fields with line breaks.
    // A record's position is where the reader started, before the blank lines it skipped.
    let mut extra_lines: u64 = 0;
    for record in reader.records() {
        let record = record.map_err(|e| ReadError::Unreadable { detail: e.to_string() })?;
        let line = record.position().map_or(rows.len() as u64 + 1, |p| {
            let skipped =
                usize::try_from(p.byte()).ok().and_then(|b| text.as_bytes().get(b..)).map_or(0, leading_line_breaks);
            p.line() + skipped
        });
        let row_index = usize::try_from(line.saturating_sub(extra_lines).saturating_sub(1)).unwrap_or(usize::MAX);
        if row_index > rows.len() && row_index < usize::MAX {
            rows.resize(row_index, Vec::new());
        }
        rows.push(
            record
                .iter()
                .map(|field| if field.trim().is_empty() { Cell::Empty } else { Cell::Text(field.to_owned()) })
                .collect(),
        );
        extra_lines += record.iter().map(|f| f.matches('\n').count() as u64).sum::<u64>();
    }
    finish(Table { sheet_names: vec![sheet.clone()], sheet, rows })
}

/// Line breaks (`\n`, `\r\n` or a lone `\r`) before the first other byte.
fn leading_line_breaks(bytes: &[u8]) -> u64 {
    let mut count = 0;
    for (i, b) in bytes.iter().enumerate() {
        match b {
            b'\n' => count += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => count += 1,
            b'\r' => {}
            _ => break,
        }
    }
    count
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniffs_delimiters() {
        let table = [
            ("a;b;c\n1;2,5;3\n4;5,5;6\n", b';'),
            ("a,b,c\n1,\"2,5\",3\n4,5,6\n", b','),
            ("a\tb\tc\n1\t2,5\t3\n", b'\t'),
            ("Personeel 2026\n\na;b;c\n1;2;3\n", b';'),
            ("a;b\n1,2;3,4\n", b';'),
            ("single column\nvalue\n", b';'),
            ("\"x;y\",b,c\n1,2,3\n", b','),
        ];
        for (text, expected) in table {
            assert_eq!(sniff_delimiter(text) as char, expected as char, "{text:?}");
        }
    }

    #[test]
    fn iso_durations() {
        assert_eq!(parse_iso_duration("PT07H36M00S"), Some(TimeDelta::minutes(456)));
        assert_eq!(parse_iso_duration("PT38H00M00S"), Some(TimeDelta::hours(38)));
        assert_eq!(parse_iso_duration("P1DT2H"), Some(TimeDelta::hours(26)));
        assert_eq!(parse_iso_duration("-PT1H"), Some(TimeDelta::hours(-1)));
        assert_eq!(parse_iso_duration("PT7.5H"), Some(TimeDelta::minutes(450)));
        assert_eq!(parse_iso_duration("7:36"), None);
        assert_eq!(parse_iso_duration("P"), None);
        assert_eq!(parse_iso_duration("PT5X"), None);
    }

    #[test]
    fn ods_and_xlsx_cell_values() {
        use calamine::{CellErrorType, ExcelDateTime, ExcelDateTimeType};
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let cases = [
            (Data::DateTimeIso("2026-01-01".into()), Cell::Date(d(2026, 1, 1))),
            (Data::DateTimeIso("2026-01-01T00:00:00".into()), Cell::Date(d(2026, 1, 1))),
            (
                Data::DateTimeIso("2026-01-01T08:30:00".into()),
                Cell::DateTime(d(2026, 1, 1).and_hms_opt(8, 30, 0).unwrap()),
            ),
            (Data::DurationIso("PT07H36M00S".into()), Cell::Duration(TimeDelta::minutes(456))),
            (
                Data::DateTime(ExcelDateTime::new(46023.0, ExcelDateTimeType::DateTime, false)),
                Cell::Date(d(2026, 1, 1)),
            ),
            (
                Data::DateTime(ExcelDateTime::new(46023.5, ExcelDateTimeType::DateTime, false)),
                Cell::DateTime(d(2026, 1, 1).and_hms_opt(12, 0, 0).unwrap()),
            ),
            (
                Data::DateTime(ExcelDateTime::new(0.3166666666666667, ExcelDateTimeType::DateTime, false)),
                Cell::Duration(TimeDelta::minutes(456)),
            ),
            (
                Data::DateTime(ExcelDateTime::new(38.0 / 24.0, ExcelDateTimeType::TimeDelta, false)),
                Cell::Duration(TimeDelta::hours(38)),
            ),
            (Data::Int(38), Cell::Number(38.0)),
            (Data::String("  ".into()), Cell::Empty),
            (Data::Error(CellErrorType::NA), Cell::Error("#N/A".into())),
        ];
        for (data, expected) in cases {
            assert_eq!(cell_from_data(&data), expected, "{data:?}");
        }
    }

    #[test]
    fn cell_text() {
        assert_eq!(Cell::Number(93051822361.0).to_text(), "93051822361");
        assert_eq!(Cell::Number(7.6).to_text(), "7.6");
        assert_eq!(Cell::Duration(TimeDelta::minutes(456)).to_text(), "7:36");
        assert_eq!(Cell::Date(NaiveDate::from_ymd_opt(2026, 4, 3).unwrap()).to_text(), "2026-04-03");
        assert!(Cell::Text(" \t".into()).is_empty());
    }

    #[test]
    fn read_error_codes_and_params() {
        let e = ReadError::SheetNotFound { sheet: "Blad9".into(), available: vec!["Blad1".into(), "Blad2".into()] };
        assert_eq!(e.code(), "import.sheet_not_found");
        assert_eq!(e.params()["sheet"], "Blad9");
        assert_eq!(e.params()["available"], "Blad1, Blad2");
        assert_eq!(ReadError::UnsupportedFormat { ext: "pdf".into() }.params()["ext"], "pdf");
        assert!(ReadError::Empty.params().is_empty());
    }
}
