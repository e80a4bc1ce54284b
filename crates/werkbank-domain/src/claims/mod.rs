//! Subsidy claims (claims.md): rule sets as data ([`rules`]) and the quarterly claim
//! computation ([`compute`]).
//!
//! The computation is a pure function of a [`ClaimInput`]: the quarter, the claim rule
//! set, the work form's ratio rules, and per worker the employment periods of the work
//! form, the dated per-worker attributes and the payroll sums per month by wage-code
//! meaning. It returns one [`ClaimLine`] per worker per stream (one line for the work form
//! for the supervision premium and organisation support) with every input, the parameters
//! used with their source and valid-from day, the problems, and the totals.
//!
//! **Exactness.** Everything is exact `Decimal`; each line's amount is rounded once, half
//! up (away from zero) to the cent; stream totals and the claim total are sums of rounded
//! lines.
//!
//! **Splitting.** Monthly parameters (GGMMI, SINE and article 60 amounts) are taken month
//! by month and a month is split again on the day a value changes; the seniority index is
//! split on the anniversary inside the quarter; the supervision premium follows the ratio
//! report's segments (split at every ratio-rule change) and the amount's change dates.
//! Quarterly amounts (guidance premium, organisation support) are those in force on the
//! first day of the quarter (the department publishes them per quarter).
//!
//! **Nothing silently zero.** A parameter without a value, a missing worker attribute,
//! missing payroll data or an unknown contingent is a [`ClaimProblem`]; the line's amount
//! is then `None` and the claim is not complete. An unconfirmed parameter is a
//! non-blocking problem: the amount is computed and the claim says which values still
//! need confirming.
//!
//! **Head cap of the guidance premium.** At most ⌊`head_cap_factor` × contingent target
//! FTE⌋ heads (contingent in force on the first day of the quarter) receive the fixed
//! part. Deterministic rule: workers are ranked by the start of their earliest employment
//! period of the stream that reaches into the quarter (longest-serving first), then by
//! person id; the first heads up to the cap get the fixed part, the others only the
//! variable part (note `head_cap_reached`).
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
//!
//! Line notes: `head_cap_reached`, `seniority_ended`, `reference_wage_capped`,
//! `net_wage_cap`.

pub mod rules;

use crate::employment::EmploymentPeriod;
use crate::organisation::WorkFormKind;
use crate::period::{DateSpan, ReportingPeriod};
use crate::ratios::ratio_report;
use crate::rules::{NormMethod, RuleSet};
use chrono::{Datelike, Months, NaiveDate};
use rules::{ClaimRuleSet, DatedParam, Formula, PercentageSource, SeniorityUnit, Stream};
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Guidance need (begeleidingsnood) of the maatwerk WOP: laag / midden / hoog.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuidanceLevel {
    Low,
    Medium,
    High,
}

impl GuidanceLevel {
    pub const ALL: [GuidanceLevel; 3] = [GuidanceLevel::Low, GuidanceLevel::Medium, GuidanceLevel::High];
    pub fn id(self) -> &'static str {
        match self {
            GuidanceLevel::Low => "low",
            GuidanceLevel::Medium => "medium",
            GuidanceLevel::High => "high",
        }
    }
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|l| l.id() == s)
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
    /// receives it here (`None`: not this stream, or beyond the head cap).
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

struct Ctx<'a> {
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

    /// The value of a parameter on `day`, recording its use and any problem.
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

    fn record(&mut self, name: &str, p: &DatedParam) {
        let next = self
            .stream
            .parameters
            .get(name)
            .and_then(|vs| vs.iter().map(|v| v.valid_from).filter(|d| *d > p.valid_from).min());
        let end = self.quarter.end.expect("bounded");
        let u = ParameterUse {
            stream: self.stream.code.clone(),
            parameter: name.into(),
            valid_from: p.valid_from,
            first_day: p.valid_from.max(self.quarter.start),
            last_day: next.map_or(end, |n| n.min(end)).pred_opt().expect("valid"),
            value: p.value,
            label: None,
            source: p.source.clone(),
            confirmed: p.confirmed,
        };
        if !self.used.contains(&u) {
            self.used.push(u);
        }
    }
}

fn days_of(span: &DateSpan) -> i64 {
    (span.end.expect("bounded") - span.start).num_days()
}

fn last_day(span: &DateSpan) -> NaiveDate {
    span.end.expect("bounded").pred_opt().expect("valid")
}

/// Splits a bounded span at the given days (those strictly inside it).
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

fn months_of(period: &ReportingPeriod) -> Vec<(u32, DateSpan)> {
    let first = period.first_day();
    (0..3)
        .map(|i| {
            let start = first + Months::new(i);
            (start.month(), DateSpan::new(start, Some(start + Months::new(1))))
        })
        .collect()
}

/// Σ Q/S × days of the period inside `span` ÷ `denominator` days (exact, one division per
/// period).
fn share(periods: &[&EmploymentPeriod], span: &DateSpan, denominator: i64) -> Decimal {
    periods
        .iter()
        .map(|p| {
            let days = p.span().overlap_days(span);
            if days == 0 {
                Decimal::ZERO
            } else {
                Decimal::from(u64::from(p.fraction.q) * days as u64)
                    / Decimal::from(u64::from(p.fraction.s) * denominator as u64)
            }
        })
        .sum()
}

fn covered_days(periods: &[&EmploymentPeriod], span: &DateSpan) -> i64 {
    periods.iter().map(|p| p.span().overlap_days(span)).sum()
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

/// Computes the claim (see the module documentation).
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
    for stream in input.rule_set.streams_for(input.work_form) {
        let mut ctx = Ctx { stream, quarter: period.span(), problems: &mut problems, used: &mut used };
        let mut stream_lines = match stream.formula {
            Formula::PerEligibleFte => supervision(input, &period, &mut ctx),
            Formula::PerFteWithSupplement => organisation_support(input, &period, &mut ctx),
            Formula::GuidancePremium => guidance(input, &period, &mut ctx),
            Formula::WagePercentage { cap_wage, percentage } => input
                .workers
                .iter()
                .filter_map(|w| wage_percentage(w, &period, cap_wage, percentage, &mut ctx))
                .collect(),
            Formula::CappedMonthlyAllowance => {
                input.workers.iter().filter_map(|w| sine(w, &period, &mut ctx)).collect()
            }
            Formula::MonthlyByDaysPaid => {
                input.workers.iter().filter_map(|w| by_days_paid(w, &period, &mut ctx)).collect()
            }
        };
        for l in &mut stream_lines {
            l.amount = l.exact.map(round_cent);
        }
        let total = StreamTotal {
            code: stream.code.clone(),
            name: stream.name.clone(),
            lines: stream_lines.len() as u32,
            heads: stream_lines.iter().filter(|l| l.person_id.is_some()).count() as u32,
            fte: stream_lines.iter().map(|l| l.fte).sum(),
            amount: round_cent(stream_lines.iter().filter_map(|l| l.amount).sum()),
            complete: stream_lines.iter().all(|l| l.amount.is_some()),
        };
        streams.push(total);
        lines.extend(stream_lines);
    }
    let total = round_cent(streams.iter().map(|s| s.amount).sum());
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
        total,
        complete,
    })
}

fn counted<'a>(w: &'a WorkerInput, stream: &Stream) -> Vec<&'a EmploymentPeriod> {
    w.periods.iter().filter(|p| stream.categories.contains(&p.category)).collect()
}

fn worker_line(stream: &Stream, w: &WorkerInput, ps: &[&EmploymentPeriod], period: &ReportingPeriod) -> ClaimLine {
    let q = period.span();
    let mut l = ClaimLine::new(&stream.code);
    l.person_id = Some(w.person_id);
    l.label = Some(w.label.clone());
    l.start = ps.iter().filter(|p| p.span().overlaps(&q)).map(|p| p.start).min();
    l.days = covered_days(ps, &q);
    l.fte = share(ps, &q, period.days());
    l
}

fn wage_percentage(
    w: &WorkerInput,
    period: &ReportingPeriod,
    cap_wage: bool,
    source: PercentageSource,
    ctx: &mut Ctx,
) -> Option<ClaimLine> {
    let ps = counted(w, ctx.stream);
    if covered_days(&ps, &period.span()) == 0 {
        return None;
    }
    let mut line = worker_line(ctx.stream, w, &ps, period);
    let mut missing = false;
    let (end, start) = (period.end_exclusive(), period.first_day());
    let mut dates: Vec<NaiveDate> = ctx.stream.change_dates("monthly_reference", start, end);
    dates.extend(ctx.stream.change_dates("cap_factor", start, end));
    let seniority = match source {
        PercentageSource::Worker => {
            dates.extend(w.attributes.wage_percentage.iter().map(|d| d.valid_from));
            None
        }
        PercentageSource::Seniority { unit, steps } => {
            for i in 1..=steps {
                dates.extend(ctx.stream.change_dates(&format!("step_{i}"), start, end));
            }
            match w.attributes.seniority_start {
                Some(s) => {
                    dates.extend(seniority_changes(unit, s, &period.span()));
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
            }
        }
    };
    let mut cap_total = Decimal::ZERO;
    let mut weighted = Decimal::ZERO; // Σ pct × cap
    let mut rates: Vec<Decimal> = Vec::new();
    for (_, month) in months_of(period) {
        let month_days = days_of(&month);
        for seg in split(month, &dates) {
            let sh = share(&ps, &seg, month_days);
            if sh.is_zero() {
                continue;
            }
            let reference = ctx.get("monthly_reference", seg.start);
            let factor = ctx.get("cap_factor", seg.start);
            let mut index = None;
            let pct = match (source, seniority) {
                (PercentageSource::Worker, _) => {
                    let p = dated_at(&w.attributes.wage_percentage, seg.start);
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
                    let i = seniority_index(unit, s, seg.start);
                    index = Some(i);
                    if i > steps {
                        line.note("seniority_ended");
                        Some(Decimal::ZERO)
                    } else {
                        ctx.get(&format!("step_{i}"), seg.start)
                    }
                }
                _ => None,
            };
            let cap = reference.zip(factor).map(|(r, f)| f * r * sh);
            match (cap, pct) {
                (Some(c), Some(p)) => {
                    cap_total += c;
                    weighted += p * c;
                    if !rates.contains(&p) {
                        rates.push(p);
                    }
                }
                _ => missing = true,
            }
            line.seniority_index = index.or(line.seniority_index);
            line.segments.push(LineSegment {
                first_day: seg.start,
                last_day: last_day(&seg),
                days: days_of(&seg),
                share: sh,
                reference,
                rate: pct,
                seniority_index: index,
                value: cap,
                fixed: None,
            });
        }
    }
    if rates.len() == 1 {
        line.rate = Some(rates[0]);
    }
    line.cap = (!missing).then_some(cap_total);
    if cap_wage {
        let sums: Vec<&PayrollMonth> = months_of(period).iter().filter_map(|(m, _)| w.payroll.get(m)).collect();
        if sums.is_empty() {
            ctx.problem("claims.payroll_missing", Some(w.person_id), &[("meaning", "reference_wage".into())], true);
            return Some(line);
        }
        let gross: Decimal = sums.iter().map(|s| s.gross_wage).sum();
        let contributions: Decimal = sums.iter().map(|s| s.employer_contributions).sum();
        let reductions: Decimal = sums.iter().map(|s| s.reductions).sum();
        let reference_wage = gross + contributions - reductions;
        line.gross_wage = Some(gross);
        line.employer_contributions = Some(contributions);
        line.reductions = Some(reductions);
        line.reference_wage = Some(reference_wage);
        if missing {
            return Some(line);
        }
        let capped = reference_wage.min(cap_total);
        if reference_wage > cap_total {
            line.note("reference_wage_capped");
        }
        line.exact = Some(if cap_total.is_zero() {
            Decimal::ZERO
        } else {
            capped * weighted / cap_total / Decimal::ONE_HUNDRED
        });
    } else if !missing {
        line.exact = Some(weighted / Decimal::ONE_HUNDRED);
    }
    Some(line)
}

fn guidance(input: &ClaimInput, period: &ReportingPeriod, ctx: &mut Ctx) -> Vec<ClaimLine> {
    let q = period.span();
    let first = period.first_day();
    let mut lines: Vec<(NaiveDate, ClaimLine)> = Vec::new();
    for w in &input.workers {
        let ps = counted(w, ctx.stream);
        if covered_days(&ps, &q) == 0 {
            continue;
        }
        let mut line = worker_line(ctx.stream, w, &ps, period);
        let first_covered =
            ps.iter().filter(|p| p.span().overlaps(&q)).map(|p| p.start.max(first)).min().expect("covered");
        let level = dated_at(&w.attributes.guidance_level, first_covered);
        line.level = level;
        let Some(level) = level else {
            ctx.problem("claims.attribute_missing", Some(w.person_id), &[("attribute", "guidance_level".into())], true);
            lines.push((line.start.expect("covered"), line));
            continue;
        };
        let fixed = ctx.get(&format!("fixed_{}", level.id()), first);
        // The variable part follows the level day by day.
        let dates: Vec<NaiveDate> = w.attributes.guidance_level.iter().map(|d| d.valid_from).collect();
        let mut variable = Some(Decimal::ZERO);
        for seg in split(q, &dates) {
            let sh = share(&ps, &seg, period.days());
            if sh.is_zero() {
                continue;
            }
            let seg_level = dated_at(&w.attributes.guidance_level, seg.start).unwrap_or(level);
            let amount = ctx.get(&format!("variable_{}", seg_level.id()), first);
            let value = amount.map(|a| a * sh);
            variable = variable.zip(value).map(|(v, x)| v + x);
            line.segments.push(LineSegment {
                first_day: seg.start,
                last_day: last_day(&seg),
                days: days_of(&seg),
                share: sh,
                reference: amount,
                rate: None,
                seniority_index: None,
                value,
                fixed: None,
            });
        }
        line.fixed_part = fixed;
        line.variable_part = variable;
        lines.push((line.start.expect("covered"), line));
    }
    lines.sort_by_key(|(start, l)| (*start, l.person_id));
    let factor = ctx.get("head_cap_factor", first);
    let contingent = input.rules.in_force(first).contingent_target_value();
    if contingent.is_none() && !lines.is_empty() {
        ctx.problem("claims.contingent_missing", None, &[], true);
    }
    let cap_heads = factor.zip(contingent).map(|(f, c)| (f * c).floor());
    let mut heads = Decimal::ZERO;
    lines
        .into_iter()
        .map(|(_, mut l)| {
            if l.level.is_some() {
                let gets_fixed = cap_heads.map(|cap| heads < cap);
                if gets_fixed == Some(true) {
                    heads += Decimal::ONE;
                } else if gets_fixed == Some(false) {
                    l.note("head_cap_reached");
                    l.fixed_part = l.fixed_part.map(|_| Decimal::ZERO);
                }
                l.cap = cap_heads;
                l.exact = match gets_fixed {
                    Some(_) => l.fixed_part.zip(l.variable_part).map(|(f, v)| f + v),
                    None => None,
                };
            }
            l
        })
        .collect()
}

fn organisation_support(input: &ClaimInput, period: &ReportingPeriod, ctx: &mut Ctx) -> Vec<ClaimLine> {
    let first = period.first_day();
    let fte: Decimal =
        input.workers.iter().map(|w| share(&counted(w, ctx.stream), &period.span(), period.days())).sum();
    let per_fte = ctx.get("amount_per_fte", first);
    let supplement = ctx.get("supplement_per_fte", first);
    let limit = ctx.get("supplement_fte_limit", first);
    let mut line = ClaimLine::new(&ctx.stream.code);
    line.days = period.days();
    line.fte = fte;
    line.rate = per_fte;
    line.cap = limit;
    if let (Some(a), Some(s), Some(lim)) = (per_fte, supplement, limit) {
        line.fixed_part = Some(a * fte);
        line.variable_part = Some(s * fte.min(lim));
        line.exact = Some(a * fte + s * fte.min(lim));
    }
    vec![line]
}

fn supervision(input: &ClaimInput, period: &ReportingPeriod, ctx: &mut Ctx) -> Vec<ClaimLine> {
    let people: Vec<&[EmploymentPeriod]> = input.workers.iter().map(|w| w.periods.as_slice()).collect();
    let report = ratio_report(&input.rules, &people, period);
    let mut line = ClaimLine::new(&ctx.stream.code);
    line.days = period.days();
    let f = &report.summary.figures;
    line.fte = f.subsidisable_supervisor_fte.unwrap_or_default();
    line.target_fte = f.target_fte;
    line.supervisor_fte = f.supervisor_fte;
    line.allowed_fte = f.allowed_supervisor_fte;
    line.method = Some(report.segments[0].parameters.method());
    let mut exact = Some(Decimal::ZERO);
    for seg in &report.segments {
        let Some(subsidisable) = seg.figures.subsidisable_supervisor_fte else {
            ctx.problem("claims.supervision_unknown", None, &[], true);
            exact = None;
            continue;
        };
        let end = seg.span.end.expect("bounded");
        let dates = ctx.stream.change_dates("amount_per_fte_year", seg.span.start, end);
        for part in split(seg.span, &dates) {
            let amount = ctx.get("amount_per_fte_year", part.start);
            let days = days_of(&part);
            let value = amount
                .map(|a| subsidisable * a * Decimal::from(days) / (Decimal::from(4) * Decimal::from(period.days())));
            exact = exact.zip(value).map(|(e, v)| e + v);
            line.segments.push(LineSegment {
                first_day: part.start,
                last_day: last_day(&part),
                days,
                share: subsidisable,
                reference: amount,
                rate: None,
                seniority_index: None,
                value,
                fixed: None,
            });
        }
    }
    if report.segments.iter().all(|s| s.parameters.method() == NormMethod::Block) {
        line.method = Some(NormMethod::Block);
    }
    line.exact = exact;
    vec![line]
}

fn attest_spans(w: &WorkerInput) -> Vec<DateSpan> {
    w.attributes.sine_attests.iter().map(|a| DateSpan::from_inclusive(a.first_day, a.last_day)).collect()
}

fn sine(w: &WorkerInput, period: &ReportingPeriod, ctx: &mut Ctx) -> Option<ClaimLine> {
    let ps = counted(w, ctx.stream);
    let attests = attest_spans(w);
    if attests.is_empty() || covered_days(&ps, &period.span()) == 0 {
        return None;
    }
    let mut line = worker_line(ctx.stream, w, &ps, period);
    let mut exact = Some(Decimal::ZERO);
    let mut any = false;
    for (month_no, month) in months_of(period) {
        let month_days = days_of(&month);
        // The fraction of the month both employed and covered by an attest.
        let mut fraction = Decimal::ZERO;
        let mut days = 0;
        for a in &attests {
            let Some(inter) = intersect(&month, a) else { continue };
            fraction += share(&ps, &inter, month_days);
            days += covered_days(&ps, &inter);
        }
        if fraction.is_zero() {
            continue;
        }
        any = true;
        let amount = ctx.get("amount_per_month", month.start);
        let cap = ctx.get("cap_per_month", month.start);
        let net = w.payroll.get(&month_no).and_then(|p| p.net_wage);
        if net.is_none() {
            ctx.problem(
                "claims.payroll_missing",
                Some(w.person_id),
                &[("meaning", "net_wage".into()), ("month", format!("{}-{:02}", month.start.year(), month_no))],
                true,
            );
        }
        let value = match (amount, cap, net) {
            (Some(a), Some(c), Some(n)) => {
                let base = (a * fraction).min(c);
                if n < base {
                    line.note("net_wage_cap");
                }
                Some(base.min(n))
            }
            _ => None,
        };
        exact = exact.zip(value).map(|(e, v)| e + v);
        line.segments.push(LineSegment {
            first_day: month.start,
            last_day: last_day(&month),
            days,
            share: fraction,
            reference: amount,
            rate: None,
            seniority_index: None,
            value,
            fixed: None,
        });
        line.cap = cap;
        line.rate = amount;
    }
    if !any {
        return None;
    }
    line.exact = exact;
    Some(line)
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

fn by_days_paid(w: &WorkerInput, period: &ReportingPeriod, ctx: &mut Ctx) -> Option<ClaimLine> {
    let ps = counted(w, ctx.stream);
    if covered_days(&ps, &period.span()) == 0 {
        return None;
    }
    let mut line = worker_line(ctx.stream, w, &ps, period);
    let mut exact = Some(Decimal::ZERO);
    let (start, end) = (period.first_day(), period.end_exclusive());
    let dates = ctx.stream.change_dates("amount_per_month", start, end);
    let mut rates = Vec::new();
    for (_, month) in months_of(period) {
        let month_days = days_of(&month);
        for seg in split(month, &dates) {
            let days = covered_days(&ps, &seg);
            if days == 0 {
                continue;
            }
            let amount = ctx.get("amount_per_month", seg.start);
            let value = amount.map(|a| a * Decimal::from(days) / Decimal::from(month_days));
            exact = exact.zip(value).map(|(e, v)| e + v);
            if let Some(a) = amount.filter(|a| !rates.contains(a)) {
                rates.push(a);
            }
            line.segments.push(LineSegment {
                first_day: seg.start,
                last_day: last_day(&seg),
                days,
                share: Decimal::from(days) / Decimal::from(month_days),
                reference: amount,
                rate: None,
                seniority_index: None,
                value,
                fixed: None,
            });
        }
    }
    if rates.len() == 1 {
        line.rate = Some(rates[0]);
    }
    line.exact = exact;
    Some(line)
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
