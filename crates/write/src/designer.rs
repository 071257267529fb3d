//! The report designer's form as HTML: the group column's words, the word
//! for a unit, and a row per indicator, measure and class. Each field
//! names what it edits in `data-edit` ([`ReportSpec::apply_edit`]) and
//! each button what it does in `data-act` ([`ReportSpec::apply_action`]),
//! so the page needs one listener for the whole form and no reactive view
//! per field (the form as Leptos views cost 10 KB brotli of the site,
//! ARCHITECTURE.md, "Size"). Every text is escaped.

use crate::escape::escape_into;
use crate::spec::{typed_number, Formula, ReportSpec, FORMULA_KINDS, RULE_KINDS};

/// The UI strings the form uses, by their id in the page's string table
/// (the page's test checks each is one).
pub const LABELS: [&str; 35] = [
    "group-headers",
    "unit-word-report",
    "indicators",
    "measures",
    "classes",
    "id",
    "name",
    "header-words",
    "unit-word",
    "figure-decimals",
    "remove",
    "add-indicator",
    "add-measure",
    "add-class",
    "formula-kind",
    "numerator",
    "denominator",
    "sum-of",
    "of",
    "within-group",
    "rule-kind",
    "value",
    "formula-ratio",
    "formula-sum",
    "formula-rank",
    "formula-quotient",
    "formula-share",
    "rule-at-least",
    "rule-below",
    "rule-between",
    "rule-above-mean",
    "rule-below-mean",
    "rule-below-total",
    "rule-zero",
    "rule-missing",
];

/// The label id of a formula or rule kind.
fn kind_label(kind: &str) -> String {
    format!(
        "{}-{}",
        if FORMULA_KINDS.contains(&kind) {
            "formula"
        } else {
            "rule"
        },
        kind.replace('_', "-")
    )
}

struct Form<'a> {
    out: String,
    label: &'a dyn Fn(&str) -> &'static str,
}

impl Form<'_> {
    fn text(&mut self, s: &str) {
        escape_into(&mut self.out, s);
    }

    fn open_field(&mut self, label: &str, class: &str) {
        self.out.push_str("<label class=\"tb-field");
        self.out.push_str(class);
        self.out.push_str("\"><span>");
        let l = (self.label)(label);
        self.text(l);
        self.out.push_str("</span>");
    }

    fn attrs(&mut self, testid: &str, edit: &str) {
        self.out.push_str(" data-testid=\"");
        self.text(testid);
        self.out.push_str("\" data-edit=\"");
        self.text(edit);
        self.out.push('"');
    }

    /// A text input that commits on change.
    fn field(&mut self, label: &str, testid: &str, edit: &str, value: &str) {
        self.open_field(label, "");
        self.out.push_str("<input type=\"text\"");
        self.attrs(testid, edit);
        self.out.push_str(" value=\"");
        self.text(value);
        self.out.push_str("\"></label>");
    }

    /// A `<select>` of `options` (value, text), `chosen` selected.
    fn select(
        &mut self,
        label: &str,
        testid: &str,
        edit: &str,
        options: &[(String, String)],
        chosen: &str,
    ) {
        self.open_field(label, "");
        self.out.push_str("<select");
        self.attrs(testid, edit);
        self.out.push('>');
        for (v, t) in options {
            self.out.push_str("<option value=\"");
            self.text(v);
            self.out.push('"');
            if v == chosen {
                self.out.push_str(" selected");
            }
            self.out.push('>');
            self.text(t);
            self.out.push_str("</option>");
        }
        self.out.push_str("</select></label>");
    }

    fn check(&mut self, label: &str, testid: &str, edit: &str, on: bool) {
        self.out
            .push_str("<label class=\"tb-field tb-check\"><input type=\"checkbox\"");
        self.attrs(testid, edit);
        if on {
            self.out.push_str(" checked");
        }
        self.out.push_str("><span>");
        let l = (self.label)(label);
        self.text(l);
        self.out.push_str("</span></label>");
    }

    fn button(&mut self, label: &str, act: &str, testid: Option<&str>) {
        self.out
            .push_str("<button type=\"button\" class=\"tb-secondary tb-small\" data-act=\"");
        self.text(act);
        self.out.push('"');
        if let Some(t) = testid {
            self.out.push_str(" data-testid=\"");
            self.text(t);
            self.out.push('"');
        }
        self.out.push('>');
        let l = (self.label)(label);
        self.text(l);
        self.out.push_str("</button>");
    }

    fn heading(&mut self, label: &str) {
        self.out.push_str("<h3>");
        let l = (self.label)(label);
        self.text(l);
        self.out.push_str("</h3>");
    }

    fn row(&mut self, testid: &str) {
        self.out
            .push_str("<div class=\"tb-designer-row\" data-testid=\"");
        self.out.push_str(testid);
        self.out.push_str("\">");
    }
}

/// The form for `spec`; `label` gives a UI string by its id (one of
/// [`LABELS`]) in the page's language.
pub fn form(spec: &ReportSpec, label: &dyn Fn(&str) -> &'static str) -> String {
    let mut f = Form {
        out: String::new(),
        label,
    };
    f.out.push_str("<div class=\"tb-designer-row\">");
    f.field(
        "group-headers",
        "designer-group-headers",
        "group_headers",
        &spec.group_headers.join("; "),
    );
    f.field(
        "unit-word-report",
        "designer-unit-word",
        "unit_word",
        &spec.unit_word,
    );
    f.out.push_str("</div>");
    indicators(&mut f, spec);
    measures(&mut f, spec);
    classes(&mut f, spec);
    f.out
}

fn indicators(f: &mut Form, spec: &ReportSpec) {
    f.heading("indicators");
    for (n, i) in spec.indicators.iter().enumerate() {
        f.row("designer-indicator");
        let e = |x: &str| format!("indicator.{n}.{x}");
        let t = |x: &str| format!("indicator-{x}-{n}");
        f.field("id", &t("id"), &e("id"), &i.id);
        f.field("name", &t("name"), &e("name"), &i.name);
        f.field(
            "header-words",
            &t("headers"),
            &e("headers"),
            &i.headers.join("; "),
        );
        f.field("unit-word", &t("unit"), &e("unit"), &i.unit);
        f.field(
            "figure-decimals",
            &t("decimals"),
            &e("decimals"),
            &i.decimals.to_string(),
        );
        f.button("remove", &format!("remove-indicator.{n}"), None);
        f.out.push_str("</div>");
    }
    f.button(
        "add-indicator",
        "add-indicator",
        Some("designer-add-indicator"),
    );
}

/// The figure ids a select offers (indicators, then measures).
fn figure_options(spec: &ReportSpec) -> Vec<(String, String)> {
    spec.indicators
        .iter()
        .map(|i| &i.id)
        .chain(spec.measures.iter().map(|m| &m.id))
        .map(|id| (id.clone(), id.clone()))
        .collect()
}

fn measures(f: &mut Form, spec: &ReportSpec) {
    f.heading("measures");
    let ids = figure_options(spec);
    let kinds: Vec<(String, String)> = FORMULA_KINDS
        .iter()
        .map(|k| (k.to_string(), (f.label)(&kind_label(k)).to_string()))
        .collect();
    for (n, m) in spec.measures.iter().enumerate() {
        f.row("designer-measure");
        let e = |x: &str| format!("measure.{n}.{x}");
        let t = |x: &str| format!("measure-{x}-{n}");
        f.field("id", &t("id"), &e("id"), &m.id);
        f.field("name", &t("name"), &e("name"), &m.name);
        f.select(
            "formula-kind",
            &t("kind"),
            &e("kind"),
            &kinds,
            m.formula.kind(),
        );
        match &m.formula {
            Formula::Ratio { num, den } | Formula::Quotient { num, den } => {
                f.select("numerator", &t("num"), &e("num"), &ids, num);
                f.select("denominator", &t("den"), &e("den"), &ids, den);
            }
            Formula::Share { of } => f.select("of", &t("share-of"), &e("of"), &ids, of),
            Formula::Sum { of } => f.field("sum-of", &t("of"), &e("of"), &of.join("; ")),
            Formula::Rank { of, within_group } => {
                f.select("of", &t("rank-of"), &e("of"), &ids, of);
                f.check(
                    "within-group",
                    &t("within-group"),
                    &e("within_group"),
                    *within_group,
                );
            }
        }
        f.button("remove", &format!("remove-measure.{n}"), None);
        f.out.push_str("</div>");
    }
    f.button("add-measure", "add-measure", Some("designer-add-measure"));
}

fn classes(f: &mut Form, spec: &ReportSpec) {
    f.heading("classes");
    let ids = figure_options(spec);
    let kinds: Vec<(String, String)> = RULE_KINDS
        .iter()
        .map(|k| (k.to_string(), (f.label)(&kind_label(k)).to_string()))
        .collect();
    for (n, c) in spec.classes.iter().enumerate() {
        f.row("designer-class");
        let e = |x: &str| format!("class.{n}.{x}");
        let t = |x: &str| format!("class-{x}-{n}");
        f.field("id", &t("id"), &e("id"), &c.id);
        f.field("name", &t("name"), &e("name"), &c.name);
        f.select("of", &t("of"), &e("of"), &ids, &c.of);
        f.select("rule-kind", &t("rule"), &e("rule"), &kinds, c.rule.kind());
        let value = c.rule.value().map(typed_number).unwrap_or_default();
        f.field("value", &t("value"), &e("value"), &value);
        f.button("remove", &format!("remove-class.{n}"), None);
        f.out.push_str("</div>");
    }
    f.button("add-class", "add-class", Some("designer-add-class"));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::Rule;

    fn de_an_06() -> ReportSpec {
        crate::letter::Profile::from_json(crate::letter::profile::DE_AN_06_JSON)
            .expect("reads")
            .report
            .expect("a definition")
    }

    fn label(id: &str) -> &'static str {
        assert!(LABELS.contains(&id), "{id} is not in LABELS");
        "L"
    }

    /// The `value` (or selected option) of the field whose `data-edit` is
    /// `edit`.
    fn value_of(html: &str, edit: &str) -> String {
        let at = html
            .find(&format!("data-edit=\"{edit}\""))
            .unwrap_or_else(|| panic!("no field {edit}"));
        let rest = &html[at..];
        let end = rest.find("</label>").expect("the field ends");
        let field = &rest[..end];
        let v = match field.find(" selected>") {
            Some(s) => {
                let open = field[..s].rfind("value=\"").expect("an option") + 7;
                &field[open..s - 1]
            }
            None => {
                let open = field.find("value=\"").expect("a value") + 7;
                &field[open..open + field[open..].find('"').expect("closed")]
            }
        };
        v.to_string()
    }

    #[test]
    fn every_field_shows_the_definition_and_an_edit_comes_back_through_its_path() {
        let spec = de_an_06();
        let html = form(&spec, &label);
        assert_eq!(
            value_of(&html, "group_headers"),
            "huyện cũ; khu vực; đơn vị cũ"
        );
        assert_eq!(value_of(&html, "indicator.2.id"), "accounts");
        assert_eq!(value_of(&html, "measure.1.den"), "target");
        assert_eq!(value_of(&html, "measure.1.kind"), "ratio");
        assert_eq!(value_of(&html, "class.0.rule"), "at_least");
        assert_eq!(value_of(&html, "class.0.value"), "100");
        assert_eq!(
            html.matches("data-testid=\"designer-indicator\"").count(),
            4
        );
        assert!(html.contains("data-testid=\"indicator-headers-2\""));
        assert!(html.contains("data-act=\"remove-class.4\""));
        // Each field's value, written back through its path, changes nothing.
        let mut again = spec.clone();
        for path in [
            "group_headers",
            "unit_word",
            "indicator.0.headers",
            "indicator.1.decimals",
            "measure.0.num",
            "class.1.value",
            "class.1.rule",
        ] {
            again.apply_edit(path, &value_of(&html, path));
        }
        assert_eq!(again, spec);
    }

    #[test]
    fn edits_and_actions_change_what_they_name_and_nothing_else() {
        let mut s = de_an_06();
        s.apply_edit("class.1.value", "12,5");
        assert_eq!(s.classes[1].rule, Rule::Below { value: 12.5 });
        s.apply_edit("class.1.value", "abc");
        assert_eq!(
            s.classes[1].rule,
            Rule::Below { value: 12.5 },
            "not a number"
        );
        s.apply_edit("indicator.0.decimals", "9");
        assert_eq!(s.indicators[0].decimals, 0, "more than MAX_DECIMALS");
        s.apply_edit("measure.0.kind", "rank");
        s.apply_edit("measure.0.within_group", "true");
        assert!(matches!(
            s.measures[0].formula,
            Formula::Rank {
                within_group: true,
                ..
            }
        ));
        s.apply_edit("indicator.99.name", "x");
        s.apply_edit("nothing", "x");
        s.apply_action("remove-indicator.99");
        assert_eq!(s.indicators.len(), 4);
        s.apply_action("add-class");
        assert_eq!(s.classes.last().map(|c| c.id.as_str()), Some("nhom_6"));
        s.apply_action("remove-class.0");
        assert_eq!(s.classes[0].id, "below50");
        let html = form(&s, &label);
        assert!(html.contains(
            "data-testid=\"measure-within-group-0\" data-edit=\"measure.0.within_group\" checked"
        ));
    }

    #[test]
    fn texts_are_escaped() {
        let mut s = de_an_06();
        s.apply_edit("indicator.0.name", "<b>\"x\" & y</b>");
        let html = form(&s, &label);
        assert!(html.contains("value=\"&lt;b&gt;&quot;x&quot; &amp; y&lt;/b&gt;\""));
        assert!(!html.contains("<b>"));
    }
}
