//! The one Belgian (nl-BE) format of values, for every output: the PDF documents, the xlsx
//! texts, the CLI and the catalogue messages (`{x:fte}`, `{x:amount}`, …). Amounts, numbers,
//! decimal texts as the DTOs carry them, dates, a masked INSZ and an amount in Dutch words.
//! Pure functions, no clock, no IO. (The UI formats the same way in ui/src/lib/format.ts,
//! held to the same examples by its tests.)
//!
//! The only Dutch words here are the number words of [`amount_in_words_nl`] (a spelling
//! rule, not a sentence). Every other text comes from the catalogues.

use chrono::NaiveDate;
use rust_decimal::{Decimal, RoundingStrategy};

/// A decimal with `places` decimals (rounded half away from zero), `.` between thousands and a decimal comma:
/// `format_number(dec!(1234.5), 2)` → `"1.234,50"`, `format_number(dec!(0.8), 4)` → `"0,8000"`.
pub fn format_number(value: Decimal, places: u32) -> String {
    let rounded = value.round_dp_with_strategy(places, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    // `{:.N}` on a Decimal pads with zeros and never uses exponents.
    let plain = format!("{:.*}", places as usize, rounded.abs());
    let (int_part, frac_part) = match plain.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (plain.as_str(), None),
    };
    let mut grouped = String::with_capacity(int_part.len() + int_part.len() / 3);
    for (i, ch) in int_part.chars().enumerate() {
        if i > 0 && (int_part.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(ch);
    }
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    out.push_str(&grouped);
    if let Some(f) = frac_part {
        out.push(',');
        out.push_str(f);
    }
    out
}

/// A decimal text as the DTOs carry it (`"1593.805"`, `"15.2000"`, `"-0.5"`) with `places`
/// decimals, or with as many as the value needs when `None` (`"38000"` → `38.000`,
/// `"0.50"` → `0,5`). `None` when the text is not a decimal.
pub fn format_decimal_text(text: &str, places: Option<u32>) -> Option<String> {
    let value = Decimal::from_str_exact(text.trim()).ok()?;
    Some(format_number(value, places.unwrap_or_else(|| value.normalize().scale())))
}

/// A share (`"0.6525"`) as a percentage with at most two decimals (`65,25 %`); `None`
/// when the text is not a decimal (or too large to multiply).
pub fn format_percent_text(text: &str) -> Option<String> {
    let share = Decimal::from_str_exact(text.trim()).ok()?.checked_mul(Decimal::ONE_HUNDRED)?;
    let places = share.round_dp(2).normalize().scale();
    Some(format!("{} %", format_number(share, places)))
}

/// An amount in euro: two decimals, half away from zero, `1.234,56 €` (a space before the euro sign).
pub fn format_amount(value: Decimal) -> String {
    format!("{} €", format_number(value, 2))
}

/// A date as `31/03/2026`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d/%m/%Y").to_string()
}

/// An INSZ (national number or BIS number) masked for print: only its last two digits (the check digits)
/// stay, in the usual `YY.MM.DD-NNN.CC` shape: `"85073003328"` and `"85.07.30-033.28"` → `"**.**.**-***.28"`.
///
/// Separators in the input are ignored. Anything that is not exactly 11 digits is masked entirely
/// (`"**.**.**-***.**"`): a malformed number never leaks a digit.
pub fn mask_insz(insz: &str) -> String {
    let digits: Vec<char> = insz.chars().filter(|c| c.is_ascii_digit()).collect();
    let other = insz.chars().any(|c| !c.is_ascii_digit() && !matches!(c, '.' | '-' | ' '));
    if digits.len() != 11 || other {
        return "**.**.**-***.**".to_string();
    }
    format!("**.**.**-***.{}{}", digits[9], digits[10])
}

const UNITS: [&str; 20] = [
    "nul",
    "een",
    "twee",
    "drie",
    "vier",
    "vijf",
    "zes",
    "zeven",
    "acht",
    "negen",
    "tien",
    "elf",
    "twaalf",
    "dertien",
    "veertien",
    "vijftien",
    "zestien",
    "zeventien",
    "achttien",
    "negentien",
];
const TENS: [&str; 10] =
    ["", "", "twintig", "dertig", "veertig", "vijftig", "zestig", "zeventig", "tachtig", "negentig"];

/// 1..=99 as one word: "eenentwintig", "tweeëntwintig" (a trema where -en- follows an -e).
fn below_hundred(n: u64) -> String {
    debug_assert!((1..100).contains(&n));
    if n < 20 {
        return UNITS[n as usize].to_string();
    }
    let (tens, unit) = (n / 10, n % 10);
    if unit == 0 {
        return TENS[tens as usize].to_string();
    }
    let u = UNITS[unit as usize];
    let joint = if u.ends_with('e') { "ën" } else { "en" };
    format!("{u}{joint}{}", TENS[tens as usize])
}

/// 1..=999 as one word: "honderd", "tweehonderdvierendertig", "honderdeen".
fn below_thousand(n: u64) -> String {
    debug_assert!((1..1000).contains(&n));
    let (hundreds, rest) = (n / 100, n % 100);
    let mut out = String::new();
    if hundreds > 1 {
        out.push_str(UNITS[hundreds as usize]);
    }
    if hundreds > 0 {
        out.push_str("honderd");
    }
    if rest > 0 {
        out.push_str(&below_hundred(rest));
    }
    out
}

/// A group that stands as its own word: a lone 1 is written "één" (so it cannot be read as the article).
fn standalone(n: u64) -> String {
    if n == 1 {
        "één".to_string()
    } else {
        below_thousand(n)
    }
}

/// A whole number in Dutch words, following the Taalunie's rules: one word up to a thousand, a space after
/// "duizend", "miljoen" and "miljard" ("duizend tweehonderdvierendertig", "tweeduizend vijf", "één miljoen
/// duizend"), "honderd" and "duizend" without "een", a trema in "tweeëntwintig", and "één" when one stands alone.
pub fn number_in_words_nl(n: u64) -> String {
    if n == 0 {
        return "nul".to_string();
    }
    let mut words: Vec<String> = Vec::new();
    let mut rest = n;
    for (scale, name) in [
        (1_000_000_000_000_000_000u64, "triljoen"),
        (1_000_000_000_000_000, "biljard"),
        (1_000_000_000_000, "biljoen"),
        (1_000_000_000, "miljard"),
        (1_000_000, "miljoen"),
    ] {
        let count = rest / scale;
        if count > 0 {
            // Counts above 999 of a scale cannot occur below u64::MAX except for triljoen (≤ 18).
            words.push(format!("{} {name}", standalone(count)));
            rest %= scale;
        }
    }
    let thousands = rest / 1000;
    if thousands > 0 {
        if thousands == 1 {
            words.push("duizend".to_string());
        } else {
            words.push(format!("{}duizend", below_thousand(thousands)));
        }
        rest %= 1000;
    }
    if rest > 0 {
        words.push(standalone(rest));
    }
    words.join(" ")
}

/// An amount in Dutch words, as on a declaration of debt: rounded to the cent (half away from zero), then
/// euro and cent: `1234.56` → "duizend tweehonderdvierendertig euro zesenvijftig cent", `1` → "één euro",
/// `0.01` → "nul euro één cent". Whole amounts have no cent part; a negative amount starts with "min".
pub fn amount_in_words_nl(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let abs = rounded.abs();
    let euros = abs.trunc();
    let cents = ((abs - euros) * Decimal::ONE_HUNDRED).trunc();
    let euros: u64 = euros.try_into().unwrap_or(u64::MAX);
    let cents: u64 = cents.try_into().unwrap_or(0);
    let mut out = String::new();
    if negative {
        out.push_str("min ");
    }
    out.push_str(&number_in_words_nl(euros));
    out.push_str(" euro");
    if cents > 0 {
        out.push(' ');
        out.push_str(&number_in_words_nl(cents));
        out.push_str(" cent");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimal_texts_in_the_one_format() {
        // 1593,805 rounds half away from zero; `None` keeps the value's own decimals.
        assert_eq!(format_decimal_text("1593.805", Some(2)).as_deref(), Some("1.593,81"));
        assert_eq!(format_decimal_text("15.2000", Some(2)).as_deref(), Some("15,20"));
        assert_eq!(format_decimal_text("38000", None).as_deref(), Some("38.000"));
        assert_eq!(format_decimal_text("0.50", None).as_deref(), Some("0,5"));
        assert_eq!(format_decimal_text("-1234567.1", Some(2)).as_deref(), Some("-1.234.567,10"));
        assert_eq!(format_decimal_text("n.v.t.", Some(2)), None);
        assert_eq!(format_percent_text("0.6525").as_deref(), Some("65,25 %"));
        assert_eq!(format_percent_text("1").as_deref(), Some("100 %"));
        assert_eq!(format_percent_text("x"), None);
    }
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn amounts_have_thousand_dots_a_decimal_comma_and_the_euro_sign() {
        assert_eq!(format_amount(d("1234.56")), "1.234,56 €");
        assert_eq!(format_amount(d("0")), "0,00 €");
        assert_eq!(format_amount(d("5")), "5,00 €");
        assert_eq!(format_amount(d("999.999")), "1.000,00 €"); // rounds up into a new group
        assert_eq!(format_amount(d("1234567.891")), "1.234.567,89 €");
        assert_eq!(format_amount(d("0.005")), "0,01 €"); // half away from zero
        assert_eq!(format_amount(d("-1234.5")), "-1.234,50 €");
        assert_eq!(format_amount(d("-0.001")), "0,00 €"); // no "-0,00"
        assert_eq!(format_amount(d("100000")), "100.000,00 €");
    }

    #[test]
    fn numbers_keep_the_asked_decimals() {
        assert_eq!(format_number(d("0.8"), 4), "0,8000");
        assert_eq!(format_number(d("12.34567"), 4), "12,3457");
        assert_eq!(format_number(d("1234"), 0), "1.234");
        assert_eq!(format_number(d("123"), 0), "123");
        assert_eq!(format_number(d("2.5"), 0), "3");
    }

    #[test]
    fn dates_are_day_month_year_with_slashes() {
        assert_eq!(format_date(NaiveDate::from_ymd_opt(2026, 3, 31).unwrap()), "31/03/2026");
        assert_eq!(format_date(NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()), "01/01/2026");
    }

    #[test]
    fn insz_keeps_only_the_check_digits() {
        assert_eq!(mask_insz("85073003328"), "**.**.**-***.28");
        assert_eq!(mask_insz("85.07.30-033.28"), "**.**.**-***.28");
        assert_eq!(mask_insz("85 07 30 033 28"), "**.**.**-***.28");
        // Malformed input never leaks digits.
        assert_eq!(mask_insz("8507300332"), "**.**.**-***.**");
        assert_eq!(mask_insz("850730033289"), "**.**.**-***.**");
        assert_eq!(mask_insz("85073003328x"), "**.**.**-***.**");
        assert_eq!(mask_insz(""), "**.**.**-***.**");
    }

    #[test]
    fn whole_numbers_in_dutch_words() {
        let cases: &[(u64, &str)] = &[
            (0, "nul"),
            (1, "één"),
            (2, "twee"),
            (10, "tien"),
            (11, "elf"),
            (12, "twaalf"),
            (13, "dertien"),
            (14, "veertien"),
            (18, "achttien"),
            (19, "negentien"),
            (20, "twintig"),
            (21, "eenentwintig"),
            (22, "tweeëntwintig"),
            (23, "drieëntwintig"),
            (28, "achtentwintig"),
            (30, "dertig"),
            (32, "tweeëndertig"),
            (33, "drieëndertig"),
            (34, "vierendertig"),
            (40, "veertig"),
            (56, "zesenvijftig"),
            (67, "zevenenzestig"),
            (80, "tachtig"),
            (99, "negenennegentig"),
            (100, "honderd"),
            (101, "honderdeen"),
            (102, "honderdtwee"),
            (110, "honderdtien"),
            (122, "honderdtweeëntwintig"),
            (200, "tweehonderd"),
            (234, "tweehonderdvierendertig"),
            (999, "negenhonderdnegenennegentig"),
            (1000, "duizend"),
            (1001, "duizend één"),
            (1002, "duizend twee"),
            (1100, "duizend honderd"),
            (1234, "duizend tweehonderdvierendertig"),
            (2000, "tweeduizend"),
            (2022, "tweeduizend tweeëntwintig"),
            (12_345, "twaalfduizend driehonderdvijfenveertig"),
            (21_000, "eenentwintigduizend"),
            (100_000, "honderdduizend"),
            (101_000, "honderdeenduizend"),
            (999_999, "negenhonderdnegenennegentigduizend negenhonderdnegenennegentig"),
            (1_000_000, "één miljoen"),
            (1_000_001, "één miljoen één"),
            (1_001_000, "één miljoen duizend"),
            (2_500_000, "twee miljoen vijfhonderdduizend"),
            (22_000_000, "tweeëntwintig miljoen"),
            (1_000_000_000, "één miljard"),
            (3_000_000_021, "drie miljard eenentwintig"),
        ];
        for (n, words) in cases {
            assert_eq!(number_in_words_nl(*n), *words, "{n}");
        }
    }

    #[test]
    fn amounts_in_dutch_words() {
        assert_eq!(amount_in_words_nl(d("1234.56")), "duizend tweehonderdvierendertig euro zesenvijftig cent");
        assert_eq!(amount_in_words_nl(d("1")), "één euro");
        assert_eq!(amount_in_words_nl(d("1.01")), "één euro één cent");
        assert_eq!(amount_in_words_nl(d("0.01")), "nul euro één cent");
        assert_eq!(amount_in_words_nl(d("0")), "nul euro");
        assert_eq!(amount_in_words_nl(d("22.22")), "tweeëntwintig euro tweeëntwintig cent");
        assert_eq!(amount_in_words_nl(d("100.10")), "honderd euro tien cent");
        assert_eq!(amount_in_words_nl(d("2000")), "tweeduizend euro");
        // 0.995 rounds half away from zero to 1.00.
        assert_eq!(amount_in_words_nl(d("0.995")), "één euro");
        assert_eq!(amount_in_words_nl(d("48213.075")), "achtenveertigduizend tweehonderddertien euro acht cent");
        assert_eq!(
            amount_in_words_nl(d("1250000.99")),
            "één miljoen tweehonderdvijftigduizend euro negenennegentig cent"
        );
        assert_eq!(amount_in_words_nl(d("-5.50")), "min vijf euro vijftig cent");
    }
}
