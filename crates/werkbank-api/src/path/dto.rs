//! The data transfer objects of the worker's path: agenda, meetings, guidance plans, leaving, settings and turnover.
//! (conventions: [`crate::dto`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use werkbank_domain::path::AgendaStatus;
use werkbank_domain::path::LeavingReason;
use werkbank_domain::path::MeetingKind;
use werkbank_domain::Category;

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
