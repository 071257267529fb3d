//! Upper and lower case for the letters offices write: ASCII, Latin-1,
//! Latin Extended-A, Vietnamese (Ơ Ư, and U+1EA0–U+1EF9), Latin Extended
//! Additional, basic Greek and Cyrillic. Other characters stay as they are.
//!
//! Why not `str::to_uppercase`: std's case tables cover all of Unicode and
//! cost the WASM ≈ 9 KB brotli (ARCHITECTURE.md, "Size"), for scripts no
//! Vietnamese office letter uses. Invariant: for every character, the
//! result is either the character itself or std's one-character mapping
//! (tests check every code point below U+2000), and every letter of the
//! Vietnamese alphabet, precomposed or not, maps as std maps it.

/// The lower-case form of `c` (itself when it has none here).
pub fn lower_char(c: char) -> char {
    let u = c as u32;
    let l = match u {
        0x41..=0x5A => u + 32,
        0xC0..=0xDE if u != 0xD7 => u + 32,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x1E00..=0x1E95 | 0x1EA0..=0x1EFF => u | 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        0x1A0 | 0x1AF => u + 1,
        0x391..=0x3A1 | 0x3A3..=0x3AB => u + 32,
        0x400..=0x40F => u + 80,
        0x410..=0x42F => u + 32,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// The upper-case form of `c` (itself when it has none here, or when std's
/// is more than one character: ß).
pub fn upper_char(c: char) -> char {
    let u = c as u32;
    let odd = u % 2 == 1;
    let up = match u {
        0x61..=0x7A => u - 32,
        0xE0..=0xFE if u != 0xF7 => u - 32,
        0xFF => 0x178,
        0x101..=0x12F | 0x133..=0x137 | 0x14B..=0x177 | 0x1E01..=0x1E95 | 0x1EA1..=0x1EFF
            if odd =>
        {
            u - 1
        }
        0x13A..=0x148 | 0x17A..=0x17E if !odd => u - 1,
        0x1A1 | 0x1B0 => u - 1,
        0x3B1..=0x3C1 | 0x3C3..=0x3CB => u - 32,
        0x3C2 => 0x3A3,
        0x430..=0x44F => u - 32,
        0x450..=0x45F => u - 80,
        _ => u,
    };
    char::from_u32(up).unwrap_or(c)
}

/// `s` in lower case ("Xã Sơn Hà" → "xã sơn hà").
pub fn to_lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

/// `s` in upper case ("Ủy ban nhân dân" → "ỦY BAN NHÂN DÂN").
pub fn to_upper(s: &str) -> String {
    s.chars().map(upper_char).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(mut it: impl Iterator<Item = char>) -> Option<char> {
        let c = it.next()?;
        it.next().is_none().then_some(c)
    }

    #[test]
    fn never_a_mapping_std_would_not_make() {
        for c in (0..0x2000u32).filter_map(char::from_u32) {
            let (l, u) = (lower_char(c), upper_char(c));
            if l != c {
                assert_eq!(
                    Some(l),
                    one(c.to_lowercase()),
                    "lower {c:?} U+{:04X}",
                    c as u32
                );
            }
            if u != c {
                assert_eq!(
                    Some(u),
                    one(c.to_uppercase()),
                    "upper {c:?} U+{:04X}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn every_vietnamese_letter_as_std_maps_it() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵfjwz";
        for c in letters.chars() {
            let up = one(c.to_uppercase()).expect("one char");
            assert_eq!(upper_char(c), up, "{c}");
            assert_eq!(lower_char(up), c, "{up}");
        }
        assert_eq!(
            to_upper("Ủy ban nhân dân xã Đắk Pơ"),
            "ỦY BAN NHÂN DÂN XÃ ĐẮK PƠ"
        );
        assert_eq!(to_lower("THỊ TRẤN SƠN LƯ"), "thị trấn sơn lư");
        // Combining marks (a decomposed "ộ") are left as they are.
        assert_eq!(to_upper("o\u{323}\u{302}"), "O\u{323}\u{302}");
        assert_eq!(to_upper("Москва Αθηνα"), "МОСКВА ΑΘΗΝΑ");
    }
}
