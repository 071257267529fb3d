//! Reading never panics, whatever the bytes and the file name; generated
//! tables read back to the same units.

use super::*;

// ---------------------------------------------------------- fuzz fragments

pub(crate) const FRAGMENTS: &[&[u8]] = &[
    b"\"",
    b"\"\"",
    b",",
    b";",
    b"\t",
    b"|",
    b"\r",
    b"\n",
    b"\r\n",
    b" ",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xFE\xFF",
    b"\0",
    b"\xC3",
    b"\xE2\x80",
    b"\xB0\xB3",
    "Tổng cộng".as_bytes(),
    b"Tong cong",
    "Xã/thị trấn".as_bytes(),
    "Số địa điểm".as_bytes(),
    "Lượt quét".as_bytes(),
    "Huyện".as_bytes(),
    "Ngày".as_bytes(),
    b"STT",
    "Tỷ lệ (%)".as_bytes(),
    "Xã Sơn Hà".as_bytes(),
    b"4.336",
    b"4,336",
    b"1.234,5",
    b"1,234.5",
    b"4 336",
    b"-5",
    b"(7)",
    b"1e9",
    b"30,0%",
    b"0,3",
    b"99999999999999999999",
    b"12/11/2021",
    b"2021-11-12",
    b"31/02/2021",
    b"0",
    b"%",
    b"PK\x03\x04",
    b"PK\x05\x06",
    b"\xD0\xCF\x11\xE0",
    b"<table><tr><td>",
    b"</td><td>",
    b"=SUM(A1)",
];

pub(crate) fn fragment_soup() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(select(FRAGMENTS), 0..120).prop_map(|f| f.concat())
}

/// Cells for tables of junk under a real header.
pub(crate) const CELLS: &[&str] = &[
    "",
    "\"",
    "\"\"",
    "\"a,b\"",
    "a\"b",
    "\r",
    "\n",
    "\r\n",
    " ",
    "\u{FEFF}",
    "\u{FFFD}",
    "\0",
    "Tổng cộng",
    "TỔNG",
    "Cộng:",
    "Xã Sơn Hà",
    "Xã sơn hà",
    "XÃ SƠN HÀ",
    "Huyện Quan Sơn",
    "Ngày",
    "4.336",
    "4,336",
    "1.234,5",
    "1,234.5",
    "4 336",
    "-5",
    "(7)",
    "+3",
    "1e9",
    "30,0%",
    "0,3",
    "-",
    "99999999999999999999",
    "1000000000001",
    "12/11/2021",
    "2021-11-12",
    "31/02/2021",
    "0",
    "%",
    "Xã/thị trấn",
    "Số địa điểm",
    "Lượt quét",
    "Số máy cài PC-Covid",
    "Số điện thoại thông minh",
    "Tỷ lệ (%)",
    "STT",
    "=SUM(A1)",
    "Người lập biểu",
    "µ×¶",
    "Ã¡",
    "\u{301}",
];

/// A real header (with a random set of columns) and rows of junk cells,
/// with any delimiter, in any encoding.
pub(crate) fn structured_soup() -> impl Strategy<Value = Vec<u8>> {
    let header = proptest::sample::subsequence(
        vec![
            "STT",
            "Huyện",
            "Ngày",
            "Số địa điểm",
            "Lượt quét",
            "Đã cài PC-Covid",
            "Số smartphone",
            "Tỷ lệ cài đặt (%)",
            "Ghi chú",
        ],
        0..=9,
    );
    (
        proptest::collection::vec(select(TITLES), 0..3),
        header,
        0..10usize,
        proptest::collection::vec(proptest::collection::vec(select(CELLS), 0..9), 0..40),
        select(&[',', ';', '\t', '|'][..]),
        select(&Encoding::ALL[..]),
    )
        .prop_map(|(titles, mut header, at, rows, delim, enc)| {
            header.insert(at.min(header.len()), "Xã/thị trấn");
            let d = delim.to_string();
            let mut s = String::new();
            for t in titles {
                s.push_str(t);
                s.push('\n');
            }
            s.push_str(&header.join(&d));
            s.push_str("\r\n");
            for r in rows {
                s.push_str(&r.join(&d));
                s.push_str("\r\n");
            }
            text::encode_as(&s, enc)
        })
}

pub(crate) const NAMES: &[&str] = &[
    "a.csv",
    "a.xlsx",
    "a.ods",
    "a.txt",
    "a",
    "a.html",
    "a.xls",
    "a.tsv",
    "bao-cao 12/11/2021.csv",
];

// ------------------------------------------------------------------ props

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn any_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600), name in select(NAMES)) {
        let _ = ingest::read(&bytes, name);
    }

    #[test]
    fn fragment_soup_never_panics(bytes in fragment_soup(), name in select(NAMES)) {
        let _ = ingest::read(&bytes, name);
    }

    /// Junk under a real header: never a panic, and when it reads, every
    /// row is accounted for.
    #[test]
    fn junk_under_a_header_never_panics(bytes in structured_soup(), name in select(&["a.csv", "a.txt", "a"][..])) {
        if let Ok(d) = ingest::read(&bytes, name) {
            let a = &d.sources[0].account;
            prop_assert_eq!(a.units + a.totals + a.skipped + a.rejected, a.rows, "{:?}", a);
            prop_assert_eq!(a.units, d.periods.iter().map(|p| p.units.len()).sum::<usize>());
        }
    }
}

proptest! {
    #![proptest_config(config(96))]

    /// A valid workbook, damaged: flipped bytes, truncated.
    #[test]
    fn damaged_workbooks_never_panic(
        t in table_strategy(),
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 0..6),
        cut in any::<prop::sample::Index>(),
        truncate in any::<bool>(),
        name in select(&["a.xlsx", "a.ods", "a.csv"][..]),
    ) {
        let mut bytes = t.to_xlsx(&[]);
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] ^= b;
        }
        if truncate {
            bytes.truncate(cut.index(bytes.len()));
        }
        let _ = ingest::read(&bytes, name);
    }

    /// Every encoding × delimiter × number style, titles above, a total below.
    #[test]
    fn text_tables_read_back(
        t in table_strategy(),
        enc in select(&Encoding::ALL[..]),
        delim in select(&[',', ';', '\t', '|'][..]),
        eol in select(&["\r\n", "\n"][..]),
        quote_all in proptest::bool::weighted(0.2),
        split_tones in proptest::bool::weighted(0.2),
    ) {
        let text = t.to_text(delim, eol, quote_all);
        // macOS writes decomposed text: tone marks as combining characters.
        let text = if split_tones { split_tone_marks(&text) } else { text };
        let bytes = text::encode_as(&text, enc);
        let d = ingest::read(&bytes, "bang.csv");
        let d = match d {
            Ok(d) => d,
            Err(e) => return Err(TestCaseError::fail(format!("{e:?}\n{text}"))),
        };
        let src = &d.sources[0];
        prop_assert_eq!(&src.format, &Format::Text { delimiter: delim }, "{}", text);
        let got = src.encoding.expect("text has an encoding");
        let ascii_ok = text.is_ascii()
            && matches!(enc, Encoding::Utf8 | Encoding::Windows1258 | Encoding::Tcvn3 | Encoding::Vni)
            && got == Encoding::Utf8;
        prop_assert!(got == enc || ascii_ok, "encoding {:?} read as {:?}\n{}", enc, got, text);
        check_read_back(&t, &d)?;
    }

    #[test]
    fn xlsx_tables_read_back(t in table_strategy(), as_text in proptest::collection::vec(proptest::bool::weighted(0.2), 8)) {
        let d = ingest::read(&t.to_xlsx(&as_text), "bang.xlsx").map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(&d.sources[0].format, &Format::Xlsx);
        check_read_back(&t, &d)?;
    }
}
