//! Rows that are neither units nor totals and are skipped: blank rows,
//! headers repeated on every printed page, notes and signatures.

use super::super::{Cell, RawRow};
use super::columns::Columns;

pub(super) fn is_blank(row: &RawRow) -> bool {
    row.cells.iter().all(Cell::is_blank)
}

/// A repeated header (tables printed across pages) is not data. Cheap test
/// first: the unit cell says what the header's says.
pub(super) fn repeats_header(row: &RawRow, cols: &Columns, unit_name: &str) -> bool {
    cols.unit
        .is_some_and(|c| cols.headers.get(c).is_some_and(|h| *h == *unit_name))
        && super::super::header::signature(&row.texts()) == cols.signature
}

/// Notes and signatures below the table: text only, no figures.
pub(super) fn is_note(row: &RawRow, cols: &Columns, unit_name: &str) -> bool {
    let has_numbers = cols
        .counts
        .iter()
        .any(|&(_, c)| row.cells.get(c).is_some_and(|x| !x.is_blank()));
    !has_numbers
        && (unit_name.is_empty() || row.cells.iter().filter(|c| !c.is_blank()).count() == 1)
}
