//! Single-byte codecs: Windows-1258, TCVN3 (TCVN 5712, table of GNU libiconv
//! `lib/tcvn.h`) and VNI-Windows (base letter + modifier byte).
//!
//! Decoders here return raw text; callers compose it with `nfc`.

use super::nfc::{compose, split_tone, upper_of, vowel, Vowel};

const REPLACEMENT: char = '\u{FFFD}';

/// Windows-1252 bytes 0x80..=0x9F (0 = unassigned).
const CP1252_C1: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, //
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0, //
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, //
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// Windows-1252 meaning of a byte in 0x80..=0x9F.
pub(super) fn cp1252_c1(b: u8) -> char {
    let u = CP1252_C1[usize::from(b & 0x1F)];
    if u == 0 {
        REPLACEMENT
    } else {
        char::from_u32(u32::from(u)).unwrap_or(REPLACEMENT)
    }
}

/// Byte that a character had when legacy bytes were shown as Latin-1 or
/// Windows-1252: U+0000..=U+00FF map to themselves, cp1252 0x80..=0x9F extras
/// map back to their byte.
pub(super) fn latin1_byte(c: char) -> Option<u8> {
    let u = c as u32;
    if u < 0x100 {
        return Some(u as u8);
    }
    CP1252_C1
        .iter()
        .position(|&x| u32::from(x) == u)
        .map(|i| 0x80 + i as u8)
}

/// First byte that `dec` decodes to `c` (slow; used by the encoders only).
fn reverse(c: char, dec: fn(u8) -> char) -> Option<u8> {
    if c == REPLACEMENT {
        return None;
    }
    (0..=255u8).find(|&b| dec(b) == c)
}

/// Encode char by char: directly, else as (vowel without tone, tone byte).
fn encode_with(text: &str, dec: fn(u8) -> char, tone_bytes: &[u8; 5]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in super::nfc(text).chars() {
        if c.is_ascii() && dec(c as u8) == c {
            out.push(c as u8);
        } else if let Some(b) = reverse(c, dec) {
            out.push(b);
        } else if let Some((b, t)) =
            split_tone(c).and_then(|(base, t)| Some((reverse(base, dec)?, t)))
        {
            out.extend([b, tone_bytes[usize::from(t - 1)]]);
        } else {
            out.push(b'?');
        }
    }
    out
}

// ---------------------------------------------------------------- Windows-1258

/// Windows-1258 bytes in 0xC0..=0xFF that differ from Latin-1.
const CP1258_DIFF: [(u8, u16); 14] = [
    (0xC3, 0x102),
    (0xCC, 0x300),
    (0xD0, 0x110),
    (0xD2, 0x309),
    (0xD5, 0x1A0),
    (0xDD, 0x1AF),
    (0xDE, 0x303),
    (0xE3, 0x103),
    (0xEC, 0x301),
    (0xF0, 0x111),
    (0xF2, 0x323),
    (0xF5, 0x1A1),
    (0xFD, 0x1B0),
    (0xFE, 0x20AB),
];

/// Windows-1258 tone bytes (grave, acute, tilde, hook, dot below).
const CP1258_TONES: [u8; 5] = [0xCC, 0xEC, 0xDE, 0xD2, 0xF2];

fn cp1258_char(b: u8) -> char {
    match b {
        0..=0x7F => char::from(b),
        0x8A | 0x8E | 0x9A | 0x9E => REPLACEMENT,
        0x80..=0x9F => cp1252_c1(b),
        _ => match CP1258_DIFF.iter().find(|&&(x, _)| x == b) {
            Some(&(_, u)) => char::from_u32(u32::from(u)).unwrap_or(REPLACEMENT),
            None => char::from(b),
        },
    }
}

pub(super) fn decode_cp1258(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| cp1258_char(b)).collect()
}

pub(super) fn encode_cp1258(text: &str) -> Vec<u8> {
    encode_with(text, cp1258_char, &CP1258_TONES)
}

// ---------------------------------------------------------------------- TCVN3

/// TCVN bytes 0x00..=0x17 (libiconv `tcvn_2uni_1`).
const TCVN_LO: [u16; 24] = [
    0x0000, 0x00da, 0x1ee4, 0x0003, 0x1eea, 0x1eec, 0x1eee, 0x0007, //
    0x0008, 0x0009, 0x000a, 0x000b, 0x000c, 0x000d, 0x000e, 0x000f, //
    0x0010, 0x1ee8, 0x1ef0, 0x1ef2, 0x1ef6, 0x1ef8, 0x00dd, 0x1ef4,
];

/// TCVN bytes 0x80..=0xFF (libiconv `tcvn_2uni_2`).
const TCVN_HI: [u16; 128] = [
    0x00c0, 0x1ea2, 0x00c3, 0x00c1, 0x1ea0, 0x1eb6, 0x1eac, 0x00c8, //
    0x1eba, 0x1ebc, 0x00c9, 0x1eb8, 0x1ec6, 0x00cc, 0x1ec8, 0x0128, //
    0x00cd, 0x1eca, 0x00d2, 0x1ece, 0x00d5, 0x00d3, 0x1ecc, 0x1ed8, //
    0x1edc, 0x1ede, 0x1ee0, 0x1eda, 0x1ee2, 0x00d9, 0x1ee6, 0x0168, //
    0x00a0, 0x0102, 0x00c2, 0x00ca, 0x00d4, 0x01a0, 0x01af, 0x0110, //
    0x0103, 0x00e2, 0x00ea, 0x00f4, 0x01a1, 0x01b0, 0x0111, 0x1eb0, //
    0x0300, 0x0309, 0x0303, 0x0301, 0x0323, 0x00e0, 0x1ea3, 0x00e3, //
    0x00e1, 0x1ea1, 0x1eb2, 0x1eb1, 0x1eb3, 0x1eb5, 0x1eaf, 0x1eb4, //
    0x1eae, 0x1ea6, 0x1ea8, 0x1eaa, 0x1ea4, 0x1ec0, 0x1eb7, 0x1ea7, //
    0x1ea9, 0x1eab, 0x1ea5, 0x1ead, 0x00e8, 0x1ec2, 0x1ebb, 0x1ebd, //
    0x00e9, 0x1eb9, 0x1ec1, 0x1ec3, 0x1ec5, 0x1ebf, 0x1ec7, 0x00ec, //
    0x1ec9, 0x1ec4, 0x1ebe, 0x1ed2, 0x0129, 0x00ed, 0x1ecb, 0x00f2, //
    0x1ed4, 0x1ecf, 0x00f5, 0x00f3, 0x1ecd, 0x1ed3, 0x1ed5, 0x1ed7, //
    0x1ed1, 0x1ed9, 0x1edd, 0x1edf, 0x1ee1, 0x1edb, 0x1ee3, 0x00f9, //
    0x1ed6, 0x1ee7, 0x0169, 0x00fa, 0x1ee5, 0x1eeb, 0x1eed, 0x1eef, //
    0x1ee9, 0x1ef1, 0x1ef3, 0x1ef7, 0x1ef9, 0x00fd, 0x1ef5, 0x1ed0,
];

/// TCVN combining tone bytes (grave, acute, tilde, hook, dot below).
const TCVN_TONES: [u8; 5] = [0xB0, 0xB3, 0xB2, 0xB1, 0xB4];

fn tcvn_char(b: u8) -> char {
    let u = match b {
        0..=0x17 => TCVN_LO[usize::from(b)],
        0x18..=0x7F => u16::from(b),
        _ => TCVN_HI[usize::from(b - 0x80)],
    };
    char::from_u32(u32::from(u)).unwrap_or(REPLACEMENT)
}

pub(super) fn decode_tcvn3(bytes: &[u8]) -> String {
    bytes.iter().map(|&b| tcvn_char(b)).collect()
}

pub(super) fn encode_tcvn3(text: &str) -> Vec<u8> {
    encode_with(text, tcvn_char, &TCVN_TONES)
}

// ------------------------------------------------------------------------ VNI

/// VNI letters written as one byte: (lower-case byte, lower-case letter).
/// Upper case: byte − 0x20, letter via `upper_of`.
const VNI_SINGLE: [(u8, u16); 9] = [
    (0xF4, 0x1A1),  // ô → ơ
    (0xF6, 0x1B0),  // ö → ư
    (0xF1, 0x111),  // ñ → đ
    (0xEC, 0xEC),   // ì
    (0xED, 0xED),   // í
    (0xF3, 0x129),  // ó → ĩ
    (0xE6, 0x1EC9), // æ → ỉ
    (0xF2, 0x1ECB), // ò → ị
    (0xEE, 0x1EF5), // î → ỵ
];

/// VNI modifier bytes (lower case; upper case is byte − 0x20):
/// (byte, kind 0 = tone only / 1 = circumflex / 2 = breve, tone 0..=5).
const VNI_MODS: [(u8, u8, u8); 17] = [
    (0xF8, 0, 1),
    (0xF9, 0, 2),
    (0xF5, 0, 3),
    (0xFB, 0, 4),
    (0xEF, 0, 5),
    (0xE2, 1, 0),
    (0xE0, 1, 1),
    (0xE1, 1, 2),
    (0xE3, 1, 3),
    (0xE5, 1, 4),
    (0xE4, 1, 5),
    (0xEA, 2, 0),
    (0xE8, 2, 1),
    (0xE9, 2, 2),
    (0xFC, 2, 3),
    (0xFA, 2, 4),
    (0xEB, 2, 5),
];

/// For each vowel row (a ă â e ê i o ô ơ u ư y): VNI base byte and modifier kind.
const VNI_ROWS: [(u8, u8); 12] = [
    (b'a', 0),
    (b'a', 2),
    (b'a', 1),
    (b'e', 0),
    (b'e', 1),
    (b'i', 0),
    (b'o', 0),
    (b'o', 1),
    (0xF4, 0),
    (b'u', 0),
    (0xF6, 0),
    (b'y', 0),
];

/// Lower-case form of a VNI byte, and whether it was upper case.
fn vni_lower(b: u8) -> (u8, bool) {
    match b {
        b'A'..=b'Z' | 0xC0..=0xDE if b != 0xD7 => (b + 0x20, true),
        _ => (b, false),
    }
}

/// Meaning of a VNI byte on its own.
fn vni_char(b: u8) -> char {
    let (l, upper) = vni_lower(b);
    if let Some(&(_, u)) = VNI_SINGLE.iter().find(|&&(x, _)| x == l) {
        let u = u32::from(u);
        return char::from_u32(if upper { upper_of(u) } else { u }).unwrap_or(REPLACEMENT);
    }
    match b {
        0x80..=0x9F => cp1252_c1(b),
        _ => char::from(b),
    }
}

/// Decode base byte `b` followed by modifier byte `m`, if they form a letter.
/// A lower-case base needs a lower-case modifier; an upper-case base takes either.
fn vni_pair(b: u8, m: u8) -> Option<char> {
    let (bl, upper) = vni_lower(b);
    let row = match bl {
        b'a' => 0,
        b'e' => 3,
        b'o' => 6,
        b'u' => 9,
        b'y' => 11,
        0xF4 => 8,
        0xF6 => 10,
        _ => return None,
    };
    let (ml, mupper) = vni_lower(m);
    if mupper && !upper {
        return None;
    }
    let &(_, kind, tone) = VNI_MODS.iter().find(|&&(x, _, _)| x == ml)?;
    let row = match (kind, row) {
        (0, r) => r,
        (1, 0) => 2,
        (1, 3) => 4,
        (1, 6) => 7,
        (2, 0) => 1,
        _ => return None,
    };
    Some(compose(Vowel { row, tone, upper }))
}

pub(super) fn decode_vni(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if let Some(c) = bytes.get(i + 1).and_then(|&m| vni_pair(b, m)) {
            out.push(c);
            i += 2;
        } else {
            out.push(vni_char(b));
            i += 1;
        }
    }
    out
}

pub(super) fn encode_vni(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in super::nfc(text).chars() {
        let single = |b: u8| vni_char(b) == c && VNI_MODS.iter().all(|m| m.0 != vni_lower(b).0);
        if c.is_ascii() {
            out.push(c as u8);
        } else if let Some(b) = (0x80..=0xFFu8).find(|&b| single(b)) {
            out.push(b);
        } else if let Some(v) = vowel(c) {
            let (base, kind) = VNI_ROWS[usize::from(v.row)];
            let case = |b: u8| if v.upper { b - 0x20 } else { b };
            out.push(case(base));
            if kind != 0 || v.tone != 0 {
                match VNI_MODS.iter().find(|m| m.1 == kind && m.2 == v.tone) {
                    Some(m) => out.push(case(m.0)),
                    None => out.push(b'?'),
                }
            }
        } else {
            out.push(b'?');
        }
    }
    out
}
