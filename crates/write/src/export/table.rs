//! The computed table of units, as cells, and its CSV and .xlsx files.
//!
//! [`super::report_table`] lays a report's table out once (header, one row
//! per unit, the totals row); [`to_csv`] and [`to_xlsx`] only serialise
//! those cells, so both files always hold the same figures. Text cells that a spreadsheet
//! could take for a formula (starting with `=`, `+`, `-`, `@`, tab or CR)
//! are neutralised with [`neutralise`] in both files.

use crate::office::{neutralise, write_xlsx, XCell};
use crate::Lang;

/// One cell of the exported table.
#[derive(Clone, Debug, PartialEq)]
pub enum TableCell {
    Text(String),
    /// A count, a rank, a change.
    Int(i64),
    /// A ratio: 0.300 is 30,0%.
    Percent(f64),
    /// A figure with a fractional part (a mean score), already rounded to
    /// its decimals.
    Decimal(f64),
    Empty,
}

/// A float written plainly with a decimal point and no exponent, at most six
/// decimals, trailing zeros dropped: 30.0 → "30", 361.3 → "361.3".
fn plain(x: f64) -> String {
    crate::format::plain_decimal(x, 6, '.').unwrap_or_default()
}

/// The table as CSV: UTF-8 with a BOM, comma-separated, CRLF line ends,
/// RFC 4180 quoting.
///
/// Numbers: a CSV has no number format, and Excel parses a double-clicked
/// CSV with the Windows regional settings, which differ between machines
/// (Vietnamese: decimal `,`, grouping `.`; English: the reverse). The choice
/// is the one that keeps the most figures numeric everywhere:
///
/// * counts, ranks and changes (nearly every cell) are plain integers
///   without grouping (`4336`, `-20`): no separator, so every locale, Excel
///   and LibreOffice alike, reads them as the same number;
/// * percentages are written in percent units, as the header's "(%)" says,
///   and decimals with a `.` (`30.1`, `361.3`), no `%` sign, no grouping:
///   the RFC 4180/"C" form that LibreOffice, Excel with `.` decimals,
///   scripts and thongbao's own reader take as numbers. Excel with a `,`
///   decimal symbol opens these few cells as text.
///
/// Rejected: `sep=,` on the first line (Excel then ignores the BOM and
/// garbles every diacritic), `;` as delimiter (the file would no longer be a
/// comma CSV, and LibreOffice and scripts expect `,`), `"30,1"` (numeric
/// only in `,` locales, text in all others), `"30,1%"` (text everywhere but
/// Excel-vi), integer tenths (wrong values). The .xlsx export ([`to_xlsx`])
/// stores real numbers and is the file to open in Excel on any locale.
pub fn to_csv(rows: &[Vec<TableCell>]) -> Vec<u8> {
    let mut out = String::from('\u{FEFF}');
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                TableCell::Text(s) => neutralise(s).into_owned(),
                TableCell::Int(v) => v.to_string(),
                TableCell::Percent(x) => plain(x * 100.0),
                TableCell::Decimal(x) => plain(*x),
                TableCell::Empty => String::new(),
            })
            .collect();
        crate::csv::write_record(&mut out, &cells);
    }
    out.into_bytes()
}

/// One record of [`to_csv_excel`]: `;` between cells, a cell quoted when it
/// holds `;`, `"` or a line break (RFC 4180 quoting with `;` as the
/// delimiter; a decimal comma needs none), CRLF after it.
fn write_record_semicolon(out: &mut String, cells: &[String]) {
    crate::csv::write_record_with(out, cells, ';', &[';', '"', '\n', '\r']);
}

/// The table as CSV for Excel with Vietnamese regional settings (control
/// "CSV cho Excel (dấu ;)"): UTF-8 with a BOM, `;` between cells, decimal
/// comma (`30,1`, `361,3`), CRLF line ends; the same cells as [`to_csv`],
/// text neutralised the same way.
///
/// Excel opens a double-clicked CSV with the Windows list separator and
/// decimal symbol. Vietnamese settings have decimal `,` and list separator
/// `;`, so a comma CSV opens in one column and `30.1` is text there; this
/// file opens in columns with every figure a number. Integers carry no
/// grouping (`4336`), so the grouping symbol never matters.
///
/// No `sep=;` first line: it would make Excel split on `;` whatever the
/// settings, but Excel then ignores the BOM and reads the file in the ANSI
/// code page, garbling every Vietnamese letter ("XÃ£ Trung Háº¡"); and the
/// line would become the first row in LibreOffice and in scripts. The
/// BOM + `;` file needs no such line on a machine with Vietnamese (or any
/// decimal-comma) settings. On a machine with English settings use
/// [`to_csv`] or, anywhere, the .xlsx ([`to_xlsx`]).
pub fn to_csv_excel(rows: &[Vec<TableCell>]) -> Vec<u8> {
    let comma = |s: String| s.replace('.', ",");
    let mut out = String::from('\u{FEFF}');
    for row in rows {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match c {
                TableCell::Text(s) => neutralise(s).into_owned(),
                TableCell::Int(v) => v.to_string(),
                TableCell::Percent(x) => comma(plain(x * 100.0)),
                TableCell::Decimal(x) => comma(plain(*x)),
                TableCell::Empty => String::new(),
            })
            .collect();
        write_record_semicolon(&mut out, &cells);
    }
    out.into_bytes()
}

/// Every row issue as a CSV file (UTF-8 with BOM, for Excel): file, line,
/// column, value as the file had it, error or warning, and the reason.
pub fn issues_csv(issues: &[(&str, &crate::ingest::RowIssue)], lang: Lang) -> Vec<u8> {
    let vi = lang == Lang::Vi;
    let mut out = String::from('\u{FEFF}');
    let head: Vec<String> = if vi {
        ["Tệp", "Dòng", "Cột", "Giá trị", "Mức", "Lý do"]
    } else {
        ["File", "Line", "Column", "Value", "Level", "Reason"]
    }
    .map(String::from)
    .to_vec();
    crate::csv::write_record(&mut out, &head);
    for (file, i) in issues {
        let level = match (i.severity, vi) {
            (crate::ingest::Severity::Error, true) => "Lỗi (dòng bị loại)",
            (crate::ingest::Severity::Error, false) => "Error (row left out)",
            (crate::ingest::Severity::Warning, true) => "Cảnh báo",
            (crate::ingest::Severity::Warning, false) => "Warning",
        };
        let cells = [
            neutralise(file).into_owned(),
            i.line.to_string(),
            neutralise(i.column.as_deref().unwrap_or("")).into_owned(),
            neutralise(&i.value).into_owned(),
            level.to_string(),
            neutralise(&i.reason(lang)).into_owned(),
        ];
        crate::csv::write_record(&mut out, &cells);
    }
    out.into_bytes()
}

/// The table as an .xlsx workbook with one sheet, "Số liệu": counts as
/// numbers shown `#,##0`, percentages as ratios shown `0.0%`, decimals as
/// plain numbers; the header row (frozen) bold, the totals row's label bold.
/// The first row is taken as the header and, when there are units, the last
/// as the totals row, as [`table`] lays them out. Text is neutralised by
/// [`write_xlsx`].
pub fn to_xlsx(rows: &[Vec<TableCell>]) -> Vec<u8> {
    let last = rows.len().saturating_sub(1);
    let cells: Vec<Vec<XCell>> = rows
        .iter()
        .enumerate()
        .map(|(r, row)| {
            let bold = r == 0 || (r == last && r >= 2);
            row.iter()
                .map(|c| match c {
                    TableCell::Text(s) if bold => XCell::Bold(s.clone()),
                    TableCell::Text(s) => XCell::Text(s.clone()),
                    TableCell::Int(v) => XCell::Int(*v),
                    TableCell::Percent(x) => XCell::Percent(*x),
                    TableCell::Decimal(x) => XCell::Number(*x),
                    TableCell::Empty => XCell::Empty,
                })
                .collect()
        })
        .collect();
    write_xlsx(&[("Số liệu".to_string(), cells)])
}

/// MIME type of the .xlsx file.
pub const XLSX_MIME: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{self, Severity};
    use crate::model::Dataset;
    use crate::office::{read_xlsx, CellValue, Limits};

    fn seed() -> Dataset {
        ingest::read(crate::SAMPLE_CSV.as_bytes(), crate::SAMPLE_NAME).unwrap()
    }

    /// The COVID report's table of `d`, as the page exports it.
    fn table(d: &Dataset, lang: Lang) -> Vec<Vec<TableCell>> {
        let p = crate::letter::covid_qr();
        let spec = crate::letter::profile::covid_spec(&Default::default());
        let c = crate::engine::compute(d, &spec);
        super::super::report_table::report_table(&c, &spec, &p, lang)
    }

    fn texts(row: &[TableCell]) -> Vec<String> {
        row.iter()
            .map(|c| match c {
                TableCell::Text(s) => s.clone(),
                _ => String::new(),
            })
            .collect()
    }

    /// Units (district, name, values) and totals of the current period.
    fn figures(d: &Dataset) -> Vec<(Option<String>, String, crate::model::Values)> {
        d.current()
            .unwrap()
            .units
            .iter()
            .map(|u| (u.district.clone(), u.name.clone(), u.values))
            .collect()
    }

    #[test]
    fn seed_table_has_header_units_and_totals() {
        let rows = table(&seed(), Lang::Vi);
        assert_eq!(rows.len(), 14);
        assert_eq!(
            texts(&rows[0]),
            [
                "STT",
                "Huyện",
                "Thị trấn/xã",
                "Tổng số địa điểm tạo mã QR",
                "Tổng lượt quét QR",
                "Lượt quét/địa điểm",
                "Tỷ trọng lượt quét (%)",
                "Xếp hạng lượt quét",
                "Phân loại"
            ]
        );
        assert!(rows.iter().all(|r| r.len() == rows[0].len()));
        // Xã Trung Hạ: 71 locations, 938 scans (13,2 a location, 21,6 % of
        // all), rank 1, high scans (the file has no installs: no install
        // columns, no rate).
        assert_eq!(
            rows[4],
            vec![
                TableCell::Int(4),
                TableCell::Text("Huyện Quan Sơn".into()),
                TableCell::Text("Xã Trung Hạ".into()),
                TableCell::Int(71),
                TableCell::Int(938),
                TableCell::Decimal(13.2),
                TableCell::Percent(0.216),
                TableCell::Int(1),
                TableCell::Text("lượt quét cao".into()),
            ]
        );
        // Sơn Hà and Tam Thanh tie at 10 scans: both 11th.
        assert_eq!(
            (rows[5][7].clone(), rows[6][7].clone()),
            (TableCell::Int(11), TableCell::Int(11))
        );
        let total = &rows[13];
        assert_eq!(total[2], TableCell::Text("Tổng cộng".into()));
        assert_eq!(total[3], TableCell::Int(584));
        assert_eq!(total[4], TableCell::Int(4336));
        assert_eq!(total[5], TableCell::Decimal(7.4));
        assert_eq!(total[6], TableCell::Percent(1.0));
        assert_eq!(total[7], TableCell::Empty, "a rank has no total");
        // Trung Xuân, 189 scans, is neither high nor low.
        assert_eq!(rows[1][8], TableCell::Empty);
        let en = table(&seed(), Lang::En);
        assert_eq!(
            texts(&en[0]),
            [
                "No.",
                "District",
                "Unit",
                "QR locations",
                "QR scans",
                "Scans per location",
                "Share of scans (%)",
                "Scans rank",
                "Class"
            ]
        );
        assert_eq!(en[13][2], TableCell::Text("Total".into()));
    }

    #[test]
    fn csv_has_bom_crlf_plain_numbers_and_reads_back() {
        let d = seed();
        let rows = table(&d, Lang::Vi);
        let csv = to_csv(&rows);
        assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = std::str::from_utf8(&csv[3..]).unwrap();
        assert_eq!(text.matches("\r\n").count(), 14);
        assert_eq!(text.matches('\n').count(), 14);
        assert!(
            text.contains("\r\n4,Huyện Quan Sơn,Xã Trung Hạ,71,938,13.2,21.6,1,lượt quét cao\r\n")
        );
        assert!(text.ends_with("\r\n,,Tổng cộng,584,4336,7.4,100,,\r\n"));
        for lang in [Lang::Vi, Lang::En] {
            let csv = to_csv(&table(&d, lang));
            let back = ingest::read(&csv, "bang-so-lieu.csv").unwrap();
            assert_eq!(figures(&back), figures(&d));
            let src = &back.sources[0];
            assert_eq!(src.encoding, Some(crate::text::Encoding::Utf8Bom));
            assert_eq!(src.issues, vec![], "{lang:?}");
            assert_eq!(src.account.units, 12);
            assert_eq!(src.account.totals, 1);
        }
    }

    #[test]
    fn xlsx_has_numbers_and_reads_back() {
        let d = seed();
        let rows = table(&d, Lang::Vi);
        let bytes = to_xlsx(&rows);
        let wb = read_xlsx(&bytes, &Limits::default()).unwrap();
        assert_eq!(wb.sheets.len(), 1);
        assert_eq!(wb.sheets[0].name, "Số liệu");
        let sheet = &wb.sheets[0].rows;
        assert_eq!(sheet.len(), 14);
        let v = |r: usize, c: usize| sheet[r].cells[c].value.clone();
        assert_eq!(v(0, 2), CellValue::Text("Thị trấn/xã".into()));
        assert_eq!(v(4, 3), CellValue::Number(71.0));
        assert_eq!(v(4, 4), CellValue::Number(938.0));
        assert_eq!(v(4, 5), CellValue::Number(13.2));
        assert_eq!(v(4, 6), CellValue::Number(0.216));
        assert_eq!(v(13, 3), CellValue::Number(584.0));
        assert_eq!(v(13, 4), CellValue::Number(4336.0));
        let back = ingest::read(&bytes, "bang-so-lieu.xlsx").unwrap();
        assert_eq!(figures(&back), figures(&d));
        assert_eq!(back.sources[0].issues, vec![]);
        assert_eq!(back.sources[0].account.totals, 1);
        // Header and total label bold (style 1), counts #,##0 (style 2);
        // percentages 0.0% (style 3: see the rates' test).
        let zip = crate::office::ZipArchive::new(&bytes, &Limits::default()).unwrap();
        let xml = String::from_utf8(zip.file("xl/worksheets/sheet1.xml").unwrap()).unwrap();
        assert!(xml.contains(r#"<c r="C1" s="1" t="inlineStr"><is><t>Thị trấn/xã</t>"#));
        assert!(xml.contains(r#"<c r="C14" s="1" t="inlineStr"><is><t>Tổng cộng</t>"#));
        assert!(xml.contains(r#"<c r="E14" s="2"><v>4336</v></c>"#));
        assert!(xml.contains(r#"<c r="C5" t="inlineStr"><is><t>Xã Trung Hạ</t>"#));
        assert!(xml.contains(r#"<c r="G5" s="3"><v>0.216</v></c>"#));
    }

    #[test]
    fn formula_like_names_are_neutralised_in_both_files() {
        let bad = ["=HYPERLINK(\"http://x\")", "+1", "@SUM(A1)", "-2+3"];
        let mut csv_in = String::from("Xã,Lượt quét\n");
        for (k, n) in bad.iter().enumerate() {
            let mut line = String::new();
            crate::csv::write_record(&mut line, &[n.to_string(), (k * 10).to_string()]);
            csv_in.push_str(&line);
        }
        let d = ingest::read(csv_in.as_bytes(), "x.csv").unwrap();
        assert_eq!(d.current().unwrap().units.len(), bad.len());
        let rows = table(&d, Lang::Vi);
        let csv = String::from_utf8(to_csv(&rows)).unwrap();
        let wb = read_xlsx(&to_xlsx(&rows), &Limits::default()).unwrap();
        let names: Vec<CellValue> = wb.sheets[0].rows[1..=bad.len()]
            .iter()
            .map(|r| r.cells[1].value.clone())
            .collect();
        for (k, n) in bad.iter().enumerate() {
            let want = format!("'{n}");
            // CSV: the cell starts with the apostrophe (quoted when it holds a quote).
            let cells: Vec<Vec<String>> = crate::csv::Records::new(&csv[3..], ',')
                .map(|r| r.cells.into_iter().map(|c| c.into_owned()).collect())
                .collect();
            assert_eq!(cells[k + 1][1], want, "csv {n:?}");
            assert_eq!(names[k], CellValue::Text(want), "xlsx {n:?}");
        }
    }

    #[test]
    fn csv_for_vietnamese_excel_has_bom_semicolons_and_decimal_commas() {
        let d = seed();
        let rows = table(&d, Lang::Vi);
        let csv = to_csv_excel(&rows);
        // UTF-8 BOM first, no `sep=` line (Excel would then ignore the BOM).
        assert!(csv.starts_with(&[0xEF, 0xBB, 0xBF]));
        let text = std::str::from_utf8(&csv[3..]).unwrap();
        assert!(!text.starts_with("sep="));
        assert!(
            text.starts_with("STT;Huyện;Thị trấn/xã;"),
            "{}",
            &text[..60]
        );
        assert_eq!(text.matches("\r\n").count(), 14);
        assert_eq!(text.matches('\n').count(), 14);
        assert!(
            text.contains("\r\n4;Huyện Quan Sơn;Xã Trung Hạ;71;938;13,2;21,6;1;lượt quét cao\r\n")
        );
        assert!(text.ends_with("\r\n;;Tổng cộng;584;4336;7,4;100;;\r\n"));
        // No number carries a decimal point or a grouping dot.
        for line in text.lines().skip(1) {
            for cell in line.split(';').skip(3) {
                assert!(!cell.contains('.'), "{cell:?} in {line:?}");
            }
        }
        // thongbao reads its own file back: same figures, no issues.
        for lang in [Lang::Vi, Lang::En] {
            let csv = to_csv_excel(&table(&d, lang));
            let back = ingest::read(&csv, "bang-so-lieu-excel.csv").unwrap();
            assert_eq!(figures(&back), figures(&d));
            let src = &back.sources[0];
            assert_eq!(src.encoding, Some(crate::text::Encoding::Utf8Bom));
            assert_eq!(src.issues, vec![], "{lang:?}");
            assert_eq!(src.account.units, 12);
            assert_eq!(src.account.totals, 1);
        }
    }

    #[test]
    fn csv_for_excel_quotes_semicolons_and_neutralises_formulas() {
        let rows = vec![
            vec![
                TableCell::Text("Đơn vị".into()),
                TableCell::Text("Tỷ lệ (%)".into()),
                TableCell::Text("Ghi chú".into()),
            ],
            vec![
                TableCell::Text("Xã A; thôn B".into()),
                TableCell::Percent(0.301),
                TableCell::Text("say \"hi\", ok".into()),
            ],
            vec![
                TableCell::Text("=HYPERLINK(\"http://x\")".into()),
                TableCell::Decimal(361.25),
                TableCell::Text("+1".into()),
            ],
            vec![
                TableCell::Text("@SUM(A1)".into()),
                TableCell::Int(-20),
                TableCell::Text("-2+3".into()),
            ],
            vec![
                TableCell::Text("dòng\nhai".into()),
                TableCell::Empty,
                TableCell::Int(4336),
            ],
        ];
        let csv = to_csv_excel(&rows);
        let text = std::str::from_utf8(&csv[3..]).unwrap();
        assert_eq!(
            text,
            "Đơn vị;Tỷ lệ (%);Ghi chú\r\n\
             \"Xã A; thôn B\";30,1;\"say \"\"hi\"\", ok\"\r\n\
             \"'=HYPERLINK(\"\"http://x\"\")\";361,25;'+1\r\n\
             '@SUM(A1);-20;'-2+3\r\n\
             \"dòng\nhai\";;4336\r\n"
        );
        // A `;` reader gets the cells back, neutralised.
        let cells: Vec<Vec<String>> = crate::csv::Records::new(text, ';')
            .map(|r| r.cells.into_iter().map(|c| c.into_owned()).collect())
            .collect();
        assert_eq!(cells[1], ["Xã A; thôn B", "30,1", "say \"hi\", ok"]);
        assert_eq!(cells[2], ["'=HYPERLINK(\"http://x\")", "361,25", "'+1"]);
        assert_eq!(cells[3], ["'@SUM(A1)", "-20", "'-2+3"]);
        assert_eq!(cells[4], ["dòng\nhai", "", "4336"]);
    }

    #[test]
    fn previous_period_adds_changes_and_rank_changes() {
        let csv = "Ngày,Xã,Số địa điểm,Lượt quét\n\
                   05/11/2021,Xã A,10,100\n05/11/2021,Xã B,20,50\n\
                   12/11/2021,Xã A,12,80\n12/11/2021,Xã B,20,90\n12/11/2021,Xã C,1,1\n";
        let d = ingest::read(csv.as_bytes(), "two.csv").unwrap();
        let rows = table(&d, Lang::Vi);
        assert_eq!(
            texts(&rows[0])[6..],
            [
                "Xếp hạng lượt quét",
                "Phân loại",
                "Địa điểm tạo mã QR (thay đổi)",
                "Lượt quét QR (thay đổi)",
                "Xếp hạng lượt quét (thay đổi)"
            ]
        );
        // Xã A: 12 − 10 locations, 80 − 100 scans, first last week and
        // second now.
        assert_eq!(
            rows[1][6..],
            [
                TableCell::Int(2),
                TableCell::Text("lượt quét cao".into()),
                TableCell::Int(2),
                TableCell::Int(-20),
                TableCell::Text("giảm 1 bậc".into())
            ]
        );
        // Xã C is new: no change.
        assert_eq!(
            rows[3][8..],
            [TableCell::Empty, TableCell::Empty, TableCell::Empty]
        );
        // Totals: 33 - 30 locations, 171 - 150 scans.
        assert_eq!(
            rows[4][8..],
            [TableCell::Int(3), TableCell::Int(21), TableCell::Empty]
        );
        // The change columns do not disturb reading the file back.
        let back = ingest::read(&to_csv(&rows), "back.csv").unwrap();
        assert_eq!(back.current().unwrap().units.len(), 3);
        assert_eq!(back.sources[0].issues, vec![]);
        let back = ingest::read(&to_xlsx(&rows), "back.xlsx").unwrap();
        assert_eq!(back.current().unwrap().units.len(), 3);
    }

    #[test]
    fn rates_column_and_its_check_on_reading_back() {
        let csv = "Xã,Lượt quét,Đã cài PC-Covid,Số smartphone\nXã A,10,50,100\nXã B,10,10,100\nXã C,10,0,0\n";
        let d = ingest::read(csv.as_bytes(), "r.csv").unwrap();
        let rows = table(&d, Lang::Vi);
        assert_eq!(texts(&rows[0])[5], "Tỷ lệ cài đặt PC-Covid (%)");
        assert_eq!(rows[1][5], TableCell::Percent(0.5));
        assert_eq!(rows[3][5], TableCell::Empty);
        assert_eq!(rows[4][5], TableCell::Percent(0.3));
        let text = String::from_utf8(to_csv(&rows)).unwrap();
        assert!(
            text.contains("\r\n1,Xã A,10,50,100,50,33.3,1,lượt quét cao\r\n"),
            "{text}"
        );
        // Percentages are 0.0% cells (style 3) in the .xlsx.
        let zip_bytes = to_xlsx(&rows);
        let zip = crate::office::ZipArchive::new(&zip_bytes, &Limits::default()).unwrap();
        let xml = String::from_utf8(zip.file("xl/worksheets/sheet1.xml").unwrap()).unwrap();
        assert!(xml.contains(r#"<c r="F2" s="3"><v>0.5</v></c>"#), "{xml}");
        for (bytes, name) in [(to_csv(&rows), "r.csv"), (to_xlsx(&rows), "r.xlsx")] {
            let back = ingest::read(&bytes, name).unwrap();
            assert_eq!(figures(&back), figures(&d), "{name}");
            // The typed rates agree with the figures: no RateMismatch.
            let warnings: Vec<_> = back.sources[0]
                .issues
                .iter()
                .filter(|i| i.severity == Severity::Warning)
                .collect();
            assert!(warnings.is_empty(), "{name}: {warnings:?}");
        }
    }

    #[test]
    fn empty_summary_gives_header_and_totals() {
        let d = Dataset {
            sources: Vec::new(),
            periods: Vec::new(),
            extra_columns: Vec::new(),
        };
        let rows = table(&d, Lang::Vi);
        assert_eq!(rows.len(), 2);
        assert!(to_csv(&rows).starts_with(b"\xEF\xBB\xBFSTT,"));
        assert!(read_xlsx(&to_xlsx(&rows), &Limits::default()).is_ok());
    }

    #[test]
    fn plain_numbers() {
        assert_eq!(plain(30.0), "30");
        assert_eq!(plain(0.301 * 100.0), "30.1");
        assert_eq!(plain(-0.0), "0");
        assert_eq!(plain(1e15), "1000000000000000");
        assert_eq!(plain(f64::NAN), "");
    }
}

#[cfg(test)]
mod issue_tests {
    use super::*;

    #[test]
    fn the_issue_list_reads_back() {
        let d = crate::ingest::read("Xã,Lượt quét\n=A1,-5\nB,7\n".as_bytes(), "f.csv").unwrap();
        let s = &d.sources[0];
        let items: Vec<(&str, &crate::ingest::RowIssue)> =
            s.issues.iter().map(|i| (s.file_name.as_str(), i)).collect();
        let csv = String::from_utf8(issues_csv(&items, Lang::Vi)).unwrap();
        let rows: Vec<Vec<String>> = crate::csv::Records::new(&csv[3..], ',')
            .map(|r| r.cells.into_iter().map(|c| c.into_owned()).collect())
            .collect();
        assert_eq!(rows[0], ["Tệp", "Dòng", "Cột", "Giá trị", "Mức", "Lý do"]);
        // The value as the file had it, neutralised like every exported text.
        assert_eq!(
            rows[1][..5],
            ["f.csv", "2", "Lượt quét", "'-5", "Lỗi (dòng bị loại)"]
        );
    }
}
