//! Property tests of ingest and statistics.
//!
//! * Reading never panics, whatever the bytes and the file name.
//! * A generated table, written in every encoding, delimiter and number
//!   style (and as .xlsx), reads back to the same units.
//! * Statistics invariants: totals, changes, classes, ranks, rates.
//! * Every row of a file is accounted for.
//!
//! Case counts are kept modest so `cargo test` stays fast in debug builds.

use proptest::prelude::*;
use proptest::sample::select;
use thongbao_core::date::Date;
use thongbao_core::ingest::{self, Format, Severity};
use thongbao_core::model::{Dataset, Indicator, Period, Unit, Values};
use thongbao_core::office::{write_xlsx, XCell};
use thongbao_core::stats::{
    summarize, Manual, PrevSource, ScanClass, Settings, Summary, Thresholds,
};
use thongbao_core::text::{self, Encoding};

/// `cases` per property; `PROPTEST_CASES=n` in the environment overrides it
/// for a longer hunt.
fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        // No regression files: failures are printed with their minimal input.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

// ------------------------------------------------------------------ names

/// Syllables of place names, with every kind of diacritic (hooks, horns,
/// breves, dots below, đ), lower case; names are title-cased from them.
const SYLLABLES: &[&str] = &[
    "sơn",
    "hà",
    "trung",
    "xuân",
    "thượng",
    "tiến",
    "hạ",
    "tam",
    "thanh",
    "thủy",
    "thuỷ",
    "na",
    "mèo",
    "lư",
    "điện",
    "mường",
    "mìn",
    "bắc",
    "nam",
    "đông",
    "tây",
    "phú",
    "lộc",
    "an",
    "bình",
    "hòa",
    "hoà",
    "yên",
    "khê",
    "ngọc",
    "trạch",
    "đức",
    "vĩnh",
    "quỳnh",
    "nghĩa",
    "ẩn",
    "ứng",
    "ỷ",
    "ea",
    "súp",
    "ia",
    "kỳ",
    "tượng",
    "lạng",
    "giang",
    "ấp",
    "ồ",
    "ương",
    "ửng",
    "quế",
    "võ",
    "ỳ",
    "ngãi",
    "quảng",
    "ễnh",
    "ẵm",
    "ữu",
    "hưng",
    "nguyên",
    "khánh",
    "ộ",
    "ạ",
];

const PREFIXES: &[&str] = &["Xã", "Phường", "Thị trấn", "", "XÃ"];

const DISTRICTS: &[&str] = &[
    "Huyện Quan Sơn",
    "Huyện Mường Lát",
    "Thị xã Nghi Sơn",
    "Quận Ba Đình",
];

fn title_case(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

fn name_strategy() -> impl Strategy<Value = String> {
    (
        select(PREFIXES),
        proptest::collection::vec(select(SYLLABLES), 1..4),
        0..10u8,
    )
        .prop_map(|(prefix, syl, caps)| {
            let words: Vec<String> = syl
                .iter()
                .map(|s| {
                    if caps == 0 {
                        s.to_uppercase()
                    } else {
                        title_case(s)
                    }
                })
                .collect();
            let body = words.join(" ");
            if prefix.is_empty() {
                body
            } else {
                format!("{prefix} {body}")
            }
        })
}

/// Makes names unique under the unit key (folded: "Thủy" = "Thuỷ" = "THỦY")
/// by appending syllables.
fn unique(names: Vec<String>) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    names
        .into_iter()
        .enumerate()
        .map(|(k, mut n)| {
            let mut j = k;
            while !seen.insert(ingest::unit_key(None, &n)) {
                n = format!("{n} {}", title_case(SYLLABLES[j % SYLLABLES.len()]));
                j += 7;
            }
            n
        })
        .collect()
}

// ---------------------------------------------------------- generated tables

#[derive(Clone, Copy, Debug, PartialEq)]
enum Col {
    Serial,
    District,
    Unit,
    Count(Indicator),
}

/// How one column writes its numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Style {
    Plain,
    Dot,
    Comma,
    Space,
}

impl Style {
    fn fmt(self, v: i64) -> String {
        let sep = match self {
            Style::Plain => return v.to_string(),
            Style::Dot => '.',
            Style::Comma => ',',
            Style::Space => ' ',
        };
        let digits = v.to_string();
        let mut out = String::new();
        for (i, ch) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(ch);
        }
        out
    }
}

fn header_variants(c: Col) -> &'static [&'static str] {
    match c {
        Col::Serial => &["STT", "Số TT", "TT"],
        Col::District => &["Huyện", "Quận/huyện", "HUYỆN", "Huyen"],
        Col::Unit => &[
            "Xã/thị trấn",
            "Thị trấn/xã",
            "Tên đơn vị",
            "Đơn vị",
            "Xa/thi tran",
            "Xã, phường, thị trấn",
        ],
        Col::Count(Indicator::Locations) => &[
            "Số địa điểm",
            "Tổng số địa điểm tạo mã QR",
            "Số điểm QR",
            "So dia diem",
        ],
        Col::Count(Indicator::Scans) => &[
            "Lượt quét",
            "Tổng lượt quét QR",
            "Số lượt quét",
            "Luot quet",
        ],
        Col::Count(Indicator::Installs) => {
            &["Số máy cài PC-Covid", "Đã cài đặt", "So may cai PC-Covid"]
        }
        Col::Count(Indicator::Smartphones) => &[
            "Số điện thoại thông minh",
            "Số smartphone",
            "So dien thoai thong minh",
        ],
        Col::Count(Indicator::Population) => &["Dân số"],
    }
}

const TITLES: &[&str] = &[
    "ỦY BAN NHÂN DÂN HUYỆN QUAN SƠN",
    "BẢNG TỔNG HỢP KẾT QUẢ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN",
    "(Kèm theo Công văn số 2092/UBND-VHTT ngày 16/11/2021)",
    "",
    "Quan Sơn, ngày 16 tháng 11 năm 2021",
];

const TOTAL_LABELS: &[&str] = &["Tổng cộng", "TỔNG CỘNG", "Cộng", "Tổng", "Toàn huyện"];

#[derive(Clone, Debug)]
struct GUnit {
    district: Option<String>,
    name: String,
    values: Values,
}

#[derive(Clone, Debug)]
struct Table {
    units: Vec<GUnit>,
    cols: Vec<Col>,
    headers: Vec<String>,
    styles: Vec<Style>,
    titles: Vec<String>,
    /// Label of the total row, if there is one.
    total: Option<String>,
}

enum Out {
    Text(String),
    Num(i64, Style),
}

impl Table {
    /// Title lines (one cell), the header, the units, the total row.
    fn rows(&self) -> Vec<Vec<Out>> {
        let mut rows: Vec<Vec<Out>> = self
            .titles
            .iter()
            .map(|t| vec![Out::Text(t.clone())])
            .collect();
        rows.push(self.headers.iter().map(|h| Out::Text(h.clone())).collect());
        for (k, u) in self.units.iter().enumerate() {
            rows.push(
                self.cols
                    .iter()
                    .zip(&self.styles)
                    .map(|(c, &st)| match c {
                        Col::Serial => Out::Num(k as i64 + 1, Style::Plain),
                        Col::District => Out::Text(u.district.clone().unwrap_or_default()),
                        Col::Unit => Out::Text(u.name.clone()),
                        Col::Count(i) => Out::Num(u.values.get(*i).expect("generated"), st),
                    })
                    .collect(),
            );
        }
        if let Some(label) = &self.total {
            rows.push(
                self.cols
                    .iter()
                    .zip(&self.styles)
                    .map(|(c, &st)| match c {
                        Col::Unit => Out::Text(label.clone()),
                        Col::Count(i) => Out::Num(
                            self.units
                                .iter()
                                .map(|u| u.values.get(*i).unwrap_or(0))
                                .sum(),
                            st,
                        ),
                        _ => Out::Text(String::new()),
                    })
                    .collect(),
            );
        }
        rows
    }

    fn to_text(&self, delim: char, eol: &str, quote_all: bool) -> String {
        let mut s = String::new();
        for row in self.rows() {
            let cells: Vec<String> = row
                .iter()
                .map(|c| {
                    let raw = match c {
                        Out::Text(t) => t.clone(),
                        Out::Num(v, st) => st.fmt(*v),
                    };
                    if quote_all || raw.contains([delim, '"', '\n', '\r']) {
                        format!("\"{}\"", raw.replace('"', "\"\""))
                    } else {
                        raw
                    }
                })
                .collect();
            s.push_str(&cells.join(&delim.to_string()));
            s.push_str(eol);
        }
        s
    }

    /// As a workbook: counts as numbers (`XCell::Int`), except in the
    /// columns flagged in `as_text`, where they are text cells written in
    /// the column's style (as some exports store them).
    fn to_xlsx(&self, as_text: &[bool]) -> Vec<u8> {
        let rows: Vec<Vec<XCell>> = self
            .rows()
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .enumerate()
                    .map(|(k, c)| match c {
                        Out::Text(t) if t.is_empty() => XCell::Empty,
                        Out::Text(t) => XCell::Text(t),
                        Out::Num(v, st) if as_text.get(k) == Some(&true) => XCell::Text(st.fmt(v)),
                        Out::Num(v, _) => XCell::Int(v),
                    })
                    .collect()
            })
            .collect();
        write_xlsx(&[("Sheet1".to_string(), rows)])
    }
}

fn table_strategy() -> impl Strategy<Value = Table> {
    let unit = (
        name_strategy(),
        0..DISTRICTS.len(),
        0..=1_000_000i64,
        0..=1_000_000i64,
        0..=1_000_000i64,
        0..=1000i64,
    );
    (
        proptest::collection::vec(unit, 1..=40),
        any::<bool>(), // district column
        any::<bool>(), // installs + smartphones columns
        any::<bool>(), // serial column
        proptest::collection::vec(select(TITLES), 0..4),
        proptest::option::of(select(TOTAL_LABELS)),
        any::<u64>(), // picks header variants and number styles
    )
        .prop_flat_map(|(units, district, rates, serial, titles, total, seed)| {
            let mut cols = Vec::new();
            if serial {
                cols.push(Col::Serial);
            }
            if district {
                cols.push(Col::District);
            }
            cols.push(Col::Unit);
            cols.push(Col::Count(Indicator::Locations));
            cols.push(Col::Count(Indicator::Scans));
            if rates {
                cols.push(Col::Count(Indicator::Installs));
                cols.push(Col::Count(Indicator::Smartphones));
            }
            let names = unique(units.iter().map(|u| u.0.clone()).collect());
            let units: Vec<GUnit> = units
                .iter()
                .zip(names)
                .map(|(&(_, d, loc, scans, smart, frac), name)| {
                    let mut v = Values::default();
                    v.set(Indicator::Locations, Some(loc));
                    v.set(Indicator::Scans, Some(scans));
                    if rates {
                        v.set(Indicator::Smartphones, Some(smart));
                        v.set(Indicator::Installs, Some(smart * frac / 1000));
                    }
                    GUnit {
                        district: district.then(|| DISTRICTS[d].to_string()),
                        name,
                        values: v,
                    }
                })
                .collect();
            let mut bits = seed;
            let mut pick = |n: usize| {
                let r = (bits % n as u64) as usize;
                bits = (bits / n as u64) ^ bits.rotate_left(17);
                r
            };
            let headers: Vec<String> = cols
                .iter()
                .map(|&c| {
                    let v = header_variants(c);
                    v[pick(v.len())].to_string()
                })
                .collect();
            let styles: Vec<Style> = cols
                .iter()
                .map(|_| [Style::Plain, Style::Dot, Style::Comma, Style::Space][pick(4)])
                .collect();
            let n = cols.len();
            (
                Just(Table {
                    units,
                    cols: Vec::new(),
                    headers: Vec::new(),
                    styles: Vec::new(),
                    titles: titles.iter().map(|t| t.to_string()).collect(),
                    total: total.map(str::to_string),
                }),
                // Columns in any order, header variants and styles kept with them.
                Just((0..n).collect::<Vec<usize>>()).prop_shuffle(),
                Just((cols, headers, styles)),
            )
        })
        .prop_map(|(mut t, order, (cols, headers, styles))| {
            t.cols = order.iter().map(|&i| cols[i]).collect();
            t.headers = order.iter().map(|&i| headers[i].clone()).collect();
            t.styles = order.iter().map(|&i| styles[i]).collect();
            t
        })
}

/// Tone marks as combining characters ("ủ" → "u" + U+0309), as in text
/// saved on macOS: canonically equal to the input, but not NFC.
fn split_tone_marks(s: &str) -> String {
    static MAP: std::sync::OnceLock<std::collections::HashMap<char, String>> =
        std::sync::OnceLock::new();
    let map = MAP.get_or_init(|| {
        let mut m = std::collections::HashMap::new();
        for b in "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY".chars() {
            for t in ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'] {
                let split = format!("{b}{t}");
                let composed = text::nfc(&split);
                let mut cs = composed.chars();
                if let (Some(c), None) = (cs.next(), cs.next()) {
                    m.insert(c, split);
                }
            }
        }
        assert_eq!(m.len(), 120);
        m
    });
    s.chars()
        .map(|c| map.get(&c).cloned().unwrap_or_else(|| c.to_string()))
        .collect()
}

/// The current period's units as (district, name, values).
fn units_of(d: &Dataset) -> Vec<(Option<String>, String, Values)> {
    d.periods
        .iter()
        .flat_map(|p| &p.units)
        .map(|u| (u.district.clone(), u.name.clone(), u.values))
        .collect()
}

fn expected(t: &Table) -> Vec<(Option<String>, String, Values)> {
    t.units
        .iter()
        .map(|u| {
            (
                u.district.as_ref().map(|d| text::nfc(d)),
                text::nfc(&u.name),
                u.values,
            )
        })
        .collect()
}

/// The checks shared by the text and the .xlsx round trips.
fn check_read_back(t: &Table, d: &Dataset) -> Result<(), TestCaseError> {
    prop_assert_eq!(d.periods.len(), 1);
    prop_assert_eq!(units_of(d), expected(t));
    let src = &d.sources[0];
    prop_assert_eq!(&src.issues, &vec![]);
    let a = &src.account;
    prop_assert_eq!(a.units, t.units.len());
    prop_assert_eq!(a.totals, usize::from(t.total.is_some()));
    prop_assert_eq!(a.rejected, 0);
    prop_assert_eq!(a.units + a.totals + a.skipped + a.rejected, a.rows);
    Ok(())
}

// ---------------------------------------------------------- fuzz fragments

const FRAGMENTS: &[&[u8]] = &[
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

fn fragment_soup() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(select(FRAGMENTS), 0..120).prop_map(|f| f.concat())
}

/// Cells for tables of junk under a real header.
const CELLS: &[&str] = &[
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
fn structured_soup() -> impl Strategy<Value = Vec<u8>> {
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

const NAMES: &[&str] = &[
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

// -------------------------------------------------------------- statistics

fn count() -> impl Strategy<Value = i64> {
    prop_oneof![0..10i64, 0..100_000i64, 0..=1_000_000_000_000i64]
}

/// A unit's values: each indicator present or not; installs ≤ smartphones.
fn values() -> impl Strategy<Value = Values> {
    (
        proptest::option::weighted(0.9, count()),
        proptest::option::weighted(0.85, count()),
        proptest::option::weighted(0.5, (count(), 0..=1000i64)),
    )
        .prop_map(|(loc, scans, phones)| {
            let mut v = Values::default();
            v.set(Indicator::Locations, loc);
            v.set(Indicator::Scans, scans);
            if let Some((s, f)) = phones {
                v.set(Indicator::Smartphones, Some(s));
                v.set(
                    Indicator::Installs,
                    Some((i128::from(s) * i128::from(f) / 1000) as i64),
                );
            }
            v
        })
}

fn settings() -> impl Strategy<Value = Settings> {
    (0..=3u8, 0..=200u32, 0..=200u32, 0..=150u32).prop_map(
        |(decimals, high_pct, low_pct, low_install_pct)| Settings {
            decimals,
            thresholds: Thresholds {
                high_pct,
                low_pct,
                low_install_pct,
            },
        },
    )
}

fn dataset(units: &[Values]) -> Dataset {
    Dataset {
        sources: Vec::new(),
        periods: vec![Period {
            date: None,
            units: units
                .iter()
                .enumerate()
                .map(|(k, v)| Unit {
                    line: k + 2,
                    source: 0,
                    district: None,
                    name: format!("Xã {k}"),
                    values: *v,
                    extra: Vec::new(),
                })
                .collect(),
            totals: None,
        }],
        extra_columns: Vec::new(),
    }
}

fn check_summary(s: &Summary, units: &[Values]) -> Result<(), TestCaseError> {
    let n = units.len();
    prop_assert_eq!(s.unit_count, n);
    for i in Indicator::ALL {
        let vals: Vec<i64> = units.iter().filter_map(|u| u.get(i)).collect();
        let want = (!vals.is_empty()).then(|| vals.iter().sum::<i64>());
        prop_assert_eq!(s.total(i), want, "{:?}", i);
    }
    let th = s.thresholds;
    let t = s.total(Indicator::Scans);
    for (k, u) in s.units.iter().enumerate() {
        let scans = u.get(Indicator::Scans);
        // Ranks: 1..=n, one more than the units with more scans.
        match scans {
            Some(x) => {
                let r = u.rank.expect("a unit with scans has a rank");
                prop_assert!((1..=n).contains(&r));
                prop_assert_eq!(
                    r,
                    1 + s
                        .units
                        .iter()
                        .filter(|o| o.get(Indicator::Scans).is_some_and(|y| y > x))
                        .count()
                );
            }
            None => prop_assert_eq!(u.rank, None),
        }
        // Classes, from the integers.
        let in_high = s.high.contains(&k);
        let in_low = s.low.contains(&k);
        prop_assert!(!(in_high && in_low));
        match (scans, t) {
            (Some(x), Some(t)) => {
                let lhs = i128::from(x) * 100 * n as i128;
                let high = t > 0 && lhs >= i128::from(th.high_pct) * i128::from(t);
                // Nobody scanned at all: every unit is a low scanner.
                let low = !high && (t == 0 || lhs < i128::from(th.low_pct) * i128::from(t));
                prop_assert_eq!(in_high, high, "unit {} high", k);
                prop_assert_eq!(in_low, low, "unit {} low", k);
                if in_high {
                    prop_assert!(lhs >= i128::from(th.high_pct) * i128::from(t));
                }
                if in_low && t > 0 {
                    prop_assert!(lhs < i128::from(th.low_pct) * i128::from(t));
                }
                let class = if high {
                    ScanClass::High
                } else if low {
                    ScanClass::Low
                } else {
                    ScanClass::Middle
                };
                prop_assert_eq!(u.class, class);
            }
            _ => {
                prop_assert!(!in_high && !in_low);
                prop_assert_eq!(u.class, ScanClass::Unknown);
            }
        }
        // Rates within 0..=100 % when installs ≤ smartphones.
        let full = 100 * 10i64.pow(u32::from(s.decimals));
        if let (Some(i), Some(p)) = (u.get(Indicator::Installs), u.get(Indicator::Smartphones)) {
            prop_assert!(i <= p);
            match u.rate {
                Some(r) => prop_assert!((0..=full).contains(&r), "rate {}", r),
                None => prop_assert_eq!(p, 0),
            }
        }
        if let Some(sh) = u.share_scans {
            prop_assert!((0..=full).contains(&sh), "share {}", sh);
        }
    }
    if let Some(r) = s.rate {
        prop_assert!((0..=100 * 10i64.pow(u32::from(s.decimals))).contains(&r));
    }
    // High: scans descending, ties in file order; low: ascending, ties in file order.
    let key = |i: usize| s.units[i].get(Indicator::Scans);
    for w in s.high.windows(2) {
        prop_assert!(
            key(w[0]) > key(w[1]) || (key(w[0]) == key(w[1]) && w[0] < w[1]),
            "high order {:?}",
            s.high
        );
    }
    for w in s.low.windows(2) {
        prop_assert!(
            key(w[0]) < key(w[1]) || (key(w[0]) == key(w[1]) && w[0] < w[1]),
            "low order {:?}",
            s.low
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn statistics_invariants(units in proptest::collection::vec(values(), 1..=40), settings in settings()) {
        let d = dataset(&units);
        let s = summarize(&d, &Manual::default(), &settings);
        prop_assert_eq!(s.decimals, settings.decimals.min(2));
        check_summary(&s, &units)?;
    }

    /// Equal scans everywhere (ties), zero totals and a single unit.
    #[test]
    fn statistics_invariants_with_ties(n in 1..=40usize, scans in prop_oneof![Just(0i64), 0..5i64], settings in settings()) {
        let mut v = Values::default();
        v.set(Indicator::Scans, Some(scans));
        let units = vec![v; n];
        let s = summarize(&dataset(&units), &Manual::default(), &settings);
        check_summary(&s, &units)?;
        prop_assert!(s.units.iter().all(|u| u.rank == Some(1)));
    }
}

proptest! {
    #![proptest_config(config(16))]

    /// Above 512 units the ranks are computed by sorting.
    #[test]
    fn statistics_invariants_many_units(scans in proptest::collection::vec(proptest::option::weighted(0.9, 0..50i64), 500..=700)) {
        let units: Vec<Values> = scans
            .iter()
            .map(|&x| {
                let mut v = Values::default();
                v.set(Indicator::Scans, x);
                v
            })
            .collect();
        let s = summarize(&dataset(&units), &Manual::default(), &Settings::default());
        check_summary(&s, &units)?;
    }
}

/// One unit in a two-period long file: its values in each period, if reported.
type TwoPeriods = (Option<(i64, i64)>, Option<(i64, i64)>);

proptest! {
    #![proptest_config(config(128))]

    /// A long file with a "Ngày" column: the change of each total is the sum
    /// of the units' changes, plus units new now, minus units gone.
    #[test]
    fn two_periods_change_adds_up(
        names in proptest::collection::vec(name_strategy(), 1..=30),
        figures in proptest::collection::vec(
            (proptest::option::weighted(0.85, (0..=1_000_000i64, 0..=1_000_000i64)),
             proptest::option::weighted(0.85, (0..=1_000_000i64, 0..=1_000_000i64))),
            30),
        shuffle in any::<bool>(),
        settings in settings(),
    ) {
        let names = unique(names);
        let mut rows: Vec<(u8, String, i64, i64)> = Vec::new();
        let periods: Vec<TwoPeriods> = figures.into_iter().take(names.len()).collect();
        for (name, (p1, p2)) in names.iter().zip(&periods) {
            if let Some((l, s)) = p1 {
                rows.push((1, name.clone(), *l, *s));
            }
            if let Some((l, s)) = p2 {
                rows.push((2, name.clone(), *l, *s));
            }
        }
        prop_assume!(rows.iter().any(|r| r.0 == 1) && rows.iter().any(|r| r.0 == 2));
        if !shuffle {
            rows.sort_by_key(|r| r.0);
        }
        let mut csv = String::from("Ngày;Xã/thị trấn;Số địa điểm;Lượt quét\n");
        for (p, name, l, s) in &rows {
            let date = if *p == 1 { "05/11/2021" } else { "12/11/2021" };
            csv.push_str(&format!("{date};{name};{l};{s}\n"));
        }
        let d = ingest::read(csv.as_bytes(), "dai.csv").map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(&d.sources[0].issues, &vec![]);
        prop_assert_eq!(d.periods.len(), 2);
        prop_assert_eq!(d.periods[0].date, Date::new(2021, 11, 5));
        let s = summarize(&d, &Manual::default(), &settings);
        prop_assert_eq!(s.prev_source, PrevSource::Data);
        let cur: Vec<Values> = d.periods[1].units.iter().map(|u| u.values).collect();
        check_summary(&s, &cur)?;
        for (k, i) in [Indicator::Locations, Indicator::Scans].into_iter().enumerate() {
            let mut sum_delta = 0i64;
            for ((p1, p2), u) in periods.iter().zip(&names) {
                let pick = |p: &Option<(i64, i64)>| p.map(|(l, s)| if k == 0 { l } else { s });
                let (a, b) = (pick(p1), pick(p2));
                if let Some(b) = b {
                    let us = s.units.iter().find(|x| &x.name == u).expect("current unit");
                    prop_assert_eq!(us.was_reported, a.is_some());
                    prop_assert_eq!(us.delta.get(i), a.map(|a| b - a));
                    if a.is_some() {
                        prop_assert!(us.prev_rank.is_some_and(|r| r >= 1 && r <= d.periods[0].units.len()));
                    }
                }
                sum_delta += b.unwrap_or(0) - a.unwrap_or(0);
            }
            prop_assert_eq!(s.delta.get(i), Some(sum_delta), "{:?}", i);
            let units_delta: i64 = s.units.iter().filter_map(|u| u.delta.get(i)).sum();
            if periods.iter().all(|(a, b)| a.is_some() == b.is_some()) {
                prop_assert_eq!(s.delta.get(i), Some(units_delta));
            }
        }
        prop_assert_eq!(s.missing.len(), periods.iter().filter(|(a, b)| a.is_some() && b.is_none()).count());
    }
}

// ------------------------------------------------------------- accounting

/// Rows a clerk's file may hold below the header, good and bad.
fn junk_row() -> impl Strategy<Value = Vec<String>> {
    let s = |v: &[&str]| v.iter().map(|x| x.to_string()).collect::<Vec<String>>();
    prop_oneof![
        (name_strategy(), 0..100_000i64, 0..100_000i64).prop_map(|(n, a, b)| vec![
            String::new(),
            n,
            a.to_string(),
            b.to_string()
        ]),
        Just(s(&["", "Xã Sơn Hà", "10", "20"])), // duplicates when repeated
        Just(s(&["", "", "", ""])),
        Just(s(&[""])),
        Just(s(&["Người lập biểu"])),
        Just(s(&["", "Ghi chú: số liệu tạm tính", "", ""])),
        Just(s(&["", "Xã A", "abc", "5"])),
        Just(s(&["", "Xã B", "-5", "5"])),
        Just(s(&["", "Xã C", "1,5", "4.336,7"])),
        Just(s(&["", "Xã D", "99999999999999999999", "1"])),
        Just(s(&["", "Xã E"])),
        Just(s(&["", "", "7", "8"])),
        Just(s(&["", "Tổng cộng", "1", "2"])),
        Just(s(&["Cộng", "", "", ""])),
        Just(s(&["STT", "Xã/thị trấn", "Số địa điểm", "Lượt quét"])),
        Just(s(&["1", "Xã F", "1.234", "5 678", "extra", "cells"])),
        proptest::collection::vec(
            select(
                &[
                    "",
                    "x",
                    "1",
                    "-",
                    "0",
                    "\"",
                    "Tổng",
                    "12/11/2021",
                    "Xã G",
                    "4,336"
                ][..]
            )
            .prop_map(str::to_string),
            0..7
        ),
    ]
}

proptest! {
    #![proptest_config(config(192))]

    #[test]
    fn every_row_is_accounted_for(
        titles in proptest::collection::vec(select(TITLES), 0..3),
        body in proptest::collection::vec(junk_row(), 0..40),
        delim in select(&[',', ';'][..]),
    ) {
        let mut rows: Vec<Vec<String>> = titles.iter().map(|t| vec![t.to_string()]).collect();
        rows.push(["STT", "Xã/thị trấn", "Số địa điểm", "Lượt quét"].map(String::from).to_vec());
        rows.extend(body);
        let mut text = String::new();
        for r in &rows {
            let cells: Vec<String> = r
                .iter()
                .map(|c| if c.contains([delim, '"']) { format!("\"{}\"", c.replace('"', "\"\"")) } else { c.clone() })
                .collect();
            text.push_str(&cells.join(&delim.to_string()));
            text.push_str("\r\n");
        }
        match ingest::read(text.as_bytes(), "bang.csv") {
            Ok(d) => {
                let src = &d.sources[0];
                let a = &src.account;
                prop_assert_eq!(a.units + a.totals + a.skipped + a.rejected, a.rows, "{:?}\n{}", a, text);
                let Format::Text { delimiter } = src.format else { panic!("text") };
                let records = thongbao_core::csv::Records::new(&text, delimiter).count();
                prop_assert_eq!(a.rows, records, "{}", text);
                prop_assert_eq!(a.units, d.periods.iter().map(|p| p.units.len()).sum::<usize>());
                let errors = src.issues.iter().filter(|i| i.severity == Severity::Error).count();
                prop_assert!(a.rejected <= errors);
                prop_assert_eq!(a.issues, src.issues.len());
            }
            Err(ingest::IngestError::NoUnits { .. }) | Err(ingest::IngestError::Empty { .. }) => {}
            Err(e) => return Err(TestCaseError::fail(format!("{e:?}\n{text}"))),
        }
    }
}

// ----------------------------------------------------------------- exports

/// Names a spreadsheet could take for formulas, and ordinary ones.
fn risky_name() -> impl Strategy<Value = String> {
    (
        select(&["", "=", "+", "-", "@", "\t", "\r", "'", " ="][..]),
        name_strategy(),
        select(&["", "()", "(A1)", "+1", ",x", "\"q\"", ";"][..]),
    )
        .prop_map(|(a, b, c)| format!("{a}{b}{c}"))
}

fn named_dataset(names: &[String], values: &[Values], districts: &[Option<usize>]) -> Dataset {
    let mut d = dataset(values);
    for (k, u) in d.periods[0].units.iter_mut().enumerate() {
        u.name = names[k].clone();
        u.district = districts[k].map(|i| DISTRICTS[i].to_string());
    }
    d
}

proptest! {
    #![proptest_config(config(64))]

    /// The exported table (CSV and .xlsx) reads back to the same units and
    /// figures, whatever the language and the decimals.
    #[test]
    fn exported_tables_read_back(
        names in proptest::collection::vec(name_strategy(), 1..=40),
        values in proptest::collection::vec(values(), 40),
        districts in proptest::collection::vec(proptest::option::weighted(0.5, 0..DISTRICTS.len()), 40),
        with_district in any::<bool>(),
        settings in settings(),
        en in any::<bool>(),
    ) {
        use thongbao_core::export::table::{table, to_csv, to_xlsx};
        let names = unique(names);
        let n = names.len();
        let districts: Vec<Option<usize>> = districts.into_iter().take(n).map(|d| d.filter(|_| with_district)).collect();
        // A unit without any figure is not data; keep one figure at least.
        let values: Vec<Values> = values
            .into_iter()
            .take(n)
            .map(|mut v| {
                if v.0.iter().all(Option::is_none) {
                    v.set(Indicator::Scans, Some(0));
                }
                v
            })
            .collect();
        let d = named_dataset(&names, &values, &districts);
        let s = summarize(&d, &Manual::default(), &settings);
        let lang = if en { thongbao_core::Lang::En } else { thongbao_core::Lang::Vi };
        let rows = table(&s, lang);
        prop_assert_eq!(rows.len(), n + 2);
        prop_assert!(rows.iter().all(|r| r.len() == rows[0].len()));
        let want: Vec<(Option<String>, String, Values)> = d.periods[0]
            .units
            .iter()
            .map(|u| (u.district.clone(), u.name.clone(), u.values))
            .collect();
        for (bytes, file) in [(to_csv(&rows), "bang.csv"), (to_xlsx(&rows), "bang.xlsx")] {
            let back = ingest::read(&bytes, file).map_err(|e| TestCaseError::fail(format!("{file}: {e:?}")))?;
            prop_assert_eq!(units_of(&back), want.clone(), "{}", file);
            let src = &back.sources[0];
            prop_assert_eq!(src.account.totals, 1);
            // No row issue: the typed totals and rates agree with the units.
            prop_assert!(src.issues.is_empty(), "{}: {:?}", file, src.issues);
        }
    }

    /// No exported text cell can start a formula.
    #[test]
    fn exports_never_hold_a_live_formula(names in proptest::collection::vec(risky_name(), 1..=12)) {
        use thongbao_core::export::table::{table, to_csv, to_xlsx, TableCell};
        use thongbao_core::office::{read_xlsx, CellValue, Limits};
        let n = names.len();
        let values: Vec<Values> = (0..n as i64)
            .map(|k| {
                let mut v = Values::default();
                v.set(Indicator::Scans, Some(k * 7));
                v
            })
            .collect();
        let d = named_dataset(&names, &values, &vec![None; n]);
        let rows = table(&summarize(&d, &Manual::default(), &Settings::default()), thongbao_core::Lang::Vi);
        let risky = |t: &str| t.starts_with(['=', '+', '-', '@', '\t', '\r']);
        let csv = String::from_utf8(to_csv(&rows)).expect("UTF-8");
        let records: Vec<Vec<String>> = thongbao_core::csv::Records::new(&csv[3..], ',').map(|r| r.cells.into_iter().map(|c| c.into_owned()).collect()).collect();
        prop_assert_eq!(records.len(), rows.len());
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                if let TableCell::Text(t) = cell {
                    let out = &records[r][c];
                    prop_assert!(!risky(out), "csv cell {:?}", out);
                    prop_assert!(out == t || *out == format!("'{t}"), "csv cell {:?} for {:?}", out, t);
                }
            }
        }
        let wb = read_xlsx(&to_xlsx(&rows), &Limits::default()).expect("own workbook");
        for row in &wb.sheets[0].rows {
            for cell in &row.cells {
                if let CellValue::Text(t) = &cell.value {
                    prop_assert!(!risky(t), "xlsx cell {:?}", t);
                }
            }
        }
    }
}

proptest! {
    #![proptest_config(config(2000))]

    /// The size-saving decimal reader agrees with std: exactly for up to 15
    /// significant digits and small exponents; otherwise within 2 ulps up to
    /// 10^±22 and a relative 10⁻¹⁴ beyond (no spreadsheet count or rate
    /// comes near).
    #[test]
    fn decimal_reader_agrees_with_std(
        neg in any::<bool>(),
        int in "[0-9]{1,20}",
        frac in proptest::option::of("[0-9]{0,20}"),
        exp in proptest::option::of(-330i32..330),
    ) {
        let mut s = String::new();
        if neg { s.push('-'); }
        s.push_str(&int);
        if let Some(f) = &frac { s.push('.'); s.push_str(f); }
        if let Some(e) = exp { s.push_str(&format!("e{e}")); }
        let want: f64 = s.parse().unwrap();
        let got = thongbao_core::decimal::parse_f64(&s).unwrap();
        let sig = format!("{int}{}", frac.clone().unwrap_or_default());
        let sig = sig.trim_start_matches('0').trim_end_matches('0').len();
        let frac_len = frac.as_ref().map_or(0, |f| f.len()) as i32;
        let small = sig <= 15 && (exp.unwrap_or(0) - frac_len).abs() <= 22 && int.trim_start_matches('0').len() + frac_len as usize <= 15;
        if small {
            prop_assert_eq!(got.to_bits(), want.to_bits(), "{}", s);
        } else if want.is_finite() && want != 0.0 && want.abs() > f64::MIN_POSITIVE {
            let ulps = (want.to_bits() as i64 - got.to_bits() as i64).abs();
            let near = (1e-22..1e22).contains(&want.abs());
            prop_assert!(
                if near { ulps <= 2 } else { ((got - want) / want).abs() < 1e-14 },
                "{}: {} vs {} ({} ulps)", s, got, want, ulps
            );
        }
    }
}
