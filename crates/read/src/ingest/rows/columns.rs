//! Which column holds what, decided once from the header's roles.

use super::super::{header, Cell, RawRow};
use crate::model::Indicator;
use crate::source::{Format, Role};
use std::borrow::Cow;

pub(super) struct Columns {
    /// The header row's texts.
    pub headers: Vec<String>,
    pub unit: Option<usize>,
    pub district: Option<usize>,
    pub date: Option<usize>,
    pub serial: Option<usize>,
    pub rate: Option<usize>,
    pub counts: Vec<(Indicator, usize)>,
    /// Columns with a header but no role: kept as the units' extra cells.
    pub extra: Vec<usize>,
    /// Cells a text row needs (up to the last unit or count column).
    pub needed: usize,
    /// The header's [`header::signature`], to spot repeated headers.
    pub signature: String,
}

impl Columns {
    pub fn new(headers: Vec<String>, roles: &[Option<Role>], format: &Format) -> Columns {
        let col = |r: Role| roles.iter().position(|x| *x == Some(r));
        let counts = Indicator::ALL
            .iter()
            .filter_map(|&i| col(Role::Count(i)).map(|c| (i, c)))
            .collect();
        let extra = (0..headers.len())
            .filter(|&i| roles.get(i).copied().flatten().is_none() && !headers[i].is_empty())
            .collect();
        Columns {
            signature: header::signature(&headers),
            unit: col(Role::Unit),
            district: col(Role::District),
            date: col(Role::Date),
            serial: col(Role::Serial),
            rate: col(Role::Rate),
            counts,
            extra,
            needed: needed(roles, format),
            headers,
        }
    }

    /// The header text of column `c` (a user's mapping may name more
    /// columns than the header has: "").
    pub fn name(&self, c: usize) -> String {
        self.headers.get(c).cloned().unwrap_or_default()
    }

    /// [`Columns::name`] of a column that may be missing.
    pub fn name_of(&self, c: Option<usize>) -> Option<String> {
        c.map(|c| self.name(c))
    }
}

/// A short text row is a broken line. A sheet stores a row only up to its
/// last non-empty cell, so a short sheet row just has blank cells at the end
/// (a unit without the last figures): no minimum there.
fn needed(roles: &[Option<Role>], format: &Format) -> usize {
    match format {
        Format::Text { .. } => roles
            .iter()
            .enumerate()
            .filter(|(_, r)| matches!(r, Some(Role::Unit) | Some(Role::Count(_))))
            .map(|(i, _)| i + 1)
            .max()
            .unwrap_or(1),
        Format::Xlsx | Format::Xls | Format::Ods => 0,
    }
}

/// The trimmed text of a cell, borrowed from the row ("" when the column or
/// the cell is missing): copied only into the unit.
pub(super) fn text_at<'r>(row: &'r RawRow, c: Option<usize>) -> Cow<'r, str> {
    c.and_then(|c| row.cells.get(c))
        .map_or(Cow::Borrowed(""), Cell::text)
}

/// The text of a cell as the file had it, for an issue ("" when missing).
pub(super) fn value_at(row: &RawRow, c: usize) -> String {
    row.cells
        .get(c)
        .map(|x| x.text().to_string())
        .unwrap_or_default()
}
