//! Vietnamese number formatting: `4.336`, `5.554/18.510`, `30,0%`.
//!
//! Thousands are grouped with a dot, decimals use a comma, no space before
//! `%`. Rates are computed from the integers and rounded half-up, so the
//! printed figure never depends on floating-point noise.

/// `4336` → `4.336`; `-1150` → `-1.150`.
pub fn int(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3 + 1);
    if n < 0 {
        out.push('-');
    }
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(ch);
    }
    out
}

/// Signed with an explicit `+` for increases: `+58`, `-1.150`, `0`.
pub fn signed(n: i64) -> String {
    if n > 0 {
        format!("+{}", int(n))
    } else {
        int(n)
    }
}

/// A ratio `num/den` as a percentage in units of 10^-decimals percent,
/// rounded half-up from the integers (`5554/18510`, 1 decimal → 300 = 30,0%).
/// `None` when `den` is zero.
pub fn ratio_scaled(num: i64, den: i64, decimals: u8) -> Option<i64> {
    if den == 0 {
        return None;
    }
    let scale = 100i128 * 10i128.pow(u32::from(decimals.min(6)));
    let n = i128::from(num) * scale;
    let d = i128::from(den);
    // Half-up on the magnitude, sign applied afterwards.
    let (n_abs, d_abs) = (n.abs(), d.abs());
    let q = (2 * n_abs + d_abs) / (2 * d_abs);
    let q = if (n < 0) != (d < 0) { -q } else { q };
    i64::try_from(q).ok()
}

/// A scaled value (see [`ratio_scaled`]) written with a decimal comma:
/// (300, 1) → `30,0`.
pub fn scaled(v: i64, decimals: u8) -> String {
    if decimals == 0 {
        return int(v);
    }
    // unsigned_abs: i64::MIN has no i64 magnitude (a saturated typed rate).
    let p = 10u64.pow(u32::from(decimals));
    let whole = int((v.unsigned_abs() / p) as i64);
    let frac = v.unsigned_abs() % p;
    let sign = if v < 0 { "-" } else { "" };
    format!("{sign}{whole},{frac:0width$}", width = decimals as usize)
}

/// `num/den` as `30,0%`; `—` when `den` is zero.
pub fn percent(num: i64, den: i64, decimals: u8) -> String {
    match ratio_scaled(num, den, decimals) {
        Some(v) => percent_scaled(v, decimals),
        None => "—".to_string(),
    }
}

/// A rate already scaled (see [`ratio_scaled`]) as a percentage:
/// (300, 1) → `30,0%`.
pub fn percent_scaled(v: i64, decimals: u8) -> String {
    format!("{}%", scaled(v, decimals))
}

/// A float with a decimal comma and grouped thousands: 361.33 → `361,3`.
pub fn decimal(x: f64, decimals: u8) -> String {
    if !x.is_finite() {
        return "—".to_string();
    }
    let p = 10f64.powi(i32::from(decimals));
    let v = (x.abs() * p + 0.5).floor();
    let v = if x < 0.0 { -v } else { v };
    scaled(v as i64, decimals)
}

/// `x` rounded to `decimals` places (half away from zero), trailing zeros
/// dropped, with `point` as the decimal point and no grouping: (30.0, 6,
/// '.') → `30`, (361.3, 6, '.') → `361.3`, (40.80000000000001, 4, ',') →
/// `40,8`; −0 is `0`. Written without the float printer, whose tables cost
/// the WASM ≈ 8 KB (ARCHITECTURE.md, "Size"). `None` for a value that is not
/// finite or too large to hold its decimals (|x| · 10^decimals ≥ 10^38).
pub fn plain_decimal(x: f64, decimals: u8, point: char) -> Option<String> {
    if !x.is_finite() || x.abs() >= 1e38 / 10f64.powi(i32::from(decimals)) {
        return None;
    }
    // The whole part and the fraction apart: both exact in f64, so only
    // the fraction is scaled and rounded (1e15 + 0,5 keeps its ,5).
    let whole_f = x.abs().trunc();
    let p = 10u128.pow(u32::from(decimals));
    let mut frac = ((x.abs() - whole_f) * 10f64.powi(i32::from(decimals))).round() as u128;
    let mut whole = whole_f as u128;
    if frac >= p {
        whole += 1;
        frac -= p;
    }
    let sign = if x < 0.0 && (whole, frac) != (0, 0) {
        "-"
    } else {
        ""
    };
    if frac == 0 {
        return Some(format!("{sign}{whole}"));
    }
    let f = format!("{frac:0width$}", width = usize::from(decimals));
    Some(format!("{sign}{whole}{point}{}", f.trim_end_matches('0')))
}

/// A number for a program to read back (a sheet's cell as text, an .xlsx
/// value): up to 10 decimals, a `.` point, no grouping; beyond 10^28 in
/// exponent form (`1.5e300`). `None` when not finite. Not the float
/// printer's shortest form, which links its tables (ARCHITECTURE.md,
/// "Size"); the figures carry 4 decimals, so 10 lose nothing they use.
pub fn plain_number(x: f64) -> Option<String> {
    if !x.is_finite() {
        return None;
    }
    if let Some(t) = plain_decimal(x, 10, '.') {
        return Some(t);
    }
    let e = x.abs().log10().floor();
    let m = x / 10f64.powf(e);
    Some(format!("{}e{}", plain_decimal(m, 6, '.')?, e as i64))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_with_dots() {
        assert_eq!(int(0), "0");
        assert_eq!(int(584), "584");
        assert_eq!(int(4336), "4.336");
        assert_eq!(int(18510), "18.510");
        assert_eq!(int(1_234_567), "1.234.567");
        assert_eq!(int(-1150), "-1.150");
        assert_eq!(int(i64::MIN), "-9.223.372.036.854.775.808");
        assert_eq!(signed(58), "+58");
        assert_eq!(signed(-1150), "-1.150");
    }

    #[test]
    fn rates_round_half_up_from_integers() {
        assert_eq!(percent(5554, 18510, 1), "30,0%");
        assert_eq!(percent(5554, 18510, 2), "30,01%");
        assert_eq!(percent(5554, 18510, 0), "30%");
        assert_eq!(percent(1, 8, 1), "12,5%");
        assert_eq!(percent(1, 16, 1), "6,3%"); // 6,25 → 6,3 half-up
        assert_eq!(percent(2, 3, 1), "66,7%");
        assert_eq!(percent(1, 0, 1), "—");
        assert_eq!(percent(-1, 16, 1), "-6,3%");
        assert_eq!(percent(123_456, 100, 1), "123.456,0%");
        assert_eq!(percent_scaled(300, 1), "30,0%");
        assert_eq!(percent_scaled(3001, 2), "30,01%");
        assert_eq!(percent_scaled(-63, 1), "-6,3%");
        assert_eq!(percent_scaled(30, 0), "30%");
    }

    #[test]
    fn decimals_with_comma() {
        assert_eq!(decimal(361.333, 1), "361,3");
        assert_eq!(decimal(0.05, 1), "0,1");
        assert_eq!(decimal(-2.25, 1), "-2,3");
        assert_eq!(decimal(1234.5, 0), "1.235");
        assert_eq!(decimal(f64::NAN, 1), "—");
    }

    /// Found by fuzzing (`ingest`): a typed rate of -10^20 % saturates to
    /// i64::MIN tenths, and `scaled` overflowed on `v.abs()`.
    #[test]
    fn scaled_extremes() {
        assert_eq!(scaled(i64::MIN, 1), "-922.337.203.685.477.580,8");
        assert_eq!(scaled(i64::MAX, 2), "92.233.720.368.547.758,07");
        assert_eq!(decimal(-1e30, 1), "-922.337.203.685.477.580,8");
    }

    #[test]
    fn plain_decimals_without_the_float_printer() {
        assert_eq!(plain_decimal(30.0, 6, '.').as_deref(), Some("30"));
        assert_eq!(plain_decimal(361.3, 6, '.').as_deref(), Some("361.3"));
        assert_eq!(
            plain_decimal(40.80000000000001, 4, ',').as_deref(),
            Some("40,8")
        );
        assert_eq!(plain_decimal(0.6077, 4, ',').as_deref(), Some("0,6077"));
        assert_eq!(plain_decimal(-0.00001, 4, ',').as_deref(), Some("0"));
        assert_eq!(plain_decimal(-2.5, 0, ',').as_deref(), Some("-3"));
        assert_eq!(
            plain_decimal(1e15 + 0.5, 4, ',').as_deref(),
            Some("1000000000000000,5")
        );
        assert_eq!(plain_decimal(f64::NAN, 4, ','), None);
        assert_eq!(plain_decimal(1e300, 6, '.'), None);
        assert_eq!(plain_number(0.1 + 0.2).as_deref(), Some("0.3"));
        assert_eq!(plain_number(-40.8).as_deref(), Some("-40.8"));
        assert_eq!(plain_number(1e20).as_deref(), Some("100000000000000000000"));
        assert_eq!(plain_number(1.5e300).as_deref(), Some("1.5e300"));
        assert_eq!(plain_number(f64::INFINITY), None);
        // Agrees with the float printer away from exact ties.
        for x in [0.1, 2.675, 98.63, 123456.789012, 1.0 / 3.0, 7e-5] {
            let std = format!("{x:.4}");
            let std = std.trim_end_matches('0').trim_end_matches('.');
            assert_eq!(plain_decimal(x, 4, '.').as_deref(), Some(std), "{x}");
        }
    }
}
