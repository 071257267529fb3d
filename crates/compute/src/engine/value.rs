//! An exact figure: a fraction of fixed-point units, so means, ratios and
//! weighted totals round once, half-up, when printed.

use crate::format;
use std::cmp::Ordering;

use thongbao_model::report::SCALE;

/// `num / den` in units of 1/[`SCALE`]; `den > 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Val {
    num: i128,
    den: i128,
}

impl Val {
    /// A fixed-point figure as read (`SCALE` per unit).
    pub fn fixed(v: i64) -> Val {
        Val {
            num: i128::from(v),
            den: 1,
        }
    }

    /// A whole number.
    pub fn int(v: i64) -> Val {
        Val::fixed(v.saturating_mul(SCALE))
    }

    /// `num / den` (both fixed), `None` when `den` is zero; reduced, so
    /// sums of ratios keep small denominators.
    pub fn frac(num: i128, den: i128) -> Option<Val> {
        if den == 0 || num == i128::MIN || den == i128::MIN {
            return None;
        }
        let (num, den) = match (i64::try_from(num), i64::try_from(den)) {
            // Figures fit in 64 bits: WebAssembly divides those natively,
            // 128-bit division is a library routine (a tenth of the page's
            // time on a large file, measured 2026-12-03).
            (Ok(n), Ok(d)) if n != i64::MIN && d != i64::MIN => {
                let g = gcd64(n.unsigned_abs(), d.unsigned_abs()).max(1) as i64;
                (i128::from(n / g), i128::from(d / g))
            }
            _ => {
                let g = gcd(num.unsigned_abs(), den.unsigned_abs()).max(1) as i128;
                (num / g, den / g)
            }
        };
        Some(if den < 0 {
            Val {
                num: -num,
                den: -den,
            }
        } else {
            Val { num, den }
        })
    }

    /// `a / b` as a percentage.
    pub fn percent(a: Val, b: Val) -> Option<Val> {
        // (a.num/a.den) / (b.num/b.den) * 100, in fixed units.
        Val::frac(
            mul(mul(a.num, b.den)?, 100 * i128::from(SCALE))?,
            mul(a.den, b.num)?,
        )
    }

    /// `a / b` as a plain number.
    pub fn quotient(a: Val, b: Val) -> Option<Val> {
        Val::frac(
            mul(mul(a.num, b.den)?, i128::from(SCALE))?,
            mul(a.den, b.num)?,
        )
    }

    pub fn plus(self, o: Val) -> Option<Val> {
        if self.den == o.den {
            return Some(Val {
                num: self.num.checked_add(o.num)?,
                den: self.den,
            });
        }
        Val::frac(
            mul(self.num, o.den)?.checked_add(mul(o.num, self.den)?)?,
            mul(self.den, o.den)?,
        )
    }

    pub fn minus(self, o: Val) -> Option<Val> {
        self.plus(Val {
            num: -o.num,
            den: o.den,
        })
    }

    /// `self / n`.
    pub fn over(self, n: i128) -> Option<Val> {
        Val::frac(self.num, mul(self.den, n)?)
    }

    /// `self × w`, `w` fixed.
    pub fn times(self, w: Val) -> Option<Val> {
        Val::frac(
            mul(self.num, w.num)?,
            mul(mul(self.den, w.den)?, i128::from(SCALE))?,
        )
    }

    pub fn is_zero(self) -> bool {
        self.num == 0
    }

    pub fn is_negative(self) -> bool {
        self.num < 0
    }

    pub fn abs(self) -> Val {
        Val {
            num: self.num.abs(),
            den: self.den,
        }
    }

    /// Rounded half-up (on the magnitude) to `decimals`, as an integer in
    /// units of 10^-decimals.
    pub fn rounded(self, decimals: u8) -> i64 {
        let p = 10i128.pow(u32::from(decimals.min(6)));
        let n = self.num.abs().saturating_mul(p);
        let d = self.den.saturating_mul(i128::from(SCALE));
        // In 64 bits when 2n + 2d fits (native division in WebAssembly).
        let q = match (u64::try_from(n), u64::try_from(d)) {
            (Ok(n), Ok(d)) if n < 1 << 61 && d < 1 << 61 => i128::from((2 * n + d) / (2 * d)),
            // Beyond any real figure: saturates rather than overflows.
            _ => n.saturating_mul(2).saturating_add(d) / d.saturating_mul(2),
        };
        let q = i64::try_from(q).unwrap_or(i64::MAX);
        if self.num < 0 {
            -q
        } else {
            q
        }
    }

    /// As Vietnamese write it: 704.828; 98,63; 40,8 (no sign for
    /// magnitudes: callers say "tăng"/"giảm").
    pub fn text(self, decimals: u8) -> String {
        format::scaled(self.rounded(decimals), decimals)
    }

    /// A threshold as typed in a profile (40 for 40 %).
    pub fn of_f64(x: f64) -> Val {
        if !x.is_finite() {
            return Val::fixed(0);
        }
        Val::fixed((x * SCALE as f64).round().clamp(-9e18, 9e18) as i64)
    }

    pub fn as_f64(self) -> f64 {
        self.num as f64 / self.den as f64 / SCALE as f64
    }
}

/// `a × b`, `None` on overflow. Two factors that fit in 64 bits cannot
/// overflow 128: no overflow check (a library routine in WebAssembly).
fn mul(a: i128, b: i128) -> Option<i128> {
    match (i64::try_from(a), i64::try_from(b)) {
        (Ok(x), Ok(y)) => Some(i128::from(x) * i128::from(y)),
        _ => a.checked_mul(b),
    }
}

/// Greatest common divisor: in 64 bits when both fit ([`gcd64`]), else
/// Euclid's in 128 (beyond any real figure).
fn gcd(mut a: u128, mut b: u128) -> u128 {
    if let (Ok(a), Ok(b)) = (u64::try_from(a), u64::try_from(b)) {
        return u128::from(gcd64(a, b));
    }
    while b != 0 {
        (a, b) = (b, a % b);
    }
    a
}

/// Binary gcd: shifts and subtractions, no division.
fn gcd64(a: u64, b: u64) -> u64 {
    if a == 0 || b == 0 {
        return a | b;
    }
    let shift = (a | b).trailing_zeros();
    let (mut a, mut b) = (a >> a.trailing_zeros(), b);
    loop {
        b >>= b.trailing_zeros();
        if a > b {
            std::mem::swap(&mut a, &mut b);
        }
        b -= a;
        if b == 0 {
            return a << shift;
        }
    }
}

impl PartialOrd for Val {
    fn partial_cmp(&self, o: &Val) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for Val {
    fn cmp(&self, o: &Val) -> Ordering {
        // Cross-multiplied exactly; on overflow (never for real figures) the
        // floats decide.
        match (mul(self.num, o.den), mul(o.num, self.den)) {
            (Some(a), Some(b)) => a.cmp(&b),
            _ => self.as_f64().total_cmp(&o.as_f64()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn gcd_euclid(mut a: u128, mut b: u128) -> u128 {
        while b != 0 {
            (a, b) = (b, a % b);
        }
        a
    }

    proptest! {
        // The fast paths (64-bit gcd, division and products) give what
        // the plain 128-bit arithmetic gives, across the 64-bit edge.
        #[test]
        fn fast_paths_agree_with_plain_arithmetic(
            a in prop_oneof![any::<i64>().prop_map(i128::from), any::<i128>(), (-1000i128..1000)],
            b in prop_oneof![any::<i64>().prop_map(i128::from), any::<i128>(), (-1000i128..1000)],
        ) {
            prop_assert_eq!(gcd(a.unsigned_abs(), b.unsigned_abs()), gcd_euclid(a.unsigned_abs(), b.unsigned_abs()));
            prop_assert_eq!(mul(a, b), a.checked_mul(b));
            let plain = (b != 0 && a != i128::MIN && b != i128::MIN).then(|| {
                let g = gcd_euclid(a.unsigned_abs(), b.unsigned_abs()).max(1) as i128;
                let (n, d) = (a / g, b / g);
                if d < 0 { (-n, -d) } else { (n, d) }
            });
            prop_assert_eq!(Val::frac(a, b).map(|v| (v.num, v.den)), plain);
            if let Some(v) = Val::frac(a, b).filter(|v| v.num.unsigned_abs() < 1 << 100 && v.den < 1 << 100) {
                for dec in [0u8, 1, 2, 4] {
                    let p = 10i128.pow(u32::from(dec));
                    let n = v.num.abs().saturating_mul(p);
                    let d = v.den.saturating_mul(i128::from(SCALE));
                    let q = i64::try_from((2 * n + d) / (2 * d)).unwrap_or(i64::MAX);
                    prop_assert_eq!(v.rounded(dec), if v.num < 0 { -q } else { q });
                }
            }
        }
    }

    #[test]
    fn rates_round_half_up_once_from_the_integers() {
        // 704.828 / 1.727.500 = 40,800…%
        let r = Val::percent(Val::int(704_828), Val::int(1_727_500)).unwrap();
        assert_eq!(r.text(1), "40,8");
        // 1/8 = 12,5% exactly; 1/3 = 33,3%; 2/3 = 66,7%.
        assert_eq!(
            Val::percent(Val::int(1), Val::int(8)).unwrap().text(1),
            "12,5"
        );
        assert_eq!(
            Val::percent(Val::int(2), Val::int(3)).unwrap().text(1),
            "66,7"
        );
        // A mean rounded once: (98,625 + 98,624) / 2 = 98,6245 → 98,62.
        let m = Val::fixed(986_250)
            .plus(Val::fixed(986_240))
            .unwrap()
            .over(2)
            .unwrap();
        assert_eq!(m.text(2), "98,62");
        assert_eq!(Val::percent(Val::int(1), Val::int(0)), None);
        assert_eq!(Val::int(-1150).text(0), "-1.150");
    }

    #[test]
    fn sums_of_many_ratios_stay_exact() {
        // Six rates over unlike denominators: reduced at each step, no
        // overflow; (1/3 + 1/7 + …) computed exactly.
        let dens = [3, 7, 11, 13, 17, 19];
        let mut acc = Val::fixed(0);
        for d in dens {
            acc = acc
                .plus(Val::percent(Val::int(1_000_003), Val::int(d * 1_000_033)).unwrap())
                .unwrap();
        }
        let f: f64 = dens
            .iter()
            .map(|d| 100.0 * 1_000_003.0 / (*d as f64 * 1_000_033.0))
            .sum();
        assert_eq!(acc.text(2), format!("{:.2}", f).replace('.', ","));
    }

    #[test]
    fn comparisons_are_exact() {
        // 1/10 is exactly 10 %: not below it.
        let r = Val::percent(Val::int(1), Val::int(10)).unwrap();
        assert_eq!(r.cmp(&Val::of_f64(10.0)), Ordering::Equal);
        let r = Val::percent(Val::int(99_999), Val::int(1_000_000)).unwrap();
        assert!(r < Val::of_f64(10.0));
        assert_eq!(r.text(1), "10,0");
    }
}
