//! Why an .xls workbook (or one of its sheets) could not be read.

use crate::office::error::mb;
use crate::office::xlsx::error::{bad_reference, encrypted, no_sheets};
use crate::office::LimitError;
use crate::Lang;

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

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", self.message(Lang::Vi))]
pub enum XlsError {
    /// The compound file or its workbook stream is damaged.
    Damaged(XlsProblem),
    /// A stream declares more bytes than [`crate::office::Limits::max_total`].
    TooLarge {
        limit: u64,
    },
    /// A sheet past the limits.
    Limit(#[from] LimitError),
    /// A cell that points at a shared string that does not exist.
    BadReference {
        part: String,
        value: String,
    },
    NoSheets,
    /// Protected with a password: an encrypted .xls, or an OLE2-wrapped
    /// encrypted .xlsx.
    Encrypted,
    /// OLE2 compound file without a workbook (a .doc, .ppt, .msg …).
    NoWorkbookStream,
}

impl From<XlsProblem> for XlsError {
    fn from(p: XlsProblem) -> Self {
        XlsError::Damaged(p)
    }
}

impl XlsError {
    /// The message in the page's language.
    pub fn message(&self, lang: Lang) -> String {
        use XlsError::*;
        match (self, lang) {
            (Damaged(p), Lang::Vi) => format!("Tệp Excel 97–2003 (.xls) bị hỏng: {}. Hãy lấy lại bản gốc của tệp, hoặc mở bằng Excel rồi lưu lại dạng .xlsx.", p.message(lang)),
            (Damaged(p), Lang::En) => format!("The Excel 97–2003 file (.xls) is damaged: {}. Get the original file again, or open it in Excel and save it as .xlsx.", p.message(lang)),
            (TooLarge { limit }, Lang::Vi) => format!("Tệp quá lớn (vượt {} MB) — có thể là tệp độc hại.", mb(*limit)),
            (TooLarge { limit }, Lang::En) => format!("The file is too large (over {} MB); it may be malicious.", mb(*limit)),
            (Limit(e), _) => e.message(lang),
            (BadReference { part, value }, _) => bad_reference(part, value, lang),
            (NoSheets, _) => no_sheets(lang),
            (Encrypted, _) => encrypted(lang),
            (NoWorkbookStream, Lang::Vi) => "Tệp không chứa bảng tính Excel (có thể là tệp Word hay PowerPoint đời cũ). Hãy chọn đúng tệp bảng số liệu.".into(),
            (NoWorkbookStream, Lang::En) => "The file holds no Excel workbook (it may be an old Word or PowerPoint file). Choose the data table file.".into(),
        }
    }
}
