//! OOXML string details shared by the .xlsx reader and writer: the
//! `_xHHHH_` escapes of ST_Xstring, the whitespace rule of `<t>` elements and
//! Excel's limit of characters per cell.

use std::borrow::Cow;

/// Excel's limit of characters (UTF-16 code units) in one cell.
pub const MAX_CELL_UNITS: usize = 32_767;

/// The four hex digits of an `_xHHHH_` escape at the start of `s`.
fn escape_at(s: &str) -> Option<u16> {
    let b = s.as_bytes();
    let hex = b.get(2..6)?;
    if b.get(..2)? != b"_x" || b.get(6) != Some(&b'_') || !hex.iter().all(u8::is_ascii_hexdigit) {
        return None;
    }
    u16::from_str_radix(s.get(2..6)?, 16).ok()
}

/// Decodes the `_xHHHH_` escapes Excel writes for characters XML cannot
/// hold or that it keeps apart (`_x000D_` is a carriage return, `_x005F_` an
/// underscore, so `_x005F_x0041_` reads `_x0041_`). A surrogate pair is two
/// escapes in a row. Anything else — a partial escape, a lone surrogate,
/// `_x0000_` — stays as written.
pub fn unescape(s: &str) -> Cow<'_, str> {
    if !s.contains("_x") {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("_x") {
        let (head, tail) = rest.split_at(i);
        out.push_str(head);
        let unit = escape_at(tail);
        let pair = unit.and_then(|u| tail.get(7..).and_then(escape_at).map(|l| (u, l)));
        let decoded = match (unit, pair) {
            (Some(h @ 0xD800..=0xDBFF), Some((_, l @ 0xDC00..=0xDFFF))) => {
                let c = 0x10000 + ((u32::from(h) - 0xD800) << 10) + (u32::from(l) - 0xDC00);
                char::from_u32(c).map(|c| (c, 14))
            }
            (Some(0), _) => None,
            (Some(u), _) => char::from_u32(u32::from(u)).map(|c| (c, 7)),
            (None, _) => None,
        };
        match decoded {
            Some((c, n)) => {
                out.push(c);
                rest = tail.get(n..).unwrap_or("");
            }
            None => {
                out.push('_');
                rest = tail.get(1..).unwrap_or("");
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Escapes text for an xlsx `<t>`: an underscore that would start an
/// `_xHHHH_` escape is written `_x005F_`, so [`unescape`] gives the text
/// back. (Control characters are left to the XML escaping, which drops them.)
pub fn escape(s: &str) -> Cow<'_, str> {
    let needs = |i: usize, c: char| c == '_' && s.get(i..).and_then(escape_at).is_some();
    if !s.char_indices().any(|(i, c)| needs(i, c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for (i, c) in s.char_indices() {
        if needs(i, c) {
            out.push_str("_x005F_");
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// XML whitespace: space, tab, line feed, carriage return.
fn is_xml_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}

/// Joins the `<t>` pieces of one string (a shared string's runs, an inline
/// string) as (text, has `xml:space="preserve"`). Whitespace at the ends of
/// the string is dropped from pieces that do not preserve it — Excel writes
/// `xml:space="preserve"` whenever a text starts or ends with a blank, and
/// drops unpreserved blanks — so a cell holding only a blank is empty.
/// Whitespace between two runs is kept: gluing two words would be worse.
pub fn join_pieces(pieces: &[(String, bool)]) -> String {
    let mut first = 0;
    let mut last = pieces.len();
    // Pieces wholly made of dropped blanks at either end disappear.
    while first < last
        && pieces
            .get(first)
            .is_some_and(|(t, p)| !p && t.chars().all(is_xml_ws))
    {
        first += 1;
    }
    while last > first
        && pieces
            .get(last - 1)
            .is_some_and(|(t, p)| !p && t.chars().all(is_xml_ws))
    {
        last -= 1;
    }
    let kept = pieces.get(first..last).unwrap_or_default();
    let mut out = String::with_capacity(kept.iter().map(|p| p.0.len()).sum());
    let n = kept.len();
    for (i, (t, preserve)) in kept.iter().enumerate() {
        let mut t = t.as_str();
        if !preserve && i == 0 {
            t = t.trim_start_matches(is_xml_ws);
        }
        if !preserve && i + 1 == n {
            t = t.trim_end_matches(is_xml_ws);
        }
        out.push_str(t);
    }
    out
}

/// `s` cut to at most `max` UTF-16 code units, on a character boundary.
pub fn cut_utf16(s: &str, max: usize) -> &str {
    let mut units = 0;
    for (i, c) in s.char_indices() {
        units += c.len_utf16();
        if units > max {
            return s.get(..i).unwrap_or(s);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_are_decoded_and_bad_ones_kept() {
        assert_eq!(unescape("a_x000D_b"), "a\rb");
        assert_eq!(unescape("_x005F_x0041_"), "_x0041_");
        assert_eq!(unescape("_x0041__x0042_"), "AB");
        assert_eq!(unescape("_xD83D__xDE00_"), "😀");
        for kept in [
            "_x00", "_x00G1_", "_x0041", "_xD83D_", "x0041_", "_x0000_", "__x",
        ] {
            assert_eq!(unescape(kept), kept);
        }
        assert_eq!(unescape("Xã_x"), "Xã_x");
        assert_eq!(unescape("_xã_x0041_"), "_xãA");
    }

    #[test]
    fn escape_round_trips() {
        for s in ["_x0041_", "a_x005F_b", "plain_text", "__x0041_", "Xã_x00"] {
            assert_eq!(unescape(&escape(s)), s, "{s}");
        }
        assert_eq!(escape("_x0041_"), "_x005F_x0041_");
        assert_eq!(escape("snake_case"), "snake_case");
    }

    #[test]
    fn unpreserved_blanks_at_the_ends_are_dropped() {
        let p = |t: &str, k: bool| (t.to_string(), k);
        assert_eq!(join_pieces(&[p(" ", false)]), "");
        assert_eq!(join_pieces(&[p(" ", true)]), " ");
        assert_eq!(join_pieces(&[p("\n a \t", false)]), "a");
        assert_eq!(join_pieces(&[p(" a ", true)]), " a ");
        assert_eq!(join_pieces(&[p(" Xã ", false), p("Sơn ", true)]), "Xã Sơn ");
        assert_eq!(
            join_pieces(&[p(" ", false), p("a", false), p(" ", false)]),
            "a"
        );
        assert_eq!(join_pieces(&[]), "");
    }

    #[test]
    fn cut_counts_utf16_units() {
        assert_eq!(cut_utf16("abc", 2), "ab");
        assert_eq!(cut_utf16("a😀", 2), "a");
        assert_eq!(cut_utf16("a😀", 3), "a😀");
        assert_eq!(cut_utf16("ắ", 1), "ắ");
    }
}
