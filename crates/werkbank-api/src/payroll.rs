//! Payroll import: a social secretariat's export is parsed by `werkbank-import`, its
//! workers matched to the register (INSZ first, then worker numbers remembered from earlier
//! batches, then the links the user made in the preview), and stored as one batch in one
//! transaction — or refused whole. Also: batches and their undo, wage-code meanings,
//! mapping profiles, and the reconciliation of payroll hours with register FTE.

use crate::dto::*;
use crate::error::{AppError, ImportIssueDto, Result};
use crate::iso;
use crate::messages::Catalogue;
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use werkbank_domain::fte::round_fte;
use werkbank_domain::ReportingPeriod;
use werkbank_import::payroll::{
    preview_payroll_bytes, ColumnMapping, PayrollLine, PayrollOptions, PayrollPreview, FIELDS,
};
use werkbank_import::table::Progress;
use werkbank_store::payroll::{self as store, BatchRow, LineRow, MappingProfileRow};
use werkbank_store::{people, periods, SqliteConnection};

/// The meanings a wage code can have; the claims read meanings, never codes.
pub const MEANINGS: [&str; 8] = [
    "worked_hours",
    "paid_absence",
    "unpaid_absence",
    "gross_wage",
    "employer_contributions",
    "reduction",
    "net_wage",
    "other",
];

/// At most this many lines travel back in a preview.
const PREVIEW_LINES: usize = 200;

pub(crate) struct ReadFile {
    pub file_name: String,
    pub size: i64,
    pub sha256: String,
    pub preview: PayrollPreview,
    pub profile: Option<String>,
}

fn import_error(code: &str, params: BTreeMap<String, String>) -> AppError {
    AppError::Import { code: code.to_string(), params, issues: vec![] }
}

/// Reads and parses the file, applying an explicit mapping, a named profile, or the
/// profile saved for files with the same headers.
pub(crate) async fn read(
    conn: &mut SqliteConnection,
    path: &Path,
    options: &PayrollImportOptions,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<ReadFile> {
    let bytes = std::fs::read(path).map_err(|_| {
        import_error("import.file_not_found", [("path".to_string(), path.display().to_string())].into())
    })?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let sha256 = format!("{:x}", Sha256::digest(&bytes));
    let parse = |mapping: Option<ColumnMapping>, progress: &mut (dyn FnMut(Progress) + Send)| {
        let opts = PayrollOptions { sheet: options.sheet.clone(), mapping, header_row: None };
        preview_payroll_bytes(&bytes, &file_name, &opts, progress).map_err(|e| AppError::Import {
            code: e.code().to_string(),
            params: e.params(),
            issues: vec![],
        })
    };
    let explicit =
        options.mapping.as_ref().map(|m| ColumnMapping(m.iter().map(|(k, v)| (k.clone(), *v as usize)).collect()));
    let named = match &options.profile {
        Some(name) => Some(
            store::profile_by_name(conn, name)
                .await?
                .ok_or_else(|| import_error("payroll.profile_unknown", [("name".to_string(), name.clone())].into()))?,
        ),
        None => None,
    };
    let (preview, profile) = if let Some(mapping) = explicit {
        (parse(Some(mapping), progress)?, None)
    } else if let Some(p) = named {
        (parse(Some(mapping_of(&p)?), progress)?, Some(p.name))
    } else {
        let first = parse(None, progress)?;
        match store::profile_for_signature(conn, &first.header_signature).await? {
            Some(p) if mapping_of(&p)?.0 != first.mapping().0 => {
                (parse(Some(mapping_of(&p)?), &mut |_| {})?, Some(p.name))
            }
            Some(p) => (first, Some(p.name)),
            None => (first, None),
        }
    };
    Ok(ReadFile { file_name, size: bytes.len() as i64, sha256, preview, profile })
}

fn mapping_of(p: &MappingProfileRow) -> Result<ColumnMapping> {
    serde_json::from_str(&p.mapping).map_err(|e| AppError::Internal(format!("mapping profile {}: {e}", p.name)))
}

pub(crate) fn batch_dto(b: BatchRow) -> BatchDto {
    BatchDto {
        id: b.id.expect("stored"),
        file_name: b.file_name,
        file_size: b.file_size,
        sha256: b.sha256,
        sheet: b.sheet,
        profile_name: b.profile_name,
        imported_by: b.imported_by,
        imported_at: b.imported_at,
        lines: b.lines,
        first_period: b.first_period,
        last_period: b.last_period,
        undone_at: b.undone_at,
        undone_by: b.undone_by,
    }
}

fn dec(d: Option<Decimal>) -> Option<String> {
    d.map(|d| d.normalize().to_string())
}

/// The key a user links an unmatched worker by: the worker number, else the INSZ.
fn worker_key(l: &PayrollLine) -> Option<String> {
    l.worker_number.clone().or_else(|| l.insz.as_ref().map(|i| i.digits().to_string()))
}

/// Matches, checks against the register and, unless `dry_run` or refused, stores.
pub(crate) async fn import(
    conn: &mut SqliteConnection,
    cat: &Catalogue,
    file: ReadFile,
    options: &PayrollImportOptions,
    actor: &str,
    at: &str,
) -> Result<PayrollImportResultDto> {
    let p = &file.preview;
    // Matching: INSZ, remembered worker numbers, then the user's links.
    let everyone = people::list(conn).await?;
    let names: HashMap<i64, String> = everyone.iter().map(|p| (p.id.expect("stored"), p.display_name())).collect();
    let by_insz: HashMap<String, i64> =
        everyone.iter().filter_map(|p| Some((p.insz.as_ref()?.digits().to_string(), p.id?))).collect();
    let remembered: HashMap<String, i64> = store::worker_numbers(conn).await?.into_iter().collect();
    let mut links: HashMap<String, i64> = HashMap::new();
    for link in &options.links {
        if !names.contains_key(&link.person_id) {
            return Err(AppError::NotFound { entity: "person", id: link.person_id });
        }
        let key = link.worker.trim();
        let key = werkbank_domain::Insz::parse(key).map(|i| i.digits().to_string()).unwrap_or_else(|_| key.to_string());
        links.insert(key, link.person_id);
    }
    let person_of = |l: &PayrollLine| -> Option<i64> {
        l.insz
            .as_ref()
            .and_then(|i| by_insz.get(i.digits()).copied())
            .or_else(|| l.worker_number.as_ref().and_then(|w| remembered.get(w).copied()))
            .or_else(|| worker_key(l).and_then(|k| links.get(&k).copied()))
    };
    let meanings: HashMap<String, String> =
        store::wage_codes(conn).await?.into_iter().map(|w| (w.code, w.meaning)).collect();

    let mut matched: Vec<Option<i64>> = Vec::with_capacity(p.lines.len());
    let mut unmatched: BTreeMap<String, UnmatchedWorkerDto> = BTreeMap::new();
    for l in &p.lines {
        let person = person_of(l);
        if person.is_none() {
            let key = worker_key(l).unwrap_or_default();
            let entry = unmatched.entry(key.clone()).or_insert_with(|| UnmatchedWorkerDto {
                worker: key,
                worker_number: l.worker_number.clone(),
                insz: l.insz.as_ref().map(|i| i.formatted()),
                name: l.display_name(),
                lines: 0,
                first_row: l.row,
            });
            entry.lines += 1;
        }
        matched.push(person);
    }
    let issues: Vec<ImportIssueDto> = p.issues.iter().map(|i| crate::error::import_issue_dto(cat, i)).collect();
    let duplicate_of = store::active_batch_with_sha(conn, &file.sha256).await?.map(batch_dto);
    let first_period = p.period_range.map(|(a, _)| iso(a));
    let last_period = p.period_range.map(|(_, b)| iso(b));
    let can_commit = issues.is_empty() && unmatched.is_empty() && duplicate_of.is_none() && !p.lines.is_empty();
    let lines: Vec<PayrollLineDto> = p
        .lines
        .iter()
        .zip(&matched)
        .take(PREVIEW_LINES)
        .map(|(l, person)| PayrollLineDto {
            row: l.row,
            person_id: *person,
            person_name: person.and_then(|id| names.get(&id).cloned()),
            worker_number: l.worker_number.clone(),
            insz: l.insz.as_ref().map(|i| i.formatted()),
            name: l.display_name(),
            period_start: iso(l.period.first_day()),
            period_end: iso(l.period.last_day()),
            wage_code: l.wage_code.clone(),
            meaning: meanings.get(&l.wage_code).cloned(),
            description: l.description.clone(),
            quantity: dec(l.quantity),
            unit: l.unit.as_ref().map(unit_id),
            hours: l.hours_hundredths,
            amount: dec(l.amount),
        })
        .collect();
    let mut result = PayrollImportResultDto {
        file_name: file.file_name.clone(),
        file_size: file.size,
        sha256: file.sha256.clone(),
        sheet: p.sheet.clone(),
        sheet_names: p.sheet_names.clone(),
        header_row: p.header_row,
        headers: p.headers.clone(),
        columns: columns_dto(p),
        profile: file.profile.clone(),
        lines_read: p.lines.len() as u32,
        lines_imported: 0,
        lines,
        issues,
        unmatched: unmatched.into_values().collect(),
        duplicate_of,
        first_period,
        last_period,
        batch_id: None,
        can_commit,
    };
    if options.dry_run {
        return Ok(result);
    }
    if !result.can_commit {
        return Err(refusal(cat, &result));
    }
    let mapping = p.mapping();
    let mapping_json = serde_json::to_string(&mapping).expect("mapping serialises");
    if let Some(name) = options.save_profile_as.as_ref().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        store::save_profile(
            conn,
            &MappingProfileRow {
                id: None,
                name: name.to_string(),
                header_signature: p.header_signature.clone(),
                mapping: mapping_json.clone(),
                updated_at: at.to_string(),
            },
        )
        .await?;
        result.profile = Some(name.to_string());
    }
    let batch_id = store::insert_batch(
        conn,
        &BatchRow {
            id: None,
            file_name: file.file_name.clone(),
            file_size: file.size,
            sha256: file.sha256.clone(),
            sheet: Some(p.sheet.clone()),
            mapping: mapping_json,
            profile_name: result.profile.clone(),
            imported_by: actor.to_string(),
            imported_at: at.to_string(),
            lines: p.lines.len() as i64,
            first_period: result.first_period.clone(),
            last_period: result.last_period.clone(),
            undone_at: None,
            undone_by: None,
        },
    )
    .await?;
    // A file has few distinct periods: format their dates once.
    let mut period_text: HashMap<werkbank_import::values::PayPeriod, (String, String)> = HashMap::new();
    let rows: Vec<LineRow> = p
        .lines
        .iter()
        .zip(&matched)
        .map(|(l, person)| {
            let (start, end) =
                period_text.entry(l.period).or_insert_with(|| (iso(l.period.first_day()), iso(l.period.last_day())));
            (l, person, start.clone(), end.clone())
        })
        .map(|(l, person, period_start, period_end)| LineRow {
            row: i64::from(l.row),
            person_id: *person,
            worker_number: l.worker_number.clone(),
            insz: l.insz.as_ref().map(|i| i.digits().to_string()),
            name: l.display_name(),
            period_start,
            period_end,
            wage_code: l.wage_code.clone(),
            description: l.description.clone(),
            quantity: dec(l.quantity),
            unit: l.unit.as_ref().map(unit_id),
            hours: l.hours_hundredths,
            amount: dec(l.amount),
            gross_wage: dec(l.gross_wage),
            employer_contributions: dec(l.employer_contributions),
            q: l.q.map(i64::from),
            s: l.s.map(i64::from),
        })
        .collect();
    store::insert_lines(conn, batch_id, &rows).await?;
    // Remember worker numbers of matched workers for the next batch.
    let mut seen: HashMap<&str, i64> = HashMap::new();
    for (l, person) in p.lines.iter().zip(&matched) {
        if let (Some(w), Some(id)) = (l.worker_number.as_deref(), person) {
            if remembered.get(w) != Some(id) && seen.insert(w, *id).is_none() {
                store::link_worker_number(conn, w, *id).await?;
            }
        }
    }
    result.lines_imported = rows.len() as u32;
    result.batch_id = Some(batch_id);
    Ok(result)
}

fn unit_id(u: &werkbank_import::payroll::Unit) -> String {
    match u {
        werkbank_import::payroll::Unit::Hours => "hours".into(),
        werkbank_import::payroll::Unit::Days => "days".into(),
        werkbank_import::payroll::Unit::Other(s) => s.clone(),
    }
}

fn columns_dto(p: &PayrollPreview) -> Vec<PayrollColumnDto> {
    const REQUIRED: [&str; 2] = ["period", "wage_code"];
    FIELDS
        .iter()
        .map(|f| {
            let col = p.columns.iter().find(|(field, _, _)| field == f.id);
            PayrollColumnDto {
                field: f.id.to_string(),
                column: col.map(|(_, i, _)| *i as u32),
                header: col.map(|(_, _, h)| h.clone()),
                required: REQUIRED.contains(&f.id),
            }
        })
        .collect()
}

/// Why a file is refused, with every problem: issues, unmatched workers, or a re-import.
pub(crate) fn refusal(cat: &Catalogue, r: &PayrollImportResultDto) -> AppError {
    let mut issues = r.issues.clone();
    for u in &r.unmatched {
        let params: BTreeMap<String, String> = [
            ("worker".to_string(), u.worker.clone()),
            ("name".to_string(), u.name.clone().unwrap_or_default()),
            ("lines".to_string(), u.lines.to_string()),
        ]
        .into();
        issues.push(ImportIssueDto {
            row: u.first_row,
            column: if u.worker_number.is_some() { "worker_number".into() } else { "insz".into() },
            header: None,
            value: Some(u.worker.clone()),
            code: "payroll.worker_unmatched".into(),
            message: cat.render("payroll.worker_unmatched", &params),
        });
    }
    let (code, params): (&str, BTreeMap<String, String>) = match &r.duplicate_of {
        Some(b) => (
            "payroll.already_imported",
            [
                ("file".to_string(), b.file_name.clone()),
                ("at".to_string(), local_time(&b.imported_at)),
                ("batch".to_string(), b.id.to_string()),
            ]
            .into(),
        ),
        None if r.lines_read == 0 => ("import.header_only", BTreeMap::new()),
        None => ("import.has_issues", [("count".to_string(), issues.len().to_string())].into()),
    };
    AppError::Import { code: code.to_string(), params, issues }
}

// ----- reconciliation ---------------------------------------------------------------

/// Paid hours (worked + paid absence) from the payroll against FTE from the register.
pub(crate) async fn reconcile(conn: &mut SqliteConnection, period: &ReportingPeriod) -> Result<ReconciliationDto> {
    let tolerance = Decimal::new(5, 2); // 0,05 FTE
    let (start, end) = (period.first_day(), period.last_day());
    let lines = store::lines_in(conn, &iso(start), &iso(end)).await?;
    let meanings: HashMap<String, String> =
        store::wage_codes(conn).await?.into_iter().map(|w| (w.code, w.meaning)).collect();
    let mut unmapped: Vec<String> = Vec::new();
    let mut paid: BTreeMap<i64, i64> = BTreeMap::new();
    for l in &lines {
        let Some(person) = l.person_id else { continue };
        match meanings.get(&l.wage_code).map(String::as_str) {
            Some("worked_hours") | Some("paid_absence") => *paid.entry(person).or_default() += l.hours.unwrap_or(0),
            Some(_) => {}
            None => {
                if !unmapped.contains(&l.wage_code) {
                    unmapped.push(l.wage_code.clone());
                }
            }
        }
    }
    unmapped.sort();
    let by_person = periods::by_person(conn).await?;
    let mut ids: Vec<i64> = paid.keys().copied().collect();
    for (pid, ps) in &by_person {
        if ps.iter().any(|p| p.span().overlaps(&period.span())) && !ids.contains(pid) {
            ids.push(*pid);
        }
    }
    ids.sort();
    let days = Decimal::from(period.days());
    let mut rows = Vec::new();
    let everyone: HashMap<i64, werkbank_domain::Person> =
        people::list(conn).await?.into_iter().filter_map(|p| Some((p.id?, p))).collect();
    for id in ids {
        let Some(person) = everyone.get(&id) else { continue };
        let ps = by_person.get(&id).map(Vec::as_slice).unwrap_or_default();
        let register = werkbank_domain::fte_in_period(ps, period);
        let hours = paid.get(&id).copied().unwrap_or(0);
        // Full-time hours of the period: S (hours a week) × days ÷ 7, with the S of the
        // person's period in force at the end of the period (or their last one).
        let s =
            ps.iter().rev().find(|p| p.span().contains(end) || p.start <= end).map(|p| p.fraction.s).filter(|s| *s > 0);
        let payroll_fte = s.map(|s| Decimal::from(hours) / (Decimal::from(s) * days / Decimal::from(7)));
        let difference = payroll_fte.map(|p| p - register);
        rows.push(ReconciliationRowDto {
            person_id: id,
            name: person.display_name(),
            register_fte: round_fte(register).to_string(),
            paid_hours: hours,
            payroll_fte: payroll_fte.map(|d| round_fte(d).to_string()),
            difference: difference.map(|d| round_fte(d).to_string()),
            flagged: difference.is_none_or(|d| d.abs() > tolerance) && (hours > 0 || register > Decimal::ZERO),
        });
    }
    Ok(ReconciliationDto {
        period: period.to_string(),
        start: iso(start),
        end: iso(end),
        tolerance: tolerance.to_string(),
        rows,
        unmapped_codes: unmapped,
    })
}

pub(crate) fn check_meaning(meaning: &str) -> std::result::Result<(), werkbank_domain::Violation> {
    if MEANINGS.contains(&meaning) {
        Ok(())
    } else {
        Err(werkbank_domain::Violation::new("meaning", "value.invalid").with("value", meaning))
    }
}

/// An RFC 3339 timestamp as a person reads it, in local time: `29/11/2026 07:12`.
fn local_time(rfc3339: &str) -> String {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| t.with_timezone(&chrono::Local).format("%d/%m/%Y %H:%M").to_string())
        .unwrap_or_else(|_| rfc3339.to_string())
}
