//! The history of periods the app keeps in the browser: one snapshot per
//! report date and area, so next week's report can compare with this one
//! without the old file.

use crate::date::Date;
use crate::model::{Dataset, Indicator, Period};

/// Schema version of the snapshots written: 2 keeps the headers of the
/// period's extra cells (version 1 did not, so its extra cells cannot be
/// lined up with another file's columns).
pub const VERSION: u32 = 2;

/// One stored period.
#[derive(Clone, Debug, PartialEq)]
pub struct Snapshot {
    /// Schema version of the snapshot ([`VERSION`]).
    pub version: u32,
    /// The area the report is about ("huyện Quan Sơn").
    pub area: String,
    pub date: Date,
    /// The file(s) it came from.
    pub source: String,
    pub period: Period,
    /// The headers of the period's extra cells ([`Dataset::extra_columns`]
    /// when it was stored); empty in a version-1 snapshot.
    pub extra_columns: Vec<String>,
}

impl Snapshot {
    /// The storage key: one snapshot per area and report date.
    pub fn key(&self) -> String {
        key(&self.area, self.date)
    }

    pub fn total(&self, i: Indicator) -> i64 {
        self.period
            .units
            .iter()
            .filter_map(|u| u.values.get(i))
            .sum()
    }

    pub fn to_json(&self) -> String {
        crate::json::ToJson::to_json_text(self)
    }

    pub fn from_json(s: &str) -> Option<Snapshot> {
        crate::json::parse(s).ok()
    }
}

crate::json::to_json_struct!(Snapshot {
    version,
    area,
    date,
    source,
    period,
    extra_columns
});

crate::json::from_json_struct!(Snapshot {
    version: req,
    area: req,
    date: need,
    source: req,
    period: need,
    extra_columns: or_default,
});

/// Storage key of an area's report date.
pub fn key(area: &str, date: Date) -> String {
    format!("{}|{}", crate::text::fold(area), date.iso())
}

/// Snapshots of every dated period of a dataset.
pub fn snapshots(data: &Dataset, area: &str) -> Vec<Snapshot> {
    data.periods
        .iter()
        .filter_map(|p| {
            Some(Snapshot {
                version: VERSION,
                area: area.to_string(),
                date: p.date?,
                source: data.source_names(),
                period: p.clone(),
                extra_columns: data.extra_columns.clone(),
            })
        })
        .collect()
}

/// The dataset with a stored period added as the previous one, when it is
/// older than the current period and not already there.
pub fn with_previous(data: &Dataset, snap: &Snapshot) -> Dataset {
    let mut out = data.clone();
    let cur = data.current().and_then(|p| p.date);
    let older = cur.is_none_or(|c| snap.date < c);
    if older && !out.periods.iter().any(|p| p.date == Some(snap.date)) {
        let mut period = snap.period.clone();
        // The stored extra cells go under the current columns of the same
        // header (new ones are added, as `Dataset::merge` does); a
        // version-1 snapshot's cannot be placed and are left out, so no
        // figure is read from another column.
        let map = out.place_columns(&snap.extra_columns);
        for u in &mut period.units {
            // Units of a stored period came from no loaded file.
            u.source = None;
            u.move_extra(&|j| map.get(j).copied());
        }
        out.periods.push(period);
        thongbao_model::order::sort_by_key(&mut out.periods, |p| p.date);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_week_becomes_the_previous_period() {
        let last = crate::ingest::read(b"Xa,Luot quet\nXa A,10\nXa B,20\n", "tuan-05-11-2021.csv")
            .unwrap();
        let snap = snapshots(&last, "huyện Quan Sơn").remove(0);
        assert_eq!(snap.date, Date::new(2021, 11, 5).unwrap());
        assert_eq!(snap.key(), "huyen quan son|2021-11-05");
        let back = Snapshot::from_json(&snap.to_json()).unwrap();
        assert_eq!(back, snap);
        let now = crate::ingest::read(b"Xa,Luot quet\nXa A,15\nXa B,20\n", "tuan-12-11-2021.csv")
            .unwrap();
        let merged = with_previous(&now, &snap);
        assert_eq!(merged.periods.len(), 2);
        assert!(merged.periods[0].units.iter().all(|u| u.source.is_none()));
        assert!(merged.periods[1].units.iter().all(|u| u.source == Some(0)));
        let s = crate::stats::summarize(&merged, &Default::default(), &Default::default());
        assert_eq!(s.delta.get(Indicator::Scans), Some(5));
        // Stored again: a unit of no loaded file is `null`; files written
        // before held a number there (0, or the old "no file" 4294967295).
        let again = snapshots(&merged, "huyện Quan Sơn").remove(0);
        assert!(again.to_json().contains("\"source\":null"));
        assert_eq!(Snapshot::from_json(&again.to_json()), Some(again));
        let old = snap
            .to_json()
            .replace("\"source\":0", "\"source\":4294967295");
        assert_ne!(old, snap.to_json());
        let old = Snapshot::from_json(&old).unwrap();
        assert_eq!(old.period.units[0].source, Some(4294967295));
        let joined = with_previous(&now, &old);
        assert!(joined.periods[0].units.iter().all(|u| u.source.is_none()));
        // A newer snapshot is not a previous period.
        let later = snapshots(&now, "huyện Quan Sơn").remove(0);
        assert_eq!(with_previous(&last, &later).periods.len(), 1);
    }
}
