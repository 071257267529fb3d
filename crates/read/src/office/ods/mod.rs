//! Reading OpenDocument spreadsheets (.ods): values and cell fonts from
//! content.xml.
//!
//! One `content.xml` holds every table, so laziness here means parsing one
//! `<table:table>` at a time: [`Ods::open`] decompresses content.xml, reads
//! the font faces and automatic styles (what the tables share) and finds
//! where each table starts, stepping over its content with the tokenizer;
//! [`WorkbookReader::sheet`] then reads one table from where it starts to
//! its end tag. A table whose XML is damaged is still listed: past it, the
//! next table is found by its start tag (`<table:table` with the damaged
//! table's prefix), and its error is given when that table is asked for
//! (kept from the index, not met again). The text stepped over before
//! finding a next table is bounded (twice content.xml), so many damaged
//! tables cannot make the work quadratic: past it, no more tables are
//! looked for.
//! Damage before the first table (in the styles) fails the whole file;
//! damage after the last one is ignored, since no table needs it. A table
//! whose own start tag is damaged is not found, and tables inside tables
//! are read as part of the table that holds them.

pub(super) mod error;

use super::xlsx::load;
use super::xml::{local, Reader, Tag, Token};
use super::zip::ZipArchive;
use super::{
    iso_to_serial, place, Cell, CellValue, LimitError, Limits, Sheet, SheetRow, Workbook,
    WorkbookReader, XmlError, ZipError,
};
pub use error::OdsError;

const PART: &str = "content.xml";

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

/// The fonts of the automatic styles, as content.xml declares them.
#[derive(Default)]
struct Styles {
    faces: Vec<(String, String)>,
    /// Automatic style → font family (sorted once every style is read).
    fonts: Vec<(String, String)>,
    cur_style: Option<String>,
}

impl Styles {
    fn start(&mut self, t: &Tag) {
        match t.local() {
            "font-face" => {
                let fam = t.attr("font-family").unwrap_or_default();
                let fam = fam.trim().trim_matches(['\'', '"']).to_string();
                self.faces
                    .push((t.attr("name").unwrap_or_default().into_owned(), fam));
            }
            "style" => self.cur_style = t.attr("name").map(|v| v.into_owned()),
            "text-properties" => {
                if let (Some(s), Some(f)) = (
                    &self.cur_style,
                    t.attr("font-name").or_else(|| t.attr("font-family")),
                ) {
                    let fam = self
                        .faces
                        .iter()
                        .find(|x| x.0 == f)
                        .map_or_else(|| f.trim_matches(['\'', '"']).to_string(), |x| x.1.clone());
                    self.fonts.push((s.clone(), fam));
                }
            }
            _ => {}
        }
    }
}

/// The number in attribute `a` (at least 1: a repeat count).
fn count(t: &Tag, a: &str) -> u64 {
    t.attr(a)
        .and_then(|v| v.trim().parse::<u64>().ok())
        .unwrap_or(1)
        .max(1)
}

/// The value a cell's attributes give (text comes from its paragraphs).
fn typed_value(t: &Tag) -> Option<CellValue> {
    match t.attr("value-type").as_deref() {
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
    }
}

/// One table being read.
struct TableRead<'a> {
    fonts: &'a [(String, String)],
    lim: &'a Limits,
    used: &'a mut usize,
    sheet: Sheet,
    row_no: u64,
    rep_rows: u64,
    col: usize,
    cur: Vec<Cell>,
    cell: Option<OdsCell>,
    text: String,
    paras: usize,
    in_p: usize,
    span_font: Option<usize>,
}

impl TableRead<'_> {
    fn start(&mut self, t: &Tag) {
        match t.local() {
            "table-row" => {
                self.rep_rows = count(t, "number-rows-repeated");
                self.cur.clear();
                self.col = 0;
            }
            l @ ("table-cell" | "covered-table-cell") => {
                let font = t.attr("style-name").and_then(|s| lookup(self.fonts, &s));
                let repeat =
                    usize::try_from(count(t, "number-columns-repeated")).unwrap_or(usize::MAX);
                self.cell = Some(OdsCell {
                    repeat,
                    covered: l == "covered-table-cell",
                    value: typed_value(t),
                    font,
                });
                self.text.clear();
                self.paras = 0;
                self.in_p = 0;
                self.span_font = None;
            }
            "p" | "h" if self.cell.is_some() => {
                if self.paras > 0 {
                    self.text.push('\n');
                }
                self.paras += 1;
                self.in_p += 1;
            }
            "s" if self.in_p > 0 => {
                let n = count(t, "c").min(1000) as usize;
                self.text.extend(std::iter::repeat_n(' ', n));
            }
            "tab" if self.in_p > 0 => self.text.push('\t'),
            "line-break" if self.in_p > 0 => self.text.push('\n'),
            "span" if self.in_p > 0 && self.span_font.is_none() => {
                self.span_font = t.attr("style-name").and_then(|s| lookup(self.fonts, &s));
            }
            _ => {}
        }
    }

    fn end_cell(&mut self) -> Result<(), LimitError> {
        let Some(c) = self.cell.take() else {
            return Ok(());
        };
        let value = match c.value {
            _ if c.covered => CellValue::Empty,
            Some(v) => v,
            None if self.text.is_empty() => CellValue::Empty,
            None => CellValue::Text(std::mem::take(&mut self.text)),
        };
        if value != CellValue::Empty {
            let name = self.sheet.name.as_str();
            let font = c
                .font
                .or(self.span_font.take())
                .and_then(|i| self.fonts.get(i))
                .map(|f| f.1.clone());
            for k in 0..c.repeat {
                let at = self.col.saturating_add(k);
                if at >= self.lim.max_cols {
                    let row = u32::try_from(self.row_no.saturating_add(1)).unwrap_or(u32::MAX);
                    return Err(LimitError::TooManyCols {
                        sheet: name.to_string(),
                        row,
                        limit: self.lim.max_cols,
                    });
                }
                let cell = Cell {
                    value: value.clone(),
                    font: font.clone(),
                };
                place(&mut self.cur, at, cell, self.used, self.lim, name)?;
            }
        }
        self.col = self.col.saturating_add(c.repeat);
        Ok(())
    }

    fn end_row(&mut self) -> Result<(), LimitError> {
        let lim = self.lim;
        if !self.cur.is_empty() {
            for k in 1..=self.rep_rows {
                let n = self.row_no.saturating_add(k);
                if n > lim.max_rows as u64 {
                    return Err(LimitError::TooManyRows {
                        sheet: self.sheet.name.clone(),
                        limit: lim.max_rows,
                    });
                }
                if k > 1 {
                    *self.used = self.used.saturating_add(self.cur.len());
                }
                if *self.used > lim.max_cells {
                    return Err(LimitError::TooManyCells {
                        sheet: self.sheet.name.clone(),
                        limit: lim.max_cells,
                    });
                }
                self.sheet.rows.push(SheetRow {
                    row: n as u32,
                    cells: self.cur.clone(),
                });
            }
        }
        self.row_no = self.row_no.saturating_add(self.rep_rows);
        self.cur.clear();
        Ok(())
    }
}

/// Where a table starts in content.xml.
struct TableAt {
    /// Byte offset of its start tag (or of what precedes it).
    pos: usize,
    /// Elements open around it.
    outer: usize,
    /// The XML error met when the index stepped over it: the table is
    /// damaged, and reading it again would only meet the error again.
    damage: Option<XmlError>,
}

/// An .ods spreadsheet opened for reading its tables one by one.
pub struct Ods {
    xml: String,
    lim: Limits,
    /// Automatic style → font family, sorted by style.
    fonts: Vec<(String, String)>,
    names: Vec<String>,
    tables: Vec<TableAt>,
    used: usize,
}

/// The next `<{prefix}table` start tag at or after `from`.
fn next_table(xml: &str, from: usize, prefix: &str) -> Option<usize> {
    let needle = format!("<{prefix}table");
    let b = xml.as_bytes();
    let mut at = from;
    loop {
        let i = at + xml.get(at..)?.find(&needle)?;
        let after = b.get(i + needle.len()).copied();
        if matches!(after, Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')) {
            return Some(i);
        }
        at = i + 1;
    }
}

/// The font styles and where each table starts (see the module's doc).
fn index(xml: &str, lim: &Limits) -> Result<(Styles, Vec<String>, Vec<TableAt>), OdsError> {
    let mut styles = Styles::default();
    let (mut names, mut tables) = (Vec::new(), Vec::<TableAt>::new());
    let mut r = Reader::new(xml, PART, lim.max_depth);
    let mut prefix = String::from("table:");
    // Bytes stepped over before a resync: a damaged table can run to the
    // end of the text, and many of them must not make the work quadratic.
    let mut scanned = 0usize;
    loop {
        let at = r.pos();
        let resync_from = match r.next_token() {
            Ok(None) => break,
            Err(e) if tables.is_empty() => return Err(e.into()),
            Err(_) => at + 1,
            Ok(Some(Token::Start(t))) if t.local() == "table" => {
                let outer = r.depth() - usize::from(!t.empty);
                prefix = t.name.strip_suffix("table").unwrap_or_default().to_string();
                names.push(
                    t.attr("name")
                        .map_or_else(|| format!("Sheet{}", names.len() + 1), |v| v.into_owned()),
                );
                tables.push(TableAt {
                    pos: at,
                    outer,
                    damage: None,
                });
                if tables.len() > lim.max_cells {
                    return Err(LimitError::TooManyCells {
                        sheet: PART.into(),
                        limit: lim.max_cells,
                    }
                    .into());
                }
                match r.skip_element() {
                    Ok(()) => continue,
                    Err(e) => {
                        if let Some(t) = tables.last_mut() {
                            t.damage = Some(e);
                        }
                        at + 1
                    }
                }
            }
            Ok(Some(Token::Start(t)))
                if t.name.starts_with("draw:") || t.local() == "annotation" =>
            {
                match r.skip_element() {
                    Ok(()) => continue,
                    Err(e) if tables.is_empty() => return Err(e.into()),
                    Err(_) => at + 1,
                }
            }
            Ok(Some(Token::Start(t))) => {
                styles.start(&t);
                continue;
            }
            Ok(Some(Token::End(n))) => {
                if local(n) == "style" {
                    styles.cur_style = None;
                }
                continue;
            }
            Ok(Some(Token::Text(_))) => continue,
        };
        // Past damage after a table: on from the next table's start tag.
        scanned = scanned.saturating_add(r.pos().saturating_sub(at));
        if scanned > xml.len().saturating_mul(2) {
            break;
        }
        let Some(next) = next_table(xml, resync_from, &prefix) else {
            break;
        };
        let outer = tables.last().map_or(0, |t| t.outer);
        r = Reader::resume(xml, PART, lim.max_depth, next, outer);
    }
    thongbao_model::order::sort_by(&mut styles.fonts, |a, b| a.cmp(b));
    Ok((styles, names, tables))
}

impl Ods {
    /// Opens the spreadsheet: content.xml, its font styles, its tables' names.
    pub fn open(bytes: &[u8], limits: &Limits) -> Result<Self, OdsError> {
        Self::from_zip(&ZipArchive::new(bytes, limits)?, limits)
    }

    /// [`Ods::open`] on a zip already opened.
    pub fn from_zip(z: &ZipArchive, limits: &Limits) -> Result<Self, OdsError> {
        // A password-protected .ods keeps its zip but encrypts content.xml; the
        // manifest describes the encryption of each such entry.
        const MANIFEST: &str = "META-INF/manifest.xml";
        if let Ok(m) = z.file(MANIFEST) {
            if m.windows(15).any(|w| w == b"encryption-data") {
                return Err(OdsError::Encrypted);
            }
        }
        let mut xml = match load(z, PART) {
            Ok(Some(x)) => x,
            Ok(None) => return Err(ZipError::MissingPart(PART.into()).into()),
            Err(super::xlsx::LoadError::Zip(e)) => return Err(e.into()),
            Err(super::xlsx::LoadError::Xml(e)) => return Err(e.into()),
        };
        if xml.starts_with('\u{feff}') {
            xml.drain(..'\u{feff}'.len_utf8());
        }
        let (styles, names, tables) = index(&xml, limits)?;
        if tables.is_empty() {
            return Err(OdsError::NoSheets);
        }
        Ok(Ods {
            xml,
            lim: *limits,
            fonts: styles.fonts,
            names,
            tables,
            used: 0,
        })
    }

    fn parse(&mut self, i: usize) -> Result<Sheet, OdsError> {
        let (Some(at), Some(name)) = (self.tables.get(i), self.names.get(i)) else {
            return Err(OdsError::NoSheets);
        };
        if let Some(e) = &at.damage {
            return Err(e.clone().into());
        }
        let lim = self.lim;
        let mut r = Reader::resume(&self.xml, PART, lim.max_depth, at.pos, at.outer);
        let mut t = TableRead {
            fonts: &self.fonts,
            lim: &lim,
            used: &mut self.used,
            sheet: Sheet {
                name: name.clone(),
                rows: Vec::new(),
            },
            row_no: 0,
            rep_rows: 1,
            col: 0,
            cur: Vec::new(),
            cell: None,
            text: String::new(),
            paras: 0,
            in_p: 0,
            span_font: None,
        };
        while let Some(tok) = r.next_token()? {
            match tok {
                Token::Start(tag) => {
                    if tag.name.starts_with("draw:") || tag.local() == "annotation" {
                        r.skip_element()?;
                        continue;
                    }
                    t.start(&tag);
                }
                Token::End(n) => match local(n) {
                    "p" | "h" => t.in_p = t.in_p.saturating_sub(1),
                    "table-cell" | "covered-table-cell" => t.end_cell()?,
                    "table-row" => t.end_row()?,
                    _ => {}
                },
                Token::Text(s) if t.in_p > 0 => t.text.push_str(&s),
                Token::Text(_) => {}
            }
            if r.depth() <= at.outer {
                break; // the table's end tag
            }
        }
        Ok(t.sheet)
    }
}

impl WorkbookReader for Ods {
    type Error = OdsError;

    fn sheet_names(&self) -> &[String] {
        &self.names
    }

    fn sheet(&mut self, index: usize) -> Option<Result<Sheet, OdsError>> {
        (index < self.names.len()).then(|| self.parse(index))
    }
}

/// Reads every table of an .ods spreadsheet.
pub fn read_ods(bytes: &[u8], limits: &Limits) -> Result<Workbook, OdsError> {
    Ods::open(bytes, limits)?.read_all()
}
