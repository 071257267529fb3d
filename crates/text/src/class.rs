//! Letters and digits, without std's all-Unicode tables.
//!
//! `char::is_alphanumeric`, `is_alphabetic` and `is_uppercase` carry
//! tables that do not compress (≈ 3 KB of the WASM, ARCHITECTURE.md,
//! "Size"). What the readers ask of a character — is it part of a word
//! of a header, a unit name or a date — only needs them for the scripts
//! office files hold. Invariant: exactly std's answer for every character
//! below U+0530 (Latin with Vietnamese, IPA, Greek, Cyrillic) and in Latin
//! Extended Additional (U+1E00–U+1EFF); beyond them, every character is a
//! letter but spaces, controls, combining marks and the punctuation and
//! symbol blocks (a CJK or Thai letter is one, as for std; a circled
//! digit ① or a letter-like symbol ℕ is not, unlike std).

/// std's letters and digits from U+0080 to U+052F, as ranges.
const ALNUM_BELOW_0530: [(u16, u16); 24] = [
    (0xAA, 0xAA),
    (0xB2, 0xB3),
    (0xB5, 0xB5),
    (0xB9, 0xBA),
    (0xBC, 0xBE),
    (0xC0, 0xD6),
    (0xD8, 0xF6),
    (0xF8, 0x2C1),
    (0x2C6, 0x2D1),
    (0x2E0, 0x2E4),
    (0x2EC, 0x2EC),
    (0x2EE, 0x2EE),
    (0x345, 0x345),
    (0x363, 0x374),
    (0x376, 0x377),
    (0x37A, 0x37D),
    (0x37F, 0x37F),
    (0x386, 0x386),
    (0x388, 0x38A),
    (0x38C, 0x38C),
    (0x38E, 0x3A1),
    (0x3A3, 0x3F5),
    (0x3F7, 0x481),
    (0x48A, 0x52F),
];

/// A letter or a digit (`char::is_alphanumeric`, within the invariant).
pub fn is_alnum(c: char) -> bool {
    let u = c as u32;
    match u {
        0..=0x7F => c.is_ascii_alphanumeric(),
        0x80..=0x52F => ALNUM_BELOW_0530
            .iter()
            .any(|&(a, b)| (u32::from(a)..=u32::from(b)).contains(&u)),
        0x1E00..=0x1EFF => true,
        // Combining marks.
        0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0xFE20..=0xFE2F => false,
        // Spaces, punctuation, super- and subscripts, currency, letter-like
        // symbols, number forms, arrows, mathematical and technical
        // symbols, boxes, shapes, dingbats (U+2000–U+2BFF); CJK
        // punctuation; private use; variation selectors, vertical and
        // small forms; the byte-order mark; full-width punctuation;
        // specials (U+FFFD).
        0x2000..=0x2BFF
        | 0x2E00..=0x2E7F
        | 0x3000..=0x303F
        | 0xE000..=0xF8FF
        | 0xFE00..=0xFE1F
        | 0xFE30..=0xFE6F
        | 0xFEFF
        | 0xFF00..=0xFF0F
        | 0xFF1A..=0xFF20
        | 0xFF3B..=0xFF40
        | 0xFF5B..=0xFF65
        | 0xFFF0..=0xFFFF => false,
        // Emoji and pictographs, tags, supplementary private use.
        0x1F000..=0x1FBFF | 0xE0000.. => false,
        _ => !c.is_whitespace() && !c.is_control(),
    }
}

/// A letter (`char::is_alphabetic`, within the invariant): a letter or
/// digit that is not a digit.
pub fn is_alpha(c: char) -> bool {
    is_alnum(c) && !c.is_ascii_digit() && !matches!(c as u32, 0xB2 | 0xB3 | 0xB9 | 0xBC..=0xBE)
}

/// An upper-case letter: one that [`crate::case::lower_char`] changes
/// (std's `is_uppercase` for the letters that module covers).
pub fn is_upper(c: char) -> bool {
    crate::case::lower_char(c) != c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(from: u32, to: u32) -> impl Iterator<Item = char> {
        (from..=to).filter_map(char::from_u32)
    }

    #[test]
    fn as_std_where_offices_write() {
        for c in chars(0, 0x52F).chain(chars(0x1E00, 0x1EFF)) {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?} U+{:04X}", c as u32);
            assert_eq!(is_alpha(c), c.is_alphabetic(), "{c:?} U+{:04X}", c as u32);
        }
    }

    #[test]
    fn other_scripts_are_letters_and_symbols_are_not() {
        for c in ['中', '文', 'ก', 'ع', 'א', 'ក', 'ລ', '한', 'カ', '٣'] {
            assert!(is_alnum(c), "{c}");
        }
        for c in [
            '—', '“', '”', '…', '€', '→', '、', '。', '（', '）', '\u{FFFD}', '\u{3000}',
            '\u{2003}', '\u{200B}', '\u{FEFF}', '😀', '\u{1DC4}', '·', '×', '÷', '«', '»',
            '\u{A0}',
        ] {
            assert!(!is_alnum(c), "{c:?}");
        }
        // Where std agrees with a rule above, beyond the exact blocks.
        for c in chars(0x530, 0x10FFFF) {
            if c.is_alphanumeric() != is_alnum(c) {
                let u = c as u32;
                // Either a mark or sign of another script that std does not
                // count and we do, or one of std's letters in a block named
                // above as punctuation, symbols or marks.
                let named = [
                    0x1AB0..=0x1AFF,
                    0x1DC0..=0x1DFF,
                    0x2000..=0x2BFF,
                    0x2E00..=0x303F,
                    0xE000..=0xF8FF,
                    0xFE00..=0xFE6F,
                    0xFF00..=0xFFFF,
                    0x1F000..=0x1FBFF,
                    0xE0000..=0x10FFFF,
                ];
                assert!(
                    !c.is_alphanumeric() || named.iter().any(|r| r.contains(&u)),
                    "U+{u:04X}: std calls it a letter or digit"
                );
            }
        }
    }

    #[test]
    fn upper_case_as_std_for_the_vietnamese_alphabet() {
        let letters = "aăâbcdđeêghiklmnoôơpqrstuưvxy\
                       áàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ";
        for l in letters.chars() {
            for c in l.to_uppercase().chain([l]) {
                assert_eq!(is_upper(c), c.is_uppercase(), "{c}");
            }
        }
        for c in chars(0, 0x52F).chain(chars(0x1E00, 0x1EFF)) {
            if is_upper(c) {
                assert!(
                    c.is_uppercase() || titlecase_digraph(c),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
    }

    /// ǅ ǈ ǋ ǲ: title-case digraphs, which have a lower case but are not
    /// upper case for std.
    fn titlecase_digraph(c: char) -> bool {
        matches!(c as u32, 0x1C5 | 0x1C8 | 0x1CB | 0x1F2)
    }
}
