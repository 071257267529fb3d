//! Statistics invariants: totals, changes, classes, ranks, rates.

use super::*;

// -------------------------------------------------------------- statistics

pub(crate) fn count() -> impl Strategy<Value = i64> {
    prop_oneof![0..10i64, 0..100_000i64, 0..=1_000_000_000_000i64]
}

/// A unit's values: each indicator present or not; installs ≤ smartphones.
pub(crate) fn values() -> impl Strategy<Value = Values> {
    (
        proptest::option::weighted(0.9, count()),
        proptest::option::weighted(0.85, count()),
        proptest::option::weighted(0.5, (count(), 0..=1000i64)),
    )
        .prop_map(|(loc, scans, phones)| {
            let mut v = Values::default();
            v.set(Indicator::Locations, loc);
            v.set(Indicator::Scans, scans);
            if let Some((s, f)) = phones {
                v.set(Indicator::Smartphones, Some(s));
                v.set(
                    Indicator::Installs,
                    Some((i128::from(s) * i128::from(f) / 1000) as i64),
                );
            }
            v
        })
}

pub(crate) fn settings() -> impl Strategy<Value = Settings> {
    (0..=3u8, 0..=200u32, 0..=200u32, 0..=150u32).prop_map(
        |(decimals, high_pct, low_pct, low_install_pct)| Settings {
            decimals,
            thresholds: Thresholds {
                high_pct,
                low_pct,
                low_install_pct,
            },
        },
    )
}

pub(crate) fn dataset(units: &[Values]) -> Dataset {
    Dataset {
        sources: Vec::new(),
        periods: vec![Period {
            date: None,
            units: units
                .iter()
                .enumerate()
                .map(|(k, v)| Unit {
                    line: k + 2,
                    source: Some(0),
                    district: None,
                    name: format!("Xã {k}"),
                    values: *v,
                    extra: Vec::new(),
                })
                .collect(),
            totals: None,
        }],
        extra_columns: Vec::new(),
    }
}

pub(crate) fn check_summary(s: &Summary, units: &[Values]) -> Result<(), TestCaseError> {
    let n = units.len();
    prop_assert_eq!(s.unit_count, n);
    for i in Indicator::ALL {
        let vals: Vec<i64> = units.iter().filter_map(|u| u.get(i)).collect();
        let want = (!vals.is_empty()).then(|| vals.iter().sum::<i64>());
        prop_assert_eq!(s.total(i), want, "{:?}", i);
    }
    let th = s.thresholds;
    let t = s.total(Indicator::Scans);
    for (k, u) in s.units.iter().enumerate() {
        let scans = u.get(Indicator::Scans);
        // Ranks: 1..=n, one more than the units with more scans.
        match scans {
            Some(x) => {
                let r = u.rank.expect("a unit with scans has a rank");
                prop_assert!((1..=n).contains(&r));
                prop_assert_eq!(
                    r,
                    1 + s
                        .units
                        .iter()
                        .filter(|o| o.get(Indicator::Scans).is_some_and(|y| y > x))
                        .count()
                );
            }
            None => prop_assert_eq!(u.rank, None),
        }
        // Classes, from the integers.
        let in_high = s.high.contains(&k);
        let in_low = s.low.contains(&k);
        prop_assert!(!(in_high && in_low));
        match (scans, t) {
            (Some(x), Some(t)) => {
                let lhs = i128::from(x) * 100 * n as i128;
                let high = t > 0 && lhs >= i128::from(th.high_pct) * i128::from(t);
                // Nobody scanned at all: every unit is a low scanner.
                let low = !high && (t == 0 || lhs < i128::from(th.low_pct) * i128::from(t));
                prop_assert_eq!(in_high, high, "unit {} high", k);
                prop_assert_eq!(in_low, low, "unit {} low", k);
                if in_high {
                    prop_assert!(lhs >= i128::from(th.high_pct) * i128::from(t));
                }
                if in_low && t > 0 {
                    prop_assert!(lhs < i128::from(th.low_pct) * i128::from(t));
                }
                let class = if high {
                    ScanClass::High
                } else if low {
                    ScanClass::Low
                } else {
                    ScanClass::Middle
                };
                prop_assert_eq!(u.class, class);
            }
            _ => {
                prop_assert!(!in_high && !in_low);
                prop_assert_eq!(u.class, ScanClass::Unknown);
            }
        }
        // Rates within 0..=100 % when installs ≤ smartphones.
        let full = 100 * 10i64.pow(u32::from(s.decimals));
        if let (Some(i), Some(p)) = (u.get(Indicator::Installs), u.get(Indicator::Smartphones)) {
            prop_assert!(i <= p);
            match u.rate {
                Some(r) => prop_assert!((0..=full).contains(&r), "rate {}", r),
                None => prop_assert_eq!(p, 0),
            }
        }
        if let Some(sh) = u.share_scans {
            prop_assert!((0..=full).contains(&sh), "share {}", sh);
        }
    }
    if let Some(r) = s.rate {
        prop_assert!((0..=100 * 10i64.pow(u32::from(s.decimals))).contains(&r));
    }
    // High: scans descending, ties in file order; low: ascending, ties in file order.
    let key = |i: usize| s.units[i].get(Indicator::Scans);
    for w in s.high.windows(2) {
        prop_assert!(
            key(w[0]) > key(w[1]) || (key(w[0]) == key(w[1]) && w[0] < w[1]),
            "high order {:?}",
            s.high
        );
    }
    for w in s.low.windows(2) {
        prop_assert!(
            key(w[0]) < key(w[1]) || (key(w[0]) == key(w[1]) && w[0] < w[1]),
            "low order {:?}",
            s.low
        );
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn statistics_invariants(units in proptest::collection::vec(values(), 1..=40), settings in settings()) {
        let d = dataset(&units);
        let s = summarize(&d, &Manual::default(), &settings);
        prop_assert_eq!(s.decimals, settings.decimals.min(2));
        check_summary(&s, &units)?;
    }

    /// Equal scans everywhere (ties), zero totals and a single unit.
    #[test]
    fn statistics_invariants_with_ties(n in 1..=40usize, scans in prop_oneof![Just(0i64), 0..5i64], settings in settings()) {
        let mut v = Values::default();
        v.set(Indicator::Scans, Some(scans));
        let units = vec![v; n];
        let s = summarize(&dataset(&units), &Manual::default(), &settings);
        check_summary(&s, &units)?;
        prop_assert!(s.units.iter().all(|u| u.rank == Some(1)));
    }
}

proptest! {
    #![proptest_config(config(16))]

    /// Above 512 units the ranks are computed by sorting.
    #[test]
    fn statistics_invariants_many_units(scans in proptest::collection::vec(proptest::option::weighted(0.9, 0..50i64), 500..=700)) {
        let units: Vec<Values> = scans
            .iter()
            .map(|&x| {
                let mut v = Values::default();
                v.set(Indicator::Scans, x);
                v
            })
            .collect();
        let s = summarize(&dataset(&units), &Manual::default(), &Settings::default());
        check_summary(&s, &units)?;
    }
}

/// One unit in a two-period long file: its values in each period, if reported.
type TwoPeriods = (Option<(i64, i64)>, Option<(i64, i64)>);

proptest! {
    #![proptest_config(config(128))]

    /// A long file with a "Ngày" column: the change of each total is the sum
    /// of the units' changes, plus units new now, minus units gone.
    #[test]
    fn two_periods_change_adds_up(
        names in proptest::collection::vec(name_strategy(), 1..=30),
        figures in proptest::collection::vec(
            (proptest::option::weighted(0.85, (0..=1_000_000i64, 0..=1_000_000i64)),
             proptest::option::weighted(0.85, (0..=1_000_000i64, 0..=1_000_000i64))),
            30),
        shuffle in any::<bool>(),
        settings in settings(),
    ) {
        let names = unique(names);
        let mut rows: Vec<(u8, String, i64, i64)> = Vec::new();
        let periods: Vec<TwoPeriods> = figures.into_iter().take(names.len()).collect();
        for (name, (p1, p2)) in names.iter().zip(&periods) {
            if let Some((l, s)) = p1 {
                rows.push((1, name.clone(), *l, *s));
            }
            if let Some((l, s)) = p2 {
                rows.push((2, name.clone(), *l, *s));
            }
        }
        prop_assume!(rows.iter().any(|r| r.0 == 1) && rows.iter().any(|r| r.0 == 2));
        if !shuffle {
            rows.sort_by_key(|r| r.0);
        }
        let mut csv = String::from("Ngày;Xã/thị trấn;Số địa điểm;Lượt quét\n");
        for (p, name, l, s) in &rows {
            let date = if *p == 1 { "05/11/2021" } else { "12/11/2021" };
            csv.push_str(&format!("{date};{name};{l};{s}\n"));
        }
        let d = ingest::read(csv.as_bytes(), "dai.csv").map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        prop_assert_eq!(&d.sources[0].issues, &vec![]);
        prop_assert_eq!(d.periods.len(), 2);
        prop_assert_eq!(d.periods[0].date, Date::new(2021, 11, 5));
        let s = summarize(&d, &Manual::default(), &settings);
        prop_assert_eq!(s.prev_source, PrevSource::Data);
        let cur: Vec<Values> = d.periods[1].units.iter().map(|u| u.values).collect();
        check_summary(&s, &cur)?;
        for (k, i) in [Indicator::Locations, Indicator::Scans].into_iter().enumerate() {
            let mut sum_delta = 0i64;
            for ((p1, p2), u) in periods.iter().zip(&names) {
                let pick = |p: &Option<(i64, i64)>| p.map(|(l, s)| if k == 0 { l } else { s });
                let (a, b) = (pick(p1), pick(p2));
                if let Some(b) = b {
                    let us = s.units.iter().find(|x| &x.name == u).expect("current unit");
                    prop_assert_eq!(us.was_reported, a.is_some());
                    prop_assert_eq!(us.delta.get(i), a.map(|a| b - a));
                    if a.is_some() {
                        prop_assert!(us.prev_rank.is_some_and(|r| r >= 1 && r <= d.periods[0].units.len()));
                    }
                }
                sum_delta += b.unwrap_or(0) - a.unwrap_or(0);
            }
            prop_assert_eq!(s.delta.get(i), Some(sum_delta), "{:?}", i);
            let units_delta: i64 = s.units.iter().filter_map(|u| u.delta.get(i)).sum();
            if periods.iter().all(|(a, b)| a.is_some() == b.is_some()) {
                prop_assert_eq!(s.delta.get(i), Some(units_delta));
            }
        }
        prop_assert_eq!(s.missing.len(), periods.iter().filter(|(a, b)| a.is_some() && b.is_none()).count());
    }
}
