//! Heads and FTE (VTE) over a reporting period (docs/domain/fte.md, "FTE of a person over a
//! period"; Q and S as in "Q, S and the occupation fraction").
//!
//! FTE of a person over a period = Σ over their employment periods of
//! Q/S × (days of the employment period inside the period ÷ days of the period).
//! Computed exactly with `Decimal` (one division per employment period); rounded only
//! for display, with [`round_fte`].

use crate::category::Category;
use crate::employment::EmploymentPeriod;
use crate::period::{DateSpan, ReportingPeriod};
use rust_decimal::{Decimal, RoundingStrategy};
use std::collections::BTreeSet;

/// FTE of one employment period within `period`.
pub fn period_fte(p: &EmploymentPeriod, period: &ReportingPeriod) -> Decimal {
    period_fte_in_span(p, &period.span())
}

/// Days of a bounded half-open span; `None` when it is open-ended or holds no day.
pub fn span_days(span: &DateSpan) -> Option<i64> {
    span.end.map(|end| (end - span.start).num_days()).filter(|days| *days > 0)
}

/// FTE of one employment period within an arbitrary half-open `span`: Q/S × (days of the
/// employment period inside the span ÷ days of the span), one exact division. An
/// open-ended or empty span gives 0.
pub fn period_fte_in_span(p: &EmploymentPeriod, span: &DateSpan) -> Decimal {
    let Some(total) = span_days(span) else {
        return Decimal::ZERO;
    };
    let days = p.span().overlap_days(span);
    if days == 0 {
        return Decimal::ZERO;
    }
    Decimal::from(u64::from(p.fraction.q) * days as u64) / Decimal::from(u64::from(p.fraction.s) * total as u64)
}

/// FTE of one person (all their periods) within a half-open `span` (see [`period_fte_in_span`]).
pub fn fte_in_span(periods: &[EmploymentPeriod], span: &DateSpan) -> Decimal {
    periods.iter().map(|p| period_fte_in_span(p, span)).sum()
}

/// FTE of one person over several disjoint bounded spans taken together (e.g. the months
/// of a quarter that a payroll file covers): Σ over employment periods of Q/S × (days of
/// the period inside the spans ÷ days of the spans), one exact division per employment
/// period. No spans, or spans without a day, give 0.
pub fn fte_in_spans(periods: &[EmploymentPeriod], spans: &[DateSpan]) -> Decimal {
    let total: i64 = spans.iter().filter_map(span_days).sum();
    if total == 0 {
        return Decimal::ZERO;
    }
    periods
        .iter()
        .map(|p| {
            let days: i64 = spans.iter().filter(|s| span_days(s).is_some()).map(|s| p.span().overlap_days(s)).sum();
            if days == 0 {
                return Decimal::ZERO;
            }
            Decimal::from(u64::from(p.fraction.q) * days as u64) / Decimal::from(u64::from(p.fraction.s) * total as u64)
        })
        .sum()
}

/// FTE of one person (all their periods) within `period`.
pub fn fte_in_period(periods: &[EmploymentPeriod], period: &ReportingPeriod) -> Decimal {
    periods.iter().map(|p| period_fte(p, period)).sum()
}

/// FTE rounded half-up to 4 decimals, as shown and exported.
pub fn round_fte(fte: Decimal) -> Decimal {
    let mut r = fte.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(4);
    r
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CategoryFigures {
    pub category: Category,
    /// People with at least one day in this category within the period.
    pub heads: u32,
    /// Exact FTE (round with [`round_fte`] to show).
    pub fte: Decimal,
}

/// Heads and FTE per category (every category present, in [`Category::ALL`] order),
/// plus the number of distinct people with at least one day in the period.
///
/// `people` holds each person's employment periods. A person who changes category in the
/// period is a head in both categories but counts once in the total.
pub fn category_overview<'a, I>(people: I, period: &ReportingPeriod) -> (Vec<CategoryFigures>, u32)
where
    I: IntoIterator<Item = &'a [EmploymentPeriod]>,
{
    category_overview_in_span(people, &period.span())
}

/// [`category_overview`] over an arbitrary half-open `span` (FTE relative to the span's
/// own days; an open-ended or empty span gives 0 FTE, heads still count).
pub fn category_overview_in_span<'a, I>(people: I, span: &DateSpan) -> (Vec<CategoryFigures>, u32)
where
    I: IntoIterator<Item = &'a [EmploymentPeriod]>,
{
    let span = *span;
    let mut figures: Vec<CategoryFigures> =
        Category::ALL.iter().map(|&category| CategoryFigures { category, heads: 0, fte: Decimal::ZERO }).collect();
    let mut total_heads = 0;
    for periods in people {
        let mut seen = BTreeSet::new();
        for p in periods {
            if p.span().overlap_days(&span) == 0 {
                continue;
            }
            let idx = Category::ALL.iter().position(|c| *c == p.category).expect("known category");
            figures[idx].fte += period_fte_in_span(p, &span);
            seen.insert(idx);
        }
        for idx in &seen {
            figures[*idx].heads += 1;
        }
        if !seen.is_empty() {
            total_heads += 1;
        }
    }
    (figures, total_heads)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employment::tests::{d, period};
    use std::str::FromStr;

    fn q(s: &str) -> ReportingPeriod {
        ReportingPeriod::parse(s).unwrap()
    }

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn fte_over_several_spans() {
        use Category::*;
        let month = |m: u32| ReportingPeriod::Month { year: 2026, month: m }.span();
        // Full time from 15 February, half time before: January and March taken together
        // (31 + 31 = 62 days): 0,5 × 31/62 + 1 × 31/62 = 0,75.
        let ps = [
            period(TargetGroupRecognised, d(2025, 1, 1), Some(d(2026, 2, 14)), 1900, 3800),
            period(TargetGroupRecognised, d(2026, 2, 15), None, 3800, 3800),
        ];
        assert_eq!(fte_in_spans(&ps, &[month(1), month(3)]), dec("0.75"));
        // One span is the same as fte_in_span.
        assert_eq!(fte_in_spans(&ps, &[month(2)]), fte_in_span(&ps, &month(2)));
        // All three months: (0,5 × 45 + 1 × 45) / 90 = 0,75 as well (14 Feb is the 45th day).
        assert_eq!(round_fte(fte_in_spans(&ps, &[month(1), month(2), month(3)])), dec("0.7500"));
        assert_eq!(fte_in_spans(&ps, &[]), Decimal::ZERO);
    }

    #[test]
    fn partial_quarters_table() {
        use Category::*;
        // (description, start, end, Q, S, period, expected FTE rounded to 4 decimals)
        let table = [
            ("full quarter full time", d(2025, 1, 1), None, 3800, 3800, "2026/1", "1.0000"),
            ("joins mid-quarter on 15 Feb", d(2026, 2, 15), None, 3800, 3800, "2026/1", "0.5000"), // 14 + 31 = 45 of 90 days
            ("leaves on the 1st (1 day)", d(2025, 1, 1), Some(d(2026, 1, 1)), 3800, 3800, "2026/1", "0.0111"), // 1/90
            ("leaves on the 31st of January", d(2025, 1, 1), Some(d(2026, 1, 31)), 3800, 3800, "2026/1", "0.3444"), // 31/90
            ("part time 22,8/38 whole quarter", d(2025, 1, 1), None, 2280, 3800, "2026/1", "0.6000"),
            ("half time, leap-year Q1 2024, from 1 Mar", d(2024, 3, 1), None, 1900, 3800, "2024/1", "0.1703"), // 0.5*31/91
            ("29 Feb 2024 only", d(2024, 2, 29), Some(d(2024, 2, 29)), 3800, 3800, "2024-02", "0.0345"),       // 1/29
            ("year 2024, from 1 Jul", d(2024, 7, 1), None, 3800, 3800, "2024", "0.5027"), // 184/366
            ("before the period", d(2020, 1, 1), Some(d(2025, 12, 31)), 3800, 3800, "2026/1", "0.0000"),
            ("work care 12 h of 30", d(2025, 1, 1), None, 1200, 3000, "2026/1", "0.4000"),
        ];
        for (what, start, end, qq, s, per, expected) in table {
            let p = period(TargetGroupRecognised, start, end, qq, s);
            let got = round_fte(fte_in_period(&[p], &q(per)));
            assert_eq!(got.to_string(), expected, "{what}");
        }
    }

    #[test]
    fn category_change_mid_quarter() {
        use Category::*;
        // Non-recognised until 15 Feb 2026, recognised from 16 Feb, full time.
        let person = vec![
            period(TargetGroupNonRecognised, d(2025, 6, 1), Some(d(2026, 2, 15)), 3800, 3800),
            period(TargetGroupRecognised, d(2026, 2, 16), None, 3800, 3800),
        ];
        let colleague = vec![period(SupervisorRecognised, d(2019, 1, 1), None, 1900, 3800)];
        let leaver = vec![period(Article60, d(2024, 1, 1), Some(d(2025, 12, 31)), 3800, 3800)];
        let people: Vec<&[EmploymentPeriod]> = vec![&person, &colleague, &leaver];
        let (figures, heads) = category_overview(people, &q("2026/1"));
        assert_eq!(heads, 2);
        let get = |c: Category| figures.iter().find(|f| f.category == c).unwrap();
        assert_eq!(get(TargetGroupNonRecognised).heads, 1);
        assert_eq!(get(TargetGroupRecognised).heads, 1);
        assert_eq!(round_fte(get(TargetGroupNonRecognised).fte), dec("0.5111")); // 46/90
        assert_eq!(round_fte(get(TargetGroupRecognised).fte), dec("0.4889")); // 44/90
                                                                              // the two parts add up to exactly one FTE
        assert_eq!(get(TargetGroupNonRecognised).fte + get(TargetGroupRecognised).fte, Decimal::ONE);
        assert_eq!(get(SupervisorRecognised).fte, dec("0.5"));
        assert_eq!(get(Article60).heads, 0);
        assert_eq!(figures.len(), Category::ALL.len());
    }

    #[test]
    fn fte_over_arbitrary_spans() {
        use Category::*;
        // (description, start, end, Q, S, span first day, span last day, expected FTE rounded)
        let table = [
            ("whole segment", d(2025, 1, 1), None, 3800, 3800, d(2026, 2, 1), d(2026, 3, 31), "1.0000"),
            (
                "leaves 15 Feb, segment 1 Feb – 31 Mar",
                d(2025, 1, 1),
                Some(d(2026, 2, 15)),
                3800,
                3800,
                d(2026, 2, 1),
                d(2026, 3, 31),
                "0.2542",
            ), // 15/59
            ("0,2 from 16 Feb", d(2026, 2, 16), None, 760, 3800, d(2026, 2, 1), d(2026, 3, 31), "0.1492"), // 0,2 × 44/59
            ("one-day span", d(2025, 1, 1), None, 1900, 3800, d(2026, 1, 31), d(2026, 1, 31), "0.5000"),
            ("outside", d(2026, 4, 1), None, 3800, 3800, d(2026, 1, 1), d(2026, 3, 31), "0.0000"),
        ];
        for (what, start, end, qq, s, first, last, expected) in table {
            let p = period(TargetGroupRecognised, start, end, qq, s);
            let span = DateSpan::from_inclusive(first, Some(last));
            assert_eq!(round_fte(fte_in_span(std::slice::from_ref(&p), &span)).to_string(), expected, "{what}");
        }
        // open-ended and empty spans have no days: 0 FTE
        let p = period(TargetGroupRecognised, d(2025, 1, 1), None, 3800, 3800);
        assert_eq!(span_days(&DateSpan::new(d(2026, 1, 1), None)), None);
        assert_eq!(period_fte_in_span(&p, &DateSpan::new(d(2026, 1, 1), None)), Decimal::ZERO);
        assert_eq!(period_fte_in_span(&p, &DateSpan::new(d(2026, 1, 1), Some(d(2026, 1, 1)))), Decimal::ZERO);
        // a reporting period's span gives the same as the period functions
        let quarter = q("2026/1");
        let leaver = period(SupervisorRecognised, d(2025, 1, 1), Some(d(2026, 2, 15)), 1900, 3800);
        assert_eq!(period_fte(&leaver, &quarter), period_fte_in_span(&leaver, &quarter.span()));
        let people: Vec<&[EmploymentPeriod]> = vec![std::slice::from_ref(&p), std::slice::from_ref(&leaver)];
        assert_eq!(category_overview(people.clone(), &quarter), category_overview_in_span(people, &quarter.span()));
    }

    #[test]
    fn rounding_is_half_up_at_four_decimals() {
        assert_eq!(round_fte(dec("0.12345")).to_string(), "0.1235");
        assert_eq!(round_fte(dec("0.12344999")).to_string(), "0.1234");
        assert_eq!(round_fte(dec("2")).to_string(), "2.0000");
    }
}
