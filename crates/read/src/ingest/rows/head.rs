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
    let Some(found) = header else {
        return Err(needs_mapping(&head, &report.file_name));
    };
    let Found {
        index: hidx,
        roles,
        headers,
        report: chosen,
    } = found;
    report.header_line = head[hidx].line;
    report.report = chosen;
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

/// The header row found: its index among the rows read (the last of its
/// rows when a second header row was joined to it), the column roles, the
/// header texts, and the report definition it fits (`None`: the built-in
/// COVID roles).
struct Found {
    index: usize,
    roles: Vec<Option<Role>>,
    headers: Vec<String>,
    report: Option<String>,
}

/// The rows read, and the header found among them: the first usable row
/// within [`HEADER_SEARCH_ROWS`] (joined with a second header row under
/// merged cells), or with a mapping, the best candidate among all of them.
fn search<'a>(
    rows: &mut impl Iterator<Item = RawRow<'a>>,
    opts: &ReadOptions,
) -> (Vec<RawRow<'a>>, Option<Found>) {
    let mut head: Vec<RawRow<'a>> = Vec::new();
    let mut header = None;
    if opts.mapping.is_none() {
        while let Some(row) = rows.next() {
            let texts = row.texts();
            let alone = fit_scored(&texts, opts);
            // Not a header alone: perhaps the second row of one, under the
            // row before.
            let joined = match &alone {
                Some(_) => None,
                None => head
                    .last()
                    .and_then(|p| subheader_of(&p.texts(), &row))
                    .and_then(|j| fit(&j, opts).map(|f| (j, f))),
            };
            head.push(row);
            if let Some((j, (roles, report))) = joined {
                header = Some(found(head.len() - 1, roles, j, report));
                break;
            }
            if let Some((roles, report, n)) = alone {
                header = Some(found(head.len() - 1, roles, texts.clone(), report.clone()));
                // The next row may be the header's second row: joined when
                // it finds as many figures for the same report.
                if let Some(next) = rows.next() {
                    let joined = subheader_of(&texts, &next)
                        .and_then(|j| fit_scored(&j, opts).map(|f| (j, f)));
                    head.push(next);
                    if let Some((j, (roles, rep, m))) = joined {
                        if rep == report && m >= n {
                            header = Some(found(head.len() - 1, roles, j, rep));
                        }
                    }
                }
                break;
            }
            if head.len() >= HEADER_SEARCH_ROWS {
                break;
            }
        }
    } else {
        head.extend(rows.by_ref().take(HEADER_SEARCH_ROWS));
    }
    if let Some(mapping) = &opts.mapping {
        // The user's mapping applies to the best header candidate (if the
        // file has any row at all).
        let idx = best_header_candidate(&head);
        if idx < head.len() && header::is_usable(mapping) {
            header = Some(found(idx, mapping.clone(), head[idx].texts(), None));
        }
    }
    (head, header)
}

fn found(
    index: usize,
    roles: Vec<Option<Role>>,
    headers: Vec<String>,
    report: Option<String>,
) -> Found {
    Found {
        index,
        roles,
        headers,
        report,
    }
}

/// The roles of a header row and the report it fits best, when it is a
/// header: a unit column and at least one figure of the built-in roles or of
/// a report definition. A definition wins only with more matching figures
/// than the active report (the built-in roles when none is active).
fn fit(texts: &[String], opts: &ReadOptions) -> Option<(Vec<Option<Role>>, Option<String>)> {
    fit_scored(texts, opts).map(|(roles, report, _)| (roles, report))
}

/// [`fit`], and how many figures the chosen report found.
#[allow(clippy::type_complexity)]
fn fit_scored(
    texts: &[String],
    opts: &ReadOptions,
) -> Option<(Vec<Option<Role>>, Option<String>, usize)> {
    let roles = header::map_header(texts);
    if !roles.contains(&Some(Role::Unit)) {
        return None;
    }
    let builtin = roles
        .iter()
        .filter(|r| matches!(r, Some(Role::Count(_))))
        .count();
    let mut best: (
        usize,
        Option<&thongbao_model::report::HeaderWords>,
        Option<&str>,
    ) = (builtin, None, None);
    let score = |id: Option<&str>, n: usize| {
        // The active report wins ties.
        2 * n + usize::from(id == opts.active_report.as_deref())
    };
    let mut best_score = score(None, builtin);
    for r in &opts.reports {
        // A report over the built-in roles (the COVID report as data)
        // reads the columns the built-in rules find: it stands for them,
        // and wins their ties (as the active report when none is).
        let (n, wins) = match r.words.builtin_roles {
            true => (builtin, opts.active_report.is_none()),
            false => (r.words.fit(texts), false),
        };
        let s = score(Some(&r.id), n) + usize::from(wins);
        if n > 0 && (s > best_score || (r.words.builtin_roles && s == best_score)) {
            best = (n, Some(&r.words), Some(&r.id));
            best_score = s;
        }
    }
    if best.0 == 0 {
        return None;
    }
    match best.1 {
        None => Some((roles, None, best.0)),
        Some(spec) if spec.builtin_roles => Some((roles, best.2.map(str::to_string), best.0)),
        Some(spec) => Some((
            generic_roles(texts, roles, spec),
            best.2.map(str::to_string),
            best.0,
        )),
    }
}

/// Roles under a report definition: the unit, group, date and serial
/// columns; every figure is an extra column the report reads itself.
fn generic_roles(
    texts: &[String],
    roles: Vec<Option<Role>>,
    spec: &thongbao_model::report::HeaderWords,
) -> Vec<Option<Role>> {
    let figures = spec.match_columns(texts);
    let group = texts.iter().position(|t| spec.is_group_header(t));
    let mut out: Vec<Option<Role>> = roles
        .into_iter()
        .zip(&figures)
        .map(|(r, f)| match (r, f) {
            (_, Some(_)) => None,
            (Some(Role::Unit | Role::Serial | Role::Date), None) => r,
            (Some(Role::District), None) if group.is_none() => r,
            _ => None,
        })
        .collect();
    if let Some(g) = group {
        if figures.get(g).is_some_and(Option::is_none) && out.get(g) != Some(&Some(Role::Unit)) {
            out[g] = Some(Role::District);
        }
    }
    out
}

fn cell(v: &[String], j: usize) -> &str {
    v.get(j).map(String::as_str).unwrap_or("")
}

/// `parent` joined with `row` when `row` is the second row of a header
/// under merged cells ("Tài khoản VNeID" over "Số lượng | Tỷ lệ"): a
/// parent of two cells or more (not a title line), no figures, no unit name under the parent's unit column, and text under a
/// blank parent cell that a cell to its left spans. Each column's header is
/// then its parent's text and its own.
fn subheader_of(parent: &[String], row: &RawRow) -> Option<Vec<String>> {
    // A title line (one cell, "ỦY BAN NHÂN DÂN HUYỆN …") spans nothing.
    if parent.iter().filter(|t| !t.is_empty()).count() < 2 {
        return None;
    }
    let sub = row.texts();
    let unit = header::map_header(parent)
        .iter()
        .position(|r| *r == Some(Role::Unit));
    if unit.is_some_and(|u| sub.get(u).is_some_and(|t| !t.is_empty())) {
        return None;
    }
    let numeric =
        |t: &String| !t.is_empty() && numbers::parse_count(t, DecimalSep::Unknown).is_ok();
    if sub.iter().any(numeric) || sub.iter().all(String::is_empty) {
        return None;
    }
    let n = parent.len().max(sub.len());
    let spanned = (1..n).any(|j| {
        cell(parent, j).is_empty()
            && !cell(&sub, j).is_empty()
            && (0..j).any(|k| !cell(parent, k).is_empty())
    });
    if !spanned {
        return None;
    }
    let mut carry = "";
    let joined = (0..n)
        .map(|j| {
            let (p, s) = (cell(parent, j), cell(&sub, j));
            match (p.is_empty(), s.is_empty()) {
                (false, true) => {
                    // Merged down: nothing below it to span.
                    carry = "";
                    p.to_string()
                }
                (false, false) => {
                    carry = p;
                    format!("{p} {s}")
                }
                (true, false) if !carry.is_empty() => format!("{carry} {s}"),
                _ => s.to_string(),
            }
        })
        .collect();
    Some(joined)
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
