//! The table of units as the page shows it: which columns, their headers,
//! each cell's text, the district group rows, the totals row, and the
//! visible rows as HTML (one `innerHTML` per scroll step instead of
//! thousands of reactive cells). The component only keeps the sort, the
//! filter, the folds and the scroll position. (The exported table is
//! [`crate::export::table`]: same figures, spreadsheet cells.)

use crate::export::table::lower_first;
use crate::format;
use crate::html::escape_into;
use crate::model::Indicator;
use crate::stats::{DistrictStats, ScanClass, SortKey, Summary, UnitStats};
use crate::text::fold;
use crate::Lang;

/// One column: what it shows, and whether it is a number (right-aligned).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Col {
    pub key: SortKey,
    pub numeric: bool,
}

/// A display row: a district's group row or a unit (index into
/// `Summary::units`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Row {
    Group(usize),
    Unit(usize),
}

/// The columns the summary has data for.
pub fn columns(s: &Summary) -> Vec<Col> {
    let col = |key, numeric| Col { key, numeric };
    let mut cols = vec![col(SortKey::File, true)];
    if s.district_count.is_some() {
        cols.push(col(SortKey::District, false));
    }
    cols.push(col(SortKey::Name, false));
    for i in Indicator::ALL {
        if s.units.iter().any(|u| u.get(i).is_some()) {
            cols.push(col(SortKey::Value(i), true));
        }
    }
    if s.units.iter().any(|u| u.rate.is_some()) {
        cols.push(col(SortKey::Rate, true));
    }
    if s.units.iter().any(|u| u.scans_per_location.is_some()) {
        cols.push(col(SortKey::ScansPerLocation, true));
    }
    if s.units.iter().any(|u| u.rank.is_some()) {
        cols.push(col(SortKey::Share, true));
        cols.push(col(SortKey::Rank, true));
    }
    if s.has_previous() {
        for i in [Indicator::Locations, Indicator::Scans, Indicator::Installs] {
            if s.units.iter().any(|u| u.delta.get(i).is_some()) {
                cols.push(col(SortKey::Delta(i), true));
            }
        }
    }
    cols
}

/// A column's header.
pub fn header(key: SortKey, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let t = |v: &str, e: &str| if vi { v } else { e }.to_string();
    match key {
        SortKey::File => t("STT", "No."),
        SortKey::District => t("Huyện", "District"),
        SortKey::Name => t("Đơn vị", "Unit"),
        SortKey::Value(i) => i.label(lang).into(),
        SortKey::Rate => t("Tỷ lệ cài đặt", "Install rate"),
        SortKey::ScansPerLocation => t("Lượt quét / địa điểm", "Scans per location"),
        SortKey::Share => t("Tỷ trọng lượt quét", "Share of scans"),
        SortKey::Rank => t("Xếp hạng", "Rank"),
        SortKey::Delta(i) => format!(
            "{} {}",
            if vi { "Tăng/giảm" } else { "Change in" },
            lower_first(i.label(lang))
        ),
    }
}

/// A unit's cell; `pos` is its 1-based place in the file.
pub fn cell(u: &UnitStats, pos: usize, key: SortKey, s: &Summary) -> String {
    let pct = |v: Option<i64>| {
        v.map(|v| format::percent_scaled(v, s.decimals))
            .unwrap_or_default()
    };
    match key {
        SortKey::File => pos.to_string(),
        SortKey::District => u.district.clone().unwrap_or_default(),
        SortKey::Name => u.name.clone(),
        SortKey::Value(i) => u.get(i).map(format::int).unwrap_or_default(),
        SortKey::Rate => pct(u.rate),
        SortKey::ScansPerLocation => u
            .scans_per_location
            .map(|x| format::decimal(x, 1))
            .unwrap_or_default(),
        SortKey::Share => pct(u.share_scans),
        SortKey::Rank => match (u.rank, u.prev_rank) {
            (Some(r), Some(p)) if p != r => {
                format!("{r} ({}{})", if p > r { "▲" } else { "▼" }, p.abs_diff(r))
            }
            (Some(r), _) => r.to_string(),
            _ => String::new(),
        },
        SortKey::Delta(i) => u.delta.get(i).map(format::signed).unwrap_or_default(),
    }
}

/// A district group row's cell.
pub fn group_cell(d: &DistrictStats, key: SortKey, s: &Summary, lang: Lang) -> String {
    match key {
        SortKey::District => d.name.clone(),
        SortKey::Name => match lang {
            Lang::Vi => format!("{} đơn vị", d.units),
            Lang::En => format!("{} units", d.units),
        },
        SortKey::Value(i) => d.totals.get(i).map(format::int).unwrap_or_default(),
        SortKey::Rate => d
            .rate
            .map(|v| format::percent_scaled(v, s.decimals))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The totals row's cells.
pub fn footer(s: &Summary, cols: &[Col], lang: Lang) -> Vec<String> {
    let sum = |i| {
        s.units
            .iter()
            .filter_map(|u: &UnitStats| u.get(i))
            .sum::<i64>()
    };
    cols.iter()
        .map(|c| match c.key {
            SortKey::Name => (if lang == Lang::Vi {
                "Tổng cộng"
            } else {
                "Total"
            })
            .to_string(),
            SortKey::Value(i) => s
                .units
                .iter()
                .filter_map(|u| u.get(i))
                .reduce(|a, b| a + b)
                .map(format::int)
                .unwrap_or_default(),
            SortKey::Rate if s.units.iter().any(|u| u.rate.is_some()) => format::percent(
                sum(Indicator::Installs),
                sum(Indicator::Smartphones),
                s.decimals,
            ),
            SortKey::Delta(i) => s.delta.get(i).map(format::signed).unwrap_or_default(),
            _ => String::new(),
        })
        .collect()
}

/// The display rows: the units in `ordered`, or each district's group row
/// followed by its units (none when the group is folded).
pub fn display_rows(
    s: &Summary,
    ordered: &[usize],
    grouped: bool,
    folded: &dyn Fn(usize) -> bool,
) -> Vec<Row> {
    if !grouped {
        return ordered.iter().map(|&i| Row::Unit(i)).collect();
    }
    let keys: Vec<Option<String>> = s
        .units
        .iter()
        .map(|u| u.district.as_deref().map(fold))
        .collect();
    let mut out = Vec::with_capacity(ordered.len() + s.districts.len());
    for (di, d) in s.districts.iter().enumerate() {
        let key = fold(&d.name);
        let mut members = ordered
            .iter()
            .copied()
            .filter(|&i| keys[i].as_deref() == Some(key.as_str()))
            .peekable();
        if members.peek().is_none() {
            continue;
        }
        out.push(Row::Group(di));
        if !folded(di) {
            out.extend(members.map(Row::Unit));
        }
    }
    out
}

/// `<td>` with the number class when numeric.
fn td(o: &mut String, numeric: bool, text: &str) {
    o.push_str(if numeric {
        "<td class=\"tb-num\">"
    } else {
        "<td>"
    });
    escape_into(o, text);
    o.push_str("</td>");
}

/// A spacer row standing for `rows` rows out of view.
fn spacer(o: &mut String, ncols: usize, rows: usize, row_px: f64) {
    crate::html::spacer_row(o, ncols, rows, row_px);
}

/// The body's HTML for the rows `range` of `rows`, with spacer rows for
/// those above and below (each `row_px` high). A group row's first cell is
/// a fold button carrying `data-fold="<district index>"`; the component
/// listens for its clicks.
pub fn body_html(
    s: &Summary,
    cols: &[Col],
    rows: &[Row],
    range: std::ops::Range<usize>,
    row_px: f64,
    folded: &dyn Fn(usize) -> bool,
    lang: Lang,
) -> String {
    let (a, b) = (range.start.min(rows.len()), range.end.min(rows.len()));
    let mut o = String::with_capacity(200 * (b - a) + 200);
    if a > 0 {
        spacer(&mut o, cols.len(), a, row_px);
    }
    for r in &rows[a..b] {
        match *r {
            Row::Unit(i) => {
                let Some(u) = s.units.get(i) else { continue };
                o.push_str(match u.class {
                    ScanClass::High => "<tr class=\"tb-row-high\">",
                    ScanClass::Low => "<tr class=\"tb-row-low\">",
                    _ => "<tr>",
                });
                for c in cols {
                    td(&mut o, c.numeric, &cell(u, i + 1, c.key, s));
                }
            }
            Row::Group(di) => {
                let Some(d) = s.districts.get(di) else {
                    continue;
                };
                let open = !folded(di);
                o.push_str("<tr class=\"tb-group\">");
                for c in cols {
                    if c.key == SortKey::File {
                        o.push_str(&format!(
                            "<td><button type=\"button\" class=\"tb-fold\" data-fold=\"{di}\" aria-expanded=\"{open}\" aria-label=\"{} ",
                            if open { "−" } else { "+" }
                        ));
                        escape_into(&mut o, &d.name);
                        o.push_str("\">");
                        o.push_str(if open { "▾" } else { "▸" });
                        o.push_str("</button></td>");
                    } else {
                        td(&mut o, c.numeric, &group_cell(d, c.key, s, lang));
                    }
                }
            }
        }
        o.push_str("</tr>");
    }
    if b < rows.len() {
        spacer(&mut o, cols.len(), rows.len() - b, row_px);
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary(csv: &str) -> Summary {
        let d = crate::ingest::read(csv.as_bytes(), "t.csv").unwrap();
        crate::stats::summarize(&d, &Default::default(), &Default::default())
    }

    #[test]
    fn the_seed_table() {
        let d = crate::ingest::read(crate::SAMPLE_CSV.as_bytes(), crate::SAMPLE_NAME).unwrap();
        let s = crate::stats::summarize(&d, &crate::letter::sample_manual(), &Default::default());
        let cols = columns(&s);
        assert_eq!(cols[0].key, SortKey::File);
        assert!(cols
            .iter()
            .any(|c| c.key == SortKey::Value(Indicator::Scans)));
        let rows = display_rows(&s, &(0..s.units.len()).collect::<Vec<_>>(), false, &|_| {
            false
        });
        let h = body_html(&s, &cols, &rows, 0..rows.len(), 30.0, &|_| false, Lang::Vi);
        assert_eq!(h.matches("<tr").count(), 12);
        assert!(!h.contains("tb-spacer"));
        let foot = footer(&s, &cols, Lang::Vi);
        let scans = cols
            .iter()
            .position(|c| c.key == SortKey::Value(Indicator::Scans))
            .unwrap();
        assert_eq!(foot[scans], "4.336");
        assert_eq!(
            header(SortKey::Delta(Indicator::Scans), Lang::Vi),
            "Tăng/giảm lượt quét QR"
        );
    }

    #[test]
    fn groups_fold_and_windows_have_spacers() {
        let s = summary("Huyện,Xã,Lượt quét\nA,X1,5\nB,Y1,7\nA,X2,9\n");
        let all: Vec<usize> = (0..3).collect();
        let rows = display_rows(&s, &all, true, &|_| false);
        assert_eq!(
            rows,
            [
                Row::Group(0),
                Row::Unit(0),
                Row::Unit(2),
                Row::Group(1),
                Row::Unit(1)
            ]
        );
        let folded = display_rows(&s, &all, true, &|d| d == 0);
        assert_eq!(folded, [Row::Group(0), Row::Group(1), Row::Unit(1)]);
        let cols = columns(&s);
        let h = body_html(&s, &cols, &rows, 1..3, 30.0, &|_| false, Lang::Vi);
        assert!(h.starts_with("<tr class=\"tb-spacer\""));
        assert!(h.contains("height:30px") && h.contains("height:60px"));
        let g = body_html(&s, &cols, &rows, 0..1, 30.0, &|_| false, Lang::Vi);
        assert!(g.contains("data-fold=\"0\"") && g.contains("aria-expanded=\"true\""));
    }

    #[test]
    fn names_stay_text() {
        let s = summary("Xã,Lượt quét\n<img src=x onerror=alert(1)>,5\n");
        let cols = columns(&s);
        let h = body_html(&s, &cols, &[Row::Unit(0)], 0..1, 30.0, &|_| false, Lang::Vi);
        assert!(!h.contains("<img") && h.contains("&lt;img"));
    }
}
