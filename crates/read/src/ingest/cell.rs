//! The cells and rows every reader hands to the row reader.

use crate::date::Date;
use crate::text;
use std::borrow::Cow;

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
    /// The cell as text, trimmed: borrowed for a text cell.
    pub(crate) fn text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(s) => Cow::Borrowed(text::trim(s)),
            Cell::Number(x) => Cow::Owned(crate::format::plain_number(*x).unwrap_or_default()),
            Cell::Date(x) => Cow::Owned(
                Date::from_excel_serial(*x)
                    .map(|d| d.dmy())
                    .or_else(|| crate::format::plain_number(*x))
                    .unwrap_or_default(),
            ),
        }
    }

    pub(crate) fn is_blank(&self) -> bool {
        matches!(self, Cell::Text(s) if text::trim(s).is_empty())
    }
}

/// One row from a reader: its line (text) or row number (sheet), 1-based.
#[derive(Clone, Debug, PartialEq)]
pub struct RawRow<'a> {
    pub line: usize,
    pub cells: Vec<Cell<'a>>,
}

impl RawRow<'_> {
    /// Every cell as trimmed owned text (the header search and the
    /// repeated-header check compare whole rows).
    pub(crate) fn texts(&self) -> Vec<String> {
        self.cells
            .iter()
            .map(|c| c.text().trim().to_string())
            .collect()
    }
}
