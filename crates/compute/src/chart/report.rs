//! A report definition's chart: one figure per unit, sorted descending,
//! the bars coloured by the report's classes on that figure (a rule for
//! the better units: high; for the worse: low), a line at each of their
//! thresholds, and a line at the figure over all units — at the mean per
//! unit when that figure is a sum (a count's total is no unit's level).

use super::bars::{per_unit, sort_desc, Item, Ref};
use super::{BarClass, Chart, LineClass};
use crate::date::Date;
use crate::engine::Figure;
use crate::engine::{Computed, Val};
use crate::Lang;
use thongbao_model::report::{ClassDef, ReportSpec, Rule};

/// Which side of a class's rule its members are on, for colouring.
fn side(rule: &Rule) -> Option<BarClass> {
    match rule {
        Rule::AtLeast { .. } | Rule::AboveMean { .. } => Some(BarClass::High),
        Rule::Below { .. } | Rule::BelowMean { .. } | Rule::BelowTotal { .. } | Rule::Zero => {
            Some(BarClass::Low)
        }
        Rule::Between { .. } | Rule::Missing => None,
    }
}

/// The bars of figure `id` (its name as the title). `None` when no unit
/// has it.
pub fn report_chart(c: &Computed, spec: &ReportSpec, id: &str, lang: Lang) -> Option<Chart> {
    let k = c.index(id)?;
    let f = &c.figures[k];
    let text = |v| f.text(v);
    let vi = lang == Lang::Vi;
    // The classes on this figure, with the side their members are on.
    let classes: Vec<(&ClassDef, BarClass, &[usize])> = spec
        .classes
        .iter()
        .filter(|d| d.of == id)
        .filter_map(|d| {
            let members = &c.class(&d.id)?.members;
            Some((d, side(&d.rule)?, members.as_slice()))
        })
        .collect();
    let mut class_of = vec![BarClass::Middle; c.current.units.len()];
    // Low wins over high (a unit in both is one to act on).
    for want in [BarClass::High, BarClass::Low] {
        for (_, side, members) in classes.iter().filter(|x| x.1 == want) {
            for &i in members.iter() {
                class_of[i] = *side;
            }
        }
    }
    let mut items: Vec<Item> = c
        .current
        .units
        .iter()
        .zip(&class_of)
        .filter_map(|(u, &class)| {
            let v = u.vals[k]?;
            Some(Item {
                name: &u.name,
                value: v.as_f64(),
                text: text(v),
                class,
                tip: format!("{}: {}", u.name, text(v)),
            })
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    let n = items.len();
    let mean = items.iter().map(|i| i.value).sum::<f64>() / n as f64;
    sort_desc(&mut items);
    let name = if lang == Lang::En && !f.name_en.is_empty() {
        &f.name_en
    } else {
        &f.name
    };
    let top = &items[0];
    let desc = match lang {
        Lang::Vi => format!("{n} đơn vị; cao nhất {} {}", top.name, top.text),
        Lang::En => format!("{n} units; highest {} {}", top.name, top.text),
    };
    let total = c.current.totals[k].filter(|_| !f.rank);
    let mut refs: Vec<Ref> = Vec::new();
    if let Some(t) = total {
        let (value, word) = match f.summed {
            true => (t.over(n as i128), ["Trung bình", "Mean"]),
            false => (Some(t), ["Chung", "Overall"]),
        };
        if let Some(v) = value {
            refs.push(Ref {
                value: v.as_f64(),
                class: LineClass::Mean,
                text: format!("{} {}", word[usize::from(!vi)], text(v)),
                dashed: false,
            });
        }
    }
    threshold_refs(&mut refs, &classes, f, mean, total, vi);
    let name_of = |want: BarClass| {
        classes.iter().find(|x| x.1 == want).map(|(d, ..)| {
            if vi || d.name_en.is_empty() {
                d.name.as_str()
            } else {
                d.name_en.as_str()
            }
        })
    };
    let keys: Vec<(BarClass, &str)> = [BarClass::High, BarClass::Low]
        .into_iter()
        .filter_map(|b| Some((b, name_of(b)?)))
        .collect();
    let suffix = if f.percent { "%" } else { "" };
    Some(per_unit(
        Chart::new(name.clone(), desc),
        items,
        &refs,
        &keys,
        suffix,
        0.0,
        lang,
    ))
}

/// A line at each class's threshold on figure `f` (drawing positions only:
/// who is in a class is decided exactly by the engine), none twice.
fn threshold_refs(
    refs: &mut Vec<Ref>,
    classes: &[(&ClassDef, BarClass, &[usize])],
    f: &Figure,
    mean: f64,
    total: Option<Val>,
    vi: bool,
) {
    for (d, side, _) in classes {
        let (at, op) = match d.rule {
            Rule::AtLeast { value } => (Some(value), "≥"),
            Rule::Below { value } => (Some(value), "<"),
            Rule::AboveMean { percent } => (Some(mean * percent / 100.0), "≥"),
            Rule::BelowMean { percent } => (Some(mean * percent / 100.0), "<"),
            Rule::BelowTotal { percent } => (total.map(|t| t.as_f64() * percent / 100.0), "<"),
            _ => (None, ""),
        };
        let Some(at) = at.filter(|a| a.is_finite() && *a > 0.0) else {
            continue;
        };
        if refs.iter().any(|r| (r.value - at).abs() < 1e-9) {
            continue;
        }
        let cname = if vi || d.name_en.is_empty() {
            &d.name
        } else {
            &d.name_en
        };
        refs.push(Ref {
            value: at,
            class: match side {
                BarClass::High => LineClass::ThresholdHigh,
                _ => LineClass::ThresholdLow,
            },
            text: format!("{cname} {op} {}", f.text(Val::of_f64(at))),
            dashed: true,
        });
    }
}

/// Figure `id`'s totals over the report periods ([`crate::engine::trend`])
/// as a line. `None` unless ≥ 2 periods have it.
pub fn report_trend(
    trend: &[(Option<Date>, Vec<Option<Val>>)],
    c: &Computed,
    id: &str,
    lang: Lang,
) -> Option<Chart> {
    let k = c.index(id)?;
    let f = &c.figures[k];
    let vals: Vec<(Option<Date>, Val)> = trend
        .iter()
        .filter_map(|(d, v)| Some((*d, (*v.get(k)?)?)))
        .collect();
    let change = vals.last()?.1.minus(vals.first()?.1)?;
    let pts: Vec<(Option<Date>, f64, String)> = vals
        .iter()
        .map(|&(d, v)| (d, v.as_f64(), f.text(v)))
        .collect();
    let name = if lang == Lang::En && !f.name_en.is_empty() {
        &f.name_en
    } else {
        &f.name
    };
    super::kinds::trend_of(name, &pts, &f.signed_text(change), lang)
}

/// A chart as the page shows it: its test id, its file name stem, the chart.
pub type Shown = (String, String, Chart);

/// The page's charts of a report: a bar chart per figure it charts
/// (`chart`, then `more_charts`; test ids `chart-report`, `chart-<id>`
/// unless the report's `hooks` name them `chart:<id>`), then the first
/// figure's trend over the periods (`chart-trend`). A chart no unit has
/// figures for is left out.
pub fn report_charts(
    c: &Computed,
    spec: &ReportSpec,
    trend: &[(Option<Date>, Vec<Option<Val>>)],
    lang: Lang,
) -> Vec<Shown> {
    let stem = |id: &str| {
        c.index(id)
            .map(|k| thongbao_model::report::slug(&c.figures[k].name).replace('_', "-"))
            .unwrap_or_default()
    };
    let mut out = Vec::new();
    for (n, id) in spec.chart.iter().chain(&spec.more_charts).enumerate() {
        let Some(chart) = report_chart(c, spec, id, lang) else {
            continue;
        };
        let testid = spec.hook(&format!("chart:{id}"), || match n {
            0 => "chart-report".to_string(),
            _ => format!("chart-{id}"),
        });
        out.push((testid, format!("bieu-do-{}", stem(id)), chart));
    }
    if let Some(id) = spec.chart.as_deref() {
        if let Some(chart) = report_trend(trend, c, id, lang) {
            out.push((
                "chart-trend".into(),
                format!("xu-huong-{}", stem(id)),
                chart,
            ));
        }
    }
    out
}
