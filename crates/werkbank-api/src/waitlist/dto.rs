//! The data transfer objects of the waitlist: candidates, their statuses, attests, hiring and statistics.
//! (conventions: [`crate::dto`]).

use crate::dto::{AgendaItemDto, EligibilityDto, PeriodInput, PersonDetailDto, PersonDto, PersonInput, WorkFormDto};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use werkbank_domain::waitlist::AttestKind;
use werkbank_domain::waitlist::CandidateStatus;
use werkbank_domain::waitlist::Priority;
use werkbank_domain::waitlist::ReferrerKind;
use werkbank_domain::Category;
use werkbank_domain::WorkFormKind;

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
