//! Statistics tests.

use super::*;
use crate::ingest;

fn seed() -> Dataset {
    ingest::read(crate::SAMPLE_CSV.as_bytes(), crate::SAMPLE_NAME).unwrap()
}

fn names(s: &Summary, idx: &[usize]) -> Vec<String> {
    idx.iter().map(|&i| s.units[i].name.clone()).collect()
}

#[test]
fn seed_totals_and_classes() {
    let s = summarize(&seed(), &Manual::default(), &Settings::default());
    assert_eq!(s.unit_count, 12);
    assert_eq!(s.total(Indicator::Locations), Some(584));
    assert_eq!(s.total(Indicator::Scans), Some(4336));
    assert_eq!(s.district_count, Some(1));
    assert_eq!(
        names(&s, &s.high),
        [
            "Xã Trung Hạ",
            "Xã Trung Tiến",
            "Thị trấn Sơn Lư",
            "Xã Na Mèo",
            "Xã Trung Thượng",
            "Xã Sơn Thủy",
            "Xã Sơn Điện",
            "Xã Mường Mìn"
        ]
    );
    assert_eq!(
        names(&s, &s.low),
        ["Xã Sơn Hà", "Xã Tam Thanh", "Xã Tam Lư"]
    );
    assert_eq!(s.date, Date::new(2021, 11, 12));
    assert_eq!(s.units[3].rank, Some(1));
    assert_eq!(s.units[4].rank, Some(11));
    assert_eq!(s.units[5].rank, Some(11));
}

#[test]
fn manual_previous_and_typed_totals() {
    let mut manual = Manual::default();
    manual.current.set(Indicator::Installs, Some(5554));
    manual.current.set(Indicator::Smartphones, Some(18510));
    manual.typed_rate = Some("30,1%".into());
    let mut pv = Values::default();
    pv.set(Indicator::Locations, Some(526));
    pv.set(Indicator::Scans, Some(3186));
    pv.set(Indicator::Installs, Some(5386));
    manual.previous = Some(ManualPeriod {
        date: Date::new(2021, 11, 5),
        values: pv,
    });
    let s = summarize(&seed(), &manual, &Settings::default());
    assert_eq!(s.rate, Some(300));
    assert_eq!(s.delta.get(Indicator::Locations), Some(58));
    assert_eq!(s.delta.get(Indicator::Scans), Some(1150));
    assert_eq!(s.delta.get(Indicator::Installs), Some(168));
    assert_eq!(s.prev_source, PrevSource::Manual);
    assert_eq!(
        s.discrepancies,
        vec![Discrepancy::Rate {
            typed: "30,1%".into(),
            computed: "30,0%".into()
        }]
    );
    // Without per-unit installs there is no list of low installers:
    // not the low scanners standing in (issue #15).
    assert_eq!(s.low_installers, LowInstallers::NoData);
    assert_eq!(s.low_installers.names(&s.units), None);
    // Named by hand, they are the typed names, whatever the scanners.
    manual.low_installers = vec!["Xã Mường Mìn".into(), " ".into()];
    let s = summarize(&seed(), &manual, &Settings::default());
    assert_eq!(
        s.low_installers,
        LowInstallers::Typed(vec!["Xã Mường Mìn".into()])
    );
}

#[test]
fn change_between_two_periods() {
    let csv = "Ngày,Xã,Số địa điểm,Lượt quét\n\
               05/11/2021,Xã A,10,100\n05/11/2021,Xã B,20,50\n05/11/2021,Xã C,5,5\n\
               12/11/2021,Xã A,12,80\n12/11/2021,Xã B,20,90\n";
    let d = ingest::read(csv.as_bytes(), "two.csv").unwrap();
    let s = summarize(&d, &Manual::default(), &Settings::default());
    assert_eq!(s.prev_source, PrevSource::Data);
    assert_eq!(s.delta.get(Indicator::Locations), Some(-3));
    assert_eq!(s.delta.get(Indicator::Scans), Some(15));
    assert_eq!(s.units[0].delta.get(Indicator::Scans), Some(-20));
    assert_eq!(s.units[1].delta.get(Indicator::Scans), Some(40));
    assert_eq!(s.units[0].prev_rank, Some(1));
    assert_eq!(s.units[0].rank, Some(2));
    assert_eq!(s.missing, ["Xã C"]);
    assert_eq!(s.trend.len(), 2);
}

#[test]
fn rates_and_low_installers_per_unit() {
    let csv =
        "Xã,Lượt quét,Đã cài PC-Covid,Số smartphone\nXã A,10,50,100\nXã B,10,10,100\nXã C,10,0,0\n";
    let d = ingest::read(csv.as_bytes(), "r.csv").unwrap();
    let s = summarize(&d, &Manual::default(), &Settings::default());
    assert_eq!(s.rate, Some(300)); // 60/200
    assert_eq!(s.units[0].rate, Some(500));
    assert_eq!(s.units[2].rate, None);
    assert_eq!(s.low_installers, LowInstallers::Computed(vec![1]));
}

/// Issue #15: 2396/10000 = 23,96% is below 80% × 30,0% = 24,0%; the
/// rounded rate (24,0% at one decimal) hid it, and the set changed with
/// the decimals. Hand-checked: A and B total 6000/20000 = 30% exactly,
/// so the threshold is exactly 24%.
#[test]
fn low_installers_on_exact_fractions_whatever_the_decimals() {
    let csv = "Xã,Đã cài PC-Covid,Số smartphone\n\
               Xã A,2396,10000\nXã B,3604,10000\n";
    let d = ingest::read(csv.as_bytes(), "r.csv").unwrap();
    for decimals in 0..=2 {
        let settings = Settings {
            decimals,
            ..Settings::default()
        };
        let s = summarize(&d, &Manual::default(), &settings);
        assert_eq!(
            s.low_installers,
            LowInstallers::Computed(vec![0]),
            "decimals {decimals}"
        );
        assert!(s.units[0].low_install);
    }
    // Exactly 80% of the overall rate is not below it: 2400/10000 = 24%.
    let at = "Xã,Đã cài PC-Covid,Số smartphone\nXã A,2400,10000\nXã B,3600,10000\n";
    let d = ingest::read(at.as_bytes(), "r.csv").unwrap();
    for decimals in 0..=2 {
        let settings = Settings {
            decimals,
            ..Settings::default()
        };
        let s = summarize(&d, &Manual::default(), &settings);
        assert_eq!(
            s.low_installers,
            LowInstallers::Computed(vec![]),
            "decimals {decimals}"
        );
    }
    // One install less is below: 2399/10000 = 23,99% (shows 24,0%).
    let below = "Xã,Đã cài PC-Covid,Số smartphone\nXã A,2399,10000\nXã B,3601,10000\n";
    let d = ingest::read(below.as_bytes(), "r.csv").unwrap();
    let s = summarize(&d, &Manual::default(), &Settings::default());
    assert_eq!(s.low_installers, LowInstallers::Computed(vec![0]));
}

#[test]
fn ranks_share_ties() {
    let v = vec![Some(5), Some(9), Some(5), None, Some(1)];
    assert_eq!(ranks(&v), vec![Some(2), Some(1), Some(2), None, Some(4)]);
    let big: Vec<Option<i64>> = (0..2000).map(|i| Some(i % 37)).collect();
    assert_eq!(ranks(&big), ranks_fast(&big));
}
