use super::*;
use crate::date::Date;
use crate::report::*;
use crate::Lang;

fn read<T: FromJson>(s: &str) -> Result<T, Bad> {
    let v = parse_value(s).expect("test JSON is valid");
    T::from_json(&v)
}

/// Every variant of the report's enums, written by the derived
/// `Serialize` and read back by hand.
fn every_form() -> ReportSpec {
    let ind = |id: &str, kind: Kind, aggregate: Aggregate| IndicatorDef {
        id: id.into(),
        name: format!("Tên {id}"),
        name_en: format!("Name {id}"),
        headers: vec![id.into(), "chỉ tiêu".into()],
        not_headers: vec!["tỷ lệ".into()],
        kind,
        unit: "tài khoản".into(),
        aggregate,
        decimals: 2,
        change_of: Some("a".into()),
        role: None,
    };
    let class = |id: &str, rule: Rule| ClassDef {
        id: id.into(),
        name: id.into(),
        name_en: String::new(),
        of: "a".into(),
        rule,
        order: None,
    };
    ReportSpec {
        indicators: vec![
            ind("a", Kind::Count, Aggregate::Sum),
            ind("b", Kind::Amount, Aggregate::Mean),
            ind("c", Kind::Score { max: 18 }, Aggregate::None),
            ind(
                "d",
                Kind::Percent,
                Aggregate::WeightedMean { by: "a".into() },
            ),
        ],
        measures: vec![
            MeasureDef {
                id: "r".into(),
                name: "Tỷ lệ".into(),
                name_en: "Rate".into(),
                formula: Formula::Ratio {
                    num: "a".into(),
                    den: "b".into(),
                },
                decimals: 1,
                unit: String::new(),
            },
            MeasureDef {
                id: "s".into(),
                name: "Tổng".into(),
                name_en: String::new(),
                formula: Formula::Sum {
                    of: vec!["a".into(), "b".into()],
                },
                decimals: 2,
                unit: "điểm".into(),
            },
            MeasureDef {
                id: "k".into(),
                name: "Hạng".into(),
                name_en: String::new(),
                formula: Formula::Rank {
                    of: "s".into(),
                    within_group: true,
                },
                decimals: 0,
                unit: String::new(),
            },
        ],
        classes: vec![
            class("x1", Rule::AtLeast { value: 100.0 }),
            class("x2", Rule::Below { value: 10.5 }),
            class(
                "x3",
                Rule::Between {
                    min: 50.0,
                    max: Some(70.0),
                },
            ),
            class(
                "x4",
                Rule::Between {
                    min: 90.0,
                    max: None,
                },
            ),
            class("x5", Rule::Zero),
            class("x6", Rule::Missing),
            class("x7", Rule::AboveMean { percent: 60.0 }),
            class("x8", Rule::BelowMean { percent: 10.0 }),
            ClassDef {
                order: Some(crate::report::Order {
                    by: "a".into(),
                    desc: true,
                }),
                ..class("x9", Rule::BelowTotal { percent: 80.0 })
            },
        ],
        bands: Some(Bands {
            classes: vec!["x3".into(), "x4".into()],
            phrase: "{name} gồm {count}".into(),
            none: "không có {names}".into(),
        }),
        group_headers: vec!["nhóm".into()],
        unit_word: "địa phương".into(),
        baseline: Baseline::Date {
            date: Date {
                year: 2026,
                month: 3,
                day: 1,
            },
        },
        kpis: vec!["a".into(), "r".into()],
        chart: Some("r".into()),
        more_charts: vec!["a".into()],
        appendix: vec!["a".into(), "a.diff".into(), "band".into()],
        table: vec!["a".into(), "r".into()],
        hooks: vec![("r".into(), "install-rate".into())],
    }
}

#[test]
fn a_report_reads_back_what_serialize_wrote() {
    let spec = every_form();
    let text = spec.to_json_text();
    assert_eq!(read::<ReportSpec>(&text), Ok(spec.clone()));
    for b in [Baseline::Previous, Baseline::YearEarlier] {
        let t = b.to_json_text();
        assert_eq!(read::<Baseline>(&t), Ok(b));
    }
    let words = spec.header_words();
    let t = words.to_json_text();
    assert_eq!(read::<HeaderWords>(&t), Ok(words));
}

#[test]
fn absent_fields_take_the_defaults_the_types_declare() {
    let m: MeasureDef =
        read(r#"{"id":"r","name":"R","formula":{"ratio":{"num":"a","den":"b"}}}"#).expect("reads");
    assert_eq!(m.decimals, 1, "a measure's decimals default to 1");
    let i: IndicatorDef = read(r#"{"id":"a","name":"A","headers":["a"]}"#).expect("reads");
    assert_eq!(
        (i.kind, i.aggregate, i.decimals),
        (Kind::Count, Aggregate::Sum, 0)
    );
    assert_eq!(read::<ReportSpec>("{}"), Ok(ReportSpec::default()));
    // A unit variant also reads in its object form, as serde_json allows.
    assert_eq!(read::<Rule>(r#"{"zero":null}"#), Ok(Rule::Zero));
}

#[test]
fn faults_say_what_and_where() {
    let e = read::<ReportSpec>(
        r#"{"classes":[{"id":"a","name":"A","of":"x","rule":{"at_least":{}}}]}"#,
    )
    .expect_err("value is missing");
    assert_eq!(e.path, "classes[0].rule.at_least");
    assert_eq!(e.fault, Fault::Missing("value"));
    assert_eq!(
        e.message(Lang::Vi),
        "classes[0].rule.at_least: thiếu trường «value»"
    );
    assert_eq!(
        e.message(Lang::En),
        "classes[0].rule.at_least: missing field «value»"
    );
    let e = read::<ReportSpec>(r#"{"measures":[{"id":"a","name":"A","formula":"product"}]}"#)
        .expect_err("no such formula");
    assert_eq!(e.path, "measures[0].formula");
    assert_eq!(e.fault, Fault::Unknown("product".into()));
    let e = read::<IndicatorDef>(r#"{"id":"a","name":"A","headers":["a"],"decimals":300}"#)
        .expect_err("u8");
    assert_eq!((e.path.as_str(), e.fault), ("decimals", Fault::OutOfRange));
    let e = read::<IndicatorDef>(r#"{"id":"a","name":"A","headers":"a"}"#).expect_err("list");
    assert_eq!(e.message(Lang::En), "headers: expected a list [ ]");
    assert_eq!(
        read::<Date>(r#"{"year":2026,"month":-1,"day":1}"#).map_err(|e| e.fault),
        Err(Fault::OutOfRange)
    );
}

#[test]
fn small_types() {
    assert_eq!(read::<char>(r#"";""#), Ok(';'));
    assert!(read::<char>(r#""ab""#).is_err());
    assert_eq!(
        read::<[Option<i64>; 3]>("[1,null,-2]"),
        Ok([Some(1), None, Some(-2)])
    );
    assert!(read::<[u8; 2]>("[1,2,3]").is_err());
    assert_eq!(
        read::<(String, u32)>(r#"["a",7]"#),
        Ok(("a".to_string(), 7))
    );
    assert_eq!(read::<Lang>(r#""vn""#), Ok(Lang::Vi));
    assert_eq!(read::<Lang>(r#""En""#), Ok(Lang::En));
    assert_eq!(
        read::<u64>("1.5").map_err(|e| e.fault),
        Err(Fault::Expected(Shape::WholeNumber))
    );
    assert_eq!(read::<f64>("7"), Ok(7.0));
    assert_eq!(
        parse::<u8>("[1,").map_err(|e| matches!(e, JsonError::Syntax(_))),
        Err(true)
    );
}
