//! thongbao-read: bytes to a [`model::Dataset`]. Text decoding and
//! delimited text (`csv`), workbooks (`office`: zip, XML, .xlsx, .ods,
//! .xls), pasted HTML tables (`html_table`) and the one entry for every
//! file (`ingest`).
//!
//! Architecture invariant: depends only on the model and text crates;
//! nothing here knows statistics, the letter or the page.

pub mod csv;
pub mod html_table;
pub mod ingest;
pub mod office;

pub use thongbao_model::{
    date, decimal, escape, fastmap, format, json, model, source, text, JsonFault, JsonPlace, Lang,
    SAMPLE_CSV, SAMPLE_NAME,
};
