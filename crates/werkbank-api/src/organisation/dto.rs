//! The data transfer objects of the organisation and its work forms.
//! (conventions: [`crate::dto`]).

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use werkbank_domain::WorkFormKind;

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
