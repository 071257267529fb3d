//! Text files: decoding (encoding detected or chosen), refusing binary
//! text, HTML tables as tab-separated text, sniffing the delimiter, and the
//! records as rows of borrowed cells for the row reader.

use super::{header, rows, Cell, IngestError, RawRow, ReadOptions, HEADER_SEARCH_ROWS};
use crate::model::Dataset;
use crate::source::{Format, LineAccount, SourceReport};
use crate::text;

/// Read a text table (CSV, TSV, pasted or saved HTML). `ext` is the file
/// name's extension, lower case.
pub(super) fn read_text(
    bytes: &[u8],
    file_name: &str,
    ext: &str,
    opts: &ReadOptions,
    progress: &mut dyn FnMut(f64),
) -> Result<Dataset, IngestError> {
    let (text, encoding) = match opts.encoding {
        Some(e) => (text::decode_as(bytes, e), e),
        None => text::decode(bytes),
    };
    if looks_binary(&text) {
        return Err(IngestError::Binary {
            file: file_name.to_string(),
        });
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
    let mut rows = std::iter::from_fn(move || {
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
        file_name: file_name.to_string(),
        format: Format::Text { delimiter },
        encoding: Some(encoding),
        sheets: Vec::new(),
        sheet: None,
        header_line: 0,
        columns: Vec::new(),
        issues: Vec::new(),
        account: LineAccount::default(),
        legacy_converted: encoding.is_legacy(),
        report: None,
    };
    let periods = rows::read_rows(&mut rows, &mut report, opts)?;
    Ok(super::finish(report, periods))
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
    let mut best = (sniffed, header_fit(text, sniffed));
    for d in crate::csv::CANDIDATES {
        if d != sniffed {
            let f = header_fit(text, d);
            if f > best.1 {
                best = (d, f);
            }
        }
    }
    best.0
}

/// How well `d` splits the first recognisable header: the columns it names,
/// then minus the header cells holding another delimiter (not a comma).
fn header_fit(text: &str, d: char) -> Option<(usize, isize)> {
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
