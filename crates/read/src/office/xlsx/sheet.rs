//! One .xlsx worksheet part: cells (shared, inline and formula strings,
//! numbers, dates, booleans, errors) and merged ranges.

use super::{preserves, too_many, SstItem, Styles, XlsxError};
use crate::office::numfmt::NumKind;
use crate::office::xml::{local, Reader, Tag, Token};
use crate::office::xstring::{join_pieces, unescape};
use crate::office::{
    iso_time, iso_to_serial, parse_ref, place, Cell, CellValue, LimitError, Limits, SheetRow,
};

/// What the whole workbook shares while one of its sheets is read.
pub(super) struct Ctx<'a> {
    pub(super) styles: &'a Styles,
    pub(super) sst: &'a [SstItem],
    pub(super) date1904: bool,
    pub(super) lim: &'a Limits,
    pub(super) cells_used: usize,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    N,
    S,
    Str,
    Inline,
    B,
    E,
    D,
}

/// Where text tokens go.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Collect {
    No,
    V,
    T,
}

/// The cell being read.
struct Open {
    col: usize,
    kind: Kind,
    style: usize,
    v: String,
    /// `<t>` pieces of an `<is>` (text, preserve).
    pieces: Vec<(String, bool)>,
    has_is: bool,
}

fn bad(part: &str, v: &str) -> XlsxError {
    XlsxError::BadReference {
        part: part.to_string(),
        value: v.to_string(),
    }
}

/// One end of a merged range: "B3", a whole column "B" (row `None`) or a
/// whole row "3" (column `None`).
fn range_end(s: &str) -> Option<(Option<usize>, Option<u32>)> {
    let s = s.trim().trim_start_matches('$');
    if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) {
        return s.parse().ok().filter(|&r| r > 0).map(|r| (None, Some(r)));
    }
    let (col, row) = parse_ref(s)?;
    Some((Some(col), (row > 0).then_some(row)))
}

/// A merged range as (first row, first column, last row, last column),
/// whole rows and columns reaching to the sheet's limits (the cells that
/// exist bound the work later). `None` when the reference is not a range.
fn merge_range(rf: &str, lim: &Limits) -> Option<(u32, usize, u32, usize)> {
    let (a, b) = rf.split_once(':').unwrap_or((rf, rf));
    let ((c1, r1), (c2, r2)) = (range_end(a)?, range_end(b)?);
    // Both ends are cells, both whole columns, or both whole rows.
    if c1.is_some() != c2.is_some() || r1.is_some() != r2.is_some() {
        return None;
    }
    let last_row = u32::try_from(lim.max_rows).unwrap_or(u32::MAX);
    let last_col = lim.max_cols.saturating_sub(1);
    let (r1, r2) = (r1.unwrap_or(1), r2.unwrap_or(last_row));
    let (c1, c2) = (c1.unwrap_or(0), c2.unwrap_or(last_col));
    Some((r1.min(r2), c1.min(c2), r1.max(r2), c1.max(c2)))
}

fn open_cell(t: &Tag, next_col: usize, part: &str) -> Result<Open, XlsxError> {
    let col = match t.attr("r") {
        Some(v) => parse_ref(&v).ok_or_else(|| bad(part, &v))?.0,
        None => next_col,
    };
    let kind = match t.attr("t").as_deref() {
        Some("s") => Kind::S,
        Some("str") => Kind::Str,
        Some("inlineStr") => Kind::Inline,
        Some("b") => Kind::B,
        Some("e") => Kind::E,
        Some("d") => Kind::D,
        _ => Kind::N,
    };
    let style = t.attr("s").and_then(|s| s.trim().parse().ok()).unwrap_or(0);
    Ok(Open {
        col,
        kind,
        style,
        v: String::new(),
        pieces: Vec::new(),
        has_is: false,
    })
}

/// The value of a closed cell and the font of its shared string's run.
fn value_of(c: Open, part: &str, ctx: &Ctx) -> Result<(CellValue, Option<String>), XlsxError> {
    let v = c.v.trim();
    // Some writers leave out t="inlineStr"; an <is> is an inline string.
    let kind = if c.has_is && c.kind != Kind::S {
        Kind::Inline
    } else {
        c.kind
    };
    let value = match kind {
        Kind::S if v.is_empty() => CellValue::Empty,
        Kind::S => {
            let item = v
                .parse::<usize>()
                .ok()
                .and_then(|i| ctx.sst.get(i))
                .ok_or_else(|| bad(part, v))?;
            return Ok((CellValue::Text(item.text.clone()), item.font.clone()));
        }
        // An inline string's text is its <is>; a <v> beside it is a cache.
        Kind::Inline if c.has_is => CellValue::Text(unescape(&join_pieces(&c.pieces)).into()),
        Kind::Str | Kind::Inline => CellValue::Text(unescape(&c.v).into_owned()),
        _ if v.is_empty() => CellValue::Empty,
        Kind::B => CellValue::Bool(matches!(v, "1" | "true")),
        Kind::E => CellValue::Error(v.to_string()),
        Kind::D => iso_to_serial(v)
            .or_else(|| iso_time(v))
            .map_or_else(|| CellValue::Text(v.to_string()), CellValue::Date),
        Kind::N => match crate::decimal::parse_f64(v) {
            Some(x) if x.is_finite() => match ctx.styles.kind(c.style) {
                NumKind::Date if ctx.date1904 => CellValue::Date(x + 1462.0),
                NumKind::Date | NumKind::Time => CellValue::Date(x),
                NumKind::Number => CellValue::Number(x),
            },
            _ => CellValue::Text(v.to_string()),
        },
    };
    Ok((value, None))
}

/// Only the top-left cell of a merged range keeps its value.
fn apply_merges(
    rows: &mut Vec<SheetRow>,
    merges: &[(u32, usize, u32, usize)],
    name: &str,
    lim: &Limits,
) -> Result<(), XlsxError> {
    let mut work = 0usize;
    for &(r1, c1, r2, c2) in merges {
        let start = rows.partition_point(|x| x.row < r1);
        for row in rows.iter_mut().skip(start).take_while(|x| x.row <= r2) {
            let end = c2.min(row.cells.len().saturating_sub(1));
            work = work.saturating_add(1 + end.saturating_sub(c1));
            if work > lim.max_cells {
                return Err(too_many(name, lim));
            }
            for c in c1..=end {
                if (row.row, c) != (r1, c1) {
                    if let Some(x) = row.cells.get_mut(c) {
                        *x = Cell::default();
                    }
                }
            }
        }
    }
    for row in rows.iter_mut() {
        while row
            .cells
            .last()
            .is_some_and(|c| c.value == CellValue::Empty)
        {
            row.cells.pop();
        }
    }
    rows.retain(|r| !r.cells.is_empty());
    Ok(())
}

/// The rows of worksheet part `part` (sheet `name`).
pub(super) fn read_sheet(
    xml: &str,
    part: &str,
    name: &str,
    ctx: &mut Ctx,
) -> Result<Vec<SheetRow>, XlsxError> {
    let lim = ctx.lim;
    let mut r = Reader::new(xml, part, lim.max_depth);
    let mut rows: Vec<SheetRow> = Vec::new();
    let mut merges: Vec<(u32, usize, u32, usize)> = Vec::new();
    let mut cur: Vec<Cell> = Vec::new();
    let (mut in_row, mut row_no, mut next_col) = (false, 0u32, 0usize);
    let mut cell: Option<Open> = None;
    let mut collect = Collect::No;
    while let Some(tok) = r.next_token()? {
        match tok {
            Token::Start(t) => match t.local() {
                "row" => {
                    row_no = match t.attr("r") {
                        Some(v) => v
                            .trim()
                            .parse::<u32>()
                            .ok()
                            .filter(|&n| n > 0)
                            .ok_or_else(|| bad(part, &v))?,
                        None => row_no.saturating_add(1),
                    };
                    if row_no as usize > lim.max_rows {
                        return Err(LimitError::TooManyRows {
                            sheet: name.to_string(),
                            limit: lim.max_rows,
                        }
                        .into());
                    }
                    in_row = true;
                    next_col = 0;
                    cur.clear();
                }
                "c" if in_row => {
                    let c = open_cell(&t, next_col, part)?;
                    if c.col >= lim.max_cols {
                        return Err(LimitError::TooManyCols {
                            sheet: name.to_string(),
                            row: row_no,
                            limit: lim.max_cols,
                        }
                        .into());
                    }
                    next_col = c.col + 1;
                    cell = Some(c);
                }
                "v" if cell.is_some() => collect = Collect::V,
                "is" => {
                    if let Some(c) = cell.as_mut() {
                        c.has_is = true;
                    }
                }
                "t" => {
                    if let Some(c) = cell.as_mut().filter(|c| c.has_is) {
                        c.pieces.push((String::new(), preserves(&t)));
                        collect = Collect::T;
                    }
                }
                "rPh" => r.skip_element()?,
                "mergeCell" => {
                    let rf = t.attr("ref").unwrap_or_default();
                    let m = merge_range(&rf, lim).ok_or_else(|| bad(part, &rf))?;
                    if merges.len() >= lim.max_cells {
                        return Err(too_many(name, lim));
                    }
                    merges.push(m);
                }
                _ => {}
            },
            Token::End(n) => match local(n) {
                "v" | "t" => collect = Collect::No,
                "c" => {
                    let Some(c) = cell.take() else { continue };
                    collect = Collect::No;
                    let (col, style) = (c.col, c.style);
                    let (value, run_font) = value_of(c, part, ctx)?;
                    if value != CellValue::Empty && value != CellValue::Text(String::new()) {
                        let font = run_font.or_else(|| ctx.styles.font(style));
                        let cell = Cell { value, font };
                        place(&mut cur, col, cell, &mut ctx.cells_used, lim, name)?;
                    }
                }
                "row" if in_row => {
                    in_row = false;
                    if !cur.is_empty() {
                        rows.push(SheetRow {
                            row: row_no,
                            cells: std::mem::take(&mut cur),
                        });
                    }
                }
                _ => {}
            },
            Token::Text(s) => match (collect, cell.as_mut()) {
                (Collect::V, Some(c)) => c.v.push_str(&s),
                (Collect::T, Some(c)) => {
                    if let Some(p) = c.pieces.last_mut() {
                        p.0.push_str(&s);
                    }
                }
                _ => {}
            },
        }
    }
    thongbao_model::order::sort_by_key(&mut rows, |r| r.row);
    if !merges.is_empty() {
        apply_merges(&mut rows, &merges, name, lim)?;
    }
    Ok(rows)
}
