//! Statistics of a period: totals, rates, per-unit figures, ranks, change
//! since the previous period, and who leads and who lags.
//!
//! Everything is computed from the integers: rates are rounded half-up by
//! [`crate::format::ratio_scaled`], classification compares
//! `scans × 100 × units` with `threshold × total`, and low installers compare
//! `installs × total smartphones × 100` with `threshold × total installs ×
//! smartphones` (never the rounded rates), so neither float noise nor the
//! decimals shown can move a unit across a threshold.

use crate::date::Date;
use crate::format;
use crate::model::unit_key;
use crate::model::{Dataset, Indicator, Period, Values};

pub use crate::sort::{name_sort_key, order, SortKey};

/// Thresholds for classification, in percent.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Thresholds {
    /// High scanners: scans ≥ this % of the mean scans per unit.
    pub high_pct: u32,
    /// Low scanners: scans < this % of the mean scans per unit.
    pub low_pct: u32,
    /// Low installers: install rate < this % of the overall install rate.
    pub low_install_pct: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            high_pct: 60,
            low_pct: 10,
            low_install_pct: 80,
        }
    }
}

crate::json::to_json_struct!(Thresholds {
    high_pct,
    low_pct,
    low_install_pct
});
crate::json::to_json_struct!(Settings {
    decimals,
    thresholds
});
crate::json::to_json_struct!(Manual {
    current,
    previous,
    typed_rate,
    low_installers
});
crate::json::to_json_struct!(ManualPeriod { date, values });

crate::json::from_json_struct!(Settings {
    decimals: req,
    thresholds: req,
});

crate::json::from_json_struct!(Manual {
    current: req,
    previous: opt,
    typed_rate: opt,
    low_installers: or_default,
});

crate::json::from_json_struct!(ManualPeriod {
    date: opt,
    values: req,
});

crate::json::from_json_struct!(Thresholds {
    high_pct: req,
    low_pct: req,
    low_install_pct: req,
});

/// How figures are computed.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Settings {
    /// Decimals of rates (0–2).
    pub decimals: u8,
    pub thresholds: Thresholds,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            decimals: 1,
            thresholds: Thresholds::default(),
        }
    }
}

/// Figures typed in by hand: totals the file lacks (the seed letter's
/// 5.554 installs of 18.510 smartphones), and the previous report's totals
/// when no previous file is at hand (526 / 3.186 / 5.386 on 05/11/2021).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Manual {
    /// Totals for the current period; used where the data has no column,
    /// checked against the computed total where it has.
    pub current: Values,
    /// The previous report, typed in.
    pub previous: Option<ManualPeriod>,
    /// A rate typed in the letter (e.g. "30,1%"), checked against the
    /// computed one.
    pub typed_rate: Option<String>,
    /// Units named by hand as low installers, for data without per-unit
    /// installs and smartphones (the seed letter named three). Ignored when
    /// the data has them: the computed list is used.
    pub low_installers: Vec<String>,
}

impl Manual {
    /// The same figures for the generic engine, with the ids of the COVID
    /// report's definition (`covid-qr.json`): the indicators' role ids,
    /// the typed rate as the measure `rate` (only checked: the rate is
    /// computed), the typed low installers as members of the class
    /// `low_installers`.
    pub fn typed(&self) -> crate::engine::Typed {
        use crate::engine::{TypedPeriod, Val};
        use crate::ingest::numbers::{parse_decimal, DecimalSep};
        let totals = |v: &Values| -> Vec<(String, Val)> {
            Indicator::ALL
                .into_iter()
                .filter_map(|i| v.get(i).map(|n| (i.id().to_string(), Val::int(n))))
                .collect()
        };
        let mut current = totals(&self.current);
        let rate = self
            .typed_rate
            .as_deref()
            .map(|t| t.replace([' ', '%'], ""));
        if let Some((v, _)) = rate.and_then(|t| parse_decimal(&t, DecimalSep::Unknown)) {
            current.push(("rate".to_string(), Val::of_f64(v)));
        }
        crate::engine::Typed {
            current,
            previous: self.previous.as_ref().map(|p| TypedPeriod {
                date: p.date,
                totals: totals(&p.values),
            }),
            // As the COVID statistics take them: trimmed, blanks dropped.
            members: {
                let names: Vec<String> = self
                    .low_installers
                    .iter()
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect();
                if names.is_empty() {
                    Vec::new()
                } else {
                    vec![("low_installers".to_string(), names)]
                }
            },
        }
    }
}

/// A previous report's date and totals.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ManualPeriod {
    pub date: Option<Date>,
    pub values: Values,
}

/// Scan class of a unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScanClass {
    High,
    Middle,
    Low,
    /// No scan figure.
    Unknown,
}

/// One unit's figures in the current period.
#[derive(Clone, Debug, PartialEq)]
pub struct UnitStats {
    pub name: String,
    pub district: Option<String>,
    pub line: usize,
    pub source: Option<usize>,
    pub values: Values,
    /// Installs / smartphones, scaled by 10^decimals (300 = 30,0%).
    pub rate: Option<i64>,
    pub scans_per_location: Option<f64>,
    /// Share of total scans, scaled like `rate`.
    pub share_scans: Option<i64>,
    /// Rank by scans, 1 = most (ties share the rank).
    pub rank: Option<usize>,
    pub class: ScanClass,
    pub low_install: bool,
    /// Change since the previous period, per indicator.
    pub delta: Values,
    pub prev_rank: Option<usize>,
    /// Whether the unit was in the previous period at all.
    pub was_reported: bool,
}

impl UnitStats {
    pub fn get(&self, i: Indicator) -> Option<i64> {
        self.values.get(i)
    }
}

/// Subtotals of one district.
#[derive(Clone, Debug, PartialEq)]
pub struct DistrictStats {
    pub name: String,
    pub units: usize,
    pub totals: Values,
    pub rate: Option<i64>,
}

/// Where the previous figures came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrevSource {
    None,
    /// An earlier period of the loaded data (second file, date column).
    Data,
    /// Typed in by hand.
    Manual,
}

/// A typed figure that disagrees with the computed one.
#[derive(Clone, Debug, PartialEq)]
pub enum Discrepancy {
    Total {
        indicator: Indicator,
        typed: i64,
        computed: i64,
    },
    Rate {
        typed: String,
        computed: String,
    },
}

impl Discrepancy {
    pub fn message(&self, lang: crate::Lang) -> String {
        let vi = lang == crate::Lang::Vi;
        match self {
            Discrepancy::Total {
                indicator,
                typed,
                computed,
            } if vi => format!(
                "«{}» nhập tay là {}, nhưng tính từ bảng được {}: dùng số tính được.",
                indicator.label(lang),
                format::int(*typed),
                format::int(*computed)
            ),
            Discrepancy::Total {
                indicator,
                typed,
                computed,
            } => format!(
                "“{}” was typed as {}, but the table adds up to {}: the computed figure is used.",
                indicator.label(lang),
                format::int(*typed),
                format::int(*computed)
            ),
            Discrepancy::Rate { typed, computed } if vi => {
                format!("Tỷ lệ nhập tay là {typed}, nhưng tính từ số liệu được {computed}: dùng {computed}.")
            }
            Discrepancy::Rate { typed, computed } => {
                format!("The typed rate is {typed}, but the figures give {computed}: {computed} is used.")
            }
        }
    }
}

/// Who installs too little, and on what grounds. Data without per-unit
/// installs and smartphones says nothing about it: that is [`LowInstallers::NoData`],
/// never another list standing in.
#[derive(Clone, Debug, PartialEq)]
pub enum LowInstallers {
    /// No unit has both installs and smartphones, and none were named by
    /// hand: no list, no sentence.
    NoData,
    /// From each unit's installs / smartphones: indices into
    /// [`Summary::units`], by rate ascending (ties in file order). Empty
    /// when no unit is below the threshold.
    Computed(Vec<usize>),
    /// Named by hand ([`Manual::low_installers`]), as typed.
    Typed(Vec<String>),
}

impl LowInstallers {
    /// The names, when there is a list at all.
    pub fn names<'a>(&'a self, units: &'a [UnitStats]) -> Option<Vec<&'a str>> {
        match self {
            LowInstallers::NoData => None,
            LowInstallers::Computed(idx) => Some(
                idx.iter()
                    .filter_map(|&i| units.get(i))
                    .map(|u| u.name.as_str())
                    .collect(),
            ),
            LowInstallers::Typed(names) => Some(names.iter().map(String::as_str).collect()),
        }
    }
}

/// Everything the dashboard and the letter say in numbers.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    pub date: Option<Date>,
    pub decimals: u8,
    pub thresholds: Thresholds,
    pub unit_count: usize,
    /// Districts, when the data has a district column.
    pub district_count: Option<usize>,
    /// Totals of the current period: summed from the units, or typed in
    /// where the data has no such column.
    pub totals: Values,
    /// Install rate (scaled).
    pub rate: Option<i64>,
    pub prev_source: PrevSource,
    pub prev_date: Option<Date>,
    pub prev_totals: Values,
    pub prev_rate: Option<i64>,
    /// Change of each total since the previous period.
    pub delta: Values,
    /// Mean scans per unit.
    pub mean_scans: Option<f64>,
    /// Units in file order.
    pub units: Vec<UnitStats>,
    /// Indices into `units`: high scanners by scans descending (ties in
    /// file order).
    pub high: Vec<usize>,
    /// Low scanners by scans ascending (ties in file order).
    pub low: Vec<usize>,
    /// Low installers, or why there is no such list.
    pub low_installers: LowInstallers,
    /// Units that reported zero scans.
    pub zero: Vec<usize>,
    /// Units of the previous period missing now ("did not report").
    pub missing: Vec<String>,
    pub districts: Vec<DistrictStats>,
    /// Totals per period, oldest first, for the trend chart.
    pub trend: Vec<(Option<Date>, Values)>,
    pub discrepancies: Vec<Discrepancy>,
}

impl Summary {
    pub fn total(&self, i: Indicator) -> Option<i64> {
        self.totals.get(i)
    }
    pub fn has_previous(&self) -> bool {
        self.prev_source != PrevSource::None
    }
    /// Whether any unit has a figure for `i` (a total may be typed in
    /// without any: then there is nothing to rank or list by it).
    pub fn has_unit_figures(&self, i: Indicator) -> bool {
        self.units.iter().any(|u| u.get(i).is_some())
    }
}

pub use crate::model::{sum, totals_of};

/// Ranks by scans, 1 = most; equal scans share a rank.
fn ranks(values: &[Option<i64>]) -> Vec<Option<usize>> {
    values
        .iter()
        .map(|v| v.map(|x| 1 + values.iter().filter(|o| o.is_some_and(|y| y > x)).count()))
        .collect()
}

fn ranks_fast(values: &[Option<i64>]) -> Vec<Option<usize>> {
    if values.len() < 512 {
        return ranks(values);
    }
    let mut sorted: Vec<i64> = values.iter().flatten().copied().collect();
    thongbao_model::order::sort_by(&mut sorted, |a, b| b.cmp(a));
    values
        .iter()
        .map(|v| v.map(|x| 1 + sorted.partition_point(|&y| y > x)))
        .collect()
}

/// A unit's installs and smartphones, when both are known and the rate is
/// defined (smartphones > 0).
fn unit_fraction(v: &Values) -> Option<(i64, i64)> {
    match (v.get(Indicator::Installs), v.get(Indicator::Smartphones)) {
        (Some(i), Some(s)) if s > 0 => Some((i, s)),
        _ => None,
    }
}

/// Whether `ui / us < pct% × ti / ts`, by cross-multiplication in i128
/// (`us`, `ts` > 0): `ui × ts × 100 < pct × ti × us`. Counts are at most
/// 10^12, so each product stays below 10^29 < i128::MAX.
fn is_low_install(ui: i64, us: i64, ti: i64, ts: i64, pct: u32) -> bool {
    i128::from(ui) * i128::from(ts) * 100 < i128::from(pct) * i128::from(ti) * i128::from(us)
}

/// Installs / smartphones as a rate scaled by 10^`dec`, when both exist.
fn rate_of(v: &Values, dec: u8) -> Option<i64> {
    match (v.get(Indicator::Installs), v.get(Indicator::Smartphones)) {
        (Some(i), Some(s)) => format::ratio_scaled(i, s, dec),
        _ => None,
    }
}

/// Totals: computed where the data has the column, typed where not; a
/// typed figure that differs from the computed one is a discrepancy.
fn current_totals(cur: &Period, manual: &Manual) -> (Values, Vec<Discrepancy>) {
    let mut totals = totals_of(cur);
    let mut discrepancies = Vec::new();
    for i in Indicator::ALL {
        match (totals.get(i), manual.current.get(i)) {
            (None, typed) => totals.set(i, typed),
            (Some(c), Some(t)) if c != t => discrepancies.push(Discrepancy::Total {
                indicator: i,
                typed: t,
                computed: c,
            }),
            _ => {}
        }
    }
    (totals, discrepancies)
}

/// The rate the clerk typed, when it differs from the computed `rate`.
fn rate_discrepancy(typed: Option<&str>, rate: Option<i64>, dec: u8) -> Option<Discrepancy> {
    let (typed, r) = (typed?, rate?);
    let computed = format::percent_scaled(r, dec);
    let typed_norm = typed.trim().replace(' ', "");
    let typed_val = crate::ingest::numbers::parse_decimal(
        &typed_norm,
        crate::ingest::numbers::DecimalSep::Unknown,
    );
    let same = typed_val.is_some_and(|(v, _)| {
        let p = 10f64.powi(i32::from(dec));
        ((v * p).round() as i64) == r
    });
    (!typed_norm.is_empty() && !same).then_some(Discrepancy::Rate {
        typed: typed_norm,
        computed,
    })
}

/// The previous report: the data's previous period first, else the
/// figures typed in.
fn previous(prev_period: Option<&Period>, manual: &Manual) -> (PrevSource, Option<Date>, Values) {
    match (prev_period, &manual.previous) {
        (Some(p), _) => (PrevSource::Data, p.date, totals_of(p)),
        (None, Some(m)) if m.values.0.iter().any(Option::is_some) => {
            (PrevSource::Manual, m.date, m.values)
        }
        _ => (PrevSource::None, None, Values::default()),
    }
}

/// `a − b` per indicator where both have it.
fn difference(a: &Values, b: &Values) -> Values {
    let mut d = Values::default();
    for i in Indicator::ALL {
        if let (Some(x), Some(y)) = (a.get(i), b.get(i)) {
            d.set(i, Some(x - y));
        }
    }
    d
}

/// A unit's scan class: `scans × 100 × units` against `threshold × total`
/// (integers: a float never moves a unit across a threshold).
fn scan_class(s: Option<i64>, total: Option<i64>, n: usize, th: &Thresholds) -> ScanClass {
    match (s, total) {
        (Some(s), Some(t)) if n > 0 => {
            let lhs = i128::from(s) * 100 * n as i128;
            if lhs >= i128::from(th.high_pct) * i128::from(t) && t > 0 {
                ScanClass::High
            } else if lhs < i128::from(th.low_pct) * i128::from(t) || t == 0 {
                ScanClass::Low
            } else {
                ScanClass::Middle
            }
        }
        _ => ScanClass::Unknown,
    }
}

/// The previous period's units: index by unit key, and ranks by scans.
struct PrevUnits<'a> {
    period: Option<&'a Period>,
    index: crate::fastmap::FastMap<String, usize>,
    ranks: Vec<Option<usize>>,
}

impl<'a> PrevUnits<'a> {
    fn new(period: Option<&'a Period>) -> Self {
        let Some(p) = period else {
            return PrevUnits {
                period,
                index: Default::default(),
                ranks: Vec::new(),
            };
        };
        let index = p
            .units
            .iter()
            .enumerate()
            .map(|(i, u)| (unit_key(u.district.as_deref(), &u.name), i))
            .collect();
        let scans: Vec<_> = p
            .units
            .iter()
            .map(|u| u.values.get(Indicator::Scans))
            .collect();
        PrevUnits {
            period,
            index,
            ranks: ranks_fast(&scans),
        }
    }
}

/// Every unit's figures, rate, share, rank, class and change; and the keys
/// of the current units (to find who did not report).
fn unit_stats(
    cur: &Period,
    prev: &PrevUnits,
    th: &Thresholds,
    dec: u8,
) -> (Vec<UnitStats>, crate::fastmap::FastSet<String>) {
    let n = cur.units.len();
    let total_scans = sum(cur, Indicator::Scans);
    let scans: Vec<Option<i64>> = cur
        .units
        .iter()
        .map(|u| u.values.get(Indicator::Scans))
        .collect();
    let rank = ranks_fast(&scans);
    let mut units: Vec<UnitStats> = Vec::with_capacity(n);
    let mut cur_keys: crate::fastmap::FastSet<String> = Default::default();
    cur_keys.reserve(n);
    for (k, u) in cur.units.iter().enumerate() {
        let key = unit_key(u.district.as_deref(), &u.name);
        let prev_i = prev.index.get(&key).copied();
        cur_keys.insert(key);
        let d = prev_i
            .and_then(|pi| prev.period.and_then(|p| p.units.get(pi)))
            .map(|pu| difference(&u.values, &pu.values))
            .unwrap_or_default();
        let s = u.values.get(Indicator::Scans);
        units.push(UnitStats {
            name: u.name.clone(),
            district: u.district.clone(),
            line: u.line,
            source: u.source,
            values: u.values,
            rate: rate_of(&u.values, dec),
            scans_per_location: match (s, u.values.get(Indicator::Locations)) {
                (Some(s), Some(l)) if l > 0 => Some(s as f64 / l as f64),
                _ => None,
            },
            share_scans: match (s, total_scans) {
                (Some(s), Some(t)) => format::ratio_scaled(s, t, dec),
                _ => None,
            },
            rank: rank[k],
            class: scan_class(s, total_scans, n, th),
            low_install: false,
            delta: d,
            prev_rank: prev_i.and_then(|pi| prev.ranks.get(pi).copied().flatten()),
            was_reported: prev_i.is_some(),
        });
    }
    (units, cur_keys)
}

/// Low installers: rate below a share of the overall rate, compared on the
/// exact fractions (installs / smartphones), never on the rounded rates:
/// 23,96% is below 80% of 30,0% whatever the decimals shown. Without
/// per-unit rates, the names the clerk typed (or none: no data).
fn low_installers(
    units: &mut [UnitStats],
    totals: &Values,
    manual: &Manual,
    pct: u32,
) -> LowInstallers {
    let overall = match (
        totals.get(Indicator::Installs),
        totals.get(Indicator::Smartphones),
    ) {
        (Some(i), Some(s)) if s > 0 && i >= 0 => Some((i, s)),
        _ => None,
    };
    if !units.iter().any(|u| u.rate.is_some()) {
        let typed: Vec<String> = manual
            .low_installers
            .iter()
            .map(|n| n.trim().to_string())
            .filter(|n| !n.is_empty())
            .collect();
        return if typed.is_empty() {
            LowInstallers::NoData
        } else {
            LowInstallers::Typed(typed)
        };
    }
    if let Some((ti, ts)) = overall {
        for u in units.iter_mut() {
            if let Some((ui, us)) = unit_fraction(&u.values) {
                u.low_install = is_low_install(ui, us, ti, ts, pct);
            }
        }
    }
    let mut l: Vec<usize> = (0..units.len()).filter(|&i| units[i].low_install).collect();
    // By exact rate ascending; the sort is stable, so ties keep file order.
    thongbao_model::order::sort_indices(&mut l, &mut |a, b| match (
        unit_fraction(&units[a].values),
        unit_fraction(&units[b].values),
    ) {
        (Some((ai, as_)), Some((bi, bs))) => {
            (i128::from(ai) * i128::from(bs)).cmp(&(i128::from(bi) * i128::from(as_)))
        }
        _ => std::cmp::Ordering::Equal,
    });
    LowInstallers::Computed(l)
}

/// Districts, in order of first appearance, with their totals and rate.
fn district_stats(cur: &Period, dec: u8) -> Vec<DistrictStats> {
    let mut districts: Vec<DistrictStats> = Vec::new();
    let mut dindex: crate::fastmap::FastMap<String, usize> = Default::default();
    // Rows of one district usually follow each other: remember the last.
    let mut last: Option<(&str, usize)> = None;
    for u in &cur.units {
        let Some(dn) = &u.district else { continue };
        let idx = match last {
            Some((name, idx)) if name == dn.as_str() => idx,
            _ => {
                let idx = *dindex.entry(crate::text::fold(dn)).or_insert_with(|| {
                    districts.push(DistrictStats {
                        name: dn.clone(),
                        units: 0,
                        totals: Values::default(),
                        rate: None,
                    });
                    districts.len() - 1
                });
                last = Some((dn.as_str(), idx));
                idx
            }
        };
        let d = &mut districts[idx];
        d.units += 1;
        for i in Indicator::ALL {
            if let Some(v) = u.values.get(i) {
                d.totals
                    .set(i, Some(d.totals.get(i).unwrap_or(0).saturating_add(v)));
            }
        }
    }
    for d in &mut districts {
        d.rate = rate_of(&d.totals, dec);
    }
    districts
}

/// Compute the summary of the dataset's current period.
pub fn summarize(data: &Dataset, manual: &Manual, settings: &Settings) -> Summary {
    let empty = Period {
        date: None,
        units: Vec::new(),
        totals: None,
    };
    let cur = data.current().unwrap_or(&empty);
    let prev_period = data.previous();
    let dec = settings.decimals.min(2);
    let th = settings.thresholds;

    let (totals, mut discrepancies) = current_totals(cur, manual);
    let rate = rate_of(&totals, dec);
    discrepancies.extend(rate_discrepancy(manual.typed_rate.as_deref(), rate, dec));
    let (prev_source, prev_date, prev_totals) = previous(prev_period, manual);
    let delta = difference(&totals, &prev_totals);
    let prev_rate = rate_of(&prev_totals, dec);

    let n = cur.units.len();
    let (mut units, cur_keys) = unit_stats(cur, &PrevUnits::new(prev_period), &th, dec);
    let low_installers = low_installers(&mut units, &totals, manual, th.low_install_pct);
    let by = |pred: &dyn Fn(&UnitStats) -> bool| -> Vec<usize> {
        (0..units.len()).filter(|&i| pred(&units[i])).collect()
    };
    let mut high = by(&|u| u.class == ScanClass::High);
    thongbao_model::order::sort_indices(&mut high, &mut |a, b| {
        units[b]
            .get(Indicator::Scans)
            .cmp(&units[a].get(Indicator::Scans))
    });
    let mut low = by(&|u| u.class == ScanClass::Low);
    thongbao_model::order::sort_indices(&mut low, &mut |a, b| {
        units[a]
            .get(Indicator::Scans)
            .cmp(&units[b].get(Indicator::Scans))
    });
    let zero = by(&|u| u.get(Indicator::Scans) == Some(0));
    let missing: Vec<String> = prev_period
        .map(|p| {
            p.units
                .iter()
                .filter(|u| !cur_keys.contains(&unit_key(u.district.as_deref(), &u.name)))
                .map(|u| u.name.clone())
                .collect()
        })
        .unwrap_or_default();
    let districts = district_stats(cur, dec);
    let trend = data
        .periods
        .iter()
        .map(|p| (p.date, totals_of(p)))
        .collect();
    let total_scans = sum(cur, Indicator::Scans);
    Summary {
        date: cur.date,
        decimals: dec,
        thresholds: th,
        unit_count: n,
        district_count: (!districts.is_empty()).then_some(districts.len()),
        totals,
        rate,
        prev_source,
        prev_date,
        prev_totals,
        prev_rate,
        delta,
        mean_scans: total_scans.filter(|_| n > 0).map(|t| t as f64 / n as f64),
        units,
        high,
        low,
        low_installers,
        zero,
        missing,
        districts,
        trend,
        discrepancies,
    }
}

#[cfg(test)]
mod tests;
