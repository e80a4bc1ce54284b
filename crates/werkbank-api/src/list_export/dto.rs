//! The data transfer objects of lists written to workbooks, and the files written for the user.
//! (conventions: [`crate::dto`]).

use crate::dto::{StaffFilter, WaitlistFilter};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
