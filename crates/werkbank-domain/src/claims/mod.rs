//! Subsidy claims (docs/domain/claims.md): rule sets as data ([`rules`]) and the quarterly claim
//! computation ([`compute`]).
//!
//! The computation is a pure function of a [`ClaimInput`]: the quarter, the claim rule
//! set, the work form's ratio rules, and per worker the employment periods of the work
//! form, the dated per-worker attributes and the payroll sums per month by wage-code
//! meaning. It returns one [`ClaimLine`] per worker per stream (one line for the work form
//! for the supervision premium and organisation support) with every input, the parameters
//! used with their source and valid-from day, the problems, and the totals.
//!
//! **Exactness.** Every line is computed as an exact fraction ([`Exact`]: big-integer
//! rationals), multiplying before dividing; quotients that cannot be avoided (days ÷ days
//! of the month, Q ÷ S, T ÷ norm) stay fractions. Each line is rounded once, half up
//! (away from zero), to the cent; stream totals and the claim total are sums of the
//! rounded lines, checked: a total beyond the decimal range is a [`ClaimError`], a line
//! beyond it a blocking problem, never a panic. [`ClaimLine::exact_fraction`] shows the
//! exact value.
//!
//! **Splitting: one mechanism for every formula.** A line's quarter is split into parts
//! at every day on which a value it uses changes: every parameter of its stream, the work
//! form's ratio rules (norm, method, categories, contingents) for the streams that use
//! them, the worker's dated attributes (percentage, level, attests), seniority
//! anniversaries, and the start and end of the worker's employment periods; monthly
//! formulas are split at the months too. Every value is read on the first day of its
//! part, so it is constant inside it; no formula takes a value "on the first day of the
//! quarter". Each part is a [`LineSegment`] with the values it used, and every value used
//! is a [`ParameterUse`] with the days of the quarter it covered. docs/domain/claims.md, "Every
//! dated value splits the line at its date", gives each formula per part.
//!
//! **Nothing silently zero.** A parameter without a value, a missing worker attribute,
//! missing payroll data or an unknown contingent is a [`ClaimProblem`]; the line's amount
//! is then `None` and the claim is not complete. An unconfirmed parameter is a
//! non-blocking problem: the amount is computed and the claim says which values still
//! need confirming.
//!
//! **Head cap of the guidance premium.** In each part of the quarter with one
//! `head_cap_factor` and one target contingent, at most ⌊factor × contingent⌋ heads
//! receive the fixed part. Deterministic rule: workers are ranked by the start of their
//! earliest employment period of the stream that reaches into the quarter
//! (longest-serving first), then by person id; the first complete workers with a day in
//! the part get the fixed part there, the others only the variable part (note
//! `head_cap_reached`).
//!
//! Problem codes ({params}; `blocking` unless noted):
//! - `claims.parameter_missing` {`stream`, `parameter`, `date`}: no value known on `date`.
//! - `claims.parameter_unconfirmed` {`stream`, `parameter`, `valid_from`, `value`}: not
//!   blocking.
//! - `claims.attribute_missing` {`stream`, `attribute`} (with person): `wage_percentage`,
//!   `guidance_level` or `seniority_start`.
//! - `claims.payroll_missing` {`stream`, `meaning`, `month`?} (with person): no payroll
//!   lines for the quarter (`meaning` = `reference_wage`) or no net wage for a SINE month.
//! - `claims.contingent_missing` {`stream`}: the work form's target contingent is unknown.
//! - `claims.supervision_unknown` {`stream`}: the ratio rules give no subsidisable FTE.
//! - `claims.rule_set_not_in_force` {`date`}: the rule set does not cover the quarter.
//! - `claims.amount_too_large` {`stream`} (with person): the line's amount does not fit a
//!   decimal in cents (absurd inputs).
//!
//! Line notes: `head_cap_reached`, `seniority_ended`, `reference_wage_capped`,
//! `net_wage_cap`, `wage_cost_cap` (article 60 capped at the month's wage cost),
//! `wage_cost_unknown` (article 60: no payroll for a month, not checked against the wage
//! cost).

#[cfg(test)]
mod dated_tests;
mod exact;
#[cfg(test)]
mod prop_tests;
pub mod rules;

pub use exact::Exact;

use crate::category::Category;
use crate::employment::EmploymentPeriod;
use crate::id_enum::id_enum;
use crate::organisation::WorkFormKind;
use crate::period::{DateSpan, ReportingPeriod};
use crate::rules::{NormMethod, ParameterKey, Parameters, RuleSet};
use chrono::{Datelike, Months, NaiveDate};
use rules::{ClaimRuleSet, DatedParam, Formula, PercentageSource, SeniorityUnit, Stream};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

id_enum! {
    /// A claim is a draft (recomputed on demand) until it is issued; issued claims are frozen
    /// (docs/domain/claims.md).
    #[derive(Default)]
    pub enum ClaimStatus {
        #[default]
        Draft => "draft",
        Issued => "issued",
    }
}

id_enum! {
    /// Guidance need (begeleidingsnood) of the maatwerk WOP: laag / midden / hoog.
    pub enum GuidanceLevel {
        Low => "low",
        Medium => "medium",
        High => "high",
    }
}

/// A value of a per-worker attribute from `valid_from` until the next one.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dated<T> {
    pub valid_from: NaiveDate,
    pub value: T,
}

fn dated_at<T: Copy>(list: &[Dated<T>], day: NaiveDate) -> Option<T> {
    list.iter().filter(|d| d.valid_from <= day).max_by_key(|d| d.valid_from).map(|d| d.value)
}

/// A SINE attest (C63 SINE): the days the allowance may be paid, last day inclusive.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attest {
    pub first_day: NaiveDate,
    pub last_day: Option<NaiveDate>,
}

/// The dated per-worker facts the streams need (article 60's OCMW is on the periods).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct WorkerAttributes {
    /// Maatwerk wage-premium percentage (40 … 75).
    #[cfg_attr(feature = "ts", ts(as = "Vec<Dated<String>>"))]
    pub wage_percentage: Vec<Dated<Decimal>>,
    pub guidance_level: Vec<Dated<GuidanceLevel>>,
    /// Start of the seniority for degressive schemes.
    pub seniority_start: Option<NaiveDate>,
    pub sine_attests: Vec<Attest>,
}

/// Payroll sums of one month by wage-code meaning.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct PayrollMonth {
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub gross_wage: Decimal,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub employer_contributions: Decimal,
    /// Reductions of employer contributions (positive amounts).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub reductions: Decimal,
    /// `None` = no line with the meaning `net_wage` this month.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub net_wage: Option<Decimal>,
}

/// One worker as the claim sees them.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkerInput {
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub person_id: i64,
    /// Name as shown on the claim (frozen with an issued claim).
    pub label: String,
    /// The employment periods of this work form.
    #[cfg_attr(feature = "ts", ts(skip))]
    pub periods: Vec<EmploymentPeriod>,
    pub attributes: WorkerAttributes,
    /// Month number (1–12) → sums; only months with payroll lines.
    pub payroll: BTreeMap<u32, PayrollMonth>,
}

/// Everything a claim is computed from (frozen as canonical JSON when issued).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimInput {
    pub year: i32,
    pub quarter: u32,
    pub work_form: WorkFormKind,
    pub rule_set: ClaimRuleSet,
    /// The work form's ratio rules (norm, method, categories, contingents).
    pub rules: RuleSet,
    pub workers: Vec<WorkerInput>,
}

impl ClaimInput {
    pub fn period(&self) -> ReportingPeriod {
        ReportingPeriod::Quarter { year: self.year, quarter: self.quarter }
    }
}

/// A part of a line: one month, or a piece of one between changes.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineSegment {
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub days: i64,
    /// The FTE share of the segment (of its month for monthly streams, of the quarter
    /// otherwise; the subsidisable supervisor FTE for the supervision premium).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub share: Decimal,
    /// The reference used (GGMMI, monthly amount, amount per FTE per year).
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub reference: Option<Decimal>,
    /// Percentage (wage streams).
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub rate: Option<Decimal>,
    /// Seniority index in force (degressive schemes).
    pub seniority_index: Option<u32>,
    /// The segment's cap (wage streams) or exact amount (other streams).
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub value: Option<Decimal>,
    /// Guidance premium: the fixed amount per head in force in this part, when the worker
    /// receives it here (`None`: beyond the head cap). Organisation support: the
    /// supplement per FTE in force.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub fixed: Option<Decimal>,
}

/// One line of a claim with every input shown.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimLine {
    pub stream: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub person_id: Option<i64>,
    pub label: Option<String>,
    /// Start of the earliest counted employment period reaching into the quarter.
    pub start: Option<NaiveDate>,
    /// Days of the quarter covered.
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub days: i64,
    /// µ: exact FTE over the quarter (subsidisable supervisor FTE for supervision).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub fte: Decimal,
    pub seniority_index: Option<u32>,
    pub level: Option<GuidanceLevel>,
    /// The percentage or amount applied when it is one value for the whole line.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub rate: Option<Decimal>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub gross_wage: Option<Decimal>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub employer_contributions: Option<Decimal>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub reductions: Option<Decimal>,
    /// Referteloon = gross wage + employer contributions − reductions.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub reference_wage: Option<Decimal>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub cap: Option<Decimal>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub fixed_part: Option<Decimal>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub variable_part: Option<Decimal>,
    /// Supervision premium: target FTE, supervisor FTE and allowed FTE of the quarter.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub target_fte: Option<Decimal>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub supervisor_fte: Option<Decimal>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub allowed_fte: Option<Decimal>,
    pub method: Option<NormMethod>,
    pub segments: Vec<LineSegment>,
    /// Before rounding, to [`EXACT_DECIMALS`] decimals (display; the computation is exact).
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub exact: Option<Decimal>,
    /// The exact value before the single rounding as a fraction in lowest terms,
    /// `numerator/denominator` (`552215/200`); `None` when an input is missing.
    #[serde(default)]
    pub exact_fraction: Option<String>,
    /// Rounded half up to the cent; `None` when an input is missing.
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub amount: Option<Decimal>,
    pub notes: Vec<String>,
}

impl ClaimLine {
    fn new(stream: &str) -> Self {
        Self {
            stream: stream.to_string(),
            person_id: None,
            label: None,
            start: None,
            days: 0,
            fte: Decimal::ZERO,
            seniority_index: None,
            level: None,
            rate: None,
            gross_wage: None,
            employer_contributions: None,
            reductions: None,
            reference_wage: None,
            cap: None,
            fixed_part: None,
            variable_part: None,
            target_fte: None,
            supervisor_fte: None,
            allowed_fte: None,
            method: None,
            segments: Vec::new(),
            exact: None,
            exact_fraction: None,
            amount: None,
            notes: Vec::new(),
        }
    }

    fn note(&mut self, code: &str) {
        if !self.notes.iter().any(|n| n == code) {
            self.notes.push(code.to_string());
        }
    }
}

/// A problem that makes the claim incomplete (`blocking`) or needs the user's attention.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimProblem {
    pub code: String,
    pub stream: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub person_id: Option<i64>,
    pub params: BTreeMap<String, String>,
    pub blocking: bool,
}

/// A parameter value a claim used, with its source and the days of the quarter it covered.
///
/// Claim rule set parameters have their stream's code and name; the work form's ratio
/// parameters a stream used (norm, method, contingents) have the stream's code and the
/// rule key (`norm`, `norm_method`, `contingent_target_fte`, `contingent_supervisor_fte`),
/// with `label` holding a value that is not a number (the method id).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParameterUse {
    pub stream: String,
    pub parameter: String,
    pub valid_from: NaiveDate,
    /// First day of the quarter on which this value was in force.
    pub first_day: NaiveDate,
    /// Last day (inclusive) of the quarter on which this value was in force.
    pub last_day: NaiveDate,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub value: Option<Decimal>,
    /// A value that is not a number (`pro_rata`, `block`).
    #[serde(default)]
    pub label: Option<String>,
    pub source: Option<String>,
    pub confirmed: bool,
}

/// Decimals of [`ClaimLine::exact`] and [`LineSegment::value`] as shown (the computation
/// itself is exact; see [`ClaimLine::exact_fraction`]).
pub const EXACT_DECIMALS: u32 = 10;

/// Why a claim cannot be computed at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ClaimError {
    /// A total does not fit the decimal range (about 7,9 · 10²⁶ €): absurd payroll amounts.
    #[error("the total of stream {stream} is too large to compute")]
    TotalTooLarge { stream: String },
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StreamTotal {
    pub code: String,
    pub name: String,
    pub lines: u32,
    pub heads: u32,
    /// Σ line FTE (exact).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub fte: Decimal,
    /// Σ rounded line amounts (lines with an amount).
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub amount: Decimal,
    /// Every line has an amount.
    pub complete: bool,
}

/// The computed claim.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimResult {
    pub period: String,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub rule_set: String,
    pub lines: Vec<ClaimLine>,
    pub streams: Vec<StreamTotal>,
    pub parameters: Vec<ParameterUse>,
    pub problems: Vec<ClaimProblem>,
    #[cfg_attr(feature = "ts", ts(type = "string"))]
    pub total: Decimal,
    /// No blocking problem.
    pub complete: bool,
}

/// Half up (away from zero) to the cent, with two decimals.
pub fn round_cent(d: Decimal) -> Decimal {
    let mut r = d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(2);
    r
}

// ----- the computation ----------------------------------------------------------------

/// A line being computed and its exact value (`None` when an input is missing).
struct Computed {
    line: ClaimLine,
    exact: Option<Exact>,
}

struct Ctx<'a> {
    input: &'a ClaimInput,
    stream: &'a Stream,
    quarter: DateSpan,
    problems: &'a mut Vec<ClaimProblem>,
    used: &'a mut Vec<ParameterUse>,
}

impl Ctx<'_> {
    fn problem(&mut self, code: &str, person: Option<i64>, params: &[(&str, String)], blocking: bool) {
        let mut p: BTreeMap<String, String> = params.iter().map(|(k, v)| (k.to_string(), v.clone())).collect();
        p.insert("stream".into(), self.stream.code.clone());
        let problem = ClaimProblem {
            code: code.into(),
            stream: Some(self.stream.code.clone()),
            person_id: person,
            params: p,
            blocking,
        };
        if !self.problems.contains(&problem) {
            self.problems.push(problem);
        }
    }

    /// The value of a stream parameter on `day` (the first day of a part of the quarter in
    /// which it does not change), recording its use and any problem.
    fn get(&mut self, name: &str, day: NaiveDate) -> Option<Decimal> {
        let Some(p) = self.stream.param(name, day).cloned() else {
            self.problem(
                "claims.parameter_missing",
                None,
                &[("parameter", name.into()), ("date", day.to_string())],
                true,
            );
            return None;
        };
        self.record(name, &p);
        match p.value {
            None => {
                self.problem(
                    "claims.parameter_missing",
                    None,
                    &[("parameter", name.into()), ("date", p.valid_from.to_string())],
                    true,
                );
                None
            }
            Some(v) => {
                if !p.confirmed {
                    self.problem(
                        "claims.parameter_unconfirmed",
                        None,
                        &[
                            ("parameter", name.into()),
                            ("valid_from", p.valid_from.to_string()),
                            ("value", v.to_string()),
                        ],
                        false,
                    );
                }
                Some(v)
            }
        }
    }

    /// Keeps a value used, with the days of the quarter on which it is in force: from its
    /// own date (or the quarter's first day) until the day before the next value.
    fn use_value(&mut self, u: ParameterUse, next: Option<NaiveDate>) {
        let end = self.quarter.end.expect("bounded");
        let u = ParameterUse {
            first_day: u.valid_from.max(self.quarter.start),
            last_day: next.map_or(end, |n| n.min(end)).pred_opt().expect("valid"),
            ..u
        };
        if !self.used.contains(&u) {
            self.used.push(u);
        }
    }

    fn record(&mut self, name: &str, p: &DatedParam) {
        let next = self
            .stream
            .parameters
            .get(name)
            .and_then(|vs| vs.iter().map(|v| v.valid_from).filter(|d| *d > p.valid_from).min());
        let u = ParameterUse {
            stream: self.stream.code.clone(),
            parameter: name.into(),
            valid_from: p.valid_from,
            first_day: p.valid_from,
            last_day: p.valid_from,
            value: p.value,
            label: None,
            source: p.source.clone(),
            confirmed: p.confirmed,
        };
        self.use_value(u, next);
    }

    /// The days inside the quarter on which any parameter of the stream takes a new value.
    fn stream_dates(&self) -> Vec<NaiveDate> {
        let (start, end) = (self.quarter.start, self.quarter.end.expect("bounded"));
        self.stream.parameters.keys().flat_map(|n| self.stream.change_dates(n, start, end)).collect()
    }

    /// The days inside the quarter on which the work form's ratio rules change.
    fn rule_dates(&self) -> Vec<NaiveDate> {
        self.input.rules.change_dates_in(&self.quarter)
    }

    /// The work form's ratio parameters in force on `day`, recording the values of `keys`
    /// as used by the stream.
    fn rules_on(&mut self, day: NaiveDate, keys: &[ParameterKey]) -> Parameters {
        let params = self.input.rules.in_force(day);
        for key in keys {
            let found = match key {
                ParameterKey::Norm => {
                    params.norm.as_ref().map(|f| (f.effective_from, f.source.clone(), Some(f.value), None))
                }
                ParameterKey::NormMethod => params
                    .norm_method
                    .as_ref()
                    .map(|f| (f.effective_from, f.source.clone(), None, Some(f.value.id().to_string()))),
                ParameterKey::ContingentTargetFte => params
                    .contingent_target_fte
                    .as_ref()
                    .map(|f| (f.effective_from, f.source.clone(), Some(f.value), None)),
                ParameterKey::ContingentSupervisorFte => params
                    .contingent_supervisor_fte
                    .as_ref()
                    .map(|f| (f.effective_from, f.source.clone(), Some(f.value), None)),
                _ => None,
            };
            let Some((from, source, value, label)) = found else { continue };
            let next = self
                .input
                .rules
                .values
                .iter()
                .filter(|v| v.key == *key && v.effective_from > from)
                .map(|v| v.effective_from)
                .min();
            let confirmed = source.as_deref().is_some_and(|s| s != crate::rules::DEFAULT_SOURCE);
            let u = ParameterUse {
                stream: self.stream.code.clone(),
                parameter: key.id().into(),
                valid_from: from,
                first_day: from,
                last_day: from,
                value,
                label,
                source,
                confirmed,
            };
            self.use_value(u, next);
        }
        params
    }
}

fn days_of(span: &DateSpan) -> i64 {
    (span.end.expect("bounded") - span.start).num_days()
}

fn last_day(span: &DateSpan) -> NaiveDate {
    span.end.expect("bounded").pred_opt().expect("valid")
}

/// Splits a bounded span at the given days (those strictly inside it): the parts of the
/// quarter in which no value a line uses changes.
fn split(span: DateSpan, dates: &[NaiveDate]) -> Vec<DateSpan> {
    let mut ds: Vec<NaiveDate> =
        dates.iter().copied().filter(|d| *d > span.start && span.end.is_some_and(|e| *d < e)).collect();
    ds.sort();
    ds.dedup();
    let mut out = Vec::new();
    let mut start = span.start;
    for d in ds {
        out.push(DateSpan::new(start, Some(d)));
        start = d;
    }
    out.push(DateSpan::new(start, span.end));
    out
}

fn months_of(quarter: &DateSpan) -> Vec<(u32, DateSpan)> {
    let first = quarter.start;
    (0..3)
        .map(|i| {
            let start = first + Months::new(i);
            (start.month(), DateSpan::new(start, Some(start + Months::new(1))))
        })
        .collect()
}

/// The days on which a worker's employment periods start or end (the register's changes).
fn period_dates(periods: &[&EmploymentPeriod]) -> Vec<NaiveDate> {
    periods.iter().flat_map(|p| std::iter::once(p.start).chain(p.span().end)).collect()
}

/// Σ Q/S × days of the period inside `span` ÷ `denominator` days, exactly.
fn share(periods: &[&EmploymentPeriod], span: &DateSpan, denominator: i64) -> Exact {
    periods
        .iter()
        .map(|p| {
            let days = p.span().overlap_days(span);
            if days == 0 {
                Exact::zero()
            } else {
                Exact::ratio(i64::from(p.fraction.q) * days, i64::from(p.fraction.s) * denominator)
            }
        })
        .sum()
}

fn covered_days(periods: &[&EmploymentPeriod], span: &DateSpan) -> i64 {
    periods.iter().map(|p| p.span().overlap_days(span)).sum()
}

fn show(e: &Exact) -> Decimal {
    e.display(EXACT_DECIMALS).unwrap_or_default()
}

fn dec(d: Decimal) -> Exact {
    Exact::from_decimal(d)
}

/// The one value of a list when all its values are equal.
fn single<T: PartialEq + Copy>(values: &[T]) -> Option<T> {
    let first = *values.first()?;
    values.iter().all(|v| *v == first).then_some(first)
}

/// Seniority index on `day` for a start on `start` (1 = first year or quarter).
pub fn seniority_index(unit: SeniorityUnit, start: NaiveDate, day: NaiveDate) -> u32 {
    match unit {
        SeniorityUnit::Year => {
            let mut years = (day.year() - start.year()).max(0);
            while years > 0 && start + Months::new(12 * years as u32) > day {
                years -= 1;
            }
            years as u32 + 1
        }
        SeniorityUnit::Quarter => {
            let q = |d: NaiveDate| d.year() * 4 + (d.month0() / 3) as i32;
            (q(day) - q(start)).max(0) as u32 + 1
        }
    }
}

/// The days inside `span` on which the seniority index changes.
fn seniority_changes(unit: SeniorityUnit, start: NaiveDate, span: &DateSpan) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let step = match unit {
        SeniorityUnit::Year => 12,
        SeniorityUnit::Quarter => return out, // calendar quarters: constant within a quarter
    };
    let mut k = 1;
    loop {
        let d = start + Months::new(step * k);
        if span.end.is_some_and(|e| d >= e) {
            break;
        }
        if d > span.start {
            out.push(d);
        }
        k += 1;
    }
    out
}

/// Computes the claim (see the module documentation). Error: a stream total or the
/// claim total beyond the decimal range.
pub fn compute(input: &ClaimInput) -> Result<ClaimResult, ClaimError> {
    let period = input.period();
    let mut problems = Vec::new();
    let mut used = Vec::new();
    let mut lines = Vec::new();
    if !input.rule_set.in_force_on(period.first_day()) || !input.rule_set.in_force_on(period.last_day()) {
        let mut params = BTreeMap::new();
        params.insert("date".to_string(), period.first_day().to_string());
        problems.push(ClaimProblem {
            code: "claims.rule_set_not_in_force".into(),
            stream: None,
            person_id: None,
            params,
            blocking: true,
        });
    }
    let mut streams = Vec::new();
    let mut total = Exact::zero();
    let mut total_cents = round_cent(Decimal::ZERO);
    for stream in input.rule_set.streams_for(input.work_form) {
        let mut ctx = Ctx { input, stream, quarter: period.span(), problems: &mut problems, used: &mut used };
        let computed: Vec<Computed> = match stream.formula {
            Formula::PerEligibleFte => supervision(&mut ctx),
            Formula::PerFteWithSupplement => organisation_support(&mut ctx),
            Formula::GuidancePremium => guidance(&mut ctx),
            Formula::WagePercentage { cap_wage, percentage } => {
                input.workers.iter().filter_map(|w| wage_percentage(w, cap_wage, percentage, &mut ctx)).collect()
            }
            Formula::CappedMonthlyAllowance => input.workers.iter().filter_map(|w| sine(w, &mut ctx)).collect(),
            Formula::MonthlyByDaysPaid => input.workers.iter().filter_map(|w| by_days_paid(w, &mut ctx)).collect(),
        };
        let too_large = || ClaimError::TotalTooLarge { stream: stream.code.clone() };
        let mut stream_lines = Vec::with_capacity(computed.len());
        let mut sum = Exact::zero();
        for Computed { mut line, exact } in computed {
            if let Some(e) = exact {
                line.exact = e.display(EXACT_DECIMALS);
                line.exact_fraction = Some(e.fraction());
                // The single rounding of the line.
                line.amount = e.round_cent();
                if line.amount.is_none() {
                    ctx.problem("claims.amount_too_large", line.person_id, &[], true);
                }
            }
            if let Some(a) = line.amount {
                sum = sum + dec(a);
            }
            stream_lines.push(line);
        }
        // Sums of rounded lines, checked: a total that does not fit a decimal in cents is an
        // error, never a panic or a silently shortened figure.
        let amount = sum.round_cent().ok_or_else(too_large)?;
        total = total + dec(amount);
        total_cents = total.round_cent().ok_or_else(too_large)?;
        streams.push(StreamTotal {
            code: stream.code.clone(),
            name: stream.name.clone(),
            lines: stream_lines.len() as u32,
            heads: stream_lines.iter().filter(|l| l.person_id.is_some()).count() as u32,
            fte: stream_lines.iter().map(|l| l.fte).sum(),
            amount,
            complete: stream_lines.iter().all(|l| l.amount.is_some()),
        });
        lines.extend(stream_lines);
    }
    let complete = !problems.iter().any(|p| p.blocking) && streams.iter().all(|s| s.complete);
    Ok(ClaimResult {
        period: period.to_string(),
        first_day: period.first_day(),
        last_day: period.last_day(),
        rule_set: input.rule_set.code.clone(),
        lines,
        streams,
        parameters: used,
        problems,
        total: total_cents,
        complete,
    })
}

fn counted<'a>(w: &'a WorkerInput, stream: &Stream) -> Vec<&'a EmploymentPeriod> {
    w.periods.iter().filter(|p| stream.categories.contains(&p.category)).collect()
}

fn worker_line(stream: &Stream, w: &WorkerInput, ps: &[&EmploymentPeriod], q: &DateSpan) -> ClaimLine {
    let mut l = ClaimLine::new(&stream.code);
    l.person_id = Some(w.person_id);
    l.label = Some(w.label.clone());
    l.start = ps.iter().filter(|p| p.span().overlaps(q)).map(|p| p.start).min();
    l.days = covered_days(ps, q);
    l.fte = show(&share(ps, q, days_of(q)));
    l
}

fn segment(part: &DateSpan, days: i64, share: &Exact) -> LineSegment {
    LineSegment {
        first_day: part.start,
        last_day: last_day(part),
        days,
        share: show(share),
        reference: None,
        rate: None,
        seniority_index: None,
        value: None,
        fixed: None,
    }
}

/// Payroll sums of the quarter's months that have payroll lines: (months, gross,
/// contributions, reductions), exact.
fn payroll_of(w: &WorkerInput, q: &DateSpan) -> Option<(Exact, Exact, Exact)> {
    let sums: Vec<&PayrollMonth> = months_of(q).iter().filter_map(|(m, _)| w.payroll.get(m)).collect();
    if sums.is_empty() {
        return None;
    }
    Some((
        sums.iter().map(|s| dec(s.gross_wage)).sum(),
        sums.iter().map(|s| dec(s.employer_contributions)).sum(),
        sums.iter().map(|s| dec(s.reductions)).sum(),
    ))
}

/// S1, S4, S5, S8 (see [`Formula::WagePercentage`]). Per part X of a month m:
/// cap_X = cap_factor × GGMMI × share(X, days of m), with the percentage p_X; C = Σ cap_X,
/// W = Σ p_X × cap_X. The premium is W ÷ 100, or with the wage cap R × W ÷ (C × 100) when
/// the referteloon R of the quarter is below C (each part's percentage weighted by its cap).
fn wage_percentage(w: &WorkerInput, cap_wage: bool, source: PercentageSource, ctx: &mut Ctx) -> Option<Computed> {
    let q = ctx.quarter;
    let ps = counted(w, ctx.stream);
    if covered_days(&ps, &q) == 0 {
        return None;
    }
    let mut line = worker_line(ctx.stream, w, &ps, &q);
    let mut missing = false;
    let mut dates = ctx.stream_dates();
    dates.extend(period_dates(&ps));
    let seniority = match source {
        PercentageSource::Worker => {
            dates.extend(w.attributes.wage_percentage.iter().map(|d| d.valid_from));
            None
        }
        PercentageSource::Seniority { unit, steps } => match w.attributes.seniority_start {
            Some(s) => {
                dates.extend(seniority_changes(unit, s, &q));
                Some((unit, steps, s))
            }
            None => {
                ctx.problem(
                    "claims.attribute_missing",
                    Some(w.person_id),
                    &[("attribute", "seniority_start".into())],
                    true,
                );
                missing = true;
                None
            }
        },
    };
    let mut cap_total = Exact::zero();
    let mut weighted = Exact::zero(); // Σ pct × cap
    let mut rates: Vec<Decimal> = Vec::new();
    for (_, month) in months_of(&q) {
        let month_days = days_of(&month);
        for part in split(month, &dates) {
            let sh = share(&ps, &part, month_days);
            if sh.is_zero() {
                continue;
            }
            let reference = ctx.get("monthly_reference", part.start);
            let factor = ctx.get("cap_factor", part.start);
            let mut index = None;
            let pct = match (source, seniority) {
                (PercentageSource::Worker, _) => {
                    let p = dated_at(&w.attributes.wage_percentage, part.start);
                    if p.is_none() {
                        ctx.problem(
                            "claims.attribute_missing",
                            Some(w.person_id),
                            &[("attribute", "wage_percentage".into())],
                            true,
                        );
                    }
                    p
                }
                (_, Some((unit, steps, s))) => {
                    let i = seniority_index(unit, s, part.start);
                    index = Some(i);
                    if i > steps {
                        line.note("seniority_ended");
                        Some(Decimal::ZERO)
                    } else {
                        ctx.get(&format!("step_{i}"), part.start)
                    }
                }
                _ => None,
            };
            let cap = reference.zip(factor).map(|(r, f)| dec(f) * dec(r) * sh.clone());
            match (&cap, pct) {
                (Some(c), Some(p)) => {
                    cap_total = cap_total + c.clone();
                    weighted = weighted + dec(p) * c.clone();
                    rates.push(p);
                }
                _ => missing = true,
            }
            line.seniority_index = index.or(line.seniority_index);
            let mut s = segment(&part, covered_days(&ps, &part), &sh);
            s.reference = reference;
            s.rate = pct;
            s.seniority_index = index;
            s.value = cap.as_ref().map(show);
            line.segments.push(s);
        }
    }
    line.rate = single(&rates);
    line.cap = (!missing).then(|| show(&cap_total));
    let hundred = Exact::int(100);
    if !cap_wage {
        let exact = (!missing).then(|| weighted / hundred);
        return Some(Computed { line, exact });
    }
    let Some((gross, contributions, reductions)) = payroll_of(w, &q) else {
        ctx.problem("claims.payroll_missing", Some(w.person_id), &[("meaning", "reference_wage".into())], true);
        return Some(Computed { line, exact: None });
    };
    let reference_wage = gross.clone() + contributions.clone() - reductions.clone();
    // Payroll amounts are in cents: shown exactly, with two decimals.
    line.gross_wage = gross.round_cent();
    line.employer_contributions = contributions.round_cent();
    line.reductions = reductions.round_cent();
    line.reference_wage = reference_wage.round_cent();
    if missing {
        return Some(Computed { line, exact: None });
    }
    let exact = if reference_wage >= cap_total {
        if reference_wage > cap_total {
            line.note("reference_wage_capped");
        }
        weighted / hundred
    } else {
        // Multiply before dividing: R × W ÷ (C × 100), C > 0 here.
        reference_wage.max(Exact::zero()) * weighted / (cap_total * hundred)
    };
    Some(Computed { line, exact: Some(exact) })
}

/// One worker's part of the guidance premium before the head cap is applied.
struct GuidancePart {
    span: DateSpan,
    covered: i64,
    share: Exact,
    fixed: Option<Decimal>,
    variable: Option<Decimal>,
}

/// S6 (see [`Formula::GuidancePremium`]). Per part X of the quarter: the fixed amount of
/// the worker's level × c_X ÷ c (c_X the worker's days in X, c in the quarter: a head
/// receives the amount once, each value weighted by the days it covered) when the worker
/// is among the first ⌊head_cap_factor × contingent⌋ heads of the part that contains X,
/// plus the variable amount × share(X, days of the quarter).
fn guidance(ctx: &mut Ctx) -> Vec<Computed> {
    let q = ctx.quarter;
    let quarter_days = days_of(&q);
    let input = ctx.input;
    struct Pending<'w> {
        line: ClaimLine,
        periods: Vec<&'w EmploymentPeriod>,
        covered: i64,
        parts: Vec<GuidancePart>,
        complete: bool,
    }
    let mut pending: Vec<Pending> = Vec::new();
    for w in &input.workers {
        let ps = counted(w, ctx.stream);
        let covered = covered_days(&ps, &q);
        if covered == 0 {
            continue;
        }
        let mut line = worker_line(ctx.stream, w, &ps, &q);
        let mut dates = ctx.stream_dates();
        dates.extend(ctx.rule_dates());
        dates.extend(period_dates(&ps));
        dates.extend(w.attributes.guidance_level.iter().map(|d| d.valid_from));
        let mut complete = true;
        let mut parts = Vec::new();
        for part in split(q, &dates) {
            let c = covered_days(&ps, &part);
            if c == 0 {
                continue;
            }
            let level = dated_at(&w.attributes.guidance_level, part.start);
            line.level = line.level.or(level);
            let Some(level) = level else {
                ctx.problem(
                    "claims.attribute_missing",
                    Some(w.person_id),
                    &[("attribute", "guidance_level".into())],
                    true,
                );
                complete = false;
                continue;
            };
            let fixed = ctx.get(&format!("fixed_{}", level.id()), part.start);
            let variable = ctx.get(&format!("variable_{}", level.id()), part.start);
            complete &= fixed.is_some() && variable.is_some();
            parts.push(GuidancePart {
                span: part,
                covered: c,
                share: share(&ps, &part, quarter_days),
                fixed,
                variable,
            });
        }
        pending.push(Pending { line, periods: ps, covered, parts, complete });
    }
    // Longest-serving first, then by person id.
    pending.sort_by_key(|p| (p.line.start, p.line.person_id));
    // The head cap, per part of the quarter with one factor and one contingent: the first
    // complete workers with a day in it receive the fixed part there.
    let mut caps: Vec<(DateSpan, Option<Exact>, HashSet<usize>)> = Vec::new();
    if !pending.is_empty() {
        let mut cap_dates = ctx.stream.change_dates("head_cap_factor", q.start, q.end.expect("bounded"));
        cap_dates.extend(ctx.rule_dates());
        for g in split(q, &cap_dates) {
            let factor = ctx.get("head_cap_factor", g.start);
            let contingent = ctx.rules_on(g.start, &[ParameterKey::ContingentTargetFte]).contingent_target_value();
            if contingent.is_none() {
                ctx.problem("claims.contingent_missing", None, &[], true);
            }
            let cap = factor.zip(contingent).map(|(f, c)| (dec(f) * dec(c)).floor());
            let mut winners = HashSet::new();
            if let Some(cap) = &cap {
                for (i, p) in pending.iter().enumerate() {
                    if p.complete && covered_days(&p.periods, &g) > 0 && Exact::int(winners.len() as i64) < *cap {
                        winners.insert(i);
                    }
                }
            }
            caps.push((g, cap, winners));
        }
    }
    let cap_heads: Vec<Option<Decimal>> = caps.iter().map(|(_, c, _)| c.as_ref().map(show)).collect();
    pending
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let Pending { mut line, covered, parts, complete, .. } = p;
            let (mut fixed_total, mut variable_total) = (Exact::zero(), Exact::zero());
            let mut known = complete;
            for part in &parts {
                let (_, cap, winners) =
                    caps.iter().find(|(g, _, _)| g.contains(part.span.start)).expect("the cap parts cover the quarter");
                let gets = cap.is_some() && winners.contains(&i);
                if cap.is_none() {
                    known = false;
                } else if !gets && complete {
                    line.note("head_cap_reached");
                }
                let fixed = match (gets, part.fixed) {
                    (true, Some(f)) => dec(f) * Exact::ratio(part.covered, covered),
                    _ => Exact::zero(),
                };
                let variable = part.variable.map(|v| dec(v) * part.share.clone());
                fixed_total = fixed_total + fixed.clone();
                variable_total = variable_total + variable.clone().unwrap_or_else(Exact::zero);
                let mut s = segment(&part.span, part.covered, &part.share);
                s.reference = part.variable;
                s.fixed = if gets { part.fixed } else { None };
                s.value = variable.map(|v| show(&(v + fixed)));
                line.segments.push(s);
            }
            line.cap = single(&cap_heads).flatten();
            if complete {
                line.fixed_part = Some(show(&fixed_total));
                line.variable_part = Some(show(&variable_total));
            }
            let exact = known.then(|| fixed_total + variable_total);
            Computed { line, exact }
        })
        .collect()
}

/// S7 (see [`Formula::PerFteWithSupplement`]). Per part X of the quarter with one set of
/// amounts: L_X = the FTE level during X (share over X's own days); the part contributes
/// (amount × L_X + supplement × min(L_X, limit)) × days of X ÷ days of the quarter.
fn organisation_support(ctx: &mut Ctx) -> Vec<Computed> {
    let q = ctx.quarter;
    let quarter_days = days_of(&q);
    let people: Vec<Vec<&EmploymentPeriod>> = ctx.input.workers.iter().map(|w| counted(w, ctx.stream)).collect();
    let level =
        |span: &DateSpan, denominator: i64| -> Exact { people.iter().map(|ps| share(ps, span, denominator)).sum() };
    let mut line = ClaimLine::new(&ctx.stream.code);
    line.days = quarter_days;
    line.fte = show(&level(&q, quarter_days));
    let (mut base, mut supplement) = (Some(Exact::zero()), Some(Exact::zero()));
    let (mut amounts, mut limits) = (Vec::new(), Vec::new());
    for part in split(q, &ctx.stream_dates()) {
        let days = days_of(&part);
        let l = level(&part, days);
        let a = ctx.get("amount_per_fte", part.start);
        let s = ctx.get("supplement_per_fte", part.start);
        let lim = ctx.get("supplement_fte_limit", part.start);
        let weight = Exact::ratio(days, quarter_days);
        let mut seg = segment(&part, days, &l);
        seg.reference = a;
        seg.fixed = s;
        if let (Some(a), Some(s), Some(lim)) = (a, s, lim) {
            let b = dec(a) * l.clone() * weight.clone();
            let x = dec(s) * l.clone().min(dec(lim)) * weight;
            seg.value = Some(show(&(b.clone() + x.clone())));
            base = base.map(|t| t + b);
            supplement = supplement.map(|t| t + x);
            amounts.push(a);
            limits.push(lim);
        } else {
            base = None;
            supplement = None;
        }
        line.segments.push(seg);
    }
    line.rate = single(&amounts);
    line.cap = single(&limits);
    line.fixed_part = base.as_ref().map(show);
    line.variable_part = supplement.as_ref().map(show);
    let exact = base.zip(supplement).map(|(b, s)| b + s);
    vec![Computed { line, exact }]
}

/// S2, S3 (see [`Formula::PerEligibleFte`]). Per part X of the quarter with one set of
/// ratio rules and one amount: T = target FTE and S = supervisor FTE over X's own days,
/// allowed A = T ÷ norm (pro rata) or ⌊T ÷ norm⌋ (block), subsidisable
/// E = min(S, A, supervisor contingent); the part contributes
/// E × amount per FTE per year × days of X ÷ (4 × days of the quarter).
fn supervision(ctx: &mut Ctx) -> Vec<Computed> {
    let q = ctx.quarter;
    let quarter_days = days_of(&q);
    let everyone: Vec<&EmploymentPeriod> = ctx.input.workers.iter().flat_map(|w| w.periods.iter()).collect();
    let fte_of = |cats: &[Category], span: &DateSpan| -> Exact {
        let ps: Vec<&EmploymentPeriod> = everyone.iter().copied().filter(|p| cats.contains(&p.category)).collect();
        share(&ps, span, days_of(span))
    };
    let mut line = ClaimLine::new(&ctx.stream.code);
    line.days = quarter_days;
    let mut dates = ctx.stream_dates();
    dates.extend(ctx.rule_dates());
    let mut exact = Some(Exact::zero());
    let (mut target, mut supervisors, mut allowed, mut subsidisable) =
        (Some(Exact::zero()), Some(Exact::zero()), Some(Exact::zero()), Exact::zero());
    let mut methods = Vec::new();
    let add =
        |acc: &mut Option<Exact>, v: Option<Exact>, w: &Exact| *acc = acc.take().zip(v).map(|(a, v)| a + v * w.clone());
    for part in split(q, &dates) {
        let days = days_of(&part);
        let weight = Exact::ratio(days, quarter_days);
        let params = ctx.rules_on(
            part.start,
            &[ParameterKey::Norm, ParameterKey::NormMethod, ParameterKey::ContingentSupervisorFte],
        );
        let method = params.method();
        methods.push(method);
        let t = params.target_categories_value().map(|c| fte_of(&c, &part));
        let s = params.supervisor_categories_value().map(|c| fte_of(&c, &part));
        let a = t.clone().zip(params.norm_value().filter(|n| *n > Decimal::ZERO)).map(|(t, n)| {
            let x = t / dec(n);
            match method {
                NormMethod::ProRata => x,
                NormMethod::Block => x.floor(),
            }
        });
        let e = a.clone().zip(s.clone()).map(|(a, s)| {
            let m = s.min(a);
            match params.contingent_supervisor_value() {
                Some(c) => m.min(dec(c)),
                None => m,
            }
        });
        add(&mut target, t, &weight);
        add(&mut supervisors, s, &weight);
        add(&mut allowed, a, &weight);
        let Some(e) = e else {
            ctx.problem("claims.supervision_unknown", None, &[], true);
            exact = None;
            continue;
        };
        subsidisable = subsidisable + e.clone() * weight;
        let amount = ctx.get("amount_per_fte_year", part.start);
        // Multiply before dividing: E × amount × days ÷ (4 × quarter days).
        let value = amount.map(|x| e.clone() * dec(x) * Exact::int(days) / Exact::int(4 * quarter_days));
        let mut seg = segment(&part, days, &e);
        seg.reference = amount;
        seg.value = value.as_ref().map(show);
        line.segments.push(seg);
        exact = exact.zip(value).map(|(x, v)| x + v);
    }
    line.fte = show(&subsidisable);
    line.target_fte = target.as_ref().map(show);
    line.supervisor_fte = supervisors.as_ref().map(show);
    line.allowed_fte = allowed.as_ref().map(show);
    line.method = single(&methods).or(methods.first().copied());
    vec![Computed { line, exact }]
}

fn attest_spans(w: &WorkerInput) -> Vec<DateSpan> {
    w.attributes.sine_attests.iter().map(|a| DateSpan::from_inclusive(a.first_day, a.last_day)).collect()
}

fn intersect(a: &DateSpan, b: &DateSpan) -> Option<DateSpan> {
    let start = a.start.max(b.start);
    let end = match (a.end, b.end) {
        (Some(x), Some(y)) => x.min(y),
        (Some(x), None) | (None, Some(x)) => x,
        (None, None) => return None,
    };
    (start < end).then(|| DateSpan::new(start, Some(end)))
}

/// Spreads a month's amount over its parts in proportion to their uncapped values, so
/// the parts shown add up to the month.
fn spread(parts: &mut [LineSegment], raw: &[Exact], month: &Exact, uncapped: &Exact) {
    for (s, r) in parts.iter_mut().zip(raw) {
        let v = if uncapped.is_zero() { Exact::zero() } else { month.clone() * r.clone() / uncapped.clone() };
        s.value = Some(show(&v));
    }
}

/// S9b (see [`Formula::CappedMonthlyAllowance`]). Per month m: the allowance
/// Σ_X amount_X × f_X (f_X: the share of X both employed and covered by an attest, over the
/// days of m), at most the cap of the month (Σ_X cap_X × days of X ÷ days of m: the cap of
/// the month when it does not change) and at most the month's net wage.
fn sine(w: &WorkerInput, ctx: &mut Ctx) -> Option<Computed> {
    let q = ctx.quarter;
    let ps = counted(w, ctx.stream);
    let attests = attest_spans(w);
    if attests.is_empty() || covered_days(&ps, &q) == 0 {
        return None;
    }
    let mut line = worker_line(ctx.stream, w, &ps, &q);
    let mut dates = ctx.stream_dates();
    dates.extend(period_dates(&ps));
    dates.extend(attests.iter().flat_map(|a| std::iter::once(a.start).chain(a.end)));
    let mut exact = Some(Exact::zero());
    let (mut any, mut amounts, mut caps) = (false, Vec::new(), Vec::new());
    for (month_no, month) in months_of(&q) {
        let month_days = days_of(&month);
        let parts: Vec<(DateSpan, Exact, i64)> = split(month, &dates)
            .into_iter()
            .map(|part| {
                let (mut f, mut days) = (Exact::zero(), 0);
                for a in &attests {
                    if let Some(inter) = intersect(&part, a) {
                        f = f + share(&ps, &inter, month_days);
                        days += covered_days(&ps, &inter);
                    }
                }
                (part, f, days)
            })
            .collect();
        if parts.iter().all(|(_, f, _)| f.is_zero()) {
            continue;
        }
        any = true;
        let net = w.payroll.get(&month_no).and_then(|p| p.net_wage);
        if net.is_none() {
            ctx.problem(
                "claims.payroll_missing",
                Some(w.person_id),
                &[("meaning", "net_wage".into()), ("month", format!("{}-{:02}", month.start.year(), month_no))],
                true,
            );
        }
        let (mut allowance, mut cap) = (Some(Exact::zero()), Some(Exact::zero()));
        let (mut segments, mut raw) = (Vec::new(), Vec::new());
        for (part, f, days) in &parts {
            let c = ctx.get("cap_per_month", part.start);
            cap = cap.zip(c).map(|(t, c)| t + dec(c) * Exact::ratio(days_of(part), month_days));
            if f.is_zero() {
                continue;
            }
            let a = ctx.get("amount_per_month", part.start);
            let v = a.map(|a| dec(a) * f.clone());
            allowance = allowance.zip(v.clone()).map(|(t, v)| t + v);
            let mut s = segment(part, *days, f);
            s.reference = a;
            segments.push(s);
            raw.push(v.unwrap_or_else(Exact::zero));
            amounts.extend(a);
            caps.extend(c);
        }
        let value = match (allowance.clone(), cap, net) {
            (Some(a), Some(c), Some(n)) => {
                let base = a.min(c);
                let n = dec(n).max(Exact::zero());
                if n < base {
                    line.note("net_wage_cap");
                }
                Some(base.min(n))
            }
            _ => None,
        };
        if let (Some(v), Some(a)) = (&value, &allowance) {
            spread(&mut segments, &raw, v, a);
        }
        line.segments.extend(segments);
        exact = exact.zip(value).map(|(e, v)| e + v);
    }
    if !any {
        return None;
    }
    line.rate = single(&amounts);
    line.cap = single(&caps);
    Some(Computed { line, exact })
}

/// S10 (see [`Formula::MonthlyByDaysPaid`]). Per month m: Σ_X amount_X × days paid in X ÷
/// days of m, at most the month's actual wage cost (gross wage + employer contributions −
/// reductions) when the payroll has the month; the line says when it has not.
fn by_days_paid(w: &WorkerInput, ctx: &mut Ctx) -> Option<Computed> {
    let q = ctx.quarter;
    let ps = counted(w, ctx.stream);
    if covered_days(&ps, &q) == 0 {
        return None;
    }
    let mut line = worker_line(ctx.stream, w, &ps, &q);
    let mut dates = ctx.stream_dates();
    dates.extend(period_dates(&ps));
    let mut exact = Some(Exact::zero());
    let mut rates = Vec::new();
    for (month_no, month) in months_of(&q) {
        let month_days = days_of(&month);
        let (mut subsidy, mut segments, mut raw) = (Some(Exact::zero()), Vec::new(), Vec::new());
        for part in split(month, &dates) {
            let days = covered_days(&ps, &part);
            if days == 0 {
                continue;
            }
            let amount = ctx.get("amount_per_month", part.start);
            // Multiply before dividing: amount × days ÷ days of the month.
            let value = amount.map(|a| dec(a) * Exact::ratio(days, month_days));
            subsidy = subsidy.zip(value.clone()).map(|(s, v)| s + v);
            rates.extend(amount);
            let mut s = segment(&part, days, &Exact::ratio(days, month_days));
            s.reference = amount;
            segments.push(s);
            raw.push(value.unwrap_or_else(Exact::zero));
        }
        if segments.is_empty() {
            continue;
        }
        let value = subsidy.clone().map(|s| match w.payroll.get(&month_no) {
            Some(p) => {
                let cost = (dec(p.gross_wage) + dec(p.employer_contributions) - dec(p.reductions)).max(Exact::zero());
                if cost < s {
                    line.note("wage_cost_cap");
                    cost
                } else {
                    s
                }
            }
            None => {
                line.note("wage_cost_unknown");
                s
            }
        });
        if let (Some(v), Some(s)) = (&value, &subsidy) {
            spread(&mut segments, &raw, v, s);
        }
        line.segments.extend(segments);
        exact = exact.zip(value).map(|(e, v)| e + v);
    }
    line.rate = single(&rates);
    Some(Computed { line, exact })
}

// ----- amendments and settlement ------------------------------------------------------

/// One line of the differences between an original claim and its amendment.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineDiff {
    pub stream: String,
    #[cfg_attr(feature = "ts", ts(type = "number | null"))]
    pub person_id: Option<i64>,
    pub label: Option<String>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub original: Option<Decimal>,
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub amended: Option<Decimal>,
    /// amended − original (a missing side counts as 0 when the other has an amount).
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub difference: Option<Decimal>,
}

/// The differences line by line (matched on stream and person), only lines that differ,
/// in the order of the amendment then the lines only in the original.
pub fn diff(original: &[ClaimLine], amended: &[ClaimLine]) -> Vec<LineDiff> {
    // Indexed by (stream, person): linear in the number of lines (an amendment of a claim for
    // 3 000 workers has 6 000 lines on each side). The first line of a key wins, as before.
    fn key(l: &ClaimLine) -> (&str, Option<i64>) {
        (l.stream.as_str(), l.person_id)
    }
    let mut originals: HashMap<(&str, Option<i64>), &ClaimLine> = HashMap::with_capacity(original.len());
    for o in original {
        originals.entry(key(o)).or_insert(o);
    }
    let amended_keys: HashSet<(&str, Option<i64>)> = amended.iter().map(key).collect();
    let mut out = Vec::new();
    let mk = |o: Option<&ClaimLine>, a: Option<&ClaimLine>| {
        let base = a.or(o).expect("one side");
        let (oa, aa) = (o.and_then(|l| l.amount), a.and_then(|l| l.amount));
        let difference = match (oa, aa) {
            (None, None) => None,
            _ => Some(aa.unwrap_or_default() - oa.unwrap_or_default()),
        };
        LineDiff {
            stream: base.stream.clone(),
            person_id: base.person_id,
            label: base.label.clone(),
            original: oa,
            amended: aa,
            difference,
        }
    };
    for a in amended {
        let o = originals.get(&key(a)).copied();
        let d = mk(o, Some(a));
        if o.is_none() || d.original != d.amended {
            out.push(d);
        }
    }
    for o in original {
        if !amended_keys.contains(&key(o)) {
            out.push(mk(Some(o), None));
        }
    }
    out
}

#[cfg(test)]
mod tests;
