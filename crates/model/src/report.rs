//! A report as data: the indicators a file holds, the measures derived from
//! them, the classes units fall into, and the baseline changes are taken
//! against. A profile (see `thongbao_write::letter::Profile`) carries one of
//! these next to its sentences and letterhead; the generic engine
//! (`thongbao_compute::report`) computes it for any dataset.
//!
//! Ids are the names sentences, test hooks (`total-<id>`, `delta-<id>`) and
//! appendix columns use: lower-case ASCII, digits, `_` and `-`.
//!
//! Figures are fixed-point integers ([`SCALE`] per unit), so sums, means and
//! rates never go through a float and round half-up once, when printed.

use crate::json::{self, variant, within, Bad, FromJson, Obj, Value};
use thongbao_text::fold;

mod edit;
pub use edit::{read_typed_number, typed_number, words, FORMULA_KINDS, MAX_DECIMALS, RULE_KINDS};

/// Fixed-point scale of every figure: 4 decimals (a score of 0,6077 is
/// 6077; a count of 12 is 120000).
pub const SCALE: i64 = 10_000;

/// What one column of the file is.
#[derive(Clone, Debug, PartialEq)]
pub struct IndicatorDef {
    pub id: String,
    /// Its name in Vietnamese (the appendix column, the dashboard).
    pub name: String,
    pub name_en: String,
    /// Header words that find its column: each entry is a phrase matched as
    /// whole words in the folded header (any case, with or without
    /// diacritics). "chỉ tiêu" matches "Chỉ tiêu giao (tài khoản)".
    pub headers: Vec<String>,
    /// Phrases that rule a header out ("tỷ lệ" for a count column).
    pub not_headers: Vec<String>,
    pub kind: Kind,
    /// The word sentences write after the figure: "tài khoản", "điểm".
    pub unit: String,
    pub aggregate: Aggregate,
    /// Decimals printed (0 for counts, 2 for scores).
    pub decimals: u8,
    /// When the column gives the change of another indicator since the last
    /// report ("Tăng so với tuần trước"): that indicator's id. Used for its
    /// change when the data holds no earlier period.
    pub change_of: Option<String>,
    /// A built-in column role (`locations`, `scans`, `installs`,
    /// `smartphones`, `population`: the COVID report's figures) whose
    /// checked cells the indicator reads. A report whose every indicator
    /// has one is read with the built-in column rules and row checks (a
    /// negative count rejects its row), not by header words.
    pub role: Option<String>,
}

/// What a figure is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Kind {
    /// Whole things counted: accounts, files, visits.
    #[default]
    Count,
    /// An amount with decimals (money, hectares).
    Amount,
    /// Points out of `max`.
    Score { max: i64 },
    /// A percentage the file gives (printed with "%").
    Percent,
}

/// How a figure over all units is made from the units' figures.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Aggregate {
    #[default]
    Sum,
    /// The mean of the units that report it.
    Mean,
    /// The mean weighted by another indicator (e.g. a given rate weighted
    /// by population).
    WeightedMean { by: String },
    /// No total (a per-unit figure only).
    None,
}

/// A figure derived from indicators, per unit and over all units.
#[derive(Clone, Debug, PartialEq)]
pub struct MeasureDef {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub formula: Formula,
    /// Decimals printed (1 for rates: 40,8%).
    pub decimals: u8,
    /// The word after the figure ("điểm"); rates print "%" themselves.
    pub unit: String,
}

fn one() -> u8 {
    1
}

/// How a measure is computed.
#[derive(Clone, Debug, PartialEq)]
pub enum Formula {
    /// `num / den` as a percentage: accounts / residents, accounts / target
    /// (a per-unit target from its column). Over all units: the ratio of
    /// the totals, never the mean of the units' rates.
    Ratio { num: String, den: String },
    /// The sum of criteria (each already in points): a weighted total.
    Sum { of: Vec<String> },
    /// The unit's rank by another figure (1 = highest), within its group
    /// when `within_group`; ties share a rank (1, 2, 2, 4).
    Rank { of: String, within_group: bool },
    /// `num / den` as a plain number: scans per location. Over all units:
    /// the quotient of the totals.
    Quotient { num: String, den: String },
    /// The unit's share of the figure's total, as a percentage (100 % over
    /// all units).
    Share { of: String },
}

/// A class of units: a rule on one figure.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    pub id: String,
    /// Its name in sentences and lists: "xuất sắc", "hoàn thành chỉ tiêu".
    pub name: String,
    pub name_en: String,
    /// The indicator or measure the rule reads.
    pub of: String,
    pub rule: Rule,
    /// The order its members are listed in (sentences, the dashboard);
    /// none: table order.
    pub order: Option<Order>,
}

/// Members listed by a figure: "high scanners, most first". Ties keep
/// table order; units without the figure go last.
#[derive(Clone, Debug, PartialEq)]
pub struct Order {
    pub by: String,
    pub desc: bool,
}

/// A rule on a unit's figure. Values are as printed (40 for 40 %,
/// 98,5 points as 98.5), compared exactly in fixed point.
#[derive(Clone, Debug, PartialEq)]
pub enum Rule {
    /// At least `value` (≥ 100 % of target: completion).
    AtLeast { value: f64 },
    /// Below `value`.
    Below { value: f64 },
    /// From `min` (included) to `max` (excluded; none: no upper bound) —
    /// a band.
    Between { min: f64, max: Option<f64> },
    /// Exactly zero (reported, nothing done).
    Zero,
    /// Not reported: the cell is empty.
    Missing,
    /// At least `percent` % of the mean over the units that report (high);
    /// none when that mean is zero: nobody stands out.
    AboveMean { percent: f64 },
    /// Below `percent` % of the mean over the units that report (low).
    BelowMean { percent: f64 },
    /// Below `percent` % of the figure over all units (its total row: for
    /// a rate, the overall rate): "installs below 80 % of the district's
    /// rate".
    BelowTotal { percent: f64 },
}

/// What a change is measured against.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Baseline {
    /// The period before the current one (last week's report).
    #[default]
    Previous,
    /// A fixed date ("so với trước cao điểm"): the period of that date.
    Date { date: crate::date::Date },
    /// The same date a year earlier, when the data holds it.
    YearEarlier,
}

/// Bands: classes every unit falls in one of, with the sentence that lists
/// them ("Nhóm được xếp loại xuất sắc gồm 14/16 đơn vị, chiếm tỷ lệ 87,5%").
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Bands {
    /// Class ids, best first.
    pub classes: Vec<String>,
    /// A band with units: `{name}`, `{count}`, `{units}`, `{share}`,
    /// `{unit_word}`.
    pub phrase: String,
    /// The bands without units: `{names}`, `{unit_word}`.
    pub none: String,
}

/// The report itself.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportSpec {
    pub indicators: Vec<IndicatorDef>,
    pub measures: Vec<MeasureDef>,
    pub classes: Vec<ClassDef>,
    pub bands: Option<Bands>,
    /// Header words of the group column (district, unit type): its cells
    /// group units for ranks and per-group counts.
    pub group_headers: Vec<String>,
    /// The word for a unit in sentences: "địa phương", "đơn vị", "xã".
    pub unit_word: String,
    pub baseline: Baseline,
    /// Figures shown as the dashboard's cards (ids), in order.
    pub kpis: Vec<String>,
    /// The figure of the bar chart (an id).
    pub chart: Option<String>,
    /// Figures of more bar charts, after `chart` (ids): the COVID report's
    /// install rate beside its scans.
    pub more_charts: Vec<String>,
    /// Appendix columns after STT, group and unit: ids, or `<id>.diff` for
    /// the change since the baseline, or `band`.
    pub appendix: Vec<String>,
    /// The page's table and its exports, in the appendix's forms; empty:
    /// the appendix's columns. The COVID report's table has the changes,
    /// the rate and the rank its letter's appendix leaves out.
    pub table: Vec<String>,
    /// The page's `data-testid` of a figure, a class or the group count
    /// where it is not the generic one (`total-<id>`, `class-<id>`,
    /// `group-count`): the COVID report keeps the names pages and tests
    /// have used since 2021 (`rate` → `install-rate`, `high` →
    /// `high-units`).
    pub hooks: Vec<(String, String)>,
}

/// What finds a report's columns: per indicator its header phrases and
/// the phrases that rule a header out, and the group column's phrases.
/// This is all a read needs of a report (and what the worker is sent).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HeaderWords {
    pub indicators: Vec<(Vec<String>, Vec<String>)>,
    pub group: Vec<String>,
    /// Every indicator reads a built-in role ([`IndicatorDef::role`]): the
    /// file keeps the built-in roles and checks.
    pub builtin_roles: bool,
}

impl HeaderWords {
    /// For each header, the indicator whose words it matches (each
    /// indicator to its first column).
    pub fn match_columns(&self, headers: &[String]) -> Vec<Option<usize>> {
        let mut taken = vec![false; self.indicators.len()];
        headers
            .iter()
            .map(|h| {
                let w = header_words(h);
                let k = self
                    .indicators
                    .iter()
                    .enumerate()
                    .position(|(k, (yes, no))| !taken[k] && header_matches(&w, yes, no))?;
                taken[k] = true;
                Some(k)
            })
            .collect()
    }

    /// How many of the indicators a header row holds.
    pub fn fit(&self, headers: &[String]) -> usize {
        self.match_columns(headers).iter().flatten().count()
    }

    /// The first indicator whose words a header matches.
    pub fn indicator_of(&self, h: &str) -> Option<usize> {
        let w = header_words(h);
        self.indicators
            .iter()
            .position(|(yes, no)| header_matches(&w, yes, no))
    }

    /// Whether `h` is the group column's header.
    pub fn is_group_header(&self, h: &str) -> bool {
        header_matches(&header_words(h), &self.group, &[])
    }
}

/// A phrase as header matching folds it: whole words, folded.
pub fn header_words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !thongbao_text::class::is_alnum(c))
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn has_seq(words: &[String], seq: &[String]) -> bool {
    !seq.is_empty() && words.windows(seq.len()).any(|w| w == seq)
}

/// Whether a header (already split by [`header_words`]) names a column
/// described by `yes` phrases and none of the `no` phrases.
pub fn header_matches(words: &[String], yes: &[String], no: &[String]) -> bool {
    yes.iter().any(|p| has_seq(words, &header_words(p)))
        && !no.iter().any(|p| has_seq(words, &header_words(p)))
}

impl ReportSpec {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorDef> {
        self.indicators.iter().find(|i| i.id == id)
    }
    pub fn measure(&self, id: &str) -> Option<&MeasureDef> {
        self.measures.iter().find(|m| m.id == id)
    }
    pub fn class(&self, id: &str) -> Option<&ClassDef> {
        self.classes.iter().find(|c| c.id == id)
    }
    /// The page's test id of `id` (see [`ReportSpec::hooks`]), or
    /// `generic` (its `total-<id>`, `class-<id>` form).
    pub fn hook(&self, id: &str, generic: impl FnOnce() -> String) -> String {
        match self.hooks.iter().find(|(k, _)| k == id) {
            Some((_, h)) => h.clone(),
            None => generic(),
        }
    }

    /// For each header, the indicator whose words it matches (each
    /// indicator to its first column).
    pub fn match_columns(&self, headers: &[String]) -> Vec<Option<usize>> {
        self.header_words().match_columns(headers)
    }

    /// How many of the indicators a header row holds.
    pub fn fit(&self, headers: &[String]) -> usize {
        self.header_words().fit(headers)
    }

    /// Whether every indicator reads a built-in role (see
    /// [`IndicatorDef::role`]).
    pub fn reads_builtin_roles(&self) -> bool {
        !self.indicators.is_empty() && self.indicators.iter().all(|i| i.role.is_some())
    }

    /// The part of the definition that finds its columns.
    pub fn header_words(&self) -> HeaderWords {
        HeaderWords {
            indicators: self
                .indicators
                .iter()
                .map(|i| (i.headers.clone(), i.not_headers.clone()))
                .collect(),
            group: self.group_headers.clone(),
            builtin_roles: self.reads_builtin_roles(),
        }
    }

    /// What is wrong with the definition, if anything: ids unknown, used
    /// twice or badly formed, rules on nothing. The designer shows these;
    /// a profile with any is refused.
    pub fn problems(&self) -> Vec<SpecProblem> {
        let mut out = Vec::new();
        let mut ids: Vec<&str> = Vec::new();
        let all = self
            .indicators
            .iter()
            .map(|i| i.id.as_str())
            .chain(self.measures.iter().map(|m| m.id.as_str()))
            .chain(self.classes.iter().map(|c| c.id.as_str()));
        for id in all {
            if !valid_id(id) {
                out.push(SpecProblem::BadId(id.to_string()));
            } else if ids.contains(&id) {
                out.push(SpecProblem::Twice(id.to_string()));
            }
            ids.push(id);
        }
        let figure = |id: &str| self.indicator(id).is_some() || self.measure(id).is_some();
        let need = |id: &str, out: &mut Vec<SpecProblem>| {
            if !figure(id) {
                out.push(SpecProblem::Unknown(id.to_string()));
            }
        };
        for i in &self.indicators {
            if i.headers.iter().all(|h| header_words(h).is_empty()) {
                out.push(SpecProblem::NoHeaders(i.id.clone()));
            }
            if let Some(r) = &i.role {
                if crate::model::Indicator::from_id(r).is_none() {
                    out.push(SpecProblem::BadRole(r.clone()));
                }
            }
            if let Some(of) = &i.change_of {
                need(of, &mut out);
            }
            if let Aggregate::WeightedMean { by } = &i.aggregate {
                need(by, &mut out);
            }
        }
        for m in &self.measures {
            match &m.formula {
                Formula::Ratio { num, den } => {
                    need(num, &mut out);
                    need(den, &mut out);
                }
                Formula::Sum { of } => of.iter().for_each(|id| need(id, &mut out)),
                Formula::Rank { of, .. } | Formula::Share { of } => need(of, &mut out),
                Formula::Quotient { num, den } => {
                    need(num, &mut out);
                    need(den, &mut out);
                }
            }
        }
        for c in &self.classes {
            need(&c.of, &mut out);
            if let Some(o) = &c.order {
                need(&o.by, &mut out);
            }
        }
        for id in self.kpis.iter().chain(self.chart.iter()) {
            need(id, &mut out);
        }
        for col in self.appendix.iter().chain(&self.table) {
            let id = col.strip_suffix(".diff").unwrap_or(col);
            if id != "band" {
                need(id, &mut out);
            }
        }
        if let Some(b) = &self.bands {
            for id in &b.classes {
                if self.class(id).is_none() {
                    out.push(SpecProblem::Unknown(id.clone()));
                }
            }
        }
        if self.indicators.is_empty() {
            out.push(SpecProblem::NoIndicators);
        }
        out
    }
}

/// An id made from a header: its folded words joined by `_` ("Số hồ sơ
/// tiếp nhận" → `so_ho_so_tiep_nhan`), at most 40 characters.
pub fn slug(s: &str) -> String {
    let mut out = String::new();
    for w in header_words(s) {
        let w: String = w.chars().filter(char::is_ascii_alphanumeric).collect();
        if w.is_empty() || out.len() + w.len() + 1 > 40 {
            continue;
        }
        if !out.is_empty() {
            out.push('_');
        }
        out.push_str(&w);
    }
    out
}

impl ReportSpec {
    /// A first definition from a file's figure columns: one count per
    /// header, each found by its own words, all of them on the cards and
    /// in the appendix. The office then names, adds measures and classes.
    pub fn from_columns(headers: &[String]) -> ReportSpec {
        let mut indicators: Vec<IndicatorDef> = Vec::new();
        for (n, h) in headers.iter().enumerate() {
            if header_words(h).is_empty() {
                continue;
            }
            let mut id = slug(h);
            if id.is_empty() || indicators.iter().any(|i| i.id == id) {
                id = format!("cot_{}", n + 1);
            }
            indicators.push(IndicatorDef {
                id,
                name: h.trim().to_string(),
                name_en: String::new(),
                headers: vec![h.trim().to_string()],
                not_headers: Vec::new(),
                kind: Kind::Count,
                unit: String::new(),
                aggregate: Aggregate::Sum,
                decimals: 0,
                change_of: None,
                role: None,
            });
        }
        let ids: Vec<String> = indicators.iter().map(|i| i.id.clone()).collect();
        ReportSpec {
            indicators,
            unit_word: "đơn vị".into(),
            kpis: ids.clone(),
            chart: ids.first().cloned(),
            appendix: ids,
            ..ReportSpec::default()
        }
    }
}

/// An id sentences and test hooks can name.
pub fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 40
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_' || b == b'-')
}

/// A fault in a report definition.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecProblem {
    BadId(String),
    Twice(String),
    Unknown(String),
    NoHeaders(String),
    /// A built-in role that does not exist.
    BadRole(String),
    NoIndicators,
}

impl SpecProblem {
    pub fn message(&self, lang: crate::Lang) -> String {
        use crate::Lang::*;
        match (self, lang) {
            (SpecProblem::BadId(id), Vi) => format!("Mã “{id}” không hợp lệ: chỉ dùng chữ thường không dấu, số, “_” và “-”."),
            (SpecProblem::BadId(id), En) => format!("The id “{id}” is not valid: use lower-case letters without diacritics, digits, “_” and “-”."),
            (SpecProblem::Twice(id), Vi) => format!("Mã “{id}” được dùng hai lần."),
            (SpecProblem::Twice(id), En) => format!("The id “{id}” is used twice."),
            (SpecProblem::Unknown(id), Vi) => format!("Không có chỉ tiêu, phép tính hay nhóm nào có mã “{id}”."),
            (SpecProblem::Unknown(id), En) => format!("No indicator, measure or class has the id “{id}”."),
            (SpecProblem::NoHeaders(id), Vi) => format!("Chỉ tiêu “{id}” chưa có từ nhận dạng tiêu đề cột."),
            (SpecProblem::NoHeaders(id), En) => format!("The indicator “{id}” has no header words."),
            (SpecProblem::BadRole(r), Vi) => format!("Không có cột dựng sẵn “{r}” (dùng locations, scans, installs, smartphones hoặc population)."),
            (SpecProblem::BadRole(r), En) => format!("There is no built-in column “{r}” (use locations, scans, installs, smartphones or population)."),
            (SpecProblem::NoIndicators, Vi) => "Báo cáo chưa có chỉ tiêu nào.".to_string(),
            (SpecProblem::NoIndicators, En) => "The report has no indicators yet.".to_string(),
        }
    }
}

// Reading the JSON form by hand (see `crate::json`): the same forms the
// derived `Serialize` writes, with the defaults the fields declare.

crate::json::from_json_struct!(IndicatorDef {
    id: req,
    name: req,
    name_en: or_default,
    headers: req,
    not_headers: or_default,
    kind: or_default,
    unit: or_default,
    aggregate: or_default,
    decimals: or_default,
    change_of: opt,
    role: opt,
});

impl FromJson for Kind {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        match variant(v)? {
            ("count", _) => Ok(Kind::Count),
            ("amount", _) => Ok(Kind::Amount),
            ("percent", _) => Ok(Kind::Percent),
            (n @ "score", c) => within(n, c, |o| Ok(Kind::Score { max: o.req("max") })),
            (n, _) => Err(json::unknown(n)),
        }
    }
}

impl FromJson for Aggregate {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        match variant(v)? {
            ("sum", _) => Ok(Aggregate::Sum),
            ("mean", _) => Ok(Aggregate::Mean),
            ("none", _) => Ok(Aggregate::None),
            (n @ "weighted_mean", c) => {
                within(n, c, |o| Ok(Aggregate::WeightedMean { by: o.req("by") }))
            }
            (n, _) => Err(json::unknown(n)),
        }
    }
}

crate::json::from_json_struct!(MeasureDef {
    id: req,
    name: req,
    name_en: or_default,
    formula: need,
    decimals: or(one()),
    unit: or_default,
});

impl FromJson for Formula {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        match variant(v)? {
            (n @ "ratio", c) => within(n, c, |o| {
                Ok(Formula::Ratio {
                    num: o.req("num"),
                    den: o.req("den"),
                })
            }),
            (n @ "sum", c) => within(n, c, |o| Ok(Formula::Sum { of: o.req("of") })),
            (n @ "rank", c) => within(n, c, |o| {
                Ok(Formula::Rank {
                    of: o.req("of"),
                    within_group: o.or_default("within_group"),
                })
            }),
            (n @ "quotient", c) => within(n, c, |o| {
                Ok(Formula::Quotient {
                    num: o.req("num"),
                    den: o.req("den"),
                })
            }),
            (n @ "share", c) => within(n, c, |o| Ok(Formula::Share { of: o.req("of") })),
            (n, _) => Err(json::unknown(n)),
        }
    }
}

crate::json::from_json_struct!(ClassDef {
    id: req,
    name: req,
    name_en: or_default,
    of: req,
    rule: need,
    order: opt,
});

crate::json::from_json_struct!(Order {
    by: req,
    desc: or_default,
});

impl FromJson for Rule {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        let value = |o: &Obj| o.req("value");
        match variant(v)? {
            ("zero", _) => Ok(Rule::Zero),
            ("missing", _) => Ok(Rule::Missing),
            (n @ "at_least", c) => within(n, c, |o| Ok(Rule::AtLeast { value: value(o) })),
            (n @ "below", c) => within(n, c, |o| Ok(Rule::Below { value: value(o) })),
            (n @ "between", c) => within(n, c, |o| {
                Ok(Rule::Between {
                    min: o.req("min"),
                    max: o.opt("max"),
                })
            }),
            (n @ "above_mean", c) => within(n, c, |o| {
                Ok(Rule::AboveMean {
                    percent: o.req("percent"),
                })
            }),
            (n @ "below_mean", c) => within(n, c, |o| {
                Ok(Rule::BelowMean {
                    percent: o.req("percent"),
                })
            }),
            (n @ "below_total", c) => within(n, c, |o| {
                Ok(Rule::BelowTotal {
                    percent: o.req("percent"),
                })
            }),
            (n, _) => Err(json::unknown(n)),
        }
    }
}

impl FromJson for Baseline {
    fn from_json(v: &Value) -> Result<Self, Bad> {
        match variant(v)? {
            ("previous", _) => Ok(Baseline::Previous),
            ("year_earlier", _) => Ok(Baseline::YearEarlier),
            (n @ "date", c) => within(n, c, |o| {
                Ok(Baseline::Date {
                    date: o.need("date")?,
                })
            }),
            (n, _) => Err(json::unknown(n)),
        }
    }
}

crate::json::from_json_struct!(Bands {
    classes: req,
    phrase: req,
    none: req,
});

crate::json::from_json_struct!(ReportSpec {
    indicators: or_default,
    measures: or_default,
    classes: or_default,
    bands: opt,
    group_headers: or_default,
    unit_word: or_default,
    baseline: or_default,
    kpis: or_default,
    chart: opt,
    more_charts: or_default,
    appendix: or_default,
    table: or_default,
    hooks: or_default,
});

crate::json::from_json_struct!(HeaderWords {
    indicators: req,
    group: req,
    builtin_roles: or_default,
});

json::to_json_struct!(IndicatorDef {
    id,
    name,
    name_en,
    headers,
    not_headers,
    kind,
    unit,
    aggregate,
    decimals,
    change_of,
    role,
});

impl json::ToJson for Kind {
    fn write_json(&self, out: &mut String) {
        match self {
            Kind::Count => json::write_unit(out, "count"),
            Kind::Amount => json::write_unit(out, "amount"),
            Kind::Percent => json::write_unit(out, "percent"),
            Kind::Score { max } => json::struct_variant(out, "score", |o| {
                o.field("max", max);
            }),
        }
    }
}

impl json::ToJson for Aggregate {
    fn write_json(&self, out: &mut String) {
        match self {
            Aggregate::Sum => json::write_unit(out, "sum"),
            Aggregate::Mean => json::write_unit(out, "mean"),
            Aggregate::None => json::write_unit(out, "none"),
            Aggregate::WeightedMean { by } => json::struct_variant(out, "weighted_mean", |o| {
                o.field("by", by);
            }),
        }
    }
}

json::to_json_struct!(MeasureDef {
    id,
    name,
    name_en,
    formula,
    decimals,
    unit
});

impl json::ToJson for Formula {
    fn write_json(&self, out: &mut String) {
        match self {
            Formula::Ratio { num, den } => json::struct_variant(out, "ratio", |o| {
                o.field("num", num).field("den", den);
            }),
            Formula::Sum { of } => json::struct_variant(out, "sum", |o| {
                o.field("of", of);
            }),
            Formula::Rank { of, within_group } => json::struct_variant(out, "rank", |o| {
                o.field("of", of).field("within_group", within_group);
            }),
            Formula::Quotient { num, den } => json::struct_variant(out, "quotient", |o| {
                o.field("num", num).field("den", den);
            }),
            Formula::Share { of } => json::struct_variant(out, "share", |o| {
                o.field("of", of);
            }),
        }
    }
}

json::to_json_struct!(ClassDef {
    id,
    name,
    name_en,
    of,
    rule,
    order
});
json::to_json_struct!(Order { by, desc });

impl json::ToJson for Rule {
    fn write_json(&self, out: &mut String) {
        use json::struct_variant as sv;
        match self {
            Rule::AtLeast { value } => sv(out, "at_least", |o| {
                o.field("value", value);
            }),
            Rule::Below { value } => sv(out, "below", |o| {
                o.field("value", value);
            }),
            Rule::Between { min, max } => sv(out, "between", |o| {
                o.field("min", min).field("max", max);
            }),
            Rule::Zero => json::write_unit(out, "zero"),
            Rule::Missing => json::write_unit(out, "missing"),
            Rule::AboveMean { percent } => sv(out, "above_mean", |o| {
                o.field("percent", percent);
            }),
            Rule::BelowMean { percent } => sv(out, "below_mean", |o| {
                o.field("percent", percent);
            }),
            Rule::BelowTotal { percent } => sv(out, "below_total", |o| {
                o.field("percent", percent);
            }),
        }
    }
}

impl json::ToJson for Baseline {
    fn write_json(&self, out: &mut String) {
        match self {
            Baseline::Previous => json::write_unit(out, "previous"),
            Baseline::YearEarlier => json::write_unit(out, "year_earlier"),
            Baseline::Date { date } => json::struct_variant(out, "date", |o| {
                o.field("date", date);
            }),
        }
    }
}

json::to_json_struct!(Bands {
    classes,
    phrase,
    none
});
json::to_json_struct!(ReportSpec {
    indicators,
    measures,
    classes,
    bands,
    group_headers,
    unit_word,
    baseline,
    kpis,
    chart,
    more_charts,
    appendix,
    table,
    hooks,
});
json::to_json_struct!(HeaderWords {
    indicators,
    group,
    builtin_roles
});

#[cfg(test)]
mod tests;
