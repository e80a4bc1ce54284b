//! Supervision ratios, contingent use and target-group share of one work form over a
//! reporting period (docs/domain/ratios.md: "The figures", "Methods", "Parameter changes inside a
//! period", "Contingents and the yearly minimum", and examples A and B of "Worked examples").
//!
//! The caller passes the work form's [`RuleSet`] and the employment periods that belong to
//! that work form, grouped per person. Everything is exact `Decimal`; round with
//! [`crate::fte::round_fte`] only to show.
//!
//! **Segments.** A period is split at every day inside it on which a parameter changes
//! ([`RuleSet::change_dates_in`]). Each [`RatioSegment`] has its own parameters and its
//! own figures, FTE being relative to the segment's own days (a full-time worker is 1 FTE
//! in every segment).
//!
//! **Whole period.** [`RatioSummary`] holds, for each FTE figure (target, supervisor,
//! allowed, subsidisable, headroom, minimum share), the days-weighted average of the
//! segments: Σ figure × segment days ÷ period days. For FTE this equals the FTE over the
//! whole period. Under the block method the block rule is applied per segment (to that
//! segment's target FTE and norm) and the results are then weighted, so half a quarter
//! with one block and half with two gives 1,5. A figure unknown in any segment is unknown
//! for the whole period. Ratios and the target share of the whole period are not averages
//! of segment ratios (which would weigh a short segment with few supervisors as heavily as
//! a long one); they are the quotients of the period's FTE figures.

use crate::category::Category;
use crate::employment::EmploymentPeriod;
use crate::fte::{category_overview_in_span, span_days, CategoryFigures};
use crate::organisation::WorkFormKind;
use crate::period::{DateSpan, ReportingPeriod};
use crate::rules::{snap, InForce, NormMethod, Parameters, RuleSet};
use crate::violation::Violation;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Everyone a supervisor guides: target-group workers of every kind and work-care
/// participants (the ratio actually worked).
fn counts_as_worker(c: Category) -> bool {
    c.is_target_group() || c == Category::WorkCare
}

/// The figures of a segment or of the whole period. `None` = cannot be known from the
/// parameters (e.g. no norm for the work form) or a division by zero.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatioFigures {
    /// FTE of the target categories in force.
    pub target_fte: Option<Decimal>,
    /// FTE of the supervisor categories in force.
    pub supervisor_fte: Option<Decimal>,
    /// FTE of every category of the work form.
    pub total_fte: Decimal,
    /// FTE of the target categories ÷ FTE of the supervisor categories in force (by
    /// default target_group_recognised ÷ supervisor_recognised; work_care in work care).
    pub recognised_ratio: Option<Decimal>,
    /// All target-group FTE (recognised, non-recognised, article 60) and work-care FTE ÷
    /// all supervisor FTE.
    pub worked_ratio: Option<Decimal>,
    /// Supervisor FTE the norm allows for `target_fte`, by the method in force.
    pub allowed_supervisor_fte: Option<Decimal>,
    /// The same under the other method (the rule is not confirmed; show both).
    pub allowed_by_other_method: Option<Decimal>,
    /// min(supervisor FTE, allowed), and at most the supervisor contingent when known.
    pub subsidisable_supervisor_fte: Option<Decimal>,
    /// allowed − supervisor FTE; negative = supervisors in excess of the norm.
    pub headroom: Option<Decimal>,
    /// target FTE ÷ total FTE.
    pub target_share: Option<Decimal>,
    /// The minimum target share in force (days-weighted for the whole period).
    pub minimum_target_share: Option<Decimal>,
    /// target_share < minimum_target_share.
    pub below_minimum_share: Option<bool>,
}

/// A part of the reporting period with one set of parameters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatioSegment {
    /// Half-open `[first_day, last_day + 1)`.
    pub span: DateSpan,
    pub first_day: NaiveDate,
    /// Inclusive, for display.
    pub last_day: NaiveDate,
    pub days: i64,
    /// In force on `first_day` (and, by construction, on every day of the segment).
    pub parameters: Parameters,
    /// Heads and FTE per category over the segment, in [`Category::ALL`] order.
    pub categories: Vec<CategoryFigures>,
    /// Distinct people with a day in the segment.
    pub heads: u32,
    pub figures: RatioFigures,
}

/// The whole reporting period (see the module documentation for how it is weighted).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatioSummary {
    pub span: DateSpan,
    pub first_day: NaiveDate,
    pub last_day: NaiveDate,
    pub days: i64,
    /// Heads and FTE per category over the whole period.
    pub categories: Vec<CategoryFigures>,
    pub heads: u32,
    pub figures: RatioFigures,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RatioReport {
    pub work_form: WorkFormKind,
    pub period: ReportingPeriod,
    /// At least one; more when a parameter changes inside the period.
    pub segments: Vec<RatioSegment>,
    pub summary: RatioSummary,
}

fn quotient(numerator: Decimal, divisor: Decimal) -> Option<Decimal> {
    if divisor.is_zero() {
        None
    } else {
        Some(numerator / divisor)
    }
}

/// FTE of the categories for which `counts` holds (each category once).
fn fte_where(categories: &[CategoryFigures], counts: impl Fn(Category) -> bool) -> Decimal {
    categories.iter().filter(|f| counts(f.category)).map(|f| f.fte).sum()
}

/// Splits a bounded `span` at the parameter change dates inside it.
pub fn segment_spans(rules: &RuleSet, span: &DateSpan) -> Vec<DateSpan> {
    let mut out = Vec::new();
    let mut start = span.start;
    for change in rules.change_dates_in(span) {
        out.push(DateSpan::new(start, Some(change)));
        start = change;
    }
    out.push(DateSpan::new(start, span.end));
    out
}

fn segment_figures(params: &Parameters, categories: &[CategoryFigures]) -> RatioFigures {
    let target_fte = params.target_categories_value().map(|cats| fte_where(categories, |c| cats.contains(&c)));
    let supervisor_fte = params.supervisor_categories_value().map(|cats| fte_where(categories, |c| cats.contains(&c)));
    let total_fte = fte_where(categories, |_| true);
    let method = params.method();
    let allowed_by = |m: NormMethod| match (target_fte, params.norm_value()) {
        (Some(t), Some(norm)) => m.allowed_supervisor_fte(t, norm),
        _ => None,
    };
    let allowed = allowed_by(method);
    let (subsidisable, headroom) = match (allowed, supervisor_fte) {
        (Some(a), Some(s)) => {
            let capped = match params.contingent_supervisor_value() {
                Some(contingent) => s.min(a).min(contingent),
                None => s.min(a),
            };
            (Some(capped), Some(a - s))
        }
        _ => (None, None),
    };
    let target_share = target_fte.and_then(|t| quotient(t, total_fte));
    let minimum = params.minimum_target_share_value();
    RatioFigures {
        target_fte,
        supervisor_fte,
        total_fte,
        recognised_ratio: target_fte.zip(supervisor_fte).and_then(|(t, s)| quotient(t, s)),
        worked_ratio: quotient(fte_where(categories, counts_as_worker), fte_where(categories, Category::is_supervisor)),
        allowed_supervisor_fte: allowed,
        allowed_by_other_method: allowed_by(method.other()),
        subsidisable_supervisor_fte: subsidisable,
        headroom,
        target_share,
        minimum_target_share: minimum,
        below_minimum_share: below(target_share, minimum),
    }
}

fn below(value: Option<Decimal>, minimum: Option<Decimal>) -> Option<bool> {
    Some(snap(value?) < snap(minimum?))
}

/// Σ figure × days ÷ total days; `None` when the figure is unknown in any segment.
fn weighted(
    segments: &[RatioSegment],
    days: i64,
    figure: impl Fn(&RatioFigures) -> Option<Decimal>,
) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for s in segments {
        sum += figure(&s.figures)? * Decimal::from(s.days);
    }
    Some(sum / Decimal::from(days))
}

/// The ratio report of one work form over `period` (see the module documentation).
pub fn ratio_report(rules: &RuleSet, people: &[&[EmploymentPeriod]], period: &ReportingPeriod) -> RatioReport {
    let span = period.span();
    let segments: Vec<RatioSegment> = segment_spans(rules, &span)
        .into_iter()
        .map(|seg| {
            let parameters = rules.in_force(seg.start);
            let (categories, heads) = category_overview_in_span(people.iter().copied(), &seg);
            let figures = segment_figures(&parameters, &categories);
            let days = span_days(&seg).expect("a segment of a reporting period has days");
            let end = seg.end.expect("a segment of a reporting period is bounded");
            RatioSegment {
                span: seg,
                first_day: seg.start,
                last_day: end.pred_opt().expect("valid date"),
                days,
                parameters,
                categories,
                heads,
                figures,
            }
        })
        .collect();

    let days = period.days();
    let (categories, heads) = category_overview_in_span(people.iter().copied(), &span);
    let target_fte = weighted(&segments, days, |f| f.target_fte);
    let total_fte = fte_where(&categories, |_| true);
    let target_share = target_fte.and_then(|t| quotient(t, total_fte));
    let minimum_target_share = weighted(&segments, days, |f| f.minimum_target_share);
    let figures = RatioFigures {
        target_fte,
        supervisor_fte: weighted(&segments, days, |f| f.supervisor_fte),
        total_fte,
        recognised_ratio: target_fte
            .zip(weighted(&segments, days, |f| f.supervisor_fte))
            .and_then(|(t, s)| quotient(t, s)),
        worked_ratio: quotient(
            fte_where(&categories, counts_as_worker),
            fte_where(&categories, Category::is_supervisor),
        ),
        allowed_supervisor_fte: weighted(&segments, days, |f| f.allowed_supervisor_fte),
        allowed_by_other_method: weighted(&segments, days, |f| f.allowed_by_other_method),
        subsidisable_supervisor_fte: weighted(&segments, days, |f| f.subsidisable_supervisor_fte),
        headroom: weighted(&segments, days, |f| f.headroom),
        target_share,
        minimum_target_share,
        below_minimum_share: below(target_share, minimum_target_share),
    };
    let summary = RatioSummary {
        span,
        first_day: period.first_day(),
        last_day: period.last_day(),
        days,
        categories,
        heads,
        figures,
    };
    RatioReport { work_form: rules.work_form, period: *period, segments, summary }
}

/// Counted FTE against an allocation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UseFigure {
    /// Counted FTE; `None` when the rule set does not say which categories count.
    pub fte: Option<Decimal>,
    /// The allocated FTE (days-weighted over the quarter); `None` = not known.
    pub allocated: Option<Decimal>,
    /// fte > allocated.
    pub exceeded: Option<bool>,
    /// fte < allocated.
    pub under_used: Option<bool>,
}

impl UseFigure {
    fn new(fte: Option<Decimal>, allocated: Option<Decimal>) -> Self {
        let compare = fte.zip(allocated).map(|(f, a)| (snap(f), snap(a)));
        Self { fte, allocated, exceeded: compare.map(|(f, a)| f > a), under_used: compare.map(|(f, a)| f < a) }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuarterUse {
    pub quarter: ReportingPeriod,
    /// Recognised target-group FTE against `contingent_target_fte`.
    pub target: UseFigure,
    /// Recognised supervisor FTE against `contingent_supervisor_fte`.
    pub supervisor: UseFigure,
}

/// Contingent use of a year up to a quarter (see [`contingent_use`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContingentUse {
    pub work_form: WorkFormKind,
    pub year: i32,
    pub up_to_quarter: u32,
    /// Quarters 1 to `up_to_quarter`.
    pub quarters: Vec<QuarterUse>,
    /// Averages of the quarters so far (each quarter weighs the same).
    pub year_to_date_target: UseFigure,
    pub year_to_date_supervisor: UseFigure,
    /// In force on the last day of `up_to_quarter`.
    pub yearly_minimum_fte: Option<InForce<Decimal>>,
    /// The year average the minimum is judged on: the quarters so far, and the last one
    /// repeated for the quarters still to come (each quarter counts for 25 %). Equal to
    /// the real year average once `up_to_quarter` is 4.
    pub projected_year_average: Option<Decimal>,
    /// projected_year_average < yearly minimum.
    pub minimum_at_risk: Option<bool>,
}

/// Target categories that are never within a contingent: non-recognised workers and
/// article 60 workers are hired outside it (docs/domain/categories.md, "What counts where").
fn counts_in_contingent(category: Category) -> bool {
    !matches!(category, Category::TargetGroupNonRecognised | Category::Article60 | Category::SupervisorNonRecognised)
}

/// Contingent use per quarter of `year`, from quarter 1 up to `up_to_quarter` (1..=4).
///
/// Per quarter: the FTE of the target categories in force that count in a contingent
/// (all of them but target_group_non_recognised and article_60: for a social workshop
/// target_group_recognised, for work care work_care) against `contingent_target_fte`, and
/// the FTE of the supervisor categories in force (but supervisor_non_recognised) against
/// `contingent_supervisor_fte`. When a parameter changes inside a quarter, FTE and
/// allocation are computed per segment and weighted by days. Year to date: the plain
/// average of the quarters (each quarter counts for 25 %, as in the maatwerk rule).
///
/// Violation `ratios.quarter_range` {`value`} (field `quarter`) when `up_to_quarter` is
/// not 1 to 4.
pub fn contingent_use(
    rules: &RuleSet,
    people: &[&[EmploymentPeriod]],
    year: i32,
    up_to_quarter: u32,
) -> Result<ContingentUse, Violation> {
    if !(1..=4).contains(&up_to_quarter) {
        return Err(Violation::new("quarter", "ratios.quarter_range").with("value", up_to_quarter));
    }
    let mut quarters = Vec::new();
    for quarter in 1..=up_to_quarter {
        let period = ReportingPeriod::Quarter { year, quarter };
        let report = ratio_report(rules, people, &period);
        let side = |categories_of: fn(&Parameters) -> Option<Vec<Category>>,
                    allocation_of: fn(&Parameters) -> Option<Decimal>| {
            let fte = weighted_segments(&report, |s| {
                categories_of(&s.parameters)
                    .map(|cats| fte_where(&s.categories, |c| cats.contains(&c) && counts_in_contingent(c)))
            });
            let allocated = weighted_segments(&report, |s| allocation_of(&s.parameters));
            UseFigure::new(fte, allocated)
        };
        quarters.push(QuarterUse {
            quarter: period,
            target: side(Parameters::target_categories_value, Parameters::contingent_target_value),
            supervisor: side(Parameters::supervisor_categories_value, Parameters::contingent_supervisor_value),
        });
    }
    let n = Decimal::from(up_to_quarter);
    let average = |values: Vec<Option<Decimal>>| -> Option<Decimal> {
        values.into_iter().sum::<Option<Decimal>>().map(|total| total / n)
    };
    let year_to_date_target = UseFigure::new(
        average(quarters.iter().map(|q| q.target.fte).collect()),
        average(quarters.iter().map(|q| q.target.allocated).collect()),
    );
    let year_to_date_supervisor = UseFigure::new(
        average(quarters.iter().map(|q| q.supervisor.fte).collect()),
        average(quarters.iter().map(|q| q.supervisor.allocated).collect()),
    );
    let so_far: Option<Decimal> = quarters.iter().map(|q| q.target.fte).sum();
    let last = quarters.last().and_then(|q| q.target.fte);
    let projected_year_average =
        so_far.zip(last).map(|(sum, last)| (sum + last * Decimal::from(4 - up_to_quarter)) / Decimal::from(4));
    let last_day = ReportingPeriod::Quarter { year, quarter: up_to_quarter }.last_day();
    let yearly_minimum_fte = rules.in_force(last_day).yearly_minimum_fte;
    let minimum_at_risk = below(projected_year_average, yearly_minimum_fte.as_ref().map(|m| m.value));
    Ok(ContingentUse {
        work_form: rules.work_form,
        year,
        up_to_quarter,
        quarters,
        year_to_date_target,
        year_to_date_supervisor,
        yearly_minimum_fte,
        projected_year_average,
        minimum_at_risk,
    })
}

/// Σ value × segment days ÷ period days over a report's segments; `None` when unknown in any.
fn weighted_segments(report: &RatioReport, value: impl Fn(&RatioSegment) -> Option<Decimal>) -> Option<Decimal> {
    let mut sum = Decimal::ZERO;
    for s in &report.segments {
        sum += value(s)? * Decimal::from(s.days);
    }
    Some(sum / Decimal::from(report.summary.days))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employment::tests::{d, period};
    use crate::fte::round_fte;
    use crate::rules::{DatedValue, ParameterKey, ParameterValue};
    use std::str::FromStr;
    use Category::*;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn q(s: &str) -> ReportingPeriod {
        ReportingPeriod::parse(s).unwrap()
    }

    /// Rounded to 4 decimals as text, for comparing with hand-computed figures.
    fn r4(value: Option<Decimal>) -> Option<String> {
        value.map(|v| round_fte(v).to_string())
    }

    fn set(key: ParameterKey, value: ParameterValue, from: NaiveDate) -> DatedValue {
        DatedValue::new(key, value, from)
    }

    fn method(m: NormMethod, from: NaiveDate) -> DatedValue {
        set(ParameterKey::NormMethod, ParameterValue::Method(m), from)
    }

    fn people_refs(people: &[Vec<EmploymentPeriod>]) -> Vec<&[EmploymentPeriod]> {
        people.iter().map(|p| p.as_slice()).collect()
    }

    fn full_time(category: Category, from: NaiveDate, last: Option<NaiveDate>) -> Vec<EmploymentPeriod> {
        vec![period(category, from, last, 3800, 3800)]
    }

    /// docs/domain/ratios.md, "Worked examples", A: 7 full-time recognised workers, one
    /// full-time supervisor and one at 0,2 (7,60 of 38 h), the whole of 2026/1.
    fn example_a() -> Vec<Vec<EmploymentPeriod>> {
        let mut people: Vec<Vec<EmploymentPeriod>> =
            (0..7).map(|_| full_time(TargetGroupRecognised, d(2020, 1, 1), None)).collect();
        people.push(full_time(SupervisorRecognised, d(2018, 1, 1), None));
        people.push(vec![period(SupervisorRecognised, d(2018, 1, 1), None, 760, 3800)]);
        people
    }

    #[test]
    fn example_a_pro_rata() {
        let people = example_a();
        let rules = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1));
        let report = ratio_report(&rules, &people_refs(&people), &q("2026/1"));
        assert_eq!(report.segments.len(), 1);
        let seg = &report.segments[0];
        assert_eq!((seg.first_day, seg.last_day, seg.days, seg.heads), (d(2026, 1, 1), d(2026, 3, 31), 90, 9));
        let f = &seg.figures;
        assert_eq!(f.target_fte, Some(dec("7")));
        assert_eq!(f.supervisor_fte, Some(dec("1.2")));
        assert_eq!(r4(f.recognised_ratio).as_deref(), Some("5.8333")); // 7 / 1,2
        assert_eq!(r4(f.worked_ratio).as_deref(), Some("5.8333"));
        assert_eq!(f.allowed_supervisor_fte, Some(dec("1.4"))); // 7 / 5
        assert_eq!(f.subsidisable_supervisor_fte, Some(dec("1.2"))); // min(1,2; 1,4)
        assert_eq!(f.headroom, Some(dec("0.2")));
        assert_eq!(f.allowed_by_other_method, Some(dec("1"))); // ⌊7/5⌋
        assert_eq!(seg.parameters.norm_value(), Some(dec("5")));
        // one segment: the summary is the segment
        assert_eq!(report.summary.figures, seg.figures);
        assert_eq!(report.summary.heads, 9);
    }

    #[test]
    fn example_a_block_and_contingent_cap() {
        let people = example_a();
        let rules =
            RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1)).with(method(NormMethod::Block, d(2025, 1, 1)));
        let f = ratio_report(&rules, &people_refs(&people), &q("2026/1")).summary.figures;
        assert_eq!(f.allowed_supervisor_fte, Some(dec("1"))); // ⌊7/5⌋
        assert_eq!(f.subsidisable_supervisor_fte, Some(dec("1")));
        assert_eq!(f.headroom, Some(dec("-0.2"))); // 0,2 FTE unsubsidised
        assert_eq!(f.allowed_by_other_method, Some(dec("1.4")));

        // pro rata, but the recognition decision grants only 1,1 supervisor FTE
        let capped = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1)).with(set(
            ParameterKey::ContingentSupervisorFte,
            ParameterValue::Decimal(dec("1.1")),
            d(2025, 1, 1),
        ));
        let f = ratio_report(&capped, &people_refs(&people), &q("2026/1")).summary.figures;
        assert_eq!(f.subsidisable_supervisor_fte, Some(dec("1.1"))); // min(1,2; 1,4; 1,1)
        assert_eq!(f.headroom, Some(dec("0.2"))); // headroom is against the norm only
    }

    #[test]
    fn example_b_work_care() {
        // 30, 24, 20, 18, 15, 12, 8 and 8 h/week, S = 30 h: 135 / 30 = 4,5 FTE
        let rules = RuleSet::seed(WorkFormKind::WorkCare, d(2019, 1, 1));
        let params = rules.in_force(d(2026, 1, 1));
        let people: Vec<Vec<EmploymentPeriod>> = [3000, 2400, 2000, 1800, 1500, 1200, 800, 800]
            .into_iter()
            .map(|h| vec![EmploymentPeriod::new(WorkCare, d(2025, 9, 1), None, params.work_care_fraction(h).unwrap())])
            .collect();
        let report = ratio_report(&rules, &people_refs(&people), &q("2026/1"));
        let f = &report.summary.figures;
        // 8/30 h is a recurring decimal: exact to 28 digits, shown with 4
        assert_eq!(r4(f.target_fte).as_deref(), Some("4.5000"));
        assert_eq!(r4(f.allowed_supervisor_fte).as_deref(), Some("0.9000")); // 4,5 / 5
        assert_eq!(f.allowed_by_other_method, Some(dec("0"))); // a full 5 FTE is never reached
        assert_eq!(f.supervisor_fte, Some(dec("0")));
        assert_eq!(f.subsidisable_supervisor_fte, Some(dec("0")));
        assert_eq!(r4(f.headroom).as_deref(), Some("0.9000"));
        assert_eq!(f.recognised_ratio, None); // no supervisors: no ratio, not infinity
        assert_eq!(report.summary.heads, 8);

        let block = rules.with(method(NormMethod::Block, d(2026, 1, 1)));
        let f = ratio_report(&block, &people_refs(&people), &q("2026/1")).summary.figures;
        assert_eq!(f.allowed_supervisor_fte, Some(dec("0")));
        assert_eq!(r4(f.allowed_by_other_method).as_deref(), Some("0.9000"));
    }

    /// Q1 2026 (90 days); the norm goes from 5 to 4 on 1 February.
    /// - 7 full-time recognised workers the whole quarter;
    /// - supervisor A full time, leaves on 15 February (last day);
    /// - supervisor B half time (19 of 38 h) the whole quarter;
    /// - supervisor C at 0,2 (7,60 of 38 h) from 16 February.
    fn norm_change() -> (RuleSet, Vec<Vec<EmploymentPeriod>>) {
        let rules = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1)).with(set(
            ParameterKey::Norm,
            ParameterValue::Decimal(dec("4")),
            d(2026, 2, 1),
        ));
        let mut people: Vec<Vec<EmploymentPeriod>> =
            (0..7).map(|_| full_time(TargetGroupRecognised, d(2020, 1, 1), None)).collect();
        people.push(full_time(SupervisorRecognised, d(2018, 1, 1), Some(d(2026, 2, 15))));
        people.push(vec![period(SupervisorRecognised, d(2018, 1, 1), None, 1900, 3800)]);
        people.push(vec![period(SupervisorRecognised, d(2026, 2, 16), None, 760, 3800)]);
        (rules, people)
    }

    #[test]
    fn norm_change_inside_a_quarter_pro_rata() {
        let (rules, people) = norm_change();
        let report = ratio_report(&rules, &people_refs(&people), &q("2026/1"));
        assert_eq!(report.segments.len(), 2);
        let (jan, rest) = (&report.segments[0], &report.segments[1]);
        assert_eq!((jan.first_day, jan.last_day, jan.days), (d(2026, 1, 1), d(2026, 1, 31), 31));
        assert_eq!((rest.first_day, rest.last_day, rest.days), (d(2026, 2, 1), d(2026, 3, 31), 59));
        assert_eq!(jan.parameters.norm_value(), Some(dec("5")));
        assert_eq!(rest.parameters.norm.as_ref().map(|n| (n.value, n.effective_from)), Some((dec("4"), d(2026, 2, 1))));
        let heads = |s: &RatioSegment| s.categories.iter().find(|c| c.category == SupervisorRecognised).unwrap().heads;
        assert_eq!((heads(jan), heads(rest), jan.heads, rest.heads), (2, 3, 9, 10));

        // January: supervisors A 1 + B 0,5 = 1,5; allowed 7/5 = 1,4.
        let f = &jan.figures;
        assert_eq!(f.supervisor_fte, Some(dec("1.5")));
        assert_eq!(f.allowed_supervisor_fte, Some(dec("1.4")));
        assert_eq!(f.subsidisable_supervisor_fte, Some(dec("1.4")));
        assert_eq!(f.headroom, Some(dec("-0.1")));
        assert_eq!(r4(f.recognised_ratio).as_deref(), Some("4.6667")); // 7 / 1,5

        // 1 Feb – 31 Mar (59 days): A 15 days (1–15 Feb) = 15/59; B 0,5 = 29,5/59;
        // C 0,2 × 44 days (16 Feb – 31 Mar: 13 + 31) = 8,8/59. Together 53,3/59 = 0,903389…
        // Allowed 7/4 = 1,75; subsidisable 53,3/59; headroom 1,75 − 53,3/59 = 0,846610…
        let f = &rest.figures;
        assert_eq!(r4(f.supervisor_fte).as_deref(), Some("0.9034"));
        assert_eq!(f.allowed_supervisor_fte, Some(dec("1.75")));
        assert_eq!(r4(f.subsidisable_supervisor_fte).as_deref(), Some("0.9034"));
        assert_eq!(r4(f.headroom).as_deref(), Some("0.8466"));
        assert_eq!(r4(f.recognised_ratio).as_deref(), Some("7.7486")); // 7 × 59 / 53,3
        assert_eq!(f.allowed_by_other_method, Some(dec("1"))); // ⌊7/4⌋

        // Whole quarter, days-weighted:
        // supervisors (1,5 × 31 + 53,3) / 90 = 99,8 / 90 = 1,108888… (= A 46/90 + B 0,5 + C 8,8/90)
        // allowed (1,4 × 31 + 1,75 × 59) / 90 = 146,65 / 90 = 1,629444…
        // subsidisable (1,4 × 31 + 53,3) / 90 = 96,7 / 90 = 1,074444…
        // headroom (−0,1 × 31 + 103,25 − 53,3) / 90 = 46,85 / 90 = 0,520555…
        // recognised ratio 7 / (99,8 / 90) = 630 / 99,8 = 6,312625…
        let s = &report.summary.figures;
        assert_eq!(s.target_fte, Some(dec("7")));
        assert_eq!(r4(s.supervisor_fte).as_deref(), Some("1.1089"));
        assert_eq!(r4(s.allowed_supervisor_fte).as_deref(), Some("1.6294"));
        assert_eq!(r4(s.subsidisable_supervisor_fte).as_deref(), Some("1.0744"));
        assert_eq!(r4(s.headroom).as_deref(), Some("0.5206"));
        assert_eq!(r4(s.recognised_ratio).as_deref(), Some("6.3126"));
        assert_eq!(r4(s.worked_ratio).as_deref(), Some("6.3126"));
        assert_eq!(round_fte(s.allowed_supervisor_fte.unwrap() - s.supervisor_fte.unwrap()), dec("0.5206"));
        let sup = report.summary.categories.iter().find(|c| c.category == SupervisorRecognised).unwrap();
        assert_eq!((sup.heads, round_fte(sup.fte)), (3, dec("1.1089")));
        assert_eq!(report.summary.heads, 10);
    }

    #[test]
    fn norm_change_inside_a_quarter_block() {
        let (rules, people) = norm_change();
        let rules = rules.with(method(NormMethod::Block, d(2019, 1, 1)));
        let report = ratio_report(&rules, &people_refs(&people), &q("2026/1"));
        // blocks per segment: ⌊7/5⌋ = 1 in January, ⌊7/4⌋ = 1 after; weighted 1.
        assert_eq!(report.segments[0].figures.allowed_supervisor_fte, Some(dec("1")));
        assert_eq!(report.segments[1].figures.allowed_supervisor_fte, Some(dec("1")));
        let s = &report.summary.figures;
        assert_eq!(s.allowed_supervisor_fte, Some(dec("1")));
        // subsidisable: January min(1,5; 1) = 1; then min(53,3/59; 1) = 53,3/59 → (31 + 53,3)/90 = 0,936666…
        assert_eq!(r4(s.subsidisable_supervisor_fte).as_deref(), Some("0.9367"));
        // headroom (−0,5 × 31 + 59 − 53,3) / 90 = −9,8 / 90 = −0,108888…
        assert_eq!(r4(s.headroom).as_deref(), Some("-0.1089"));
    }

    #[test]
    fn block_is_weighted_per_segment() {
        // 11 target FTE all quarter; the norm is 5 until 14 Feb (31 + 14 = 45 days) and 3
        // from 15 Feb (14 + 31 = 45 days): ⌊11/5⌋ = 2 blocks, then ⌊11/3⌋ = 3 blocks,
        // weighted (2 × 45 + 3 × 45) / 90 = 2,5.
        let people: Vec<Vec<EmploymentPeriod>> =
            (0..11).map(|_| full_time(TargetGroupRecognised, d(2020, 1, 1), None)).collect();
        let rules = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1))
            .with(method(NormMethod::Block, d(2019, 1, 1)))
            .with(set(ParameterKey::Norm, ParameterValue::Decimal(dec("3")), d(2026, 2, 15)));
        let report = ratio_report(&rules, &people_refs(&people), &q("2026/1"));
        assert_eq!(report.segments.iter().map(|s| s.days).collect::<Vec<_>>(), vec![45, 45]);
        assert_eq!(report.summary.figures.allowed_supervisor_fte, Some(dec("2.5")));
        // pro rata: (11/5 × 45 + 11/3 × 45) / 90 = (2,2 + 3,6667) / 2 = 2,9333
        assert_eq!(r4(report.summary.figures.allowed_by_other_method).as_deref(), Some("2.9333"));
    }

    #[test]
    fn thirds_of_a_quarter_make_a_whole_block() {
        // 15 full-time workers for 30 of the 90 days each: 15 × 1/3 = 5 FTE → one block.
        let people: Vec<Vec<EmploymentPeriod>> = (0..15)
            .map(|_| full_time(TargetGroupRecognised, d(2026, 3, 2), None)) // 2–31 March: 30 days
            .collect();
        let rules =
            RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1)).with(method(NormMethod::Block, d(2019, 1, 1)));
        let f = ratio_report(&rules, &people_refs(&people), &q("2026/1")).summary.figures;
        assert_eq!(round_fte(f.target_fte.unwrap()), dec("5.0000"));
        assert_eq!(f.allowed_supervisor_fte, Some(dec("1")));
    }

    #[test]
    fn recognised_and_worked_ratios_differ() {
        // docs/domain/categories.md, "How the sector counts them", in small: 4 recognised
        // + 1 non-recognised + 1 article 60 workers, 1 recognised and 0,5 non-recognised
        // supervisor, 1 other staff.
        let mut people: Vec<Vec<EmploymentPeriod>> =
            (0..4).map(|_| full_time(TargetGroupRecognised, d(2020, 1, 1), None)).collect();
        people.push(full_time(TargetGroupNonRecognised, d(2020, 1, 1), None));
        people.push(full_time(Article60, d(2025, 10, 1), None));
        people.push(full_time(SupervisorRecognised, d(2020, 1, 1), None));
        people.push(vec![period(SupervisorNonRecognised, d(2020, 1, 1), None, 1900, 3800)]);
        people.push(full_time(OtherStaff, d(2020, 1, 1), None));
        let rules = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1));
        let f = ratio_report(&rules, &people_refs(&people), &q("2026/1")).summary.figures;
        assert_eq!(f.recognised_ratio, Some(dec("4"))); // 4 / 1
        assert_eq!(f.worked_ratio, Some(dec("4"))); // 6 / 1,5
        assert_eq!(f.target_fte, Some(dec("4")));
        assert_eq!(f.supervisor_fte, Some(dec("1")));
        assert_eq!(f.total_fte, dec("8.5"));
        assert_eq!(f.allowed_supervisor_fte, Some(dec("0.8")));
        assert_eq!(f.subsidisable_supervisor_fte, Some(dec("0.8")));
        assert_eq!(r4(f.headroom).as_deref(), Some("-0.2000"));
        // nothing in the work form: no ratio, zero FTE
        let empty = ratio_report(&rules, &[], &q("2026/1")).summary.figures;
        assert_eq!((empty.recognised_ratio, empty.worked_ratio, empty.target_share), (None, None, None));
        assert_eq!(empty.allowed_supervisor_fte, Some(Decimal::ZERO));
    }

    #[test]
    fn no_norm_means_unknown_entitlement() {
        let people = example_a();
        let rules = RuleSet::seed(WorkFormKind::Insertion, d(2019, 1, 1));
        let f = ratio_report(&rules, &people_refs(&people), &q("2026/1")).summary.figures;
        assert_eq!(f.target_fte, Some(dec("7")));
        assert_eq!(f.supervisor_fte, Some(dec("1.2")));
        assert_eq!((f.allowed_supervisor_fte, f.subsidisable_supervisor_fte, f.headroom), (None, None, None));
        assert_eq!(r4(f.recognised_ratio).as_deref(), Some("5.8333"));

        // a norm known only from 1 March: unknown for the quarter as a whole
        let late = rules.with(set(ParameterKey::Norm, ParameterValue::Decimal(dec("5")), d(2026, 3, 1)));
        let report = ratio_report(&late, &people_refs(&people), &q("2026/1"));
        assert_eq!(report.segments.len(), 2);
        assert_eq!(report.segments[1].figures.allowed_supervisor_fte, Some(dec("1.4")));
        assert_eq!(report.summary.figures.allowed_supervisor_fte, None);
    }

    #[test]
    fn local_services_share() {
        // 3 recognised, 0,5 non-recognised, 1 article 60 = 4,5 target FTE; 3 other staff.
        let mut people: Vec<Vec<EmploymentPeriod>> =
            (0..3).map(|_| full_time(TargetGroupRecognised, d(2020, 1, 1), None)).collect();
        people.push(vec![period(TargetGroupNonRecognised, d(2020, 1, 1), None, 1900, 3800)]);
        people.push(full_time(Article60, d(2025, 1, 1), None));
        let mut staff: Vec<Vec<EmploymentPeriod>> =
            (0..3).map(|_| full_time(OtherStaff, d(2020, 1, 1), None)).collect();
        people.append(&mut staff);
        let rules = RuleSet::seed(WorkFormKind::LocalServices, d(2019, 1, 1));
        let f = ratio_report(&rules, &people_refs(&people), &q("2026/1")).summary.figures;
        assert_eq!(f.target_fte, Some(dec("4.5")));
        assert_eq!(f.total_fte, dec("7.5"));
        assert_eq!(f.target_share, Some(dec("0.6"))); // 4,5 / 7,5
        assert_eq!(f.minimum_target_share, Some(dec("0.5")));
        assert_eq!(f.below_minimum_share, Some(false));
        assert_eq!(f.supervisor_fte, None); // local services count no supervisor side
        assert_eq!(f.allowed_supervisor_fte, None);

        // two more staff: 4,5 / 9,5 = 0,4737 < 0,5
        people.push(full_time(OtherStaff, d(2020, 1, 1), None));
        people.push(full_time(OtherStaff, d(2020, 1, 1), None));
        let f = ratio_report(&rules, &people_refs(&people), &q("2026/1")).summary.figures;
        assert_eq!(r4(f.target_share).as_deref(), Some("0.4737"));
        assert_eq!(f.below_minimum_share, Some(true));

        // exactly half is enough
        let half: Vec<Vec<EmploymentPeriod>> =
            vec![full_time(TargetGroupRecognised, d(2020, 1, 1), None), full_time(OtherStaff, d(2020, 1, 1), None)];
        let f = ratio_report(&rules, &people_refs(&half), &q("2026/1")).summary.figures;
        assert_eq!((f.target_share, f.below_minimum_share), (Some(dec("0.5")), Some(false)));
    }

    /// Maatwerk, contingent 22 target FTE and 4 supervisor FTE from 2026:
    /// 18 recognised workers all year, 5 more until 31 March (Q1 = 23, then 18);
    /// 4 recognised supervisors all year; 2 non-recognised workers (never counted).
    fn maatwerk() -> (RuleSet, Vec<Vec<EmploymentPeriod>>) {
        let rules = RuleSet::seed(WorkFormKind::Maatwerk, d(2019, 1, 1))
            .with(set(ParameterKey::ContingentTargetFte, ParameterValue::Decimal(dec("22")), d(2026, 1, 1)))
            .with(set(ParameterKey::ContingentSupervisorFte, ParameterValue::Decimal(dec("4")), d(2026, 1, 1)));
        let mut people: Vec<Vec<EmploymentPeriod>> =
            (0..18).map(|_| full_time(TargetGroupRecognised, d(2020, 1, 1), None)).collect();
        people.extend((0..5).map(|_| full_time(TargetGroupRecognised, d(2020, 1, 1), Some(d(2026, 3, 31)))));
        people.extend((0..4).map(|_| full_time(SupervisorRecognised, d(2020, 1, 1), None)));
        people.extend((0..2).map(|_| full_time(TargetGroupNonRecognised, d(2020, 1, 1), None)));
        (rules, people)
    }

    #[test]
    fn contingent_exceeded_then_under_used() {
        let (rules, people) = maatwerk();
        let use2 = contingent_use(&rules, &people_refs(&people), 2026, 2).unwrap();
        assert_eq!(use2.quarters.len(), 2);
        let (q1, q2) = (&use2.quarters[0], &use2.quarters[1]);
        assert_eq!(q1.quarter.to_string(), "2026/1");
        assert_eq!(
            q1.target,
            UseFigure {
                fte: Some(dec("23")),
                allocated: Some(dec("22")),
                exceeded: Some(true),
                under_used: Some(false)
            }
        );
        assert_eq!(q2.target.fte, Some(dec("18")));
        assert_eq!((q2.target.exceeded, q2.target.under_used), (Some(false), Some(true)));
        // supervisors exactly at their allocation: neither
        assert_eq!(
            q1.supervisor,
            UseFigure {
                fte: Some(dec("4")),
                allocated: Some(dec("4")),
                exceeded: Some(false),
                under_used: Some(false)
            }
        );
        // year to date: (23 + 18) / 2 = 20,5 against 22
        assert_eq!(use2.year_to_date_target.fte, Some(dec("20.5")));
        assert_eq!(use2.year_to_date_target.allocated, Some(dec("22")));
        assert_eq!(use2.year_to_date_target.under_used, Some(true));
        // projected: (23 + 18 + 18 + 18) / 4 = 19,25 < 20
        assert_eq!(use2.projected_year_average, Some(dec("19.25")));
        assert_eq!(use2.yearly_minimum_fte.as_ref().map(|m| m.value), Some(dec("20")));
        assert_eq!(use2.minimum_at_risk, Some(true));

        // after Q1 only, the projection repeats 23: not at risk
        let use1 = contingent_use(&rules, &people_refs(&people), 2026, 1).unwrap();
        assert_eq!(use1.projected_year_average, Some(dec("23")));
        assert_eq!(use1.minimum_at_risk, Some(false));
        assert_eq!(use1.year_to_date_target.exceeded, Some(true));
    }

    #[test]
    fn contingent_full_year_and_changes_inside_a_quarter() {
        let (rules, mut people) = maatwerk();
        // two hires on 1 October: Q4 = 20 FTE; year = (23 + 18 + 18 + 20) / 4 = 19,75
        people.extend((0..2).map(|_| full_time(TargetGroupRecognised, d(2026, 10, 1), None)));
        // the allocation drops to 20 on 1 May: Q2 = (22 × 30 + 20 × 61) / 91 = 1880 / 91 = 20,6593…
        let rules =
            rules.with(set(ParameterKey::ContingentTargetFte, ParameterValue::Decimal(dec("20")), d(2026, 5, 1)));
        let year = contingent_use(&rules, &people_refs(&people), 2026, 4).unwrap();
        assert_eq!(r4(year.quarters[1].target.allocated).as_deref(), Some("20.6593"));
        assert_eq!(year.quarters[1].target.under_used, Some(true));
        assert_eq!(year.quarters[3].target.allocated, Some(dec("20")));
        assert_eq!(year.quarters[3].target.fte, Some(dec("20")));
        assert_eq!(year.projected_year_average, Some(dec("19.75")));
        assert_eq!(year.minimum_at_risk, Some(true));
        // allocation year to date: (22 + 1880/91 + 20 + 20) / 4 = 20,6648…
        assert_eq!(r4(year.year_to_date_target.allocated).as_deref(), Some("20.6648"));
        assert_eq!(year.year_to_date_target.fte, Some(dec("19.75")));

        // no supervisor contingent known: flags unknown, not "fine"
        let seed_only = RuleSet::seed(WorkFormKind::Maatwerk, d(2019, 1, 1));
        let year = contingent_use(&seed_only, &people_refs(&people), 2026, 4).unwrap();
        assert_eq!(year.quarters[0].supervisor.fte, Some(dec("4")));
        assert_eq!((year.quarters[0].supervisor.allocated, year.quarters[0].supervisor.exceeded), (None, None));
        assert_eq!(year.year_to_date_supervisor.under_used, None);

        // a work form without a yearly minimum is never "at risk"
        let swp = RuleSet::seed(WorkFormKind::SocialWorkshop, d(2019, 1, 1));
        assert_eq!(contingent_use(&swp, &people_refs(&people), 2026, 4).unwrap().minimum_at_risk, None);

        for bad in [0, 5] {
            let err = contingent_use(&swp, &people_refs(&people), 2026, bad).unwrap_err();
            assert_eq!((err.code.as_str(), err.field.as_str()), ("ratios.quarter_range", "quarter"));
        }
    }

    #[test]
    fn work_care_contingent_counts_participants_and_local_services_only_recognised() {
        let rules = RuleSet::seed(WorkFormKind::WorkCare, d(2019, 1, 1)).with(set(
            ParameterKey::ContingentTargetFte,
            ParameterValue::Decimal(dec("5")),
            d(2019, 1, 1),
        ));
        let people: Vec<Vec<EmploymentPeriod>> =
            (0..9).map(|_| vec![period(WorkCare, d(2020, 1, 1), None, 1500, 3000)]).collect();
        let use1 = contingent_use(&rules, &people_refs(&people), 2026, 1).unwrap();
        assert_eq!(use1.quarters[0].target.fte, Some(dec("4.5")));
        assert_eq!(use1.quarters[0].target.under_used, Some(true));

        let local = RuleSet::seed(WorkFormKind::LocalServices, d(2019, 1, 1));
        let people: Vec<Vec<EmploymentPeriod>> = vec![
            full_time(TargetGroupRecognised, d(2020, 1, 1), None),
            full_time(TargetGroupNonRecognised, d(2020, 1, 1), None),
            full_time(Article60, d(2020, 1, 1), None),
        ];
        let use1 = contingent_use(&local, &people_refs(&people), 2026, 1).unwrap();
        assert_eq!(use1.quarters[0].target.fte, Some(dec("1")));
        assert_eq!(use1.quarters[0].supervisor.fte, None);
    }
}
