//! A report definition's table for CSV and .xlsx: the appendix's columns,
//! with real numbers (exact figures rounded once to their decimals) where
//! the appendix prints text.

use super::table::TableCell;
use crate::engine::{Computed, Figure, Val};
use crate::letter::report::diff_text;
use crate::letter::Profile;
use crate::spec::ReportSpec;

fn number(f: &Figure, v: Val) -> TableCell {
    let r = v.rounded(f.decimals);
    let x = r as f64 / 10f64.powi(i32::from(f.decimals));
    match (f.percent, f.decimals) {
        (true, _) => TableCell::Percent(x / 100.0),
        (false, 0) => TableCell::Int(r),
        (false, _) => TableCell::Decimal(x),
    }
}

/// Header, one row per unit, the total row.
pub fn report_table(c: &Computed, spec: &ReportSpec, p: &Profile) -> Vec<Vec<TableCell>> {
    let cols: Vec<(Option<usize>, bool)> = spec
        .appendix
        .iter()
        .map(|col| match col.strip_suffix(".diff") {
            Some(id) => (c.index(id), true),
            None => (c.index(col), false),
        })
        .collect();
    let mut header = vec![TableCell::Text("STT".into())];
    if c.grouped {
        header.push(TableCell::Text(p.district_label.clone()));
    }
    header.push(TableCell::Text(p.unit_label.clone()));
    for (col, (k, diff)) in spec.appendix.iter().zip(&cols) {
        let name = p
            .column_label(col)
            .map(str::to_string)
            .unwrap_or_else(|| match k {
                Some(k) if *diff => format!("{} (thay đổi)", c.figures[*k].name),
                Some(k) => c.figures[*k].name.clone(),
                None => col.clone(),
            });
        header.push(TableCell::Text(name));
    }
    let cell = |k: Option<usize>, diff: bool, v: Option<Val>, band: String| -> TableCell {
        let Some(k) = k else {
            return if band.is_empty() {
                TableCell::Empty
            } else {
                TableCell::Text(band)
            };
        };
        let f = &c.figures[k];
        match v {
            None => TableCell::Empty,
            Some(d) if diff && f.rank => TableCell::Text(diff_text(p, f, d)),
            Some(v) => number(f, v),
        }
    };
    let band_of = |i: usize| -> String {
        let Some(b) = &spec.bands else {
            return String::new();
        };
        c.band_of[i]
            .and_then(|j| b.classes.get(j))
            .and_then(|id| spec.class(id))
            .map(|d| d.name.clone())
            .unwrap_or_default()
    };
    let mut rows = vec![header];
    for (i, u) in c.current.units.iter().enumerate() {
        let mut r = vec![TableCell::Int(i as i64 + 1)];
        if c.grouped {
            r.push(TableCell::Text(u.group.clone().unwrap_or_default()));
        }
        r.push(TableCell::Text(u.name.clone()));
        for &(k, diff) in &cols {
            let v = k.and_then(|k| {
                if diff {
                    c.unit_changes[i][k]
                } else {
                    u.vals[k]
                }
            });
            r.push(cell(k, diff, v, band_of(i)));
        }
        rows.push(r);
    }
    let mut total = vec![TableCell::Empty];
    if c.grouped {
        total.push(TableCell::Empty);
    }
    total.push(TableCell::Text(if p.total_label.is_empty() {
        "Tổng cộng".into()
    } else {
        p.total_label.clone()
    }));
    for &(k, diff) in &cols {
        let v = k.and_then(|k| {
            if diff {
                c.changes[k]
            } else {
                c.current.totals[k]
            }
        });
        total.push(cell(k, diff, v, String::new()));
    }
    rows.push(total);
    rows
}
