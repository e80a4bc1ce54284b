//! A value as the register holds it: with the id it was stored under.
//!
//! Architecture Invariant: the domain's entities (a person, a work form, a candidate, an
//! employment period) carry no id of their own. A value not yet stored has none to get
//! wrong; one read back from the store is a [`Stored`], whose id is always there. Code that
//! needs an id asks for a `Stored<T>`, so "stored" is checked by the compiler, not by an
//! `expect` at run time.

use serde::{Deserialize, Serialize};
use std::ops::{Deref, DerefMut};

/// `value`, stored under `id`. Reads as the value (`stored.last_name`) through `Deref`;
/// `stored.id` is the storage id.
///
/// A value that was never stored has no id to read (checked by the compiler):
///
/// ```compile_fail
/// let p = werkbank_domain::Person::new("Peeters", "An");
/// let _ = p.id;
/// ```
///
/// ```
/// use werkbank_domain::{Person, Stored};
/// let p = Stored::new(12, Person::new("Peeters", "An"));
/// assert_eq!((p.id, p.last_name.as_str()), (12, "Peeters"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored<T> {
    pub id: i64,
    #[serde(flatten)]
    pub value: T,
}

impl<T> Stored<T> {
    pub fn new(id: i64, value: T) -> Self {
        Self { id, value }
    }

    /// The value without its id (to change it and store it again).
    pub fn into_value(self) -> T {
        self.value
    }
}

/// A stored value lends itself as the value, so a computation can take either
/// (`fn f<P: Borrow<EmploymentPeriod>>(periods: &[P])`).
impl<T> std::borrow::Borrow<T> for Stored<T> {
    fn borrow(&self) -> &T {
        &self.value
    }
}

impl<T> Deref for Stored<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<T> DerefMut for Stored<T> {
    fn deref_mut(&mut self) -> &mut T {
        &mut self.value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    struct Thing {
        name: String,
    }

    #[test]
    fn reads_as_its_value_and_keeps_its_id() {
        let mut s = Stored::new(7, Thing { name: "a".into() });
        assert_eq!(s.id, 7);
        assert_eq!(s.name, "a");
        s.name.push('b');
        assert_eq!(s.into_value(), Thing { name: "ab".into() });
    }

    #[test]
    fn serialises_flat_with_its_id() {
        let s = Stored::new(3, Thing { name: "x".into() });
        assert_eq!(serde_json::to_string(&s).unwrap(), r#"{"id":3,"name":"x"}"#);
        let back: Stored<Thing> = serde_json::from_str(r#"{"id":3,"name":"x"}"#).unwrap();
        assert_eq!(back, s);
    }
}
