//! Payroll exports of social secretariats (SD Worx, Securex, Partena, Acerta, Liantis,
//! Group S, …): one line per worker, period and wage code, read to a [`PayrollPreview`].
//!
//! No secretariat publishes its export layout (docs/domain/payroll.md, "No published layout"), so
//! the import is mapping-driven: columns are recognised by header synonyms in Dutch, French
//! and English ([`FIELDS`]), and a hand-made or saved [`ColumnMapping`] replaces that
//! recognition entirely. [`PayrollPreview::header_signature`] identifies a layout, so a front
//! end can offer the mapping saved for it the next time.
//!
//! # Reading
//!
//! - The header row is the first of the top ten rows naming at least two known fields; with
//!   a mapping and no such row, the first non-empty row; or the row given in
//!   [`PayrollOptions::header_row`]. Every row below it holding a value is a line.
//! - Values are cached values only, never formulas (see [`crate::table`]). Amounts take a
//!   decimal comma or point with thousands separators (`1.234,56`, `1,234.56`; `-2,40` is
//!   −2.40); quantities also take `7:36`; INSZ with or
//!   without dots and dashes; periods as months, RSZ quarters or a date in the month
//!   ([`parse_pay_period`]).
//! - A lone dot with three digits after it (`2.100`, `-12.500`) is read per column
//!   (quantity, amount, gross_wage, employer_contributions): when the column's other text
//!   values use a decimal comma (`2,40`, `1.234,56`, or dots as thousands separators
//!   `1.234.567`), the dot is a thousands separator (2100); when they use a decimal point
//!   (`2.40`, `1,234.56`), it is a decimal point (2.1); when they show neither, or both,
//!   the value is reported as `import.number_ambiguous` and left `None`. Number cells
//!   carry no separator and are never ambiguous. The ambiguous values are resolved after
//!   the last row, on the lines already read (no second pass over the file).
//! - Units: the unit column (`u`, `uren`, `h`, `heures` → hours; `d`, `dagen`, `j`,
//!   `jours` → days; anything else is kept as [`Unit::Other`]); when a line's unit cell is
//!   empty or there is no unit column, a quantity written `7:36` is hours, else the
//!   quantity column's header decides (`Uren`, `Aantal uren`, `Heures`, `Hours` → hours;
//!   `Dagen`, `Jours`, `Days` → days). [`PayrollLine::hours_hundredths`] is the quantity
//!   in hundredths of hours when the unit is hours.
//! - Q and S are weekly hours (`38`, `22,8`, `7:36`) and become hundredths; a whole number
//!   from 100 to 4800 is taken as already in hundredths (DmfA notation: `3800` = 38 h).
//! - Merged cells: a merged area over several rows of one column holding the worker number,
//!   INSZ, name, first name or period (a worker's lines grouped under one merged cell) is
//!   read as if the value were repeated on each of its rows. Any other merged area that
//!   covers a recognised column of a data row (amounts, quantities, codes, or areas over
//!   several columns) is reported as `import.merged_cells` on every row of the area — its
//!   value belongs to one row or is shared, which the import cannot tell. xlsx and xls
//!   only: ods merged areas read as one value and empty cells.
//!
//! # Issue codes and their params
//!
//! Every issue has the 1-based spreadsheet row, the field id as column, the column's
//! header and the cell's text as value (for issues across lines: the value as read, a
//! period as `2026-01` or `2026/1`).
//!
//! Column level (row = the header row):
//! - `import.header_not_found` — no header row recognised and no mapping (row 1, column
//!   `""`); nothing else is reported and no line is read. No params.
//! - `import.column_missing` — a required column is absent: `period`, `wage_code`, and
//!   `insz` when neither an INSZ nor a worker-number column exists. Params: `column` (the
//!   field id); for the worker also `alternative` = `worker_number`.
//! - `import.column_duplicate` — a further column names a field already recognised; it is
//!   ignored (`header` = its header). Params: `first_header`.
//! - `payroll.mapping_field_unknown` — the mapping names a field id that is not in
//!   [`FIELDS`] (column = that id). Params: `field`.
//! - `import.header_only` — a header row but no data row (column `""`). No params.
//!
//! Reading a cell:
//! - `import.value_required` — the wage code or period is empty. No params.
//! - `import.cell_error` — a formula error. Params: `error` (`#N/A`, …).
//! - `import.formula_without_value` — a formula saved without its computed value.
//!   Params: `formula` (without `=`; empty when unknown).
//! - `import.merged_cells` — the cell lies in a merged area that is not repeated (see
//!   above); reported on each row of the area for each recognised column it covers.
//!   Params: `range` (`F3:F5`).
//! - `import.period_unreadable` — not a month, quarter or date. No params.
//! - `insz.format`, `insz.checksum` — from `Insz::parse`. Params: `value`.
//! - `import.number_unreadable` — not a number (amount, gross_wage,
//!   employer_contributions, or a quantity that is not hours). No params.
//! - `import.hours_unreadable` — not a number of hours (a quantity in hours, q, s). No
//!   params.
//! - `import.number_ambiguous` — a value like `2.100` (2100 or 2,1) in a quantity,
//!   amount, gross_wage or employer_contributions column whose other values do not tell
//!   the decimal separator (see Reading). The line's value is `None`. Params: `value`
//!   (the text as written).
//!
//! Line level:
//! - `payroll.worker_missing` — neither an INSZ nor a worker number (both cells empty;
//!   column `worker_number`, or `insz` when there is no worker-number column). No params.
//! - `payroll.hours_negative` (column quantity) — negative hours: a correction, or a sign
//!   error; suspicious, so reported. The line keeps the negative value. No params.
//! - `payroll.hours_implausible` (column quantity) — more hours on one line than a year
//!   has ([`MAX_HOURS_PER_LINE`]: 366 × 24 = 8 784 h), either sign. Params `limit`.
//! - `payroll.amount_implausible` (column amount, gross_wage or employer_contributions) —
//!   an amount beyond ± [`MAX_AMOUNT_PER_LINE`] (ten million euro) on one line: a
//!   shifted column or a hostile file; refused so that no sum can overflow. Params `limit`.
//! - `payroll.month_hours_implausible` (column quantity) — one worker's hours in one
//!   period (INSZ, else worker number; a month, or a quarter for quarter lines), summed
//!   over their lines with checked arithmetic, beyond the period's days × 24 h (744 h in a
//!   month of 31 days); reported on each of those lines. Params `period` (`2026-01`),
//!   `hours` (the sum, `8.787,00`), `limit` (`744`).
//! - `payroll.weekly_hours_implausible` (column q or s) — Q or S beyond
//!   [`MAX_WEEKLY_HOURS`] (60 h); the value is `None`. Params `limit` (`60`).
//! - `fraction.q_above_s` (column q) — Q above S on the line. Params `q`, `s` (`38,00`).
//! - `payroll.duplicate_line` (column wage_code, on the later line) — the same worker (INSZ
//!   and worker number), period, wage code, quantity and amount as an earlier line.
//!   Params: `other_row`.
//! - `payroll.period_outside` (column period) — the line's quarter lies more than one
//!   quarter away from the file's dominant range. Params: `first`, `last` (ISO dates: the
//!   first and last day of the periods within that range). The dominant range: the quarter
//!   with the most lines (the earliest on a tie), extended over the adjacent quarters that
//!   hold at least a tenth as many lines as that quarter. So a one-month file with a few
//!   corrections for the previous quarter, or a year of twelve months, reports nothing,
//!   while a stray line from two years back (or a typo like 2062) is reported.
//!
//! Values, headers and parameters an issue quotes are shortened to 60 characters and `…`
//! ([`crate::table::shorten`]).
//!
//! A line is returned in [`PayrollPreview::lines`] when its essential fields could be read
//! (period, wage code, and an INSZ or a worker number), also when other cells have issues
//! (those values are then `None`), so a preview can show it;
//! [`PayrollPreview::valid_lines`] gives the lines without any issue.
//!
//! # Large files
//!
//! The file is streamed row by row ([`crate::table::stream_table`]): the sheet is never
//! held in memory, only the lines read from it. Text values are moved out of the cells, not
//! copied; numbers are parsed without allocating; duplicates are found with one hash map
//! over the lines. [`preview_payroll_with_progress`] reports progress every
//! [`PROGRESS_EVERY`] rows. `cargo run --release -p werkbank-import --example
//! payroll_bench -- 1000000` prints timings for generated files.

use crate::columns::{find_columns, find_header_row, header_matches, normalise_key, ColumnMap, ColumnMatch};
use crate::issue::{
    ImportIssue, CELL_ERROR, COLUMN_DUPLICATE, COLUMN_MISSING, FORMULA_WITHOUT_VALUE, HEADER_NOT_FOUND, HEADER_ONLY,
    MERGED_CELLS,
};
use crate::table::{
    shorten, stream_table, stream_table_bytes, Cell, MergedArea, Progress, ReadError, RowSink, SheetInfo, Table,
};
use crate::values::{
    self, parse_decimal_hinted, parse_hours, parse_insz, parse_signed_hours, take_text, ColumnSeparators, SeparatorHint,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;
use werkbank_domain::Insz;

pub use crate::columns::FieldSpec;
pub use crate::values::{parse_pay_period, PayPeriod};

/// Neither an INSZ nor a worker number on a line.
pub const WORKER_MISSING: &str = "payroll.worker_missing";
/// Negative hours on a line.
pub const HOURS_NEGATIVE: &str = "payroll.hours_negative";
pub const HOURS_IMPLAUSIBLE: &str = "payroll.hours_implausible";
pub const AMOUNT_IMPLAUSIBLE: &str = "payroll.amount_implausible";
/// A worker's hours in one period, summed over their lines, beyond the period's hours.
/// Params: `period`, `hours`, `limit`.
pub const MONTH_HOURS_IMPLAUSIBLE: &str = "payroll.month_hours_implausible";
/// Q or S beyond [`MAX_WEEKLY_HOURS`]. Params: `limit`.
pub const WEEKLY_HOURS_IMPLAUSIBLE: &str = "payroll.weekly_hours_implausible";
/// Q above S on a line (the domain's code). Params: `q`, `s`.
pub const Q_ABOVE_S: &str = "fraction.q_above_s";
/// The most weekly hours Q or S may be on a line, in hundredths (60 h).
pub const MAX_WEEKLY_HOURS: u32 = 60 * 100;
/// The most hours one payroll line can hold, in hundredths: a leap year of 366 days × 24 h
/// (a line may cover more than a month, so the limit is the year's).
pub const MAX_HOURS_PER_LINE: i64 = 366 * 24 * 100;
/// The largest amount (either sign) one payroll line may hold: ten million euro. Sums of
/// a whole register's lines stay far inside `Decimal`'s range.
pub const MAX_AMOUNT_PER_LINE: Decimal = Decimal::from_parts(10_000_000, 0, 0, false, 0);
/// The same line as an earlier one. Params: `other_row`.
pub const DUPLICATE_LINE: &str = "payroll.duplicate_line";
/// The line's period lies outside the file's dominant range. Params: `first`, `last`.
pub const PERIOD_OUTSIDE: &str = "payroll.period_outside";
/// A mapping names an unknown field. Params: `field`.
pub const MAPPING_FIELD_UNKNOWN: &str = "payroll.mapping_field_unknown";

/// How many rows pass between two progress reports.
pub const PROGRESS_EVERY: usize = 1000;

/// The fields of a payroll line, in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum F {
    WorkerNumber,
    Insz,
    Name,
    FirstName,
    Period,
    WageCode,
    Description,
    Quantity,
    Unit,
    Amount,
    GrossWage,
    EmployerContributions,
    Q,
    S,
}

const FIELD_COUNT: usize = 14;

impl F {
    fn id(self) -> &'static str {
        FIELDS[self as usize].id
    }

    fn from_id(id: &str) -> Option<F> {
        ALL_FIELDS.iter().copied().find(|f| f.id() == id)
    }

    /// Fields whose merged area over rows is read as the value of each row.
    fn repeats_when_merged(self) -> bool {
        matches!(self, F::WorkerNumber | F::Insz | F::Name | F::FirstName | F::Period)
    }
}

const ALL_FIELDS: [F; FIELD_COUNT] = [
    F::WorkerNumber,
    F::Insz,
    F::Name,
    F::FirstName,
    F::Period,
    F::WageCode,
    F::Description,
    F::Quantity,
    F::Unit,
    F::Amount,
    F::GrossWage,
    F::EmployerContributions,
    F::Q,
    F::S,
];

/// Quantity headers that make the quantity hours.
const HOURS_HEADERS: &[&str] =
    &["Uren", "Aantal uren", "Uur", "Heures", "Nombre d'heures", "Nombre heures", "Hours", "Number of hours"];
/// Quantity headers that make the quantity days.
const DAYS_HEADERS: &[&str] =
    &["Dagen", "Aantal dagen", "Jours", "Nombre de jours", "Nombre jours", "Days", "Number of days"];

/// The fields of a payroll export and the header texts that name them (compared after
/// [`normalise_key`]; see [`crate::columns`]). Ids: `worker_number`, `insz`, `name`,
/// `first_name`, `period`, `wage_code`, `description`, `quantity`, `unit`, `amount`,
/// `gross_wage`, `employer_contributions`, `q`, `s`.
pub const FIELDS: &[FieldSpec] = &[
    FieldSpec {
        id: "worker_number",
        synonyms: &[
            "Werknemersnummer",
            "Werknemernummer",
            "Werknemer nr",
            "Werknemersnr",
            "Nr werknemer",
            "Personeelsnummer",
            "Personeelsnr",
            "Pers nr",
            "Stamnummer",
            "Matricule",
            "N° matricule",
            "Numéro de matricule",
            "Numéro travailleur",
            "Numéro de travailleur",
            "Worker number",
            "Worker no",
            "Worker ID",
            "Employee number",
            "Employee no",
            "Employee ID",
            "Personnel number",
        ],
    },
    FieldSpec {
        id: "insz",
        synonyms: &[
            "INSZ",
            "INSZ-nummer",
            "INSZ nr",
            "Rijksregisternummer",
            "Rijksregisternr",
            "RRN",
            "NISS",
            "Numéro NISS",
            "INSS",
            "Numéro national",
            "Numéro de registre national",
            "National number",
            "National register number",
            "Social security number",
            "SSN",
        ],
    },
    FieldSpec {
        id: "name",
        synonyms: &[
            "Naam",
            "Naam werknemer",
            "Naam voornaam",
            "Naam en voornaam",
            "Volledige naam",
            "Werknemer naam",
            "Achternaam",
            "Familienaam",
            "Nom",
            "Nom prénom",
            "Nom et prénom",
            "Nom du travailleur",
            "Nom de famille",
            "Name",
            "Full name",
            "Employee name",
            "Worker name",
            "Last name",
            "Surname",
        ],
    },
    FieldSpec { id: "first_name", synonyms: &["Voornaam", "Prénom", "First name", "Given name"] },
    FieldSpec {
        id: "period",
        synonyms: &[
            "Periode",
            "Période",
            "Period",
            "Loonperiode",
            "Betalingsperiode",
            "Loonmaand",
            "Maand",
            "Prestatiemaand",
            "Kwartaal",
            "Période de paie",
            "Mois",
            "Trimestre",
            "Pay period",
            "Payroll period",
            "Month",
            "Quarter",
        ],
    },
    FieldSpec {
        id: "wage_code",
        synonyms: &[
            "Looncode",
            "Loon code",
            "Code",
            "Loonrubriek",
            "Rubriek",
            "Looncomponent",
            "Prestatiecode",
            "Code salarial",
            "Code salaire",
            "Code rémunération",
            "Rubrique",
            "Code prestation",
            "Wage code",
            "Pay code",
            "Salary code",
            "Payroll code",
        ],
    },
    FieldSpec {
        id: "description",
        synonyms: &[
            "Omschrijving",
            "Beschrijving",
            "Omschrijving looncode",
            "Looncode omschrijving",
            "Libellé",
            "Désignation",
            "Description",
            "Label",
            "Wage code description",
        ],
    },
    FieldSpec {
        id: "quantity",
        synonyms: &[
            "Aantal",
            "Hoeveelheid",
            "Uren",
            "Aantal uren",
            "Uur",
            "Dagen",
            "Aantal dagen",
            "Nombre",
            "Quantité",
            "Heures",
            "Nombre d'heures",
            "Nombre heures",
            "Jours",
            "Nombre de jours",
            "Nombre jours",
            "Quantity",
            "Qty",
            "Hours",
            "Number of hours",
            "Days",
            "Number of days",
        ],
    },
    FieldSpec { id: "unit", synonyms: &["Eenheid", "Eenh", "Unité", "Unit", "UOM"] },
    FieldSpec { id: "amount", synonyms: &["Bedrag", "Montant", "Amount"] },
    FieldSpec {
        id: "gross_wage",
        synonyms: &[
            "Brutoloon",
            "Bruto loon",
            "Bruto",
            "Brutobedrag",
            "Bruto bedrag",
            "Salaire brut",
            "Rémunération brute",
            "Brut",
            "Gross wage",
            "Gross pay",
            "Gross salary",
            "Gross",
        ],
    },
    FieldSpec {
        id: "employer_contributions",
        synonyms: &[
            "Werkgeversbijdragen",
            "Werkgeversbijdrage",
            "Werkgeverbijdragen",
            "Patronale bijdragen",
            "Patronale bijdrage",
            "RSZ werkgever",
            "Werkgevers RSZ",
            "Cotisations patronales",
            "Cotisation patronale",
            "ONSS patronal",
            "ONSS employeur",
            "Employer contributions",
            "Employer contribution",
            "Employer social security",
        ],
    },
    FieldSpec {
        id: "q",
        synonyms: &[
            "Q",
            "Uren per week",
            "Weekuren",
            "Arbeidsduur werknemer",
            "Heures par semaine",
            "Mean working hours",
        ],
    },
    FieldSpec {
        id: "s",
        synonyms: &[
            "S",
            "Maatpersoon",
            "Uren maatpersoon",
            "Uren voltijds",
            "Referentie-uren",
            "Heures personne de référence",
            "Reference hours",
        ],
    },
];

/// Which column holds which field: field id ([`FIELDS`]) → 0-based column index (A = 0).
/// Saved per layout ([`PayrollPreview::header_signature`]) or made by hand; serialises as
/// a JSON object (`{"period": 3, "wage_code": 4}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ColumnMapping(pub BTreeMap<String, usize>);

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PayrollOptions {
    /// The sheet to read; `None` = the first. Ignored for CSV and by
    /// [`preview_payroll_table`].
    pub sheet: Option<String>,
    /// Replaces header recognition: only these columns are read.
    pub mapping: Option<ColumnMapping>,
    /// The 1-based header row, when it must not be found (rows below it are lines).
    pub header_row: Option<u32>,
}

/// The unit of a line's quantity.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Hours,
    Days,
    /// Any other unit, as written (`st`, `km`, `%`, …).
    Other(String),
}

impl Unit {
    /// `u`, `uur`, `uren`, `h`, `hr`, `heure(s)`, `hour(s)` are hours; `d`, `dag(en)`,
    /// `j`, `jour(s)`, `day(s)` are days (case and accents ignored); other text is
    /// [`Unit::Other`].
    pub fn from_text(text: String) -> Unit {
        match normalise_key(&text).as_str() {
            "u" | "uur" | "uren" | "h" | "hr" | "hrs" | "heure" | "heures" | "hour" | "hours" => Unit::Hours,
            "d" | "dg" | "dag" | "dagen" | "j" | "jour" | "jours" | "day" | "days" => Unit::Days,
            _ => Unit::Other(text),
        }
    }
}

/// One line of a payroll export, as read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PayrollLine {
    /// 1-based spreadsheet row.
    pub row: u32,
    pub worker_number: Option<String>,
    pub insz: Option<Insz>,
    /// The name column as written (often "Naam Voornaam" in one column).
    pub name: Option<String>,
    /// The first-name column, when the export has a separate one.
    pub first_name: Option<String>,
    pub period: PayPeriod,
    pub wage_code: String,
    pub description: Option<String>,
    pub quantity: Option<Decimal>,
    /// The unit column's unit, else the one implied by the quantity (see the module docs).
    pub unit: Option<Unit>,
    /// The quantity in hundredths of hours when the unit is hours (negative for a
    /// correction).
    pub hours_hundredths: Option<i64>,
    pub amount: Option<Decimal>,
    pub gross_wage: Option<Decimal>,
    pub employer_contributions: Option<Decimal>,
    /// Weekly hours of the worker, in hundredths.
    pub q: Option<u32>,
    /// Weekly hours of the reference person, in hundredths.
    pub s: Option<u32>,
}

impl PayrollLine {
    /// The name and the first name, joined by a space.
    pub fn display_name(&self) -> Option<String> {
        match (&self.name, &self.first_name) {
            (Some(n), Some(f)) => Some(format!("{n} {f}")),
            (Some(n), None) => Some(n.clone()),
            (None, f) => f.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PayrollPreview {
    pub file_name: String,
    pub sheet: String,
    pub sheet_names: Vec<String>,
    /// 1-based row of the header (1 when none was found).
    pub header_row: u32,
    /// Every cell of the header row as text (empty text for empty cells), for a mapping UI.
    pub headers: Vec<String>,
    /// The columns read, left to right: (field id, column index, header text).
    pub columns: Vec<(String, usize, String)>,
    /// The normalised headers joined by `|`: equal for files of the same layout.
    pub header_signature: String,
    /// Every line whose essential fields could be read, in file order.
    pub lines: Vec<PayrollLine>,
    /// Every problem, ordered by row.
    pub issues: Vec<ImportIssue>,
    /// Data rows below the header, not counting empty rows.
    pub total_rows: u32,
    /// The earliest and the latest period among the lines.
    pub periods: Option<(PayPeriod, PayPeriod)>,
    /// The file's dominant range (first and last day), see `payroll.period_outside`.
    pub period_range: Option<(NaiveDate, NaiveDate)>,
}

impl PayrollPreview {
    /// The issues of one row.
    pub fn issues_at(&self, row: u32) -> impl Iterator<Item = &ImportIssue> {
        self.issues.iter().filter(move |i| i.row == row)
    }

    /// The lines without any issue.
    pub fn valid_lines(&self) -> impl Iterator<Item = &PayrollLine> {
        let with_issues: HashSet<u32> = self.issues.iter().map(|i| i.row).collect();
        self.lines.iter().filter(move |l| !with_issues.contains(&l.row))
    }

    /// The columns read, as a mapping to save for [`Self::header_signature`].
    pub fn mapping(&self) -> ColumnMapping {
        ColumnMapping(self.columns.iter().map(|(field, index, _)| (field.clone(), *index)).collect())
    }
}

/// Reads a payroll export to a preview. A file with a header row but no data rows is
/// [`ReadError::HeaderOnly`].
pub fn preview_payroll(path: &Path, opts: &PayrollOptions) -> Result<PayrollPreview, ReadError> {
    preview_payroll_with_progress(path, opts, &mut |_| {})
}

/// Like [`preview_payroll`], calling `progress` before the first row, every
/// [`PROGRESS_EVERY`] rows and after the last (then `rows_done == rows_total`).
pub fn preview_payroll_with_progress(
    path: &Path,
    opts: &PayrollOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<PayrollPreview, ReadError> {
    let mut reader = LineReader::new(opts, progress);
    let info = stream_table(path, opts.sheet.as_deref(), &mut reader)?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    header_only_is_error(reader.finish(&file_name, info))
}

/// Like [`preview_payroll_with_progress`], for a file already in memory; the format follows
/// `file_name`'s extension.
pub fn preview_payroll_bytes(
    bytes: &[u8],
    file_name: &str,
    opts: &PayrollOptions,
    progress: &mut dyn FnMut(Progress),
) -> Result<PayrollPreview, ReadError> {
    let mut reader = LineReader::new(opts, progress);
    let info = stream_table_bytes(bytes, file_name, opts.sheet.as_deref(), &mut reader)?;
    header_only_is_error(reader.finish(file_name, info))
}

/// Like [`preview_payroll_bytes`], also handing each line to `tap` as soon as it is read,
/// so that a caller can store lines while the rest of the file is still being read. The
/// lines are those of the preview, as read before the checks that need the whole file
/// (duplicates, period range): a caller must still look at the preview's issues before it
/// keeps anything. A line with a value like `2.100`, whose reading waits for the end of its
/// column, is not handed over; the rows of those lines are returned (ascending).
pub fn preview_payroll_bytes_tapped(
    bytes: &[u8],
    file_name: &str,
    opts: &PayrollOptions,
    progress: &mut dyn FnMut(Progress),
    tap: &mut dyn FnMut(&PayrollLine),
) -> Result<(PayrollPreview, Vec<u32>), ReadError> {
    let mut reader = LineReader::new(opts, progress);
    reader.tap = Some(tap);
    let info = stream_table_bytes(bytes, file_name, opts.sheet.as_deref(), &mut reader)?;
    let (preview, held) = reader.finish_held(file_name, info);
    Ok((header_only_is_error(preview)?, held))
}

fn header_only_is_error(preview: PayrollPreview) -> Result<PayrollPreview, ReadError> {
    if preview.issues.iter().any(|i| i.code == HEADER_ONLY) {
        return Err(ReadError::HeaderOnly);
    }
    Ok(preview)
}

/// Parses a table already read to a preview (a header-only table gives the issue
/// `import.header_only`, a table without a recognisable header `import.header_not_found`).
pub fn preview_payroll_table(table: Table, file_name: &str, opts: &PayrollOptions) -> PayrollPreview {
    let mut no_progress = |_| {};
    let mut reader = LineReader::new(opts, &mut no_progress);
    let info = SheetInfo { sheet_names: table.sheet_names, sheet: table.sheet, rows_hint: table.rows.len() };
    reader.start(&info);
    for (index, cells) in table.rows.into_iter().enumerate() {
        if !cells.is_empty() {
            reader.row(index, cells);
        }
    }
    reader.finish(file_name, info)
}

/// The columns of the file, fixed once the header row is known.
struct Layout {
    /// False without a header (`import.header_not_found`): rows are counted, not read.
    readable: bool,
    header_index: usize,
    header_row: u32,
    headers: Vec<String>,
    map: ColumnMap,
    cols: [Option<usize>; FIELD_COUNT],
    header_of: [Option<String>; FIELD_COUNT],
    /// Hours or days, from the quantity column's header.
    quantity_unit: Option<Unit>,
}

impl Layout {
    fn new(header_index: usize, header: &[Cell], map: ColumnMap, readable: bool) -> Self {
        let mut cols = [None; FIELD_COUNT];
        let mut header_of: [Option<String>; FIELD_COUNT] = Default::default();
        for m in &map.matches {
            if let Some(f) = F::from_id(m.field) {
                cols[f as usize] = Some(m.index);
                header_of[f as usize] = Some(m.header.clone());
            }
        }
        let quantity_unit = header_of[F::Quantity as usize].as_deref().and_then(|h| {
            if header_matches(h, HOURS_HEADERS) {
                Some(Unit::Hours)
            } else if header_matches(h, DAYS_HEADERS) {
                Some(Unit::Days)
            } else {
                None
            }
        });
        let headers = header.iter().map(|c| values::parse_text(c).unwrap_or_default()).collect();
        Layout {
            readable,
            header_index,
            header_row: Table::row_number(header_index),
            headers,
            map,
            cols,
            header_of,
            quantity_unit,
        }
    }

    fn issue(&self, row: u32, f: Option<F>, value: Option<String>, code: &str, params: Params) -> ImportIssue {
        ImportIssue {
            row,
            column: f.map_or("", F::id).to_owned(),
            header: f.and_then(|f| self.header_of[f as usize].clone()),
            value,
            code: code.to_owned(),
            params,
        }
    }

    /// The issues about the columns themselves.
    fn column_issues(&self) -> Vec<ImportIssue> {
        let mut issues = Vec::new();
        let param = |k: &str, v: &str| (k.to_owned(), v.to_owned());
        for f in [F::Period, F::WageCode] {
            if self.cols[f as usize].is_none() {
                let params = Params::from([param("column", f.id())]);
                issues.push(self.issue(self.header_row, Some(f), None, COLUMN_MISSING, params));
            }
        }
        if self.cols[F::Insz as usize].is_none() && self.cols[F::WorkerNumber as usize].is_none() {
            let params = Params::from([param("column", "insz"), param("alternative", "worker_number")]);
            issues.push(self.issue(self.header_row, Some(F::Insz), None, COLUMN_MISSING, params));
        }
        for d in &self.map.duplicates {
            let first = self.map.get(d.field).map(|m| m.header.clone()).unwrap_or_default();
            issues.push(ImportIssue {
                row: self.header_row,
                column: d.field.to_owned(),
                header: Some(d.header.clone()),
                value: None,
                code: COLUMN_DUPLICATE.to_owned(),
                params: Params::from([param("first_header", &first)]),
            });
        }
        issues
    }
}

type Params = BTreeMap<String, String>;

/// What a row holds for a field.
enum Slot {
    /// The column does not exist (reported once, at the header).
    NoColumn,
    Blank,
    /// Already reported (formula error, formula without value, merged cells).
    Reported,
    /// The cell at this column holds a value.
    Value(usize),
}

/// The [`RowSink`] that turns rows into lines.
struct LineReader<'a> {
    opts: &'a PayrollOptions,
    progress: &'a mut dyn FnMut(Progress),
    /// Sees each line as soon as it is read (see [`preview_payroll_bytes_tapped`]).
    tap: Option<&'a mut dyn FnMut(&PayrollLine)>,
    /// Rows of the lines not given to `tap`: a value waits for its column's separator.
    held: Vec<u32>,
    rows_hint: usize,
    rows_done: usize,
    /// `rows_done` at the next progress report.
    next_progress: usize,
    /// The top rows, by index, until the header row is known.
    top: Vec<Vec<Cell>>,
    layout: Option<Layout>,
    lines: Vec<PayrollLine>,
    issues: Vec<ImportIssue>,
    total_rows: u32,
    /// Merged areas whose top-left row has been reported.
    merged_reported: HashSet<MergedArea>,
    /// The decimal separators seen per field, to resolve `ambiguous`.
    separators: [ColumnSeparators; FIELD_COUNT],
    /// Values like `2.100`, resolved after the last row.
    ambiguous: Vec<AmbiguousValue>,
}

/// A value like `2.100`, read as 2.100 until its column's separator is known.
struct AmbiguousValue {
    row: u32,
    field: F,
    /// The text as written.
    text: String,
    decimal_reading: Decimal,
}

impl RowSink for LineReader<'_> {
    fn start(&mut self, info: &SheetInfo) {
        self.rows_hint = info.rows_hint;
        (self.progress)(Progress { rows_done: 0, rows_total: info.rows_hint });
    }

    fn row(&mut self, index: usize, cells: Vec<Cell>) {
        self.rows_done += 1;
        if self.rows_done == self.next_progress {
            self.next_progress += PROGRESS_EVERY;
            (self.progress)(Progress { rows_done: self.rows_done, rows_total: self.rows_hint.max(self.rows_done) });
        }
        if self.layout.is_none() {
            if index < self.search_rows() {
                if self.top.len() <= index {
                    self.top.resize(index + 1, Vec::new());
                }
                self.top[index] = cells;
                return;
            }
            self.settle_layout();
        }
        self.data_row(index, cells);
    }
}

impl<'a> LineReader<'a> {
    fn new(opts: &'a PayrollOptions, progress: &'a mut dyn FnMut(Progress)) -> Self {
        Self {
            opts,
            progress,
            tap: None,
            held: Vec::new(),
            rows_hint: 0,
            rows_done: 0,
            next_progress: PROGRESS_EVERY,
            top: Vec::new(),
            layout: None,
            lines: Vec::new(),
            issues: Vec::new(),
            total_rows: 0,
            merged_reported: HashSet::new(),
            separators: [ColumnSeparators::default(); FIELD_COUNT],
            ambiguous: Vec::new(),
        }
    }

    /// Rows kept before the header is decided.
    fn search_rows(&self) -> usize {
        match self.opts.header_row {
            Some(n) => n.max(1) as usize,
            None => crate::columns::HEADER_SEARCH_ROWS,
        }
    }

    /// Decides the header row and columns from the top rows, then reads the top rows below it.
    fn settle_layout(&mut self) {
        let top = std::mem::take(&mut self.top);
        let mapping = self.opts.mapping.as_ref();
        let found = match self.opts.header_row {
            Some(n) => {
                let index = n.max(1) as usize - 1;
                let header = top.get(index).map(Vec::as_slice).unwrap_or_default();
                Some((index, find_columns(header, FIELDS)))
            }
            None => find_header_row(&top, FIELDS).or_else(|| {
                // With a mapping, the headers need not be known ones.
                mapping
                    .and_then(|_| top.iter().position(|r| !r.iter().all(Cell::is_empty)))
                    .map(|i| (i, ColumnMap::default()))
            }),
        };
        let readable = found.is_some();
        let (header_index, recognised) = found.unwrap_or_default();
        let header = top.get(header_index).map(Vec::as_slice).unwrap_or_default();
        let mut unknown_fields = Vec::new();
        let map = match mapping {
            Some(mapping) if readable => {
                let mut matches: Vec<ColumnMatch> = Vec::new();
                for (field, &index) in &mapping.0 {
                    match F::from_id(field) {
                        Some(f) => matches.push(ColumnMatch {
                            field: f.id(),
                            index,
                            header: header.get(index).and_then(values::parse_text).unwrap_or_default(),
                        }),
                        None => unknown_fields.push(field.clone()),
                    }
                }
                matches.sort_by_key(|m| m.index);
                ColumnMap { matches, duplicates: Vec::new() }
            }
            _ => recognised,
        };
        let layout = Layout::new(header_index, header, map, readable);
        if readable {
            self.issues.extend(layout.column_issues());
            for field in unknown_fields {
                self.issues.push(ImportIssue {
                    row: layout.header_row,
                    column: field.clone(),
                    header: None,
                    value: None,
                    code: MAPPING_FIELD_UNKNOWN.to_owned(),
                    params: Params::from([("field".to_owned(), field)]),
                });
            }
        } else {
            self.issues.push(layout.issue(layout.header_row, None, None, HEADER_NOT_FOUND, Params::new()));
        }
        self.layout = Some(layout);
        for (index, cells) in top.into_iter().enumerate() {
            if !cells.is_empty() {
                self.data_row(index, cells);
            }
        }
    }

    fn data_row(&mut self, index: usize, mut cells: Vec<Cell>) {
        let Some(layout) = &self.layout else { return };
        if index <= layout.header_index || cells.iter().all(Cell::is_empty) {
            return;
        }
        self.total_rows = self.total_rows.saturating_add(1);
        if !layout.readable {
            return;
        }
        let mut read = RowRead {
            layout,
            row: Table::row_number(index),
            issues: &mut self.issues,
            merged_reported: &mut self.merged_reported,
            separators: &mut self.separators,
            ambiguous: &mut self.ambiguous,
        };
        if let Some(line) = read.line(&mut cells) {
            if let Some(tap) = self.tap.as_mut() {
                // A line with a value like 2.100 waits for its column's separator.
                if self.ambiguous.last().is_none_or(|a| a.row != line.row) {
                    tap(&line);
                } else {
                    self.held.push(line.row);
                }
            }
            self.lines.push(line);
        }
    }

    fn finish(self, file_name: &str, info: SheetInfo) -> PayrollPreview {
        self.finish_held(file_name, info).0
    }

    /// The preview, and the rows of the lines not given to the tap.
    fn finish_held(mut self, file_name: &str, info: SheetInfo) -> (PayrollPreview, Vec<u32>) {
        // A short file: its rows are read only now, below the header.
        if self.layout.is_none() {
            self.settle_layout();
        }
        let held = std::mem::take(&mut self.held);
        (self.progress)(Progress { rows_done: self.rows_done, rows_total: self.rows_done });
        let layout = self.layout.take().unwrap_or_else(|| Layout::new(0, &[], ColumnMap::default(), false));
        let mut issues = self.issues;
        if layout.readable && self.total_rows == 0 {
            issues.push(layout.issue(layout.header_row, None, None, HEADER_ONLY, Params::new()));
        }
        issues.extend(resolve_ambiguous(&mut self.lines, &self.ambiguous, &self.separators, &layout));
        issues.extend(duplicate_issues(&self.lines, &layout));
        issues.extend(period_hours_issues(&self.lines, &layout));
        let period_range = dominant_range(&self.lines);
        if let Some(range) = &period_range {
            issues.extend(outside_issues(&self.lines, range, &layout));
        }
        issues.sort_by_key(|i| i.row);
        for issue in &mut issues {
            issue.shorten_values();
        }
        let periods = self.lines.iter().map(|l| l.period).min().zip(self.lines.iter().map(|l| l.period).max());
        let preview = PayrollPreview {
            file_name: file_name.to_owned(),
            sheet: info.sheet,
            sheet_names: info.sheet_names,
            header_row: layout.header_row,
            header_signature: layout.headers.iter().map(|h| normalise_key(h)).collect::<Vec<_>>().join("|"),
            headers: layout.headers.iter().map(|h| shorten(h)).collect(),
            columns: layout.map.matches.iter().map(|m| (m.field.to_owned(), m.index, shorten(&m.header))).collect(),
            lines: self.lines,
            issues,
            total_rows: self.total_rows,
            periods,
            period_range: period_range.map(|r| (r.first_day, r.last_day)),
        };
        (preview, held)
    }
}

/// Reading one row.
struct RowRead<'r> {
    layout: &'r Layout,
    row: u32,
    issues: &'r mut Vec<ImportIssue>,
    merged_reported: &'r mut HashSet<MergedArea>,
    separators: &'r mut [ColumnSeparators; FIELD_COUNT],
    ambiguous: &'r mut Vec<AmbiguousValue>,
}

impl RowRead<'_> {
    fn issue(&mut self, f: F, cells: &[Cell], code: &str, params: Params) {
        let value = self.layout.cols[f as usize].and_then(|c| cells.get(c)).map(cell_text).filter(|t| !t.is_empty());
        self.issues.push(self.layout.issue(self.row, Some(f), value, code, params));
    }

    /// Where the field's value is; reports formula errors, formulas without value and
    /// merged cells. A merged cell that repeats its value is replaced by that value.
    fn slot(&mut self, f: F, cells: &mut [Cell]) -> Slot {
        let Some(col) = self.layout.cols[f as usize] else { return Slot::NoColumn };
        let Some(cell) = cells.get_mut(col) else { return Slot::Blank };
        if let Cell::Merged { area, value } = cell {
            let area = *area;
            let below_header = area.first_row as usize > self.layout.header_index;
            if f.repeats_when_merged() && area.is_single_column() && below_header {
                *cell = std::mem::replace(value.as_mut(), Cell::Empty);
            } else {
                let shown = cell_text(value);
                self.merged(f, area, shown);
                return Slot::Reported;
            }
        }
        match &cells[col] {
            c if c.is_empty() => Slot::Blank,
            Cell::Error(e) => {
                let params = Params::from([("error".to_owned(), e.clone())]);
                self.issue(f, cells, CELL_ERROR, params);
                Slot::Reported
            }
            Cell::FormulaWithoutValue(formula) => {
                let params = Params::from([("formula".to_owned(), formula.clone())]);
                self.issue(f, cells, FORMULA_WITHOUT_VALUE, params);
                Slot::Reported
            }
            _ => Slot::Value(col),
        }
    }

    /// Reports a covered cell, and once per area the area's top-left row.
    fn merged(&mut self, f: F, area: MergedArea, shown: String) {
        let shown = (!shown.is_empty()).then_some(shown);
        let params = || Params::from([("range".to_owned(), area.to_a1())]);
        self.issues.push(self.layout.issue(self.row, Some(f), shown.clone(), MERGED_CELLS, params()));
        if self.merged_reported.insert(area) {
            let anchor_row = area.first_row.saturating_add(1);
            let anchor_field = ALL_FIELDS
                .iter()
                .copied()
                .find(|g| self.layout.cols[*g as usize] == Some(area.first_col as usize))
                .unwrap_or(f);
            if anchor_row != self.row || anchor_field != f {
                self.issues.push(self.layout.issue(anchor_row, Some(anchor_field), shown, MERGED_CELLS, params()));
            }
        }
    }

    /// A text value, moved out of the cell.
    fn text(&mut self, f: F, cells: &mut [Cell]) -> Option<String> {
        match self.slot(f, cells) {
            Slot::Value(col) => take_text(&mut cells[col]),
            _ => None,
        }
    }

    /// A decimal of the field's column (see the module docs on ambiguous values): notes the
    /// separator its text shows, and keeps an ambiguous value to resolve after the last row.
    fn decimal(&mut self, f: F, cell: &Cell) -> Result<Decimal, &'static str> {
        let (value, hint) = parse_decimal_hinted(cell)?;
        self.separators[f as usize].note(hint);
        if hint == SeparatorHint::Ambiguous {
            let text = cell_text(cell);
            self.ambiguous.push(AmbiguousValue { row: self.row, field: f, text, decimal_reading: value });
        }
        Ok(value)
    }

    /// A decimal field (amount, gross_wage, employer_contributions); a parse error is
    /// reported with its code.
    fn decimal_field(&mut self, f: F, cells: &mut [Cell]) -> Option<Decimal> {
        let Slot::Value(col) = self.slot(f, cells) else { return None };
        match self.decimal(f, &cells[col]) {
            Ok(v) if v.abs() > MAX_AMOUNT_PER_LINE => {
                let limit = werkbank_domain::format::format_amount(MAX_AMOUNT_PER_LINE);
                self.issue(f, cells, AMOUNT_IMPLAUSIBLE, Params::from([("limit".to_string(), limit)]));
                None
            }
            Ok(v) => Some(v),
            Err(code) => {
                self.issue(f, cells, code, Params::new());
                None
            }
        }
    }

    /// A parsed value; a parse error is reported with its code.
    fn parsed<T>(&mut self, f: F, cells: &mut [Cell], parse: impl Fn(&Cell) -> Result<T, &'static str>) -> Option<T> {
        let Slot::Value(col) = self.slot(f, cells) else { return None };
        match parse(&cells[col]) {
            Ok(v) => Some(v),
            Err(code) => {
                self.issue(f, cells, code, Params::new());
                None
            }
        }
    }

    /// Reads the row, reporting every problem; `Some` when the essential fields could be read.
    fn line(&mut self, cells: &mut [Cell]) -> Option<PayrollLine> {
        let has_worker_column =
            self.layout.cols[F::WorkerNumber as usize].is_some() || self.layout.cols[F::Insz as usize].is_some();
        let (insz, insz_blank) = match self.slot(F::Insz, cells) {
            Slot::Value(col) => match parse_insz(&cells[col]) {
                Ok(insz) => (Some(insz), false),
                Err(v) => {
                    self.issue(F::Insz, cells, &v.code, v.params);
                    (None, false)
                }
            },
            Slot::Reported => (None, false),
            Slot::NoColumn | Slot::Blank => (None, true),
        };
        let (worker_number, worker_blank) = match self.slot(F::WorkerNumber, cells) {
            Slot::Value(col) => (take_text(&mut cells[col]), false),
            Slot::Reported => (None, false),
            Slot::NoColumn | Slot::Blank => (None, true),
        };
        if has_worker_column && insz_blank && worker_blank {
            let f = if self.layout.cols[F::WorkerNumber as usize].is_some() { F::WorkerNumber } else { F::Insz };
            self.issue(f, cells, WORKER_MISSING, Params::new());
        }
        let name = self.text(F::Name, cells);
        let first_name = self.text(F::FirstName, cells);
        let period = match self.slot(F::Period, cells) {
            Slot::Value(col) => match values::parse_pay_period(&cells[col]) {
                Ok(p) => Some(p),
                Err(code) => {
                    self.issue(F::Period, cells, code, Params::new());
                    None
                }
            },
            Slot::Blank => {
                self.issue(F::Period, cells, values::VALUE_REQUIRED, Params::new());
                None
            }
            Slot::NoColumn | Slot::Reported => None,
        };
        let wage_code = match self.slot(F::WageCode, cells) {
            Slot::Value(col) => take_text(&mut cells[col]),
            Slot::Blank => {
                self.issue(F::WageCode, cells, values::VALUE_REQUIRED, Params::new());
                None
            }
            Slot::NoColumn | Slot::Reported => None,
        };
        let description = self.text(F::Description, cells);
        let written_unit = self.text(F::Unit, cells).map(Unit::from_text);
        let (quantity, unit, hours_hundredths) = self.quantity(cells, written_unit);
        let amount = self.decimal_field(F::Amount, cells);
        let gross_wage = self.decimal_field(F::GrossWage, cells);
        let employer_contributions = self.decimal_field(F::EmployerContributions, cells);
        let q = self.weekly(F::Q, cells);
        let s = self.weekly(F::S, cells);
        if let (Some(q), Some(s)) = (q, s) {
            if q > s {
                let hours = werkbank_domain::employment::hours;
                let params = Params::from([("q".to_owned(), hours(q)), ("s".to_owned(), hours(s))]);
                self.issue(F::Q, cells, Q_ABOVE_S, params);
            }
        }

        if insz.is_none() && worker_number.is_none() {
            return None;
        }
        Some(PayrollLine {
            row: self.row,
            worker_number,
            insz,
            name,
            first_name,
            period: period?,
            wage_code: wage_code?,
            description,
            quantity,
            unit,
            hours_hundredths,
            amount,
            gross_wage,
            employer_contributions,
            q,
            s,
        })
    }

    /// Q or S in hundredths; beyond [`MAX_WEEKLY_HOURS`] is `payroll.weekly_hours_implausible`.
    fn weekly(&mut self, f: F, cells: &mut [Cell]) -> Option<u32> {
        let hours = self.parsed(f, cells, weekly_hours)?;
        if hours > MAX_WEEKLY_HOURS {
            let limit = (MAX_WEEKLY_HOURS / 100).to_string();
            self.issue(f, cells, WEEKLY_HOURS_IMPLAUSIBLE, Params::from([("limit".to_owned(), limit)]));
            return None;
        }
        Some(hours)
    }

    /// Quantity, unit and hours (see the module docs).
    fn quantity(
        &mut self,
        cells: &mut [Cell],
        written_unit: Option<Unit>,
    ) -> (Option<Decimal>, Option<Unit>, Option<i64>) {
        let Slot::Value(col) = self.slot(F::Quantity, cells) else {
            return (None, written_unit, None);
        };
        let cell = &cells[col];
        let clock = matches!(cell, Cell::Duration(_)) || matches!(cell, Cell::Text(t) if t.contains(':'));
        let unit = written_unit.or_else(|| clock.then_some(Unit::Hours)).or_else(|| self.layout.quantity_unit.clone());
        let in_hours = unit == Some(Unit::Hours);
        let read = if clock {
            parse_signed_hours(cell).map(|h| (Decimal::new(h, 2), Some(h)))
        } else {
            self.decimal(F::Quantity, cell)
                .map(|q| (q, if in_hours { values::hundredths_of(q) } else { None }))
                .map_err(|_| if in_hours { values::HOURS_UNREADABLE } else { values::NUMBER_UNREADABLE })
        };
        match read {
            Ok((_, None)) if in_hours => {
                // A number too large to be hours at all (8·10²⁶ and beyond).
                self.issue(F::Quantity, cells, values::HOURS_UNREADABLE, Params::new());
                (None, unit, None)
            }
            Ok((quantity, hours)) => {
                let hours = hours.filter(|_| in_hours);
                if hours.is_some_and(|h| h.abs() > MAX_HOURS_PER_LINE) {
                    let limit = werkbank_domain::format::format_number(Decimal::from(MAX_HOURS_PER_LINE / 100), 0);
                    self.issue(F::Quantity, cells, HOURS_IMPLAUSIBLE, Params::from([("limit".to_string(), limit)]));
                    return (None, unit, None);
                }
                if hours.is_some_and(|h| h < 0) {
                    self.issue(F::Quantity, cells, HOURS_NEGATIVE, Params::new());
                }
                (Some(quantity), unit, hours)
            }
            Err(code) => {
                self.issue(F::Quantity, cells, code, Params::new());
                (None, unit, None)
            }
        }
    }
}

/// Q or S in hundredths: hours (`38`, `22,8`, `7:36`), or a whole number from 100 to 4800
/// already in hundredths (DmfA notation).
fn weekly_hours(cell: &Cell) -> Result<u32, &'static str> {
    let hundredths = parse_hours(cell)?;
    let whole = match cell {
        Cell::Number(n) => n.fract() == 0.0,
        Cell::Text(t) => t.trim().bytes().all(|b| b.is_ascii_digit()),
        _ => false,
    };
    if whole && (10_000..=480_000).contains(&hundredths) {
        Ok(hundredths / 100)
    } else {
        Ok(hundredths)
    }
}

/// A cell's text for an issue, trimmed.
fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => t.trim().to_owned(),
        other => other.to_text(),
    }
}

/// The hours a worker's lines of one period may sum to, in hundredths: the period's days
/// × 24 h (a month of 31 days: 744 h; a quarter of 92 days: 2 208 h).
fn period_hours_limit(period: PayPeriod) -> i64 {
    let days = (period.last_day() - period.first_day()).num_days() + 1;
    days * 24 * 100
}

/// `payroll.month_hours_implausible`: per worker (INSZ, else worker number) and period,
/// the hours of the lines summed with checked arithmetic (an overflow is beyond any limit);
/// a sum beyond [`period_hours_limit`] is reported on each of those lines.
fn period_hours_issues(lines: &[PayrollLine], layout: &Layout) -> Vec<ImportIssue> {
    type Key<'l> = (&'l str, PayPeriod);
    let key = |l: &'_ PayrollLine| -> Option<(String, PayPeriod)> {
        let worker = l.insz.as_ref().map(|i| i.digits().to_owned()).or_else(|| l.worker_number.clone())?;
        Some((worker, l.period))
    };
    let mut sums: HashMap<Key<'_>, Option<i64>> = HashMap::new();
    for line in lines {
        let (Some(hours), Some(worker)) =
            (line.hours_hundredths, line.insz.as_ref().map(Insz::digits).or(line.worker_number.as_deref()))
        else {
            continue;
        };
        let sum = sums.entry((worker, line.period)).or_insert(Some(0));
        *sum = sum.and_then(|s| s.checked_add(hours));
    }
    let over: HashMap<Key<'_>, Option<i64>> =
        sums.into_iter().filter(|((_, period), sum)| sum.is_none_or(|s| s > period_hours_limit(*period))).collect();
    if over.is_empty() {
        return Vec::new();
    }
    let mut issues = Vec::new();
    for line in lines.iter().filter(|l| l.hours_hundredths.is_some()) {
        let Some((worker, period)) = key(line) else { continue };
        let Some(sum) = over.get(&(worker.as_str(), period)) else { continue };
        let shown = |h: i64| werkbank_domain::format::format_number(Decimal::new(h, 2), 2);
        let params = Params::from([
            ("period".to_owned(), period.to_string()),
            ("hours".to_owned(), sum.map_or_else(|| "?".to_owned(), shown)),
            ("limit".to_owned(), (period_hours_limit(period) / 100).to_string()),
        ]);
        let value = line.quantity.map(|q| q.normalize().to_string());
        issues.push(layout.issue(line.row, Some(F::Quantity), value, MONTH_HOURS_IMPLAUSIBLE, params));
    }
    issues
}

/// `payroll.duplicate_line`: one hash map over the lines, keyed by the line's identity.
fn duplicate_issues(lines: &[PayrollLine], layout: &Layout) -> Vec<ImportIssue> {
    type Key<'l> = (Option<&'l str>, Option<&'l str>, PayPeriod, &'l str, Option<Decimal>, Option<Decimal>);
    let mut first: HashMap<Key<'_>, u32> = HashMap::with_capacity(lines.len());
    let mut issues = Vec::new();
    for line in lines {
        let key = (
            line.insz.as_ref().map(Insz::digits),
            line.worker_number.as_deref(),
            line.period,
            line.wage_code.as_str(),
            line.quantity,
            line.amount,
        );
        match first.entry(key) {
            std::collections::hash_map::Entry::Occupied(other) => {
                let params = Params::from([("other_row".to_owned(), other.get().to_string())]);
                let value = Some(line.wage_code.clone());
                issues.push(layout.issue(line.row, Some(F::WageCode), value, DUPLICATE_LINE, params));
            }
            std::collections::hash_map::Entry::Vacant(slot) => {
                slot.insert(line.row);
            }
        }
    }
    issues
}

/// Resolves the values like `2.100` by their column's separators (see the module docs): sets
/// the line's value, and reports `import.number_ambiguous` when the column cannot tell.
/// Rows without a line (essential fields missing) are reported too.
fn resolve_ambiguous(
    lines: &mut [PayrollLine],
    ambiguous: &[AmbiguousValue],
    separators: &[ColumnSeparators; FIELD_COUNT],
    layout: &Layout,
) -> Vec<ImportIssue> {
    let mut issues = Vec::new();
    for a in ambiguous {
        let value = separators[a.field as usize].read(a.decimal_reading);
        if value.is_none() {
            let params = Params::from([("value".to_owned(), a.text.clone())]);
            issues.push(layout.issue(a.row, Some(a.field), Some(a.text.clone()), values::NUMBER_AMBIGUOUS, params));
        }
        // Lines are in row order.
        let Ok(at) = lines.binary_search_by_key(&a.row, |l| l.row) else { continue };
        let line = &mut lines[at];
        match a.field {
            F::Quantity => {
                line.quantity = value;
                // A clock quantity is never ambiguous, so hours are the quantity in hundredths.
                line.hours_hundredths =
                    value.filter(|_| line.unit == Some(Unit::Hours)).and_then(values::hundredths_of);
            }
            F::Amount => line.amount = value,
            F::GrossWage => line.gross_wage = value,
            F::EmployerContributions => line.employer_contributions = value,
            _ => {}
        }
    }
    issues
}

/// The file's dominant range of quarters, and the first and last day of its lines' periods.
struct DominantRange {
    first_quarter: i64,
    last_quarter: i64,
    first_day: NaiveDate,
    last_day: NaiveDate,
}

/// See `payroll.period_outside` in the module docs.
fn dominant_range(lines: &[PayrollLine]) -> Option<DominantRange> {
    let mut per_quarter: BTreeMap<i64, usize> = BTreeMap::new();
    for line in lines {
        *per_quarter.entry(line.period.quarter_index()).or_default() += 1;
    }
    // The busiest quarter; the earliest on a tie.
    let (&busiest, &most) = per_quarter.iter().max_by_key(|(q, n)| (**n, std::cmp::Reverse(**q)))?;
    let threshold = most.div_ceil(10).max(1);
    let populated = |q: i64| per_quarter.get(&q).is_some_and(|n| *n >= threshold);
    let (mut first_quarter, mut last_quarter) = (busiest, busiest);
    while populated(first_quarter - 1) {
        first_quarter -= 1;
    }
    while populated(last_quarter + 1) {
        last_quarter += 1;
    }
    let within = lines.iter().map(|l| l.period).filter(|p| (first_quarter..=last_quarter).contains(&p.quarter_index()));
    let first_day = within.clone().map(|p| p.first_day()).min()?;
    let last_day = within.map(|p| p.last_day()).max()?;
    Some(DominantRange { first_quarter, last_quarter, first_day, last_day })
}

/// `payroll.period_outside`: more than one quarter away from the dominant range.
fn outside_issues(lines: &[PayrollLine], range: &DominantRange, layout: &Layout) -> Vec<ImportIssue> {
    let allowed = range.first_quarter - 1..=range.last_quarter + 1;
    lines
        .iter()
        .filter(|l| !allowed.contains(&l.period.quarter_index()))
        .map(|l| {
            let params = Params::from([
                ("first".to_owned(), range.first_day.to_string()),
                ("last".to_owned(), range.last_day.to_string()),
            ]);
            layout.issue(l.row, Some(F::Period), Some(l.period.to_string()), PERIOD_OUTSIDE, params)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_order_matches_ids() {
        assert_eq!(FIELDS.len(), FIELD_COUNT);
        for (i, f) in ALL_FIELDS.iter().enumerate() {
            assert_eq!(*f as usize, i);
            assert_eq!(F::from_id(f.id()), Some(*f));
        }
        let ids: Vec<&str> = FIELDS.iter().map(|f| f.id).collect();
        assert_eq!(
            ids,
            [
                "worker_number",
                "insz",
                "name",
                "first_name",
                "period",
                "wage_code",
                "description",
                "quantity",
                "unit",
                "amount",
                "gross_wage",
                "employer_contributions",
                "q",
                "s"
            ]
        );
    }

    #[test]
    fn synonyms_name_one_field_each() {
        let mut seen: HashMap<String, &str> = HashMap::new();
        for field in FIELDS {
            for synonym in field.synonyms {
                if let Some(other) = seen.insert(normalise_key(synonym), field.id) {
                    assert_eq!(other, field.id, "{synonym} names {other} and {}", field.id);
                }
            }
        }
        for h in HOURS_HEADERS.iter().chain(DAYS_HEADERS) {
            assert!(header_matches(h, FIELDS[F::Quantity as usize].synonyms), "{h}");
        }
    }

    #[test]
    fn units() {
        for (text, unit) in [
            ("u", Unit::Hours),
            ("Uren", Unit::Hours),
            ("h", Unit::Hours),
            ("heures", Unit::Hours),
            ("d", Unit::Days),
            ("dagen", Unit::Days),
            ("Jours", Unit::Days),
            ("st", Unit::Other("st".into())),
        ] {
            assert_eq!(Unit::from_text(text.to_owned()), unit, "{text}");
        }
    }

    #[test]
    fn weekly_hours_in_hours_or_hundredths() {
        let t = |s: &str| Cell::Text(s.to_owned());
        assert_eq!(weekly_hours(&t("38")), Ok(3800));
        assert_eq!(weekly_hours(&t("22,8")), Ok(2280));
        assert_eq!(weekly_hours(&t("3800")), Ok(3800));
        assert_eq!(weekly_hours(&Cell::Number(2280.0)), Ok(2280));
        assert_eq!(weekly_hours(&t("100")), Ok(100));
        assert_eq!(weekly_hours(&t("7:36")), Ok(760));
        assert_eq!(weekly_hours(&t("99")), Ok(9900));
        assert_eq!(weekly_hours(&t("5000")), Ok(500_000));
        assert_eq!(weekly_hours(&t("x")), Err(values::HOURS_UNREADABLE));
    }

    fn line(row: u32, period: PayPeriod) -> PayrollLine {
        PayrollLine {
            row,
            worker_number: Some("1".into()),
            insz: None,
            name: None,
            first_name: None,
            period,
            wage_code: "1000".into(),
            description: None,
            quantity: None,
            unit: None,
            hours_hundredths: None,
            amount: None,
            gross_wage: None,
            employer_contributions: None,
            q: None,
            s: None,
        }
    }

    fn month(year: i32, month: u32) -> PayPeriod {
        PayPeriod::Month { year, month }
    }

    fn outside_rows(lines: &[PayrollLine]) -> Vec<u32> {
        let layout = Layout::new(0, &[], ColumnMap::default(), true);
        let range = dominant_range(lines).unwrap();
        outside_issues(lines, &range, &layout).iter().map(|i| i.row).collect()
    }

    #[test]
    fn dominant_range_rule() {
        // one month, corrections from the previous quarter, a stray line two years back
        let mut lines: Vec<PayrollLine> = (0..20).map(|i| line(i + 2, month(2026, 1))).collect();
        lines.push(line(30, month(2025, 11)));
        lines.push(line(31, month(2024, 1)));
        lines.push(line(32, month(2062, 1)));
        assert_eq!(outside_rows(&lines), [31, 32]);
        let range = dominant_range(&lines).unwrap();
        assert_eq!(
            (range.first_day.to_string(), range.last_day.to_string()),
            ("2026-01-01".into(), "2026-01-31".into())
        );

        // a year of months: nothing outside; the range covers the year
        let year: Vec<PayrollLine> = (1..=12).map(|m| line(m + 1, month(2025, m))).collect();
        assert!(outside_rows(&year).is_empty());
        let range = dominant_range(&year).unwrap();
        assert_eq!(
            (range.first_day.to_string(), range.last_day.to_string()),
            ("2025-01-01".into(), "2025-12-31".into())
        );

        // two quarters away is outside even when adjacent quarters are sparse
        let mut q: Vec<PayrollLine> = (0..30).map(|i| line(i + 2, month(2026, 4))).collect();
        q.push(line(40, PayPeriod::Quarter { year: 2025, quarter: 4 }));
        q.push(line(41, month(2026, 1)));
        assert_eq!(outside_rows(&q), [40]);
    }
}
