//! Property tests of the identifier parsers (issue 14): INSZ, KBO and IBAN never panic on
//! any text; valid numbers, however written, parse back to themselves; and the check
//! digits are exactly the ones mod 97 allows.

use chrono::{Datelike, NaiveDate};
use proptest::prelude::*;
use werkbank_domain::organisation::{format_iban, parse_iban};
use werkbank_domain::{Insz, KboNumber};

/// Text that looks like an identifier more often than arbitrary text does: digits,
/// separators, letters, and now and then anything.
fn identifier_like() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[0-9 .\\-/\u{a0}]{0,40}",
        "(BE|be|NL)?[0-9A-Za-z .\\-]{0,40}",
        "[0-9]{9,12}",
        "\\PC{0,20}",
    ]
}

/// A day from 1 January 1900 to 31 December 2099 (the centuries an INSZ encodes).
fn birth_day() -> impl Strategy<Value = NaiveDate> {
    let first = NaiveDate::from_ymd_opt(1900, 1, 1).unwrap();
    let last = NaiveDate::from_ymd_opt(2099, 12, 31).unwrap();
    (0..=(last - first).num_days()).prop_map(move |d| first + chrono::Duration::days(d))
}

/// The check digits mod 97: 97 − (the first nine digits, with 2 before them from 2000 on) mod 97.
fn insz_check(body: u64, century: i32) -> u64 {
    let n = if century >= 2000 { 2_000_000_000 + body } else { body };
    97 - n % 97
}

/// The first nine digits `YYMMDDSSS` of a day and a serial.
fn insz_body(day: NaiveDate, serial: u64) -> u64 {
    let yy = u64::try_from(day.year() % 100).unwrap();
    (yy * 10_000 + u64::from(day.month()) * 100 + u64::from(day.day())) * 1000 + serial
}

fn kbo_digits(first8: u64) -> String {
    format!("{first8:08}{:02}", 97 - first8 % 97)
}

/// A Belgian IBAN from its twelve digits: check digits 98 − (digits, `BE` as 1114, `00`)
/// mod 97.
fn belgian_iban(bban: u64) -> String {
    let n: u128 = format!("{bban:012}111400").parse().unwrap();
    format!("BE{:02}{bban:012}", 98 - n % 97)
}

proptest! {
    #[test]
    fn insz_never_panics(text in identifier_like()) {
        let _ = Insz::parse(&text);
    }

    #[test]
    fn kbo_never_panics(text in identifier_like()) {
        let _ = KboNumber::parse(&text);
    }

    #[test]
    fn iban_never_panics(text in identifier_like()) {
        let _ = parse_iban(&text);
    }

    /// A valid INSZ, compact, in eID notation or with spaces, parses to the same digits and
    /// gives back the birth date it encodes.
    #[test]
    fn insz_round_trips(day in birth_day(), serial in 1u64..=997) {
        let body = insz_body(day, serial);
        let digits = format!("{body:09}{:02}", insz_check(body, day.year()));
        let insz = Insz::parse(&digits).unwrap();
        prop_assert_eq!(insz.digits(), digits.as_str());
        prop_assert_eq!(insz.birth_date(), Some(day));
        let again = Insz::parse(&insz.formatted()).unwrap();
        prop_assert_eq!(&again, &insz);
        let spaced = format!(" {} {} {} ", &digits[..6], &digits[6..9], &digits[9..]);
        prop_assert_eq!(Insz::parse(&spaced).unwrap(), insz);
    }

    /// Of the hundred possible check digits exactly two are valid: the 1900 rule's and
    /// the 2000 rule's (which differ, as 2 000 000 000 mod 97 = 68, not 0); every other
    /// one is `insz.checksum`.
    #[test]
    fn insz_check_digits_are_mod_97(day in birth_day(), serial in 1u64..=997, check in 0u64..=99) {
        let body = insz_body(day, serial);
        let valid = [insz_check(body, 1900), insz_check(body, 2000)];
        prop_assert_ne!(valid[0], valid[1]);
        let parsed = Insz::parse(&format!("{body:09}{check:02}"));
        if valid.contains(&check) {
            prop_assert!(parsed.is_ok());
        } else {
            prop_assert_eq!(parsed.unwrap_err().code, "insz.checksum");
        }
    }

    /// A valid enterprise number, in any of its notations, parses to its ten digits and
    /// prints as `0XXX.XXX.XXX`, which parses back to the same number.
    #[test]
    fn kbo_round_trips(first8 in 0u64..20_000_000) {
        let digits = kbo_digits(first8);
        let kbo = KboNumber::parse(&digits).unwrap();
        prop_assert_eq!(kbo.digits(), digits.as_str());
        let shown = kbo.to_string();
        prop_assert_eq!(KboNumber::parse(&shown).unwrap(), kbo.clone());
        prop_assert_eq!(KboNumber::parse(&format!("BE {shown}")).unwrap(), kbo.clone());
        if let Some(nine) = digits.strip_prefix('0') {
            // an old nine-digit number is the same enterprise
            prop_assert_eq!(KboNumber::parse(nine).unwrap(), kbo);
        }
    }

    /// Only 97 − (first eight digits mod 97) is a valid pair of check digits.
    #[test]
    fn kbo_check_digits_are_mod_97(first8 in 0u64..20_000_000, check in 0u64..=99) {
        let parsed = KboNumber::parse(&format!("{first8:08}{check:02}"));
        if check == 97 - first8 % 97 {
            prop_assert!(parsed.is_ok());
        } else {
            prop_assert_eq!(parsed.unwrap_err().code, "kbo.checksum");
        }
    }

    /// A valid IBAN parses to its compact upper-case form, also from groups of four and
    /// in lower case.
    #[test]
    fn iban_round_trips(bban in 0u64..1_000_000_000_000) {
        let iban = belgian_iban(bban);
        prop_assert_eq!(parse_iban(&iban).unwrap(), iban.clone());
        prop_assert_eq!(parse_iban(&format_iban(&iban)).unwrap(), iban.clone());
        prop_assert_eq!(parse_iban(&iban.to_lowercase()).unwrap(), iban);
    }

    /// Mod 97-10 catches every single changed digit: any other digit at any position of
    /// the check digits or the account is `iban.checksum`.
    #[test]
    fn iban_catches_every_changed_digit(bban in 0u64..1_000_000_000_000, at in 2usize..16, other in 0u8..9) {
        let iban = belgian_iban(bban);
        let mut bytes = iban.clone().into_bytes();
        let old = bytes[at] - b'0';
        bytes[at] = b'0' + if other >= old { other + 1 } else { other };
        let changed = String::from_utf8(bytes).unwrap();
        prop_assert_eq!(parse_iban(&changed).unwrap_err().code, "iban.checksum");
    }
}
