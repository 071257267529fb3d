//! Tests of reading whole files (found by property tests and fuzzing).

use super::*;
use crate::model::{Indicator, Values};

/// Found by tests/properties.rs: a rate typed with fewer decimals than
/// one ("33%" for 1/3, as a table exported with 0 decimals has it) was
/// compared at one decimal and flagged as 33,0% ≠ 33,3%.
#[test]
fn rates_are_checked_at_their_own_decimals() {
    let t = "Xã;Đã cài PC-Covid;Số smartphone;Tỷ lệ (%)\n\
             Xã A;1;3;33\nXã B;1;3;33%\nXã C;1;3;33,3\n\
             Xã E;1;3;34\nXã F;1;3;33,6\nXã G;1;8;12,5\nXã H;1;16;6,3\nXã I;1;16;6,2\n";
    let flagged = |t: &str| -> Vec<usize> {
        read(t.as_bytes(), "r.csv").unwrap().sources[0]
            .issues
            .iter()
            .filter(|i| matches!(i.kind, IssueKind::RateMismatch { .. }))
            .map(|i| i.line)
            .collect()
    };
    // 34 and 33,6 are wrong for 33,33…%; 6,2 is 6,25 rounded half-even.
    assert_eq!(flagged(t), [5, 6]);
    // Fractions: "0,33" is 33% to 0 decimals.
    let t =
        "Xã;Đã cài PC-Covid;Số smartphone;Tỷ lệ\nXã A;1;3;0,33\nXã B;1;3;0,34\nXã C;1;3;0,333\n";
    assert_eq!(flagged(t), [3]);
    // Found by tests/properties.rs: under a "(%)" header, small rates
    // are percentages, not fractions ("1" was read as 100%).
    let t = "Xã;Đã cài PC-Covid;Số smartphone;Tỷ lệ cài đặt (%)\nXã A;1;160;0,6\nXã B;1;100;1\nXã C;1;3;0,33\n";
    assert_eq!(flagged(t), [4]);
    // Number cells of a workbook: 0.33 is 33% to 0 decimals too.
    use crate::office::{write_xlsx, XCell};
    let h = |s: &str| XCell::Text(s.to_string());
    let mut rows = vec![vec![
        h("Xã"),
        h("Đã cài PC-Covid"),
        h("Số smartphone"),
        h("Tỷ lệ"),
    ]];
    for (k, r) in [0.33, 0.34, 0.333, 1.0 / 3.0, 0.3].into_iter().enumerate() {
        rows.push(vec![
            h(&format!("Xã {k}")),
            XCell::Int(1),
            XCell::Int(3),
            XCell::Percent(r),
        ]);
    }
    let d = read(&write_xlsx(&[("S".into(), rows)]), "r.xlsx").unwrap();
    let lines: Vec<usize> = d.sources[0].issues.iter().map(|i| i.line).collect();
    assert_eq!(lines, [3, 6]);
}

/// Found by tests/properties.rs: a workbook row whose last count
/// cells are blank is stored short (dense only up to its last non-empty
/// cell); it was rejected as "the row has 3 cells, at least 4 are needed".
#[test]
fn sheet_rows_with_blank_trailing_cells_are_units() {
    use crate::office::{write_xlsx, XCell};
    let t = |s: &str| XCell::Text(s.to_string());
    let rows = vec![
        vec![t("STT"), t("Xã"), t("Số địa điểm"), t("Lượt quét")],
        vec![XCell::Int(1), t("Xã A"), XCell::Int(7), XCell::Int(70)],
        vec![XCell::Int(2), t("Xã B"), XCell::Int(8)],
        vec![XCell::Int(3), t("Xã C")],
        vec![XCell::Empty, t("Tổng cộng"), XCell::Int(15), XCell::Int(70)],
    ];
    let d = read(&write_xlsx(&[("S".into(), rows)]), "a.xlsx").unwrap();
    let src = &d.sources[0];
    assert_eq!(src.issues, vec![]);
    assert_eq!(
        (src.account.units, src.account.rejected, src.account.totals),
        (3, 0, 1)
    );
    let u = &d.periods[0].units;
    assert_eq!(u[1].values.get(Indicator::Locations), Some(8));
    assert_eq!(u[1].values.get(Indicator::Scans), None);
    assert_eq!(u[2].values, Values::default());
    // A short line of a text file is still a broken row.
    let d = read(
        "Xã,Số địa điểm,Lượt quét\nXã A,7,70\nXã B,8\n".as_bytes(),
        "a.csv",
    )
    .unwrap();
    assert!(matches!(
        d.sources[0].issues[0].kind,
        IssueKind::TooFewCells {
            found: 2,
            expected: 3
        }
    ));
}

/// Found by tests/properties.rs: a one-unit tab table under two titles
/// with a comma, and a number grouped with a comma, has more lines with
/// one comma than lines with tabs; counting alone picked ','.
#[test]
fn delimiter_is_the_one_that_gives_a_header() {
    let t = "Quan Sơn, ngày 16 tháng 11 năm 2021\r\nQuan Sơn, ngày 16 tháng 11 năm 2021\r\n\
             Số TT\tĐơn vị\tSo dia diem\tSố lượt quét\r\n1\tXã SƠN\t1,015\t901668\r\n";
    assert_eq!(crate::csv::sniff(t), ',');
    let d = read(t.as_bytes(), "a.csv").unwrap();
    assert_eq!(d.sources[0].format, Format::Text { delimiter: '\t' });
    let u = &d.periods[0].units[0];
    assert_eq!(
        (u.name.as_str(), u.values.get(Indicator::Locations)),
        ("Xã SƠN", Some(1015))
    );
    // A header with commas in a ';' file: both split into a usable
    // header, the one naming more columns wins.
    let t = "Xã, phường, thị trấn;Số địa điểm;Lượt quét\nXã A;1,234;5,678\n";
    assert_eq!(crate::csv::sniff(t), ',');
    let d = read(t.as_bytes(), "b.csv").unwrap();
    assert_eq!(d.sources[0].format, Format::Text { delimiter: ';' });
    assert_eq!(
        d.periods[0].units[0].values.get(Indicator::Scans),
        Some(5678)
    );
    // Both name three columns; under ',' two header cells hold a '|'.
    let t =
        "Quan Sơn, ngày 16 tháng 11 năm 2021\r\nSố lượt quét|Xã, phường, thị trấn|Số điểm QR\r\n\
             884,323|Xã SƠN|1,024\r\n";
    assert_eq!(crate::csv::sniff(t), ',');
    let d = read(t.as_bytes(), "c.csv").unwrap();
    assert_eq!(d.sources[0].format, Format::Text { delimiter: '|' });
    assert_eq!(
        d.periods[0].units[0].values.get(Indicator::Scans),
        Some(884_323)
    );
    // The user's choice still wins.
    let opts = ReadOptions {
        delimiter: Some(','),
        ..Default::default()
    };
    let d = read_with(t.as_bytes(), "b.csv", &opts).unwrap();
    assert_eq!(d.sources[0].format, Format::Text { delimiter: ',' });
}

/// Found by fuzzing (`ingest`, minimised): a typed rate of
/// -999999999999999999 saturates to i64::MIN tenths, and writing it in
/// the warning (`format::scaled`) overflowed on `v.abs()` (a panic with
/// overflow checks, a wrong sign without).
#[test]
fn absurd_typed_rate_is_a_warning_not_an_overflow() {
    let bytes = b"X\xc3\xa3,,c\xc3\xa0i, th\xc3\xb4ng minh,9%\n,,1,2,-999999999999999999";
    let err = read(bytes, "bang.csv").expect_err("the only row has no unit name");
    let IngestError::NoUnits { issues, .. } = err else {
        panic!("{err:?}")
    };
    assert!(issues
        .iter()
        .any(|i| matches!(i.kind, IssueKind::RateMismatch { .. })));
    let csv = "Xã,Cài,Thông minh,Tỷ lệ\nXã A,1,2,-99999999999999999999%\n";
    let d = read(csv.as_bytes(), "bang.csv").expect("reads");
    let issue = &d.sources[0].issues[0];
    assert!(
        matches!(issue.kind, IssueKind::RateMismatch { .. }),
        "{issue:?}"
    );
    assert_eq!(issue.severity, Severity::Warning);
    let _ = issue.message(Lang::Vi);
}

/// Found by fuzzing (`ingest`, minimised input `10 03 00 03 31 3c`): a
/// column mapping for a file with no rows at all ("<" reads as an HTML
/// table without rows) indexed the empty list of header candidates.
#[test]
fn mapping_for_a_file_without_rows() {
    let opts = ReadOptions {
        mapping: Some(vec![
            Some(Role::Unit),
            Some(Role::Count(Indicator::Locations)),
            Some(Role::District),
        ]),
        ..ReadOptions::default()
    };
    let err = read_with(b"<", "bang.csv", &opts).expect_err("no rows");
    assert!(matches!(err, IngestError::NeedsMapping { .. }), "{err:?}");
}

/// Found by fuzzing (`ingest`, input `3c 74 64 3c 74 64 3e ee 3d`): a
/// mapping longer than the header row, with the rate in a column the
/// header does not have, indexed past the header's cells.
#[test]
fn mapping_longer_than_the_header() {
    let opts = ReadOptions {
        encoding: Some(Encoding::Windows1258),
        delimiter: Some('"'),
        sheet: Some(0),
        mapping: Some(vec![
            Some(Role::Unit),
            Some(Role::Rate),
            Some(Role::Count(Indicator::Scans)),
            Some(Role::Date),
        ]),
        ..ReadOptions::default()
    };
    let _ = read_with(b"\xee=", "bang.xls", &opts);
    let t = "Xã,Đã cài\nXã A,1,2,50%\n";
    let opts = ReadOptions {
        mapping: Some(vec![
            Some(Role::Unit),
            Some(Role::Count(Indicator::Installs)),
            Some(Role::Count(Indicator::Smartphones)),
            Some(Role::Rate),
        ]),
        ..ReadOptions::default()
    };
    let d = read_with(t.as_bytes(), "b.csv", &opts).expect("reads");
    assert_eq!(d.periods[0].units.len(), 1);
}

/// Every kind of row the pipeline tells apart, each counted once:
/// `units + totals + skipped + rejected == rows`.
#[test]
fn every_row_is_accounted_for_once() {
    let t = "Báo cáo đến ngày 16/11/2021\n\
             Xã;Số địa điểm;Lượt quét\n\
             Xã A;1;10\n\
             \n\
             Xã B;abc;20\n\
             Xã A;2;30\n\
             Tổng cộng;3;99\n\
             Xã;Số địa điểm;Lượt quét\n\
             Xã C;4;40\n\
             Người lập biểu\n";
    let d = read(t.as_bytes(), "a.csv").unwrap();
    let a = &d.sources[0].account;
    // Title + header, blank, repeated header, note: skipped. "abc" and the
    // second "Xã A": rejected. The total row says 3 and 99 where the one
    // unit above it has 1 and 10: a warning per figure.
    assert_eq!(
        (a.rows, a.units, a.totals, a.skipped, a.rejected, a.issues),
        (10, 2, 1, 5, 2, 4)
    );
    assert_eq!(a.units + a.totals + a.skipped + a.rejected, a.rows);
    let kinds: Vec<(usize, Severity)> = d.sources[0]
        .issues
        .iter()
        .map(|i| (i.line, i.severity))
        .collect();
    assert_eq!(
        kinds,
        [
            (5, Severity::Error),
            (6, Severity::Error),
            (7, Severity::Warning),
            (7, Severity::Warning)
        ]
    );
    assert_eq!(d.periods.len(), 1);
    assert_eq!(d.periods[0].date, crate::date::Date::find_in("16/11/2021"));
}

/// Found by the property tests: a title line above the header is not a
/// header row to join ("ỦY BAN NHÂN DÂN HUYỆN …" would make every column a
/// district's), nor is a letterhead over two cells.
#[test]
fn titles_are_not_joined_to_the_header() {
    for top in [
        "ỦY BAN NHÂN DÂN HUYỆN QUAN SƠN\n",
        "UBND HUYỆN QUAN SƠN,,CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
    ] {
        let t = format!("{top}Số TT,Huyện,Thị trấn/xã,Số điểm QR\n1,Quan Sơn,Xã Sơn Hà,7\n");
        let d = read(t.as_bytes(), "a.csv").expect("reads");
        let u = &d.periods[0].units[0];
        assert_eq!(u.district.as_deref(), Some("Quan Sơn"), "{top}");
        assert_eq!(u.values.get(Indicator::Locations), Some(7));
        assert_eq!(d.sources[0].columns[0].header, "Số TT");
    }
}

/// A PDF or an image is refused by its kind, in the page's language, even
/// without an extension (the kind comes from its first bytes then).
#[test]
fn unsupported_files_are_named_by_kind() {
    let kind = |bytes: &[u8], name: &str| match read(bytes, name) {
        Err(IngestError::Unsupported { kind, .. }) => kind,
        other => panic!("{name}: {other:?}"),
    };
    assert_eq!(kind(b"%PDF-1.4\n", "bao-cao.pdf"), ".pdf");
    assert_eq!(kind(b"%PDF-1.4\n", "bao-cao"), ".pdf");
    assert_eq!(kind(&[0x89, b'P', b'N', b'G', 13, 10], "anh"), ".png");
    assert_eq!(kind(b"x", "cong-van.docx"), ".docx");
    let e = read(b"%PDF-1.4\n", "bao-cao").unwrap_err();
    assert_eq!(
        e.message(Lang::En),
        "The file “bao-cao” is a .pdf, which is not supported. Open it in Excel and save it as .xlsx or CSV."
    );
}

/// The (line, first line) of each duplicate-unit issue.
fn duplicates(d: &Dataset) -> Vec<(usize, usize)> {
    d.sources[0]
        .issues
        .iter()
        .filter_map(|i| match i.kind {
            IssueKind::DuplicateUnit { first_line, .. } => Some((i.line, first_line)),
            _ => None,
        })
        .collect()
}

/// The duplicate check keys a unit by its date's number and its unit id:
/// dates and districts that come back after others are still the same
/// date and district, and a unit twice on one date is caught wherever
/// the second row is.
#[test]
fn duplicates_are_found_across_interleaved_dates_and_districts() {
    let t = "Ngày,Huyện,Xã,Lượt quét\n\
             01/11/2021,H1,Xã A,1\n\
             02/11/2021,H1,Xã A,2\n\
             01/11/2021,H2,Xã A,3\n\
             02/11/2021,H2,Xã B,4\n\
             01/11/2021,H1,Xã A,5\n\
             02/11/2021,H1,Xã B,6\n\
             02/11/2021,H2,Xã B,7\n\
             01/11/2021,H1,xa a,8\n";
    let d = read(t.as_bytes(), "d.csv").unwrap();
    let dups = duplicates(&d);
    // Line 6 repeats line 2 (same date, district and commune); line 8
    // line 5; line 9 is "Xã A" of H1 again, typed without diacritics.
    assert_eq!(dups, [(6, 2), (8, 5), (9, 2)]);
    assert_eq!(d.unit_rows(), 5);
}

mod duplicate_oracle {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Whatever the order of dates, districts and communes, a row is a
        /// duplicate exactly when an earlier accepted row had the same date
        /// and the same unit (by `unit_key`), and it names that row's line:
        /// checked against a plain list of the rows seen.
        #[test]
        fn duplicates_match_a_scan_of_the_rows_before(
            rows in proptest::collection::vec((0..3usize, 0..3usize, 0..4usize), 1..60)
        ) {
            let dates = ["01/11/2021", "02/11/2021", "15/12/2021"];
            let districts = ["H1", "h1", "Huyện Hai"];
            let names = ["Xã A", "xa a", "Xã Bình", "Phường C"];
            let mut t = String::from("Ngày,Huyện,Xã,Lượt quét\n");
            for &(d, h, n) in &rows {
                t.push_str(&format!("{},{},{},1\n", dates[d], districts[h], names[n]));
            }
            let got = super::duplicates(&read(t.as_bytes(), "p.csv").unwrap());
            let mut seen: Vec<(usize, String, usize)> = Vec::new();
            let mut want = Vec::new();
            for (k, &(d, h, n)) in rows.iter().enumerate() {
                let line = k + 2;
                let key = unit_key(Some(districts[h]), names[n]);
                match seen.iter().find(|(sd, sk, _)| *sd == d && *sk == key) {
                    Some(&(_, _, first)) => want.push((line, first)),
                    None => seen.push((d, key, line)),
                }
            }
            prop_assert_eq!(got, want);
        }
    }
}
