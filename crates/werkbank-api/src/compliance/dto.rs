//! The data transfer objects of rule parameters per work form, supervision ratios, entry conditions and problems.
//! (conventions: [`crate::dto`]).

use crate::dto::{CategoryFiguresDto, WorkFormDto};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use werkbank_domain::Category;
use werkbank_domain::WorkFormKind;

/// One dated value of a rule parameter. `value` is text: a decimal with a point (`5`,
/// `0.5`), a method id (`pro_rata`), category ids joined by commas, or hours (`30,00`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RuleValueDto {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub key: werkbank_domain::rules::ParameterKey,
    pub value: String,
    pub effective_from: String,
    /// Where the value comes from (recognition decision, BVR, …); `default` = the seed.
    pub source: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RuleSetDto {
    pub work_form: WorkFormDto,
    /// True while no value was stored: the defaults are shown.
    pub seeded_only: bool,
    pub values: Vec<RuleValueDto>,
}

/// A value typed by the user: decimals with comma or point, hours like `30` or `7:36`,
/// categories as ids separated by commas.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RuleValueInput {
    #[ts(type = "number")]
    pub work_form_id: i64,
    pub key: Option<werkbank_domain::rules::ParameterKey>,
    pub value: String,
    pub effective_from: String,
    pub source: String,
}

/// A parameter value used in a computation, with the day it took effect.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ParameterUsedDto {
    pub key: werkbank_domain::rules::ParameterKey,
    pub value: String,
    pub effective_from: String,
    pub source: Option<String>,
}

/// Figures of a work form; decimals with 4 decimals as text, null = unknown (no
/// parameter, or division by zero).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RatioFiguresDto {
    pub target_fte: Option<String>,
    pub supervisor_fte: Option<String>,
    pub total_fte: String,
    pub recognised_ratio: Option<String>,
    pub worked_ratio: Option<String>,
    pub allowed_supervisor_fte: Option<String>,
    pub allowed_by_other_method: Option<String>,
    pub subsidisable_supervisor_fte: Option<String>,
    /// allowed − actual supervisor FTE; negative = supervisors beyond the norm.
    pub headroom: Option<String>,
    pub target_share: Option<String>,
    pub minimum_target_share: Option<String>,
    pub below_minimum_share: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RatioSegmentDto {
    pub start: String,
    pub end: String,
    pub days: u32,
    pub parameters: Vec<ParameterUsedDto>,
    pub categories: Vec<CategoryFiguresDto>,
    pub figures: RatioFiguresDto,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UseFigureDto {
    pub fte: Option<String>,
    pub allocated: Option<String>,
    pub exceeded: Option<bool>,
    pub under_used: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct QuarterUseDto {
    pub quarter: String,
    pub target: UseFigureDto,
    pub supervisor: UseFigureDto,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ContingentDto {
    pub year: i32,
    pub up_to_quarter: u32,
    pub quarters: Vec<QuarterUseDto>,
    pub year_to_date_target: UseFigureDto,
    pub year_to_date_supervisor: UseFigureDto,
    pub yearly_minimum_fte: Option<ParameterUsedDto>,
    pub projected_year_average: Option<String>,
    pub minimum_at_risk: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkFormRatiosDto {
    pub work_form: WorkFormDto,
    /// Heads and FTE by category over the whole period.
    pub categories: Vec<CategoryFiguresDto>,
    pub heads: u32,
    pub target_fte: Option<String>,
    /// Supervisor FTE by supervisor category.
    pub supervisor_fte: Vec<CategoryFiguresDto>,
    pub recognised_ratio: Option<String>,
    pub worked_ratio: Option<String>,
    pub allowed_supervisor_fte: Option<String>,
    pub subsidisable_supervisor_fte: Option<String>,
    /// Whole-period figures (days-weighted over the segments).
    pub figures: RatioFiguresDto,
    /// The period split at every parameter change inside it (one segment when none).
    pub segments: Vec<RatioSegmentDto>,
    /// The parameters used, with the day each took effect (all segments).
    pub parameters: Vec<ParameterUsedDto>,
    /// Contingent use for the year up to the period's (last) quarter.
    pub contingent: ContingentDto,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RatiosDto {
    pub period: String,
    pub start: String,
    pub end: String,
    pub work_forms: Vec<WorkFormRatiosDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CriterionDto {
    pub id: String,
    pub status: werkbank_domain::eligibility::CriterionStatus,
    /// The fact used (ISO date or enum id); null when unknown.
    pub fact: Option<String>,
    pub params: std::collections::BTreeMap<String, String>,
    /// The criterion in Dutch, with the fact.
    pub message: String,
    pub parts: Vec<CriterionDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EligibilityDto {
    #[ts(type = "number")]
    pub person_id: i64,
    pub category: Category,
    pub work_form: WorkFormKind,
    pub hire_date: String,
    pub day_before: String,
    /// Null when the category has no entry conditions in this work form.
    pub kind: Option<werkbank_domain::eligibility::EligibilityKind>,
    pub overall: Option<werkbank_domain::eligibility::CriterionStatus>,
    pub criteria: Vec<CriterionDto>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// Something a director should look at: a checker, never a blocker.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProblemDto {
    pub severity: Severity,
    pub code: String,
    /// What is wrong and how to fix it, in Dutch.
    pub message: String,
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    #[ts(type = "number | null")]
    pub period_id: Option<i64>,
    #[ts(type = "number | null")]
    pub work_form_id: Option<i64>,
    pub params: std::collections::BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProblemsDto {
    pub period: String,
    pub start: String,
    pub end: String,
    pub problems: Vec<ProblemDto>,
}
