//! Which number formats show a date or a time (.xlsx and .xls keep dates as
//! plain numbers; only the cell's format says what they mean).

/// What a number format makes of a number.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumKind {
    /// A plain number ("General", "0.00", "#,##0", "0.0%", …).
    #[default]
    Number,
    /// A calendar date, with or without a time ("dd/mm/yyyy", "m/d/yy h:mm").
    Date,
    /// A time of day or a duration only ("h:mm", "[h]:mm:ss", "mm:ss.0"):
    /// no calendar date, so no date system offset applies.
    Time,
}

/// Built-in format ids (ECMA-376 18.8.30; 27–36 and 50–58 are the East
/// Asian date formats).
pub fn builtin(id: u32) -> NumKind {
    match id {
        18..=21 | 45..=47 => NumKind::Time,
        14..=17 | 22 | 27..=36 | 50..=58 => NumKind::Date,
        _ => NumKind::Number,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Day,
    Year,
    /// Month or minute, told apart by its neighbours.
    M,
    Hour,
    Second,
    AmPm,
}

/// The date/time parts of a format code, outside quoted text, escaped
/// characters (`\x`, `_x`, `*x`) and brackets — except elapsed-time brackets
/// (`[h]`, `[mm]`, `[ss]`), which count. Colour, condition and locale
/// brackets (`[Red]`, `[>=100]`, `[$-42A]`) do not.
fn parts(code: &str) -> Vec<Part> {
    let mut out: Vec<Part> = Vec::new();
    let push = |p: Part, out: &mut Vec<Part>| {
        if out.last() != Some(&p) || p == Part::AmPm {
            out.push(p);
        }
    };
    let mut it = code.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        match c {
            '"' => {
                for (_, q) in it.by_ref() {
                    if q == '"' {
                        break;
                    }
                }
            }
            '\\' | '_' | '*' => {
                it.next();
            }
            '[' => {
                let rest = code.get(i + 1..).unwrap_or("");
                let inner = rest.split(']').next().unwrap_or("");
                let lower = inner.to_ascii_lowercase();
                let elapsed = match lower.as_bytes().first() {
                    Some(&b) if lower.bytes().all(|x| x == b) => match b {
                        b'h' => Some(Part::Hour),
                        b'm' => Some(Part::M),
                        b's' => Some(Part::Second),
                        _ => None,
                    },
                    _ => None,
                };
                if let Some(p) = elapsed {
                    push(p, &mut out);
                }
                for (_, q) in it.by_ref() {
                    if q == ']' {
                        break;
                    }
                }
            }
            'a' | 'A' => {
                let rest = code.as_bytes().get(i..).unwrap_or_default();
                let lower: Vec<u8> = rest.iter().take(5).map(u8::to_ascii_lowercase).collect();
                let n = if lower.starts_with(b"am/pm") {
                    5
                } else if lower.starts_with(b"a/p") {
                    3
                } else {
                    0
                };
                if n > 0 {
                    push(Part::AmPm, &mut out);
                    for _ in 1..n {
                        it.next();
                    }
                }
            }
            'd' | 'D' => push(Part::Day, &mut out),
            'y' | 'Y' => push(Part::Year, &mut out),
            'm' | 'M' => push(Part::M, &mut out),
            'h' | 'H' => push(Part::Hour, &mut out),
            's' | 'S' => push(Part::Second, &mut out),
            _ => {}
        }
    }
    out
}

/// What a custom number format code shows. A month is an `m` that neither
/// follows an hour nor precedes a second; minutes, hours, seconds and
/// AM/PM alone make a time.
pub fn classify(code: &str) -> NumKind {
    let p = parts(code);
    if p.is_empty() {
        return NumKind::Number;
    }
    let month = p.iter().enumerate().any(|(i, &x)| {
        x == Part::M
            && !(i > 0 && p.get(i - 1) == Some(&Part::Hour))
            && p.get(i + 1) != Some(&Part::Second)
    });
    if month || p.iter().any(|x| matches!(x, Part::Day | Part::Year)) {
        NumKind::Date
    } else {
        NumKind::Time
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_classified() {
        use NumKind::*;
        let cases = [
            ("General", Number),
            ("0.00", Number),
            ("#,##0", Number),
            ("0.0%", Number),
            ("0.00E+00", Number),
            ("@", Number),
            ("0.0\"h\"", Number),
            ("#,##0\" ngày\";[Red]\\-#,##0", Number),
            ("[Red]0.00", Number),
            ("[$-42A]#,##0", Number),
            ("[$VND] #,##0", Number),
            ("[>=100]0;0.0", Number),
            ("_-* #,##0_-;\\-* #,##0_-;_-* \"-\"_-;_-@_-", Number),
            ("0\\s", Number),
            ("dd/mm/yyyy", Date),
            ("mmm", Date),
            ("m/d/yy h:mm", Date),
            ("[$-42A]dd/mm/yyyy", Date),
            ("[h]:mm:ss", Time),
            ("[mm]:ss", Time),
            ("[ss]", Time),
            ("[HH]", Time),
            ("h:mm", Time),
            ("mm:ss", Time),
            ("mm:ss.0", Time),
            ("ss", Time),
            ("s", Time),
            ("h:mm AM/PM", Time),
            ("hh:mm A/P", Time),
            ("AM/PM", Time),
        ];
        for (code, kind) in cases {
            assert_eq!(classify(code), kind, "{code}");
        }
        assert_eq!(builtin(14), Date);
        assert_eq!(builtin(46), Time);
        assert_eq!(builtin(3), Number);
    }
}
