//! Werkbank's domain: the types and rules of a social-economy workplace's register.
//!
//! Architecture Invariant: this crate does no IO (no files, no database, no clock reads
//! other than what a caller passes in) and never depends on Tauri. Money and FTE are
//! [`rust_decimal::Decimal`] or exact integers, dates are [`chrono::NaiveDate`].

pub mod calendar;
pub mod category;
pub mod claims;
pub mod eligibility;
pub mod employment;
pub mod format;
pub mod fte;
mod id_enum;
pub mod insz;
pub mod kbo;
pub mod organisation;
pub mod path;
pub mod period;
pub mod person;
pub mod ratios;
pub mod rules;
pub mod stored;
pub mod violation;
pub mod waitlist;

pub use category::Category;
pub use eligibility::{
    check as check_eligibility, Criterion, CriterionId, CriterionStatus, Eligibility, EligibilityFacts, EligibilityKind,
};
pub use employment::{EmploymentPeriod, Fraction};
pub use fte::{category_overview, fte_in_period, CategoryFigures};
pub use id_enum::UnknownId;
pub use insz::Insz;
pub use kbo::KboNumber;
pub use organisation::{EarlierKind, Organisation, OrganisationEdit, WorkForm, WorkFormEdit, WorkFormKind};
pub use period::{DateSpan, ReportingPeriod};
pub use person::{EducationLevel, Person, Sex, TriState};
pub use ratios::{
    contingent_use, ratio_report, ContingentUse, QuarterUse, RatioFigures, RatioReport, RatioSegment, RatioSummary,
    UseFigure,
};
pub use rules::{DatedValue, InForce, NormMethod, ParameterKey, ParameterValue, Parameters, RuleSet};
pub use stored::Stored;
pub use violation::{Violation, Violations};
