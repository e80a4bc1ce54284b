//! Property tests: for random quarters (workers entering, leaving and changing fraction
//! inside the quarter, parameters and attributes changing on random days), every line
//! equals an independent day-by-day computation rounded once, and every stream total
//! equals the sum of its rounded lines.
//!
//! The reference adds each day's contribution with the values in force on that day, so
//! it needs no splitting: it checks that the computation splits at every change.

use super::rules::*;
use super::tests::{input, p, rule_set, stream, worker};
use super::*;
use crate::category::Category::*;
use crate::employment::tests::{d, period};
use crate::rules::{DatedValue, ParameterKey, ParameterValue};
use proptest::prelude::*;

const PCTS: [i64; 8] = [40, 45, 50, 55, 60, 65, 70, 75];

fn cents(c: i64) -> Decimal {
    Decimal::new(c, 2)
}

fn day(offset: i64) -> NaiveDate {
    d(2026, 1, 1) + chrono::Duration::days(offset)
}

/// A random worker: one or two periods (the second may change the fraction), dated
/// attributes, payroll for some months.
#[derive(Debug, Clone)]
struct W {
    start: i64,
    first_len: Option<i64>,
    q1: u32,
    s: u32,
    second: Option<(i64, Option<i64>, u32)>,
    pcts: Vec<(i64, usize)>,
    levels: Vec<(i64, u8)>,
    payroll: Vec<Option<(i64, i64, i64)>>,
}

fn worker_strategy() -> impl Strategy<Value = W> {
    (
        -60i64..80,
        prop::option::of(1i64..120),
        1u32..=3800,
        prop::sample::select(vec![3800u32, 3700, 4000, 3000]),
        prop::option::of((0i64..10, prop::option::of(1i64..90), 1u32..=3800)),
        prop::collection::vec((0i64..90, 0usize..8), 0..3),
        prop::collection::vec((0i64..90, 0u8..3), 0..3),
        prop::collection::vec(prop::option::of((0i64..600_000, 0i64..150_000, 0i64..20_000)), 3),
    )
        .prop_map(|(start, first_len, q1, s, second, pcts, levels, payroll)| W {
            start,
            first_len,
            q1,
            s,
            second,
            pcts,
            levels,
            payroll,
        })
}

fn build(id: i64, w: &W, category: Category) -> WorkerInput {
    let mut periods = Vec::new();
    let first_end = w.first_len.map(|l| day(w.start + l - 1));
    periods.push(period(category, day(w.start), first_end, w.q1, w.s));
    if let (Some(end), Some((gap, len, q2))) = (first_end, w.second) {
        let start = end + chrono::Duration::days(gap + 1);
        periods.push(period(category, start, len.map(|l| start + chrono::Duration::days(l - 1)), q2, w.s));
    }
    let mut out = worker(id, periods);
    out.attributes.wage_percentage = std::iter::once((-400, 2usize))
        .chain(w.pcts.iter().copied())
        .map(|(o, i)| Dated { valid_from: day(o), value: Decimal::from(PCTS[i]) })
        .collect();
    out.attributes.guidance_level = std::iter::once((-400, 1u8))
        .chain(w.levels.iter().copied())
        .map(|(o, l)| Dated { valid_from: day(o), value: GuidanceLevel::ALL[l as usize] })
        .collect();
    for (m, pay) in w.payroll.iter().enumerate() {
        if let Some((g, c, r)) = pay {
            out.payroll.insert(
                m as u32 + 1,
                PayrollMonth {
                    gross_wage: cents(*g),
                    employer_contributions: cents(*c),
                    reductions: cents(*r),
                    net_wage: None,
                },
            );
        }
    }
    out
}

/// A parameter with a value from before the quarter and changes on random days in it.
fn dated(base: i64, changes: &[(i64, i64)]) -> Vec<DatedParam> {
    let mut v = vec![p(d(2019, 1, 1), &cents(base).to_string())];
    for (o, c) in changes {
        if !v.iter().any(|x| x.valid_from == day(*o)) {
            v.push(p(day(*o), &cents(*c).to_string()));
        }
    }
    v
}

fn changes() -> impl Strategy<Value = Vec<(i64, i64)>> {
    prop::collection::vec((1i64..90, 100_000i64..300_000), 0..3)
}

fn value_on(list: &[DatedParam], t: NaiveDate) -> Exact {
    Exact::from_decimal(list.iter().filter(|p| p.valid_from <= t).max_by_key(|p| p.valid_from).unwrap().value.unwrap())
}

fn days_in_month(t: NaiveDate) -> i64 {
    let first = t.with_day(1).unwrap();
    (first + Months::new(1) - first).num_days()
}

/// Σ Q/S of the periods running on `t` (0 when none).
fn fraction_on(w: &WorkerInput, t: NaiveDate) -> Exact {
    w.periods
        .iter()
        .filter(|p| p.span().contains(t))
        .map(|p| Exact::ratio(i64::from(p.fraction.q), i64::from(p.fraction.s)))
        .sum()
}

fn quarter_days() -> impl Iterator<Item = NaiveDate> {
    (0..90).map(day)
}

fn check_totals(r: &ClaimResult) {
    for s in &r.streams {
        let sum: Decimal = r.lines.iter().filter(|l| l.stream == s.code).filter_map(|l| l.amount).sum();
        assert_eq!(s.amount, sum, "stream {} is the sum of its rounded lines", s.code);
    }
    assert_eq!(r.total, r.streams.iter().map(|s| s.amount).sum::<Decimal>());
}

fn check_line(l: &ClaimLine, reference: &Exact) {
    assert_eq!(l.exact_fraction.as_deref(), Some(reference.fraction().as_str()), "exact value of {:?}", l.person_id);
    assert_eq!(l.amount, reference.round_cent(), "rounded once, half up");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Maatwerk wage premium (S5): cap = Σ over days of 2 × GGMMI(day) × fraction(day) ÷
    /// days of the month; W = Σ pct(day) × the same; premium W ÷ 100 when the referteloon R
    /// reaches the cap C, else R × W ÷ (C × 100).
    #[test]
    fn wage_premium_equals_the_day_by_day_computation(
        workers in prop::collection::vec(worker_strategy(), 1..5),
        ggmmi in changes(),
        factor in prop::collection::vec((1i64..90, 100i64..300), 0..2),
    ) {
        let ggmmi = dated(202_988, &ggmmi);
        let factor = dated(200, &factor);
        let s5 = stream(
            "S5",
            Formula::WagePercentage { cap_wage: true, percentage: PercentageSource::Worker },
            &[TargetGroupRecognised],
            &[("monthly_reference", ggmmi.clone()), ("cap_factor", factor.clone())],
        );
        let ws: Vec<WorkerInput> = workers.iter().enumerate().map(|(i, w)| build(i as i64 + 1, w, TargetGroupRecognised)).collect();
        let r = compute(&input(2026, 1, WorkFormKind::Maatwerk, rule_set(WorkFormKind::Maatwerk, vec![s5]), ws.clone())).unwrap();
        check_totals(&r);
        for w in &ws {
            let (mut cap, mut weighted) = (Exact::zero(), Exact::zero());
            let mut present = false;
            for t in quarter_days() {
                let f = fraction_on(w, t);
                present |= !f.is_zero();
                let c = value_on(&factor, t) * value_on(&ggmmi, t) * f / Exact::int(days_in_month(t));
                let pct = Exact::from_decimal(dated_at(&w.attributes.wage_percentage, t).unwrap());
                cap = cap + c.clone();
                weighted = weighted + pct * c;
            }
            let line = r.lines.iter().find(|l| l.person_id == Some(w.person_id));
            prop_assert_eq!(line.is_some(), present);
            let Some(line) = line else { continue };
            let months: Vec<&PayrollMonth> = w.payroll.values().collect();
            if months.is_empty() {
                prop_assert_eq!(line.amount, None);
                continue;
            }
            let reference_wage: Exact = months
                .iter()
                .map(|m| Exact::from_decimal(m.gross_wage) + Exact::from_decimal(m.employer_contributions) - Exact::from_decimal(m.reductions))
                .sum();
            let hundred = Exact::int(100);
            let exact = if reference_wage >= cap {
                weighted / hundred
            } else {
                reference_wage.max(Exact::zero()) * weighted / (cap * hundred)
            };
            check_line(line, &exact);
        }
    }

    /// Article 60 (S10): Σ over covered days of amount(day) ÷ days of the month, per month
    /// at most the month's wage cost when the payroll has it.
    #[test]
    fn article_60_equals_the_day_by_day_computation(
        workers in prop::collection::vec(worker_strategy(), 1..5),
        amounts in changes(),
    ) {
        let amounts = dated(174_129, &amounts);
        let s10 = stream("S10", Formula::MonthlyByDaysPaid, &[Article60], &[("amount_per_month", amounts.clone())]);
        let ws: Vec<WorkerInput> = workers.iter().enumerate().map(|(i, w)| build(i as i64 + 1, w, Article60)).collect();
        let r = compute(&input(2026, 1, WorkFormKind::Maatwerk, rule_set(WorkFormKind::Maatwerk, vec![s10]), ws.clone())).unwrap();
        check_totals(&r);
        for w in &ws {
            let mut total = Exact::zero();
            let mut present = false;
            for m in 1..=3u32 {
                let mut month = Exact::zero();
                let days: Vec<NaiveDate> = quarter_days().filter(|t| t.month() == m).collect();
                let mut covered = false;
                for t in days {
                    if w.periods.iter().any(|p| p.span().contains(t)) {
                        covered = true;
                        month = month + value_on(&amounts, t) / Exact::int(days_in_month(t));
                    }
                }
                present |= covered;
                if let (true, Some(pay)) = (covered, w.payroll.get(&m)) {
                    let cost = (Exact::from_decimal(pay.gross_wage) + Exact::from_decimal(pay.employer_contributions)
                        - Exact::from_decimal(pay.reductions)).max(Exact::zero());
                    month = month.min(cost);
                }
                total = total + month;
            }
            let line = r.lines.iter().find(|l| l.person_id == Some(w.person_id));
            prop_assert_eq!(line.is_some(), present);
            if let Some(line) = line {
                check_line(line, &total);
            }
        }
    }

    /// Guidance premium (S6) with a contingent no one reaches: fixed(level(day)) ÷ covered
    /// days over each covered day, plus variable(level(day)) × fraction(day) ÷ 90.
    #[test]
    fn guidance_premium_equals_the_day_by_day_computation(
        workers in prop::collection::vec(worker_strategy(), 1..5),
        fixed in changes(),
        variable in changes(),
    ) {
        let fixed = dated(40_000, &fixed);
        let variable = dated(20_000, &variable);
        let mut params: Vec<(&str, Vec<DatedParam>)> = vec![("head_cap_factor", vec![p(d(2019, 1, 1), "1.15")])];
        for l in ["low", "medium", "high"] {
            params.push((if l == "low" { "fixed_low" } else if l == "medium" { "fixed_medium" } else { "fixed_high" }, fixed.clone()));
            params.push((if l == "low" { "variable_low" } else if l == "medium" { "variable_medium" } else { "variable_high" }, variable.clone()));
        }
        let s6 = stream("S6", Formula::GuidancePremium, &[TargetGroupRecognised], &params);
        let ws: Vec<WorkerInput> = workers.iter().enumerate().map(|(i, w)| build(i as i64 + 1, w, TargetGroupRecognised)).collect();
        let mut inp = input(2026, 1, WorkFormKind::Maatwerk, rule_set(WorkFormKind::Maatwerk, vec![s6]), ws.clone());
        inp.rules = inp.rules.clone().with(DatedValue::new(ParameterKey::ContingentTargetFte, ParameterValue::Decimal(Decimal::from(100)), d(2019, 1, 1)));
        let r = compute(&inp).unwrap();
        check_totals(&r);
        for w in &ws {
            let covered: Vec<NaiveDate> = quarter_days().filter(|t| w.periods.iter().any(|p| p.span().contains(*t))).collect();
            let line = r.lines.iter().find(|l| l.person_id == Some(w.person_id));
            prop_assert_eq!(line.is_some(), !covered.is_empty());
            let Some(line) = line else { continue };
            let n = Exact::int(covered.len() as i64);
            let mut exact = Exact::zero();
            for t in quarter_days() {
                if covered.contains(&t) {
                    exact = exact + value_on(&fixed, t) / n.clone();
                }
                exact = exact + value_on(&variable, t) * fraction_on(w, t) / Exact::int(90);
            }
            check_line(line, &exact);
        }
    }
}
