//! Workbooks are opened lazily (issue #13): a sheet is parsed only when
//! asked, so a damaged sheet fails only itself; the ingest layer reads the
//! sheet the clerk chose, else the first that parses and holds a table.

use super::xls::tests::{cell, cfb, put32, ustr, workbook};
use super::*;
use crate::ingest::{self, IngestError, ReadOptions};
use crate::model::Dataset;
use xls::Records;

const TABLE: &str = "Số liệu";

/// A table ingest recognises: a header and two units.
fn table() -> Vec<Vec<XCell>> {
    let t = |s: &str| XCell::Text(s.to_string());
    vec![
        vec![t("Xã"), t("Số địa điểm"), t("Lượt quét")],
        vec![t("Xã A"), XCell::Int(7), XCell::Int(70)],
        vec![t("Xã B"), XCell::Int(8), XCell::Int(80)],
    ]
}

fn read(bytes: &[u8], name: &str, sheet: Option<usize>) -> Result<Dataset, IngestError> {
    let opts = ReadOptions {
        sheet,
        ..ReadOptions::default()
    };
    ingest::read_with(bytes, name, &opts)
}

fn detail(e: IngestError) -> OfficeError {
    match e {
        IngestError::Workbook { detail, .. } => detail,
        e => panic!("not a workbook error: {e:?}"),
    }
}

/// The sheet read and the units found in it.
fn read_sheet_and_units(d: &Dataset) -> (Option<usize>, Vec<String>, usize) {
    let src = &d.sources[0];
    (src.sheet, src.sheets.clone(), src.account.units)
}

// ------------------------------------------------------------ .xlsx

/// Two sheets written by our writer, sheet `damaged` (0-based) with an end
/// tag that does not match.
fn xlsx_damaged(damaged: usize) -> Vec<u8> {
    let other = vec![vec![XCell::Text("Ghi chú".into())]];
    let sheets = if damaged == 0 {
        [("Hỏng".to_string(), other), (TABLE.to_string(), table())]
    } else {
        [(TABLE.to_string(), table()), ("Hỏng".to_string(), other)]
    };
    let parts = read_zip(&write_xlsx(&sheets), &Limits::default()).unwrap();
    let part = format!("xl/worksheets/sheet{}.xml", damaged + 1);
    let mut w = ZipWriter::new();
    let mut hit = false;
    for (n, d) in parts {
        if n == part {
            let xml = String::from_utf8(d).unwrap();
            assert!(xml.contains("</sheetData>"));
            w.add(&n, xml.replace("</sheetData>", "</sheetDta>").as_bytes());
            hit = true;
        } else {
            w.add(&n, &d);
        }
    }
    assert!(hit, "{part}");
    w.finish()
}

fn is_mismatch(e: &XlsxError) -> bool {
    matches!(
        e,
        XlsxError::Xml(XmlError {
            problem: XmlProblem::Mismatch,
            ..
        })
    )
}

#[test]
fn xlsx_sheets_are_parsed_when_asked() {
    let bytes = xlsx_damaged(1);
    let mut wb = Xlsx::open(&bytes, &Limits::default()).unwrap();
    assert_eq!(wb.sheet_names(), [TABLE, "Hỏng"]);
    assert_eq!(wb.sheet(0).unwrap().unwrap().rows.len(), 3);
    let err = wb.sheet(1).unwrap().unwrap_err();
    assert!(is_mismatch(&err), "{err:?}");
    assert!(wb.sheet(2).is_none());
    // Reading every sheet at once fails on the damaged one.
    let err = read_xlsx(&bytes, &Limits::default()).unwrap_err();
    assert!(is_mismatch(&err), "{err:?}");
}

#[test]
fn xlsx_damaged_second_sheet_reads_the_first() {
    let d = read(&xlsx_damaged(1), "bang.xlsx", None).unwrap();
    let names = vec![TABLE.to_string(), "Hỏng".to_string()];
    assert_eq!(read_sheet_and_units(&d), (Some(0), names, 2));
}

#[test]
fn xlsx_damaged_first_sheet_reads_the_second() {
    let d = read(&xlsx_damaged(0), "bang.xlsx", None).unwrap();
    let names = vec!["Hỏng".to_string(), TABLE.to_string()];
    assert_eq!(read_sheet_and_units(&d), (Some(1), names, 2));
}

#[test]
fn xlsx_chosen_damaged_sheet_gives_its_error() {
    let err = detail(read(&xlsx_damaged(0), "bang.xlsx", Some(0)).unwrap_err());
    let OfficeError::Xlsx(e) = &err else {
        panic!("{err:?}")
    };
    assert!(is_mismatch(e), "{err:?}");
    assert!(err
        .message(crate::Lang::En)
        .contains("xl/worksheets/sheet1.xml"));
    // The table chosen reads.
    let d = read(&xlsx_damaged(0), "bang.xlsx", Some(1)).unwrap();
    assert_eq!(d.sources[0].sheet, Some(1));
}

#[test]
fn xlsx_without_a_table_tells_the_damage() {
    // One damaged sheet, one without a header: the damage is the message
    // (the table was most likely in the sheet that cannot be read).
    let sheets = [
        ("Ghi chú".to_string(), vec![vec![XCell::Text("x".into())]]),
        ("Hỏng".to_string(), vec![vec![XCell::Int(1)]]),
    ];
    let parts = read_zip(&write_xlsx(&sheets), &Limits::default()).unwrap();
    let mut w = ZipWriter::new();
    for (n, d) in parts {
        let d = if n == "xl/worksheets/sheet2.xml" {
            d[..d.len() / 2].to_vec()
        } else {
            d
        };
        w.add(&n, &d);
    }
    let err = detail(read(&w.finish(), "bang.xlsx", None).unwrap_err());
    assert!(
        matches!(err, OfficeError::Xlsx(XlsxError::Xml(_))),
        "{err:?}"
    );
}

#[test]
fn xlsx_sheet_with_a_missing_part_fails_alone() {
    let sheets = [(TABLE.to_string(), table()), ("Mất".to_string(), table())];
    let parts = read_zip(&write_xlsx(&sheets), &Limits::default()).unwrap();
    let mut w = ZipWriter::new();
    for (n, d) in parts.iter().filter(|p| p.0 != "xl/worksheets/sheet2.xml") {
        w.add(n, d);
    }
    let bytes = w.finish();
    let mut wb = Xlsx::open(&bytes, &Limits::default()).unwrap();
    assert!(wb.sheet(0).unwrap().is_ok());
    assert_eq!(
        wb.sheet(1).unwrap(),
        Err(XlsxError::Zip(ZipError::MissingPart(
            "xl/worksheets/sheet2.xml".into()
        )))
    );
    assert_eq!(
        read(&bytes, "a.xlsx", None).unwrap().sources[0].sheet,
        Some(0)
    );
}

// ------------------------------------------------------------ .ods

const ODS_HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">
<office:automatic-styles><style:style style:name="ce1" style:family="table-cell"><style:text-properties style:font-name="VNI-Times"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet>"#;
const ODS_TAIL: &str = "</office:spreadsheet></office:body></office:document-content>";

fn ods_cell(s: &str) -> String {
    match s.parse::<i64>() {
        Ok(n) => format!(
            r#"<table:table-cell office:value-type="float" office:value="{n}"><text:p>{n}</text:p></table:table-cell>"#
        ),
        Err(_) => format!(
            r#"<table:table-cell office:value-type="string"><text:p>{s}</text:p></table:table-cell>"#
        ),
    }
}

fn ods_table(name: &str, rows: &[&[&str]]) -> String {
    let rows: String = rows
        .iter()
        .map(|r| {
            let cells: String = r.iter().map(|c| ods_cell(c)).collect();
            format!("<table:table-row>{cells}</table:table-row>")
        })
        .collect();
    format!(r#"<table:table table:name="{name}">{rows}</table:table>"#)
}

const ODS_ROWS: &[&[&str]] = &[
    &["Xã", "Số địa điểm", "Lượt quét"],
    &["Xã A", "7", "70"],
    &["Xã B", "8", "80"],
];

/// A table whose cell closes a `<text:p>` with `</text:q>`.
fn ods_damaged_table() -> String {
    ods_table("Hỏng", &[&["Ghi chú", "x"]]).replacen("</text:p>", "</text:q>", 1)
}

fn ods_file(tables: &[String], tail: &str) -> Vec<u8> {
    let content = format!("{ODS_HEAD}{}{tail}", tables.concat());
    let mut w = ZipWriter::new();
    w.add_stored(
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet",
    );
    w.add("content.xml", content.as_bytes());
    w.finish()
}

#[test]
fn ods_tables_are_parsed_when_asked() {
    let bytes = ods_file(
        &[
            ods_damaged_table(),
            ods_table(TABLE, ODS_ROWS),
            ods_damaged_table(),
        ],
        ODS_TAIL,
    );
    let mut wb = Ods::open(&bytes, &Limits::default()).unwrap();
    assert_eq!(wb.sheet_names(), ["Hỏng", TABLE, "Hỏng"]);
    let err = wb.sheet(0).unwrap().unwrap_err();
    assert!(
        matches!(
            err,
            OdsError::Xml(XmlError {
                problem: XmlProblem::Mismatch,
                ..
            })
        ),
        "{err:?}"
    );
    let s = wb.sheet(1).unwrap().unwrap();
    assert_eq!((s.name.as_str(), s.rows.len()), (TABLE, 3));
    assert_eq!(s.rows[2].cells[2].value, CellValue::Number(80.0));
    assert!(wb.sheet(2).unwrap().is_err());
    assert!(wb.sheet(3).is_none());
    assert!(read_ods(&bytes, &Limits::default()).is_err());
}

#[test]
fn ods_damaged_second_table_reads_the_first() {
    let bytes = ods_file(&[ods_table(TABLE, ODS_ROWS), ods_damaged_table()], ODS_TAIL);
    let d = read(&bytes, "bang.ods", None).unwrap();
    let names = vec![TABLE.to_string(), "Hỏng".to_string()];
    assert_eq!(read_sheet_and_units(&d), (Some(0), names, 2));
}

#[test]
fn ods_damaged_first_table_reads_the_second() {
    let bytes = ods_file(&[ods_damaged_table(), ods_table(TABLE, ODS_ROWS)], ODS_TAIL);
    let d = read(&bytes, "bang.ods", None).unwrap();
    let names = vec!["Hỏng".to_string(), TABLE.to_string()];
    assert_eq!(read_sheet_and_units(&d), (Some(1), names, 2));
    let err = detail(read(&bytes, "bang.ods", Some(0)).unwrap_err());
    assert!(
        matches!(err, OfficeError::Ods(OdsError::Xml(XmlError { ref part, .. })) if part == "content.xml"),
        "{err:?}"
    );
}

#[test]
fn ods_damage_after_the_tables_is_not_needed() {
    // Truncated after the last table: every table is whole.
    let bytes = ods_file(&[ods_table(TABLE, ODS_ROWS)], "</office:spreadsheet>");
    let mut wb = Ods::open(&bytes, &Limits::default()).unwrap();
    assert_eq!(wb.sheet(0).unwrap().unwrap().rows.len(), 3);
    // Truncated inside the last table: that table alone fails.
    let cut = ods_table(TABLE, ODS_ROWS);
    let cut = &cut[..cut.len() - 40];
    let bytes = ods_file(&[ods_table(TABLE, ODS_ROWS), cut.to_string()], "");
    let mut wb = Ods::open(&bytes, &Limits::default()).unwrap();
    assert_eq!(wb.sheet_names().len(), 2);
    assert!(wb.sheet(0).unwrap().is_ok());
    let err = wb.sheet(1).unwrap();
    assert!(matches!(err, Err(OdsError::Xml(_))), "{err:?}");
    // Damage before the first table (in the styles every table shares)
    // fails the file.
    let content = ODS_HEAD.replace("</style:style>", "</style:styl>");
    let mut w = ZipWriter::new();
    w.add(
        "content.xml",
        format!("{content}{}{ODS_TAIL}", ods_table(TABLE, ODS_ROWS)).as_bytes(),
    );
    assert!(matches!(
        Ods::open(&w.finish(), &Limits::default()),
        Err(OdsError::Xml(_))
    ));
}

#[test]
fn many_damaged_ods_tables_are_not_quadratic() {
    // Each table lacks its end tag, so stepping over one runs to the end.
    let unclosed = r#"<table:table table:name="x"><table:table-row>"#.repeat(20_000);
    let bytes = ods_file(&[ods_table(TABLE, ODS_ROWS), unclosed], ODS_TAIL);
    let t = std::time::Instant::now();
    let mut wb = Ods::open(&bytes, &Limits::default()).unwrap();
    for i in 1..wb.sheet_names().len() {
        assert!(wb.sheet(i).unwrap().is_err());
    }
    assert_eq!(wb.sheet(0).unwrap().unwrap().rows.len(), 3);
    assert!(read(&bytes, "bang.ods", None).is_ok());
    assert!(t.elapsed().as_millis() < 2000, "{:?}", t.elapsed());
}

#[test]
fn ods_table_depth_counts_its_parents() {
    // The tables sit 4 elements deep; a limit of 6 leaves room for a row
    // and a cell, not for the cell's paragraph.
    let bytes = ods_file(&[ods_table(TABLE, ODS_ROWS)], ODS_TAIL);
    let lim = Limits {
        max_depth: 6,
        ..Limits::default()
    };
    let mut wb = Ods::open(&bytes, &Limits::default()).unwrap();
    assert!(wb.sheet(0).unwrap().is_ok());
    let err = Ods::open(&bytes, &lim).and_then(|mut wb| wb.sheet(0).unwrap());
    assert!(
        matches!(
            err,
            Err(OdsError::Xml(XmlError {
                problem: XmlProblem::TooDeep(6),
                ..
            }))
        ),
        "{err:?}"
    );
}

// ------------------------------------------------------------ .xls

/// A BIFF8 workbook of two sheets, the first or the second holding the
/// table; with `damage`, the BOUNDSHEET of the other sheet points into the
/// globals, where there is no BOF.
fn xls_file(table_first: bool, damage: bool) -> Vec<u8> {
    let label = |row: u16, col: u16, s: &str| cell(0x204, row, col, 0, &ustr(s, true));
    let num = |row: u16, col: u16, v: f64| cell(0x203, row, col, 0, &v.to_le_bytes());
    let mut recs = vec![
        label(0, 0, "Xã"),
        label(0, 1, "Số địa điểm"),
        label(0, 2, "Lượt quét"),
    ];
    for (r, (name, n)) in [("Xã A", 7.0), ("Xã B", 8.0)].into_iter().enumerate() {
        let r = r as u16 + 1;
        recs.extend([label(r, 0, name), num(r, 1, n), num(r, 2, n * 10.0)]);
    }
    let other = vec![label(0, 0, "Ghi chú")];
    let sheets = if table_first {
        [(TABLE, 0, 0x10, recs), ("Hỏng", 0, 0x10, other)]
    } else {
        [("Hỏng", 0, 0x10, other), (TABLE, 0, 0x10, recs)]
    };
    let mut stream = workbook(true, &[], &sheets);
    if damage {
        let mut r = Records { b: &stream, pos: 0 };
        let mut at = Vec::new();
        while let Some((id, d)) = r.next().unwrap() {
            if id == 0x85 {
                at.push(r.pos - d.len());
            }
        }
        put32(&mut stream, at[usize::from(table_first)], 4);
    }
    cfb(&[("Workbook", &stream)], 9, 1)
}

#[test]
fn xls_sheets_are_parsed_when_asked() {
    let bytes = xls_file(false, true);
    let mut wb = Xls::open(&bytes, &Limits::default()).unwrap();
    assert_eq!(wb.sheet_names(), ["Hỏng", TABLE]);
    assert_eq!(
        wb.sheet(0).unwrap(),
        Err(XlsError::Damaged(XlsProblem::BadRecord(4)))
    );
    assert_eq!(wb.sheet(1).unwrap().unwrap().rows.len(), 3);
    assert!(wb.sheet(2).is_none());
    assert_eq!(
        read_xls(&bytes, &Limits::default()),
        Err(XlsError::Damaged(XlsProblem::BadRecord(4)))
    );
    // Undamaged, both sheets read at once.
    assert_eq!(
        read_xls(&xls_file(false, false), &Limits::default())
            .unwrap()
            .sheets
            .len(),
        2
    );
}

#[test]
fn xls_damaged_second_sheet_reads_the_first() {
    let d = read(&xls_file(true, true), "bang.xls", None).unwrap();
    let names = vec![TABLE.to_string(), "Hỏng".to_string()];
    assert_eq!(read_sheet_and_units(&d), (Some(0), names, 2));
}

#[test]
fn xls_damaged_first_sheet_reads_the_second() {
    let bytes = xls_file(false, true);
    let d = read(&bytes, "bang.xls", None).unwrap();
    let names = vec!["Hỏng".to_string(), TABLE.to_string()];
    assert_eq!(read_sheet_and_units(&d), (Some(1), names, 2));
    let err = detail(read(&bytes, "bang.xls", Some(0)).unwrap_err());
    assert_eq!(
        err,
        OfficeError::Xls(XlsError::Damaged(XlsProblem::BadRecord(4)))
    );
    assert!(err.message(crate::Lang::En).contains("at byte 4"));
}

#[test]
fn xls_chart_sheets_are_not_listed() {
    let label = cell(0x204, 0, 0, 0, &ustr("x", true));
    let sheets = [("Biểu đồ", 0, 0x20, vec![]), (TABLE, 0, 0x10, vec![label])];
    let file = cfb(&[("Workbook", &workbook(true, &[], &sheets))], 9, 1);
    let wb = Xls::open(&file, &Limits::default()).unwrap();
    assert_eq!(wb.sheet_names(), [TABLE]);
}
