//! The organisation that runs the workplace and its work forms (DOMAIN.md §2).

use crate::kbo::KboNumber;
use crate::violation::Violation;
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

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Organisation {
    pub name: String,
    pub kbo: Option<KboNumber>,
    pub street: String,
    pub postal_code: String,
    pub city: String,
    pub work_forms: Vec<WorkForm>,
    /// Legal form as written on documents (`vzw`, `cv`); empty = not entered.
    #[serde(default)]
    pub legal_form: String,
    /// RSZ employer number, digits only ([`parse_rsz_number`]); empty = not entered.
    #[serde(default)]
    pub rsz_number: String,
    /// IBAN, compact and upper case ([`parse_iban`]); empty = not entered.
    #[serde(default)]
    pub iban: String,
    /// BIC, upper case ([`parse_bic`]); empty = not entered.
    #[serde(default)]
    pub bic: String,
    /// The place where the director signs documents (the claim's signature block).
    #[serde(default)]
    pub signing_place: String,
}

fn compact(input: &str) -> String {
    input.chars().filter(|c| !matches!(c, ' ' | '.' | '-' | '/' | '\u{a0}')).collect()
}

/// An IBAN: country code, two check digits and up to 30 letters or digits, checked with
/// ISO 7064 mod 97-10 (the letters as 10–35, the first four characters moved to the end,
/// the number mod 97 must be 1). Returns the compact upper-case form; codes `iban.format`
/// and `iban.checksum` (field `iban`).
pub fn parse_iban(input: &str) -> Result<String, Violation> {
    let trimmed = input.trim();
    let iban = compact(trimmed).to_ascii_uppercase();
    let shape = iban.len() >= 15
        && iban.len() <= 34
        && iban.chars().all(|c| c.is_ascii_alphanumeric())
        && iban[..2].chars().all(|c| c.is_ascii_alphabetic())
        && iban[2..4].chars().all(|c| c.is_ascii_digit())
        && (!iban.starts_with("BE") || iban.len() == 16);
    if !shape {
        return Err(Violation::new("iban", "iban.format").with("value", trimmed));
    }
    let mut rest: u32 = 0;
    for c in iban[4..].chars().chain(iban[..4].chars()) {
        let v = c.to_digit(36).expect("alphanumeric");
        rest = if v >= 10 { (rest * 100 + v) % 97 } else { (rest * 10 + v) % 97 };
    }
    if rest != 1 {
        return Err(Violation::new("iban", "iban.checksum").with("value", trimmed));
    }
    Ok(iban)
}

/// A compact IBAN in groups of four: `BE71 0961 2345 6769`.
pub fn format_iban(iban: &str) -> String {
    let chars: Vec<char> = iban.chars().collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

/// A BIC: 4 letters (bank), 2 letters (country), 2 letters or digits (place), optionally 3
/// more (branch). Code `bic.format` (field `bic`).
pub fn parse_bic(input: &str) -> Result<String, Violation> {
    let bic = compact(input.trim()).to_ascii_uppercase();
    let ok = (bic.len() == 8 || bic.len() == 11)
        && bic[..6].chars().all(|c| c.is_ascii_alphabetic())
        && bic[6..].chars().all(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(bic)
    } else {
        Err(Violation::new("bic", "bic.format").with("value", input.trim()))
    }
}

/// The RSZ (ONSS) employer number: 9 or 10 digits, written with or without separators
/// (`1234567-89`, `123-4567890-12` is too long). Returns the digits; code `rsz.format`
/// (field `rsz_number`). Only the shape is checked: the check digits' rule is not public.
pub fn parse_rsz_number(input: &str) -> Result<String, Violation> {
    let digits = compact(input.trim());
    if (9..=10).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
        Ok(digits)
    } else {
        Err(Violation::new("rsz_number", "rsz.format").with("value", input.trim()))
    }
}

/// RSZ number digits as printed: all but the last two, a dash, the last two (`1234567-89`).
pub fn format_rsz_number(digits: &str) -> String {
    if digits.len() < 3 || !digits.is_ascii() {
        return digits.to_string();
    }
    let (a, b) = digits.split_at(digits.len() - 2);
    format!("{a}-{b}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iban_mod_97() {
        // BE71 0961 2345 6769: 096123456769 + "BE71" → 096123456769111471; mod 97 = 1.
        assert_eq!(parse_iban("be71 0961 2345 6769").unwrap(), "BE71096123456769");
        assert_eq!(format_iban("BE71096123456769"), "BE71 0961 2345 6769");
        assert_eq!(parse_iban("BE68 5390 0754 7034").unwrap(), "BE68539007547034");
        assert_eq!(parse_iban("NL91ABNA0417164300").unwrap(), "NL91ABNA0417164300");
        // One digit changed: the check fails.
        assert_eq!(parse_iban("BE71 0961 2345 6768").unwrap_err().code, "iban.checksum");
        assert_eq!(parse_iban("BE71 0961 2345").unwrap_err().code, "iban.format");
        assert_eq!(parse_iban("1234567890123456").unwrap_err().code, "iban.format");
    }

    #[test]
    fn bic_and_rsz_shape() {
        assert_eq!(parse_bic("gkcc be bb").unwrap(), "GKCCBEBB");
        assert_eq!(parse_bic("GEBABEBB036").unwrap(), "GEBABEBB036");
        assert_eq!(parse_bic("GKCC1EBB").unwrap_err().code, "bic.format");
        assert_eq!(parse_rsz_number("1234567-89").unwrap(), "123456789");
        assert_eq!(format_rsz_number("123456789"), "1234567-89");
        assert_eq!(parse_rsz_number("0123456789").unwrap(), "0123456789");
        assert_eq!(parse_rsz_number("123-4567890-12").unwrap_err().code, "rsz.format");
        assert_eq!(parse_rsz_number("12345678a").unwrap_err().code, "rsz.format");
    }
}
