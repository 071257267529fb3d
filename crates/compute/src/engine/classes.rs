//! Classes: which units a rule holds for (exactly, against a threshold,
//! the mean or the total), in the class's order, per group, and the band
//! each unit falls in.

use super::{ClassFigures, Figure, PeriodFigures, Val};
use std::cmp::Ordering;
use thongbao_model::report::{ReportSpec, Rule};

/// The mean of the units' figures, for the rules relative to it: exact
/// when the sum of the fractions fits (counts and figures read from cells
/// always do), else as a float (a mean of per-unit ratios over unlike
/// denominators), as [`Val`]'s own comparison falls back.
#[derive(Clone, Copy)]
enum Mean {
    Exact(Val),
    Float(f64),
}

impl Mean {
    fn of(vals: &[Option<Val>]) -> Option<Mean> {
        let present: Vec<Val> = vals.iter().flatten().copied().collect();
        if present.is_empty() {
            return None;
        }
        let exact = present
            .iter()
            .try_fold(Val::fixed(0), |s, v| s.plus(*v))
            .and_then(|s| s.over(present.len() as i128));
        Some(match exact {
            Some(m) => Mean::Exact(m),
            None => {
                Mean::Float(present.iter().map(|v| v.as_f64()).sum::<f64>() / present.len() as f64)
            }
        })
    }

    fn is_positive(self) -> bool {
        match self {
            Mean::Exact(m) => !m.is_zero() && !m.is_negative(),
            Mean::Float(m) => m > 0.0,
        }
    }

    /// How `v` compares with `percent` % of the mean: exactly, by
    /// cross-multiplying, unless the product overflows.
    fn cmp_share(self, v: Val, percent: f64) -> Ordering {
        if let Mean::Exact(m) = self {
            if let Some(t) = m.times(Val::of_f64(percent)).and_then(|t| t.over(100)) {
                return v.cmp(&t);
            }
        }
        let m = match self {
            Mean::Exact(m) => m.as_f64(),
            Mean::Float(m) => m,
        };
        v.as_f64().total_cmp(&(m * percent / 100.0))
    }
}

fn holds(rule: &Rule, v: Option<Val>, mean: Option<Mean>, total: Option<Val>) -> bool {
    match (rule, v) {
        (Rule::Missing, v) => v.is_none(),
        (_, None) => false,
        (Rule::AtLeast { value }, Some(v)) => v >= Val::of_f64(*value),
        (Rule::Below { value }, Some(v)) => v < Val::of_f64(*value),
        (Rule::Between { min, max }, Some(v)) => {
            v >= Val::of_f64(*min) && max.is_none_or(|m| v < Val::of_f64(m))
        }
        (Rule::Zero, Some(v)) => v.is_zero(),
        // Nobody stands out from a mean of zero (or less): when no unit did
        // anything, none is "high".
        (Rule::AboveMean { percent }, Some(v)) => {
            mean.is_some_and(|m| m.is_positive() && m.cmp_share(v, *percent) != Ordering::Less)
        }
        (Rule::BelowMean { percent }, Some(v)) => {
            mean.is_some_and(|m| m.cmp_share(v, *percent) == Ordering::Less)
        }
        (Rule::BelowTotal { percent }, Some(v)) => {
            total.is_some_and(|t| Mean::Exact(t).cmp_share(v, *percent) == Ordering::Less)
        }
    }
}

pub(super) fn classes(
    spec: &ReportSpec,
    figures: &[Figure],
    cur: &PeriodFigures,
    typed: &[(String, Vec<String>)],
) -> Vec<ClassFigures> {
    spec.classes
        .iter()
        .map(|c| {
            let k = figures.iter().position(|f| f.id == c.of);
            let vals: Vec<Option<Val>> = cur
                .units
                .iter()
                .map(|u| k.and_then(|k| u.vals[k]))
                .collect();
            let reported = vals.iter().flatten().count();
            let mean = match c.rule {
                Rule::AboveMean { .. } | Rule::BelowMean { .. } => Mean::of(&vals),
                _ => None,
            };
            let total = k.and_then(|k| cur.totals[k]);
            let mut members: Vec<usize> = if k.is_none() {
                Vec::new()
            } else {
                (0..vals.len())
                    .filter(|&i| holds(&c.rule, vals[i], mean, total))
                    .collect()
            };
            if let Some(o) = &c.order {
                if let Some(b) = figures.iter().position(|f| f.id == o.by) {
                    order_members(&mut members, cur, b, o.desc);
                }
            }
            let judged = if c.rule == Rule::Missing {
                vals.len()
            } else {
                reported
            };
            let typed = match typed.iter().find(|(id, _)| *id == c.id) {
                Some((_, names)) if reported == 0 && c.rule != Rule::Missing => names.clone(),
                _ => Vec::new(),
            };
            ClassFigures {
                id: c.id.clone(),
                by_group: by_group(cur, &members),
                members,
                typed,
                judged,
            }
        })
        .collect()
}

/// Members by figure `b` (most first when `desc`), ties in table order,
/// units without it last.
fn order_members(members: &mut [usize], cur: &PeriodFigures, b: usize, desc: bool) {
    thongbao_model::order::sort_by(members, |&x, &y| {
        match (cur.units[x].vals[b], cur.units[y].vals[b]) {
            (Some(p), Some(q)) if desc => q.cmp(&p),
            (Some(p), Some(q)) => p.cmp(&q),
            (Some(_), None) => Ordering::Less,
            (None, Some(_)) => Ordering::Greater,
            (None, None) => Ordering::Equal,
        }
    });
}

fn by_group(cur: &PeriodFigures, members: &[usize]) -> Vec<(String, usize, usize)> {
    let mut groups: Vec<(String, usize, usize)> = Vec::new();
    for u in &cur.units {
        let Some(g) = &u.group else { continue };
        match groups.iter_mut().find(|x| x.0 == *g) {
            Some(x) => x.2 += 1,
            None => groups.push((g.clone(), 0, 1)),
        }
    }
    for &i in members {
        if let Some(g) = &cur.units[i].group {
            if let Some(x) = groups.iter_mut().find(|x| x.0 == *g) {
                x.1 += 1;
            }
        }
    }
    groups.retain(|x| x.1 > 0);
    // Stable: equal counts keep the table's order.
    thongbao_model::order::sort_by(&mut groups, |a, b| b.1.cmp(&a.1));
    groups
}

pub(super) fn bands(spec: &ReportSpec, classes: &[ClassFigures], n: usize) -> Vec<Option<usize>> {
    let mut out = vec![None; n];
    let Some(b) = &spec.bands else {
        return out;
    };
    // The first band (best first) a unit is a member of; members may be in
    // a class's own order.
    for (j, id) in b.classes.iter().enumerate().rev() {
        if let Some(c) = classes.iter().find(|c| c.id == *id) {
            for &i in &c.members {
                if let Some(x) = out.get_mut(i) {
                    *x = Some(j);
                }
            }
        }
    }
    out
}
