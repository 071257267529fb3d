//! Writing small, valid .xlsx workbooks (inline strings, a frozen header row).

use std::borrow::Cow;

use super::col_name;
use super::xstring::{cut_utf16, escape, MAX_CELL_UNITS};
use super::zip::ZipWriter;
use crate::escape::escape_into;

/// One cell to write.
#[derive(Clone, Debug, PartialEq)]
pub enum XCell {
    Empty,
    Text(String),
    Number(f64),
    /// A ratio (0.125 is shown as 12.5%), format "0.0%".
    Percent(f64),
    /// Shown with thousands separators, format "#,##0".
    Int(i64),
    /// Bold text, for headers and total labels.
    Bold(String),
}

/// Neutralises text that a spreadsheet could take for a formula (starting with
/// = + - @, tab or CR) by prefixing an apostrophe. Use for CSV too.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    match s.as_bytes().first() {
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r') => Cow::Owned(format!("'{s}")),
        _ => Cow::Borrowed(s),
    }
}

/// Makes a valid, unique sheet name: at most 31 characters, none of []:*?/\,
/// not starting or ending with an apostrophe, not "History".
fn sheet_name(raw: &str, index: usize, taken: &[String]) -> String {
    let clean: String = raw
        .chars()
        .filter(|c| !c.is_control())
        .map(|c| if "[]:*?/\\".contains(c) { '_' } else { c })
        .collect();
    let base: String = clean.trim().trim_matches('\'').chars().take(31).collect();
    let mut base = base.trim().trim_matches('\'').to_string();
    if base.is_empty() || base.eq_ignore_ascii_case("history") {
        base = format!("Sheet{index}");
    }
    let mut name = base.clone();
    let mut n = 2;
    while taken
        .iter()
        .any(|t| crate::text::case::to_lower(t) == crate::text::case::to_lower(&name))
    {
        let suffix = format!(" ({n})");
        let keep = 31 - suffix.chars().count();
        name = base.chars().take(keep).collect::<String>() + &suffix;
        n += 1;
    }
    name
}

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
"#;
const NS_MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL: &str = "http://schemas.openxmlformats.org/package/2006/relationships";

const STYLES: &str = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="12"/><name val="Times New Roman"/><family val="1"/></font><font><b/><sz val="12"/><name val="Times New Roman"/><family val="1"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

fn sheet_xml(rows: &[Vec<XCell>]) -> String {
    let mut x = String::with_capacity(256 + rows.len() * 64);
    x.push_str(HEAD);
    x.push_str("<worksheet xmlns=\"");
    x.push_str(NS_MAIN);
    x.push_str("\" xmlns:r=\"");
    x.push_str(NS_REL);
    x.push_str("\"><sheetViews><sheetView workbookViewId=\"0\">");
    x.push_str("<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/><selection pane=\"bottomLeft\"/>");
    x.push_str("</sheetView></sheetViews>");
    // Column widths from the longest text (in characters), 8..=60.
    let ncols = rows.iter().map(Vec::len).max().unwrap_or(0);
    if ncols > 0 {
        x.push_str("<cols>");
        for c in 0..ncols {
            let longest = rows
                .iter()
                .filter_map(|r| r.get(c))
                .map(|v| match v {
                    XCell::Text(s) | XCell::Bold(s) => {
                        s.lines().map(|l| l.chars().count()).max().unwrap_or(0)
                    }
                    XCell::Empty => 0,
                    _ => 12,
                })
                .max()
                .unwrap_or(0);
            let w = (longest + 2).clamp(8, 60);
            x.push_str(&format!(
                "<col min=\"{0}\" max=\"{0}\" width=\"{w}\" customWidth=\"1\"/>",
                c + 1
            ));
        }
        x.push_str("</cols>");
    }
    x.push_str("<sheetData>");
    for (i, row) in rows.iter().enumerate() {
        let r = i + 1;
        x.push_str(&format!("<row r=\"{r}\">"));
        for (c, cell) in row.iter().enumerate() {
            let (style, text, num) = match cell {
                XCell::Empty => continue,
                XCell::Text(s) => (0, Some(s.as_str()), String::new()),
                XCell::Bold(s) => (1, Some(s.as_str()), String::new()),
                XCell::Number(v) => match crate::format::plain_number(*v) {
                    Some(t) => (0, None, t),
                    None => continue,
                },
                XCell::Percent(v) => match crate::format::plain_number(*v) {
                    Some(t) => (3, None, t),
                    None => continue,
                },
                XCell::Int(v) => (2, None, v.to_string()),
            };
            x.push_str("<c r=\"");
            col_name(c, &mut x);
            x.push_str(&r.to_string());
            x.push('"');
            if style != 0 {
                x.push_str(&format!(" s=\"{style}\""));
            }
            match text {
                Some(s) => {
                    // Excel "repairs" a file with a longer cell.
                    let s = neutralise(s);
                    let s = cut_utf16(&s, MAX_CELL_UNITS);
                    let preserve = s.starts_with(char::is_whitespace)
                        || s.ends_with(char::is_whitespace)
                        || s.contains('\n');
                    x.push_str(" t=\"inlineStr\"><is><t");
                    if preserve {
                        x.push_str(" xml:space=\"preserve\"");
                    }
                    x.push('>');
                    escape_into(&mut x, &escape(s));
                    x.push_str("</t></is></c>");
                }
                None => {
                    x.push_str("><v>");
                    x.push_str(&num);
                    x.push_str("</v></c>");
                }
            }
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData><pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/></worksheet>");
    x
}

/// Writes a workbook with one worksheet per (name, rows). The first row of
/// each sheet is frozen. An empty list gives one empty sheet.
pub fn write_xlsx(sheets: &[(String, Vec<Vec<XCell>>)]) -> Vec<u8> {
    let empty = [(String::from("Sheet1"), Vec::new())];
    let sheets = if sheets.is_empty() {
        &empty[..]
    } else {
        sheets
    };
    let mut names: Vec<String> = Vec::with_capacity(sheets.len());
    for (i, (n, _)) in sheets.iter().enumerate() {
        let name = sheet_name(n, i + 1, &names);
        names.push(name);
    }
    let mut ct = String::from(HEAD);
    ct.push_str(r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#);
    let mut wb = format!(
        r#"{HEAD}<workbook xmlns="{NS_MAIN}" xmlns:r="{NS_REL}"><bookViews><workbookView/></bookViews><sheets>"#
    );
    let mut rels = format!(r#"{HEAD}<Relationships xmlns="{NS_PKG_REL}">"#);
    for (i, name) in names.iter().enumerate() {
        let n = i + 1;
        ct.push_str(&format!(r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#));
        wb.push_str("<sheet name=\"");
        escape_into(&mut wb, name);
        wb.push_str(&format!("\" sheetId=\"{n}\" r:id=\"rId{n}\"/>"));
        rels.push_str(&format!(r#"<Relationship Id="rId{n}" Type="{NS_REL}/worksheet" Target="worksheets/sheet{n}.xml"/>"#));
    }
    ct.push_str("</Types>");
    wb.push_str("</sheets></workbook>");
    rels.push_str(&format!(
        r#"<Relationship Id="rId{}" Type="{NS_REL}/styles" Target="styles.xml"/></Relationships>"#,
        names.len() + 1
    ));

    let mut z = ZipWriter::new();
    z.add("[Content_Types].xml", ct.as_bytes());
    z.add(
        "_rels/.rels",
        format!(r#"{HEAD}<Relationships xmlns="{NS_PKG_REL}"><Relationship Id="rId1" Type="{NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#).as_bytes(),
    );
    z.add("xl/workbook.xml", wb.as_bytes());
    z.add("xl/_rels/workbook.xml.rels", rels.as_bytes());
    z.add("xl/styles.xml", format!("{HEAD}{STYLES}").as_bytes());
    for (i, (_, rows)) in sheets.iter().enumerate() {
        z.add(
            &format!("xl/worksheets/sheet{}.xml", i + 1),
            sheet_xml(rows).as_bytes(),
        );
    }
    z.finish()
}
