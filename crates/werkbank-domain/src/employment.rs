//! Employment periods: a person's category, occupation fraction and contract over time.

use crate::category::Category;
use crate::id_enum::id_enum;
use crate::period::DateSpan;
use crate::stored::Stored;
use crate::violation::{Violation, Violations};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The occupation fraction Q/S, both in hundredths of hours (3800 = 38,00 h), as in the DmfA.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fraction {
    pub q: u32,
    pub s: u32,
}

impl Fraction {
    /// DmfA range for Q and S: 1 to 4800 hundredths (48 h).
    pub const MAX_HUNDREDTHS: u32 = 4800;

    pub fn new(q: u32, s: u32) -> Self {
        Self { q, s }
    }

    pub fn value(&self) -> Decimal {
        Decimal::from(self.q) / Decimal::from(self.s)
    }

    pub fn validate(&self) -> Vec<Violation> {
        let mut out = Vec::new();
        if self.q == 0 || self.q > Self::MAX_HUNDREDTHS {
            out.push(Violation::new("q", "fraction.q_range").with("value", hours(self.q)));
        }
        if self.s == 0 || self.s > Self::MAX_HUNDREDTHS {
            out.push(Violation::new("s", "fraction.s_range").with("value", hours(self.s)));
        }
        if out.is_empty() && self.q > self.s {
            out.push(Violation::new("q", "fraction.q_above_s").with("q", hours(self.q)).with("s", hours(self.s)));
        }
        out
    }
}

/// Hundredths of hours as Dutch text: 3800 → "38,00".
pub fn hours(hundredths: u32) -> String {
    format!("{},{:02}", hundredths / 100, hundredths % 100)
}

id_enum! {
    pub enum ContractType {
        /// arbeidsovereenkomst van onbepaalde duur
        OpenEnded => "open_ended",
        /// bepaalde duur
        FixedTerm => "fixed_term",
        /// vervangingsovereenkomst
        Replacement => "replacement",
        /// arbeidszorgovereenkomst (no employment contract)
        WorkCareAgreement => "work_care_agreement",
        /// tewerkstelling artikel 60 §7 (the OCMW is the employer)
        Article60Placement => "article_60_placement",
        Other => "other",
    }
}

impl ContractType {
    /// The usual contract for a category (a sensible default in forms and imports).
    pub fn default_for(category: Category) -> Self {
        match category {
            Category::WorkCare => ContractType::WorkCareAgreement,
            Category::Article60 => ContractType::Article60Placement,
            _ => ContractType::OpenEnded,
        }
    }
}

/// One period of employment. `end` is the last day worked (inclusive), `None` = ongoing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EmploymentPeriod {
    pub category: Category,
    pub start: NaiveDate,
    pub end: Option<NaiveDate>,
    pub fraction: Fraction,
    pub contract_type: ContractType,
    pub job: Option<String>,
    /// Article 60: the OCMW that employs the worker.
    pub ocmw: Option<String>,
    /// Article 60: the date the placement agreement was signed.
    pub placement_agreement_signed: Option<NaiveDate>,
    /// The organisation's work form this period counts in; `None` = the main work form.
    pub work_form_id: Option<i64>,
}

impl EmploymentPeriod {
    /// A new (unstored) period with the usual contract for its category and no job or
    /// article 60 details.
    pub fn new(category: Category, start: NaiveDate, end: Option<NaiveDate>, fraction: Fraction) -> Self {
        Self {
            category,
            start,
            end,
            fraction,
            contract_type: ContractType::default_for(category),
            job: None,
            ocmw: None,
            placement_agreement_signed: None,
            work_form_id: None,
        }
    }

    pub fn span(&self) -> DateSpan {
        DateSpan::from_inclusive(self.start, self.end)
    }

    /// Rules of a single period: dates in order, Q and S in range, article 60 facts only
    /// on article 60 periods.
    pub fn validate(&self) -> Vec<Violation> {
        let mut out = self.fraction.validate();
        if let Some(end) = self.end {
            if end < self.start {
                out.push(Violation::new("end", "period.end_before_start").with("start", self.start).with("end", end));
            }
        }
        if self.category != Category::Article60 && (self.ocmw.is_some() || self.placement_agreement_signed.is_some()) {
            out.push(Violation::new("ocmw", "period.article_60_fields_only"));
        }
        out
    }

    /// Checks this period against the person's other periods: a person is in one category
    /// at a time, so periods may not share a day. When editing a period, `others` leaves
    /// out its stored version (see [`others_than`]).
    pub fn check_no_overlap<'a>(
        &self,
        others: impl IntoIterator<Item = &'a EmploymentPeriod>,
    ) -> Result<(), Violations> {
        let mine = self.span();
        let clashes: Vec<Violation> = others
            .into_iter()
            .filter(|o| o.span().overlaps(&mine))
            .map(|o| {
                let v =
                    Violation::new("start", "period.overlap").with("category", o.category.id()).with("start", o.start);
                match o.end {
                    Some(end) => v.with("end", end),
                    None => v.with("end", ""),
                }
            })
            .collect();
        Violations::check(clashes)
    }
}

/// A person's stored periods other than the one stored under `id` (the period being
/// edited), for [`EmploymentPeriod::check_no_overlap`].
pub fn others_than(periods: &[Stored<EmploymentPeriod>], id: Option<i64>) -> impl Iterator<Item = &EmploymentPeriod> {
    periods.iter().filter(move |p| Some(p.id) != id).map(|p| &p.value)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    pub fn period(category: Category, start: NaiveDate, end: Option<NaiveDate>, q: u32, s: u32) -> EmploymentPeriod {
        EmploymentPeriod::new(category, start, end, Fraction::new(q, s))
    }

    #[test]
    fn contract_type_json_uses_its_id() {
        for c in ContractType::ALL {
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.id()));
        }
    }

    #[test]
    fn fraction_rules() {
        assert!(Fraction::new(3800, 3800).validate().is_empty());
        assert_eq!(Fraction::new(2280, 3800).value(), Decimal::new(6, 1));
        assert_eq!(Fraction::new(0, 3800).validate()[0].code, "fraction.q_range");
        assert_eq!(Fraction::new(3800, 0).validate()[0].code, "fraction.s_range");
        assert_eq!(Fraction::new(4000, 3800).validate()[0].code, "fraction.q_above_s");
        assert_eq!(Fraction::new(4900, 4900).validate().len(), 2);
        assert_eq!(hours(760), "7,60");
    }

    #[test]
    fn end_before_start_is_refused() {
        let p = period(Category::OtherStaff, d(2026, 3, 1), Some(d(2026, 2, 28)), 3800, 3800);
        assert_eq!(p.validate()[0].code, "period.end_before_start");
        let one_day = period(Category::OtherStaff, d(2026, 3, 1), Some(d(2026, 3, 1)), 3800, 3800);
        assert!(one_day.validate().is_empty());
    }

    #[test]
    fn article_60_fields_only_on_article_60() {
        let mut p = period(Category::TargetGroupRecognised, d(2026, 1, 1), None, 3800, 3800);
        p.ocmw = Some("OCMW Gent".into());
        assert_eq!(p.validate()[0].code, "period.article_60_fields_only");
        p.category = Category::Article60;
        assert!(p.validate().is_empty());
    }

    #[test]
    fn overlap_is_refused_and_touching_is_fine() {
        let first = period(Category::TargetGroupNonRecognised, d(2025, 1, 1), Some(d(2025, 12, 31)), 3800, 3800);
        let next = period(Category::TargetGroupRecognised, d(2026, 1, 1), None, 3800, 3800);
        assert!(next.check_no_overlap(std::slice::from_ref(&first)).is_ok());

        let clash = period(Category::TargetGroupRecognised, d(2025, 12, 31), None, 3800, 3800);
        let err = clash.check_no_overlap(std::slice::from_ref(&first)).unwrap_err();
        assert_eq!(err.0[0].code, "period.overlap");
        assert_eq!(err.0[0].params["start"], "2025-01-01");

        // an open-ended earlier period overlaps everything after it
        let open = period(Category::Article60, d(2020, 1, 1), None, 3800, 3800);
        assert!(next.check_no_overlap(&[open]).is_err());

        // editing period 1 itself does not collide with its stored version, but still with
        // the person's other periods
        let stored = [Stored::new(1, first.clone()), Stored::new(2, open_later())];
        let mut edited = first.clone();
        edited.end = Some(d(2025, 6, 30));
        assert!(edited.check_no_overlap(others_than(&stored, Some(1))).is_ok());
        let mut longer = first;
        longer.end = Some(d(2026, 6, 30));
        assert_eq!(
            longer.check_no_overlap(others_than(&stored, Some(1))).unwrap_err().0[0].params["start"],
            "2026-03-01"
        );
        // a new period (no id) meets every stored one
        assert!(edited.check_no_overlap(others_than(&stored, None)).is_err());
    }

    fn open_later() -> EmploymentPeriod {
        period(Category::TargetGroupRecognised, d(2026, 3, 1), None, 3800, 3800)
    }
}
