//! The row reader: rows into periods of units, as a small pipeline.
//!
//! 1. [`head`]: find the header among the first rows (or apply the user's
//!    mapping); the titles above it may give the report date;
//! 2. [`columns`]: which column holds what;
//! 3. [`decimals`]: vote each number column's decimal separator over a
//!    sample of rows;
//! 4. classify every row ([`Reader::row`]): blank, repeated header or note
//!    ([`skip`]), total ([`totals`], checked against the units above it),
//!    else a data row through [`checks`], [`dates`] and the duplicate check
//!    of [`periods`]: a unit, or a rejected row.
//!
//! Every row is counted once in the report's [`LineAccount`]
//! (`units + totals + skipped + rejected == rows`).
//!
//! [`LineAccount`]: crate::source::LineAccount

mod checks;
mod columns;
mod dates;
mod decimals;
mod head;
mod periods;
mod skip;
mod totals;

use super::{IngestError, RawRow, ReadOptions};
use crate::model::{Period, Unit, Values};
use crate::source::{RowIssue, SourceReport};
use columns::{text_at, Columns};
use dates::Dates;
use decimals::Styles;
use periods::Periods;
use std::borrow::Cow;
use totals::SinceTotal;

/// A sheet's number as a report reads it: whole numbers as they are,
/// others to 4 decimals with a decimal comma (a formula's 40.80000000000001
/// is 40,8; the fixed-point figures carry 4 decimals).
fn figure_text(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 1e15 {
        return format!("{}", x as i64);
    }
    crate::format::plain_decimal(x, 4, ',').unwrap_or_default()
}

/// Turn rows into periods of units (and the extra columns' headers); fills
/// the report.
pub(crate) fn read_rows<'a>(
    mut rows: &mut dyn Iterator<Item = RawRow<'a>>,
    report: &mut SourceReport,
    opts: &ReadOptions,
) -> Result<(Vec<Period>, Vec<String>), IngestError> {
    let head = head::find(&mut rows, report, opts)?;
    let cols = Columns::new(head.headers, &head.roles, &report.format);
    let mut rest = head.leftover.into_iter().chain(rows);
    let sample = decimals::sample(&mut rest);
    let mut reader = Reader {
        styles: decimals::decide(&sample, &cols),
        cols: &cols,
        figures_in_extra: report.report.is_some(),
        dates: Dates::new(head.file_date),
        since_total: SinceTotal::default(),
        periods: Periods::default(),
    };
    for row in sample.into_iter().chain(rest) {
        reader.row(row, report);
    }
    reader.periods.finish(report, &cols)
}

/// What the rows read so far leave for the next ones.
struct Reader<'c> {
    cols: &'c Columns,
    /// A report definition reads the figures from the extra cells: a
    /// sheet's numbers are written with a decimal comma there, so one
    /// column's cells read alike from any format.
    figures_in_extra: bool,
    styles: Styles,
    dates: Dates,
    since_total: SinceTotal,
    periods: Periods,
}

impl Reader<'_> {
    /// Classify one row and count it in the report.
    fn row(&mut self, row: RawRow, report: &mut SourceReport) {
        let cols = self.cols;
        report.account.rows += 1;
        if skip::is_blank(&row) {
            report.account.skipped += 1;
            return;
        }
        // Trimmed, borrowed from the row: copied only into the unit. Cells
        // are NFC already: decoded text is composed as a whole, and
        // workbook cells when they are read.
        let unit_name = text_at(&row, cols.unit);
        let district = non_empty(text_at(&row, cols.district));
        if totals::is_total_row(&row, cols) {
            report.account.totals += 1;
            let issues = self.since_total.check(&row, cols, &self.styles.counts);
            report.account.issues += issues.len();
            report.issues.extend(issues);
            return;
        }
        if skip::repeats_header(&row, cols, &unit_name) || skip::is_note(&row, cols, &unit_name) {
            report.account.skipped += 1;
            return;
        }
        let (values, date, errors, warnings) = self.check(&row, &unit_name, district.as_deref());
        report.account.issues += errors.len() + warnings.len();
        if !warnings.is_empty() {
            report.issues.extend(warnings);
        }
        if !errors.is_empty() {
            report.account.rejected += 1;
            report.issues.extend(errors);
            return;
        }
        report.account.units += 1;
        self.since_total.add(&values);
        let unit = Unit {
            line: row.line,
            source: Some(0),
            district: district.map(Cow::into_owned),
            name: unit_name.into_owned(),
            values,
            extra: cols
                .extra
                .iter()
                .map(|&c| match row.cells.get(c) {
                    Some(super::Cell::Number(x)) if self.figures_in_extra => figure_text(*x),
                    _ => text_at(&row, Some(c)).into_owned(),
                })
                .collect(),
        };
        self.periods.push(date, unit);
    }

    /// A data row's values and date, its errors (any rejects the row) and
    /// its warnings.
    #[allow(clippy::type_complexity)]
    fn check(
        &mut self,
        row: &RawRow,
        unit_name: &str,
        district: Option<&str>,
    ) -> (
        Values,
        Option<crate::date::Date>,
        Vec<RowIssue>,
        Vec<RowIssue>,
    ) {
        let cols = self.cols;
        let mut errors: Vec<RowIssue> = Vec::new();
        let mut warnings: Vec<RowIssue> = Vec::new();
        push_some(&mut errors, checks::shape(row, cols, unit_name));
        let values = checks::counts(row, cols, &self.styles.counts, &mut errors);
        push_some(
            &mut warnings,
            checks::installs_above_smartphones(row, cols, &values),
        );
        push_some(
            &mut warnings,
            checks::typed_rate(row, cols, &self.styles, &values),
        );
        let date = self.dates.of(row, cols).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        if errors.is_empty() {
            push_some(
                &mut errors,
                self.periods
                    .duplicate(row.line, date, district, unit_name, cols),
            );
        }
        (values, date, errors, warnings)
    }
}

/// Push a check's finding, if any (`extend` with an `Option` of a large
/// issue cost 5 % of a row's reading in the WASM).
fn push_some(v: &mut Vec<RowIssue>, issue: Option<RowIssue>) {
    if let Some(i) = issue {
        v.push(i);
    }
}

fn non_empty(s: Cow<'_, str>) -> Option<Cow<'_, str>> {
    (!s.is_empty()).then_some(s)
}
