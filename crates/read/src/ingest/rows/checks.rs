//! The checks of a data row, one function each: its shape (enough cells, a
//! unit name), its counts, installs above smartphones, and the typed rate.

use super::super::numbers::{self, CountError, DecimalSep};
use super::super::{Cell, RawRow};
use super::columns::{value_at, Columns};
use super::decimals::Styles;
use crate::model::{Indicator, Values};
use crate::source::{IssueKind, RowIssue};

/// Too few cells for a text row, else no unit name: an error.
pub(super) fn shape(row: &RawRow, cols: &Columns, unit_name: &str) -> Option<RowIssue> {
    if row.cells.len() < cols.needed {
        Some(RowIssue::error(
            row.line,
            None,
            "",
            IssueKind::TooFewCells {
                found: row.cells.len(),
                expected: cols.needed,
            },
        ))
    } else if unit_name.is_empty() {
        Some(RowIssue::error(
            row.line,
            cols.name_of(cols.unit),
            "",
            IssueKind::EmptyUnitName,
        ))
    } else {
        None
    }
}

/// The row's counts; an error for each count cell that is not one.
pub(super) fn counts(
    row: &RawRow,
    cols: &Columns,
    seps: &[DecimalSep],
    errors: &mut Vec<RowIssue>,
) -> Values {
    let mut values = Values::default();
    for (&(ind, c), &sep) in cols.counts.iter().zip(seps) {
        let parsed = match row.cells.get(c) {
            None => Ok(None),
            Some(Cell::Number(x)) | Some(Cell::Date(x)) => numbers::count_from_f64(*x),
            Some(Cell::Text(s)) => numbers::parse_count(s, sep),
        };
        match parsed {
            Ok(v) => values.set(ind, v),
            Err(e) => errors.push(RowIssue::error(
                row.line,
                Some(cols.name(c)),
                value_at(row, c),
                count_issue(e),
            )),
        }
    }
    values
}

fn count_issue(e: CountError) -> IssueKind {
    match e {
        CountError::NotANumber => IssueKind::NotANumber,
        CountError::Fraction => IssueKind::Fraction,
        CountError::Negative => IssueKind::Negative,
        CountError::TooLarge => IssueKind::TooLarge,
    }
}

/// More installs than smartphones: a warning.
pub(super) fn installs_above_smartphones(
    row: &RawRow,
    cols: &Columns,
    values: &Values,
) -> Option<RowIssue> {
    let i = values.get(Indicator::Installs)?;
    let s = values.get(Indicator::Smartphones)?;
    (i > s).then(|| {
        let column = cols
            .counts
            .iter()
            .find(|(ind, _)| *ind == Indicator::Installs)
            .map(|&(_, c)| cols.name(c));
        RowIssue::warning(
            row.line,
            column,
            crate::format::int(i),
            IssueKind::InstallsAboveSmartphones {
                installs: i,
                smartphones: s,
            },
        )
    })
}

/// A typed rate that is not installs/smartphones: a warning. Right when it
/// is the ratio rounded to its own decimals, give or take 0,1 point
/// (rounding habits differ): "33%" for 1/3 is right, "34%" is not.
pub(super) fn typed_rate(
    row: &RawRow,
    cols: &Columns,
    styles: &Styles,
    values: &Values,
) -> Option<RowIssue> {
    let rc = cols.rate?;
    let i = values.get(Indicator::Installs)?;
    let s = values.get(Indicator::Smartphones)?;
    let cell = row.cells.get(rc);
    let (v, pct, places) = rate_typed(cell, styles.rate)?;
    let is_text = matches!(cell, Some(Cell::Text(_)));
    let fraction = !pct && styles.rate_fraction && !(is_text && styles.rate_text_pct);
    let pct_value = if fraction { v * 100.0 } else { v };
    // Decimals of the percentage as typed: "33%" 0, "0,333" 1.
    let places = if fraction {
        places.saturating_sub(2)
    } else {
        places
    };
    let computed = crate::format::ratio_scaled(i, s, 1)?;
    let exact = i as f64 * 100.0 / s as f64;
    let tolerance = 0.5 * 10f64.powi(-(places.min(6) as i32)) + 0.1 + 1e-9;
    if (pct_value - exact).abs() <= tolerance {
        return None;
    }
    let typed_scaled = (pct_value * 10.0).round() as i64;
    Some(RowIssue::warning(
        row.line,
        Some(cols.name(rc)),
        value_at(row, rc),
        IssueKind::RateMismatch {
            typed: crate::format::percent_scaled(typed_scaled, 1),
            computed: crate::format::percent_scaled(computed, 1),
        },
    ))
}

/// A rate cell's value, whether it had "%", and its decimals.
fn rate_typed(cell: Option<&Cell>, sep: DecimalSep) -> Option<(f64, bool, usize)> {
    match cell {
        // A number cell's decimals: those of its plain form (0.64 → 2).
        Some(Cell::Number(x)) => Some((
            *x,
            false,
            crate::format::plain_number(*x)
                .and_then(|t| t.split_once('.').map(|(_, f)| f.len()))
                .unwrap_or(0),
        )),
        Some(cell) => numbers::parse_decimal_places(&cell.text(), sep),
        None => None,
    }
}
