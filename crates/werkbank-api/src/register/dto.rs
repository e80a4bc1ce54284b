//! The data transfer objects of the staff register: people, their dated employment periods, the staff list and FTE per category.
//! (conventions: [`crate::dto`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use werkbank_domain::employment::ContractType;
use werkbank_domain::Category;
use werkbank_domain::EducationLevel;
use werkbank_domain::Sex;
use werkbank_domain::TriState;

/// A person as entered in a form. Dates are text as typed (`31/01/2026` or ISO); empty
/// text means unknown.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonInput {
    pub insz: String,
    pub last_name: String,
    pub first_name: String,
    pub birth_date: String,
    pub sex: Sex,
    pub education_level: EducationLevel,
    pub vdab_registration_date: String,
    pub inactive_since: String,
    pub limitation: TriState,
    pub disability_registration: TriState,
    pub guidance_trajectory: TriState,
    pub insufficient_skills: TriState,
    pub work_care_attest_valid_until: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonDto {
    #[ts(type = "number")]
    pub id: i64,
    /// Formatted `YY.MM.DD-SSS.CC`, or null when not known.
    pub insz: Option<String>,
    pub last_name: String,
    pub first_name: String,
    pub birth_date: Option<String>,
    pub sex: Sex,
    pub education_level: EducationLevel,
    pub vdab_registration_date: Option<String>,
    pub inactive_since: Option<String>,
    pub limitation: TriState,
    pub disability_registration: TriState,
    pub guidance_trajectory: TriState,
    pub insufficient_skills: TriState,
    pub work_care_attest_valid_until: Option<String>,
}

/// An employment period as entered in a form. Q and S are hours as typed (`38`, `22,8`,
/// `7:36`); dates as typed. For work care, Q is the hours per week and S may be left
/// empty (the configured work-care full-time hours, 30 by default, are used).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeriodInput {
    pub category: Option<Category>,
    pub start: String,
    pub end: String,
    pub q: String,
    pub s: String,
    pub contract_type: Option<ContractType>,
    pub job: String,
    pub ocmw: String,
    pub placement_agreement_signed: String,
    /// One of the organisation's work forms; null = the main (first) work form.
    #[ts(type = "number | null")]
    pub work_form_id: Option<i64>,
}

/// The form prefilled with what is stored (a front end that changes some fields keeps the others).
impl From<&PersonDto> for PersonInput {
    fn from(p: &PersonDto) -> Self {
        let text = |d: &Option<String>| d.clone().unwrap_or_default();
        PersonInput {
            insz: text(&p.insz),
            last_name: p.last_name.clone(),
            first_name: p.first_name.clone(),
            birth_date: text(&p.birth_date),
            sex: p.sex,
            education_level: p.education_level,
            vdab_registration_date: text(&p.vdab_registration_date),
            inactive_since: text(&p.inactive_since),
            limitation: p.limitation,
            disability_registration: p.disability_registration,
            guidance_trajectory: p.guidance_trajectory,
            insufficient_skills: p.insufficient_skills,
            work_care_attest_valid_until: text(&p.work_care_attest_valid_until),
        }
    }
}

/// The form prefilled with what is stored.
impl From<&PeriodDto> for PeriodInput {
    fn from(p: &PeriodDto) -> Self {
        let text = |d: &Option<String>| d.clone().unwrap_or_default();
        PeriodInput {
            category: Some(p.category),
            start: p.start.clone(),
            end: text(&p.end),
            q: werkbank_domain::employment::hours(p.q),
            s: werkbank_domain::employment::hours(p.s),
            contract_type: Some(p.contract_type),
            job: text(&p.job),
            ocmw: text(&p.ocmw),
            placement_agreement_signed: text(&p.placement_agreement_signed),
            work_form_id: p.work_form_id,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PeriodDto {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub person_id: i64,
    pub category: Category,
    pub start: String,
    /// Last day (inclusive); null = ongoing.
    pub end: Option<String>,
    /// Hundredths of hours.
    pub q: u32,
    pub s: u32,
    /// Q/S with 4 decimals.
    pub fraction: String,
    pub contract_type: ContractType,
    pub job: Option<String>,
    pub ocmw: Option<String>,
    pub placement_agreement_signed: Option<String>,
    /// null = the main (first) work form.
    #[ts(type = "number | null")]
    pub work_form_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonDetailDto {
    pub person: PersonDto,
    /// Oldest first.
    pub periods: Vec<PeriodDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StaffFilter {
    /// Part of a name or of the INSZ.
    pub search: Option<String>,
    pub category: Option<Category>,
    /// Only people employed on this day (ISO or dd/mm/yyyy).
    pub on: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StaffRowDto {
    #[ts(type = "number")]
    pub id: i64,
    pub insz: Option<String>,
    pub last_name: String,
    pub first_name: String,
    pub birth_date: Option<String>,
    /// The period on the filter day; without a day: the one running today, else the latest.
    pub category: Option<Category>,
    pub fraction: Option<String>,
    pub start: Option<String>,
    pub end: Option<String>,
    /// Employed today.
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CategoryFiguresDto {
    pub category: Category,
    pub heads: u32,
    /// 4 decimals, e.g. `"9.4500"`.
    pub fte: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FteOverviewDto {
    /// As written: `2026/1`, `2026-03` or `2026`.
    pub period: String,
    pub start: String,
    /// Last day of the period (inclusive).
    pub end: String,
    /// Every category, in a fixed order.
    pub categories: Vec<CategoryFiguresDto>,
    /// Distinct people with at least one day in the period.
    pub total_heads: u32,
    pub total_fte: String,
}
