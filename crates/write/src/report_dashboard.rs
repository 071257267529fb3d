//! A report definition's dashboard as HTML: the unit count (and the group
//! count when units have groups), a card per figure the report shows
//! (`total-<id>`, `delta-<id>`), a list per class with members
//! (`class-<id>`, names as `unit-name`; a class no unit could be judged by
//! lists the members the clerk typed), and the units of the baseline that
//! did not report (`missing-units`). A report may rename a test id
//! (`ReportSpec::hooks`). One `innerHTML` instead of a reactive view per
//! card and list; every text escaped.

use crate::embed::upper_first;
use crate::engine::Computed;
use crate::html::{el, escape_into, list_items};
use crate::spec::ReportSpec;
use crate::Lang;

/// The UI strings it uses, by their id in the page's string table.
pub const LABELS: [&str; 5] = ["units", "districts", "since", "n-units", "missing-units"];

fn card(o: &mut String, label: &str, testid: &str, value: &str) {
    o.push_str("<div class=\"tb-kpi\">");
    el(o, "span", "tb-kpi-label", label);
    o.push_str("<span class=\"tb-kpi-value\" data-testid=\"");
    escape_into(o, testid);
    o.push_str("\">");
    escape_into(o, value);
    o.push_str("</span>");
}

/// The cards (`tb-kpis`) and the class lists (`tb-classes`).
pub fn dashboard(
    c: &Computed,
    spec: &ReportSpec,
    lang: Lang,
    label: &dyn Fn(&str) -> &'static str,
) -> String {
    let en = lang == Lang::En;
    let mut o = String::from("<div class=\"tb-kpis\">");
    card(
        &mut o,
        label("units"),
        "unit-count",
        &crate::format::int(c.current.units.len() as i64),
    );
    o.push_str("</div>");
    if c.grouped {
        card(
            &mut o,
            label("districts"),
            &spec.hook("group-count", || "group-count".into()),
            &crate::format::int(c.group_count() as i64),
        );
        o.push_str("</div>");
    }
    let since = c
        .baseline
        .as_ref()
        .and_then(|b| b.date)
        .map(|d| format!(" {} {}", label("since"), d.dm()))
        .unwrap_or_default();
    for id in &spec.kpis {
        let Some(k) = c.index(id) else { continue };
        let f = &c.figures[k];
        let name = if en && !f.name_en.is_empty() {
            &f.name_en
        } else {
            &f.name
        };
        let value = c.current.totals[k].map_or_else(|| "—".to_string(), |v| f.text(v));
        card(
            &mut o,
            name,
            &spec.hook(id, || format!("total-{id}")),
            &value,
        );
        if let Some(d) = c.changes[k] {
            let arrow = match (d.is_zero(), d.is_negative()) {
                (true, _) => "●",
                (false, true) => "▼",
                (false, false) => "▲",
            };
            o.push_str("<span class=\"tb-delta\"><span aria-hidden=\"true\">");
            o.push_str(arrow);
            o.push_str(" </span><span data-testid=\"delta-");
            escape_into(&mut o, id);
            o.push_str("\">");
            escape_into(&mut o, &f.signed_text(d));
            o.push_str("</span>");
            escape_into(&mut o, &since);
            o.push_str("</span>");
        }
        o.push_str("</div>");
    }
    o.push_str("</div><div class=\"tb-classes\">");
    for d in &spec.classes {
        let Some(cl) = c.class(&d.id) else { continue };
        let names: Vec<&str> = if cl.members.is_empty() {
            cl.typed.iter().map(String::as_str).collect()
        } else {
            cl.members
                .iter()
                .map(|&i| c.current.units[i].name.as_str())
                .collect()
        };
        if names.is_empty() {
            continue;
        }
        let title = if en && !d.name_en.is_empty() {
            &d.name_en
        } else {
            &d.name
        };
        // Typed members were judged by the clerk, not against the units.
        let of = if cl.members.is_empty() {
            String::new()
        } else {
            format!("/{}", cl.judged)
        };
        let heading = format!("{} ({}{of})", upper_first(title), names.len());
        let testid = spec.hook(&d.id, || format!("class-{}", d.id));
        names_list(&mut o, &heading, &testid, &names, label);
    }
    let absent = c.absent();
    if !absent.is_empty() {
        let names: Vec<&str> = absent.iter().map(String::as_str).collect();
        let heading = format!("{} ({})", label("missing-units"), names.len());
        names_list(&mut o, &heading, "missing-units", &names, label);
    }
    o.push_str("</div>");
    o
}

/// A heading and its names, folded when there are more than 25.
fn names_list(
    o: &mut String,
    heading: &str,
    testid: &str,
    names: &[&str],
    label: &dyn Fn(&str) -> &'static str,
) {
    o.push_str("<div>");
    el(o, "h3", "", heading);
    o.push_str(if names.len() <= 25 {
        "<details class=\"tb-names\" open>"
    } else {
        "<details class=\"tb-names\">"
    });
    el(
        o,
        "summary",
        "",
        &format!("{} {}", names.len(), label("n-units")),
    );
    o.push_str("<ol data-testid=\"");
    escape_into(o, testid);
    o.push_str("\">");
    o.push_str(&list_items(names.iter().copied(), "unit-name"));
    o.push_str("</ol></details></div>");
}
