//! Reading and writing office files (.xlsx, .ods, .xls) without any heavy dependency.
//!
//! Everything here is hand-written and defensive: any byte sequence given to the
//! readers yields either a value or an error, never a panic, and the
//! [`Limits`] bound the memory and time an untrusted file can make us spend.
//!
//! Workbooks are opened lazily, like calamine's `Reader`: [`Xlsx::open`],
//! [`Ods::open`] and [`Xls::open`] read what every sheet shares (sheet
//! names, styles and fonts, shared strings, the 1904 date flag) and
//! [`WorkbookReader::sheet`] parses one sheet when asked, so a damaged sheet
//! fails only itself. [`read_xlsx`], [`read_ods`] and [`read_xls`] read every
//! sheet at once. Each format has its own error ([`XlsxError`],
//! [`OdsError`], [`XlsError`]) wrapping the lower ones ([`ZipError`],
//! [`XmlError`], [`LimitError`]); [`OfficeError`] holds any of them.

pub mod deflate;
mod error;
mod numfmt;
pub mod ods;
pub mod xls;
pub mod xlsx;
pub mod xlsx_write;
pub mod xml;
mod xstring;
pub mod zip;

#[cfg(test)]
mod gap_tests;
#[cfg(test)]
mod lazy_tests;
#[cfg(test)]
mod tests;

pub use error::{LimitError, OfficeError, XmlError, XmlProblem, ZipError};
pub use ods::{read_ods, Ods, OdsError};
pub use xls::{read_xls, read_xls_with, FontFilter, Xls, XlsError, XlsProblem};
pub use xlsx::{read_xlsx, Xlsx, XlsxError};
pub use xlsx_write::{neutralise, write_xlsx, XCell};
pub use zip::{read_zip, ZipArchive, ZipEntry, ZipWriter};

/// A workbook opened for reading, its sheets parsed one at a time.
pub trait WorkbookReader {
    /// The format's own error.
    type Error: Into<OfficeError>;

    /// The names of the sheets, in the workbook's order (what
    /// [`WorkbookReader::sheet`] counts).
    fn sheet_names(&self) -> &[String];

    /// Parses sheet `index`; `None` when there is no such sheet. The cells
    /// kept count towards [`Limits::max_cells`] across every sheet read.
    fn sheet(&mut self, index: usize) -> Option<Result<Sheet, Self::Error>>;

    /// Every sheet, in order; the first that fails fails the whole.
    fn read_all(&mut self) -> Result<Workbook, Self::Error> {
        let mut sheets = Vec::with_capacity(self.sheet_names().len());
        for i in 0..self.sheet_names().len() {
            if let Some(s) = self.sheet(i) {
                sheets.push(s?);
            }
        }
        Ok(Workbook { sheets })
    }
}

pub(crate) const MB: u64 = 1024 * 1024;

/// Bounds applied while reading untrusted files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Sum of the declared uncompressed sizes of all entries of the zip.
    pub max_total: u64,
    /// Uncompressed size of one entry.
    pub max_entry: u64,
    /// Number of entries in the zip.
    pub max_entries: usize,
    /// Highest row number (and number of rows) of one sheet.
    pub max_rows: usize,
    /// Number of columns of one row.
    pub max_cols: usize,
    /// XML nesting depth.
    pub max_depth: usize,
    /// Cells kept in memory for one workbook, over every sheet read from it
    /// (empty cells padded in dense rows count too), and shared strings.
    pub max_cells: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_total: 200 * MB,
            max_entry: 100 * MB,
            max_entries: 10_000,
            max_rows: 2_000_000,
            max_cols: 16_384,
            max_depth: 256,
            max_cells: 10_000_000,
        }
    }
}

/// A spreadsheet as read from a file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workbook {
    pub sheets: Vec<Sheet>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub name: String,
    /// Rows that have at least one non-empty cell, in ascending row order.
    pub rows: Vec<SheetRow>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct SheetRow {
    /// 1-based row number as shown by Excel.
    pub row: u32,
    /// Dense from column A up to the last non-empty cell.
    pub cells: Vec<Cell>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cell {
    pub value: CellValue,
    /// Font name when it is not the workbook's default font (e.g. ".VnTime",
    /// "VNI-Times"); always `None` for empty cells.
    pub font: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub enum CellValue {
    #[default]
    Empty,
    Text(String),
    Number(f64),
    Bool(bool),
    /// Excel serial date (1900 system, days since 1899-12-30, time as
    /// fraction); a time of day or a duration alone is the fraction (or
    /// days) without a date.
    Date(f64),
    Error(String),
}

/// Cells of one row: puts `cell` at `col`, padding with empty cells;
/// `used` counts the cells kept (padding included) against the limit.
pub(crate) fn place(
    cur: &mut Vec<Cell>,
    col: usize,
    cell: Cell,
    used: &mut usize,
    lim: &Limits,
    sheet: &str,
) -> Result<(), LimitError> {
    if let Some(slot) = cur.get_mut(col) {
        *slot = cell;
        return Ok(());
    }
    *used = used.saturating_add(col + 1 - cur.len());
    if *used > lim.max_cells {
        return Err(LimitError::TooManyCells {
            sheet: sheet.to_string(),
            limit: lim.max_cells,
        });
    }
    cur.resize(col, Cell::default());
    cur.push(cell);
    Ok(())
}

/// Column letters for a 0-based column index ("A", "Z", "AA", …).
pub fn col_name(mut col: usize, out: &mut String) {
    let mut buf = [0u8; 8];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'A' + (col % 26) as u8;
        if col < 26 || i == 0 {
            break;
        }
        col = col / 26 - 1;
    }
    for &b in buf.get(i..).unwrap_or(&[]) {
        out.push(b as char);
    }
}

/// Splits a cell reference like "C7" or "$C$7" into a 0-based column and a
/// 1-based row (0 when the reference has no digits). A huge column saturates
/// to `usize::MAX` instead of overflowing, so callers can report it.
pub fn parse_ref(r: &str) -> Option<(usize, u32)> {
    let mut col = 0usize;
    let mut letters = 0;
    let mut row = 0u32;
    let mut digits = 0;
    for b in r.trim().bytes() {
        match b {
            b'$' => {}
            b'A'..=b'Z' | b'a'..=b'z' if digits == 0 => {
                let d = (b.to_ascii_uppercase() - b'A') as usize + 1;
                col = col.saturating_mul(26).saturating_add(d);
                letters += 1;
            }
            b'0'..=b'9' if letters > 0 => {
                row = row.checked_mul(10)?.checked_add((b - b'0') as u32)?;
                digits += 1;
            }
            _ => return None,
        }
    }
    if letters == 0 {
        return None;
    }
    Some((col - 1, row))
}

fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = if y >= 0 { y } else { y - 399 } / 400;
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn num(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// Converts an ISO 8601 date or date-time ("2024-03-15", "2024-03-15T10:30:00.5")
/// to an Excel serial in the 1900 system. A time zone suffix is ignored.
pub fn iso_to_serial(s: &str) -> Option<f64> {
    let s = s.trim();
    let (date, time) = match s.split_once('T') {
        Some((d, t)) => (d, Some(t)),
        None => (s, None),
    };
    let mut it = date.split('-');
    let y = num(it.next()?)?;
    let m = num(it.next()?)?;
    let d = num(it.next()?)?;
    if it.next().is_some() || !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    let mut serial = (days_from_civil(y, m, d) - days_from_civil(1899, 12, 30)) as f64;
    if (1.0..61.0).contains(&serial) {
        serial -= 1.0; // Excel's phantom 1900-02-29
    }
    if let Some(t) = time {
        serial += time_of_day(t)?;
    }
    Some(serial)
}

/// "08:30:00.5" (a time zone suffix ignored) as a fraction of a day.
fn time_of_day(t: &str) -> Option<f64> {
    let t = t.trim_end_matches('Z');
    let t = t.split(['+', '-']).next().unwrap_or("");
    let mut p = t.split(':');
    let h = num(p.next()?)? as f64;
    let mi = p.next().map_or(Some(0), num)? as f64;
    let sec: f64 = match p.next() {
        Some(x) => crate::decimal::parse_f64(x).filter(|v| v.is_finite() && *v >= 0.0)?,
        None => 0.0,
    };
    Some((h * 3600.0 + mi * 60.0 + sec) / 86_400.0)
}

/// An ISO 8601 time without a date ("T08:30:00", "08:30", "08:30:00.5") as a
/// fraction of a day; `None` for anything else (a bare number is no time).
pub fn iso_time(s: &str) -> Option<f64> {
    let s = s.trim();
    let t = s.strip_prefix('T').unwrap_or(s);
    if !t.contains(':') {
        return None;
    }
    time_of_day(t)
}
