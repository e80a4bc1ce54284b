//! The organisation that runs the workplace and its work forms (DOMAIN.md §2).

use crate::kbo::KboNumber;
use serde::{Deserialize, Serialize};

#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkFormKind {
    /// sociale werkplaats
    SocialWorkshop,
    /// arbeidszorg
    WorkCare,
    /// beschutte werkplaats / maatwerkbedrijf
    Maatwerk,
    /// invoegbedrijf
    Insertion,
    /// buurt- en nabijheidsdiensten
    LocalServices,
}

impl WorkFormKind {
    pub const ALL: [WorkFormKind; 5] = [
        WorkFormKind::SocialWorkshop,
        WorkFormKind::WorkCare,
        WorkFormKind::Maatwerk,
        WorkFormKind::Insertion,
        WorkFormKind::LocalServices,
    ];
    pub fn id(self) -> &'static str {
        match self {
            WorkFormKind::SocialWorkshop => "social_workshop",
            WorkFormKind::WorkCare => "work_care",
            WorkFormKind::Maatwerk => "maatwerk",
            WorkFormKind::Insertion => "insertion",
            WorkFormKind::LocalServices => "local_services",
        }
    }
    pub fn from_id(s: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.id() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkForm {
    pub id: Option<i64>,
    pub kind: WorkFormKind,
    pub recognition_number: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub name: String,
    pub kbo: Option<KboNumber>,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub work_forms: Vec<WorkForm>,
}
