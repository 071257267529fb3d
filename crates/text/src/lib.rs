//! Reading Vietnamese text files (CSV from Excel on Windows/macOS).
//!
//! * [`decode`] detects the encoding (BOMs, UTF-16, UTF-8, Windows-1258,
//!   TCVN3/ABC, VNI-Windows) and returns NFC text.
//! * [`decode_as`] / [`encode_as`] convert with a known [`Encoding`].
//! * [`convert_legacy_str`] fixes cells that were read as Latin-1 but were
//!   typed in a TCVN3 (".VnTime") or VNI ("VNI-Times") font.
//! * [`nfc`] composes Vietnamese letters, [`fold`] makes matching keys.
//! * [`decode_codepage`] reads 8-bit text in a numbered Windows/Mac code
//!   page (old .xls files).
//!
//! No dependencies; the tables are small and hand-written.

pub mod case;
pub mod class;
mod codepage;
mod detect;
mod legacy;
mod nfc;
#[cfg(test)]
mod tests;

pub use self::codepage::{decode_codepage, known_codepage};
pub use self::detect::vietnamese_score;
pub use self::nfc::{fold, nfc};

/// A text encoding that [`decode`] can detect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// UTF-8 without BOM (also pure ASCII).
    Utf8,
    /// UTF-8 with BOM ("CSV UTF-8" from Excel).
    Utf8Bom,
    /// UTF-16 little endian ("Unicode Text" from Excel).
    Utf16Le,
    /// UTF-16 big endian.
    Utf16Be,
    /// Windows-1258, "ANSI" on Vietnamese Windows.
    Windows1258,
    /// TCVN3 / ABC (".VnTime" fonts).
    Tcvn3,
    /// VNI-Windows ("VNI-Times" fonts).
    Vni,
}

impl Encoding {
    /// Every encoding, in the order used for menus.
    pub const ALL: [Encoding; 7] = [
        Encoding::Utf8,
        Encoding::Utf8Bom,
        Encoding::Utf16Le,
        Encoding::Utf16Be,
        Encoding::Windows1258,
        Encoding::Tcvn3,
        Encoding::Vni,
    ];

    /// Vietnamese display name.
    pub fn label_vi(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 có BOM",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1258 => "Windows-1258 (ANSI tiếng Việt)",
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI-Windows",
        }
    }

    /// English display name.
    pub fn label_en(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf8Bom => "UTF-8 with BOM",
            Encoding::Utf16Le => "UTF-16 LE",
            Encoding::Utf16Be => "UTF-16 BE",
            Encoding::Windows1258 => "Windows-1258 (Vietnamese ANSI)",
            Encoding::Tcvn3 => "TCVN3 (ABC)",
            Encoding::Vni => "VNI-Windows",
        }
    }

    /// Stable lower-case id (for settings and URLs).
    pub fn id(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf8Bom => "utf-8-bom",
            Encoding::Utf16Le => "utf-16le",
            Encoding::Utf16Be => "utf-16be",
            Encoding::Windows1258 => "windows-1258",
            Encoding::Tcvn3 => "tcvn3",
            Encoding::Vni => "vni",
        }
    }

    /// Parse an [`id`](Encoding::id); also accepts a few common aliases
    /// ("utf8", "cp1258", "abc", "vni-windows", ...), any case.
    pub fn from_id(s: &str) -> Option<Encoding> {
        let s = s.trim().to_ascii_lowercase();
        Some(match s.as_str() {
            "utf-8" | "utf8" => Encoding::Utf8,
            "utf-8-bom" | "utf8-bom" | "utf-8-sig" => Encoding::Utf8Bom,
            "utf-16le" | "utf16le" | "utf-16" => Encoding::Utf16Le,
            "utf-16be" | "utf16be" => Encoding::Utf16Be,
            "windows-1258" | "cp1258" => Encoding::Windows1258,
            "tcvn3" | "tcvn" | "abc" => Encoding::Tcvn3,
            "vni" | "vni-windows" => Encoding::Vni,
            _ => return None,
        })
    }

    /// True for TCVN3 and VNI: text converted from a legacy font encoding.
    pub fn is_legacy(self) -> bool {
        matches!(self, Encoding::Tcvn3 | Encoding::Vni)
    }
}

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Decode with the given encoding. Never panics; invalid sequences become
/// U+FFFD; a leading BOM of that encoding is dropped; the result is NFC.
pub fn decode_as(bytes: &[u8], enc: Encoding) -> String {
    let text = match enc {
        Encoding::Utf8 | Encoding::Utf8Bom => {
            String::from_utf8_lossy(bytes.strip_prefix(UTF8_BOM).unwrap_or(bytes)).into_owned()
        }
        Encoding::Utf16Le => {
            decode_utf16(bytes.strip_prefix(&[0xFF, 0xFE]).unwrap_or(bytes), false)
        }
        Encoding::Utf16Be => decode_utf16(bytes.strip_prefix(&[0xFE, 0xFF]).unwrap_or(bytes), true),
        Encoding::Windows1258 => legacy::decode_cp1258(bytes),
        Encoding::Tcvn3 => legacy::decode_tcvn3(bytes),
        Encoding::Vni => legacy::decode_vni(bytes),
    };
    nfc::nfc_string(text)
}

/// Detect the encoding and decode. Returns NFC text without BOM and the
/// encoding found (see `detect.rs` for the rules).
pub fn decode(bytes: &[u8]) -> (String, Encoding) {
    detect::detect(bytes)
}

/// Encode text (for tests and fixtures). BOM included for `Utf8Bom` and
/// UTF-16. Legacy encodings get NFC input first; UTF-8/16 keep the text as
/// given (so NFD fixtures can be made). Unencodable characters become `?`.
pub fn encode_as(text: &str, enc: Encoding) -> Vec<u8> {
    let utf16 = |be: bool| {
        let mut out = if be {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for u in text.encode_utf16() {
            out.extend(if be { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        out
    };
    match enc {
        Encoding::Utf8 => text.as_bytes().to_vec(),
        Encoding::Utf8Bom => [UTF8_BOM, text.as_bytes()].concat(),
        Encoding::Utf16Le => utf16(false),
        Encoding::Utf16Be => utf16(true),
        Encoding::Windows1258 => legacy::encode_cp1258(text),
        Encoding::Tcvn3 => legacy::encode_tcvn3(text),
        Encoding::Vni => legacy::encode_vni(text),
    }
}

/// Convert a string that was decoded as Latin-1/Windows-1252 but is really
/// legacy text (e.g. an .xlsx cell in a ".VnTime" or "VNI-Times" font):
/// each char goes back to its byte, then the bytes are decoded with `enc`.
/// Characters with no such byte are kept. For UTF encodings this is [`nfc`].
pub fn convert_legacy_str(s: &str, enc: Encoding) -> String {
    if matches!(
        enc,
        Encoding::Utf8 | Encoding::Utf8Bom | Encoding::Utf16Le | Encoding::Utf16Be
    ) {
        return nfc(s);
    }
    let mut out = String::with_capacity(s.len() + s.len() / 2);
    let mut buf = Vec::new();
    let flush = |out: &mut String, buf: &mut Vec<u8>| {
        if !buf.is_empty() {
            out.push_str(&decode_as(buf, enc));
            buf.clear();
        }
    };
    for c in s.chars() {
        match legacy::latin1_byte(c) {
            Some(b) => buf.push(b),
            None => {
                flush(&mut out, &mut buf);
                out.push(c);
            }
        }
    }
    flush(&mut out, &mut buf);
    nfc::nfc_string(out)
}

/// Legacy encoding used by a font name, and whether the font shows only
/// capitals: ".VnTime" → (Tcvn3, false), ".VnTimeH" → (Tcvn3, true),
/// "VNI-Times" → (Vni, false). Apply `str::to_uppercase` after
/// [`convert_legacy_str`] when the flag is set.
pub fn legacy_font(font: &str) -> Option<(Encoding, bool)> {
    let f = font.trim();
    let lower = f.to_ascii_lowercase();
    if lower.starts_with(".vn") {
        Some((Encoding::Tcvn3, f.ends_with('H')))
    } else if lower.starts_with("vni-") || lower.starts_with("vni ") {
        Some((Encoding::Vni, false))
    } else {
        None
    }
}

/// UTF-16 without BOM; lone surrogates and an odd last byte become U+FFFD.
fn decode_utf16(bytes: &[u8], be: bool) -> String {
    let units = bytes.chunks_exact(2).map(|p| {
        let p = [p[0], p[1]];
        if be {
            u16::from_be_bytes(p)
        } else {
            u16::from_le_bytes(p)
        }
    });
    let mut s: String = char::decode_utf16(units)
        .map(|r| r.unwrap_or('\u{FFFD}'))
        .collect();
    if bytes.len() % 2 == 1 {
        s.push('\u{FFFD}');
    }
    s
}

/// `s.trim()`, answering at once for the common cell that starts and ends
/// with a visible ASCII character (the Unicode scan is the slow part of
/// trimming millions of cells).
pub fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(&a), Some(&b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => s,
        _ => s.trim(),
    }
}
