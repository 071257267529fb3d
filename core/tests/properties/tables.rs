//! Generated names and tables, written in every encoding, delimiter and
//! number style (and as .xlsx), and how they must read back.

use super::*;

// ------------------------------------------------------------------ names

/// Syllables of place names, with every kind of diacritic (hooks, horns,
/// breves, dots below, đ), lower case; names are title-cased from them.
pub(crate) const SYLLABLES: &[&str] = &[
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

pub(crate) const PREFIXES: &[&str] = &["Xã", "Phường", "Thị trấn", "", "XÃ"];

pub(crate) const DISTRICTS: &[&str] = &[
    "Huyện Quan Sơn",
    "Huyện Mường Lát",
    "Thị xã Nghi Sơn",
    "Quận Ba Đình",
];

pub(crate) fn title_case(w: &str) -> String {
    let mut c = w.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

pub(crate) fn name_strategy() -> impl Strategy<Value = String> {
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
pub(crate) fn unique(names: Vec<String>) -> Vec<String> {
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
pub(crate) enum Col {
    Serial,
    District,
    Unit,
    Count(Indicator),
}

/// How one column writes its numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Style {
    Plain,
    Dot,
    Comma,
    Space,
}

impl Style {
    pub(crate) fn fmt(self, v: i64) -> String {
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

pub(crate) fn header_variants(c: Col) -> &'static [&'static str] {
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

pub(crate) const TITLES: &[&str] = &[
    "ỦY BAN NHÂN DÂN HUYỆN QUAN SƠN",
    "BẢNG TỔNG HỢP KẾT QUẢ ỨNG DỤNG CÔNG NGHỆ THÔNG TIN",
    "(Kèm theo Công văn số 2092/UBND-VHTT ngày 16/11/2021)",
    "",
    "Quan Sơn, ngày 16 tháng 11 năm 2021",
];

pub(crate) const TOTAL_LABELS: &[&str] = &["Tổng cộng", "TỔNG CỘNG", "Cộng", "Tổng", "Toàn huyện"];

#[derive(Clone, Debug)]
pub(crate) struct GUnit {
    pub(crate) district: Option<String>,
    pub(crate) name: String,
    pub(crate) values: Values,
}

#[derive(Clone, Debug)]
pub(crate) struct Table {
    pub(crate) units: Vec<GUnit>,
    pub(crate) cols: Vec<Col>,
    pub(crate) headers: Vec<String>,
    pub(crate) styles: Vec<Style>,
    pub(crate) titles: Vec<String>,
    /// Label of the total row, if there is one.
    pub(crate) total: Option<String>,
}

pub(crate) enum Out {
    Text(String),
    Num(i64, Style),
}

impl Table {
    /// Title lines (one cell), the header, the units, the total row.
    pub(crate) fn rows(&self) -> Vec<Vec<Out>> {
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

    pub(crate) fn to_text(&self, delim: char, eol: &str, quote_all: bool) -> String {
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
    pub(crate) fn to_xlsx(&self, as_text: &[bool]) -> Vec<u8> {
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

pub(crate) fn table_strategy() -> impl Strategy<Value = Table> {
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
pub(crate) fn split_tone_marks(s: &str) -> String {
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
pub(crate) fn units_of(d: &Dataset) -> Vec<(Option<String>, String, Values)> {
    d.periods
        .iter()
        .flat_map(|p| &p.units)
        .map(|u| (u.district.clone(), u.name.clone(), u.values))
        .collect()
}

pub(crate) fn expected(t: &Table) -> Vec<(Option<String>, String, Values)> {
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
pub(crate) fn check_read_back(t: &Table, d: &Dataset) -> Result<(), TestCaseError> {
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
