//! Claim use cases: claim rule sets (install a template, set a parameter value, export and
//! import a rule file), dated per-worker attributes, and claims (compute a draft, list,
//! show, issue, amend, record the department's settlement per stream).
//!
//! A claim's inputs are loaded here (register periods of the work form, per-worker
//! attributes, payroll sums per person and month by wage-code meaning, the work form's
//! ratio rules) and computed by `werkbank_domain::claims::compute`. Payroll lines count in
//! the month of their pay period's first day; an amount is the line's `amount`, or the
//! `gross_wage` / `employer_contributions` column for a line of that meaning without one;
//! reductions count as positive amounts.
//!
//! Issuing recomputes the draft and freezes it in one transaction: inputs and result as
//! canonical JSON, the rule set's version and SHA-256, the lines, the total, the SHA-256
//! of the frozen JSON and the PDF bytes from [`render_claim_pdf`] with their SHA-256.

pub mod dto;
pub mod export;
pub mod frozen;
pub mod pdf;

use crate::convert::iso;
use crate::dto::*;
use crate::error::{AppError, Result};
use crate::{input, Api};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;
use std::str::FromStr;
use werkbank_domain::claims::rules::{template, templates, ClaimRuleSet, DatedParam, RuleFile};
use werkbank_domain::claims::ClaimStatus;
use werkbank_domain::claims::{
    compute, diff, round_cent, Attest, ClaimInput, ClaimResult, Dated, GuidanceLevel, PayrollMonth, WorkerAttributes,
    WorkerInput,
};
use werkbank_domain::{ReportingPeriod, Violation, Violations};
use werkbank_store::claims::{self as store, AttributeRow, ClaimRow, IssueRow, LineRow, RuleSetRow};
use werkbank_store::{organisation, people, periods, SqliteConnection};

/// The PDF of a claim (see [`crate::claim_pdf`]): the claim and what its document needs
/// besides (organisation, masked INSZ, formula kinds, print date, hash, signature block).
pub fn render_claim_pdf(claim: &ClaimDto, ctx: &crate::claims::pdf::ClaimPdfContext) -> Result<Vec<u8>> {
    crate::claims::pdf::render_claim(claim, ctx, crate::messages::Catalogue::nl_be())
        .map_err(|e| AppError::Internal(format!("claim PDF: {e}")))
}

/// Loads what the claim's document needs besides the claim: the organisation, the work
/// form's recognition number, INSZ per worker, the rule set's formula kinds and the norm.
async fn pdf_context(
    conn: &mut SqliteConnection,
    claim: &ClaimDto,
    input: &ClaimInput,
) -> Result<crate::claims::pdf::ClaimPdfContext> {
    let organisation = organisation::get(conn).await?.unwrap_or_default();
    let recognition_number = organisation
        .work_forms
        .iter()
        .find(|w| w.id == (claim.work_form_id))
        .and_then(|w| w.recognition_number.clone());
    let wanted: std::collections::HashSet<i64> = claim.result.lines.iter().filter_map(|l| l.person_id).collect();
    let insz_masked = people::list(conn)
        .await?
        .into_iter()
        .filter_map(|p| {
            let id = Some(p.id).filter(|id| wanted.contains(id))?;
            Some((id, werkbank_pdf::mask_insz(p.value.insz?.digits())))
        })
        .collect();
    let formulas = input.rule_set.streams.iter().map(|s| (s.code.clone(), s.formula)).collect();
    let norm = input.rules.in_force(claim.result.first_day).norm_value();
    Ok(crate::claims::pdf::ClaimPdfContext {
        place: organisation.signing_place.clone(),
        organisation,
        recognition_number,
        insz_masked,
        formulas,
        norm,
        ..Default::default()
    })
}

/// The values a claim uses that its rule set holds as not confirmed (each dated value once).
pub(crate) fn unconfirmed_values(result: &werkbank_domain::claims::ClaimResult) -> u32 {
    let mut seen = std::collections::BTreeSet::new();
    for p in result.parameters.iter().filter(|p| !p.confirmed && p.value.is_some()) {
        seen.insert((p.stream.clone(), p.parameter.clone(), p.valid_from));
    }
    seen.len() as u32
}

fn sha256(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

fn conflict(code: &'static str, params: &[(&str, String)]) -> AppError {
    AppError::Conflict { code, params: params.iter().map(|(k, v)| (k.to_string(), v.clone())).collect() }
}

/// A claim that cannot be computed: conflict `claims.total_too_large` {`stream`}.
fn claim_error(e: werkbank_domain::claims::ClaimError) -> AppError {
    match e {
        werkbank_domain::claims::ClaimError::TotalTooLarge { stream } => {
            conflict("claims.total_too_large", &[("stream", stream)])
        }
    }
}

fn canonical<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("serialisable")
}

fn corrupt(what: &str, e: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("stored {what} unreadable: {e}"))
}

// ----- rule sets ----------------------------------------------------------------------

fn rule_set_dto(row: &RuleSetRow) -> Result<ClaimRuleSetDto> {
    Ok(ClaimRuleSetDto {
        code: row.code.clone(),
        name: row.name.clone(),
        version: row.version,
        sha256: row.sha256.clone(),
        updated_at: row.updated_at.clone(),
        rule_set: serde_json::from_str(&row.definition).map_err(|e| corrupt("rule set", e))?,
    })
}

async fn save_rule_set(conn: &mut SqliteConnection, set: &ClaimRuleSet, at: &str) -> Result<(RuleSetRow, bool)> {
    let definition = canonical(set);
    Ok(store::save_rule_set(conn, &set.code, &set.name, &definition, &sha256(definition.as_bytes()), at).await?)
}

async fn stored_rule_sets(conn: &mut SqliteConnection) -> Result<Vec<(RuleSetRow, ClaimRuleSet)>> {
    let mut out = Vec::new();
    for row in store::rule_sets(conn).await? {
        let set: ClaimRuleSet = serde_json::from_str(&row.definition).map_err(|e| corrupt("rule set", e))?;
        out.push((row, set));
    }
    Ok(out)
}

// ----- attributes ---------------------------------------------------------------------

pub const ATTRIBUTE_KEYS: [&str; 4] = ["wage_percentage", "guidance_level", "seniority_start", "sine_attest"];

fn attribute_dto(r: &AttributeRow) -> WorkerAttributeDto {
    WorkerAttributeDto {
        id: r.id,
        person_id: r.person_id,
        key: r.key.clone(),
        value: r.value.clone(),
        valid_from: iso(r.valid_from),
        valid_until: r.valid_until.map(iso),
    }
}

/// The domain's attributes from stored rows (unreadable values are skipped; the input
/// use case never stores them).
fn attributes_of(rows: &[AttributeRow]) -> WorkerAttributes {
    let mut a = WorkerAttributes::default();
    for r in rows {
        match r.key.as_str() {
            "wage_percentage" => {
                if let Ok(v) = Decimal::from_str(&r.value) {
                    a.wage_percentage.push(Dated { valid_from: r.valid_from, value: v });
                }
            }
            "guidance_level" => {
                if let Some(l) = GuidanceLevel::from_id(&r.value) {
                    a.guidance_level.push(Dated { valid_from: r.valid_from, value: l });
                }
            }
            "seniority_start" => a.seniority_start = Some(r.valid_from),
            "sine_attest" => a.sine_attests.push(Attest { first_day: r.valid_from, last_day: r.valid_until }),
            _ => {}
        }
    }
    a
}

// ----- payroll sums -------------------------------------------------------------------

async fn payroll_sums(
    conn: &mut SqliteConnection,
    period: &ReportingPeriod,
) -> Result<HashMap<i64, BTreeMap<u32, PayrollMonth>>> {
    let lines = werkbank_store::payroll::lines_in(conn, &iso(period.first_day()), &iso(period.last_day())).await?;
    let meanings: HashMap<String, String> =
        werkbank_store::payroll::wage_codes(conn).await?.into_iter().map(|w| (w.code, w.meaning)).collect();
    let mut out: HashMap<i64, BTreeMap<u32, PayrollMonth>> = HashMap::new();
    let dec = |s: &Option<String>| s.as_deref().and_then(|t| Decimal::from_str(t).ok());
    for l in &lines {
        let Some(person) = l.person_id else { continue };
        let Ok(start) = NaiveDate::parse_from_str(&l.period_start, "%Y-%m-%d") else { continue };
        if !period.span().contains(start) {
            continue;
        }
        let Some(meaning) = meanings.get(&l.wage_code) else { continue };
        let m = out.entry(person).or_default().entry(start.month()).or_default();
        // Checked sums: two absurd amounts are a clear refusal naming the person and month,
        // never an overflow panic.
        let too_large = || {
            conflict(
                "claims.payroll_too_large",
                &[
                    ("name", l.name.clone().unwrap_or_else(|| person.to_string())),
                    ("month", format!("{:02}/{}", start.month(), start.year())),
                ],
            )
        };
        let add = |sum: &mut Decimal, v: Decimal| -> Result<()> {
            *sum = sum.checked_add(v).ok_or_else(too_large)?;
            Ok(())
        };
        match meaning.as_str() {
            "gross_wage" => add(&mut m.gross_wage, dec(&l.amount).or(dec(&l.gross_wage)).unwrap_or_default())?,
            "employer_contributions" => add(
                &mut m.employer_contributions,
                dec(&l.amount).or(dec(&l.employer_contributions)).unwrap_or_default(),
            )?,
            "reduction" => add(&mut m.reductions, dec(&l.amount).unwrap_or_default().abs())?,
            "net_wage" => {
                let mut net = m.net_wage.unwrap_or_default();
                add(&mut net, dec(&l.amount).unwrap_or_default())?;
                m.net_wage = Some(net);
            }
            _ => {}
        }
    }
    Ok(out)
}

// ----- claims -------------------------------------------------------------------------

/// Loads everything a claim of `work_form_id` over `period` is computed from.
async fn claim_input(
    conn: &mut SqliteConnection,
    work_form_id: i64,
    period: &ReportingPeriod,
) -> Result<(ClaimInput, RuleSetRow)> {
    let forms = crate::compliance::load_rules(conn).await?;
    let form = forms
        .iter()
        .find(|f| f.form.id == (work_form_id))
        .ok_or(AppError::NotFound { entity: "work_form", id: work_form_id })?;
    // The kind the work form had over the quarter (a social workshop until 2018, a maatwerk
    // company from 2019); a claim covers one kind.
    let kind = form.form.kind_on(period.first_day());
    if let Some(day) = form.form.kind_changes_in(period.first_day(), period.end_exclusive()).first() {
        return Err(conflict(
            "claims.work_form_kind_changes",
            &[("period", period.to_string()), ("date", day.format("%d/%m/%Y").to_string())],
        ));
    }
    let (row, rule_set) = stored_rule_sets(conn)
        .await?
        .into_iter()
        .filter(|(_, s)| s.work_forms.contains(&kind) && s.in_force_on(period.first_day()))
        .max_by_key(|(_, s)| s.valid_from)
        .ok_or_else(|| {
            conflict("claims.no_rule_set", &[("work_form", kind.id().to_string()), ("period", period.to_string())])
        })?;
    // A period belongs to the work form it names, or to the main (first) one (as in
    // compliance::periods_by_work_form).
    let main = forms.first().map(|f| f.form.id);
    let known: Vec<i64> = forms.iter().map(|f| f.form.id).collect();
    let belongs = |p: &werkbank_domain::EmploymentPeriod| {
        p.work_form_id.filter(|id| known.contains(id)).or(main) == Some(work_form_id)
    };
    let everyone: HashMap<i64, werkbank_domain::Stored<werkbank_domain::Person>> =
        people::list(conn).await?.into_iter().map(|p| (p.id, p)).collect();
    let mut attributes: HashMap<i64, Vec<AttributeRow>> = HashMap::new();
    for a in store::attributes(conn, None).await? {
        attributes.entry(a.person_id).or_default().push(a);
    }
    let mut payroll = payroll_sums(conn, period).await?;
    let mut workers = Vec::new();
    for (person_id, all) in periods::by_person(conn).await? {
        let ps: Vec<_> = all.into_iter().filter(|p| belongs(p)).collect();
        if !ps.iter().any(|p| p.span().overlaps(&period.span())) {
            continue;
        }
        workers.push(WorkerInput {
            person_id,
            label: everyone.get(&person_id).map(|p| p.display_name()).unwrap_or_default(),
            periods: ps,
            attributes: attributes_of(attributes.get(&person_id).map(Vec::as_slice).unwrap_or_default()),
            payroll: payroll.remove(&person_id).unwrap_or_default(),
        });
    }
    let (year, quarter) = match *period {
        ReportingPeriod::Quarter { year, quarter } => (year, quarter),
        _ => unreachable!("checked by the caller"),
    };
    Ok((ClaimInput { year, quarter, work_form: kind, rule_set, rules: form.rules.clone(), workers }, row))
}

fn quarter(text: &str) -> Result<ReportingPeriod> {
    let p = ReportingPeriod::parse(text)?;
    match p {
        ReportingPeriod::Quarter { .. } => Ok(p),
        _ => Err(Violation::new("period", "claims.period_quarter").with("value", text.trim()).into()),
    }
}

fn computed_row(base: ClaimRow, input: &ClaimInput, result: &ClaimResult, rules: &RuleSetRow, at: &str) -> ClaimRow {
    ClaimRow {
        rule_set_code: rules.code.clone(),
        rule_set_version: rules.version,
        rule_set_sha256: rules.sha256.clone(),
        inputs: canonical(input),
        result: crate::claims::frozen::freeze_result(result),
        total: result.total.to_string(),
        complete: result.complete,
        computed_at: at.to_string(),
        ..base
    }
}

fn line_rows(result: &ClaimResult) -> Vec<LineRow> {
    result
        .lines
        .iter()
        .map(|l| LineRow {
            stream: l.stream.clone(),
            person_id: l.person_id,
            amount: l.amount.map(|a| a.to_string()),
            detail: canonical(l),
        })
        .collect()
}

fn result_of(row: &ClaimRow) -> Result<ClaimResult> {
    crate::claims::frozen::thaw_result(&row.result)
}

/// What a claim's documents show besides the result: for an issued claim the snapshot
/// frozen when it was issued (never the register as it is now), for a draft the register,
/// organisation and rule set as they are, with today's date, the hash of its current
/// result and empty signature lines. A claim issued before snapshots were kept (an
/// earlier release) has its frozen PDF only: its workbook is built from the live context.
pub(crate) async fn documents_context(
    conn: &mut SqliteConnection,
    claim: &ClaimDto,
    today: NaiveDate,
) -> Result<crate::claims::pdf::ClaimPdfContext> {
    if let Some((version, text)) = store::document(conn, claim.id).await? {
        return crate::claims::frozen::thaw_document(version, &text);
    }
    let row = store::claim(conn, claim.id).await?.ok_or(AppError::NotFound { entity: "claim", id: claim.id })?;
    let input: ClaimInput = serde_json::from_str(&row.inputs).map_err(|e| corrupt("claim inputs", e))?;
    let mut ctx = pdf_context(conn, claim, &input).await?;
    ctx.printed_on = today;
    ctx.hash = claim.sha256.clone().unwrap_or_else(|| sha256(row.result.as_bytes()));
    ctx.with_declaration_page = false;
    ctx.place = String::new();
    Ok(ctx)
}

async fn claim_dto(conn: &mut SqliteConnection, row: ClaimRow) -> Result<ClaimDto> {
    let result = result_of(&row)?;
    let settlements = store::settlements(conn, row.id)
        .await?
        .into_iter()
        .map(|s| {
            let settled = Decimal::from_str(&s.amount).unwrap_or_default();
            let claimed = result.streams.iter().find(|t| t.code == s.stream).map(|t| t.amount).unwrap_or_default();
            SettlementDto {
                stream: s.stream,
                claimed: claimed.to_string(),
                settled: round_cent(settled).to_string(),
                difference: round_cent(settled - claimed).to_string(),
                entered_at: s.entered_at,
            }
        })
        .collect();
    let differences = match row.amends_id {
        Some(original) => {
            let o = store::claim(conn, original).await?.ok_or(AppError::NotFound { entity: "claim", id: original })?;
            diff(&result_of(&o)?.lines, &result.lines)
        }
        None => Vec::new(),
    };
    let has_pdf = row.pdf_sha256.is_some();
    Ok(ClaimDto {
        id: row.id,
        work_form_id: row.work_form_id,
        work_form_kind: werkbank_domain::WorkFormKind::from_id(&row.work_form_kind)
            .ok_or_else(|| corrupt("claim", &row.work_form_kind))?,
        period: row.period,
        status: row.status,
        amends_id: row.amends_id,
        rule_set_code: row.rule_set_code,
        rule_set_version: row.rule_set_version,
        rule_set_sha256: row.rule_set_sha256,
        computed_at: row.computed_at,
        issued_at: row.issued_at,
        issued_by: row.issued_by,
        signer: row.signer,
        signer_function: row.signer_function,
        sha256: row.sha256,
        pdf_sha256: row.pdf_sha256,
        has_pdf,
        result,
        settlements,
        differences,
    })
}

fn summary(row: &ClaimRow) -> ClaimSummaryDto {
    ClaimSummaryDto {
        id: row.id,
        work_form_id: row.work_form_id,
        work_form_kind: row.work_form_kind.clone(),
        period: row.period.clone(),
        status: row.status,
        amends_id: row.amends_id,
        rule_set_code: row.rule_set_code.clone(),
        rule_set_version: row.rule_set_version,
        total: row.total.clone(),
        complete: row.complete,
        issued_at: row.issued_at.clone(),
    }
}

impl Api {
    // ----- rule sets ------------------------------------------------------------------

    /// The stored claim rule sets.
    pub async fn claim_rule_sets(&self) -> Result<Vec<ClaimRuleSetDto>> {
        let mut conn = self.store.conn().await?;
        store::rule_sets(&mut conn).await?.iter().map(rule_set_dto).collect()
    }

    /// Installs a shipped template (`sw_1998`, `maatwerk_2019`). Conflict
    /// `claims.rule_set_exists` when a rule set with that code is stored already.
    pub async fn install_claim_template(&self, code: &str) -> Result<ClaimRuleSetDto> {
        let set = template(code.trim())
            .ok_or_else(|| conflict("claims.template_unknown", &[("code", code.trim().to_string())]))?;
        let mut tx = self.store.begin().await?;
        if store::rule_set_by_code(&mut tx, &set.code).await?.is_some() {
            return Err(conflict("claims.rule_set_exists", &[("code", set.code.clone())]));
        }
        let (row, _) = save_rule_set(&mut tx, &set, &self.now()).await?;
        self.audit(
            &mut tx,
            "install_template",
            "claim_rule_set",
            Some(row.id),
            serde_json::json!({ "code": row.code, "version": row.version }),
        )
        .await?;
        tx.commit().await?;
        rule_set_dto(&row)
    }

    /// Sets a dated value of a stream parameter (empty value = not known) with its source
    /// and whether the user confirmed it; the rule set gets a new version.
    pub async fn set_claim_parameter(&self, input: ClaimParameterInput) -> Result<ClaimRuleSetDto> {
        let mut out = Vec::new();
        let from = if input.valid_from.trim().is_empty() {
            out.push(Violation::new("valid_from", "date.required"));
            None
        } else {
            input::optional_date("valid_from", &input.valid_from, &mut out)
        };
        let value = if input.value.trim().is_empty() {
            None
        } else {
            let cell = werkbank_import::table::Cell::Text(input.value.trim().to_string());
            match werkbank_import::values::parse_decimal(&cell) {
                Ok(d) => Some(d),
                Err(_) => {
                    out.push(Violation::new("value", "claims.value_invalid").with("value", input.value.trim()));
                    None
                }
            }
        };
        let from = Violations::checked(out, from)?;
        let mut tx = self.store.begin().await?;
        let row = store::rule_set_by_code(&mut tx, &input.rule_set)
            .await?
            .ok_or_else(|| conflict("claims.rule_set_unknown", &[("code", input.rule_set.clone())]))?;
        let mut set: ClaimRuleSet = serde_json::from_str(&row.definition).map_err(|e| corrupt("rule set", e))?;
        let source = Some(input.source.trim().to_string()).filter(|s| !s.is_empty());
        set.set_param(
            &input.stream,
            &input.parameter,
            DatedParam { valid_from: from, value, source, confirmed: input.confirmed },
        )?;
        let (row, _) = save_rule_set(&mut tx, &set, &self.now()).await?;
        self.audit(
            &mut tx,
            "set_parameter",
            "claim_rule_set",
            Some(row.id),
            serde_json::json!({ "code": row.code, "version": row.version, "stream": input.stream,
                "parameter": input.parameter, "valid_from": iso(from),
                "value": value.map(|v| v.to_string()), "confirmed": input.confirmed }),
        )
        .await?;
        tx.commit().await?;
        rule_set_dto(&row)
    }

    /// Writes every stored rule set (or the templates when none is stored) to a JSON file.
    pub async fn export_claim_rules(&self, path: &Path) -> Result<RuleFileDto> {
        let mut conn = self.store.conn().await?;
        let mut sets: Vec<ClaimRuleSet> = stored_rule_sets(&mut conn).await?.into_iter().map(|(_, s)| s).collect();
        if sets.is_empty() {
            sets = templates();
        }
        let codes = sets.iter().map(|s| s.code.clone()).collect();
        export::save_private("claims.file_write_failed", path, RuleFile::new(sets).to_json().as_bytes())?;
        Ok(RuleFileDto { path: path.display().to_string(), rule_sets: codes })
    }

    /// Reads a rule file; every rule set is validated first, then stored (a changed one
    /// gets a new version), all in one transaction.
    pub async fn import_claim_rules(&self, path: &Path) -> Result<Vec<ClaimRuleSetDto>> {
        let text = std::fs::read_to_string(path).map_err(|_| AppError::Import {
            code: "import.file_not_found".into(),
            params: [("path".to_string(), path.display().to_string())].into(),
            issues: vec![],
        })?;
        let file = RuleFile::parse(&text)?;
        let mut tx = self.store.begin().await?;
        let mut out = Vec::new();
        for set in &file.rule_sets {
            let (row, added) = save_rule_set(&mut tx, set, &self.now()).await?;
            if added {
                self.audit(
                    &mut tx,
                    "import",
                    "claim_rule_set",
                    Some(row.id),
                    serde_json::json!({ "code": row.code, "version": row.version }),
                )
                .await?;
            }
            out.push(rule_set_dto(&row)?);
        }
        tx.commit().await?;
        Ok(out)
    }

    // ----- worker attributes ----------------------------------------------------------

    pub async fn worker_attributes(&self, person_id: i64) -> Result<Vec<WorkerAttributeDto>> {
        let mut conn = self.store.conn().await?;
        if people::get(&mut conn, person_id).await?.is_none() {
            return Err(AppError::NotFound { entity: "person", id: person_id });
        }
        Ok(store::attributes(&mut conn, Some(person_id)).await?.iter().map(attribute_dto).collect())
    }

    /// Adds a dated attribute (or replaces the one of that key on that day). Values:
    /// `wage_percentage` 0–100 (`60`, `62,5`), `guidance_level` `low`/`medium`/`high`
    /// (or laag/midden/hoog), `seniority_start` and `sine_attest` no value (the dates).
    pub async fn save_worker_attribute(&self, input: WorkerAttributeInput) -> Result<Vec<WorkerAttributeDto>> {
        let mut out = Vec::new();
        let key = input.key.trim().to_string();
        if !ATTRIBUTE_KEYS.contains(&key.as_str()) {
            out.push(Violation::new("key", "claims.attribute_key_unknown").with("value", &key));
        }
        let from = if input.valid_from.trim().is_empty() {
            out.push(Violation::new("valid_from", "date.required"));
            None
        } else {
            input::optional_date("valid_from", &input.valid_from, &mut out)
        };
        let until = input.valid_until.as_deref().and_then(|s| input::optional_date("valid_until", s, &mut out));
        if let (Some(f), Some(u)) = (from, until) {
            if u < f {
                out.push(Violation::new("valid_until", "period.end_before_start").with("start", f).with("end", u));
            }
        }
        let raw = input.value.trim();
        let value = match key.as_str() {
            "wage_percentage" => {
                let cell = werkbank_import::table::Cell::Text(raw.trim_end_matches('%').trim().to_string());
                match werkbank_import::values::parse_decimal(&cell) {
                    Ok(d) if d >= Decimal::ZERO && d <= Decimal::ONE_HUNDRED => d.normalize().to_string(),
                    _ => {
                        out.push(Violation::new("value", "claims.percentage_invalid").with("value", raw));
                        String::new()
                    }
                }
            }
            "guidance_level" => {
                let l = match raw.to_lowercase().as_str() {
                    "laag" => Some(GuidanceLevel::Low),
                    "midden" => Some(GuidanceLevel::Medium),
                    "hoog" => Some(GuidanceLevel::High),
                    other => GuidanceLevel::from_id(other),
                };
                match l {
                    Some(l) => l.id().to_string(),
                    None => {
                        out.push(Violation::new("value", "claims.level_unknown").with("value", raw));
                        String::new()
                    }
                }
            }
            _ => String::new(),
        };
        let from = Violations::checked(out, from)?;
        let mut tx = self.store.begin().await?;
        if people::get(&mut tx, input.person_id).await?.is_none() {
            return Err(AppError::NotFound { entity: "person", id: input.person_id });
        }
        let row = AttributeRow {
            id: None,
            person_id: input.person_id,
            key: key.clone(),
            value,
            valid_from: from,
            valid_until: if key == "sine_attest" { until } else { None },
        };
        let id = store::upsert_attribute(&mut tx, &row).await?;
        // The audit names the field, not its value.
        self.audit(
            &mut tx,
            "save",
            "worker_attribute",
            Some(id),
            serde_json::json!({ "person_id": input.person_id, "fields": [key] }),
        )
        .await?;
        let list = store::attributes(&mut tx, Some(input.person_id)).await?.iter().map(attribute_dto).collect();
        tx.commit().await?;
        Ok(list)
    }

    pub async fn delete_worker_attribute(&self, id: i64) -> Result<Vec<WorkerAttributeDto>> {
        let mut tx = self.store.begin().await?;
        let row =
            store::attribute_by_id(&mut tx, id).await?.ok_or(AppError::NotFound { entity: "worker_attribute", id })?;
        store::delete_attribute(&mut tx, id).await?;
        self.audit(
            &mut tx,
            "delete",
            "worker_attribute",
            Some(id),
            serde_json::json!({ "person_id": row.person_id, "fields": [row.key] }),
        )
        .await?;
        let list = store::attributes(&mut tx, Some(row.person_id)).await?.iter().map(attribute_dto).collect();
        tx.commit().await?;
        Ok(list)
    }

    // ----- claims ---------------------------------------------------------------------

    /// Computes the claim of a work form over a quarter (`2026/1`) and keeps it as the
    /// draft of that quarter (an existing draft is recomputed). Conflict
    /// `claims.period_issued` when the quarter's claim is issued (correct it with an
    /// amendment).
    pub async fn compute_claim(&self, work_form_id: i64, period: &str) -> Result<ClaimDto> {
        let period = quarter(period)?;
        let mut tx = self.store.begin().await?;
        if let Some(issued) = store::claims(&mut tx).await?.into_iter().find(|c| {
            c.work_form_id == work_form_id && c.period == period.to_string() && c.status == ClaimStatus::Issued
        }) {
            return Err(conflict(
                "claims.period_issued",
                &[("id", issued.id.to_string()), ("period", period.to_string())],
            ));
        }
        let (input, rules) = claim_input(&mut tx, work_form_id, &period).await?;
        let result = compute(&input).map_err(claim_error)?;
        let existing = store::draft_for(&mut tx, work_form_id, &period.to_string()).await?;
        let base = existing.clone().unwrap_or_else(|| ClaimRow {
            work_form_id,
            work_form_kind: input.work_form.id().to_string(),
            period: period.to_string(),
            status: ClaimStatus::Draft,
            ..ClaimRow::default()
        });
        let row = computed_row(base, &input, &result, &rules, &self.now());
        let id = match existing {
            Some(e) => {
                store::update_draft(&mut tx, &ClaimRow { id: e.id, ..row }).await?;
                e.id
            }
            None => store::insert_draft(&mut tx, &row).await?,
        };
        store::replace_lines(&mut tx, id, &line_rows(&result)).await?;
        self.audit(
            &mut tx,
            "compute",
            "claim",
            Some(id),
            serde_json::json!({ "work_form_id": work_form_id, "period": period.to_string(),
                "rule_set": rules.code, "version": rules.version, "total": result.total.to_string() }),
        )
        .await?;
        let row = store::claim(&mut tx, id).await?.expect("just saved");
        let dto = claim_dto(&mut tx, row).await?;
        tx.commit().await?;
        Ok(dto)
    }

    pub async fn claims(&self) -> Result<Vec<ClaimSummaryDto>> {
        let mut conn = self.store.conn().await?;
        Ok(store::claims(&mut conn).await?.iter().map(summary).collect())
    }

    pub async fn claim(&self, id: i64) -> Result<ClaimDto> {
        let mut conn = self.store.conn().await?;
        let row = store::claim(&mut conn, id).await?.ok_or(AppError::NotFound { entity: "claim", id })?;
        claim_dto(&mut conn, row).await
    }

    /// Recomputes a draft from the register as it is now and freezes it (see the module
    /// documentation), signed by `input.signer` at `input.place` (empty = the organisation's
    /// signing place), with or without the "aangifte van schuldvordering" page. Conflicts:
    /// `claims.already_issued`, `claims.incomplete` (blocking problems: missing parameters,
    /// attributes or payroll data), `claims.unconfirmed_not_checked` (values not confirmed
    /// in the rule set, and `input.unconfirmed_checked` not set).
    pub async fn issue_claim(&self, id: i64, input: IssueClaimInput) -> Result<ClaimDto> {
        let (signer, function) = (input.signer.clone(), input.function.clone());
        let (signer, function) = (signer.as_str(), function.as_str());
        let mut out = Vec::new();
        if signer.trim().is_empty() {
            out.push(Violation::new("signer", "claims.signer_required"));
        }
        if function.trim().is_empty() {
            out.push(Violation::new("function", "claims.function_required"));
        }
        Violations::check(out)?;
        {
            let mut conn = self.store.conn().await?;
            let row = store::claim(&mut conn, id).await?.ok_or(AppError::NotFound { entity: "claim", id })?;
            if row.status == ClaimStatus::Issued {
                return Err(conflict("claims.already_issued", &[("id", id.to_string())]));
            }
        }
        self.make_backup(crate::backup::Reason::ClaimIssue, None).await?;
        let mut tx = self.store.begin().await?;
        let row = store::claim(&mut tx, id).await?.ok_or(AppError::NotFound { entity: "claim", id })?;
        if row.status == ClaimStatus::Issued {
            return Err(conflict("claims.already_issued", &[("id", id.to_string())]));
        }
        let period = quarter(&row.period)?;
        let issue = input;
        let (input, rules) = claim_input(&mut tx, row.work_form_id, &period).await?;
        let result = compute(&input).map_err(claim_error)?;
        if !result.complete {
            let blocking = result.problems.iter().filter(|p| p.blocking).count();
            return Err(conflict("claims.incomplete", &[("id", id.to_string()), ("problems", blocking.to_string())]));
        }
        // Values the rule set holds as not confirmed: the signer must say they checked them.
        let unconfirmed = unconfirmed_values(&result);
        if unconfirmed > 0 && !issue.unconfirmed_checked {
            return Err(conflict("claims.unconfirmed_not_checked", &[("count", unconfirmed.to_string())]));
        }
        let row = computed_row(row, &input, &result, &rules, &self.now());
        store::update_draft(&mut tx, &row).await?;
        store::replace_lines(&mut tx, id, &line_rows(&result)).await?;
        let sealed = sha256(format!("{}\n{}", row.inputs, row.result).as_bytes());
        let mut dto = claim_dto(&mut tx, row).await?;
        dto.status = ClaimStatus::Issued;
        dto.signer = Some(signer.trim().to_string());
        dto.signer_function = Some(function.trim().to_string());
        dto.sha256 = Some(sealed.clone());
        let mut ctx = pdf_context(&mut tx, &dto, &input).await?;
        ctx.printed_on = self.today();
        ctx.hash = sealed.clone();
        ctx.signer = signer.trim().to_string();
        ctx.function = function.trim().to_string();
        if !issue.place.trim().is_empty() {
            ctx.place = issue.place.trim().to_string();
        }
        ctx.with_declaration_page = issue.with_declaration_page;
        ctx.unconfirmed_checked = unconfirmed;
        let pdf = render_claim_pdf(&dto, &ctx)?;
        let pdf_sha256 = Some(sha256(&pdf));
        let document = crate::claims::frozen::freeze_document(&ctx);
        let issue = IssueRow {
            issued_at: self.now(),
            issued_by: self.actor.clone(),
            signer: signer.trim().to_string(),
            signer_function: function.trim().to_string(),
            sha256: sealed.clone(),
            pdf,
            pdf_sha256,
            document,
            snapshot_version: crate::claims::frozen::SNAPSHOT_VERSION,
        };
        if !store::issue(&mut tx, id, &issue).await? {
            return Err(conflict("claims.already_issued", &[("id", id.to_string())]));
        }
        // The signer's name is the user's own input for the document; not audited.
        self.audit(
            &mut tx,
            "issue",
            "claim",
            Some(id),
            serde_json::json!({ "sha256": sealed, "total": result.total.to_string(),
                "rule_set": rules.code, "version": rules.version }),
        )
        .await?;
        let row = store::claim(&mut tx, id).await?.expect("exists");
        let dto = claim_dto(&mut tx, row).await?;
        tx.commit().await?;
        Ok(dto)
    }

    /// A correction of an issued claim: a new draft that references it, computed from the
    /// register as it is now, with the differences line by line.
    pub async fn amend_claim(&self, id: i64) -> Result<ClaimDto> {
        let mut tx = self.store.begin().await?;
        let original = store::claim(&mut tx, id).await?.ok_or(AppError::NotFound { entity: "claim", id })?;
        if original.status != ClaimStatus::Issued {
            return Err(conflict("claims.amend_not_issued", &[("id", id.to_string())]));
        }
        let period = quarter(&original.period)?;
        let (input, rules) = claim_input(&mut tx, original.work_form_id, &period).await?;
        let result = compute(&input).map_err(claim_error)?;
        let base = ClaimRow {
            work_form_id: original.work_form_id,
            work_form_kind: original.work_form_kind.clone(),
            period: original.period.clone(),
            status: ClaimStatus::Draft,
            amends_id: Some(id),
            ..ClaimRow::default()
        };
        let row = computed_row(base, &input, &result, &rules, &self.now());
        let new_id = store::insert_draft(&mut tx, &row).await?;
        store::replace_lines(&mut tx, new_id, &line_rows(&result)).await?;
        self.audit(&mut tx, "amend", "claim", Some(new_id), serde_json::json!({ "amends": id })).await?;
        let row = store::claim(&mut tx, new_id).await?.expect("just saved");
        let dto = claim_dto(&mut tx, row).await?;
        tx.commit().await?;
        Ok(dto)
    }

    /// An issued claim's frozen snapshot as one JSON text
    /// (`{"snapshot_version":1,"document":{…},"result":{…}}`); `None` for a draft or a
    /// claim issued before snapshots were kept.
    pub async fn claim_snapshot(&self, id: i64) -> Result<Option<String>> {
        let mut conn = self.store.conn().await?;
        let row = store::claim(&mut conn, id).await?.ok_or(AppError::NotFound { entity: "claim", id })?;
        let Some((version, document)) = store::document(&mut conn, id).await? else { return Ok(None) };
        let value = |t: &str| serde_json::from_str::<serde_json::Value>(t).map_err(|e| corrupt("claim", e));
        let snapshot = serde_json::json!({
            "snapshot_version": version,
            "document": value(&document)?,
            "result": value(&row.result)?,
        });
        Ok(Some(serde_json::to_string_pretty(&snapshot).expect("serialisable") + "\n"))
    }

    /// The inputs a claim was computed from (frozen with an issued claim).
    pub async fn claim_inputs(&self, id: i64) -> Result<ClaimInput> {
        let mut conn = self.store.conn().await?;
        let row = store::claim(&mut conn, id).await?.ok_or(AppError::NotFound { entity: "claim", id })?;
        serde_json::from_str(&row.inputs).map_err(|e| corrupt("claim inputs", e))
    }

    /// Recomputes an amendment draft (or any draft) by id.
    pub async fn recompute_claim(&self, id: i64) -> Result<ClaimDto> {
        let mut tx = self.store.begin().await?;
        let row = store::claim(&mut tx, id).await?.ok_or(AppError::NotFound { entity: "claim", id })?;
        if row.status == ClaimStatus::Issued {
            return Err(conflict("claims.already_issued", &[("id", id.to_string())]));
        }
        let period = quarter(&row.period)?;
        let (input, rules) = claim_input(&mut tx, row.work_form_id, &period).await?;
        let result = compute(&input).map_err(claim_error)?;
        let row = computed_row(row, &input, &result, &rules, &self.now());
        store::update_draft(&mut tx, &row).await?;
        store::replace_lines(&mut tx, id, &line_rows(&result)).await?;
        self.audit(&mut tx, "compute", "claim", Some(id), serde_json::json!({ "total": result.total.to_string() }))
            .await?;
        let row = store::claim(&mut tx, id).await?.expect("exists");
        let dto = claim_dto(&mut tx, row).await?;
        tx.commit().await?;
        Ok(dto)
    }

    /// Records the department's settlement amount of a stream (also on an issued claim).
    pub async fn settle_claim(&self, id: i64, stream: &str, amount: &str) -> Result<ClaimDto> {
        let cell = werkbank_import::table::Cell::Text(amount.trim().to_string());
        let value = werkbank_import::values::parse_decimal(&cell)
            .map_err(|_| Violation::new("amount", "claims.value_invalid").with("value", amount.trim()))?;
        let mut tx = self.store.begin().await?;
        let row = store::claim(&mut tx, id).await?.ok_or(AppError::NotFound { entity: "claim", id })?;
        if !result_of(&row)?.streams.iter().any(|s| s.code == stream) {
            return Err(conflict("claims.stream_unknown", &[("stream", stream.to_string())]));
        }
        store::set_settlement(&mut tx, id, stream, &round_cent(value).to_string(), &self.now(), &self.actor).await?;
        self.audit(
            &mut tx,
            "settle",
            "claim",
            Some(id),
            serde_json::json!({ "stream": stream, "amount": round_cent(value).to_string() }),
        )
        .await?;
        let dto = claim_dto(&mut tx, row).await?;
        tx.commit().await?;
        Ok(dto)
    }

    /// The claim's PDF: for an issued claim the bytes frozen when it was issued (the same
    /// bytes on every fetch); for a draft a document rendered now with status "ontwerp", the
    /// hash of its current result JSON and empty signature lines, never stored. Conflict
    /// `claims.pdf_not_rendered` for an issued claim frozen without a PDF.
    pub async fn claim_pdf(&self, id: i64) -> Result<Vec<u8>> {
        let mut conn = self.store.conn().await?;
        let row = store::claim(&mut conn, id).await?.ok_or(AppError::NotFound { entity: "claim", id })?;
        if row.status == ClaimStatus::Issued {
            return store::pdf(&mut conn, id)
                .await?
                .ok_or_else(|| conflict("claims.pdf_not_rendered", &[("id", id.to_string())]));
        }
        let dto = claim_dto(&mut conn, row).await?;
        let ctx = documents_context(&mut conn, &dto, self.today()).await?;
        render_claim_pdf(&dto, &ctx)
    }

    /// The monthly attendance statement (prestatiestaat) of an article 60 worker for the
    /// OCMW, for `month` (`2026-01`): per day the hours planned by the register (Q hours a
    /// week spread over Monday to Friday, on days an article 60 period covers), the total,
    /// the hours worked according to the payroll when it covers the month, and signature
    /// lines for the workplace and the OCMW. Conflict `claims.not_article_60` when the
    /// person has no article 60 period in that month.
    pub async fn prestatiestaat_pdf(&self, person_id: i64, month: &str) -> Result<Vec<u8>> {
        use werkbank_domain::Category;
        let invalid = || AppError::from(Violation::new("month", "claims.month_invalid").with("value", month.trim()));
        let period = match ReportingPeriod::parse(month) {
            Ok(p @ ReportingPeriod::Month { .. }) => p,
            _ => return Err(invalid()),
        };
        let mut conn = self.store.conn().await?;
        let person =
            people::get(&mut conn, person_id).await?.ok_or(AppError::NotFound { entity: "person", id: person_id })?;
        let span = period.span();
        let art60: Vec<_> = periods::for_person(&mut conn, person_id)
            .await?
            .into_iter()
            .filter(|p| p.category == Category::Article60 && p.span().overlaps(&span))
            .collect();
        if art60.is_empty() {
            return Err(conflict(
                "claims.not_article_60",
                &[("name", person.display_name()), ("month", period.to_string())],
            ));
        }
        let mut days = Vec::new();
        let mut day = period.first_day();
        while day <= period.last_day() {
            let holiday = werkbank_domain::calendar::is_public_holiday(day);
            let planned = (day.weekday().num_days_from_monday() < 5 && !holiday)
                .then(|| art60.iter().find(|p| p.span().contains(day)))
                .flatten()
                // Q hours a week over five days, in hundredths, rounded half up.
                .map(|p| (p.fraction.q * 2 + 5) / 10);
            days.push(crate::claims::pdf::AttendanceDay { date: day, planned, holiday });
            day = day.succ_opt().expect("date");
        }
        let fractions = art60
            .iter()
            .map(|p| {
                format!(
                    "{}/{} ({} – {})",
                    werkbank_domain::employment::hours(p.fraction.q),
                    werkbank_domain::employment::hours(p.fraction.s),
                    werkbank_pdf::format_date(p.start),
                    p.end.map(werkbank_pdf::format_date).unwrap_or_else(|| "…".into())
                )
            })
            .collect();
        let mut ocmw: Vec<String> = art60.iter().filter_map(|p| p.ocmw.clone()).collect();
        ocmw.dedup();
        let lines =
            werkbank_store::payroll::lines_in(&mut conn, &iso(period.first_day()), &iso(period.last_day())).await?;
        let payroll_hours = lines
            .iter()
            .filter(|l| l.person_id == Some(person_id))
            .filter(|l| NaiveDate::parse_from_str(&l.period_start, "%Y-%m-%d").is_ok_and(|d| span.contains(d)))
            .filter_map(|l| l.hours)
            .reduce(|a, b| a + b);
        let doc = crate::claims::pdf::Prestatiestaat {
            organisation: organisation::get(&mut conn).await?.unwrap_or_default(),
            worker: format!("{} {}", person.first_name, person.last_name),
            insz: person.insz.as_ref().map(|i| i.digits().to_string()),
            ocmw: ocmw.join(", "),
            month: period.first_day(),
            days,
            fractions,
            payroll_hours,
            printed_on: self.today(),
        };
        crate::claims::pdf::render_prestatiestaat(&doc, crate::messages::Catalogue::nl_be())
            .map_err(|e| AppError::Internal(format!("prestatiestaat PDF: {e}")))
    }

    /// The organisation's work form of a kind, now or before (CLI convenience): the first
    /// form whose present kind it is, else the first that had it earlier.
    pub async fn work_form_id_of(&self, kind: werkbank_domain::WorkFormKind) -> Result<Option<i64>> {
        let mut conn = self.store.conn().await?;
        let forms = organisation::get(&mut conn).await?.map(|o| o.work_forms).unwrap_or_default();
        let now = forms.iter().find(|w| w.kind == kind);
        Ok(now.or_else(|| forms.iter().find(|w| w.has_been(kind))).map(|w| w.id))
    }
}

// ----- demo ---------------------------------------------------------------------------

/// A demo person as `load_demo` stored them: id, index in the demo, periods, INSZ, name.
pub(crate) struct DemoPerson {
    pub id: i64,
    pub index: usize,
    pub periods: Vec<werkbank_domain::EmploymentPeriod>,
    pub insz: Option<String>,
    pub name: String,
}

/// What the demo workplace needs for claims: both templates with demo values for the
/// unknown amounts (source [`crate::demo::DEMO_SOURCE`], not confirmed), the per-worker
/// attributes, wage codes with meanings, and one payroll batch for 2026/1.
pub(crate) async fn load_demo_claims(
    conn: &mut SqliteConnection,
    actor: &str,
    at: &str,
    people: &[DemoPerson],
) -> Result<()> {
    use crate::demo;
    for mut set in templates() {
        for (code, stream, parameter, from, value) in demo::claim_parameters() {
            if code == set.code {
                let value = Decimal::from_str(value).expect("demo value");
                let p = DatedParam {
                    valid_from: from,
                    value: Some(value),
                    source: Some(demo::DEMO_SOURCE.into()),
                    confirmed: false,
                };
                set.set_param(stream, parameter, p).map_err(AppError::Validation)?;
            }
        }
        save_rule_set(conn, &set, at).await?;
    }
    for p in people {
        for (key, value, from, until) in demo::claim_attributes(p.index, p.periods[0].start) {
            let row = AttributeRow {
                id: None,
                person_id: p.id,
                key: key.into(),
                value,
                valid_from: from,
                valid_until: until,
            };
            store::upsert_attribute(conn, &row).await?;
        }
    }
    for (code, meaning, description) in demo::WAGE_CODES {
        let row = werkbank_store::payroll::WageCodeRow {
            id: None,
            code: code.into(),
            meaning: meaning.into(),
            description: Some(description.into()),
        };
        werkbank_store::payroll::upsert_wage_code(conn, &row).await?;
    }
    let quarter = ReportingPeriod::Quarter { year: 2026, quarter: 1 };
    let mut lines = Vec::new();
    for p in people {
        for month in 0..3u32 {
            let first = quarter.first_day() + chrono::Months::new(month);
            let span = werkbank_domain::DateSpan::new(first, Some(first + chrono::Months::new(1)));
            let month_days = (span.end.expect("bounded") - first).num_days();
            let mut sums: BTreeMap<&str, Decimal> = BTreeMap::new();
            let mut hours = 0;
            for period in p.periods.iter().filter(|x| {
                !matches!(x.category, werkbank_domain::Category::Article60 | werkbank_domain::Category::WorkCare)
            }) {
                let days = period.span().overlap_days(&span);
                if days > 0 {
                    hours += demo::monthly_hours(period.fraction.q, days);
                    for (code, amount) in demo::monthly_pay(period.fraction.value(), days, month_days) {
                        *sums.entry(code).or_default() += amount;
                    }
                }
            }
            let last = span.end.expect("bounded").pred_opt().expect("date");
            if hours > 0 {
                lines.push(werkbank_store::payroll::LineRow {
                    row: lines.len() as i64 + 2,
                    person_id: Some(p.id),
                    insz: p.insz.clone(),
                    name: Some(p.name.clone()),
                    period_start: iso(first),
                    period_end: iso(last),
                    wage_code: demo::WAGE_CODES[0].0.into(),
                    description: Some(demo::WAGE_CODES[0].2.into()),
                    quantity: Some(Decimal::new(hours, 2).to_string()),
                    unit: Some("u".into()),
                    hours: Some(hours),
                    ..Default::default()
                });
            }
            for (code, amount) in sums {
                let description = demo::WAGE_CODES.iter().find(|c| c.0 == code).map(|c| c.2.to_string());
                lines.push(werkbank_store::payroll::LineRow {
                    row: lines.len() as i64 + 2,
                    person_id: Some(p.id),
                    insz: p.insz.clone(),
                    name: Some(p.name.clone()),
                    period_start: iso(first),
                    period_end: iso(last),
                    wage_code: code.into(),
                    description,
                    amount: Some(amount.to_string()),
                    ..Default::default()
                });
            }
        }
    }
    let batch = werkbank_store::payroll::BatchRow {
        file_name: "demo-loon-2026-1.csv".into(),
        file_size: 0,
        sha256: sha256(b"werkbank demo payroll 2026/1"),
        sheet: None,
        mapping: "{}".into(),
        profile_name: None,
        imported_by: actor.into(),
        imported_at: at.to_string(),
        lines: lines.len() as i64,
        first_period: Some(iso(quarter.first_day())),
        last_period: Some(iso(quarter.last_day())),
        undone_at: None,
        undone_by: None,
    };
    let batch_id = werkbank_store::payroll::insert_batch(conn, &batch).await?;
    werkbank_store::payroll::insert_lines(conn, batch_id, &lines).await?;
    Ok(())
}
