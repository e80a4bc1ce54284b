//! Hand-computed quarters to the cent, one per kind of dated change inside the quarter,
//! and the half-cent ties of the wage premium. Quarter 2026/1 has 90 days (January 31,
//! February 28, March 31); 2018/1 too. Each test writes its arithmetic beside it.

use super::rules::*;
use super::tests::{amount, dec, guidance_stream, input, level, maatwerk_wage, p, pay, rule_set, stream, worker};
use super::*;
use crate::category::Category::*;
use crate::employment::tests::{d, period};
use crate::rules::{DatedValue, ParameterKey, ParameterValue};

fn ggmmi() -> Vec<DatedParam> {
    vec![p(d(2024, 4, 1), "2029.88")]
}

fn line<'a>(r: &'a ClaimResult, stream: &str, person: Option<i64>) -> &'a ClaimLine {
    r.lines.iter().find(|l| l.stream == stream && l.person_id == person).unwrap()
}

fn uses(r: &ClaimResult, parameter: &str) -> Vec<(Option<Decimal>, NaiveDate, NaiveDate)> {
    let mut out: Vec<_> =
        r.parameters.iter().filter(|u| u.parameter == parameter).map(|u| (u.value, u.first_day, u.last_day)).collect();
    out.sort_by_key(|u| u.1);
    out
}

fn with_pct(mut w: WorkerInput, pct: &str) -> WorkerInput {
    w.attributes.wage_percentage = vec![Dated { valid_from: d(2015, 1, 1), value: dec(pct) }];
    w
}

#[test]
fn half_cent_ties_round_up_at_45_50_and_55_percent() {
    // The cap of a full month is 2 × 2 029,88 = 4 059,76; every referteloon below is
    // under its cap, so the premium is pct × referteloon, exactly, then rounded once.
    // 50 %: full time, whole quarter; cap 3 × 4 059,76 = 12 179,28; referteloon
    // 1 840,72 + 1 840,72 + 1 840,71 = 5 522,15; 50 % = 2 761,075 → 2 761,08 (not 2 761,07).
    let mut a = with_pct(worker(1, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)]), "50");
    a.payroll.insert(1, pay("1840.72", "0", "0"));
    a.payroll.insert(2, pay("1840.72", "0", "0"));
    a.payroll.insert(3, pay("1840.71", "0", "0"));
    // 45 %: half time (19/38), leaves on 15/02; cap 4 059,76 × (1/2 + 1/2 × 15/28)
    // = 4 059,76 × 43/56 = 3 117,32; referteloon 1 200,10 + 800,00 = 2 000,10;
    // 45 % = 900,045 → 900,05.
    let mut b =
        with_pct(worker(2, vec![period(TargetGroupRecognised, d(2022, 1, 1), Some(d(2026, 2, 15)), 1900, 3800)]), "45");
    b.payroll.insert(1, pay("1200.10", "0", "0"));
    b.payroll.insert(2, pay("800", "0", "0"));
    // 55 %: full time from 10/01 (22/31 of January); cap 4 059,76 × (22/31 + 2) = 11 001,03;
    // referteloon 1 000,10 + 1 000 + 1 000 = 3 000,10; 55 % = 1 650,055 → 1 650,06.
    let mut c = with_pct(worker(3, vec![period(TargetGroupRecognised, d(2026, 1, 10), None, 3800, 3800)]), "55");
    c.payroll.insert(1, pay("1000.10", "0", "0"));
    c.payroll.insert(2, pay("1000", "0", "0"));
    c.payroll.insert(3, pay("1000", "0", "0"));
    let set = rule_set(WorkFormKind::Maatwerk, vec![maatwerk_wage(ggmmi())]);
    let r = compute(&input(2026, 1, WorkFormKind::Maatwerk, set, vec![a, b, c])).unwrap();
    assert_eq!(amount(&r, "S5", Some(1)), Some(dec("2761.08")));
    assert_eq!(line(&r, "S5", Some(1)).exact_fraction.as_deref(), Some("110443/40")); // 2 761,075
    assert_eq!(line(&r, "S5", Some(1)).exact, Some(dec("2761.075")));
    assert_eq!(amount(&r, "S5", Some(2)), Some(dec("900.05")));
    assert_eq!(line(&r, "S5", Some(2)).exact_fraction.as_deref(), Some("180009/200")); // 900,045
    assert_eq!(amount(&r, "S5", Some(3)), Some(dec("1650.06")));
    assert_eq!(line(&r, "S5", Some(3)).exact_fraction.as_deref(), Some("330011/200")); // 1 650,055
                                                                                       // The stream total is the sum of the rounded lines: 2 761,08 + 900,05 + 1 650,06.
    assert_eq!(r.streams[0].amount, dec("5311.19"));
}

#[test]
fn an_attribute_and_a_period_change_on_the_same_day() {
    // 50 % until 14/02, 60 % from 15/02; half time (19/38) until 14/02, full time from 15/02.
    // Caps (2 × 2 029,88 = 4 059,76 a full month): January 4 059,76 × 1/2 = 2 029,88 (50 %);
    // 1–14 Feb 4 059,76 × 1/2 × 14/28 = 1 014,94 (50 %); 15–28 Feb 4 059,76 × 14/28 = 2 029,88
    // (60 %); March 4 059,76 (60 %). C = 9 134,46; W = Σ pct × cap = 50 × 3 044,82 + 60 ×
    // 6 089,64 = 517 619,4, so W ÷ C = 56,666…% (17/30).
    // Referteloon 6 000 < C: 6 000 × W ÷ (C × 100) = 6 000 × 17/30 = 3 400,00 exactly.
    // Referteloon 10 000 > C: W ÷ 100 = 5 176,194 → 5 176,19 (capped).
    let periods = vec![
        period(TargetGroupRecognised, d(2020, 1, 1), Some(d(2026, 2, 14)), 1900, 3800),
        period(TargetGroupRecognised, d(2026, 2, 15), None, 3800, 3800),
    ];
    let mut a = worker(1, periods.clone());
    a.attributes.wage_percentage = vec![
        Dated { valid_from: d(2020, 1, 1), value: dec("50") },
        Dated { valid_from: d(2026, 2, 15), value: dec("60") },
    ];
    for m in 1..=3 {
        a.payroll.insert(m, pay("2000", "0", "0"));
    }
    let mut b = a.clone();
    b.person_id = 2;
    for m in 1..=3 {
        b.payroll.insert(m, pay("3000", "400", "66.67")); // 3 333,33 a month (Σ 9 999,99 + 0,01 below)
    }
    b.payroll.get_mut(&3).unwrap().gross_wage = dec("3000.01");
    let set = rule_set(WorkFormKind::Maatwerk, vec![maatwerk_wage(ggmmi())]);
    let r = compute(&input(2026, 1, WorkFormKind::Maatwerk, set, vec![a, b])).unwrap();
    let l = line(&r, "S5", Some(1));
    assert_eq!(l.amount, Some(dec("3400.00")));
    assert_eq!(l.cap, Some(dec("9134.46")));
    let parts: Vec<_> = l.segments.iter().map(|s| (s.first_day, s.last_day, s.rate, s.value)).collect();
    assert_eq!(
        parts,
        [
            (d(2026, 1, 1), d(2026, 1, 31), Some(dec("50")), Some(dec("2029.88"))),
            (d(2026, 2, 1), d(2026, 2, 14), Some(dec("50")), Some(dec("1014.94"))),
            (d(2026, 2, 15), d(2026, 2, 28), Some(dec("60")), Some(dec("2029.88"))),
            (d(2026, 3, 1), d(2026, 3, 31), Some(dec("60")), Some(dec("4059.76"))),
        ]
    );
    assert_eq!(line(&r, "S5", Some(2)).reference_wage, Some(dec("10000")));
    assert_eq!(amount(&r, "S5", Some(2)), Some(dec("5176.19")));
    assert!(line(&r, "S5", Some(2)).notes.contains(&"reference_wage_capped".to_string()));
}

fn guidance_input(workers: Vec<WorkerInput>, s6: Stream, contingent: &[(NaiveDate, &str)]) -> ClaimInput {
    let mut inp = input(2026, 1, WorkFormKind::Maatwerk, rule_set(WorkFormKind::Maatwerk, vec![s6]), workers);
    for (from, value) in contingent {
        inp.rules = inp.rules.clone().with(DatedValue::new(
            ParameterKey::ContingentTargetFte,
            ParameterValue::Decimal(dec(value)),
            *from,
        ));
    }
    inp
}

fn medium(id: i64, start: NaiveDate) -> WorkerInput {
    let mut w = worker(id, vec![period(TargetGroupRecognised, start, None, 3800, 3800)]);
    w.attributes.guidance_level = level(GuidanceLevel::Medium);
    w
}

#[test]
fn guidance_amounts_changing_on_the_first_of_the_second_and_third_month() {
    // Medium level, full time, whole quarter. Fixed 400, 460 from 01/03: a head receives it
    // once, each value for the days it covered: 400 × 59/90 + 460 × 31/90 = 37 860/90 =
    // 420,666…; variable 200, 230 from 01/02: 200 × 31/90 + 230 × 59/90 = 19 770/90 =
    // 219,666…; line 57 630/90 = 640,333… → 640,33.
    let mut s6 = guidance_stream();
    s6.parameters.get_mut("fixed_medium").unwrap().push(p(d(2026, 3, 1), "460"));
    s6.parameters.get_mut("variable_medium").unwrap().push(p(d(2026, 2, 1), "230"));
    let r = compute(&guidance_input(vec![medium(1, d(2020, 1, 1))], s6, &[(d(2019, 1, 1), "10")])).unwrap();
    let l = line(&r, "S6", Some(1));
    assert_eq!(l.amount, Some(dec("640.33")));
    assert_eq!(l.exact_fraction.as_deref(), Some("1921/3")); // 57 630/90
    assert_eq!(l.segments.len(), 3);
    assert_eq!(
        uses(&r, "fixed_medium"),
        [(Some(dec("400")), d(2026, 1, 1), d(2026, 2, 28)), (Some(dec("460")), d(2026, 3, 1), d(2026, 3, 31))]
    );
    assert_eq!(
        uses(&r, "variable_medium"),
        [(Some(dec("200")), d(2026, 1, 1), d(2026, 1, 31)), (Some(dec("230")), d(2026, 2, 1), d(2026, 3, 31))]
    );
}

#[test]
fn head_cap_factor_and_contingent_changing_inside_the_quarter() {
    // A (since 2019) and B (since 2020), medium, full time: fixed 400, variable 200.
    // 1) Contingent 2; head-cap factor 1,15, 0,5 from 01/03: ⌊2,3⌋ = 2 heads in January and
    //    February, ⌊1⌋ = 1 in March. A: 400 + 200 = 600,00. B: 400 × 59/90 + 200 =
    //    262,222… + 200 = 462,22, and the line says the cap was reached.
    let mut s6 = guidance_stream();
    s6.parameters.get_mut("head_cap_factor").unwrap().push(p(d(2026, 3, 1), "0.5"));
    let workers = vec![medium(1, d(2019, 1, 1)), medium(2, d(2020, 1, 1))];
    let r = compute(&guidance_input(workers.clone(), s6, &[(d(2019, 1, 1), "2")])).unwrap();
    assert_eq!(amount(&r, "S6", Some(1)), Some(dec("600.00")));
    assert_eq!(amount(&r, "S6", Some(2)), Some(dec("462.22")));
    let b = line(&r, "S6", Some(2));
    assert_eq!(b.notes, ["head_cap_reached"]);
    assert_eq!(b.segments.iter().map(|s| s.fixed).collect::<Vec<_>>(), [Some(dec("400")), None]);
    assert_eq!(b.cap, None, "two caps in the quarter: see the parts");
    // 2) Factor 1,15; contingent 2, 1 from 01/02: ⌊2,3⌋ = 2 heads in January, ⌊1,15⌋ = 1
    //    from February. A: 600,00. B: 400 × 31/90 + 200 = 137,777… + 200 = 337,78.
    let r =
        compute(&guidance_input(workers, guidance_stream(), &[(d(2019, 1, 1), "2"), (d(2026, 2, 1), "1")])).unwrap();
    assert_eq!(amount(&r, "S6", Some(1)), Some(dec("600.00")));
    assert_eq!(amount(&r, "S6", Some(2)), Some(dec("337.78")));
    assert_eq!(
        uses(&r, "contingent_target_fte"),
        [(Some(dec("2")), d(2026, 1, 1), d(2026, 1, 31)), (Some(dec("1")), d(2026, 2, 1), d(2026, 3, 31))]
    );
}

#[test]
fn organisation_support_amounts_changing_inside_the_quarter() {
    // 10 full-time workers (10 FTE). Amount per FTE 1 000, 1 100 from 01/02; supplement 200;
    // limit 100 FTE, 5 from 01/03.
    // January (31/90): (1 000 × 10 + 200 × 10) = 12 000 × 31/90;
    // February (28/90): (1 100 × 10 + 200 × 10) = 13 000 × 28/90;
    // March (31/90): (1 100 × 10 + 200 × 5) = 12 000 × 31/90.
    // Σ = (372 000 + 364 000 + 372 000) / 90 = 1 108 000/90 = 12 311,111… → 12 311,11.
    let s7 = stream(
        "S7",
        Formula::PerFteWithSupplement,
        &[TargetGroupRecognised],
        &[
            ("amount_per_fte", vec![p(d(2019, 1, 1), "1000"), p(d(2026, 2, 1), "1100")]),
            ("supplement_per_fte", vec![p(d(2019, 1, 1), "200")]),
            ("supplement_fte_limit", vec![p(d(2019, 1, 1), "100"), p(d(2026, 3, 1), "5")]),
        ],
    );
    let workers =
        (1..=10).map(|i| worker(i, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)])).collect();
    let r =
        compute(&input(2026, 1, WorkFormKind::Maatwerk, rule_set(WorkFormKind::Maatwerk, vec![s7]), workers)).unwrap();
    let l = &r.lines[0];
    assert_eq!(l.amount, Some(dec("12311.11")));
    assert_eq!(l.fte, dec("10"));
    assert_eq!(l.segments.len(), 3);
    assert_eq!(l.rate, None, "two amounts: see the parts");
    assert_eq!(
        uses(&r, "supplement_fte_limit"),
        [(Some(dec("100")), d(2026, 1, 1), d(2026, 2, 28)), (Some(dec("5")), d(2026, 3, 1), d(2026, 3, 31))]
    );
}

#[test]
fn sine_amount_and_cap_changing_inside_the_quarter() {
    // Amount 750 × fraction, 800 from 01/03; cap 500 a month, 550 from 01/02; net wage 2 000.
    // Half time: January min(375, 500) = 375; February min(375, 550) = 375; March
    // min(400, 550) = 400; Σ 1 150,00.
    // Full time: January min(750, 500) = 500; February min(750, 550) = 550; March
    // min(800, 550) = 550; Σ 1 600,00.
    let s9 = stream(
        "S9",
        Formula::CappedMonthlyAllowance,
        &[TargetGroupRecognised],
        &[
            ("amount_per_month", vec![p(d(2017, 1, 1), "750"), p(d(2026, 3, 1), "800")]),
            ("cap_per_month", vec![p(d(2017, 1, 1), "500"), p(d(2026, 2, 1), "550")]),
        ],
    );
    let sine_worker = |id, q| {
        let mut w = worker(id, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, q, 3800)]);
        w.attributes.sine_attests = vec![Attest { first_day: d(2020, 1, 1), last_day: None }];
        for m in 1..=3 {
            let mut month = pay("0", "0", "0");
            month.net_wage = Some(dec("2000"));
            w.payroll.insert(m, month);
        }
        w
    };
    let r = compute(&input(
        2026,
        1,
        WorkFormKind::Maatwerk,
        rule_set(WorkFormKind::Maatwerk, vec![s9]),
        vec![sine_worker(1, 1900), sine_worker(2, 3800)],
    ))
    .unwrap();
    assert_eq!(amount(&r, "S9", Some(1)), Some(dec("1150.00")));
    assert_eq!(amount(&r, "S9", Some(2)), Some(dec("1600.00")));
    assert_eq!(
        line(&r, "S9", Some(2)).segments.iter().map(|s| s.value).collect::<Vec<_>>(),
        [Some(dec("500")), Some(dec("550")), Some(dec("550"))]
    );
}

#[test]
fn article_60_amount_change_and_the_wage_cost_cap() {
    // 1 741,29 a month, 1 776,12 from 01/02.
    // Worker 1, full time, whole quarter, payroll in January and February:
    //   January: 1 741,29 ≤ wage cost 1 500 + 300 = 1 800 → 1 741,29;
    //   February: 1 776,12 > wage cost 1 400 + 300 = 1 700 → 1 700,00 (capped);
    //   March: no payroll → 1 776,12, not checked against the wage cost;
    //   Σ 5 217,41.
    // Worker 2, from 10/01 (22 days of January), no payroll: 1 741,29 × 22/31 + 2 × 1 776,12
    //   = 38 308,38/31 + 3 552,24 = 1 235,7541… + 3 552,24 = 4 787,9941… → 4 787,99.
    let s10 = stream(
        "S10",
        Formula::MonthlyByDaysPaid,
        &[Article60],
        &[("amount_per_month", vec![p(d(2024, 5, 1), "1741.29"), p(d(2026, 2, 1), "1776.12")])],
    );
    let mut a = worker(1, vec![period(Article60, d(2025, 6, 1), None, 3800, 3800)]);
    a.payroll.insert(1, pay("1500", "300", "0"));
    a.payroll.insert(2, pay("1400", "300", "0"));
    let b = worker(2, vec![period(Article60, d(2026, 1, 10), None, 3800, 3800)]);
    let r = compute(&input(2026, 1, WorkFormKind::Maatwerk, rule_set(WorkFormKind::Maatwerk, vec![s10]), vec![a, b]))
        .unwrap();
    let l = line(&r, "S10", Some(1));
    assert_eq!(l.amount, Some(dec("5217.41")));
    assert_eq!(l.notes, ["wage_cost_cap", "wage_cost_unknown"]);
    assert_eq!(
        l.segments.iter().map(|s| (s.reference, s.value)).collect::<Vec<_>>(),
        [
            (Some(dec("1741.29")), Some(dec("1741.29"))),
            (Some(dec("1776.12")), Some(dec("1700"))),
            (Some(dec("1776.12")), Some(dec("1776.12")))
        ]
    );
    let l = line(&r, "S10", Some(2));
    assert_eq!(l.amount, Some(dec("4787.99")));
    assert_eq!(l.notes, ["wage_cost_unknown"]);
}

fn supervision(values: &[(ParameterKey, ParameterValue, NaiveDate)]) -> ClaimInput {
    // 12 full-time recognised target-group workers, 3 full-time recognised supervisors,
    // 40 000 per FTE per year, quarter 2018/1 (90 days), pro rata.
    let mut workers: Vec<WorkerInput> =
        (1..=12).map(|i| worker(i, vec![period(TargetGroupRecognised, d(2015, 1, 1), None, 3800, 3800)])).collect();
    workers.extend((13..=15).map(|i| worker(i, vec![period(SupervisorRecognised, d(2015, 1, 1), None, 3800, 3800)])));
    let s2 = stream("S2", Formula::PerEligibleFte, &[], &[("amount_per_fte_year", vec![p(d(1998, 1, 1), "40000")])]);
    let mut inp =
        input(2018, 1, WorkFormKind::SocialWorkshop, rule_set(WorkFormKind::SocialWorkshop, vec![s2]), workers);
    for (key, value, from) in values {
        inp.rules = inp.rules.clone().with(DatedValue::new(*key, value.clone(), *from));
    }
    inp
}

#[test]
fn a_norm_and_a_contingent_change_inside_the_quarter() {
    // Norm 5, 4 from 01/03/2018. January–February (59 days): 12 ÷ 5 = 2,4 allowed,
    // min(3, 2,4) = 2,4 → 2,4 × 40 000 × 59/360 = 15 733,333…; March (31 days): 12 ÷ 4 = 3,
    // min(3, 3) = 3 → 3 × 40 000 × 31/360 = 10 333,333…; Σ 26 066,666… → 26 066,67.
    // Subsidisable FTE of the quarter: 2,4 × 59/90 + 3 × 31/90 = 2,60666….
    let norm_change = (ParameterKey::Norm, ParameterValue::Decimal(dec("4")), d(2018, 3, 1));
    let r = compute(&supervision(std::slice::from_ref(&norm_change))).unwrap();
    let l = &r.lines[0];
    assert_eq!(l.amount, Some(dec("26066.67")));
    assert_eq!(l.fte, dec("2.6066666667"));
    assert_eq!(l.segments.iter().map(|s| s.share).collect::<Vec<_>>(), [dec("2.4"), dec("3")]);
    let norms = uses(&r, "norm");
    assert_eq!(norms.len(), 2);
    assert_eq!(norms[1], (Some(dec("4")), d(2018, 3, 1), d(2018, 3, 31)));
    // With a supervisor contingent of 2 FTE from 01/03: March min(3, 3, 2) = 2 →
    // 2 × 40 000 × 31/360 = 6 888,888…; Σ 15 733,333… + 6 888,888… = 22 622,222… → 22 622,22.
    let contingent = (ParameterKey::ContingentSupervisorFte, ParameterValue::Decimal(dec("2")), d(2018, 3, 1));
    let r = compute(&supervision(&[norm_change, contingent])).unwrap();
    assert_eq!(r.lines[0].amount, Some(dec("22622.22")));
    assert_eq!(uses(&r, "contingent_supervisor_fte"), [(Some(dec("2")), d(2018, 3, 1), d(2018, 3, 31))]);
}

#[test]
fn absurd_amounts_are_problems_and_errors_never_panics() {
    // 5 · 10²⁶ a month × 3 months = 1,5 · 10²⁷: not representable in cents (Decimal holds
    // about 7,9 · 10²⁸ hundredths): a blocking problem on the line, no amount.
    let s10 = |amount: &str| {
        stream("S10", Formula::MonthlyByDaysPaid, &[Article60], &[("amount_per_month", vec![p(d(2020, 1, 1), amount)])])
    };
    let art60 = |id| worker(id, vec![period(Article60, d(2025, 1, 1), None, 3800, 3800)]);
    let r = compute(&input(
        2026,
        1,
        WorkFormKind::Maatwerk,
        rule_set(WorkFormKind::Maatwerk, vec![s10("500000000000000000000000000")]),
        vec![art60(1)],
    ))
    .unwrap();
    assert_eq!(r.lines[0].amount, None);
    assert!(r.problems.iter().any(|p| p.code == "claims.amount_too_large" && p.person_id == Some(1) && p.blocking));
    assert!(!r.complete);
    // 10²⁶ a month: each line 3 · 10²⁶ fits, three lines 9 · 10²⁶ do not: a typed error.
    let err = compute(&input(
        2026,
        1,
        WorkFormKind::Maatwerk,
        rule_set(WorkFormKind::Maatwerk, vec![s10("100000000000000000000000000")]),
        vec![art60(1), art60(2), art60(3)],
    ))
    .unwrap_err();
    assert_eq!(err, ClaimError::TotalTooLarge { stream: "S10".into() });
    // A gross wage near the largest decimal in two months does not overflow the
    // referteloon (exact sum); the premium is capped: 50 % × 12 179,28 = 6 089,64.
    let mut a = with_pct(worker(1, vec![period(TargetGroupRecognised, d(2020, 1, 1), None, 3800, 3800)]), "50");
    a.payroll.insert(1, pay("79228162514264337593543950335", "0", "0"));
    a.payroll.insert(2, pay("79228162514264337593543950335", "0", "0"));
    let set = rule_set(WorkFormKind::Maatwerk, vec![maatwerk_wage(ggmmi())]);
    let r = compute(&input(2026, 1, WorkFormKind::Maatwerk, set, vec![a])).unwrap();
    assert_eq!(r.lines[0].amount, Some(dec("6089.64")));
    assert_eq!(r.lines[0].reference_wage, None, "too large to show");
}
