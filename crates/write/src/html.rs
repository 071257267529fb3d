//! HTML fragments core writes for the page, every text escaped: a list of
//! thousands of names is one `innerHTML`, not thousands of reactive nodes
//! (see also [`crate::letter::html`]).

pub use crate::escape::escape_into;
use crate::ingest::{RowIssue, Severity};
use crate::Lang;

/// `<tag class="cls">text</tag>` (no class attribute when `cls` is empty).
pub fn el(o: &mut String, tag: &str, cls: &str, text: &str) {
    o.push('<');
    o.push_str(tag);
    if !cls.is_empty() {
        o.push_str(" class=\"");
        escape_into(o, cls);
        o.push('"');
    }
    o.push('>');
    escape_into(o, text);
    o.push_str("</");
    o.push_str(tag);
    o.push('>');
}

/// `<li data-testid="…">name</li>` for each name (`testid` empty: none).
pub fn list_items<'a>(names: impl IntoIterator<Item = &'a str>, testid: &str) -> String {
    let mut o = String::new();
    for n in names {
        if testid.is_empty() {
            o.push_str("<li>");
        } else {
            o.push_str("<li data-testid=\"");
            escape_into(&mut o, testid);
            o.push_str("\">");
        }
        escape_into(&mut o, n);
        o.push_str("</li>");
    }
    o
}

/// Row issues (file name, issue) as `<li>` items, at most `limit`; a last
/// item counts the others (they are all in [`crate::export::table::issues_csv`]).
pub fn issue_items(issues: &[(&str, &RowIssue)], lang: Lang, limit: usize) -> String {
    let mut o = String::with_capacity(160 * issues.len().min(limit));
    for (file, i) in issues.iter().take(limit) {
        o.push_str(match i.severity {
            Severity::Error => "<li class=\"tb-issue-error\"",
            Severity::Warning => "<li class=\"tb-issue-warning\"",
        });
        o.push_str(&format!(
            " data-testid=\"row-issue\" data-line=\"{}\">",
            i.line
        ));
        el(&mut o, "span", "tb-issue-file", &format!("{file} — "));
        escape_into(&mut o, &i.message(lang));
        o.push_str("</li>");
    }
    if issues.len() > limit {
        let more = crate::format::int((issues.len() - limit) as i64);
        let text = match lang {
            Lang::Vi => format!("… và {more} dòng khác: tải danh sách đầy đủ (CSV) để xem hết."),
            Lang::En => {
                format!("… and {more} more rows: download the full list (CSV) to see them all.")
            }
        };
        el(&mut o, "li", "tb-issue-more", &text);
    }
    o
}

/// A row of the page's table: a unit (index into the appendix's rows) or
/// a group's row (index into its groups).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Row {
    Unit(usize),
    Group(usize),
}

/// The rows the page's table shows: the units in `order`, or, `grouped`,
/// each group's row followed by its units in `order` (none when the group
/// is `folded`); a group with none of its units in `order` is left out.
pub fn display_rows(
    order: &[usize],
    group_of: &[usize],
    groups: usize,
    grouped: bool,
    folded: &dyn Fn(usize) -> bool,
) -> Vec<Row> {
    if !grouped || groups == 0 {
        return order.iter().map(|&i| Row::Unit(i)).collect();
    }
    let mut by: Vec<Vec<usize>> = vec![Vec::new(); groups];
    for &i in order {
        if let Some(g) = group_of.get(i).and_then(|&g| by.get_mut(g)) {
            g.push(i);
        }
    }
    let mut out = Vec::with_capacity(order.len() + groups);
    for (g, units) in by.into_iter().enumerate() {
        if units.is_empty() {
            continue;
        }
        out.push(Row::Group(g));
        if !folded(g) {
            out.extend(units.into_iter().map(Row::Unit));
        }
    }
    out
}

/// A report's table (laid out as the letter's appendix: `a`'s headers and
/// total; a unit's cells from `unit_row`) as `<thead>`, `<tbody>` and
/// `<tfoot>` rows, numbers right-aligned (class `tb-num`). The body is
/// `rows` (the page's sort, filter and groups: see [`display_rows`]), of
/// which only the rows `range` are written, with
/// spacer rows of `row_px` per row left out above and below, so a table of
/// 10.600 communes puts a screenful in the page (all of it took 2 s of
/// layout). A group's row (`groups`: its cells) starts with a fold button
/// (`data-fold`: the group, `aria-expanded` unless `folded`). With `sort`
/// (column, descending), each header is a button (`data-sort`: its
/// column) and the sorted one has its `aria-sort`.
#[allow(clippy::too_many_arguments)]
pub fn appendix_table(
    a: &crate::letter::Appendix,
    rows: &[Row],
    unit_row: &dyn Fn(usize) -> Vec<String>,
    groups: &[Vec<String>],
    range: std::ops::Range<usize>,
    row_px: f64,
    sort: Option<(usize, bool)>,
    folded: &dyn Fn(usize) -> bool,
) -> String {
    let mut o = String::from("<thead><tr>");
    for (k, c) in a.columns.iter().enumerate() {
        let Some((col, desc)) = sort else {
            o.push_str("<th scope=\"col\">");
            escape_into(&mut o, c);
            o.push_str("</th>");
            continue;
        };
        let (aria, arrow) = match (col == k, desc) {
            (false, _) => ("none", ""),
            (true, false) => ("ascending", " ▲"),
            (true, true) => ("descending", " ▼"),
        };
        let num = a.numeric.get(k).copied().unwrap_or(false);
        o.push_str(&format!(
            "<th scope=\"col\" aria-sort=\"{aria}\"{}><button type=\"button\" class=\"tb-sort\" data-sort=\"{k}\">",
            if num { " class=\"tb-num\"" } else { "" }
        ));
        escape_into(&mut o, c);
        o.push_str(&format!(
            "<span aria-hidden=\"true\">{arrow}</span></button></th>"
        ));
    }
    o.push_str("</tr></thead><tbody>");
    let cells = |o: &mut String, r: &[String], skip: usize| {
        for (k, c) in r.iter().enumerate().skip(skip) {
            let num = a.numeric.get(k).copied().unwrap_or(false);
            el(o, "td", if num { "tb-num" } else { "" }, c);
        }
        o.push_str("</tr>");
    };
    let n = rows.len();
    let (from, to) = (range.start.min(n), range.end.min(n).max(range.start.min(n)));
    if from > 0 {
        spacer_row(&mut o, a.columns.len(), from, row_px);
    }
    for r in &rows[from..to] {
        match *r {
            Row::Unit(i) => {
                o.push_str("<tr>");
                cells(&mut o, &unit_row(i), 0);
            }
            Row::Group(g) => {
                let Some(r) = groups.get(g) else { continue };
                let open = !folded(g);
                o.push_str(&format!(
                    "<tr class=\"tb-group\"><td><button type=\"button\" class=\"tb-fold\" data-fold=\"{g}\" aria-expanded=\"{open}\" aria-label=\"{} ",
                    if open { "−" } else { "+" }
                ));
                escape_into(&mut o, r.get(1).map_or("", String::as_str));
                o.push_str("\">");
                o.push_str(if open { "▾" } else { "▸" });
                o.push_str("</button></td>");
                cells(&mut o, r, 1);
            }
        }
    }
    if to < n {
        spacer_row(&mut o, a.columns.len(), n - to, row_px);
    }
    o.push_str("</tbody><tfoot><tr>");
    cells(&mut o, &a.total, 0);
    o.push_str("</tfoot>");
    o
}

/// A row standing for `rows` rows of `row_px` each that are not written
/// (the tables render only what is in view).
pub fn spacer_row(o: &mut String, ncols: usize, rows: usize, row_px: f64) {
    o.push_str(&format!(
        "<tr class=\"tb-spacer\" aria-hidden=\"true\"><td colspan=\"{ncols}\" style=\"height:{}px\"></td></tr>",
        (rows as f64 * row_px).round() as i64
    ));
}

/// The rows of a table of `n` rows `row_px` high to write when it is
/// scrolled to `scroll_top` with `viewport` px in view: the visible ones
/// and `overscan` more on each side; all of them below `all_below` rows.
pub fn visible_rows(
    n: usize,
    scroll_top: f64,
    viewport: f64,
    row_px: f64,
    overscan: usize,
    all_below: usize,
) -> std::ops::Range<usize> {
    if n < all_below || row_px <= 0.0 {
        return 0..n;
    }
    let first = ((scroll_top.max(0.0) / row_px) as usize).saturating_sub(overscan);
    let count = (viewport.max(0.0) / row_px) as usize + 2 * overscan;
    first.min(n)..(first + count).min(n)
}

/// The rows of the kept periods' table (`history-entry`): date, area,
/// units, scans ("—" for a week without them), and the buttons to use one as the previous report
/// (`data-use="i"`) or delete it (`data-delete="i"`), `i` its index in
/// `snaps`, so the page has one listener for the table.
pub fn history_rows(
    snaps: &[crate::history::Snapshot],
    use_label: &str,
    delete_label: &str,
) -> String {
    let mut o = String::with_capacity(400 * snaps.len());
    for (i, s) in snaps.iter().enumerate() {
        o.push_str("<tr data-testid=\"history-entry\">");
        el(&mut o, "td", "", &s.date.dmy());
        el(&mut o, "td", "", &s.area);
        el(&mut o, "td", "tb-num", &s.period.units.len().to_string());
        // A report definition's week has no scans: a dash, not a 0.
        let has = |u: &crate::model::Unit| u.values.get(crate::model::Indicator::Scans).is_some();
        let scans = match s.period.units.iter().any(has) {
            true => crate::format::int(s.total(crate::model::Indicator::Scans)),
            false => "—".to_string(),
        };
        el(&mut o, "td", "tb-num", &scans);
        o.push_str(&format!(
            "<td><button type=\"button\" class=\"tb-secondary tb-small\" data-testid=\"history-use\" data-use=\"{i}\">"
        ));
        escape_into(&mut o, use_label);
        o.push_str(&format!(
            "</button> <button type=\"button\" class=\"tb-secondary tb-small\" data-testid=\"history-delete\" data-delete=\"{i}\">"
        ));
        escape_into(&mut o, delete_label);
        o.push_str("</button></td></tr>");
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issues_are_listed_up_to_a_limit() {
        let d = crate::ingest::read(
            "Xã,Lượt quét\nA,-5\nB,x\nC,<b>\nD,7\n".as_bytes(),
            "f<1>.csv",
        )
        .unwrap();
        let s = &d.sources[0];
        let items: Vec<(&str, &RowIssue)> =
            s.issues.iter().map(|i| (s.file_name.as_str(), i)).collect();
        assert_eq!(items.len(), 3);
        let h = issue_items(&items, Lang::Vi, 2);
        assert_eq!(h.matches("data-testid=\"row-issue\"").count(), 2);
        assert!(h.contains("data-line=\"2\"") && h.contains("f&lt;1&gt;.csv — "));
        assert!(h.contains("… và 1 dòng khác"));
        let all = issue_items(&items, Lang::En, 10);
        assert!(all.contains("&lt;b&gt;") && !all.contains("tb-issue-more"));
    }

    #[test]
    fn items_are_escaped() {
        let h = list_items(["Xã Sơn Hà", "<b>&\"x\""], "unit-name");
        assert_eq!(
            h,
            "<li data-testid=\"unit-name\">Xã Sơn Hà</li><li data-testid=\"unit-name\">&lt;b&gt;&amp;&quot;x&quot;</li>"
        );
        assert_eq!(list_items(["a"], ""), "<li>a</li>");
    }

    #[test]
    fn a_long_appendix_writes_only_the_rows_in_view() {
        let a = crate::letter::Appendix {
            heading: String::new(),
            title: String::new(),
            note: String::new(),
            columns: vec!["STT".into(), "Đơn vị".into()],
            numeric: vec![true, false],
            rows: (1..=1000)
                .map(|i| vec![i.to_string(), format!("Xã {i}")])
                .collect(),
            total: vec![String::new(), "Tổng cộng".into()],
        };
        let r = visible_rows(1000, 3000.0, 600.0, 30.0, 20, 300);
        assert_eq!(r, 80..140);
        let all_rows: Vec<Row> = (0..1000).map(Row::Unit).collect();
        let open = |_| false;
        let row = |i: usize| a.rows.get(i).cloned().unwrap_or_default();
        let t = appendix_table(&a, &all_rows, &row, &[], r, 30.0, None, &open);
        assert!(
            t.contains("height:2400px") && t.contains("height:25800px"),
            "{t}"
        );
        assert!(t.contains("<td>Xã 81</td>") && t.contains("<td>Xã 140</td>"));
        assert!(!t.contains("<td>Xã 80</td>") && !t.contains("<td>Xã 141</td>"));
        assert_eq!(t.matches("<tr>").count(), 1 + 60 + 1, "header, rows, total");
        // Short tables, and a range past the end, write every row there is.
        assert_eq!(visible_rows(46, 900.0, 600.0, 30.0, 20, 300), 0..46);
        let all = appendix_table(&a, &all_rows, &row, &[], 0..5000, 30.0, None, &open);
        assert!(all.contains("<td>Xã 1000</td>") && !all.contains("tb-spacer"));
        assert!(
            !appendix_table(&a, &all_rows, &row, &[], 990..2000, 30.0, None, &open)
                .contains("Xã 989<")
        );
        // In the page's order, with sort buttons: the rows as ordered, the
        // sorted column's aria-sort.
        let rows = [Row::Unit(2), Row::Unit(0)];
        let t = appendix_table(&a, &rows, &row, &[], 0..10, 30.0, Some((1, true)), &open);
        assert!(t.find("<td>Xã 3</td>") < t.find("<td>Xã 1</td>"), "{t}");
        assert!(!t.contains("<td>Xã 2</td>"));
        assert!(t.contains("aria-sort=\"descending\"><button type=\"button\" class=\"tb-sort\" data-sort=\"1\">Đơn vị"));
        assert!(t.contains("aria-sort=\"none\" class=\"tb-num\"><button type=\"button\" class=\"tb-sort\" data-sort=\"0\">STT"));
    }

    #[test]
    fn groups_fold_and_keep_the_order_within() {
        // Units 0 and 2 in group 0, unit 1 in group 1, unit 3 in group 2.
        let group_of = [0, 1, 0, 2];
        let order = [2, 1, 0];
        let open = |_| false;
        assert_eq!(
            display_rows(&order, &group_of, 3, true, &open),
            [
                Row::Group(0),
                Row::Unit(2),
                Row::Unit(0),
                Row::Group(1),
                Row::Unit(1)
            ],
            "in the order given, a group without units in it left out"
        );
        let folded = |g| g == 0;
        assert_eq!(
            display_rows(&order, &group_of, 3, true, &folded),
            [Row::Group(0), Row::Group(1), Row::Unit(1)]
        );
        assert_eq!(
            display_rows(&order, &group_of, 3, false, &open),
            [Row::Unit(2), Row::Unit(1), Row::Unit(0)]
        );
        let a = crate::letter::Appendix {
            heading: String::new(),
            title: String::new(),
            note: String::new(),
            columns: vec!["STT".into(), "Huyện".into(), "Xã".into(), "Số".into()],
            numeric: vec![true, false, false, true],
            rows: vec![vec!["1".into(), "H <1>".into(), "Xã A".into(), "5".into()]],
            total: vec![String::new(), String::new(), "Tổng cộng".into(), "5".into()],
        };
        let groups = [vec![
            String::new(),
            "H <1>".into(),
            "1 đơn vị".into(),
            "5".into(),
        ]];
        let row = |i: usize| a.rows.get(i).cloned().unwrap_or_default();
        let t = appendix_table(
            &a,
            &[Row::Group(0), Row::Unit(0)],
            &row,
            &groups,
            0..9,
            30.0,
            None,
            &folded,
        );
        assert!(t.contains("<tr class=\"tb-group\"><td><button type=\"button\" class=\"tb-fold\" data-fold=\"0\" aria-expanded=\"false\" aria-label=\"+ H &lt;1&gt;\">▸</button></td><td>H &lt;1&gt;</td><td>1 đơn vị</td><td class=\"tb-num\">5</td></tr><tr><td class=\"tb-num\">1</td>"), "{t}");
    }

    #[test]
    fn kept_periods_are_rows_with_their_index_on_the_buttons() {
        let csv = "Ngày,Xã,Địa điểm,Lượt quét\n05/11/2021,Xã <A>,1,1200\n12/11/2021,Xã <A>,1,5\n";
        let d = crate::ingest::read(csv.as_bytes(), "t.csv").expect("reads");
        let snaps = crate::history::snapshots(&d, "huyện Quan Sơn");
        let rows = history_rows(&snaps, "Dùng", "Xóa");
        assert_eq!(rows.matches("data-testid=\"history-entry\"").count(), 2);
        assert!(rows.contains("<td>05/11/2021</td><td>huyện Quan Sơn</td><td class=\"tb-num\">1</td><td class=\"tb-num\">1.200</td>"));
        assert!(rows.contains("data-use=\"1\">Dùng</button> "));
        assert!(rows.contains("data-delete=\"0\">Xóa</button>"));
        // A week with no scan column has no scans, not 0 of them.
        let csv = "Ngày,Xã,Địa điểm\n05/11/2021,Xã A,1\n";
        let d = crate::ingest::read(csv.as_bytes(), "t.csv").expect("reads");
        let rows = history_rows(&crate::history::snapshots(&d, "x"), "", "");
        assert!(
            rows.contains("<td class=\"tb-num\">1</td><td class=\"tb-num\">—</td>"),
            "{rows}"
        );
    }
}
