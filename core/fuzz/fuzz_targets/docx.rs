//! The .docx writer with hostile text everywhere a user can type: every
//! letter field, the profile's templates and labels, unit and district
//! names (as a file would bring them) and the typed-in figures. The package
//! must re-open, every part must be well-formed XML 1.0, and each
//! paragraph's text must come back out of document.xml as text (escaped,
//! never markup).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use thongbao_core::date::Date;
use thongbao_core::ingest::{Format, LineAccount, SourceReport};
use thongbao_core::letter::{self, LetterFields};
use thongbao_core::model::{Dataset, Indicator, Period, Unit, Values};
use thongbao_core::stats::{self, Manual, ManualPeriod, Settings};

#[derive(Arbitrary, Debug)]
struct Fields {
    issuer: String,
    issuer_short: String,
    issuer_full: String,
    area: String,
    area_word: String,
    number: String,
    symbol: String,
    place: String,
    issue_date: Option<(u16, u8, u8)>,
    data_date: Option<(u16, u8, u8)>,
    subject: String,
    recipients: String,
    reference: String,
    section1: Option<String>,
    section2: String,
    section3: String,
    authority: String,
    title: String,
    signer: String,
    noi_nhan: String,
    appendix_title: String,
}

#[derive(Arbitrary, Debug)]
struct Row {
    district: Option<String>,
    name: String,
    values: [Option<u64>; 5],
}

#[derive(Arbitrary, Debug)]
struct Input {
    fields: Fields,
    /// Replace the profile's templates (a profile is a JSON file users load).
    intro: Option<String>,
    section1_template: Option<String>,
    unit_label: Option<String>,
    district_label: Option<String>,
    /// Keep the seed letter's fields, only the data is hostile.
    seed_fields: bool,
    units: Vec<Row>,
    previous: Option<Vec<Row>>,
    prev_date: Option<(u16, u8, u8)>,
    /// The previous period compacted to its totals (long files).
    prev_totals: Option<[Option<u64>; 5]>,
    manual: [Option<u64>; 5],
    typed_rate: Option<String>,
    decimals: u8,
}

fn date(d: Option<(u16, u8, u8)>) -> Option<Date> {
    let (y, m, dd) = d?;
    Date::new(i32::from(y), m, dd)
}

fn values(v: &[Option<u64>; 5]) -> Values {
    let mut out = Values::default();
    for (i, x) in Indicator::ALL.into_iter().zip(v) {
        // What ingest can produce: whole numbers 0..=10^12.
        out.set(i, x.map(|x| (x % 1_000_000_000_001) as i64));
    }
    out
}

fn units(rows: &[Row]) -> Vec<Unit> {
    rows.iter()
        .take(64)
        .enumerate()
        .map(|(k, r)| Unit {
            line: k + 2,
            source: Some(0),
            district: r.district.clone(),
            name: r.name.clone(),
            values: values(&r.values),
            extra: Vec::new(),
        })
        .collect()
}

fuzz_target!(|input: Input| {
    let mut p = letter::covid_qr();
    let f = &input.fields;
    let fields = if input.seed_fields {
        p.fields.clone()
    } else {
        LetterFields {
            issuer: f.issuer.clone(),
            issuer_short: f.issuer_short.clone(),
            issuer_full: f.issuer_full.clone(),
            area: f.area.clone(),
            area_word: f.area_word.clone(),
            number: f.number.clone(),
            symbol: f.symbol.clone(),
            place: f.place.clone(),
            issue_date: date(f.issue_date),
            data_date: date(f.data_date),
            subject: f.subject.clone(),
            doc_type: if f.number.len() % 2 == 1 { "BÁO CÁO".into() } else { String::new() },
            recipients: f.recipients.clone(),
            reference: f.reference.clone(),
            section1: f.section1.clone(),
            section2: f.section2.clone(),
            section3: f.section3.clone(),
            authority: f.authority.clone(),
            title: f.title.clone(),
            signer: f.signer.clone(),
            noi_nhan: f.noi_nhan.clone(),
            appendix_title: f.appendix_title.clone(),
        }
    };
    if let Some(t) = &input.intro {
        p.intro = t.clone();
    }
    if let Some(t) = &input.section1_template {
        p.section1 = t.clone();
    }
    if let Some(t) = &input.unit_label {
        p.unit_label = t.clone();
    }
    if let Some(t) = &input.district_label {
        p.district_label = t.clone();
    }
    let report = SourceReport {
        file_name: "fuzz.csv".into(),
        format: Format::Text { delimiter: ',' },
        encoding: None,
        sheets: Vec::new(),
        sheet: None,
        header_line: 1,
        columns: Vec::new(),
        issues: Vec::new(),
        account: LineAccount::default(),
        legacy_converted: false,
        report: None,
    };
    let mut periods = Vec::new();
    if let Some(prev) = &input.previous {
        periods.push(Period {
            date: date(input.prev_date),
            units: units(prev),
            totals: input.prev_totals.as_ref().map(values),
        });
    }
    periods.push(Period {
        date: date(f.data_date),
        units: units(&input.units),
        totals: None,
    });
    periods.sort_by_key(|p| p.date);
    let d = Dataset {
        sources: vec![report],
        periods,
        extra_columns: Vec::new(),
    };
    let manual = Manual {
        current: values(&input.manual),
        previous: None::<ManualPeriod>,
        typed_rate: input.typed_rate.clone(),
        ..Manual::default()
    };
    let settings = Settings {
        decimals: input.decimals % 3,
        ..Settings::default()
    };
    let _ = stats::summarize(&d, &manual, &settings);
    let l = letter::covid_letter(&d, &manual, &settings, &fields, &p);
    thongbao_core_fuzz::write_and_check(&l);
});
