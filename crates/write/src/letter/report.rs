//! The letter of a report definition: its placeholders and its appendix,
//! from the generic engine's figures.
//!
//! Placeholders (any figure id `X` of the report, any class id `C`):
//!
//! - `{X}` the figure over all units (`40,8%`, `704.828`, `87,56`);
//!   `{X.diff}` its change since the baseline in words ("tăng 8.221 tài
//!   khoản"); `{X.change}` signed (`+8.221`);
//! - `{count:C}` members of a class (0 too), `{some:C}` the same but
//!   missing at 0 (the sentence vanishes), `{rest:C}` the units outside it
//!   (missing at 0), `{share:C}` its share of the units (`87,5%`),
//!   `{list:C}` the members' names in the class's order ("xã Sơn Hà"),
//!   `{list:C:short}` without the commonest type word ("Sơn Hà", "thị
//!   trấn Sơn Lư"), `{groups:C}` per group "Kông Chro (5/14 địa
//!   phương)"; a class no unit could be judged by lists the members the
//!   clerk typed, if any;
//! - `{min:X}`, `{max:X}` the unit with the lowest or highest `X` (running
//!   name: "xã Ia Dom"), `{min:X:name}` its name as typed, `{min:X:value}`
//!   its `X`, `{min:X:Y}` its figure `Y`;
//! - `{units}` units in the current period, `{reported:X}` units that
//!   report `X`, `{group_count}` groups (districts), `{absent}` the units
//!   of the baseline that did not report (`{absent:short}`), `{unit_word}`, `{baseline}` ("ngày 20/11/2026", or the
//!   profile's word for the file's own change column), `{bands}` the bands
//!   sentence.

use super::{running_name, short_name, template, Appendix, Figures, Profile};
use crate::date::Date;
use crate::engine::{Computed, Figure, Val};
use crate::format;
use crate::spec::ReportSpec;
use crate::Lang;
use template::Fill;

/// A report definition's figures for the templates.
pub(super) struct Generic<'a> {
    pub c: &'a Computed,
    pub spec: &'a ReportSpec,
    pub p: &'a Profile,
}

/// A change in words: "tăng 8.221 tài khoản", "giảm 2 bậc" (the figure's
/// own words when the profile has them: "tăng lượt quét 1.150 so với ngày
/// 05/11", where `{prev_dm}` and `{prev_date}` are the baseline's date,
/// `prev`, or their blanks).
pub fn diff_text(p: &Profile, f: &Figure, d: Val, prev: Option<Date>) -> String {
    let w = p.change_words_of(&f.id);
    let n = d.abs().text(f.decimals);
    let unit = if f.percent { &w.points } else { &f.unit };
    let t = match (f.rank, d.is_zero(), d.is_negative()) {
        (true, true, _) => &w.rank_same,
        (true, false, true) => &w.rank_up,
        (true, false, false) => &w.rank_down,
        (false, true, _) => &w.same,
        (false, false, false) => &w.up,
        (false, false, true) => &w.down,
    };
    template::render(t, &|k| match k {
        "n" => Fill::Text(n.clone()),
        "unit" => Fill::Text(unit.clone()),
        "prev_dm" => Fill::Text(prev.map_or_else(|| super::DAY_MONTH_BLANK.into(), Date::dm)),
        "prev_date" => Fill::Text(prev.map_or_else(|| super::DATE_BLANK.into(), Date::dmy)),
        _ => Fill::Unknown,
    })
    .unwrap_or_default()
    .split_whitespace()
    .collect::<Vec<_>>()
    .join(" ")
}

impl Generic<'_> {
    fn figure(&self, id: &str) -> Option<(usize, &Figure)> {
        let k = self.c.index(id)?;
        Some((k, &self.c.figures[k]))
    }

    /// Running names ("xã Ia Dom"), or short ones ("Ia Dom").
    fn names<'n>(&self, names: impl Iterator<Item = &'n str>, short: bool) -> Option<String> {
        let all: Vec<String> = names
            .map(|n| {
                if short {
                    short_name(n)
                } else {
                    running_name(n)
                }
            })
            .collect();
        (!all.is_empty()).then(|| all.join(", "))
    }

    fn class_value(&self, name: &str, form: &str) -> Option<Option<String>> {
        let (id, how) = form.split_once(':').unwrap_or((form, ""));
        self.spec.class(id)?;
        let cl = self.c.class(id)?;
        let typed = cl.members.is_empty() && !cl.typed.is_empty();
        let n = if typed {
            cl.typed.len()
        } else {
            cl.members.len()
        };
        let units = cl.judged;
        Some(match name {
            "count" => Some(n.to_string()),
            "some" => (n > 0).then(|| n.to_string()),
            "rest" => (units > n).then(|| (units - n).to_string()),
            "share" => (units > 0).then(|| format::percent(n as i64, units as i64, 1)),
            "list" if typed => self.names(cl.typed.iter().map(String::as_str), how == "short"),
            "list" => self.names(
                cl.members
                    .iter()
                    .map(|&i| self.c.current.units[i].name.as_str()),
                how == "short",
            ),
            "groups" => (!cl.by_group.is_empty()).then(|| {
                cl.by_group
                    .iter()
                    .map(|(g, k, all)| format!("{g} ({k}/{all} {})", self.spec.unit_word))
                    .collect::<Vec<_>>()
                    .join(", ")
            }),
            _ => return None,
        })
    }

    fn extreme_value(&self, highest: bool, form: &str) -> Option<Option<String>> {
        let (id, what) = form.split_once(':').unwrap_or((form, ""));
        let (k, f) = self.figure(id)?;
        let Some(i) = self.c.extreme(id, highest) else {
            return Some(None);
        };
        let u = &self.c.current.units[i];
        Some(match what {
            "" => Some(running_name(&u.name)),
            "name" => Some(u.name.clone()),
            "value" => u.vals[k].map(|v| f.text(v)),
            other => {
                let (k2, f2) = self.figure(other)?;
                u.vals[k2].map(|v| f2.text(v))
            }
        })
    }

    /// The bands sentence: each band with units, then the ones without.
    fn bands(&self) -> Option<String> {
        let b = self.spec.bands.as_ref()?;
        let units = b
            .classes
            .first()
            .and_then(|id| self.c.class(id))
            .map_or(self.c.current.units.len(), |c| c.judged);
        let mut with = Vec::new();
        let mut without = Vec::new();
        for id in &b.classes {
            let (Some(def), Some(cl)) = (self.spec.class(id), self.c.class(id)) else {
                continue;
            };
            let n = cl.members.len();
            if n == 0 {
                without.push(def.name.clone());
                continue;
            }
            let share = format::percent(n as i64, units as i64, 1);
            with.push(template::render(&b.phrase, &|k| match k {
                "name" => Fill::Text(def.name.clone()),
                "count" => Fill::Text(n.to_string()),
                "units" => Fill::Text(units.to_string()),
                "share" => Fill::Text(share.clone()),
                "unit_word" => Fill::Text(self.spec.unit_word.clone()),
                _ => Fill::Unknown,
            })?);
        }
        if with.is_empty() {
            return None;
        }
        let mut out = with.join("; ");
        if !without.is_empty() {
            let names = join_and(&without);
            let none = template::render(&b.none, &|k| match k {
                "names" => Fill::Text(names.clone()),
                "unit_word" => Fill::Text(self.spec.unit_word.clone()),
                _ => Fill::Unknown,
            })?;
            out.push_str(" và ");
            out.push_str(&none);
        }
        Some(out)
    }
}

/// "a, b và c".
fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} và {last}", init.join(", ")),
    }
}

impl Figures for Generic<'_> {
    fn data_date(&self) -> Option<Date> {
        self.c.current.date
    }
    fn prev_date(&self) -> Option<Date> {
        self.c.baseline.as_ref().and_then(|b| b.date)
    }
    fn is_change(&self, name: &str) -> bool {
        // A change from the file's own column needs no previous date.
        (name.ends_with(".diff") || name.ends_with(".change")) && self.c.baseline.is_some()
    }
    fn value(&self, name: &str, form: &str) -> Option<Option<String>> {
        let c = self.c;
        match name {
            "units" => return Some(Some(c.current.units.len().to_string())),
            "group_count" => {
                return Some(
                    Some(c.group_count())
                        .filter(|n| *n > 0)
                        .map(|n| n.to_string()),
                )
            }
            "absent" => {
                return Some(self.names(c.absent().iter().map(String::as_str), form == "short"))
            }
            "unit_word" => return Some(Some(self.spec.unit_word.clone())),
            "bands" => return Some(self.bands()),
            "baseline" => {
                return Some(match &c.baseline {
                    Some(b) => b.date.map(|d| format!("ngày {}", d.dmy())),
                    None => (!self.p.previous_word.is_empty()
                        && c.changes.iter().any(Option::is_some))
                    .then(|| self.p.previous_word.clone()),
                })
            }
            "reported" => {
                let (k, _) = self.figure(form)?;
                let n = c
                    .current
                    .units
                    .iter()
                    .filter(|u| u.vals[k].is_some())
                    .count();
                return Some(Some(n.to_string()));
            }
            "min" | "max" => return self.extreme_value(name == "max", form),
            "count" | "some" | "rest" | "share" | "list" | "groups" if !form.is_empty() => {
                return self.class_value(name, form)
            }
            _ => {}
        }
        let (id, part) = name.split_once('.').unwrap_or((name, ""));
        let (k, f) = self.figure(id)?;
        Some(match part {
            "" => c.current.totals[k].map(|v| f.text(v)),
            "diff" => c.changes[k].map(|d| diff_text(self.p, f, d, self.prev_date())),
            "change" => c.changes[k].map(|d| f.signed_text(d)),
            _ => return None,
        })
    }
}

/// What a report's figures and classes are named in the templates, for
/// the form's hint: "{accounts}, {rate}, {list:low}".
pub fn placeholders(spec: &ReportSpec) -> String {
    let figures = spec.indicators.iter().map(|i| &i.id);
    let figures = figures.chain(spec.measures.iter().map(|m| &m.id));
    figures
        .map(|id| format!("{{{id}}}"))
        .chain(spec.classes.iter().map(|c| format!("{{list:{}}}", c.id)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// One appendix column of a report definition (after STT, group and unit).
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    /// Its figure; `None`: the band column.
    pub figure: Option<usize>,
    /// The figure's change since the baseline (`<id>.diff`).
    pub diff: bool,
    pub label: String,
}

impl Column {
    /// Unit `i`'s value of the column: the figure, its change, or nothing
    /// (the band column, see [`band_name`]).
    pub fn unit_value(&self, c: &Computed, i: usize) -> Option<Val> {
        let k = self.figure?;
        if self.diff {
            c.unit_changes[i][k]
        } else {
            c.current.units[i].vals[k]
        }
    }

    /// The value over all units.
    pub fn total_value(&self, c: &Computed) -> Option<Val> {
        let k = self.figure?;
        if self.diff {
            c.changes[k]
        } else {
            c.current.totals[k]
        }
    }
}

/// The report's appendix columns, labelled (the profile's label, else the
/// figure's name). A figure's column is left out when no unit has a value
/// in it (an indicator the file lacks, typed as a total only; a change
/// without a baseline): a column of blanks says nothing.
pub fn columns(c: &Computed, spec: &ReportSpec, p: &Profile) -> Vec<Column> {
    columns_of(&spec.appendix, c, p, Lang::Vi)
}

/// The page's table columns (and its exports'): [`ReportSpec::table`], or
/// the appendix's; labelled in `lang` where the figures have English names.
pub fn table_columns(c: &Computed, spec: &ReportSpec, p: &Profile, lang: Lang) -> Vec<Column> {
    let cols = match spec.table.is_empty() {
        true => &spec.appendix,
        false => &spec.table,
    };
    columns_of(cols, c, p, lang)
}

fn columns_of(cols: &[String], c: &Computed, p: &Profile, lang: Lang) -> Vec<Column> {
    cols.iter()
        .filter_map(|col| {
            let (id, diff) = match col.strip_suffix(".diff") {
                Some(id) => (id, true),
                None => (col.as_str(), false),
            };
            let figure = c.index(id);
            let english = figure
                .map(|k| c.figures[k].name_en.as_str())
                .filter(|n| lang == Lang::En && !n.is_empty());
            let label = match (english, p.column_label(col)) {
                (Some(n), _) if diff => format!("{n} (change)"),
                (Some(n), _) => n.to_string(),
                (None, _) if lang == Lang::En && figure.is_none() => "Class".to_string(),
                (None, Some(l)) => l.to_string(),
                (None, None) => match figure {
                    Some(k) if diff => format!("{} (thay đổi)", c.figures[k].name),
                    Some(k) => c.figures[k].name.clone(),
                    None => col.clone(),
                },
            };
            let column = Column {
                figure,
                diff,
                label,
            };
            let empty = column.figure.is_some()
                && (0..c.current.units.len()).all(|i| column.unit_value(c, i).is_none());
            (!empty).then_some(column)
        })
        .collect()
}

/// The band of current unit `i` ("" without one).
pub fn band_name(c: &Computed, spec: &ReportSpec, i: usize) -> String {
    let Some(b) = &spec.bands else {
        return String::new();
    };
    c.band_of[i]
        .and_then(|j| b.classes.get(j))
        .and_then(|id| spec.class(id))
        .map(|d| d.name.clone())
        .unwrap_or_default()
}

/// The page's order of a report's table rows (its units): those whose
/// name or group contains `filter` (folded: case and diacritics ignored),
/// sorted by table column `col` (0: STT, file order; then the group
/// column when there is one, the unit, and [`table_columns`]), descending when
/// `desc`. Names sort as the COVID table's do (without the type word);
/// ties keep file order and units without a value sort last either way.
pub fn table_order(
    c: &Computed,
    spec: &ReportSpec,
    p: &Profile,
    (col, desc): (usize, bool),
    filter: &str,
) -> Vec<usize> {
    use crate::text::fold;
    use thongbao_compute::sort::name_sort_key;
    let units = &c.current.units;
    let f = fold(filter);
    let mut idx: Vec<usize> = (0..units.len())
        .filter(|&i| {
            f.is_empty()
                || fold(&units[i].name).contains(&f)
                || units[i]
                    .group
                    .as_deref()
                    .is_some_and(|g| fold(g).contains(&f))
        })
        .collect();
    let first = 1 + usize::from(c.grouped);
    let text_key = |i: usize| -> Option<String> {
        if c.grouped && col == 1 {
            units[i].group.as_deref().map(fold)
        } else {
            Some(name_sort_key(&units[i].name))
        }
    };
    if col == 0 {
        // File order.
    } else if col <= first {
        let keys: Vec<Option<String>> = (0..units.len()).map(text_key).collect();
        sort_present(
            &mut idx,
            desc,
            &|a, b| {
                keys[a]
                    .as_ref()
                    .zip(keys[b].as_ref())
                    .map(|(x, y)| x.cmp(y))
            },
            &|i| keys[i].is_some(),
        );
    } else if let Some(column) = table_columns(c, spec, p, Lang::Vi).get(col - first - 1) {
        if column.figure.is_some() {
            let vals: Vec<Option<Val>> =
                (0..units.len()).map(|i| column.unit_value(c, i)).collect();
            sort_present(
                &mut idx,
                desc,
                &|a, b| vals[a].zip(vals[b]).map(|(x, y)| x.cmp(&y)),
                &|i| vals[i].is_some(),
            );
        } else {
            // The band column: best band first when ascending.
            sort_present(
                &mut idx,
                desc,
                &|a, b| c.band_of[a].zip(c.band_of[b]).map(|(x, y)| x.cmp(&y)),
                &|i| c.band_of[i].is_some(),
            );
        }
    }
    idx
}

/// Sort `idx` stably by `cmp` (reversed when `desc`), the indices without a
/// value (`has` false) last either way.
fn sort_present(
    idx: &mut [usize],
    desc: bool,
    cmp: &dyn Fn(usize, usize) -> Option<std::cmp::Ordering>,
    has: &dyn Fn(usize) -> bool,
) {
    use std::cmp::Ordering;
    thongbao_model::order::sort_by(idx, |&a, &b| match (has(a), has(b)) {
        (true, true) => {
            let o = cmp(a, b).unwrap_or(Ordering::Equal);
            if desc {
                o.reverse()
            } else {
                o
            }
        }
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) => Ordering::Equal,
    });
}

/// The total row's label: the profile's, else "Tổng cộng".
pub fn total_label(p: &Profile) -> String {
    if p.total_label.is_empty() {
        "Tổng cộng".into()
    } else {
        p.total_label.clone()
    }
}

/// The appendix: STT, group (when the units have one), unit, then the
/// report's columns; a total row of the figures that have a total.
pub(super) fn appendix(
    c: &Computed,
    spec: &ReportSpec,
    p: &Profile,
    title: String,
    note: String,
) -> Appendix {
    rows_of(c, spec, p, columns(c, spec, p), title, note)
}

/// The page's table: laid out as the appendix is, over [`table_columns`];
/// a unit's cells are written when it comes into view ([`Table::row`]:
/// 10.600 rows of text at each change of the figures held the page), and
/// the district groups' rows only when the table is grouped
/// ([`Table::group_rows`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// Headers, numeric flags and the total row (no unit rows).
    pub appendix: Appendix,
    pub cols: Vec<Column>,
    /// Each unit's group ([`crate::engine::group_index`], the order of
    /// [`crate::engine::groups`]); empty when the units have none.
    pub group_of: Vec<usize>,
    /// How many groups.
    pub groups: usize,
}

impl Table {
    /// Unit `i`'s cells.
    pub fn row(&self, c: &Computed, spec: &ReportSpec, p: &Profile, i: usize) -> Vec<String> {
        match i < c.current.units.len() {
            true => unit_row(c, spec, p, &self.cols, i),
            false => Vec::new(),
        }
    }

    /// Per group: its row's cells (its name under the group column, "21
    /// đơn vị" under the unit's, its totals under the figures').
    pub fn group_rows(&self, c: &Computed, spec: &ReportSpec) -> Vec<Vec<String>> {
        crate::engine::groups(c, spec)
            .iter()
            .map(|g| {
                let mut r = vec![
                    String::new(),
                    g.name.clone(),
                    format!("{} {}", format::int(g.units as i64), spec.unit_word),
                ];
                r.extend(self.cols.iter().map(|col| {
                    match (col.figure, col.diff) {
                        (Some(k), false) => g.totals[k]
                            .map(|v| c.figures[k].text(v))
                            .unwrap_or_default(),
                        _ => String::new(),
                    }
                }));
                r
            })
            .collect()
    }
}

/// The page's table of a report (see [`Table`]), its headers in `lang`.
pub fn table(c: &Computed, spec: &ReportSpec, p: &Profile, lang: Lang) -> Table {
    let cols = table_columns(c, spec, p, lang);
    let (groups, group_of) = match c.grouped {
        true => {
            let (names, of_unit) = crate::engine::group_index(c);
            (names.len(), of_unit)
        }
        false => (0, Vec::new()),
    };
    let mut appendix = head_of(c, p, &cols, String::new(), String::new());
    if lang == Lang::En {
        let heads: &[&str] = match c.grouped {
            true => &["No.", "District", "Unit"],
            false => &["No.", "Unit"],
        };
        for (h, w) in appendix.columns.iter_mut().zip(heads) {
            *h = w.to_string();
        }
        if p.total_label.is_empty() {
            if let Some(t) = appendix.total.get_mut(heads.len() - 1) {
                *t = "Total".into();
            }
        }
    }
    Table {
        appendix,
        cols,
        group_of,
        groups,
    }
}

fn rows_of(
    c: &Computed,
    spec: &ReportSpec,
    p: &Profile,
    cols: Vec<Column>,
    title: String,
    note: String,
) -> Appendix {
    let mut a = head_of(c, p, &cols, title, note);
    a.rows = (0..c.current.units.len())
        .map(|i| unit_row(c, spec, p, &cols, i))
        .collect();
    a
}

/// The appendix's headers, numeric flags and total row (no unit rows).
fn head_of(c: &Computed, p: &Profile, cols: &[Column], title: String, note: String) -> Appendix {
    let mut columns = vec!["STT".to_string()];
    let mut numeric = vec![true];
    if c.grouped {
        columns.push(p.district_label.clone());
        numeric.push(false);
    }
    columns.push(p.unit_label.clone());
    numeric.push(false);
    for col in cols {
        columns.push(col.label.clone());
        numeric.push(col.figure.is_some());
    }
    let mut total = vec![String::new()];
    if c.grouped {
        total.push(String::new());
    }
    total.push(total_label(p));
    total.extend(cols.iter().map(|col| cell(c, p, col, col.total_value(c))));
    Appendix {
        heading: "Phụ lục".into(),
        title,
        note,
        columns,
        numeric,
        rows: Vec::new(),
        total,
    }
}

/// A column's cell for a value: the figure as printed, a change signed
/// (a rank's in words).
fn cell(c: &Computed, p: &Profile, col: &Column, v: Option<Val>) -> String {
    let (Some(k), Some(v)) = (col.figure, v) else {
        return String::new();
    };
    let f = &c.figures[k];
    match col.diff {
        true if f.rank => diff_text(p, f, v, c.baseline.as_ref().and_then(|b| b.date)),
        true => f.signed_text(v),
        false => v.text(f.decimals),
    }
}

/// Unit `i`'s row: STT, group, name, then the columns.
fn unit_row(
    c: &Computed,
    spec: &ReportSpec,
    p: &Profile,
    cols: &[Column],
    i: usize,
) -> Vec<String> {
    let u = &c.current.units[i];
    let mut r = vec![(i + 1).to_string()];
    if c.grouped {
        r.push(u.group.clone().unwrap_or_default());
    }
    r.push(u.name.clone());
    for col in cols {
        r.push(match col.figure {
            Some(_) => cell(c, p, col, col.unit_value(c, i)),
            None => band_name(c, spec, i),
        });
    }
    r
}
