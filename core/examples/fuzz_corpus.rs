//! Writes the fuzzers' seed corpus (`core/fuzz/corpus/<target>/`): the seed
//! table in every encoding and format ingest reads, number and date strings,
//! and small workbooks. Each seed is small; the whole corpus stays well under
//! 200 KB. Run again after changing it; the files are committed.
//!
//! `cargo run -p thongbao-core --example fuzz_corpus -- core/fuzz/corpus`

use std::path::Path;
use thongbao_core::office::{write_xlsx, XCell, ZipWriter};
use thongbao_core::text::{encode_as, Encoding};
use thongbao_core::SAMPLE_CSV;

/// Byte 0 of an `ingest` input: which file name (see fuzz_targets/ingest.rs).
const CSV: u8 = 0;
const TXT: u8 = 1;
const XLSX: u8 = 2;
const ODS: u8 = 3;
const XLS: u8 = 4;
const HTML: u8 = 5;
const NO_EXT: u8 = 6;
const DATED_NAME: u8 = 7;
/// Flag: one override byte follows (encoding index | delimiter index << 3).
const OVERRIDE: u8 = 8;
/// Flag: a column mapping follows (count, then role indexes).
const MAPPING: u8 = 0x10;

fn with(head: &[u8], body: &[u8]) -> Vec<u8> {
    [head, body].concat()
}

#[path = "common/seed.rs"]
mod seed;
use seed::rows as seed_rows;

fn delimited(d: &str) -> String {
    SAMPLE_CSV.replace(',', d).replace('\n', "\r\n")
}

/// Title line, rate and phone columns, comma decimals, a total row: reaches
/// the title-date, rate-check and total-check paths.
fn rich() -> String {
    let mut s = String::from(
        "DANH SÁCH THỐNG KÊ NGÀY 12/11/2021\r\n\r\n\
         STT;Xã;Số địa điểm;Lượt quét;Số máy cài PC-Covid;Số điện thoại thông minh;Tỷ lệ cài đặt\r\n",
    );
    for (k, r) in seed_rows().iter().take(4).enumerate() {
        let inst = 100 + k * 37;
        let phones = 400 + k * 11;
        s.push_str(&format!(
            "{};{};{};{};{inst};{phones};{},{}%\r\n",
            k + 1,
            r[2],
            r[3],
            r[4],
            inst * 100 / phones,
            (inst * 1000 / phones) % 10
        ));
    }
    s.push_str(";Tổng cộng;228;2187;;;\r\n");
    s
}

/// Two report dates in a date column: changes since the previous period.
fn two_dates() -> String {
    let mut s = String::from("Ngày,Huyện,Xã,Số địa điểm,Lượt quét\n");
    for (date, f) in [("05/11/2021", 0), ("2021-11-12", 7)] {
        for r in seed_rows().iter().take(3) {
            let loc: i64 = r[3].parse().unwrap();
            s.push_str(&format!("{date},{},{},{},{}\n", r[1], r[2], loc + f, r[4]));
        }
    }
    s
}

fn html() -> String {
    let mut s = String::from(
        "<html><body><table><tr><th>STT</th><th>Xã</th><th>Số địa điểm</th><th>Lượt quét</th></tr>",
    );
    for r in seed_rows().iter().take(3) {
        s.push_str(&format!(
            "<tr><td>{}</td><td>{} &amp; c&#7901;</td><td>{}</td><td>4.{}</td></tr>",
            r[0],
            r[2],
            r[3],
            r[4].get(..3).unwrap_or("000")
        ));
    }
    s.push_str("</table></body></html>");
    s
}

fn xlsx() -> Vec<u8> {
    let mut rows = vec![
        vec![XCell::Bold("DANH SÁCH NGÀY 12/11/2021".into())],
        seed::header_cells(),
    ];
    rows.extend(seed::sheet_rows(4, |v| {
        XCell::Number(v.parse().unwrap_or_default())
    }));
    rows.push(vec![
        XCell::Empty,
        XCell::Bold("Tổng cộng".into()),
        XCell::Empty,
        XCell::Int(228),
        XCell::Percent(0.5),
    ]);
    write_xlsx(&[("Số liệu".into(), rows)])
}

fn ods() -> Vec<u8> {
    let mut rows = String::new();
    let cell = |t: &str| {
        format!("<table:table-cell office:value-type=\"string\"><text:p>{t}</text:p></table:table-cell>")
    };
    let num = |v: &str| {
        format!("<table:table-cell office:value-type=\"float\" office:value=\"{v}\"><text:p>{v}</text:p></table:table-cell>")
    };
    rows.push_str("<table:table-row>");
    for h in ["STT", "Xã", "Số địa điểm", "Lượt quét", "Ngày"] {
        rows.push_str(&cell(h));
    }
    rows.push_str("</table:table-row>");
    for r in seed_rows().iter().take(3) {
        rows.push_str("<table:table-row>");
        rows.push_str(&num(&r[0]));
        rows.push_str(&format!("<table:table-cell table:style-name=\"ce1\" office:value-type=\"string\"><text:p>{}</text:p></table:table-cell>", r[2]));
        rows.push_str(&num(&r[3]));
        rows.push_str(&num(&r[4]));
        rows.push_str("<table:table-cell office:value-type=\"date\" office:date-value=\"2021-11-12\"><text:p>12/11/2021</text:p></table:table-cell>");
        rows.push_str("</table:table-row>");
    }
    rows.push_str("<table:table-row table:number-rows-repeated=\"3\"><table:table-cell table:number-columns-repeated=\"2\"/></table:table-row>");
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"><office:font-face-decls><style:font-face style:name="F1" svg:font-family=".VnTime" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls><office:automatic-styles><style:style style:name="ce1" style:family="table-cell"><style:text-properties style:font-name="Times New Roman"/></style:style></office:automatic-styles><office:body><office:spreadsheet><table:table table:name="Bảng 1">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let mut w = ZipWriter::new();
    w.add_stored(
        "mimetype",
        b"application/vnd.oasis.opendocument.spreadsheet",
    );
    w.add("content.xml", content.as_bytes());
    w.finish()
}

/// `numbers` input: 8 bytes of an f64 (an Excel serial), then the text.
fn number(serial: f64, text: &str) -> Vec<u8> {
    with(&serial.to_le_bytes(), text.as_bytes())
}

/// The sample in encoding `e`.
fn enc(e: Encoding) -> Vec<u8> {
    encode_as(SAMPLE_CSV, e)
}

/// The seeds written so far: (target, file name, bytes).
struct Seeds(Vec<(&'static str, String, Vec<u8>)>);

impl Seeds {
    fn add(&mut self, target: &'static str, name: &str, bytes: Vec<u8>) {
        self.0.push((target, name.to_string(), bytes));
    }
}

/// Seeds for `ingest`: the sample in every shape, name and override.
fn ingest_seeds(c: &mut Seeds) {
    let seed = SAMPLE_CSV;
    let tsv = delimited("\t");
    let xlsx = xlsx();
    let ods = ods();
    // ingest: byte 0 picks the name and the overrides, the rest is the file.
    c.add("ingest", "seed-utf8.csv", with(&[CSV], seed.as_bytes()));
    c.add(
        "ingest",
        "seed-dated-name.csv",
        with(&[DATED_NAME], seed.as_bytes()),
    );
    c.add(
        "ingest",
        "seed-bom.csv",
        with(&[CSV], &enc(Encoding::Utf8Bom)),
    );
    c.add(
        "ingest",
        "seed-cp1258.csv",
        with(&[CSV], &enc(Encoding::Windows1258)),
    );
    c.add(
        "ingest",
        "seed-tcvn3.csv",
        with(&[CSV], &enc(Encoding::Tcvn3)),
    );
    c.add("ingest", "seed-vni.csv", with(&[CSV], &enc(Encoding::Vni)));
    c.add(
        "ingest",
        "seed-utf16le.txt",
        with(&[TXT], &encode_as(&tsv, Encoding::Utf16Le)),
    );
    c.add(
        "ingest",
        "seed-utf16be.txt",
        with(&[TXT], &encode_as(&tsv, Encoding::Utf16Be)),
    );
    // Overrides: cp1258 (index 4) with ';' (index 2), VNI (6) with tab (3).
    c.add(
        "ingest",
        "override-cp1258-semicolon.csv",
        with(
            &[CSV | OVERRIDE, 4 | 2 << 3],
            &encode_as(&delimited(";"), Encoding::Windows1258),
        ),
    );
    c.add(
        "ingest",
        "override-vni-tab.txt",
        with(
            &[NO_EXT | OVERRIDE, 6 | 3 << 3],
            &encode_as(&tsv, Encoding::Vni),
        ),
    );
    c.add(
        "ingest",
        "rich-semicolon.csv",
        with(&[CSV], rich().as_bytes()),
    );
    c.add(
        "ingest",
        "two-dates.csv",
        with(&[CSV], two_dates().as_bytes()),
    );
    c.add("ingest", "table.html", with(&[HTML], html().as_bytes()));
    c.add("ingest", "table.xlsx", with(&[XLSX], &xlsx));
    c.add("ingest", "table.ods", with(&[ODS], &ods));
    // A header nobody recognises, mapped by the user: Unit, Locations, Scans
    // (role indexes 0, 3, 4 of Role::ALL).
    c.add(
        "ingest",
        "mapping.csv",
        with(
            &[CSV | MAPPING, 3, 0, 3, 4],
            "Cột A,Cột B,Cột C\nXã Một,5,50\nXã Hai,7,70\n".as_bytes(),
        ),
    );
}

/// Seeds for `text` and `numbers`.
fn text_seeds(c: &mut Seeds) {
    // text: raw bytes, every encoding.
    for e in Encoding::ALL {
        c.add("text", &format!("seed-{}.csv", e.id()), enc(e));
    }
    c.add(
        "text",
        "nfd.txt",
        "Xa\u{303} So\u{31b}n Thuy\u{309}, U\u{31b}\u{309}y ban, \u{110}ie\u{302}\u{323}n"
            .as_bytes()
            .to_vec(),
    );
    c.add(
        "text",
        "latin1-mojibake.txt",
        "Tæng céng x· S¬n Hµ".as_bytes().to_vec(),
    );

    // numbers: the styles of the brief and the seed letter.
    for (k, (serial, s)) in [
        (44512.0, "4.336"),
        (44505.0, "4,336"),
        (1.0, "4 336"),
        (60.0, "4.336,0"),
        (61.0, "30,0%"),
        (2_958_465.0, "0,3"),
        (44512.5, "12/11/2021"),
        (0.0, "2021-11-05"),
        (f64::NAN, "44512"),
        (-1.0, "ngày 16 tháng 11 năm 2021"),
        (1e300, "5/1/22\n4,336.00\n(1.234)\n-5"),
    ]
    .into_iter()
    .enumerate()
    {
        c.add("numbers", &format!("n{k:02}"), number(serial, s));
    }
}

/// Regression seeds and the `docx` starts.
fn regression_seeds(c: &mut Seeds) {
    let seed = SAMPLE_CSV;
    // Regression seeds: inputs that crashed a target once (minimised), so
    // every run replays them first.
    c.add(
        "numbers",
        "regress-year-0630",
        number(0.0, "0630.3\n;1.234\n-5"),
    );
    c.add("numbers", "regress-year-0033", number(0.0, "0033-06-01"));
    c.add(
        "text",
        "regress-fold-dotted-capital-i",
        b"\xc4\xb0".to_vec(),
    );
    // A mapping (Unit, Locations, District) for a file without rows.
    c.add(
        "ingest",
        "regress-mapping-no-rows",
        with(&[CSV | MAPPING, 3, 0, 3, 0x31], b"<"),
    );
    // A mapping of 4 columns (Unit, Rate, Scans, Date) for a 1-column file.
    c.add(
        "ingest",
        "regress-mapping-longer-than-header",
        b"<td<td>\xee=".to_vec(),
    );
    c.add(
        "ingest",
        "regress-absurd-rate.csv",
        with(
            &[CSV],
            b"X\xc3\xa3,,c\xc3\xa0i, th\xc3\xb4ng minh,9%\n,,1,2,-999999999999999999",
        ),
    );

    // docx: the arbitrary-derived input takes any bytes; letter-like text
    // gives it Vietnamese strings and separators to start from.
    c.add("docx", "seed-csv", seed.as_bytes().to_vec());
    c.add(
        "docx",
        "hostile",
        "<w:t>]]>&amp;\u{1}\"'\r\n{date}{high_units:short}[ ({scans_change})]\u{0}Xã <b>Hà</b>"
            .as_bytes()
            .to_vec(),
    );
}

/// Seeds for `office`: the workbooks, whole and damaged.
fn office_seeds(c: &mut Seeds) {
    let xlsx = xlsx();
    let ods = ods();
    // Binary .xls (BIFF8 and BIFF5 in OLE2), the reader's own fixtures.
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    for name in ["seed.xls", "multi.xls"] {
        let xls = std::fs::read(data.join(name)).expect("xls fixture");
        c.add("ingest", name, with(&[XLS], &xls));
        c.add("office", name, xls);
    }

    // office: the workbooks as they are.
    c.add("office", "table.xlsx", xlsx.clone());
    c.add("office", "table.ods", ods.clone());
    c.add(
        "office",
        "table-truncated.xlsx",
        xlsx[..xlsx.len() * 2 / 3].to_vec(),
    );
}

fn main() {
    let dir = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "core/fuzz/corpus".into());
    let dir = Path::new(&dir);
    let mut c = Seeds(Vec::new());
    ingest_seeds(&mut c);
    text_seeds(&mut c);
    regression_seeds(&mut c);
    office_seeds(&mut c);
    let files = c.0;
    let mut total = 0;
    for (target, name, bytes) in &files {
        let d = dir.join(target);
        std::fs::create_dir_all(&d).expect("create corpus dir");
        std::fs::write(d.join(name), bytes).expect("write seed");
        total += bytes.len();
    }
    assert!(total < 200 * 1024, "corpus is {total} bytes");
    println!("{} seeds, {total} bytes, in {}", files.len(), dir.display());
}
