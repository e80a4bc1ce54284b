//! The application's typed errors and the `{kind, code, message, details}` shape in which
//! they reach the UI and the CLI.

use crate::messages::Catalogue;
use serde::Serialize;
use std::collections::BTreeMap;
use ts_rs::TS;
use werkbank_domain::{Violation, Violations};
use werkbank_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// Input broke one or more rules; each violation names its field.
    #[error("validation failed: {0}")]
    Validation(#[from] Violations),
    #[error("{entity} {id} not found")]
    NotFound { entity: &'static str, id: i64 },
    /// The request conflicts with the data (e.g. demo data into a non-empty register).
    #[error("conflict: {code}")]
    Conflict { code: &'static str, params: BTreeMap<String, String> },
    /// An import file could not be read or contains problems; nothing was stored.
    #[error("import failed: {code}")]
    Import { code: String, params: BTreeMap<String, String>, issues: Vec<ImportIssueDto> },
    #[error(transparent)]
    Storage(#[from] StoreError),
    #[error("internal error: {0}")]
    Internal(String),
    /// A use case panicked (a bug in Werkbank): caught by [`guarded`], its transaction
    /// rolled back. The panic's text stays in the log; it may quote a file's values.
    #[error("a use case panicked")]
    Crashed,
}

/// Runs a use case so that a panic inside it (a bug, never expected; a hostile file is an
/// issue, not a panic) becomes [`AppError::Crashed`] instead of ending the CLI or leaving
/// the window waiting forever. What the use case had begun is dropped: its transaction
/// rolls back, so nothing is half stored.
pub async fn guarded<T>(use_case: impl std::future::Future<Output = Result<T>>) -> Result<T> {
    use futures_util::FutureExt;
    match std::panic::AssertUnwindSafe(use_case).catch_unwind().await {
        Ok(result) => result,
        Err(payload) => {
            let text = payload
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            tracing::error!(panic = %text, "a use case panicked");
            Err(AppError::Crashed)
        }
    }
}

pub type Result<T> = std::result::Result<T, AppError>;

impl From<Violation> for AppError {
    fn from(v: Violation) -> Self {
        AppError::Validation(Violations::one(v))
    }
}

impl From<werkbank_store::sqlx::Error> for AppError {
    fn from(e: werkbank_store::sqlx::Error) -> Self {
        AppError::Storage(StoreError::Database(e))
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
#[ts(export)]
pub enum ErrorKind {
    Validation,
    NotFound,
    Conflict,
    Import,
    Storage,
    Internal,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ViolationDto {
    pub field: String,
    pub code: String,
    pub message: String,
    pub params: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ImportIssueDto {
    /// Spreadsheet row number as the user sees it (1 = first row).
    pub row: u32,
    /// Field id of the column (`insz`, `start`, …).
    pub column: String,
    /// The column's header as written in the file.
    pub header: Option<String>,
    pub value: Option<String>,
    pub code: String,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, TS)]
#[ts(export)]
pub struct ErrorDetails {
    pub violations: Vec<ViolationDto>,
    pub issues: Vec<ImportIssueDto>,
    pub params: BTreeMap<String, String>,
}

/// What a front end shows: a stable `code`, a `message` in the user's language, and the
/// details (field violations, import issues) to place next to their inputs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[ts(export)]
pub struct ErrorDto {
    pub kind: ErrorKind,
    pub code: String,
    pub message: String,
    pub details: ErrorDetails,
}

/// A one-violation validation error (adapters that parse their own arguments).
pub fn violation(field: &str, code: &str, params: &[(&str, &str)]) -> Violations {
    let v = params.iter().fold(Violation::new(field, code), |v, (k, val)| v.with(*k, val));
    Violations::one(v)
}

/// An import issue as the front ends show it: its Dutch message rendered with the cell
/// value as the `value` parameter when the issue has none of its own.
pub(crate) fn import_issue_dto(cat: &Catalogue, i: &werkbank_import::ImportIssue) -> ImportIssueDto {
    // Also the issues a use case adds: no message quotes more than 60 characters of a value.
    let mut i = i.clone();
    i.shorten_values();
    let mut params = i.params.clone();
    if let Some(v) = &i.value {
        params.entry("value".into()).or_insert_with(|| v.clone());
    }
    ImportIssueDto {
        row: i.row,
        column: i.column.clone(),
        header: i.header.clone(),
        value: i.value.clone(),
        code: i.code.clone(),
        message: cat.render(&i.code, &params),
    }
}

pub fn violation_dto(cat: &Catalogue, v: &Violation) -> ViolationDto {
    ViolationDto {
        field: v.field.clone(),
        code: v.code.clone(),
        message: cat.render(&v.code, &v.params),
        params: v.params.clone(),
    }
}

impl AppError {
    pub fn to_dto(&self, cat: &Catalogue) -> ErrorDto {
        let one = |kind, code: &str, params: BTreeMap<String, String>| ErrorDto {
            kind,
            code: code.to_string(),
            message: cat.render(code, &params),
            details: ErrorDetails { params, ..Default::default() },
        };
        match self {
            AppError::Validation(vs) => {
                let violations: Vec<ViolationDto> = vs.0.iter().map(|v| violation_dto(cat, v)).collect();
                // One problem: say it directly; several: point at the fields.
                let (code, message) = match violations.as_slice() {
                    [only] => (only.code.clone(), only.message.clone()),
                    _ => ("validation.failed".to_string(), cat.render("validation.failed", &BTreeMap::new())),
                };
                ErrorDto {
                    kind: ErrorKind::Validation,
                    code,
                    message,
                    details: ErrorDetails { violations, ..Default::default() },
                }
            }
            AppError::NotFound { entity, id } => {
                let mut params = BTreeMap::new();
                params.insert("id".to_string(), id.to_string());
                one(ErrorKind::NotFound, &format!("not_found.{entity}"), params)
            }
            AppError::Conflict { code, params } => one(ErrorKind::Conflict, code, params.clone()),
            AppError::Import { code, params, issues } => {
                let mut dto = one(ErrorKind::Import, code, params.clone());
                dto.details.issues = issues.clone();
                dto
            }
            AppError::Storage(e) => {
                let mut params = BTreeMap::new();
                params.insert("detail".to_string(), e.to_string());
                let code = match e {
                    // Another window or the CLI holds the write lock longer than the busy
                    // timeout (a long import): a "try again" rather than a storage error.
                    e if e.is_busy() => "storage.busy",
                    e if e.is_damaged() => "storage.damaged",
                    StoreError::InUse { .. } => "storage.in_use",
                    StoreError::Io { .. } => "storage.io",
                    _ => "storage.error",
                };
                if let StoreError::Io { path, .. } | StoreError::InUse { path } | StoreError::Damaged { path, .. } = e {
                    params.insert("path".to_string(), path.display().to_string());
                }
                one(ErrorKind::Storage, code, params)
            }
            AppError::Internal(detail) => {
                let mut params = BTreeMap::new();
                params.insert("detail".to_string(), detail.clone());
                one(ErrorKind::Internal, "internal.error", params)
            }
            AppError::Crashed => one(ErrorKind::Internal, "internal.crashed", BTreeMap::new()),
        }
    }
}
