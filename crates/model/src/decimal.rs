//! Decimal text to `f64`, without `str::parse::<f64>`.
//!
//! Why not std: its parser carries a table of 128-bit powers of five that
//! does not compress (≈ 10 KB of the site's 300 KB brotli budget, see
//! ARCHITECTURE.md "Size"). The numbers read here are spreadsheet values:
//! counts, rates and serial dates with at most 17 significant digits. Up to
//! 15 significant digits and exponents within ±22 the result is exact
//! (correctly rounded, as std's); beyond, it is within 2 units in the last
//! place up to 10^±22 and a relative 10⁻¹⁴ further out — far below any
//! difference a report can show.

/// Exact powers of ten as `f64` (every one up to 10²² is representable).
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Read `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before
/// the exponent; "1." and ".5" are numbers). Anything else — spaces,
/// thousands separators, "inf", "NaN" — is `None`.
pub fn parse_f64(s: &str) -> Option<f64> {
    let b = s.as_bytes();
    let (neg, mut i) = match b.first()? {
        b'-' => (true, 1),
        b'+' => (false, 1),
        _ => (false, 0),
    };
    let mut mant: u64 = 0;
    let mut exp: i64 = 0;
    let mut digits = false;
    let mut in_fraction = false;
    while let Some(&c) = b.get(i) {
        if c.is_ascii_digit() {
            digits = true;
            if mant <= (u64::MAX - 9) / 10 {
                mant = mant * 10 + u64::from(c - b'0');
                if in_fraction {
                    exp -= 1;
                }
            } else if !in_fraction {
                // A digit beyond u64's 19: only its place counts.
                exp += 1;
            }
        } else if c == b'.' && !in_fraction {
            in_fraction = true;
        } else {
            break;
        }
        i += 1;
    }
    if !digits {
        return None;
    }
    if let Some(&c) = b.get(i) {
        if c | 0x20 != b'e' {
            return None;
        }
        i += 1;
        let eneg = match b.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(&c) = b.get(i) {
            if !c.is_ascii_digit() {
                return None;
            }
            e = (e * 10 + i64::from(c - b'0')).min(100_000);
            i += 1;
        }
        if i == start {
            return None;
        }
        exp += if eneg { -e } else { e };
    }
    let v = scale(mant, exp);
    Some(if neg { -v } else { v })
}

/// `mant × 10^exp`.
fn scale(mant: u64, exp: i64) -> f64 {
    if mant == 0 {
        return 0.0;
    }
    let m = mant as f64;
    // Exact inputs, one rounding: the common case.
    if mant < 1 << 53 && (-22..=22).contains(&exp) {
        return if exp >= 0 {
            m * POW10[exp as usize]
        } else {
            m / POW10[(-exp) as usize]
        };
    }
    if exp > 330 {
        return f64::INFINITY;
    }
    if exp < -360 {
        return 0.0;
    }
    let mut v = m;
    let mut e = exp;
    while e > 22 {
        v *= 1e22;
        e -= 22;
    }
    while e < -22 {
        // Stay out of the subnormal range as long as possible.
        v /= 1e22;
        e += 22;
    }
    if e >= 0 {
        v * POW10[e as usize]
    } else {
        v / POW10[(-e) as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::parse_f64;

    #[test]
    fn reads_what_spreadsheets_write() {
        for s in [
            "0",
            "4336",
            "30.0",
            "0.3",
            "-12.5",
            "+7",
            "1.",
            ".5",
            "1e3",
            "2.5E-3",
            "45234.5",
            "0.30000000000000004",
            "1.2345678901234501E-2",
            "123456789012345678901234",
            "9007199254740993",
            "1e-320",
            "1e308",
            "-0",
        ] {
            let want: f64 = s.parse().unwrap();
            let got = parse_f64(s).unwrap();
            let ulps = (want.to_bits() as i64 - got.to_bits() as i64).abs();
            assert!(ulps <= 2 || want == got, "{s}: {got} vs {want}");
        }
    }

    #[test]
    fn refuses_what_is_not_a_plain_number() {
        for s in [
            "", "-", ".", "e5", "1e", "1e+", "1,5", " 1", "1 ", "inf", "NaN", "1.2.3", "0x10",
        ] {
            assert_eq!(parse_f64(s), None, "{s:?}");
        }
    }
}
