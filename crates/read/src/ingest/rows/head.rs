//! The top of a file: the header row searched among the first rows (or the
//! user's mapping applied to the likeliest one), and the report date of the
//! title lines above it.

use super::super::{header, numbers, Cell, IngestError, RawRow, ReadOptions, HEADER_SEARCH_ROWS};
use crate::date::Date;
use crate::source::{ColumnInfo, Role, SourceReport};
use numbers::DecimalSep;

/// The header found, and the rows read past it while searching.
pub(super) struct Head<'a> {
    pub headers: Vec<String>,
    pub roles: Vec<Option<Role>>,
    /// The report date of the titles, else of the file name.
    pub file_date: Option<Date>,
    /// Rows after the header that the search had read already.
    pub leftover: Vec<RawRow<'a>>,
}

/// Find the header; fill the report's header line and columns, and count
/// the header and the titles above it as skipped rows.
pub(super) fn find<'a>(
    rows: &mut impl Iterator<Item = RawRow<'a>>,
    report: &mut SourceReport,
    opts: &ReadOptions,
) -> Result<Head<'a>, IngestError> {
    let (mut head, header) = search(rows, opts);
    let Some((hidx, roles)) = header else {
        return Err(needs_mapping(&head, &report.file_name));
    };
    let headers = head[hidx].texts();
    report.header_line = head[hidx].line;
    report.columns = headers
        .iter()
        .enumerate()
        .map(|(i, h)| ColumnInfo {
            header: h.clone(),
            role: roles.get(i).copied().flatten(),
        })
        .collect();
    // Title lines above the header may carry the report date.
    let file_date = head[..hidx]
        .iter()
        .flat_map(|r| &r.cells)
        .find_map(|c| Date::find_in(&c.text()))
        .or_else(|| Date::find_in(&report.file_name));
    report.account.rows += hidx + 1;
    report.account.skipped += hidx + 1;
    let leftover = head.drain(hidx + 1..).collect();
    Ok(Head {
        headers,
        roles,
        file_date,
        leftover,
    })
}

/// The rows read, and the header's index among them with its roles: the
/// first usable row within [`HEADER_SEARCH_ROWS`], or with a mapping, the
/// best candidate among all of them.
#[allow(clippy::type_complexity)]
fn search<'a>(
    rows: &mut impl Iterator<Item = RawRow<'a>>,
    opts: &ReadOptions,
) -> (Vec<RawRow<'a>>, Option<(usize, Vec<Option<Role>>)>) {
    let mut head: Vec<RawRow<'a>> = Vec::new();
    let mut header = None;
    for row in rows.by_ref() {
        let roles = header::map_header(&row.texts());
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
    (head, header)
}

/// No header: the likeliest row and its recognised roles, for the mapping
/// panel.
fn needs_mapping(head: &[RawRow], file: &str) -> IngestError {
    let idx = best_header_candidate(head);
    let headers: Vec<String> = head.get(idx).map(RawRow::texts).unwrap_or_default();
    let roles = header::map_header(&headers);
    IngestError::NeedsMapping {
        file: file.to_string(),
        header_line: head.get(idx).map(|r| r.line).unwrap_or(1),
        headers,
        roles,
    }
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
