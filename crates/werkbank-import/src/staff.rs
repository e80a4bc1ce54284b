//! The staff-register import: one row per employment period, read to a [`StaffPreview`].
//!
//! Columns are recognised by header ([`FIELDS`]); the header row is the first of the top
//! ten rows naming at least two known fields. Q and S are hours in the sheet (`38`,
//! `22,8`, `7:36`) and hundredths in the result. Every problem of every row is reported,
//! each as an [`ImportIssue`] with the 1-based spreadsheet row, the field id as column and
//! a stable code; the message catalogue renders it.
//!
//! # Issue codes and their params
//!
//! Column level (row = the header row; `header` is `None` unless said otherwise):
//! - `import.header_not_found` — none of the top ten rows names two known fields
//!   (row 1, column `""`); nothing else is reported and no row is read. No params.
//! - `import.column_missing` — a required column is absent. Params: `column` (the field
//!   id, as in the issue's column).
//! - `import.column_duplicate` — a second column names a field that an earlier column
//!   already names; it is ignored. `header` = the ignored column's header.
//!   Params: `first_header` (the header of the column that is used).
//! - `import.header_only` — the header row is found but no data row follows
//!   (column = `""`). No params.
//!
//! Reading a cell (`value` = the cell's text as in the file):
//! - `import.value_required` — a required cell is empty. No params. An empty birth-date
//!   cell is not one: the birth date is then the one the INSZ encodes, and unknown when
//!   the number encodes none (`00000100166`, month or day 00).
//! - `import.cell_error` — the cell holds a formula error. Params: `error` (`#N/A`, …).
//! - `import.formula_without_value` — a formula saved without its computed value (the
//!   value is unknown, not empty). Params: `formula` (without `=`; empty when unknown).
//! - `import.date_unreadable` — not a date (birth_date, start, end,
//!   placement_agreement_signed). No params.
//! - `import.hours_unreadable` — not a number of hours (q, s). No params.
//! - `import.number_ambiguous` — `2.100` in a Q or S column whose other text values show
//!   no decimal separator, or both: 2100 or 2,1? With only decimal commas in the column it
//!   is 2100 (the dot groups thousands), with only decimal points 2,1; the same rule as
//!   the payroll import's amounts ([`crate::values::ColumnSeparators`]). Params: `value`.
//! - `insz.format` — not 11 digits or no valid date part. Params: `value`.
//! - `insz.checksum` — the check digits do not match. Params: `value`.
//! - `category.unknown` — not a category id or known Dutch label. Params: `value`.
//! - `import.contract_unknown` — not a contract type id or known Dutch word. Params: `value`.
//! - `import.sex_unknown` — not M/V/X/man/vrouw/… Params: `value`.
//!
//! Domain rules of the row (see werkbank-domain):
//! - `fraction.q_range` (column q), `fraction.s_range` (column s) — outside 0,01–48 h.
//!   Params: `value` (hours as "38,00").
//! - `fraction.q_above_s` (column q). Params: `q`, `s` (hours as "38,00").
//! - `period.end_before_start` (column end). Params: `start`, `end` (ISO dates).
//! - `period.article_60_fields_only` (column ocmw, or placement_agreement_signed when
//!   only that one is filled) — OCMW facts on a period that is not article 60. No params.
//! - `person.birth_date_insz_mismatch` (column birth_date) — a given birth date that is not
//!   the one the INSZ encodes. Params: `date`, `insz_date` (ISO dates).
//! - `person.birth_date_future` (column birth_date). Params: `date`.
//!
//! Across rows (reported on the later row):
//! - `import.person_inconsistent` (column last_name, first_name or birth_date) — the same
//!   INSZ with another name or birth date than on its first row (an unknown birth date
//!   contradicts none). Params: `other_row`,
//!   `other_value` (the value on that row; dates ISO).
//! - `period.overlap` (column start) — a period of the same INSZ shares a day with an
//!   earlier row's period. Params: `other_row`, `category`, `start`, `end` (the other
//!   period's; `end` empty when ongoing).

use crate::columns::{find_header_row, ColumnMap, FieldSpec};
use crate::table::{read_table, shorten, Cell, ReadError, Table};
use crate::values::{self, parse_date, parse_text, ColumnSeparators};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use werkbank_domain::employment::ContractType;
use werkbank_domain::{Category, EmploymentPeriod, Fraction, Insz, Person, Sex, Violation};

pub use crate::issue::{
    ImportIssue, CELL_ERROR, COLUMN_DUPLICATE, COLUMN_MISSING, FORMULA_WITHOUT_VALUE, HEADER_NOT_FOUND, HEADER_ONLY,
};
pub const CONTRACT_UNKNOWN: &str = "import.contract_unknown";
pub const SEX_UNKNOWN: &str = "import.sex_unknown";
pub const PERSON_INCONSISTENT: &str = "import.person_inconsistent";

/// The fields of the staff register and the header texts that name them.
pub const FIELDS: &[FieldSpec] = &[
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
            "National number",
            "National register number",
            "Numéro national",
        ],
    },
    FieldSpec {
        id: "last_name",
        synonyms: &[
            "Naam",
            "Achternaam",
            "Familienaam",
            "Last name",
            "Surname",
            "Family name",
            "Nom",
            "Nom de famille",
        ],
    },
    FieldSpec { id: "first_name", synonyms: &["Voornaam", "First name", "Given name", "Prénom"] },
    FieldSpec {
        id: "birth_date",
        synonyms: &["Geboortedatum", "Birth date", "Date of birth", "Birthdate", "Date de naissance"],
    },
    FieldSpec { id: "sex", synonyms: &["Geslacht", "Sex", "Gender", "Sexe"] },
    FieldSpec { id: "category", synonyms: &["Categorie", "Category", "Statuut", "Doelgroep", "Catégorie"] },
    FieldSpec {
        id: "start",
        synonyms: &[
            "Begindatum",
            "Start",
            "Startdatum",
            "Start date",
            "Van",
            "In dienst",
            "Datum in dienst",
            "Date de début",
        ],
    },
    FieldSpec {
        id: "end",
        synonyms: &["Einddatum", "End", "End date", "Tot", "Uit dienst", "Datum uit dienst", "Date de fin"],
    },
    FieldSpec { id: "q", synonyms: &["Q", "Uren per week", "Weekuren"] },
    FieldSpec { id: "s", synonyms: &["S", "Maatpersoon", "Referentie-uren", "Uren voltijds"] },
    FieldSpec { id: "contract_type", synonyms: &["Contract", "Contracttype", "Contract type", "Soort contract"] },
    FieldSpec { id: "job", synonyms: &["Functie", "Job", "Activiteit", "Fonction"] },
    FieldSpec { id: "ocmw", synonyms: &["OCMW", "CPAS"] },
    FieldSpec {
        id: "placement_agreement_signed",
        synonyms: &["Datum plaatsingsovereenkomst", "Plaatsingsovereenkomst"],
    },
    FieldSpec { id: "work_form", synonyms: &["Werkvorm"] },
];

/// Columns without which no row can be read (`end` may be absent: every period ongoing;
/// the birth-date column must be there, but a cell of it may be empty).
pub const REQUIRED: &[&str] = &["insz", "last_name", "first_name", "birth_date", "category", "start", "q", "s"];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffImportOptions {
    /// S for work care rows whose S cell is empty, in hundredths of hours (default 3000).
    pub work_care_full_time: u32,
    /// The sheet to read; `None` = the first.
    pub sheet: Option<String>,
    /// Field id → column index, replacing header recognition (the same mapping the
    /// payroll import takes). The header row is then the recognised one, else the first
    /// non-empty row.
    pub mapping: Option<crate::payroll::ColumnMapping>,
    /// The day a birth date may not lie after. The use cases pass their clock's day; the
    /// default is the computer's date.
    pub today: NaiveDate,
}

impl Default for StaffImportOptions {
    fn default() -> Self {
        Self { work_care_full_time: 3000, sheet: None, mapping: None, today: chrono::Local::now().date_naive() }
    }
}

/// One row read completely: a person and one of their employment periods.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffRow {
    /// 1-based spreadsheet row.
    pub row: u32,
    pub insz: Insz,
    pub last_name: String,
    pub first_name: String,
    /// The cell's date, else the one the INSZ encodes; `None` when neither gives one.
    pub birth_date: Option<NaiveDate>,
    pub sex: Option<Sex>,
    /// `id` is `None`; Q and S in hundredths of hours.
    pub period: EmploymentPeriod,
    /// The work form's text as in the file, matched to the organisation's work forms later.
    pub work_form: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaffPreview {
    pub file_name: String,
    pub sheet: String,
    pub sheet_names: Vec<String>,
    /// 1-based row of the header (1 when no header row was recognised).
    pub header_row: u32,
    /// Recognised (or mapped) columns, left to right: (field id, header text).
    pub columns: Vec<(String, String)>,
    /// 0-based column index of each field in `columns`.
    pub column_indexes: Vec<(String, usize)>,
    /// Every cell of the header row as text, for a mapping screen.
    pub headers: Vec<String>,
    /// Every row whose values could all be read, in file order. Such a row may still break
    /// a rule: see `issues` for its row number, or use [`StaffPreview::valid_rows`].
    pub rows: Vec<StaffRow>,
    /// Every problem, ordered by row.
    pub issues: Vec<ImportIssue>,
    /// Data rows below the header, not counting fully empty rows.
    pub total_rows: u32,
}

impl StaffPreview {
    /// The issues of one row.
    pub fn issues_at(&self, row: u32) -> impl Iterator<Item = &ImportIssue> {
        self.issues.iter().filter(move |i| i.row == row)
    }

    /// The rows without any issue.
    pub fn valid_rows(&self) -> impl Iterator<Item = &StaffRow> {
        self.rows.iter().filter(|r| self.issues_at(r.row).next().is_none())
    }
}

/// Reads a staff register file to a preview. A file with a header row but no data rows is
/// [`ReadError::HeaderOnly`].
pub fn preview_staff(path: &Path, opts: &StaffImportOptions) -> Result<StaffPreview, ReadError> {
    let table = read_table(path, opts.sheet.as_deref())?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let preview = preview_staff_table(table, &file_name, opts);
    if preview.issues.iter().any(|i| i.code == HEADER_ONLY) {
        return Err(ReadError::HeaderOnly);
    }
    Ok(preview)
}

/// Parses a table already read to a preview (a header-only table gives the issue
/// `import.header_only`, a table without a recognisable header `import.header_not_found`).
pub fn preview_staff_table(table: Table, file_name: &str, opts: &StaffImportOptions) -> StaffPreview {
    let mut mapping_issues = Vec::new();
    let found = match &opts.mapping {
        None => find_header_row(&table.rows, FIELDS),
        Some(mapping) => {
            let header_index = find_header_row(&table.rows, FIELDS)
                .map(|(i, _)| i)
                .or_else(|| table.rows.iter().position(|r| !r.iter().all(Cell::is_empty)));
            header_index.map(|index| {
                let header = table.rows.get(index).map(Vec::as_slice).unwrap_or_default();
                let mut matches = Vec::new();
                for (field, &column) in &mapping.0 {
                    match FIELDS.iter().find(|f| f.id == field) {
                        Some(spec) => matches.push(crate::columns::ColumnMatch {
                            field: spec.id,
                            index: column,
                            header: header.get(column).and_then(parse_text).unwrap_or_default(),
                        }),
                        None => mapping_issues.push((field.clone(), Table::row_number(index))),
                    }
                }
                matches.sort_by_key(|m| m.index);
                (index, ColumnMap { matches, duplicates: Vec::new() })
            })
        }
    };
    let header_found = found.is_some();
    let (header_index, map) = found.unwrap_or_default();
    let header_row = Table::row_number(header_index);
    let headers: Vec<String> = table
        .rows
        .get(header_index)
        .map(|r| r.iter().map(|c| parse_text(c).unwrap_or_default()).collect())
        .unwrap_or_default();
    let data_rows: Vec<(usize, &Vec<Cell>)> = table
        .rows
        .iter()
        .enumerate()
        .skip(header_index + 1)
        .filter(|(_, cells)| !cells.iter().all(Cell::is_empty))
        .collect();
    let total_rows = u32::try_from(data_rows.len()).unwrap_or(u32::MAX);

    let mut rows = Vec::new();
    let mut issues: Vec<ImportIssue> = mapping_issues
        .into_iter()
        .map(|(field, row)| ImportIssue {
            row,
            column: field.clone(),
            header: None,
            value: None,
            code: crate::payroll::MAPPING_FIELD_UNKNOWN.to_owned(),
            params: BTreeMap::from([("field".to_owned(), field)]),
        })
        .collect();
    if !header_found {
        // Without a header no column is known: one issue instead of one per column.
        issues.push(issue_at(&map, &[], header_row, "", HEADER_NOT_FOUND, BTreeMap::new()));
    } else if data_rows.is_empty() {
        issues.extend(column_issues(&map, header_row));
        issues.push(issue_at(&map, &[], header_row, "", HEADER_ONLY, BTreeMap::new()));
    } else {
        issues.extend(column_issues(&map, header_row));
        let today = opts.today;
        let separators = QsSeparators::of(&map, &data_rows);
        for (index, cells) in data_rows {
            let mut reader =
                RowReader { row: Table::row_number(index), cells, map: &map, separators, issues: Vec::new() };
            if let Some(row) = reader.read(opts, today) {
                rows.push(row);
            }
            issues.append(&mut reader.issues);
        }
        issues.extend(cross_row_issues(&rows, &table, &map));
        issues.sort_by_key(|i| i.row);
    }
    for issue in &mut issues {
        issue.shorten_values();
    }

    StaffPreview {
        file_name: file_name.to_owned(),
        sheet: table.sheet,
        sheet_names: table.sheet_names,
        header_row,
        columns: map.matches.iter().map(|m| (m.field.to_owned(), shorten(&m.header))).collect(),
        column_indexes: map.matches.iter().map(|m| (m.field.to_owned(), m.index)).collect(),
        headers: headers.iter().map(|h| shorten(h)).collect(),
        rows,
        issues,
        total_rows,
    }
}

fn column_issues(map: &ColumnMap, header_row: u32) -> Vec<ImportIssue> {
    let missing = REQUIRED.iter().filter(|f| !map.contains(f)).map(|f| {
        issue_at(map, &[], header_row, f, COLUMN_MISSING, BTreeMap::from([("column".to_owned(), (*f).to_owned())]))
    });
    let duplicates = map.duplicates.iter().map(|d| {
        let first = map.get(d.field).map(|m| m.header.clone()).unwrap_or_default();
        ImportIssue {
            row: header_row,
            column: d.field.to_owned(),
            header: Some(d.header.clone()),
            value: None,
            code: COLUMN_DUPLICATE.to_owned(),
            params: BTreeMap::from([("first_header".to_owned(), first)]),
        }
    });
    missing.chain(duplicates).collect()
}

/// An issue at `row`, `field`; header and value are filled in from the map and the cells.
fn issue_at(
    map: &ColumnMap,
    cells: &[Cell],
    row: u32,
    field: &str,
    code: &str,
    params: BTreeMap<String, String>,
) -> ImportIssue {
    let column = map.get(field);
    let value =
        column.and_then(|c| cells.get(c.index)).map(|c| c.to_text().trim().to_owned()).filter(|t| !t.is_empty());
    ImportIssue {
        row,
        column: field.to_owned(),
        header: column.map(|c| c.header.clone()),
        value,
        code: code.to_owned(),
        params,
    }
}

/// What a row holds for a field.
enum Slot<'a> {
    /// The column does not exist (reported once, at the header).
    NoColumn,
    Blank,
    /// A formula error, already reported.
    Reported,
    Value(&'a Cell),
}

struct RowReader<'a> {
    row: u32,
    cells: &'a [Cell],
    map: &'a ColumnMap,
    separators: QsSeparators,
    issues: Vec<ImportIssue>,
}

impl<'a> RowReader<'a> {
    fn issue(&mut self, field: &str, code: &str, params: BTreeMap<String, String>) {
        self.issues.push(issue_at(self.map, self.cells, self.row, field, code, params));
    }

    fn slot(&mut self, field: &str) -> Slot<'a> {
        let Some(index) = self.map.index(field) else { return Slot::NoColumn };
        let cells: &'a [Cell] = self.cells;
        match cells.get(index) {
            None => Slot::Blank,
            Some(c) if c.is_empty() => Slot::Blank,
            Some(Cell::Error(e)) => {
                let params = BTreeMap::from([("error".to_owned(), e.clone())]);
                self.issue(field, CELL_ERROR, params);
                Slot::Reported
            }
            Some(Cell::FormulaWithoutValue(f)) => {
                let params = BTreeMap::from([("formula".to_owned(), f.clone())]);
                self.issue(field, FORMULA_WITHOUT_VALUE, params);
                Slot::Reported
            }
            Some(c) => Slot::Value(c),
        }
    }

    fn parse<T>(&mut self, field: &str, cell: &Cell, parse: impl Fn(&Cell) -> Result<T, Violation>) -> Option<T> {
        match parse(cell) {
            Ok(v) => Some(v),
            Err(v) => {
                self.issue(field, &v.code, v.params);
                None
            }
        }
    }

    /// The parsed value; a blank cell is `import.value_required`.
    fn required<T>(&mut self, field: &str, parse: impl Fn(&Cell) -> Result<T, Violation>) -> Option<T> {
        match self.slot(field) {
            Slot::Value(cell) => self.parse(field, cell, parse),
            Slot::Blank => {
                self.issue(field, values::VALUE_REQUIRED, BTreeMap::new());
                None
            }
            Slot::NoColumn | Slot::Reported => None,
        }
    }

    /// The parsed value, `None` when blank.
    fn optional<T>(&mut self, field: &str, parse: impl Fn(&Cell) -> Result<T, Violation>) -> Option<T> {
        match self.slot(field) {
            Slot::Value(cell) => self.parse(field, cell, parse),
            Slot::NoColumn | Slot::Blank | Slot::Reported => None,
        }
    }

    /// Reads the row, reporting every problem; `Some` when every value could be read.
    fn read(&mut self, opts: &StaffImportOptions, today: NaiveDate) -> Option<StaffRow> {
        let insz = self.required("insz", insz_value);
        let last_name = self.required("last_name", text_value);
        let first_name = self.required("first_name", text_value);
        // `Some(None)`: the cell is empty (the INSZ's date is taken below); `None`: not read.
        let birth_date = match self.slot("birth_date") {
            Slot::Value(cell) => self.parse("birth_date", cell, date_value).map(Some),
            Slot::Blank => Some(None),
            Slot::NoColumn | Slot::Reported => None,
        };
        let sex = self.optional("sex", sex_value);
        let category = self.required("category", category_value);
        let start = self.required("start", date_value);
        let end = self.optional("end", date_value);
        let (q_column, s_column) = (self.separators.q, self.separators.s);
        let q = self.required("q", |c: &Cell| hours_value(c, &q_column));
        let s = match (category, self.slot("s")) {
            (Some(Category::WorkCare), Slot::Blank) => Some(opts.work_care_full_time),
            _ => self.required("s", |c: &Cell| hours_value(c, &s_column)),
        };
        let contract_type = self.optional("contract_type", contract_type_value);
        let job = self.optional("job", text_value);
        let ocmw = self.optional("ocmw", text_value);
        let placement_agreement_signed = self.optional("placement_agreement_signed", date_value);
        let work_form = self.optional("work_form", text_value);
        let all_read = self.issues.is_empty();

        let birth_date = birth_date.map(|given| self.birth_date(insz.clone(), given, today));

        // The period's rules are checked whenever its own values could be read.
        let period = match (category, start, q, s) {
            (Some(category), Some(start), Some(q), Some(s)) => Some(EmploymentPeriod {
                category,
                start,
                end,
                fraction: Fraction::new(q, s),
                contract_type: contract_type.unwrap_or_else(|| ContractType::default_for(category)),
                job,
                ocmw,
                placement_agreement_signed,
                // The work-form column is resolved against the organisation by the caller.
                work_form_id: None,
            }),
            _ => None,
        };
        if let Some(period) = &period {
            for v in period.validate() {
                let column = match v.field.as_str() {
                    "ocmw" if period.ocmw.is_none() => "placement_agreement_signed",
                    other => other,
                };
                self.issue(column, &v.code, v.params);
            }
        }
        let row = StaffRow {
            row: self.row,
            insz: insz?,
            last_name: last_name?,
            first_name: first_name?,
            birth_date: birth_date?,
            sex,
            period: period?,
            work_form,
        };
        all_read.then_some(row)
    }

    /// The birth date of the row: the given one, else the one the INSZ encodes (see
    /// [`Person::fill_birth_date_from_insz`]), reporting the person's own rules about it
    /// (in the future, or not the INSZ's).
    fn birth_date(&mut self, insz: Option<Insz>, given: Option<NaiveDate>, today: NaiveDate) -> Option<NaiveDate> {
        let mut person = Person { insz, birth_date: given, ..Person::new("", "") };
        person.fill_birth_date_from_insz();
        if let Err(violations) = person.validate(today) {
            // The names are checked as cells above; only the birth date's rules are new here.
            for v in violations.0.into_iter().filter(|v| v.field == "birth_date") {
                self.issue("birth_date", &v.code, v.params);
            }
        }
        person.birth_date
    }
}

fn code(field: &str, code: &'static str) -> Violation {
    Violation::new(field, code)
}

fn text_value(cell: &Cell) -> Result<String, Violation> {
    parse_text(cell).ok_or_else(|| code("", values::VALUE_REQUIRED))
}

fn date_value(cell: &Cell) -> Result<NaiveDate, Violation> {
    parse_date(cell).map_err(|c| code("", c))
}

/// Weekly hours; `2.100` is read as its column reads it (see [`QsSeparators`]).
fn hours_value(cell: &Cell, column: &ColumnSeparators) -> Result<u32, Violation> {
    column.parse_hours(cell).map_err(|c| match c {
        values::NUMBER_AMBIGUOUS => code("", c).with("value", cell.to_text().trim()),
        _ => code("", c),
    })
}

/// The decimal separators of the Q and S columns, noted over every data row before the rows
/// are read: the same per-column rule as the payroll import's amounts
/// ([`ColumnSeparators`]). `2.100` is 2100 hours in a column whose other values use a
/// decimal comma (and then out of range), 2,1 hours in one that uses a decimal point, and
/// `import.number_ambiguous` when the column does not tell.
#[derive(Debug, Clone, Copy, Default)]
struct QsSeparators {
    q: ColumnSeparators,
    s: ColumnSeparators,
}

impl QsSeparators {
    fn of(map: &ColumnMap, rows: &[(usize, &Vec<Cell>)]) -> Self {
        let mut out = Self::default();
        for (field, seps) in [("q", &mut out.q), ("s", &mut out.s)] {
            if let Some(index) = map.index(field) {
                for (_, cells) in rows {
                    if let Some(cell) = cells.get(index) {
                        seps.note_cell(cell);
                    }
                }
            }
        }
        out
    }
}

/// An INSZ; a number cell loses leading zeros (00012556777 → 12556777), so it is padded.
fn insz_value(cell: &Cell) -> Result<Insz, Violation> {
    values::parse_insz(cell)
}

fn category_value(cell: &Cell) -> Result<Category, Violation> {
    parse_text(cell).unwrap_or_default().parse()
}

fn contract_type_value(cell: &Cell) -> Result<ContractType, Violation> {
    let text = parse_text(cell).unwrap_or_default();
    parse_contract_type(&text).ok_or_else(|| code("contract_type", CONTRACT_UNKNOWN).with("value", &text))
}

fn sex_value(cell: &Cell) -> Result<Sex, Violation> {
    let text = parse_text(cell).unwrap_or_default();
    parse_sex(&text).ok_or_else(|| code("sex", SEX_UNKNOWN).with("value", &text))
}

/// A contract type id (`open_ended`, …) or a Dutch (or English) word for it.
pub fn parse_contract_type(input: &str) -> Option<ContractType> {
    use crate::columns::normalise_key;
    let key = normalise_key(input);
    if let Some(c) = ContractType::ALL.into_iter().find(|c| normalise_key(c.id()) == key) {
        return Some(c);
    }
    let words: &[(&[&str], ContractType)] = &[
        (
            &[
                "onbepaaldeduur",
                "onbepaald",
                "contractonbepaaldeduur",
                "arbeidsovereenkomstonbepaaldeduur",
                "openended",
            ],
            ContractType::OpenEnded,
        ),
        (
            &["bepaaldeduur", "bepaald", "contractbepaaldeduur", "arbeidsovereenkomstbepaaldeduur", "fixedterm"],
            ContractType::FixedTerm,
        ),
        (&["vervanging", "vervangingsovereenkomst", "vervangingscontract", "replacement"], ContractType::Replacement),
        (&["arbeidszorgovereenkomst", "arbeidszorg", "workcare", "workcareagreement"], ContractType::WorkCareAgreement),
        (
            &["artikel60", "art60", "artikel607", "art607", "article60", "tewerkstellingartikel60"],
            ContractType::Article60Placement,
        ),
        (&["ander", "andere", "overig", "overige", "other"], ContractType::Other),
    ];
    words.iter().find(|(ws, _)| ws.contains(&key.as_str())).map(|(_, c)| *c)
}

/// M/V/X and the words for them (Dutch, English, French); `onbekend` is [`Sex::Unknown`].
pub fn parse_sex(input: &str) -> Option<Sex> {
    let key = crate::columns::normalise_key(input);
    match key.as_str() {
        "m" | "man" | "mannelijk" | "male" | "h" | "homme" => Some(Sex::Male),
        "v" | "vrouw" | "vrouwelijk" | "f" | "female" | "femme" => Some(Sex::Female),
        "x" => Some(Sex::X),
        "onbekend" | "unknown" | "inconnu" => Some(Sex::Unknown),
        _ => None,
    }
}

/// Same INSZ: same name and birth date as on its first row, and no overlapping periods.
fn cross_row_issues(rows: &[StaffRow], table: &Table, map: &ColumnMap) -> Vec<ImportIssue> {
    let mut issues = Vec::new();
    let mut seen: HashMap<&str, Vec<&StaffRow>> = HashMap::new();
    for row in rows {
        let cells = table.rows.get((row.row as usize).saturating_sub(1)).map(Vec::as_slice).unwrap_or_default();
        let earlier = seen.entry(row.insz.digits()).or_default();
        if let Some(first) = earlier.first() {
            let differences = [
                ("last_name", !same_name(&row.last_name, &first.last_name), first.last_name.clone()),
                ("first_name", !same_name(&row.first_name, &first.first_name), first.first_name.clone()),
                (
                    "birth_date",
                    row.birth_date.zip(first.birth_date).is_some_and(|(a, b)| a != b),
                    first.birth_date.map(|b| b.to_string()).unwrap_or_default(),
                ),
            ];
            for (field, differs, other_value) in differences {
                if differs {
                    let params = BTreeMap::from([
                        ("other_row".to_owned(), first.row.to_string()),
                        ("other_value".to_owned(), other_value),
                    ]);
                    issues.push(issue_at(map, cells, row.row, field, PERSON_INCONSISTENT, params));
                }
            }
        }
        for other in earlier.iter() {
            if let Err(violations) = row.period.check_no_overlap(std::slice::from_ref(&other.period)) {
                for v in violations.0 {
                    let mut params = v.params;
                    params.insert("other_row".to_owned(), other.row.to_string());
                    issues.push(issue_at(map, cells, row.row, "start", &v.code, params));
                }
            }
        }
        earlier.push(row);
    }
    issues
}

/// Names compare ignoring case and extra spaces (accents count).
fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    norm(a) == norm(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn contract_types() {
        let table = [
            ("onbepaalde duur", ContractType::OpenEnded),
            ("Onbepaalde Duur", ContractType::OpenEnded),
            ("open_ended", ContractType::OpenEnded),
            ("bepaalde duur", ContractType::FixedTerm),
            ("fixed_term", ContractType::FixedTerm),
            ("Vervanging", ContractType::Replacement),
            ("arbeidszorgovereenkomst", ContractType::WorkCareAgreement),
            ("artikel 60", ContractType::Article60Placement),
            ("Art. 60 §7", ContractType::Article60Placement),
            ("article_60_placement", ContractType::Article60Placement),
            ("other", ContractType::Other),
        ];
        for (input, expected) in table {
            assert_eq!(parse_contract_type(input), Some(expected), "{input}");
        }
        assert_eq!(parse_contract_type("interim"), None);
        assert_eq!(parse_contract_type(""), None);
    }

    #[test]
    fn sexes() {
        for (input, expected) in [
            ("M", Sex::Male),
            ("man", Sex::Male),
            ("V", Sex::Female),
            ("Vrouw", Sex::Female),
            ("F", Sex::Female),
            ("x", Sex::X),
            ("onbekend", Sex::Unknown),
        ] {
            assert_eq!(parse_sex(input), Some(expected), "{input}");
        }
        assert_eq!(parse_sex("q"), None);
    }

    #[test]
    fn insz_from_number_cells_keeps_leading_zeros() {
        assert_eq!(insz_value(&Cell::Number(12556777.0)).unwrap().digits(), "00012556777");
        assert_eq!(insz_value(&Cell::Number(93051822361.0)).unwrap().digits(), "93051822361");
        assert_eq!(insz_value(&Cell::Text("93.05.18-223.61".into())).unwrap().digits(), "93051822361");
        assert_eq!(insz_value(&Cell::Text("93051822362".into())).unwrap_err().code, "insz.checksum");
        assert_eq!(insz_value(&Cell::Number(1.5)).unwrap_err().code, "insz.format");
    }

    #[test]
    fn names_compare_loosely() {
        assert!(same_name("Van den Broeck", " van  den broeck"));
        assert!(!same_name("Désirée", "Desiree"));
    }
}
