//! Reading .xlsx workbooks: values, fonts (for legacy Vietnamese encodings)
//! and date formats.

use super::xml::{local, Reader, Token};
use super::zip::ZipArchive;
use super::{
    iso_to_serial, parse_ref, Cell, CellValue, Limits, OfficeError, Sheet, SheetRow, Workbook,
};

/// Loads a part as UTF-8 text; `Ok(None)` when the zip has no such entry.
pub(super) fn load(z: &ZipArchive, name: &str) -> Result<Option<String>, OfficeError> {
    if z.find(name).is_none() {
        return Ok(None);
    }
    String::from_utf8(z.file(name)?)
        .map(Some)
        .map_err(|e| OfficeError::Xml {
            part: name.to_string(),
            problem: super::XmlProblem::NotUtf8,
            pos: e.utf8_error().valid_up_to(),
        })
}

struct Rel {
    id: String,
    target: String,
    kind: String,
}

/// Resolves a relationship target against the part that holds the relationship.
fn resolve(part: &str, target: &str) -> String {
    let t = target.replace('\\', "/");
    let mut parts: Vec<&str> = Vec::new();
    let rel = match t.strip_prefix('/') {
        Some(abs) => abs,
        None => {
            if let Some((dir, _)) = part.rsplit_once('/') {
                parts.extend(dir.split('/').filter(|s| !s.is_empty()));
            }
            &t
        }
    };
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn read_rels(z: &ZipArchive, part: &str, lim: &Limits) -> Result<Vec<Rel>, OfficeError> {
    let path = match part.rsplit_once('/') {
        Some((d, f)) => format!("{d}/_rels/{f}.rels"),
        None => format!("_rels/{part}.rels"),
    };
    let mut out = Vec::new();
    let Some(xml) = load(z, &path)? else {
        return Ok(out);
    };
    let mut r = Reader::new(&xml, &path, lim.max_depth);
    while let Some(t) = r.next_token()? {
        if let Token::Start(t) = t {
            if t.local() == "Relationship" && t.attr("TargetMode").as_deref() != Some("External") {
                out.push(Rel {
                    id: t.attr("Id").unwrap_or_default().into_owned(),
                    target: t.attr("Target").unwrap_or_default().into_owned(),
                    kind: t.attr("Type").unwrap_or_default().into_owned(),
                });
            }
        }
    }
    Ok(out)
}

fn too_many(part: &str, lim: &Limits) -> OfficeError {
    OfficeError::TooManyCells {
        sheet: part.to_string(),
        limit: lim.max_cells,
    }
}

/// Is this custom number format a date/time format? (d, m, y or h outside
/// quotes, brackets and escapes.)
pub(super) fn is_date_code(code: &str) -> bool {
    let (mut quoted, mut bracket, mut escaped) = (false, false, false);
    for c in code.chars() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '"' => quoted = !quoted,
            _ if quoted => {}
            '[' => bracket = true,
            ']' => bracket = false,
            _ if bracket => {}
            '\\' | '_' | '*' => escaped = true,
            'd' | 'D' | 'm' | 'M' | 'y' | 'Y' | 'h' | 'H' => return true,
            _ => {}
        }
    }
    false
}

#[derive(Default)]
struct Styles {
    /// cellXfs: (font index, is a date format).
    xf: Vec<(usize, bool)>,
    /// Font names, `None` for the default font (fonts[0]).
    fonts: Vec<Option<String>>,
    default_font: String,
}

impl Styles {
    fn is_date(&self, s: usize) -> bool {
        self.xf.get(s).is_some_and(|x| x.1)
    }
    fn font(&self, s: usize) -> Option<String> {
        self.xf
            .get(s)
            .and_then(|x| self.fonts.get(x.0))
            .cloned()
            .flatten()
    }
}

fn parse_styles(xml: &str, part: &str, lim: &Limits) -> Result<Styles, OfficeError> {
    let mut r = Reader::new(xml, part, lim.max_depth);
    let mut names: Vec<String> = Vec::new();
    let mut custom: Vec<(u32, bool)> = Vec::new();
    let mut xfs: Vec<(usize, u32)> = Vec::new();
    let mut sect = "";
    while let Some(t) = r.next_token()? {
        match t {
            Token::Start(t) => {
                let num = |a: &str| {
                    t.attr(a)
                        .and_then(|v| v.trim().parse::<u32>().ok())
                        .unwrap_or(0)
                };
                match (t.local(), sect) {
                    (s @ ("numFmts" | "fonts" | "cellXfs"), _) => sect = s,
                    ("numFmt", "numFmts") => custom.push((
                        num("numFmtId"),
                        is_date_code(&t.attr("formatCode").unwrap_or_default()),
                    )),
                    ("font", "fonts") => names.push(String::new()),
                    ("name", "fonts") => {
                        if let Some(f) = names.last_mut() {
                            *f = t.attr("val").unwrap_or_default().into_owned();
                        }
                    }
                    ("xf", "cellXfs") => xfs.push((num("fontId") as usize, num("numFmtId"))),
                    _ => {}
                }
                if names.len() + custom.len() + xfs.len() > lim.max_cells {
                    return Err(too_many(part, lim));
                }
            }
            Token::End(n) if local(n) == sect => sect = "",
            _ => {}
        }
    }
    let default_font = names.first().cloned().unwrap_or_default();
    let fonts = names
        .into_iter()
        .map(|n| if n == default_font { None } else { Some(n) })
        .collect();
    let xf = xfs
        .into_iter()
        .map(|(font, id)| {
            let date = match custom.iter().find(|c| c.0 == id) {
                Some(c) => c.1,
                None => matches!(id, 14..=22 | 27..=36 | 45..=47 | 50..=58),
            };
            (font, date)
        })
        .collect();
    Ok(Styles {
        xf,
        fonts,
        default_font,
    })
}

struct SstItem {
    text: String,
    /// First run font that is not the default font.
    font: Option<String>,
}

fn parse_sst(
    xml: &str,
    part: &str,
    default_font: &str,
    lim: &Limits,
) -> Result<Vec<SstItem>, OfficeError> {
    let mut r = Reader::new(xml, part, lim.max_depth);
    let mut out = Vec::new();
    let (mut text, mut font) = (String::new(), None);
    let (mut in_si, mut collect) = (false, false);
    while let Some(t) = r.next_token()? {
        match t {
            Token::Start(t) => match t.local() {
                "si" => {
                    in_si = true;
                    text.clear();
                    font = None;
                }
                "rPh" => r.skip_element()?,
                "t" if in_si => collect = true,
                "rFont" if in_si && font.is_none() => {
                    font = t
                        .attr("val")
                        .filter(|v| *v != default_font)
                        .map(|v| v.into_owned());
                }
                _ => {}
            },
            Token::End(n) => match local(n) {
                "t" => collect = false,
                "si" if in_si => {
                    in_si = false;
                    if out.len() >= lim.max_cells {
                        return Err(too_many(part, lim));
                    }
                    out.push(SstItem {
                        text: std::mem::take(&mut text),
                        font: font.take(),
                    });
                }
                _ => {}
            },
            Token::Text(s) if collect => text.push_str(&s),
            Token::Text(_) => {}
        }
    }
    Ok(out)
}

struct Ctx<'a> {
    styles: &'a Styles,
    sst: &'a [SstItem],
    date1904: bool,
    lim: &'a Limits,
    cells_used: usize,
}

#[derive(Clone, Copy)]
enum Kind {
    N,
    S,
    Str,
    B,
    E,
    D,
}

/// Cells of one row: puts `cell` at `col`, padding with empty cells.
pub(super) fn place(
    cur: &mut Vec<Cell>,
    col: usize,
    cell: Cell,
    used: &mut usize,
    lim: &Limits,
    sheet: &str,
) -> Result<(), OfficeError> {
    if let Some(slot) = cur.get_mut(col) {
        *slot = cell;
        return Ok(());
    }
    *used = used.saturating_add(col + 1 - cur.len());
    if *used > lim.max_cells {
        return Err(OfficeError::TooManyCells {
            sheet: sheet.to_string(),
            limit: lim.max_cells,
        });
    }
    cur.resize(col, Cell::default());
    cur.push(cell);
    Ok(())
}

fn read_sheet(
    xml: &str,
    part: &str,
    name: &str,
    ctx: &mut Ctx,
) -> Result<Vec<SheetRow>, OfficeError> {
    let lim = ctx.lim;
    let bad = |v: &str| OfficeError::BadReference {
        part: part.to_string(),
        value: v.to_string(),
    };
    let mut r = Reader::new(xml, part, lim.max_depth);
    let mut rows: Vec<SheetRow> = Vec::new();
    let mut merges: Vec<(u32, usize, u32, usize)> = Vec::new();
    let mut cur: Vec<Cell> = Vec::new();
    let (mut in_row, mut row_no, mut next_col) = (false, 0u32, 0usize);
    let mut cell: Option<(usize, Kind, usize)> = None;
    let mut collect = false;
    let mut buf = String::new();
    while let Some(tok) = r.next_token()? {
        match tok {
            Token::Start(t) => match t.local() {
                "row" => {
                    row_no = match t.attr("r") {
                        Some(v) => v
                            .trim()
                            .parse::<u32>()
                            .ok()
                            .filter(|&n| n > 0)
                            .ok_or_else(|| bad(&v))?,
                        None => row_no.saturating_add(1),
                    };
                    if row_no as usize > lim.max_rows {
                        return Err(OfficeError::TooManyRows {
                            sheet: name.to_string(),
                            limit: lim.max_rows,
                        });
                    }
                    in_row = true;
                    next_col = 0;
                    cur.clear();
                }
                "c" if in_row => {
                    let col = match t.attr("r") {
                        Some(v) => parse_ref(&v).ok_or_else(|| bad(&v))?.0,
                        None => next_col,
                    };
                    if col >= lim.max_cols {
                        return Err(OfficeError::TooManyCols {
                            sheet: name.to_string(),
                            row: row_no,
                            limit: lim.max_cols,
                        });
                    }
                    next_col = col + 1;
                    let kind = match t.attr("t").as_deref() {
                        Some("s") => Kind::S,
                        Some("str" | "inlineStr") => Kind::Str,
                        Some("b") => Kind::B,
                        Some("e") => Kind::E,
                        Some("d") => Kind::D,
                        _ => Kind::N,
                    };
                    let style = t.attr("s").and_then(|s| s.trim().parse().ok()).unwrap_or(0);
                    cell = Some((col, kind, style));
                    buf.clear();
                }
                "v" | "t" if cell.is_some() => collect = true,
                "rPh" => r.skip_element()?,
                "mergeCell" => {
                    let rf = t.attr("ref").unwrap_or_default();
                    let (a, b) = rf.split_once(':').unwrap_or((&rf, &rf));
                    let (a, b) = (
                        parse_ref(a).ok_or_else(|| bad(&rf))?,
                        parse_ref(b).ok_or_else(|| bad(&rf))?,
                    );
                    if a.1 > 0 && b.1 > 0 {
                        if merges.len() >= lim.max_cells {
                            return Err(too_many(name, lim));
                        }
                        merges.push((a.1.min(b.1), a.0.min(b.0), a.1.max(b.1), a.0.max(b.0)));
                    }
                }
                _ => {}
            },
            Token::End(n) => match local(n) {
                "v" | "t" => collect = false,
                "c" => {
                    let Some((col, kind, style)) = cell.take() else {
                        continue;
                    };
                    collect = false;
                    let date = ctx.styles.is_date(style);
                    let mut run_font = None;
                    let v = buf.trim();
                    let value = match kind {
                        Kind::S if v.is_empty() => CellValue::Empty,
                        Kind::S => {
                            let item = v
                                .parse::<usize>()
                                .ok()
                                .and_then(|i| ctx.sst.get(i))
                                .ok_or_else(|| bad(v))?;
                            run_font.clone_from(&item.font);
                            CellValue::Text(item.text.clone())
                        }
                        Kind::Str => CellValue::Text(std::mem::take(&mut buf)),
                        _ if v.is_empty() => CellValue::Empty,
                        Kind::B => CellValue::Bool(matches!(v, "1" | "true")),
                        Kind::E => CellValue::Error(v.to_string()),
                        Kind::D => iso_to_serial(v)
                            .map_or_else(|| CellValue::Text(v.to_string()), CellValue::Date),
                        Kind::N => match crate::decimal::parse_f64(v) {
                            Some(x) if x.is_finite() && date => {
                                CellValue::Date(if ctx.date1904 { x + 1462.0 } else { x })
                            }
                            Some(x) if x.is_finite() => CellValue::Number(x),
                            _ => CellValue::Text(v.to_string()),
                        },
                    };
                    if value != CellValue::Empty && value != CellValue::Text(String::new()) {
                        let font = run_font.or_else(|| ctx.styles.font(style));
                        place(
                            &mut cur,
                            col,
                            Cell { value, font },
                            &mut ctx.cells_used,
                            lim,
                            name,
                        )?;
                    }
                }
                "row" if in_row => {
                    in_row = false;
                    if !cur.is_empty() {
                        rows.push(SheetRow {
                            row: row_no,
                            cells: std::mem::take(&mut cur),
                        });
                    }
                }
                _ => {}
            },
            Token::Text(s) if collect => buf.push_str(&s),
            Token::Text(_) => {}
        }
    }
    rows.sort_by_key(|r| r.row);
    if !merges.is_empty() {
        // Only the top-left cell of a merged range keeps its value.
        let mut work = 0usize;
        for &(r1, c1, r2, c2) in &merges {
            let start = rows.partition_point(|x| x.row < r1);
            for row in rows.iter_mut().skip(start).take_while(|x| x.row <= r2) {
                let end = c2.min(row.cells.len().saturating_sub(1));
                work = work.saturating_add(1 + end.saturating_sub(c1));
                if work > lim.max_cells {
                    return Err(too_many(name, lim));
                }
                for c in c1..=end {
                    if (row.row, c) != (r1, c1) {
                        if let Some(x) = row.cells.get_mut(c) {
                            *x = Cell::default();
                        }
                    }
                }
            }
        }
        for row in rows.iter_mut() {
            while row
                .cells
                .last()
                .is_some_and(|c| c.value == CellValue::Empty)
            {
                row.cells.pop();
            }
        }
        rows.retain(|r| !r.cells.is_empty());
    }
    Ok(rows)
}

/// Reads every sheet of an .xlsx (or .xlsm) workbook.
pub fn read_xlsx(bytes: &[u8], limits: &Limits) -> Result<Workbook, OfficeError> {
    let z = ZipArchive::new(bytes, limits)?;
    let mut wb_path = "xl/workbook.xml".to_string();
    for r in read_rels(&z, "", limits)? {
        if r.kind.ends_with("/officeDocument") {
            wb_path = resolve("", &r.target);
        }
    }
    let wb = load(&z, &wb_path)?.ok_or_else(|| OfficeError::MissingPart(wb_path.clone()))?;
    let mut metas = Vec::new();
    let mut date1904 = false;
    let mut r = Reader::new(&wb, &wb_path, limits.max_depth);
    while let Some(t) = r.next_token()? {
        if let Token::Start(t) = t {
            match t.local() {
                "sheet" => metas.push((
                    t.attr("name").unwrap_or_default().into_owned(),
                    t.attr("id").unwrap_or_default().into_owned(),
                )),
                "workbookPr" => {
                    date1904 = matches!(t.attr("date1904").as_deref(), Some("1" | "true"))
                }
                _ => {}
            }
        }
    }
    drop(r);
    let rels = read_rels(&z, &wb_path, limits)?;
    let part_of = |suffix: &str, default: &str| {
        rels.iter()
            .find(|r| r.kind.ends_with(suffix))
            .map_or_else(|| default.to_string(), |r| resolve(&wb_path, &r.target))
    };
    let path = part_of("/styles", "xl/styles.xml");
    let styles = match load(&z, &path)? {
        Some(x) => parse_styles(&x, &path, limits)?,
        None => Styles::default(),
    };
    let path = part_of("/sharedStrings", "xl/sharedStrings.xml");
    let sst = match load(&z, &path)? {
        Some(x) => parse_sst(&x, &path, &styles.default_font, limits)?,
        None => Vec::new(),
    };
    let mut ctx = Ctx {
        styles: &styles,
        sst: &sst,
        date1904,
        lim: limits,
        cells_used: 0,
    };
    let mut sheets = Vec::with_capacity(metas.len());
    for (name, rid) in metas {
        let target = rels
            .iter()
            .find(|r| r.id == rid)
            .map(|r| resolve(&wb_path, &r.target))
            .ok_or_else(|| OfficeError::BadReference {
                part: wb_path.clone(),
                value: rid.clone(),
            })?;
        let xml = load(&z, &target)?.ok_or_else(|| OfficeError::MissingPart(target.clone()))?;
        let rows = read_sheet(&xml, &target, &name, &mut ctx)?;
        sheets.push(Sheet { name, rows });
    }
    if sheets.is_empty() {
        return Err(OfficeError::NoSheets);
    }
    Ok(Workbook { sheets })
}
