//! Reading a file into a [`Dataset`]: one entry, [`read`], for every format.
//!
//! Steps: refuse what cannot be a table (size, binary, unsupported type) →
//! decode text (encoding detected or chosen) or open the workbook → split
//! rows → find the header row → decide number styles per column → classify
//! every row as a unit, a total, a title/blank/note line or a row issue. The
//! [`SourceReport`] says what was detected and accounts for every row.
//!
//! Here: the dispatch by format, the options and the errors. Text files are
//! decoded and sniffed in `decode`, workbooks opened in `workbook`; both
//! hand their rows to the row reader, `rows` (one small module per check).

mod cell;
mod decode;
pub mod header;
pub mod job;
pub mod numbers;
mod rows;
mod workbook;

pub use crate::model::unit_key;
use crate::model::Dataset;
use crate::model::Period;
pub use crate::source::{
    ColumnInfo, Format, IssueKind, LineAccount, RowIssue, Severity, SourceReport,
};
use crate::text::Encoding;
use crate::Lang;
pub use cell::{Cell, RawRow};
pub use header::Role;
pub(crate) use rows::read_rows;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// How many rows from the top may hold titles before the header.
const HEADER_SEARCH_ROWS: usize = 60;

/// What the user chose to override, when the detection was wrong or a
/// column could not be recognised.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReadOptions {
    pub encoding: Option<Encoding>,
    pub delimiter: Option<char>,
    /// Sheet index in a workbook.
    pub sheet: Option<usize>,
    /// Role per column of the header row, replacing the recognised ones.
    pub mapping: Option<Vec<Option<Role>>>,
    /// Report definitions a header may fit besides the built-in roles
    /// (see [`ReportHeaders`]).
    pub reports: Vec<ReportHeaders>,
    /// The active report's id (`None`: the built-in COVID report): it wins
    /// a tie.
    pub active_report: Option<String>,
}

/// A report definition's id and the part of it that finds columns.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportHeaders {
    pub id: String,
    pub words: thongbao_model::report::HeaderWords,
}

impl ReadOptions {
    /// As JSON, for a background job.
    pub fn to_json(&self) -> String {
        crate::json::ToJson::to_json_text(self)
    }
    /// From [`ReadOptions::to_json`]; defaults when unreadable.
    pub fn from_json_text(s: &str) -> ReadOptions {
        crate::json::parse(s).unwrap_or_default()
    }
}

crate::json::to_json_struct!(ReadOptions {
    encoding,
    delimiter,
    sheet,
    mapping,
    reports,
    active_report,
});
crate::json::to_json_struct!(ReportHeaders { id, words });

crate::json::from_json_struct!(ReadOptions {
    encoding: opt,
    delimiter: opt,
    sheet: opt,
    mapping: opt,
    reports: or_default,
    active_report: opt,
});

crate::json::from_json_struct!(ReportHeaders {
    id: req,
    words: req,
});

/// Why a file could not be used at all. The data already loaded stays.
/// Its JSON (a worker sends it back) is `job`'s compact form.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum IngestError {
    #[error("Tệp «{file}» trống: không có dữ liệu để đọc. Hãy chọn tệp bảng số liệu đã lưu.")]
    Empty { file: String },
    #[error("Tệp «{file}» quá lớn ({size_mb} MB; tối đa {limit_mb} MB). Hãy tách thành các tệp nhỏ hơn.")]
    TooLarge {
        file: String,
        size_mb: u64,
        limit_mb: u64,
    },
    #[error("Tệp «{file}» không phải bảng tính hay văn bản (có vẻ là tệp nhị phân). Hãy chọn tệp .csv, .xlsx, .xls hoặc .ods.")]
    Binary { file: String },
    #[error("Tệp «{file}» có dạng {kind} chưa được hỗ trợ. Hãy mở trong Excel và lưu lại dạng .xlsx hoặc CSV.")]
    Unsupported { file: String, kind: String },
    #[error("Không đọc được bảng tính «{file}»: {}", detail.message(Lang::Vi))]
    Workbook {
        file: String,
        /// Rendered in the page's language by [`IngestError::message`].
        detail: crate::office::OfficeError,
    },
    #[error("Không tìm thấy dòng tiêu đề trong tệp «{file}»: cần một cột tên đơn vị (xã/thị trấn) và ít nhất một cột số liệu (địa điểm QR, lượt quét …). Hãy chọn cột ở bảng «Gán cột».")]
    NeedsMapping {
        file: String,
        /// The row most likely to be the header, for the mapping panel.
        header_line: usize,
        headers: Vec<String>,
        roles: Vec<Option<Role>>,
    },
    #[error("Không tải được tệp từ «{file}»: {}. Máy chủ của tệp phải cho phép trang này đọc nó (CORS); hoặc tải tệp về máy rồi kéo thả vào đây.", fault.message(Lang::Vi))]
    Fetch { file: String, fault: FetchFault },
    /// A background job's answer could not be read back (a bug, not the file).
    #[error("Lỗi nội bộ khi nhận kết quả đọc tệp «{file}»: {}", place.message(Lang::Vi))]
    Internal {
        file: String,
        place: crate::JsonPlace,
    },
    #[error("Tệp «{file}» không có dòng số liệu hợp lệ nào ({rejected} dòng bị lỗi). Xem danh sách dòng lỗi bên dưới.")]
    NoUnits {
        file: String,
        rejected: usize,
        issues: Vec<RowIssue>,
    },
}

impl IngestError {
    /// The message in the UI language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::Vi {
            return self.to_string();
        }
        use IngestError::*;
        match self {
            Empty { file } => format!("The file “{file}” is empty: there is nothing to read. Choose a saved data table."),
            TooLarge { file, size_mb, limit_mb } => format!("The file “{file}” is too large ({size_mb} MB; at most {limit_mb} MB). Split it into smaller files."),
            Binary { file } => format!("The file “{file}” is not a spreadsheet or text (it looks binary). Choose a .csv, .xlsx, .xls or .ods file."),
            Unsupported { file, kind } => format!("The file “{file}” is a {kind}, which is not supported. Open it in Excel and save it as .xlsx or CSV."),
            Workbook { file, detail } => format!("Could not read the workbook “{file}”: {}", detail.message(lang)),
            Internal { file, place } => format!("Internal error while receiving the result of reading “{file}”: {}", place.message(lang)),
            NeedsMapping { file, .. } => format!("No header row found in “{file}”: a unit (commune) column and at least one figure column (QR locations, scans …) are needed. Choose the columns in “Column mapping”."),
            Fetch { file, fault } => format!("Could not load the file from “{file}”: {}. Its server must allow this page to read it (CORS); or download the file and drop it here.", fault.message(lang)),
            NoUnits { file, rejected, .. } => format!("The file “{file}” has no valid data row ({rejected} rows have errors). See the list of rows below."),
        }
    }

    /// The file the error is about.
    pub fn file(&self) -> &str {
        use IngestError::*;
        match self {
            Empty { file }
            | TooLarge { file, .. }
            | Binary { file }
            | Unsupported { file, .. }
            | Workbook { file, .. }
            | Internal { file, .. }
            | NeedsMapping { file, .. }
            | Fetch { file, .. }
            | NoUnits { file, .. } => file,
        }
    }
}

/// Why a file at an address (`?src=`, `data-src`) could not be fetched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FetchFault {
    /// No answer: the network failed, or the server does not let this page
    /// read its files (CORS).
    NoAnswer,
    /// The server answered with an error status (404 Not Found).
    Status { code: u16, text: String },
    /// The answer came, but its body could not be read.
    Body,
}

impl FetchFault {
    /// "HTTP 404 Not Found", "mạng lỗi hoặc bị chặn (CORS)".
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (FetchFault::NoAnswer, Lang::Vi) => "mạng lỗi hoặc bị chặn (CORS)".into(),
            (FetchFault::NoAnswer, Lang::En) => "network error or blocked (CORS)".into(),
            (FetchFault::Status { code, text }, _) => {
                format!("HTTP {code} {text}").trim_end().into()
            }
            (FetchFault::Body, Lang::Vi) => "đọc dữ liệu lỗi".into(),
            (FetchFault::Body, Lang::En) => "read error".into(),
        }
    }
}

/// Read a file with detection only.
pub fn read(bytes: &[u8], file_name: &str) -> Result<Dataset, IngestError> {
    read_with(bytes, file_name, &ReadOptions::default())
}

/// Refuse a file by its size before reading it.
pub fn check_size(file_name: &str, size: u64) -> Result<(), IngestError> {
    if size > MAX_FILE_BYTES {
        return Err(IngestError::TooLarge {
            file: file_name.to_string(),
            size_mb: size.div_ceil(1024 * 1024),
            limit_mb: MAX_FILE_BYTES / (1024 * 1024),
        });
    }
    Ok(())
}

fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Read a file, with the user's overrides.
pub fn read_with(
    bytes: &[u8],
    file_name: &str,
    opts: &ReadOptions,
) -> Result<Dataset, IngestError> {
    read_with_progress(bytes, file_name, opts, &mut |_| {})
}

/// [`read_with`], telling `progress` the share of the text read so far
/// (0.0–1.0) every few thousand rows, for a progress bar.
pub fn read_with_progress(
    bytes: &[u8],
    file_name: &str,
    opts: &ReadOptions,
    progress: &mut dyn FnMut(f64),
) -> Result<Dataset, IngestError> {
    let file = file_name.to_string();
    check_size(file_name, bytes.len() as u64)?;
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(IngestError::Empty { file });
    }
    let ext = extension(file_name);
    if bytes.starts_with(b"PK\x03\x04") || matches!(ext.as_str(), "xlsx" | "xlsm" | "ods") {
        return workbook::read_zip_workbook(bytes, file_name, opts);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return workbook::read_xls(bytes, file_name, opts);
    }
    if bytes.starts_with(b"%PDF")
        || bytes.starts_with(&[0x89, b'P', b'N', b'G'])
        || ext == "pdf"
        || ext == "docx"
        || ext == "doc"
    {
        return Err(IngestError::Unsupported {
            file,
            // No extension: one of the signatures above says what it is.
            kind: if !ext.is_empty() {
                format!(".{ext}")
            } else if bytes.starts_with(b"%PDF") {
                ".pdf".into()
            } else {
                ".png".into()
            },
        });
    }
    decode::read_text(bytes, file_name, &ext, opts, progress)
}

/// Put a source's periods into a dataset.
pub(crate) fn finish(report: SourceReport, periods: (Vec<Period>, Vec<String>)) -> Dataset {
    Dataset {
        sources: vec![report],
        periods: periods.0,
        extra_columns: periods.1,
    }
}

#[cfg(test)]
mod tests;
