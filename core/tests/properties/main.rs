//! Property tests of ingest and statistics.
//!
//! * Reading never panics, whatever the bytes and the file name.
//! * A generated table, written in every encoding, delimiter and number
//!   style (and as .xlsx), reads back to the same units.
//! * Statistics invariants: totals, changes, classes, ranks, rates.
//! * Every row of a file is accounted for.
//!
//! Case counts are kept modest so `cargo test` stays fast in debug builds.

use proptest::prelude::*;
use proptest::sample::select;
use thongbao_core::date::Date;
use thongbao_core::ingest::{self, Format, Severity};
use thongbao_core::model::{Dataset, Indicator, Period, Unit, Values};
use thongbao_core::office::{write_xlsx, XCell};
use thongbao_core::stats::{
    summarize, Manual, PrevSource, ScanClass, Settings, Summary, Thresholds,
};
use thongbao_core::text::{self, Encoding};

/// `cases` per property; `PROPTEST_CASES=n` in the environment overrides it
/// for a longer hunt.
pub(crate) fn config(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        // No regression files: failures are printed with their minimal input.
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

mod accounting;
mod exports;
mod never_panic;
mod numbers;
mod statistics;
mod tables;

use statistics::*;
use tables::*;
