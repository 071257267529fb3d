//! Workbooks (.xlsx, .ods, .xls) into rows for [`crate::ingest`].
//!
//! Workbooks are opened lazily: the sheet read is the user's choice, else
//! the first (in order) that parses and whose rows hold a recognisable
//! header; only the sheets tried are parsed. Cells in legacy Vietnamese
//! fonts (.VnTime = TCVN3, VNI-Times = VNI) are converted to Unicode: in
//! those files the font, not the bytes, says what the text means (the .xls
//! reader is told which fonts those are, and keeps their 8-bit text as
//! bytes).

use crate::ingest::{
    self, Cell, Format, IngestError, LineAccount, RawRow, ReadOptions, SourceReport,
};
use crate::model::Dataset;
use crate::office::{
    self, CellValue, Limits, Ods, OfficeError, WorkbookReader, Xls, Xlsx, XlsxError,
};
use crate::text;
use std::borrow::Cow;

fn rows_of(sheet: &office::Sheet, converted: &mut bool) -> Vec<RawRow<'static>> {
    sheet
        .rows
        .iter()
        .map(|r| RawRow {
            line: r.row as usize,
            cells: r
                .cells
                .iter()
                .map(|c| match &c.value {
                    CellValue::Empty => Cell::Text(Cow::Borrowed("")),
                    CellValue::Text(s) => match c.font.as_deref().and_then(text::legacy_font) {
                        Some((enc, upper)) => {
                            *converted = true;
                            let t = text::convert_legacy_str(s, enc);
                            Cell::Text(
                                if upper {
                                    crate::text::case::to_upper(&t)
                                } else {
                                    t
                                }
                                .into(),
                            )
                        }
                        None => Cell::Text(text::nfc(s).into()),
                    },
                    CellValue::Number(x) => Cell::Number(*x),
                    CellValue::Date(x) => Cell::Date(*x),
                    CellValue::Bool(b) => {
                        Cell::Text(Cow::Borrowed(if *b { "TRUE" } else { "FALSE" }))
                    }
                    CellValue::Error(e) => Cell::Text(e.clone().into()),
                })
                .collect(),
        })
        .collect()
}

/// A sheet that parsed but held no table, or one that did not parse.
enum Failed {
    Rows(IngestError),
    Parse(IngestError),
}

/// Reads the sheet the clerk chose, else the first sheet (in order) that
/// parses and holds a table. A sheet that does not parse is skipped, so a
/// damaged sheet nobody needs does not fail the file; if no sheet gives a
/// table, the first parse error is the message (the table was most likely
/// in a damaged sheet), else the first sheet's reason. A chosen sheet that
/// does not parse gives its own error.
fn read_workbook<W: WorkbookReader>(
    mut wb: W,
    file_name: &str,
    format: Format,
    opts: &ReadOptions,
) -> Result<Dataset, IngestError> {
    let names: Vec<String> = wb.sheet_names().to_vec();
    let order: Vec<usize> = match opts.sheet {
        Some(i) if i < names.len() => vec![i],
        _ => (0..names.len()).collect(),
    };
    let (mut first_rows_err, mut first_parse_err) = (None, None);
    for i in order {
        let failed = match wb.sheet(i) {
            None => continue,
            Some(Err(e)) => Failed::Parse(office_error(file_name, e.into())),
            Some(Ok(sheet)) => {
                let mut converted = false;
                let rows = rows_of(&sheet, &mut converted);
                drop(sheet);
                let mut report = SourceReport {
                    file_name: file_name.to_string(),
                    format: format.clone(),
                    encoding: None,
                    sheets: names.clone(),
                    sheet: Some(i),
                    header_line: 0,
                    columns: Vec::new(),
                    issues: Vec::new(),
                    account: LineAccount::default(),
                    legacy_converted: converted,
                    report: None,
                };
                match ingest::read_rows(&mut rows.into_iter(), &mut report, opts) {
                    Ok(periods) => return Ok(ingest::finish(report, periods)),
                    Err(e) => Failed::Rows(e),
                }
            }
        };
        match failed {
            Failed::Rows(e) => first_rows_err = first_rows_err.or(Some(e)),
            Failed::Parse(e) => first_parse_err = first_parse_err.or(Some(e)),
        }
    }
    Err(first_parse_err
        .or(first_rows_err)
        .unwrap_or(IngestError::Empty {
            file: file_name.to_string(),
        }))
}

fn office_error(file: &str, e: office::OfficeError) -> IngestError {
    IngestError::Workbook {
        file: file.to_string(),
        detail: e,
    }
}

/// Fonts whose 8-bit text (in .xls files of Excel 5.0/95) is in a legacy
/// Vietnamese encoding, not the workbook's code page: the .xls reader keeps
/// their bytes for [`rows_of`] to convert.
fn legacy(font: &str) -> bool {
    text::legacy_font(font).is_some()
}

/// .xlsx / .xlsm / .ods (all zip packages).
pub(crate) fn read_zip_workbook(
    bytes: &[u8],
    file: &str,
    opts: &ReadOptions,
) -> Result<Dataset, IngestError> {
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        // An .xls named .xlsx, or an .xlsx encrypted with a password (which
        // Excel wraps in an OLE2 file): the .xls reader tells which.
        return read_xls(bytes, file, opts);
    }
    let limits = Limits::default();
    let fail = |e: OfficeError| office_error(file, e);
    // Until the package says otherwise, a zip is taken for an .xlsx.
    let archive =
        office::ZipArchive::new(bytes, &limits).map_err(|e| fail(XlsxError::from(e).into()))?;
    let is_ods = archive.find("content.xml").is_some() && archive.find("xl/workbook.xml").is_none();
    if is_ods {
        let wb = Ods::from_zip(&archive, &limits).map_err(|e| fail(e.into()))?;
        read_workbook(wb, file, Format::Ods, opts)
    } else {
        let wb = Xlsx::from_zip(archive, &limits).map_err(|e| fail(e.into()))?;
        read_workbook(wb, file, Format::Xlsx, opts)
    }
}

/// Binary .xls (Excel 97–2003, and Excel 5.0/95). Many ".xls" files from
/// government systems are really HTML or text tables: those are read as such
/// by the caller.
pub(crate) fn read_xls(
    bytes: &[u8],
    file: &str,
    opts: &ReadOptions,
) -> Result<Dataset, IngestError> {
    let wb = Xls::open_with(bytes, &Limits::default(), legacy)
        .map_err(|e| office_error(file, e.into()))?;
    read_workbook(wb, file, Format::Xls, opts)
}
