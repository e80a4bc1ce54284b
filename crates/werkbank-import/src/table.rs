//! Reading a spreadsheet or CSV file into a [`Table`] of [`Cell`]s, or row by row into a
//! [`RowSink`] (for large files: [`stream_table`] never holds the whole sheet).
//!
//! - xlsx and xlsm are streamed cell by cell (calamine's cell reader): only cached values
//!   are read, never formulas; a formula cell whose cached value is missing (a file written
//!   by a script without computing it) becomes [`Cell::FormulaWithoutValue`], never an
//!   empty cell. xlsb is streamed the same way (it always stores results). xls and ods go
//!   through calamine's ranges (their formula cells without a value are detected the same
//!   way). When the extension's reader refuses the bytes, calamine's format detection is
//!   tried before giving up (files saved under the wrong extension happen). A panic inside
//!   calamine (it indexes some xlsb records unchecked) is caught: the file is unreadable.
//! - Merged areas (xlsx and xls; ods covered cells read as empty) are kept: every cell of an
//!   area except its top-left one becomes [`Cell::Merged`], which holds no value of its own
//!   (it [`is_empty`](Cell::is_empty)) but tells which area covers it and what the area
//!   shows, so an import can repeat the value or report it. Reading the merged areas of an
//!   xlsx sheet costs a second pass over its XML (they are stored after the cells).
//! - csv and txt through the csv crate: the delimiter is sniffed among `;`, tab and `,`
//!   (see [`sniff_delimiter`]); the encoding is taken from a BOM (UTF-8, UTF-16), else
//!   UTF-8 when the bytes are valid UTF-8, else Windows-1252. CSV cells are always text:
//!   the parsers in [`crate::values`] read numbers and dates from text.
//!
//! - Hostile files are refused before they cost memory ([`ReadError`] says which limit):
//!   a zip package (xlsx, xlsm, xlsb, ods) is checked part by part before calamine reads
//!   it ([`MAX_PACKAGE_PARTS`], [`MAX_PART_BYTES`] and [`MAX_PACKAGE_BYTES`] unpacked,
//!   [`MAX_COMPRESSION_RATIO`], [`MAX_XML_RUN`]): declared sizes first, then every part
//!   unpacked as a stream with a cap, so a part that lies about its size is caught too. A
//!   CSV text is scanned the way the csv reader will split it before a record is read. Every
//!   sheet is read within Excel's limits ([`MAX_CELL_CHARS`] per cell, [`MAX_COLUMNS`],
//!   [`MAX_ROWS`]) and a budget ([`MAX_ROW_BYTES`] of text per row, [`MAX_SHEET_TEXT_BYTES`]
//!   and [`MAX_SHEET_CELLS`] per sheet, [`MAX_HELD_CELLS`] for a sheet read whole), which
//!   counts the copies of shared strings and merged values too; an ODS sheet, which
//!   calamine holds whole with its repeated cells expanded, is measured from its tags
//!   first (at most [`MAX_HELD_CELLS`]). A password-protected
//!   workbook is [`ReadError::Encrypted`].
//! - The bytes decide over the extension: a `.csv` that is a zip or a compound file is read
//!   as a workbook, a `.xlsx` (or `.xls`, …) that is text as CSV.
//!
//! Row `i` of [`Table::rows`] is spreadsheet row `i + 1` and column `j` is column `j`
//! (A = 0), also when a sheet's used range does not start at A1; trailing empty cells and
//! rows are dropped. A streamed xlsx sheet must list its rows in ascending order (as the
//! format requires and every writer does); cells within a row may come in any order.

use calamine::{
    open_workbook_auto_from_rs, open_workbook_from_rs, Data, DataRef, Dimensions, Ods, Reader, Sheets, Xls, Xlsb, Xlsx,
    XlsxError, XlsxFormulaMetadata,
};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
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
    /// A formula whose cached value is missing: the file was saved without computing it,
    /// so its value is unknown (not empty). Holds the formula text without `=` (empty when
    /// unknown). Imports report it (`import.formula_without_value`).
    FormulaWithoutValue(String),
    /// A cell covered by a merged area, other than the area's top-left cell. A spreadsheet
    /// program shows the area's value here, but the file holds no value for this cell:
    /// [`Cell::is_empty`] is true. `value` is what the top-left cell holds
    /// ([`Cell::Empty`] when nothing), for an import that decides to repeat it.
    Merged {
        area: MergedArea,
        value: Box<Cell>,
    },
}

static EMPTY: Cell = Cell::Empty;

impl Cell {
    /// Empty, or text of whitespace only, or covered by a merged area (holding no value of
    /// its own).
    pub fn is_empty(&self) -> bool {
        match self {
            Cell::Empty | Cell::Merged { .. } => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// Empty or whitespace only: nothing at all in the file (unlike a merged cell).
    fn is_blank(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(s) => s.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as text, for showing what a file holds: whole numbers without `.0`,
    /// dates as ISO `yyyy-mm-dd`, durations as `h:mm`, booleans as `true`/`false`, a
    /// formula without value as `=` and its formula, a merged cell as empty text.
    pub fn to_text(&self) -> String {
        match self {
            Cell::Empty | Cell::Merged { .. } => String::new(),
            Cell::Text(s) => s.clone(),
            Cell::Number(n) => render_number(*n),
            Cell::Date(d) => d.format("%Y-%m-%d").to_string(),
            Cell::DateTime(dt) => dt.format("%Y-%m-%d %H:%M:%S").to_string(),
            Cell::Duration(d) => render_duration(*d),
            Cell::Bool(b) => b.to_string(),
            Cell::Error(e) => e.clone(),
            Cell::FormulaWithoutValue(f) if f.is_empty() => String::new(),
            Cell::FormulaWithoutValue(f) => format!("={f}"),
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

/// A rectangle of merged cells: 0-based rows and columns, both ends inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct MergedArea {
    pub first_row: u32,
    pub first_col: u32,
    pub last_row: u32,
    pub last_col: u32,
}

impl MergedArea {
    pub fn contains(&self, row: u32, col: u32) -> bool {
        (self.first_row..=self.last_row).contains(&row) && (self.first_col..=self.last_col).contains(&col)
    }

    /// True when the area lies within one column (merged over rows only).
    pub fn is_single_column(&self) -> bool {
        self.first_col == self.last_col
    }

    /// The area in A1 notation as a spreadsheet shows it: `E3:E5`.
    pub fn to_a1(&self) -> String {
        format!(
            "{}{}:{}{}",
            column_letters(self.first_col),
            u64::from(self.first_row) + 1,
            column_letters(self.last_col),
            u64::from(self.last_row) + 1
        )
    }

    fn from_dimensions(d: &Dimensions) -> Self {
        Self { first_row: d.start.0, first_col: d.start.1, last_row: d.end.0, last_col: d.end.1 }
    }
}

/// A column's letters: 0 → `A`, 25 → `Z`, 26 → `AA`.
pub fn column_letters(col: u32) -> String {
    let mut n = u64::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        // rem < 26, so the cast is exact.
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
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

/// What a streamed read knows about the sheet before its first row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetInfo {
    /// Every sheet in the workbook, in order (for a CSV file: the file name without extension).
    pub sheet_names: Vec<String>,
    /// The sheet being read.
    pub sheet: String,
    /// How many rows the sheet declares (xlsx dimension, xls/ods used range, CSV line
    /// count), for progress: an estimate, 0 when unknown.
    pub rows_hint: usize,
}

/// How far a long read has come (for a progress bar). `rows_total` is an estimate from
/// [`SheetInfo::rows_hint`], raised to `rows_done` when the estimate was too low.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct Progress {
    pub rows_done: usize,
    pub rows_total: usize,
}

/// Receives a sheet row by row from [`stream_table`].
pub trait RowSink {
    /// Called once, before the first row.
    fn start(&mut self, info: &SheetInfo) {
        let _ = info;
    }

    /// One row holding at least one value: its 0-based index (spreadsheet row `index + 1`)
    /// and its cells with trailing empty cells dropped. Rows come in ascending order;
    /// rows without any value are skipped.
    fn row(&mut self, index: usize, cells: Vec<Cell>);
}

/// Collects streamed rows into [`Table::rows`].
#[derive(Default)]
struct CollectRows(Vec<Vec<Cell>>);

impl RowSink for CollectRows {
    fn row(&mut self, index: usize, cells: Vec<Cell>) {
        if index > self.0.len() {
            self.0.resize(index, Vec::new());
        }
        self.0.push(cells);
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
    #[error("not a regular file: {path}")]
    NotAFile { path: String },
    #[error("file of {size} bytes is larger than {limit}")]
    TooLarge { size: u64, limit: u64 },
    /// A spreadsheet package (xlsx, ods: a zip archive) that is damaged, truncated or
    /// not a zip archive after all.
    #[error("not a valid spreadsheet package: {detail}")]
    PackageInvalid { detail: String },
    #[error("the package holds {count} parts, more than {limit}")]
    PackageTooManyParts { count: usize, limit: usize },
    /// One part of the package unpacks to more than [`MAX_PART_BYTES`] (declared, or
    /// found while unpacking it).
    #[error("part {part} unpacks to more than {limit} bytes")]
    PartTooLarge { part: String, limit: u64 },
    /// All parts together unpack to more than [`MAX_PACKAGE_BYTES`].
    #[error("the package unpacks to more than {limit} bytes")]
    PackageTooLarge { limit: u64 },
    /// A part unpacks to more than [`MAX_COMPRESSION_RATIO`] times its packed size: a
    /// zip bomb (a few MB of whitespace that unpack to gigabytes).
    #[error("part {part} unpacks to more than {limit} times its packed size")]
    CompressionRatio { part: String, limit: u64 },
    /// A part's XML holds a text or a tag longer than [`MAX_XML_RUN`] bytes, far beyond
    /// any cell: refused before the spreadsheet reader would hold it in memory.
    #[error("part {part} holds an XML text or tag longer than {limit} bytes")]
    XmlRunTooLong { part: String, limit: usize },
    /// A password-protected (encrypted) workbook.
    #[error("the workbook is encrypted")]
    Encrypted,
    /// A cell longer than [`MAX_CELL_CHARS`] characters (1-based row, 0-based column).
    #[error("cell at row {row}, column {col} is longer than {limit} characters")]
    CellTooLong { row: u64, col: u64, limit: usize },
    /// A row with a cell beyond column [`MAX_COLUMNS`] (XFD).
    #[error("row {row} has more than {limit} columns")]
    TooManyColumns { row: u64, limit: usize },
    /// A row beyond [`MAX_ROWS`].
    #[error("more than {limit} rows")]
    TooManyRows { limit: usize },
    /// One row holding more than [`MAX_ROW_BYTES`] of text.
    #[error("row {row} holds more than {limit} bytes of text")]
    RowTooLong { row: u64, limit: usize },
    /// The sheet holds more than [`MAX_SHEET_TEXT_BYTES`] of text or more than
    /// [`MAX_SHEET_CELLS`] cells (a small package whose shared strings or merged cells
    /// repeat a long text on every row).
    #[error("the sheet holds more than {limit_mib} MiB of text or more than {cells} cells")]
    SheetTooLarge { limit_mib: u64, cells: u64 },
}

/// How many characters of a value a message quotes; longer values are cut and end in `…`.
pub const SHOWN_CHARS: usize = 60;

/// The first [`SHOWN_CHARS`] characters of `s` and `…` when it is longer (a message never
/// quotes a whole 30 000-character cell).
pub fn shorten(s: &str) -> String {
    shorten_to(s, SHOWN_CHARS)
}

/// The first `max` characters of `s`, and `…` when it is longer.
pub fn shorten_to(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", &s[..at]),
        None => s.to_owned(),
    }
}

/// A whole number with the nl-BE thousands separator (`32.767`).
fn grouped(n: u64) -> String {
    werkbank_domain::format::format_number(rust_decimal::Decimal::from(n), 0)
}

impl ReadError {
    /// Stable code: `import.file_not_found`, `import.unsupported_format`,
    /// `import.unreadable`, `import.empty`, `import.sheet_not_found`, `import.header_only`,
    /// `import.not_a_file`, `import.too_large`, `import.package_invalid`,
    /// `import.package_too_many_parts`, `import.part_too_large`, `import.package_too_large`,
    /// `import.compression_ratio`, `import.xml_run_too_long`, `import.encrypted`,
    /// `import.cell_too_long`, `import.too_many_columns`, `import.too_many_rows`,
    /// `import.row_too_long`, `import.sheet_too_large`.
    pub fn code(&self) -> &'static str {
        match self {
            ReadError::FileNotFound { .. } => "import.file_not_found",
            ReadError::UnsupportedFormat { .. } => "import.unsupported_format",
            ReadError::Unreadable { .. } => "import.unreadable",
            ReadError::Empty => "import.empty",
            ReadError::SheetNotFound { .. } => "import.sheet_not_found",
            ReadError::HeaderOnly => "import.header_only",
            ReadError::NotAFile { .. } => "import.not_a_file",
            ReadError::TooLarge { .. } => "import.too_large",
            ReadError::PackageInvalid { .. } => "import.package_invalid",
            ReadError::PackageTooManyParts { .. } => "import.package_too_many_parts",
            ReadError::PartTooLarge { .. } => "import.part_too_large",
            ReadError::PackageTooLarge { .. } => "import.package_too_large",
            ReadError::CompressionRatio { .. } => "import.compression_ratio",
            ReadError::XmlRunTooLong { .. } => "import.xml_run_too_long",
            ReadError::Encrypted => "import.encrypted",
            ReadError::CellTooLong { .. } => "import.cell_too_long",
            ReadError::TooManyColumns { .. } => "import.too_many_columns",
            ReadError::TooManyRows { .. } => "import.too_many_rows",
            ReadError::RowTooLong { .. } => "import.row_too_long",
            ReadError::SheetTooLarge { .. } => "import.sheet_too_large",
        }
    }

    /// Message parameters: `path` (file_not_found, not_a_file), `size` and `limit` in MiB
    /// (too_large), `ext` (unsupported_format), `detail` (unreadable, package_invalid:
    /// technical text from the reader, at most 200 characters), `sheet` and `available`
    /// (the sheet names joined with ", ") for sheet_not_found; `part` (the package part's
    /// name, shortened) and `limit` (MiB for sizes, times for the ratio, bytes for an XML
    /// run; counts with a thousands separator); `row` (1-based), `column` (letters, `A`)
    /// and `limit` for the cell, column, row limits; `limit` and `cells` for
    /// sheet_too_large.
    pub fn params(&self) -> BTreeMap<String, String> {
        let mut p = BTreeMap::new();
        let mut put = |k: &str, v: String| {
            p.insert(k.to_owned(), v);
        };
        match self {
            ReadError::FileNotFound { path } | ReadError::NotAFile { path } => put("path", path.clone()),
            ReadError::TooLarge { size, limit } => {
                put("size", mebibytes(*size));
                put("limit", mebibytes(*limit));
            }
            ReadError::UnsupportedFormat { ext } => put("ext", shorten(ext)),
            ReadError::Unreadable { detail } | ReadError::PackageInvalid { detail } => {
                put("detail", shorten_to(detail, 200))
            }
            ReadError::SheetNotFound { sheet, available } => {
                put("sheet", shorten(sheet));
                put("available", shorten_to(&available.join(", "), 200));
            }
            ReadError::PackageTooManyParts { count, limit } => {
                put("count", grouped(*count as u64));
                put("limit", grouped(*limit as u64));
            }
            ReadError::PartTooLarge { part, limit } => {
                put("part", shorten(part));
                put("limit", mebibytes(*limit));
            }
            ReadError::PackageTooLarge { limit } => put("limit", mebibytes(*limit)),
            ReadError::CompressionRatio { part, limit } => {
                put("part", shorten(part));
                put("limit", grouped(*limit));
            }
            ReadError::XmlRunTooLong { part, limit } => {
                put("part", shorten(part));
                put("limit", grouped(*limit as u64));
            }
            ReadError::CellTooLong { row, col, limit } => {
                put("row", row.to_string());
                put("column", column_letters(u32::try_from(*col).unwrap_or(u32::MAX)));
                put("limit", grouped(*limit as u64));
            }
            ReadError::TooManyColumns { row, limit } => {
                put("row", row.to_string());
                put("limit", grouped(*limit as u64));
            }
            ReadError::RowTooLong { row, limit } => {
                put("row", row.to_string());
                put("limit", mebibytes(*limit as u64));
            }
            ReadError::TooManyRows { limit } => put("limit", grouped(*limit as u64)),
            ReadError::SheetTooLarge { limit_mib, cells } => {
                put("limit", grouped(*limit_mib));
                put("cells", grouped(*cells));
            }
            ReadError::Empty | ReadError::HeaderOnly | ReadError::Encrypted => {}
        }
        p
    }
}

/// Reads one sheet of a spreadsheet or a CSV file; `sheet` = `None` reads the first sheet
/// (ignored for CSV). Sheet names match exactly, else ignoring case and outer spaces.
pub fn read_table(path: &Path, sheet: Option<&str>) -> Result<Table, ReadError> {
    let bytes = read_file(path)?;
    read_table_bytes(&bytes, &file_name_of(path), sheet)
}

/// Like [`read_table`], for a file already in memory; the format follows `file_name`'s
/// extension.
pub fn read_table_bytes(bytes: &[u8], file_name: &str, sheet: Option<&str>) -> Result<Table, ReadError> {
    let mut rows = CollectRows::default();
    // The whole sheet is kept: fewer cells than a streamed read may pass.
    let info = stream_with_budget(bytes, file_name, sheet, &mut rows, MAX_HELD_CELLS)?;
    Ok(Table { sheet_names: info.sheet_names, sheet: info.sheet, rows: rows.0 })
}

/// Reads one sheet row by row into `sink` without keeping the sheet in memory (the way to
/// read large files); otherwise like [`read_table`]. A sheet without any value is
/// [`ReadError::Empty`] (after `start`). On an error part way, `sink` may have received
/// rows: discard them.
pub fn stream_table(path: &Path, sheet: Option<&str>, sink: &mut dyn RowSink) -> Result<SheetInfo, ReadError> {
    let bytes = read_file(path)?;
    stream_table_bytes(&bytes, &file_name_of(path), sheet, sink)
}

/// Like [`stream_table`], for a file already in memory; the format follows `file_name`'s
/// extension.
pub fn stream_table_bytes(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
    sink: &mut dyn RowSink,
) -> Result<SheetInfo, ReadError> {
    stream_with_budget(bytes, file_name, sheet, sink, MAX_SHEET_CELLS)
}

fn stream_with_budget(
    bytes: &[u8],
    file_name: &str,
    sheet: Option<&str>,
    sink: &mut dyn RowSink,
    max_cells: u64,
) -> Result<SheetInfo, ReadError> {
    let budget = Budget::new(max_cells);
    let ext = Path::new(file_name).extension().map(|e| e.to_string_lossy().to_lowercase()).unwrap_or_default();
    let by_extension = match ext.as_str() {
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
    let format = actual_format(bytes, by_extension)?;
    let (info, rows) = if format == Format::Csv {
        let stem = Path::new(file_name).file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        stream_csv(bytes, stem, sink, budget)?
    } else {
        // A zip package is checked part by part before calamine unpacks anything: whatever
        // the extension and the first bytes say (a zip is found from its end, so junk before
        // it is still a zip to calamine).
        let scan = scan_package(bytes)?;
        let may_have_merges = format != Format::Xlsx || scan.is_none_or(|s| s.may_have_merges);
        // calamine indexes some records without checking them (an xlsb shared-string index
        // beyond the table, a short record): its panic is this file's refusal, not a crash.
        // The sink may hold rows by then; the caller discards them on an error.
        let read = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            let workbook = open_workbook(bytes, format)?;
            stream_sheet(workbook, may_have_merges, sheet, sink, budget)
        }));
        match read {
            Ok(read) => read?,
            Err(panic) => return Err(ReadError::Unreadable { detail: panic_text(panic.as_ref()) }),
        }
    };
    if rows == 0 {
        return Err(ReadError::Empty);
    }
    Ok(info)
}

/// What a caught panic said.
fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    let said =
        panic.downcast_ref::<&str>().map(|s| (*s).to_owned()).or_else(|| panic.downcast_ref::<String>().cloned());
    format!("the spreadsheet reader failed: {}", said.unwrap_or_default())
}

/// A zip archive's first local header (xlsx, xlsm, xlsb, ods).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// A compound file (xls, and encrypted xlsx).
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// The format to read the bytes as: the extension's, unless the bytes say otherwise. A
/// `.csv` that is a zip or a compound file is read as a workbook; a `.xlsx` (`.xls`, …)
/// that is neither a zip nor a compound file but text (an "Excel export" that is CSV or
/// tab-separated text, as some programs write) is read as CSV. An encrypted workbook (a
/// compound file holding an `EncryptedPackage`) is [`ReadError::Encrypted`].
fn actual_format(bytes: &[u8], by_extension: Format) -> Result<Format, ReadError> {
    if bytes.starts_with(CFB_MAGIC) {
        let name: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
        if memchr::memmem::find(bytes, &name).is_some() {
            return Err(ReadError::Encrypted);
        }
        return Ok(if by_extension == Format::Csv { Format::Xls } else { by_extension });
    }
    if bytes.starts_with(ZIP_MAGIC) {
        return Ok(if by_extension == Format::Csv { Format::Xlsx } else { by_extension });
    }
    if by_extension != Format::Csv && looks_like_text(bytes) {
        return Ok(Format::Csv);
    }
    Ok(by_extension)
}

/// Text rather than binary: a BOM, or no NUL and no other control character than tab,
/// line breaks and form feed in the first 8 KiB, and valid UTF-8 or Windows-1252 there.
fn looks_like_text(bytes: &[u8]) -> bool {
    if encoding_rs::Encoding::for_bom(bytes).is_some() {
        return true;
    }
    let head = &bytes[..bytes.len().min(8192)];
    !head.iter().any(|&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
}

/// The largest file an import reads (the benchmark's five years of payroll for 3 000
/// workers, 486 294 lines, is far below it).
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// Whole MiB, rounded up, as a message shows them (`257`).
fn mebibytes(bytes: u64) -> String {
    bytes.div_ceil(1024 * 1024).to_string()
}

/// Reads a file an import was given, refusing what is not a regular file (a folder, a
/// FIFO, a device such as `/dev/zero`: opening a FIFO would wait forever) and what is
/// larger than [`MAX_FILE_BYTES`], before reading a byte of it. The size is checked again
/// while reading, so a file that grows meanwhile cannot take more memory.
pub fn read_file(path: &Path) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let shown = || path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::FileNotFound { path: shown() },
        _ => ReadError::Unreadable { detail: e.to_string() },
    })?;
    if !meta.is_file() {
        return Err(ReadError::NotAFile { path: shown() });
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size: meta.len(), limit: MAX_FILE_BYTES });
    }
    let file = std::fs::File::open(path).map_err(|e| ReadError::Unreadable { detail: e.to_string() })?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| ReadError::Unreadable { detail: e.to_string() })?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(ReadError::TooLarge { size: bytes.len() as u64, limit: MAX_FILE_BYTES });
    }
    Ok(bytes)
}

fn file_name_of(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Xlsx,
    Xlsb,
    Xls,
    Ods,
    Csv,
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

fn unreadable(e: impl std::fmt::Display) -> ReadError {
    ReadError::Unreadable { detail: e.to_string() }
}

/// Columns a merged area is expanded to when the sheet does not declare its width.
const MERGE_MAX_COLUMNS: u32 = 256;

/// Streams the chosen sheet; returns the sheet info and the number of rows given to `sink`.
fn stream_sheet(
    mut workbook: Sheets<Cursor<&[u8]>>,
    may_have_merges: bool,
    wanted: Option<&str>,
    sink: &mut dyn RowSink,
    budget: Budget,
) -> Result<(SheetInfo, usize), ReadError> {
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
    let mut info = SheetInfo { sheet_names, sheet, rows_hint: 0 };
    let rows = match &mut workbook {
        Sheets::Xlsx(xlsx) => stream_xlsx(xlsx, may_have_merges, &mut info, sink, budget)?,
        Sheets::Xlsb(xlsb) => stream_xlsb(xlsb, &mut info, sink, budget)?,
        _ => stream_range(workbook, &mut info, sink, budget)?,
    };
    Ok((info, rows))
}

/// An xlsb sheet, cell by cell (xlsb always stores formula results). Not through
/// calamine's range: that allocates the rectangle between the first and the last cell, so
/// two cells at A1 and XFD1048576 of a tiny file would ask for 17 billion cells; here each
/// position is checked against the budget before a row grows.
fn stream_xlsb(
    xlsb: &mut Xlsb<Cursor<&[u8]>>,
    info: &mut SheetInfo,
    sink: &mut dyn RowSink,
    budget: Budget,
) -> Result<usize, ReadError> {
    let mut reader = xlsb.worksheet_cells_reader(&info.sheet).map_err(unreadable)?;
    let dims = reader.dimensions();
    let declared = dims.end != (0, 0) || dims.start != (0, 0);
    info.rows_hint = if declared { dims.end.0 as usize + 1 } else { 0 };
    sink.start(info);
    let mut emitter = Emitter::new(sink, &[], 0, budget);
    while let Some(record) = reader.next_cell().map_err(unreadable)? {
        let (row, col) = record.get_position();
        emitter.cell(row, col, cell_from_owned(Data::from(record.get_value().clone())))?;
    }
    emitter.finish()
}

/// An xlsx sheet, cell by cell: one allocation per text cell, no intermediate range.
fn stream_xlsx(
    xlsx: &mut Xlsx<Cursor<&[u8]>>,
    may_have_merges: bool,
    info: &mut SheetInfo,
    sink: &mut dyn RowSink,
    budget: Budget,
) -> Result<usize, ReadError> {
    let merged =
        if may_have_merges { xlsx.merge_cells_by_sheet_name(&info.sheet).map_err(unreadable)? } else { Vec::new() };
    let mut reader = match xlsx.worksheet_cells_reader(&info.sheet) {
        Ok(reader) => reader,
        // A chart sheet: no cells.
        Err(XlsxError::NotAWorksheet(_)) => {
            sink.start(info);
            return Ok(0);
        }
        Err(e) => return Err(unreadable(e)),
    };
    let dims = reader.dimensions();
    let declared = dims.end != (0, 0) || dims.start != (0, 0);
    info.rows_hint = if declared { dims.end.0 as usize + 1 } else { 0 };
    let max_col = if declared { dims.end.1 } else { MERGE_MAX_COLUMNS - 1 };
    sink.start(info);
    let mut emitter = Emitter::new(sink, &merged, max_col, budget);
    // Shared formulas: anchor position and formula text per shared index, to name the
    // formula of a derived cell without a cached value.
    let mut shared: HashMap<usize, ((u32, u32), String)> = HashMap::new();
    while let Some(record) = reader.next_cell_with_formula_metadata().map_err(unreadable)? {
        let (row, col) = record.pos;
        let cell = match record.formula {
            None => cell_from_owned(Data::from(record.value)),
            Some(formula) => {
                if let XlsxFormulaMetadata::Shared { shared_index, formula, .. } = &formula {
                    shared.insert(*shared_index, (record.pos, formula.clone()));
                }
                if matches!(record.value, DataRef::Empty) {
                    Cell::FormulaWithoutValue(formula_text(formula, record.pos, &shared))
                } else {
                    cell_from_owned(Data::from(record.value))
                }
            }
        };
        emitter.cell(row, col, cell)?;
    }
    emitter.finish()
}

fn formula_text(
    formula: XlsxFormulaMetadata,
    pos: (u32, u32),
    shared: &HashMap<usize, ((u32, u32), String)>,
) -> String {
    match formula {
        XlsxFormulaMetadata::Normal { formula } | XlsxFormulaMetadata::Shared { formula, .. } => formula,
        XlsxFormulaMetadata::SharedDerived { shared_index } => shared
            .get(&shared_index)
            .and_then(|(anchor, template)| calamine::expand_shared_formula(template, *anchor, pos).ok())
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// Excel's own limit on the characters of one cell; a longer cell is refused
/// ([`ReadError::CellTooLong`]).
pub const MAX_CELL_CHARS: usize = 32_767;
/// Excel's columns (A to XFD); a cell beyond them is refused.
pub const MAX_COLUMNS: usize = 16_384;
/// Excel's rows; a row beyond them is refused (also in CSV).
pub const MAX_ROWS: usize = 1_048_576;
/// The text one row may hold, in bytes (thirty-two cells of Excel's longest).
pub const MAX_ROW_BYTES: usize = 1024 * 1024;
/// The text one sheet may hold, in bytes (as much as the largest file).
pub const MAX_SHEET_TEXT_BYTES: u64 = 256 * 1024 * 1024;
/// The cells one streamed sheet may pass (a payroll of a million lines of sixteen columns).
pub const MAX_SHEET_CELLS: u64 = 16 * 1_048_576;
/// The cells a sheet read whole ([`read_table`]) may hold (about 256 MiB of cells).
pub const MAX_HELD_CELLS: u64 = 8 * 1_048_576;
/// Parts a spreadsheet package may hold.
pub const MAX_PACKAGE_PARTS: usize = 10_000;
/// What one part of a package may unpack to.
pub const MAX_PART_BYTES: u64 = 512 * 1024 * 1024;
/// What all parts of a package together may unpack to.
pub const MAX_PACKAGE_BYTES: u64 = 1024 * 1024 * 1024;
/// How many times its packed size a part may unpack to, once it unpacks to more than
/// [`RATIO_FLOOR`] (spreadsheet XML packs 5 to 30 times; deflate's limit is about 1 032).
pub const MAX_COMPRESSION_RATIO: u64 = 250;
/// Below this unpacked size a part's ratio is not looked at (a small part of repeated
/// text packs very well and costs nothing).
pub const RATIO_FLOOR: u64 = 16 * 1024 * 1024;
/// The longest run of an XML part without `<` or `>` (a text or a tag), in bytes: many
/// times the longest cell, even escaped (`&amp;`), but bounded, so the spreadsheet reader
/// never holds a 200 MB text of one cell.
pub const MAX_XML_RUN: usize = 4 * 1024 * 1024;

/// What [`scan_package`] found out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct PackageScan {
    /// False only when none of the XML parts (shared strings aside) contains `mergeCell`:
    /// calamine finds merged areas by parsing the whole sheet, which costs about as much as
    /// reading its cells; this pass over the parts costs a fraction of that.
    may_have_merges: bool,
}

/// Checks a zip package before calamine reads it: a valid zip of at most
/// [`MAX_PACKAGE_PARTS`] parts, each unpacking to at most [`MAX_PART_BYTES`] and, beyond
/// [`RATIO_FLOOR`], to at most [`MAX_COMPRESSION_RATIO`] times its packed size, all together
/// to at most [`MAX_PACKAGE_BYTES`], and XML without a text or tag longer than
/// [`MAX_XML_RUN`]. Declared sizes are checked first (a bomb that declares its size is
/// refused without unpacking a byte), then every part is unpacked as a stream with a cap
/// (memory stays flat: 64 KiB at a time), so a part that lies about its size is caught too.
/// `None` when the bytes are no zip at all (and do not start like one).
fn scan_package(bytes: &[u8]) -> Result<Option<PackageScan>, ReadError> {
    use std::io::Read;
    let invalid = |e: &dyn std::fmt::Display| ReadError::PackageInvalid { detail: e.to_string() };
    let mut zip = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(zip) => zip,
        Err(e) if bytes.starts_with(ZIP_MAGIC) => return Err(invalid(&e)),
        Err(_) => return Ok(None),
    };
    if zip.len() > MAX_PACKAGE_PARTS {
        return Err(ReadError::PackageTooManyParts { count: zip.len(), limit: MAX_PACKAGE_PARTS });
    }
    // Declared sizes first: nothing is unpacked for a bomb that tells the truth.
    let mut declared_total: u64 = 0;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| invalid(&e))?;
        let name = part.name().map(|n| n.into_owned()).unwrap_or_default();
        let (size, packed) = (part.size(), part.compressed_size());
        if size > MAX_PART_BYTES {
            return Err(ReadError::PartTooLarge { part: name, limit: MAX_PART_BYTES });
        }
        if size > RATIO_FLOOR && size / packed.max(1) > MAX_COMPRESSION_RATIO {
            return Err(ReadError::CompressionRatio { part: name, limit: MAX_COMPRESSION_RATIO });
        }
        declared_total = declared_total.saturating_add(size);
        if declared_total > MAX_PACKAGE_BYTES {
            return Err(ReadError::PackageTooLarge { limit: MAX_PACKAGE_BYTES });
        }
    }
    const NEEDLE: &[u8] = b"mergeCell";
    let finder = memchr::memmem::Finder::new(NEEDLE);
    let mut may_have_merges = false;
    let mut total: u64 = 0;
    let mut buf = vec![0u8; 1 << 16];
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| invalid(&e))?;
        let name = part.name().map(|n| n.into_owned()).map_err(|e| invalid(&e))?;
        let lower = name.to_ascii_lowercase();
        let xml = lower.ends_with(".xml") || lower.ends_with(".rels");
        let look_for_merges = xml && !may_have_merges && !lower.ends_with("sharedstrings.xml");
        // ODS: calamine holds a sheet's whole range, repeated cells expanded.
        let mut ods = (lower == "content.xml").then(OdsCells::default);
        let packed = part.compressed_size();
        let mut unpacked: u64 = 0;
        let mut run: usize = 0;
        // The last bytes of the previous chunk, so a needle split across two chunks is found.
        let mut kept = 0;
        loop {
            let n = match part.read(&mut buf[kept..]) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) => return Err(invalid(&e)),
            };
            unpacked += n as u64;
            total += n as u64;
            if unpacked > MAX_PART_BYTES {
                return Err(ReadError::PartTooLarge { part: name, limit: MAX_PART_BYTES });
            }
            if unpacked > RATIO_FLOOR && unpacked / packed.max(1) > MAX_COMPRESSION_RATIO {
                return Err(ReadError::CompressionRatio { part: name, limit: MAX_COMPRESSION_RATIO });
            }
            if total > MAX_PACKAGE_BYTES {
                return Err(ReadError::PackageTooLarge { limit: MAX_PACKAGE_BYTES });
            }
            let filled = kept + n;
            let chunk = &buf[kept..filled];
            if xml {
                run = longest_run_end(chunk, run, &name)?;
            }
            if let Some(ods) = ods.as_mut() {
                ods.feed(chunk)?;
            }
            if look_for_merges && !may_have_merges {
                may_have_merges = finder.find(&buf[..filled]).is_some();
                kept = (NEEDLE.len() - 1).min(filled);
                buf.copy_within(filled - kept..filled, 0);
            } else {
                kept = 0;
            }
        }
        if let Some(ods) = ods.as_mut() {
            ods.end_table()?;
        }
    }
    Ok(Some(PackageScan { may_have_merges }))
}

/// How many cells calamine will hold for each sheet of an ODS `content.xml`, counted from
/// its tags as they stream by: the rows from the first to the last row with a value
/// (repeats included, `table:number-rows-repeated`) times the widest row up to its last
/// value (`table:number-columns-repeated`), the range calamine builds. A few bytes of
/// `<table:table-row table:number-rows-repeated="6000"><table:table-cell
/// table:number-columns-repeated="16384" office:value-type="string">` would be 98 million
/// cells (3 GB): refused beyond [`MAX_HELD_CELLS`] ([`ReadError::SheetTooLarge`]).
#[derive(Default)]
struct OdsCells {
    /// The tag being read (from `<` on), when it continues past the chunk.
    tag: Vec<u8>,
    in_tag: bool,
    row: u64,
    row_repeat: u64,
    col: u64,
    row_span: u64,
    first_valued_row: Option<u64>,
    valued_rows_end: u64,
    width: u64,
}

impl OdsCells {
    fn feed(&mut self, chunk: &[u8]) -> Result<(), ReadError> {
        let mut rest = chunk;
        while !rest.is_empty() {
            if self.in_tag {
                match memchr::memchr(b'>', rest) {
                    Some(end) => {
                        self.tag.extend_from_slice(&rest[..end]);
                        let tag = std::mem::take(&mut self.tag);
                        self.on_tag(&tag)?;
                        self.in_tag = false;
                        rest = &rest[end + 1..];
                    }
                    None => {
                        // A tag is at most MAX_XML_RUN long (checked on the same bytes).
                        self.tag.extend_from_slice(rest);
                        return Ok(());
                    }
                }
            } else {
                match memchr::memchr(b'<', rest) {
                    Some(start) => {
                        self.in_tag = true;
                        rest = &rest[start + 1..];
                    }
                    None => return Ok(()),
                }
            }
        }
        Ok(())
    }

    fn on_tag(&mut self, tag: &[u8]) -> Result<(), ReadError> {
        let is = |name: &[u8]| {
            tag.starts_with(name) && tag.get(name.len()).is_none_or(|b| b.is_ascii_whitespace() || *b == b'/')
        };
        if is(b"table:table") || is(b"/table:table") {
            self.end_table()?;
        } else if is(b"table:table-row") {
            self.row_repeat = repeat(tag, b"table:number-rows-repeated=\"", MAX_ROWS as u64);
            (self.col, self.row_span) = (0, 0);
            if tag.ends_with(b"/") {
                self.end_row();
            }
        } else if is(b"/table:table-row") {
            self.end_row();
        } else if is(b"table:table-cell") || is(b"table:covered-table-cell") {
            let cols = repeat(tag, b"table:number-columns-repeated=\"", MAX_COLUMNS as u64);
            self.col = self.col.saturating_add(cols).min(MAX_COLUMNS as u64);
            if memchr::memmem::find(tag, b"value-type=").is_some() || memchr::memmem::find(tag, b"formula=").is_some() {
                self.row_span = self.col;
            }
        }
        Ok(())
    }

    fn end_row(&mut self) {
        if self.row_span > 0 {
            self.first_valued_row.get_or_insert(self.row);
            self.valued_rows_end = self.row.saturating_add(self.row_repeat);
            self.width = self.width.max(self.row_span);
        }
        self.row = self.row.saturating_add(self.row_repeat).min(MAX_ROWS as u64);
        (self.row_repeat, self.row_span) = (1, 0);
    }

    /// Checks the sheet just read and starts the next.
    fn end_table(&mut self) -> Result<(), ReadError> {
        let cells = self.first_valued_row.map_or(0, |first| (self.valued_rows_end - first).saturating_mul(self.width));
        if cells > MAX_HELD_CELLS {
            return Err(ReadError::SheetTooLarge {
                limit_mib: MAX_SHEET_TEXT_BYTES / (1024 * 1024),
                cells: MAX_HELD_CELLS,
            });
        }
        *self = Self { tag: std::mem::take(&mut self.tag), in_tag: self.in_tag, ..Self::default() };
        Ok(())
    }
}

/// The number of an attribute such as `table:number-rows-repeated="6000"` (1 when absent,
/// at most `max`).
fn repeat(tag: &[u8], attribute: &[u8], max: u64) -> u64 {
    let Some(at) = memchr::memmem::find(tag, attribute) else { return 1 };
    let digits = tag[at + attribute.len()..].iter().take_while(|b| b.is_ascii_digit());
    digits.fold(0u64, |n, b| n.saturating_mul(10).saturating_add(u64::from(b - b'0'))).clamp(1, max)
}

/// Continues the run without `<` or `>` that ended a previous chunk (`run` bytes long)
/// through `chunk`; returns the run at the chunk's end, or the refusal when a run exceeds
/// [`MAX_XML_RUN`]. Looks only for the last delimiter of each stretch it may cover (one
/// backward search per 64 KiB chunk), not at every tag.
fn longest_run_end(chunk: &[u8], run: usize, part: &str) -> Result<usize, ReadError> {
    let (mut pos, mut run) = (0, run);
    loop {
        let allowed = MAX_XML_RUN - run.min(MAX_XML_RUN);
        let rest = &chunk[pos..];
        if rest.len() <= allowed {
            return Ok(match memchr::memrchr2(b'<', b'>', rest) {
                Some(last) => rest.len() - last - 1,
                None => run + rest.len(),
            });
        }
        match memchr::memrchr2(b'<', b'>', &rest[..=allowed]) {
            Some(last) => {
                pos += last + 1;
                run = 0;
            }
            None => return Err(ReadError::XmlRunTooLong { part: part.to_owned(), limit: MAX_XML_RUN }),
        }
    }
}

/// The limits a sheet is read under, counted as its cells arrive: row and column within
/// Excel's, cells of at most [`MAX_CELL_CHARS`] characters, rows of at most
/// [`MAX_ROW_BYTES`] of text, and the sheet's cells and text within its budget.
struct Budget {
    max_cells: u64,
    cells: u64,
    text: u64,
    row: usize,
    row_bytes: usize,
}

impl Budget {
    fn new(max_cells: u64) -> Self {
        Self { max_cells, cells: 0, text: 0, row: usize::MAX, row_bytes: 0 }
    }

    fn too_large(&self) -> ReadError {
        ReadError::SheetTooLarge { limit_mib: MAX_SHEET_TEXT_BYTES / (1024 * 1024), cells: self.max_cells }
    }

    /// Checks the position of a cell of row `index` (0-based) and column `col`.
    fn position(&self, index: usize, col: usize) -> Result<(), ReadError> {
        if index >= MAX_ROWS {
            return Err(ReadError::TooManyRows { limit: MAX_ROWS });
        }
        if col >= MAX_COLUMNS {
            return Err(ReadError::TooManyColumns { row: index as u64 + 1, limit: MAX_COLUMNS });
        }
        Ok(())
    }

    /// Checks one cell before it is kept.
    fn cell(&mut self, index: usize, col: usize, cell: &Cell) -> Result<(), ReadError> {
        self.position(index, col)?;
        let len = text_len(cell);
        if len == 0 {
            return Ok(());
        }
        if self.row != index {
            self.row = index;
            self.row_bytes = 0;
        }
        // Bytes are at least characters: count characters only when the bytes are too many.
        if len > MAX_CELL_CHARS && text_chars(cell) > MAX_CELL_CHARS {
            return Err(ReadError::CellTooLong { row: index as u64 + 1, col: col as u64, limit: MAX_CELL_CHARS });
        }
        self.row_bytes = self.row_bytes.saturating_add(len);
        if self.row_bytes > MAX_ROW_BYTES {
            return Err(ReadError::RowTooLong { row: index as u64 + 1, limit: MAX_ROW_BYTES });
        }
        self.text = self.text.saturating_add(len as u64);
        if self.text > MAX_SHEET_TEXT_BYTES {
            return Err(self.too_large());
        }
        Ok(())
    }

    /// Counts the cells of a row given to the sink.
    fn cells(&mut self, count: usize) -> Result<(), ReadError> {
        self.cells = self.cells.saturating_add(count as u64);
        if self.cells > self.max_cells {
            return Err(self.too_large());
        }
        Ok(())
    }
}

/// The bytes of text a cell holds (a merged cell: its area's value, repeated).
fn text_len(cell: &Cell) -> usize {
    match cell {
        Cell::Text(s) | Cell::Error(s) | Cell::FormulaWithoutValue(s) => s.len(),
        Cell::Merged { value, .. } => text_len(value),
        _ => 0,
    }
}

fn text_chars(cell: &Cell) -> usize {
    match cell {
        Cell::Text(s) | Cell::Error(s) | Cell::FormulaWithoutValue(s) => s.chars().count(),
        Cell::Merged { value, .. } => text_chars(value),
        _ => 0,
    }
}

/// xls and ods through calamine's range of the sheet; each value is moved, not copied. (An
/// xls range is at most 65 536 × 256 cells; an ods sheet is measured before, see
/// [`OdsCells`].)
fn stream_range(
    mut workbook: Sheets<Cursor<&[u8]>>,
    info: &mut SheetInfo,
    sink: &mut dyn RowSink,
    budget: Budget,
) -> Result<usize, ReadError> {
    let mut range = workbook.worksheet_range(&info.sheet).map_err(unreadable)?;
    // xls and ods hold their formulas in memory already; xlsb always stores results.
    let formulas = match &workbook {
        Sheets::Xls(_) | Sheets::Ods(_) => workbook.worksheet_formula(&info.sheet).ok(),
        _ => None,
    };
    let merged = match &workbook {
        Sheets::Xls(xls) => xls.merge_cells_by_sheet_name(&info.sheet).unwrap_or_default(),
        _ => Vec::new(),
    };
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let (height, width) = range.get_size();
    info.rows_hint = range.end().map_or(0, |(r, _)| r as usize + 1);
    let max_col = range.end().map_or(MERGE_MAX_COLUMNS - 1, |(_, c)| c);
    sink.start(info);
    let mut emitter = Emitter::new(sink, &merged, max_col, budget);
    for r in 0..height {
        let mut row = Vec::with_capacity(first_col as usize + width);
        row.resize(first_col as usize, Cell::Empty);
        for c in 0..width {
            let data = std::mem::take(&mut range[(r, c)]);
            let cell = if matches!(data, Data::Empty) {
                // Row and column fit u32: they come from the range's u32 positions.
                let pos = (first_row + r as u32, first_col + c as u32);
                match formulas.as_ref().and_then(|f| f.get_value(pos)) {
                    Some(formula) if !formula.is_empty() => Cell::FormulaWithoutValue(formula.clone()),
                    _ => Cell::Empty,
                }
            } else {
                cell_from_owned(data)
            };
            row.push(cell);
        }
        emitter.push(first_row as usize + r, row)?;
    }
    Ok(emitter.rows)
}

/// Gives rows to a sink: drops trailing empty cells, skips rows without any value and marks
/// the cells covered by merged areas.
struct Emitter<'s> {
    sink: &'s mut dyn RowSink,
    /// Merged areas by first row, not yet reached.
    areas: Vec<MergedArea>,
    next_area: usize,
    /// Areas covering the current row, with their top-left cell's value.
    active: Vec<(MergedArea, Cell)>,
    max_col: u32,
    rows: usize,
    budget: Budget,
    /// For a reader that gives cell by cell: the row being gathered and its cells.
    current: Option<u32>,
    pending: Vec<Cell>,
}

impl<'s> Emitter<'s> {
    fn new(sink: &'s mut dyn RowSink, merged: &[Dimensions], max_col: u32, budget: Budget) -> Self {
        let mut areas: Vec<MergedArea> = merged
            .iter()
            .map(MergedArea::from_dimensions)
            .filter(|a| a.first_row <= a.last_row && a.first_col <= a.last_col)
            .filter(|a| a.first_row != a.last_row || a.first_col != a.last_col)
            .collect();
        areas.sort();
        Self {
            sink,
            areas,
            next_area: 0,
            active: Vec::new(),
            max_col,
            rows: 0,
            budget,
            current: None,
            pending: Vec::new(),
        }
    }

    /// One cell of a reader that gives cell by cell, rows in ascending order: a new row
    /// gives the gathered one to the sink; each cell is checked against the [`Budget`]
    /// before the row grows to its column (`r="XFD1"` is the last one allowed).
    fn cell(&mut self, row: u32, col: u32, cell: Cell) -> Result<(), ReadError> {
        match self.current {
            Some(r) if r == row => {}
            Some(r) if r < row => {
                let cells = std::mem::take(&mut self.pending);
                self.push_checked(r as usize, cells)?;
                self.current = Some(row);
            }
            Some(_) => return Err(unreadable("the sheet's rows are not in ascending order")),
            None => self.current = Some(row),
        }
        if matches!(cell, Cell::Empty) {
            return Ok(());
        }
        let col = col as usize;
        self.budget.cell(row as usize, col, &cell)?;
        if self.pending.len() <= col {
            self.pending.resize(col + 1, Cell::Empty);
        }
        self.pending[col] = cell;
        Ok(())
    }

    /// The last gathered row to the sink; the number of rows given.
    fn finish(mut self) -> Result<usize, ReadError> {
        if let Some(r) = self.current.take() {
            let cells = std::mem::take(&mut self.pending);
            self.push_checked(r as usize, cells)?;
        }
        Ok(self.rows)
    }

    /// Gives a row to the sink, checking each cell against the [`Budget`] first.
    fn push(&mut self, index: usize, cells: Vec<Cell>) -> Result<(), ReadError> {
        for (col, cell) in cells.iter().enumerate() {
            self.budget.cell(index, col, cell)?;
        }
        self.push_checked(index, cells)
    }

    /// Gives a row whose cells were checked as they arrived to the sink.
    fn push_checked(&mut self, index: usize, mut cells: Vec<Cell>) -> Result<(), ReadError> {
        trim_row(&mut cells);
        if cells.is_empty() {
            return Ok(());
        }
        self.budget.position(index, 0)?;
        if !self.areas.is_empty() {
            self.cover(index, &mut cells)?;
            trim_row(&mut cells);
        }
        self.budget.cells(cells.len())?;
        self.sink.row(index, cells);
        self.rows += 1;
        Ok(())
    }

    /// Replaces the cells covered by merged areas with [`Cell::Merged`]; each holds a copy
    /// of its area's value, counted against the budget like any cell.
    fn cover(&mut self, index: usize, cells: &mut Vec<Cell>) -> Result<(), ReadError> {
        let Ok(row) = u32::try_from(index) else { return Ok(()) };
        self.active.retain(|(a, _)| a.last_row >= row);
        while let Some(area) = self.areas.get(self.next_area) {
            if area.first_row > row {
                break;
            }
            if area.last_row >= row {
                let anchor = if area.first_row == row {
                    cells.get(area.first_col as usize).cloned().unwrap_or(Cell::Empty)
                } else {
                    Cell::Empty
                };
                self.active.push((*area, anchor));
            }
            self.next_area += 1;
        }
        for (area, anchor) in &self.active {
            let last_col = area.last_col.min(self.max_col.max(area.first_col)) as usize;
            self.budget.position(index, last_col)?;
            if cells.len() <= last_col {
                cells.resize(last_col + 1, Cell::Empty);
            }
            for (col, cell) in cells.iter_mut().enumerate().take(last_col + 1).skip(area.first_col as usize) {
                if row == area.first_row && col == area.first_col as usize {
                    continue;
                }
                let merged = Cell::Merged { area: *area, value: Box::new(anchor.clone()) };
                self.budget.cell(index, col, &merged)?;
                *cell = merged;
            }
        }
        Ok(())
    }
}

/// Drops trailing cells without anything in them (a merged cell is kept).
fn trim_row(cells: &mut Vec<Cell>) {
    while cells.last().is_some_and(Cell::is_blank) {
        cells.pop();
    }
}

/// Converts a value read by calamine, moving its text (no copy).
fn cell_from_owned(data: Data) -> Cell {
    match data {
        Data::Empty => Cell::Empty,
        Data::String(s) if s.trim().is_empty() => Cell::Empty,
        Data::String(s) => Cell::Text(s),
        Data::Int(i) => Cell::Number(i as f64),
        Data::Float(f) => Cell::Number(f),
        Data::Bool(b) => Cell::Bool(b),
        Data::Error(e) => Cell::Error(e.to_string()),
        // A serial beyond ± 10⁸ days is no date or duration (Excel's last date is serial
        // 2 958 465); calamine's conversions would overflow chrono's range and panic.
        Data::DateTime(dt) if dt.as_f64().is_nan() || dt.as_f64().abs() >= 1e8 => Cell::Number(dt.as_f64()),
        Data::DateTime(dt) => {
            // A serial below 1 is a time of day without a date (`as_datetime` would give
            // 1899-12-31); `[h]:mm` formats are durations.
            if dt.is_duration() || (0.0..1.0).contains(&dt.as_f64()) {
                dt.as_duration().map_or(Cell::Number(dt.as_f64()), Cell::Duration)
            } else {
                dt.as_datetime().map_or(Cell::Number(dt.as_f64()), date_or_datetime)
            }
        }
        Data::DateTimeIso(s) => parse_iso_datetime(&s).unwrap_or(Cell::Text(s)),
        Data::DurationIso(s) => parse_iso_duration(&s).map_or(Cell::Text(s), Cell::Duration),
    }
}

#[cfg(test)]
fn cell_from_data(data: &Data) -> Cell {
    cell_from_owned(data.clone())
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

/// The file's text; borrowed when the bytes are UTF-8 already (no copy of a large file).
fn decode(bytes: &[u8]) -> Cow<'_, str> {
    if let Some((encoding, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        return encoding.decode_without_bom_handling(&bytes[bom_len..]).0;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// How much of a CSV text [`sniff_delimiter`] is given: its first lines are far shorter.
const SNIFF_BYTES: usize = 64 * 1024;

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

fn stream_csv(
    bytes: &[u8],
    sheet: String,
    sink: &mut dyn RowSink,
    budget: Budget,
) -> Result<(SheetInfo, usize), ReadError> {
    let text = decode(bytes);
    // The first lines decide; a line of 200 MB is not walked through for them.
    let mut end = SNIFF_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let delimiter = sniff_delimiter(head);
    // Before the csv reader holds a record: a 200 MB field or line is refused unread.
    prescan_csv(text.as_bytes(), delimiter)?;
    let info = SheetInfo {
        sheet_names: vec![sheet.clone()],
        sheet,
        rows_hint: text.bytes().filter(|b| *b == b'\n').count() + usize::from(!text.ends_with('\n')),
    };
    sink.start(&info);
    let mut emitter = Emitter::new(sink, &[], 0, budget);
    let mut reader =
        csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    // The csv crate skips blank lines; a spreadsheet shows them as rows. Row numbers follow
    // the record's line, less the extra lines of earlier quoted fields with line breaks.
    // A record's position is where the reader started, before the blank lines it skipped.
    let mut extra_lines: u64 = 0;
    let mut next_index: usize = 0;
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(unreadable)? {
        let line = record.position().map_or(next_index as u64 + 1, |p| {
            let skipped =
                usize::try_from(p.byte()).ok().and_then(|b| text.as_bytes().get(b..)).map_or(0, leading_line_breaks);
            p.line() + skipped
        });
        let row_index = usize::try_from(line.saturating_sub(extra_lines).saturating_sub(1)).unwrap_or(usize::MAX);
        let index = row_index.max(next_index);
        emitter.push(
            index,
            record
                .iter()
                .map(|field| if field.trim().is_empty() { Cell::Empty } else { Cell::Text(field.to_owned()) })
                .collect(),
        )?;
        next_index = index.saturating_add(1);
        extra_lines += record.iter().map(|f| f.bytes().filter(|b| *b == b'\n').count() as u64).sum::<u64>();
    }
    let rows = emitter.rows;
    Ok((info, rows))
}

/// Checks a CSV text against the [`Budget`]'s cell, column, row and row-length limits the
/// way the csv reader will split it (a quote opens a quoted field only at a field's start;
/// `""` inside one is a quote; `\r`, `\n` and `\r\n` end a record outside quotes), in
/// one pass without allocating. Row numbers count records (blank lines too), as the
/// spreadsheet rows of [`stream_csv`] do.
fn prescan_csv(bytes: &[u8], delimiter: u8) -> Result<(), ReadError> {
    #[derive(PartialEq)]
    enum State {
        FieldStart,
        Unquoted,
        Quoted,
        /// A quote inside a quoted field: the end of the quotes, or the first of `""`.
        QuoteInQuoted,
    }
    let mut state = State::FieldStart;
    let (mut row, mut col, mut chars, mut row_bytes) = (0usize, 0usize, 0usize, 0usize);
    let mut after_cr = false;
    for &b in bytes {
        let was_cr = std::mem::replace(&mut after_cr, false);
        let quoted = state == State::Quoted;
        if !quoted && (b == b'\n' || b == b'\r') {
            after_cr = b == b'\r';
            if !(b == b'\n' && was_cr) {
                row += 1;
            }
            (state, col, chars, row_bytes) = (State::FieldStart, 0, 0, 0);
            continue;
        }
        if !quoted && b == delimiter {
            col += 1;
            if col >= MAX_COLUMNS {
                return Err(ReadError::TooManyColumns { row: row as u64 + 1, limit: MAX_COLUMNS });
            }
            (state, chars) = (State::FieldStart, 0);
            continue;
        }
        state = match (state, b) {
            (State::FieldStart, b'"') => State::Quoted,
            (State::Quoted, b'"') => State::QuoteInQuoted,
            (State::QuoteInQuoted, b'"') => State::Quoted,
            (State::Quoted, _) => State::Quoted,
            _ => State::Unquoted,
        };
        if row >= MAX_ROWS {
            return Err(ReadError::TooManyRows { limit: MAX_ROWS });
        }
        // A UTF-8 character starts at every byte that is not a continuation byte.
        if b & 0xC0 != 0x80 {
            chars += 1;
            if chars > MAX_CELL_CHARS {
                return Err(ReadError::CellTooLong { row: row as u64 + 1, col: col as u64, limit: MAX_CELL_CHARS });
            }
        }
        row_bytes += 1;
        if row_bytes > MAX_ROW_BYTES {
            return Err(ReadError::RowTooLong { row: row as u64 + 1, limit: MAX_ROW_BYTES });
        }
    }
    Ok(())
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
    #[test]
    fn a_folder_is_not_a_file_and_says_so() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("loon.csv");
        std::fs::create_dir(&folder).unwrap();
        let e = read_table(&folder, None).unwrap_err();
        assert_eq!(e.code(), "import.not_a_file");
        assert!(e.params()["path"].ends_with("loon.csv"));
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_or_a_device_is_refused_without_waiting_or_reading() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("loon.csv");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
        assert!(made.success());
        // Opening a FIFO with no writer blocks forever: the refusal must come first.
        assert_eq!(read_file(&fifo).unwrap_err().code(), "import.not_a_file");
        // /dev/zero never ends: refused as a device, not read until memory runs out.
        assert_eq!(read_file(Path::new("/dev/zero")).unwrap_err().code(), "import.not_a_file");
    }

    #[test]
    fn a_file_above_the_limit_is_refused_before_it_is_read() {
        let dir = tempfile::tempdir().unwrap();
        let big = dir.path().join("groot.csv");
        // A sparse file of 256 MiB + 1 byte: no disk used, and nothing may be read.
        std::fs::File::create(&big).unwrap().set_len(MAX_FILE_BYTES + 1).unwrap();
        let e = read_file(&big).unwrap_err();
        assert_eq!(e.code(), "import.too_large");
        // 268 435 457 bytes = 256 MiB + 1 byte → shown rounded up as 257 MiB; limit 256.
        assert_eq!((e.params()["size"].as_str(), e.params()["limit"].as_str()), ("257", "256"));
        // Exactly at the limit is read (and then parsed as usual).
        let edge = dir.path().join("rand.csv");
        std::fs::write(&edge, b"a;b\n1;2\n").unwrap();
        assert_eq!(read_file(&edge).unwrap().len(), 8);
    }

    #[test]
    fn xml_runs_are_measured_across_chunks() {
        // A run of exactly MAX_XML_RUN bytes, split over chunks, is allowed; one more is not.
        let half = vec![b'a'; MAX_XML_RUN / 2];
        let run = longest_run_end(b"<t>", 0, "p").unwrap();
        assert_eq!(run, 0);
        let run = longest_run_end(&half, run, "p").unwrap();
        let run = longest_run_end(&half, run, "p").unwrap();
        assert_eq!(run, MAX_XML_RUN);
        assert_eq!(longest_run_end(b"</t>", run, "p"), Ok(0));
        assert_eq!(longest_run_end(b"x", run, "p").unwrap_err().code(), "import.xml_run_too_long");
        // Inside one chunk: a delimiter at each end of a run one byte too long.
        let mut one = vec![b'<'];
        one.extend(std::iter::repeat_n(b'b', MAX_XML_RUN + 1));
        one.push(b'>');
        assert!(longest_run_end(&one, 0, "p").is_err());
        one.remove(1);
        assert_eq!(longest_run_end(&one, 0, "p"), Ok(0));
        // 7 bytes before the chunk and "ab": the run ends at `<`; "cd" starts the next.
        assert_eq!(longest_run_end(b"ab<cd", 7, "p"), Ok(2));
    }

    #[test]
    fn merged_cells_are_looked_for_only_when_the_package_mentions_them() {
        use rust_xlsxwriter::{Format as XFormat, Workbook};
        let book = |merge: bool| {
            let mut wb = Workbook::new();
            let ws = wb.add_worksheet();
            for r in 0..5000u32 {
                ws.write_string(r, 0, "mergeCell is only a text here").unwrap();
            }
            if merge {
                ws.merge_range(6000, 0, 6000, 3, "Totaal", &XFormat::new()).unwrap();
            }
            wb.save_to_buffer().unwrap()
        };
        // The text "mergeCell" in shared strings does not count; a real merge does.
        let merges = |bytes: &[u8]| scan_package(bytes).map(|s| s.map(|s| s.may_have_merges));
        assert_eq!(merges(&book(false)), Ok(Some(false)));
        assert_eq!(merges(&book(true)), Ok(Some(true)));
        // Not a zip at all: nothing to check (calamine says what it is).
        assert_eq!(merges(b"\xD0\xCF\x11\xE0 a compound file"), Ok(None));
        // Not a zip after all: refused before calamine reads it.
        assert_eq!(merges(b"PK\x03\x04 not really").unwrap_err().code(), "import.package_invalid");
    }
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
