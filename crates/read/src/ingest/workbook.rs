//! Workbooks (.xlsx, .ods, .xls) into rows for [`crate::ingest`].
//!
//! The sheet read is the user's choice, else the first whose rows hold a
//! recognisable header. Cells in legacy Vietnamese fonts (.VnTime = TCVN3,
//! VNI-Times = VNI) are converted to Unicode: in those files the font, not
//! the bytes, says what the text means.

use crate::ingest::{
    self, Cell, Format, IngestError, LineAccount, RawRow, ReadOptions, SourceReport,
};
use crate::model::Dataset;
use crate::office::{self, CellValue, Limits, Workbook};
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
                            Cell::Text(if upper { t.to_uppercase() } else { t }.into())
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

fn read_workbook(
    wb: Workbook,
    file_name: &str,
    format: Format,
    opts: &ReadOptions,
) -> Result<Dataset, IngestError> {
    let names: Vec<String> = wb.sheets.iter().map(|s| s.name.clone()).collect();
    let order: Vec<usize> = match opts.sheet {
        Some(i) if i < wb.sheets.len() => vec![i],
        _ => (0..wb.sheets.len()).collect(),
    };
    let mut first_err = None;
    for i in order {
        let mut converted = false;
        let rows = rows_of(&wb.sheets[i], &mut converted);
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
        };
        match ingest::read_rows(rows.into_iter(), &mut report, opts) {
            Ok(periods) => return Ok(ingest::finish(report, periods)),
            Err(e) => {
                if first_err.is_none() {
                    first_err = Some(e);
                }
            }
        }
    }
    Err(first_err.unwrap_or(IngestError::Empty {
        file: file_name.to_string(),
    }))
}

fn office_error(file: &str, e: office::OfficeError) -> IngestError {
    IngestError::Workbook {
        file: file.to_string(),
        detail: e,
    }
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
    let archive = office::ZipArchive::new(bytes, &limits).map_err(|e| office_error(file, e))?;
    let is_ods = archive.find("content.xml").is_some() && archive.find("xl/workbook.xml").is_none();
    drop(archive);
    if is_ods {
        let wb = office::read_ods(bytes, &limits).map_err(|e| office_error(file, e))?;
        read_workbook(wb, file, Format::Ods, opts)
    } else {
        let wb = office::read_xlsx(bytes, &limits).map_err(|e| office_error(file, e))?;
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
    let wb = office::read_xls(bytes, &Limits::default()).map_err(|e| office_error(file, e))?;
    read_workbook(wb, file, Format::Xls, opts)
}
