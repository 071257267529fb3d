//! Reading binary .xls workbooks: Excel 97–2003 (BIFF8) and Excel 5.0/95
//! (BIFF5/7, whose text is 8-bit in the workbook's code page, decoded by the
//! text crate), stored in an OLE2 compound file. Values, fonts and date
//! formats, as [`super::read_xlsx`] gives them.
//!
//! [`Xls::open`] reads the workbook stream's globals (code page, 1904 flag,
//! fonts, formats, shared strings, and the BOUNDSHEET records that say where
//! each sheet's records start); [`WorkbookReader::sheet`] reads one sheet's
//! records from its offset when asked.
//!
//! The reader knows no legacy encoding: text in a font whose bytes are not
//! in the code page (the caller names those fonts with a [`FontFilter`]) is
//! kept as Latin-1, each byte its own character, for the caller to convert.
//!
//! Every offset is checked, sector chains are bounded by the file size (so a
//! loop in the allocation table is refused) and the [`Limits`] apply.

mod cfb;
pub(super) mod error;
mod records;

use thongbao_model::fastmap::FastMap;

use super::numfmt::{builtin, classify, NumKind};
use super::{
    place, Cell, CellValue, LimitError, Limits, Sheet, SheetRow, Workbook, WorkbookReader,
};
use crate::text::decode_codepage;
use cfb::{damaged, u16_at, u32_at, Cfb};
pub use error::{XlsError, XlsProblem};
use records::Frags;
pub(super) use records::Records;

/// Says whether the 8-bit text of cells in a font (by name) is in another
/// encoding than the workbook's code page, so it must stay as bytes.
pub type FontFilter = fn(&str) -> bool;

/// Text of an 8-bit (BIFF5) string in the workbook's code page (the
/// CODEPAGE record), decoded by the text crate; code page 0 — and one the
/// text crate does not know — is Latin-1, each byte its own character.
fn text8(b: &[u8], codepage: u16) -> String {
    decode_codepage(b, codepage)
}

fn error_text(code: u8) -> String {
    match code {
        0x00 => "#NULL!",
        0x07 => "#DIV/0!",
        0x0F => "#VALUE!",
        0x17 => "#REF!",
        0x1D => "#NAME?",
        0x24 => "#NUM!",
        _ => "#N/A",
    }
    .to_string()
}

fn rk(v: u32) -> f64 {
    let x = if v & 2 != 0 {
        f64::from(v as i32 >> 2)
    } else {
        f64::from_bits(u64::from(v & !3) << 32)
    };
    if v & 1 != 0 {
        x / 100.0
    } else {
        x
    }
}

struct Xf {
    /// Font name when not the default font.
    font: Option<String>,
    kind: NumKind,
    /// In a font the caller's [`FontFilter`] names (default font included):
    /// 8-bit text stays as bytes.
    raw: bool,
}

#[derive(Default)]
struct Globals {
    biff8: bool,
    codepage: u16,
    date1904: bool,
    xf: Vec<Xf>,
    /// Worksheets: name and offset of their BOF in the stream.
    sheets: Vec<(String, usize)>,
    /// Shared strings and the font of their first non-default run.
    sst: Vec<(String, Option<String>)>,
}

/// A string in a record: BIFF8 unicode (1- or 2-byte length) or else 8-bit
/// in the code page (same length size).
fn text_at(d: &[u8], at: usize, long: bool, biff8: bool, codepage: u16) -> String {
    if biff8 {
        let s = Frags::at(d, at).ustr(long, |_| false);
        return s.map(|s| s.0).unwrap_or_default();
    }
    let (n, at) = if long {
        (u16_at(d, at).map(usize::from), at + 2)
    } else {
        (d.get(at).map(|&n| usize::from(n)), at + 1)
    };
    let b = d.get(at..).unwrap_or_default();
    text8(&b[..n.unwrap_or(0).min(b.len())], codepage)
}

impl Globals {
    fn text_at(&self, d: &[u8], at: usize, long: bool) -> String {
        text_at(d, at, long, self.biff8, self.codepage)
    }
}

/// Font `i` of an XF or a run (there is no font number 4) if it is not the
/// default font.
fn font_name(fonts: &[String], i: u16) -> Option<&String> {
    let i = usize::from(if i >= 4 { i - 1 } else { i });
    fonts.get(i).filter(|f| Some(*f) != fonts.first())
}

fn read_globals(
    b: &[u8],
    named_workbook: bool,
    raw_fonts: FontFilter,
    lim: &Limits,
) -> Result<Globals, XlsError> {
    let mut r = Records { b, pos: 0 };
    let bad0 = damaged(XlsProblem::BadRecord(0));
    let Some((0x0809, bof)) = r.next()? else {
        return Err(bad0);
    };
    if u16_at(bof, 2) != Some(5) {
        return Err(bad0);
    }
    let biff8 = match u16_at(bof, 0).unwrap_or(0) {
        0x0500..=0x05FF => false,
        v => v >= 0x0600 || named_workbook,
    };
    let mut g = Globals {
        biff8,
        codepage: 1252,
        ..Default::default()
    };
    let mut fonts: Vec<String> = Vec::new();
    let mut formats: FastMap<u16, NumKind> = FastMap::default();
    let mut xfs: Vec<(u16, u16)> = Vec::new();
    while let Some((id, d)) = r.next()? {
        match id {
            0x000A => break,
            0x002F => return Err(XlsError::Encrypted),
            0x0042 => g.codepage = u16_at(d, 0).unwrap_or(1252),
            0x0022 => g.date1904 = u16_at(d, 0) == Some(1),
            0x0031 => fonts.push(g.text_at(d, 14, false)),
            0x041E => {
                let code = g.text_at(d, 2, g.biff8);
                formats.insert(u16_at(d, 0).unwrap_or(0), classify(&code));
            }
            0x00E0 => xfs.push((u16_at(d, 0).unwrap_or(0), u16_at(d, 2).unwrap_or(0))),
            0x0085 => {
                // Worksheets only: not charts, macro sheets or VBA modules.
                if let (Some(off), Some(0)) = (u32_at(d, 0), d.get(5)) {
                    g.sheets.push((g.text_at(d, 6, false), off as usize));
                }
            }
            0x00FC if g.biff8 => {
                let mut f = r.continued(d);
                f.pos = 8;
                let unique = u32_at(d, 4).unwrap_or(0);
                for _ in 0..unique {
                    let Some((text, run)) = f.ustr(true, |i| font_name(&fonts, i).is_some()) else {
                        break;
                    };
                    let run = run.and_then(|i| font_name(&fonts, i)).cloned();
                    g.sst.push((text, run));
                    if g.sst.len() > lim.max_cells {
                        break;
                    }
                }
            }
            _ => {}
        }
        if fonts.len() + formats.len() + xfs.len() + g.sst.len() + g.sheets.len() > lim.max_cells {
            return Err(LimitError::TooManyCells {
                sheet: "Workbook".into(),
                limit: lim.max_cells,
            }
            .into());
        }
    }
    g.xf = xfs
        .into_iter()
        .map(|(f, fmt)| {
            let i = usize::from(if f >= 4 { f - 1 } else { f });
            Xf {
                font: font_name(&fonts, f).cloned(),
                kind: formats
                    .get(&fmt)
                    .copied()
                    .unwrap_or_else(|| builtin(u32::from(fmt))),
                raw: fonts.get(i).is_some_and(|n| raw_fonts(n)),
            }
        })
        .collect();
    Ok(g)
}

/// Cells of one sheet as they are read, in any order.
struct SheetBuf<'a> {
    g: &'a Globals,
    name: &'a str,
    lim: &'a Limits,
    used: &'a mut usize,
    /// Indexed by the 0-based row (below `u16::MAX + 1`, and below the
    /// row limit, checked before a row is made).
    rows: Vec<Vec<Cell>>,
    /// The cell of a FORMULA whose text result is in the STRING record next.
    pending: Option<(u16, usize, u16)>,
}

impl SheetBuf<'_> {
    fn put(
        &mut self,
        row: u16,
        col: usize,
        xf: u16,
        value: CellValue,
        run_font: Option<String>,
    ) -> Result<(), LimitError> {
        if matches!(&value, CellValue::Empty) || value == CellValue::Text(String::new()) {
            return Ok(());
        }
        if usize::from(row) >= self.lim.max_rows {
            return Err(LimitError::TooManyRows {
                sheet: self.name.to_string(),
                limit: self.lim.max_rows,
            });
        }
        if col >= self.lim.max_cols {
            return Err(LimitError::TooManyCols {
                sheet: self.name.to_string(),
                row: u32::from(row) + 1,
                limit: self.lim.max_cols,
            });
        }
        let xf = self.g.xf.get(usize::from(xf));
        let value = match value {
            CellValue::Number(x) if !x.is_finite() => CellValue::Error("#NUM!".into()),
            // A time or a duration has no date, so no date system offset.
            CellValue::Number(x) => match xf.map_or(NumKind::Number, |x| x.kind) {
                NumKind::Date if self.g.date1904 => CellValue::Date(x + 1462.0),
                NumKind::Date | NumKind::Time => CellValue::Date(x),
                NumKind::Number => CellValue::Number(x),
            },
            v => v,
        };
        let font = run_font.or_else(|| xf.and_then(|x| x.font.clone()));
        let r = usize::from(row);
        if self.rows.len() <= r {
            self.rows.resize_with(r + 1, Vec::new);
        }
        let cur = &mut self.rows[r];
        place(
            cur,
            col,
            Cell { value, font },
            self.used,
            self.lim,
            self.name,
        )
    }

    /// MULRK: row, first column, (xf, rk)…, last column.
    fn mulrk(&mut self, d: &[u8]) -> Result<(), LimitError> {
        let (Some(row), Some(first)) = (u16_at(d, 0), u16_at(d, 2)) else {
            return Ok(());
        };
        for i in 0..d.len().saturating_sub(6) / 6 {
            let (xf, v) = (u16_at(d, 4 + 6 * i), u32_at(d, 6 + 6 * i));
            if let (Some(xf), Some(v)) = (xf, v) {
                let col = usize::from(first) + i;
                self.put(row, col, xf, CellValue::Number(rk(v)), None)?;
            }
        }
        Ok(())
    }

    /// STRING: the text result of the FORMULA just before.
    fn string<'s>(&mut self, d: &'s [u8], r: &mut Records<'s>) -> Result<(), LimitError> {
        let Some((row, col, xf)) = self.pending.take() else {
            return Ok(());
        };
        let g = self.g;
        let text = if g.biff8 {
            r.continued(d).ustr(true, |_| false).map(|s| s.0)
        } else {
            let n = usize::from(u16_at(d, 0).unwrap_or(0));
            d.get(2..2 + n).map(|b| text8(b, g.codepage))
        };
        let text = CellValue::Text(text.unwrap_or_default());
        self.put(row, col, xf, text, None)
    }

    /// A record of one cell (row, column, xf first): numbers, strings,
    /// booleans, errors, formulas.
    fn cell(&mut self, id: u16, d: &[u8]) -> Result<(), XlsError> {
        let (Some(row), Some(col), Some(xf)) = (u16_at(d, 0), u16_at(d, 2), u16_at(d, 4)) else {
            return Ok(());
        };
        let (g, col) = (self.g, usize::from(col));
        let num = d
            .get(6..14)
            .and_then(|b| b.try_into().ok())
            .map(f64::from_le_bytes);
        let v = match id {
            0x0203 => num.map(CellValue::Number),
            0x027E => u32_at(d, 6).map(|v| CellValue::Number(rk(v))),
            0x00FD => {
                let Some(i) = u32_at(d, 6) else {
                    return Ok(());
                };
                let (text, font) = g.sst.get(i as usize).ok_or(XlsError::BadReference {
                    part: "SST".into(),
                    value: i.to_string(),
                })?;
                let text = CellValue::Text(text.clone());
                return Ok(self.put(row, col, xf, text, font.clone())?);
            }
            0x0204 | 0x00D6 => {
                // LABEL, RSTRING. 8-bit text in a font the caller named
                // stays as bytes (Latin-1, code page 0) for it to convert.
                let raw = g.xf.get(usize::from(xf)).is_some_and(|x| x.raw);
                let cp = if raw { 0 } else { g.codepage };
                Some(CellValue::Text(text_at(d, 6, true, g.biff8, cp)))
            }
            0x0205 => match (d.get(6), d.get(7)) {
                (Some(&b), Some(0)) => Some(CellValue::Bool(b != 0)),
                (Some(&e), Some(_)) => Some(CellValue::Error(error_text(e))),
                _ => None,
            },
            0x0006 => match d.get(6..14) {
                Some([0, _, _, _, _, _, 0xFF, 0xFF]) => {
                    self.pending = Some((row, col, xf));
                    None
                }
                Some([1, _, b, _, _, _, 0xFF, 0xFF]) => Some(CellValue::Bool(*b != 0)),
                Some([2, _, e, _, _, _, 0xFF, 0xFF]) => Some(CellValue::Error(error_text(*e))),
                Some([_, _, _, _, _, _, 0xFF, 0xFF]) | None => None,
                Some(_) => Some(CellValue::Number(num.unwrap_or(0.0))),
            },
            _ => None,
        };
        if let Some(v) = v {
            self.put(row, col, xf, v, None)?;
        }
        Ok(())
    }
}

/// Rows of the worksheet whose BOF is at `off` (none for another kind of
/// sheet). `budget` is the number of bytes the sheets may still scan: real
/// sheets do not overlap, so more than the stream means sheets pointing
/// into each other (which would make the work quadratic).
fn read_sheet(
    stream: &[u8],
    off: usize,
    name: &str,
    g: &Globals,
    used: &mut usize,
    budget: &mut usize,
    lim: &Limits,
) -> Result<Vec<SheetRow>, XlsError> {
    let mut r = Records {
        b: stream,
        pos: off,
    };
    match r.next()? {
        Some((0x0809, d)) if u16_at(d, 2) == Some(0x0010) => {}
        Some((0x0809, _)) => return Ok(Vec::new()),
        _ => return Err(damaged(XlsProblem::BadRecord(off))),
    }
    let mut s = SheetBuf {
        g,
        name,
        lim,
        used,
        rows: Vec::new(),
        pending: None,
    };
    let mut depth = 0u32;
    while let Some((id, d)) = r.next()? {
        if r.pos - off > *budget {
            return Err(damaged(XlsProblem::BadRecord(off)));
        }
        // Embedded charts are whole BOF…EOF substreams inside the sheet.
        match id {
            0x0809 => depth += 1,
            0x000A if depth == 0 => break,
            0x000A => depth -= 1,
            _ => {}
        }
        match id {
            _ if depth > 0 => {}
            0x00BD => s.mulrk(d)?,
            0x0207 => s.string(d, &mut r)?,
            _ => s.cell(id, d)?,
        }
    }
    *budget = budget.saturating_sub(r.pos - off);
    let rows = s.rows.into_iter().zip(1u32..);
    Ok(rows
        .filter(|(c, _)| !c.is_empty())
        .map(|(cells, row)| SheetRow { row, cells })
        .collect())
}

/// An .xls workbook opened for reading its worksheets one by one.
pub struct Xls {
    stream: Vec<u8>,
    g: Globals,
    lim: Limits,
    names: Vec<String>,
    /// Where each worksheet's BOF is in the stream.
    offsets: Vec<usize>,
    used: usize,
    budget: usize,
}

impl Xls {
    /// Opens the workbook: every 8-bit text is decoded in its code page.
    pub fn open(bytes: &[u8], limits: &Limits) -> Result<Self, XlsError> {
        Self::open_with(bytes, limits, |_| false)
    }

    /// Opens the workbook; 8-bit text in the fonts `raw_fonts` names stays
    /// as bytes (Latin-1).
    pub fn open_with(
        bytes: &[u8],
        limits: &Limits,
        raw_fonts: FontFilter,
    ) -> Result<Self, XlsError> {
        let cfb = Cfb::open(bytes)?;
        let top = cfb.top_level();
        let find = |n: &str| {
            top.iter()
                .find(|e| e.kind == 2 && e.name.eq_ignore_ascii_case(n))
                .copied()
        };
        // An encrypted .xlsx/.docx is a compound file holding the encryption
        // header and the encrypted zip (MS-OFFCRYPTO).
        if find("EncryptedPackage").is_some() || find("EncryptionInfo").is_some() {
            return Err(XlsError::Encrypted);
        }
        let (entry, named_workbook) = match (find("Workbook"), find("Book")) {
            (Some(e), _) => (e, true),
            (None, Some(e)) => (e, false),
            _ => return Err(XlsError::NoWorkbookStream),
        };
        let stream = cfb.stream(entry, limits)?;
        let g = read_globals(&stream, named_workbook, raw_fonts, limits)?;
        // Worksheets only: a sheet whose BOF says it is a chart or a macro
        // sheet is left out; one whose BOF is damaged stays, to fail alone.
        let (mut names, mut offsets) = (Vec::new(), Vec::new());
        for (name, off) in &g.sheets {
            let mut r = Records {
                b: &stream,
                pos: *off,
            };
            if let Ok(Some((0x0809, d))) = r.next() {
                if u16_at(d, 2) != Some(0x0010) {
                    continue;
                }
            }
            names.push(name.clone());
            offsets.push(*off);
        }
        if names.is_empty() {
            return Err(XlsError::NoSheets);
        }
        Ok(Xls {
            budget: stream.len(),
            stream,
            g,
            lim: *limits,
            names,
            offsets,
            used: 0,
        })
    }

    fn parse(&mut self, i: usize) -> Result<Sheet, XlsError> {
        let (Some(&off), Some(name)) = (self.offsets.get(i), self.names.get(i)) else {
            return Err(XlsError::NoSheets);
        };
        let (used, budget) = (&mut self.used, &mut self.budget);
        let rows = read_sheet(&self.stream, off, name, &self.g, used, budget, &self.lim)?;
        Ok(Sheet {
            name: name.clone(),
            rows,
        })
    }
}

impl WorkbookReader for Xls {
    type Error = XlsError;

    fn sheet_names(&self) -> &[String] {
        &self.names
    }

    fn sheet(&mut self, index: usize) -> Option<Result<Sheet, XlsError>> {
        (index < self.names.len()).then(|| self.parse(index))
    }
}

/// Reads every worksheet of an .xls workbook (Excel 97–2003, or Excel
/// 5.0/95), every 8-bit text decoded in its code page.
pub fn read_xls(bytes: &[u8], limits: &Limits) -> Result<Workbook, XlsError> {
    Xls::open(bytes, limits)?.read_all()
}

/// [`read_xls`], 8-bit text in the fonts `raw_fonts` names kept as bytes.
pub fn read_xls_with(
    bytes: &[u8],
    limits: &Limits,
    raw_fonts: FontFilter,
) -> Result<Workbook, XlsError> {
    Xls::open_with(bytes, limits, raw_fonts)?.read_all()
}

#[cfg(test)]
pub(super) mod tests;
