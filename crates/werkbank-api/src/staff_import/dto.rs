//! The data transfer objects of importing a staff register from a spreadsheet: preview, then commit.
//! (conventions: [`crate::dto`]).

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use ts_rs::TS;
use werkbank_domain::Category;

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

/// How to read a staff register file: the sheet (default the first) and a hand mapping
/// (field id → column index) instead of the headers (default: the headers).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StaffFileOptions {
    pub sheet: Option<String>,
    pub mapping: Option<BTreeMap<String, u32>>,
}
