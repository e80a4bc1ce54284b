//! Entry conditions on a hire date (docs/domain/entry-conditions.md).
//!
//! [`check`] tests the facts known about a person against the conditions of one
//! [`EligibilityKind`] and returns every criterion with its status, the fact it used and
//! the parameters a message needs. **Unknown is a status of its own**: a fact that is not
//! recorded makes its criterion `unknown`, never `met` nor `not_met`. A criterion is only
//! decided without a fact when the outcome is the same whatever the fact is (an insertion
//! worker inactive for 12 months has enough months at any age).
//!
//! Combining: a list of conditions that must all hold (`all_of`: the criteria of a kind,
//! and the parts of an insertion alternative) is `not_met` when any is not met, else
//! `unknown` when any is unknown, else `met`. A choice (`any_of`: the insertion
//! alternatives) is `met` when any is met, `not_met` when all are not met, else `unknown`.
//!
//! Dates. "On the day before hiring" is `hire_date − 1 day` (`day_before`). "At least N
//! years (months) before" a day compares with the same day of the month N years (months)
//! earlier; when that day does not exist, the last day of that month is used (chrono's
//! [`Months`]): 29 February 2028 minus 5 years is 28 February 2023, and 31 March minus
//! 6 months is 30 September. So a span that starts on 29 February completes its years on
//! 1 March in common years (inactive since 29/02/2020: 5 years on 01/03/2025, not
//! 28/02/2025). Ages follow the same rule (born 29/02/1976: 50 on 01/03/2026).
//!
//! Criterion ids (stable; catalogue keys `eligibility.<id>`) and their params (dates ISO):
//! - `swp.limitation` (fact: `yes`/`no`/`unknown`)
//! - `swp.vdab_registered` {`day_before`, `date`?} (fact: registration date): registered
//!   on or before the day before hiring. The register keeps the date of registration as a
//!   non-working jobseeker and assumes it still runs.
//! - `swp.guidance_trajectory` (fact: `yes`/`no`/`unknown`)
//! - `swp.inactive_5_years` {`day_before`, `required_since`, `years` = 5, `since`?}
//!   (fact: inactive since): `since ≤ required_since` = day_before − 5 years.
//! - `swp.education` {`level`} (fact: education id): no diploma above the 2nd grade of
//!   secondary: `primary`, `secondary_second_grade` and `part_time_vocational` are met
//!   (DBSO does not by itself give a secondary diploma), `secondary_third_grade` and
//!   `higher` not met, `unknown` unknown.
//! - `insertion.vdab_registered` (as `swp.vdab_registered`)
//! - `insertion.insufficient_skills` (fact: `yes`/`no`/`unknown`)
//! - `insertion.alternatives` (`any_of`, parts:)
//!   - `insertion.low_skilled` (`all_of`, parts:)
//!     - `insertion.low_skilled.education` {`level`}: at most 3rd grade secondary, i.e.
//!       anything but `higher`.
//!     - `insertion.low_skilled.inactive` {`day_before`, `since`?, `age`?, `months`?,
//!       `required_since`?}: ≥ 12 months inactive under 50, ≥ 6 months from 50 (age on
//!       the day before hiring). `months` and `required_since` are present when the age
//!       is known.
//!   - `insertion.work_disabled` (`all_of`, parts:)
//!     - `insertion.work_disabled.registration` (fact: disability registration)
//!     - `insertion.work_disabled.inactive` {`day_before`, `required_since`, `months` = 6,
//!       `since`?}
//!   - `insertion.part_time_vocational` (fact: `yes`/`no`/`unknown`, from the education)
//! - `work_care.attest_valid` {`hire_date`, `valid_until`?}: the attest is valid through
//!   the hire date (`valid_until ≥ hire_date`).
//! - `article_60.agreement_before_start` {`start`, `signed`?}: signed on or before the
//!   first day of the placement. The register keeps days, not hours: an agreement signed
//!   on the first day is taken to be signed before the work starts.

use crate::category::Category;
use crate::employment::EmploymentPeriod;
use crate::id_enum::id_enum;
use crate::organisation::WorkFormKind;
use crate::person::{EducationLevel, Person, TriState};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

id_enum! {
    /// Which entry conditions apply.
    pub enum EligibilityKind {
        /// target group of a sociale werkplaats
        SocialWorkshop => "social_workshop",
        /// invoegwerknemer
        Insertion => "insertion",
        /// arbeidszorgmedewerker
        WorkCare => "work_care",
        /// tewerkstelling artikel 60 §7
        Article60 => "article_60",
    }
}

impl EligibilityKind {
    /// The conditions for a person in `category` in a work form of `kind`: target-group
    /// workers (recognised or not) in a social workshop → social_workshop, in an
    /// insertion company → insertion; work_care → work_care and article_60 → article_60
    /// in any work form. `None`: no entry conditions are modelled (supervisors, other
    /// staff, target-group workers of maatwerk, local services or work care).
    pub fn for_category(category: Category, kind: WorkFormKind) -> Option<Self> {
        match (category, kind) {
            (Category::Article60, _) => Some(EligibilityKind::Article60),
            (Category::WorkCare, _) => Some(EligibilityKind::WorkCare),
            (Category::TargetGroupRecognised | Category::TargetGroupNonRecognised, WorkFormKind::SocialWorkshop) => {
                Some(EligibilityKind::SocialWorkshop)
            }
            (Category::TargetGroupRecognised | Category::TargetGroupNonRecognised, WorkFormKind::Insertion) => {
                Some(EligibilityKind::Insertion)
            }
            _ => None,
        }
    }
}

id_enum! {
    pub enum CriterionStatus {
        Met => "met",
        NotMet => "not_met",
        Unknown => "unknown",
    }
}

impl CriterionStatus {
    /// Every one must hold: any not met → not met; else any unknown → unknown; else met.
    pub fn all_of(statuses: impl IntoIterator<Item = CriterionStatus>) -> Self {
        let mut out = CriterionStatus::Met;
        for s in statuses {
            match s {
                CriterionStatus::NotMet => return CriterionStatus::NotMet,
                CriterionStatus::Unknown => out = CriterionStatus::Unknown,
                CriterionStatus::Met => {}
            }
        }
        out
    }

    /// One must hold: any met → met; else any unknown → unknown; else (all not met, or
    /// none) not met.
    pub fn any_of(statuses: impl IntoIterator<Item = CriterionStatus>) -> Self {
        let mut out = CriterionStatus::NotMet;
        for s in statuses {
            match s {
                CriterionStatus::Met => return CriterionStatus::Met,
                CriterionStatus::Unknown => out = CriterionStatus::Unknown,
                CriterionStatus::NotMet => {}
            }
        }
        out
    }

    fn from_tri(t: TriState) -> Self {
        match t {
            TriState::Yes => CriterionStatus::Met,
            TriState::No => CriterionStatus::NotMet,
            TriState::Unknown => CriterionStatus::Unknown,
        }
    }

    fn from_bool(b: bool) -> Self {
        if b {
            CriterionStatus::Met
        } else {
            CriterionStatus::NotMet
        }
    }
}

/// How the parts of a composite criterion combine.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Combine {
    AllOf,
    AnyOf,
}

id_enum! {
    /// The criteria of the entry conditions. JSON and [`CriterionId::id`] give the dotted id.
    pub enum CriterionId {
        SwpLimitation => "swp.limitation",
        SwpVdabRegistered => "swp.vdab_registered",
        SwpGuidanceTrajectory => "swp.guidance_trajectory",
        SwpInactive5Years => "swp.inactive_5_years",
        SwpEducation => "swp.education",
        InsertionVdabRegistered => "insertion.vdab_registered",
        InsertionInsufficientSkills => "insertion.insufficient_skills",
        InsertionAlternatives => "insertion.alternatives",
        InsertionLowSkilled => "insertion.low_skilled",
        InsertionLowSkilledEducation => "insertion.low_skilled.education",
        InsertionLowSkilledInactive => "insertion.low_skilled.inactive",
        InsertionWorkDisabled => "insertion.work_disabled",
        InsertionWorkDisabledRegistration => "insertion.work_disabled.registration",
        InsertionWorkDisabledInactive => "insertion.work_disabled.inactive",
        InsertionPartTimeVocational => "insertion.part_time_vocational",
        WorkCareAttestValid => "work_care.attest_valid",
        Article60AgreementBeforeStart => "article_60.agreement_before_start",
    }
}

/// One condition and its outcome.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub id: CriterionId,
    pub status: CriterionStatus,
    /// The fact used: an ISO date or an enum id; `None` when no fact is recorded (or for a
    /// composite criterion).
    pub fact: Option<String>,
    /// Placeholders for the message (see the module documentation).
    pub params: BTreeMap<String, String>,
    /// For a composite criterion: how `parts` combine into `status`.
    pub combine: Option<Combine>,
    pub parts: Vec<Criterion>,
}

impl Criterion {
    fn new(id: CriterionId, status: CriterionStatus, fact: Option<String>) -> Self {
        Self { id, status, fact, params: BTreeMap::new(), combine: None, parts: Vec::new() }
    }

    fn composite(id: CriterionId, combine: Combine, parts: Vec<Criterion>) -> Self {
        let statuses = parts.iter().map(|p| p.status);
        let status = match combine {
            Combine::AllOf => CriterionStatus::all_of(statuses),
            Combine::AnyOf => CriterionStatus::any_of(statuses),
        };
        Self { id, status, fact: None, params: BTreeMap::new(), combine: Some(combine), parts }
    }

    fn tri(id: CriterionId, t: TriState) -> Self {
        Self::new(id, CriterionStatus::from_tri(t), Some(t.id().to_string()))
    }

    fn with(mut self, key: &str, value: impl ToString) -> Self {
        self.params.insert(key.to_string(), value.to_string());
        self
    }

    fn with_opt(self, key: &str, value: Option<impl ToString>) -> Self {
        match value {
            Some(v) => self.with(key, v),
            None => self,
        }
    }

    /// The criterion with `id`, here or among the parts (depth first).
    pub fn find(&self, id: CriterionId) -> Option<&Criterion> {
        if self.id == id {
            return Some(self);
        }
        self.parts.iter().find_map(|p| p.find(id))
    }
}

/// The facts the entry conditions use. Facts the register does not keep are unknown.
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EligibilityFacts {
    pub birth_date: Option<NaiveDate>,
    pub limitation: TriState,
    pub disability_registration: TriState,
    /// Registered with VDAB as a non-working jobseeker since.
    pub vdab_registration_date: Option<NaiveDate>,
    /// Uninterruptedly inactive since.
    pub inactive_since: Option<NaiveDate>,
    pub education_level: EducationLevel,
    pub guidance_trajectory: TriState,
    /// Basic services show insufficient skills or qualifications (insertion).
    pub insufficient_skills: TriState,
    /// A jobseeker from DBSO; derived from the education ([`Self::part_time_vocational_of`]).
    pub part_time_vocational: TriState,
    /// The work-care attest is valid through this day (inclusive).
    pub work_care_attest_valid_until: Option<NaiveDate>,
    pub article_60_agreement_signed: Option<NaiveDate>,
}

impl EligibilityFacts {
    /// The facts a [`Person`] records; the guidance trajectory, insufficient skills, the
    /// work-care attest and the article 60 agreement are not person facts and stay unknown.
    pub fn from_person(person: &Person) -> Self {
        Self {
            birth_date: person.birth_date,
            limitation: person.limitation,
            disability_registration: person.disability_registration,
            vdab_registration_date: person.vdab_registration_date,
            inactive_since: person.inactive_since,
            education_level: person.education_level,
            guidance_trajectory: person.guidance_trajectory,
            insufficient_skills: person.insufficient_skills,
            part_time_vocational: Self::part_time_vocational_of(person.education_level),
            work_care_attest_valid_until: person.work_care_attest_valid_until,
            article_60_agreement_signed: None,
        }
    }

    /// Adds what an employment period records: the signing date of an article 60
    /// placement agreement (when the period has one).
    pub fn with_period(mut self, period: &EmploymentPeriod) -> Self {
        if period.placement_agreement_signed.is_some() {
            self.article_60_agreement_signed = period.placement_agreement_signed;
        }
        self
    }

    /// DBSO from the education level: `part_time_vocational` → yes, `unknown` → unknown,
    /// any other level → no.
    pub fn part_time_vocational_of(level: EducationLevel) -> TriState {
        match level {
            EducationLevel::PartTimeVocational => TriState::Yes,
            EducationLevel::Unknown => TriState::Unknown,
            _ => TriState::No,
        }
    }
}

/// The outcome of [`check`].
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Eligibility {
    pub kind: EligibilityKind,
    pub hire_date: NaiveDate,
    pub day_before: NaiveDate,
    pub criteria: Vec<Criterion>,
    /// `all_of` the criteria.
    pub overall: CriterionStatus,
}

impl Eligibility {
    /// The criterion with `id`, at any depth.
    pub fn criterion(&self, id: CriterionId) -> Option<&Criterion> {
        self.criteria.iter().find_map(|c| c.find(id))
    }
}

/// The day `years` years before `day` (see the module documentation for 29 February).
pub fn years_before(day: NaiveDate, years: u32) -> NaiveDate {
    months_before(day, 12 * years)
}

/// The day `months` months before `day`; the last day of the month when the day of the
/// month does not exist there.
pub fn months_before(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_sub_months(Months::new(months)).expect("date in range")
}

/// Age in completed years on `day`; by the same rule as [`years_before`]
/// (`age_on(b, d) ≥ n` ⟺ `b ≤ years_before(d, n)`).
pub fn age_on(birth: NaiveDate, day: NaiveDate) -> i32 {
    let years = day.year() - birth.year();
    if (day.month(), day.day()) < (birth.month(), birth.day()) {
        years - 1
    } else {
        years
    }
}

fn registered(id: CriterionId, date: Option<NaiveDate>, day_before: NaiveDate) -> Criterion {
    let status = match date {
        Some(d) => CriterionStatus::from_bool(d <= day_before),
        None => CriterionStatus::Unknown,
    };
    Criterion::new(id, status, date.map(|d| d.to_string())).with("day_before", day_before).with_opt("date", date)
}

/// Inactive since at most `required_since`.
fn inactive_since_by(id: CriterionId, since: Option<NaiveDate>, required_since: NaiveDate) -> Criterion {
    let status = match since {
        Some(s) => CriterionStatus::from_bool(s <= required_since),
        None => CriterionStatus::Unknown,
    };
    Criterion::new(id, status, since.map(|d| d.to_string()))
        .with("required_since", required_since)
        .with_opt("since", since)
}

fn education(id: CriterionId, level: EducationLevel, met: &[EducationLevel]) -> Criterion {
    let status = if level == EducationLevel::Unknown {
        CriterionStatus::Unknown
    } else {
        CriterionStatus::from_bool(met.contains(&level))
    };
    Criterion::new(id, status, Some(level.id().to_string())).with("level", level.id())
}

fn social_workshop(facts: &EligibilityFacts, day_before: NaiveDate) -> Vec<Criterion> {
    use EducationLevel::*;
    vec![
        Criterion::tri(CriterionId::SwpLimitation, facts.limitation),
        registered(CriterionId::SwpVdabRegistered, facts.vdab_registration_date, day_before),
        Criterion::tri(CriterionId::SwpGuidanceTrajectory, facts.guidance_trajectory),
        inactive_since_by(CriterionId::SwpInactive5Years, facts.inactive_since, years_before(day_before, 5))
            .with("years", 5)
            .with("day_before", day_before),
        education(
            CriterionId::SwpEducation,
            facts.education_level,
            &[Primary, SecondarySecondGrade, PartTimeVocational],
        ),
    ]
}

/// ≥ 12 months inactive under 50, ≥ 6 months from 50; decided without a birth date only
/// when both bands agree.
fn low_skilled_inactive(facts: &EligibilityFacts, day_before: NaiveDate) -> Criterion {
    let id = CriterionId::InsertionLowSkilledInactive;
    let age = facts.birth_date.map(|b| age_on(b, day_before));
    let months = facts.birth_date.map(|b| if b <= years_before(day_before, 50) { 6 } else { 12 });
    let base = match (facts.inactive_since, months) {
        (_, Some(m)) => inactive_since_by(id, facts.inactive_since, months_before(day_before, m)).with("months", m),
        (None, None) => Criterion::new(id, CriterionStatus::Unknown, None),
        (Some(since), None) => {
            let status = if since <= months_before(day_before, 12) {
                CriterionStatus::Met
            } else if since > months_before(day_before, 6) {
                CriterionStatus::NotMet
            } else {
                CriterionStatus::Unknown
            };
            Criterion::new(id, status, Some(since.to_string())).with("since", since)
        }
    };
    base.with("day_before", day_before).with_opt("age", age)
}

fn insertion(facts: &EligibilityFacts, day_before: NaiveDate) -> Vec<Criterion> {
    use EducationLevel::*;
    let low_skilled = Criterion::composite(
        CriterionId::InsertionLowSkilled,
        Combine::AllOf,
        vec![
            education(
                CriterionId::InsertionLowSkilledEducation,
                facts.education_level,
                &[Primary, SecondarySecondGrade, PartTimeVocational, SecondaryThirdGrade],
            ),
            low_skilled_inactive(facts, day_before),
        ],
    );
    let work_disabled = Criterion::composite(
        CriterionId::InsertionWorkDisabled,
        Combine::AllOf,
        vec![
            Criterion::tri(CriterionId::InsertionWorkDisabledRegistration, facts.disability_registration),
            inactive_since_by(
                CriterionId::InsertionWorkDisabledInactive,
                facts.inactive_since,
                months_before(day_before, 6),
            )
            .with("months", 6)
            .with("day_before", day_before),
        ],
    );
    let part_time_vocational = Criterion::tri(CriterionId::InsertionPartTimeVocational, facts.part_time_vocational);
    vec![
        registered(CriterionId::InsertionVdabRegistered, facts.vdab_registration_date, day_before),
        Criterion::tri(CriterionId::InsertionInsufficientSkills, facts.insufficient_skills),
        Criterion::composite(
            CriterionId::InsertionAlternatives,
            Combine::AnyOf,
            vec![low_skilled, work_disabled, part_time_vocational],
        ),
    ]
}

fn work_care(facts: &EligibilityFacts, hire_date: NaiveDate) -> Vec<Criterion> {
    let until = facts.work_care_attest_valid_until;
    let status = match until {
        Some(u) => CriterionStatus::from_bool(u >= hire_date),
        None => CriterionStatus::Unknown,
    };
    vec![Criterion::new(CriterionId::WorkCareAttestValid, status, until.map(|d| d.to_string()))
        .with("hire_date", hire_date)
        .with_opt("valid_until", until)]
}

fn article_60(facts: &EligibilityFacts, start: NaiveDate) -> Vec<Criterion> {
    let signed = facts.article_60_agreement_signed;
    let status = match signed {
        Some(s) => CriterionStatus::from_bool(s <= start),
        None => CriterionStatus::Unknown,
    };
    vec![Criterion::new(CriterionId::Article60AgreementBeforeStart, status, signed.map(|d| d.to_string()))
        .with("start", start)
        .with_opt("signed", signed)]
}

/// Checks the entry conditions of `kind` on `hire_date` (for article 60: the first day of
/// the placement).
pub fn check(kind: EligibilityKind, facts: &EligibilityFacts, hire_date: NaiveDate) -> Eligibility {
    let day_before = hire_date.pred_opt().expect("date in range");
    let criteria = match kind {
        EligibilityKind::SocialWorkshop => social_workshop(facts, day_before),
        EligibilityKind::Insertion => insertion(facts, day_before),
        EligibilityKind::WorkCare => work_care(facts, hire_date),
        EligibilityKind::Article60 => article_60(facts, hire_date),
    };
    let overall = CriterionStatus::all_of(criteria.iter().map(|c| c.status));
    Eligibility { kind, hire_date, day_before, criteria, overall }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::employment::tests::{d, period};
    use CriterionStatus::{Met, NotMet, Unknown};

    const HIRE: (i32, u32, u32) = (2026, 3, 2);

    fn hire() -> NaiveDate {
        d(HIRE.0, HIRE.1, HIRE.2)
    }

    /// Meets every SWP condition on 2 March 2026 (day before: 1 March 2026).
    fn swp_facts() -> EligibilityFacts {
        EligibilityFacts {
            birth_date: Some(d(1980, 6, 15)),
            limitation: TriState::Yes,
            disability_registration: TriState::No,
            vdab_registration_date: Some(d(2019, 5, 1)),
            inactive_since: Some(d(2018, 1, 1)),
            education_level: EducationLevel::Primary,
            guidance_trajectory: TriState::Yes,
            insufficient_skills: TriState::Yes,
            part_time_vocational: TriState::No,
            work_care_attest_valid_until: None,
            article_60_agreement_signed: None,
        }
    }

    fn status(e: &Eligibility, id: CriterionId) -> CriterionStatus {
        e.criterion(id).unwrap_or_else(|| panic!("{id:?} missing")).status
    }

    fn statuses(e: &Eligibility) -> Vec<(&'static str, CriterionStatus)> {
        e.criteria.iter().map(|c| (c.id.id(), c.status)).collect()
    }

    #[test]
    fn identifiers_are_stable_json() {
        for c in CriterionId::ALL {
            assert_eq!(serde_json::to_string(&c).unwrap(), format!("\"{}\"", c.id()));
            assert_eq!(CriterionId::from_id(c.id()), Some(c));
        }
        for k in EligibilityKind::ALL {
            assert_eq!(serde_json::to_string(&k).unwrap(), format!("\"{}\"", k.id()));
            assert_eq!(EligibilityKind::from_id(k.id()), Some(k));
        }
        for s in [Met, NotMet, Unknown] {
            assert_eq!(serde_json::to_string(&s).unwrap(), format!("\"{}\"", s.id()));
        }
        assert_eq!(serde_json::to_string(&Combine::AnyOf).unwrap(), "\"any_of\"");
        let e = check(EligibilityKind::Article60, &swp_facts(), hire());
        assert_eq!(
            serde_json::to_value(&e).unwrap(),
            serde_json::json!({
                "kind": "article_60", "hire_date": "2026-03-02", "day_before": "2026-03-01", "overall": "unknown",
                "criteria": [{"id": "article_60.agreement_before_start", "status": "unknown", "fact": null,
                              "params": {"start": "2026-03-02"}, "combine": null, "parts": []}]
            })
        );
    }

    #[test]
    fn kind_per_category_and_work_form() {
        use Category::*;
        use WorkFormKind as W;
        let table = [
            (TargetGroupRecognised, W::SocialWorkshop, Some(EligibilityKind::SocialWorkshop)),
            (TargetGroupNonRecognised, W::SocialWorkshop, Some(EligibilityKind::SocialWorkshop)),
            (TargetGroupRecognised, W::Insertion, Some(EligibilityKind::Insertion)),
            (TargetGroupNonRecognised, W::Insertion, Some(EligibilityKind::Insertion)),
            (TargetGroupRecognised, W::Maatwerk, None),
            (TargetGroupRecognised, W::LocalServices, None),
            (WorkCare, W::WorkCare, Some(EligibilityKind::WorkCare)),
            (WorkCare, W::SocialWorkshop, Some(EligibilityKind::WorkCare)),
            (Article60, W::SocialWorkshop, Some(EligibilityKind::Article60)),
            (Article60, W::LocalServices, Some(EligibilityKind::Article60)),
            (SupervisorRecognised, W::SocialWorkshop, None),
            (SupervisorNonRecognised, W::WorkCare, None),
            (OtherStaff, W::Insertion, None),
        ];
        for (category, form, expected) in table {
            assert_eq!(EligibilityKind::for_category(category, form), expected, "{category:?} in {form:?}");
        }
    }

    #[test]
    fn combining_statuses() {
        let table = [
            (vec![], Met, NotMet),
            (vec![Met, Met], Met, Met),
            (vec![Met, Unknown], Unknown, Met),
            (vec![Unknown, NotMet], NotMet, Unknown),
            (vec![NotMet, NotMet], NotMet, NotMet),
            (vec![Unknown, Unknown], Unknown, Unknown),
            (vec![NotMet, Met], NotMet, Met),
        ];
        for (input, all, any) in table {
            assert_eq!(CriterionStatus::all_of(input.clone()), all, "all_of {input:?}");
            assert_eq!(CriterionStatus::any_of(input.clone()), any, "any_of {input:?}");
        }
    }

    #[test]
    fn swp_all_met() {
        let e = check(EligibilityKind::SocialWorkshop, &swp_facts(), hire());
        assert_eq!(e.day_before, d(2026, 3, 1));
        assert_eq!(
            statuses(&e),
            vec![
                ("swp.limitation", Met),
                ("swp.vdab_registered", Met),
                ("swp.guidance_trajectory", Met),
                ("swp.inactive_5_years", Met),
                ("swp.education", Met),
            ]
        );
        assert_eq!(e.overall, Met);
        let inactive = e.criterion(CriterionId::SwpInactive5Years).unwrap();
        assert_eq!(inactive.fact.as_deref(), Some("2018-01-01"));
        assert_eq!(inactive.params["required_since"], "2021-03-01");
        assert_eq!(inactive.params["years"], "5");
        assert_eq!(inactive.params["day_before"], "2026-03-01");
        assert_eq!(e.criterion(CriterionId::SwpEducation).unwrap().fact.as_deref(), Some("primary"));
        assert_eq!(e.criterion(CriterionId::SwpLimitation).unwrap().fact.as_deref(), Some("yes"));
    }

    #[test]
    fn swp_each_criterion_failing_and_unknown() {
        type Edit = fn(&mut EligibilityFacts);
        // (criterion, makes it fail, makes it unknown)
        let table: [(CriterionId, Edit, Edit); 5] = [
            (CriterionId::SwpLimitation, |f| f.limitation = TriState::No, |f| f.limitation = TriState::Unknown),
            (
                CriterionId::SwpVdabRegistered,
                |f| f.vdab_registration_date = Some(d(2026, 3, 2)),
                |f| f.vdab_registration_date = None,
            ),
            (
                CriterionId::SwpGuidanceTrajectory,
                |f| f.guidance_trajectory = TriState::No,
                |f| f.guidance_trajectory = TriState::Unknown,
            ),
            (CriterionId::SwpInactive5Years, |f| f.inactive_since = Some(d(2021, 3, 2)), |f| f.inactive_since = None),
            (
                CriterionId::SwpEducation,
                |f| f.education_level = EducationLevel::SecondaryThirdGrade,
                |f| f.education_level = EducationLevel::Unknown,
            ),
        ];
        for (id, fail, unknown) in table {
            let mut facts = swp_facts();
            fail(&mut facts);
            let e = check(EligibilityKind::SocialWorkshop, &facts, hire());
            assert_eq!(status(&e, id), NotMet, "{id:?} failing");
            assert_eq!(e.criteria.iter().filter(|c| c.status != Met).count(), 1, "{id:?}: only it fails");
            assert_eq!(e.overall, NotMet, "{id:?} failing");

            let mut facts = swp_facts();
            unknown(&mut facts);
            let e = check(EligibilityKind::SocialWorkshop, &facts, hire());
            assert_eq!(status(&e, id), Unknown, "{id:?} unknown");
            assert_eq!(e.overall, Unknown, "{id:?} unknown");

            // a failure outweighs an unknown
            fail(&mut facts);
            let mut other = facts.clone();
            other.limitation = if id == CriterionId::SwpLimitation { TriState::No } else { TriState::Unknown };
            assert_eq!(check(EligibilityKind::SocialWorkshop, &other, hire()).overall, NotMet, "{id:?}");
        }
        let e = check(EligibilityKind::SocialWorkshop, &EligibilityFacts::from_person(&person()), hire());
        assert!(e.criteria.iter().all(|c| c.status == Unknown), "nothing known: everything unknown");
        assert_eq!(e.criterion(CriterionId::SwpVdabRegistered).unwrap().fact, None);
    }

    #[test]
    fn swp_education_levels() {
        use EducationLevel::*;
        let table = [
            (Unknown, CriterionStatus::Unknown),
            (Primary, Met),
            (SecondarySecondGrade, Met),
            (PartTimeVocational, Met),
            (SecondaryThirdGrade, NotMet),
            (Higher, NotMet),
        ];
        for (level, expected) in table {
            let facts = EligibilityFacts { education_level: level, ..swp_facts() };
            let e = check(EligibilityKind::SocialWorkshop, &facts, hire());
            assert_eq!(status(&e, CriterionId::SwpEducation), expected, "{level:?}");
            assert_eq!(e.criterion(CriterionId::SwpEducation).unwrap().params["level"], level.id());
        }
    }

    #[test]
    fn day_before_boundaries() {
        // (vdab registration date, hire date, expected)
        let registration = [
            (d(2026, 3, 2), d(2026, 3, 2), NotMet), // on the hire date itself
            (d(2026, 3, 1), d(2026, 3, 2), Met),    // the day before
            (d(2026, 3, 3), d(2026, 3, 2), NotMet), // after
            (d(2025, 12, 31), d(2026, 1, 1), Met),  // the day before, across a year
            (d(2024, 2, 29), d(2024, 3, 1), Met),   // the day before is 29 February
        ];
        for (registered, hired, expected) in registration {
            let facts = EligibilityFacts { vdab_registration_date: Some(registered), ..swp_facts() };
            for kind in [EligibilityKind::SocialWorkshop, EligibilityKind::Insertion] {
                let e = check(kind, &facts, hired);
                let id = if kind == EligibilityKind::Insertion {
                    CriterionId::InsertionVdabRegistered
                } else {
                    CriterionId::SwpVdabRegistered
                };
                assert_eq!(status(&e, id), expected, "{kind:?} registered {registered}, hired {hired}");
            }
        }

        // (inactive since, hire date, expected): 5 years on the day before hiring
        let inactive = [
            (d(2021, 3, 1), d(2026, 3, 2), Met), // exactly 5 years on the day before (1 Mar 2026)
            (d(2021, 3, 2), d(2026, 3, 2), NotMet), // one day short
            (d(2021, 2, 28), d(2026, 3, 2), Met),
            // day before 29 Feb 2028: 5 years earlier is 28 Feb 2023 (no 29 Feb in 2023)
            (d(2023, 2, 28), d(2028, 3, 1), Met),
            (d(2023, 3, 1), d(2028, 3, 1), NotMet),
            // inactive since 29 Feb 2020: 5 years are complete on 1 Mar 2025, not on 28 Feb
            (d(2020, 2, 29), d(2025, 3, 1), NotMet), // day before 28 Feb 2025
            (d(2020, 2, 29), d(2025, 3, 2), Met),    // day before 1 Mar 2025
            // the day before is 29 Feb 2024: 5 years earlier is 28 Feb 2019
            (d(2019, 2, 28), d(2024, 3, 1), Met),
            (d(2019, 3, 1), d(2024, 3, 1), NotMet), // one day short
            (d(2019, 3, 1), d(2024, 3, 2), Met),    // day before 1 Mar 2024: exactly 5 years
            (d(2019, 2, 28), d(2024, 2, 29), Met),  // day before 28 Feb 2024: exactly 5 years
        ];
        for (since, hired, expected) in inactive {
            let facts = EligibilityFacts { inactive_since: Some(since), ..swp_facts() };
            let e = check(EligibilityKind::SocialWorkshop, &facts, hired);
            assert_eq!(status(&e, CriterionId::SwpInactive5Years), expected, "inactive since {since}, hired {hired}");
        }
    }

    #[test]
    fn date_arithmetic_rules() {
        assert_eq!(years_before(d(2028, 2, 29), 5), d(2023, 2, 28));
        assert_eq!(years_before(d(2028, 2, 29), 4), d(2024, 2, 29));
        assert_eq!(years_before(d(2026, 3, 1), 5), d(2021, 3, 1));
        assert_eq!(months_before(d(2026, 3, 31), 6), d(2025, 9, 30));
        assert_eq!(months_before(d(2026, 3, 1), 12), d(2025, 3, 1));
        assert_eq!(age_on(d(1976, 2, 29), d(2026, 2, 28)), 49);
        assert_eq!(age_on(d(1976, 2, 29), d(2026, 3, 1)), 50);
        assert_eq!(age_on(d(1976, 6, 15), d(2026, 6, 14)), 49);
        assert_eq!(age_on(d(1976, 6, 15), d(2026, 6, 15)), 50);
        // age and years_before agree on every day of 2023–2029 for births around February
        let births = [d(1976, 2, 28), d(1976, 2, 29), d(1976, 3, 1), d(1977, 2, 28), d(1977, 3, 1), d(1978, 12, 31)];
        let mut day = d(2023, 1, 1);
        while day < d(2030, 1, 1) {
            for b in births {
                assert_eq!(age_on(b, day) >= 50, b <= years_before(day, 50), "born {b}, on {day}");
            }
            day = day.succ_opt().unwrap();
        }
    }

    /// Insertion facts: registered, insufficient skills, and no alternative decided yet.
    fn insertion_facts() -> EligibilityFacts {
        EligibilityFacts {
            birth_date: Some(d(1990, 1, 1)),
            limitation: TriState::Unknown,
            disability_registration: TriState::No,
            vdab_registration_date: Some(d(2025, 1, 1)),
            inactive_since: Some(d(2025, 1, 1)),
            education_level: EducationLevel::SecondaryThirdGrade,
            guidance_trajectory: TriState::Unknown,
            insufficient_skills: TriState::Yes,
            part_time_vocational: TriState::No,
            work_care_attest_valid_until: None,
            article_60_agreement_signed: None,
        }
    }

    #[test]
    fn insertion_alternatives() {
        use CriterionId as C;
        let check_ins = |facts: &EligibilityFacts| check(EligibilityKind::Insertion, facts, hire());

        // low-skilled, under 50, 14 months inactive (since 1 Jan 2025, day before 1 Mar 2026)
        let e = check_ins(&insertion_facts());
        assert_eq!(status(&e, C::InsertionLowSkilledEducation), Met);
        assert_eq!(status(&e, C::InsertionLowSkilledInactive), Met);
        assert_eq!(status(&e, C::InsertionLowSkilled), Met);
        assert_eq!(status(&e, C::InsertionWorkDisabled), NotMet);
        assert_eq!(status(&e, C::InsertionPartTimeVocational), NotMet);
        assert_eq!(status(&e, C::InsertionAlternatives), Met);
        assert_eq!(e.overall, Met);
        let alternatives = e.criterion(C::InsertionAlternatives).unwrap();
        assert_eq!(alternatives.combine, Some(Combine::AnyOf));
        assert_eq!(
            alternatives.parts.iter().map(|p| p.id.id()).collect::<Vec<_>>(),
            ["insertion.low_skilled", "insertion.work_disabled", "insertion.part_time_vocational"]
        );
        let inactive = e.criterion(C::InsertionLowSkilledInactive).unwrap();
        assert_eq!(inactive.params["months"], "12");
        assert_eq!(inactive.params["age"], "36");
        assert_eq!(inactive.params["required_since"], "2025-03-01");

        // (description, edit, expected low_skilled, work_disabled, part_time_vocational, alternatives)
        type Edit = fn(&mut EligibilityFacts);
        let table: Vec<(&str, Edit, [CriterionStatus; 4])> = vec![
            (
                "higher education: no alternative",
                |f| f.education_level = EducationLevel::Higher,
                [NotMet, NotMet, NotMet, NotMet],
            ),
            (
                "under 50, 9 months inactive: too short",
                |f| f.inactive_since = Some(d(2025, 6, 1)),
                [NotMet, NotMet, NotMet, NotMet],
            ),
            (
                "50+, 9 months inactive: enough",
                |f| {
                    f.inactive_since = Some(d(2025, 6, 1));
                    f.birth_date = Some(d(1975, 1, 1));
                },
                [Met, NotMet, NotMet, Met],
            ),
            (
                "50+, 5 months inactive: too short",
                |f| {
                    f.inactive_since = Some(d(2025, 10, 1));
                    f.birth_date = Some(d(1975, 1, 1));
                },
                [NotMet, NotMet, NotMet, NotMet],
            ),
            (
                "no birth date, 9 months: depends on the age",
                |f| {
                    f.inactive_since = Some(d(2025, 6, 1));
                    f.birth_date = None;
                },
                [Unknown, NotMet, NotMet, Unknown],
            ),
            ("no birth date, 14 months: enough at any age", |f| f.birth_date = None, [Met, NotMet, NotMet, Met]),
            (
                "no birth date, 3 months: too short at any age",
                |f| {
                    f.inactive_since = Some(d(2025, 12, 1));
                    f.birth_date = None;
                },
                [NotMet, NotMet, NotMet, NotMet],
            ),
            (
                "work-disabled, 6 months inactive, higher education",
                |f| {
                    f.education_level = EducationLevel::Higher;
                    f.disability_registration = TriState::Yes;
                    f.inactive_since = Some(d(2025, 9, 1));
                },
                [NotMet, Met, NotMet, Met],
            ),
            (
                "work-disabled, 5 months inactive",
                |f| {
                    f.education_level = EducationLevel::Higher;
                    f.disability_registration = TriState::Yes;
                    f.inactive_since = Some(d(2025, 9, 2));
                },
                [NotMet, NotMet, NotMet, NotMet],
            ),
            (
                "disability unknown, 6 months inactive",
                |f| {
                    f.education_level = EducationLevel::Higher;
                    f.disability_registration = TriState::Unknown;
                    f.inactive_since = Some(d(2025, 9, 1));
                },
                [NotMet, Unknown, NotMet, Unknown],
            ),
            (
                "DBSO, recently inactive",
                |f| {
                    f.education_level = EducationLevel::PartTimeVocational;
                    f.part_time_vocational = TriState::Yes;
                    f.inactive_since = Some(d(2026, 1, 1));
                },
                [NotMet, NotMet, Met, Met],
            ),
            (
                "education unknown, recently inactive",
                |f| {
                    f.education_level = EducationLevel::Unknown;
                    f.part_time_vocational = TriState::Unknown;
                    f.inactive_since = Some(d(2026, 1, 1));
                },
                [NotMet, NotMet, Unknown, Unknown],
            ),
            (
                "education unknown, long inactive",
                |f| {
                    f.education_level = EducationLevel::Unknown;
                    f.part_time_vocational = TriState::Unknown;
                },
                [Unknown, NotMet, Unknown, Unknown],
            ),
            ("inactivity unknown", |f| f.inactive_since = None, [Unknown, NotMet, NotMet, Unknown]),
        ];
        for (what, edit, [low, disabled, dbso, any]) in table {
            let mut facts = insertion_facts();
            edit(&mut facts);
            let e = check_ins(&facts);
            assert_eq!(status(&e, C::InsertionLowSkilled), low, "{what}: low skilled");
            assert_eq!(status(&e, C::InsertionWorkDisabled), disabled, "{what}: work-disabled");
            assert_eq!(status(&e, C::InsertionPartTimeVocational), dbso, "{what}: DBSO");
            assert_eq!(status(&e, C::InsertionAlternatives), any, "{what}: alternatives");
            assert_eq!(e.overall, any, "{what}: overall follows the alternatives");
        }

        // the other two criteria
        let facts = EligibilityFacts { insufficient_skills: TriState::No, ..insertion_facts() };
        assert_eq!(check_ins(&facts).overall, NotMet);
        let facts = EligibilityFacts { insufficient_skills: TriState::Unknown, ..insertion_facts() };
        assert_eq!(check_ins(&facts).overall, Unknown);
        let facts = EligibilityFacts { vdab_registration_date: Some(hire()), ..insertion_facts() };
        assert_eq!(status(&check_ins(&facts), C::InsertionVdabRegistered), NotMet);
    }

    #[test]
    fn insertion_age_50_boundary_on_29_february() {
        // born 29 Feb 1976; 9 months inactive (since 1 May 2025)
        let facts = EligibilityFacts {
            birth_date: Some(d(1976, 2, 29)),
            inactive_since: Some(d(2025, 5, 1)),
            ..insertion_facts()
        };
        let inactive = |hired: NaiveDate| {
            let e = check(EligibilityKind::Insertion, &facts, hired);
            let c = e.criterion(CriterionId::InsertionLowSkilledInactive).unwrap().clone();
            (c.status, c.params["age"].clone(), c.params["months"].clone())
        };
        // hired 1 Mar 2026: the day before is 28 Feb, still 49 → 12 months needed
        assert_eq!(inactive(d(2026, 3, 1)), (NotMet, "49".to_string(), "12".to_string()));
        // hired 2 Mar 2026: the day before is 1 Mar, 50 → 6 months are enough
        assert_eq!(inactive(d(2026, 3, 2)), (Met, "50".to_string(), "6".to_string()));
    }

    #[test]
    fn work_care_attest() {
        // (valid until, expected) for a hire on 2 March 2026
        let table = [
            (Some(d(2026, 3, 2)), Met), // valid through the hire date
            (Some(d(2026, 12, 31)), Met),
            (Some(d(2026, 3, 1)), NotMet), // expired the day before
            (None, Unknown),
        ];
        for (until, expected) in table {
            let facts = EligibilityFacts { work_care_attest_valid_until: until, ..swp_facts() };
            let e = check(EligibilityKind::WorkCare, &facts, hire());
            assert_eq!(e.criteria.len(), 1);
            assert_eq!((status(&e, CriterionId::WorkCareAttestValid), e.overall), (expected, expected), "{until:?}");
            assert_eq!(e.criteria[0].params["hire_date"], "2026-03-02");
        }
    }

    #[test]
    fn article_60_agreement() {
        // (signed, expected) for a placement starting 2 March 2026
        let table = [
            (Some(d(2026, 2, 20)), Met),
            (Some(d(2026, 3, 1)), Met),
            (Some(d(2026, 3, 2)), Met), // on the first day: taken as before the work starts
            (Some(d(2026, 3, 3)), NotMet),
            (None, Unknown),
        ];
        for (signed, expected) in table {
            let facts = EligibilityFacts { article_60_agreement_signed: signed, ..swp_facts() };
            let e = check(EligibilityKind::Article60, &facts, hire());
            assert_eq!((status(&e, CriterionId::Article60AgreementBeforeStart), e.overall), (expected, expected));
            assert_eq!(e.criteria[0].fact, signed.map(|s| s.to_string()));
        }

        // the agreement date comes from the employment period
        let mut placement = period(Category::Article60, hire(), None, 3800, 3800);
        placement.placement_agreement_signed = Some(d(2026, 2, 27));
        let facts = EligibilityFacts::from_person(&person()).with_period(&placement);
        assert_eq!(facts.article_60_agreement_signed, Some(d(2026, 2, 27)));
        assert_eq!(check(EligibilityKind::Article60, &facts, placement.start).overall, Met);
        // a period without a date does not erase a known one
        let other = period(Category::Article60, hire(), None, 3800, 3800);
        assert_eq!(facts.with_period(&other).article_60_agreement_signed, Some(d(2026, 2, 27)));
    }

    fn person() -> Person {
        Person::new("Peeters", "An")
    }

    #[test]
    fn facts_from_a_person() {
        let p = Person {
            birth_date: Some(d(1970, 4, 4)),
            education_level: EducationLevel::PartTimeVocational,
            vdab_registration_date: Some(d(2020, 1, 1)),
            inactive_since: Some(d(2019, 1, 1)),
            limitation: TriState::Yes,
            disability_registration: TriState::No,
            guidance_trajectory: TriState::Unknown,
            insufficient_skills: TriState::Unknown,
            work_care_attest_valid_until: None,
            ..person()
        };
        let f = EligibilityFacts::from_person(&p);
        assert_eq!(f.birth_date, Some(d(1970, 4, 4)));
        assert_eq!(f.limitation, TriState::Yes);
        assert_eq!(f.disability_registration, TriState::No);
        assert_eq!(f.vdab_registration_date, Some(d(2020, 1, 1)));
        assert_eq!(f.inactive_since, Some(d(2019, 1, 1)));
        assert_eq!(f.part_time_vocational, TriState::Yes);
        // facts a person does not record are unknown, not "no"
        assert_eq!((f.guidance_trajectory, f.insufficient_skills), (TriState::Unknown, TriState::Unknown));
        assert_eq!((f.work_care_attest_valid_until, f.article_60_agreement_signed), (None, None));

        use EducationLevel::*;
        let table = [
            (Unknown, TriState::Unknown),
            (Primary, TriState::No),
            (SecondarySecondGrade, TriState::No),
            (PartTimeVocational, TriState::Yes),
            (SecondaryThirdGrade, TriState::No),
            (Higher, TriState::No),
        ];
        for (level, expected) in table {
            assert_eq!(EligibilityFacts::part_time_vocational_of(level), expected, "{level:?}");
        }
    }
}
