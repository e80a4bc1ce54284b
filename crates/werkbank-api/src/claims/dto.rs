//! The data transfer objects of subsidy claims: rule sets, worker attributes, drafts, issuing, amendments and settlements.
//! (conventions: [`crate::dto`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use werkbank_domain::claims::ClaimStatus;
use werkbank_domain::WorkFormKind;

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
    pub status: ClaimStatus,
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
    pub status: ClaimStatus,
    #[ts(type = "number | null")]
    pub amends_id: Option<i64>,
    pub rule_set_code: String,
    #[ts(type = "number")]
    pub rule_set_version: i64,
    pub total: String,
    pub complete: bool,
    pub issued_at: Option<String>,
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

impl IssueClaimInput {
    /// Signed by `signer` in `function` at the organisation's place, with the declaration
    /// page, the unconfirmed values counted as checked: for scripts and tests that checked
    /// them (the app and the CLI ask the director).
    pub fn checked(signer: &str, function: &str) -> Self {
        IssueClaimInput {
            signer: signer.to_string(),
            function: function.to_string(),
            place: String::new(),
            with_declaration_page: true,
            unconfirmed_checked: true,
        }
    }
}
