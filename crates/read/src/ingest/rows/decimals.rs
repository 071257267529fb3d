//! Number styles per column, voted over a sample of the first rows: the
//! decimal separator of each count column and of the rate, and whether the
//! rate is written as a fraction (0,33) or a percentage (33).

use super::super::numbers::{self, DecimalSep};
use super::super::{Cell, RawRow};
use super::columns::Columns;

/// Rows sampled for the vote.
const SAMPLE_ROWS: usize = 2000;

pub(super) struct Styles {
    /// Per entry of [`Columns::counts`].
    pub counts: Vec<DecimalSep>,
    pub rate: DecimalSep,
    /// The rate's header says "%" ("Tỷ lệ (%)"): its text is in percent.
    pub rate_text_pct: bool,
    /// The rate's values are fractions (all in 0..=1).
    pub rate_fraction: bool,
}

/// The first rows after the header, for the vote (read again after it).
pub(super) fn sample<'a>(rows: &mut impl Iterator<Item = RawRow<'a>>) -> Vec<RawRow<'a>> {
    rows.by_ref().take(SAMPLE_ROWS).collect()
}

pub(super) fn decide(sample: &[RawRow], cols: &Columns) -> Styles {
    let counts = cols
        .counts
        .iter()
        .map(|&(_, c)| separator(sample, c))
        .collect();
    let rate_sep = cols.rate.map(|c| separator(sample, c));
    // Text under a header that says "%" ("Tỷ lệ (%)") is in percent, even
    // when every value is at most 1 ("0,5" is 0,5%). Number cells hold
    // fractions when they all lie in 0..=1 (a cell formatted as 30%).
    // (`get`: a user's mapping may name more columns than the header has.)
    let rate_text_pct = cols
        .rate
        .is_some_and(|c| cols.headers.get(c).is_some_and(|h| h.contains('%')));
    let rate = rate_sep.unwrap_or(DecimalSep::Unknown);
    let rate_fraction = cols
        .rate
        .is_some_and(|c| is_fraction(sample, c, rate, rate_text_pct));
    Styles {
        counts,
        rate,
        rate_text_pct,
        rate_fraction,
    }
}

/// The decimal separator of column `c`, voted over its text cells.
fn separator(sample: &[RawRow], c: usize) -> DecimalSep {
    numbers::decide(sample.iter().filter_map(|r| match r.cells.get(c) {
        Some(Cell::Text(s)) => Some(s.as_ref()),
        _ => None,
    }))
}

/// Whether the rate column `c` holds fractions: all its values (number
/// cells, and text without "%" unless the header says "%") in 0..=1.
fn is_fraction(sample: &[RawRow], c: usize, sep: DecimalSep, text_pct: bool) -> bool {
    let vals: Vec<f64> = sample
        .iter()
        .filter_map(|r| r.cells.get(c))
        .filter_map(|cell| match cell {
            Cell::Number(x) => Some(*x),
            Cell::Text(s) if !s.contains('%') && !text_pct => {
                numbers::parse_decimal(s, sep).map(|v| v.0)
            }
            _ => None,
        })
        .collect();
    !vals.is_empty() && vals.iter().all(|v| (0.0..=1.0).contains(v))
}
