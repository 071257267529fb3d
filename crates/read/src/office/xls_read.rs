//! Reading binary .xls workbooks: Excel 97–2003 (BIFF8) and Excel 5.0/95
//! (BIFF5/7, whose text is 8-bit in the workbook's code page), stored in an
//! OLE2 compound file. Values, fonts (for legacy Vietnamese encodings) and
//! date formats, as [`super::read_xlsx`] gives them.
//!
//! Every offset is checked, sector chains are bounded by the file size (so a
//! loop in the allocation table is refused) and the [`Limits`] apply.

use std::collections::BTreeMap;

use super::numfmt::{builtin, classify, NumKind};
use super::xlsx_sheet::place;
use super::{Cell, CellValue, Limits, OfficeError, Sheet, SheetRow, Workbook, XlsProblem};
use crate::text::{decode_codepage, legacy_font};

const END: u32 = 0xFFFF_FFFE;

fn damaged(p: XlsProblem) -> OfficeError {
    OfficeError::Xls(p)
}

fn u16_at(b: &[u8], i: usize) -> Option<u16> {
    Some(u16::from_le_bytes(
        b.get(i..i.checked_add(2)?)?.try_into().ok()?,
    ))
}

fn u32_at(b: &[u8], i: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(i..i.checked_add(4)?)?.try_into().ok()?,
    ))
}

fn u32s(b: &[u8]) -> impl Iterator<Item = u32> + '_ {
    b.chunks_exact(4)
        .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
}

// ---------------------------------------------------------------- OLE2 / CFB

struct Entry {
    name: String,
    kind: u8,
    left: u32,
    right: u32,
    child: u32,
    start: u32,
    size: u64,
}

struct Cfb<'a> {
    data: &'a [u8],
    ssz: usize,
    /// Sectors the file can hold: the bound of every chain.
    nsect: usize,
    fat: Vec<u32>,
    dir: Vec<Entry>,
}

/// Follows a chain of sector numbers; a chain longer than `cap` loops.
fn chain(table: &[u32], start: u32, cap: usize) -> Result<Vec<u32>, OfficeError> {
    let mut out = Vec::new();
    let mut cur = start;
    while cur != END {
        if out.len() >= cap {
            return Err(damaged(XlsProblem::BadChain));
        }
        out.push(cur);
        cur = *table
            .get(cur as usize)
            .ok_or(damaged(XlsProblem::BadChain))?;
    }
    Ok(out)
}

impl<'a> Cfb<'a> {
    fn open(data: &'a [u8]) -> Result<Self, OfficeError> {
        const SIG: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
        if data.len() < 512 || !data.starts_with(&SIG) {
            return Err(damaged(XlsProblem::NotCompound));
        }
        let h = |i: usize| u32_at(data, i).unwrap_or(END);
        let ssz = match u16_at(data, 0x1E) {
            Some(9) => 512,
            Some(12) => 4096,
            _ => return Err(damaged(XlsProblem::NotCompound)),
        };
        let nsect = data.len().div_ceil(ssz);
        let mut cfb = Cfb {
            data,
            ssz,
            nsect,
            fat: Vec::new(),
            dir: Vec::new(),
        };
        // The FAT's own sectors: 109 in the header, the rest in DIFAT sectors
        // (each ends with the number of the next one).
        let nfat = h(0x2C) as usize;
        if nfat > nsect {
            return Err(damaged(XlsProblem::BadChain));
        }
        let mut ids: Vec<u32> = (0..nfat.min(109)).map(|i| h(0x4C + 4 * i)).collect();
        let mut next = h(0x44);
        while ids.len() < nfat {
            let s = cfb.sector(next)?;
            let per = ssz / 4 - 1;
            ids.extend(u32s(s).take(per.min(nfat - ids.len())));
            next = u32_at(s, 4 * per).ok_or(damaged(XlsProblem::Truncated))?;
        }
        let mut fat = Vec::with_capacity(nfat * ssz / 4);
        for &id in &ids {
            fat.extend(u32s(cfb.sector(id)?));
        }
        cfb.fat = fat;
        let dir = cfb.chain_bytes(h(0x30))?;
        cfb.dir = dir.chunks_exact(128).map(parse_entry).collect();
        if cfb.dir.first().map(|e| e.kind) != Some(5) {
            return Err(damaged(XlsProblem::NotCompound));
        }
        if ssz == 512 {
            // Version 3 files: the high half of the size may hold garbage.
            for e in &mut cfb.dir {
                e.size &= 0xFFFF_FFFF;
            }
        }
        Ok(cfb)
    }

    /// Sector `id` (the last one of a truncated file may be short).
    fn sector(&self, id: u32) -> Result<&'a [u8], OfficeError> {
        let start = (id as usize)
            .checked_add(1)
            .and_then(|x| x.checked_mul(self.ssz))
            .filter(|&s| s < self.data.len())
            .ok_or(damaged(XlsProblem::Truncated))?;
        let end = self.data.len().min(start + self.ssz);
        self.data
            .get(start..end)
            .ok_or(damaged(XlsProblem::Truncated))
    }

    fn chain_bytes(&self, start: u32) -> Result<Vec<u8>, OfficeError> {
        let mut out = Vec::new();
        for id in chain(&self.fat, start, self.nsect)? {
            out.extend_from_slice(self.sector(id)?);
        }
        Ok(out)
    }

    /// Entries directly under the root storage (a red-black tree of siblings).
    fn top_level(&self) -> Vec<&Entry> {
        let mut seen = vec![false; self.dir.len()];
        let mut out = Vec::new();
        let mut stack = vec![self.dir.first().map_or(u32::MAX, |r| r.child)];
        while let Some(i) = stack.pop() {
            let i = i as usize;
            let Some(e) = self.dir.get(i) else { continue };
            if std::mem::replace(&mut seen[i], true) {
                continue;
            }
            out.push(e);
            stack.extend([e.left, e.right]);
        }
        out
    }

    /// The contents of a stream, from the mini stream when it is small.
    fn stream(&self, e: &Entry, lim: &Limits) -> Result<Vec<u8>, OfficeError> {
        if e.size >= 4096 {
            return self.regular(e.start, e.size, lim);
        }
        let root = self.dir.first().ok_or(damaged(XlsProblem::NotCompound))?;
        // The mini stream as far as the file holds it: a file that ends in
        // a partial sector still has every mini sector before its end.
        let mini = self.available(root.start, root.size, lim)?;
        let first = u32_at(self.data, 0x3C).unwrap_or(END);
        let minifat: Vec<u32> = u32s(&self.chain_bytes(first)?).collect();
        let mut out = Vec::new();
        for id in chain(&minifat, e.start, mini.len() / 64 + 1)? {
            let at = (id as usize).saturating_mul(64);
            let piece = mini.get(at..mini.len().min(at.saturating_add(64)));
            out.extend_from_slice(piece.ok_or(damaged(XlsProblem::Truncated))?);
            if out.len() >= e.size as usize {
                break;
            }
        }
        let size = e.size as usize;
        if out.len() < size {
            return Err(damaged(XlsProblem::Truncated));
        }
        out.truncate(size);
        Ok(out)
    }

    /// A stream in regular sectors, its size checked before anything is read.
    fn regular(&self, start: u32, size: u64, lim: &Limits) -> Result<Vec<u8>, OfficeError> {
        let out = self.available(start, size, lim)?;
        if (out.len() as u64) < size {
            return Err(damaged(XlsProblem::Truncated));
        }
        Ok(out)
    }

    /// Up to `size` bytes of the stream in regular sectors from `start`, as
    /// far as the file holds them (the chain must fit the declared size, and
    /// only the file's end may cut it short).
    fn available(&self, start: u32, size: u64, lim: &Limits) -> Result<Vec<u8>, OfficeError> {
        let too_large = OfficeError::TotalTooLarge {
            limit: lim.max_total,
        };
        if size > lim.max_total {
            return Err(too_large);
        }
        let size = usize::try_from(size).map_err(|_| too_large)?;
        let ids = chain(&self.fat, start, self.nsect)?;
        if ids.len().saturating_mul(self.ssz) < size {
            return Err(damaged(XlsProblem::Truncated));
        }
        let mut out = Vec::with_capacity(size.min(self.data.len()));
        for id in ids {
            if out.len() >= size {
                break;
            }
            match self.sector(id) {
                Ok(s) => out.extend_from_slice(s),
                Err(_) => break,
            }
        }
        out.truncate(size);
        Ok(out)
    }
}

fn parse_entry(e: &[u8]) -> Entry {
    let n = (usize::from(u16_at(e, 64).unwrap_or(0)) / 2).clamp(1, 32) - 1;
    let units: Vec<u16> = (0..n).filter_map(|i| u16_at(e, 2 * i)).collect();
    let p = |i| u32_at(e, i).unwrap_or(u32::MAX);
    Entry {
        name: String::from_utf16_lossy(&units),
        kind: e.get(66).copied().unwrap_or(0),
        left: p(68),
        right: p(72),
        child: p(76),
        start: p(116),
        size: u64::from(p(120)) | u64::from(p(124)) << 32,
    }
}

// ---------------------------------------------------------------- BIFF records

struct Records<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Records<'a> {
    /// The next record (id, data); `None` at the end of the stream.
    fn next(&mut self) -> Result<Option<(u16, &'a [u8])>, OfficeError> {
        if self.pos >= self.b.len() {
            return Ok(None);
        }
        let bad = damaged(XlsProblem::BadRecord(self.pos));
        let (id, len) = (u16_at(self.b, self.pos), u16_at(self.b, self.pos + 2));
        let (Some(id), Some(len)) = (id, len) else {
            return Err(bad);
        };
        let start = self.pos + 4;
        let data = self.b.get(start..start + usize::from(len)).ok_or(bad)?;
        self.pos = start + usize::from(len);
        Ok(Some((id, data)))
    }

    /// `first` and the data of the CONTINUE records that follow it.
    fn continued(&mut self, first: &'a [u8]) -> Frags<'a> {
        let mut f = vec![first];
        while u16_at(self.b, self.pos) == Some(0x003C) {
            match self.next() {
                Ok(Some((_, d))) => f.push(d),
                _ => break,
            }
        }
        Frags { f, i: 0, pos: 0 }
    }
}

/// A cursor over a record and its CONTINUE records.
struct Frags<'a> {
    f: Vec<&'a [u8]>,
    i: usize,
    pos: usize,
}

impl<'a> Frags<'a> {
    fn at(b: &'a [u8], pos: usize) -> Self {
        Frags {
            f: vec![b],
            i: 0,
            pos,
        }
    }
    fn byte(&mut self) -> Option<u8> {
        loop {
            let cur = self.f.get(self.i)?;
            if let Some(&b) = cur.get(self.pos) {
                self.pos += 1;
                return Some(b);
            }
            self.i += 1;
            self.pos = 0;
        }
    }
    fn u16(&mut self) -> Option<u16> {
        Some(u16::from_le_bytes([self.byte()?, self.byte()?]))
    }
    fn skip(&mut self, mut n: usize) -> Option<()> {
        while n > 0 {
            let cur = self.f.get(self.i)?;
            let k = cur.len().saturating_sub(self.pos).min(n);
            if k == 0 {
                self.i += 1;
                self.pos = 0;
            }
            self.pos += k;
            n -= k;
        }
        Some(())
    }
    /// `n` characters, 8- or 16-bit; a string that goes on in a CONTINUE
    /// record starts it with a new flag byte.
    fn chars(&mut self, mut n: usize, mut wide: bool, out: &mut Vec<u16>) -> Option<()> {
        while n > 0 {
            let cur: &[u8] = self.f.get(self.i)?;
            let rest = cur.get(self.pos..).unwrap_or_default();
            if rest.is_empty() {
                self.i += 1;
                self.pos = 0;
                wide = self.byte()? & 1 != 0;
                continue;
            }
            let k = if wide { rest.len() / 2 } else { rest.len() }.min(n);
            if k == 0 {
                return None;
            }
            if wide {
                out.extend(
                    rest.chunks_exact(2)
                        .take(k)
                        .map(|p| u16::from_le_bytes([p[0], p[1]])),
                );
                self.pos += 2 * k;
            } else {
                out.extend(rest.iter().take(k).map(|&b| u16::from(b)));
                self.pos += k;
            }
            n -= k;
        }
        Some(())
    }
    /// A BIFF8 unicode string (length on 1 or 2 bytes, flags, characters,
    /// rich-text runs, East Asian data) and the font of its first run that
    /// `keep` accepts.
    fn ustr(&mut self, long: bool, keep: impl Fn(u16) -> bool) -> Option<(String, Option<u16>)> {
        let cch = if long {
            self.u16()?
        } else {
            u16::from(self.byte()?)
        };
        let flags = self.byte()?;
        let runs = if flags & 8 != 0 { self.u16()? } else { 0 };
        let ext = if flags & 4 != 0 {
            u32::from(self.u16()?) | u32::from(self.u16()?) << 16
        } else {
            0
        };
        let mut units = Vec::with_capacity(usize::from(cch));
        self.chars(usize::from(cch), flags & 1 != 0, &mut units)?;
        let mut font = None;
        for _ in 0..runs {
            self.u16()?;
            let f = self.u16()?;
            if font.is_none() && keep(f) {
                font = Some(f);
            }
        }
        self.skip(ext as usize)?;
        Some((String::from_utf16_lossy(&units), font))
    }
}

/// Text of an 8-bit (BIFF5) string in the workbook's code page (the
/// CODEPAGE record); code page 0 — and one the text crate does not know —
/// is Latin-1, which keeps legacy-font bytes for later conversion.
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
    /// In a legacy Vietnamese font (default font included).
    legacy: bool,
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

fn read_globals(b: &[u8], named_workbook: bool, lim: &Limits) -> Result<Globals, OfficeError> {
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
    let mut formats: BTreeMap<u16, NumKind> = BTreeMap::new();
    let mut xfs: Vec<(u16, u16)> = Vec::new();
    while let Some((id, d)) = r.next()? {
        match id {
            0x000A => break,
            0x002F => return Err(OfficeError::Encrypted),
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
            return Err(OfficeError::TooManyCells {
                sheet: "Workbook".into(),
                limit: lim.max_cells,
            });
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
                legacy: fonts.get(i).and_then(|n| legacy_font(n)).is_some(),
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
    rows: BTreeMap<u16, Vec<Cell>>,
}

impl SheetBuf<'_> {
    fn put(
        &mut self,
        row: u16,
        col: usize,
        xf: u16,
        value: CellValue,
        run_font: Option<String>,
    ) -> Result<(), OfficeError> {
        if matches!(&value, CellValue::Empty) || value == CellValue::Text(String::new()) {
            return Ok(());
        }
        if usize::from(row) >= self.lim.max_rows {
            return Err(OfficeError::TooManyRows {
                sheet: self.name.to_string(),
                limit: self.lim.max_rows,
            });
        }
        if col >= self.lim.max_cols {
            return Err(OfficeError::TooManyCols {
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
        let cur = self.rows.entry(row).or_default();
        place(
            cur,
            col,
            Cell { value, font },
            self.used,
            self.lim,
            self.name,
        )
    }
}

/// Rows of the worksheet whose BOF is at `off`; `None` for other sheet kinds.
/// `budget` is the number of bytes the sheets may still scan: real sheets do
/// not overlap, so more than the stream means sheets pointing into each
/// other (which would make the work quadratic).
fn read_sheet(
    stream: &[u8],
    off: usize,
    name: &str,
    g: &Globals,
    used: &mut usize,
    budget: &mut usize,
    lim: &Limits,
) -> Result<Option<Vec<SheetRow>>, OfficeError> {
    let mut r = Records {
        b: stream,
        pos: off,
    };
    match r.next()? {
        Some((0x0809, d)) if u16_at(d, 2) == Some(0x0010) => {}
        Some((0x0809, _)) => return Ok(None),
        _ => return Err(damaged(XlsProblem::BadRecord(off))),
    }
    let mut s = SheetBuf {
        g,
        name,
        lim,
        used,
        rows: BTreeMap::new(),
    };
    let (mut depth, mut pending) = (0u32, None);
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
        if depth > 0 {
            continue;
        }
        if id == 0x00BD {
            // MULRK: row, first column, (xf, rk)…, last column.
            let (Some(row), Some(first)) = (u16_at(d, 0), u16_at(d, 2)) else {
                continue;
            };
            for i in 0..d.len().saturating_sub(6) / 6 {
                let (xf, v) = (u16_at(d, 4 + 6 * i), u32_at(d, 6 + 6 * i));
                if let (Some(xf), Some(v)) = (xf, v) {
                    s.put(
                        row,
                        usize::from(first) + i,
                        xf,
                        CellValue::Number(rk(v)),
                        None,
                    )?;
                }
            }
            continue;
        }
        if id == 0x0207 {
            // STRING: the text result of the FORMULA just before.
            if let Some((row, col, xf)) = pending.take() {
                let text = if g.biff8 {
                    r.continued(d).ustr(true, |_| false).map(|s| s.0)
                } else {
                    let n = usize::from(u16_at(d, 0).unwrap_or(0));
                    d.get(2..2 + n).map(|b| text8(b, g.codepage))
                };
                s.put(
                    row,
                    col,
                    xf,
                    CellValue::Text(text.unwrap_or_default()),
                    None,
                )?;
            }
            continue;
        }
        let (Some(row), Some(col), Some(xf)) = (u16_at(d, 0), u16_at(d, 2), u16_at(d, 4)) else {
            continue;
        };
        let col = usize::from(col);
        let num = d
            .get(6..14)
            .and_then(|b| b.try_into().ok())
            .map(f64::from_le_bytes);
        match id {
            0x0203 => {
                if let Some(x) = num {
                    s.put(row, col, xf, CellValue::Number(x), None)?;
                }
            }
            0x027E => {
                if let Some(v) = u32_at(d, 6) {
                    s.put(row, col, xf, CellValue::Number(rk(v)), None)?;
                }
            }
            0x00FD => {
                let Some(i) = u32_at(d, 6) else { continue };
                let (text, font) = g.sst.get(i as usize).ok_or(OfficeError::BadReference {
                    part: "SST".into(),
                    value: i.to_string(),
                })?;
                s.put(row, col, xf, CellValue::Text(text.clone()), font.clone())?;
            }
            0x0204 | 0x00D6 => {
                // LABEL, RSTRING.
                // 8-bit text in a legacy font stays as bytes (Latin-1) for the
                // font conversion.
                let legacy = g.xf.get(usize::from(xf)).is_some_and(|x| x.legacy);
                let cp = if legacy { 0 } else { g.codepage };
                let text = text_at(d, 6, true, g.biff8, cp);
                s.put(row, col, xf, CellValue::Text(text), None)?;
            }
            0x0205 => {
                let v = match (d.get(6), d.get(7)) {
                    (Some(&b), Some(0)) => CellValue::Bool(b != 0),
                    (Some(&e), Some(_)) => CellValue::Error(error_text(e)),
                    _ => continue,
                };
                s.put(row, col, xf, v, None)?;
            }
            0x0006 => {
                let Some(res) = d.get(6..14) else { continue };
                let v = match res {
                    [0, _, _, _, _, _, 0xFF, 0xFF] => {
                        pending = Some((row, col, xf));
                        continue;
                    }
                    [1, _, b, _, _, _, 0xFF, 0xFF] => CellValue::Bool(*b != 0),
                    [2, _, e, _, _, _, 0xFF, 0xFF] => CellValue::Error(error_text(*e)),
                    [_, _, _, _, _, _, 0xFF, 0xFF] => continue,
                    _ => CellValue::Number(num.unwrap_or(0.0)),
                };
                s.put(row, col, xf, v, None)?;
            }
            _ => {}
        }
    }
    *budget = budget.saturating_sub(r.pos - off);
    let rows = s.rows.into_iter().filter(|(_, c)| !c.is_empty());
    Ok(Some(
        rows.map(|(r, cells)| SheetRow {
            row: u32::from(r) + 1,
            cells,
        })
        .collect(),
    ))
}

/// Reads every worksheet of an .xls workbook (Excel 97–2003, or Excel 5.0/95).
pub fn read_xls(bytes: &[u8], limits: &Limits) -> Result<Workbook, OfficeError> {
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
        return Err(OfficeError::Encrypted);
    }
    let (entry, named_workbook) = match (find("Workbook"), find("Book")) {
        (Some(e), _) => (e, true),
        (None, Some(e)) => (e, false),
        _ => return Err(OfficeError::NoWorkbookStream),
    };
    let stream = cfb.stream(entry, limits)?;
    let g = read_globals(&stream, named_workbook, limits)?;
    let (mut used, mut budget) = (0, stream.len());
    let mut sheets = Vec::new();
    for (name, off) in &g.sheets {
        if let Some(rows) = read_sheet(&stream, *off, name, &g, &mut used, &mut budget, limits)? {
            sheets.push(Sheet {
                name: name.clone(),
                rows,
            });
        }
    }
    if sheets.is_empty() {
        return Err(OfficeError::NoSheets);
    }
    Ok(Workbook { sheets })
}

#[cfg(test)]
#[path = "xls_tests.rs"]
pub(super) mod tests;
