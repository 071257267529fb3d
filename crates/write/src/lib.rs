//! thongbao-write: the top layer. The letter as a document model with its
//! report profile and sentence templates (`letter`), the .docx and table
//! exports (`export`), the JSON summary for embedders (`report`), the
//! embed snippets (`embed`), the saved state (`saved`), the "Hồ sơ lưu"
//! record to file with a letter (`archive`) and the page's large HTML
//! (`html`, the report designer's form `designer`, a report's cards and
//! lists `report_dashboard`).
//!
//! Architecture invariant: may use every layer below; nothing depends on it
//! but the `thongbao-core` facade.

pub mod archive;
pub mod designer;
pub mod embed;
pub mod export;
pub mod html;
pub mod letter;
pub mod report;
pub mod report_dashboard;
pub mod saved;

pub use thongbao_compute::{chart, engine, history, stats};
pub use thongbao_model::json;
pub use thongbao_model::report as spec;
pub use thongbao_model::{
    date, decimal, escape, fastmap, format, model, source, text, JsonFault, JsonPlace, Lang,
    SAMPLE_CSV, SAMPLE_NAME,
};
pub use thongbao_read::{csv, html_table, ingest, office};
