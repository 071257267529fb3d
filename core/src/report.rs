//! The figures as a small JSON summary, for embedders: the `detail` of the
//! `thongbao:report` event and of the iframe's `postMessage`.

use crate::model::Indicator;
use crate::stats::Summary;
use serde_json::{json, Map, Value};

/// The summary of a report: source, dates, counts, totals, changes, rate
/// and the names of the high and low units.
pub fn summary(s: &Summary, source: &str) -> Value {
    let mut totals = Map::new();
    let mut changes = Map::new();
    for i in Indicator::ALL {
        if let Some(v) = s.total(i) {
            totals.insert(i.id().into(), json!(v));
        }
        if let Some(d) = s.delta.get(i) {
            changes.insert(i.id().into(), json!(d));
        }
    }
    let names = |idx: &[usize]| -> Vec<String> {
        idx.iter()
            .filter_map(|&i| s.units.get(i))
            .map(|u| u.name.clone())
            .collect()
    };
    let p = 10f64.powi(i32::from(s.decimals));
    json!({
        "source": source,
        "reportDate": s.date.map(|d| d.iso()),
        "previousDate": s.prev_date.map(|d| d.iso()),
        "units": s.unit_count,
        "districts": s.district_count,
        "totals": totals,
        "changes": changes,
        "installRate": s.rate.map(|r| r as f64 / p),
        "installRateText": s.rate.map(|r| format!("{}%", crate::format::scaled(r, s.decimals))),
        "high": names(&s.high),
        "low": names(&s.low),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_summary() {
        let d = crate::ingest::read(crate::SAMPLE_CSV.as_bytes(), crate::SAMPLE_NAME).unwrap();
        let s = crate::stats::summarize(&d, &crate::letter::sample_manual(), &Default::default());
        let v = summary(&s, "quan-son.csv");
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
