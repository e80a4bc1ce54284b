//! Dated rule parameters per work form (docs/domain/ratios.md, "The parameters of a work form"
//! and "Norms per work form").
//!
//! A [`RuleSet`] is the history of a work form's parameters: every value is a
//! [`DatedValue`] that applies from its `effective_from` day (inclusive) until the next
//! value of the same key takes effect. [`RuleSet::in_force`] resolves the values of one
//! day into [`Parameters`], where every value carries the day it took effect and its
//! source, so that each figure computed from it can say which value it used and since
//! when. Values are never overwritten: a change is a new dated value.
//!
//! Resolution: for each key, the value with the latest `effective_from` on or before the
//! day applies; of two values of one key with the same date, the later one in
//! [`RuleSet::values`] wins (and [`RuleSet::validate`] reports the duplicate). A value
//! whose kind does not fit its key (e.g. a list of categories for `norm`) resolves to
//! "not known" (`None`), never to an earlier value.
//!
//! Violation codes (the `field` is `value` unless noted; [`RuleSet::validate`] puts
//! `values.<index>.` before the field of a value's own violations):
//! - `rules.value_kind` {`key`, `expected`, `actual`}: the value is of the wrong kind for
//!   its key (`expected`/`actual` are `decimal`, `method`, `categories`, `hundredths`).
//! - `rules.norm_positive` {`value`}: the norm is 0 or negative.
//! - `rules.categories_empty` {`key`}: a category list is empty.
//! - `rules.fte_negative` {`key`, `value`}: a contingent or yearly minimum below 0.
//! - `rules.share_range` {`value`}: `minimum_target_share` outside 0..=1.
//! - `rules.hours_range` {`value`, `max`}: `work_care_hours_per_fte` outside 1..=4800
//!   hundredths (values as hours text, `30,00`).
//! - `rules.duplicate_date` {`key`, `date`} (field `values.<index>.effective_from`): two
//!   values of one key take effect on the same day.
//! - `rules.categories_overlap` {`date`, `category`} (field `supervisor_categories`): on
//!   `date` a category counts both as target group and as supervisor.

use crate::category::Category;
use crate::employment::{hours, Fraction};
use crate::id_enum::id_enum;
use crate::organisation::WorkFormKind;
use crate::period::DateSpan;
use crate::violation::{Violation, Violations};
use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// The `source` of the values [`RuleSet::seed`] creates: a default of the application,
/// not (yet) confirmed by a recognition decision or a legal text.
pub const DEFAULT_SOURCE: &str = "default";

/// Decimal places to which exact FTE sums are snapped before a comparison or a floor.
///
/// FTE is a sum of exact quotients, each rounded by `Decimal` at its 28th significant
/// digit, so three thirds make 0.9999…9 rather than 1. Snapping to 20 decimals removes
/// that representation error (orders of magnitude below 10⁻²⁰ for any real register)
/// while keeping every genuine difference.
pub(crate) const SNAP_DECIMALS: u32 = 20;

pub(crate) fn snap(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(SNAP_DECIMALS, RoundingStrategy::MidpointAwayFromZero)
}

id_enum! {
    /// How the norm turns target-group FTE into the supervisor FTE that may be subsidised
    /// (docs/domain/ratios.md, "Methods": the legal text that decides is not known, hence both).
    #[derive(Default)]
    pub enum NormMethod {
        /// allowed supervisor FTE = target FTE ÷ norm
        #[default]
        ProRata => "pro_rata",
        /// only completed blocks: ⌊target FTE ÷ norm⌋
        Block => "block",
    }
}

impl NormMethod {
    /// The other reading (to show both results side by side).
    pub fn other(self) -> Self {
        match self {
            NormMethod::ProRata => NormMethod::Block,
            NormMethod::Block => NormMethod::ProRata,
        }
    }

    /// Supervisor FTE that `norm` target FTE per supervisor FTE allows for `target_fte`.
    /// `None` when the norm is not positive (no entitlement can be derived from it).
    pub fn allowed_supervisor_fte(self, target_fte: Decimal, norm: Decimal) -> Option<Decimal> {
        if norm <= Decimal::ZERO {
            return None;
        }
        let exact = target_fte / norm;
        Some(match self {
            NormMethod::ProRata => exact,
            NormMethod::Block => snap(exact).floor(),
        })
    }
}

id_enum! {
    /// The parameters a rule set can date. The identifiers are stable (storage, JSON, catalogue
    /// keys `rules.key.<id>`).
    pub enum ParameterKey {
        /// Target-group FTE per subsidised supervisor FTE (decimal; 5 in SWP and work care).
        Norm => "norm",
        /// [`NormMethod`]; `pro_rata` unless set otherwise.
        NormMethod => "norm_method",
        /// Categories counted on the target side (non-empty list).
        TargetCategories => "target_categories",
        /// Categories counted on the supervisor side (non-empty list).
        SupervisorCategories => "supervisor_categories",
        /// Allocated target-group FTE of the recognition decision (decimal; no default).
        ContingentTargetFte => "contingent_target_fte",
        /// Allocated supervisor FTE of the recognition decision (decimal; no default).
        ContingentSupervisorFte => "contingent_supervisor_fte",
        /// Yearly average target-group FTE a maatwerk company must reach (decimal; 20).
        YearlyMinimumFte => "yearly_minimum_fte",
        /// Minimum share of target-group FTE in all FTE (decimal 0..=1; local services 0,5).
        MinimumTargetShare => "minimum_target_share",
        /// Weekly hours of work-care activity that make one FTE (hundredths; 3000 = 30 h).
        WorkCareHoursPerFte => "work_care_hours_per_fte",
    }
}

impl ParameterKey {
    /// The kind of value the key takes ([`ParameterValue::kind_id`]).
    pub fn value_kind(self) -> &'static str {
        match self {
            ParameterKey::Norm
            | ParameterKey::ContingentTargetFte
            | ParameterKey::ContingentSupervisorFte
            | ParameterKey::YearlyMinimumFte
            | ParameterKey::MinimumTargetShare => "decimal",
            ParameterKey::NormMethod => "method",
            ParameterKey::TargetCategories | ParameterKey::SupervisorCategories => "categories",
            ParameterKey::WorkCareHoursPerFte => "hundredths",
        }
    }
}

/// A parameter's value. JSON: `{"decimal":"5"}`, `{"method":"block"}`,
/// `{"categories":["work_care"]}`, `{"hundredths":3000}`.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ParameterValue {
    Decimal(#[cfg_attr(feature = "ts", ts(type = "string"))] Decimal),
    Method(NormMethod),
    Categories(Vec<Category>),
    /// Hundredths of hours.
    Hundredths(u32),
}

impl ParameterValue {
    /// `decimal`, `method`, `categories` or `hundredths`.
    pub fn kind_id(&self) -> &'static str {
        match self {
            ParameterValue::Decimal(_) => "decimal",
            ParameterValue::Method(_) => "method",
            ParameterValue::Categories(_) => "categories",
            ParameterValue::Hundredths(_) => "hundredths",
        }
    }

    /// The value as parameter text for a message (decimal point, category ids joined by `,`).
    fn display(&self) -> String {
        match self {
            ParameterValue::Decimal(d) => d.normalize().to_string(),
            ParameterValue::Method(m) => m.id().to_string(),
            ParameterValue::Categories(c) => c.iter().map(|c| c.id()).collect::<Vec<_>>().join(","),
            ParameterValue::Hundredths(h) => hours(*h),
        }
    }
}

/// One value of one parameter, in force from `effective_from` (inclusive).
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DatedValue {
    pub key: ParameterKey,
    pub value: ParameterValue,
    pub effective_from: NaiveDate,
    /// Where the value comes from (a recognition decision, a legal text, or
    /// [`DEFAULT_SOURCE`]); free text, not a sentence of the application.
    pub source: Option<String>,
}

impl DatedValue {
    pub fn new(key: ParameterKey, value: ParameterValue, effective_from: NaiveDate) -> Self {
        Self { key, value, effective_from, source: None }
    }

    pub fn with_source(mut self, source: impl Into<String>) -> Self {
        self.source = Some(source.into());
        self
    }

    /// Rules of a single value (codes in the module documentation).
    pub fn validate(&self) -> Vec<Violation> {
        let mut out = Vec::new();
        let key = self.key;
        if key.value_kind() != self.value.kind_id() {
            out.push(
                Violation::new("value", "rules.value_kind")
                    .with("key", key.id())
                    .with("expected", key.value_kind())
                    .with("actual", self.value.kind_id()),
            );
            return out;
        }
        match (&self.value, key) {
            (ParameterValue::Decimal(d), ParameterKey::Norm) if *d <= Decimal::ZERO => {
                out.push(Violation::new("value", "rules.norm_positive").with("value", self.value.display()));
            }
            (
                ParameterValue::Decimal(d),
                ParameterKey::ContingentTargetFte
                | ParameterKey::ContingentSupervisorFte
                | ParameterKey::YearlyMinimumFte,
            ) if *d < Decimal::ZERO => {
                out.push(
                    Violation::new("value", "rules.fte_negative")
                        .with("key", key.id())
                        .with("value", self.value.display()),
                );
            }
            (ParameterValue::Decimal(d), ParameterKey::MinimumTargetShare)
                if *d < Decimal::ZERO || *d > Decimal::ONE =>
            {
                out.push(Violation::new("value", "rules.share_range").with("value", self.value.display()));
            }
            (ParameterValue::Categories(c), _) if c.is_empty() => {
                out.push(Violation::new("value", "rules.categories_empty").with("key", key.id()));
            }
            (ParameterValue::Hundredths(h), _) if *h == 0 || *h > Fraction::MAX_HUNDREDTHS => {
                out.push(
                    Violation::new("value", "rules.hours_range")
                        .with("value", hours(*h))
                        .with("max", hours(Fraction::MAX_HUNDREDTHS)),
                );
            }
            _ => {}
        }
        out
    }
}

/// A resolved value: what it is, since when it applies and where it comes from.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InForce<T> {
    pub value: T,
    pub effective_from: NaiveDate,
    pub source: Option<String>,
}

/// The parameters in force on `day`; `None` = no (well-formed) value for the key.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Parameters {
    pub day: NaiveDate,
    #[cfg_attr(feature = "ts", ts(as = "Option<InForce<String>>"))]
    pub norm: Option<InForce<Decimal>>,
    pub norm_method: Option<InForce<NormMethod>>,
    pub target_categories: Option<InForce<Vec<Category>>>,
    pub supervisor_categories: Option<InForce<Vec<Category>>>,
    #[cfg_attr(feature = "ts", ts(as = "Option<InForce<String>>"))]
    pub contingent_target_fte: Option<InForce<Decimal>>,
    #[cfg_attr(feature = "ts", ts(as = "Option<InForce<String>>"))]
    pub contingent_supervisor_fte: Option<InForce<Decimal>>,
    #[cfg_attr(feature = "ts", ts(as = "Option<InForce<String>>"))]
    pub yearly_minimum_fte: Option<InForce<Decimal>>,
    #[cfg_attr(feature = "ts", ts(as = "Option<InForce<String>>"))]
    pub minimum_target_share: Option<InForce<Decimal>>,
    pub work_care_hours_per_fte: Option<InForce<u32>>,
}

fn value_of<T: Clone>(v: &Option<InForce<T>>) -> Option<T> {
    v.as_ref().map(|f| f.value.clone())
}

impl Parameters {
    /// No value known for any key.
    pub fn empty(day: NaiveDate) -> Self {
        Self {
            day,
            norm: None,
            norm_method: None,
            target_categories: None,
            supervisor_categories: None,
            contingent_target_fte: None,
            contingent_supervisor_fte: None,
            yearly_minimum_fte: None,
            minimum_target_share: None,
            work_care_hours_per_fte: None,
        }
    }

    pub fn norm_value(&self) -> Option<Decimal> {
        value_of(&self.norm)
    }

    /// The method in force, or `pro_rata` (the key's default) when none is set.
    pub fn method(&self) -> NormMethod {
        value_of(&self.norm_method).unwrap_or_default()
    }

    pub fn target_categories_value(&self) -> Option<Vec<Category>> {
        value_of(&self.target_categories)
    }

    pub fn supervisor_categories_value(&self) -> Option<Vec<Category>> {
        value_of(&self.supervisor_categories)
    }

    pub fn contingent_target_value(&self) -> Option<Decimal> {
        value_of(&self.contingent_target_fte)
    }

    pub fn contingent_supervisor_value(&self) -> Option<Decimal> {
        value_of(&self.contingent_supervisor_fte)
    }

    pub fn yearly_minimum_value(&self) -> Option<Decimal> {
        value_of(&self.yearly_minimum_fte)
    }

    pub fn minimum_target_share_value(&self) -> Option<Decimal> {
        value_of(&self.minimum_target_share)
    }

    pub fn work_care_hours_per_fte_value(&self) -> Option<u32> {
        value_of(&self.work_care_hours_per_fte)
    }

    /// The occupation fraction of a work-care participant active `hours_per_week`
    /// hundredths of hours: Q = the hours, S = `work_care_hours_per_fte`. `None` when the
    /// hours per FTE are not known.
    pub fn work_care_fraction(&self, hours_per_week: u32) -> Option<Fraction> {
        self.work_care_hours_per_fte_value().map(|s| Fraction::new(hours_per_week, s))
    }

    /// True when every key has the same value (dates and sources aside).
    pub fn same_values(&self, other: &Parameters) -> bool {
        self.norm_value() == other.norm_value()
            && value_of(&self.norm_method) == value_of(&other.norm_method)
            && self.target_categories_value() == other.target_categories_value()
            && self.supervisor_categories_value() == other.supervisor_categories_value()
            && self.contingent_target_value() == other.contingent_target_value()
            && self.contingent_supervisor_value() == other.contingent_supervisor_value()
            && self.yearly_minimum_value() == other.yearly_minimum_value()
            && self.minimum_target_share_value() == other.minimum_target_share_value()
            && self.work_care_hours_per_fte_value() == other.work_care_hours_per_fte_value()
    }

    /// Sets the slot of `v.key` from `v`; a value of the wrong kind leaves it unknown.
    fn set(&mut self, v: &DatedValue) {
        fn slot<T>(v: &DatedValue, value: T) -> Option<InForce<T>> {
            Some(InForce { value, effective_from: v.effective_from, source: v.source.clone() })
        }
        use ParameterKey as K;
        use ParameterValue as V;
        match (v.key, &v.value) {
            (K::Norm, V::Decimal(d)) => self.norm = slot(v, *d),
            (K::NormMethod, V::Method(m)) => self.norm_method = slot(v, *m),
            (K::TargetCategories, V::Categories(c)) => self.target_categories = slot(v, c.clone()),
            (K::SupervisorCategories, V::Categories(c)) => self.supervisor_categories = slot(v, c.clone()),
            (K::ContingentTargetFte, V::Decimal(d)) => self.contingent_target_fte = slot(v, *d),
            (K::ContingentSupervisorFte, V::Decimal(d)) => self.contingent_supervisor_fte = slot(v, *d),
            (K::YearlyMinimumFte, V::Decimal(d)) => self.yearly_minimum_fte = slot(v, *d),
            (K::MinimumTargetShare, V::Decimal(d)) => self.minimum_target_share = slot(v, *d),
            (K::WorkCareHoursPerFte, V::Hundredths(h)) => self.work_care_hours_per_fte = slot(v, *h),
            _ => {}
        }
    }
}

/// The dated parameters of one work form.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleSet {
    pub work_form: WorkFormKind,
    pub values: Vec<DatedValue>,
}

impl RuleSet {
    /// The application's defaults for a work form, all in force from `effective_from`
    /// with source [`DEFAULT_SOURCE`]:
    ///
    /// | work form | values |
    /// |---|---|
    /// | social_workshop | norm 5, pro_rata, target [target_group_recognised], supervisors [supervisor_recognised] |
    /// | work_care | norm 5, pro_rata, target [work_care], supervisors [supervisor_recognised], 30,00 h per FTE |
    /// | maatwerk | yearly minimum 20 FTE, target [target_group_recognised], supervisors [supervisor_recognised] |
    /// | insertion | target [target_group_recognised], supervisors [supervisor_recognised] |
    /// | local_services | minimum target share 0,5, target [target_group_recognised, target_group_non_recognised, article_60] |
    ///
    /// Contingents have no default: they come from the recognition decision.
    pub fn seed(kind: WorkFormKind, effective_from: NaiveDate) -> Self {
        use Category as C;
        use ParameterKey as K;
        use ParameterValue as V;
        let cats = |c: &[Category]| V::Categories(c.to_vec());
        let norm = (K::Norm, V::Decimal(Decimal::from(5)));
        let method = (K::NormMethod, V::Method(NormMethod::ProRata));
        let recognised_target = (K::TargetCategories, cats(&[C::TargetGroupRecognised]));
        let recognised_supervisors = (K::SupervisorCategories, cats(&[C::SupervisorRecognised]));
        let entries: Vec<(ParameterKey, ParameterValue)> = match kind {
            WorkFormKind::SocialWorkshop => vec![norm, method, recognised_target, recognised_supervisors],
            WorkFormKind::WorkCare => vec![
                norm,
                method,
                (K::TargetCategories, cats(&[C::WorkCare])),
                recognised_supervisors,
                (K::WorkCareHoursPerFte, V::Hundredths(3000)),
            ],
            WorkFormKind::Maatwerk => {
                vec![(K::YearlyMinimumFte, V::Decimal(Decimal::from(20))), recognised_target, recognised_supervisors]
            }
            WorkFormKind::Insertion => vec![recognised_target, recognised_supervisors],
            WorkFormKind::LocalServices => vec![
                (K::MinimumTargetShare, V::Decimal(Decimal::new(5, 1))),
                (K::TargetCategories, cats(&[C::TargetGroupRecognised, C::TargetGroupNonRecognised, C::Article60])),
            ],
        };
        let values = entries
            .into_iter()
            .map(|(key, value)| DatedValue::new(key, value, effective_from).with_source(DEFAULT_SOURCE))
            .collect();
        Self { work_form: kind, values }
    }

    /// Adds a dated value (builder style).
    pub fn with(mut self, value: DatedValue) -> Self {
        self.values.push(value);
        self
    }

    /// The parameters in force on `day` (see the module documentation for the rules).
    pub fn in_force(&self, day: NaiveDate) -> Parameters {
        let mut params = Parameters::empty(day);
        for key in ParameterKey::ALL {
            let latest = self
                .values
                .iter()
                .enumerate()
                .filter(|(_, v)| v.key == key && v.effective_from <= day)
                .max_by_key(|(i, v)| (v.effective_from, *i));
            if let Some((_, v)) = latest {
                params.set(v);
            }
        }
        params
    }

    /// The days strictly inside `span` (after its first day, before its exclusive end) on
    /// which the value of some key changes, in order. A value that restates the value
    /// already in force is not a change.
    pub fn change_dates_in(&self, span: &DateSpan) -> Vec<NaiveDate> {
        let mut dates: Vec<NaiveDate> = self
            .values
            .iter()
            .map(|v| v.effective_from)
            .filter(|d| *d > span.start && span.end.is_none_or(|e| *d < e))
            .collect();
        dates.sort();
        dates.dedup();
        dates.retain(|d| {
            let before = d.pred_opt().expect("a day after the span start has a day before it");
            !self.in_force(*d).same_values(&self.in_force(before))
        });
        dates
    }

    /// Rules of the whole set: each value's own rules, no two values of one key on the
    /// same day, and no category on both sides on any day.
    pub fn validate(&self) -> Result<(), Violations> {
        let mut out = Vec::new();
        for (i, v) in self.values.iter().enumerate() {
            for mut violation in v.validate() {
                violation.field = format!("values.{i}.{}", violation.field);
                out.push(violation);
            }
            if self.values[..i].iter().any(|w| w.key == v.key && w.effective_from == v.effective_from) {
                out.push(
                    Violation::new(format!("values.{i}.effective_from"), "rules.duplicate_date")
                        .with("key", v.key.id())
                        .with("date", v.effective_from),
                );
            }
        }
        let mut category_dates: Vec<NaiveDate> = self
            .values
            .iter()
            .filter(|v| matches!(v.key, ParameterKey::TargetCategories | ParameterKey::SupervisorCategories))
            .map(|v| v.effective_from)
            .collect();
        category_dates.sort();
        category_dates.dedup();
        for day in category_dates {
            let p = self.in_force(day);
            if let (Some(target), Some(supervisors)) = (p.target_categories_value(), p.supervisor_categories_value()) {
                for c in Category::ALL.into_iter().filter(|c| target.contains(c) && supervisors.contains(c)) {
                    out.push(
                        Violation::new("supervisor_categories", "rules.categories_overlap")
                            .with("date", day)
                            .with("category", c.id()),
                    );
                }
            }
        }
        Violations::check(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employment::tests::d;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn value(key: ParameterKey, value: ParameterValue, from: NaiveDate) -> DatedValue {
        DatedValue::new(key, value, from)
    }

    #[test]
    fn identifiers_are_stable_json() {
        for k in ParameterKey::ALL {
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.id()));
            assert_eq!(ParameterKey::from_id(k.id()), Some(k));
        }
        for m in NormMethod::ALL {
            assert_eq!(serde_json::to_string(&m).unwrap(), format!("\"{}\"", m.id()));
            assert_eq!(NormMethod::from_id(m.id()), Some(m));
        }
        let v = value(ParameterKey::Norm, ParameterValue::Decimal(dec("4.5")), d(2026, 2, 1)).with_source("BVR");
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"key":"norm","value":{"decimal":"4.5"},"effective_from":"2026-02-01","source":"BVR"}"#
        );
        let back: DatedValue = serde_json::from_str(&serde_json::to_string(&v).unwrap()).unwrap();
        assert_eq!(back, v);
        let cats = ParameterValue::Categories(vec![Category::WorkCare, Category::Article60]);
        assert_eq!(serde_json::to_string(&cats).unwrap(), r#"{"categories":["work_care","article_60"]}"#);
    }

    #[test]
    fn norm_methods_table() {
        // (method, target FTE, norm, allowed)
        let table = [
            (NormMethod::ProRata, "7", "5", Some("1.4")),
            (NormMethod::Block, "7", "5", Some("1")),
            (NormMethod::ProRata, "4.5", "5", Some("0.9")),
            (NormMethod::Block, "4.5", "5", Some("0")),
            (NormMethod::Block, "10", "5", Some("2")),
            (NormMethod::ProRata, "7", "4", Some("1.75")),
            (NormMethod::Block, "7", "4", Some("1")),
            (NormMethod::ProRata, "7", "0", None),
            (NormMethod::Block, "7", "-5", None),
        ];
        for (method, target, norm, expected) in table {
            assert_eq!(
                method.allowed_supervisor_fte(dec(target), dec(norm)),
                expected.map(dec),
                "{method:?} {target} / {norm}"
            );
        }
        // fifteen thirds are 5 FTE: the representation error does not cost a block
        let third = Decimal::ONE / Decimal::from(3);
        let fifteen_thirds: Decimal = (0..15).map(|_| third).sum();
        assert!(fifteen_thirds < Decimal::from(5));
        assert_eq!(NormMethod::Block.allowed_supervisor_fte(fifteen_thirds, Decimal::from(5)), Some(Decimal::ONE));
        assert_eq!(NormMethod::ProRata.other(), NormMethod::Block);
    }

    #[test]
    fn seeds_per_work_form() {
        use Category::*;
        let day = d(2019, 1, 1);
        let swp = RuleSet::seed(WorkFormKind::SocialWorkshop, day).in_force(day);
        assert_eq!(swp.norm_value(), Some(dec("5")));
        assert_eq!(swp.method(), NormMethod::ProRata);
        assert_eq!(swp.target_categories_value(), Some(vec![TargetGroupRecognised]));
        assert_eq!(swp.supervisor_categories_value(), Some(vec![SupervisorRecognised]));
        assert_eq!(swp.contingent_target_fte, None);
        assert_eq!(swp.norm.as_ref().unwrap().source.as_deref(), Some(DEFAULT_SOURCE));
        assert_eq!(swp.norm.as_ref().unwrap().effective_from, day);

        let care = RuleSet::seed(WorkFormKind::WorkCare, day).in_force(day);
        assert_eq!(care.target_categories_value(), Some(vec![WorkCare]));
        assert_eq!(care.work_care_hours_per_fte_value(), Some(3000));
        assert_eq!(care.work_care_fraction(1200), Some(Fraction::new(1200, 3000)));
        assert_eq!(care.norm_value(), Some(dec("5")));

        let maatwerk = RuleSet::seed(WorkFormKind::Maatwerk, day).in_force(day);
        assert_eq!(maatwerk.yearly_minimum_value(), Some(dec("20")));
        assert_eq!(maatwerk.norm, None);

        let insertion = RuleSet::seed(WorkFormKind::Insertion, day).in_force(day);
        assert_eq!(insertion.norm, None);
        assert_eq!(insertion.yearly_minimum_fte, None);
        assert_eq!(insertion.target_categories_value(), Some(vec![TargetGroupRecognised]));

        let local = RuleSet::seed(WorkFormKind::LocalServices, day).in_force(day);
        assert_eq!(local.minimum_target_share_value(), Some(dec("0.5")));
        assert_eq!(
            local.target_categories_value(),
            Some(vec![TargetGroupRecognised, TargetGroupNonRecognised, Article60])
        );
        assert_eq!(local.supervisor_categories, None);
        assert_eq!(local.work_care_fraction(1200), None);

        for kind in WorkFormKind::ALL {
            assert!(RuleSet::seed(kind, day).validate().is_ok(), "{kind:?}");
            // nothing is known before the seed date
            assert_eq!(RuleSet::seed(kind, day).in_force(d(2018, 12, 31)), Parameters::empty(d(2018, 12, 31)));
        }
    }

    #[test]
    fn in_force_takes_the_latest_value_on_or_before_the_day() {
        let rules = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1))
            .with(value(ParameterKey::Norm, ParameterValue::Decimal(dec("4")), d(2026, 2, 1)).with_source("BVR 2026"))
            .with(value(ParameterKey::ContingentSupervisorFte, ParameterValue::Decimal(dec("1.5")), d(2025, 7, 1)));
        let jan = rules.in_force(d(2026, 1, 31));
        assert_eq!(jan.norm_value(), Some(dec("5")));
        assert_eq!(jan.norm.unwrap().effective_from, d(2019, 1, 1));
        let feb = rules.in_force(d(2026, 2, 1));
        assert_eq!(feb.norm_value(), Some(dec("4")));
        assert_eq!(feb.norm.as_ref().unwrap().effective_from, d(2026, 2, 1));
        assert_eq!(feb.norm.as_ref().unwrap().source.as_deref(), Some("BVR 2026"));
        assert_eq!(feb.contingent_supervisor_value(), Some(dec("1.5")));
        assert_eq!(rules.in_force(d(2025, 6, 30)).contingent_supervisor_fte, None);
    }

    #[test]
    fn same_day_later_entry_wins_and_wrong_kind_is_unknown() {
        let rules = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1))
            .with(value(ParameterKey::Norm, ParameterValue::Decimal(dec("6")), d(2026, 1, 1)))
            .with(value(ParameterKey::Norm, ParameterValue::Decimal(dec("4")), d(2026, 1, 1)));
        assert_eq!(rules.in_force(d(2026, 1, 1)).norm_value(), Some(dec("4")));
        let err = rules.validate().unwrap_err();
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].code, "rules.duplicate_date");
        assert_eq!(err.0[0].field, "values.5.effective_from");
        assert_eq!(err.0[0].params["key"], "norm");

        let broken = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1)).with(value(
            ParameterKey::Norm,
            ParameterValue::Method(NormMethod::Block),
            d(2026, 1, 1),
        ));
        assert_eq!(broken.in_force(d(2025, 12, 31)).norm_value(), Some(dec("5")));
        assert_eq!(broken.in_force(d(2026, 1, 1)).norm, None, "a malformed value is unknown, not the old one");
    }

    #[test]
    fn change_dates_strictly_inside_and_only_real_changes() {
        let q1 = crate::period::ReportingPeriod::parse("2026/1").unwrap().span();
        let rules = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2026, 1, 1)) // on the first day: no split
            .with(value(ParameterKey::Norm, ParameterValue::Decimal(dec("4")), d(2026, 2, 1)))
            .with(value(ParameterKey::ContingentTargetFte, ParameterValue::Decimal(dec("20")), d(2026, 2, 1)))
            .with(value(ParameterKey::Norm, ParameterValue::Decimal(dec("4.0")), d(2026, 3, 1))) // restated: no change
            .with(value(ParameterKey::ContingentTargetFte, ParameterValue::Decimal(dec("22")), d(2026, 3, 15)))
            .with(value(ParameterKey::Norm, ParameterValue::Decimal(dec("3")), d(2026, 4, 1))); // the exclusive end
        assert_eq!(rules.change_dates_in(&q1), vec![d(2026, 2, 1), d(2026, 3, 15)]);
        let open = DateSpan::new(d(2026, 3, 1), None);
        assert_eq!(rules.change_dates_in(&open), vec![d(2026, 3, 15), d(2026, 4, 1)]);
    }

    #[test]
    fn validation_codes_table() {
        use ParameterKey as K;
        use ParameterValue as V;
        let day = d(2026, 1, 1);
        // (key, value, expected codes)
        let table: Vec<(ParameterKey, ParameterValue, Vec<&str>)> = vec![
            (K::Norm, V::Decimal(dec("5")), vec![]),
            (K::Norm, V::Decimal(dec("0")), vec!["rules.norm_positive"]),
            (K::Norm, V::Decimal(dec("-1")), vec!["rules.norm_positive"]),
            (K::Norm, V::Hundredths(5), vec!["rules.value_kind"]),
            (K::NormMethod, V::Method(NormMethod::Block), vec![]),
            (K::NormMethod, V::Decimal(dec("1")), vec!["rules.value_kind"]),
            (K::TargetCategories, V::Categories(vec![]), vec!["rules.categories_empty"]),
            (K::SupervisorCategories, V::Categories(vec![]), vec!["rules.categories_empty"]),
            (K::SupervisorCategories, V::Categories(vec![Category::SupervisorRecognised]), vec![]),
            (K::ContingentTargetFte, V::Decimal(dec("0")), vec![]),
            (K::ContingentTargetFte, V::Decimal(dec("-0.5")), vec!["rules.fte_negative"]),
            (K::ContingentSupervisorFte, V::Decimal(dec("-1")), vec!["rules.fte_negative"]),
            (K::YearlyMinimumFte, V::Decimal(dec("-20")), vec!["rules.fte_negative"]),
            (K::MinimumTargetShare, V::Decimal(dec("0")), vec![]),
            (K::MinimumTargetShare, V::Decimal(dec("1")), vec![]),
            (K::MinimumTargetShare, V::Decimal(dec("1.01")), vec!["rules.share_range"]),
            (K::MinimumTargetShare, V::Decimal(dec("-0.1")), vec!["rules.share_range"]),
            (K::WorkCareHoursPerFte, V::Hundredths(3000), vec![]),
            (K::WorkCareHoursPerFte, V::Hundredths(0), vec!["rules.hours_range"]),
            (K::WorkCareHoursPerFte, V::Hundredths(4801), vec!["rules.hours_range"]),
            (K::WorkCareHoursPerFte, V::Decimal(dec("30")), vec!["rules.value_kind"]),
        ];
        for (key, val, expected) in table {
            let got: Vec<String> = value(key, val.clone(), day).validate().into_iter().map(|v| v.code).collect();
            assert_eq!(got, expected, "{key:?} {val:?}");
        }
        let v = value(K::WorkCareHoursPerFte, V::Hundredths(4801), day).validate().remove(0);
        assert_eq!(
            (v.field.as_str(), v.params["value"].as_str(), v.params["max"].as_str()),
            ("value", "48,01", "48,00")
        );
        let v = value(K::Norm, V::Categories(vec![]), day).validate().remove(0);
        assert_eq!(v.params["expected"], "decimal");
        assert_eq!(v.params["actual"], "categories");
    }

    #[test]
    fn a_category_on_both_sides_is_refused() {
        let rules = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1)).with(value(
            ParameterKey::SupervisorCategories,
            ParameterValue::Categories(vec![Category::SupervisorRecognised, Category::TargetGroupRecognised]),
            d(2026, 1, 1),
        ));
        let err = rules.validate().unwrap_err();
        assert_eq!(err.0.len(), 1);
        assert_eq!(err.0[0].code, "rules.categories_overlap");
        assert_eq!(err.0[0].params["date"], "2026-01-01");
        assert_eq!(err.0[0].params["category"], "target_group_recognised");

        let bad = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1)).with(value(
            ParameterKey::Norm,
            ParameterValue::Decimal(Decimal::ZERO),
            d(2026, 1, 1),
        ));
        let err = bad.validate().unwrap_err();
        assert_eq!(err.0[0].field, "values.4.value");
        assert_eq!(err.0[0].params["value"], "0");
    }
}
