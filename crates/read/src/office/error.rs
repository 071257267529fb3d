//! Why an office file could not be read, in the page's language.
//!
//! `Display` gives the Vietnamese text (the page default); every place that
//! shows an error to the clerk calls [`OfficeError::message`] with the
//! page's [`Lang`]. The errors travel inside [`crate::ingest::IngestError`],
//! which a background worker sends back as JSON, hence serde.

use serde::{Deserialize, Serialize};

use super::MB;
use crate::Lang;

/// What went wrong in an XML part.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum XmlProblem {
    NotUtf8,
    Syntax,
    Mismatch,
    Unclosed,
    BadEntity,
    TooDeep(usize),
}

/// What is damaged in an .xls (OLE2 compound) file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
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

#[derive(Clone, Debug, PartialEq, thiserror::Error, Serialize, Deserialize)]
#[error("{}", self.message(Lang::Vi))]
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
    /// Protected with a password: an encrypted .xls, an OLE2-wrapped
    /// encrypted .xlsx, an encrypted .ods.
    Encrypted,
    /// OLE2 compound file without a workbook (a .doc, .ppt, .msg …).
    NoWorkbookStream,
    /// Excel binary workbook (.xlsb: a zip with `xl/workbook.bin`).
    Xlsb,
}

fn mb(n: u64) -> u64 {
    n.div_ceil(MB)
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

impl XlsProblem {
    fn message(self, lang: Lang) -> String {
        use XlsProblem::*;
        match (self, lang) {
            (NotCompound, Lang::Vi) => "phần đầu tệp không hợp lệ".into(),
            (NotCompound, Lang::En) => "its header is invalid".into(),
            (Truncated, Lang::Vi) => "tệp bị cắt cụt (thiếu phần cuối)".into(),
            (Truncated, Lang::En) => "it is truncated (its end is missing)".into(),
            (BadChain, Lang::Vi) => {
                "bảng phân bổ của tệp bị lỗi (vòng lặp hoặc trỏ ra ngoài tệp)".into()
            }
            (BadChain, Lang::En) => {
                "its allocation table is corrupt (a loop or a pointer outside the file)".into()
            }
            (BadRecord(pos), Lang::Vi) => format!("dữ liệu bảng tính bị lỗi (vị trí {pos})"),
            (BadRecord(pos), Lang::En) => {
                format!("its spreadsheet data is corrupt (at byte {pos})")
            }
        }
    }
}

impl OfficeError {
    /// The message in the page's language.
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.vi(),
            Lang::En => self.en(),
        }
    }

    fn vi(&self) -> String {
        use OfficeError::*;
        match self {
            NotZip => "Tệp bị hỏng hoặc không phải tệp Excel/LibreOffice (.xlsx, .ods) (không đọc được mục lục nén). Hãy mở tệp bằng Excel rồi lưu lại dạng .xlsx.".into(),
            LegacyOrEncrypted => "Đây là tệp Excel đời cũ (.xls) hoặc tệp có đặt mật khẩu. Hãy mở bằng Excel, gỡ mật khẩu nếu có, rồi lưu lại dạng .xlsx.".into(),
            EncryptedEntry(n) => format!("Tệp có đặt mật khẩu (mục \"{n}\" bị mã hoá). Hãy gỡ mật khẩu rồi lưu lại."),
            Zip64 => "Tệp nén dạng ZIP64 (quá 4 GB hoặc quá 65 535 mục) chưa được hỗ trợ. Hãy mở bằng Excel rồi lưu lại dạng .xlsx.".into(),
            UnsupportedMethod { name, method } => format!("Mục \"{name}\" trong tệp dùng kiểu nén không hỗ trợ (mã {method}). Hãy mở bằng Excel rồi lưu lại dạng .xlsx."),
            BadEntry(n) => format!("Tệp bị hỏng: dữ liệu nén của mục \"{n}\" bị lỗi. Hãy lấy lại bản gốc của tệp."),
            MissingPart(n) => format!("Tệp thiếu phần \"{n}\" — tệp bị hỏng hoặc không phải tệp bảng tính."),
            TotalTooLarge { limit } => format!("Tệp giải nén quá lớn (vượt {} MB) — có thể là tệp độc hại.", mb(*limit)),
            EntryTooLarge { name, limit } => format!("Phần \"{name}\" của tệp giải nén quá lớn (vượt {} MB) — có thể là tệp độc hại.", mb(*limit)),
            TooManyEntries { limit } => format!("Tệp chứa quá nhiều mục nén (hơn {limit}) — có thể là tệp độc hại."),
            Xml { part, problem, pos } => format!("Tệp bị hỏng: nội dung \"{part}\" {} (vị trí {pos}).", problem.message(Lang::Vi)),
            BadReference { part, value } => format!("Tệp bị hỏng: tham chiếu \"{value}\" trong \"{part}\" không hợp lệ."),
            TooManyRows { sheet, limit } => format!("Trang tính \"{sheet}\" có quá nhiều dòng (hơn {limit}). Hãy xoá các dòng thừa rồi lưu lại."),
            TooManyCols { sheet, row, limit } => format!("Trang tính \"{sheet}\" có quá nhiều cột (dòng {row} vượt {limit} cột). Hãy xoá các cột thừa rồi lưu lại."),
            TooManyCells { sheet, limit } => format!("Trang tính \"{sheet}\" có quá nhiều ô (hơn {limit}). Hãy tách tệp hoặc xoá dữ liệu thừa."),
            NoSheets => "Tệp không có trang tính nào.".into(),
            Xls(p) => format!("Tệp Excel 97–2003 (.xls) bị hỏng: {}. Hãy lấy lại bản gốc của tệp, hoặc mở bằng Excel rồi lưu lại dạng .xlsx.", p.message(Lang::Vi)),
            Encrypted => "Tệp có đặt mật khẩu (đã mã hoá) nên không đọc được. Hãy mở tệp, gỡ mật khẩu rồi lưu lại.".into(),
            NoWorkbookStream => "Tệp không chứa bảng tính Excel (có thể là tệp Word hay PowerPoint đời cũ). Hãy chọn đúng tệp bảng số liệu.".into(),
            Xlsb => "Tệp Excel dạng nhị phân (.xlsb) chưa được hỗ trợ. Hãy mở bằng Excel rồi lưu lại dạng .xlsx.".into(),
        }
    }

    fn en(&self) -> String {
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
            Xml { part, problem, pos } => format!("The file is damaged: \"{part}\" {} (at byte {pos}).", problem.message(Lang::En)),
            BadReference { part, value } => format!("The file is damaged: reference \"{value}\" in \"{part}\" is invalid."),
            TooManyRows { sheet, limit } => format!("Sheet \"{sheet}\" has too many rows (over {limit}). Delete the unused rows and save again."),
            TooManyCols { sheet, row, limit } => format!("Sheet \"{sheet}\" has too many columns (row {row} goes past {limit} columns). Delete the unused columns and save again."),
            TooManyCells { sheet, limit } => format!("Sheet \"{sheet}\" has too many cells (over {limit}). Split the file or delete unused data."),
            NoSheets => "The file has no sheet.".into(),
            Xls(p) => format!("The Excel 97–2003 file (.xls) is damaged: {}. Get the original file again, or open it in Excel and save it as .xlsx.", p.message(Lang::En)),
            Encrypted => "The file is protected by a password (encrypted) and cannot be read. Open it, remove the password and save it again.".into(),
            NoWorkbookStream => "The file holds no Excel workbook (it may be an old Word or PowerPoint file). Choose the data table file.".into(),
            Xlsb => "Excel binary workbooks (.xlsb) are not supported. Open the file in Excel and save it again as .xlsx.".into(),
        }
    }
}
