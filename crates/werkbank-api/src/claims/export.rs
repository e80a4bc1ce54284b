//! A claim as files: its lines as an Excel workbook, and its PDF (from [`Api::claim_pdf`])
//! saved where the director chose, or written to a private folder and opened in the
//! system viewer to print.
//!
//! The workbook has five sheets: `Afrekening` (organisation, work form, quarter, status,
//! claim number, rule set, and the totals per stream), `Regels` (one table of every line
//! with a stream column, so a director filters by stream in Excel, and a totals row),
//! `Deelperiodes` (the months and pieces each line was computed over, with the reference,
//! rate and cap or amount of each), `Parameters` (each value used with its date and source) and `Controles` (the problems).
//! Amounts, FTE and days are numbers with Belgian-looking formats (Excel shows
//! `1.234,56 €` in a Belgian locale), dates are real dates (`dd/mm/yyyy`), the INSZ is
//! masked except its check digits, and no special-category data is written.
//!
//! Every file written is readable by the user only (0600 on Unix) and recorded in the
//! audit trail (format and purpose, not the path).
//!
//! Excel stores numbers as doubles: the exact decimals are converted only here, at the
//! file boundary; the totals row holds the claim's own totals (sums of rounded lines).

use crate::dto::{ClaimDto, ExportDto};
use crate::error::{AppError, Result};
use crate::files::{private_dir, write_private};
use crate::messages::Catalogue;
use crate::Api;
use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use werkbank_domain::claims::ClaimStatus;
use werkbank_store::people;

/// Environment variable: a program to open a claim's PDF with instead of the system
/// viewer (automated tests; it is run with the file's path as its only argument).
pub const OPEN_WITH_ENV: &str = "WERKBANK_OPEN_WITH";

const AMOUNT: &str = "#,##0.00 \"€\"";
const NUMBER: &str = "#,##0.00";
const EXACT: &str = "#,##0.000000";
const FTE: &str = "0.0000";
const DATE: &str = "dd/mm/yyyy";

/// A file that cannot be written: a conflict with its path and the reason, under `code`
/// (`claims.file_write_failed` for a claim's files, `export.file_write_failed` for a list).
pub(crate) fn file_write_failed(code: &'static str, path: &Path, detail: impl std::fmt::Display) -> AppError {
    AppError::Conflict {
        code,
        params: [("path".to_string(), path.display().to_string()), ("detail".to_string(), detail.to_string())].into(),
    }
}

fn write_failed(path: &Path, detail: impl std::fmt::Display) -> AppError {
    file_write_failed("claims.file_write_failed", path, detail)
}

fn xlsx(path: &Path) -> impl Fn(XlsxError) -> AppError + '_ {
    move |e| write_failed(path, e)
}

/// An INSZ masked for print and export: the rule of the PDF (`werkbank_pdf::mask_insz`).
pub use werkbank_pdf::mask_insz;

/// The default file name of a claim's PDF or workbook, in words from the catalogue:
/// `Afrekening 2026-1 Maatwerkbedrijf nr 12.pdf`; a draft gets ` ontwerp` so a printed
/// draft is never mistaken for the issued claim.
pub fn claim_file_name(cat: &Catalogue, claim: &ClaimDto, extension: &str) -> String {
    let key = if claim.status == ClaimStatus::Issued { "file.claim" } else { "file.claim_draft" };
    let words = cat.render(
        key,
        &[
            ("period".to_string(), claim.period.replace('/', "-")),
            ("work_form".to_string(), cat.text(&format!("work_form.{}", claim.work_form_kind.id()))),
            ("id".to_string(), claim.id.to_string()),
        ]
        .into(),
    );
    format!("{}.{extension}", readable_file_name(&words))
}

/// Words made safe for a file name on every platform while staying readable: letters
/// (accents dropped, as [`file_safe`]) and digits keep their case, a dash stays, every
/// other run of characters is one space (so `/`, `\`, `:` and `..` never reach a path).
pub fn readable_file_name(words: &str) -> String {
    let mut out = String::new();
    for c in words.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let base = file_safe(&lower.to_string());
        let kept = match base.chars().next() {
            Some(b) if c.is_uppercase() => b.to_ascii_uppercase(),
            Some(b) => b,
            None if c == '-' => '-',
            None => ' ',
        };
        if kept == ' ' {
            if !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(kept);
        }
    }
    out.trim_matches(|c| c == ' ' || c == '-').to_string()
}

/// A name made safe for a file name: lower case ASCII letters and digits, accents dropped
/// (`é` → `e`, `Ö` → `o`, `ł` → `l`), every other run of characters one `-`, none at the ends.
pub fn file_safe(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
            'ç' | 'ć' | 'č' => 'c',
            'è' | 'é' | 'ê' | 'ë' | 'ę' => 'e',
            'ì' | 'í' | 'î' | 'ï' => 'i',
            'ł' => 'l',
            'ñ' | 'ń' => 'n',
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' => 'o',
            'ś' | 'š' | 'ş' => 's',
            'ù' | 'ú' | 'û' | 'ü' => 'u',
            'ý' | 'ÿ' => 'y',
            'ź' | 'ż' | 'ž' => 'z',
            'ğ' => 'g',
            'ı' => 'i',
            c => c,
        };
        if base.is_ascii_alphanumeric() {
            out.push(base);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// The default file name of a prestatiestaat: `Prestatiestaat Coppens Jan 2026-01.pdf`, the
/// name made [`readable_file_name`] (`Prestatiestaat 2026-01.pdf` when nothing of it is left).
pub fn prestatiestaat_file_name(cat: &Catalogue, name: &str, month: &werkbank_domain::ReportingPeriod) -> String {
    let words = cat.render(
        "file.prestatiestaat",
        &[("name".to_string(), readable_file_name(name)), ("month".to_string(), month.to_string())].into(),
    );
    format!("{}.pdf", readable_file_name(&words))
}

pub(crate) fn number(v: Decimal) -> f64 {
    v.to_f64().unwrap_or_default()
}

pub(crate) fn excel_date(d: NaiveDate) -> ExcelDateTime {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8).expect("a calendar date")
}

/// The cell formats of Werkbank's workbooks: a bold, wrapped header row, Belgian-looking
/// amounts and numbers, FTE to four decimals, whole numbers and `dd/mm/yyyy` dates.
pub(crate) struct Formats {
    pub(crate) bold: Format,
    pub(crate) header: Format,
    amount: Format,
    amount_bold: Format,
    pub(crate) number: Format,
    exact: Format,
    pub(crate) fte: Format,
    fte_bold: Format,
    pub(crate) integer: Format,
    pub(crate) date: Format,
}

impl Formats {
    pub(crate) fn new() -> Self {
        let bold = Format::new().set_bold();
        Self {
            header: Format::new().set_bold().set_text_wrap().set_align(FormatAlign::Top),
            amount: Format::new().set_num_format(AMOUNT),
            amount_bold: Format::new().set_num_format(AMOUNT).set_bold(),
            number: Format::new().set_num_format(NUMBER),
            exact: Format::new().set_num_format(EXACT),
            fte: Format::new().set_num_format(FTE),
            fte_bold: Format::new().set_num_format(FTE).set_bold(),
            integer: Format::new().set_num_format("0"),
            date: Format::new().set_num_format(DATE).set_align(FormatAlign::Left),
            bold,
        }
    }
}

/// Writes an optional number; nothing (an empty cell) when it is unknown.
fn opt(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<Decimal>,
    format: &Format,
) -> std::result::Result<(), XlsxError> {
    if let Some(v) = value {
        ws.write_number_with_format(row, col, number(v), format)?;
    }
    Ok(())
}

fn header_row(
    ws: &mut Worksheet,
    row: u32,
    cat: &Catalogue,
    keys: &[&str],
    f: &Formats,
) -> std::result::Result<(), XlsxError> {
    for (i, key) in keys.iter().enumerate() {
        ws.write_string_with_format(row, i as u16, cat.text(&format!("export.claim.{key}")), &f.header)?;
    }
    Ok(())
}

/// What the workbook needs beside the claim (the organisation and each person's masked
/// INSZ): the claim documents' context, frozen for an issued claim.
type Context = crate::claims::pdf::ClaimPdfContext;

fn workbook(claim: &ClaimDto, ctx: &Context, cat: &Catalogue) -> std::result::Result<Workbook, XlsxError> {
    let f = Formats::new();
    let r = &claim.result;
    let mut book = Workbook::new();
    let text = |key: &str| cat.text(&format!("export.claim.{key}"));

    // ----- Afrekening: the header block and the totals per stream ----------------------
    let ws = book.add_worksheet();
    ws.set_name(text("sheet.claim"))?;
    ws.set_column_width(0, 26)?;
    ws.set_column_width(1, 40)?;
    for c in 2..6 {
        ws.set_column_width(c, 16)?;
    }
    ws.write_string_with_format(0, 0, text("title"), &f.bold)?;
    let org = Some(&ctx.organisation);
    let mut row = 2;
    let mut pair = |ws: &mut Worksheet, key: &str, value: &str| -> std::result::Result<u32, XlsxError> {
        ws.write_string_with_format(row, 0, text(key), &f.bold)?;
        ws.write_string(row, 1, value)?;
        row += 1;
        Ok(row - 1)
    };
    pair(ws, "organisation", org.map(|o| o.name.as_str()).unwrap_or_default())?;
    pair(ws, "kbo", &org.and_then(|o| o.kbo.as_ref()).map(|k| k.to_string()).unwrap_or_default())?;
    pair(ws, "work_form", &cat.text(&format!("work_form.{}", claim.work_form_kind.id())))?;
    let q = pair(ws, "quarter", &claim.period)?;
    ws.write_datetime_with_format(q, 2, excel_date(r.first_day), &f.date)?;
    ws.write_datetime_with_format(q, 3, excel_date(r.last_day), &f.date)?;
    pair(ws, "status", &cat.text(&format!("claims.status.{}", claim.status.id())))?;
    let n = pair(ws, "number", "")?;
    ws.write_number(n, 1, claim.id as f64)?;
    pair(ws, "rule_set", &format!("{} v{}", claim.rule_set_code, claim.rule_set_version))?;
    pair(ws, "computed_at", &claim.computed_at)?;
    if let Some(at) = &claim.issued_at {
        pair(ws, "issued_at", at)?;
    }
    if let Some(sha) = &claim.sha256 {
        pair(ws, "sha256", sha)?;
    }
    if let Some(original) = claim.amends_id {
        let a = pair(ws, "amends", "")?;
        ws.write_number(a, 1, original as f64)?;
    }
    if claim.status != ClaimStatus::Issued {
        ws.write_string_with_format(row, 0, text("draft_note"), &f.bold)?;
        row += 1;
    }
    if !r.complete {
        ws.write_string_with_format(row, 0, text("incomplete_note"), &f.bold)?;
        row += 1;
    }
    row += 1;
    header_row(
        ws,
        row,
        cat,
        &["col.stream", "col.stream_name", "col.lines", "col.heads", "col.fte", "col.amount"],
        &f,
    )?;
    for s in &r.streams {
        row += 1;
        ws.write_string(row, 0, &s.code)?;
        ws.write_string(row, 1, &s.name)?;
        ws.write_number_with_format(row, 2, s.lines as f64, &f.integer)?;
        ws.write_number_with_format(row, 3, s.heads as f64, &f.integer)?;
        ws.write_number_with_format(row, 4, number(s.fte), &f.fte)?;
        ws.write_number_with_format(row, 5, number(s.amount), &f.amount)?;
    }
    row += 1;
    ws.write_string_with_format(row, 0, text("total"), &f.bold)?;
    ws.write_number_with_format(row, 5, number(r.total), &f.amount_bold)?;

    // ----- Regels: every line with every input ----------------------------------------
    const COLUMNS: [&str; 22] = [
        "col.stream",
        "col.name",
        "col.insz",
        "col.start",
        "col.days",
        "col.fte",
        "col.seniority",
        "col.level",
        "col.rate",
        "col.gross",
        "col.contributions",
        "col.reductions",
        "col.reference",
        "col.cap",
        "col.fixed",
        "col.variable",
        "col.target_fte",
        "col.supervisor_fte",
        "col.allowed_fte",
        "col.exact",
        "col.amount",
        "col.notes",
    ];
    let ws = book.add_worksheet();
    ws.set_name(text("sheet.lines"))?;
    header_row(ws, 0, cat, &COLUMNS, &f)?;
    ws.set_row_height(0, 32)?;
    ws.set_column_width(1, 28)?;
    ws.set_column_width(2, 17)?;
    ws.set_column_width(3, 11)?;
    for c in 4..21 {
        ws.set_column_width(c, 13)?;
    }
    ws.set_column_width(21, 36)?;
    ws.set_freeze_panes(1, 2)?;
    let work_form_line = text("work_form_line");
    for (i, l) in r.lines.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &l.stream)?;
        ws.write_string(row, 1, l.label.as_deref().unwrap_or(&work_form_line))?;
        if let Some(insz) = l.person_id.and_then(|p| ctx.insz_masked.get(&p)) {
            ws.write_string(row, 2, insz)?;
        }
        if let Some(start) = l.start {
            ws.write_datetime_with_format(row, 3, excel_date(start), &f.date)?;
        }
        ws.write_number_with_format(row, 4, l.days as f64, &f.integer)?;
        ws.write_number_with_format(row, 5, number(l.fte), &f.fte)?;
        if let Some(s) = l.seniority_index {
            ws.write_number_with_format(row, 6, s as f64, &f.integer)?;
        }
        if let Some(level) = l.level {
            let key = serde_json::to_value(level).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default();
            ws.write_string(row, 7, cat.text(&format!("level.{key}")))?;
        }
        // One rate for the whole line, else the segments' percentage when they agree.
        let rate = l.rate.or_else(|| {
            let mut rates = l.segments.iter().filter_map(|s| s.rate);
            let first = rates.next()?;
            rates.all(|r| r == first).then_some(first)
        });
        opt(ws, row, 8, rate, &f.number)?;
        opt(ws, row, 9, l.gross_wage, &f.amount)?;
        opt(ws, row, 10, l.employer_contributions, &f.amount)?;
        opt(ws, row, 11, l.reductions, &f.amount)?;
        opt(ws, row, 12, l.reference_wage, &f.amount)?;
        opt(ws, row, 13, l.cap, &f.amount)?;
        opt(ws, row, 14, l.fixed_part, &f.amount)?;
        opt(ws, row, 15, l.variable_part, &f.amount)?;
        opt(ws, row, 16, l.target_fte, &f.fte)?;
        opt(ws, row, 17, l.supervisor_fte, &f.fte)?;
        opt(ws, row, 18, l.allowed_fte, &f.fte)?;
        opt(ws, row, 19, l.exact, &f.exact)?;
        opt(ws, row, 20, l.amount, &f.amount)?;
        let notes: Vec<String> = l.notes.iter().map(|n| cat.text(&format!("claims.note.{n}"))).collect();
        if !notes.is_empty() {
            ws.write_string(row, 21, notes.join("; "))?;
        }
    }
    let last = r.lines.len() as u32;
    if last > 0 {
        ws.autofilter(0, 0, last, COLUMNS.len() as u16 - 1)?;
    }
    // The totals row: Σ FTE (exact) and the claim's total (Σ rounded lines).
    let total_row = last + 1;
    ws.write_string_with_format(total_row, 0, text("total"), &f.bold)?;
    let fte: Decimal = r.streams.iter().map(|s| s.fte).sum();
    ws.write_number_with_format(total_row, 5, number(fte), &f.fte_bold)?;
    ws.write_number_with_format(total_row, 20, number(r.total), &f.amount_bold)?;

    // ----- Deelperiodes: the months and pieces each line was computed over ------------
    let ws = book.add_worksheet();
    ws.set_name(text("sheet.segments"))?;
    header_row(
        ws,
        0,
        cat,
        &[
            "col.stream",
            "col.name",
            "col.first_day",
            "col.last_day",
            "col.days",
            "col.share",
            "col.segment_reference",
            "col.rate",
            "col.seniority",
            "col.segment_value",
        ],
        &f,
    )?;
    ws.set_row_height(0, 32)?;
    ws.set_column_width(1, 28)?;
    for c in 2..10 {
        ws.set_column_width(c, 13)?;
    }
    ws.set_freeze_panes(1, 2)?;
    let mut row = 0;
    for l in &r.lines {
        for seg in &l.segments {
            row += 1;
            ws.write_string(row, 0, &l.stream)?;
            ws.write_string(row, 1, l.label.as_deref().unwrap_or(&work_form_line))?;
            ws.write_datetime_with_format(row, 2, excel_date(seg.first_day), &f.date)?;
            ws.write_datetime_with_format(row, 3, excel_date(seg.last_day), &f.date)?;
            ws.write_number_with_format(row, 4, seg.days as f64, &f.integer)?;
            ws.write_number_with_format(row, 5, number(seg.share), &f.fte)?;
            opt(ws, row, 6, seg.reference, &f.amount)?;
            opt(ws, row, 7, seg.rate, &f.number)?;
            if let Some(s) = seg.seniority_index {
                ws.write_number_with_format(row, 8, s as f64, &f.integer)?;
            }
            opt(ws, row, 9, seg.value, &f.exact)?;
        }
    }
    if row > 0 {
        ws.autofilter(0, 0, row, 9)?;
    }

    // ----- Parameters: each value used with its date and source -----------------------
    let ws = book.add_worksheet();
    ws.set_name(text("sheet.parameters"))?;
    header_row(
        ws,
        0,
        cat,
        &[
            "col.stream",
            "col.parameter",
            "col.value",
            "col.valid_from",
            "col.used_from",
            "col.used_until",
            "col.source",
            "col.confirmed",
        ],
        &f,
    )?;
    ws.set_column_width(1, 28)?;
    ws.set_column_width(2, 14)?;
    ws.set_column_width(3, 12)?;
    ws.set_column_width(4, 12)?;
    ws.set_column_width(5, 12)?;
    ws.set_column_width(6, 60)?;
    ws.set_column_width(7, 12)?;
    for (i, p) in r.parameters.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, &p.stream)?;
        ws.write_string(row, 1, &p.parameter)?;
        match (&p.label, p.value) {
            (Some(l), _) => ws.write_string(row, 2, cat.text(&format!("norm_method.{l}")))?,
            (None, Some(v)) => ws.write_number_with_format(row, 2, number(v), &f.number)?,
            (None, None) => ws.write_string(row, 2, text("unknown"))?,
        };
        ws.write_datetime_with_format(row, 3, excel_date(p.valid_from), &f.date)?;
        ws.write_datetime_with_format(row, 4, excel_date(p.first_day), &f.date)?;
        ws.write_datetime_with_format(row, 5, excel_date(p.last_day), &f.date)?;
        ws.write_string(row, 6, crate::claims::pdf::printable_source(p.source.as_deref().unwrap_or_default()))?;
        ws.write_string(row, 7, text(if p.confirmed { "yes" } else { "no" }))?;
    }
    if !r.parameters.is_empty() {
        ws.autofilter(0, 0, r.parameters.len() as u32, 7)?;
    }

    // ----- Controles: the problems as sentences ---------------------------------------
    let ws = book.add_worksheet();
    ws.set_name(text("sheet.problems"))?;
    header_row(ws, 0, cat, &["col.blocking", "col.stream", "col.name", "col.problem"], &f)?;
    ws.set_column_width(2, 28)?;
    ws.set_column_width(3, 100)?;
    let names: HashMap<i64, &str> = r.lines.iter().filter_map(|l| Some((l.person_id?, l.label.as_deref()?))).collect();
    for (i, p) in r.problems.iter().enumerate() {
        let row = i as u32 + 1;
        ws.write_string(row, 0, text(if p.blocking { "yes" } else { "no" }))?;
        ws.write_string(row, 1, p.stream.as_deref().unwrap_or_default())?;
        if let Some(name) = p.person_id.and_then(|id| names.get(&id)) {
            ws.write_string(row, 2, *name)?;
        }
        let params: BTreeMap<String, String> = p.params.clone();
        ws.write_string(row, 3, cat.render(&p.code, &params))?;
    }
    Ok(book)
}

/// `$WERKBANK_OPEN_WITH` in a build with the feature `test-hooks` (the tests'); nothing in
/// any other build, so a release always opens the system's own viewer.
fn viewer_hook() -> Option<String> {
    #[cfg(any(test, feature = "test-hooks"))]
    if let Some(p) = std::env::var(OPEN_WITH_ENV).ok().filter(|p| !p.is_empty()) {
        return Some(p);
    }
    None
}

/// Opens `path` in the system's viewer (or `$WERKBANK_OPEN_WITH` in test builds), without waiting for it:
/// the platform's opener, on Linux `xdg-open` and else `gio open`. When none is installed the
/// conflict `claims.viewer_missing` names the file, which is written already, and the way
/// out ("Opslaan als PDF"); another failure is `claims.viewer_failed`.
fn open_in_viewer(path: &Path) -> Result<()> {
    let openers: Vec<(String, Vec<String>)> = match viewer_hook() {
        Some(p) => vec![(p, vec![])],
        None if cfg!(target_os = "windows") => vec![("cmd".into(), vec!["/C".into(), "start".into(), String::new()])],
        None if cfg!(target_os = "macos") => vec![("open".into(), vec![])],
        None => vec![("xdg-open".into(), vec![]), ("gio".into(), vec!["open".into()])],
    };
    let tried: Vec<String> = openers.iter().map(|(p, _)| p.clone()).collect();
    for (program, args) in openers {
        let spawned =
            std::process::Command::new(&program).args(&args).arg(path).stdin(std::process::Stdio::null()).spawn();
        match spawned {
            Ok(mut child) => {
                // Reap the launcher when it exits; the viewer itself lives on.
                std::thread::spawn(move || child.wait());
                return Ok(());
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => {
                return Err(AppError::Conflict {
                    code: "claims.viewer_failed",
                    params: [("program".to_string(), program), ("detail".to_string(), e.to_string())].into(),
                })
            }
        }
    }
    Err(AppError::Conflict {
        code: "claims.viewer_missing",
        params: [("programs".to_string(), tried.join(", ")), ("path".to_string(), path.display().to_string())].into(),
    })
}

/// Writes `bytes` at a path the user chose, readable by the user only and whole
/// ([`crate::files::write_private`]); a failure is the conflict `code` ([`file_write_failed`]).
pub(crate) fn save_private(code: &'static str, path: &Path, bytes: &[u8]) -> Result<()> {
    write_private(path, bytes).map_err(|e| file_write_failed(code, path, e))
}

/// Writes a claim's file (or a prestatiestaat) at a path the director chose, privately.
fn save_bytes(path: &Path, bytes: &[u8]) -> Result<()> {
    save_private("claims.file_write_failed", path, bytes)
}

/// Writes `bytes` as `folder/name` (folder 0700, file 0600) and opens it in the viewer.
fn write_and_open(folder: &Path, name: &str, bytes: &[u8]) -> Result<PathBuf> {
    let path = folder.join(name);
    private_dir(folder).map_err(|e| write_failed(folder, e))?;
    write_private(&path, bytes).map_err(|e| write_failed(&path, e))?;
    open_in_viewer(&path)?;
    Ok(path)
}

impl Api {
    /// Records that a claim left the app as a file: its format and purpose, never the path
    /// (a folder or file name may carry a name) nor any personal value.
    async fn audit_export(&self, id: i64, format: &str, purpose: &str, lines: usize) -> Result<()> {
        let mut tx = self.store.begin().await?;
        self.audit(
            &mut tx,
            "export",
            "claim",
            Some(id),
            serde_json::json!({ "format": format, "purpose": purpose, "lines": lines }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Records that a person's prestatiestaat left the app as a file: format, purpose and
    /// month, as [`Api::audit_export`] does for a claim; never the path nor a personal value.
    async fn audit_prestatiestaat(&self, person_id: i64, month: &str, purpose: &str) -> Result<()> {
        let mut tx = self.store.begin().await?;
        self.audit(
            &mut tx,
            "export",
            "person",
            Some(person_id),
            serde_json::json!({ "document": "prestatiestaat", "format": "pdf", "purpose": purpose, "month": month }),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The prestatiestaat's PDF ([`Api::prestatiestaat_pdf`]) with its default file name.
    async fn prestatiestaat_file(&self, person_id: i64, month: &str) -> Result<(String, String, Vec<u8>)> {
        let pdf = self.prestatiestaat_pdf(person_id, month).await?;
        // `prestatiestaat_pdf` accepted the month: it parses.
        let period = werkbank_domain::ReportingPeriod::parse(month)
            .map_err(|_| AppError::Internal(format!("month {month:?} parsed once, not twice")))?;
        let person = {
            let mut conn = self.store.conn().await?;
            people::get(&mut conn, person_id).await?.ok_or(AppError::NotFound { entity: "person", id: person_id })?
        };
        let name =
            prestatiestaat_file_name(self.catalogue(), &format!("{} {}", person.last_name, person.first_name), &period);
        Ok((name, period.to_string(), pdf))
    }

    /// The default file name of a person's prestatiestaat for `month` (`2026-01`).
    pub async fn prestatiestaat_file_name(&self, person_id: i64, month: &str) -> Result<String> {
        Ok(self.prestatiestaat_file(person_id, month).await?.0)
    }

    /// Saves the prestatiestaat of an article 60 worker for `month` at `path`.
    pub async fn save_prestatiestaat(&self, person_id: i64, month: &str, path: &Path) -> Result<ExportDto> {
        let (_, month, pdf) = self.prestatiestaat_file(person_id, month).await?;
        save_bytes(path, &pdf)?;
        self.audit_prestatiestaat(person_id, &month, "save").await?;
        Ok(ExportDto { path: path.display().to_string(), bytes: pdf.len() as u64, lines: 0 })
    }

    /// Writes the prestatiestaat to `folder` (the private print folder) under its default
    /// name and opens it in the system viewer, as [`Api::open_claim_pdf`] does.
    pub async fn open_prestatiestaat(&self, person_id: i64, month: &str, folder: &Path) -> Result<ExportDto> {
        let (name, month, pdf) = self.prestatiestaat_file(person_id, month).await?;
        let path = write_and_open(folder, &name, &pdf)?;
        self.audit_prestatiestaat(person_id, &month, "print").await?;
        Ok(ExportDto { path: path.display().to_string(), bytes: pdf.len() as u64, lines: 0 })
    }

    /// The default file name for a claim's PDF (`pdf`) or workbook (`xlsx`).
    pub async fn claim_file_name(&self, id: i64, extension: &str) -> Result<String> {
        Ok(claim_file_name(self.catalogue(), &self.claim(id).await?, extension))
    }

    /// Writes the claim's lines, totals, parameters and problems to an xlsx workbook,
    /// readable by the user only (0600 on Unix).
    pub async fn export_claim_xlsx(&self, id: i64, path: &Path) -> Result<ExportDto> {
        let claim = self.claim(id).await?;
        let ctx = {
            let mut conn = self.store.conn().await?;
            crate::claims::documents_context(&mut conn, &claim, self.today()).await?
        };
        let mut book = workbook(&claim, &ctx, self.catalogue()).map_err(xlsx(path))?;
        let bytes = book.save_to_buffer().map_err(xlsx(path))?;
        save_bytes(path, &bytes)?;
        self.audit_export(id, "xlsx", "save", claim.result.lines.len()).await?;
        Ok(ExportDto {
            path: path.display().to_string(),
            bytes: bytes.len() as u64,
            lines: claim.result.lines.len() as u32,
        })
    }

    /// Saves the claim's PDF ([`Api::claim_pdf`]) at `path`.
    pub async fn save_claim_pdf(&self, id: i64, path: &Path) -> Result<ExportDto> {
        let pdf = self.claim_pdf(id).await?;
        save_bytes(path, &pdf)?;
        self.audit_export(id, "pdf", "save", 0).await?;
        Ok(ExportDto { path: path.display().to_string(), bytes: pdf.len() as u64, lines: 0 })
    }

    /// Writes the claim's PDF to `folder` (created 0700; the file 0600) under its default
    /// name and opens it in the system viewer, so the director can print it. The viewer is
    /// `xdg-open` (Linux), `open` (macOS) or `start` (Windows), or `$WERKBANK_OPEN_WITH`.
    pub async fn open_claim_pdf(&self, id: i64, folder: &Path) -> Result<ExportDto> {
        let claim = self.claim(id).await?;
        let pdf = self.claim_pdf(id).await?;
        let path = write_and_open(folder, &claim_file_name(self.catalogue(), &claim, "pdf"), &pdf)?;
        self.audit_export(id, "pdf", "print", 0).await?;
        Ok(ExportDto { path: path.display().to_string(), bytes: pdf.len() as u64, lines: 0 })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The print copy lands in a private folder and is handed to the viewer: here a
    /// script (the `WERKBANK_OPEN_WITH` hook) that copies what it is given.
    #[cfg(unix)]
    #[test]
    fn a_print_copy_is_private_and_opened_with_the_hook() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let seen = dir.path().join("seen.pdf");
        let script = dir.path().join("viewer.sh");
        std::fs::write(&script, format!("#!/bin/sh\ncp \"$1\" {0}.part && mv {0}.part {0}\n", seen.display())).unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        std::env::set_var(OPEN_WITH_ENV, &script);
        let folder = dir.path().join("data").join("afdrukken");
        let path = write_and_open(&folder, "afrekening-2026-1-maatwerk-1.pdf", b"%PDF-1.7 test").unwrap();
        std::env::remove_var(OPEN_WITH_ENV);
        assert_eq!(path, folder.join("afrekening-2026-1-maatwerk-1.pdf"));
        assert_eq!(std::fs::metadata(&folder).unwrap().permissions().mode() & 0o777, 0o700);
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
        // The viewer runs on its own: wait (bounded) for its copy.
        let start = std::time::Instant::now();
        while !seen.exists() && start.elapsed() < std::time::Duration::from_secs(20) {
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        assert_eq!(std::fs::read(&seen).unwrap(), b"%PDF-1.7 test");
        // A viewer that does not exist is an error the user can read.
        std::env::set_var(OPEN_WITH_ENV, dir.path().join("no-such-viewer"));
        let e = write_and_open(&folder, "x.pdf", b"%PDF-").unwrap_err();
        std::env::remove_var(OPEN_WITH_ENV);
        // Nothing to open it with: the file is written already, and the message says where.
        let AppError::Conflict { code, params } = &e else { panic!("{e:?}") };
        assert_eq!(*code, "claims.viewer_missing");
        assert!(params["path"].ends_with("x.pdf") && folder.join("x.pdf").exists(), "{params:?}");
        let message = Catalogue::nl_be().render(code, params);
        assert!(message.contains("Opslaan als PDF") && message.contains("x.pdf"), "{message}");
    }

    #[test]
    fn a_prestatiestaat_file_name_is_readable_and_safe() {
        let cat = Catalogue::nl_be();
        let month = werkbank_domain::ReportingPeriod::parse("2026-01").unwrap();
        let name = |n: &str| prestatiestaat_file_name(cat, n, &month);
        assert_eq!(name("Coppens Jan"), "Prestatiestaat Coppens Jan 2026-01.pdf");
        // Accents dropped, an apostrophe a space, slashes and dots never reach the path.
        assert_eq!(name("D'Hondt Élise"), "Prestatiestaat D Hondt Elise 2026-01.pdf");
        assert_eq!(name("Öztürk Łukasz"), "Prestatiestaat Ozturk Lukasz 2026-01.pdf");
        assert_eq!(name("../x /y"), "Prestatiestaat x y 2026-01.pdf");
        assert_eq!(name(" / "), "Prestatiestaat 2026-01.pdf");
        assert_eq!(readable_file_name("Van-Acker: C:\\x/0"), "Van-Acker C x 0");
    }

    #[test]
    fn insz_is_masked_but_for_its_check_digits() {
        assert_eq!(mask_insz("85073003328"), "**.**.**-***.28");
        assert_eq!(mask_insz("85.07.30-033.28"), "**.**.**-***.28");
        // Ten digits or a letter: masked whole.
        assert_eq!(mask_insz("8507300332"), "**.**.**-***.**");
        assert_eq!(mask_insz("85073003328x"), "**.**.**-***.**");
    }
}
