//! What the report designer changes, on plain types: the kinds of rules
//! and formulas it offers, switching a rule or formula to another kind
//! with what can be kept, and numbers as a clerk types them ("10,5"). The
//! page only renders these (components hold no logic of their own).

use super::{Formula, ReportSpec, Rule};

/// The rule kinds the designer offers, in its order.
pub const RULE_KINDS: [&str; 8] = [
    "at_least",
    "below",
    "between",
    "above_mean",
    "below_mean",
    "below_total",
    "zero",
    "missing",
];

/// The formula kinds the designer offers.
pub const FORMULA_KINDS: [&str; 5] = ["ratio", "sum", "rank", "quotient", "share"];

impl Rule {
    /// The rule's kind, as its JSON names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Rule::AtLeast { .. } => "at_least",
            Rule::Below { .. } => "below",
            Rule::Between { .. } => "between",
            Rule::AboveMean { .. } => "above_mean",
            Rule::BelowMean { .. } => "below_mean",
            Rule::BelowTotal { .. } => "below_total",
            Rule::Zero => "zero",
            Rule::Missing => "missing",
        }
    }

    /// Its threshold (a band's lower bound); none for zero and missing.
    pub fn value(&self) -> Option<f64> {
        match self {
            Rule::AtLeast { value } | Rule::Below { value } => Some(*value),
            Rule::Between { min, .. } => Some(*min),
            Rule::AboveMean { percent }
            | Rule::BelowMean { percent }
            | Rule::BelowTotal { percent } => Some(*percent),
            Rule::Zero | Rule::Missing => None,
        }
    }

    /// A rule of `kind` (one of [`RULE_KINDS`]; anything else is
    /// "at least") with this threshold.
    pub fn of_kind(kind: &str, value: f64) -> Rule {
        match kind {
            "below" => Rule::Below { value },
            "between" => Rule::Between {
                min: value,
                max: None,
            },
            "above_mean" => Rule::AboveMean { percent: value },
            "below_mean" => Rule::BelowMean { percent: value },
            "below_total" => Rule::BelowTotal { percent: value },
            "zero" => Rule::Zero,
            "missing" => Rule::Missing,
            _ => Rule::AtLeast { value },
        }
    }

    /// The same rule with another threshold (a band keeps its upper bound).
    pub fn with_value(&self, value: f64) -> Rule {
        match self {
            Rule::Between { max, .. } => Rule::Between {
                min: value,
                max: *max,
            },
            Rule::Zero | Rule::Missing => self.clone(),
            other => Rule::of_kind(other.kind(), value),
        }
    }
}

impl Formula {
    /// The formula's kind, as its JSON names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Formula::Ratio { .. } => "ratio",
            Formula::Sum { .. } => "sum",
            Formula::Rank { .. } => "rank",
            Formula::Quotient { .. } => "quotient",
            Formula::Share { .. } => "share",
        }
    }

    /// The figures it reads, in order.
    pub fn figures(&self) -> Vec<String> {
        match self {
            Formula::Ratio { num, den } | Formula::Quotient { num, den } => {
                vec![num.clone(), den.clone()]
            }
            Formula::Sum { of } => of.clone(),
            Formula::Rank { of, .. } | Formula::Share { of } => vec![of.clone()],
        }
    }

    /// A formula of `kind` (one of [`FORMULA_KINDS`]; anything else is a
    /// ratio) over the figures this one reads, `fallback` where it has too
    /// few: a ratio's two figures become a sum's terms, a sum's first the
    /// figure ranked.
    pub fn to_kind(&self, kind: &str, fallback: &str) -> Formula {
        let f = self.figures();
        let at = |i: usize| {
            f.get(i)
                .or(f.first())
                .cloned()
                .unwrap_or_else(|| fallback.to_string())
        };
        match kind {
            "sum" => Formula::Sum {
                of: if f.is_empty() { vec![at(0)] } else { f.clone() },
            },
            "rank" => Formula::Rank {
                of: at(0),
                within_group: false,
            },
            "share" => Formula::Share { of: at(0) },
            "quotient" => Formula::Quotient {
                num: at(0),
                den: at(1),
            },
            _ => Formula::Ratio {
                num: at(0),
                den: at(1),
            },
        }
    }
}

/// The name a new measure of `kind` gets in the designer: "Tỷ lệ 2 (%)",
/// "Tổng 2", "Xếp hạng 2".
pub fn default_measure_name(kind: &str, n: usize) -> String {
    match kind {
        "sum" => format!("Tổng {n}"),
        "rank" => format!("Xếp hạng {n}"),
        "quotient" => format!("Bình quân {n}"),
        "share" => format!("Tỷ trọng {n} (%)"),
        _ => format!("Tỷ lệ {n} (%)"),
    }
}

impl ReportSpec {
    /// A new ratio of the first two indicators (the first over itself when
    /// there is one), shown as a card and an appendix column.
    pub fn add_ratio(&mut self) {
        let first = self
            .indicators
            .first()
            .map(|i| i.id.clone())
            .unwrap_or_default();
        let second = self
            .indicators
            .get(1)
            .map(|i| i.id.clone())
            .unwrap_or_else(|| first.clone());
        let mut k = self.measures.len() + 1;
        let taken = |s: &ReportSpec, id: &str| {
            s.indicator(id).is_some() || s.measure(id).is_some() || s.class(id).is_some()
        };
        while taken(self, &format!("ty_le_{k}")) {
            k += 1;
        }
        let id = format!("ty_le_{k}");
        self.kpis.push(id.clone());
        self.appendix.push(id.clone());
        self.measures.push(super::MeasureDef {
            id,
            name: default_measure_name("ratio", k),
            name_en: String::new(),
            formula: Formula::Ratio {
                num: first,
                den: second,
            },
            decimals: 1,
            unit: String::new(),
        });
    }

    /// Measure `n` computed another way (one of [`FORMULA_KINDS`]), over
    /// the figures it read (the first indicator where it read too few).
    /// Its decimals follow the kind: none for a rank, one for a ratio, for
    /// a sum the most any of its terms prints.
    pub fn set_formula_kind(&mut self, n: usize, kind: &str) {
        let first = self
            .indicators
            .first()
            .map(|i| i.id.clone())
            .unwrap_or_default();
        let Some(m) = self.measures.get(n) else {
            return;
        };
        let formula = m.formula.to_kind(kind, &first);
        let decimals = match &formula {
            Formula::Rank { .. } => 0,
            Formula::Ratio { .. } | Formula::Quotient { .. } | Formula::Share { .. } => 1,
            Formula::Sum { of } => of
                .iter()
                .filter_map(|id| {
                    self.indicator(id)
                        .map(|i| i.decimals)
                        .or_else(|| self.measure(id).map(|m| m.decimals))
                })
                .max()
                .unwrap_or(0),
        };
        let count = self.measures.len();
        if let Some(m) = self.measures.get_mut(n) {
            // A name the designer gave follows the kind; the clerk's stays.
            let old = m.formula.kind();
            if let Some(k) = (1..=count + 99).find(|&k| m.name == default_measure_name(old, k)) {
                m.name = default_measure_name(formula.kind(), k);
            }
            m.formula = formula;
            m.decimals = decimals;
        }
    }
}

/// Decimals a figure prints at most (its fixed point holds 4; a rate's
/// exact fraction holds more).
pub const MAX_DECIMALS: u8 = 6;

/// "a; b" → ["a", "b"]: a list as the designer's fields take it.
pub fn words(s: &str) -> Vec<String> {
    s.split(';')
        .map(str::trim)
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

impl ReportSpec {
    /// What the designer's form is built on: the ids of the rows, the
    /// measures' kinds, the figures the selects offer. An edit that
    /// changes none of these keeps the form as it is (a field left with
    /// Tab keeps the next one focused).
    pub fn structure_key(&self) -> Vec<String> {
        let ind = self.indicators.iter().map(|i| i.id.clone());
        let mea = self
            .measures
            .iter()
            .map(|m| format!("{}:{}", m.id, m.formula.kind()));
        let cls = self
            .classes
            .iter()
            .map(|c| format!("{}:{}", c.id, c.rule.kind()));
        ind.chain(mea)
            .chain(std::iter::once(String::new()))
            .chain(cls)
            .collect()
    }

    /// One field of the designer's form changed: `path` is the field's
    /// `data-edit` (`unit_word`, `indicator.2.headers`, `measure.0.num`,
    /// `class.1.value`, …), `v` its new text ("true"/"false" for a
    /// checkbox). A value that cannot be one (decimals "x", a threshold
    /// "abc") changes nothing.
    pub fn apply_edit(&mut self, path: &str, v: &str) {
        let mut parts = path.splitn(3, '.');
        let (what, n, field) = (
            parts.next().unwrap_or(""),
            parts
                .next()
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(usize::MAX),
            parts.next().unwrap_or(""),
        );
        let text = v.to_string();
        match what {
            "group_headers" => self.group_headers = words(v),
            "unit_word" => self.unit_word = v.trim().to_string(),
            "indicator" => {
                let Some(x) = self.indicators.get_mut(n) else {
                    return;
                };
                match field {
                    "id" => x.id = text,
                    "name" => x.name = text,
                    "headers" => x.headers = words(v),
                    "unit" => x.unit = v.trim().to_string(),
                    "decimals" => {
                        if let Some(d) = v.trim().parse::<u8>().ok().filter(|d| *d <= MAX_DECIMALS)
                        {
                            x.decimals = d;
                        }
                    }
                    _ => {}
                }
            }
            "measure" if field == "kind" => self.set_formula_kind(n, v),
            "measure" => {
                let Some(x) = self.measures.get_mut(n) else {
                    return;
                };
                match (field, &mut x.formula) {
                    ("id", _) => x.id = text,
                    ("name", _) => x.name = text,
                    ("num", Formula::Ratio { num, .. } | Formula::Quotient { num, .. }) => {
                        *num = text
                    }
                    ("den", Formula::Ratio { den, .. } | Formula::Quotient { den, .. }) => {
                        *den = text
                    }
                    ("of", Formula::Share { of }) => *of = text,
                    ("of", Formula::Sum { of }) => *of = words(v),
                    ("of", Formula::Rank { of, .. }) => *of = text,
                    ("within_group", Formula::Rank { within_group, .. }) => {
                        *within_group = v == "true"
                    }
                    _ => {}
                }
            }
            "class" => {
                let Some(x) = self.classes.get_mut(n) else {
                    return;
                };
                match field {
                    "id" => x.id = text,
                    "name" => x.name = text,
                    "of" => x.of = text,
                    "rule" => x.rule = Rule::of_kind(v, x.rule.value().unwrap_or(0.0)),
                    "value" => {
                        if let Some(value) = read_typed_number(v) {
                            x.rule = x.rule.with_value(value);
                        }
                    }
                    _ => {}
                }
            }
            _ => {}
        }
    }

    /// A button of the designer's form: `add-indicator`, `add-measure`,
    /// `add-class`, or `remove-indicator.N` (measure, class).
    pub fn apply_action(&mut self, action: &str) {
        let (what, n) = match action.split_once('.') {
            Some((w, n)) => (w, n.parse::<usize>().unwrap_or(usize::MAX)),
            None => (action, usize::MAX),
        };
        match what {
            "add-indicator" => {
                let k = self.indicators.len() + 1;
                let spec = ReportSpec::from_columns(&[format!("Chỉ tiêu {k}")]);
                self.indicators.extend(spec.indicators);
            }
            "add-measure" => self.add_ratio(),
            "add-class" => {
                let of = self
                    .measures
                    .first()
                    .map(|m| m.id.clone())
                    .or_else(|| self.indicators.first().map(|i| i.id.clone()))
                    .unwrap_or_default();
                let k = self.classes.len() + 1;
                self.classes.push(super::ClassDef {
                    id: format!("nhom_{k}"),
                    name: format!("nhóm {k}"),
                    name_en: String::new(),
                    of,
                    rule: Rule::Below { value: 50.0 },
                    order: None,
                });
            }
            "remove-indicator" if n < self.indicators.len() => {
                self.indicators.remove(n);
            }
            "remove-measure" if n < self.measures.len() => {
                self.measures.remove(n);
            }
            "remove-class" if n < self.classes.len() => {
                self.classes.remove(n);
            }
            _ => {}
        }
    }
}

/// A threshold as a clerk types and reads it: a decimal comma, no
/// thousands dots, at most 4 decimals, no trailing zeros (10 → "10",
/// 10.5 → "10,5"). Written without the float printer (ARCHITECTURE.md,
/// "Size").
pub fn typed_number(x: f64) -> String {
    crate::format::plain_decimal(x, 4, ',').unwrap_or_default()
}

/// A threshold typed by a clerk: "10,5", "10.5", " 7 "; `None` when it is
/// not a number.
pub fn read_typed_number(s: &str) -> Option<f64> {
    crate::decimal::parse_f64(s.trim().replace(',', ".").as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thresholds_as_typed() {
        assert_eq!(typed_number(10.0), "10");
        assert_eq!(typed_number(10.5), "10,5");
        assert_eq!(typed_number(0.125), "0,125");
        assert_eq!(typed_number(-2.25), "-2,25");
        assert_eq!(typed_number(98.63), "98,63");
        assert_eq!(typed_number(1e20), "100000000000000000000");
        assert_eq!(typed_number(f64::NAN), "");
        assert_eq!(read_typed_number(" 10,5 "), Some(10.5));
        assert_eq!(read_typed_number("98.63"), Some(98.63));
        assert_eq!(read_typed_number("mười"), None);
        for x in [0.0, 1.0, 10.5, 98.63, 33.3333] {
            assert_eq!(read_typed_number(&typed_number(x)), Some(x));
        }
    }

    #[test]
    fn rules_change_kind_and_keep_their_threshold() {
        for k in RULE_KINDS {
            let r = Rule::of_kind(k, 40.0);
            assert_eq!(r.kind(), k);
            let kept = !matches!(k, "zero" | "missing");
            assert_eq!(r.value(), kept.then_some(40.0));
            assert_eq!(r.with_value(7.0).value(), kept.then_some(7.0));
        }
        let band = Rule::Between {
            min: 50.0,
            max: Some(70.0),
        };
        assert_eq!(
            band.with_value(55.0),
            Rule::Between {
                min: 55.0,
                max: Some(70.0)
            }
        );
    }

    #[test]
    fn formulas_change_kind_and_keep_their_figures() {
        let ratio = Formula::Ratio {
            num: "a".into(),
            den: "b".into(),
        };
        assert_eq!(
            ratio.to_kind("sum", "x"),
            Formula::Sum {
                of: vec!["a".into(), "b".into()]
            }
        );
        assert_eq!(
            ratio.to_kind("rank", "x"),
            Formula::Rank {
                of: "a".into(),
                within_group: false
            }
        );
        // A quotient keeps a ratio's two figures; a share the first.
        let quotient = ratio.to_kind("quotient", "x");
        assert_eq!(quotient.figures(), ratio.figures());
        assert_eq!(quotient.kind(), "quotient");
        assert_eq!(
            quotient.to_kind("share", "x"),
            Formula::Share { of: "a".into() }
        );
        let sum = Formula::Sum { of: vec![] };
        assert_eq!(
            sum.to_kind("ratio", "x"),
            Formula::Ratio {
                num: "x".into(),
                den: "x".into()
            }
        );
        assert_eq!(
            sum.to_kind("sum", "x"),
            Formula::Sum {
                of: vec!["x".into()]
            }
        );
        for k in FORMULA_KINDS {
            assert_eq!(ratio.to_kind(k, "x").kind(), k);
        }
    }

    #[test]
    fn a_measure_changes_kind_with_its_decimals() {
        let mut spec = ReportSpec::from_columns(&["Tiêu chí 1".into(), "Tiêu chí 2".into()]);
        spec.indicators[1].decimals = 2;
        spec.measures.push(super::super::MeasureDef {
            id: "m".into(),
            name: "M".into(),
            name_en: String::new(),
            formula: Formula::Ratio {
                num: "tieu_chi_1".into(),
                den: "tieu_chi_2".into(),
            },
            decimals: 1,
            unit: String::new(),
        });
        spec.set_formula_kind(0, "sum");
        assert_eq!(spec.measures[0].name, "M", "the clerk's name stays");
        assert_eq!(
            spec.measures[0].formula.figures(),
            ["tieu_chi_1", "tieu_chi_2"]
        );
        assert_eq!(spec.measures[0].decimals, 2);
        spec.set_formula_kind(0, "rank");
        assert_eq!(
            (spec.measures[0].formula.kind(), spec.measures[0].decimals),
            ("rank", 0)
        );
        spec.set_formula_kind(0, "ratio");
        assert_eq!(spec.measures[0].decimals, 1);
        spec.set_formula_kind(9, "sum"); // no such measure: nothing changes
        assert_eq!(spec.measures.len(), 1);
        // A new ratio, and its default name following its kind.
        spec.add_ratio();
        let m = &spec.measures[1];
        assert_eq!((m.id.as_str(), m.name.as_str()), ("ty_le_2", "Tỷ lệ 2 (%)"));
        assert_eq!(m.formula.figures(), ["tieu_chi_1", "tieu_chi_2"]);
        assert!(spec.kpis.contains(&m.id) && spec.appendix.contains(&m.id));
        spec.set_formula_kind(1, "rank");
        assert_eq!(spec.measures[1].name, "Xếp hạng 2");
        spec.set_formula_kind(1, "sum");
        assert_eq!(spec.measures[1].name, "Tổng 2");
    }
}
