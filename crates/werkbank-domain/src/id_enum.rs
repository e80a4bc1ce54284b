//! Enums whose values have stable identifiers: the text stored in the database, written in
//! JSON and files, typed on the command line and used as catalogue keys.
//!
//! Architecture Invariant: an identifier is written once, in the [`id_enum!`] invocation; it
//! is the variant's serde name, its `id()` and what `from_id` accepts, so the three cannot
//! drift apart. Changing one is a change of the file, database and CLI contract.

/// Declares an enum with stable identifiers:
///
/// ```ignore
/// id_enum! {
///     /// Docs of the enum.
///     #[derive(Default)]           // further derives and attributes pass through
///     pub enum Size {
///         #[default]
///         Small => "small",
///         Large => "large",
///     }
/// }
/// ```
///
/// gives the enum (Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord in declaration
/// order, Serialize and Deserialize under the identifiers, a TypeScript declaration with the
/// `ts` feature), `Size::ALL` (every variant in declaration order), `Size::id` and
/// `Size::from_id` and `TryFrom<String>` (for a database column).
macro_rules! id_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident => $id:literal,)+ }) => {
        $(#[$meta])*
        #[cfg_attr(feature = "ts", derive(ts_rs::TS))]
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $id)] $variant,)+
        }
        impl $name {
            /// Every value, in declaration order.
            pub const ALL: [$name; [$($id),+].len()] = [$($name::$variant),+];

            /// The stable identifier.
            pub const fn id(self) -> &'static str {
                match self { $($name::$variant => $id,)+ }
            }

            /// The value of an identifier; `None` for any other text.
            pub fn from_id(s: &str) -> Option<Self> {
                match s { $($id => Some($name::$variant),)+ _ => None }
            }
        }
        impl TryFrom<String> for $name {
            type Error = $crate::id_enum::UnknownId;
            fn try_from(value: String) -> Result<Self, Self::Error> {
                Self::from_id(&value).ok_or($crate::id_enum::UnknownId { type_name: stringify!($name), value })
            }
        }
    };
}
pub(crate) use id_enum;

/// A text that is not the identifier of any value of `type_name` (a damaged row, say).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{value:?} is not a {type_name}")]
pub struct UnknownId {
    pub type_name: &'static str,
    pub value: String,
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    /// For every value: `from_id(id())` gives it back, serde writes and reads the same
    /// identifier, and no two values share one; an unknown or differently cased id is refused.
    fn check<T>(all: &[T], id: fn(T) -> &'static str, from_id: fn(&str) -> Option<T>)
    where
        T: Copy + PartialEq + TryFrom<String> + std::fmt::Debug + serde::Serialize + serde::de::DeserializeOwned,
    {
        let mut seen = HashSet::new();
        for &v in all {
            let text = id(v);
            assert!(seen.insert(text), "{text} used twice");
            assert_eq!(from_id(text), Some(v));
            assert_eq!(serde_json::to_string(&v).unwrap(), format!("\"{text}\""));
            assert_eq!(serde_json::from_str::<T>(&format!("\"{text}\"")).unwrap(), v);
            assert_eq!(from_id(&text.to_uppercase()), None, "{text}: identifiers are exact");
        }
        assert_eq!(from_id(""), None);
        assert_eq!(T::try_from(id(all[0]).to_string()).ok(), Some(all[0]));
        assert!(T::try_from("no_such_value".to_string()).is_err());
        assert_eq!(from_id("no_such_value"), None);
    }

    macro_rules! check_all {
        ($($t:ty),+ $(,)?) => { $( check::<$t>(&<$t>::ALL, <$t>::id, <$t>::from_id); )+ };
    }

    #[test]
    fn identifiers_round_trip_for_every_enum() {
        use crate::claims::GuidanceLevel;
        use crate::path::{LeavingReason, MeetingKind};
        use crate::waitlist::{AttestKind, CandidateStatus, Priority, ReferrerKind};
        use crate::*;
        check_all!(
            Category,
            EligibilityKind,
            CriterionId,
            CriterionStatus,
            GuidanceLevel,
            WorkFormKind,
            NormMethod,
            ParameterKey,
            employment::ContractType,
            TriState,
            Sex,
            EducationLevel,
            ReferrerKind,
            AttestKind,
            Priority,
            CandidateStatus,
            claims::ClaimStatus,
            MeetingKind,
            LeavingReason,
        );
    }

    #[test]
    fn identifiers_are_the_contract() {
        // A few identifiers written out: the database, the CLI and saved files use them.
        use crate::*;
        assert_eq!(Category::Article60.id(), "article_60");
        assert_eq!(CriterionId::InsertionLowSkilledEducation.id(), "insertion.low_skilled.education");
        assert_eq!(employment::ContractType::Article60Placement.id(), "article_60_placement");
        assert_eq!(EducationLevel::SecondarySecondGrade.id(), "secondary_second_grade");
        assert_eq!(TriState::default(), TriState::Unknown);
        assert_eq!(NormMethod::default(), NormMethod::ProRata);
        assert_eq!(Category::ALL.len(), 7);
    }
}
