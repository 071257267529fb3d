//! A report definition's chart: one figure per unit, sorted descending,
//! with the figure over all units as a line.

use super::bars::{per_unit, sort_desc, Item, Ref};
use super::{BarClass, Chart, LineClass};
use crate::engine::Computed;
use crate::Lang;

/// The bars of figure `id` (its name as the title). `None` when no unit
/// has it.
pub fn report_chart(c: &Computed, id: &str, lang: Lang) -> Option<Chart> {
    let k = c.index(id)?;
    let f = &c.figures[k];
    let text = |v| f.text(v);
    let mut items: Vec<Item> = c
        .current
        .units
        .iter()
        .filter_map(|u| {
            let v = u.vals[k]?;
            Some(Item {
                name: &u.name,
                value: v.as_f64(),
                text: text(v),
                class: BarClass::Middle,
                tip: format!("{}: {}", u.name, text(v)),
            })
        })
        .collect();
    if items.is_empty() {
        return None;
    }
    sort_desc(&mut items);
    let name = if lang == Lang::En && !f.name_en.is_empty() {
        &f.name_en
    } else {
        &f.name
    };
    let (n, top) = (items.len(), &items[0]);
    let desc = match lang {
        Lang::Vi => format!("{n} đơn vị; cao nhất {} {}", top.name, top.text),
        Lang::En => format!("{n} units; highest {} {}", top.name, top.text),
    };
    let refs: Vec<Ref> = c.current.totals[k]
        .filter(|_| !f.rank)
        .map(|t| Ref {
            value: t.as_f64(),
            class: LineClass::Mean,
            text: text(t),
            dashed: false,
        })
        .into_iter()
        .collect();
    let suffix = if f.percent { "%" } else { "" };
    Some(per_unit(
        Chart::new(name.clone(), desc),
        items,
        &refs,
        &[],
        suffix,
        0.0,
        lang,
    ))
}
