//! Every ingest path: any bytes under any file name, with or without the
//! user's overrides (encoding, delimiter, sheet, column mapping). What reads
//! must account for every row, merge and compact, and go all the way to a
//! .docx that re-opens and is well-formed, and to an .xlsx table that reads
//! back.
//!
//! Input: byte 0 picks the file name (bits 0-2) and which overrides follow
//! (bit 3: one byte of encoding/delimiter/sheet; bit 4: a column mapping,
//! a count byte then one role byte per column); the rest is the file.
#![no_main]

use libfuzzer_sys::fuzz_target;
use thongbao_core::ingest::{read_with, ReadOptions, Role};
use thongbao_core::model::Dataset;
use thongbao_core::office::xml::check_well_formed;
use thongbao_core::office::{read_xlsx, Limits};
use thongbao_core::text::Encoding;
use thongbao_core::{chart, engine, export, letter, stats, Lang};

const NAMES: [&str; 8] = [
    "bang.csv",
    "bang.txt",
    "bang.xlsx",
    "bang.ods",
    "bang.xls",
    "bang.html",
    "bang",
    "quan-son-2021-11-12.csv",
];
const DELIMITERS: [Option<char>; 8] = [
    None,
    Some(','),
    Some(';'),
    Some('\t'),
    Some('|'),
    Some(' '),
    Some('"'),
    Some('\n'),
];

fn options(data: &[u8]) -> Option<(&'static str, ReadOptions, &[u8])> {
    let (&b0, mut bytes) = data.split_first()?;
    let name = NAMES[usize::from(b0 & 7)];
    let mut opts = ReadOptions::default();
    if b0 & 8 != 0 {
        let (&b1, rest) = bytes.split_first()?;
        bytes = rest;
        opts.encoding = Encoding::ALL.get(usize::from(b1 & 7)).copied();
        opts.delimiter = DELIMITERS[usize::from((b1 >> 3) & 7)];
        if b1 & 0x40 != 0 {
            opts.sheet = Some(usize::from(b1 >> 7));
        }
    }
    if b0 & 0x10 != 0 {
        let (&n, rest) = bytes.split_first()?;
        let n = usize::from(n % 12);
        let roles = rest.get(..n)?;
        opts.mapping = Some(
            roles
                .iter()
                .map(|&r| Role::ALL.get(usize::from(r % 12)).copied())
                .collect(),
        );
        bytes = &rest[n..];
    }
    Some((name, opts, bytes))
}

fuzz_target!(|data: &[u8]| {
    let Some((name, opts, bytes)) = options(data) else {
        return;
    };
    let d = match read_with(bytes, name, &opts) {
        Ok(d) => d,
        Err(e) => {
            let _ = (e.to_string(), e.message(Lang::En), e.file());
            return;
        }
    };
    assert!(!d.periods.is_empty(), "Ok without a period");
    for src in &d.sources {
        let a = &src.account;
        assert_eq!(
            a.units + a.totals + a.skipped + a.rejected,
            a.rows,
            "every row accounted for: {a:?}"
        );
        for i in &src.issues {
            let _ = (i.message(Lang::Vi), i.message(Lang::En));
        }
    }
    // Two files of the same table, kept small as a long file would be.
    let mut merged = Dataset::merge(vec![d.clone(), d.clone()]);
    merged.compact(1);
    let _ = stats::summarize(&merged, &Default::default(), &Default::default());

    let _ = stats::summarize(&d, &Default::default(), &Default::default());
    let p = letter::covid_qr();
    let l = letter::covid_letter(&d, &Default::default(), &Default::default(), &p.fields, &p);
    thongbao_core_fuzz::write_and_check(&l);

    // The report's table as .xlsx reads back; charts are well-formed SVG.
    let spec = letter::profile::covid_spec(&Default::default());
    let c = engine::compute(&d, &spec);
    let rows = export::report_table::report_table(&c, &spec, &p, Lang::Vi);
    let _ = export::table::to_csv(&rows);
    let xlsx = export::table::to_xlsx(&rows);
    read_xlsx(&xlsx, &Limits::default()).expect("exported .xlsx reads back");
    let trend = engine::trend(&d, &spec);
    for (_, _, chart) in chart::report_charts(&c, &spec, &trend, Lang::En) {
        check_well_formed(&chart.to_svg(), "chart.svg", 64).expect("chart SVG well-formed");
    }
});
