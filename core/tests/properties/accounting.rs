//! Every row of a file is accounted for.

use super::*;

// ------------------------------------------------------------- accounting

/// Rows a clerk's file may hold below the header, good and bad.
pub(crate) fn junk_row() -> impl Strategy<Value = Vec<String>> {
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
