//! INSZ / rijksregisternummer and BIS numbers (docs/domain/identifiers.md, "INSZ and BIS numbers").

use crate::violation::Violation;
use chrono::NaiveDate;
use std::fmt;
use std::str::FromStr;

/// A validated INSZ: 11 digits `YYMMDDSSSCC`, check digits verified with the 1900 or the
/// 2000+ rule, BIS numbers (month + 20 or + 40) accepted.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Insz {
    digits: String,
    century: u16,
}

impl Insz {
    /// Parses an INSZ written with or without dots, dashes and spaces
    /// (`93.05.18-223.61`, `93051822361`, `930518 223 61`).
    pub fn parse(input: &str) -> Result<Self, Violation> {
        let cleaned: String = input.chars().filter(|c| !matches!(c, '.' | '-' | ' ' | '/' | '\u{a0}')).collect();
        if cleaned.is_empty() {
            return Err(Violation::new("insz", "insz.empty"));
        }
        if cleaned.len() != 11 || !cleaned.chars().all(|c| c.is_ascii_digit()) {
            return Err(Violation::new("insz", "insz.format").with("value", input.trim()));
        }
        let body: u64 = cleaned[..9].parse().expect("digits");
        let check: u64 = cleaned[9..].parse().expect("digits");
        let month: u32 = cleaned[2..4].parse().expect("digits");
        let day: u32 = cleaned[4..6].parse().expect("digits");
        let month_ok = matches!(month, 0..=12 | 20..=32 | 40..=52);
        if !month_ok || day > 31 {
            return Err(Violation::new("insz", "insz.format").with("value", input.trim()));
        }
        let century = if 97 - body % 97 == check {
            1900
        } else if 97 - (2_000_000_000 + body) % 97 == check {
            2000
        } else {
            return Err(Violation::new("insz", "insz.checksum").with("value", input.trim()));
        };
        Ok(Self { digits: cleaned, century })
    }

    /// The 11 digits without separators (how it is stored and exported).
    pub fn digits(&self) -> &str {
        &self.digits
    }

    /// True for a BIS number (month + 20 or + 40).
    pub fn is_bis(&self) -> bool {
        self.raw_month() >= 20
    }

    fn raw_month(&self) -> u32 {
        self.digits[2..4].parse().expect("digits")
    }

    /// The birth date the number encodes, when it encodes a complete one.
    pub fn birth_date(&self) -> Option<NaiveDate> {
        let yy: i32 = self.digits[0..2].parse().ok()?;
        let month = self.raw_month() % 20;
        let day: u32 = self.digits[4..6].parse().ok()?;
        NaiveDate::from_ymd_opt(i32::from(self.century) + yy, month, day)
    }

    /// Odd serial: male, even: female (for BIS numbers only when month + 40).
    pub fn serial_is_odd(&self) -> Option<bool> {
        if (20..40).contains(&self.raw_month()) {
            return None;
        }
        let serial: u32 = self.digits[6..9].parse().expect("digits");
        Some(serial % 2 == 1)
    }

    /// eID notation `YY.MM.DD-SSS.CC`.
    pub fn formatted(&self) -> String {
        let d = &self.digits;
        format!("{}.{}.{}-{}.{}", &d[0..2], &d[2..4], &d[4..6], &d[6..9], &d[9..11])
    }

    /// Builds a valid INSZ from a birth date and serial (used for synthetic demo data).
    pub fn from_birth_date(date: NaiveDate, serial: u16) -> Self {
        use chrono::Datelike;
        let yy = date.year() % 100;
        let body_str = format!("{:02}{:02}{:02}{:03}", yy, date.month(), date.day(), serial % 1000);
        let body: u64 = body_str.parse().expect("digits");
        let n = if date.year() >= 2000 { 2_000_000_000 + body } else { body };
        let check = 97 - n % 97;
        let digits = format!("{body_str}{check:02}");
        let century = if date.year() >= 2000 { 2000 } else { 1900 };
        Self { digits, century }
    }
}

impl fmt::Display for Insz {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.formatted())
    }
}

impl FromStr for Insz {
    type Err = Violation;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl serde::Serialize for Insz {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.digits)
    }
}

impl<'de> serde::Deserialize<'de> for Insz {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Insz::parse(&s).map_err(|v| serde::de::Error::custom(v.code))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vectors_from_subsidy_rules() {
        let cases: &[(&str, Option<i32>)] = &[
            ("93051822361", Some(1993)),
            ("00012556777", Some(2000)),
            ("17073003384", Some(2017)),
            ("85073003328", Some(1985)),
            ("12345678901", None),
        ];
        for (input, year) in cases {
            let parsed = Insz::parse(input);
            match year {
                Some(y) => {
                    let insz = parsed.unwrap_or_else(|e| panic!("{input} should be valid: {e}"));
                    assert_eq!(insz.birth_date().map(|d| chrono::Datelike::year(&d)), Some(*y), "{input}");
                }
                None => assert!(parsed.is_err(), "{input} should be invalid"),
            }
        }
    }

    #[test]
    fn separators_and_display() {
        let insz = Insz::parse("93.05.18-223.61").unwrap();
        assert_eq!(insz.digits(), "93051822361");
        assert_eq!(insz.to_string(), "93.05.18-223.61");
        assert_eq!(insz.birth_date(), NaiveDate::from_ymd_opt(1993, 5, 18));
        assert_eq!(insz.serial_is_odd(), Some(true));
        assert!(!insz.is_bis());
    }

    #[test]
    fn format_errors() {
        assert_eq!(Insz::parse("").unwrap_err().code, "insz.empty");
        assert_eq!(Insz::parse("9305182236").unwrap_err().code, "insz.format");
        assert_eq!(Insz::parse("93x51822361").unwrap_err().code, "insz.format");
        // month 13 is neither a normal nor a BIS month
        assert_eq!(Insz::parse("93135822361").unwrap_err().code, "insz.format");
        // right shape, wrong check digits
        assert_eq!(Insz::parse("93051822362").unwrap_err().code, "insz.checksum");
    }

    #[test]
    fn bis_numbers() {
        // Born 1993-05-18, BIS with sex known: month + 40.
        let body: u64 = 934518223;
        let check = 97 - body % 97;
        let insz = Insz::parse(&format!("{body}{check:02}")).unwrap();
        assert!(insz.is_bis());
        assert_eq!(insz.birth_date(), NaiveDate::from_ymd_opt(1993, 5, 18));
        assert_eq!(insz.serial_is_odd(), Some(true));
        // month + 20: sex unknown
        let body: u64 = 932518224;
        let check = 97 - body % 97;
        let insz = Insz::parse(&format!("{body}{check:02}")).unwrap();
        assert_eq!(insz.serial_is_odd(), None);
    }

    #[test]
    fn unknown_birth_date_is_allowed() {
        let body: u64 = 900000123;
        let check = 97 - body % 97;
        let insz = Insz::parse(&format!("{body}{check:02}")).unwrap();
        assert_eq!(insz.birth_date(), None);
    }

    #[test]
    fn generated_numbers_validate() {
        for (y, m, d) in [(1961, 2, 28), (1999, 12, 31), (2000, 1, 1), (2004, 2, 29)] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            for serial in [1u16, 2, 997, 998] {
                let insz = Insz::from_birth_date(date, serial);
                let again = Insz::parse(insz.digits()).unwrap();
                assert_eq!(again.birth_date(), Some(date));
            }
        }
    }
}
