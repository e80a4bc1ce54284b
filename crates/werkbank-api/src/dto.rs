//! Data transfer objects: what the use cases take and return. They serialise to the JSON
//! the CLI prints and the desktop UI receives; their TypeScript declarations are generated
//! into `ui/src/lib/bindings/` (see `tests/bindings.rs`), never written by hand.
//!
//! Dates are ISO strings (`2026-01-31`), FTE and fractions decimal strings with 4 decimals
//! (`"9.4500"`), Q and S integers in hundredths of hours.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use werkbank_domain::employment::ContractType;
use werkbank_domain::path::{AgendaStatus, LeavingReason, MeetingKind};
use werkbank_domain::waitlist::{AttestKind, CandidateStatus, Priority, ReferrerKind};
use werkbank_domain::{Category, EducationLevel, Sex, TriState, WorkFormKind};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AppStatusDto {
    /// Where the database file is.
    pub database: String,
    #[ts(type = "number")]
    pub people: i64,
    pub has_organisation: bool,
    /// Today's date as the application sees it (ISO).
    pub today: String,
    /// The quarter containing today, e.g. `2026/4`.
    pub current_quarter: String,
    /// Weekly hours of activity that make one FTE in work care (hundredths; 3000 = 30 h).
    pub work_care_full_time: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkFormDto {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    /// The present kind.
    pub kind: WorkFormKind,
    pub recognition_number: Option<String>,
    /// The kinds the form had before, oldest first (docs/domain/work-forms.md).
    #[serde(default)]
    pub earlier_kinds: Vec<EarlierKindDto>,
}

/// An earlier kind of a work form and the last day it had it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EarlierKindDto {
    pub kind: WorkFormKind,
    /// As typed on input (`31/12/2018` or ISO); `31/12/2018` on output.
    pub last_day: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OrganisationDto {
    pub name: String,
    /// As typed on input; formatted `0403.019.261` on output.
    pub kbo: String,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub work_forms: Vec<WorkFormDto>,
    /// Weekly hours of work-care activity that make one FTE (the S of work-care
    /// periods left without S), as hours text: `30`, `30,00`.
    pub work_care_full_time: String,
    /// Legal form (`vzw`); printed after the name on claims.
    #[serde(default)]
    pub legal_form: String,
    /// RSZ employer number: 9 or 10 digits; formatted `1234567-89` on output.
    #[serde(default)]
    pub rsz_number: String,
    /// IBAN, checked mod 97; formatted in groups of four on output.
    #[serde(default)]
    pub iban: String,
    #[serde(default)]
    pub bic: String,
    /// Where the director signs (the claim's signature block).
    #[serde(default)]
    pub signing_place: String,
}

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
impl From<&CandidateDto> for CandidateInput {
    fn from(c: &CandidateDto) -> Self {
        let text = |d: &Option<String>| d.clone().unwrap_or_default();
        CandidateInput {
            person: PersonInput::from(&c.person),
            contact: c.contact.clone(),
            referrer: Some(c.referrer),
            counsellor_name: c.counsellor_name.clone(),
            counsellor_contact: c.counsellor_contact.clone(),
            referral_date: c.referral_date.clone(),
            work_form_id: c.work_form_id,
            category: Some(c.category),
            attest_kind: c.attest_kind,
            attest_date: text(&c.attest_date),
            attest_valid_until: text(&c.attest_valid_until),
            priority: Some(c.priority),
            notes: c.notes.clone(),
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DemoSummaryDto {
    pub people: u32,
    pub periods: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ImportColumnDto {
    pub field: String,
    pub header: String,
    /// 0-based column index.
    pub column: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StaffImportRowDto {
    pub row: u32,
    pub insz: String,
    pub last_name: String,
    pub first_name: String,
    /// The file's birth date, else the one the INSZ encodes; null when neither gives one.
    pub birth_date: Option<String>,
    pub category: Category,
    pub start: String,
    pub end: Option<String>,
    pub q: u32,
    pub s: u32,
    /// True when the INSZ is already in the register.
    pub existing_person: bool,
    /// From the optional work-form column; null = the main work form.
    #[ts(type = "number | null")]
    pub work_form_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct StaffImportPreviewDto {
    pub file_name: String,
    pub sheet: String,
    pub sheet_names: Vec<String>,
    pub header_row: u32,
    /// Every cell of the header row, for a mapping screen.
    pub headers: Vec<String>,
    pub columns: Vec<ImportColumnDto>,
    pub total_rows: u32,
    pub rows: Vec<StaffImportRowDto>,
    pub issues: Vec<crate::error::ImportIssueDto>,
    pub new_people: u32,
    pub existing_people: u32,
    /// True when there are rows and no issues: a commit would store everything.
    pub can_commit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StaffImportResultDto {
    pub rows: u32,
    pub people_created: u32,
    pub people_matched: u32,
    pub periods_created: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditEntryDto {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub entity: String,
    #[ts(type = "number | null")]
    pub entity_id: Option<i64>,
    #[ts(type = "unknown")]
    pub details: serde_json::Value,
}

// ----- compliance: rule parameters, ratios, eligibility, problems ----------------------

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

// ----- payroll import ------------------------------------------------------------------

/// How far a long import has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ProgressDto {
    pub rows_done: u32,
    pub rows_total: u32,
}

/// Links a worker of the file (by worker number, else INSZ) to a person of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkerLink {
    /// The worker number or INSZ as it appears in the file.
    pub worker: String,
    #[ts(type = "number")]
    pub person_id: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PayrollImportOptions {
    pub sheet: Option<String>,
    /// Field id → column index (0-based), overriding the recognised headers.
    pub mapping: Option<std::collections::BTreeMap<String, u32>>,
    /// Use this saved mapping profile (default: the profile saved for the same headers).
    pub profile: Option<String>,
    /// Save the mapping used under this name (per secretariat, e.g. "SD Worx").
    pub save_profile_as: Option<String>,
    pub links: Vec<WorkerLink>,
    /// Check and show, store nothing.
    pub dry_run: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PayrollColumnDto {
    pub field: String,
    /// 0-based column index, null when the field has no column.
    pub column: Option<u32>,
    pub header: Option<String>,
    pub required: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PayrollLineDto {
    pub row: u32,
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    pub person_name: Option<String>,
    pub worker_number: Option<String>,
    pub insz: Option<String>,
    pub name: Option<String>,
    pub period_start: String,
    pub period_end: String,
    pub wage_code: String,
    /// The meaning of the wage code from the wage-code table; null when not mapped.
    pub meaning: Option<String>,
    pub description: Option<String>,
    pub quantity: Option<String>,
    pub unit: Option<String>,
    /// Hundredths of hours.
    #[ts(type = "number | null")]
    pub hours: Option<i64>,
    pub amount: Option<String>,
}

/// A worker of the file who matches nobody in the register (by INSZ or remembered
/// worker number); the user can link them to a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UnmatchedWorkerDto {
    /// The key to use in a WorkerLink: the worker number, else the INSZ.
    pub worker: String,
    pub worker_number: Option<String>,
    pub insz: Option<String>,
    pub name: Option<String>,
    pub lines: u32,
    pub first_row: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct BatchDto {
    #[ts(type = "number")]
    pub id: i64,
    pub file_name: String,
    #[ts(type = "number")]
    pub file_size: i64,
    pub sha256: String,
    pub sheet: Option<String>,
    pub profile_name: Option<String>,
    pub imported_by: String,
    pub imported_at: String,
    #[ts(type = "number")]
    pub lines: i64,
    pub first_period: Option<String>,
    pub last_period: Option<String>,
    pub undone_at: Option<String>,
    pub undone_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct PayrollImportResultDto {
    pub file_name: String,
    #[ts(type = "number")]
    pub file_size: i64,
    pub sha256: String,
    pub sheet: String,
    pub sheet_names: Vec<String>,
    pub header_row: u32,
    /// Every header cell of the file, for a mapping screen.
    pub headers: Vec<String>,
    pub columns: Vec<PayrollColumnDto>,
    /// The saved mapping profile that was applied, if any.
    pub profile: Option<String>,
    pub lines_read: u32,
    /// Lines stored (0 for a dry run or a refusal).
    pub lines_imported: u32,
    /// The first lines, as they would be stored (at most 200).
    pub lines: Vec<PayrollLineDto>,
    pub issues: Vec<crate::error::ImportIssueDto>,
    pub unmatched: Vec<UnmatchedWorkerDto>,
    /// Set when this very file (same SHA-256) was imported before and not undone.
    pub duplicate_of: Option<BatchDto>,
    pub first_period: Option<String>,
    pub last_period: Option<String>,
    #[ts(type = "number | null")]
    pub batch_id: Option<i64>,
    /// True when the file has no issues, no unmatched workers and was not imported yet.
    pub can_commit: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WageCodeDto {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    pub code: String,
    /// `worked_hours`, `paid_absence`, `unpaid_absence`, `gross_wage`,
    /// `employer_contributions`, `reduction`, `net_wage` or `other`.
    pub meaning: String,
    pub description: Option<String>,
}

/// A saved column mapping of payroll exports (one per secretariat or layout).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MappingProfileDto {
    pub name: String,
    /// When its mapping was last saved (RFC 3339); the most recent one for a file's
    /// headers is chosen automatically. Renaming does not change it.
    pub updated_at: String,
    /// The fields it maps (field ids, in the order of the import's fields).
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReconciliationRowDto {
    #[ts(type = "number")]
    pub person_id: i64,
    pub name: String,
    /// FTE from the register (Q/S × days) over the months the payroll covers, 4 decimals.
    pub register_fte: String,
    /// Paid hours (worked + paid absence) from the payroll lines, hundredths.
    #[ts(type = "number")]
    pub paid_hours: i64,
    /// Paid hours ÷ full-time hours of the covered months (S × days ÷ 7), 4 decimals.
    pub payroll_fte: Option<String>,
    pub difference: Option<String>,
    /// Covered months (`2026-02`) in which the register employs the person but the payroll
    /// has no line for them.
    pub missing_months: Vec<String>,
    /// |difference| above the tolerance, lines without a register period, or missing months.
    pub flagged: bool,
}

/// Someone the register employs in the covered months who is on none of the period's
/// payroll lines: information (the files may cover only part of the staff), not a
/// difference.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct NotInPayrollDto {
    #[ts(type = "number")]
    pub person_id: i64,
    pub name: String,
    /// FTE from the register over the covered months, 4 decimals.
    pub register_fte: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReconciliationDto {
    pub period: String,
    pub start: String,
    pub end: String,
    /// Difference in FTE above which a row is flagged.
    pub tolerance: String,
    /// The months of the period (`2026-01`), and those at least one payroll line (of a
    /// batch not undone) falls in. Only covered months are compared.
    pub months: Vec<String>,
    pub covered_months: Vec<String>,
    /// The batches with lines in the period, oldest first.
    pub batches: Vec<BatchDto>,
    /// One row per person with payroll lines in the period.
    pub rows: Vec<ReconciliationRowDto>,
    /// People employed in the covered months without any payroll line, by name.
    pub not_in_payroll: Vec<NotInPayrollDto>,
    /// Wage codes in the lines that have no meaning yet.
    pub unmapped_codes: Vec<String>,
}

// ----- waitlist and the worker's path ----------------------------------------------------

/// A candidate as entered in a form. `person` holds the name, INSZ, birth date and the
/// facts of the entry conditions (validated like a person of the register); text as typed.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CandidateInput {
    pub person: PersonInput,
    pub contact: String,
    pub referrer: Option<ReferrerKind>,
    pub counsellor_name: String,
    pub counsellor_contact: String,
    pub referral_date: String,
    /// null = the main (first) work form.
    #[ts(type = "number | null")]
    pub work_form_id: Option<i64>,
    /// The category sought.
    pub category: Option<Category>,
    /// null = no attest or social report (yet).
    pub attest_kind: Option<AttestKind>,
    pub attest_date: String,
    pub attest_valid_until: String,
    /// null = normal.
    pub priority: Option<Priority>,
    /// Free notes: never medical details.
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CandidateDto {
    #[ts(type = "number")]
    pub id: i64,
    /// Name, INSZ (formatted), birth date and facts, as a person of the register (`id` is
    /// the person created on hire, 0 before).
    pub person: PersonDto,
    pub contact: String,
    pub referrer: ReferrerKind,
    pub counsellor_name: String,
    pub counsellor_contact: String,
    pub referral_date: String,
    #[ts(type = "number | null")]
    pub work_form_id: Option<i64>,
    pub work_form: WorkFormKind,
    pub category: Category,
    pub attest_kind: Option<AttestKind>,
    pub attest_date: Option<String>,
    pub attest_valid_until: Option<String>,
    pub priority: Priority,
    pub notes: String,
    pub status: CandidateStatus,
    /// The day the current status took effect.
    pub status_since: String,
    /// Days on the list: from the referral date to today (or to the day it was closed).
    #[ts(type = "number")]
    pub waiting_days: i64,
    /// The attest ends within 30 days (or has ended) while the candidate is on the list.
    pub attest_alert: bool,
    /// Where the attest stands today (null: no attest or no end date), as shown in the list
    /// and on the page.
    pub attest_state: Option<werkbank_domain::waitlist::ValidityState>,
    /// The entry conditions of the category sought, checked for a hire today (null: none apply).
    pub eligibility: Option<werkbank_domain::eligibility::CriterionStatus>,
    /// The person created on hire.
    #[ts(type = "number | null")]
    pub person_id: Option<i64>,
    /// 1-based place on the list (open candidates only).
    pub rank: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusChangeDto {
    pub status: CandidateStatus,
    pub date: String,
    pub reason: String,
    /// Who recorded it.
    pub actor: String,
    /// When it was recorded (RFC 3339).
    pub recorded_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct CandidateDetailDto {
    pub candidate: CandidateDto,
    /// Oldest first.
    pub history: Vec<StatusChangeDto>,
    /// The statuses the candidate may move to (hired only through the hire dialog).
    pub next: Vec<CandidateStatus>,
    /// The entry conditions checked for a hire today, criterion by criterion.
    pub eligibility: EligibilityDto,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WaitlistFilter {
    /// Also the candidates no longer on the list (hired, withdrawn, …).
    pub include_closed: bool,
    /// Only this work form (null: all).
    #[ts(type = "number | null")]
    pub work_form_id: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WaitlistDto {
    pub today: String,
    /// Open candidates in list order (referral date, then priority, then entry), then
    /// the closed ones (most recent first) when asked for.
    pub candidates: Vec<CandidateDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StatusChangeInput {
    pub status: Option<CandidateStatus>,
    /// The day it took effect; empty = today.
    pub date: String,
    pub reason: String,
}

/// Hiring a candidate: the first employment period (its category and work form default
/// to what the candidate seeks).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HireInput {
    pub period: PeriodInput,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct HireResultDto {
    pub person: PersonDetailDto,
    /// The entry conditions on the hire date (recorded in the audit trail).
    pub eligibility: EligibilityDto,
    pub candidate: CandidateDetailDto,
    /// The first meetings of the path.
    pub agenda: Vec<AgendaItemDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MonthFlowDto {
    /// `2026-03`
    pub month: String,
    pub inflow: u32,
    pub outflow: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AttestAlertDto {
    #[ts(type = "number")]
    pub candidate_id: i64,
    pub name: String,
    pub attest_kind: AttestKind,
    pub valid_until: String,
    pub expired: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct FreePlacesDto {
    /// `ratios` (contingent and supervision headroom of the current quarter) or
    /// `entered` (the director's number), or `none`.
    pub source: String,
    /// Allocated − used target-group FTE of the year so far (4 decimals).
    pub contingent_headroom: Option<String>,
    /// Allowed − actual supervisor FTE (4 decimals); negative = beyond the norm.
    pub supervision_headroom: Option<String>,
    /// Open places as entered by the director.
    pub open_places: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkFormWaitStatsDto {
    pub work_form: WorkFormDto,
    /// Open candidates (waiting + invited + intake).
    pub open: u32,
    pub waiting: u32,
    pub invited: u32,
    pub intake: u32,
    /// Median days on the list of the open candidates (even count: the average of the two
    /// middle values, so possibly `x.5`).
    pub median_days: Option<String>,
    #[ts(type = "number | null")]
    pub longest_days: Option<i64>,
    /// The last 12 months, oldest first.
    pub months: Vec<MonthFlowDto>,
    pub attest_alerts: Vec<AttestAlertDto>,
    /// Open candidates whose entry conditions cannot be decided (a fact is unknown).
    pub eligibility_unknown: Vec<String>,
    pub free_places: FreePlacesDto,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WaitlistStatsDto {
    pub today: String,
    pub quarter: String,
    pub work_forms: Vec<WorkFormWaitStatsDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaItemDto {
    #[ts(type = "number")]
    pub person_id: i64,
    pub person_name: String,
    /// The employment the meeting belongs to.
    pub hire_date: String,
    pub kind: MeetingKind,
    /// 1, 2, … among the meetings of that kind.
    pub seq: u32,
    pub due: String,
    pub status: AgendaStatus,
    pub held_date: Option<String>,
    pub participants: Option<String>,
    pub outcome: Option<String>,
    pub next_step: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AgendaDto {
    pub today: String,
    pub until: String,
    /// Overdue first (oldest first), then due up to `until`, then done in the last 90 days.
    pub items: Vec<AgendaItemDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MeetingInput {
    #[ts(type = "number")]
    pub person_id: i64,
    pub hire_date: String,
    pub kind: Option<MeetingKind>,
    pub seq: u32,
    pub held_date: String,
    pub participants: String,
    pub outcome: String,
    pub next_step: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GuidanceTaskDto {
    pub task: String,
    pub responsible: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GuidancePlanInput {
    #[ts(type = "number")]
    pub person_id: i64,
    pub hire_date: String,
    pub agreed_on: String,
    pub counsellor: String,
    pub agreements: String,
    pub tasks: Vec<GuidanceTaskDto>,
    /// Dates as typed; empty ones are left out.
    pub revision_dates: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct GuidancePlanDto {
    pub agreed_on: Option<String>,
    pub counsellor: String,
    pub agreements: String,
    pub tasks: Vec<GuidanceTaskDto>,
    pub revision_dates: Vec<String>,
    /// The first revision date on or after today.
    pub next_revision: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LeavingInput {
    /// The last day worked: becomes the end date of the last employment period.
    pub end: String,
    pub reason: Option<LeavingReason>,
    pub return_right: bool,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LeavingDto {
    pub end: String,
    pub reason: LeavingReason,
    pub return_right: bool,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EmploymentPathDto {
    pub hire_date: String,
    pub end: Option<String>,
    pub last_category: Category,
    /// Planned meetings up to a year ahead (the debrief included), with their status.
    pub meetings: Vec<AgendaItemDto>,
    pub plan: Option<GuidancePlanDto>,
    pub leaving: Option<LeavingDto>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PersonPathDto {
    #[ts(type = "number")]
    pub person_id: i64,
    /// Most recent first; empty when the person has no target-group or work-care period.
    pub employments: Vec<EmploymentPathDto>,
}

/// The path's intervals, as numbers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PathSettingsDto {
    pub intake_days: u32,
    pub plan_months: u32,
    pub follow_up_months: u32,
    pub yearly_months: u32,
    pub transition_from_months: u32,
    pub transition_every_months: u32,
    pub debrief_days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReasonCountDto {
    /// null = no reason recorded.
    pub reason: Option<LeavingReason>,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TurnoverYearDto {
    pub year: i32,
    pub heads_at_start: u32,
    pub hires: u32,
    pub leavers: u32,
    pub by_reason: Vec<ReasonCountDto>,
    /// leavers ÷ heads on 1 January × 100, 1 decimal.
    pub turnover_percent: Option<String>,
    /// leavers to a regular job ÷ leavers × 100, 1 decimal.
    pub regular_job_percent: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct TurnoverDto {
    pub years: Vec<TurnoverYearDto>,
    /// Over all years shown.
    pub total_leavers: u32,
    pub total_hires: u32,
    pub regular_job_percent: Option<String>,
}

// ----- claims ------------------------------------------------------------------------

/// A stored claim rule set with its current version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClaimRuleSetDto {
    pub code: String,
    pub name: String,
    #[ts(type = "number")]
    pub version: i64,
    pub sha256: String,
    pub updated_at: String,
    pub rule_set: werkbank_domain::claims::rules::ClaimRuleSet,
}

/// A dated value of a stream parameter; `value` empty = not known. Decimal comma or point.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClaimParameterInput {
    pub rule_set: String,
    pub stream: String,
    pub parameter: String,
    pub valid_from: String,
    pub value: String,
    pub source: String,
    pub confirmed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RuleFileDto {
    pub path: String,
    pub rule_sets: Vec<String>,
}

/// A dated per-worker attribute: `wage_percentage` (`60`), `guidance_level`
/// (`low`/`medium`/`high`), `seniority_start` or `sine_attest` (value empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkerAttributeDto {
    #[ts(type = "number | null")]
    pub id: Option<i64>,
    #[ts(type = "number")]
    pub person_id: i64,
    pub key: String,
    pub value: String,
    pub valid_from: String,
    /// Last day of a SINE attest.
    pub valid_until: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct WorkerAttributeInput {
    #[ts(type = "number")]
    pub person_id: i64,
    pub key: String,
    pub value: String,
    pub valid_from: String,
    pub valid_until: Option<String>,
}

/// The department's settlement amount of a stream against the amount claimed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SettlementDto {
    pub stream: String,
    pub claimed: String,
    pub settled: String,
    /// settled − claimed.
    pub difference: String,
    pub entered_at: String,
}

/// A claim: draft (recomputed on demand) or issued (frozen). Amounts are decimal strings
/// with a point (`"1402.79"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClaimDto {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub work_form_id: i64,
    pub work_form_kind: WorkFormKind,
    pub period: String,
    /// `draft` or `issued`.
    pub status: String,
    /// The issued claim this one corrects.
    #[ts(type = "number | null")]
    pub amends_id: Option<i64>,
    pub rule_set_code: String,
    #[ts(type = "number")]
    pub rule_set_version: i64,
    pub rule_set_sha256: String,
    pub computed_at: String,
    pub issued_at: Option<String>,
    pub issued_by: Option<String>,
    pub signer: Option<String>,
    pub signer_function: Option<String>,
    /// SHA-256 of the frozen inputs and result (canonical JSON).
    pub sha256: Option<String>,
    pub pdf_sha256: Option<String>,
    pub has_pdf: bool,
    pub result: werkbank_domain::claims::ClaimResult,
    pub settlements: Vec<SettlementDto>,
    /// For an amendment: the lines that differ from the original.
    pub differences: Vec<werkbank_domain::claims::LineDiff>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ClaimSummaryDto {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub work_form_id: i64,
    pub work_form_kind: String,
    pub period: String,
    pub status: String,
    #[ts(type = "number | null")]
    pub amends_id: Option<i64>,
    pub rule_set_code: String,
    #[ts(type = "number")]
    pub rule_set_version: i64,
    pub total: String,
    pub complete: bool,
    pub issued_at: Option<String>,
}

// ----- claim files -------------------------------------------------------------------

/// A list the app shows, with the filter it is shown with: what the export button of
/// that screen writes to a workbook ([`crate::Api::export_list_xlsx`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(tag = "list", rename_all = "snake_case")]
#[ts(export)]
pub enum ListRequest {
    Staff { filter: StaffFilter },
    Fte { period: String },
    Ratios { period: String },
    Problems { period: Option<String> },
    Waitlist { filter: WaitlistFilter },
    Agenda { until: Option<String> },
    Reconciliation { period: String },
    Claims,
}

impl ListRequest {
    /// The list's name in the catalogue (`export.list.<list>.sheet`) and the audit.
    pub fn list(&self) -> &'static str {
        match self {
            ListRequest::Staff { .. } => "staff",
            ListRequest::Fte { .. } => "fte",
            ListRequest::Ratios { .. } => "ratios",
            ListRequest::Problems { .. } => "problems",
            ListRequest::Waitlist { .. } => "waitlist",
            ListRequest::Agenda { .. } => "agenda",
            ListRequest::Reconciliation { .. } => "reconciliation",
            ListRequest::Claims => "claims",
        }
    }
}

/// A file written for the user: a claim's PDF or its lines as xlsx, or a list as xlsx.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExportDto {
    pub path: String,
    #[ts(type = "number")]
    pub bytes: u64,
    /// Data rows written: a claim's lines, a list's rows (0 for a PDF).
    pub lines: u32,
}

/// How a claim is issued: who signs (name, function), where (empty = the organisation's
/// signing place), and whether the PDF gets the "aangifte van schuldvordering" page.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct IssueClaimInput {
    pub signer: String,
    pub function: String,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub with_declaration_page: bool,
    /// The signer checked the values the claim uses that are not confirmed in the rule set
    /// (required when there are any; the PDF says so on its first page).
    #[serde(default)]
    pub unconfirmed_checked: bool,
}
