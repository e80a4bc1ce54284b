//! KBO enterprise number (ondernemingsnummer), docs/domain/identifiers.md, "KBO enterprise numbers".

use crate::violation::Violation;
use std::fmt;

/// A validated enterprise number: 10 digits `0XXX.XXX.XCC` with `CC = 97 − (first 8 mod 97)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct KboNumber(String);

impl KboNumber {
    /// Accepts `0566.988.259`, `0566988259`, `BE 0566.988.259` and old 9-digit numbers.
    pub fn parse(input: &str) -> Result<Self, Violation> {
        let trimmed = input.trim();
        let without_country = trimmed.strip_prefix("BE").or_else(|| trimmed.strip_prefix("be")).unwrap_or(trimmed);
        let mut digits: String = without_country.chars().filter(|c| !matches!(c, '.' | ' ' | '-' | '\u{a0}')).collect();
        if digits.is_empty() {
            return Err(Violation::new("kbo", "kbo.empty"));
        }
        if !digits.chars().all(|c| c.is_ascii_digit()) || !(9..=10).contains(&digits.len()) {
            return Err(Violation::new("kbo", "kbo.format").with("value", trimmed));
        }
        if digits.len() == 9 {
            digits.insert(0, '0');
        }
        if !digits.starts_with('0') && !digits.starts_with('1') {
            return Err(Violation::new("kbo", "kbo.format").with("value", trimmed));
        }
        let first8: u64 = digits[..8].parse().expect("digits");
        let check: u64 = digits[8..].parse().expect("digits");
        if 97 - first8 % 97 != check {
            return Err(Violation::new("kbo", "kbo.checksum").with("value", trimmed));
        }
        Ok(Self(digits))
    }

    pub fn digits(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for KboNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = &self.0;
        write!(f, "{}.{}.{}", &d[0..4], &d[4..7], &d[7..10])
    }
}

impl serde::Serialize for KboNumber {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> serde::Deserialize<'de> for KboNumber {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        KboNumber::parse(&s).map_err(|v| serde::de::Error::custom(v.code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_from_subsidy_rules() {
        for ok in ["0566.988.259", "0403.019.261", "0428.759.497", "0566988259", "BE 0403.019.261", "403019261"] {
            assert!(KboNumber::parse(ok).is_ok(), "{ok} should be valid");
        }
        assert_eq!(KboNumber::parse("0431.150.351").unwrap_err().code, "kbo.checksum");
        assert_eq!(KboNumber::parse("0431.150").unwrap_err().code, "kbo.format");
        assert_eq!(KboNumber::parse("").unwrap_err().code, "kbo.empty");
        assert_eq!(KboNumber::parse("0566988259").unwrap().to_string(), "0566.988.259");
    }
}
