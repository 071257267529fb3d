//! The data model every feature shares: a dataset of periods of units.
//!
//! Ingest produces it, statistics read it, the letter and the exports are
//! written from the statistics. It is plain data (JSON both ways,
//! `json.rs`) so the app can keep it in the browser and the history can
//! store one period per report date.

use crate::date::Date;
use crate::json::{self, Bad, FromJson, Value};
use thongbao_text::fold;

/// A counted figure reported per unit. The order is the order of
/// [`Values`]' slots and of the columns in tables and exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Indicator {
    /// Registered QR check-in locations.
    Locations,
    /// QR scans.
    Scans,
    /// PC-Covid installs.
    Installs,
    /// Smartphones.
    Smartphones,
    /// Population.
    Population,
}

impl Indicator {
    /// Each indicator's name in JSON, in the order of [`Indicator::ALL`]
    /// (read and written from this one table).
    pub const JSON_NAMES: [&'static str; 5] = [
        "Locations",
        "Scans",
        "Installs",
        "Smartphones",
        "Population",
    ];
    pub const ALL: [Indicator; 5] = [
        Indicator::Locations,
        Indicator::Scans,
        Indicator::Installs,
        Indicator::Smartphones,
        Indicator::Population,
    ];

    /// Slot in [`Values`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// The indicator whose [`Indicator::id`] is `id`.
    pub fn from_id(id: &str) -> Option<Indicator> {
        Indicator::ALL.into_iter().find(|i| i.id() == id)
    }

    /// Stable id for storage, JSON and test hooks.
    pub fn id(self) -> &'static str {
        match self {
            Indicator::Locations => "locations",
            Indicator::Scans => "scans",
            Indicator::Installs => "installs",
            Indicator::Smartphones => "smartphones",
            Indicator::Population => "population",
        }
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        use crate::Lang::*;
        match (self, lang) {
            (Indicator::Locations, Vi) => "Số địa điểm tạo mã QR",
            (Indicator::Scans, Vi) => "Lượt quét QR",
            (Indicator::Installs, Vi) => "Số máy cài PC-Covid",
            (Indicator::Smartphones, Vi) => "Số điện thoại thông minh",
            (Indicator::Population, Vi) => "Dân số",
            (Indicator::Locations, En) => "QR locations",
            (Indicator::Scans, En) => "QR scans",
            (Indicator::Installs, En) => "PC-Covid installs",
            (Indicator::Smartphones, En) => "Smartphones",
            (Indicator::Population, En) => "Population",
        }
    }
}

impl FromJson for Indicator {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        Ok(Indicator::ALL[json::unit_variant(v, &Indicator::JSON_NAMES)?])
    }
}

impl FromJson for Values {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        FromJson::from_json(v).map(Values)
    }
}

crate::json::from_json_struct!(Unit {
    line: req,
    source: opt,
    district: opt,
    name: req,
    values: req,
    extra: req,
});

crate::json::from_json_struct!(Period {
    date: opt,
    units: req,
    totals: opt,
});

crate::json::from_json_struct!(Dataset {
    sources: req,
    periods: req,
    extra_columns: req,
});

/// One optional count per [`Indicator`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Values(pub [Option<i64>; 5]);

impl Values {
    pub fn get(&self, i: Indicator) -> Option<i64> {
        self.0[i.index()]
    }
    pub fn set(&mut self, i: Indicator, v: Option<i64>) {
        self.0[i.index()] = v;
    }
}

/// One administrative unit's row (a commune, ward or town).
#[derive(Clone, Debug, PartialEq)]
pub struct Unit {
    /// Where the row came from: line in a text file, row in a sheet (1-based).
    pub line: usize,
    /// Index into [`Dataset::sources`]; `None` for a stored period's unit (no loaded file).
    pub source: Option<usize>,
    /// District (huyện / thị xã / thành phố) when the table has that column.
    pub district: Option<String>,
    /// The unit's name as the file wrote it (NFC, trimmed): "Xã Trung Xuân".
    pub name: String,
    pub values: Values,
    /// Cells of the columns no role claimed, aligned with
    /// [`Dataset::extra_columns`].
    pub extra: Vec<String>,
}

impl Unit {
    /// Its extra cells moved to the columns `to` gives for their places
    /// (see [`Dataset::place_columns`]); a cell `to` has no column for is
    /// left out.
    pub fn move_extra(&mut self, to: &dyn Fn(usize) -> Option<usize>) {
        let mut extra = Vec::new();
        for (j, cell) in std::mem::take(&mut self.extra).into_iter().enumerate() {
            let Some(k) = to(j) else { continue };
            if extra.len() <= k {
                extra.resize(k + 1, String::new());
            }
            extra[k] = cell;
        }
        self.extra = extra;
    }
}

/// All units reported for one date.
#[derive(Clone, Debug, PartialEq)]
pub struct Period {
    /// The report date, when the file or its name or title says it.
    pub date: Option<Date>,
    pub units: Vec<Unit>,
    /// The totals of an older period whose units were dropped to keep a
    /// long file small in memory (see [`Dataset::compact`]).
    pub totals: Option<Values>,
}

/// Everything read from one or more files.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    /// One report per file that went into this dataset.
    pub sources: Vec<crate::source::SourceReport>,
    /// Periods in ascending date order (undated ones first); the last one is
    /// the current period.
    pub periods: Vec<Period>,
    /// Header names of the columns kept but not understood.
    pub extra_columns: Vec<String>,
}

impl Dataset {
    /// The period being reported on (the latest).
    pub fn current(&self) -> Option<&Period> {
        self.periods.last()
    }

    /// The period before the current one, when the data has it.
    pub fn previous(&self) -> Option<&Period> {
        self.periods.len().checked_sub(2).map(|i| &self.periods[i])
    }

    /// Number of unit rows held.
    pub fn unit_rows(&self) -> usize {
        self.periods.iter().map(|p| p.units.len()).sum()
    }

    /// Where each of `headers` (another table's extra columns) goes among
    /// this dataset's: the column of the same name, or a new one added at
    /// the end. For [`Unit::move_extra`].
    pub fn place_columns(&mut self, headers: &[String]) -> Vec<usize> {
        headers
            .iter()
            .map(|c| match self.extra_columns.iter().position(|o| o == c) {
                Some(i) => i,
                None => {
                    self.extra_columns.push(c.clone());
                    self.extra_columns.len() - 1
                }
            })
            .collect()
    }

    /// Keep the units of the last `keep` periods only; older periods keep
    /// their totals (for the trend). A year of daily province files is a
    /// million rows; the report needs two periods of them.
    pub fn compact(&mut self, keep: usize) {
        let n = self.periods.len();
        for p in self.periods.iter_mut().take(n.saturating_sub(keep)) {
            if p.totals.is_none() {
                p.totals = Some(totals_of(p));
            }
            p.units = Vec::new();
        }
    }

    /// Whether any unit carries a district.
    pub fn has_district(&self) -> bool {
        self.periods
            .iter()
            .any(|p| p.units.iter().any(|u| u.district.is_some()))
    }

    /// Whether any unit has a value for the indicator.
    pub fn has(&self, i: Indicator) -> bool {
        self.periods
            .iter()
            .any(|p| p.units.iter().any(|u| u.values.get(i).is_some()))
    }

    /// The file names, joined for display.
    pub fn source_names(&self) -> String {
        self.sources
            .iter()
            .map(|s| s.file_name.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Put several files' datasets together: periods with the same date are
    /// merged (a unit listed twice for one date becomes a row issue of the
    /// later file), and periods are sorted by date.
    pub fn merge(mut parts: Vec<Dataset>) -> Dataset {
        if parts.len() == 1 {
            // One file: ingest already checked it for duplicates.
            return parts.remove(0);
        }
        let mut out = Dataset {
            sources: Vec::new(),
            periods: Vec::new(),
            extra_columns: Vec::new(),
        };
        // Unit keys of each period, to find a unit listed twice in O(1).
        let mut keys: Vec<crate::fastmap::FastMap<String, usize>> = Vec::new();
        for part in parts {
            let offset = out.sources.len();
            // Extra columns: align by name.
            let map = out.place_columns(&part.extra_columns);
            out.sources.extend(part.sources);
            for period in part.periods {
                let idx = match out.periods.iter().position(|p| p.date == period.date) {
                    Some(i) => i,
                    None => {
                        out.periods.push(Period {
                            date: period.date,
                            units: Vec::new(),
                            totals: period.totals,
                        });
                        keys.push(Default::default());
                        out.periods.len() - 1
                    }
                };
                for mut unit in period.units {
                    unit.source = unit.source.and_then(|s| s.checked_add(offset));
                    unit.move_extra(&|j| Some(map.get(j).copied().unwrap_or(j)));
                    let key = unit_key(unit.district.as_deref(), &unit.name);
                    let target = &mut out.periods[idx];
                    if let Some(&first) = keys[idx].get(&key) {
                        let first: &Unit = &target.units[first];
                        let issue = crate::source::RowIssue::error(
                            unit.line,
                            None,
                            unit.name.clone(),
                            crate::source::IssueKind::DuplicateUnit {
                                first_line: first.line,
                                first_file: first.source,
                            },
                        );
                        if let Some(src) = unit.source.and_then(|s| out.sources.get_mut(s)) {
                            src.issues.push(issue);
                            src.account.units = src.account.units.saturating_sub(1);
                            src.account.rejected += 1;
                            src.account.issues += 1;
                        }
                    } else {
                        keys[idx].insert(key, target.units.len());
                        target.units.push(unit);
                    }
                }
            }
        }
        crate::order::sort_by_key(&mut out.periods, |p| p.date);
        out
    }
}

/// The key under which two rows are the same unit: district and name,
/// folded, so "Sơn Thủy"/"Sơn Thuỷ" and case differences match.
pub fn unit_key(district: Option<&str>, name: &str) -> String {
    let mut k = district.map(fold).unwrap_or_default();
    k.push('|');
    k.push_str(&fold(name));
    k
}

/// The sum of one indicator over a period's units (`None` when no unit has it).
pub fn sum(period: &Period, i: Indicator) -> Option<i64> {
    let mut any = false;
    let mut total = 0i64;
    for u in &period.units {
        if let Some(v) = u.values.get(i) {
            any = true;
            total = total.saturating_add(v);
        }
    }
    any.then_some(total)
}

/// Totals of a period (or the totals it keeps after `Dataset::compact`).
pub fn totals_of(period: &Period) -> Values {
    if let (Some(t), true) = (period.totals, period.units.is_empty()) {
        return t;
    }
    let mut v = Values::default();
    for i in Indicator::ALL {
        v.set(i, sum(period, i));
    }
    v
}

impl json::ToJson for Indicator {
    fn write_json(&self, out: &mut String) {
        json::write_unit(out, Indicator::JSON_NAMES[self.index()]);
    }
}

impl json::ToJson for Values {
    fn write_json(&self, out: &mut String) {
        self.0.write_json(out);
    }
}

json::to_json_struct!(Unit {
    line,
    source,
    district,
    name,
    values,
    extra
});
json::to_json_struct!(Period {
    date,
    units,
    totals
});
json::to_json_struct!(Dataset {
    sources,
    periods,
    extra_columns
});
