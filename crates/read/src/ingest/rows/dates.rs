//! The report date of a row: its date cell, else the date of the titles or
//! the file name.

use super::super::{Cell, RawRow};
use super::columns::Columns;
use crate::date::Date;
use crate::source::{IssueKind, RowIssue};

pub(super) struct Dates {
    /// The date of the titles or the file name, for rows without one.
    file_date: Option<Date>,
    /// Dates repeat row after row: each text is parsed once.
    last: Option<(String, Date)>,
}

impl Dates {
    pub fn new(file_date: Option<Date>) -> Dates {
        Dates {
            file_date,
            last: None,
        }
    }

    /// The row's date (`None` when it has none at all), or an error for a
    /// date cell that is not one.
    pub fn of(&mut self, row: &RawRow, cols: &Columns) -> Result<Option<Date>, RowIssue> {
        let bad = |value: String| {
            RowIssue::error(row.line, cols.name_of(cols.date), value, IssueKind::BadDate)
        };
        match cols.date.and_then(|c| row.cells.get(c)) {
            None => Ok(self.file_date),
            Some(Cell::Date(x)) | Some(Cell::Number(x)) => Date::from_excel_serial(*x)
                .map(Some)
                .ok_or_else(|| bad(crate::format::plain_number(*x).unwrap_or_default())),
            Some(Cell::Text(s)) if s.trim().is_empty() => Ok(self.file_date),
            Some(Cell::Text(s)) => self.parse(s).map(Some).ok_or_else(|| bad(s.to_string())),
        }
    }

    fn parse(&mut self, s: &str) -> Option<Date> {
        match &self.last {
            Some((t, d)) if t.as_str() == s => Some(*d),
            _ => Date::parse(s).inspect(|&d| self.last = Some((s.to_string(), d))),
        }
    }
}
