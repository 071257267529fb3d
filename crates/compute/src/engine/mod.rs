//! The generic engine: a [`ReportSpec`] computed for a dataset.
//!
//! The indicators' columns are found among the dataset's extra columns by
//! their header words; each column's cells are read as fixed-point figures
//! with the column's decimal separator (voted over its cells, as ingest
//! does for counts). Measures follow in the order the report lists them,
//! so a measure can use an earlier one. Everything is exact ([`Val`]):
//! rates over all units are ratios of the totals, means round once.
//!
//! Architecture invariant: no sentence, letter or HTML here — only figures,
//! classes and the cells that could not be read.

// Figures sit in slots shared by every unit and the totals: index loops
// over the slots read plainest.
#![allow(clippy::needless_range_loop)]

mod value;

pub use value::Val;

use crate::date::Date;
use crate::ingest::numbers::{self, DecimalSep};
use crate::model::{unit_key, Dataset, Indicator, Period};
use std::cmp::Ordering;
use std::collections::HashMap;
use thongbao_model::report::{Aggregate, Baseline, Formula, Kind, ReportSpec, Rule, SCALE};

/// What a figure (indicator or measure) is, for printing.
#[derive(Clone, Debug, PartialEq)]
pub struct Figure {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub decimals: u8,
    /// The word after it in sentences ("tài khoản", "điểm").
    pub unit: String,
    /// Printed with "%".
    pub percent: bool,
    /// A rank: a smaller number is better, its change reads the other way.
    pub rank: bool,
    /// An indicator (a column of the file), not a measure.
    pub column: bool,
}

impl Figure {
    /// A value as sentences, cards and charts print it: `40,8%`, `704.828`.
    pub fn text(&self, v: Val) -> String {
        let t = v.text(self.decimals);
        if self.percent {
            format!("{t}%")
        } else {
            t
        }
    }
}

/// One unit's figures in a period.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitFigures {
    pub name: String,
    pub group: Option<String>,
    /// Line in its file, and the file (index into the dataset's sources;
    /// `None`: a stored period's unit).
    pub line: usize,
    pub source: Option<usize>,
    /// One per [`Computed::figures`].
    pub vals: Vec<Option<Val>>,
}

/// A period's units and totals.
#[derive(Clone, Debug, PartialEq)]
pub struct PeriodFigures {
    pub date: Option<Date>,
    pub units: Vec<UnitFigures>,
    /// One per figure: over all units (`None`: no unit has it, or the
    /// figure has no total, as ranks).
    pub totals: Vec<Option<Val>>,
}

/// A class's members in the current period.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassFigures {
    pub id: String,
    /// Indexes into the current period's units, in the class's order
    /// (table order when it has none).
    pub members: Vec<usize>,
    /// Members the clerk typed ([`Typed::members`]), when the rule could
    /// judge no unit (no unit has its figure): names as typed.
    pub typed: Vec<String>,
    /// The units the rule could judge: those that report its figure (all
    /// units for the "not reported" rule) — what "n/N" and "the others"
    /// count against.
    pub judged: usize,
    /// Per group with members: (group, members, units of the group),
    /// most members first.
    pub by_group: Vec<(String, usize, usize)>,
}

/// A cell the report could not read as a figure (it counts as not
/// reported).
#[derive(Clone, Debug, PartialEq)]
pub struct CellProblem {
    /// The file (index into the dataset's sources; `None`: a stored period).
    pub source: Option<usize>,
    pub line: usize,
    pub column: String,
    pub text: String,
}

/// Figures the clerk types because the file lacks them (the seed letter's
/// 5.554 installs of 18.510 smartphones, and its previous report of
/// 05/11/2021). Each fills only what the data cannot give: a typed total
/// where no unit has the indicator, a typed previous report where the data
/// holds no baseline period, typed members where no unit can be judged.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Typed {
    /// Indicator totals of the current period, by id.
    pub current: Vec<(String, Val)>,
    pub previous: Option<TypedPeriod>,
    /// Class members by class id (unit names).
    pub members: Vec<(String, Vec<String>)>,
}

/// A previous report typed from its letter: its date and indicator totals.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TypedPeriod {
    pub date: Option<Date>,
    pub totals: Vec<(String, Val)>,
}

/// Everything the letter, the dashboard and the exports need.
#[derive(Clone, Debug, PartialEq)]
pub struct Computed {
    pub figures: Vec<Figure>,
    pub current: PeriodFigures,
    /// The period changes are measured against, when the data holds it.
    pub baseline: Option<PeriodFigures>,
    /// Per figure: the change of the total since the baseline (or from the
    /// file's own change column when there is no baseline).
    pub changes: Vec<Option<Val>>,
    /// Per current unit, per figure: its own change.
    pub unit_changes: Vec<Vec<Option<Val>>>,
    pub classes: Vec<ClassFigures>,
    /// Per current unit: its band (index into the spec's band classes).
    pub band_of: Vec<Option<usize>>,
    /// Indicators whose column the data lacks (ids).
    pub missing_columns: Vec<String>,
    pub problems: Vec<CellProblem>,
    /// Whether the units have groups.
    pub grouped: bool,
}

impl Computed {
    /// The index of a figure by id.
    pub fn index(&self, id: &str) -> Option<usize> {
        self.figures.iter().position(|f| f.id == id)
    }

    pub fn class(&self, id: &str) -> Option<&ClassFigures> {
        self.classes.iter().find(|c| c.id == id)
    }

    pub fn total(&self, id: &str) -> Option<Val> {
        self.current.totals.get(self.index(id)?).copied().flatten()
    }

    pub fn change(&self, id: &str) -> Option<Val> {
        self.changes.get(self.index(id)?).copied().flatten()
    }

    /// The current unit with the lowest (or highest) value of a figure;
    /// the first in table order among equals.
    pub fn extreme(&self, id: &str, highest: bool) -> Option<usize> {
        let k = self.index(id)?;
        let mut best: Option<(usize, Val)> = None;
        for (i, u) in self.current.units.iter().enumerate() {
            let Some(v) = u.vals[k] else { continue };
            let better = match best {
                None => true,
                Some((_, b)) => (highest && v > b) || (!highest && v < b),
            };
            if better {
                best = Some((i, v));
            }
        }
        best.map(|(i, _)| i)
    }
}

/// Decimals a figure prints at most (its fixed point holds 4; a rate's
/// exact fraction holds more).
pub const MAX_DECIMALS: u8 = 6;

/// The figures' descriptions, indicators first.
fn figures(spec: &ReportSpec) -> Vec<Figure> {
    let ind = spec.indicators.iter().map(|i| Figure {
        id: i.id.clone(),
        name: i.name.clone(),
        name_en: i.name_en.clone(),
        decimals: i.decimals.min(MAX_DECIMALS),
        unit: i.unit.clone(),
        percent: i.kind == Kind::Percent,
        rank: false,
        column: true,
    });
    let mea = spec.measures.iter().map(|m| Figure {
        id: m.id.clone(),
        name: m.name.clone(),
        name_en: m.name_en.clone(),
        decimals: m.decimals.min(MAX_DECIMALS),
        unit: m.unit.clone(),
        percent: matches!(m.formula, Formula::Ratio { .. }),
        rank: matches!(m.formula, Formula::Rank { .. }),
        column: false,
    });
    ind.chain(mea).collect()
}

/// Compute the report for the dataset's current period.
pub fn compute(d: &Dataset, spec: &ReportSpec) -> Computed {
    compute_with(d, spec, &Typed::default())
}

/// [`compute`], with the figures the clerk typed where the data has none.
pub fn compute_with(d: &Dataset, spec: &ReportSpec, typed: &Typed) -> Computed {
    let figures = figures(spec);
    // Indicator k → its extra columns: every header that names it (files
    // merged from several weeks may spell it differently; a unit's cell is
    // in one of them).
    let words = spec.header_words();
    // A report over the built-in roles reads the checked figures of its
    // roles, not extra columns.
    let roles: Vec<Option<Indicator>> = spec
        .indicators
        .iter()
        .map(|i| {
            i.role
                .as_deref()
                .filter(|_| words.builtin_roles)
                .and_then(Indicator::from_id)
        })
        .collect();
    let assigned = words.match_columns(&d.extra_columns);
    let col_of: Vec<Vec<usize>> = (0..spec.indicators.len())
        .map(|k| {
            if roles[k].is_some() {
                return Vec::new();
            }
            let first = (0..assigned.len()).filter(|&c| assigned[c] == Some(k));
            let more = (0..assigned.len()).filter(|&c| {
                assigned[c].is_none() && words.indicator_of(&d.extra_columns[c]) == Some(k)
            });
            first.chain(more).collect()
        })
        .collect();
    // One decimal separator per column, voted over its cells.
    let seps: Vec<DecimalSep> = (0..d.extra_columns.len())
        .map(|c| {
            numbers::decide(
                d.periods
                    .iter()
                    .flat_map(|p| &p.units)
                    .filter_map(|u| u.extra.get(c).map(String::as_str)),
            )
        })
        .collect();
    let reader = Reader {
        d,
        spec,
        roles: &roles,
        col_of: &col_of,
        seps: &seps,
        nfig: figures.len(),
    };
    let mut problems = Vec::new();
    let empty = Period {
        date: None,
        units: Vec::new(),
        totals: None,
    };
    let cur_period = d.periods.last().unwrap_or(&empty);
    let current = reader.period(cur_period, &typed.current, &mut problems);
    let baseline = match baseline_period(d, &spec.baseline) {
        Some(p) => Some(reader.period(p, &[], &mut Vec::new())),
        // A typed previous report: totals only (no unit to compare).
        None => typed.previous.as_ref().map(|t| {
            let p = Period {
                date: t.date,
                units: Vec::new(),
                totals: None,
            };
            reader.period(&p, &t.totals, &mut Vec::new())
        }),
    };
    let (changes, unit_changes) = changes(spec, &figures, &current, baseline.as_ref());
    let classes = classes(spec, &figures, &current, &typed.members);
    let band_of = bands(spec, &classes, current.units.len());
    let has_role = |r: Indicator| {
        d.periods
            .iter()
            .flat_map(|p| &p.units)
            .any(|u| u.values.get(r).is_some())
    };
    let missing_columns = spec
        .indicators
        .iter()
        .zip(&col_of)
        .zip(&roles)
        .filter(|((i, c), r)| {
            let absent = match r {
                Some(r) => !has_role(*r),
                None => c.is_empty(),
            };
            // A total the clerk typed stands in for the column.
            absent && !typed.current.iter().any(|(id, _)| *id == i.id)
        })
        .map(|((i, _), _)| i.id.clone())
        .collect();
    let grouped = current.units.iter().any(|u| u.group.is_some());
    Computed {
        figures,
        current,
        baseline,
        changes,
        unit_changes,
        classes,
        band_of,
        missing_columns,
        problems,
        grouped,
    }
}

/// The period a baseline names (never the current one).
fn baseline_period<'d>(d: &'d Dataset, b: &Baseline) -> Option<&'d Period> {
    let n = d.periods.len();
    let cur = d.periods.last()?;
    // A period compacted to its totals has no units to compare with.
    let earlier: Vec<&Period> = d.periods[..n - 1]
        .iter()
        .filter(|p| !p.units.is_empty())
        .collect();
    match b {
        Baseline::Previous => earlier.last().copied(),
        Baseline::Date { date } => earlier.into_iter().find(|p| p.date == Some(*date)),
        Baseline::YearEarlier => {
            let c = cur.date?;
            let want = Date::new(c.year - 1, c.month, c.day)
                .or_else(|| Date::new(c.year - 1, c.month, c.day - 1))?;
            earlier.into_iter().find(|p| p.date == Some(want))
        }
    }
}

struct Reader<'a> {
    d: &'a Dataset,
    spec: &'a ReportSpec,
    /// Per indicator: the built-in role it reads, if any.
    roles: &'a [Option<Indicator>],
    col_of: &'a [Vec<usize>],
    seps: &'a [DecimalSep],
    nfig: usize,
}

impl Reader<'_> {
    /// The period's figures; `typed` totals fill indicators no unit has.
    fn period(
        &self,
        p: &Period,
        typed: &[(String, Val)],
        problems: &mut Vec<CellProblem>,
    ) -> PeriodFigures {
        let spec = self.spec;
        let ni = spec.indicators.len();
        let mut units: Vec<UnitFigures> = p
            .units
            .iter()
            .map(|u| {
                let mut vals = vec![None; self.nfig];
                for k in 0..ni {
                    if let Some(r) = self.roles[k] {
                        vals[k] = u.values.get(r).map(Val::int);
                        continue;
                    }
                    // The first of its columns with a cell for this unit.
                    let Some(c) = self.col_of[k]
                        .iter()
                        .copied()
                        .find(|&c| u.extra.get(c).is_some_and(|t| !t.trim().is_empty()))
                    else {
                        continue;
                    };
                    let cell = u.extra.get(c).map(String::as_str).unwrap_or("");
                    match numbers::parse_fixed(cell, self.seps[c], SCALE.ilog10()) {
                        Ok(v) => vals[k] = v.map(Val::fixed),
                        Err(()) => problems.push(CellProblem {
                            source: u.source,
                            line: u.line,
                            column: self.d.extra_columns.get(c).cloned().unwrap_or_default(),
                            text: cell.to_string(),
                        }),
                    }
                }
                UnitFigures {
                    name: u.name.clone(),
                    group: u.district.clone(),
                    line: u.line,
                    source: u.source,
                    vals,
                }
            })
            .collect();
        let mut totals = vec![None; self.nfig];
        for (k, ind) in spec.indicators.iter().enumerate() {
            totals[k] = aggregate(&units, k, &ind.aggregate, |id| {
                spec.indicators.iter().position(|i| i.id == id)
            });
            if units.iter().all(|u| u.vals[k].is_none()) {
                if let Some((_, v)) = typed.iter().find(|(id, _)| *id == ind.id) {
                    totals[k] = Some(*v);
                }
            }
        }
        let index = |id: &str| {
            spec.indicators.iter().position(|i| i.id == id).or_else(|| {
                spec.measures
                    .iter()
                    .position(|m| m.id == id)
                    .map(|m| ni + m)
            })
        };
        for (m, def) in spec.measures.iter().enumerate() {
            let k = ni + m;
            match &def.formula {
                Formula::Ratio { num, den } => {
                    let (Some(a), Some(b)) = (index(num), index(den)) else {
                        continue;
                    };
                    for u in &mut units {
                        u.vals[k] = match (u.vals[a], u.vals[b]) {
                            (Some(x), Some(y)) => Val::percent(x, y),
                            _ => None,
                        };
                    }
                    totals[k] = match (totals[a], totals[b]) {
                        (Some(x), Some(y)) => Val::percent(x, y),
                        _ => None,
                    };
                }
                Formula::Sum { of } => {
                    let parts: Option<Vec<usize>> = of.iter().map(|id| index(id)).collect();
                    let Some(parts) = parts else { continue };
                    for u in &mut units {
                        u.vals[k] = sum_of(parts.iter().map(|&p| u.vals[p]));
                    }
                    totals[k] = sum_of(parts.iter().map(|&p| totals[p]));
                }
                Formula::Rank { of, within_group } => {
                    let Some(a) = index(of) else { continue };
                    rank(&mut units, a, k, *within_group);
                }
            }
        }
        PeriodFigures {
            date: p.date,
            units,
            totals,
        }
    }
}

/// All parts present: their sum; else nothing (a partial total is not a
/// figure the data supports).
fn sum_of(parts: impl Iterator<Item = Option<Val>>) -> Option<Val> {
    let mut acc = Val::fixed(0);
    let mut any = false;
    for p in parts {
        acc = acc.plus(p?)?;
        any = true;
    }
    any.then_some(acc)
}

fn aggregate(
    units: &[UnitFigures],
    k: usize,
    how: &Aggregate,
    index: impl Fn(&str) -> Option<usize>,
) -> Option<Val> {
    let present = || units.iter().filter_map(|u| u.vals[k]);
    match how {
        Aggregate::None => None,
        Aggregate::Sum => present().try_fold(None, |acc: Option<Val>, v| {
            Some(Some(acc.map_or(Some(v), |a| a.plus(v))?))
        })?,
        Aggregate::Mean => {
            let n = present().count();
            let sum = present().try_fold(Val::fixed(0), |a, v| a.plus(v))?;
            (n > 0).then(|| sum.over(n as i128)).flatten()
        }
        Aggregate::WeightedMean { by } => {
            let w = index(by)?;
            let (mut num, mut den) = (Val::fixed(0), Val::fixed(0));
            for u in units {
                if let (Some(v), Some(x)) = (u.vals[k], u.vals[w]) {
                    num = num.plus(v.times(x)?)?;
                    den = den.plus(x)?;
                }
            }
            let ratio = Val::percent(num, den)?;
            ratio.over(100)
        }
    }
}

/// Ranks by figure `a` into slot `k`, 1 = highest; equal values share a
/// rank (1, 2, 2, 4); within each group when asked.
fn rank(units: &mut [UnitFigures], a: usize, k: usize, within_group: bool) {
    let key = |u: &UnitFigures| if within_group { u.group.clone() } else { None };
    let mut order: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].vals[a].is_some())
        .collect();
    thongbao_model::order::sort_indices(&mut order, &mut |x, y| {
        key(&units[x])
            .cmp(&key(&units[y]))
            .then(units[y].vals[a].cmp(&units[x].vals[a]))
    });
    let mut pos = 0i64;
    for (n, &i) in order.iter().enumerate() {
        let same_group = n > 0 && key(&units[order[n - 1]]) == key(&units[i]);
        if !same_group {
            pos = 0;
        }
        pos += 1;
        let tie = same_group && units[order[n - 1]].vals[a] == units[i].vals[a];
        units[i].vals[k] = if tie {
            units[order[n - 1]].vals[k]
        } else {
            Some(Val::int(pos))
        };
    }
}

#[allow(clippy::type_complexity)]
fn changes(
    spec: &ReportSpec,
    figures: &[Figure],
    cur: &PeriodFigures,
    base: Option<&PeriodFigures>,
) -> (Vec<Option<Val>>, Vec<Vec<Option<Val>>>) {
    let n = figures.len();
    // A column that gives another indicator's change.
    let change_col = |k: usize| {
        spec.indicators
            .iter()
            .position(|i| i.change_of.as_deref() == Some(figures[k].id.as_str()))
    };
    let mut totals = vec![None; n];
    let mut units = vec![vec![None; n]; cur.units.len()];
    if let Some(b) = base {
        let keys: HashMap<String, usize> = b
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (unit_key(u.group.as_deref(), &u.name), i))
            .collect();
        for k in 0..n {
            totals[k] = match (cur.totals[k], b.totals[k]) {
                (Some(x), Some(y)) => x.minus(y),
                _ => None,
            };
        }
        for (i, u) in cur.units.iter().enumerate() {
            let Some(&j) = keys.get(&unit_key(u.group.as_deref(), &u.name)) else {
                continue;
            };
            for k in 0..n {
                units[i][k] = match (u.vals[k], b.units[j].vals[k]) {
                    (Some(x), Some(y)) => x.minus(y),
                    _ => None,
                };
            }
        }
    } else {
        for k in 0..n {
            let Some(c) = change_col(k) else { continue };
            totals[k] = cur.totals[c];
            for (i, u) in cur.units.iter().enumerate() {
                units[i][k] = u.vals[c];
            }
        }
    }
    (totals, units)
}

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

fn classes(
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

fn bands(spec: &ReportSpec, classes: &[ClassFigures], n: usize) -> Vec<Option<usize>> {
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

#[cfg(test)]
mod tests;
