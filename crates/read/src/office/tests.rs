use std::time::Instant;

use super::xml::{check_well_formed, Reader, Token};
use super::zip::crc32;
use super::*;

pub(crate) fn text(s: &str) -> CellValue {
    CellValue::Text(s.to_string())
}

fn vals(row: &SheetRow) -> Vec<CellValue> {
    row.cells.iter().map(|c| c.value.clone()).collect()
}

/// A small deterministic generator for damaged inputs (also used by the
/// .xls reader's tests).
pub(crate) struct Lcg(pub(crate) u64);
impl Lcg {
    pub(crate) fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        self.0 >> 33
    }
}

#[test]
fn crc_known_value() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    assert_eq!(crc32(b""), 0);
}

#[test]
fn zip_round_trip() {
    let mut rng = Lcg(7);
    let random: Vec<u8> = (0..5000).map(|_| rng.next() as u8).collect();
    let repetitive = "Xã Sơn Thủy, Tổng cộng. ".repeat(200);
    let files: Vec<(&str, &[u8])> = vec![
        ("a.txt", repetitive.as_bytes()),
        ("bin/random.bin", &random),
        ("empty", b""),
        ("dir/ủy ban.xml", b"<a/>"),
    ];
    let mut w = ZipWriter::new();
    for (n, d) in &files {
        w.add(n, d);
    }
    w.add_stored("stored.txt", repetitive.as_bytes());
    let bytes = w.finish();
    // deterministic
    let mut w2 = ZipWriter::new();
    for (n, d) in &files {
        w2.add(n, d);
    }
    w2.add_stored("stored.txt", repetitive.as_bytes());
    assert_eq!(bytes, w2.finish());

    let z = ZipArchive::new(&bytes, &Limits::default()).unwrap();
    let methods: Vec<(&str, u16)> = z
        .entries()
        .iter()
        .map(|e| (e.name.as_str(), e.method))
        .collect();
    assert_eq!(
        methods,
        [
            ("a.txt", 8),
            ("bin/random.bin", 0),
            ("empty", 0),
            ("dir/ủy ban.xml", 0),
            ("stored.txt", 0)
        ]
    );
    for (n, d) in &files {
        assert_eq!(z.file(n).unwrap(), *d, "{n}");
    }
    assert_eq!(z.file("/A.TXT").unwrap(), repetitive.as_bytes());
    assert_eq!(z.file("stored.txt").unwrap(), repetitive.as_bytes());
    assert!(matches!(z.file("nope"), Err(ZipError::MissingPart(_))));
    let all = read_zip(&bytes, &Limits::default()).unwrap();
    assert_eq!(all.len(), 5);

    // A flipped byte in stored data is caught by the CRC.
    let mut bad = bytes.clone();
    let pos = bad
        .windows(5)
        .position(|w| w == b"<a/>\x50")
        .unwrap_or_else(|| bad.windows(4).position(|w| w == b"<a/>").unwrap());
    bad[pos + 1] = b'b';
    let z = ZipArchive::new(&bad, &Limits::default()).unwrap();
    assert!(matches!(
        z.file("dir/ủy ban.xml"),
        Err(ZipError::BadEntry(_))
    ));

    assert_eq!(
        ZipArchive::new(b"not a zip", &Limits::default()).err(),
        Some(ZipError::NotZip)
    );
    assert_eq!(
        ZipArchive::new(&[0xD0, 0xCF, 0x11, 0xE0, 0, 0], &Limits::default()).err(),
        Some(ZipError::LegacyOrEncrypted)
    );
    let few = Limits {
        max_entries: 3,
        ..Limits::default()
    };
    assert_eq!(
        ZipArchive::new(&bytes, &few).err(),
        Some(ZipError::TooManyEntries { limit: 3 })
    );
}

/// Raw deflate stream (one fixed-Huffman block) of `1 + 258 * matches` zeros.
fn deflate_zeros(matches: usize) -> (Vec<u8>, usize) {
    let mut out = Vec::new();
    let (mut acc, mut n) = (0u32, 0u32);
    let mut bits = |v: u32, len: u32, out: &mut Vec<u8>| {
        acc |= v << n;
        n += len;
        while n >= 8 {
            out.push(acc as u8);
            acc >>= 8;
            n -= 8;
        }
    };
    let huff =
        |code: u32, len: u32| (0..len).fold(0, |r, i| r | ((code >> i) & 1) << (len - 1 - i));
    bits(1, 1, &mut out); // BFINAL
    bits(1, 2, &mut out); // fixed Huffman
    bits(huff(0x30, 8), 8, &mut out); // literal 0
    for _ in 0..matches {
        bits(huff(0xC5, 8), 8, &mut out); // length 258
        bits(0, 5, &mut out); // distance 1
    }
    bits(0, 7, &mut out); // end of block
    bits(0, 7, &mut out); // flush
    (out, 1 + 258 * matches)
}

#[test]
fn zip_bomb_refused_quickly() {
    let (small, len) = deflate_zeros(10);
    assert_eq!(
        miniz_oxide::inflate::decompress_to_vec(&small).unwrap(),
        vec![0u8; len]
    );

    let (bomb, size) = deflate_zeros(1_219_275); // 300 MB of zeros
    assert!(size > 300 * 1024 * 1024 && bomb.len() < 3_000_000);
    let crc = 0; // never reached
    let t = Instant::now();

    // Honest header: refused from the central directory, nothing inflated.
    let mut w = ZipWriter::new();
    w.push("xl/worksheets/sheet1.xml", crc, size, 8, &bomb);
    let honest = w.finish();
    assert_eq!(
        ZipArchive::new(&honest, &Limits::default()).err(),
        Some(ZipError::TotalTooLarge {
            limit: 200 * 1024 * 1024
        })
    );
    let roomy = Limits {
        max_total: u64::MAX,
        ..Limits::default()
    };
    let z = ZipArchive::new(&honest, &roomy).unwrap();
    assert!(matches!(
        z.file("xl/worksheets/sheet1.xml"),
        Err(ZipError::EntryTooLarge { .. })
    ));
    assert!(read_xlsx(&honest, &Limits::default()).is_err());

    // Lying header (claims 1000 bytes): inflation stops at the claimed size.
    let mut w = ZipWriter::new();
    w.push("xl/workbook.xml", crc, 1000, 8, &bomb);
    let liar = w.finish();
    let z = ZipArchive::new(&liar, &Limits::default()).unwrap();
    assert!(matches!(
        z.file("xl/workbook.xml"),
        Err(ZipError::BadEntry(_))
    ));
    assert!(read_xlsx(&liar, &Limits::default()).is_err());
    assert!(t.elapsed().as_secs_f64() < 2.0, "{:?}", t.elapsed());
}

#[test]
fn xml_tokens() {
    let src = "\u{feff}<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><!-- c --><x:a k='1 &amp; 2' x:b=\"&#x1EA1;\"><b/>t&lt;&#7855;<![CDATA[<raw>&amp;]]>\r\nz</x:a>";
    let mut r = Reader::new(src, "t.xml", 10);
    let mut toks = Vec::new();
    while let Some(t) = r.next_token().unwrap() {
        toks.push(t);
    }
    let Token::Start(a) = &toks[0] else { panic!() };
    assert_eq!((a.name, a.local(), a.empty), ("x:a", "a", false));
    assert_eq!(a.attr("k").as_deref(), Some("1 & 2"));
    assert_eq!(a.attr("b").as_deref(), Some("ạ"));
    assert!(matches!(&toks[1], Token::Start(b) if b.empty && b.name == "b"));
    assert_eq!(toks[2], Token::End("b"));
    let body: String = toks
        .iter()
        .filter_map(|t| {
            if let Token::Text(s) = t {
                Some(s.as_ref())
            } else {
                None
            }
        })
        .collect();
    assert_eq!(body, "t<ắ<raw>&amp;\nz");
    assert_eq!(toks.last(), Some(&Token::End("x:a")));

    for bad in [
        "<a>",
        "<a></b>",
        "<a>&bogus;</a>",
        "<a b=\"<\"/>",
        "<a b=1/>",
        "<a",
        "<a>&#0;</a>",
        "<a c=\"1\"d=\"2\"/>",
        "</a>",
    ] {
        assert!(check_well_formed(bad, "t", 10).is_err(), "{bad}");
    }
    assert!(check_well_formed("<a><b/><c>x</c></a>", "t", 10).is_ok());
}

#[test]
fn deep_xml_refused() {
    let deep = "<a>".repeat(100_000);
    let err = check_well_formed(&deep, "x.xml", 256).unwrap_err();
    assert!(
        matches!(
            err,
            XmlError {
                problem: XmlProblem::TooDeep(256),
                ..
            }
        ),
        "{err:?}"
    );
    // Inside a workbook too.
    let sheet = format!(
        "<worksheet><sheetData>{}</sheetData></worksheet>",
        "<row>".repeat(1000)
    );
    let err = read_xlsx(&xlsx_with_sheet(&sheet), &Limits::default()).unwrap_err();
    assert!(matches!(
        err,
        XlsxError::Xml(XmlError {
            problem: XmlProblem::TooDeep(_),
            ..
        })
    ));
    assert!(!err.to_string().is_empty() && !err.message(crate::Lang::En).is_empty());
}

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

fn xlsx_parts(sheet1: &str) -> Vec<(String, String)> {
    let root_rels = r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{MAIN}" xmlns:r="{REL}"><workbookPr/><sheets><sheet name="Danh sách" sheetId="1" r:id="rId3"/><sheet name="Trống" sheetId="2" r:id="rId4"/></sheets></workbook>"#
    );
    let wb_rels = format!(
        r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" Target="/xl/sharedStrings.xml"/><Relationship Id="rId3" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="{REL}/worksheet" Target="./worksheets/../worksheets/sheet2.xml"/><Relationship Id="rId9" Type="{REL}/hyperlink" Target="http://example.invalid/" TargetMode="External"/></Relationships>"#
    );
    let styles = format!(
        r##"<styleSheet xmlns="{MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="dd/mm/yyyy"/><numFmt numFmtId="165" formatCode="#,##0&quot; ngày&quot;;[Red]\-#,##0"/></numFmts>
<fonts count="3"><font><sz val="11"/><name val="Calibri"/></font><font><sz val="12"/><name val=".VnTime"/></font><font><b/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="14" fontId="1"/></cellStyleXfs>
<cellXfs count="5"><xf numFmtId="0" fontId="0"/><xf numFmtId="0" fontId="1"/><xf numFmtId="14" fontId="0"/><xf numFmtId="164" fontId="0"/><xf numFmtId="165" fontId="2"/></cellXfs>
<dxfs count="1"><dxf><font><name val="Wingdings"/></font></dxf></dxfs></styleSheet>"##
    );
    let sst = format!(
        r#"<sst xmlns="{MAIN}" count="7" uniqueCount="7"><si><t>DANH SÁCH HỘ NGHÈO</t></si><si><t>Họ và tên</t></si><si><r><rPr><b/><rFont val="Calibri"/></rPr><t>Xã </t></r><r><t xml:space="preserve">Sơn Thủy</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si><si><t>NguyÔn V¨n A</t></si><si><r><rPr><rFont val=".VnTimeH"/></rPr><t>TR¦êNG</t></r></si><si><t>&lt;b&gt; &amp; &#7855;&#x1EA1;</t></si><si><t/></si></sst>"#
    );
    let sheet2 = format!(r#"<worksheet xmlns="{MAIN}"><sheetData/></worksheet>"#);
    vec![
        ("[Content_Types].xml".into(), "<Types/>".into()),
        ("_rels/.rels".into(), root_rels.into()),
        ("xl/workbook.xml".into(), workbook),
        ("xl/_rels/workbook.xml.rels".into(), wb_rels),
        ("xl/styles.xml".into(), styles),
        ("xl/sharedStrings.xml".into(), sst),
        ("xl/worksheets/sheet1.xml".into(), sheet1.into()),
        ("xl/worksheets/sheet2.xml".into(), sheet2),
    ]
}

fn pack(parts: &[(String, String)], stored: bool) -> Vec<u8> {
    let mut w = ZipWriter::new();
    for (n, d) in parts {
        if stored {
            w.add_stored(n, d.as_bytes());
        } else {
            w.add(n, d.as_bytes());
        }
    }
    w.finish()
}

fn xlsx_with_sheet(sheet: &str) -> Vec<u8> {
    pack(&xlsx_parts(sheet), true)
}

fn hand_sheet() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<x:worksheet xmlns:x="{MAIN}" xmlns:r="{REL}"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row>
<x:row r="3"><x:c t="s"><x:v>1</x:v></x:c><x:c t="inlineStr"><x:is><x:t>Ngày sinh</x:t></x:is></x:c><x:c r="D3" t="str"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>
<x:row><x:c r="A4" t="s" s="1"><x:v>3</x:v></x:c><x:c s="3"><x:v>45366</x:v></x:c><x:c s="2"><x:v>45000.5</x:v></x:c><x:c r="E4" s="4"><x:v>1234</x:v></x:c><x:c r="F4" t="b"><x:v>1</x:v></x:c><x:c r="G4" t="e"><x:v>#DIV/0!</x:v></x:c><x:c r="H4" s="1"/></x:row>
<x:row r="5"><x:c r="A5" t="s"><x:v>4</x:v></x:c><x:c r="B5" t="s"><x:v>2</x:v></x:c><x:c r="C5" t="s"><x:v>5</x:v></x:c><x:c r="D5" t="s"><x:v>6</x:v></x:c></x:row>
<x:row r="6"><x:c r="B6"><x:v>-1.5E-3</x:v></x:c><x:c r="C6"><x:v>7</x:v></x:c></x:row>
<x:row r="7"><x:c r="B7"><x:v>9</x:v></x:c></x:row>
</x:sheetData><x:mergeCells count="2"><x:mergeCell ref="A1:C1"/><x:mergeCell ref="C7:B6"/></x:mergeCells></x:worksheet>"#
    )
}

#[test]
fn hand_built_xlsx() {
    let bytes = pack(&xlsx_parts(&hand_sheet()), false);
    let wb = read_xlsx(&bytes, &Limits::default()).unwrap();
    assert_eq!(wb.sheets.len(), 2);
    assert_eq!(
        wb.sheets[1],
        Sheet {
            name: "Trống".into(),
            rows: vec![]
        }
    );
    let s = &wb.sheets[0];
    assert_eq!(s.name, "Danh sách");
    let nums: Vec<u32> = s.rows.iter().map(|r| r.row).collect();
    assert_eq!(nums, [1, 3, 4, 5, 6]);
    assert_eq!(vals(&s.rows[0]), [text("DANH SÁCH HỘ NGHÈO")]);
    assert_eq!(
        vals(&s.rows[1]),
        [
            text("Họ và tên"),
            text("Ngày sinh"),
            CellValue::Empty,
            text("2")
        ]
    );
    assert_eq!(
        vals(&s.rows[2]),
        [
            text("NguyÔn V¨n A"),
            CellValue::Date(45366.0),
            CellValue::Date(45000.5),
            CellValue::Empty,
            CellValue::Number(1234.0),
            CellValue::Bool(true),
            CellValue::Error("#DIV/0!".into()),
        ]
    );
    let fonts: Vec<Option<&str>> = s.rows[2].cells.iter().map(|c| c.font.as_deref()).collect();
    assert_eq!(fonts, [Some(".VnTime"), None, None, None, None, None, None]);
    assert_eq!(
        vals(&s.rows[3]),
        [text("TR¦êNG"), text("Xã Sơn Thủy"), text("<b> & ắạ")]
    );
    assert_eq!(s.rows[3].cells[0].font.as_deref(), Some(".VnTimeH"));
    assert_eq!(s.rows[3].cells[1].font, None);
    assert_eq!(
        vals(&s.rows[4]),
        [CellValue::Empty, CellValue::Number(-0.0015)]
    );

    // 1904 date system: serials are shifted to the 1900 system.
    let mut parts = xlsx_parts(&hand_sheet());
    parts[2].1 = parts[2]
        .1
        .replace("<workbookPr/>", "<workbookPr date1904=\"1\"/>");
    let wb = read_xlsx(&pack(&parts, false), &Limits::default()).unwrap();
    assert_eq!(
        wb.sheets[0].rows[2].cells[1].value,
        CellValue::Date(45366.0 + 1462.0)
    );
    // Not a workbook at all.
    let mut parts = xlsx_parts(&hand_sheet());
    parts.retain(|p| p.0 != "xl/workbook.xml");
    assert_eq!(
        read_xlsx(&pack(&parts, false), &Limits::default()).err(),
        Some(XlsxError::Zip(ZipError::MissingPart(
            "xl/workbook.xml".into()
        )))
    );
}

#[test]
fn million_columns_refused() {
    let t = Instant::now();
    let sheet = format!(
        "<worksheet><sheetData><row r=\"1\">{}</row></sheetData></worksheet>",
        "<c/>".repeat(1_000_000)
    );
    let err = read_xlsx(&xlsx_with_sheet(&sheet), &Limits::default()).unwrap_err();
    assert_eq!(
        err,
        XlsxError::Limit(LimitError::TooManyCols {
            sheet: "Danh sách".into(),
            row: 1,
            limit: 16_384
        })
    );
    assert!(err.to_string().contains("quá nhiều cột"));
    let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>";
    assert!(matches!(
        read_xlsx(&xlsx_with_sheet(sheet), &Limits::default()),
        Err(XlsxError::Limit(LimitError::TooManyCols { .. }))
    ));
    let sheet =
        "<worksheet><sheetData><row r=\"2000001\"><c><v>1</v></c></row></sheetData></worksheet>";
    assert!(matches!(
        read_xlsx(&xlsx_with_sheet(sheet), &Limits::default()),
        Err(XlsxError::Limit(LimitError::TooManyRows { .. }))
    ));
    // Two far-apart cells per row cost a dense row each: bounded by max_cells.
    let row = "<row><c r=\"A1\"><v>1</v></c><c r=\"XFD1\"><v>1</v></c></row>".repeat(1000);
    let sheet = format!("<worksheet><sheetData>{row}</sheetData></worksheet>");
    assert!(matches!(
        read_xlsx(&xlsx_with_sheet(&sheet), &Limits::default()),
        Err(XlsxError::Limit(LimitError::TooManyCells { .. }))
    ));
    assert!(t.elapsed().as_secs_f64() < 5.0, "{:?}", t.elapsed());
}

#[test]
fn write_then_read_xlsx() {
    let rows = vec![
        vec![
            XCell::Bold("Đơn vị".into()),
            XCell::Bold("Số hộ".into()),
            XCell::Bold("Tỷ lệ".into()),
            XCell::Bold("Ghi chú".into()),
        ],
        vec![
            XCell::Text("Xã Sơn Thủy".into()),
            XCell::Int(1234567),
            XCell::Percent(0.125),
            XCell::Text("=HYPERLINK(\"x\")".into()),
        ],
        vec![
            XCell::Text("  A & <B> \"c\"\u{1}\n".into()),
            XCell::Number(2.5),
            XCell::Empty,
            XCell::Text("-3".into()),
        ],
        vec![
            XCell::Bold("Tổng cộng".into()),
            XCell::Int(-7),
            XCell::Number(f64::NAN),
            XCell::Text("@x".into()),
        ],
    ];
    let sheets = vec![
        ("Báo cáo: [2024]/quý?".to_string(), rows),
        (
            "báo cáo_ _2024__quý_".to_string(),
            vec![vec![XCell::Number(1.0)]],
        ),
        (
            "Một tên rất dài vượt quá ba mươi mốt ký tự".to_string(),
            vec![],
        ),
    ];
    let bytes = write_xlsx(&sheets);
    assert_eq!(bytes, write_xlsx(&sheets));
    for (name, data) in read_zip(&bytes, &Limits::default()).unwrap() {
        let s = std::str::from_utf8(&data).unwrap();
        check_well_formed(s, &name, 64).unwrap_or_else(|e| panic!("{name}: {e}"));
    }
    let wb = read_xlsx(&bytes, &Limits::default()).unwrap();
    let names: Vec<&str> = wb.sheets.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Báo cáo_ _2024__quý_",
            "báo cáo_ _2024__quý_ (2)",
            "Một tên rất dài vượt quá ba mươ"
        ]
    );
    let s = &wb.sheets[0];
    assert_eq!(s.rows.len(), 4);
    assert_eq!(
        vals(&s.rows[0]),
        [
            text("Đơn vị"),
            text("Số hộ"),
            text("Tỷ lệ"),
            text("Ghi chú")
        ]
    );
    assert_eq!(
        vals(&s.rows[1]),
        [
            text("Xã Sơn Thủy"),
            CellValue::Number(1234567.0),
            CellValue::Number(0.125),
            text("'=HYPERLINK(\"x\")")
        ]
    );
    assert_eq!(
        vals(&s.rows[2]),
        [
            text("  A & <B> \"c\"\n"),
            CellValue::Number(2.5),
            CellValue::Empty,
            text("'-3")
        ]
    );
    assert_eq!(
        vals(&s.rows[3]),
        [
            text("Tổng cộng"),
            CellValue::Number(-7.0),
            CellValue::Empty,
            text("'@x")
        ]
    );
    assert!(s
        .rows
        .iter()
        .all(|r| r.cells.iter().all(|c| c.font.is_none())));
    assert_eq!(vals(&wb.sheets[1].rows[0]), [CellValue::Number(1.0)]);
    assert!(wb.sheets[2].rows.is_empty());
    let empty = read_xlsx(&write_xlsx(&[]), &Limits::default()).unwrap();
    assert_eq!(
        empty.sheets,
        [Sheet {
            name: "Sheet1".into(),
            rows: vec![]
        }]
    );
    assert_eq!(neutralise("abc"), "abc");
    assert_eq!(neutralise("+84 912"), "'+84 912");
    assert_eq!(neutralise("\tx"), "'\tx");
}

fn ods_content(extra_rows: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" office:version="1.2">
<office:font-face-decls><style:font-face style:name="VNI-Times" svg:font-family="&apos;VNI-Times&apos;"/><style:font-face style:name="F2" svg:font-family="VNI-Helve"/></office:font-face-decls>
<office:automatic-styles><style:style style:name="ce1" style:family="table-cell"><style:text-properties style:font-name="VNI-Times"/></style:style><style:style style:name="T1" style:family="text"><style:text-properties style:font-name="F2"/></style:style></office:automatic-styles>
<office:body><office:spreadsheet>
<table:table table:name="Bảng 1"><table:table-column table:number-columns-repeated="1024"/>
<table:table-row><table:table-cell office:value-type="string"><text:p>Tổng cộng</text:p></table:table-cell><table:table-cell table:number-columns-repeated="3"/><table:table-cell office:value-type="float" office:value="12.5"><text:p>12,5</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/></table:table-row>
<table:table-row table:number-rows-repeated="2"><table:table-cell office:value-type="percentage" office:value="0.25" table:number-columns-repeated="2"><text:p>25%</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="date" office:date-value="2024-03-15"><text:p>15/03/2024</text:p></table:table-cell><table:table-cell table:style-name="ce1" office:value-type="string"><text:p>Hai<text:s text:c="3"/>dòng</text:p><text:p>dòng <text:span text:style-name="T1">hai</text:span></text:p></table:table-cell><table:table-cell table:number-columns-spanned="2" office:value-type="string"><text:p><text:span text:style-name="T1">gộp</text:span></text:p><draw:frame><draw:text-box><text:p>hình</text:p></draw:text-box></draw:frame></table:table-cell><table:covered-table-cell office:value-type="string"><text:p>ẩn</text:p></table:covered-table-cell><table:table-cell office:value-type="boolean" office:boolean-value="true"><office:annotation><text:p>ghi chú</text:p></office:annotation></table:table-cell><table:table-cell office:value-type="time" office:time-value="PT12H00M00S"/></table:table-row>
<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>{extra_rows}
</table:table>
<table:table table:name="Sheet2"><table:table-row><table:table-cell office:value-type="currency" office:value="1000000" office:currency="VND"><text:p>1.000.000 ₫</text:p></table:table-cell></table:table-row></table:table>
</office:spreadsheet></office:body></office:document-content>"#
    )
}

fn ods(content: &str, stored: bool) -> Vec<u8> {
    let mut w = ZipWriter::new();
    w.add_stored(
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet",
    );
    if stored {
        w.add_stored("content.xml", content.as_bytes());
    } else {
        w.add("content.xml", content.as_bytes());
    }
    w.add("META-INF/manifest.xml", b"<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\"/>");
    w.finish()
}

#[test]
fn hand_built_ods() {
    let wb = read_ods(&ods(&ods_content(""), false), &Limits::default()).unwrap();
    assert_eq!(wb.sheets.len(), 2);
    let s = &wb.sheets[0];
    assert_eq!(s.name, "Bảng 1");
    let nums: Vec<u32> = s.rows.iter().map(|r| r.row).collect();
    assert_eq!(nums, [1, 2, 3, 4]);
    let e = CellValue::Empty;
    assert_eq!(
        vals(&s.rows[0]),
        [
            text("Tổng cộng"),
            e.clone(),
            e.clone(),
            e.clone(),
            CellValue::Number(12.5)
        ]
    );
    assert_eq!(
        vals(&s.rows[1]),
        [CellValue::Number(0.25), CellValue::Number(0.25)]
    );
    assert_eq!(s.rows[1].cells, s.rows[2].cells);
    assert_eq!(
        vals(&s.rows[3]),
        [
            CellValue::Date(45366.0),
            text("Hai   dòng\ndòng hai"),
            text("gộp"),
            e,
            CellValue::Bool(true),
            CellValue::Date(0.5)
        ]
    );
    let fonts: Vec<Option<&str>> = s.rows[3].cells.iter().map(|c| c.font.as_deref()).collect();
    assert_eq!(
        fonts,
        [None, Some("VNI-Times"), Some("VNI-Helve"), None, None, None]
    );
    assert_eq!(wb.sheets[1].name, "Sheet2");
    assert_eq!(vals(&wb.sheets[1].rows[0]), [CellValue::Number(1e6)]);

    // Repeats with content are capped by the limits.
    let t = Instant::now();
    let many = "<table:table-row table:number-rows-repeated=\"3000000\"><table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell></table:table-row>";
    let err = read_ods(&ods(&ods_content(many), false), &Limits::default()).unwrap_err();
    assert!(
        matches!(
            err,
            OdsError::Limit(LimitError::TooManyRows { .. } | LimitError::TooManyCells { .. })
        ),
        "{err:?}"
    );
    let wide = "<table:table-row><table:table-cell table:number-columns-repeated=\"1000000\" office:value-type=\"float\" office:value=\"1\"/></table:table-row>";
    let err = read_ods(&ods(&ods_content(wide), false), &Limits::default()).unwrap_err();
    assert!(
        matches!(err, OdsError::Limit(LimitError::TooManyCols { .. })),
        "{err:?}"
    );
    let huge =
        "<table:table-row table:number-rows-repeated=\"18446744073709551615\"/>".repeat(2) + many;
    let err = read_ods(&ods(&ods_content(&huge), false), &Limits::default()).unwrap_err();
    assert!(
        matches!(err, OdsError::Limit(LimitError::TooManyRows { .. })),
        "{err:?}"
    );
    assert!(t.elapsed().as_secs_f64() < 5.0, "{:?}", t.elapsed());
}

#[test]
fn dates_and_refs() {
    assert_eq!(iso_to_serial("1900-01-01"), Some(1.0));
    assert_eq!(iso_to_serial("1900-03-01"), Some(61.0));
    assert_eq!(iso_to_serial("2024-03-15T12:00:00"), Some(45366.5));
    assert_eq!(iso_to_serial("2024-13-01"), None);
    assert_eq!(parse_ref("$AB$12"), Some((27, 12)));
    assert_eq!(parse_ref("XFD1048576"), Some((16383, 1_048_576)));
    assert_eq!(parse_ref("1A"), None);
    let mut s = String::new();
    for c in [0, 25, 26, 701, 702, 16383] {
        col_name(c, &mut s);
        s.push(' ');
    }
    assert_eq!(s, "A Z AA ZZ AAA XFD ");
}

/// Mutates `bytes` in a few places.
fn mutate(bytes: &[u8], rng: &mut Lcg) -> Vec<u8> {
    let mut m = bytes.to_vec();
    if m.is_empty() {
        return m;
    }
    for _ in 0..1 + rng.next() % 4 {
        let i = (rng.next() as usize) % m.len();
        m[i] = match rng.next() % 4 {
            0 => m[i] ^ (1 << (rng.next() % 8)),
            1 => b'<',
            2 => 0xFF,
            _ => rng.next() as u8,
        };
    }
    m
}

#[test]
fn never_panics_on_damaged_files() {
    let lim = Limits::default();
    let xlsx = pack(&xlsx_parts(&hand_sheet()), false);
    let written = write_xlsx(&[(
        "S".into(),
        vec![vec![XCell::Text("Xã".into()), XCell::Int(3)]],
    )]);
    let ods_file = ods(&ods_content(""), false);
    let mut rng = Lcg(42);
    for file in [&xlsx, &written, &ods_file] {
        for cut in (0..file.len()).step_by(97) {
            let f = &file[..cut];
            let _ = read_zip(f, &lim);
            let _ = read_xlsx(f, &lim);
            let _ = read_ods(f, &lim);
        }
        for _ in 0..1500 {
            let f = mutate(file, &mut rng);
            let _ = read_zip(&f, &lim);
            let _ = read_xlsx(&f, &lim);
            let _ = read_ods(&f, &lim);
        }
    }
    // Damage the XML itself (valid zip, valid CRC) so the parsers see it.
    let parts = xlsx_parts(&hand_sheet());
    let content = ods_content("");
    for round in 0..3000 {
        let mut parts = parts.clone();
        let k = 2 + round % 5;
        let bytes = mutate(parts[k].1.as_bytes(), &mut rng);
        parts[k].1 = String::from_utf8_lossy(&bytes).into_owned();
        let cut = (rng.next() as usize) % (parts[k].1.len() + 1);
        if round % 3 == 0 && parts[k].1.is_char_boundary(cut) {
            parts[k].1.truncate(cut);
        }
        let _ = read_xlsx(&pack(&parts, true), &lim);
        let c = String::from_utf8_lossy(&mutate(content.as_bytes(), &mut rng)).into_owned();
        let _ = read_ods(&ods(&c, true), &lim);
    }
}

#[test]
fn messages_in_both_languages() {
    let x = |e: XlsxError| OfficeError::Xlsx(e);
    let all = [
        x(ZipError::NotZip.into()),
        x(ZipError::LegacyOrEncrypted.into()),
        x(ZipError::TotalTooLarge {
            limit: 200 * 1024 * 1024,
        }
        .into()),
        x(LimitError::TooManyCols {
            sheet: "A".into(),
            row: 3,
            limit: 16384,
        }
        .into()),
        x(XmlError {
            part: "x".into(),
            problem: XmlProblem::TooDeep(256),
            pos: 9,
        }
        .into()),
    ];
    assert!(all[2].to_string().contains("vượt 200 MB"));
    assert!(all[2].message(crate::Lang::En).contains("200 MB"));
    for e in all {
        assert_ne!(e.to_string(), e.message(crate::Lang::En));
    }
}
