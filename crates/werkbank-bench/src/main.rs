//! `werkbank-bench`: times the payroll import on the files that `werkbank bench generate`
//! writes (see docs/performance.md).
//!
//! ```text
//! cargo run --release -p werkbank-cli -- bench generate --workers 3000 --years 5 --out /tmp/werkbank-bench
//! cargo run --release -p werkbank-bench -- --dir /tmp/werkbank-bench
//! ```
//!
//! For `loon-100k.xlsx` and `loon-100k.csv` (`--full`: `loon.xlsx` and `loon.csv`) it
//! measures the bare parse (xlsx: calamine opens the workbook and reads the sheet's range;
//! csv: decoding plus the csv crate reading every record) and the whole import through
//! `Api::import_payroll` (read, validate, match, store) into a fresh database that already
//! holds the organisation and the staff register (`personeel.csv`). Each measurement runs
//! in a child process of this binary (`--measure STEP FILE`), so its peak memory (VmHWM)
//! is its own; the fastest of `--runs` runs is reported, with the highest peak.

use clap::Parser;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};
use std::time::Instant;
use werkbank_bench::measure::{
    bare_parse_csv, bare_parse_xlsx, current_memory_kib, peak_memory_kib, reset_peak_memory,
};

/// The target: the whole import takes at most this many times the bare parse.
const TARGET_RATIO: f64 = 1.5;

#[derive(Parser)]
#[command(name = "werkbank-bench", about = "Times the payroll import against a bare parse of the same file")]
struct Args {
    /// The folder written by `werkbank bench generate --out DIR`
    #[arg(long, value_name = "DIR", required_unless_present = "measure")]
    dir: Option<PathBuf>,
    /// Runs per measurement (each in a fresh process and database); the fastest is reported
    #[arg(long, default_value_t = 3)]
    runs: u32,
    /// Measure loon.xlsx and loon.csv (all lines) instead of the 100k files
    #[arg(long)]
    full: bool,
    /// Only these steps (comma-separated): xlsx-parse, xlsx-import, csv-parse, csv-import
    #[arg(long, value_delimiter = ',')]
    only: Vec<String>,
    /// Print the results as JSON
    #[arg(long)]
    json: bool,
    /// Internal: run one step in this process and print its result as JSON
    #[arg(long, num_args = 2, value_names = ["STEP", "FILE"], hide = true)]
    measure: Option<Vec<String>>,
    /// Internal, with --measure *-import: the prepared database
    #[arg(long, hide = true)]
    db: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Step {
    XlsxParse,
    XlsxImport,
    CsvParse,
    CsvImport,
}

impl Step {
    const ALL: [Step; 4] = [Step::XlsxParse, Step::XlsxImport, Step::CsvParse, Step::CsvImport];

    fn id(self) -> &'static str {
        match self {
            Step::XlsxParse => "xlsx-parse",
            Step::XlsxImport => "xlsx-import",
            Step::CsvParse => "csv-parse",
            Step::CsvImport => "csv-import",
        }
    }

    fn parse(id: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|s| s.id() == id)
    }

    fn is_import(self) -> bool {
        matches!(self, Step::XlsxImport | Step::CsvImport)
    }

    fn file(self, full: bool) -> &'static str {
        match (self, full) {
            (Step::XlsxParse | Step::XlsxImport, false) => werkbank_bench::SUBSET_XLSX,
            (Step::XlsxParse | Step::XlsxImport, true) => werkbank_bench::PAYROLL_XLSX,
            (Step::CsvParse | Step::CsvImport, false) => werkbank_bench::SUBSET_CSV,
            (Step::CsvParse | Step::CsvImport, true) => werkbank_bench::PAYROLL_CSV,
        }
    }
}

/// What one child process measured.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct Measurement {
    step: Step,
    seconds: f64,
    lines: u64,
    /// VmHWM: the process's peak resident memory (KiB), the timed step included.
    peak_kib: Option<u64>,
    /// VmRSS just before the timed step, after its setup (KiB).
    before_kib: Option<u64>,
    /// When the step failed: why.
    error: Option<String>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    if let Some(measure) = &args.measure {
        let Some(step) = Step::parse(&measure[0]) else {
            eprintln!("unknown step {:?}", measure[0]);
            return ExitCode::from(2);
        };
        let m = measure_here(step, Path::new(&measure[1]), args.db.as_deref());
        println!("{}", serde_json::to_string(&m).expect("json"));
        return if m.error.is_none() { ExitCode::SUCCESS } else { ExitCode::FAILURE };
    }
    match run(&args) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("werkbank-bench: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Runs every step `runs` times in child processes and prints the table; false when a step
/// failed.
fn run(args: &Args) -> Result<bool, String> {
    let dir = args.dir.as_deref().expect("clap requires --dir");
    let steps: Vec<Step> = if args.only.is_empty() {
        Step::ALL.to_vec()
    } else {
        args.only
            .iter()
            .map(|s| Step::parse(s).ok_or_else(|| format!("unknown step {s:?}")))
            .collect::<Result<_, _>>()?
    };
    let staff = dir.join(werkbank_bench::STAFF_FILE);
    for path in steps.iter().map(|s| dir.join(s.file(args.full))).chain([staff.clone()]) {
        if !path.exists() {
            return Err(format!(
                "{} is missing: first run `werkbank bench generate --workers 3000 --years 5 --out {}`",
                path.display(),
                dir.display()
            ));
        }
    }
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let mut results = Vec::new();
    for &step in &steps {
        let file = dir.join(step.file(args.full));
        let mut runs = Vec::new();
        for _ in 0..args.runs.max(1) {
            let scratch = tempfile::tempdir().map_err(|e| e.to_string())?;
            let mut child = Command::new(&exe);
            child.arg("--measure").arg(step.id()).arg(&file);
            if step.is_import() {
                let db = scratch.path().join("werkbank.sqlite");
                prepare_database(&db, &staff)?;
                child.arg("--db").arg(&db);
            }
            let output = child.output().map_err(|e| format!("{}: {e}", exe.display()))?;
            let m: Measurement = serde_json::from_slice(&output.stdout).map_err(|e| {
                format!("{} {}: {e}\n{}", step.id(), file.display(), String::from_utf8_lossy(&output.stderr))
            })?;
            let failed = m.error.is_some();
            runs.push(m);
            if failed {
                break;
            }
        }
        let best = runs.iter().min_by(|a, b| a.seconds.total_cmp(&b.seconds)).cloned().expect("one run");
        let failed = runs.iter().find(|m| m.error.is_some()).cloned();
        let peak = runs.iter().filter_map(|m| m.peak_kib).max();
        results.push(failed.unwrap_or(Measurement { peak_kib: peak, ..best }));
    }
    let ok = results.iter().all(|m| m.error.is_none());
    if args.json {
        let ratios: Vec<_> = ratios(&results)
            .into_iter()
            .map(|(format, ratio)| serde_json::json!({ "format": format, "ratio": ratio, "target": TARGET_RATIO }))
            .collect();
        let out = serde_json::json!({ "dir": dir, "runs": args.runs, "measurements": results, "ratios": ratios });
        println!("{}", serde_json::to_string_pretty(&out).expect("json"));
    } else {
        print_table(dir, args, &results);
    }
    Ok(ok)
}

/// Import time over bare-parse time, per format with both steps measured.
fn ratios(results: &[Measurement]) -> Vec<(&'static str, f64)> {
    let find = |step| results.iter().find(|m| m.step == step && m.error.is_none());
    [("xlsx", Step::XlsxParse, Step::XlsxImport), ("csv", Step::CsvParse, Step::CsvImport)]
        .into_iter()
        .filter_map(|(format, parse, import)| Some((format, find(import)?.seconds / find(parse)?.seconds)))
        .collect()
}

fn print_table(dir: &Path, args: &Args, results: &[Measurement]) {
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "Payroll import benchmark: {} ({}), fastest of {} run(s), {cpus} CPU(s)",
        dir.display(),
        if args.full { "loon.xlsx, loon.csv" } else { "loon-100k.xlsx, loon-100k.csv" },
        args.runs.max(1)
    );
    println!("{:<12} {:>9} {:>10} {:>12} {:>12}", "step", "lines", "time", "lines/s", "peak memory");
    for m in results {
        match &m.error {
            Some(e) => println!("{:<12} failed: {e}", m.step.id()),
            None => println!(
                "{:<12} {:>9} {:>8.3} s {:>12.0} {:>8} MiB",
                m.step.id(),
                m.lines,
                m.seconds,
                m.lines as f64 / m.seconds,
                m.peak_kib.map_or("?".into(), |k| format!("{:.1}", k as f64 / 1024.0))
            ),
        }
    }
    for (format, ratio) in ratios(results) {
        let verdict = if ratio <= TARGET_RATIO { "within target" } else { "ABOVE TARGET" };
        println!("{format}: whole import / bare parse = {ratio:.2} (target ≤ {TARGET_RATIO}): {verdict}");
    }
}

/// One step in this process: setup, then the timed work, then the peak memory.
fn measure_here(step: Step, file: &Path, db: Option<&Path>) -> Measurement {
    let mut m = Measurement { step, seconds: 0.0, lines: 0, peak_kib: None, before_kib: None, error: None };
    let outcome = match step {
        Step::XlsxParse | Step::CsvParse => {
            reset_peak_memory();
            m.before_kib = current_memory_kib();
            let start = Instant::now();
            let lines = if step == Step::XlsxParse { bare_parse_xlsx(file) } else { bare_parse_csv(file) };
            m.seconds = start.elapsed().as_secs_f64();
            lines
        }
        Step::XlsxImport | Step::CsvImport => match db {
            None => Err("--db is required for an import step".into()),
            Some(db) => import::measure_import(db, file, &mut m),
        },
    };
    match outcome {
        Ok(lines) => m.lines = lines,
        Err(e) => m.error = Some(e),
    }
    m.peak_kib = peak_memory_kib();
    m
}

fn runtime() -> Result<tokio::runtime::Runtime, String> {
    // The CLI's runtime: one thread (sqlx's SQLite driver has its own worker thread).
    tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| e.to_string())
}

/// A fresh database at `db` holding the benchmark organisation, the meanings of its wage
/// codes and the staff register.
fn prepare_database(db: &Path, staff: &Path) -> Result<(), String> {
    use werkbank_api::dto::{OrganisationDto, WageCodeDto, WorkFormDto};
    use werkbank_domain::WorkFormKind;
    runtime()?.block_on(async {
        let api = werkbank_api::Api::open(db).await.map_err(|e| e.to_string())?;
        let outcome = async {
            let work_form = |kind| WorkFormDto { id: None, kind, recognition_number: None, earlier_kinds: Vec::new() };
            api.save_organisation(OrganisationDto {
                name: "Benchmark vzw".into(),
                kbo: "0403.019.261".into(),
                street: "Kringloopstraat 12".into(),
                postal_code: "9000".into(),
                city: "Gent".into(),
                work_forms: vec![work_form(WorkFormKind::SocialWorkshop), work_form(WorkFormKind::WorkCare)],
                work_care_full_time: "30".into(),
                ..Default::default()
            })
            .await?;
            // The director has told Werkbank what the secretariat's wage codes mean.
            for w in werkbank_bench::payroll::WAGE_CODES {
                api.save_wage_code(WageCodeDto {
                    id: None,
                    code: w.code.to_string(),
                    meaning: w.meaning.into(),
                    description: Some(w.description.into()),
                })
                .await?;
            }
            api.import_staff(staff, werkbank_api::dto::StaffFileOptions::default()).await
        }
        .await;
        let result = outcome.map(|_| ()).map_err(|e| {
            let dto = api.error_dto(&e);
            let first = dto.details.issues.first().map(|i| format!(" (row {}: {})", i.row, i.message));
            format!("preparing the database: {}{}", dto.message, first.unwrap_or_default())
        });
        api.close().await;
        result
    })
}

/// The import measurement, against `Api::import_payroll` (werkbank-api).
mod import {
    use super::{current_memory_kib, reset_peak_memory, runtime, Measurement};
    use std::path::Path;
    use std::time::Instant;
    use werkbank_api::dto::PayrollImportOptions;

    /// Opens the prepared database (setup, not timed), then times `Api::import_payroll`
    /// with the default options (headers recognised, workers matched by INSZ); the lines
    /// imported.
    pub(super) fn measure_import(db: &Path, file: &Path, m: &mut Measurement) -> Result<u64, String> {
        runtime()?.block_on(async {
            let api = werkbank_api::Api::open(db).await.map_err(|e| e.to_string())?;
            reset_peak_memory();
            m.before_kib = current_memory_kib();
            let start = Instant::now();
            let outcome = api.import_payroll(file, PayrollImportOptions::default(), ()).await;
            m.seconds = start.elapsed().as_secs_f64();
            let result = match outcome {
                Ok(r) if r.lines_imported > 0 && r.batch_id.is_some() => Ok(u64::from(r.lines_imported)),
                Ok(r) => Err(format!(
                    "nothing imported: {} issue(s), {} unmatched worker(s), duplicate of a batch: {}",
                    r.issues.len(),
                    r.unmatched.len(),
                    r.duplicate_of.is_some()
                )),
                Err(e) => {
                    let dto = api.error_dto(&e);
                    let first = dto.details.issues.first().map(|i| format!(" (row {}: {})", i.row, i.message));
                    Err(format!("{}{}", dto.message, first.unwrap_or_default()))
                }
            };
            api.close().await;
            result
        })
    }
}
