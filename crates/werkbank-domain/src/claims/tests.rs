//! Hand-computed claims to the cent for every formula kind. The arithmetic is in the
//! comments; every amount is rounded once per line, half up.

use super::rules::*;
use super::*;
use crate::category::Category;
use crate::employment::tests::{d, period};
use crate::rules::{DatedValue, ParameterKey, ParameterValue};
use std::str::FromStr;

pub(super) fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

pub(super) fn p(from: NaiveDate, value: &str) -> DatedParam {
    DatedParam { valid_from: from, value: Some(dec(value)), source: Some("test".into()), confirmed: true }
}

pub(super) fn stream(
    code: &str,
    formula: Formula,
    categories: &[Category],
    params: &[(&str, Vec<DatedParam>)],
) -> Stream {
    Stream {
        code: code.into(),
        name: code.into(),
        work_form: None,
        formula,
        categories: categories.to_vec(),
        parameters: params.iter().map(|(k, v)| (k.to_string(), v.clone())).collect(),
    }
}

pub(super) fn rule_set(kind: WorkFormKind, streams: Vec<Stream>) -> ClaimRuleSet {
    ClaimRuleSet {
        code: "test".into(),
        name: "test".into(),
        work_forms: vec![kind],
        valid_from: d(1998, 1, 1),
        valid_until: None,
        streams,
    }
}

pub(super) fn worker(id: i64, periods: Vec<EmploymentPeriod>) -> WorkerInput {
    WorkerInput {
        person_id: id,
        label: format!("worker {id}"),
        periods,
        attributes: WorkerAttributes::default(),
        payroll: BTreeMap::new(),
    }
}

pub(super) fn pay(gross: &str, contributions: &str, reductions: &str) -> PayrollMonth {
    PayrollMonth {
        gross_wage: dec(gross),
        employer_contributions: dec(contributions),
        reductions: dec(reductions),
        net_wage: None,
    }
}

pub(super) fn input(
    year: i32,
    quarter: u32,
    kind: WorkFormKind,
    set: ClaimRuleSet,
    workers: Vec<WorkerInput>,
) -> ClaimInput {
    ClaimInput { year, quarter, work_form: kind, rule_set: set, rules: RuleSet::seed(kind, d(1998, 1, 1)), workers }
}

pub(super) fn amount(r: &ClaimResult, stream: &str, person: Option<i64>) -> Option<Decimal> {
    r.lines.iter().find(|l| l.stream == stream && l.person_id == person).unwrap().amount
}

use Category::*;

pub(super) fn maatwerk_wage(ggmmi: Vec<DatedParam>) -> Stream {
    stream(
        "S5",
        Formula::WagePercentage { cap_wage: true, percentage: PercentageSource::Worker },
        &[TargetGroupRecognised],
        &[("monthly_reference", ggmmi), ("cap_factor", vec![p(d(2019, 1, 1), "2")])],
    )
}

#[test]
fn maatwerk_wage_premium_full_time_and_part_time_leaver() {
    let set = rule_set(WorkFormKind::Maatwerk, vec![maatwerk_wage(vec![p(d(2024, 4, 1), "2029.88")])]);
    // 1: full time, whole quarter 2026/1, 60 %. Referteloon per month 2 500 + 600 − 100 =
    // 3 000, quarter 9 000. Cap 2 × 2 029,88 × (1 + 1 + 1) = 12 179,28. Premium 60 % ×
    // min(9 000, 12 179,28) = 5 400,00.
    let mut a = worker(1, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)]);
    a.attributes.wage_percentage = vec![Dated { valid_from: d(2020, 1, 1), value: dec("60") }];
    for m in 1..=3 {
        a.payroll.insert(m, pay("2500", "600", "100"));
    }
    // 2: half time (19/38), leaves on 15/02/2026, 45 %. Shares: January 0,5; February
    // 0,5 × 15/28. Cap 2 × 2 029,88 × (0,5 + 15/56) = 4 059,76 × 43/56 = 3 117,3157142857…
    // Referteloon 2 500 (January) + 1 500 (February) = 4 000 > cap → capped.
    // Premium 45 % × 3 117,3157142857 = 1 402,7920714 → 1 402,79.
    let mut b = worker(2, vec![period(TargetGroupRecognised, d(2022, 1, 1), Some(d(2026, 2, 15)), 1900, 3800)]);
    b.attributes.wage_percentage = vec![Dated { valid_from: d(2022, 1, 1), value: dec("45") }];
    b.payroll.insert(1, pay("2000", "500", "0"));
    b.payroll.insert(2, pay("1200", "300", "0"));
    // 3: recognised from 16/03/2026 only, no payroll yet: a problem, no amount.
    let c = worker(3, vec![period(TargetGroupRecognised, d(2026, 3, 16), None, 3800, 3800)]);
    let r = compute(&input(2026, 1, WorkFormKind::Maatwerk, set, vec![a, b, c])).unwrap();
    assert_eq!(amount(&r, "S5", Some(1)), Some(dec("5400.00")));
    let l2 = r.lines.iter().find(|l| l.person_id == Some(2)).unwrap();
    assert_eq!(l2.amount, Some(dec("1402.79")));
    assert_eq!(l2.reference_wage, Some(dec("4000")));
    assert_eq!(l2.days, 46); // 31 + 15
    assert!(l2.notes.contains(&"reference_wage_capped".to_string()));
    assert_eq!(amount(&r, "S5", Some(3)), None);
    assert!(r.problems.iter().any(|p| p.code == "claims.payroll_missing" && p.person_id == Some(3)));
    assert!(r.problems.iter().any(|p| p.code == "claims.attribute_missing" && p.person_id == Some(3)));
    assert!(!r.complete);
    // Totals are sums of rounded lines: 5 400,00 + 1 402,79.
    assert_eq!(r.streams[0].amount, dec("6802.79"));
    assert!(!r.streams[0].complete);
    assert_eq!(r.total, dec("6802.79"));
    // The parameters used, with their source and valid-from day.
    assert!(r.parameters.iter().any(|u| u.parameter == "monthly_reference" && u.valid_from == d(2024, 4, 1)));
}

#[test]
fn ggmmi_change_inside_the_quarter_splits_the_month() {
    // GGMMI 2 029,88, then 2 100,00 from 15/05/2026. Quarter 2026/2, full time, 50 %.
    // Cap = 2 × (2 029,88 [April] + 2 029,88 × 14/31 + 2 100 × 17/31 [May] + 2 100 [June])
    //     = 2 × (4 129,88 + 64 118,32/31) = 2 × 6 198,2129032… = 12 396,4258064…
    // Referteloon 3 × 5 000 = 15 000 > cap. Premium 50 % × 12 396,4258 = 6 198,2129 → 6 198,21.
    let set = rule_set(
        WorkFormKind::Maatwerk,
        vec![maatwerk_wage(vec![p(d(2024, 4, 1), "2029.88"), p(d(2026, 5, 15), "2100.00")])],
    );
    let mut a = worker(1, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)]);
    a.attributes.wage_percentage = vec![Dated { valid_from: d(2020, 1, 1), value: dec("50") }];
    for m in 4..=6 {
        a.payroll.insert(m, pay("4000", "1000", "0"));
    }
    let r = compute(&input(2026, 2, WorkFormKind::Maatwerk, set, vec![a])).unwrap();
    let l = &r.lines[0];
    assert_eq!(l.segments.len(), 4);
    assert_eq!((l.segments[1].first_day, l.segments[1].last_day), (d(2026, 5, 1), d(2026, 5, 14)));
    assert_eq!(l.segments[2].reference, Some(dec("2100.00")));
    assert_eq!(l.amount, Some(dec("6198.21")));
    assert!(r.complete, "{:?}", r.problems);
}

#[test]
fn sw_wage_premium_seniority_year_changes_inside_the_quarter() {
    // Seniority from 15/02/2016: year 2 until 14/02/2018, year 3 from 15/02/2018.
    // Steps 75 / 50 / 25 %, base GGMMI × 1 per month (GGMMI × 12 ÷ 4 a quarter), 1 593,81.
    // January: 1 593,81 × 50 % = 796,905; 1–14 Feb: 1 593,81 × 14/28 × 50 % = 398,4525;
    // 15–28 Feb: 1 593,81 × 14/28 × 25 % = 199,22625; March: 1 593,81 × 25 % = 398,4525.
    // Σ = 1 793,03625 → 1 793,04.
    let steps = [("step_1", "75"), ("step_2", "50"), ("step_3", "25")];
    let mut params: Vec<(&str, Vec<DatedParam>)> =
        vec![("monthly_reference", vec![p(d(2018, 1, 1), "1593.81")]), ("cap_factor", vec![p(d(1998, 1, 1), "1")])];
    params.extend(steps.iter().map(|(k, v)| (*k, vec![p(d(1998, 1, 1), v)])));
    let s1 = stream(
        "S1",
        Formula::WagePercentage {
            cap_wage: false,
            percentage: PercentageSource::Seniority { unit: SeniorityUnit::Year, steps: 3 },
        },
        &[TargetGroupRecognised],
        &params,
    );
    let mut a = worker(1, vec![period(TargetGroupRecognised, d(2016, 2, 15), None, 3800, 3800)]);
    a.attributes.seniority_start = Some(d(2016, 2, 15));
    // A worker in year 4 (start 2014): beyond the last step, the premium has ended.
    let mut b = worker(2, vec![period(TargetGroupRecognised, d(2014, 1, 1), None, 3800, 3800)]);
    b.attributes.seniority_start = Some(d(2014, 1, 1));
    let set = rule_set(WorkFormKind::SocialWorkshop, vec![s1]);
    let r = compute(&input(2018, 1, WorkFormKind::SocialWorkshop, set, vec![a, b])).unwrap();
    let l = &r.lines[0];
    assert_eq!(l.segments.iter().map(|s| s.seniority_index).collect::<Vec<_>>(), [Some(2), Some(2), Some(3), Some(3)]);
    assert_eq!(l.amount, Some(dec("1793.04")));
    assert_eq!(l.rate, None, "two percentages: see the segments");
    assert_eq!(amount(&r, "S1", Some(2)), Some(dec("0.00")));
    assert!(r.lines[1].notes.contains(&"seniority_ended".to_string()));
    assert_eq!(seniority_index(SeniorityUnit::Quarter, d(2017, 11, 20), d(2018, 3, 31)), 2);
    assert_eq!(seniority_index(SeniorityUnit::Year, d(2016, 2, 29), d(2017, 2, 28)), 2);
    // leap-day start
}

pub(super) fn guidance_stream() -> Stream {
    let from = d(2019, 1, 1);
    stream(
        "S6",
        Formula::GuidancePremium,
        &[TargetGroupRecognised],
        &[
            ("fixed_low", vec![p(from, "300")]),
            ("fixed_medium", vec![p(from, "400")]),
            ("fixed_high", vec![p(from, "500")]),
            ("variable_low", vec![p(from, "100")]),
            ("variable_medium", vec![p(from, "200")]),
            ("variable_high", vec![p(from, "300")]),
            ("head_cap_factor", vec![p(from, "1.15")]),
        ],
    )
}

pub(super) fn level(l: GuidanceLevel) -> Vec<Dated<GuidanceLevel>> {
    vec![Dated { valid_from: d(2019, 1, 1), value: l }]
}

#[test]
fn guidance_premium_head_cap_reached() {
    // Contingent 2 FTE × 1,15 = 2,3 → at most 2 heads get the fixed part. Ranked by start:
    // C (2019), A (2020), B (2021). C medium half time: 400 + 200 × 0,5 = 500,00;
    // A low full time: 300 + 100 = 400,00; B high: cap reached, 0 + 300 = 300,00.
    let mut a = worker(1, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)]);
    a.attributes.guidance_level = level(GuidanceLevel::Low);
    let mut b = worker(2, vec![period(TargetGroupRecognised, d(2021, 1, 1), None, 3800, 3800)]);
    b.attributes.guidance_level = level(GuidanceLevel::High);
    let mut c = worker(3, vec![period(TargetGroupRecognised, d(2019, 1, 1), None, 1900, 3800)]);
    c.attributes.guidance_level = level(GuidanceLevel::Medium);
    let mut inp = input(
        2026,
        1,
        WorkFormKind::Maatwerk,
        rule_set(WorkFormKind::Maatwerk, vec![guidance_stream()]),
        vec![a, b, c],
    );
    inp.rules = inp.rules.clone().with(DatedValue::new(
        ParameterKey::ContingentTargetFte,
        ParameterValue::Decimal(dec("2")),
        d(2019, 1, 1),
    ));
    let r = compute(&inp).unwrap();
    assert_eq!(amount(&r, "S6", Some(3)), Some(dec("500.00")));
    assert_eq!(amount(&r, "S6", Some(1)), Some(dec("400.00")));
    assert_eq!(amount(&r, "S6", Some(2)), Some(dec("300.00")));
    let b_line = r.lines.iter().find(|l| l.person_id == Some(2)).unwrap();
    assert_eq!(b_line.notes, ["head_cap_reached"]);
    assert_eq!(b_line.cap, Some(dec("2")));
    assert_eq!(r.total, dec("1200.00"));
    assert!(r.complete);

    // Without a contingent the cap cannot be applied: no amounts, a blocking problem.
    let mut inp2 = inp.clone();
    inp2.rules = RuleSet::seed(WorkFormKind::Maatwerk, d(1998, 1, 1));
    let r2 = compute(&inp2).unwrap();
    assert!(r2.lines.iter().all(|l| l.amount.is_none()));
    assert!(r2.problems.iter().any(|p| p.code == "claims.contingent_missing" && p.blocking));
}

#[test]
fn guidance_level_change_inside_the_quarter() {
    // Low until 14/02/2026, high from 15/02/2026, full time, quarter of 90 days. The level
    // splits the line on 15/02: fixed part 300 × 45/90 + 500 × 45/90 = 400 (one head, each
    // level's amount for the days it covered); variable 100 × 45/90 + 300 × 45/90 = 200.
    // Total 600,00. Mid-quarter start on 01/03/2026 (worker 2, low): 300 + 100 × 31/90 =
    // 334,444… → 334,44.
    let mut a = worker(1, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)]);
    a.attributes.guidance_level = vec![
        Dated { valid_from: d(2019, 1, 1), value: GuidanceLevel::Low },
        Dated { valid_from: d(2026, 2, 15), value: GuidanceLevel::High },
    ];
    let mut b = worker(2, vec![period(TargetGroupRecognised, d(2026, 3, 1), None, 3800, 3800)]);
    b.attributes.guidance_level = level(GuidanceLevel::Low);
    let mut inp =
        input(2026, 1, WorkFormKind::Maatwerk, rule_set(WorkFormKind::Maatwerk, vec![guidance_stream()]), vec![a, b]);
    inp.rules = inp.rules.clone().with(DatedValue::new(
        ParameterKey::ContingentTargetFte,
        ParameterValue::Decimal(dec("10")),
        d(2019, 1, 1),
    ));
    let r = compute(&inp).unwrap();
    assert_eq!(amount(&r, "S6", Some(1)), Some(dec("600.00")));
    let a_line = r.lines.iter().find(|l| l.person_id == Some(1)).unwrap();
    assert_eq!(a_line.segments.len(), 2);
    assert_eq!((a_line.segments[0].last_day, a_line.segments[0].fixed), (d(2026, 2, 14), Some(dec("300"))));
    assert_eq!((a_line.segments[1].first_day, a_line.segments[1].fixed), (d(2026, 2, 15), Some(dec("500"))));
    assert_eq!(amount(&r, "S6", Some(2)), Some(dec("334.44")));
}

fn supervision_input(method: NormMethod) -> ClaimInput {
    // 12 full-time recognised target-group workers, 3 full-time recognised supervisors.
    let mut workers: Vec<WorkerInput> =
        (1..=12).map(|i| worker(i, vec![period(TargetGroupRecognised, d(2015, 1, 1), None, 3800, 3800)])).collect();
    workers.extend((13..=15).map(|i| worker(i, vec![period(SupervisorRecognised, d(2015, 1, 1), None, 3800, 3800)])));
    let s2 = stream("S2", Formula::PerEligibleFte, &[], &[("amount_per_fte_year", vec![p(d(1998, 1, 1), "40000")])]);
    let mut inp =
        input(2018, 1, WorkFormKind::SocialWorkshop, rule_set(WorkFormKind::SocialWorkshop, vec![s2]), workers);
    inp.rules = inp.rules.clone().with(DatedValue::new(
        ParameterKey::NormMethod,
        ParameterValue::Method(method),
        d(2000, 1, 1),
    ));
    inp
}

#[test]
fn supervision_premium_pro_rata_and_block() {
    // Pro rata: 12 ÷ 5 = 2,4 allowed, min(3 employed, 2,4) = 2,4 × 40 000 ÷ 4 = 24 000,00.
    let r = compute(&supervision_input(NormMethod::ProRata)).unwrap();
    assert_eq!(r.lines[0].amount, Some(dec("24000.00")));
    assert_eq!(r.lines[0].fte, dec("2.4"));
    assert_eq!(r.lines[0].target_fte, Some(dec("12")));
    // Block: ⌊12 ÷ 5⌋ = 2 × 40 000 ÷ 4 = 20 000,00.
    let r = compute(&supervision_input(NormMethod::Block)).unwrap();
    assert_eq!(r.lines[0].amount, Some(dec("20000.00")));
    assert_eq!(r.lines[0].method, Some(NormMethod::Block));
}

#[test]
fn supervision_amount_change_inside_the_quarter() {
    // 40 000 until 14/02/2018, 44 000 from 15/02/2018; 2,4 FTE pro rata; quarter 90 days.
    // 2,4 × 40 000 × 45/360 + 2,4 × 44 000 × 45/360 = 12 000 + 13 200 = 25 200,00.
    let mut inp = supervision_input(NormMethod::ProRata);
    inp.rule_set.streams[0].parameters.get_mut("amount_per_fte_year").unwrap().push(p(d(2018, 2, 15), "44000"));
    let r = compute(&inp).unwrap();
    assert_eq!(r.lines[0].segments.len(), 2);
    assert_eq!(r.lines[0].amount, Some(dec("25200.00")));
}

#[test]
fn organisation_support_with_supplement_limit() {
    // FTE 1 + 1 + 0,5 = 2,5; limit 2. 1 000 × 2,5 + 200 × min(2,5; 2) = 2 500 + 400 = 2 900,00.
    let s7 = stream(
        "S7",
        Formula::PerFteWithSupplement,
        &[TargetGroupRecognised],
        &[
            ("amount_per_fte", vec![p(d(2019, 1, 1), "1000")]),
            ("supplement_per_fte", vec![p(d(2019, 1, 1), "200")]),
            ("supplement_fte_limit", vec![p(d(2019, 1, 1), "2")]),
        ],
    );
    let workers = vec![
        worker(1, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)]),
        worker(2, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)]),
        worker(3, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 1900, 3800)]),
        worker(4, vec![period(SupervisorRecognised, d(2020, 1, 1), None, 3800, 3800)]),
    ];
    let r =
        compute(&input(2026, 1, WorkFormKind::Maatwerk, rule_set(WorkFormKind::Maatwerk, vec![s7]), workers)).unwrap();
    assert_eq!(r.lines[0].fte, dec("2.5"));
    assert_eq!(r.lines[0].amount, Some(dec("2900.00")));
}

#[test]
fn sine_allowance_capped_by_amount_and_net_wage() {
    // 750 × fraction, at most 500, at most the month's net wage. Attest from 01/02/2026.
    // Worker 1, half time: January not covered; February 750 × 0,5 = 375 (net 900) → 375;
    // March 375 but net wage 300 → 300. Σ 675,00.
    // Worker 2, full time, attest all quarter: 750 → 500 a month, × 3 = 1 500,00.
    let s9 = stream(
        "S9",
        Formula::CappedMonthlyAllowance,
        &[TargetGroupRecognised, TargetGroupNonRecognised],
        &[("amount_per_month", vec![p(d(2017, 1, 1), "750")]), ("cap_per_month", vec![p(d(2017, 1, 1), "500")])],
    );
    let net = |n: &str| PayrollMonth { net_wage: Some(dec(n)), ..PayrollMonth::default() };
    let mut a = worker(1, vec![period(TargetGroupNonRecognised, d(2020, 1, 1), None, 1900, 3800)]);
    a.attributes.sine_attests = vec![Attest { first_day: d(2026, 2, 1), last_day: None }];
    a.payroll.insert(2, net("900"));
    a.payroll.insert(3, net("300"));
    let mut b = worker(2, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)]);
    b.attributes.sine_attests = vec![Attest { first_day: d(2019, 1, 1), last_day: Some(d(2027, 12, 31)) }];
    for m in 1..=3 {
        b.payroll.insert(m, net("1600"));
    }
    // Worker 3: no attest, no line. Worker 4: attest but no net wage: a problem.
    let c = worker(3, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)]);
    let mut e = worker(4, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)]);
    e.attributes.sine_attests = vec![Attest { first_day: d(2026, 3, 1), last_day: None }];
    let r =
        compute(&input(2026, 1, WorkFormKind::Maatwerk, rule_set(WorkFormKind::Maatwerk, vec![s9]), vec![a, b, c, e]))
            .unwrap();
    assert_eq!(amount(&r, "S9", Some(1)), Some(dec("675.00")));
    assert!(r.lines[0].notes.contains(&"net_wage_cap".to_string()));
    assert_eq!(amount(&r, "S9", Some(2)), Some(dec("1500.00")));
    assert!(!r.lines.iter().any(|l| l.person_id == Some(3)));
    assert_eq!(amount(&r, "S9", Some(4)), None);
    assert!(r
        .problems
        .iter()
        .any(|p| p.code == "claims.payroll_missing" && p.person_id == Some(4) && p.params["month"] == "2026-03"));
}

#[test]
fn article_60_by_days_paid() {
    // 1 741,29 a month. From 10/01/2026: January 22/31 × 1 741,29 = 1 235,7541935…;
    // February and March whole: 3 482,58. Σ 4 718,3341935 → 4 718,33.
    let s10 = stream(
        "S10",
        Formula::MonthlyByDaysPaid,
        &[Article60],
        &[("amount_per_month", vec![p(d(2024, 5, 1), "1741.29")])],
    );
    let a = worker(1, vec![period(Article60, d(2026, 1, 10), Some(d(2026, 6, 30)), 3800, 3800)]);
    let r = compute(&input(
        2026,
        1,
        WorkFormKind::SocialWorkshop,
        rule_set(WorkFormKind::SocialWorkshop, vec![s10]),
        vec![a],
    ))
    .unwrap();
    assert_eq!(r.lines[0].days, 81); // 22 + 28 + 31
    assert_eq!(r.lines[0].amount, Some(dec("4718.33")));
    assert_eq!(r.lines[0].rate, Some(dec("1741.29")));
}

#[test]
fn missing_and_unconfirmed_parameters_are_problems_never_zero() {
    let mut s10 = stream("S10", Formula::MonthlyByDaysPaid, &[Article60], &[("amount_per_month", vec![])]);
    let a = worker(1, vec![period(Article60, d(2026, 1, 1), None, 3800, 3800)]);
    let r = compute(&input(
        2026,
        1,
        WorkFormKind::SocialWorkshop,
        rule_set(WorkFormKind::SocialWorkshop, vec![s10.clone()]),
        vec![a.clone()],
    ))
    .unwrap();
    assert_eq!(r.lines[0].amount, None);
    assert_eq!(r.total, dec("0.00"));
    assert!(!r.complete);
    assert!(r
        .problems
        .iter()
        .any(|p| p.code == "claims.parameter_missing" && p.params["parameter"] == "amount_per_month"));
    // A value not confirmed: computed (3 × 1 000 = 3 000,00) but listed, not blocking.
    s10.parameters.insert(
        "amount_per_month".into(),
        vec![DatedParam { valid_from: d(2020, 1, 1), value: Some(dec("1000")), source: None, confirmed: false }],
    );
    let r = compute(&input(
        2026,
        1,
        WorkFormKind::SocialWorkshop,
        rule_set(WorkFormKind::SocialWorkshop, vec![s10]),
        vec![a],
    ))
    .unwrap();
    assert_eq!(r.lines[0].amount, Some(dec("3000.00")));
    assert!(r.complete);
    let unconfirmed = r.problems.iter().find(|p| p.code == "claims.parameter_unconfirmed").unwrap();
    assert!(!unconfirmed.blocking);
}

#[test]
fn rounding_is_once_per_line_half_up() {
    assert_eq!(round_cent(dec("0.005")), dec("0.01"));
    assert_eq!(round_cent(dec("1402.7949999")), dec("1402.79"));
    assert_eq!(round_cent(dec("-0.005")), dec("-0.01"));
    assert_eq!(round_cent(dec("2")).to_string(), "2.00");
}

#[test]
fn amendment_differences_line_by_line() {
    let line = |stream: &str, person: Option<i64>, amount: &str| ClaimLine {
        person_id: person,
        amount: Some(dec(amount)),
        ..ClaimLine::new(stream)
    };
    let original = vec![line("S5", Some(1), "100.00"), line("S5", Some(2), "50.00"), line("S7", None, "10.00")];
    let amended = vec![line("S5", Some(1), "120.50"), line("S5", Some(3), "5.00"), line("S7", None, "10.00")];
    let d = diff(&original, &amended);
    assert_eq!(d.len(), 3);
    assert_eq!((d[0].person_id, d[0].difference), (Some(1), Some(dec("20.50"))));
    assert_eq!((d[1].person_id, d[1].original, d[1].difference), (Some(3), None, Some(dec("5.00"))));
    assert_eq!((d[2].person_id, d[2].amended, d[2].difference), (Some(2), None, Some(dec("-50.00"))));
}

#[test]
fn template_sources_are_legal_references_in_plain_words() {
    // A source is printed on the claim a director signs: it names the decree, order, law or
    // agreement and where the value comes from, never a research marker or a web address.
    let mut count = 0;
    for t in templates() {
        for s in &t.streams {
            for (id, values) in &s.parameters {
                for v in values {
                    let source = v.source.as_deref().unwrap_or_else(|| panic!("{} {} {id}: no source", t.code, s.code));
                    for bad in ["[F]", "[I]", "[?]", ".md", ".be", "http", "www"] {
                        assert!(!source.contains(bad), "{} {} {id}: '{bad}' in '{source}'", t.code, s.code);
                    }
                    let legal = ["besluit", "wet ", "collectieve arbeidsovereenkomst", "cao"];
                    let lower = source.to_lowercase();
                    assert!(
                        legal.iter().any(|w| lower.contains(w)),
                        "{} {} {id}: no legal reference in '{source}'",
                        t.code,
                        s.code
                    );
                    count += 1;
                }
            }
        }
    }
    assert_eq!(count, 50, "every dated value of both templates was checked");
}

#[test]
fn templates_are_valid_and_round_trip_through_a_file() {
    let templates = templates();
    assert_eq!(templates.iter().map(|t| t.code.as_str()).collect::<Vec<_>>(), ["sw_1998", "maatwerk_2019"]);
    for t in &templates {
        t.validate().unwrap_or_else(|e| panic!("{}: {e}", t.code));
        // Nothing is confirmed by the user yet; unknown values are empty.
        assert!(t.streams.iter().flat_map(|s| s.parameters.values().flatten()).all(|p| !p.confirmed));
    }
    let mw = template("maatwerk_2019").unwrap();
    let ggmmi = mw.stream("S5").unwrap().param("monthly_reference", d(2026, 3, 31)).unwrap();
    assert_eq!(ggmmi.value, Some(dec("2029.88")));
    assert!(ggmmi.source.as_deref().unwrap().contains("cao nr. 43/17"));
    assert_eq!(mw.stream("S5").unwrap().param("monthly_reference", d(2026, 4, 1)).unwrap().value, None);
    assert_eq!(mw.stream("S6").unwrap().param("fixed_low", d(2026, 1, 1)).unwrap().value, None);
    let file = RuleFile::new(templates.clone());
    let text = file.to_json();
    assert_eq!(RuleFile::parse(&text).unwrap(), file);
}

#[test]
fn rule_file_violations() {
    assert_eq!(RuleFile::parse("{").unwrap_err().0[0].code, "claims.file_format");
    let mut file = RuleFile::new(templates());
    file.format_version = 9;
    assert_eq!(RuleFile::parse(&file.to_json()).unwrap_err().0[0].code, "claims.file_version");
    let mut file = RuleFile::new(templates());
    let s = &mut file.rule_sets[1].streams[0];
    s.parameters.insert("bogus".into(), vec![]);
    s.parameters.get_mut("cap_factor").unwrap()[0].value = Some(dec("-2"));
    s.parameters.remove("monthly_reference");
    file.rule_sets[1].streams[1].code = "S5".into();
    let codes: Vec<(String, String)> =
        RuleFile::parse(&file.to_json()).unwrap_err().0.into_iter().map(|v| (v.code, v.field)).collect();
    assert!(codes.contains(&("claims.parameter_unknown".into(), "rule_sets.1.streams.0.parameters.bogus".into())));
    assert!(codes.contains(&("claims.value_negative".into(), "rule_sets.1.streams.0.parameters.cap_factor".into())));
    assert!(codes.contains(&("claims.parameter_absent".into(), "rule_sets.1.streams.0.parameters".into())));
    assert!(codes.contains(&("claims.stream_duplicate".into(), "rule_sets.1.streams.1.code".into())));
    // set_param: adds a dated value, refuses an unknown parameter and a percentage above 100.
    let mut sw = template("sw_1998").unwrap();
    sw.set_param("S1", "step_1", p(d(1998, 1, 1), "75")).unwrap();
    assert_eq!(sw.stream("S1").unwrap().param("step_1", d(2000, 1, 1)).unwrap().value, Some(dec("75")));
    assert_eq!(sw.set_param("S1", "step_9", p(d(1998, 1, 1), "1")).unwrap_err().0[0].code, "claims.parameter_unknown");
    assert_eq!(sw.set_param("S1", "step_2", p(d(1998, 1, 1), "120")).unwrap_err().0[0].code, "claims.percentage_range");
}

#[test]
fn a_rule_set_outside_its_period_is_a_problem() {
    let sw = template("sw_1998").unwrap();
    let r = compute(&input(2026, 1, WorkFormKind::SocialWorkshop, sw, vec![])).unwrap();
    assert!(r.problems.iter().any(|p| p.code == "claims.rule_set_not_in_force"));
    assert!(!r.complete);
}
