//! The data transfer objects of the application's status and the audit trail.
//! (conventions: [`crate::dto`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

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
