//! The frozen format of a claim, owned by the application: version 1.
//!
//! A claim's result is stored as the JSON of [`ResultV1`] (the `claim.result` column), and
//! an issued claim also keeps [`DocumentV1`] (the `claim.document` column, with
//! `claim.snapshot_version` = 1): everything its PDF and xlsx show besides the result —
//! the organisation as it was, the work form's recognition number, the masked INSZ of
//! each person, the formula kind of each stream, the norm, the signature block, the print
//! date and the hash. Issued PDF bytes are stored as they were rendered.
//!
//! These types are not the domain's: they change only with a new version, and each
//! version is read by its own conversion ([`thaw_result`], [`DocumentV1::context`]). A
//! later change to a domain struct changes the conversion, never the stored bytes nor
//! the reading of a claim issued before it. Version 1's JSON is the shape the claims of
//! earlier releases were stored in (fields added since are optional), so those read too.
//! The inputs (`claim.inputs`) are kept as they were computed from, for the record; the
//! claim's outputs never read them.

use crate::claims::pdf::ClaimPdfContext;
use crate::error::{AppError, Result};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use werkbank_domain::claims::rules::{Formula, PercentageSource, SeniorityUnit};
use werkbank_domain::claims::{
    ClaimLine, ClaimProblem, ClaimResult, GuidanceLevel, LineSegment, ParameterUse, StreamTotal,
};
use werkbank_domain::{KboNumber, NormMethod, Organisation};

/// The snapshot version written by this release.
pub const SNAPSHOT_VERSION: i64 = 1;

fn corrupt(what: &str, e: impl std::fmt::Display) -> AppError {
    AppError::Internal(format!("stored {what} unreadable: {e}"))
}

// ----- the result ---------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResultV1 {
    pub period: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub rule_set: String,
    pub lines: Vec<LineV1>,
    pub streams: Vec<StreamV1>,
    pub parameters: Vec<ParameterV1>,
    pub problems: Vec<ProblemV1>,
    pub total: Decimal,
    pub complete: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineV1 {
    pub stream: String,
    pub person_id: Option<i64>,
    pub label: Option<String>,
    pub start: Option<NaiveDate>,
    pub days: i64,
    pub fte: Decimal,
    pub seniority_index: Option<u32>,
    /// `low`, `medium`, `high`.
    pub level: Option<String>,
    pub rate: Option<Decimal>,
    pub gross_wage: Option<Decimal>,
    pub employer_contributions: Option<Decimal>,
    pub reductions: Option<Decimal>,
    pub reference_wage: Option<Decimal>,
    pub cap: Option<Decimal>,
    pub fixed_part: Option<Decimal>,
    pub variable_part: Option<Decimal>,
    pub target_fte: Option<Decimal>,
    pub supervisor_fte: Option<Decimal>,
    pub allowed_fte: Option<Decimal>,
    /// `pro_rata`, `block`.
    pub method: Option<String>,
    pub segments: Vec<SegmentV1>,
    pub exact: Option<Decimal>,
    #[serde(default)]
    pub exact_fraction: Option<String>,
    pub amount: Option<Decimal>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentV1 {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub days: i64,
    pub share: Decimal,
    pub reference: Option<Decimal>,
    pub rate: Option<Decimal>,
    pub seniority_index: Option<u32>,
    pub value: Option<Decimal>,
    #[serde(default)]
    pub fixed: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamV1 {
    pub code: String,
    pub name: String,
    pub lines: u32,
    pub heads: u32,
    pub fte: Decimal,
    pub amount: Decimal,
    pub complete: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParameterV1 {
    pub stream: String,
    pub parameter: String,
    pub valid_from: NaiveDate,
    /// Claims of earlier releases did not say which days a value covered.
    #[serde(default)]
    pub first_day: Option<NaiveDate>,
    #[serde(default)]
    pub last_day: Option<NaiveDate>,
    pub value: Option<Decimal>,
    #[serde(default)]
    pub label: Option<String>,
    pub source: Option<String>,
    pub confirmed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemV1 {
    pub code: String,
    pub stream: Option<String>,
    pub person_id: Option<i64>,
    pub params: BTreeMap<String, String>,
    pub blocking: bool,
}

impl From<&ClaimResult> for ResultV1 {
    fn from(r: &ClaimResult) -> Self {
        ResultV1 {
            period: r.period.clone(),
            first_day: r.first_day,
            last_day: r.last_day,
            rule_set: r.rule_set.clone(),
            lines: r.lines.iter().map(LineV1::from).collect(),
            streams: r
                .streams
                .iter()
                .map(|s| StreamV1 {
                    code: s.code.clone(),
                    name: s.name.clone(),
                    lines: s.lines,
                    heads: s.heads,
                    fte: s.fte,
                    amount: s.amount,
                    complete: s.complete,
                })
                .collect(),
            parameters: r
                .parameters
                .iter()
                .map(|u| ParameterV1 {
                    stream: u.stream.clone(),
                    parameter: u.parameter.clone(),
                    valid_from: u.valid_from,
                    first_day: Some(u.first_day),
                    last_day: Some(u.last_day),
                    value: u.value,
                    label: u.label.clone(),
                    source: u.source.clone(),
                    confirmed: u.confirmed,
                })
                .collect(),
            problems: r
                .problems
                .iter()
                .map(|p| ProblemV1 {
                    code: p.code.clone(),
                    stream: p.stream.clone(),
                    person_id: p.person_id,
                    params: p.params.clone(),
                    blocking: p.blocking,
                })
                .collect(),
            total: r.total,
            complete: r.complete,
        }
    }
}

impl From<&ClaimLine> for LineV1 {
    fn from(l: &ClaimLine) -> Self {
        LineV1 {
            stream: l.stream.clone(),
            person_id: l.person_id,
            label: l.label.clone(),
            start: l.start,
            days: l.days,
            fte: l.fte,
            seniority_index: l.seniority_index,
            level: l.level.map(|v| v.id().to_string()),
            rate: l.rate,
            gross_wage: l.gross_wage,
            employer_contributions: l.employer_contributions,
            reductions: l.reductions,
            reference_wage: l.reference_wage,
            cap: l.cap,
            fixed_part: l.fixed_part,
            variable_part: l.variable_part,
            target_fte: l.target_fte,
            supervisor_fte: l.supervisor_fte,
            allowed_fte: l.allowed_fte,
            method: l.method.map(|m| m.id().to_string()),
            segments: l
                .segments
                .iter()
                .map(|s| SegmentV1 {
                    first_day: s.first_day,
                    last_day: s.last_day,
                    days: s.days,
                    share: s.share,
                    reference: s.reference,
                    rate: s.rate,
                    seniority_index: s.seniority_index,
                    value: s.value,
                    fixed: s.fixed,
                })
                .collect(),
            exact: l.exact,
            exact_fraction: l.exact_fraction.clone(),
            amount: l.amount,
            notes: l.notes.clone(),
        }
    }
}

impl LineV1 {
    fn into_domain(self) -> Result<ClaimLine> {
        let level = match self.level.as_deref() {
            None => None,
            Some(id) => Some(GuidanceLevel::from_id(id).ok_or_else(|| corrupt("claim line level", id))?),
        };
        let method = match self.method.as_deref() {
            None => None,
            Some(id) => Some(NormMethod::from_id(id).ok_or_else(|| corrupt("claim line method", id))?),
        };
        Ok(ClaimLine {
            stream: self.stream,
            person_id: self.person_id,
            label: self.label,
            start: self.start,
            days: self.days,
            fte: self.fte,
            seniority_index: self.seniority_index,
            level,
            rate: self.rate,
            gross_wage: self.gross_wage,
            employer_contributions: self.employer_contributions,
            reductions: self.reductions,
            reference_wage: self.reference_wage,
            cap: self.cap,
            fixed_part: self.fixed_part,
            variable_part: self.variable_part,
            target_fte: self.target_fte,
            supervisor_fte: self.supervisor_fte,
            allowed_fte: self.allowed_fte,
            method,
            segments: self
                .segments
                .into_iter()
                .map(|s| LineSegment {
                    first_day: s.first_day,
                    last_day: s.last_day,
                    days: s.days,
                    share: s.share,
                    reference: s.reference,
                    rate: s.rate,
                    seniority_index: s.seniority_index,
                    value: s.value,
                    fixed: s.fixed,
                })
                .collect(),
            exact: self.exact,
            exact_fraction: self.exact_fraction,
            amount: self.amount,
            notes: self.notes,
        })
    }
}

impl ResultV1 {
    pub fn into_domain(self) -> Result<ClaimResult> {
        let (first, last) = (self.first_day, self.last_day);
        Ok(ClaimResult {
            period: self.period,
            first_day: first,
            last_day: last,
            rule_set: self.rule_set,
            lines: self.lines.into_iter().map(LineV1::into_domain).collect::<Result<_>>()?,
            streams: self
                .streams
                .into_iter()
                .map(|s| StreamTotal {
                    code: s.code,
                    name: s.name,
                    lines: s.lines,
                    heads: s.heads,
                    fte: s.fte,
                    amount: s.amount,
                    complete: s.complete,
                })
                .collect(),
            parameters: self
                .parameters
                .into_iter()
                .map(|u| ParameterUse {
                    stream: u.stream,
                    parameter: u.parameter,
                    valid_from: u.valid_from,
                    // An earlier release's claim: the value's own date within the quarter.
                    first_day: u.first_day.unwrap_or(u.valid_from.max(first)),
                    last_day: u.last_day.unwrap_or(last),
                    value: u.value,
                    label: u.label,
                    source: u.source,
                    confirmed: u.confirmed,
                })
                .collect(),
            problems: self
                .problems
                .into_iter()
                .map(|p| ClaimProblem {
                    code: p.code,
                    stream: p.stream,
                    person_id: p.person_id,
                    params: p.params,
                    blocking: p.blocking,
                })
                .collect(),
            total: self.total,
            complete: self.complete,
        })
    }
}

/// The stored text of a result (canonical JSON of [`ResultV1`]).
pub fn freeze_result(r: &ClaimResult) -> String {
    serde_json::to_string(&ResultV1::from(r)).expect("serialisable")
}

/// Reads a stored result.
pub fn thaw_result(text: &str) -> Result<ClaimResult> {
    serde_json::from_str::<ResultV1>(text).map_err(|e| corrupt("claim", e))?.into_domain()
}

// ----- the document -------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationV1 {
    pub name: String,
    pub legal_form: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    /// Ten digits.
    pub kbo: Option<String>,
    pub rsz_number: String,
    pub iban: String,
    pub bic: String,
}

/// How a stream's lines are laid out: its formula kind as it was.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum FormulaV1 {
    PerEligibleFte,
    WagePercentage { cap_wage: bool, seniority: Option<(String, u32)> },
    GuidancePremium,
    PerFteWithSupplement,
    CappedMonthlyAllowance,
    MonthlyByDaysPaid,
}

impl From<&Formula> for FormulaV1 {
    fn from(f: &Formula) -> Self {
        match f {
            Formula::PerEligibleFte => FormulaV1::PerEligibleFte,
            Formula::WagePercentage { cap_wage, percentage } => FormulaV1::WagePercentage {
                cap_wage: *cap_wage,
                seniority: match percentage {
                    PercentageSource::Worker => None,
                    PercentageSource::Seniority { unit, steps } => Some((
                        match unit {
                            SeniorityUnit::Year => "year".into(),
                            SeniorityUnit::Quarter => "quarter".into(),
                        },
                        *steps,
                    )),
                },
            },
            Formula::GuidancePremium => FormulaV1::GuidancePremium,
            Formula::PerFteWithSupplement => FormulaV1::PerFteWithSupplement,
            Formula::CappedMonthlyAllowance => FormulaV1::CappedMonthlyAllowance,
            Formula::MonthlyByDaysPaid => FormulaV1::MonthlyByDaysPaid,
        }
    }
}

impl FormulaV1 {
    fn to_domain(&self) -> Formula {
        match self {
            FormulaV1::PerEligibleFte => Formula::PerEligibleFte,
            FormulaV1::WagePercentage { cap_wage, seniority } => Formula::WagePercentage {
                cap_wage: *cap_wage,
                percentage: match seniority {
                    None => PercentageSource::Worker,
                    Some((unit, steps)) => PercentageSource::Seniority {
                        unit: if unit == "quarter" { SeniorityUnit::Quarter } else { SeniorityUnit::Year },
                        steps: *steps,
                    },
                },
            },
            FormulaV1::GuidancePremium => Formula::GuidancePremium,
            FormulaV1::PerFteWithSupplement => Formula::PerFteWithSupplement,
            FormulaV1::CappedMonthlyAllowance => Formula::CappedMonthlyAllowance,
            FormulaV1::MonthlyByDaysPaid => Formula::MonthlyByDaysPaid,
        }
    }
}

/// What an issued claim's documents show besides the result, as it was when issued.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentV1 {
    pub organisation: OrganisationV1,
    pub recognition_number: Option<String>,
    /// Person id → INSZ as printed (masked but for its check digits).
    pub insz_masked: BTreeMap<i64, String>,
    pub formulas: BTreeMap<String, FormulaV1>,
    pub norm: Option<Decimal>,
    pub printed_on: NaiveDate,
    pub hash: String,
    pub signer: String,
    pub function: String,
    pub place: String,
    pub with_declaration_page: bool,
    /// The unconfirmed values the signer declared to have checked; absent when none
    /// (snapshots written before it existed read as 0, and keep their bytes).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub unconfirmed_checked: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl DocumentV1 {
    pub fn of(ctx: &ClaimPdfContext) -> Self {
        let o = &ctx.organisation;
        DocumentV1 {
            organisation: OrganisationV1 {
                name: o.name.clone(),
                legal_form: o.legal_form.clone(),
                street: o.street.clone(),
                postal_code: o.postal_code.clone(),
                city: o.city.clone(),
                kbo: o.kbo.as_ref().map(|k| k.digits().to_string()),
                rsz_number: o.rsz_number.clone(),
                iban: o.iban.clone(),
                bic: o.bic.clone(),
            },
            recognition_number: ctx.recognition_number.clone(),
            insz_masked: ctx.insz_masked.iter().map(|(k, v)| (*k, v.clone())).collect(),
            formulas: ctx.formulas.iter().map(|(k, f)| (k.clone(), FormulaV1::from(f))).collect(),
            norm: ctx.norm,
            printed_on: ctx.printed_on,
            hash: ctx.hash.clone(),
            signer: ctx.signer.clone(),
            function: ctx.function.clone(),
            place: ctx.place.clone(),
            with_declaration_page: ctx.with_declaration_page,
            unconfirmed_checked: ctx.unconfirmed_checked,
        }
    }

    /// The documents' context as it was when the claim was issued.
    pub fn context(&self) -> ClaimPdfContext {
        let o = &self.organisation;
        ClaimPdfContext {
            organisation: Organisation {
                name: o.name.clone(),
                kbo: o.kbo.as_deref().and_then(|k| KboNumber::parse(k).ok()),
                street: o.street.clone(),
                postal_code: o.postal_code.clone(),
                city: o.city.clone(),
                work_forms: Vec::new(),
                legal_form: o.legal_form.clone(),
                rsz_number: o.rsz_number.clone(),
                iban: o.iban.clone(),
                bic: o.bic.clone(),
                signing_place: self.place.clone(),
            },
            recognition_number: self.recognition_number.clone(),
            insz_masked: self.insz_masked.iter().map(|(k, v)| (*k, v.clone())).collect(),
            formulas: self.formulas.iter().map(|(k, f)| (k.clone(), f.to_domain())).collect(),
            norm: self.norm,
            printed_on: self.printed_on,
            hash: self.hash.clone(),
            signer: self.signer.clone(),
            function: self.function.clone(),
            place: self.place.clone(),
            with_declaration_page: self.with_declaration_page,
            unconfirmed_checked: self.unconfirmed_checked,
        }
    }
}

/// The stored text of a document snapshot.
pub fn freeze_document(ctx: &ClaimPdfContext) -> String {
    serde_json::to_string(&DocumentV1::of(ctx)).expect("serialisable")
}

/// Reads a stored document snapshot of `version`.
pub fn thaw_document(version: i64, text: &str) -> Result<ClaimPdfContext> {
    match version {
        1 => Ok(serde_json::from_str::<DocumentV1>(text).map_err(|e| corrupt("claim document", e))?.context()),
        other => Err(corrupt("claim document", format!("version {other}"))),
    }
}
