//! Tests of what real office files do that the first readers missed (issue
//! #15): OOXML string escapes and whitespace, time formats, the 1904 date
//! system, 8-bit code pages, merged whole rows, short last sectors, formats
//! we refuse by name, Excel's cell length, and errors in both languages.

use super::xls::tests::{bstr, cell, cfb, dir_entry, font, put32, rec, row, vals, workbook, xf};
use super::*;
use crate::office::tests::text;
use crate::text::{convert_legacy_str, encode_as, legacy_font, Encoding};
use crate::Lang;

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// An .xlsx with one sheet; `wb_pr` goes where `<workbookPr/>` would.
fn xlsx(wb_pr: &str, num_fmts: &[&str], sst: &[&str], rows: &str, tail: &str) -> Vec<u8> {
    let workbook = format!(
        r#"<workbook xmlns="{MAIN}" xmlns:r="{REL}">{wb_pr}<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    );
    let rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#
    );
    let mut fmts = String::new();
    let mut xfs = String::from(r#"<xf numFmtId="0" fontId="0"/>"#);
    for (i, code) in num_fmts.iter().enumerate() {
        let code = code.replace('&', "&amp;").replace('"', "&quot;");
        fmts.push_str(&format!(
            r#"<numFmt numFmtId="{}" formatCode="{code}"/>"#,
            164 + i
        ));
        xfs.push_str(&format!(r#"<xf numFmtId="{}" fontId="0"/>"#, 164 + i));
    }
    let styles = format!(
        r#"<styleSheet xmlns="{MAIN}"><numFmts>{fmts}</numFmts><fonts><font><name val="Arial"/></font></fonts><cellXfs>{xfs}</cellXfs></styleSheet>"#
    );
    let sst: String = sst.iter().map(|s| format!("<si>{s}</si>")).collect();
    let sheet =
        format!(r#"<worksheet xmlns="{MAIN}"><sheetData>{rows}</sheetData>{tail}</worksheet>"#);
    let mut w = ZipWriter::new();
    w.add("xl/workbook.xml", workbook.as_bytes());
    w.add("xl/_rels/workbook.xml.rels", rels.as_bytes());
    w.add("xl/styles.xml", styles.as_bytes());
    w.add(
        "xl/sharedStrings.xml",
        format!(r#"<sst xmlns="{MAIN}">{sst}</sst>"#).as_bytes(),
    );
    w.add("xl/worksheets/sheet1.xml", sheet.as_bytes());
    w.finish()
}

fn first_sheet(bytes: &[u8]) -> Vec<Vec<CellValue>> {
    let wb = read_xlsx(bytes, &Limits::default()).unwrap();
    let rows = &wb.sheets[0].rows;
    rows.iter()
        .map(|r| r.cells.iter().map(|c| c.value.clone()).collect())
        .collect()
}

fn t(s: &str) -> CellValue {
    CellValue::Text(s.to_string())
}

#[test]
fn xlsx_x_escapes_are_decoded() {
    let sst = [
        "<t>a_x000D_b</t>",
        "<t>_x005F_x0041_</t>",
        "<t>_x00G1_ _x0041</t>",
        "<r><t>x_x0009_</t></r><r><t>y</t></r>",
    ];
    let rows = r#"<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="s"><v>3</v></c><c t="inlineStr"><is><t>_x0041__xD83D__xDE00_</t></is></c></row>"#;
    let got = first_sheet(&xlsx("", &[], &sst, rows, ""));
    assert_eq!(
        got[0],
        [
            t("a\rb"),
            t("_x0041_"),
            t("_x00G1_ _x0041"),
            t("x\ty"),
            t("A😀")
        ]
    );
}

#[test]
fn elapsed_second_and_am_pm_formats_are_times() {
    let fmts = [
        "[h]:mm:ss",
        "[mm]:ss",
        "ss",
        "h:mm AM/PM",
        "hh:mm A/P",
        "0.0\"h\"",
        "[Red]0.00",
        "[$-42A]#,##0",
        "General",
    ];
    let cells: String = (0..fmts.len())
        .map(|i| format!(r#"<c s="{}"><v>1.25</v></c>"#, i + 1))
        .collect();
    let got = first_sheet(&xlsx("", &fmts, &[], &format!("<row>{cells}</row>"), ""));
    let d = CellValue::Date(1.25);
    let n = CellValue::Number(1.25);
    assert_eq!(
        got[0],
        [
            d.clone(),
            d.clone(),
            d.clone(),
            d.clone(),
            d,
            n.clone(),
            n.clone(),
            n.clone(),
            n
        ]
    );
}

#[test]
fn date1904_survives_a_second_workbook_pr_and_durations_keep_their_value() {
    let pr = r#"<workbookPr date1904="1"/><extLst><ext uri="{x}"><x15:workbookPr xmlns:x15="urn:x15" chartTrackingRefBase="1"/></ext></extLst>"#;
    let rows =
        r#"<row><c s="1"><v>100</v></c><c s="2"><v>1.5</v></c><c s="3"><v>0.25</v></c></row>"#;
    let got = first_sheet(&xlsx(pr, &["dd/mm/yyyy", "[h]:mm", "h:mm"], &[], rows, ""));
    assert_eq!(
        got[0],
        [
            CellValue::Date(100.0 + 1462.0),
            CellValue::Date(1.5),
            CellValue::Date(0.25)
        ]
    );
    // The same in an Excel 5.0 .xls with DATEMODE 1.
    let globals = vec![
        rec(0x22, &1u16.to_le_bytes()),
        rec(
            0x41E,
            &[&164u16.to_le_bytes()[..], &bstr(b"[h]:mm", false)].concat(),
        ),
        rec(
            0x41E,
            &[&165u16.to_le_bytes()[..], &bstr(b"dd/mm/yy", false)].concat(),
        ),
        xf(0, 0),
        xf(0, 164),
        xf(0, 165),
    ];
    let sheet = vec![
        cell(0x203, 0, 0, 1, &1.5f64.to_le_bytes()),
        cell(0x203, 0, 1, 2, &100f64.to_le_bytes()),
    ];
    let stream = workbook(false, &globals, &[("S", 0, 0x10, sheet)]);
    let wb = read_xls(&cfb(&[("Book", &stream)], 9, 1), &Limits::default()).unwrap();
    let vals: Vec<_> = wb.sheets[0].rows[0]
        .cells
        .iter()
        .map(|c| c.value.clone())
        .collect();
    assert_eq!(vals, [CellValue::Date(1.5), CellValue::Date(1562.0)]);
}

#[test]
fn biff5_text_in_other_code_pages() {
    let read = |cp: u16, bytes: &[u8]| {
        let globals = vec![rec(0x42, &cp.to_le_bytes())];
        let sheet = vec![cell(0x204, 0, 0, 0, &bstr(bytes, true))];
        let stream = workbook(false, &globals, &[("S", 0, 0x10, sheet)]);
        let wb = read_xls(&cfb(&[("Book", &stream)], 9, 1), &Limits::default()).unwrap();
        wb.sheets[0].rows[0].cells[0].value.clone()
    };
    assert_eq!(read(1252, b"\x93Caf\xE9\x94 \x85 \x80"), t("“Café” … €"));
    assert_eq!(read(1251, b"\xCF\xF0\xE8\xE2\xE5\xF2"), t("Привет"));
    assert_eq!(read(1253, b"\xE1\xE2\xE3"), t("αβγ"));
    assert_eq!(read(10000, b"\x8E\xC9"), t("é…"));
    assert_eq!(read(1250, b"\xA3\xF3d\xBF"), t("Łódż"));
}

// Moved from xls_tests.rs (over 900 lines).
#[test]
fn biff5_text_in_the_code_page() {
    let cp = |s: &str| encode_as(s, Encoding::Windows1258);
    let mut globals = vec![rec(0x42, &1258u16.to_le_bytes())];
    for _ in 0..4 {
        globals.push(font(&bstr(b"Arial", false)));
    }
    globals.push(font(&bstr(b".VnTime", false)));
    globals.push(rec(
        0x41E,
        &[&164u16.to_le_bytes()[..], &bstr(b"dd/mm/yy", false)].concat(),
    ));
    for (f, fmt) in [(0, 0), (5, 0), (0, 164)] {
        globals.push(xf(f, fmt));
    }
    let sheet = vec![
        cell(0x204, 0, 0, 0, &bstr(&cp("Xã Sơn Thủy"), true)),
        cell(
            0x204,
            0,
            1,
            1,
            &bstr(&encode_as("Xã Trung Thượng", Encoding::Tcvn3), true),
        ),
        cell(0x203, 1, 0, 0, &584f64.to_le_bytes()),
        cell(0x203, 1, 1, 2, &44512f64.to_le_bytes()),
        cell(
            0x06,
            2,
            0,
            0,
            &[0, 0, 0, 0, 0, 0, 0xFF, 0xFF, 0, 0, 0, 0, 0, 0],
        ),
        rec(0x207, &bstr(&cp("Tổng cộng"), true)),
    ];
    let stream = workbook(false, &globals, &[("Số liệu", 0, 0x10, sheet)]);
    // The ingest layer names the legacy fonts, whose bytes stay as they are.
    let file = cfb(&[("Book", &stream)], 9, 1);
    let raw = |f: &str| legacy_font(f).is_some();
    let wb = read_xls_with(&file, &Limits::default(), raw).unwrap();
    let s = &wb.sheets[0];
    assert_eq!(s.name, "Số liệu");
    assert_eq!(vals(row(s, 1))[0], text("Xã Sơn Thủy"));
    let vn = &row(s, 1).cells[1];
    assert_eq!(vn.font.as_deref(), Some(".VnTime"));
    let CellValue::Text(t) = &vn.value else {
        panic!("text")
    };
    assert_eq!(convert_legacy_str(t, Encoding::Tcvn3), "Xã Trung Thượng");
    assert_eq!(
        vals(row(s, 2)),
        [CellValue::Number(584.0), CellValue::Date(44512.0)]
    );
    assert_eq!(vals(row(s, 3)), [text("Tổng cộng")]);
}

#[test]
fn unpreserved_blanks_at_the_ends_are_dropped() {
    let sst = [
        "<t> </t>",
        r#"<t xml:space="preserve"> a </t>"#,
        "<t>\n  b \t</t>",
    ];
    let rows = r#"<row r="1"><c t="s"><v>0</v></c><c t="inlineStr"><is><t>  </t></is></c></row><row r="2"><c t="s"><v>1</v></c><c t="s"><v>2</v></c><c t="inlineStr"><is><t xml:space="preserve"> c</t></is></c></row>"#;
    let wb = read_xlsx(&xlsx("", &[], &sst, rows, ""), &Limits::default()).unwrap();
    let rows = &wb.sheets[0].rows;
    assert_eq!(rows.len(), 1, "a row of blanks is no data: {rows:?}");
    let vals: Vec<_> = rows[0].cells.iter().map(|c| c.value.clone()).collect();
    assert_eq!(vals, [t(" a "), t("b"), t(" c")]);
}

#[test]
fn time_only_d_cells_and_inline_strings_beside_a_v() {
    let rows = r#"<row><c t="d"><v>T08:30:00</v></c><c t="d"><v>18:00</v></c><c t="d"><v>2024-03-15</v></c><c t="d"><v>soon</v></c><c t="inlineStr"><v>cached</v><is><t>real</t></is></c><c t="str"><v>formula</v></c></row>"#;
    let got = first_sheet(&xlsx("", &[], &[], rows, ""));
    assert_eq!(
        got[0],
        [
            CellValue::Date(8.5 / 24.0),
            CellValue::Date(0.75),
            CellValue::Date(45366.0),
            t("soon"),
            t("real"),
            t("formula")
        ]
    );
}

#[test]
fn whole_row_and_column_merges_are_read() {
    let rows = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>T</t></is></c><c r="B1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c><c r="C2"><v>3</v></c></row><row r="3"><c r="A3"><v>4</v></c></row>"#;
    let tail = r#"<mergeCells><mergeCell ref="1:1"/><mergeCell ref="$C:$C"/><mergeCell ref="A2:A3"/></mergeCells>"#;
    let got = first_sheet(&xlsx("", &[], &[], rows, tail));
    assert_eq!(got, [vec![t("T")], vec![CellValue::Number(2.0)]]);
    // A half-row, half-cell range is no range.
    let bad = r#"<mergeCells><mergeCell ref="A1:3"/></mergeCells>"#;
    let err = read_xlsx(&xlsx("", &[], &[], rows, bad), &Limits::default()).unwrap_err();
    assert!(matches!(err, XlsxError::BadReference { .. }), "{err:?}");
}

/// A compound file whose mini stream (holding `stream`) is its last part,
/// so a file cut after the stream's data ends inside a sector.
fn cfb_mini_last(stream: &[u8]) -> Vec<u8> {
    const END: u32 = 0xFFFF_FFFE;
    let nmini = stream.len().div_ceil(64);
    let mut mini = stream.to_vec();
    mini.resize(nmini * 64, 0);
    let nsect = mini.len().div_ceil(512);
    let mut fat = vec![u32::MAX; 128];
    fat[0] = 0xFFFF_FFFD;
    fat[1] = END;
    fat[2] = END;
    for i in 0..nsect {
        fat[3 + i] = if i + 1 < nsect { (4 + i) as u32 } else { END };
    }
    let mut minifat = vec![u32::MAX; 128];
    for (i, m) in minifat.iter_mut().enumerate().take(nmini) {
        *m = if i + 1 < nmini { i as u32 + 1 } else { END };
    }
    let mut dir = dir_entry("Root Entry", 5, 1, u32::MAX, 3, mini.len() as u64);
    dir.extend(dir_entry(
        "Workbook",
        2,
        u32::MAX,
        u32::MAX,
        0,
        stream.len() as u64,
    ));
    dir.resize(512, 0);
    let mut h = vec![0u8; 512];
    h[..8].copy_from_slice(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);
    h[0x18..0x20].copy_from_slice(&[0x3E, 0, 3, 0, 0xFE, 0xFF, 9, 0]);
    h[0x20] = 6;
    for (at, v) in [
        (0x2C, 1),
        (0x30, 1),
        (0x38, 4096),
        (0x3C, 2),
        (0x40, 1),
        (0x44, END),
    ] {
        put32(&mut h, at, v);
    }
    for i in 0..109 {
        put32(&mut h, 0x4C + 4 * i, if i == 0 { 0 } else { u32::MAX });
    }
    let words = |w: &[u32]| -> Vec<u8> { w.iter().flat_map(|x| x.to_le_bytes()).collect() };
    mini.resize(nsect * 512, 0);
    [h, words(&fat), dir, words(&minifat), mini].concat()
}

#[test]
fn xls_ending_in_a_partial_sector_is_read() {
    let sheet = vec![cell(0x203, 0, 0, 0, &7f64.to_le_bytes())];
    let mut stream = workbook(true, &[], &[("S", 0, 0x10, sheet)]);
    stream.resize(700, 0); // 11 mini sectors, the last one partly used
    let full = cfb_mini_last(&stream);
    let want = read_xls(&full, &Limits::default()).unwrap();
    assert_eq!(
        want.sheets[0].rows[0].cells[0].value,
        CellValue::Number(7.0)
    );
    // Cut right after the stream's data: 4 sectors and 188 bytes.
    let cut = &full[..512 * 4 + stream.len()];
    assert_ne!(cut.len() % 512, 0);
    assert_eq!(read_xls(cut, &Limits::default()), Ok(want));
    // Cut inside the data it needs: still a clear error.
    let short = &full[..512 * 4 + stream.len() - 20];
    assert_eq!(
        read_xls(short, &Limits::default()),
        Err(XlsError::Damaged(XlsProblem::Truncated))
    );
}

#[test]
fn xlsb_and_encrypted_files_say_what_they_are() {
    let mut w = ZipWriter::new();
    w.add("_rels/.rels", format!(r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.bin"/></Relationships>"#).as_bytes());
    w.add("xl/workbook.bin", &[0x83, 0x01, 0x00, 0xFF, 0xFE]);
    let xlsb = w.finish();
    assert_eq!(read_xlsx(&xlsb, &Limits::default()), Err(XlsxError::Xlsb));
    let err = crate::ingest::read(&xlsb, "bang.xlsb").unwrap_err();
    assert!(err.message(Lang::En).contains(".xlsb"), "{err:?}");

    let mut w = ZipWriter::new();
    w.add_stored(
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet",
    );
    w.add_stored("content.xml", &[0x9C, 0x11, 0xF0, 0x00, 0x37]);
    w.add("META-INF/manifest.xml", br#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K"/></manifest:file-entry></manifest:manifest>"#);
    let ods = w.finish();
    assert_eq!(read_ods(&ods, &Limits::default()), Err(OdsError::Encrypted));
    let err = crate::ingest::read(&ods, "bang.ods").unwrap_err();
    assert!(err.message(Lang::En).contains("password"), "{err:?}");
    assert!(err.message(Lang::Vi).contains("mật khẩu"), "{err:?}");

    // Encrypted OOXML: the encryption header alone is enough to tell.
    let x: &[u8] = &[1; 600];
    let info_only = cfb(&[("EncryptionInfo", x)], 9, 1);
    assert_eq!(
        read_xls(&info_only, &Limits::default()),
        Err(XlsError::Encrypted)
    );
    let err = crate::ingest::read(&info_only, "bang.xlsx").unwrap_err();
    assert!(err.message(Lang::En).contains("password"), "{err:?}");
}

#[test]
fn long_text_is_cut_to_excel_cell_limit() {
    let long = "a".repeat(32_766) + "😀b";
    let bytes = write_xlsx(&[(
        "S".into(),
        vec![vec![XCell::Text(long), XCell::Text("_x0041_ stays".into())]],
    )]);
    let got = first_sheet(&bytes);
    assert_eq!(
        got[0][0],
        t(&"a".repeat(32_766)),
        "the emoji would be unit 32 768"
    );
    assert_eq!(got[0][1], t("_x0041_ stays"));
    let exact = "ắ".repeat(32_767);
    let bytes = write_xlsx(&[("S".into(), vec![vec![XCell::Text(exact.clone() + "x")]])]);
    assert_eq!(first_sheet(&bytes)[0][0], t(&exact));
}

/// Vietnamese letters beyond ASCII: ă â đ ê ô ơ ư, tone-marked vowels,
/// combining tone marks.
fn has_vietnamese(s: &str) -> bool {
    s.chars().any(|c| {
        "ăâđêôơưĂÂĐÊÔƠƯàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵÀÁẢÃẠÈÉẺẼẸÌÍỈĨỊÒÓỎÕỌÙÚỦŨỤỲÝỶỸỴ".contains(c)
            || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
            || ('\u{300}'..='\u{323}').contains(&c)
    })
}

/// One of each zip error.
fn every_zip_error() -> Vec<ZipError> {
    use ZipError::*;
    let n = String::from("xl/sheet1.xml");
    let all = vec![
        NotZip,
        LegacyOrEncrypted,
        EncryptedEntry(n.clone()),
        Zip64,
        UnsupportedMethod {
            name: n.clone(),
            method: 99,
        },
        BadEntry(n.clone()),
        MissingPart(n.clone()),
        TotalTooLarge { limit: 200 * MB },
        EntryTooLarge {
            name: n.clone(),
            limit: 100 * MB,
        },
        TooManyEntries { limit: 10_000 },
    ];
    // A new variant must be added above: this match is exhaustive.
    for e in &all {
        match e {
            NotZip
            | LegacyOrEncrypted
            | EncryptedEntry(_)
            | Zip64
            | UnsupportedMethod { .. }
            | BadEntry(_)
            | MissingPart(_)
            | TotalTooLarge { .. }
            | EntryTooLarge { .. }
            | TooManyEntries { .. } => {}
        }
    }
    all
}

/// One XML error per problem.
fn every_xml_error() -> Vec<XmlError> {
    use XmlProblem::*;
    let all: Vec<XmlError> = [NotUtf8, Syntax, Mismatch, Unclosed, BadEntity, TooDeep(256)]
        .into_iter()
        .map(|problem| XmlError {
            part: "xl/sheet1.xml".into(),
            problem,
            pos: 7,
        })
        .collect();
    for e in &all {
        match e.problem {
            NotUtf8 | Syntax | Mismatch | Unclosed | BadEntity | TooDeep(_) => {}
        }
    }
    all
}

/// One of each limit error.
fn every_limit_error() -> Vec<LimitError> {
    use LimitError::*;
    let s = String::from("Sheet1");
    let all = vec![
        TooManyRows {
            sheet: s.clone(),
            limit: 5,
        },
        TooManyCols {
            sheet: s.clone(),
            row: 3,
            limit: 5,
        },
        TooManyCells { sheet: s, limit: 5 },
    ];
    for e in &all {
        match e {
            TooManyRows { .. } | TooManyCols { .. } | TooManyCells { .. } => {}
        }
    }
    all
}

/// Every error of every format (the lower errors inside each format that
/// meets them), with plain ASCII names and values.
fn every_office_error() -> Vec<OfficeError> {
    let (n, bad) = (String::from("xl/sheet1.xml"), String::from("ZZ0"));
    let lower = |zip: bool, xml: bool| {
        let mut v: Vec<(Option<ZipError>, Option<XmlError>, Option<LimitError>)> = Vec::new();
        if zip {
            v.extend(every_zip_error().into_iter().map(|e| (Some(e), None, None)));
        }
        if xml {
            v.extend(every_xml_error().into_iter().map(|e| (None, Some(e), None)));
        }
        v.extend(
            every_limit_error()
                .into_iter()
                .map(|e| (None, None, Some(e))),
        );
        v
    };
    let mut xlsx = vec![
        XlsxError::BadReference {
            part: n.clone(),
            value: bad.clone(),
        },
        XlsxError::NoSheets,
        XlsxError::Xlsb,
    ];
    let mut ods = vec![OdsError::NoSheets, OdsError::Encrypted];
    let mut xls = vec![
        XlsError::TooLarge { limit: 200 * MB },
        XlsError::BadReference {
            part: "SST".into(),
            value: "42".into(),
        },
        XlsError::NoSheets,
        XlsError::Encrypted,
        XlsError::NoWorkbookStream,
    ];
    for (z, x, l) in lower(true, true) {
        xlsx.extend(z.clone().map(XlsxError::Zip));
        xlsx.extend(x.clone().map(XlsxError::Xml));
        xlsx.extend(l.clone().map(XlsxError::Limit));
        ods.extend(z.map(OdsError::Zip));
        ods.extend(x.map(OdsError::Xml));
        ods.extend(l.map(OdsError::Limit));
    }
    for (_, _, l) in lower(false, false) {
        xls.extend(l.map(XlsError::Limit));
    }
    for p in [
        XlsProblem::NotCompound,
        XlsProblem::Truncated,
        XlsProblem::BadChain,
        XlsProblem::BadRecord(42),
    ] {
        xls.push(XlsError::Damaged(p));
    }
    // A new variant must be added above: these matches are exhaustive.
    for e in &xlsx {
        match e {
            XlsxError::Zip(_)
            | XlsxError::Xml(_)
            | XlsxError::Limit(_)
            | XlsxError::BadReference { .. }
            | XlsxError::NoSheets
            | XlsxError::Xlsb => {}
        }
    }
    for e in &ods {
        match e {
            OdsError::Zip(_)
            | OdsError::Xml(_)
            | OdsError::Limit(_)
            | OdsError::NoSheets
            | OdsError::Encrypted => {}
        }
    }
    for e in &xls {
        match e {
            XlsError::Damaged(
                XlsProblem::NotCompound
                | XlsProblem::Truncated
                | XlsProblem::BadChain
                | XlsProblem::BadRecord(_),
            )
            | XlsError::TooLarge { .. }
            | XlsError::Limit(_)
            | XlsError::BadReference { .. }
            | XlsError::NoSheets
            | XlsError::Encrypted
            | XlsError::NoWorkbookStream => {}
        }
    }
    let mut all: Vec<OfficeError> = Vec::new();
    all.extend(xlsx.into_iter().map(OfficeError::Xlsx));
    all.extend(ods.into_iter().map(OfficeError::Ods));
    all.extend(xls.into_iter().map(OfficeError::Xls));
    for e in &all {
        match e {
            OfficeError::Xlsx(_) | OfficeError::Ods(_) | OfficeError::Xls(_) => {}
            // Made from the texts of one of the above, never by a reader.
            OfficeError::Sent { .. } => {}
        }
    }
    all
}

/// The message of a format's own error, and of the lower error it wraps.
fn inner_messages(e: &OfficeError, lang: Lang) -> Vec<String> {
    let mut out = vec![match e {
        OfficeError::Xlsx(x) => x.message(lang),
        OfficeError::Ods(x) => x.message(lang),
        OfficeError::Xls(x) => x.message(lang),
        OfficeError::Sent { .. } => e.message(lang),
    }];
    let (zip, xml, limit) = match e {
        OfficeError::Xlsx(XlsxError::Zip(z)) | OfficeError::Ods(OdsError::Zip(z)) => {
            (Some(z), None, None)
        }
        OfficeError::Xlsx(XlsxError::Xml(x)) | OfficeError::Ods(OdsError::Xml(x)) => {
            (None, Some(x), None)
        }
        OfficeError::Xlsx(XlsxError::Limit(l))
        | OfficeError::Ods(OdsError::Limit(l))
        | OfficeError::Xls(XlsError::Limit(l)) => (None, None, Some(l)),
        _ => (None, None, None),
    };
    out.extend(zip.map(|z| z.message(lang)));
    out.extend(xml.map(|x| x.message(lang)));
    out.extend(limit.map(|l| l.message(lang)));
    out
}

#[test]
fn every_office_error_in_both_languages() {
    for e in every_office_error() {
        let (vi, en) = (e.message(Lang::Vi), e.message(Lang::En));
        assert_eq!(vi, e.to_string());
        // The format's error and the lower one say the same.
        assert!(inner_messages(&e, Lang::Vi).iter().all(|m| *m == vi));
        assert!(inner_messages(&e, Lang::En).iter().all(|m| *m == en));
        assert!(!has_vietnamese(&en), "{en}");
        assert!(has_vietnamese(&vi), "{vi}");
        assert_ne!(vi, en);
        // Through the ingest error too, and back from a worker's JSON.
        let ie = crate::ingest::IngestError::Workbook {
            file: "broken.xlsx".into(),
            detail: e.clone(),
        };
        let en = ie.message(Lang::En);
        assert!(
            en.starts_with("Could not read the workbook “broken.xlsx”: "),
            "{en}"
        );
        assert!(!has_vietnamese(&en), "{en}");
        assert!(has_vietnamese(&ie.message(Lang::Vi)));
        // The worker sends the texts: back on the page, it says the same.
        let json = crate::ingest::job::to_json(&Err(ie.clone()));
        let back = crate::ingest::job::from_json(&json).unwrap_err();
        for lang in [Lang::Vi, Lang::En] {
            assert_eq!(back.message(lang), ie.message(lang));
        }
        assert_eq!(back.to_string(), ie.to_string());
        assert_eq!(back.file(), "broken.xlsx");
    }
    let xls = [
        OfficeError::Xls(XlsError::Damaged(XlsProblem::BadRecord(42))),
        OfficeError::Xls(XlsError::Encrypted),
    ];
    assert!(xls[0].to_string().contains("42") && xls[0].message(Lang::En).contains("42"));
    assert!(xls[1].to_string().contains("mật khẩu"));
}

#[test]
fn a_damaged_workbook_is_explained_in_english() {
    let err = crate::ingest::read(b"PK\x03\x04 broken", "broken.xlsx").unwrap_err();
    let en = err.message(Lang::En);
    assert!(
        en.starts_with("Could not read the workbook “broken.xlsx”: The file"),
        "{en}"
    );
    assert!(!has_vietnamese(&en), "{en}");
    assert!(err
        .message(Lang::Vi)
        .starts_with("Không đọc được bảng tính «broken.xlsx»: Tệp"));
}
