//! The figures as a small JSON summary, for embedders: the `detail` of the
//! `thongbao:report` event and of the iframe's `postMessage`.

use crate::json::{Keyed, ObjW, RawNumber, ToJson};

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
    /// page shows it. Each id once, in the order of ids (written as an
    /// object, its keys sorted).
    pub totals: Vec<(String, RawNumber)>,
    pub changes: Vec<(String, RawNumber)>,
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
            .field("totals", &Keyed(&self.totals))
            .field("changes", &Keyed(&self.changes))
            .field("report", &self.report)
            .field("installRate", &self.install_rate)
            .field("installRateText", &self.install_rate_text)
            .field("high", &self.high)
            .field("low", &self.low);
        o.end();
    }
}

/// Set `id`'s figure (a later one for the same id replaces it).
fn put(figures: &mut Vec<(String, RawNumber)>, id: &str, v: RawNumber) {
    match figures.iter_mut().find(|(k, _)| k == id) {
        Some(f) => f.1 = v,
        None => figures.push((id.to_string(), v)),
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

/// The summary of a report's figures: every indicator and measure with a
/// total and its change; the group count; and where the report keeps the
/// COVID report's hooks, the figure hooked `install-rate` as the rate and
/// the members of the classes hooked `high-units` and `low-units` (in
/// their order) as `high` and `low`.
pub fn report_summary(
    c: &crate::engine::Computed,
    spec: &crate::spec::ReportSpec,
    report: &str,
    source: &str,
) -> Report {
    let mut totals = Vec::new();
    let mut changes = Vec::new();
    for (k, f) in c.figures.iter().enumerate() {
        if let Some(v) = c.current.totals[k].and_then(|v| raw(v.rounded(f.decimals), f.decimals)) {
            put(&mut totals, &f.id, v);
        }
        if let Some(d) = c.changes[k].and_then(|v| raw(v.rounded(f.decimals), f.decimals)) {
            put(&mut changes, &f.id, d);
        }
    }
    // The keys in order, as the published event always wrote them.
    let by_id = |a: &(String, RawNumber), b: &(String, RawNumber)| a.0.cmp(&b.0);
    thongbao_model::order::sort_by(&mut totals, by_id);
    thongbao_model::order::sort_by(&mut changes, by_id);
    let hooked = |hook: &str| {
        spec.hooks
            .iter()
            .find(|(_, h)| h == hook)
            .map(|(id, _)| id.as_str())
    };
    let rate = hooked("install-rate")
        .and_then(|id| c.index(id))
        .and_then(|k| Some((&c.figures[k], c.current.totals[k]?)));
    let names = |hook: &str| -> Vec<String> {
        hooked(hook)
            .and_then(|id| c.class(id))
            .map(|cl| {
                cl.members
                    .iter()
                    .map(|&i| c.current.units[i].name.clone())
                    .collect()
            })
            .unwrap_or_default()
    };
    Report {
        source: source.to_string(),
        report_date: c.current.date.map(|d| d.iso()),
        previous_date: c.baseline.as_ref().and_then(|b| b.date).map(|d| d.iso()),
        units: c.current.units.len(),
        districts: c.grouped.then(|| c.group_count()),
        totals,
        changes,
        install_rate: rate.and_then(|(f, v)| raw(v.rounded(f.decimals), f.decimals)),
        install_rate_text: rate.map(|(f, v)| f.text(v)),
        high: names("high-units"),
        low: names("low-units"),
        report: report.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_summary() {
        let d = crate::ingest::read(crate::SAMPLE_CSV.as_bytes(), crate::SAMPLE_NAME).unwrap();
        let spec = crate::letter::profile::covid_spec(&Default::default());
        let typed = crate::letter::sample_manual().typed();
        let c = crate::engine::compute_with(&d, &spec, &typed);
        let json = report_summary(&c, &spec, "covid-qr-pccovid", "quan-son.csv").to_json();
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(v["districts"], 1);
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
