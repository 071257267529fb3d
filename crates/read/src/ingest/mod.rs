//! Reading a file into a [`Dataset`]: one entry, [`read`], for every format.
//!
//! Steps: refuse what cannot be a table (size, binary, unsupported type) →
//! decode text (encoding detected or chosen) or open the workbook → split
//! rows → find the header row → decide number styles per column → classify
//! every row as a unit, a total, a title/blank/note line or a row issue. The
//! [`SourceReport`] says what was detected and accounts for every row.

pub mod header;
pub mod numbers;
mod workbook;

use crate::date::Date;
use crate::fastmap::FastMap;
pub use crate::model::unit_key;
use crate::model::{Dataset, Indicator, Period, Unit, Values};
pub use crate::source::{
    ColumnInfo, Format, IssueKind, LineAccount, RowIssue, Severity, SourceReport,
};
use crate::text::{self, fold, Encoding};
use crate::Lang;
pub use header::Role;
use numbers::{CountError, DecimalSep};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// How many rows from the top may hold titles before the header.
const HEADER_SEARCH_ROWS: usize = 60;

/// A cell as a reader produced it. Text borrows from the decoded file when
/// it can (a CSV cell is a slice of the text: no copy per cell).
#[derive(Clone, Debug, PartialEq)]
pub enum Cell<'a> {
    Text(Cow<'a, str>),
    Number(f64),
    /// A spreadsheet date (Excel serial).
    Date(f64),
}

impl Cell<'_> {
    fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => Cow::Borrowed(text::trim(s)),
            Cell::Number(x) => Cow::Owned(if x.fract() == 0.0 && x.abs() < 1e15 {
                format!("{}", *x as i64)
            } else {
                format!("{x}")
            }),
            Cell::Date(x) => Cow::Owned(
                Date::from_excel_serial(*x)
                    .map(|d| d.dmy())
                    .unwrap_or_else(|| x.to_string()),
            ),
        }
    }
    fn is_blank(&self) -> bool {
        matches!(self, Cell::Text(s) if text::trim(s).is_empty())
    }
}

/// One row from a reader: its line (text) or row number (sheet), 1-based.
#[derive(Clone, Debug, PartialEq)]
pub struct RawRow<'a> {
    pub line: usize,
    pub cells: Vec<Cell<'a>>,
}

/// What the user chose to override, when the detection was wrong or a
/// column could not be recognised.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadOptions {
    pub encoding: Option<Encoding>,
    pub delimiter: Option<char>,
    /// Sheet index in a workbook.
    pub sheet: Option<usize>,
    /// Role per column of the header row, replacing the recognised ones.
    pub mapping: Option<Vec<Option<Role>>>,
}

impl ReadOptions {
    /// As JSON, for a background job.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
    /// From [`ReadOptions::to_json`]; defaults when unreadable.
    pub fn from_json(s: &str) -> ReadOptions {
        serde_json::from_str(s).unwrap_or_default()
    }
}

/// Why a file could not be used at all. The data already loaded stays.
#[derive(Clone, Debug, PartialEq, thiserror::Error, Serialize, Deserialize)]
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
    #[error("Không tải được tệp từ «{file}»: {detail}. Máy chủ của tệp phải cho phép trang này đọc nó (CORS); hoặc tải tệp về máy rồi kéo thả vào đây.")]
    Fetch { file: String, detail: String },
    /// A background job's answer could not be read back (a bug, not the file).
    #[error("Lỗi nội bộ khi nhận kết quả đọc tệp «{file}»: {detail}")]
    Internal { file: String, detail: String },
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
            Internal { file, detail } => format!("Internal error while receiving the result of reading “{file}”: {detail}"),
            NeedsMapping { file, .. } => format!("No header row found in “{file}”: a unit (commune) column and at least one figure column (QR locations, scans …) are needed. Choose the columns in “Column mapping”."),
            Fetch { file, detail } => format!("Could not load the file from “{file}”: {detail}. Its server must allow this page to read it (CORS); or download the file and drop it here."),
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
            kind: if ext.is_empty() {
                "nhị phân".into()
            } else {
                format!(".{ext}")
            },
        });
    }
    let (text, encoding) = match opts.encoding {
        Some(e) => (text::decode_as(bytes, e), e),
        None => text::decode(bytes),
    };
    if looks_binary(&text) {
        return Err(IngestError::Binary { file });
    }
    let text = if ext == "html" || ext == "htm" || text.trim_start().starts_with('<') {
        crate::html_table::to_tsv(&text)
    } else {
        text
    };
    let delimiter = opts.delimiter.unwrap_or_else(|| sniff_delimiter(&text));
    let total = text.len().max(1) as f64;
    let mut records = crate::csv::Records::new(&text, delimiter);
    let mut count = 0usize;
    let rows = std::iter::from_fn(move || {
        let r = records.next()?;
        count += 1;
        if count.is_multiple_of(8192) {
            progress(1.0 - records.remaining() as f64 / total);
        }
        Some(RawRow {
            line: r.line,
            cells: r.cells.into_iter().map(Cell::Text).collect(),
        })
    });
    let mut report = SourceReport {
        file_name: file.clone(),
        format: Format::Text { delimiter },
        encoding: Some(encoding),
        sheets: Vec::new(),
        sheet: None,
        header_line: 0,
        columns: Vec::new(),
        issues: Vec::new(),
        account: LineAccount::default(),
        legacy_converted: encoding.is_legacy(),
    };
    let periods = read_rows(rows, &mut report, opts)?;
    Ok(finish(report, periods))
}

/// The delimiter of a text table: the one under which the first
/// recognisable header row names the most columns, then the one whose header
/// cells hold no other delimiter (`;`, tab, `|`; a comma may be text); on a
/// tie, or when no delimiter gives a header, the one [`crate::csv::sniff`]
/// finds from the shape of the lines. (The shape alone is fooled by small
/// tables whose titles and grouped numbers hold commas: "Quan Sơn, ngày …",
/// "1,015".)
fn sniff_delimiter(text: &str) -> char {
    let sniffed = crate::csv::sniff(text);
    let fit = |d: char| -> Option<(usize, isize)> {
        crate::csv::Records::new(text, d)
            .take(HEADER_SEARCH_ROWS)
            .find_map(|r| {
                let cells: Vec<String> = r.cells.iter().map(|c| c.trim().to_string()).collect();
                let roles = header::map_header(&cells);
                header::is_usable(&roles).then(|| {
                    let other = |x: char| x != ',' && x != d && crate::csv::CANDIDATES.contains(&x);
                    let stray = cells.iter().filter(|c| c.contains(other)).count();
                    (roles.iter().flatten().count(), -(stray as isize))
                })
            })
    };
    let mut best = (sniffed, fit(sniffed));
    for d in crate::csv::CANDIDATES {
        if d != sniffed {
            let f = fit(d);
            if f > best.1 {
                best = (d, f);
            }
        }
    }
    best.0
}

fn looks_binary(text: &str) -> bool {
    let sample: Vec<char> = text.chars().take(4096).collect();
    if sample.is_empty() {
        return false;
    }
    let bad = sample
        .iter()
        .filter(|&&c| (c.is_control() && !matches!(c, '\n' | '\r' | '\t')) || c == '\u{FFFD}')
        .count();
    bad * 10 > sample.len()
}

/// Put a source's periods into a dataset.
pub(crate) fn finish(report: SourceReport, periods: (Vec<Period>, Vec<String>)) -> Dataset {
    Dataset {
        sources: vec![report],
        periods: periods.0,
        extra_columns: periods.1,
    }
}

/// Unit keys by the raw (district, name) text: [`unit_key`] folds each
/// distinct pair once, not once per row (a long file lists every commune
/// again for every date), and the duplicate check hashes a number.
#[derive(Default)]
struct KeyIds {
    /// District text → its slot in `names` ("" for none).
    districts: FastMap<String, usize>,
    /// Per district: name text → id.
    names: Vec<FastMap<String, u32>>,
    /// Folded key → id: texts that fold alike share an id.
    folded: FastMap<String, u32>,
}

impl KeyIds {
    fn id(&mut self, district: Option<&str>, name: &str) -> u32 {
        let d = district.unwrap_or("");
        let slot = match self.districts.get(d) {
            Some(&s) => s,
            None => {
                self.names.push(FastMap::default());
                self.districts.insert(d.to_string(), self.names.len() - 1);
                self.names.len() - 1
            }
        };
        if let Some(&id) = self.names[slot].get(name) {
            return id;
        }
        let next = self.folded.len() as u32;
        let id = *self.folded.entry(unit_key(district, name)).or_insert(next);
        self.names[slot].insert(name.to_string(), id);
        id
    }
}

/// Words that open a total row.
fn is_total_label(s: &str) -> bool {
    // Every label starts with T or C (Tổng, Toàn, Total, Cộng): skip the
    // folding for all other cells (this runs on every row).
    let s = s.trim_start_matches(|c: char| !c.is_alphanumeric());
    if !matches!(s.chars().next(), Some('T' | 't' | 'C' | 'c')) {
        return false;
    }
    let f = fold(s);
    const LABELS: [&str; 10] = [
        "tong cong",
        "tong so",
        "tong",
        "cong",
        "toan huyen",
        "toan tinh",
        "toan thi xa",
        "toan thanh pho",
        "toan xa",
        "total",
    ];
    LABELS.iter().any(|l| {
        f.strip_prefix(l)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', ':']))
    })
}

/// The report date written in a title line or the file name: "Số liệu tính
/// đến ngày 16 tháng 11 năm 2021", "đến 12/11/2021", `quan-son-2021-11-12.csv`
/// (see [`Date::find_in`] for the forms and years).
fn date_in(s: &str) -> Option<Date> {
    Date::find_in(s)
}

/// Turn rows into periods of units; fills the report.
pub(crate) fn read_rows<'a>(
    rows: impl Iterator<Item = RawRow<'a>>,
    report: &mut SourceReport,
    opts: &ReadOptions,
) -> Result<(Vec<Period>, Vec<String>), IngestError> {
    let file = report.file_name.clone();
    let mut rows = rows.peekable();
    // 1. Find the header in the first rows.
    let mut head: Vec<RawRow<'a>> = Vec::new();
    let mut header: Option<(usize, Vec<Option<Role>>)> = None;
    for row in rows.by_ref() {
        let texts: Vec<String> = row
            .cells
            .iter()
            .map(|c| c.text().trim().to_string())
            .collect();
        let roles = header::map_header(&texts);
        head.push(row);
        if opts.mapping.is_none() && header::is_usable(&roles) {
            header = Some((head.len() - 1, roles));
            break;
        }
        if head.len() >= HEADER_SEARCH_ROWS {
            break;
        }
    }
    if let Some(mapping) = &opts.mapping {
        // The user's mapping applies to the best header candidate (if the
        // file has any row at all).
        let idx = best_header_candidate(&head);
        if idx < head.len() && header::is_usable(mapping) {
            header = Some((idx, mapping.clone()));
        }
    }
    let Some((hidx, roles)) = header else {
        let idx = best_header_candidate(&head);
        let headers: Vec<String> = head
            .get(idx)
            .map(|r| {
                r.cells
                    .iter()
                    .map(|c| c.text().trim().to_string())
                    .collect()
            })
            .unwrap_or_default();
        let roles = header::map_header(&headers);
        return Err(IngestError::NeedsMapping {
            file,
            header_line: head.get(idx).map(|r| r.line).unwrap_or(1),
            headers,
            roles,
        });
    };
    let header_row = &head[hidx];
    let headers: Vec<String> = header_row
        .cells
        .iter()
        .map(|c| c.text().trim().to_string())
        .collect();
    report.header_line = header_row.line;
    report.columns = headers
        .iter()
        .enumerate()
        .map(|(i, h)| ColumnInfo {
            header: h.clone(),
            role: roles.get(i).copied().flatten(),
        })
        .collect();
    // Title lines above the header may carry the report date.
    let mut title_date = None;
    for r in &head[..hidx] {
        for c in &r.cells {
            if title_date.is_none() {
                title_date = date_in(&c.text());
            }
        }
    }
    let file_date = title_date.or_else(|| date_in(&report.file_name));
    report.account.rows += hidx + 1;
    report.account.skipped += hidx + 1;
    let leftover: Vec<RawRow<'a>> = head.drain(hidx + 1..).collect();

    let col = |r: Role| roles.iter().position(|x| *x == Some(r));
    let unit_col = col(Role::Unit);
    let district_col = col(Role::District);
    let date_col = col(Role::Date);
    let serial_col = col(Role::Serial);
    let rate_col = col(Role::Rate);
    let count_cols: Vec<(Indicator, usize)> = Indicator::ALL
        .iter()
        .filter_map(|&i| col(Role::Count(i)).map(|c| (i, c)))
        .collect();
    let extra_cols: Vec<usize> = (0..headers.len())
        .filter(|&i| roles.get(i).copied().flatten().is_none() && !headers[i].is_empty())
        .collect();
    // A short text row is a broken line. A sheet stores a row only up to
    // its last non-empty cell, so a short sheet row just has blank cells at
    // the end (a unit without the last figures): no minimum there.
    let needed = match report.format {
        Format::Text { .. } => roles
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Some(Role::Unit) | Some(Role::Count(_))))
            .map(|(i, _)| i + 1)
            .max()
            .unwrap_or(1),
        Format::Xlsx | Format::Xls | Format::Ods => 0,
    };

    // 2. Decide number styles per column from a sample of rows.
    let mut all_rows = leftover.into_iter().chain(rows);
    let mut buffer: Vec<RawRow<'a>> = Vec::new();
    for r in all_rows.by_ref() {
        buffer.push(r);
        if buffer.len() >= 2000 {
            break;
        }
    }
    let sep_of = |c: usize| {
        numbers::decide(buffer.iter().filter_map(|r| match r.cells.get(c) {
            Some(Cell::Text(s)) => Some(s.as_ref()),
            _ => None,
        }))
    };
    let count_seps: Vec<DecimalSep> = count_cols.iter().map(|&(_, c)| sep_of(c)).collect();
    let rate_sep = rate_col.map(sep_of);
    // Text under a header that says "%" ("Tỷ lệ (%)") is in percent, even
    // when every value is at most 1 ("0,5" is 0,5%). Number cells hold
    // fractions when they all lie in 0..=1 (a cell formatted as 30%).
    // (`get`: a user's mapping may name more columns than the header has.)
    let rate_text_pct = rate_col.is_some_and(|c| headers.get(c).is_some_and(|h| h.contains('%')));
    let rate_fraction = rate_col.is_some_and(|c| {
        let vals: Vec<f64> = buffer
            .iter()
            .filter_map(|r| r.cells.get(c))
            .filter_map(|cell| match cell {
                Cell::Number(x) => Some(*x),
                Cell::Text(s) if !s.contains('%') && !rate_text_pct => {
                    numbers::parse_decimal(s, rate_sep.unwrap_or(DecimalSep::Unknown)).map(|v| v.0)
                }
                _ => None,
            })
            .collect();
        !vals.is_empty() && vals.iter().all(|v| (0.0..=1.0).contains(v))
    });

    // 3. Classify every row.
    let mut periods: Vec<Period> = Vec::new();
    let mut seen: FastMap<(Option<Date>, u32), usize> = Default::default();
    let mut key_ids = KeyIds::default();
    // Dates repeat row after row: parse each text once.
    let mut last_date: Option<(String, Date)> = None;
    let mut since_total = [0i64; 5];
    let header_sig = header::signature(&headers);
    let name_of = |c: usize| headers.get(c).cloned().unwrap_or_default();
    for row in buffer.into_iter().chain(all_rows) {
        report.account.rows += 1;
        if row.cells.iter().all(Cell::is_blank) {
            report.account.skipped += 1;
            continue;
        }
        // Trimmed, borrowed from the row: copied only into the unit.
        let text_at = |c: Option<usize>| {
            c.and_then(|c| row.cells.get(c))
                .map_or(Cow::Borrowed(""), |x| x.text())
        };
        // Cells are NFC already: decoded text is composed as a whole, and
        // workbook cells when they are read.
        let unit_name = text_at(unit_col);
        let district = text_at(district_col);
        // Total rows.
        let label_cells = [unit_col, district_col, serial_col, Some(0)];
        let is_label = |c: Option<usize>| {
            c.and_then(|c| row.cells.get(c))
                .is_some_and(|x| is_total_label(&x.text()))
        };
        if label_cells.into_iter().any(is_label) {
            report.account.totals += 1;
            for (k, &(ind, c)) in count_cols.iter().enumerate() {
                let typed = match row.cells.get(c) {
                    Some(Cell::Number(x)) => numbers::count_from_f64(*x).ok().flatten(),
                    Some(cell) => numbers::parse_count(&cell.text(), count_seps[k])
                        .ok()
                        .flatten(),
                    None => None,
                };
                let computed = since_total[ind.index()];
                if let Some(t) = typed {
                    if t != computed {
                        report.issues.push(RowIssue {
                            line: row.line,
                            column: Some(name_of(c)),
                            value: row
                                .cells
                                .get(c)
                                .map(|x| x.text().to_string())
                                .unwrap_or_default(),
                            kind: IssueKind::TotalMismatch {
                                indicator: ind,
                                typed: t,
                                computed,
                            },
                            severity: Severity::Warning,
                        });
                        report.account.issues += 1;
                    }
                }
            }
            since_total = [0; 5];
            continue;
        }
        // A repeated header (tables printed across pages) is not data.
        // Cheap test first: the unit cell says what the header's says.
        let repeats_header =
            unit_col.is_some_and(|c| headers.get(c).is_some_and(|h| *h == *unit_name)) && {
                let texts: Vec<String> = row
                    .cells
                    .iter()
                    .map(|c| c.text().trim().to_string())
                    .collect();
                header::signature(&texts) == header_sig
            };
        if repeats_header {
            report.account.skipped += 1;
            continue;
        }
        let has_numbers = count_cols
            .iter()
            .any(|&(_, c)| row.cells.get(c).is_some_and(|x| !x.is_blank()));
        // Notes and signatures below the table: text only, no figures.
        if !has_numbers
            && (unit_name.is_empty() || row.cells.iter().filter(|c| !c.is_blank()).count() == 1)
        {
            report.account.skipped += 1;
            continue;
        }
        let mut errors: Vec<RowIssue> = Vec::new();
        let mut warnings: Vec<RowIssue> = Vec::new();
        if row.cells.len() < needed {
            errors.push(RowIssue {
                line: row.line,
                column: None,
                value: String::new(),
                kind: IssueKind::TooFewCells {
                    found: row.cells.len(),
                    expected: needed,
                },
                severity: Severity::Error,
            });
        } else if unit_name.is_empty() {
            errors.push(RowIssue {
                line: row.line,
                column: unit_col.map(name_of),
                value: String::new(),
                kind: IssueKind::EmptyUnitName,
                severity: Severity::Error,
            });
        }
        let mut values = Values::default();
        for (k, &(ind, c)) in count_cols.iter().enumerate() {
            let cell = row.cells.get(c);
            let parsed = match cell {
                None => Ok(None),
                Some(Cell::Number(x)) => numbers::count_from_f64(*x),
                Some(Cell::Date(x)) => numbers::count_from_f64(*x),
                Some(Cell::Text(s)) => numbers::parse_count(s, count_seps[k]),
            };
            match parsed {
                Ok(v) => values.set(ind, v),
                Err(e) => errors.push(RowIssue {
                    line: row.line,
                    column: Some(name_of(c)),
                    value: cell.map(|x| x.text().to_string()).unwrap_or_default(),
                    kind: match e {
                        CountError::NotANumber => IssueKind::NotANumber,
                        CountError::Fraction => IssueKind::Fraction,
                        CountError::Negative => IssueKind::Negative,
                        CountError::TooLarge => IssueKind::TooLarge,
                    },
                    severity: Severity::Error,
                }),
            }
        }
        if let (Some(i), Some(s)) = (
            values.get(Indicator::Installs),
            values.get(Indicator::Smartphones),
        ) {
            if i > s {
                warnings.push(RowIssue {
                    line: row.line,
                    column: count_cols
                        .iter()
                        .find(|(ind, _)| *ind == Indicator::Installs)
                        .map(|&(_, c)| name_of(c)),
                    value: crate::format::int(i),
                    kind: IssueKind::InstallsAboveSmartphones {
                        installs: i,
                        smartphones: s,
                    },
                    severity: Severity::Warning,
                });
            }
        }
        if let (Some(rc), Some(i), Some(s)) = (
            rate_col,
            values.get(Indicator::Installs),
            values.get(Indicator::Smartphones),
        ) {
            let typed = match row.cells.get(rc) {
                // A number cell's decimals: those of its shortest form (0.64 → 2).
                Some(Cell::Number(x)) => Some((
                    *x,
                    false,
                    x.to_string().split_once('.').map_or(0, |(_, f)| f.len()),
                )),
                Some(cell) => numbers::parse_decimal_places(
                    &cell.text(),
                    rate_sep.unwrap_or(DecimalSep::Unknown),
                ),
                None => None,
            };
            if let Some((v, pct, places)) = typed {
                let is_text = matches!(row.cells.get(rc), Some(Cell::Text(_)));
                let fraction = !pct && rate_fraction && !(is_text && rate_text_pct);
                let pct_value = if fraction { v * 100.0 } else { v };
                // Decimals of the percentage as typed: "33%" 0, "0,333" 1.
                let places = if fraction {
                    places.saturating_sub(2)
                } else {
                    places
                };
                let computed = crate::format::ratio_scaled(i, s, 1);
                let typed_scaled = (pct_value * 10.0).round() as i64;
                // Right when it is the ratio rounded to its own decimals,
                // give or take 0,1 point (rounding habits differ): "33%"
                // for 1/3 is right, "34%" is not.
                let exact = i as f64 * 100.0 / s as f64;
                let tolerance = 0.5 * 10f64.powi(-(places.min(6) as i32)) + 0.1 + 1e-9;
                if let Some(c) = computed {
                    if (pct_value - exact).abs() > tolerance {
                        warnings.push(RowIssue {
                            line: row.line,
                            column: Some(name_of(rc)),
                            value: row
                                .cells
                                .get(rc)
                                .map(|x| x.text().to_string())
                                .unwrap_or_default(),
                            kind: IssueKind::RateMismatch {
                                typed: format!("{}%", crate::format::scaled(typed_scaled, 1)),
                                computed: format!("{}%", crate::format::scaled(c, 1)),
                            },
                            severity: Severity::Warning,
                        });
                    }
                }
            }
        }
        let date = match date_col.and_then(|c| row.cells.get(c)) {
            None => file_date,
            Some(Cell::Date(x)) | Some(Cell::Number(x)) => match Date::from_excel_serial(*x) {
                Some(d) => Some(d),
                None => {
                    errors.push(RowIssue {
                        line: row.line,
                        column: date_col.map(name_of),
                        value: x.to_string(),
                        kind: IssueKind::BadDate,
                        severity: Severity::Error,
                    });
                    None
                }
            },
            Some(Cell::Text(s)) if s.trim().is_empty() => file_date,
            Some(Cell::Text(s)) => match match &last_date {
                Some((t, d)) if t.as_str() == s.as_ref() => Some(*d),
                _ => Date::parse(s).inspect(|&d| last_date = Some((s.to_string(), d))),
            } {
                Some(d) => Some(d),
                None => {
                    errors.push(RowIssue {
                        line: row.line,
                        column: date_col.map(name_of),
                        value: s.to_string(),
                        kind: IssueKind::BadDate,
                        severity: Severity::Error,
                    });
                    None
                }
            },
        };
        let district = (!district.is_empty()).then_some(district);
        if errors.is_empty() {
            let key = (date, key_ids.id(district.as_deref(), &unit_name));
            if let Some(&first_line) = seen.get(&key) {
                errors.push(RowIssue {
                    line: row.line,
                    column: unit_col.map(name_of),
                    value: unit_name.to_string(),
                    kind: IssueKind::DuplicateUnit {
                        first_line,
                        first_file: None,
                    },
                    severity: Severity::Error,
                });
            } else {
                seen.insert(key, row.line);
            }
        }
        report.account.issues += errors.len() + warnings.len();
        report.issues.extend(warnings);
        if !errors.is_empty() {
            report.account.rejected += 1;
            report.issues.extend(errors);
            continue;
        }
        report.account.units += 1;
        for ind in Indicator::ALL {
            since_total[ind.index()] =
                since_total[ind.index()].saturating_add(values.get(ind).unwrap_or(0));
        }
        let unit = Unit {
            line: row.line,
            source: 0,
            district: district.map(Cow::into_owned),
            name: unit_name.into_owned(),
            values,
            extra: extra_cols
                .iter()
                .map(|&c| text_at(Some(c)).into_owned())
                .collect(),
        };
        // Rows of one date usually follow each other: try the last period first.
        let slot = match periods.last() {
            Some(p) if p.date == date => Some(periods.len() - 1),
            _ => periods.iter().position(|p| p.date == date),
        };
        match slot {
            Some(i) => periods[i].units.push(unit),
            None => periods.push(Period {
                date,
                units: vec![unit],
                totals: None,
            }),
        }
    }
    report.issues.sort_by_key(|i| i.line);
    if periods.is_empty() {
        return Err(IngestError::NoUnits {
            file,
            rejected: report.account.rejected,
            issues: std::mem::take(&mut report.issues),
        });
    }
    periods.sort_by_key(|p| p.date);
    Ok((
        periods,
        extra_cols.iter().map(|&c| headers[c].clone()).collect(),
    ))
}

/// The row with the most text cells among the first rows: the likeliest
/// header when none could be recognised.
fn best_header_candidate(head: &[RawRow]) -> usize {
    let mut best = (0, 0);
    for (i, r) in head.iter().enumerate() {
        let n = r
            .cells
            .iter()
            .filter(|c| matches!(c, Cell::Text(s) if !s.trim().is_empty() && numbers::parse_count(s, DecimalSep::Unknown).is_err()))
            .count();
        if n > best.1 {
            best = (i, n);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by tests/properties.rs: a rate typed with fewer decimals than
    /// one ("33%" for 1/3, as a table exported with 0 decimals has it) was
    /// compared at one decimal and flagged as 33,0% ≠ 33,3%.
    #[test]
    fn rates_are_checked_at_their_own_decimals() {
        let t = "Xã;Đã cài PC-Covid;Số smartphone;Tỷ lệ (%)\n\
                 Xã A;1;3;33\nXã B;1;3;33%\nXã C;1;3;33,3\n\
                 Xã E;1;3;34\nXã F;1;3;33,6\nXã G;1;8;12,5\nXã H;1;16;6,3\nXã I;1;16;6,2\n";
        let flagged = |t: &str| -> Vec<usize> {
            read(t.as_bytes(), "r.csv").unwrap().sources[0]
                .issues
                .iter()
                .filter(|i| matches!(i.kind, IssueKind::RateMismatch { .. }))
                .map(|i| i.line)
                .collect()
        };
        // 34 and 33,6 are wrong for 33,33…%; 6,2 is 6,25 rounded half-even.
        assert_eq!(flagged(t), [5, 6]);
        // Fractions: "0,33" is 33% to 0 decimals.
        let t = "Xã;Đã cài PC-Covid;Số smartphone;Tỷ lệ\nXã A;1;3;0,33\nXã B;1;3;0,34\nXã C;1;3;0,333\n";
        assert_eq!(flagged(t), [3]);
        // Found by tests/properties.rs: under a "(%)" header, small rates
        // are percentages, not fractions ("1" was read as 100%).
        let t = "Xã;Đã cài PC-Covid;Số smartphone;Tỷ lệ cài đặt (%)\nXã A;1;160;0,6\nXã B;1;100;1\nXã C;1;3;0,33\n";
        assert_eq!(flagged(t), [4]);
        // Number cells of a workbook: 0.33 is 33% to 0 decimals too.
        use crate::office::{write_xlsx, XCell};
        let h = |s: &str| XCell::Text(s.to_string());
        let mut rows = vec![vec![
            h("Xã"),
            h("Đã cài PC-Covid"),
            h("Số smartphone"),
            h("Tỷ lệ"),
        ]];
        for (k, r) in [0.33, 0.34, 0.333, 1.0 / 3.0, 0.3].into_iter().enumerate() {
            rows.push(vec![
                h(&format!("Xã {k}")),
                XCell::Int(1),
                XCell::Int(3),
                XCell::Percent(r),
            ]);
        }
        let d = read(&write_xlsx(&[("S".into(), rows)]), "r.xlsx").unwrap();
        let lines: Vec<usize> = d.sources[0].issues.iter().map(|i| i.line).collect();
        assert_eq!(lines, [3, 6]);
    }

    /// Found by tests/properties.rs: a workbook row whose last count
    /// cells are blank is stored short (dense only up to its last non-empty
    /// cell); it was rejected as "the row has 3 cells, at least 4 are needed".
    #[test]
    fn sheet_rows_with_blank_trailing_cells_are_units() {
        use crate::office::{write_xlsx, XCell};
        let t = |s: &str| XCell::Text(s.to_string());
        let rows = vec![
            vec![t("STT"), t("Xã"), t("Số địa điểm"), t("Lượt quét")],
            vec![XCell::Int(1), t("Xã A"), XCell::Int(7), XCell::Int(70)],
            vec![XCell::Int(2), t("Xã B"), XCell::Int(8)],
            vec![XCell::Int(3), t("Xã C")],
            vec![XCell::Empty, t("Tổng cộng"), XCell::Int(15), XCell::Int(70)],
        ];
        let d = read(&write_xlsx(&[("S".into(), rows)]), "a.xlsx").unwrap();
        let src = &d.sources[0];
        assert_eq!(src.issues, vec![]);
        assert_eq!(
            (src.account.units, src.account.rejected, src.account.totals),
            (3, 0, 1)
        );
        let u = &d.periods[0].units;
        assert_eq!(u[1].values.get(Indicator::Locations), Some(8));
        assert_eq!(u[1].values.get(Indicator::Scans), None);
        assert_eq!(u[2].values, Values::default());
        // A short line of a text file is still a broken row.
        let d = read(
            "Xã,Số địa điểm,Lượt quét\nXã A,7,70\nXã B,8\n".as_bytes(),
            "a.csv",
        )
        .unwrap();
        assert!(matches!(
            d.sources[0].issues[0].kind,
            IssueKind::TooFewCells {
                found: 2,
                expected: 3
            }
        ));
    }

    /// Found by tests/properties.rs: a one-unit tab table under two titles
    /// with a comma, and a number grouped with a comma, has more lines with
    /// one comma than lines with tabs; counting alone picked ','.
    #[test]
    fn delimiter_is_the_one_that_gives_a_header() {
        let t = "Quan Sơn, ngày 16 tháng 11 năm 2021\r\nQuan Sơn, ngày 16 tháng 11 năm 2021\r\n\
                 Số TT\tĐơn vị\tSo dia diem\tSố lượt quét\r\n1\tXã SƠN\t1,015\t901668\r\n";
        assert_eq!(crate::csv::sniff(t), ',');
        let d = read(t.as_bytes(), "a.csv").unwrap();
        assert_eq!(d.sources[0].format, Format::Text { delimiter: '\t' });
        let u = &d.periods[0].units[0];
        assert_eq!(
            (u.name.as_str(), u.values.get(Indicator::Locations)),
            ("Xã SƠN", Some(1015))
        );
        // A header with commas in a ';' file: both split into a usable
        // header, the one naming more columns wins.
        let t = "Xã, phường, thị trấn;Số địa điểm;Lượt quét\nXã A;1,234;5,678\n";
        assert_eq!(crate::csv::sniff(t), ',');
        let d = read(t.as_bytes(), "b.csv").unwrap();
        assert_eq!(d.sources[0].format, Format::Text { delimiter: ';' });
        assert_eq!(
            d.periods[0].units[0].values.get(Indicator::Scans),
            Some(5678)
        );
        // Both name three columns; under ',' two header cells hold a '|'.
        let t = "Quan Sơn, ngày 16 tháng 11 năm 2021\r\nSố lượt quét|Xã, phường, thị trấn|Số điểm QR\r\n\
                 884,323|Xã SƠN|1,024\r\n";
        assert_eq!(crate::csv::sniff(t), ',');
        let d = read(t.as_bytes(), "c.csv").unwrap();
        assert_eq!(d.sources[0].format, Format::Text { delimiter: '|' });
        assert_eq!(
            d.periods[0].units[0].values.get(Indicator::Scans),
            Some(884_323)
        );
        // The user's choice still wins.
        let opts = ReadOptions {
            delimiter: Some(','),
            ..Default::default()
        };
        let d = read_with(t.as_bytes(), "b.csv", &opts).unwrap();
        assert_eq!(d.sources[0].format, Format::Text { delimiter: ',' });
    }

    /// Found by fuzzing (`ingest`, minimised): a typed rate of
    /// -999999999999999999 saturates to i64::MIN tenths, and writing it in
    /// the warning (`format::scaled`) overflowed on `v.abs()` (a panic with
    /// overflow checks, a wrong sign without).
    #[test]
    fn absurd_typed_rate_is_a_warning_not_an_overflow() {
        let bytes = b"X\xc3\xa3,,c\xc3\xa0i, th\xc3\xb4ng minh,9%\n,,1,2,-999999999999999999";
        let err = read(bytes, "bang.csv").expect_err("the only row has no unit name");
        let IngestError::NoUnits { issues, .. } = err else {
            panic!("{err:?}")
        };
        assert!(issues
            .iter()
            .any(|i| matches!(i.kind, IssueKind::RateMismatch { .. })));
        let csv = "Xã,Cài,Thông minh,Tỷ lệ\nXã A,1,2,-99999999999999999999%\n";
        let d = read(csv.as_bytes(), "bang.csv").expect("reads");
        let issue = &d.sources[0].issues[0];
        assert!(
            matches!(issue.kind, IssueKind::RateMismatch { .. }),
            "{issue:?}"
        );
        assert_eq!(issue.severity, Severity::Warning);
        let _ = issue.message(Lang::Vi);
    }

    /// Found by fuzzing (`ingest`, minimised input `10 03 00 03 31 3c`): a
    /// column mapping for a file with no rows at all ("<" reads as an HTML
    /// table without rows) indexed the empty list of header candidates.
    #[test]
    fn mapping_for_a_file_without_rows() {
        let opts = ReadOptions {
            mapping: Some(vec![
                Some(Role::Unit),
                Some(Role::Count(Indicator::Locations)),
                Some(Role::District),
            ]),
            ..ReadOptions::default()
        };
        let err = read_with(b"<", "bang.csv", &opts).expect_err("no rows");
        assert!(matches!(err, IngestError::NeedsMapping { .. }), "{err:?}");
    }

    /// Found by fuzzing (`ingest`, input `3c 74 64 3c 74 64 3e ee 3d`): a
    /// mapping longer than the header row, with the rate in a column the
    /// header does not have, indexed past the header's cells.
    #[test]
    fn mapping_longer_than_the_header() {
        let opts = ReadOptions {
            encoding: Some(Encoding::Windows1258),
            delimiter: Some('"'),
            sheet: Some(0),
            mapping: Some(vec![
                Some(Role::Unit),
                Some(Role::Rate),
                Some(Role::Count(Indicator::Scans)),
                Some(Role::Date),
            ]),
        };
        let _ = read_with(b"\xee=", "bang.xls", &opts);
        let t = "Xã,Đã cài\nXã A,1,2,50%\n";
        let opts = ReadOptions {
            mapping: Some(vec![
                Some(Role::Unit),
                Some(Role::Count(Indicator::Installs)),
                Some(Role::Count(Indicator::Smartphones)),
                Some(Role::Rate),
            ]),
            ..ReadOptions::default()
        };
        let d = read_with(t.as_bytes(), "b.csv", &opts).expect("reads");
        assert_eq!(d.periods[0].units.len(), 1);
    }
}

/// Loading files as a background job (the browser runs it in a Web Worker,
/// so a large file never freezes the page): the result travels as JSON.
pub mod job {
    use super::{read_with_progress, IngestError, ReadOptions};
    use crate::model::Dataset;

    /// Read every file, merge them, and keep the units of the last two
    /// periods only when the data is larger than `compact_above` unit rows.
    /// `progress` gets 0.0–1.0 over all the files.
    pub fn run(
        files: &[(String, Vec<u8>)],
        opts: &ReadOptions,
        compact_above: usize,
        progress: &mut dyn FnMut(f64),
    ) -> Result<Dataset, IngestError> {
        let total: usize = files.iter().map(|(_, b)| b.len()).sum::<usize>().max(1);
        let mut done = 0usize;
        let mut parts = Vec::with_capacity(files.len());
        for (name, bytes) in files {
            let share = bytes.len() as f64 / total as f64;
            let base = done as f64 / total as f64;
            parts.push(read_with_progress(bytes, name, opts, &mut |p| {
                progress(base + p * share)
            })?);
            done += bytes.len();
        }
        let mut d = Dataset::merge(parts);
        if d.unit_rows() > compact_above {
            d.compact(2);
        }
        progress(1.0);
        Ok(d)
    }

    /// The job's result as JSON, for the trip back to the page.
    pub fn to_json(r: &Result<Dataset, IngestError>) -> String {
        #[derive(serde::Serialize)]
        #[serde(rename_all = "lowercase")]
        enum R<'a> {
            Ok(&'a Dataset),
            Err(&'a IngestError),
        }
        let r = match r {
            Ok(d) => R::Ok(d),
            Err(e) => R::Err(e),
        };
        serde_json::to_string(&r).unwrap_or_default()
    }

    /// Read a job's result.
    pub fn from_json(s: &str) -> Result<Dataset, IngestError> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "lowercase")]
        enum R {
            Ok(Dataset),
            Err(IngestError),
        }
        match serde_json::from_str::<R>(s) {
            Ok(R::Ok(d)) => Ok(d),
            Ok(R::Err(e)) => Err(e),
            Err(e) => Err(IngestError::Internal {
                file: String::new(),
                detail: crate::json_error_place(&e),
            }),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn a_long_file_is_compacted_to_two_periods_and_survives_the_trip() {
            let mut csv = String::from("Ngày,Xã,Lượt quét\n");
            for d in 1..=5 {
                for u in 0..4 {
                    csv.push_str(&format!("0{d}/11/2021,Xã {u},{}\n", d * 10 + u));
                }
            }
            let mut seen = Vec::new();
            let r = run(
                &[("dai.csv".into(), csv.into_bytes())],
                &ReadOptions::default(),
                8,
                &mut |p| seen.push(p),
            );
            let back = from_json(&to_json(&r)).unwrap();
            assert_eq!(back.periods.len(), 5);
            assert_eq!(back.unit_rows(), 8);
            assert_eq!(seen.last(), Some(&1.0));
            // Compacted: the older periods keep their totals only.
            use crate::model::{totals_of, Indicator::Scans};
            assert_eq!(
                totals_of(&back.periods[0]).get(Scans),
                Some(10 + 11 + 12 + 13)
            );
            let last = totals_of(&back.periods[4]).get(Scans).unwrap_or(0);
            let before = totals_of(&back.periods[3]).get(Scans).unwrap_or(0);
            assert_eq!(last - before, 40);
            let e = run(
                &[("x.csv".into(), Vec::new())],
                &ReadOptions::default(),
                8,
                &mut |_| {},
            );
            assert!(matches!(
                from_json(&to_json(&e)),
                Err(IngestError::Empty { .. })
            ));
        }
    }
}
