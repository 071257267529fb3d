//! Reading OpenDocument spreadsheets (.ods): values and cell fonts from
//! content.xml.

use super::xlsx_read::load;
use super::xlsx_sheet::place;
use super::xml::{local, Reader, Token};
use super::zip::ZipArchive;
use super::{iso_to_serial, Cell, CellValue, Limits, OfficeError, Sheet, SheetRow, Workbook};

/// ISO 8601 duration ("PT12H30M00S", "P1DT2H") as a fraction of days.
fn duration_days(s: &str) -> Option<f64> {
    let s = s.trim();
    let (sign, s) = match s.strip_prefix('-') {
        Some(r) => (-1.0, r),
        None => (1.0, s),
    };
    let mut total = 0.0;
    let mut num = String::new();
    let mut in_time = false;
    for c in s.strip_prefix('P')?.chars() {
        match c {
            'T' => in_time = true,
            '0'..='9' | '.' => num.push(c),
            _ => {
                let v = crate::decimal::parse_f64(&num)?;
                num.clear();
                total += v * match (c, in_time) {
                    ('D', false) => 86_400.0,
                    ('H', true) => 3_600.0,
                    ('M', true) => 60.0,
                    ('S', true) => 1.0,
                    _ => return None,
                };
            }
        }
    }
    Some(sign * total / 86_400.0)
}

struct OdsCell {
    repeat: usize,
    covered: bool,
    value: Option<CellValue>,
    font: Option<usize>,
}

/// Index of the automatic style `key` in the sorted style → font list.
fn lookup(map: &[(String, String)], key: &str) -> Option<usize> {
    map.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()
}

fn parse_content(xml: &str, lim: &Limits) -> Result<Workbook, OfficeError> {
    let mut r = Reader::new(xml, "content.xml", lim.max_depth);
    let mut faces: Vec<(String, String)> = Vec::new();
    let mut fonts: Vec<(String, String)> = Vec::new(); // automatic style -> font family
    let mut cur_style: Option<String> = None;
    let mut sheets: Vec<Sheet> = Vec::new();
    let mut sheet: Option<Sheet> = None;
    let (mut row_no, mut rep_rows, mut col) = (0u64, 1u64, 0usize);
    let mut cur: Vec<Cell> = Vec::new();
    let mut cell: Option<OdsCell> = None;
    let mut text = String::new();
    let (mut paras, mut in_p) = (0usize, 0usize);
    let mut span_font: Option<usize> = None;
    let mut used = 0usize;
    while let Some(tok) = r.next_token()? {
        match tok {
            Token::Start(t) => {
                if t.name.starts_with("draw:") || t.local() == "annotation" {
                    r.skip_element()?;
                    continue;
                }
                let num = |a: &str| {
                    t.attr(a)
                        .and_then(|v| v.trim().parse::<u64>().ok())
                        .unwrap_or(1)
                        .max(1)
                };
                match t.local() {
                    "font-face" => {
                        let fam = t.attr("font-family").unwrap_or_default();
                        let fam = fam.trim().trim_matches(['\'', '"']).to_string();
                        faces.push((t.attr("name").unwrap_or_default().into_owned(), fam));
                    }
                    "style" => cur_style = t.attr("name").map(|v| v.into_owned()),
                    "text-properties" => {
                        if let (Some(s), Some(f)) = (
                            &cur_style,
                            t.attr("font-name").or_else(|| t.attr("font-family")),
                        ) {
                            let fam = faces.iter().find(|x| x.0 == f).map_or_else(
                                || f.trim_matches(['\'', '"']).to_string(),
                                |x| x.1.clone(),
                            );
                            fonts.push((s.clone(), fam));
                        }
                    }
                    "table" => {
                        fonts.sort();
                        let name = t.attr("name").map_or_else(
                            || format!("Sheet{}", sheets.len() + 1),
                            |v| v.into_owned(),
                        );
                        sheet = Some(Sheet {
                            name,
                            rows: Vec::new(),
                        });
                        row_no = 0;
                    }
                    "table-row" if sheet.is_some() => {
                        rep_rows = num("number-rows-repeated");
                        cur.clear();
                        col = 0;
                    }
                    l @ ("table-cell" | "covered-table-cell") if sheet.is_some() => {
                        let value = match t.attr("value-type").as_deref() {
                            Some("float" | "percentage" | "currency") => t
                                .attr("value")
                                .and_then(|v| crate::decimal::parse_f64(v.trim()))
                                .filter(|v| v.is_finite())
                                .map(CellValue::Number),
                            Some("date") => t
                                .attr("date-value")
                                .and_then(|v| iso_to_serial(&v))
                                .map(CellValue::Date),
                            Some("time") => t
                                .attr("time-value")
                                .and_then(|v| duration_days(&v))
                                .map(CellValue::Date),
                            Some("boolean") => t
                                .attr("boolean-value")
                                .map(|v| CellValue::Bool(v.trim() == "true")),
                            _ => None,
                        };
                        let font = t.attr("style-name").and_then(|s| lookup(&fonts, &s));
                        let repeat =
                            usize::try_from(num("number-columns-repeated")).unwrap_or(usize::MAX);
                        cell = Some(OdsCell {
                            repeat,
                            covered: l == "covered-table-cell",
                            value,
                            font,
                        });
                        text.clear();
                        paras = 0;
                        in_p = 0;
                        span_font = None;
                    }
                    "p" | "h" if cell.is_some() => {
                        if paras > 0 {
                            text.push('\n');
                        }
                        paras += 1;
                        in_p += 1;
                    }
                    "s" if in_p > 0 => {
                        let n = num("c").min(1000) as usize;
                        for _ in 0..n {
                            text.push(' ');
                        }
                    }
                    "tab" if in_p > 0 => text.push('\t'),
                    "line-break" if in_p > 0 => text.push('\n'),
                    "span" if in_p > 0 && span_font.is_none() => {
                        span_font = t.attr("style-name").and_then(|s| lookup(&fonts, &s));
                    }
                    _ => {}
                }
            }
            Token::End(n) => match local(n) {
                "style" => cur_style = None,
                "p" | "h" => in_p = in_p.saturating_sub(1),
                "table-cell" | "covered-table-cell" => {
                    let Some(c) = cell.take() else { continue };
                    let value = match c.value {
                        _ if c.covered => CellValue::Empty,
                        Some(v) => v,
                        None if text.is_empty() => CellValue::Empty,
                        None => CellValue::Text(std::mem::take(&mut text)),
                    };
                    if value != CellValue::Empty {
                        let name = sheet.as_ref().map_or("", |s| s.name.as_str());
                        let font = c
                            .font
                            .or(span_font.take())
                            .and_then(|i| fonts.get(i))
                            .map(|f| f.1.clone());
                        for k in 0..c.repeat {
                            let at = col.saturating_add(k);
                            if at >= lim.max_cols {
                                let row =
                                    u32::try_from(row_no.saturating_add(1)).unwrap_or(u32::MAX);
                                return Err(OfficeError::TooManyCols {
                                    sheet: name.to_string(),
                                    row,
                                    limit: lim.max_cols,
                                });
                            }
                            place(
                                &mut cur,
                                at,
                                Cell {
                                    value: value.clone(),
                                    font: font.clone(),
                                },
                                &mut used,
                                lim,
                                name,
                            )?;
                        }
                    }
                    col = col.saturating_add(c.repeat);
                }
                "table-row" => {
                    let Some(s) = sheet.as_mut() else { continue };
                    if !cur.is_empty() {
                        for k in 1..=rep_rows {
                            let n = row_no.saturating_add(k);
                            if n > lim.max_rows as u64 {
                                return Err(OfficeError::TooManyRows {
                                    sheet: s.name.clone(),
                                    limit: lim.max_rows,
                                });
                            }
                            if k > 1 {
                                used = used.saturating_add(cur.len());
                            }
                            if used > lim.max_cells {
                                return Err(OfficeError::TooManyCells {
                                    sheet: s.name.clone(),
                                    limit: lim.max_cells,
                                });
                            }
                            s.rows.push(SheetRow {
                                row: n as u32,
                                cells: cur.clone(),
                            });
                        }
                    }
                    row_no = row_no.saturating_add(rep_rows);
                    cur.clear();
                }
                "table" => sheets.extend(sheet.take()),
                _ => {}
            },
            Token::Text(s) if in_p > 0 => text.push_str(&s),
            Token::Text(_) => {}
        }
    }
    if sheets.is_empty() {
        return Err(OfficeError::NoSheets);
    }
    Ok(Workbook { sheets })
}

/// Reads every table of an .ods spreadsheet.
pub fn read_ods(bytes: &[u8], limits: &Limits) -> Result<Workbook, OfficeError> {
    let z = ZipArchive::new(bytes, limits)?;
    // A password-protected .ods keeps its zip but encrypts content.xml; the
    // manifest describes the encryption of each such entry.
    const MANIFEST: &str = "META-INF/manifest.xml";
    if let Ok(m) = z.file(MANIFEST) {
        if m.windows(15).any(|w| w == b"encryption-data") {
            return Err(OfficeError::Encrypted);
        }
    }
    let xml =
        load(&z, "content.xml")?.ok_or_else(|| OfficeError::MissingPart("content.xml".into()))?;
    parse_content(&xml, limits)
}
