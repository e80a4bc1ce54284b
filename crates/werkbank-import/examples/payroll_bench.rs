//! Prints how long the payroll import takes on generated files (no assertions: speed
//! claims are figures from a benchmark, never timed tests).
//!
//! ```text
//! cargo run --release -p werkbank-import --example payroll_bench -- 1000000
//! ```
//!
//! Generates an xlsx and a csv payroll export of N lines (default 200 000; nine columns,
//! SD Worx-like Dutch headers) in a temporary folder, then times, for each:
//! `read_table` (the whole sheet in memory), `preview_payroll` (streamed), and for the xlsx
//! the extra pass that reads its merged areas.

use calamine::{open_workbook, Xlsx};
use rust_xlsxwriter::Workbook;
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};
use werkbank_import::{preview_payroll, read_table, PayrollOptions};

const HEADER: [&str; 9] =
    ["Werknemersnummer", "INSZ", "Naam", "Periode", "Looncode", "Omschrijving", "Aantal", "Eenheid", "Bedrag"];
const INSZ: [&str; 4] = ["93051822361", "85073003328", "00012556777", "90030304530"];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let lines: usize = std::env::args().nth(1).map(|a| a.parse()).transpose()?.unwrap_or(200_000);
    let dir = tempfile::tempdir()?;
    let xlsx = dir.path().join("loonjournaal.xlsx");
    let csv = dir.path().join("loonjournaal.csv");

    let started = Instant::now();
    write_xlsx(&xlsx, lines)?;
    write_csv(&csv, lines)?;
    println!("generated {lines} lines in {:.1?}", started.elapsed());

    for path in [&xlsx, &csv] {
        let size = std::fs::metadata(path)?.len();
        println!("\n{} ({:.1} MB)", path.file_name().unwrap_or_default().to_string_lossy(), size as f64 / 1e6);
        let (table, took) = timed(|| read_table(path, None));
        let rows = table?.rows.len();
        report("read_table (whole sheet)", rows, took);
        let (preview, took) = timed(|| preview_payroll(path, &PayrollOptions::default()));
        let preview = preview?;
        report("preview_payroll (streamed)", preview.total_rows as usize, took);
        println!("  {} lines, {} issues", preview.lines.len(), preview.issues.len());
        if path == &xlsx {
            let (merged, took) = timed(|| -> Result<usize, Box<dyn std::error::Error>> {
                let mut workbook: Xlsx<_> = open_workbook(path)?;
                Ok(workbook.merge_cells_by_sheet_name("Loonjournaal")?.len())
            });
            report(&format!("of which the merged-areas pass ({} areas)", merged?), rows, took);
        }
    }
    Ok(())
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let started = Instant::now();
    let value = f();
    (value, started.elapsed())
}

fn report(what: &str, rows: usize, took: Duration) {
    let per_second = rows as f64 / took.as_secs_f64().max(1e-9);
    println!("  {what:<45} {took:>10.2?}  {per_second:>12.0} rows/s");
}

/// Line `i`: worker, period, wage code and amount vary; hours as 7,60.
fn line(i: usize) -> [String; 9] {
    let worker = 1000 + i / 12;
    [
        worker.to_string(),
        INSZ[worker % INSZ.len()].to_owned(),
        format!("Werknemer {worker}"),
        format!("{:02}/2026", 1 + i % 3),
        (1000 + i % 12 * 10).to_string(),
        "Bezoldigde uren".to_owned(),
        "7,60".to_owned(),
        "u".to_owned(),
        format!("{},{:02}", 100 + i % 900, i % 100),
    ]
}

fn write_xlsx(path: &Path, lines: usize) -> Result<(), Box<dyn std::error::Error>> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Loonjournaal")?;
    for (c, h) in (0u16..).zip(HEADER) {
        sheet.write_string(0, c, h)?;
    }
    for i in 0..lines {
        let r = u32::try_from(i + 1)?;
        let cells = line(i);
        for (c, value) in (0u16..).zip(cells.iter()) {
            match c {
                0 => sheet.write_number(r, c, value.parse::<f64>()?)?,
                _ => sheet.write_string(r, c, value)?,
            };
        }
    }
    workbook.save(path)?;
    Ok(())
}

fn write_csv(path: &Path, lines: usize) -> Result<(), Box<dyn std::error::Error>> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(out, "{}", HEADER.join(";"))?;
    for i in 0..lines {
        writeln!(out, "{}", line(i).join(";"))?;
    }
    out.flush()?;
    Ok(())
}
