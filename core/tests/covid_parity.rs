//! The COVID report's statistics (`stats::summarize`, integers only) as the
//! oracle of the generic engine (`engine::compute`, exact fractions) on the
//! same tables read as the COVID report's definition (`covid-qr.json`):
//! totals, zero, and the classes relative to the mean (COVID's high ≥ 60 %
//! and low < 10 % of the mean scans per unit) in their order, on the seed
//! and on many small random tables, where units sit exactly on a threshold
//! often.
//!
//! This is the first step of putting the COVID report on the generic
//! engine (ARCHITECTURE.md, "Size"); what the two still do differently is
//! named where a case is left out.

use thongbao_core::engine;
use thongbao_core::ingest::{self, ReadOptions, ReportHeaders};
use thongbao_core::model::Indicator;
use thongbao_core::spec::ReportSpec;
use thongbao_core::stats;

/// The COVID report as data: its definition in `covid-qr.json`.
fn spec() -> ReportSpec {
    let p =
        thongbao_core::letter::Profile::from_json(thongbao_core::letter::profile::COVID_QR_JSON)
            .expect("covid-qr.json reads");
    p.report.expect("a definition")
}

/// `csv` read with the definition's header words, the definition active.
fn read_as_definition(csv: &str) -> thongbao_core::model::Dataset {
    let opts = ReadOptions {
        reports: vec![ReportHeaders {
            id: "covid-test".into(),
            words: spec().header_words(),
        }],
        active_report: Some("covid-test".into()),
        ..ReadOptions::default()
    };
    ingest::read_with(csv.as_bytes(), "t.csv", &opts).expect("reads as a definition")
}

fn both(csv: &str) -> (stats::Summary, engine::Computed) {
    let spec = spec();
    let covid = ingest::read(csv.as_bytes(), "t.csv").expect("reads as COVID");
    let generic = read_as_definition(csv);
    assert_eq!(generic.sources[0].report.as_deref(), Some("covid-test"));
    let s = stats::summarize(&covid, &Default::default(), &Default::default());
    let c = engine::compute(&generic, &spec);
    assert!(c.problems.is_empty(), "{:?}", c.problems);
    (s, c)
}

/// Both engines agree on `csv` (every unit reports its scans).
fn agree(csv: &str) {
    let (s, c) = both(csv);
    assert_eq!(s.units.len(), c.current.units.len(), "{csv}");
    for (i, id) in [
        (Indicator::Locations, "locations"),
        (Indicator::Scans, "scans"),
    ] {
        let generic = c.total(id).map(|v| v.text(0).replace('.', ""));
        assert_eq!(s.total(i).map(|t| t.to_string()), generic, "{id} in {csv}");
    }
    let members = |id: &str| c.class(id).expect("a class").members.clone();
    // The lists in their order too: high by scans, most first; low by
    // scans, fewest first; ties in file order.
    assert_eq!(s.high, members("high"), "high in {csv}");
    assert_eq!(s.zero, members("zero"), "zero in {csv}");
    // COVID calls every unit low when no unit scanned at all; the
    // definition's rule, "below 10 % of a mean of 0", holds for none.
    if s.total(Indicator::Scans) != Some(0) {
        assert_eq!(s.low, members("low"), "low in {csv}");
    } else {
        assert!(members("low").is_empty());
    }
}

#[test]
fn the_seed_is_classed_alike() {
    let seed = include_str!("../../assets/quan-son-2021-11-12.csv");
    agree(seed);
    let (s, _) = both(seed);
    assert_eq!(s.high.len(), 8);
    assert_eq!(s.low.len(), 3);
}

#[test]
fn a_unit_exactly_on_the_threshold_is_high_in_both() {
    // 60 % of the mean (5 + 19 + 1) / 3 is exactly 5: a float mean put the
    // first unit below it.
    let csv = "STT,Xã,Tổng số địa điểm tạo mã QR,Tổng lượt quét QR\n1,Xã A,1,5\n2,Xã B,1,19\n3,Xã C,1,1\n";
    agree(csv);
    let (s, _) = both(csv);
    assert_eq!(s.high, [1, 0]);
}

#[test]
fn random_small_tables_are_classed_alike_at_every_threshold() {
    // A fixed LCG: the same tables on every run.
    let mut x: u64 = 0x5eed_2021_1112;
    let mut next = |n: u64| {
        x = x
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (x >> 33) % n
    };
    let mut on_a_threshold = 0;
    for _ in 0..1000 {
        let units = 1 + next(14) as usize;
        let mut csv = String::from("STT,Xã,Tổng số địa điểm tạo mã QR,Tổng lượt quét QR\n");
        let mut scans = Vec::new();
        for u in 0..units {
            // Small figures, zeros included, so ties and exact thresholds
            // are common.
            let s = if next(5) == 0 { 0 } else { next(12) };
            scans.push(s);
            csv.push_str(&format!("{},Xã Số {},{},{}\n", u + 1, u + 1, next(10), s));
        }
        let total: u64 = scans.iter().sum();
        let n = units as u64;
        on_a_threshold += scans
            .iter()
            .filter(|&&s| total > 0 && (s * 100 * n == 60 * total || s * 100 * n == 10 * total))
            .count();
        agree(&csv);
    }
    // Exactly on a threshold: the comparisons must be exact there.
    assert!(on_a_threshold > 20, "{on_a_threshold} units on a threshold");
}

#[path = "../examples/make_fixtures.rs"]
mod fixtures;

/// Every fixture the COVID report reads (encodings, title and total rows,
/// bad rows, two dates, a province) reads the same under its definition:
/// the built-in column rules and row checks, the same units, issues and
/// line account, and the generic engine's totals equal the COVID ones.
#[test]
fn the_definition_reads_every_covid_fixture_with_the_covid_checks() {
    let spec = spec();
    assert!(spec.reads_builtin_roles());
    let opts = ReadOptions {
        reports: vec![ReportHeaders {
            id: "covid-test".into(),
            words: spec.header_words(),
        }],
        ..ReadOptions::default()
    };
    let mut read = 0;
    // Some fixture has several districts, one two dates.
    let mut seen = (false, false);
    for (name, bytes) in fixtures::all() {
        let Ok(covid) = ingest::read(&bytes, name) else {
            continue;
        };
        let generic = ingest::read_with(&bytes, name, &opts).expect("reads as a definition");
        assert_eq!(
            generic.sources[0].report.as_deref(),
            Some("covid-test"),
            "{name}: the definition wins over the built-in roles"
        );
        assert_eq!(covid.sources[0].issues, generic.sources[0].issues, "{name}");
        assert_eq!(
            covid.sources[0].account, generic.sources[0].account,
            "{name}"
        );
        assert_eq!(covid.periods, generic.periods, "{name}");
        let s = stats::summarize(&covid, &Default::default(), &Default::default());
        let c = engine::compute(&generic, &spec);
        let int = |v: Option<engine::Val>| v.map(|v| v.text(0).replace('.', ""));
        let figure = |id: &str| c.index(id).expect("a figure");
        for i in Indicator::ALL {
            let total = int(c.total(i.id()));
            assert_eq!(s.total(i).map(|t| t.to_string()), total, "{name}: {i:?}");
        }
        // Districts: names, units and totals, in table order.
        let gs = engine::groups(&c, &spec);
        let groups: Vec<_> = gs
            .iter()
            .map(|g| {
                let t: Vec<_> = Indicator::ALL
                    .iter()
                    .map(|i| int(g.totals[figure(i.id())]))
                    .collect();
                (g.name.clone(), g.units, t)
            })
            .collect();
        let districts: Vec<_> = s
            .districts
            .iter()
            .map(|d| {
                let t: Vec<_> = Indicator::ALL
                    .iter()
                    .map(|&i| d.totals.get(i).map(|v| v.to_string()))
                    .collect();
                (d.name.clone(), d.units, t)
            })
            .collect();
        if c.grouped {
            assert_eq!(groups, districts, "{name}: districts");
        }
        // Units of the previous period that did not report.
        assert_eq!(s.missing, c.absent(), "{name}: absent units");
        // The trend: every period's totals, compacted ones included.
        let trend: Vec<_> = engine::trend(&generic, &spec)
            .into_iter()
            .map(|(date, t)| {
                let t: Vec<_> = Indicator::ALL
                    .iter()
                    .map(|i| int(t[figure(i.id())]))
                    .collect();
                (date, t)
            })
            .collect();
        let want: Vec<_> = s
            .trend
            .iter()
            .map(|(date, v)| {
                let t: Vec<_> = Indicator::ALL
                    .iter()
                    .map(|&i| v.get(i).map(|n| n.to_string()))
                    .collect();
                (*date, t)
            })
            .collect();
        assert_eq!(trend, want, "{name}: trend");
        // A period kept as its totals only is still in the trend.
        let mut kept = generic.clone();
        kept.compact(1);
        let compacted: Vec<_> = engine::trend(&kept, &spec)
            .into_iter()
            .map(|(date, t)| (date, int(t[figure("scans")])))
            .collect();
        let scans: Vec<_> = want.iter().map(|(d, t)| (*d, t[1].clone())).collect();
        assert_eq!(compacted, scans, "{name}: compacted trend");
        seen.0 |= c.group_count() > 1;
        seen.1 |= want.len() > 1;
        read += 1;
    }
    assert!(read >= 8, "{read} fixtures read");
    assert_eq!(seen, (true, true), "districts, a trend");
}

#[test]
fn units_that_did_not_report_are_the_same() {
    let csv = "Ngày,Huyện,Xã,Địa điểm,Lượt quét\n\
        05/11/2021,Huyện A,Xã Một,1,10\n05/11/2021,Huyện A,Xã Hai,1,5\n05/11/2021,Huyện B,Xã Ba,2,7\n\
        12/11/2021,Huyện A,Xã Một,1,12\n12/11/2021,Huyện B,Xã Bốn,1,1\n";
    let (s, c) = both(csv);
    assert_eq!(s.missing, ["Xã Hai", "Xã Ba"]);
    assert_eq!(c.absent(), s.missing);
}

/// The definition's chart of scans on the seed draws what the COVID chart
/// draws: the same bars, high and low alike, the thresholds at 60 % and
/// 10 % of the mean in the same places, the same scale; and its line over
/// all units is the mean per unit (361,33), not the total of 4.336 that
/// would squash every bar.
#[test]
fn the_scans_chart_is_drawn_alike() {
    use thongbao_core::chart::{report_chart, scans_chart, LineClass};
    use thongbao_core::Lang;
    let seed = include_str!("../../assets/quan-son-2021-11-12.csv");
    let (s, c) = both(seed);
    let spec = spec();
    let want = scans_chart(&s, Lang::Vi).expect("the COVID chart");
    let got = report_chart(&c, &spec, "scans", Lang::Vi).expect("the definition's chart");
    let bars = |ch: &thongbao_core::chart::Chart| {
        ch.bars
            .iter()
            .map(|b| (b.class, (b.h * 100.0).round() as i64))
            .collect::<Vec<_>>()
    };
    assert_eq!(bars(&got), bars(&want));
    let at = |ch: &thongbao_core::chart::Chart, class| {
        ch.lines
            .iter()
            .find(|l| l.class == class)
            .map(|l| (l.y1 * 100.0).round() as i64)
    };
    for class in [LineClass::ThresholdHigh, LineClass::ThresholdLow] {
        assert_eq!(at(&got, class), at(&want, class), "{class:?}");
    }
    let mean = got
        .labels
        .iter()
        .find(|l| l.text.starts_with("Trung bình"))
        .map(|l| l.text.clone());
    assert_eq!(mean.as_deref(), Some("Trung bình 361"));
}

/// The definition's trend of scans over three reports draws the COVID
/// trend line: the same points, labels and description.
#[test]
fn the_trend_is_drawn_alike() {
    use thongbao_core::chart::{report_trend, trend_chart};
    use thongbao_core::Lang;
    let csv = "Ngày,Huyện,Xã,Địa điểm,Lượt quét\n\
        29/10/2021,Huyện A,Xã Một,1,1000\n29/10/2021,Huyện A,Xã Hai,1,5\n\
        05/11/2021,Huyện A,Xã Một,1,10\n05/11/2021,Huyện A,Xã Hai,1,5\n\
        12/11/2021,Huyện A,Xã Một,1,12\n12/11/2021,Huyện B,Xã Bốn,1,1\n";
    let (s, c) = both(csv);
    let spec = spec();
    let d = read_as_definition(csv);
    let trend = engine::trend(&d, &spec);
    for lang in [Lang::Vi, Lang::En] {
        let want = trend_chart(&s, Indicator::Scans, lang).expect("the COVID trend");
        let got = report_trend(&trend, &c, "scans", lang).expect("the definition's trend");
        assert_eq!(got.to_svg(), want.to_svg(), "{lang:?}");
        assert!(got.description.contains("1.005"), "{}", got.description);
        assert!(got.description.contains("-992"), "{}", got.description);
    }
    // One period: no line.
    let one = engine::trend(&d, &spec)[2..].to_vec();
    assert!(report_trend(&one, &c, "scans", Lang::Vi).is_none());
    // The page's charts: scans and its trend under their 2021 test ids;
    // no install-rate chart without installs per unit.
    let shown = thongbao_core::chart::report_charts(&c, &spec, &trend, Lang::Vi);
    let ids: Vec<(&str, &str)> = shown
        .iter()
        .map(|(t, s, _)| (t.as_str(), s.as_str()))
        .collect();
    assert_eq!(
        ids,
        [
            ("chart-scans", "bieu-do-luot-quet-qr"),
            ("chart-trend", "xu-huong-luot-quet-qr")
        ]
    );
    assert_eq!(
        shown[1].2.to_svg(),
        trend_chart(&s, Indicator::Scans, Lang::Vi)
            .unwrap()
            .to_svg()
    );
}
