//! Claim rule sets as data (docs/domain/claims.md): a rule set per regime holds subsidy streams;
//! each stream has a [`Formula`] and dated parameters ([`DatedParam`]: value, valid from,
//! source, "confirmed by the user"). Two templates ship with the application
//! ([`template`]); a rule set file ([`RuleFile`]) carries one or more rule sets as JSON so
//! a federation can hand its members one file a year.
//!
//! Percentages are written as percent (`60` = 60 %); amounts in euro with a decimal point.
//!
//! Violation codes of [`ClaimRuleSet::validate`] and [`RuleFile::parse`] (field in brackets):
//! - `claims.file_format` {`detail`} (`file`): not a rule set file (JSON error or another format).
//! - `claims.file_version` {`value`} (`file`): a format version this application does not read.
//! - `claims.code_required` (`code`): a rule set or stream without its code.
//! - `claims.stream_duplicate` {`stream`} (`streams.<i>.code`): two streams with one code.
//! - `claims.categories_empty` {`stream`} (`streams.<i>.categories`): a per-worker stream
//!   that applies to no category.
//! - `claims.parameter_unknown` {`stream`, `parameter`}: a parameter the formula does not use.
//! - `claims.parameter_absent` {`stream`, `parameter`}: a parameter the formula needs is not
//!   listed (list it with no values, or with a value `null`, when it is not known).
//! - `claims.parameter_duplicate_date` {`stream`, `parameter`, `date`}: two values from one day.
//! - `claims.value_negative` {`stream`, `parameter`, `value`}: a negative amount or percentage.
//! - `claims.percentage_range` {`stream`, `parameter`, `value`}: a percentage above 100.
//! - `claims.valid_until_before_from` (`valid_until`).

use crate::category::Category;
use crate::organisation::WorkFormKind;
use crate::violation::{Violation, Violations};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// One value of a stream parameter, in force from `valid_from` (inclusive) until the next
/// value of the same parameter. `value: None` = not known: a claim that needs it lists a
/// problem and computes no amount.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedParam {
    pub valid_from: NaiveDate,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(type = "string | null"))]
    pub value: Option<Decimal>,
    /// Where the value comes from (legal text, department table, web page); free text.
    #[serde(default)]
    pub source: Option<String>,
    /// The user checked the value against its source.
    #[serde(default)]
    pub confirmed: bool,
}

/// How a stream's percentage is found.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "from", rename_all = "snake_case")]
pub enum PercentageSource {
    /// The worker's dated `wage_percentage` attribute (maatwerk: 40 … 75).
    Worker,
    /// Parameters `step_1` … `step_<steps>` by the worker's seniority index (year or
    /// quarter of employment since the `seniority_start` attribute); beyond the last step
    /// the premium has ended (0).
    Seniority { unit: SeniorityUnit, steps: u32 },
}

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeniorityUnit {
    /// Year n runs from the (n−1)th anniversary of the start up to the day before the nth.
    Year,
    /// The calendar quarter of the start is quarter 1.
    Quarter,
}

/// The formula kinds (docs/domain/claims.md, S1–S10). Each needs the parameters
/// [`Formula::parameter_names`] lists.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Formula {
    /// Supervision premium (S2, S3): subsidisable supervisor FTE of the ratio report (norm
    /// and pro-rata/block method of the work form's rules) × `amount_per_fte_year` ÷ 4.
    /// One line for the work form.
    PerEligibleFte,
    /// Percentage of a capped reference (S1, S4, S5, S8). Per month:
    /// cap = `cap_factor` × `monthly_reference` (GGMMI) × the worker's FTE in that month;
    /// with `cap_wage` the premium is pct × min(referteloon of the quarter, Σ caps), else
    /// pct × Σ caps (a premium on the reference itself, e.g. GGMMI × 12 ÷ 4).
    WagePercentage { cap_wage: bool, percentage: PercentageSource },
    /// Guidance premium (S6): `fixed_<level>` per head + `variable_<level>` × µ (quarterly
    /// amounts), the fixed part for at most ⌊`head_cap_factor` × contingent⌋ heads.
    GuidancePremium,
    /// Organisation support (S7): `amount_per_fte` × FTE + `supplement_per_fte` ×
    /// min(FTE, `supplement_fte_limit`), quarterly amounts. One line for the work form.
    PerFteWithSupplement,
    /// SINE allowance (S9b), per month covered by an attest:
    /// min(`amount_per_month` × fraction, `cap_per_month`, net wage of the month).
    CappedMonthlyAllowance,
    /// Article 60 §7 (S10): `amount_per_month` × days paid ÷ days of the month.
    MonthlyByDaysPaid,
}

impl Formula {
    /// The parameter names the formula reads.
    pub fn parameter_names(&self) -> Vec<String> {
        let names: &[&str] = match self {
            Formula::PerEligibleFte => &["amount_per_fte_year"],
            Formula::WagePercentage { .. } => &["monthly_reference", "cap_factor"],
            Formula::GuidancePremium => &[
                "fixed_low",
                "fixed_medium",
                "fixed_high",
                "variable_low",
                "variable_medium",
                "variable_high",
                "head_cap_factor",
            ],
            Formula::PerFteWithSupplement => &["amount_per_fte", "supplement_per_fte", "supplement_fte_limit"],
            Formula::CappedMonthlyAllowance => &["amount_per_month", "cap_per_month"],
            Formula::MonthlyByDaysPaid => &["amount_per_month"],
        };
        let mut out: Vec<String> = names.iter().map(|s| s.to_string()).collect();
        if let Formula::WagePercentage { percentage: PercentageSource::Seniority { steps, .. }, .. } = self {
            out.extend((1..=*steps).map(|i| format!("step_{i}")));
        }
        out
    }

    /// True for parameters that are percentages (checked ≤ 100).
    pub fn is_percentage(name: &str) -> bool {
        name.starts_with("step_")
    }

    /// One line per worker (false: one line for the work form).
    pub fn per_worker(&self) -> bool {
        !matches!(self, Formula::PerEligibleFte | Formula::PerFteWithSupplement)
    }
}

/// A subsidy stream of a rule set.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stream {
    /// Stable code, `S1` … `S10` (docs/domain/claims.md).
    pub code: String,
    /// Short name as the department writes it (data, e.g. "MW-LP Loonpremie maatwerk").
    pub name: String,
    /// The work form the stream applies to; `None` = every work form of the rule set.
    #[serde(default)]
    pub work_form: Option<WorkFormKind>,
    pub formula: Formula,
    /// Categories whose employment periods count (workers of a per-worker stream; the FTE
    /// of organisation support). Ignored by the supervision premium, which follows the
    /// work form's ratio rules.
    #[serde(default)]
    pub categories: Vec<Category>,
    /// Parameter name → its dated values.
    pub parameters: BTreeMap<String, Vec<DatedParam>>,
}

impl Stream {
    /// The value of `name` in force on `day` (the latest `valid_from` on or before it).
    pub fn param(&self, name: &str, day: NaiveDate) -> Option<&DatedParam> {
        self.parameters.get(name)?.iter().filter(|p| p.valid_from <= day).max_by_key(|p| p.valid_from)
    }

    /// Days strictly after `start` and before `end` on which a value of `name` takes effect.
    pub fn change_dates(&self, name: &str, start: NaiveDate, end: NaiveDate) -> Vec<NaiveDate> {
        self.parameters
            .get(name)
            .map(|v| v.iter().map(|p| p.valid_from).filter(|d| *d > start && *d < end).collect())
            .unwrap_or_default()
    }
}

/// The streams of one regime.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimRuleSet {
    /// Stable code (`sw_1998`, `maatwerk_2019`); a file's rule set replaces the stored one
    /// with the same code.
    pub code: String,
    pub name: String,
    /// The work forms whose claims it computes.
    pub work_forms: Vec<WorkFormKind>,
    pub valid_from: NaiveDate,
    /// Last day (inclusive); `None` = still in force.
    #[serde(default)]
    pub valid_until: Option<NaiveDate>,
    pub streams: Vec<Stream>,
}

impl ClaimRuleSet {
    pub fn stream(&self, code: &str) -> Option<&Stream> {
        self.streams.iter().find(|s| s.code == code)
    }

    /// The streams that apply to a claim of a work form of `kind`.
    pub fn streams_for(&self, kind: WorkFormKind) -> impl Iterator<Item = &Stream> {
        self.streams.iter().filter(move |s| s.work_form.is_none_or(|w| w == kind))
    }

    /// True when the rule set is in force on `day`.
    pub fn in_force_on(&self, day: NaiveDate) -> bool {
        self.valid_from <= day && self.valid_until.is_none_or(|u| day <= u)
    }

    /// Rules of the whole set (codes in the module documentation).
    pub fn validate(&self) -> Result<(), Violations> {
        let mut out = Vec::new();
        if self.code.trim().is_empty() {
            out.push(Violation::new("code", "claims.code_required"));
        }
        if self.valid_until.is_some_and(|u| u < self.valid_from) {
            out.push(Violation::new("valid_until", "claims.valid_until_before_from"));
        }
        for (i, s) in self.streams.iter().enumerate() {
            let f = |name: &str| format!("streams.{i}.{name}");
            if s.code.trim().is_empty() {
                out.push(Violation::new(f("code"), "claims.code_required"));
            }
            if self.streams[..i].iter().any(|o| o.code == s.code) {
                out.push(Violation::new(f("code"), "claims.stream_duplicate").with("stream", &s.code));
            }
            if s.formula != Formula::PerEligibleFte && s.categories.is_empty() {
                out.push(Violation::new(f("categories"), "claims.categories_empty").with("stream", &s.code));
            }
            let needed = s.formula.parameter_names();
            for name in &needed {
                if !s.parameters.contains_key(name) {
                    out.push(
                        Violation::new(f("parameters"), "claims.parameter_absent")
                            .with("stream", &s.code)
                            .with("parameter", name),
                    );
                }
            }
            for (name, values) in &s.parameters {
                let field = format!("streams.{i}.parameters.{name}");
                if !needed.contains(name) {
                    out.push(
                        Violation::new(&field, "claims.parameter_unknown")
                            .with("stream", &s.code)
                            .with("parameter", name),
                    );
                    continue;
                }
                for (j, v) in values.iter().enumerate() {
                    if values[..j].iter().any(|w| w.valid_from == v.valid_from) {
                        out.push(
                            Violation::new(&field, "claims.parameter_duplicate_date")
                                .with("stream", &s.code)
                                .with("parameter", name)
                                .with("date", v.valid_from),
                        );
                    }
                    if let Some(value) = v.value {
                        if value < Decimal::ZERO {
                            out.push(
                                Violation::new(&field, "claims.value_negative")
                                    .with("stream", &s.code)
                                    .with("parameter", name)
                                    .with("value", value),
                            );
                        } else if Formula::is_percentage(name) && value > Decimal::ONE_HUNDRED {
                            out.push(
                                Violation::new(&field, "claims.percentage_range")
                                    .with("stream", &s.code)
                                    .with("parameter", name)
                                    .with("value", value),
                            );
                        }
                    }
                }
            }
        }
        Violations::check(out)
    }

    /// Sets (adds or replaces, by `valid_from`) a value of `stream.parameter`. Violation
    /// `claims.parameter_unknown` when the stream or parameter does not exist.
    pub fn set_param(&mut self, stream: &str, parameter: &str, value: DatedParam) -> Result<(), Violations> {
        let unknown = || {
            Violations::one(
                Violation::new("parameter", "claims.parameter_unknown")
                    .with("stream", stream)
                    .with("parameter", parameter),
            )
        };
        let s = self.streams.iter_mut().find(|s| s.code == stream).ok_or_else(unknown)?;
        if !s.formula.parameter_names().iter().any(|n| n == parameter) {
            return Err(unknown());
        }
        let list = s.parameters.entry(parameter.to_string()).or_default();
        list.retain(|p| p.valid_from != value.valid_from);
        list.push(value);
        list.sort_by_key(|p| p.valid_from);
        self.validate()
    }
}

/// The file format of exported rule sets (JSON).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleFile {
    /// Always [`RuleFile::FORMAT`].
    pub format: String,
    pub format_version: u32,
    pub rule_sets: Vec<ClaimRuleSet>,
}

impl RuleFile {
    pub const FORMAT: &'static str = "werkbank-claim-rules";
    pub const VERSION: u32 = 1;

    pub fn new(rule_sets: Vec<ClaimRuleSet>) -> Self {
        Self { format: Self::FORMAT.into(), format_version: Self::VERSION, rule_sets }
    }

    /// Pretty JSON, parameters sorted by name (readable and diffable year to year).
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("rule sets serialise") + "\n"
    }

    /// Reads a file and validates every rule set (violations prefixed `rule_sets.<i>.`).
    pub fn parse(text: &str) -> Result<Self, Violations> {
        let file: RuleFile = serde_json::from_str(text)
            .map_err(|e| Violations::one(Violation::new("file", "claims.file_format").with("detail", e.to_string())))?;
        if file.format != Self::FORMAT {
            return Err(Violations::one(Violation::new("file", "claims.file_format").with("detail", &file.format)));
        }
        if file.format_version != Self::VERSION {
            return Err(Violations::one(
                Violation::new("file", "claims.file_version").with("value", file.format_version),
            ));
        }
        let mut out = Vec::new();
        for (i, r) in file.rule_sets.iter().enumerate() {
            if let Err(e) = r.validate() {
                out.extend(e.prefixed(&format!("rule_sets.{i}")).0);
            }
        }
        Violations::check(out)?;
        Ok(file)
    }
}

/// The shipped templates: `sw_1998` (sociale werkplaats / arbeidszorg 1998–2018) and
/// `maatwerk_2019` (collectief maatwerk 2019–), with the known values (docs/domain/claims.md, "The
/// rule sets and their templates" and "Stream by stream") and their sources, the unknown ones
/// empty. No value is confirmed by the user yet.
pub fn templates() -> Vec<ClaimRuleSet> {
    [include_str!("templates/sw_1998.json"), include_str!("templates/maatwerk_2019.json")]
        .iter()
        .map(|t| serde_json::from_str(t).expect("template parses"))
        .collect()
}

pub fn template(code: &str) -> Option<ClaimRuleSet> {
    templates().into_iter().find(|t| t.code == code)
}
