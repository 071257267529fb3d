//! One feature per file.
pub mod archive;
pub mod charts;
pub mod column_mapping;
pub mod dashboard;
pub mod embed_panel;
pub mod file_input;
pub mod json_file;
pub mod kept;
pub mod letter_form;
pub mod manual_figures;
pub mod notice;
pub mod profile_io;
pub mod row_issues;
pub mod saved_work;
pub mod settings;
pub mod source;
pub mod unit_table;
