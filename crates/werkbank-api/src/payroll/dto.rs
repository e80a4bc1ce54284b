//! The data transfer objects of the payroll import, wage codes, mapping profiles and the reconciliation with the register.
//! (conventions: [`crate::dto`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
