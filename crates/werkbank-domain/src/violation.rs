//! Rule violations: a stable code, the field it concerns and the parameters a message
//! catalogue needs to render it. The domain never builds sentences.

use std::collections::BTreeMap;
use std::fmt;

/// One broken rule. `code` is stable (it keys the message catalogues), `field` names the
/// input it concerns (e.g. `insz`, `end_date`), `params` fill the message's placeholders.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Violation {
    pub field: String,
    pub code: String,
    pub params: BTreeMap<String, String>,
}

impl Violation {
    pub fn new(field: impl Into<String>, code: impl Into<String>) -> Self {
        Self { field: field.into(), code: code.into(), params: BTreeMap::new() }
    }

    pub fn with(mut self, key: impl Into<String>, value: impl ToString) -> Self {
        self.params.insert(key.into(), value.to_string());
        self
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.code, self.field)?;
        for (k, v) in &self.params {
            write!(f, " {k}={v}")?;
        }
        Ok(())
    }
}

/// A non-empty list of violations, returned when a whole input is checked at once so that
/// a form can show every problem next to its field.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{} rule violation(s): {}", .0.len(), .0.iter().map(|v| v.code.as_str()).collect::<Vec<_>>().join(", "))]
pub struct Violations(pub Vec<Violation>);

impl Violations {
    pub fn one(v: Violation) -> Self {
        Self(vec![v])
    }

    /// `Ok(())` when `list` is empty, otherwise the violations.
    pub fn check(list: Vec<Violation>) -> Result<(), Violations> {
        if list.is_empty() {
            Ok(())
        } else {
            Err(Violations(list))
        }
    }

    /// The same violations with `prefix.` before each field (e.g. for rows of an import).
    pub fn prefixed(self, prefix: &str) -> Self {
        Self(
            self.0
                .into_iter()
                .map(|mut v| {
                    v.field = format!("{prefix}.{}", v.field);
                    v
                })
                .collect(),
        )
    }
}

impl From<Violation> for Violations {
    fn from(v: Violation) -> Self {
        Self::one(v)
    }
}
