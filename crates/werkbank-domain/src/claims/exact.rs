//! Exact rational numbers for claim lines: every line is computed as a fraction of big
//! integers (no quotient is ever rounded) and rounded once, half up, to the cent.
//!
//! `Decimal` rounds each quotient at its 28th significant digit, so a line such as
//! capped × Σ(pct × cap) ÷ Σ cap ÷ 100 with capped = 5.522,15 and pct = 50 gives
//! 2.761,07499…, and the half-cent tie 2.761,075 is lost. A fraction keeps
//! 552215/200 exactly, which rounds to 2.761,08. Big integers cannot overflow; the only
//! range check is the conversion of the result to a `Decimal` ([`Exact::round_dp`]).

use num_bigint::BigInt;
use num_integer::Integer;
use num_rational::BigRational;
use num_traits::{One, Signed, ToPrimitive, Zero};
use rust_decimal::Decimal;
use std::ops::{Add, Div, Mul, Sub};

/// An exact rational number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Exact(BigRational);

impl Exact {
    pub fn zero() -> Self {
        Exact(BigRational::zero())
    }

    pub fn int(n: i64) -> Self {
        Exact(BigRational::from_integer(BigInt::from(n)))
    }

    /// `numerator / denominator`; `denominator` must not be 0.
    pub fn ratio(numerator: i64, denominator: i64) -> Self {
        assert!(denominator != 0, "a ratio's denominator is never 0");
        Exact(BigRational::new(BigInt::from(numerator), BigInt::from(denominator)))
    }

    /// The decimal's exact value (mantissa ÷ 10^scale).
    pub fn from_decimal(d: Decimal) -> Self {
        let scale = BigInt::from(10u32).pow(d.scale());
        Exact(BigRational::new(BigInt::from(d.mantissa()), scale))
    }

    pub fn is_zero(&self) -> bool {
        self.0.is_zero()
    }

    pub fn min(self, other: Exact) -> Exact {
        if other < self {
            other
        } else {
            self
        }
    }

    pub fn max(self, other: Exact) -> Exact {
        if other > self {
            other
        } else {
            self
        }
    }

    /// The largest integer not above the value.
    pub fn floor(&self) -> Exact {
        Exact(self.0.floor())
    }

    /// `self ÷ other`, or `None` when `other` is 0.
    pub fn checked_div(&self, other: &Exact) -> Option<Exact> {
        (!other.is_zero()).then(|| Exact(&self.0 / &other.0))
    }

    /// Rounded half away from zero (half up for amounts) to `dp` decimals, as a `Decimal`
    /// with exactly `dp` decimals; `None` when it does not fit a `Decimal`.
    pub fn round_dp(&self, dp: u32) -> Option<Decimal> {
        let scaled = &self.0 * BigRational::from_integer(BigInt::from(10u32).pow(dp));
        let (n, d) = (scaled.numer(), scaled.denom()); // d > 0
        let (q, r) = n.abs().div_rem(d);
        let twice: BigInt = r * 2u32;
        let q = if &twice >= d { q + BigInt::one() } else { q };
        let q = if n.is_negative() { -q } else { q };
        Decimal::try_from_i128_with_scale(q.to_i128()?, dp).ok()
    }

    /// Half up to the cent: the single rounding of a claim line.
    pub fn round_cent(&self) -> Option<Decimal> {
        self.round_dp(2)
    }

    /// For display: `decimals` decimals when that fits a `Decimal`, fewer for a value too
    /// large to show them, normalised (no trailing zeros).
    pub fn display(&self, decimals: u32) -> Option<Decimal> {
        (0..=decimals).rev().find_map(|dp| self.round_dp(dp)).map(|d| d.normalize())
    }

    /// The value in lowest terms, `numerator/denominator` (`552215/200`; `3/1` for 3).
    pub fn fraction(&self) -> String {
        format!("{}/{}", self.0.numer(), self.0.denom())
    }

    /// Parses [`Exact::fraction`]'s text.
    pub fn parse_fraction(text: &str) -> Option<Exact> {
        let (n, d) = text.split_once('/')?;
        let (n, d): (BigInt, BigInt) = (n.parse().ok()?, d.parse().ok()?);
        (!d.is_zero()).then(|| Exact(BigRational::new(n, d)))
    }
}

impl Add for Exact {
    type Output = Exact;
    fn add(self, o: Exact) -> Exact {
        Exact(self.0 + o.0)
    }
}

impl Sub for Exact {
    type Output = Exact;
    fn sub(self, o: Exact) -> Exact {
        Exact(self.0 - o.0)
    }
}

impl Mul for Exact {
    type Output = Exact;
    fn mul(self, o: Exact) -> Exact {
        Exact(self.0 * o.0)
    }
}

/// Division by a non-zero value (use [`Exact::checked_div`] when it may be 0).
impl Div for Exact {
    type Output = Exact;
    fn div(self, o: Exact) -> Exact {
        assert!(!o.is_zero(), "division by zero");
        Exact(self.0 / o.0)
    }
}

impl std::iter::Sum for Exact {
    fn sum<I: Iterator<Item = Exact>>(iter: I) -> Exact {
        iter.fold(Exact::zero(), |a, b| a + b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn a_half_cent_tie_rounds_up_once() {
        // 50 % of 5 522,15 = 2 761,075 exactly → 2 761,08 (Decimal's own division chain
        // gave 2 761,07499…).
        let cap = Exact::from_decimal(dec("12179.28"));
        let weighted = Exact::from_decimal(dec("50")) * cap.clone();
        let line = Exact::from_decimal(dec("5522.15")) * weighted / (cap * Exact::int(100));
        assert_eq!(line.fraction(), "110443/40");
        assert_eq!(line.round_cent(), Some(dec("2761.08")));
        assert_eq!(Exact::ratio(-5, 1000).round_cent(), Some(dec("-0.01")));
        assert_eq!(Exact::ratio(4999, 1_000_000).round_cent(), Some(dec("0.00")));
        assert_eq!(Exact::ratio(1, 3).display(10), Some(dec("0.3333333333")));
        assert_eq!(Exact::ratio(2, 3).round_dp(4), Some(dec("0.6667")));
    }

    #[test]
    fn out_of_range_is_none_never_a_panic() {
        let huge = Exact::from_decimal(Decimal::MAX) * Exact::int(3);
        assert_eq!(huge.round_cent(), None);
        assert_eq!(huge.display(10), None);
        assert_eq!(Exact::from_decimal(Decimal::MAX).round_dp(0), Some(Decimal::MAX));
        assert_eq!(Exact::parse_fraction(&Exact::ratio(22, 7).fraction()), Some(Exact::ratio(22, 7)));
        assert_eq!(Exact::parse_fraction("1/0"), None);
        assert_eq!(Exact::int(7).checked_div(&Exact::zero()), None);
        assert_eq!(Exact::ratio(7, 2).floor(), Exact::int(3));
    }
}
