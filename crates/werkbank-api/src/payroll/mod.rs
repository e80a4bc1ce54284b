//! Payroll import: a social secretariat's export is parsed by `werkbank-import`, its
//! workers matched to the register (INSZ first, then worker numbers remembered from earlier
//! batches, then the links the user made in the preview), and stored as one batch in one
//! transaction — or refused whole. Also: batches and their undo, wage-code meanings,
//! mapping profiles, and the reconciliation of payroll hours with register FTE.

pub mod dto;

use crate::{Api, ProgressSink};
use werkbank_domain::Stored;
use werkbank_domain::{Violation, Violations};

use crate::convert::iso;
use crate::dto::*;
use crate::error::{AppError, ImportIssueDto, Result};
use crate::messages::Catalogue;
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use werkbank_domain::fte::round_fte;
use werkbank_domain::ReportingPeriod;
use werkbank_import::payroll::{
    preview_payroll_bytes, preview_payroll_bytes_tapped, ColumnMapping, PayrollLine, PayrollOptions, PayrollPreview,
    FIELDS,
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

/// What [`import_streaming`] did: the import's result, or nothing stored because the
/// file needs the ordinary path ([`read`] then [`import`]): it was imported before (the
/// refusal lists that batch), or a profile saved for its headers maps it differently from
/// the headers, so it must be read again with that mapping.
pub(crate) enum StreamOutcome {
    Done(Box<PayrollImportResultDto>),
    UseOrdinaryPath,
}

/// Lines on their way from the reading thread to the transaction.
enum Piece {
    Rows(Vec<LineRow>),
    Progress(Progress),
}

/// Lines a statement of the reading thread hands over at once.
const STREAM_CHUNK: usize = 1000;

/// The commit of an import, reading and storing at the same time: the file is parsed on a
/// blocking thread, which hands each line over (matched to its person) as soon as it is
/// read, and the lines are inserted in the transaction while the rest of the file is read.
/// At the end the whole preview is checked exactly as [`import`] checks it; on any issue,
/// unmatched worker or re-import, the caller drops the transaction, so nothing stays
/// (all or nothing, as before). Lines whose reading waits for the end of the file (2.100)
/// are inserted at the end.
#[allow(clippy::too_many_arguments)]
pub(crate) async fn import_streaming(
    conn: &mut SqliteConnection,
    cat: &Catalogue,
    path: &Path,
    options: &PayrollImportOptions,
    actor: &str,
    at: &str,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<StreamOutcome> {
    let bytes = werkbank_import::table::read_file(path).map_err(read_error)?;
    let file_name = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    let sha256 = format!("{:x}", Sha256::digest(&bytes));
    if store::active_batch_with_sha(conn, &sha256).await?.is_some() {
        return Ok(StreamOutcome::UseOrdinaryPath);
    }
    let explicit =
        options.mapping.as_ref().map(|m| ColumnMapping(m.iter().map(|(k, v)| (k.clone(), *v as usize)).collect()));
    let (mapping, named) = match (explicit, &options.profile) {
        (Some(m), _) => (Some(m), None),
        (None, Some(name)) => {
            let p = store::profile_by_name(conn, name).await?.ok_or_else(|| profile_unknown(name))?;
            (Some(mapping_of(&p)?), Some(p.name))
        }
        (None, None) => (None, None),
    };
    let matcher = Matcher::load(conn, options).await?;
    // The batch first (its lines refer to it), with placeholders: a "sha256" no file has, so
    // that the unique index on active files does not see it.
    let placeholder = BatchRow {
        file_name: file_name.clone(),
        file_size: bytes.len() as i64,
        sha256: format!("reading:{sha256}"),
        sheet: None,
        mapping: "{}".into(),
        profile_name: None,
        imported_by: actor.to_string(),
        imported_at: at.to_string(),
        lines: 0,
        first_period: None,
        last_period: None,
        undone_at: None,
        undone_by: None,
    };
    let batch_id = store::insert_batch(conn, &placeholder).await?;

    let size = bytes.len() as i64;
    let (tx, mut rx) = tokio::sync::mpsc::channel::<Piece>(4);
    let opts = PayrollOptions { sheet: options.sheet.clone(), mapping, header_row: None };
    let reader_matcher = matcher.clone();
    let reader_file_name = file_name.clone();
    let reading = tokio::task::spawn_blocking(move || {
        let mut chunk: Vec<LineRow> = Vec::with_capacity(STREAM_CHUNK);
        let mut periods = HashMap::new();
        // A closed channel means the transaction gave up: keep reading, stop sending.
        let progress_tx = tx.clone();
        let mut report = |p: Progress| {
            let _ = progress_tx.blocking_send(Piece::Progress(p));
        };
        let mut tap = |l: &PayrollLine| {
            chunk.push(line_row(l, reader_matcher.person_of(l), &mut periods));
            if chunk.len() == STREAM_CHUNK {
                let full = std::mem::replace(&mut chunk, Vec::with_capacity(STREAM_CHUNK));
                let _ = tx.blocking_send(Piece::Rows(full));
            }
        };
        let result = preview_payroll_bytes_tapped(&bytes, &reader_file_name, &opts, &mut report, &mut tap);
        if !chunk.is_empty() {
            let _ = tx.blocking_send(Piece::Rows(chunk));
        }
        result
    });
    let mut failed: Option<AppError> = None;
    while let Some(piece) = rx.recv().await {
        match piece {
            Piece::Progress(p) => progress(p),
            Piece::Rows(rows) if failed.is_none() => {
                if let Err(e) = store::insert_lines(conn, batch_id, &rows).await {
                    failed = Some(e.into());
                    rx.close();
                }
            }
            Piece::Rows(_) => {}
        }
    }
    let parsed = reading.await.map_err(|e| AppError::Internal(format!("reading thread: {e}")))?;
    if let Some(e) = failed {
        return Err(e);
    }
    let (preview, held_rows) =
        parsed.map_err(|e| AppError::Import { code: e.code().to_string(), params: e.params(), issues: vec![] })?;
    // The profile saved for these headers, unless a mapping was given.
    let profile = match named {
        Some(name) => Some(name),
        None if options.mapping.is_some() => None,
        None => match store::profile_for_signature(conn, &preview.header_signature).await? {
            Some(p) if mapping_of(&p)?.0 != preview.mapping().0 => {
                store::delete_batch(conn, batch_id).await?;
                return Ok(StreamOutcome::UseOrdinaryPath);
            }
            Some(p) => Some(p.name),
            None => None,
        },
    };
    let file = ReadFile { file_name, size, sha256, preview, profile };
    let streamed = Streamed { batch_id, held_rows };
    let result = import(conn, cat, file, options, actor, at, matcher, Some(streamed)).await?;
    Ok(StreamOutcome::Done(Box::new(result)))
}

/// Reads and parses the file, applying an explicit mapping, a named profile, or the
/// profile saved for files with the same headers.
pub(crate) async fn read(
    conn: &mut SqliteConnection,
    path: &Path,
    options: &PayrollImportOptions,
    progress: &mut (dyn FnMut(Progress) + Send),
) -> Result<ReadFile> {
    let bytes = werkbank_import::table::read_file(path).map_err(read_error)?;
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
        Some(name) => Some(store::profile_by_name(conn, name).await?.ok_or_else(|| profile_unknown(name))?),
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

pub(crate) fn profile_unknown(name: &str) -> AppError {
    import_error("payroll.profile_unknown", [("name".to_string(), name.to_string())].into())
}

pub(crate) fn profile_dto(p: MappingProfileRow) -> Result<MappingProfileDto> {
    let mapping = mapping_of(&p)?;
    let fields = FIELDS.iter().filter(|f| mapping.0.contains_key(f.id)).map(|f| f.id.to_string()).collect();
    Ok(MappingProfileDto { name: p.name, updated_at: p.updated_at, fields })
}

fn mapping_of(p: &MappingProfileRow) -> Result<ColumnMapping> {
    serde_json::from_str(&p.mapping).map_err(|e| AppError::Internal(format!("mapping profile {}: {e}", p.name)))
}

/// A file that could not be read, as the import's error.
fn read_error(e: werkbank_import::table::ReadError) -> AppError {
    AppError::Import { code: e.code().to_string(), params: e.params(), issues: vec![] }
}

pub(crate) fn batch_dto(stored: Stored<BatchRow>) -> BatchDto {
    let Stored { id, value: b } = stored;
    BatchDto {
        id,
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

/// Matches workers to people: INSZ, remembered worker numbers, then the user's links.
#[derive(Clone)]
pub(crate) struct Matcher {
    names: HashMap<i64, String>,
    by_insz: HashMap<String, i64>,
    remembered: HashMap<String, i64>,
    links: HashMap<String, i64>,
}

impl Matcher {
    pub(crate) async fn load(conn: &mut SqliteConnection, options: &PayrollImportOptions) -> Result<Self> {
        let everyone = people::list(conn).await?;
        let names: HashMap<i64, String> = everyone.iter().map(|p| (p.id, p.display_name())).collect();
        let by_insz: HashMap<String, i64> =
            everyone.iter().filter_map(|p| Some((p.insz.as_ref()?.digits().to_string(), p.id))).collect();
        let remembered: HashMap<String, i64> = store::worker_numbers(conn).await?.into_iter().collect();
        let mut links: HashMap<String, i64> = HashMap::new();
        for link in &options.links {
            if !names.contains_key(&link.person_id) {
                return Err(AppError::NotFound { entity: "person", id: link.person_id });
            }
            let key = link.worker.trim();
            let key =
                werkbank_domain::Insz::parse(key).map(|i| i.digits().to_string()).unwrap_or_else(|_| key.to_string());
            links.insert(key, link.person_id);
        }
        Ok(Self { names, by_insz, remembered, links })
    }

    pub(crate) fn person_of(&self, l: &PayrollLine) -> Option<i64> {
        l.insz
            .as_ref()
            .and_then(|i| self.by_insz.get(i.digits()).copied())
            .or_else(|| l.worker_number.as_ref().and_then(|w| self.remembered.get(w).copied()))
            .or_else(|| worker_key(l).and_then(|k| self.links.get(&k).copied()))
    }
}

/// A line as stored. A file has few distinct periods: `periods` formats their dates once.
fn line_row(
    l: &PayrollLine,
    person_id: Option<i64>,
    periods: &mut HashMap<werkbank_import::values::PayPeriod, (String, String)>,
) -> LineRow {
    let (period_start, period_end) =
        periods.entry(l.period).or_insert_with(|| (iso(l.period.first_day()), iso(l.period.last_day()))).clone();
    LineRow {
        row: i64::from(l.row),
        person_id,
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
    }
}

/// Lines already stored while the file was read ([`import_streaming`]): the batch row
/// holds placeholders until the import is complete.
pub(crate) struct Streamed {
    pub batch_id: i64,
    /// Rows of the lines not handed over while reading (a value like 2.100 waited for its
    /// column): stored at the end.
    pub held_rows: Vec<u32>,
}

/// Matches, checks against the register and, unless `dry_run` or refused, stores (or, with
/// `streamed`, completes what was stored while reading).
#[allow(clippy::too_many_arguments)]
pub(crate) async fn import(
    conn: &mut SqliteConnection,
    cat: &Catalogue,
    file: ReadFile,
    options: &PayrollImportOptions,
    actor: &str,
    at: &str,
    matcher: Matcher,
    streamed: Option<Streamed>,
) -> Result<PayrollImportResultDto> {
    let p = &file.preview;
    let Matcher { names, remembered, .. } = &matcher;
    let person_of = |l: &PayrollLine| matcher.person_of(l);
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
    let batch = BatchRow {
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
    };
    let batch_id = match &streamed {
        Some(s) => {
            store::update_batch(conn, s.batch_id, &batch).await?;
            s.batch_id
        }
        None => store::insert_batch(conn, &batch).await?,
    };
    // Remember worker numbers of matched workers for the next batch.
    let mut seen: HashMap<&str, i64> = HashMap::new();
    let mut new_links: Vec<(String, i64)> = Vec::new();
    for (l, person) in p.lines.iter().zip(&matched) {
        if let (Some(w), Some(id)) = (l.worker_number.as_deref(), person) {
            if remembered.get(w) != Some(id) && seen.insert(w, *id).is_none() {
                new_links.push((w.to_string(), *id));
            }
        }
    }
    store::link_worker_numbers(conn, &new_links).await?;
    let mut periods = HashMap::new();
    let rows: Vec<LineRow> = match &streamed {
        // Only the lines held back while reading are left.
        Some(s) => p
            .lines
            .iter()
            .zip(&matched)
            .filter(|(l, _)| s.held_rows.binary_search(&l.row).is_ok())
            .map(|(l, person)| line_row(l, *person, &mut periods))
            .collect(),
        None => p.lines.iter().zip(&matched).map(|(l, person)| line_row(l, *person, &mut periods)).collect(),
    };
    store::insert_lines(conn, batch_id, &rows).await?;
    result.lines_imported = p.lines.len() as u32;
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
    use werkbank_import::table::shorten;
    for u in &r.unmatched {
        let params: BTreeMap<String, String> = [
            ("worker".to_string(), shorten(&u.worker)),
            ("name".to_string(), shorten(u.name.as_deref().unwrap_or_default())),
            ("lines".to_string(), u.lines.to_string()),
        ]
        .into();
        issues.push(ImportIssueDto {
            row: u.first_row,
            column: if u.worker_number.is_some() { "worker_number".into() } else { "insz".into() },
            header: None,
            value: Some(shorten(&u.worker)),
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

/// Paid hours (worked + paid absence) from the payroll against FTE from the register,
/// over the part of the period the payroll covers.
///
/// Coverage: a month of the period is *covered* when at least one payroll line (of a batch
/// not undone) has a pay period that includes it. A file may cover only some months, or
/// only part of the staff (one department, one work form), so:
/// - everyone with lines in the period gets a row comparing, over the covered months
///   only, register FTE with the FTE of their paid hours; a covered month in which the
///   register employs them but no line of theirs falls is listed on the row and flagged;
/// - people the register employs in the covered months who have no line at all are
///   listed apart (`not_in_payroll`), as information rather than a difference;
/// - months no line covers are not compared at all.
pub(crate) async fn reconcile(conn: &mut SqliteConnection, period: &ReportingPeriod) -> Result<ReconciliationDto> {
    use werkbank_domain::fte::{fte_in_spans, span_days};
    use werkbank_domain::DateSpan;
    let tolerance = Decimal::new(5, 2); // 0,05 FTE
    let (start, end) = (period.first_day(), period.last_day());
    let lines = store::lines_in(conn, &iso(start), &iso(end)).await?;
    let batches = store::batches_in(conn, &iso(start), &iso(end)).await?;
    let meanings: HashMap<String, String> =
        store::wage_codes(conn).await?.into_iter().map(|w| (w.code, w.meaning)).collect();
    let months = period.months();
    let month_spans: Vec<DateSpan> = months.iter().map(|m| m.span()).collect();
    let line_span = |l: &LineRow| -> Option<DateSpan> {
        let first = chrono::NaiveDate::parse_from_str(&l.period_start, "%Y-%m-%d").ok()?;
        let last = chrono::NaiveDate::parse_from_str(&l.period_end, "%Y-%m-%d").ok()?;
        Some(DateSpan::from_inclusive(first, Some(last)))
    };
    let mut covered = vec![false; months.len()];
    let mut unmapped: Vec<String> = Vec::new();
    let mut paid: BTreeMap<i64, i64> = BTreeMap::new();
    // Per person: which months of the period their lines fall in.
    let mut on_payroll: BTreeMap<i64, Vec<bool>> = BTreeMap::new();
    for l in &lines {
        let Some(span) = line_span(l) else { continue };
        let in_months: Vec<bool> = month_spans.iter().map(|m| m.overlaps(&span)).collect();
        for (c, hit) in covered.iter_mut().zip(&in_months) {
            *c |= *hit;
        }
        let Some(person) = l.person_id else { continue };
        let entry = on_payroll.entry(person).or_insert_with(|| vec![false; months.len()]);
        for (c, hit) in entry.iter_mut().zip(&in_months) {
            *c |= *hit;
        }
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
    let covered_spans: Vec<DateSpan> = month_spans.iter().zip(&covered).filter(|(_, c)| **c).map(|(m, _)| *m).collect();
    let covered_days = Decimal::from(covered_spans.iter().filter_map(span_days).sum::<i64>());
    let by_person = periods::by_person(conn).await?;
    let everyone: HashMap<i64, werkbank_domain::Stored<werkbank_domain::Person>> =
        people::list(conn).await?.into_iter().map(|p| (p.id, p)).collect();
    let mut rows = Vec::new();
    for (id, their_months) in &on_payroll {
        let Some(person) = everyone.get(id) else { continue };
        let ps = by_person.get(id).map(Vec::as_slice).unwrap_or_default();
        let register = fte_in_spans(ps, &covered_spans);
        let hours = paid.get(id).copied().unwrap_or(0);
        // Full-time hours of the covered months: S (hours a week) × days ÷ 7, with the S of
        // the person's period in force at the end of the period (or their last one before).
        let s =
            ps.iter().rev().find(|p| p.span().contains(end) || p.start <= end).map(|p| p.fraction.s).filter(|s| *s > 0);
        let payroll_fte = s
            .filter(|_| covered_days > Decimal::ZERO)
            .map(|s| Decimal::from(hours) / (Decimal::from(s) * covered_days / Decimal::from(7)));
        let difference = payroll_fte.map(|p| p - register);
        let missing_months: Vec<String> = months
            .iter()
            .zip(&month_spans)
            .zip(covered.iter().zip(their_months))
            .filter(|((_, span), (covered, theirs))| {
                **covered && !**theirs && fte_in_spans(ps, std::slice::from_ref(span)) > Decimal::ZERO
            })
            .map(|((m, _), _)| m.to_string())
            .collect();
        let off = difference.is_none_or(|d| d.abs() > tolerance) && (hours > 0 || register > Decimal::ZERO);
        rows.push(ReconciliationRowDto {
            person_id: *id,
            name: person.display_name(),
            register_fte: round_fte(register).to_string(),
            paid_hours: hours,
            payroll_fte: payroll_fte.map(|d| round_fte(d).to_string()),
            difference: difference.map(|d| round_fte(d).to_string()),
            flagged: off || !missing_months.is_empty(),
            missing_months,
        });
    }
    let mut not_in_payroll: Vec<NotInPayrollDto> = by_person
        .iter()
        .filter(|(id, _)| !on_payroll.contains_key(id))
        .filter_map(|(id, ps)| {
            let register = fte_in_spans(ps, &covered_spans);
            let person = everyone.get(id)?;
            (register > Decimal::ZERO).then(|| NotInPayrollDto {
                person_id: *id,
                name: person.display_name(),
                register_fte: round_fte(register).to_string(),
            })
        })
        .collect();
    not_in_payroll.sort_by(|a, b| a.name.cmp(&b.name).then(a.person_id.cmp(&b.person_id)));
    Ok(ReconciliationDto {
        period: period.to_string(),
        start: iso(start),
        end: iso(end),
        tolerance: tolerance.to_string(),
        months: months.iter().map(|m| m.to_string()).collect(),
        covered_months: months.iter().zip(&covered).filter(|(_, c)| **c).map(|(m, _)| m.to_string()).collect(),
        batches: batches.into_iter().map(batch_dto).collect(),
        rows,
        not_in_payroll,
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

// ----- use cases ------------------------------------------------------------

impl Api {
    /// Imports a payroll export: all lines as one batch, or nothing (with every problem
    /// listed). With `dry_run`, only the preview. `progress` hears how far the file is read
    /// (`()` when nobody listens; a closure for a progress bar).
    pub async fn import_payroll(
        &self,
        path: &Path,
        options: PayrollImportOptions,
        mut progress: impl ProgressSink,
    ) -> Result<PayrollImportResultDto> {
        let progress = &mut |p| progress.report(p);
        if !options.dry_run {
            self.make_backup(crate::backup::Reason::PayrollCommit, None).await?;
        }
        let result = self.import_payroll_in_transaction(path, options, progress).await;
        if result.as_ref().is_ok_and(|r| r.batch_id.is_some()) {
            // Many pages were written: copy them into the file and empty the WAL.
            let _ = self.store.checkpoint().await;
        }
        result
    }

    async fn import_payroll_in_transaction(
        &self,
        path: &Path,
        options: PayrollImportOptions,
        progress: &mut (dyn FnMut(Progress) + Send),
    ) -> Result<PayrollImportResultDto> {
        let mut tx = self.store.begin().await?;
        let at = self.now();
        // A commit reads and stores at the same time; a preview, a re-import or a file that
        // a saved profile maps differently from its headers takes the ordinary path.
        if !options.dry_run {
            let outcome =
                import_streaming(&mut tx, self.catalogue(), path, &options, &self.actor, &at, progress).await?;
            if let StreamOutcome::Done(result) = outcome {
                let result = *result;
                if let Some(id) = result.batch_id {
                    let details = serde_json::json!({ "file": result.file_name, "sha256": result.sha256,
                        "lines": result.lines_imported, "profile": result.profile });
                    self.audit(&mut tx, "import", "payroll_batch", Some(id), details).await?;
                    tx.commit().await?;
                }
                return Ok(result);
            }
        }
        let file = read(&mut tx, path, &options, progress).await?;
        let matcher = Matcher::load(&mut tx, &options).await?;
        let result = import(&mut tx, self.catalogue(), file, &options, &self.actor, &at, matcher, None).await?;
        if let Some(id) = result.batch_id {
            let details = serde_json::json!({ "file": result.file_name, "sha256": result.sha256,
                "lines": result.lines_imported, "profile": result.profile });
            self.audit(&mut tx, "import", "payroll_batch", Some(id), details).await?;
            tx.commit().await?;
        }
        Ok(result)
    }

    /// Every payroll batch, newest first, undone ones included.
    pub async fn payroll_batches(&self) -> Result<Vec<BatchDto>> {
        let mut conn = self.store.conn().await?;
        Ok(werkbank_store::payroll::batches(&mut conn).await?.into_iter().map(batch_dto).collect())
    }

    /// Removes every line of a batch; the batch stays listed as undone.
    /// A backup is made first (the lines can be restored from it), and the lines are
    /// overwritten in the file (`secure_delete`, then a checkpoint), not left in free pages.
    pub async fn undo_payroll_batch(&self, id: i64) -> Result<BatchDto> {
        {
            let mut conn = self.store.conn().await?;
            match werkbank_store::payroll::batch_by_id(&mut conn, id).await? {
                Some(b) if b.value.undone_at.is_none() => {
                    drop(conn);
                    self.make_backup(crate::backup::Reason::PayrollUndo, None).await?;
                }
                _ => {}
            }
        }
        let batch = self.undo_payroll_batch_in_transaction(id).await?;
        let _ = self.store.checkpoint().await;
        Ok(batch)
    }

    async fn undo_payroll_batch_in_transaction(&self, id: i64) -> Result<BatchDto> {
        let mut tx = self.store.begin().await?;
        let at = self.now();
        let Some(removed) = werkbank_store::payroll::undo_batch(&mut tx, id, &at, &self.actor).await? else {
            return match werkbank_store::payroll::batch_by_id(&mut tx, id).await? {
                Some(_) => Err(AppError::Conflict { code: "payroll.already_undone", params: BTreeMap::new() }),
                None => Err(AppError::NotFound { entity: "payroll_batch", id }),
            };
        };
        self.audit(&mut tx, "undo", "payroll_batch", Some(id), serde_json::json!({ "lines_removed": removed })).await?;
        let batch = werkbank_store::payroll::batch_by_id(&mut tx, id).await?.expect("exists");
        tx.commit().await?;
        Ok(batch_dto(batch))
    }

    pub async fn wage_codes(&self) -> Result<Vec<WageCodeDto>> {
        let mut conn = self.store.conn().await?;
        Ok(werkbank_store::payroll::wage_codes(&mut conn)
            .await?
            .into_iter()
            .map(|w| WageCodeDto { id: w.id, code: w.code, meaning: w.meaning, description: w.description })
            .collect())
    }

    /// Adds a wage code or changes its meaning.
    pub async fn save_wage_code(&self, input: WageCodeDto) -> Result<Vec<WageCodeDto>> {
        let mut out = Vec::new();
        let code = input.code.trim().to_string();
        if code.is_empty() {
            out.push(Violation::new("code", "value.required"));
        }
        if let Err(v) = check_meaning(&input.meaning) {
            out.push(v);
        }
        Violations::check(out)?;
        let mut tx = self.store.begin().await?;
        let row = werkbank_store::payroll::WageCodeRow {
            id: None,
            code: code.clone(),
            meaning: input.meaning.clone(),
            description: input.description.clone().filter(|d| !d.trim().is_empty()),
        };
        let id = werkbank_store::payroll::upsert_wage_code(&mut tx, &row).await?;
        self.audit(
            &mut tx,
            "save",
            "wage_code",
            Some(id),
            serde_json::json!({ "code": code, "meaning": input.meaning }),
        )
        .await?;
        tx.commit().await?;
        self.wage_codes().await
    }

    pub async fn delete_wage_code(&self, id: i64) -> Result<Vec<WageCodeDto>> {
        let mut tx = self.store.begin().await?;
        if !werkbank_store::payroll::delete_wage_code(&mut tx, id).await? {
            return Err(AppError::NotFound { entity: "wage_code", id });
        }
        self.audit(&mut tx, "delete", "wage_code", Some(id), serde_json::json!({})).await?;
        tx.commit().await?;
        self.wage_codes().await
    }

    /// Names of the saved column mappings.
    pub async fn mapping_profiles(&self) -> Result<Vec<String>> {
        let mut conn = self.store.conn().await?;
        Ok(werkbank_store::payroll::profiles(&mut conn).await?.into_iter().map(|p| p.name).collect())
    }

    /// The saved column mappings with what they map, by name.
    pub async fn mapping_profile_list(&self) -> Result<Vec<MappingProfileDto>> {
        let mut conn = self.store.conn().await?;
        werkbank_store::payroll::profiles(&mut conn).await?.into_iter().map(profile_dto).collect()
    }

    /// Renames a saved column mapping; its mapping and headers stay. Batches imported with it
    /// keep the name they were imported under.
    pub async fn rename_mapping_profile(&self, old: &str, new: &str) -> Result<Vec<MappingProfileDto>> {
        let new = new.trim();
        if new.is_empty() {
            return Err(Violation::new("name", "value.required").into());
        }
        let mut tx = self.store.begin().await?;
        if old != new {
            if werkbank_store::payroll::profile_by_name(&mut tx, new).await?.is_some() {
                return Err(AppError::Conflict {
                    code: "payroll.profile_exists",
                    params: [("name".to_string(), new.to_string())].into(),
                });
            }
            let Some(id) = werkbank_store::payroll::rename_profile(&mut tx, old, new).await? else {
                return Err(profile_unknown(old));
            };
            let details = serde_json::json!({ "fields": ["name"], "from": old, "to": new });
            self.audit(&mut tx, "rename", "mapping_profile", Some(id), details).await?;
            tx.commit().await?;
        } else if werkbank_store::payroll::profile_by_name(&mut tx, old).await?.is_none() {
            return Err(profile_unknown(old));
        }
        self.mapping_profile_list().await
    }

    /// Deletes a saved column mapping. Files with its headers are then read by their headers
    /// again (or by another profile saved for them).
    pub async fn delete_mapping_profile(&self, name: &str) -> Result<Vec<MappingProfileDto>> {
        let mut tx = self.store.begin().await?;
        let Some(id) = werkbank_store::payroll::delete_profile(&mut tx, name).await? else {
            return Err(profile_unknown(name));
        };
        self.audit(&mut tx, "delete", "mapping_profile", Some(id), serde_json::json!({ "name": name })).await?;
        tx.commit().await?;
        self.mapping_profile_list().await
    }

    /// Paid hours from the payroll against FTE from the register, per person.
    pub async fn reconciliation(&self, period: &str) -> Result<ReconciliationDto> {
        let period = ReportingPeriod::parse(period)?;
        let mut conn = self.store.conn().await?;
        reconcile(&mut conn, &period).await
    }
}
