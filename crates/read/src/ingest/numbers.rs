//! Numbers as Vietnamese spreadsheets write them, decided per column.
//!
//! Counts arrive as 4336, 4.336, 4,336, "4 336" or 4.336,0; rates as 30,0%,
//! 30.0% or 0,3. One column uses one convention, so the decimal separator is
//! decided from all of a column's cells, then each cell is read with it. A
//! count never has a fractional part, so a lone "." or "," followed by three
//! digits is a thousands separator.

/// The decimal separator a column uses, if it shows one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecimalSep {
    Comma,
    Dot,
    /// Nothing in the column shows a decimal part.
    Unknown,
}

fn clean(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\'' | '_'))
        .collect()
}

/// Vote over a column's cells for its decimal separator.
pub fn decide<'a>(cells: impl Iterator<Item = &'a str>) -> DecimalSep {
    let (mut comma, mut dot) = (0usize, 0usize);
    for raw in cells.take(5000) {
        let s = clean(raw);
        let s = s.trim_end_matches('%');
        let last_c = s.rfind(',');
        let last_d = s.rfind('.');
        match (last_c, last_d) {
            (Some(c), Some(d)) => {
                if c > d {
                    comma += 1
                } else {
                    dot += 1
                }
            }
            (Some(c), None) => {
                let after = s.len() - c - 1;
                if s.matches(',').count() == 1 && after != 3 {
                    comma += 1
                } else if s.matches(',').count() > 1 {
                    dot += 1
                }
            }
            (None, Some(d)) => {
                let after = s.len() - d - 1;
                if s.matches('.').count() == 1 && after != 3 {
                    dot += 1
                } else if s.matches('.').count() > 1 {
                    comma += 1
                }
            }
            (None, None) => {}
        }
    }
    match comma.cmp(&dot) {
        std::cmp::Ordering::Greater => DecimalSep::Comma,
        std::cmp::Ordering::Less => DecimalSep::Dot,
        std::cmp::Ordering::Equal => DecimalSep::Unknown,
    }
}

/// Why a cell is not a count.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CountError {
    NotANumber,
    Fraction,
    Negative,
    TooLarge,
}

/// Split into integer digits and fractional digits using the column's
/// decimal separator; every other separator must group thousands.
fn split_number(s: &str, sep: DecimalSep) -> Option<(bool, String, String)> {
    let s = clean(s);
    let (neg, body) = if let Some(r) = s.strip_prefix('-').or_else(|| s.strip_prefix('\u{2212}')) {
        (true, r.to_string())
    } else if s.starts_with('(') && s.ends_with(')') && s.len() > 2 {
        (true, s[1..s.len() - 1].to_string())
    } else {
        (false, s.strip_prefix('+').unwrap_or(&s).to_string())
    };
    if body.is_empty() {
        return None;
    }
    let dec = match sep {
        DecimalSep::Comma => Some(','),
        DecimalSep::Dot => Some('.'),
        DecimalSep::Unknown => None,
    };
    let (int_part, frac) = match dec.and_then(|d| body.rfind(d).map(|i| (d, i))) {
        Some((d, i)) => (&body[..i], body[i + d.len_utf8()..].to_string()),
        None => (body.as_str(), String::new()),
    };
    if !frac.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    // Thousands separators: any of . , must separate groups of three.
    let groups: Vec<&str> = int_part.split(['.', ',']).collect();
    if groups.len() > 1
        && (groups[0].is_empty() || groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3))
    {
        return None;
    }
    let digits: String = groups.concat();
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((neg, digits, frac))
}

/// Read a count (a whole number ≥ 0). Empty cells are `Ok(None)`.
pub fn parse_count(s: &str, sep: DecimalSep) -> Result<Option<i64>, CountError> {
    let t = crate::text::trim(s);
    if t.is_empty() || t == "-" || t == "—" {
        return Ok(None);
    }
    // Fast path: plain digits, as most cells are.
    // Twelve digits at most cannot overflow: summed in place (std's
    // `parse` was half of this function's time).
    if t.len() <= 12 && t.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Some(
            t.bytes().fold(0i64, |v, b| v * 10 + i64::from(b - b'0')),
        ));
    }
    let (neg, digits, frac) = split_number(t, sep).ok_or(CountError::NotANumber)?;
    if frac.chars().any(|c| c != '0') {
        return Err(CountError::Fraction);
    }
    let v: i64 = digits.parse().map_err(|_| CountError::TooLarge)?;
    if v > 1_000_000_000_000 {
        return Err(CountError::TooLarge);
    }
    if neg && v != 0 {
        return Err(CountError::Negative);
    }
    Ok(Some(v))
}

/// A count from a spreadsheet number cell.
pub fn count_from_f64(x: f64) -> Result<Option<i64>, CountError> {
    if !x.is_finite() {
        return Err(CountError::NotANumber);
    }
    if x < 0.0 {
        return Err(CountError::Negative);
    }
    if (x - x.round()).abs() > 1e-9 {
        return Err(CountError::Fraction);
    }
    if x > 1e12 {
        return Err(CountError::TooLarge);
    }
    Ok(Some(x.round() as i64))
}

/// Read a number with a fractional part (rates): returns the value and
/// whether it carried a `%` sign.
pub fn parse_decimal(s: &str, sep: DecimalSep) -> Option<(f64, bool)> {
    parse_decimal_places(s, sep).map(|(v, pct, _)| (v, pct))
}

/// Like [`parse_decimal`], and how many digits follow the decimal
/// separator: "33%" → 0, "30,0%" → 1, "0,333" → 3.
pub fn parse_decimal_places(s: &str, sep: DecimalSep) -> Option<(f64, bool, usize)> {
    let t = crate::text::trim(s);
    let (t, pct) = match t.strip_suffix('%') {
        Some(r) => (r.trim(), true),
        None => (t, false),
    };
    let sep = match sep {
        DecimalSep::Unknown if t.contains(',') && !t.contains('.') => DecimalSep::Comma,
        DecimalSep::Unknown => DecimalSep::Dot,
        s => s,
    };
    let (neg, digits, frac) = split_number(t, sep)?;
    let v = crate::decimal::parse_f64(&format!(
        "{digits}.{}",
        if frac.is_empty() { "0" } else { &frac }
    ))?;
    Some((if neg { -v } else { v }, pct, frac.len()))
}

/// A figure as a fixed-point integer with `places` decimals, exactly from
/// its digits (no float): "98,63" → 986300 at 4 places. `Ok(None)` for an
/// empty cell or a dash; `Err(())` for text that is no number, more
/// decimals than `places` carry, or a magnitude past 10^12. A trailing `%`
/// is dropped (the column says what the figure is).
#[allow(clippy::result_unit_err)]
pub fn parse_fixed(s: &str, sep: DecimalSep, places: u32) -> Result<Option<i64>, ()> {
    let t = crate::text::trim(s);
    let t = t.strip_suffix('%').map_or(t, str::trim);
    if t.is_empty() || t == "-" || t == "—" || t == "–" {
        return Ok(None);
    }
    let sep = match sep {
        DecimalSep::Unknown if t.contains(',') && !t.contains('.') && !thousands_only(t, ',') => {
            DecimalSep::Comma
        }
        DecimalSep::Unknown if t.contains('.') && !t.contains(',') && !thousands_only(t, '.') => {
            DecimalSep::Dot
        }
        s => s,
    };
    let (neg, digits, frac) = split_number(t, sep).ok_or(())?;
    let frac = frac.trim_end_matches('0');
    if frac.len() > places as usize || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return Err(());
    }
    let whole: i64 = digits.parse().map_err(|_| ())?;
    if whole > 1_000_000_000_000 {
        return Err(());
    }
    let mut f: i64 = 0;
    for k in 0..places as usize {
        f = f * 10 + frac.as_bytes().get(k).map_or(0, |b| i64::from(b - b'0'));
    }
    let v = whole * 10i64.pow(places) + f;
    Ok(Some(if neg { -v } else { v }))
}

/// Whether `sep` in `t` only groups thousands ("5.908", "1.234.567").
fn thousands_only(t: &str, sep: char) -> bool {
    let mut parts = t.split(sep);
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    // "0,607" is a decimal: no number starts a thousands group with 0.
    !first.is_empty()
        && first.len() <= 3
        && !first.trim_start_matches('-').starts_with('0')
        && rest.iter().all(|p| p.len() == 3)
}

#[cfg(test)]
mod tests {
    use super::*;
    use DecimalSep::*;

    #[test]
    fn fixed_point_figures_from_their_digits() {
        for (s, sep, want) in [
            ("98,63", Comma, Some(986_300)),
            ("98,63", Unknown, Some(986_300)),
            ("98.63", Unknown, Some(986_300)),
            ("5.908", Unknown, Some(59_080_000)),
            ("5.908", Comma, Some(59_080_000)),
            ("1.234,5", Comma, Some(12_345_000)),
            ("0,6077", Comma, Some(6077)),
            ("40,8%", Comma, Some(408_000)),
            ("-12", Unknown, Some(-120_000)),
            ("0,607", Unknown, Some(6_070)),
            ("0.125", Unknown, Some(1_250)),
            ("", Unknown, None),
            ("-", Unknown, None),
        ] {
            assert_eq!(parse_fixed(s, sep, 4), Ok(want), "{s}");
        }
        assert_eq!(parse_fixed("abc", Unknown, 4), Err(()));
        assert_eq!(parse_fixed("0,123456", Comma, 4), Err(()));
        assert_eq!(parse_fixed("1,50000", Comma, 4), Ok(Some(15_000)));
    }

    #[test]
    fn counts_in_every_style() {
        for (s, sep) in [
            ("4336", Unknown),
            ("4.336", Unknown),
            ("4,336", Unknown),
            ("4 336", Unknown),
            ("4\u{a0}336", Unknown),
            ("4.336,0", Comma),
            ("4,336.00", Dot),
            (" 4336 ", Comma),
        ] {
            assert_eq!(parse_count(s, sep), Ok(Some(4336)), "{s}");
        }
        assert_eq!(parse_count("1.234.567", Unknown), Ok(Some(1_234_567)));
        assert_eq!(parse_count("", Unknown), Ok(None));
        assert_eq!(parse_count("-", Unknown), Ok(None));
        assert_eq!(parse_count("-5", Unknown), Err(CountError::Negative));
        assert_eq!(parse_count("abc", Unknown), Err(CountError::NotANumber));
        assert_eq!(parse_count("4,5", Comma), Err(CountError::Fraction));
        assert_eq!(parse_count("43,36", Unknown), Err(CountError::NotANumber));
        assert_eq!(
            parse_count("99999999999999999999", Unknown),
            Err(CountError::TooLarge)
        );
    }

    #[test]
    fn decides_per_column() {
        assert_eq!(decide(["4.336,0", "12,0"].into_iter()), Comma);
        assert_eq!(decide(["4,336.0", "12.5"].into_iter()), Dot);
        assert_eq!(decide(["4.336", "12"].into_iter()), Unknown);
        assert_eq!(decide(["30,0%", "12,5%"].into_iter()), Comma);
        assert_eq!(decide(["0,3", "0,25"].into_iter()), Comma);
    }

    #[test]
    fn rates() {
        assert_eq!(parse_decimal("30,0%", Comma), Some((30.0, true)));
        assert_eq!(parse_decimal("30.0%", Dot), Some((30.0, true)));
        assert_eq!(parse_decimal("0,3", Unknown), Some((0.3, false)));
        assert_eq!(parse_decimal("x", Unknown), None);
        assert_eq!(parse_decimal_places("33%", Unknown), Some((33.0, true, 0)));
        assert_eq!(
            parse_decimal_places("30,25 %", Comma),
            Some((30.25, true, 2))
        );
        assert_eq!(
            parse_decimal_places("0.333", Unknown),
            Some((0.333, false, 3))
        );
    }
}
