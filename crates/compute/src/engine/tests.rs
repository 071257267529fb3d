//! The engine on small files, every expected figure worked out by hand.

use super::*;
use crate::ingest::{read_with, ReadOptions, ReportHeaders};
use thongbao_model::report::{Bands, ClassDef, IndicatorDef, MeasureDef, Rule};

fn ind(id: &str, header: &str, aggregate: Aggregate, decimals: u8) -> IndicatorDef {
    IndicatorDef {
        id: id.into(),
        name: header.into(),
        name_en: String::new(),
        headers: vec![header.into()],
        not_headers: Vec::new(),
        kind: Kind::Count,
        unit: String::new(),
        aggregate,
        decimals,
        change_of: None,
        role: None,
    }
}

fn class(id: &str, of: &str, rule: Rule) -> ClassDef {
    ClassDef {
        id: id.into(),
        name: id.into(),
        name_en: String::new(),
        of: of.into(),
        rule,
        order: None,
    }
}

fn measure(id: &str, formula: Formula, decimals: u8) -> MeasureDef {
    MeasureDef {
        id: id.into(),
        name: id.into(),
        name_en: String::new(),
        formula,
        decimals,
        unit: String::new(),
    }
}

fn read(spec: &ReportSpec, csv: &str) -> Dataset {
    let opts = ReadOptions {
        reports: vec![ReportHeaders {
            id: "t".into(),
            words: spec.header_words(),
        }],
        ..ReadOptions::default()
    };
    let d = read_with(csv.as_bytes(), "t.csv", &opts).expect("reads");
    assert_eq!(d.sources[0].report.as_deref(), Some("t"));
    d
}

fn scores() -> ReportSpec {
    ReportSpec {
        indicators: vec![
            ind("a", "điểm a", Aggregate::Mean, 2),
            ind("b", "điểm b", Aggregate::Mean, 2),
        ],
        measures: vec![
            measure(
                "total",
                Formula::Sum {
                    of: vec!["a".into(), "b".into()],
                },
                2,
            ),
            measure(
                "rank",
                Formula::Rank {
                    of: "total".into(),
                    within_group: true,
                },
                0,
            ),
            measure(
                "rank_all",
                Formula::Rank {
                    of: "total".into(),
                    within_group: false,
                },
                0,
            ),
        ],
        classes: vec![
            class(
                "top",
                "total",
                Rule::Between {
                    min: 90.0,
                    max: None,
                },
            ),
            class(
                "good",
                "total",
                Rule::Between {
                    min: 80.0,
                    max: Some(90.0),
                },
            ),
            class("low", "total", Rule::Below { value: 80.0 }),
        ],
        bands: Some(Bands {
            classes: vec!["top".into(), "good".into(), "low".into()],
            ..Bands::default()
        }),
        group_headers: vec!["khối".into()],
        ..ReportSpec::default()
    }
}

const SCORES: &str = "Khối,Đơn vị,Điểm A,Điểm B\n\
    Sở,Sở Một,45,45\n\
    Sở,Sở Hai,\"44,99\",45\n\
    Sở,Sở Ba,\"44,99\",45\n\
    Xã,Xã Một,40,\"39,5\"\n\
    Xã,Xã Hai,30,\n";

#[test]
fn sums_ranks_and_bands_at_their_edges() {
    let spec = scores();
    let c = compute(&read(&spec, SCORES), &spec);
    let k = |id| c.index(id).unwrap();
    let v = |u: usize, id| c.current.units[u].vals[k(id)].map(|v| v.text(2));
    assert_eq!(v(0, "total").as_deref(), Some("90,00"));
    assert_eq!(v(1, "total").as_deref(), Some("89,99"));
    // A missing criterion: no total (not 30).
    assert_eq!(v(4, "total"), None);
    // Ties share a rank: 1, 2, 2; the other group starts again at 1.
    let rank = |u: usize, id| c.current.units[u].vals[k(id)].map(|v| v.text(0));
    let within: Vec<_> = (0..5).map(|u| rank(u, "rank")).collect();
    assert_eq!(
        within,
        [
            Some("1".into()),
            Some("2".into()),
            Some("2".into()),
            Some("1".into()),
            None
        ]
    );
    assert_eq!(rank(3, "rank_all").as_deref(), Some("4"));
    // 90 exactly is the top band; 89,99 is not.
    assert_eq!(c.class("top").unwrap().members, [0]);
    assert_eq!(c.class("good").unwrap().members, [1, 2]);
    assert_eq!(c.class("low").unwrap().members, [3]);
    assert_eq!(c.band_of, [Some(0), Some(1), Some(1), Some(2), None]);
    // The unit without a total is judged by no rule.
    assert_eq!(c.class("low").unwrap().judged, 4);
    // Means of the units that report it: a = (45 + 44,99 + 44,99 + 40 + 30)
    // / 5 = 40,996 → 41,00.
    assert_eq!(c.total("a").unwrap().text(2), "41,00");
    // b = (45 + 45 + 45 + 39,5) / 4 = 43,625 → 43,63 (half-up, once).
    assert_eq!(c.total("b").unwrap().text(2), "43,63");
    // Per group: (group, members, units).
    assert_eq!(
        c.class("good").unwrap().by_group,
        [("Sở".to_string(), 2, 3)]
    );
}

fn accounts() -> ReportSpec {
    ReportSpec {
        indicators: vec![
            ind("target", "chỉ tiêu", Aggregate::Sum, 0),
            ind("accounts", "tài khoản", Aggregate::Sum, 0),
            ind("population", "dân số", Aggregate::Sum, 0),
            ind(
                "given",
                "tỷ lệ có sẵn",
                Aggregate::WeightedMean {
                    by: "population".into(),
                },
                1,
            ),
        ],
        measures: vec![measure(
            "pct",
            Formula::Ratio {
                num: "accounts".into(),
                den: "target".into(),
            },
            1,
        )],
        classes: vec![
            class("done", "pct", Rule::AtLeast { value: 100.0 }),
            class("zero", "accounts", Rule::Zero),
            class("missing", "accounts", Rule::Missing),
        ],
        baseline: Baseline::Previous,
        ..ReportSpec::default()
    }
}

#[test]
fn ratios_of_totals_weighted_means_zero_and_missing() {
    let spec = accounts();
    let csv = "Xã,Chỉ tiêu,Tài khoản,Dân số,Tỷ lệ có sẵn\n\
        Xã A,1000,1000,100,\"10,0\"\n\
        Xã B,3,1,300,\"50,0\"\n\
        Xã C,10,0,,\n\
        Xã D,10,,,\n\
        Xã E,10,abc,,\n";
    let c = compute(&read(&spec, csv), &spec);
    // 1.001 / 1.033 = 96,9 % (the ratio of the totals, not a mean of rates).
    assert_eq!(c.total("pct").unwrap().text(1), "96,9");
    // (10×100 + 50×300) / 400 = 40,0.
    assert_eq!(c.total("given").unwrap().text(1), "40,0");
    assert_eq!(c.class("done").unwrap().members, [0]);
    assert_eq!(c.class("zero").unwrap().members, [2]);
    // Empty and unreadable cells are not reported; the unreadable one is named.
    assert_eq!(c.class("missing").unwrap().members, [3, 4]);
    assert_eq!(c.problems.len(), 1);
    assert_eq!(c.problems[0].line, 6);
    assert_eq!(c.problems[0].column, "Tài khoản");
    assert_eq!(c.problems[0].text, "abc");
    // 0/10 is the lowest rate, 1.000/1.000 the highest (first among equals).
    assert_eq!(c.extreme("pct", false), Some(2));
    assert_eq!(c.extreme("pct", true), Some(0));
    assert_eq!(c.baseline, None);
    assert_eq!(c.change("accounts"), None);
}

#[test]
fn baselines_previous_fixed_date_and_a_year_earlier() {
    let mut spec = accounts();
    let csv = "Ngày,Xã,Chỉ tiêu,Tài khoản\n\
        01/12/2025,Xã A,100,10\n\
        20/11/2026,Xã A,100,40\n\
        27/11/2026,Xã A,100,50\n\
        01/12/2026,Xã A,100,55\n";
    let d = read(&spec, csv);
    let c = compute(&d, &spec);
    assert_eq!(c.change("accounts").unwrap().text(0), "5");
    assert_eq!(c.baseline.as_ref().unwrap().date, Date::new(2026, 11, 27));
    spec.baseline = Baseline::Date {
        date: Date::new(2026, 11, 20).unwrap(),
    };
    let c = compute(&d, &spec);
    assert_eq!(c.change("accounts").unwrap().text(0), "15");
    // 55 % − 40 % = 15 percentage points, per unit too.
    assert_eq!(c.change("pct").unwrap().text(1), "15,0");
    assert_eq!(
        c.unit_changes[0][c.index("accounts").unwrap()]
            .unwrap()
            .text(0),
        "15"
    );
    spec.baseline = Baseline::YearEarlier;
    let c = compute(&d, &spec);
    assert_eq!(c.change("accounts").unwrap().text(0), "45");
    // A date the data does not hold: no baseline, no change.
    spec.baseline = Baseline::Date {
        date: Date::new(2020, 1, 1).unwrap(),
    };
    let c = compute(&d, &spec);
    assert_eq!(c.baseline, None);
    assert_eq!(c.change("accounts"), None);
}

#[test]
fn a_change_column_gives_the_change_without_an_earlier_period() {
    let mut spec = accounts();
    let mut change = ind(
        "accounts_change",
        "tăng so với tuần trước",
        Aggregate::Sum,
        0,
    );
    change.change_of = Some("accounts".into());
    spec.indicators.push(change);
    let csv = "Xã,Chỉ tiêu,Tài khoản,Tăng so với tuần trước\nXã A,10,5,2\nXã B,10,5,-1\n";
    let c = compute(&read(&spec, csv), &spec);
    assert_eq!(c.change("accounts").unwrap().text(0), "1");
    assert_eq!(
        c.unit_changes[1][c.index("accounts").unwrap()]
            .unwrap()
            .text(0),
        "-1"
    );
}

/// A header over two rows under merged cells ("Tài khoản" above "Số
/// lượng | Tỷ lệ") is one header per column.
#[test]
fn two_row_headers_are_joined() {
    let mut spec = accounts();
    spec.indicators[1].headers = vec!["tài khoản số lượng".into()];
    let csv = "STT,Xã,Chỉ tiêu,Tài khoản,\n,,,Số lượng,Tỷ lệ (%)\n1,Xã A,10,5,\"50,0\"\n";
    let d = read(&spec, csv);
    assert_eq!(
        d.extra_columns,
        ["Chỉ tiêu", "Tài khoản Số lượng", "Tài khoản Tỷ lệ (%)"]
    );
    let c = compute(&d, &spec);
    assert_eq!(c.total("accounts").unwrap().text(0), "5");
    assert_eq!(d.sources[0].account.units, 1);
}

/// Weekly files whose headers differ ("… đến 20/11", "… đến 27/11"): each
/// unit's figure is read from whichever of its columns it has.
#[test]
fn an_indicator_spelt_differently_in_two_files() {
    let spec = accounts();
    let read1 = |csv: &str| read(&spec, csv);
    let a = read1("Ngày 20/11/2026\nXã,Chỉ tiêu,Tài khoản đến 20/11\nXã A,100,40\n");
    let b = read1("Ngày 27/11/2026\nXã,Chỉ tiêu,Tài khoản đến 27/11\nXã A,100,50\n");
    let d = Dataset::merge(vec![a, b]);
    let c = compute(&d, &spec);
    assert_eq!(c.total("accounts").unwrap().text(0), "50");
    assert_eq!(c.change("accounts").unwrap().text(0), "10");
    assert_eq!(c.missing_columns, ["population", "given"]);
}

/// A period compacted to its totals (a long file) is no baseline: no
/// change is claimed against units it no longer has.
#[test]
fn a_compacted_period_is_no_baseline() {
    let spec = accounts();
    let csv = "Ngày,Xã,Chỉ tiêu,Tài khoản\n20/11/2026,Xã A,100,40\n27/11/2026,Xã A,100,50\n";
    let mut d = read(&spec, csv);
    d.periods[0].units.clear();
    let c = compute(&d, &spec);
    assert_eq!(c.baseline, None);
    assert_eq!(c.change("accounts"), None);
}

#[test]
fn rules_relative_to_the_mean_are_exact_at_the_threshold() {
    // Mean (5 + 19 + 1) / 3 = 25/3; 60 % of it is exactly 5, so Xã A is
    // high (≥) and not low (<): in floats, 25/3 × 60 / 100 came out above
    // 5 and Xã A was low. 10 % of the mean is 0,83…: Xã C (1) is not tiny.
    let mut spec = accounts();
    spec.classes = vec![
        class("high", "accounts", Rule::AboveMean { percent: 60.0 }),
        class("low", "accounts", Rule::BelowMean { percent: 60.0 }),
        class("tiny", "accounts", Rule::BelowMean { percent: 10.0 }),
    ];
    let csv = "Xã,Chỉ tiêu,Tài khoản\nXã A,10,5\nXã B,10,19\nXã C,10,1\nXã D,10,\n";
    let c = compute(&read(&spec, csv), &spec);
    assert_eq!(c.class("high").unwrap().members, [0, 1]);
    assert_eq!(c.class("low").unwrap().members, [2]);
    assert!(c.class("tiny").unwrap().members.is_empty());
    // The mean is over the units that report: Xã D is judged by no rule.
    assert_eq!(c.class("high").unwrap().judged, 3);
    // A mean of per-unit rates over unlike denominators still classes
    // (its exact sum may not fit; floats decide then): 50 % and 10 % and
    // 100/3 % → mean 31,1 %; 60 % of it is 18,7 %: Xã B (10 %) is low.
    spec.classes = vec![class("low", "pct", Rule::BelowMean { percent: 60.0 })];
    let csv = "Xã,Chỉ tiêu,Tài khoản\nXã A,2,1\nXã B,10,1\nXã C,3,1\n";
    let c = compute(&read(&spec, csv), &spec);
    assert_eq!(c.class("low").unwrap().members, [1]);
}

#[test]
fn a_kept_week_is_lined_up_by_header_with_a_file_of_other_columns() {
    use crate::history::{snapshots, with_previous, Snapshot};
    let spec = accounts();
    // Last week: target then accounts. This week: the columns swapped and
    // one more in front, so the cells' places all differ.
    let last = read(&spec, "Xã,Chỉ tiêu,Tài khoản\nXã A,100,40\nXã B,200,10\n");
    let mut snap = snapshots(&last, "tỉnh Gia Lai").pop();
    assert!(snap.is_none(), "an undated period is not kept");
    let last = read(
        &spec,
        "Ngày,Xã,Chỉ tiêu,Tài khoản\n20/11/2026,Xã A,100,40\n20/11/2026,Xã B,200,10\n",
    );
    snap = snapshots(&last, "tỉnh Gia Lai").pop();
    let snap = snap.unwrap();
    let now = read(
        &spec,
        "Ngày,Xã,Dân số,Tài khoản,Chỉ tiêu\n27/11/2026,Xã A,900,50,100\n27/11/2026,Xã B,800,25,200\n",
    );
    let back = Snapshot::from_json(&snap.to_json()).unwrap();
    let c = compute(&with_previous(&now, &back), &spec);
    // 75 − 50 accounts; the target did not change.
    assert_eq!(c.change("accounts").unwrap().text(0), "25");
    assert_eq!(c.change("target").unwrap().text(0), "0");
    let a = c.index("accounts").unwrap();
    assert_eq!(c.unit_changes[1][a].unwrap().text(0), "15");
    // A version-1 snapshot has no headers: its extra cells are left out,
    // so no change is made up from another column.
    let old = snap
        .to_json()
        .replace(",\"extra_columns\":[\"Chỉ tiêu\",\"Tài khoản\"]", "");
    assert_ne!(old, snap.to_json());
    let old = Snapshot::from_json(&old).unwrap();
    assert!(old.extra_columns.is_empty());
    let c = compute(&with_previous(&now, &old), &spec);
    assert_eq!(c.change("accounts"), None);
}

#[test]
fn when_no_unit_did_anything_none_is_high() {
    let mut spec = accounts();
    spec.classes = vec![
        class("high", "accounts", Rule::AboveMean { percent: 60.0 }),
        class("low", "accounts", Rule::BelowMean { percent: 10.0 }),
        class("zero", "accounts", Rule::Zero),
    ];
    let csv = "Xã,Chỉ tiêu,Tài khoản\nXã A,10,0\nXã B,10,0\n";
    let c = compute(&read(&spec, csv), &spec);
    assert!(c.class("high").unwrap().members.is_empty());
    assert!(c.class("low").unwrap().members.is_empty());
    assert_eq!(c.class("zero").unwrap().members, [0, 1]);
}

fn installs() -> ReportSpec {
    let mut scans_high = class("high", "scans", Rule::AboveMean { percent: 60.0 });
    scans_high.order = Some(thongbao_model::report::Order {
        by: "scans".into(),
        desc: true,
    });
    let mut low_rate = class("low_rate", "rate", Rule::BelowTotal { percent: 80.0 });
    low_rate.order = Some(thongbao_model::report::Order {
        by: "rate".into(),
        desc: false,
    });
    ReportSpec {
        indicators: vec![
            ind("scans", "lần truy cập", Aggregate::Sum, 0),
            ind("installs", "hồ sơ đạt", Aggregate::Sum, 0),
            ind("phones", "hồ sơ nhận", Aggregate::Sum, 0),
        ],
        measures: vec![measure(
            "rate",
            Formula::Ratio {
                num: "installs".into(),
                den: "phones".into(),
            },
            1,
        )],
        classes: vec![scans_high, low_rate],
        ..ReportSpec::default()
    }
}

#[test]
fn a_class_lists_its_members_in_its_own_order() {
    // Mean scans 10; 60 % of it is 6: B (20), C (6) and D (8) are high,
    // listed most first; ties would keep file order.
    let spec = installs();
    let d = read(
        &spec,
        "Xã,Lần truy cập\nXã A,2\nXã B,20\nXã C,6\nXã D,8\nXã E,4\n",
    );
    let c = compute(&d, &spec);
    assert_eq!(c.class("high").unwrap().members, [1, 3, 2]);
}

#[test]
fn below_the_total_compares_with_the_overall_rate_exactly() {
    // Overall rate 100/250 = 40 %, 80 % of it is exactly 32 %: A (32/100)
    // is not below it, B (8/50 = 16 %) and C (60/100 = 60 %)… only B is.
    let spec = installs();
    let csv = "Xã,Hồ sơ đạt,Hồ sơ nhận\nXã A,32,100\nXã B,8,50\nXã C,60,100\n";
    let c = compute(&read(&spec, csv), &spec);
    assert_eq!(c.total("rate").map(|v| v.text(1)), Some("40,0".into()));
    assert_eq!(c.class("low_rate").unwrap().members, [1]);
    // 31,9 % is below: A joins, listed lowest rate first.
    let csv = "Xã,Hồ sơ đạt,Hồ sơ nhận\nXã A,319,1000\nXã B,8,50\nXã C,673,1000\n";
    let c = compute(&read(&spec, csv), &spec);
    assert_eq!(c.class("low_rate").unwrap().members, [1, 0]);
}

#[test]
fn typed_figures_fill_only_what_the_data_lacks() {
    let spec = installs();
    let typed = Typed {
        current: vec![
            ("installs".into(), Val::int(5554)),
            ("phones".into(), Val::int(18510)),
            // The file has scans: its own total wins over a typed one.
            ("scans".into(), Val::int(1)),
        ],
        previous: Some(TypedPeriod {
            date: Date::new(2021, 11, 5),
            totals: vec![
                ("scans".into(), Val::int(20)),
                ("installs".into(), Val::int(5386)),
            ],
        }),
        members: vec![("low_rate".into(), vec!["Xã Sơn Hà".into()])],
    };
    let d = read(&spec, "Xã,Lần truy cập\nXã A,2\nXã B,28\n");
    let c = compute_with(&d, &spec, &typed);
    assert_eq!(c.total("scans").map(|v| v.text(0)), Some("30".into()));
    assert_eq!(c.total("installs").map(|v| v.text(0)), Some("5.554".into()));
    // 5.554 / 18.510 = 30,005… %: the rate of the typed totals.
    assert_eq!(c.total("rate").map(|v| v.text(1)), Some("30,0".into()));
    // Changes against the typed previous report, dated.
    assert_eq!(
        c.baseline.as_ref().and_then(|b| b.date),
        Date::new(2021, 11, 5)
    );
    assert_eq!(c.change("scans").map(|v| v.text(0)), Some("10".into()));
    assert_eq!(c.change("installs").map(|v| v.text(0)), Some("168".into()));
    assert_eq!(c.change("phones"), None, "no typed previous phones");
    // No unit has a rate: the typed members stand for the class.
    let low = c.class("low_rate").unwrap();
    assert!(low.members.is_empty());
    assert_eq!(low.typed, ["Xã Sơn Hà"]);
    // A unit with a rate is judged by the rule, and the typed names go.
    let d = read(
        &spec,
        "Xã,Lần truy cập,Hồ sơ đạt,Hồ sơ nhận\nXã A,2,1,10\nXã B,28,9,10\n",
    );
    let c = compute_with(&d, &spec, &typed);
    assert_eq!(c.total("installs").map(|v| v.text(0)), Some("10".into()));
    let low = c.class("low_rate").unwrap();
    assert_eq!((low.members.clone(), low.typed.len()), (vec![0], 0));
    // A file's own previous period wins over a typed one.
    let two = "Ngày,Xã,Lần truy cập\n01/11/2021,Xã A,1\n01/11/2021,Xã B,1\n08/11/2021,Xã A,2\n08/11/2021,Xã B,28\n";
    let c = compute_with(&read(&spec, two), &spec, &typed);
    assert_eq!(c.change("scans").map(|v| v.text(0)), Some("28".into()));
}

#[test]
fn groups_have_their_own_totals_and_rates() {
    let spec = installs();
    let csv = "Huyện,Xã,Hồ sơ đạt,Hồ sơ nhận\n\
        Huyện A,Xã Một,1,4\nHuyện B,Xã Hai,3,3\nHuyện A,Xã Ba,2,4\n";
    let c = compute(&read(&spec, csv), &spec);
    let rate = c.index("rate").unwrap();
    let gs = groups(&c, &spec);
    let got: Vec<_> = gs
        .iter()
        .map(|g| (g.name.as_str(), g.units, g.totals[rate].map(|v| v.text(1))))
        .collect();
    // A: 3/8 = 37,5 %, from the group's totals (not the mean of 25 % and
    // 50 %); B: 100 %.
    assert_eq!(
        got,
        [
            ("Huyện A", 2, Some("37,5".to_string())),
            ("Huyện B", 1, Some("100,0".to_string()))
        ]
    );
    // A typed total the data has is checked, not used.
    let typed = Typed {
        current: vec![
            ("installs".into(), Val::int(7)),
            ("phones".into(), Val::int(11)),
        ],
        ..Typed::default()
    };
    let c = compute_with(&read(&spec, csv), &spec, &typed);
    assert_eq!(c.total("installs").map(|v| v.text(0)), Some("6".into()));
    let ds = discrepancies(&c, &typed);
    let d: Vec<_> = ds
        .iter()
        .map(|d| {
            (
                c.figures[d.figure].id.as_str(),
                d.typed.text(0),
                d.computed.text(0),
            )
        })
        .collect();
    assert_eq!(d, [("installs", "7".to_string(), "6".to_string())]);
}

/// Quotients and shares, by hand: 7 visits at 3 stalls is 2,3 a stall
/// (7/3 = 2,33…); over all, 10/4 = 2,5. A's 7 of 10 visits is 70,0 %, B's
/// 30,0 %, the total 100 %; a unit without visits has neither.
#[test]
fn quotients_and_shares_of_the_total() {
    let spec = ReportSpec {
        indicators: vec![
            ind("stalls", "quầy", Aggregate::Sum, 0),
            ind("visits", "khách", Aggregate::Sum, 0),
        ],
        measures: vec![
            measure(
                "per",
                Formula::Quotient {
                    num: "visits".into(),
                    den: "stalls".into(),
                },
                1,
            ),
            measure(
                "share",
                Formula::Share {
                    of: "visits".into(),
                },
                1,
            ),
        ],
        ..ReportSpec::default()
    };
    let csv = "Xã,Số quầy,Lượt khách\nXã A,3,7\nXã B,1,3\nXã C,0,\n";
    let c = compute(&read(&spec, csv), &spec);
    let unit = |i: usize, id: &str| {
        let k = c.index(id).unwrap();
        c.current.units[i].vals[k].map(|v| v.text(1))
    };
    assert_eq!(unit(0, "per").as_deref(), Some("2,3"));
    assert_eq!(unit(1, "per").as_deref(), Some("3,0"));
    assert_eq!(unit(2, "per"), None, "no visits, and no stall to divide by");
    assert_eq!(c.total("per").unwrap().text(1), "2,5");
    assert_eq!(unit(0, "share").as_deref(), Some("70,0"));
    assert_eq!(unit(1, "share").as_deref(), Some("30,0"));
    assert_eq!(unit(2, "share"), None);
    assert_eq!(c.total("share").unwrap().text(1), "100,0");
    let share = &c.figures[c.index("share").unwrap()];
    assert!(share.percent && !c.figures[c.index("per").unwrap()].percent);
}
