//! HTML fragments core writes for the page, every text escaped: a list of
//! thousands of names is one `innerHTML`, not thousands of reactive nodes
//! (see also [`crate::letter::html`]).

use crate::ingest::{RowIssue, Severity};
pub use crate::office::xml::escape_into;
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

/// A report's table (the letter's appendix) as `<thead>`, `<tbody>` and
/// `<tfoot>` rows, numbers right-aligned (class `tb-num`).
pub fn appendix_table(a: &crate::letter::Appendix) -> String {
    let mut o = String::from("<thead><tr>");
    for c in &a.columns {
        o.push_str("<th scope=\"col\">");
        escape_into(&mut o, c);
        o.push_str("</th>");
    }
    o.push_str("</tr></thead><tbody>");
    let cells = |o: &mut String, r: &[String], tag: &str| {
        o.push_str("<tr>");
        for (k, c) in r.iter().enumerate() {
            let num = a.numeric.get(k).copied().unwrap_or(false);
            el(o, tag, if num { "tb-num" } else { "" }, c);
        }
        o.push_str("</tr>");
    };
    for r in &a.rows {
        cells(&mut o, r, "td");
    }
    o.push_str("</tbody><tfoot>");
    cells(&mut o, &a.total, "td");
    o.push_str("</tfoot>");
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
}
