//! The values whose JSON forms are kept: the saved work, stored data,
//! backups, history, read options, the worker's answers, profiles, the
//! archive's manifest and the embed summaries — built from the app's own
//! sample files and a file with every kind of row issue.
use thongbao_core::archive::{self, Meta, Total};
use thongbao_core::date::Date;
use thongbao_core::ingest::{
    self, header, job, FetchFault, IngestError, ReadOptions, ReportHeaders,
};
use thongbao_core::letter::profile::{self, Profile};
use thongbao_core::saved::{Backup, Saved, StoredData};
use thongbao_core::{engine, history, report, stats, JsonFault, JsonPlace};

/// A CSV with a district column, a total row, typed rates, bad cells and a
/// duplicate: most row issues and roles at once.
const ISSUES_CSV: &str = "BÁO CÁO NGÀY 16/11/2021\n\
STT,Huyện,Xã,Số địa điểm,Lượt quét,Số máy cài PC-Covid,Số điện thoại thông minh,Tỷ lệ cài đặt,Ghi chú\n\
1,Quan Sơn,Xã Trung Hạ,10,\"1.234\",50,100,\"50,0%\",a \"quoted\" note\n\
2,Quan Sơn,Xã Sơn Hà,abc,12,300,200,\"10,0%\",\n\
3,Quan Sơn,Xã Trung Hạ,5,7,1,2,\"50,0%\",tab\there\n\
4,Quan Sơn,,1,2,3,4,,\n\
5,Mường Lát,Xã Tam Chung,-3,\"1,5\",10,20,,\\back\\slash\n\
,,Tổng cộng,99,999,361,322,,\n";

fn sample() -> thongbao_core::model::Dataset {
    ingest::read(
        thongbao_core::SAMPLE_CSV.as_bytes(),
        thongbao_core::SAMPLE_NAME,
    )
    .expect("sample")
}

fn issues() -> thongbao_core::model::Dataset {
    ingest::read(ISSUES_CSV.as_bytes(), "so-lieu \"loi\".csv").expect("reads with issues")
}

pub fn forms() -> Vec<(&'static str, String)> {
    let de_an = Profile::from_json(profile::DE_AN_06_JSON).expect("built-in");
    let chi_so = Profile::from_json(profile::CHI_SO_766_JSON).expect("built-in");
    let (name, csv) = profile::sample_of("de-an-06").expect("sample");
    let spec = de_an.report.clone().expect("a report");
    let opts = ReadOptions {
        encoding: Some(thongbao_core::text::Encoding::Tcvn3),
        delimiter: Some(';'),
        sheet: Some(2),
        mapping: Some(vec![
            Some(ingest::Role::Unit),
            None,
            Some(ingest::Role::Count(thongbao_core::model::Indicator::Scans)),
        ]),
        reports: vec![ReportHeaders {
            id: "de-an-06".into(),
            words: spec.header_words(),
        }],
        active_report: Some("de-an-06".into()),
    };
    let de_an_data =
        ingest::read_with(csv.as_bytes(), name, &opts_for(&spec)).expect("de an 06 sample");
    let mut work = Saved::default();
    work.fields.number = "2100".into();
    work.fields.section1 = Some("Đoạn do văn thư viết: \"trích dẫn\", dòng\nmới.".into());
    work.fields.issue_date = Date::new(2021, 11, 16);
    work.manual.typed_rate = Some("30,1%".into());
    work.dataset = Some(issues());
    work.profile = Some(chi_so.clone());
    let hist = history::snapshots(&sample(), "huyện Quan Sơn");
    let backup = Backup {
        kind: String::new(),
        saved: work.clone(),
        history: hist.clone(),
    };
    let errors: Vec<IngestError> = vec![
        IngestError::Empty {
            file: "a.csv".into(),
        },
        IngestError::Fetch {
            file: "u".into(),
            fault: FetchFault::Status {
                code: 404,
                text: "Not Found".into(),
            },
        },
        IngestError::Internal {
            file: "w".into(),
            place: JsonPlace {
                line: 3,
                column: 14,
                fault: JsonFault::Eof,
            },
        },
    ];
    let covid = thongbao_core::letter::profile::covid_spec(&stats::Settings::default());
    let covid_figures = engine::compute_with(
        &sample(),
        &covid,
        &thongbao_core::letter::sample_manual().typed(),
    );
    let computed = engine::compute(&de_an_data, &spec);
    let meta = Meta {
        app_version: "0.1.0".into(),
        made: "2021-11-16T09:30:00+07:00".into(),
        report_date: Date::new(2021, 11, 16),
        read_options: opts.clone(),
        totals: vec![
            Total {
                id: "scans".into(),
                label: "Lượt quét".into(),
                shown: "4.336".into(),
                value: 4336,
                decimals: 0,
            },
            Total {
                id: "install-rate".into(),
                label: "Tỷ lệ".into(),
                shown: "30,0%".into(),
                value: 300,
                decimals: 1,
            },
        ],
        letter_name: "cong-van-2100.docx".into(),
        table_name: "so-lieu.xlsx".into(),
    };
    let zip = archive::build(
        &[(
            "quan-son.csv".into(),
            thongbao_core::SAMPLE_CSV.as_bytes().to_vec(),
        )],
        b"PK docx",
        b"PK xlsx",
        &de_an.to_json(),
        &work.to_json(),
        &meta,
    );
    let entries = thongbao_core::office::read_zip(&zip, &Default::default()).expect("zip");
    let manifest = entries
        .iter()
        .find(|(n, _)| n == archive::MANIFEST)
        .expect("manifest");
    let mut out = vec![
        ("saved-default", Saved::default().to_json()),
        ("saved-work", work.to_json()),
        (
            "stored-data",
            StoredData::new("id-1".into(), &issues(), true).to_json(),
        ),
        (
            "stored-data-named",
            StoredData::new("id-2".into(), &issues(), false).to_json(),
        ),
        ("backup", backup.to_json()),
        ("snapshot", hist[0].to_json()),
        ("read-options", opts.to_json()),
        ("read-options-default", ReadOptions::default().to_json()),
        ("job-ok", job::to_json(&Ok(issues()))),
        ("job-de-an-06", job::to_json(&Ok(de_an_data.clone()))),
        ("profile-covid", thongbao_core::letter::covid_qr().to_json()),
        ("profile-de-an-06", de_an.to_json()),
        ("profile-chi-so-766", chi_so.to_json()),
        (
            "profile-list",
            profile::list_to_json(&[de_an.clone(), chi_so.clone()]),
        ),
        (
            "mapping",
            header::mapping_to_json(&[Some(ingest::Role::Unit), None, Some(ingest::Role::Rate)]),
        ),
        (
            "manifest",
            String::from_utf8(manifest.1.clone()).expect("utf-8"),
        ),
        (
            "summary-covid",
            report::report_summary(&covid_figures, &covid, "covid-qr-pccovid", "quan-son.csv")
                .to_json(),
        ),
        (
            "summary-de-an-06",
            report::report_summary(&computed, &spec, "de-an-06", name).to_json(),
        ),
    ];
    for (i, e) in errors.iter().enumerate() {
        out.push((
            ["job-err-empty", "job-err-fetch", "job-err-internal"][i],
            job::to_json(&Err(e.clone())),
        ));
    }
    out
}

fn opts_for(spec: &thongbao_core::spec::ReportSpec) -> ReadOptions {
    ReadOptions {
        reports: vec![ReportHeaders {
            id: "de-an-06".into(),
            words: spec.header_words(),
        }],
        active_report: Some("de-an-06".into()),
        ..ReadOptions::default()
    }
}
