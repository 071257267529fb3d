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

mod classes;
mod value;

pub use value::Val;

use classes::{bands, classes};

use crate::date::Date;
use crate::fastmap::FastMap;
use crate::ingest::numbers::{self, DecimalSep};
use crate::model::{unit_key, Dataset, Indicator, Period};
use thongbao_model::report::{Aggregate, Baseline, Formula, Kind, ReportSpec, SCALE};

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
    /// Its figure over all units is a sum (a count's total), not a level
    /// a unit can be compared with (a rate, a mean score).
    pub summed: bool,
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

    /// A change `d` of the figure, signed: "+1.150", "-3", "0".
    pub fn signed_text(&self, d: Val) -> String {
        let t = d.abs().text(self.decimals);
        match (d.is_zero(), d.is_negative()) {
            (true, _) => t,
            (false, true) => format!("-{t}"),
            (false, false) => format!("+{t}"),
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

/// One group of units (a district, a unit type): its units and totals.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupFigures {
    pub name: String,
    pub units: usize,
    /// One per figure, as [`PeriodFigures::totals`] (ranks have none).
    pub totals: Vec<Option<Val>>,
}

/// A typed figure that disagrees with the computed one (as printed: a
/// typed rate of 30,1 % against 5.554/18.510 = 30,0 %).
#[derive(Clone, Debug, PartialEq)]
pub struct Discrepancy {
    /// The figure (index into [`Computed::figures`]).
    pub figure: usize,
    pub typed: Val,
    pub computed: Val,
}

impl Discrepancy {
    /// What the page says beside the typed figures (the computed one is
    /// the one used).
    pub fn message(&self, c: &Computed, lang: crate::Lang) -> String {
        let Some(f) = c.figures.get(self.figure) else {
            return String::new();
        };
        let (typed, computed) = (f.text(self.typed), f.text(self.computed));
        let name = if lang == crate::Lang::En && !f.name_en.is_empty() {
            &f.name_en
        } else {
            &f.name
        };
        match (lang, f.percent) {
            (crate::Lang::Vi, true) => format!(
                "Tỷ lệ nhập tay là {typed}, nhưng tính từ số liệu được {computed}: dùng {computed}."
            ),
            (crate::Lang::En, true) => format!(
                "The typed rate is {typed}, but the figures give {computed}: {computed} is used."
            ),
            (crate::Lang::Vi, false) => format!(
                "«{name}» nhập tay là {typed}, nhưng tính từ bảng được {computed}: dùng số tính được."
            ),
            (crate::Lang::En, false) => format!(
                "“{name}” was typed as {typed}, but the table adds up to {computed}: the computed figure is used."
            ),
        }
    }
}

/// Figures the clerk types because the file lacks them (the seed letter's
/// 5.554 installs of 18.510 smartphones, and its previous report of
/// 05/11/2021). Each fills only what the data cannot give: a typed total
/// where no unit has the indicator, a typed previous report where the data
/// holds no baseline period, typed members where no unit can be judged.
/// Where the data has the figure, a typed one is only checked against it
/// ([`discrepancies`]), as is a typed measure (the letter's rate).
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

    /// How many groups the current units fall in.
    pub fn group_count(&self) -> usize {
        let seen: FastMap<String, usize> = self
            .current
            .units
            .iter()
            .filter_map(|u| Some((u.group.clone()?, 0)))
            .collect();
        seen.len()
    }

    /// Units of the baseline period that the current one lacks (did not
    /// report), names as they were, in the baseline's order.
    pub fn absent(&self) -> Vec<String> {
        let Some(b) = &self.baseline else {
            return Vec::new();
        };
        let now: FastMap<String, usize> = self
            .current
            .units
            .iter()
            .map(|u| (unit_key(u.group.as_deref(), &u.name), 0))
            .collect();
        b.units
            .iter()
            .filter(|u| !now.contains_key(&unit_key(u.group.as_deref(), &u.name)))
            .map(|u| u.name.clone())
            .collect()
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

pub use thongbao_model::report::MAX_DECIMALS;

/// The figures' descriptions, indicators first.
fn figures(spec: &ReportSpec) -> Vec<Figure> {
    let mut out: Vec<Figure> = spec
        .indicators
        .iter()
        .map(|i| Figure {
            id: i.id.clone(),
            name: i.name.clone(),
            name_en: i.name_en.clone(),
            decimals: i.decimals.min(MAX_DECIMALS),
            unit: i.unit.clone(),
            percent: i.kind == Kind::Percent,
            rank: false,
            column: true,
            summed: i.aggregate == Aggregate::Sum,
        })
        .collect();
    for m in &spec.measures {
        // A sum of summed figures is summed.
        let summed = match &m.formula {
            Formula::Sum { of } => of
                .iter()
                .all(|id| out.iter().any(|f| f.id == *id && f.summed)),
            _ => false,
        };
        out.push(Figure {
            id: m.id.clone(),
            name: m.name.clone(),
            name_en: m.name_en.clone(),
            decimals: m.decimals.min(MAX_DECIMALS),
            unit: m.unit.clone(),
            percent: matches!(m.formula, Formula::Ratio { .. } | Formula::Share { .. }),
            rank: matches!(m.formula, Formula::Rank { .. }),
            column: false,
            summed,
        });
    }
    out
}

/// How a dataset's cells are read for a report: per indicator its
/// built-in role or its extra columns, and each column's decimal separator.
struct Columns {
    roles: Vec<Option<Indicator>>,
    col_of: Vec<Vec<usize>>,
    seps: Vec<DecimalSep>,
}

impl Columns {
    fn of(d: &Dataset, spec: &ReportSpec) -> Columns {
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
        Columns {
            roles,
            col_of,
            seps,
        }
    }

    fn reader<'a>(&'a self, d: &'a Dataset, spec: &'a ReportSpec, nfig: usize) -> Reader<'a> {
        Reader {
            d,
            spec,
            roles: &self.roles,
            col_of: &self.col_of,
            seps: &self.seps,
            nfig,
        }
    }
}

/// The totals of every period, oldest first (the trend): a period kept
/// only as its totals (`Dataset::compact`) has the figures of built-in
/// roles; its other figures are unknown.
pub fn trend(d: &Dataset, spec: &ReportSpec) -> Vec<(Option<Date>, Vec<Option<Val>>)> {
    let nfig = figures(spec).len();
    let cols = Columns::of(d, spec);
    let reader = cols.reader(d, spec, nfig);
    let ni = spec.indicators.len();
    d.periods
        .iter()
        .map(|p| match (&p.totals, p.units.is_empty()) {
            (Some(kept), true) => {
                let mut totals = vec![None; nfig];
                for k in 0..ni {
                    totals[k] = cols.roles[k].and_then(|r| kept.get(r)).map(Val::int);
                }
                total_measures(spec, ni, &mut totals);
                (p.date, totals)
            }
            _ => (p.date, reader.period(p, &[], &mut Vec::new()).totals),
        })
        .collect()
}

/// Compute the report for the dataset's current period.
pub fn compute(d: &Dataset, spec: &ReportSpec) -> Computed {
    compute_with(d, spec, &Typed::default())
}

/// [`compute`], with the figures the clerk typed where the data has none.
pub fn compute_with(d: &Dataset, spec: &ReportSpec, typed: &Typed) -> Computed {
    let figures = figures(spec);
    let cols = Columns::of(d, spec);
    let (roles, col_of) = (&cols.roles, &cols.col_of);
    let reader = cols.reader(d, spec, figures.len());
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
        .zip(col_of)
        .zip(roles)
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

/// The typed figures ([`Typed::current`]) the data has too, where the two
/// differ as printed. Computed on demand (the page shows them beside the
/// typed figures), as are [`groups`] and [`Computed::absent`].
pub fn discrepancies(c: &Computed, typed: &Typed) -> Vec<Discrepancy> {
    let (figures, cur) = (&c.figures, &c.current);
    typed
        .current
        .iter()
        .filter_map(|(id, t)| {
            let k = figures.iter().position(|f| f.id == *id)?;
            let f = &figures[k];
            // A typed indicator total is the figure itself when no unit has
            // it: nothing to check.
            if f.column && cur.units.iter().all(|u| u.vals[k].is_none()) {
                return None;
            }
            let c = cur.totals[k]?;
            (f.text(*t) != f.text(c)).then_some(Discrepancy {
                figure: k,
                typed: *t,
                computed: c,
            })
        })
        .collect()
}

/// Per group of the current units (table order; none when the units have
/// no group): its units and totals, indicators aggregated as over all
/// units, ratios and sums from the group's totals.
pub fn groups(c: &Computed, spec: &ReportSpec) -> Vec<GroupFigures> {
    let cur = &c.current;
    if !c.grouped {
        return Vec::new();
    }
    let (names, of_unit) = group_index(c);
    let nfig = cur.totals.len();
    let ni = spec.indicators.len();
    let find = |id: &str| spec.indicators.iter().position(|i| i.id == id);
    // One pass: each group's units in table order.
    let mut members: Vec<Vec<UnitFigures>> = vec![Vec::new(); names.len()];
    for (u, &n) in cur.units.iter().zip(&of_unit) {
        members[n].push(u.clone());
    }
    members
        .into_iter()
        .enumerate()
        .map(|(g, units)| {
            let mut totals = vec![None; nfig];
            for (k, ind) in spec.indicators.iter().enumerate() {
                totals[k] = aggregate(&units, k, &ind.aggregate, find);
            }
            total_measures(spec, ni, &mut totals);
            GroupFigures {
                name: names[g].to_string(),
                units: units.len(),
                totals,
            }
        })
        .collect()
}

/// The current units' groups in order of first appearance (a unit
/// without one is in the group ""), and each unit's group: what
/// [`groups`] totals and the page's table folds.
pub fn group_index(c: &Computed) -> (Vec<&str>, Vec<usize>) {
    let mut names: Vec<&str> = Vec::new();
    let mut index: FastMap<&str, usize> = FastMap::default();
    let of_unit = c
        .current
        .units
        .iter()
        .map(|u| {
            let g = u.group.as_deref().unwrap_or("");
            *index.entry(g).or_insert_with(|| {
                names.push(g);
                names.len() - 1
            })
        })
        .collect();
    (names, of_unit)
}

/// The slot of figure `id`: indicators first, then measures.
fn figure_index(spec: &ReportSpec, id: &str) -> Option<usize> {
    let ni = spec.indicators.len();
    spec.indicators.iter().position(|i| i.id == id).or_else(|| {
        spec.measures
            .iter()
            .position(|m| m.id == id)
            .map(|m| ni + m)
    })
}

/// A ratio divides as a percentage, a quotient plainly.
fn divide(f: &Formula) -> fn(Val, Val) -> Option<Val> {
    match f {
        Formula::Quotient { .. } => Val::quotient,
        _ => Val::percent,
    }
}

/// The measures over totals (ratios and sums; a rank has no total), from
/// the indicators' totals in `totals[..ni]`.
fn total_measures(spec: &ReportSpec, ni: usize, totals: &mut [Option<Val>]) {
    let index = |id: &str| figure_index(spec, id);
    for (m, def) in spec.measures.iter().enumerate() {
        let k = ni + m;
        totals[k] = match &def.formula {
            Formula::Ratio { num, den } | Formula::Quotient { num, den } => {
                match (index(num), index(den)) {
                    (Some(a), Some(b)) => match (totals[a], totals[b]) {
                        (Some(x), Some(y)) => divide(&def.formula)(x, y),
                        _ => None,
                    },
                    _ => None,
                }
            }
            Formula::Sum { of } => {
                let parts: Option<Vec<usize>> = of.iter().map(|id| index(id)).collect();
                parts.and_then(|p| sum_of(p.iter().map(|&i| totals[i])))
            }
            Formula::Share { of } => index(of)
                .and_then(|a| totals[a])
                .and_then(|x| Val::percent(x, x)),
            Formula::Rank { .. } => None,
        };
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
        let index = |id: &str| figure_index(spec, id);
        for (m, def) in spec.measures.iter().enumerate() {
            let k = ni + m;
            match &def.formula {
                Formula::Ratio { num, den } | Formula::Quotient { num, den } => {
                    let (Some(a), Some(b)) = (index(num), index(den)) else {
                        continue;
                    };
                    let op = divide(&def.formula);
                    for u in &mut units {
                        u.vals[k] = match (u.vals[a], u.vals[b]) {
                            (Some(x), Some(y)) => op(x, y),
                            _ => None,
                        };
                    }
                }
                Formula::Sum { of } => {
                    let parts: Option<Vec<usize>> = of.iter().map(|id| index(id)).collect();
                    let Some(parts) = parts else { continue };
                    for u in &mut units {
                        u.vals[k] = sum_of(parts.iter().map(|&p| u.vals[p]));
                    }
                }
                Formula::Rank { of, within_group } => {
                    let Some(a) = index(of) else { continue };
                    rank(&mut units, a, k, *within_group);
                }
                Formula::Share { .. } => {}
            }
        }
        total_measures(spec, ni, &mut totals);
        // A share needs the figure's total over all units.
        for (m, def) in spec.measures.iter().enumerate() {
            if let Formula::Share { of } = &def.formula {
                let Some(a) = index(of) else { continue };
                let Some(t) = totals[a] else { continue };
                for u in &mut units {
                    u.vals[ni + m] = u.vals[a].and_then(|x| Val::percent(x, t));
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
    // Borrowed: the comparison runs n log n times (a clone per call was
    // an allocation each).
    fn key(u: &UnitFigures, within_group: bool) -> Option<&str> {
        if within_group {
            u.group.as_deref()
        } else {
            None
        }
    }
    let mut order: Vec<usize> = (0..units.len())
        .filter(|&i| units[i].vals[a].is_some())
        .collect();
    thongbao_model::order::sort_indices(&mut order, &mut |x, y| {
        key(&units[x], within_group)
            .cmp(&key(&units[y], within_group))
            .then(units[y].vals[a].cmp(&units[x].vals[a]))
    });
    let mut pos = 0i64;
    for (n, &i) in order.iter().enumerate() {
        let same_group =
            n > 0 && key(&units[order[n - 1]], within_group) == key(&units[i], within_group);
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
        let keys: FastMap<String, usize> = b
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

#[cfg(test)]
mod tests;
