//! A report definition's table for CSV and .xlsx: the page table's columns,
//! with real numbers (exact figures rounded once to their decimals) where
//! the appendix prints text.

use super::table::TableCell;
use crate::engine::{Computed, Figure, Val};
use crate::letter::report::{band_name, diff_text, table_columns, total_label, Column};
use crate::letter::Profile;
use crate::spec::ReportSpec;

fn number(f: &Figure, v: Val) -> TableCell {
    let r = v.rounded(f.decimals);
    let x = r as f64 / 10f64.powi(i32::from(f.decimals));
    match (f.percent, f.decimals) {
        // One division, so 21,6 % is 0.216 (not 0.21600000000000003).
        (true, d) => TableCell::Percent(r as f64 / 10f64.powi(i32::from(d) + 2)),
        (false, 0) => TableCell::Int(r),
        (false, _) => TableCell::Decimal(x),
    }
}

/// Header, one row per unit, the total row: the page's table columns
/// (`letter::report::table_columns`).
/// Headers in `lang` where the figures have English names (as the page's
/// table): read back by [`crate::ingest::read`] either way.
pub fn report_table(
    c: &Computed,
    spec: &ReportSpec,
    p: &Profile,
    lang: crate::Lang,
) -> Vec<Vec<TableCell>> {
    let cols = table_columns(c, spec, p, lang);
    let en = lang == crate::Lang::En;
    let mut header = vec![TableCell::Text(if en { "No." } else { "STT" }.into())];
    if c.grouped {
        let d = if en { "District" } else { &p.district_label };
        header.push(TableCell::Text(d.into()));
    }
    header.push(TableCell::Text(
        if en { "Unit" } else { &p.unit_label }.into(),
    ));
    header.extend(cols.iter().map(|col| TableCell::Text(col.label.clone())));
    let cell = |col: &Column, v: Option<Val>| -> TableCell {
        let (Some(k), Some(v)) = (col.figure, v) else {
            return TableCell::Empty;
        };
        let f = &c.figures[k];
        if col.diff && f.rank {
            TableCell::Text(diff_text(p, f, v, c.baseline.as_ref().and_then(|b| b.date)))
        } else {
            number(f, v)
        }
    };
    let mut rows = vec![header];
    for (i, u) in c.current.units.iter().enumerate() {
        let mut r = vec![TableCell::Int(i as i64 + 1)];
        if c.grouped {
            r.push(TableCell::Text(u.group.clone().unwrap_or_default()));
        }
        r.push(TableCell::Text(u.name.clone()));
        for col in &cols {
            r.push(match col.figure {
                Some(_) => cell(col, col.unit_value(c, i)),
                None => match band_name(c, spec, i) {
                    b if b.is_empty() => TableCell::Empty,
                    b => TableCell::Text(b),
                },
            });
        }
        rows.push(r);
    }
    let mut total = vec![TableCell::Empty];
    if c.grouped {
        total.push(TableCell::Empty);
    }
    total.push(TableCell::Text(match en && p.total_label.is_empty() {
        true => "Total".into(),
        false => total_label(p),
    }));
    total.extend(cols.iter().map(|col| cell(col, col.total_value(c))));
    rows.push(total);
    rows
}
