//! Vietnamese composition (the NFC subset that Vietnamese needs) and folding.
//!
//! Every Vietnamese vowel letter is described as a [`Vowel`]: a row of
//! [`VOWELS`] (a ă â e ê i o ô ơ u ư y), a tone column and a case flag.

/// Combining tone marks, in column order 1..=5 of [`VOWELS`]:
/// grave, acute, tilde, hook above, dot below.
pub(super) const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

/// Lower-case vowels. Rows: a ă â e ê i o ô ơ u ư y.
/// Columns: no tone, then the five [`TONES`].
const VOWELS: [[u16; 6]; 12] = [
    [0x61, 0xE0, 0xE1, 0xE3, 0x1EA3, 0x1EA1],
    [0x103, 0x1EB1, 0x1EAF, 0x1EB5, 0x1EB3, 0x1EB7],
    [0xE2, 0x1EA7, 0x1EA5, 0x1EAB, 0x1EA9, 0x1EAD],
    [0x65, 0xE8, 0xE9, 0x1EBD, 0x1EBB, 0x1EB9],
    [0xEA, 0x1EC1, 0x1EBF, 0x1EC5, 0x1EC3, 0x1EC7],
    [0x69, 0xEC, 0xED, 0x129, 0x1EC9, 0x1ECB],
    [0x6F, 0xF2, 0xF3, 0xF5, 0x1ECF, 0x1ECD],
    [0xF4, 0x1ED3, 0x1ED1, 0x1ED7, 0x1ED5, 0x1ED9],
    [0x1A1, 0x1EDD, 0x1EDB, 0x1EE1, 0x1EDF, 0x1EE3],
    [0x75, 0xF9, 0xFA, 0x169, 0x1EE7, 0x1EE5],
    [0x1B0, 0x1EEB, 0x1EE9, 0x1EEF, 0x1EED, 0x1EF1],
    [0x79, 0x1EF3, 0xFD, 0x1EF9, 0x1EF7, 0x1EF5],
];

/// Each row of [`VOWELS`] without its circumflex/breve/horn (for [`fold`]).
const ROW_ASCII: &[u8; 12] = b"aaaeeiooouuy";

/// Row reached by adding a circumflex, breve or horn to a plain row.
const MODIFIERS: [(u8, char, u8); 6] = [
    (0, '\u{302}', 2),
    (0, '\u{306}', 1),
    (3, '\u{302}', 4),
    (6, '\u{302}', 7),
    (6, '\u{31B}', 8),
    (9, '\u{31B}', 10),
];

/// A Vietnamese vowel letter: `row` in a ă â e ê i o ô ơ u ư y,
/// `tone` 0 (none) or 1..=5 (see [`TONES`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Vowel {
    pub row: u8,
    pub tone: u8,
    pub upper: bool,
}

/// Upper-case code point of a lower-case Vietnamese letter (also works for đ).
pub(super) fn upper_of(lower: u32) -> u32 {
    if lower < 0x100 {
        lower - 0x20
    } else {
        lower - 1
    }
}

/// Analyse a precomposed (or plain ASCII) Vietnamese vowel.
pub(super) fn vowel(c: char) -> Option<Vowel> {
    let u = c as u32;
    if u < 0x80 {
        let row = match c.to_ascii_lowercase() {
            'a' => 0,
            'e' => 3,
            'i' => 5,
            'o' => 6,
            'u' => 9,
            'y' => 11,
            _ => return None,
        };
        return Some(Vowel {
            row,
            tone: 0,
            upper: c.is_ascii_uppercase(),
        });
    }
    let idx = match u {
        0xC0..=0x1B0 => u - 0xC0,
        0x1EA0..=0x1EF9 => u - 0x1EA0 + 0x1B1 - 0xC0,
        _ => return None,
    };
    // One entry per code point of the two ranges: row, tone and case packed
    // in a byte (0xFF: not a vowel). Built once from VOWELS.
    static TABLE: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = vec![0xFFu8; (0x1B1 - 0xC0) + (0x1EFA - 0x1EA0)];
        let slot = |u: u32| match u {
            0xC0..=0x1B0 => Some((u - 0xC0) as usize),
            0x1EA0..=0x1EF9 => Some((u - 0x1EA0 + 0x1B1 - 0xC0) as usize),
            _ => None,
        };
        for (row, tones) in VOWELS.iter().enumerate() {
            for (tone, &l) in tones.iter().enumerate() {
                let l = u32::from(l);
                for (code, upper) in [(l, 0u8), (upper_of(l), 1u8)] {
                    if let Some(i) = slot(code) {
                        if t[i] == 0xFF {
                            t[i] = (row as u8) << 4 | (tone as u8) << 1 | upper;
                        }
                    }
                }
            }
        }
        t
    });
    match table.get(idx as usize) {
        Some(&b) if b != 0xFF => Some(Vowel {
            row: b >> 4,
            tone: (b >> 1) & 7,
            upper: b & 1 == 1,
        }),
        _ => None,
    }
}

/// The precomposed character for a [`Vowel`].
pub(super) fn compose(v: Vowel) -> char {
    let l = u32::from(VOWELS[usize::from(v.row % 12)][usize::from(v.tone % 6)]);
    char::from_u32(if v.upper { upper_of(l) } else { l }).unwrap_or('\u{FFFD}')
}

/// Split a toned vowel into (vowel without tone, tone 1..=5); `None` if untoned
/// or not a Vietnamese vowel.
pub(super) fn split_tone(c: char) -> Option<(char, u8)> {
    let v = vowel(c)?;
    if v.tone == 0 {
        return None;
    }
    Some((compose(Vowel { tone: 0, ..v }), v.tone))
}

/// Tone column (1..=5) of a combining mark; U+0340/U+0341 count as grave/acute.
pub(super) fn tone_of(c: char) -> Option<u8> {
    let c = match c {
        '\u{340}' => '\u{300}',
        '\u{341}' => '\u{301}',
        c => c,
    };
    TONES.iter().position(|&t| t == c).map(|i| i as u8 + 1)
}

/// True if `s` has a character that [`nfc`] could change.
fn needs_nfc(s: &str) -> bool {
    // U+0300..=U+033F are CC 80..BF in UTF-8, U+0340/U+0341 are CD 80/81.
    // Eight bytes at a time, looking for a CC or CD byte (the whole text of
    // a file goes through here: a tenth of reading it, byte by byte).
    const ONES: u64 = 0x0101_0101_0101_0101;
    let b = s.as_bytes();
    let mut at = 0;
    while at + 8 <= b.len() {
        let mut w = [0u8; 8];
        w.copy_from_slice(&b[at..at + 8]);
        // Zero bytes where a byte is CC or CD (its low bit masked off).
        let v = (u64::from_le_bytes(w) & !ONES) ^ (0xCC * ONES);
        if (v.wrapping_sub(ONES) & !v & (0x80 * ONES)) != 0 {
            break;
        }
        at += 8;
    }
    let rest = &b[at..];
    rest.iter()
        .enumerate()
        .any(|(i, &x)| x == 0xCC || (x == 0xCD && matches!(rest.get(i + 1), Some(0x80 | 0x81))))
}

/// [`nfc`] for an owned string, reusing it when nothing changes.
pub(super) fn nfc_string(s: String) -> String {
    if needs_nfc(&s) {
        compose_str(&s)
    } else {
        s
    }
}

/// Compose Vietnamese letters to NFC.
///
/// A vowel (a e i o u y, or one already precomposed) followed by combining
/// circumflex/breve/horn (U+0302/U+0306/U+031B) and one tone mark (U+0300,
/// U+0301, U+0303, U+0309, U+0323), in any order, becomes one precomposed
/// letter. U+0340/U+0341 become U+0300/U+0301. Anything else is unchanged
/// (this is not a general Unicode normaliser).
pub fn nfc(s: &str) -> String {
    if needs_nfc(s) {
        compose_str(s)
    } else {
        s.to_owned()
    }
}

fn compose_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let Some(mut v) = vowel(c) else {
            out.push(match c {
                '\u{340}' => '\u{300}',
                '\u{341}' => '\u{301}',
                c => c,
            });
            continue;
        };
        while let Some(&m) = chars.peek() {
            if let Some(t) = tone_of(m) {
                if v.tone != 0 {
                    break;
                }
                v.tone = t;
            } else if let Some(&(_, _, to)) = MODIFIERS
                .iter()
                .find(|&&(from, mark, _)| from == v.row && mark == m)
            {
                v.row = to;
            } else {
                break;
            }
            chars.next();
        }
        out.push(compose(v));
    }
    out
}

/// Matching key: NFC, lower-case, Vietnamese diacritics removed (đ → d),
/// whitespace collapsed to single spaces and trimmed.
pub fn fold(s: &str) -> String {
    let s = nfc(s);
    let mut out = String::with_capacity(s.len());
    let mut space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if ('\u{300}'..='\u{36F}').contains(&c) {
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        if c.is_ascii() {
            // Fast path: most characters of names and headers.
            out.push(c.to_ascii_lowercase());
        } else if let Some(v) = vowel(c) {
            out.push(char::from(ROW_ASCII[usize::from(v.row)]));
        } else if c == 'đ' || c == 'Đ' {
            out.push('d');
        } else {
            // One character for one (`case`), so fold(fold(s)) == fold(s);
            // 'İ' (whose lower case is "i" and a dot above) folds to "i".
            out.push(if c == 'İ' {
                'i'
            } else {
                crate::case::lower_char(c)
            });
        }
    }
    out
}

#[cfg(test)]
mod needs_nfc_tests {
    use super::needs_nfc;
    use proptest::prelude::*;

    fn plain(s: &str) -> bool {
        let b = s.as_bytes();
        b.iter()
            .enumerate()
            .any(|(i, &x)| x == 0xCC || (x == 0xCD && matches!(b.get(i + 1), Some(0x80 | 0x81))))
    }

    #[test]
    fn finds_marks_at_every_place() {
        for pad in 0..20 {
            let a = "a".repeat(pad);
            assert!(needs_nfc(&format!("{a}e\u{301}")), "{pad}");
            assert!(needs_nfc(&format!("{a}\u{341}x")), "{pad}");
            // U+0348 (CD 88) is no mark nfc changes; U+0300 after it is.
            assert!(!needs_nfc(&format!("{a}\u{348}{a}")), "{pad}");
            assert!(needs_nfc(&format!("{a}\u{348}\u{300}")), "{pad}");
            assert!(!needs_nfc(&format!("{a}Xã Sơn Thủy{a}")), "{pad}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_the_byte_by_byte_check(s in "(\\PC|[\u{300}-\u{34F}]){0,40}") {
            prop_assert_eq!(needs_nfc(&s), plain(&s));
        }
    }
}
