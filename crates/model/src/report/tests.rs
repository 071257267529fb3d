use super::*;

fn ind(id: &str, headers: &[&str]) -> IndicatorDef {
    IndicatorDef {
        id: id.into(),
        name: id.into(),
        name_en: String::new(),
        headers: headers.iter().map(|s| s.to_string()).collect(),
        not_headers: vec!["tỷ lệ".into()],
        kind: Kind::Count,
        unit: String::new(),
        aggregate: Aggregate::Sum,
        decimals: 0,
        change_of: None,
        role: None,
    }
}

#[test]
fn headers_match_by_folded_words_in_any_spelling() {
    let spec = ReportSpec {
        indicators: vec![
            ind("residents", &["thường trú"]),
            ind("target", &["chỉ tiêu"]),
            ind("accounts", &["kích hoạt", "tài khoản"]),
        ],
        ..ReportSpec::default()
    };
    let h: Vec<String> = [
        "STT",
        "Đơn vị",
        "CONG DAN THUONG TRU",
        "Chỉ tiêu giao",
        "Số tài khoản đã kích hoạt mức 2",
        "Tỷ lệ so với chỉ tiêu (%)",
    ]
    .map(String::from)
    .to_vec();
    assert_eq!(
        spec.match_columns(&h),
        [None, None, Some(0), Some(1), Some(2), None]
    );
    assert_eq!(spec.fit(&h), 3);
    // "trú" alone is not the phrase "thường trú"; words, not substrings.
    assert_eq!(spec.fit(&["Tạm trú".to_string()]), 0);
    assert_eq!(spec.fit(&["Chỉ tiêuxyz".to_string()]), 0);
}

#[test]
fn a_definition_from_a_files_columns_fits_that_file() {
    let h: Vec<String> = ["Số hồ sơ tiếp nhận", "Đã giải quyết", "Quá hạn", ""]
        .map(String::from)
        .to_vec();
    let spec = ReportSpec::from_columns(&h);
    let ids: Vec<&str> = spec.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["so_ho_so_tiep_nhan", "da_giai_quyet", "qua_han"]);
    assert_eq!(spec.fit(&h), 3);
    assert!(spec.problems().is_empty(), "{:?}", spec.problems());
}

#[test]
fn problems_name_what_is_wrong() {
    let mut spec = ReportSpec {
        indicators: vec![ind("a", &["a"]), ind("a", &["b"]), ind("Bad id", &[""])],
        ..ReportSpec::default()
    };
    spec.measures.push(MeasureDef {
        id: "r".into(),
        name: "r".into(),
        name_en: String::new(),
        formula: Formula::Ratio {
            num: "a".into(),
            den: "nothing".into(),
        },
        decimals: 1,
        unit: String::new(),
    });
    let p = spec.problems();
    assert!(p.contains(&SpecProblem::Twice("a".into())));
    assert!(p.contains(&SpecProblem::BadId("Bad id".into())));
    assert!(p.contains(&SpecProblem::NoHeaders("Bad id".into())));
    assert!(p.contains(&SpecProblem::Unknown("nothing".into())));
    for x in &p {
        assert!(!x.message(crate::Lang::Vi).is_empty());
        assert!(!x.message(crate::Lang::En).is_empty());
    }
}
