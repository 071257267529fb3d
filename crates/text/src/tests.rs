use super::nfc::{compose, Vowel, TONES};
use super::*;

/// Twelve communes of Huyện Quan Sơn plus header lines, as a small CSV.
const SEED: &str = "Huyện Quan Sơn\r\n\
STT,Đơn vị hành chính,Tổng số địa điểm tạo mã QR,Tổng lượt quét QR,Ghi chú\r\n\
1,Thị trấn Sơn Lư,35,1204,\r\n\
2,Xã Sơn Thủy,12,310,\r\n\
3,Xã Sơn Điện,9,157,\r\n\
4,Xã Mường Mìn,7,98,Vùng cao\r\n\
5,Xã Tam Thanh,11,240,\r\n\
6,Xã Tam Lư,8,133,\r\n\
7,Xã Trung Xuân,10,205,\r\n\
8,Xã Trung Thượng,6,87,\r\n\
9,Xã Trung Tiến,5,64,\r\n\
10,Xã Trung Hạ,9,120,\r\n\
11,Xã Sơn Hà,13,298,\r\n\
12,Xã Na Mèo,4,51,Biên giới\r\n";

const LEGACY: [Encoding; 3] = [Encoding::Windows1258, Encoding::Tcvn3, Encoding::Vni];

/// Bytes shown as Windows-1252 (Latin-1 where cp1252 has no character).
fn as_cp1252(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F if super::legacy::cp1252_c1(b) != '\u{FFFD}' => super::legacy::cp1252_c1(b),
            _ => char::from(b),
        })
        .collect()
}

#[test]
fn every_encoding_round_trips_the_seed() {
    for enc in Encoding::ALL {
        let bytes = encode_as(SEED, enc);
        assert!(!bytes.contains(&b'?'), "{enc:?} could not encode the seed");
        assert_eq!(decode_as(&bytes, enc), SEED, "decode_as {enc:?}");
        assert_eq!(decode(&bytes), (SEED.to_owned(), enc), "decode {enc:?}");
    }
}

#[test]
fn legacy_detection_per_line() {
    // Each line alone must also be detected correctly.
    for line in SEED.lines().filter(|l| !l.is_ascii()) {
        for enc in LEGACY {
            let bytes = encode_as(line, enc);
            assert_eq!(decode(&bytes), (line.to_owned(), enc), "{enc:?}: {line}");
        }
    }
}

#[test]
fn legacy_detection_other_text() {
    let texts = [
        "Tiếng Việt có 29 chữ cái",
        "Bảo Thắng, Lào Cai",
        "Ninh Bình",
        "Thành phố Hồ Chí Minh, Quận Gò Vấp, Phường 17",
        "Nguyễn Văn Quyết; Trần Thị Giang; Phạm Đức Huy",
        "Danh sách hộ gia đình được hỗ trợ",
        "Số điện thoại, Địa chỉ, Ngày sinh",
        "BÁO CÁO TỔNG HỢP SỐ LIỆU QUÉT MÃ QR THÁNG 5",
        "ỦY BAN NHÂN DÂN HUYỆN QUAN SƠN",
        "Ấp Bình Hòa, Ủy ban xã",
    ];
    for t in texts {
        for enc in LEGACY {
            assert_eq!(
                decode(&encode_as(t, enc)),
                (t.to_owned(), enc),
                "{enc:?}: {t}"
            );
        }
    }
}

#[test]
fn legacy_detection_short_names() {
    // Single names are the hardest case: every one must still be detected.
    let names = "Hà Nội, Hải Phòng, Đà Nẵng, Cần Thơ, Bắc Ninh, Hưng Yên, Thái Bình, Nam Định, \
Ninh Bình, Thanh Hóa, Nghệ An, Hà Tĩnh, Quảng Bình, Thừa Thiên Huế, Quảng Ngãi, Bình Định, \
Phú Yên, Khánh Hòa, Ninh Thuận, Đắk Lắk, Đắk Nông, Lâm Đồng, Bình Phước, Tây Ninh, Đồng Nai, \
Tiền Giang, Bến Tre, Trà Vinh, Vĩnh Long, Đồng Tháp, Kiên Giang, Hậu Giang, Sóc Trăng, \
Bạc Liêu, Cà Mau, Lào Cai, Yên Bái, Điện Biên, Lai Châu, Sơn La, Hòa Bình, Cao Bằng, Bắc Kạn, \
Tuyên Quang, Thái Nguyên, Lạng Sơn, Quảng Ninh, Phú Thọ, Vĩnh Phúc, họ và tên, ngày sinh, \
giới tính, số điện thoại, địa chỉ thường trú, ghi chú, tổng cộng, số lượng, thành tiền, lớp, ấp, \
thôn, Nguyễn Văn An, Trần Thị Bích, Đỗ Mạnh Hùng, Lý Thị Mỹ, Ủy ban nhân dân, khuỷu tay";
    for name in names.split(", ") {
        for enc in LEGACY {
            assert_eq!(
                decode(&encode_as(name, enc)),
                (name.to_owned(), enc),
                "{enc:?}: {name}"
            );
        }
    }
}

#[test]
fn legacy_detection_long_text() {
    let text = "Việt Nam, quốc hiệu là Cộng hòa xã hội chủ nghĩa Việt Nam, là một quốc gia nằm ở \
cực Đông của bán đảo Đông Dương. Ngoằn ngoèo, khuya khoắt, quyển sách, nguệch ngoạc, giặt giũ, \
giếng nước, gìn giữ, quở trách, khuếch trương, thuyền, chuyện, người, rượu, tươi cười, buổi, \
khuây khỏa, loay hoay, kiểu, yêu, ỉu xìu, ầm ĩ, ừ, ướt át, ăn uống, ếch, ích, ách, ốc, ấp ủ.";
    for enc in LEGACY {
        let bytes = encode_as(text, enc);
        assert_eq!(decode(&bytes), (text.to_owned(), enc));
        let right = vietnamese_score(&decode_as(&bytes, enc));
        for other in LEGACY.into_iter().filter(|&e| e != enc) {
            assert!(
                vietnamese_score(&decode_as(&bytes, other)) < 0,
                "{enc:?} read as {other:?}"
            );
        }
        assert!(right > 100);
    }
    // Every word of the correct text is a well-formed syllable.
    for w in text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        assert!(vietnamese_score(w) >= 0, "{w}");
    }
}

#[test]
fn spec_examples() {
    let tcvn = [
        ("Ninh B×nh", "Ninh Bình"),
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("TiÕng ViÖt cã 29 ch÷ c¸i", "Tiếng Việt có 29 chữ cái"),
    ];
    for (latin, want) in tcvn {
        assert_eq!(convert_legacy_str(latin, Encoding::Tcvn3), want);
        let bytes: Vec<u8> = latin.chars().map(|c| c as u8).collect();
        assert_eq!(decode_as(&bytes, Encoding::Tcvn3), want);
        assert_eq!(encode_as(want, Encoding::Tcvn3), bytes);
    }
    assert_eq!(decode_as(&[0xAD], Encoding::Tcvn3), "ư");
    assert_eq!(
        convert_legacy_str("Tieáng Vieät", Encoding::Vni),
        "Tiếng Việt"
    );
    assert_eq!(
        encode_as("Tiếng Việt", Encoding::Vni),
        "Tieáng Vieät".chars().map(|c| c as u8).collect::<Vec<_>>()
    );
    assert_eq!(
        convert_legacy_str("TIEÁNG VIEÄT, Ñoàng Thaùp, Möôøng", Encoding::Vni),
        "TIẾNG VIỆT, Đồng Tháp, Mường"
    );
    // Characters outside Latin-1/cp1252 are kept as they are.
    assert_eq!(convert_legacy_str("S¬n → ✓", Encoding::Tcvn3), "Sơn → ✓");
}

#[test]
fn nfd_to_nfc_for_every_letter() {
    // Each row as (plain row, circumflex/breve/horn).
    let rows: [(u8, Option<char>); 12] = [
        (0, None),
        (0, Some('\u{306}')),
        (0, Some('\u{302}')),
        (3, None),
        (3, Some('\u{302}')),
        (5, None),
        (6, None),
        (6, Some('\u{302}')),
        (6, Some('\u{31B}')),
        (9, None),
        (9, Some('\u{31B}')),
        (11, None),
    ];
    for (row, &(plain, modifier)) in (0u8..).zip(rows.iter()) {
        for tone in 0..6u8 {
            for upper in [false, true] {
                let want = compose(Vowel { row, tone, upper });
                let base = compose(Vowel {
                    row: plain,
                    tone: 0,
                    upper,
                });
                let tone_mark = (tone > 0).then(|| TONES[usize::from(tone - 1)]);
                let a: String = [Some(base), modifier, tone_mark]
                    .into_iter()
                    .flatten()
                    .collect();
                let b: String = [Some(base), tone_mark, modifier]
                    .into_iter()
                    .flatten()
                    .collect();
                assert_eq!(nfc(&a), want.to_string(), "{a:?}");
                assert_eq!(nfc(&b), want.to_string(), "{b:?}");
                assert_eq!(nfc(&want.to_string()), want.to_string());
            }
        }
    }
    assert_eq!(nfc("Tie\u{302}\u{301}ng Vie\u{323}\u{302}t"), "Tiếng Việt");
    assert_eq!(nfc("Tie\u{301}\u{302}ng"), "Tiếng");
    assert_eq!(nfc("o\u{31B}\u{323}"), "ợ");
    assert_eq!(nfc("a\u{341} e\u{340} n\u{341}"), "á è n\u{301}");
    // Not Vietnamese: left alone.
    assert_eq!(
        nfc("n\u{303} u\u{308} ê\u{302}"),
        "n\u{303} u\u{308} ê\u{302}"
    );
}

#[test]
fn macos_nfd_file_is_utf8() {
    let nfd = "Xa\u{303} So\u{31B}n Thu\u{309}y, Thi\u{323} tra\u{302}\u{301}n";
    assert_eq!(
        decode(nfd.as_bytes()),
        ("Xã Sơn Thủy, Thị trấn".to_owned(), Encoding::Utf8)
    );
}

#[test]
fn cp1258_tone_bytes_compose() {
    assert_eq!(
        decode_as(b"Vi\xEA\xF2t Nam", Encoding::Windows1258),
        "Việt Nam"
    );
    assert_eq!(
        decode_as(
            b"Ti\xEA\xECng, \xD0a\xCC N\xE3\xDEng",
            Encoding::Windows1258
        ),
        "Tiếng, Đà Nẵng"
    );
    assert_eq!(
        decode_as(b"M\xFD\xF5\xCCng Mi\xCCn", Encoding::Windows1258),
        "Mường Mìn"
    );
    assert_eq!(decode_as(b"\x81", Encoding::Windows1258), "\u{FFFD}");
    assert_eq!(
        encode_as("Mường Thủy", Encoding::Windows1258),
        b"M\xFD\xF5\xCCng Thu\xD2y"
    );
    assert_eq!(
        decode(b"Vi\xEA\xF2t Nam"),
        ("Việt Nam".to_owned(), Encoding::Windows1258)
    );
}

#[test]
fn fold_examples() {
    let k = fold("Sơn Thủy");
    assert_eq!(k, "son thuy");
    assert_eq!(fold("Sơn Thuỷ"), k);
    assert_eq!(fold("SON THUY"), k);
    assert_eq!(fold("  SƠN\u{A0}\tTHỦY "), k);
    assert_eq!(fold("So\u{31B}n Thu\u{309}y"), k);
    assert_eq!(fold("Đường Đắk Lắk"), "duong dak lak");
    assert_eq!(fold("Tổng lượt quét QR"), "tong luot quet qr");
    assert_eq!(fold(""), "");
}

/// Found by fuzzing (`text`, minimised input `C4 B0`): 'İ' lower-cases to
/// "i\u{307}", which fold kept, so fold was not idempotent and "İ" did not
/// match "I".
#[test]
fn fold_drops_marks_added_by_lowercasing() {
    let s = String::from_utf8_lossy(b"\xc4\xb0");
    assert_eq!(fold(&s), "i");
    assert_eq!(fold(&fold(&s)), fold(&s));
    assert_eq!(fold("İSTANBUL"), fold("Istanbul"));
}

#[test]
fn utf16_without_bom() {
    for (enc, bom) in [(Encoding::Utf16Le, 2), (Encoding::Utf16Be, 2)] {
        let bytes = encode_as(SEED, enc);
        assert_eq!(decode(&bytes[bom..]), (SEED.to_owned(), enc));
    }
    assert_eq!(decode_as(&[0x41, 0, 0x42], Encoding::Utf16Le), "A\u{FFFD}");
    assert_eq!(
        decode_as(&[0x00, 0xD8, 0x41, 0], Encoding::Utf16Le),
        "\u{FFFD}A"
    );
}

#[test]
fn broken_utf8_stays_utf8() {
    let mut bytes = SEED.as_bytes().to_vec();
    bytes.truncate(bytes.len() - 30);
    bytes.push(0xE1); // cut inside a multi-byte character
    bytes.extend_from_slice(&SEED.as_bytes()[..40]);
    let (text, enc) = decode(&bytes);
    assert_eq!(enc, Encoding::Utf8);
    assert_eq!(text.matches('\u{FFFD}').count(), 1);
}

#[test]
fn large_file_is_sampled_but_fully_decoded() {
    let big = SEED.repeat(700);
    for enc in LEGACY {
        let bytes = encode_as(&big, enc);
        assert!(bytes.len() > 256 * 1024);
        let (text, got) = decode(&bytes);
        assert_eq!(got, enc);
        assert!(text == big, "{enc:?}");
    }
}

#[test]
fn ascii_and_empty_are_utf8() {
    assert_eq!(decode(b""), (String::new(), Encoding::Utf8));
    assert_eq!(
        decode(b"STT,Ten,So\r\n1,Quan Son,3\r\n"),
        ("STT,Ten,So\r\n1,Quan Son,3\r\n".to_owned(), Encoding::Utf8)
    );
    assert_eq!(
        decode(b"\xEF\xBB\xBFabc"),
        ("abc".to_owned(), Encoding::Utf8Bom)
    );
}

#[test]
fn utf8_holding_legacy_text() {
    for enc in [Encoding::Tcvn3, Encoding::Vni] {
        let shown = as_cp1252(&encode_as(SEED, enc));
        assert_eq!(convert_legacy_str(&shown, enc), SEED);
        for container in [Encoding::Utf8, Encoding::Utf8Bom, Encoding::Utf16Le] {
            let bytes = encode_as(&shown, container);
            assert_eq!(
                decode(&bytes),
                (SEED.to_owned(), enc),
                "{enc:?} in {container:?}"
            );
        }
    }
    // Real UTF-8 with only Latin-1 Vietnamese letters stays UTF-8.
    let t = "Hà Nam, Cà Mau, Bà Rá, Tây Ninh, Cái Bè";
    assert_eq!(decode(t.as_bytes()), (t.to_owned(), Encoding::Utf8));
}

#[test]
fn encoding_ids_and_labels() {
    for enc in Encoding::ALL {
        assert_eq!(Encoding::from_id(enc.id()), Some(enc));
        assert!(!enc.label_vi().is_empty() && !enc.label_en().is_empty());
        assert_eq!(
            enc.is_legacy(),
            matches!(enc, Encoding::Tcvn3 | Encoding::Vni)
        );
    }
    assert_eq!(Encoding::from_id(" CP1258 "), Some(Encoding::Windows1258));
    assert_eq!(Encoding::from_id("latin1"), None);
    assert_eq!(legacy_font(".VnTimeH"), Some((Encoding::Tcvn3, true)));
    assert_eq!(legacy_font(".VnTime"), Some((Encoding::Tcvn3, false)));
    assert_eq!(legacy_font("VNI-Times"), Some((Encoding::Vni, false)));
    assert_eq!(legacy_font("Times New Roman"), None);
}

#[test]
fn unencodable_becomes_question_mark() {
    for enc in LEGACY {
        assert_eq!(encode_as("a✓b", enc), b"a?b", "{enc:?}");
    }
}

#[test]
fn score_prefers_real_vietnamese() {
    let good = vietnamese_score("Tiếng Việt có 29 chữ cái");
    assert!(good > 0);
    assert!(vietnamese_score("TiÕng ViÖt cã 29 ch÷ c¸i") < good);
    assert!(vietnamese_score("Tieáng Vieät coù 29 chöõ caùi") < good);
    assert!(vietnamese_score("a\u{FFFD}b\u{1}") < 0);
}

#[test]
fn never_panics_on_random_bytes() {
    let mut state: u32 = 0x1234_5678;
    let mut next = move || {
        state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        (state >> 24) as u8
    };
    let special = [
        0x00, 0xEF, 0xBB, 0xBF, 0xFF, 0xFE, 0xCC, 0xEC, 0xF2, 0xD2, 0xDE, 0xE1, 0xF9, 0xD9, b'a',
        b'o', b'U', 0xF4, 0xD6, 0xB0, 0xB4, 0xC3, 0xA1, 0x80, 0xE1, 0xBB,
    ];
    for round in 0..3000 {
        let len = usize::from(next()) % 80;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let r = next();
                if r < 128 {
                    special[usize::from(r) % special.len()]
                } else {
                    next()
                }
            })
            .collect();
        let (text, enc) = decode(&bytes);
        assert_eq!(nfc(&text), text, "round {round}: not NFC");
        let _ = enc.id();
        for e in Encoding::ALL {
            let t = decode_as(&bytes, e);
            let _ = encode_as(&t, e);
        }
        let s: String = bytes.iter().map(|&b| char::from(b)).collect();
        for e in LEGACY {
            let _ = convert_legacy_str(&s, e);
        }
        let marks: String = bytes
            .iter()
            .map(|&b| char::from_u32(0x2FF + u32::from(b % 0x48)).unwrap_or('a'))
            .collect();
        let _ = (nfc(&marks), fold(&marks), vietnamese_score(&s));
    }
}
