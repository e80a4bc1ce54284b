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

    /// [`Violations::check`], then the values parsed alongside the violations, unwrapped:
    /// a form's fields are parsed one by one (each failure pushed on `list`, its value
    /// `None`), and the parsed values come out of here only when nothing was wrong:
    /// `let (key, from) = Violations::checked(out, (key, from))?;`. A value still missing
    /// although nothing was reported is a violation of its own (`form.incomplete`), never
    /// a panic.
    pub fn checked<T: AllPresent>(list: Vec<Violation>, values: T) -> Result<T::Values, Violations> {
        Self::check(list)?;
        values.all_present().ok_or_else(|| Violations::one(Violation::new("form", "form.incomplete")))
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

/// Values parsed alongside a list of violations (an `Option` or a tuple of them): all
/// present, or `None`. See [`Violations::checked`].
pub trait AllPresent {
    type Values;
    fn all_present(self) -> Option<Self::Values>;
}

impl<A> AllPresent for Option<A> {
    type Values = A;
    fn all_present(self) -> Option<A> {
        self
    }
}

macro_rules! all_present_tuple {
    ($($t:ident),+) => {
        impl<$($t),+> AllPresent for ($(Option<$t>,)+) {
            type Values = ($($t,)+);
            #[allow(non_snake_case)]
            fn all_present(self) -> Option<Self::Values> {
                let ($($t,)+) = self;
                Some(($($t?,)+))
            }
        }
    };
}
all_present_tuple!(A, B);
all_present_tuple!(A, B, C);
all_present_tuple!(A, B, C, D);

#[cfg(test)]
mod checked_tests {
    use super::*;

    #[test]
    fn parsed_values_come_out_only_when_nothing_is_wrong() {
        assert_eq!(Violations::checked(vec![], (Some(1), Some("a"))), Ok((1, "a")));
        assert_eq!(Violations::checked(vec![], Some(7)), Ok(7));
        let wrong = Violation::new("from", "date.required");
        assert_eq!(Violations::checked(vec![wrong.clone()], (Some(1), None::<u8>)), Err(Violations(vec![wrong])));
        // A value missing without a violation is reported, not unwrapped.
        let missing = Violations::checked(vec![], (Some(1), None::<u8>, Some(3))).unwrap_err();
        assert_eq!(missing.0[0].code, "form.incomplete");
    }
}
