//! Reading and writing office files (.xlsx, .ods, .xls) without any heavy dependency.
//!
//! Everything here is hand-written and defensive: any byte sequence given to the
//! readers yields either a value or an [`OfficeError`], never a panic, and the
//! [`Limits`] bound the memory and time an untrusted file can make us spend.

pub mod ods_read;
mod xls_read;
pub mod xlsx_read;
pub mod xlsx_write;
pub mod xml;
pub mod zip;

#[cfg(test)]
mod tests;

use std::fmt;

pub use ods_read::read_ods;
pub use xls_read::read_xls;
pub use xlsx_read::read_xlsx;
pub use xlsx_write::{neutralise, write_xlsx, XCell};
pub use zip::{read_zip, ZipArchive, ZipEntry, ZipWriter};

const MB: u64 = 1024 * 1024;

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
    /// Cells kept in memory for one workbook (empty cells padded in dense rows
    /// count too), and shared strings.
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
    /// Excel serial date (1900 system, days since 1899-12-30, time as fraction).
    Date(f64),
    Error(String),
}

/// What went wrong in an XML part.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XmlProblem {
    NotUtf8,
    Syntax,
    Mismatch,
    Unclosed,
    BadEntity,
    TooDeep(usize),
}

/// What is damaged in an .xls (OLE2 compound) file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum XlsProblem {
    /// No OLE2 header, or a header or root entry that makes no sense.
    NotCompound,
    /// A sector or a stream lies past the end of the file.
    Truncated,
    /// A chain of sectors loops or points outside the file.
    BadChain,
    /// A record overruns its stream, or a sheet is not where the workbook
    /// says (offset in the workbook stream).
    BadRecord(usize),
}

#[derive(Clone, Debug, PartialEq)]
pub enum OfficeError {
    /// No zip central directory: not an .xlsx/.ods/.docx or badly truncated.
    NotZip,
    /// OLE2 compound file: an old .xls or a password-protected file.
    LegacyOrEncrypted,
    /// Zip entry encrypted with a password.
    EncryptedEntry(String),
    /// ZIP64 archive (over 4 GB or 65 535 entries).
    Zip64,
    UnsupportedMethod {
        name: String,
        method: u16,
    },
    /// Entry damaged: bad CRC, bad deflate data, wrong size, bad offsets.
    BadEntry(String),
    MissingPart(String),
    TotalTooLarge {
        limit: u64,
    },
    EntryTooLarge {
        name: String,
        limit: u64,
    },
    TooManyEntries {
        limit: usize,
    },
    Xml {
        part: String,
        problem: XmlProblem,
        pos: usize,
    },
    BadReference {
        part: String,
        value: String,
    },
    TooManyRows {
        sheet: String,
        limit: usize,
    },
    TooManyCols {
        sheet: String,
        row: u32,
        limit: usize,
    },
    TooManyCells {
        sheet: String,
        limit: usize,
    },
    NoSheets,
    /// .xls file damaged.
    Xls(XlsProblem),
    /// .xls (or OLE2-wrapped .xlsx) protected with a password.
    Encrypted,
    /// OLE2 compound file without a workbook (a .doc, .ppt, .msg …).
    NoWorkbookStream,
}

impl std::error::Error for OfficeError {}

fn mb(n: u64) -> u64 {
    n.div_ceil(MB)
}

impl fmt::Display for OfficeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use OfficeError::*;
        match self {
            NotZip => f.write_str("Tệp bị hỏng hoặc không phải tệp Excel/LibreOffice (.xlsx, .ods) (không đọc được mục lục nén). Hãy mở tệp bằng Excel rồi lưu lại dạng .xlsx."),
            LegacyOrEncrypted => f.write_str("Đây là tệp Excel đời cũ (.xls) hoặc tệp có đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu nếu có, rồi lưu lại dạng .xlsx."),
            EncryptedEntry(n) => write!(f, "Tệp có đặt mật khẩu (mục \"{n}\" bị mã hoá). Hãy gỡ mật khẩu rồi lưu lại."),
            Zip64 => f.write_str("Tệp nén dạng ZIP64 (quá 4 GB hoặc quá 65 535 mục) chưa được hỗ trợ. Hãy mở bằng Excel rồi lưu lại dạng .xlsx."),
            UnsupportedMethod { name, method } => write!(f, "Mục \"{name}\" trong tệp dùng kiểu nén không hỗ trợ (mã {method}). Hãy mở bằng Excel rồi lưu lại dạng .xlsx."),
            BadEntry(n) => write!(f, "Tệp bị hỏng: dữ liệu nén của mục \"{n}\" bị lỗi. Hãy lấy lại bản gốc của tệp."),
            MissingPart(n) => write!(f, "Tệp thiếu phần \"{n}\" — tệp bị hỏng hoặc không phải tệp bảng tính."),
            TotalTooLarge { limit } => write!(f, "Tệp giải nén quá lớn (vượt {} MB) — có thể là tệp độc hại.", mb(*limit)),
            EntryTooLarge { name, limit } => write!(f, "Phần \"{name}\" của tệp giải nén quá lớn (vượt {} MB) — có thể là tệp độc hại.", mb(*limit)),
            TooManyEntries { limit } => write!(f, "Tệp chứa quá nhiều mục nén (hơn {limit}) — có thể là tệp độc hại."),
            Xml { part, problem, pos } => {
                let what = match problem {
                    XmlProblem::NotUtf8 => "không phải mã UTF-8".to_string(),
                    XmlProblem::Syntax => "sai cú pháp".to_string(),
                    XmlProblem::Mismatch => "thẻ đóng không khớp thẻ mở".to_string(),
                    XmlProblem::Unclosed => "thiếu thẻ đóng (tệp bị cắt cụt?)".to_string(),
                    XmlProblem::BadEntity => "ký tự thoát '&…;' không hợp lệ".to_string(),
                    XmlProblem::TooDeep(d) => format!("lồng nhau quá {d} cấp — có thể là tệp độc hại"),
                };
                write!(f, "Tệp bị hỏng: nội dung \"{part}\" {what} (vị trí {pos}).")
            }
            BadReference { part, value } => write!(f, "Tệp bị hỏng: tham chiếu \"{value}\" trong \"{part}\" không hợp lệ."),
            TooManyRows { sheet, limit } => write!(f, "Trang tính \"{sheet}\" có quá nhiều dòng (hơn {limit}). Hãy xoá các dòng thừa rồi lưu lại."),
            TooManyCols { sheet, row, limit } => write!(f, "Trang tính \"{sheet}\" có quá nhiều cột (dòng {row} vượt {limit} cột). Hãy xoá các cột thừa rồi lưu lại."),
            TooManyCells { sheet, limit } => write!(f, "Trang tính \"{sheet}\" có quá nhiều ô (hơn {limit}). Hãy tách tệp hoặc xoá dữ liệu thừa."),
            NoSheets => f.write_str("Tệp không có trang tính nào."),
            Xls(p) => {
                let what = match p {
                    XlsProblem::NotCompound => "phần đầu tệp không hợp lệ".to_string(),
                    XlsProblem::Truncated => "tệp bị cắt cụt (thiếu phần cuối)".to_string(),
                    XlsProblem::BadChain => "bảng phân bổ của tệp bị lỗi (vòng lặp hoặc trỏ ra ngoài tệp)".to_string(),
                    XlsProblem::BadRecord(pos) => format!("dữ liệu bảng tính bị lỗi (vị trí {pos})"),
                };
                write!(f, "Tệp Excel 97–2003 (.xls) bị hỏng: {what}. Hãy lấy lại bản gốc của tệp, hoặc mở bằng Excel rồi lưu lại dạng .xlsx.")
            }
            Encrypted => f.write_str("Tệp Excel có đặt mật khẩu (đã mã hoá) nên không đọc được. Hãy mở bằng Excel, gỡ mật khẩu rồi lưu lại."),
            NoWorkbookStream => f.write_str("Tệp không chứa bảng tính Excel (có thể là tệp Word hay PowerPoint đời cũ). Hãy chọn đúng tệp bảng số liệu."),
        }
    }
}

impl OfficeError {
    /// The same message in English.
    pub fn message_en(&self) -> String {
        use OfficeError::*;
        match self {
            NotZip => "The file is damaged or is not an Excel/LibreOffice file (.xlsx, .ods): its zip directory cannot be read. Open it in Excel and save it again as .xlsx.".into(),
            LegacyOrEncrypted => "This is an old Excel file (.xls) or a password-protected file. Open it in Excel, remove any password and save it as .xlsx.".into(),
            EncryptedEntry(n) => format!("The file is password-protected (entry \"{n}\" is encrypted). Remove the password and save it again."),
            Zip64 => "ZIP64 archives (over 4 GB or 65,535 entries) are not supported. Open the file in Excel and save it again as .xlsx.".into(),
            UnsupportedMethod { name, method } => format!("Entry \"{name}\" uses an unsupported compression method ({method}). Open the file in Excel and save it again as .xlsx."),
            BadEntry(n) => format!("The file is damaged: the compressed data of entry \"{n}\" is corrupt. Get the original file again."),
            MissingPart(n) => format!("The file lacks the part \"{n}\": it is damaged or not a spreadsheet."),
            TotalTooLarge { limit } => format!("The file is too large once decompressed (over {} MB); it may be malicious.", mb(*limit)),
            EntryTooLarge { name, limit } => format!("Part \"{name}\" is too large once decompressed (over {} MB); it may be malicious.", mb(*limit)),
            TooManyEntries { limit } => format!("The file holds too many zip entries (over {limit}); it may be malicious."),
            Xml { part, problem, pos } => {
                let what = match problem {
                    XmlProblem::NotUtf8 => "is not UTF-8".to_string(),
                    XmlProblem::Syntax => "has a syntax error".to_string(),
                    XmlProblem::Mismatch => "has a closing tag that does not match its opening tag".to_string(),
                    XmlProblem::Unclosed => "lacks closing tags (truncated file?)".to_string(),
                    XmlProblem::BadEntity => "has an invalid '&…;' escape".to_string(),
                    XmlProblem::TooDeep(d) => format!("is nested more than {d} levels deep; it may be malicious"),
                };
                format!("The file is damaged: \"{part}\" {what} (at byte {pos}).")
            }
            BadReference { part, value } => format!("The file is damaged: reference \"{value}\" in \"{part}\" is invalid."),
            TooManyRows { sheet, limit } => format!("Sheet \"{sheet}\" has too many rows (over {limit}). Delete the unused rows and save again."),
            TooManyCols { sheet, row, limit } => format!("Sheet \"{sheet}\" has too many columns (row {row} goes past {limit} columns). Delete the unused columns and save again."),
            TooManyCells { sheet, limit } => format!("Sheet \"{sheet}\" has too many cells (over {limit}). Split the file or delete unused data."),
            NoSheets => "The file has no sheet.".into(),
            Xls(p) => {
                let what = match p {
                    XlsProblem::NotCompound => "its header is invalid".to_string(),
                    XlsProblem::Truncated => "it is truncated (its end is missing)".to_string(),
                    XlsProblem::BadChain => "its allocation table is corrupt (a loop or a pointer outside the file)".to_string(),
                    XlsProblem::BadRecord(pos) => format!("its spreadsheet data is corrupt (at byte {pos})"),
                };
                format!("The Excel 97–2003 file (.xls) is damaged: {what}. Get the original file again, or open it in Excel and save it as .xlsx.")
            }
            Encrypted => "The Excel file is password-protected (encrypted) and cannot be read. Open it in Excel, remove the password and save it again.".into(),
            NoWorkbookStream => "The file holds no Excel workbook (it may be an old Word or PowerPoint file). Choose the data table file.".into(),
        }
    }
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
        let t = t.trim_end_matches('Z');
        let t = t.split(['+', '-']).next().unwrap_or("");
        let mut p = t.split(':');
        let h = num(p.next()?)? as f64;
        let mi = p.next().map_or(Some(0), num)? as f64;
        let sec: f64 = match p.next() {
            Some(x) => crate::decimal::parse_f64(x).filter(|v| v.is_finite() && *v >= 0.0)?,
            None => 0.0,
        };
        serial += (h * 3600.0 + mi * 60.0 + sec) / 86_400.0;
    }
    Some(serial)
}
