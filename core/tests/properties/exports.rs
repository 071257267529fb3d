//! Exported tables read back, and never hold a live formula.

use super::*;

// ----------------------------------------------------------------- exports

/// Names a spreadsheet could take for formulas, and ordinary ones.
pub(crate) fn risky_name() -> impl Strategy<Value = String> {
    (
        select(&["", "=", "+", "-", "@", "\t", "\r", "'", " ="][..]),
        name_strategy(),
        select(&["", "()", "(A1)", "+1", ",x", "\"q\"", ";"][..]),
    )
        .prop_map(|(a, b, c)| format!("{a}{b}{c}"))
}

pub(crate) fn named_dataset(
    names: &[String],
    values: &[Values],
    districts: &[Option<usize>],
) -> Dataset {
    let mut d = dataset(values);
    for (k, u) in d.periods[0].units.iter_mut().enumerate() {
        u.name = names[k].clone();
        u.district = districts[k].map(|i| DISTRICTS[i].to_string());
    }
    d
}

/// The COVID report's table of `d`, as the page exports it.
fn covid_table(
    d: &Dataset,
    settings: &Settings,
    lang: thongbao_core::Lang,
) -> Vec<Vec<thongbao_core::export::table::TableCell>> {
    let p = thongbao_core::letter::covid_qr();
    let spec = thongbao_core::letter::profile::spec_of(&p, settings);
    let c = thongbao_core::engine::compute(d, &spec);
    thongbao_core::export::report_table::report_table(&c, &spec, &p, lang)
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
        use thongbao_core::export::table::{to_csv, to_xlsx};
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
        let lang = if en { thongbao_core::Lang::En } else { thongbao_core::Lang::Vi };
        let rows = covid_table(&d, &settings, lang);
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
        use thongbao_core::export::table::{to_csv, to_xlsx, TableCell};
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
        let rows = covid_table(&d, &Settings::default(), thongbao_core::Lang::Vi);
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
