//! Total rows ("Tổng cộng"): recognised by their label, and their figures
//! checked against the sum of the units since the previous total.

use super::super::numbers::{self, DecimalSep};
use super::super::{Cell, RawRow};
use super::columns::{value_at, Columns};
use crate::model::{Indicator, Values};
use crate::source::{IssueKind, RowIssue};
use crate::text::fold;

/// Whether a row is a total: its unit, district, serial or first cell
/// opens with a total's label.
pub(super) fn is_total_row(row: &RawRow, cols: &Columns) -> bool {
    [cols.unit, cols.district, cols.serial, Some(0)]
        .into_iter()
        .any(|c| c.and_then(|c| row.cells.get(c)).is_some_and(is_total_cell))
}

/// Whether a cell opens with a total's label. A text cell that starts
/// with a letter or digit other than T or C cannot (trimming would not
/// change its first character), and that is most cells of every row: they
/// are answered without trimming or folding.
fn is_total_cell(x: &Cell) -> bool {
    match x {
        Cell::Text(s) => match s.as_bytes().first() {
            Some(&b) if b.is_ascii_alphanumeric() => {
                matches!(b, b'T' | b't' | b'C' | b'c') && is_total_label(crate::text::trim(s))
            }
            _ => is_total_label(&x.text()),
        },
        _ => is_total_label(&x.text()),
    }
}

/// Words that open a total row.
fn is_total_label(s: &str) -> bool {
    // Every label starts with T or C (Tổng, Toàn, Total, Cộng): skip the
    // folding for all other cells (this runs on every row).
    let s = s.trim_start_matches(|c: char| !crate::text::class::is_alnum(c));
    if !matches!(s.chars().next(), Some('T' | 't' | 'C' | 'c')) {
        return false;
    }
    let f = fold(s);
    const LABELS: [&str; 10] = [
        "tong cong",
        "tong so",
        "tong",
        "cong",
        "toan huyen",
        "toan tinh",
        "toan thi xa",
        "toan thanh pho",
        "toan xa",
        "total",
    ];
    LABELS.iter().any(|l| {
        f.strip_prefix(l).is_some_and(|rest| {
            rest.is_empty()
                || rest.starts_with(':')
                // "Cộng toàn tỉnh" is a total, "Công an tỉnh" a unit.
                || (rest.starts_with(' ') && (*l != "cong" || !names_an_agency(s, rest)))
        })
    })
}

/// Whether "công/cong …" names a body ("Công an", "Công ty", "Công
/// đoàn"), not a total: spelt "Công" (no dot below), or, typed without
/// diacritics, followed by such a word.
fn names_an_agency(s: &str, folded_rest: &str) -> bool {
    let first: String = s
        .chars()
        .take(4)
        .map(crate::text::case::lower_char)
        .collect();
    if first == "cộng" {
        return false;
    }
    if first == "công" {
        return true;
    }
    let next = folded_rest.split_whitespace().next().unwrap_or("");
    [
        "an", "ty", "doan", "nghiep", "thuong", "chuc", "trinh", "nhan", "khai",
    ]
    .contains(&next)
}

#[cfg(test)]
#[test]
fn a_cell_is_a_total_as_its_trimmed_text_is() {
    use std::borrow::Cow;
    for t in [
        "Tổng cộng",
        "Tổng cộng\t",
        " Tổng",
        "\u{a0}Cộng:",
        "tong so ",
        "Cong",
        "Công an",
        "Toàn tỉnh\r",
        "Total",
        "TỔNG",
        "Xã Tân",
        "123",
        "",
        " ",
        "C",
        "T:",
        "(Tổng)",
        "1. Tổng",
        "Cộng\n",
        "Thị trấn",
    ] {
        let cell = Cell::Text(Cow::Borrowed(t));
        assert_eq!(is_total_cell(&cell), is_total_label(&cell.text()), "{t:?}");
    }
    assert!(is_total_cell(&Cell::Text(Cow::Borrowed("Tổng cộng\t"))));
    assert!(!is_total_cell(&Cell::Number(3.0)));
}

#[cfg(test)]
#[test]
fn agencies_are_not_totals() {
    for t in [
        "Cộng",
        "Cộng:",
        "CỘNG TOÀN TỈNH",
        "Tổng cộng",
        "Toàn tỉnh",
        "Cong",
    ] {
        assert!(is_total_label(t), "{t}");
    }
    for t in [
        "Công an tỉnh",
        "Công an xã Ia Grai",
        "Công ty Điện lực",
        "Xã Cộng Hòa",
    ] {
        assert!(!is_total_label(t), "{t}");
    }
}

/// The units' sums since the last total row, per indicator.
#[derive(Default)]
pub(super) struct SinceTotal([i64; 5]);

impl SinceTotal {
    pub fn add(&mut self, values: &Values) {
        for ind in Indicator::ALL {
            self.0[ind.index()] = self.0[ind.index()].saturating_add(values.get(ind).unwrap_or(0));
        }
    }

    /// A total row: a warning for each typed figure that is not the sum of
    /// the units above it (since the previous total); the sums start again.
    pub fn check(&mut self, row: &RawRow, cols: &Columns, seps: &[DecimalSep]) -> Vec<RowIssue> {
        let mut issues = Vec::new();
        for (&(ind, c), &sep) in cols.counts.iter().zip(seps) {
            let computed = self.0[ind.index()];
            match typed_total(row.cells.get(c), sep) {
                Some(typed) if typed != computed => issues.push(RowIssue::warning(
                    row.line,
                    Some(cols.name(c)),
                    value_at(row, c),
                    IssueKind::TotalMismatch {
                        indicator: ind,
                        typed,
                        computed,
                    },
                )),
                _ => {}
            }
        }
        self.0 = [0; 5];
        issues
    }
}

/// A total row's figure, if it holds a readable one.
fn typed_total(cell: Option<&Cell>, sep: DecimalSep) -> Option<i64> {
    match cell {
        Some(Cell::Number(x)) => numbers::count_from_f64(*x).ok().flatten(),
        Some(cell) => numbers::parse_count(&cell.text(), sep).ok().flatten(),
        None => None,
    }
}
