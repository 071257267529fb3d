//! Why an .xlsx workbook (or one of its sheets) could not be read.

use crate::office::{LimitError, XmlError, ZipError};
use crate::Lang;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", self.message(Lang::Vi))]
pub enum XlsxError {
    /// The zip package (a part missing included).
    Zip(#[from] ZipError),
    /// A part that is not well-formed XML.
    Xml(#[from] XmlError),
    /// A sheet past the limits.
    Limit(#[from] LimitError),
    /// A cell, row, merged range or relationship that points nowhere.
    BadReference {
        part: String,
        value: String,
    },
    NoSheets,
    /// Excel binary workbook (.xlsb: a zip with `xl/workbook.bin`).
    Xlsb,
}

impl XlsxError {
    /// The message in the page's language.
    pub fn message(&self, lang: Lang) -> String {
        use XlsxError::*;
        match (self, lang) {
            (Zip(e), _) => e.message(lang),
            (Xml(e), _) => e.message(lang),
            (Limit(e), _) => e.message(lang),
            (BadReference { part, value }, _) => bad_reference(part, value, lang),
            (NoSheets, _) => no_sheets(lang),
            (Xlsb, Lang::Vi) => "Tệp Excel dạng nhị phân (.xlsb) chưa được hỗ trợ. Hãy mở bằng Excel rồi lưu lại dạng .xlsx.".into(),
            (Xlsb, Lang::En) => "Excel binary workbooks (.xlsb) are not supported. Open the file in Excel and save it again as .xlsx.".into(),
        }
    }
}

/// "Reference `value` in `part` is invalid", for every format.
pub(in crate::office) fn bad_reference(part: &str, value: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("Tệp bị hỏng: tham chiếu \"{value}\" trong \"{part}\" không hợp lệ."),
        Lang::En => format!("The file is damaged: reference \"{value}\" in \"{part}\" is invalid."),
    }
}

/// "The file has no sheet", for every format.
pub(in crate::office) fn no_sheets(lang: Lang) -> String {
    match lang {
        Lang::Vi => "Tệp không có trang tính nào.".into(),
        Lang::En => "The file has no sheet.".into(),
    }
}

/// "Password-protected", for every format.
pub(in crate::office) fn encrypted(lang: Lang) -> String {
    match lang {
        Lang::Vi => "Tệp có đặt mật khẩu (đã mã hoá) nên không đọc được. Hãy mở tệp, gỡ mật khẩu rồi lưu lại.".into(),
        Lang::En => "The file is protected by a password (encrypted) and cannot be read. Open it, remove the password and save it again.".into(),
    }
}
