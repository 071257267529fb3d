//! The encoder against an independent decoder (miniz_oxide's inflate, the
//! one the readers use) on boundary shapes and arbitrary bytes.

use super::deflate;
use proptest::prelude::*;

fn inflate(packed: &[u8]) -> Vec<u8> {
    miniz_oxide::inflate::decompress_to_vec(packed).expect("a valid DEFLATE stream")
}

fn round_trip(data: &[u8]) {
    assert_eq!(inflate(&deflate(data)), data, "{} bytes", data.len());
}

#[test]
fn empty_and_tiny_inputs() {
    // An empty input is one fixed block holding only the end code:
    // BFINAL 1, BTYPE 01, then seven zero bits.
    assert_eq!(deflate(b""), [0x03, 0x00]);
    for data in [&b"a"[..], b"ab", b"abc", b"aaa", b"aaaa"] {
        round_trip(data);
    }
}

#[test]
fn every_byte_value_and_every_literal_code_range() {
    let all: Vec<u8> = (0..=255u8).collect();
    round_trip(&all);
    let twice: Vec<u8> = all.iter().chain(&all).copied().collect();
    round_trip(&twice);
}

#[test]
fn runs_use_overlapping_matches() {
    // Distance 1, lengths around every length code's edges and 258.
    for n in [
        3usize, 4, 10, 11, 12, 13, 257, 258, 259, 260, 516, 517, 100_000,
    ] {
        let data = vec![b'x'; n];
        round_trip(&data);
    }
    let packed = deflate(&vec![0u8; 100_000]);
    assert!(
        packed.len() < 1_000,
        "{} bytes for 100.000 zeros",
        packed.len()
    );
}

#[test]
fn every_match_length_and_far_distances() {
    // A random block, then copies of its prefixes of each length 3..=300,
    // each after a gap, so matches of every length code are taken.
    let mut seed = 0x1234_5678u32;
    let mut rnd = || {
        seed ^= seed << 13;
        seed ^= seed >> 17;
        seed ^= seed << 5;
        seed as u8
    };
    let block: Vec<u8> = (0..300).map(|_| rnd()).collect();
    let mut data = block.clone();
    for len in 3..=300 {
        data.extend_from_slice(&block[..len]);
        data.push(rnd());
    }
    round_trip(&data);
    // Distances up to the window's edge and just past it (32 KiB).
    for gap in [
        1000usize, 16_384, 24_576, 32_700, 32_767, 32_768, 32_769, 40_000,
    ] {
        let mut data = block.clone();
        data.extend((0..gap.saturating_sub(300)).map(|_| rnd()));
        data.extend_from_slice(&block);
        round_trip(&data);
    }
}

#[test]
fn office_xml_compresses_well() {
    // The shape of a .docx appendix: the same cell markup, other figures.
    let mut xml =
        String::from(r#"<?xml version="1.0" encoding="UTF-8"?><w:document><w:body><w:tbl>"#);
    for i in 0..2_000 {
        xml.push_str(&format!(
            r#"<w:tr><w:tc><w:p><w:r><w:t>{i}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Xã Sơn Điện {}</w:t></w:r></w:p></w:tc><w:tc><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:t>{}</w:t></w:r></w:p></w:tc></w:tr>"#,
            i % 37,
            i * 7919 % 10_007
        ));
    }
    xml.push_str("</w:tbl></w:body></w:document>");
    let packed = deflate(xml.as_bytes());
    round_trip(xml.as_bytes());
    // miniz_oxide's level 6 (dynamic codes) as the yardstick: the fixed
    // codes may cost some, never a multiple.
    let theirs = miniz_oxide::deflate::compress_to_vec(xml.as_bytes(), 6);
    assert!(
        packed.len() < xml.len() / 8 && packed.len() * 10 < theirs.len() * 16,
        "{} bytes, miniz {} bytes, of {}",
        packed.len(),
        theirs.len(),
        xml.len()
    );
}

proptest! {
    #[test]
    fn any_bytes_round_trip(data in proptest::collection::vec(any::<u8>(), 0..5_000)) {
        prop_assert_eq!(inflate(&deflate(&data)), data);
    }

    /// Few distinct bytes: long chains and many overlapping matches.
    #[test]
    fn repetitive_bytes_round_trip(data in proptest::collection::vec(0u8..3, 0..20_000)) {
        prop_assert_eq!(inflate(&deflate(&data)), data);
    }
}
