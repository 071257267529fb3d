//! The figures as a small JSON summary, for embedders: the `detail` of the
//! `thongbao:report` event and of the iframe's `postMessage`.

use crate::json::{ObjW, RawNumber, ToJson};
use crate::model::Indicator;
use crate::stats::Summary;
use std::collections::BTreeMap;

/// The embedders' summary (field names are the published event format).
/// Written with its fields in camelCase (`reportDate`).
#[derive(Debug)]
pub struct Report {
    pub source: String,
    pub report_date: Option<String>,
    pub previous_date: Option<String>,
    pub units: usize,
    pub districts: Option<usize>,
    /// Per figure id (the COVID report's indicators, or a report
    /// definition's indicators and measures): a JSON number, exact as the
    /// page shows it.
    pub totals: BTreeMap<String, RawNumber>,
    pub changes: BTreeMap<String, RawNumber>,
    /// The report's id (`covid-qr-pccovid`, `de-an-06`, …).
    pub report: String,
    /// The rate as a JSON number ("30.0"), written from the scaled integer
    /// (exact, whatever the float printer would round: the scaled integer
    /// is the figure the page shows).
    pub install_rate: Option<RawNumber>,
    pub install_rate_text: Option<String>,
    pub high: Vec<String>,
    pub low: Vec<String>,
}

impl Report {
    pub fn to_json(&self) -> String {
        self.to_json_text()
    }
}

impl ToJson for Report {
    fn write_json(&self, out: &mut String) {
        let mut o = ObjW::new(out);
        o.field("source", &self.source)
            .field("reportDate", &self.report_date)
            .field("previousDate", &self.previous_date)
            .field("units", &self.units)
            .field("districts", &self.districts)
            .field("totals", &self.totals)
            .field("changes", &self.changes)
            .field("report", &self.report)
            .field("installRate", &self.install_rate)
            .field("installRateText", &self.install_rate_text)
            .field("high", &self.high)
            .field("low", &self.low);
        o.end();
    }
}

/// A scaled integer (units of 10^-decimals) as an exact JSON number.
fn raw(v: i64, decimals: u8) -> Option<RawNumber> {
    let p = 10u64.pow(u32::from(decimals));
    let (sign, a) = (if v < 0 { "-" } else { "" }, v.unsigned_abs());
    let text = match decimals {
        0 => format!("{sign}{a}"),
        d => format!("{sign}{}.{:0w$}", a / p, a % p, w = d as usize),
    };
    Some(RawNumber(text))
}

/// The summary of a report definition's figures: every indicator and
/// measure with a total, its change, and the members of no list (names
/// are in the page).
pub fn report_summary(c: &crate::engine::Computed, report: &str, source: &str) -> Report {
    let mut totals = BTreeMap::new();
    let mut changes = BTreeMap::new();
    for (k, f) in c.figures.iter().enumerate() {
        if let Some(v) = c.current.totals[k].and_then(|v| raw(v.rounded(f.decimals), f.decimals)) {
            totals.insert(f.id.clone(), v);
        }
        if let Some(d) = c.changes[k].and_then(|v| raw(v.rounded(f.decimals), f.decimals)) {
            changes.insert(f.id.clone(), d);
        }
    }
    Report {
        source: source.to_string(),
        report_date: c.current.date.map(|d| d.iso()),
        previous_date: c.baseline.as_ref().and_then(|b| b.date).map(|d| d.iso()),
        units: c.current.units.len(),
        districts: None,
        totals,
        changes,
        install_rate: None,
        install_rate_text: None,
        high: Vec::new(),
        low: Vec::new(),
        report: report.to_string(),
    }
}

/// The summary of a report: source, dates, counts, totals, changes, rate
/// and the names of the high and low units.
pub fn summary(s: &Summary, source: &str) -> Report {
    let mut totals = BTreeMap::new();
    let mut changes = BTreeMap::new();
    for i in Indicator::ALL {
        if let Some(v) = s.total(i).and_then(|v| raw(v, 0)) {
            totals.insert(i.id().to_string(), v);
        }
        if let Some(d) = s.delta.get(i).and_then(|v| raw(v, 0)) {
            changes.insert(i.id().to_string(), d);
        }
    }
    let names = |idx: &[usize]| -> Vec<String> {
        idx.iter()
            .filter_map(|&i| s.units.get(i))
            .map(|u| u.name.clone())
            .collect()
    };
    Report {
        source: source.to_string(),
        report_date: s.date.map(|d| d.iso()),
        previous_date: s.prev_date.map(|d| d.iso()),
        units: s.unit_count,
        districts: s.district_count,
        totals,
        changes,
        install_rate: s.rate.and_then(|r| raw(r, s.decimals)),
        report: crate::letter::profile::COVID_ID.to_string(),
        install_rate_text: s.rate.map(|r| crate::format::percent_scaled(r, s.decimals)),
        high: names(&s.high),
        low: names(&s.low),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_summary() {
        let d = crate::ingest::read(crate::SAMPLE_CSV.as_bytes(), crate::SAMPLE_NAME).unwrap();
        let s = crate::stats::summarize(&d, &crate::letter::sample_manual(), &Default::default());
        let v: serde_json::Value =
            serde_json::from_str(&summary(&s, "quan-son.csv").to_json()).unwrap();
        assert_eq!(v["units"], 12);
        assert_eq!(v["totals"]["scans"], 4336);
        assert_eq!(v["changes"]["locations"], 58);
        assert_eq!(v["installRate"], 30.0);
        assert_eq!(v["installRateText"], "30,0%");
        assert_eq!(v["reportDate"], "2021-11-12");
        assert_eq!(v["low"][0], "Xã Sơn Hà");
        assert_eq!(v["high"].as_array().unwrap().len(), 8);
    }
}
