//! Benchmark tooling for the payroll import.
//!
//! [`generate`] writes a synthetic workplace into a folder: its staff register
//! (`personeel.csv`, the format `werkbank staff import` reads) and the payroll exports of
//! its social secretariat over the years (`loon.xlsx`, `loon.csv`, and their first
//! 100 000 lines as `loon-100k.xlsx` and `loon-100k.csv`). Everything is made up and
//! deterministic for a seed: the same files on every machine. `werkbank bench generate`
//! calls it; the `werkbank-bench` binary times parsing and importing the files (see
//! docs/performance.md).
//!
//! Rows are streamed: the payroll files are written month by month, worker by worker,
//! and the xlsx files in rust_xlsxwriter's constant-memory mode, so memory stays flat
//! whatever the number of lines.
//!
//! No Tauri, no database: this crate only writes files (the binary calls werkbank-api).

pub mod measure;
pub mod names;
pub mod payroll;
mod rng;
pub mod workplace;
pub mod write;

use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, XlsxError};
use serde::Serialize;
use std::path::{Path, PathBuf};
use werkbank_domain::Category;

/// The staff register.
pub const STAFF_FILE: &str = "personeel.csv";
/// All payroll lines.
pub const PAYROLL_XLSX: &str = "loon.xlsx";
pub const PAYROLL_CSV: &str = "loon.csv";
/// The first [`SUBSET_LINES`] payroll lines.
pub const SUBSET_XLSX: &str = "loon-100k.xlsx";
pub const SUBSET_CSV: &str = "loon-100k.csv";
/// How many lines the `-100k` files hold (fewer when the whole export is smaller).
pub const SUBSET_LINES: u64 = 100_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GenerateOptions {
    /// People in the staff register (about three quarters are employed at any time).
    pub workers: u32,
    /// Calendar years of payroll, from `first_year`.
    pub years: u32,
    /// The folder to write into (created when missing; files in it are replaced).
    pub out: PathBuf,
    pub seed: u64,
    pub first_year: i32,
}

impl GenerateOptions {
    pub const DEFAULT_SEED: u64 = 2026;
    pub const DEFAULT_FIRST_YEAR: i32 = 2021;

    /// The default seed and first year.
    pub fn new(workers: u32, years: u32, out: impl Into<PathBuf>) -> Self {
        Self { workers, years, out: out.into(), seed: Self::DEFAULT_SEED, first_year: Self::DEFAULT_FIRST_YEAR }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GenerateSummary {
    /// People in the staff register.
    pub people: u32,
    /// Employment periods (rows of the staff register).
    pub periods: u32,
    /// Lines of the whole payroll export (in `loon.xlsx` and in `loon.csv`).
    pub payroll_lines: u64,
    /// Every file written, with its size in bytes.
    pub files: Vec<(PathBuf, u64)>,
}

#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("invalid options: {0}")]
    InvalidOptions(String),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: {source}")]
    Xlsx { path: PathBuf, source: XlsxError },
}

fn io_error(path: &Path) -> impl Fn(std::io::Error) -> GenerateError + '_ {
    move |source| GenerateError::Io { path: path.to_owned(), source }
}

fn xlsx_error(path: &Path) -> impl Fn(XlsxError) -> GenerateError + '_ {
    move |source| GenerateError::Xlsx { path: path.to_owned(), source }
}

/// The Dutch label the staff register uses for a category.
pub fn category_label(category: Category) -> &'static str {
    match category {
        Category::TargetGroupRecognised => "doelgroep erkend",
        Category::TargetGroupNonRecognised => "doelgroep niet erkend",
        Category::Article60 => "artikel 60",
        Category::SupervisorRecognised => "begeleider erkend",
        Category::SupervisorNonRecognised => "begeleider niet erkend",
        Category::WorkCare => "arbeidszorg",
        Category::OtherStaff => "overig personeel",
    }
}

/// Writes the staff register and the payroll exports into `opts.out`.
pub fn generate(opts: GenerateOptions) -> Result<GenerateSummary, GenerateError> {
    if opts.workers == 0 || opts.workers > 1_000_000 {
        return Err(GenerateError::InvalidOptions(format!("workers must be 1 to 1000000, not {}", opts.workers)));
    }
    if opts.years == 0 || opts.years > 50 {
        return Err(GenerateError::InvalidOptions(format!("years must be 1 to 50, not {}", opts.years)));
    }
    if !(1950..=2100).contains(&opts.first_year) {
        return Err(GenerateError::InvalidOptions(format!(
            "the first year must be 1950 to 2100, not {}",
            opts.first_year
        )));
    }
    std::fs::create_dir_all(&opts.out).map_err(io_error(&opts.out))?;
    let place = workplace::workplace(opts.workers, opts.years, opts.first_year, opts.seed);

    let staff = opts.out.join(STAFF_FILE);
    write_staff(&place, &staff)?;
    let payroll_lines = write_payroll(&place, &opts)?;

    let mut files = Vec::new();
    for name in [STAFF_FILE, PAYROLL_XLSX, PAYROLL_CSV, SUBSET_XLSX, SUBSET_CSV] {
        let path = opts.out.join(name);
        let size = std::fs::metadata(&path).map_err(io_error(&path))?.len();
        files.push((path, size));
    }
    Ok(GenerateSummary {
        people: opts.workers,
        periods: u32::try_from(place.periods()).unwrap_or(u32::MAX),
        payroll_lines,
        files,
    })
}

/// One row per employment period, UTF-8.
fn write_staff(place: &workplace::Workplace, path: &Path) -> Result<(), GenerateError> {
    let mut csv = write::CsvFile::create(path, false).map_err(io_error(path))?;
    csv.record(&write::STAFF_HEADERS).map_err(io_error(path))?;
    for person in &place.people {
        let insz =
            if person.insz_formatted_in_register { person.insz.formatted() } else { person.insz.digits().to_owned() };
        for p in &person.periods {
            csv.record(&[
                insz.clone(),
                person.last_name.to_owned(),
                person.first_name.to_owned(),
                write::date_text(person.birth_date),
                category_label(p.category).to_owned(),
                write::date_text(p.start),
                p.end.map(write::date_text).unwrap_or_default(),
                write::weekly_hours(p.q),
                p.s.map(write::weekly_hours).unwrap_or_default(),
            ])
            .map_err(io_error(path))?;
        }
    }
    csv.finish().map_err(io_error(path))
}

/// Per line, from the seed and the line's identity: whether its INSZ is written with dots
/// and dash, and whether the CSV writes its hours as `h:mm`.
fn spelling(seed: u64, worker: u32, year: i32, month: u32, code: u16) -> (bool, bool) {
    let key = (u64::from(worker) << 32) ^ ((year as u64) << 16) ^ (u64::from(month) << 12) ^ u64::from(code);
    let h = rng::splitmix(seed ^ rng::splitmix(key));
    (h % 100 < 25, (h >> 16) % 100 < 15)
}

/// All lines into loon.xlsx and loon.csv, the first [`SUBSET_LINES`] also into the
/// `-100k` files; ordered by month, then worker number, then wage code.
fn write_payroll(place: &workplace::Workplace, opts: &GenerateOptions) -> Result<u64, GenerateError> {
    let paths = [PAYROLL_XLSX, SUBSET_XLSX, PAYROLL_CSV, SUBSET_CSV].map(|n| opts.out.join(n));
    let [xlsx_all, xlsx_subset, csv_all_path, csv_subset_path] = &paths;
    let formats = write::XlsxFormats::new();
    // A fixed creation date (the day after the last year), so that a seed gives the same bytes.
    let end_year = opts.first_year + i32::try_from(opts.years).expect("years fit");
    let created = u16::try_from(end_year)
        .ok()
        .and_then(|y| ExcelDateTime::from_ymd(y, 1, 1).ok())
        .unwrap_or_else(|| ExcelDateTime::from_ymd(2026, 1, 1).expect("a valid date"));
    let properties = DocProperties::new()
        .set_title("Loonjournaal (synthetische benchmarkgegevens)")
        .set_company("Werkbank")
        .set_creation_datetime(&created);
    let mut book_all = Workbook::new();
    let mut book_subset = Workbook::new();
    book_all.set_properties(&properties);
    book_subset.set_properties(&properties);
    let ws_all = book_all.add_worksheet_with_constant_memory().map_err(xlsx_error(xlsx_all))?;
    let ws_subset = book_subset.add_worksheet_with_constant_memory().map_err(xlsx_error(xlsx_subset))?;
    write::xlsx_header(ws_all, &formats).map_err(xlsx_error(xlsx_all))?;
    write::xlsx_header(ws_subset, &formats).map_err(xlsx_error(xlsx_subset))?;
    let mut csv_all = write::CsvFile::create(csv_all_path, true).map_err(io_error(csv_all_path))?;
    let mut csv_subset = write::CsvFile::create(csv_subset_path, true).map_err(io_error(csv_subset_path))?;
    csv_all.record(&write::PAYROLL_HEADERS).map_err(io_error(csv_all_path))?;
    csv_subset.record(&write::PAYROLL_HEADERS).map_err(io_error(csv_subset_path))?;

    // What every line of a worker repeats, spelled once.
    let spelled: Vec<(String, String, String)> =
        place.people.iter().map(|p| (p.insz.digits().to_owned(), p.insz.formatted(), p.payroll_name())).collect();
    let first_year = opts.first_year;
    let mut lines = Vec::new();
    let mut count: u64 = 0;
    for year in first_year..end_year {
        let holidays = payroll::public_holidays(year);
        for month in 1..=12 {
            let period = format!("{month:02}/{year}");
            for (person, (plain, dotted, name)) in place.people.iter().zip(&spelled) {
                payroll::month_lines(person, first_year, year, month, &holidays, &mut lines);
                for line in &lines {
                    let (formatted, clock) = spelling(opts.seed, person.worker_number, year, month, line.code.code);
                    let record = write::Record {
                        worker_number: person.worker_number,
                        insz: if formatted { dotted } else { plain },
                        name,
                        period: &period,
                        line,
                        hours_as_clock: clock,
                    };
                    count += 1;
                    let row = u32::try_from(count).expect("rows fit an xlsx sheet");
                    let fields = record.csv_fields();
                    write::xlsx_row(ws_all, row, &record, &formats).map_err(xlsx_error(xlsx_all))?;
                    csv_all.record(&fields).map_err(io_error(csv_all_path))?;
                    if count <= SUBSET_LINES {
                        write::xlsx_row(ws_subset, row, &record, &formats).map_err(xlsx_error(xlsx_subset))?;
                        csv_subset.record(&fields).map_err(io_error(csv_subset_path))?;
                    }
                }
            }
        }
    }
    csv_all.finish().map_err(io_error(csv_all_path))?;
    csv_subset.finish().map_err(io_error(csv_subset_path))?;
    book_subset.save(xlsx_subset).map_err(xlsx_error(xlsx_subset))?;
    book_all.save(xlsx_all).map_err(xlsx_error(xlsx_all))?;
    Ok(count)
}

#[cfg(test)]
mod tests;
