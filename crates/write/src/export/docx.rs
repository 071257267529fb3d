//! The letter as a .docx file: hand-written WordprocessingML in a zip.
//!
//! Layout (Decree 30/2020, Appendix I; see `nd30-layout.md`): A4, margins
//! 20/20/30/15 mm, Times New Roman 14 pt; the header and the signature are
//! borderless two-column tables; page numbers centred in the top margin from
//! page 2 on; the appendix is a section of its own on a new page (landscape
//! when the table has more than 6 columns) whose numbering restarts at 1.
//! Lengths are in twips (1/20 pt, 1 mm ≈ 56.7).

use crate::escape::escape_into;
use crate::letter::{Appendix, Block, Letter};
use crate::office::ZipWriter;

pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG: &str = "http://schemas.openxmlformats.org/package/2006";
const CT: &str = "application/vnd.openxmlformats-officedocument";

const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const LEFT: u32 = 1701;
const RIGHT: u32 = 850;
/// Text width of a portrait page: 165 mm.
const TEXT_W: u32 = PAGE_W - LEFT - RIGHT;
const CENTER: &str = r#"<w:jc w:val="center"/>"#;

/// The letter as .docx bytes (WordprocessingML in a zip), Decree 30 layout.
pub fn write(letter: &Letter) -> Vec<u8> {
    let mut title = String::new();
    escape_into(&mut title, &letter.subject);
    let mut z = ZipWriter::new();
    let ct = format!(
        r#"{HEAD}<Types xmlns="{PKG}/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="{CT}.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="{CT}.wordprocessingml.styles+xml"/><Override PartName="/word/settings.xml" ContentType="{CT}.wordprocessingml.settings+xml"/><Override PartName="/word/header1.xml" ContentType="{CT}.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="{CT}.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="{CT}.extended-properties+xml"/></Types>"#
    );
    z.add("[Content_Types].xml", ct.as_bytes());
    let rels = format!(
        r#"{HEAD}<Relationships xmlns="{PKG}/relationships"><Relationship Id="rId1" Type="{R}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="{PKG}/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="{R}/extended-properties" Target="docProps/app.xml"/></Relationships>"#
    );
    z.add("_rels/.rels", rels.as_bytes());
    let core = format!(
        r#"{HEAD}<cp:coreProperties xmlns:cp="{PKG}/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{title}</dc:title><dc:language>vi-VN</dc:language></cp:coreProperties>"#
    );
    z.add("docProps/core.xml", core.as_bytes());
    let app = format!(
        r#"{HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>thongbao</Application></Properties>"#
    );
    z.add("docProps/app.xml", app.as_bytes());
    z.add("word/document.xml", document(letter).as_bytes());
    let styles = format!(
        r#"{HEAD}<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="Times New Roman" w:cs="Times New Roman"/><w:color w:val="000000"/><w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#
    );
    z.add("word/styles.xml", styles.as_bytes());
    let settings = format!(
        r#"{HEAD}<w:settings xmlns:w="{W}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="720"/><w:characterSpacingControl w:val="doNotCompress"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>"#
    );
    z.add("word/settings.xml", settings.as_bytes());
    let doc_rels = format!(
        r#"{HEAD}<Relationships xmlns="{PKG}/relationships"><Relationship Id="rId1" Type="{R}/header" Target="header1.xml"/><Relationship Id="rId2" Type="{R}/header" Target="header2.xml"/><Relationship Id="rId3" Type="{R}/styles" Target="styles.xml"/><Relationship Id="rId4" Type="{R}/settings" Target="settings.xml"/></Relationships>"#
    );
    z.add("word/_rels/document.xml.rels", doc_rels.as_bytes());
    // Default header: the page number, 13 pt, centred. First page: empty.
    let num = r#"<w:r><w:rPr><w:sz w:val="26"/><w:szCs w:val="26"/></w:rPr>"#;
    let header = format!(
        r#"{HEAD}<w:hdr xmlns:w="{W}" xmlns:r="{R}"><w:p><w:pPr>{CENTER}<w:rPr><w:sz w:val="26"/></w:rPr></w:pPr>{num}<w:fldChar w:fldCharType="begin"/></w:r>{num}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>{num}<w:fldChar w:fldCharType="separate"/></w:r>{num}<w:t>2</w:t></w:r>{num}<w:fldChar w:fldCharType="end"/></w:r></w:p></w:hdr>"#
    );
    z.add("word/header1.xml", header.as_bytes());
    let first = format!(r#"{HEAD}<w:hdr xmlns:w="{W}" xmlns:r="{R}"><w:p/></w:hdr>"#);
    z.add("word/header2.xml", first.as_bytes());
    z.finish()
}

/// Rough width in twips of `s` in Times New Roman at `pt` points, for the
/// rules and the "Kính gửi" indent.
fn width(s: &str, pt: u32) -> u32 {
    let em: u64 = s
        .chars()
        .map(|c| match c {
            ' ' | ',' | '.' | ':' | ';' | '-' | '/' | '(' | ')' => 28,
            c if crate::text::class::is_upper(c) => 72,
            _ => 50,
        })
        .sum();
    (em * u64::from(pt) / 5).min(100_000) as u32
}

/// A paragraph of one run; `ppr` holds paragraph properties in schema order
/// (keepNext, pBdr, spacing, ind, jc).
fn para(x: &mut String, ppr: &str, text: &str, b: bool, i: bool, pt: u32) {
    let mut rpr = String::new();
    if b {
        rpr.push_str("<w:b/><w:bCs/>");
    }
    if i {
        rpr.push_str("<w:i/><w:iCs/>");
    }
    if pt != 14 {
        rpr.push_str(&format!(
            r#"<w:sz w:val="{0}"/><w:szCs w:val="{0}"/>"#,
            pt * 2
        ));
    }
    let rpr = if rpr.is_empty() {
        rpr
    } else {
        format!("<w:rPr>{rpr}</w:rPr>")
    };
    x.push_str(&format!("<w:p><w:pPr>{ppr}{rpr}</w:pPr>"));
    if !text.is_empty() {
        x.push_str(&format!(r#"<w:r>{rpr}<w:t xml:space="preserve">"#));
        escape_into(x, text);
        x.push_str("</w:t></w:r>");
    }
    x.push_str("</w:p>");
}

/// A solid rule `len` long, centred in a column `col` wide: an empty, very
/// low paragraph with a bottom border, narrowed by equal indents.
fn rule(x: &mut String, len: u32, col: u32, after: u32) {
    let ind = col.saturating_sub(len) / 2;
    x.push_str(&format!(r#"<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr><w:spacing w:before="0" w:after="{after}" w:line="110" w:lineRule="exact"/><w:ind w:left="{ind}" w:right="{ind}"/><w:rPr><w:sz w:val="4"/></w:rPr></w:pPr></w:p>"#));
}

/// Opens a fixed-layout table; `lines`: single borders, else none.
fn table(x: &mut String, widths: &[u32], lines: bool, margin: u32) {
    let total: u32 = widths.iter().sum();
    let b = if lines {
        r#"w:val="single" w:sz="4" w:space="0" w:color="000000""#
    } else {
        r#"w:val="none" w:sz="0" w:space="0" w:color="auto""#
    };
    x.push_str(&format!(r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:tblInd w:w="0" w:type="dxa"/><w:tblBorders>"#));
    for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
        x.push_str(&format!("<w:{side} {b}/>"));
    }
    x.push_str(&format!(r#"</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="{margin}" w:type="dxa"/><w:right w:w="{margin}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>"#));
    for w in widths {
        x.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
    }
    x.push_str("</w:tblGrid>");
}

/// Opens a table cell (close it with `</w:tc>`).
fn cell(x: &mut String, w: u32, middle: bool) {
    let v = if middle {
        r#"<w:vAlign w:val="center"/>"#
    } else {
        ""
    };
    x.push_str(&format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/>{v}</w:tcPr>"#
    ));
}

/// A section's properties: A4, Decree margins, the page number in the
/// header except on the section's first page.
fn sect(x: &mut String, landscape: bool, appendix: bool) {
    let (w, h, orient) = if landscape {
        (PAGE_H, PAGE_W, r#" w:orient="landscape""#)
    } else {
        (PAGE_W, PAGE_H, "")
    };
    let (kind, restart) = if appendix {
        (
            r#"<w:type w:val="nextPage"/>"#,
            r#"<w:pgNumType w:start="1"/>"#,
        )
    } else {
        ("", "")
    };
    x.push_str(&format!(r#"<w:sectPr><w:headerReference w:type="default" r:id="rId1"/><w:headerReference w:type="first" r:id="rId2"/>{kind}<w:pgSz w:w="{w}" w:h="{h}"{orient}/><w:pgMar w:top="1134" w:right="{RIGHT}" w:bottom="1134" w:left="{LEFT}" w:header="567" w:footer="567" w:gutter="0"/>{restart}<w:cols w:space="720"/><w:titlePg/></w:sectPr>"#));
}

/// Column widths of the appendix table: each column as wide as its widest
/// cell (or header word), the rest of the line shared by all but the first.
fn col_widths(a: &Appendix, tw: u32) -> Vec<u32> {
    let n = a.columns.len();
    let mut w: Vec<u32> = (0..n)
        .map(|c| {
            let head = a.columns[c]
                .split_whitespace()
                .map(|s| width(s, 13))
                .max()
                .unwrap_or(0);
            let body = a
                .rows
                .iter()
                .chain([&a.total])
                .filter_map(|r| r.get(c))
                .map(|s| width(s, 13))
                .max()
                .unwrap_or(0);
            (head.max(body) + 300).min(tw)
        })
        .collect();
    let sum: u32 = w.iter().sum();
    if sum > tw {
        w.iter_mut().for_each(|v| *v = *v * tw / sum);
    } else {
        let grow = (n - usize::from(n > 1)) as u32;
        w.iter_mut()
            .skip(usize::from(n > 1))
            .for_each(|v| *v += (tw - sum) / grow);
    }
    let sum: u32 = w.iter().sum();
    if let Some(last) = w.last_mut() {
        *last += tw - sum;
    }
    w
}

fn document(l: &Letter) -> String {
    let x = &mut format!(r#"{HEAD}<w:document xmlns:w="{W}" xmlns:r="{R}"><w:body>"#);
    letterhead(x, l);
    recipients(x, l);
    body(x, l);
    signature(x, l);
    appendix(x, l);
    x.push_str("</w:body></w:document>");
    std::mem::take(x)
}

/// The header table: issuer | national title and motto; number and subject | place and date.
fn letterhead(x: &mut String, l: &Letter) {
    // Header: issuer | national title and motto; number and subject | place and date.
    const HL: u32 = 3515;
    const HR: u32 = TEXT_W - HL;
    table(x, &[HL, HR], false, 0);
    x.push_str("<w:tr>");
    cell(x, HL, false);
    let n = l.issuer.len();
    for (k, line) in l.issuer.iter().enumerate() {
        para(
            x,
            CENTER,
            &crate::text::case::to_upper(line),
            k + 1 == n,
            false,
            12,
        );
    }
    let longest = l.issuer.iter().map(|s| width(s, 12)).max().unwrap_or(0);
    if longest > 0 {
        rule(x, (longest * 2 / 5).max(600), HL, 0);
    } else {
        para(x, "", "", false, false, 12);
    }
    x.push_str("</w:tc>");
    cell(x, HR, false);
    para(
        x,
        CENTER,
        &crate::text::case::to_upper(&l.national_title),
        true,
        false,
        12,
    );
    para(x, CENTER, &l.motto, true, false, 13);
    rule(x, width(&l.motto, 13), HR, 0);
    x.push_str("</w:tc></w:tr><w:tr>");
    let row2 = format!(r#"<w:spacing w:before="200"/>{CENTER}"#);
    cell(x, HL, false);
    para(x, &row2, &l.number_line, false, false, 13);
    if l.doc_type.is_none() {
        para(
            x,
            &format!(r#"<w:spacing w:before="120"/>{CENTER}"#),
            &l.subject,
            false,
            false,
            12,
        );
    }
    x.push_str("</w:tc>");
    cell(x, HR, false);
    para(x, &row2, &l.place_date, false, true, 13);
    x.push_str("</w:tc></w:tr></w:tbl>");
    // Another type than a công văn: its name and subject as a title block.
    if let Some(t) = &l.doc_type {
        para(
            x,
            &format!(r#"<w:spacing w:before="360"/>{CENTER}"#),
            t,
            true,
            false,
            14,
        );
        para(x, CENTER, &l.subject, true, false, 14);
    }
}

/// Kính gửi: one recipient on the same line; several one per line, the dashes under the colon, the block centred.
fn recipients(x: &mut String, l: &Letter) {
    // Kính gửi: one recipient on the same line; several one per line, the
    // dashes under the colon, the block centred.
    let kg = "Kính gửi:";
    match l.recipients.as_slice() {
        [] => {}
        [one] => para(
            x,
            &format!(r#"<w:spacing w:before="480"/>{CENTER}"#),
            &format!("{kg} {one}"),
            false,
            false,
            14,
        ),
        many => {
            let dash = width("Kính gửi", 14);
            let list = many.iter().map(|r| width(r, 14)).max().unwrap_or(0);
            let left = (TEXT_W.saturating_sub(dash + list) / 2).min(2835);
            para(
                x,
                &format!(r#"<w:spacing w:before="480"/><w:ind w:left="{left}"/>"#),
                kg,
                false,
                false,
                14,
            );
            for r in many {
                para(
                    x,
                    &format!(r#"<w:ind w:left="{}"/>"#, left + dash),
                    r,
                    false,
                    false,
                    14,
                );
            }
        }
    }
}

/// Body: justified, first-line indent 1 cm, 6 pt between paragraphs.
fn body(x: &mut String, l: &Letter) {
    // Body: justified, first-line indent 1 cm, 6 pt between paragraphs.
    for (k, b) in l.body.iter().enumerate() {
        let keep = if k + 1 == l.body.len() {
            "<w:keepNext/>"
        } else {
            ""
        };
        let before = if k == 0 { 240 } else { 120 };
        let ppr = format!(
            r#"{keep}<w:spacing w:before="{before}" w:line="312" w:lineRule="auto"/><w:ind w:firstLine="567"/><w:jc w:val="both"/>"#
        );
        para(x, &ppr, b.text(), matches!(b, Block::Heading(_)), false, 14);
    }
}

/// Signature: Nơi nhận | authority, title, space to sign, name.
fn signature(x: &mut String, l: &Letter) {
    // Signature: Nơi nhận | authority, title, space to sign, name.
    const SL: u32 = 4253;
    const SR: u32 = TEXT_W - SL;
    table(x, &[SL, SR], false, 0);
    x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
    cell(x, SL, false);
    let top = r#"<w:spacing w:before="240"/>"#;
    para(x, top, "Nơi nhận:", true, true, 12);
    for r in &l.noi_nhan {
        para(x, "", r, false, false, 11);
    }
    x.push_str("</w:tc>");
    cell(x, SR, false);
    para(
        x,
        &format!("{top}{CENTER}"),
        &crate::text::case::to_upper(&l.authority),
        true,
        false,
        14,
    );
    if !l.title.is_empty() {
        para(
            x,
            CENTER,
            &crate::text::case::to_upper(&l.title),
            true,
            false,
            14,
        );
    }
    for _ in 0..4 {
        para(x, CENTER, "", false, false, 14);
    }
    para(x, CENTER, &l.signer, true, false, 14);
    x.push_str("</w:tc></w:tr></w:tbl>");
}

/// The appendix: a section of its own, on a new page, numbered from 1.
fn appendix(x: &mut String, l: &Letter) {
    // Appendix: a section of its own, on a new page, numbered from 1.
    let a = &l.appendix;
    if a.rows.is_empty() || a.columns.is_empty() {
        sect(x, false, false);
    } else {
        x.push_str(r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/></w:rPr>"#);
        sect(x, false, false);
        x.push_str("</w:pPr></w:p>");
        let landscape = a.columns.len() > 6;
        let tw = if landscape { PAGE_H } else { PAGE_W } - LEFT - RIGHT;
        para(x, CENTER, &a.heading, true, false, 14);
        para(
            x,
            CENTER,
            &crate::text::case::to_upper(&a.title),
            true,
            false,
            14,
        );
        para(x, CENTER, &a.note, false, true, 14);
        rule(x, tw / 5, tw, 360);
        let widths = col_widths(a, tw);
        table(x, &widths, true, 85);
        let pad = r#"<w:spacing w:before="40" w:after="40"/>"#;
        x.push_str("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        for (c, w) in a.columns.iter().zip(&widths) {
            cell(x, *w, true);
            para(x, &format!("{pad}{CENTER}"), c, true, false, 13);
            x.push_str("</w:tc>");
        }
        x.push_str("</w:tr>");
        for (k, row) in a.rows.iter().chain([&a.total]).enumerate() {
            let total = k == a.rows.len();
            x.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            for (c, w) in widths.iter().enumerate() {
                let jc = match (a.numeric.get(c), total) {
                    (Some(true), _) => r#"<w:jc w:val="right"/>"#,
                    (_, true) => CENTER,
                    _ => "",
                };
                cell(x, *w, true);
                para(
                    x,
                    &format!("{pad}{jc}"),
                    row.get(c).map_or("", |s| s.as_str()),
                    total,
                    false,
                    13,
                );
                x.push_str("</w:tc>");
            }
            x.push_str("</w:tr>");
        }
        x.push_str("</w:tbl>");
        para(x, "", "", false, false, 14);
        sect(x, landscape, true);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::letter::{covid_letter, covid_qr, sample_manual};
    use crate::office::xml::check_well_formed;
    use crate::office::{Limits, ZipArchive};
    use crate::stats::Settings;

    fn sample() -> Letter {
        let data = crate::ingest::read(crate::SAMPLE_CSV.as_bytes(), crate::SAMPLE_NAME)
            .expect("sample reads");
        let p = covid_qr();
        covid_letter(&data, &sample_manual(), &Settings::default(), &p.fields, &p)
    }

    /// Every part, unzipped and checked well-formed.
    fn parts(bytes: &[u8]) -> Vec<(String, String)> {
        let z = ZipArchive::new(bytes, &Limits::default()).expect("zip");
        let out: Vec<(String, String)> = z
            .entries()
            .iter()
            .map(|e| {
                (
                    e.name.clone(),
                    String::from_utf8(z.read(e).expect("entry")).expect("utf-8"),
                )
            })
            .collect();
        for (name, xml) in &out {
            check_well_formed(xml, name, 64).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        }
        out
    }

    fn part<'a>(p: &'a [(String, String)], name: &str) -> &'a str {
        &p.iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} missing"))
            .1
    }

    #[test]
    fn sample_letter_as_docx() {
        let bytes = write(&sample());
        assert_eq!(bytes, write(&sample()), "deterministic");
        let p = parts(&bytes);
        for name in [
            "[Content_Types].xml",
            "_rels/.rels",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/settings.xml",
            "word/header2.xml",
            "docProps/core.xml",
            "docProps/app.xml",
        ] {
            part(&p, name);
        }
        let doc = part(&p, "word/document.xml");
        for s in [
            "Số: 2092/UBND-VHTT",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Quan Sơn, ngày 16 tháng 11 năm 2021",
            "- Đảng ủy các xã, thị trấn;",
            "4.336",
            "5.554/18.510",
            "30,0%",
            "Nơi nhận:",
            "KT. CHỦ TỊCH",
            "Phụ lục",
            "Tổng cộng",
            "Xã Mường Mìn",
            r#"<w:pgSz w:w="11906" w:h="16838"/>"#,
            r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701" w:header="567""#,
            "<w:titlePg/>",
            r#"<w:pgNumType w:start="1"/>"#,
            r#"<w:type w:val="nextPage"/>"#,
            "<w:tblHeader/>",
        ] {
            assert!(doc.contains(s), "document.xml lacks {s}");
        }
        assert_eq!(doc.matches("<w:sectPr>").count(), 2);
        assert!(!doc.contains("landscape"));
        assert!(part(&p, "word/header1.xml").contains("> PAGE <"));
        assert!(part(&p, "word/styles.xml").contains(r#"<w:sz w:val="28"/>"#));
        assert!(part(&p, "word/styles.xml").contains("vi-VN"));
        assert!(!part(&p, "word/settings.xml").contains("evenAndOddHeaders"));
        assert!(part(&p, "docProps/core.xml").contains("<dc:title>V/v thông báo"));
    }

    #[test]
    fn hostile_text_is_escaped_and_wide_tables_turn_landscape() {
        let mut l = sample();
        l.signer = "<img src=x onerror=alert(1)> & \u{1}\u{b}\"".into();
        l.recipients = vec!["A & B </w:t>".into()];
        l.appendix.columns.extend(["a", "b"].map(String::from));
        l.appendix.numeric.extend([true, true]);
        let p = parts(&write(&l));
        let doc = part(&p, "word/document.xml");
        assert!(doc.contains("&lt;img src=x onerror=alert(1)&gt; &amp; &quot;"));
        assert!(doc.contains("Kính gửi: A &amp; B &lt;/w:t&gt;"));
        assert!(!doc.contains("<img"));
        assert!(doc.contains(r#"<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>"#));
        // Rows shorter than the header are padded with empty cells.
        let row = doc.split("<w:tr>").nth(4).expect("a data row");
        assert_eq!(row.matches("<w:tc>").count(), 7);
    }

    #[test]
    fn letter_without_appendix_has_one_section() {
        let mut l = sample();
        l.appendix.rows.clear();
        l.recipients.clear();
        let p = parts(&write(&l));
        let doc = part(&p, "word/document.xml");
        assert_eq!(doc.matches("<w:sectPr>").count(), 1);
        assert!(!doc.contains("Phụ lục"));
        assert!(!doc.contains("Kính gửi"));
    }

    #[test]
    fn appendix_columns_fill_the_text_width() {
        let a = sample().appendix;
        let w = col_widths(&a, TEXT_W);
        assert_eq!(w.iter().sum::<u32>(), TEXT_W);
        assert!(w[0] < w[2] && w[3] < w[2], "{w:?}");
    }
}
