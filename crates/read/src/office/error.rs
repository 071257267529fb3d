//! Why an office file could not be read, in the page's language.
//!
//! The errors are layered like the readers: [`ZipError`] (the package),
//! [`XmlError`] (one XML part), [`LimitError`] (a sheet past the
//! [`super::Limits`]), each format's own error wrapping those it meets
//! ([`super::XlsxError`], [`super::OdsError`], [`super::XlsError`]) and
//! [`OfficeError`], the one the ingest layer carries: a variant per format.
//!
//! `Display` gives the Vietnamese text (the page default); every place that
//! shows an error to the clerk calls `message` with the page's [`Lang`].
//! The errors travel inside [`crate::ingest::IngestError`], which a
//! background worker sends back as JSON: an [`OfficeError`] travels as its
//! two texts (Vietnamese, English), which is all the page shows of it, and
//! comes back as [`OfficeError::Sent`] (`ToJson`/`FromJson`). The layers below
//! need no JSON form (serde derives on this tree cost the page ≈ 30 KB).

use super::{OdsError, XlsError, XlsxError, MB};
use crate::Lang;

/// Megabytes for a message, rounded up.
pub(super) fn mb(n: u64) -> u64 {
    n.div_ceil(MB)
}

/// A zip package (.xlsx, .ods, .docx) that cannot be read.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", self.message(Lang::Vi))]
pub enum ZipError {
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
}

impl ZipError {
    /// The message in the page's language.
    pub fn message(&self, lang: Lang) -> String {
        use ZipError::*;
        match (self, lang) {
            (NotZip, Lang::Vi) => "Tệp bị hỏng hoặc không phải tệp Excel/LibreOffice (.xlsx, .ods) (không đọc được mục lục nén). Hãy mở tệp bằng Excel rồi lưu lại dạng .xlsx.".into(),
            (NotZip, Lang::En) => "The file is damaged or is not an Excel/LibreOffice file (.xlsx, .ods): its zip directory cannot be read. Open it in Excel and save it again as .xlsx.".into(),
            (LegacyOrEncrypted, Lang::Vi) => "Đây là tệp Excel đời cũ (.xls) hoặc tệp có đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu nếu có, rồi lưu lại dạng .xlsx.".into(),
            (LegacyOrEncrypted, Lang::En) => "This is an old Excel file (.xls) or a password-protected file. Open it in Excel, remove any password and save it as .xlsx.".into(),
            (EncryptedEntry(n), Lang::Vi) => format!("Tệp có đặt mật khẩu (mục \"{n}\" bị mã hoá). Hãy gỡ mật khẩu rồi lưu lại."),
            (EncryptedEntry(n), Lang::En) => format!("The file is password-protected (entry \"{n}\" is encrypted). Remove the password and save it again."),
            (Zip64, Lang::Vi) => "Tệp nén dạng ZIP64 (quá 4 GB hoặc quá 65 535 mục) chưa được hỗ trợ. Hãy mở bằng Excel rồi lưu lại dạng .xlsx.".into(),
            (Zip64, Lang::En) => "ZIP64 archives (over 4 GB or 65,535 entries) are not supported. Open the file in Excel and save it again as .xlsx.".into(),
            (UnsupportedMethod { name, method }, Lang::Vi) => format!("Mục \"{name}\" trong tệp dùng kiểu nén không hỗ trợ (mã {method}). Hãy mở bằng Excel rồi lưu lại dạng .xlsx."),
            (UnsupportedMethod { name, method }, Lang::En) => format!("Entry \"{name}\" uses an unsupported compression method ({method}). Open the file in Excel and save it again as .xlsx."),
            (BadEntry(n), Lang::Vi) => format!("Tệp bị hỏng: dữ liệu nén của mục \"{n}\" bị lỗi. Hãy lấy lại bản gốc của tệp."),
            (BadEntry(n), Lang::En) => format!("The file is damaged: the compressed data of entry \"{n}\" is corrupt. Get the original file again."),
            (MissingPart(n), Lang::Vi) => format!("Tệp thiếu phần \"{n}\" — tệp bị hỏng hoặc không phải tệp bảng tính."),
            (MissingPart(n), Lang::En) => format!("The file lacks the part \"{n}\": it is damaged or not a spreadsheet."),
            (TotalTooLarge { limit }, Lang::Vi) => format!("Tệp giải nén quá lớn (vượt {} MB) — có thể là tệp độc hại.", mb(*limit)),
            (TotalTooLarge { limit }, Lang::En) => format!("The file is too large once decompressed (over {} MB); it may be malicious.", mb(*limit)),
            (EntryTooLarge { name, limit }, Lang::Vi) => format!("Phần \"{name}\" của tệp giải nén quá lớn (vượt {} MB) — có thể là tệp độc hại.", mb(*limit)),
            (EntryTooLarge { name, limit }, Lang::En) => format!("Part \"{name}\" is too large once decompressed (over {} MB); it may be malicious.", mb(*limit)),
            (TooManyEntries { limit }, Lang::Vi) => format!("Tệp chứa quá nhiều mục nén (hơn {limit}) — có thể là tệp độc hại."),
            (TooManyEntries { limit }, Lang::En) => format!("The file holds too many zip entries (over {limit}); it may be malicious."),
        }
    }
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

impl XmlProblem {
    fn message(self, lang: Lang) -> String {
        use XmlProblem::*;
        match (self, lang) {
            (NotUtf8, Lang::Vi) => "không phải mã UTF-8".into(),
            (NotUtf8, Lang::En) => "is not UTF-8".into(),
            (Syntax, Lang::Vi) => "sai cú pháp".into(),
            (Syntax, Lang::En) => "has a syntax error".into(),
            (Mismatch, Lang::Vi) => "thẻ đóng không khớp thẻ mở".into(),
            (Mismatch, Lang::En) => "has a closing tag that does not match its opening tag".into(),
            (Unclosed, Lang::Vi) => "thiếu thẻ đóng (tệp bị cắt cụt?)".into(),
            (Unclosed, Lang::En) => "lacks closing tags (truncated file?)".into(),
            (BadEntity, Lang::Vi) => "ký tự thoát '&…;' không hợp lệ".into(),
            (BadEntity, Lang::En) => "has an invalid '&…;' escape".into(),
            (TooDeep(d), Lang::Vi) => format!("lồng nhau quá {d} cấp — có thể là tệp độc hại"),
            (TooDeep(d), Lang::En) => {
                format!("is nested more than {d} levels deep; it may be malicious")
            }
        }
    }
}

/// An XML part that is not well-formed (or not UTF-8, or too deep).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", self.message(Lang::Vi))]
pub struct XmlError {
    /// The zip entry.
    pub part: String,
    pub problem: XmlProblem,
    /// Byte offset in the part.
    pub pos: usize,
}

impl XmlError {
    /// The message in the page's language.
    pub fn message(&self, lang: Lang) -> String {
        let XmlError { part, problem, pos } = self;
        match lang {
            Lang::Vi => format!(
                "Tệp bị hỏng: nội dung \"{part}\" {} (vị trí {pos}).",
                problem.message(lang)
            ),
            Lang::En => format!(
                "The file is damaged: \"{part}\" {} (at byte {pos}).",
                problem.message(lang)
            ),
        }
    }
}

/// A sheet past the [`super::Limits`] (rows, columns, cells kept).
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", self.message(Lang::Vi))]
pub enum LimitError {
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
}

impl LimitError {
    /// The message in the page's language.
    pub fn message(&self, lang: Lang) -> String {
        use LimitError::*;
        match (self, lang) {
            (TooManyRows { sheet, limit }, Lang::Vi) => format!("Trang tính \"{sheet}\" có quá nhiều dòng (hơn {limit}). Hãy xoá các dòng thừa rồi lưu lại."),
            (TooManyRows { sheet, limit }, Lang::En) => format!("Sheet \"{sheet}\" has too many rows (over {limit}). Delete the unused rows and save again."),
            (TooManyCols { sheet, row, limit }, Lang::Vi) => format!("Trang tính \"{sheet}\" có quá nhiều cột (dòng {row} vượt {limit} cột). Hãy xoá các cột thừa rồi lưu lại."),
            (TooManyCols { sheet, row, limit }, Lang::En) => format!("Sheet \"{sheet}\" has too many columns (row {row} goes past {limit} columns). Delete the unused columns and save again."),
            (TooManyCells { sheet, limit }, Lang::Vi) => format!("Trang tính \"{sheet}\" có quá nhiều ô (hơn {limit}). Hãy tách tệp hoặc xoá dữ liệu thừa."),
            (TooManyCells { sheet, limit }, Lang::En) => format!("Sheet \"{sheet}\" has too many cells (over {limit}). Split the file or delete unused data."),
        }
    }
}

/// Why a workbook could not be read: its format's own error.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", self.message(Lang::Vi))]
pub enum OfficeError {
    Xlsx(#[from] XlsxError),
    Ods(#[from] OdsError),
    Xls(#[from] XlsError),
    /// An error a background worker met, as it came back: its message in
    /// each language.
    Sent {
        vi: String,
        en: String,
    },
}

impl OfficeError {
    /// The message in the page's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OfficeError::Xlsx(e) => e.message(lang),
            OfficeError::Ods(e) => e.message(lang),
            OfficeError::Xls(e) => e.message(lang),
            OfficeError::Sent { vi, en } => match lang {
                Lang::Vi => vi.clone(),
                Lang::En => en.clone(),
            },
        }
    }
}

/// As its two texts, `[vi, en]`.
impl crate::json::ToJson for OfficeError {
    fn write_json(&self, out: &mut String) {
        (self.message(Lang::Vi), self.message(Lang::En)).write_json(out);
    }
}

/// From [`OfficeError`]'s `Serialize`: an [`OfficeError::Sent`].
impl crate::json::FromJson for OfficeError {
    fn from_json(v: &crate::json::Value) -> Result<Self, crate::json::Bad> {
        let (vi, en) = <(String, String)>::from_json(v)?;
        Ok(OfficeError::Sent { vi, en })
    }
}
