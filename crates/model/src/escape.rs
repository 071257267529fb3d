//! Escaping text for XML, SVG and HTML: one rule for every writer (the
//! letter's HTML, the charts' SVG, the .docx and .xlsx parts).

/// Appends `s` escaped for XML text or attribute values, dropping characters
/// that XML 1.0 does not allow.
pub fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            '\u{0}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}' => {}
            _ => out.push(c),
        }
    }
}
