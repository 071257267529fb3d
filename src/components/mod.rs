//! One feature per file.
pub mod charts;
pub mod column_mapping;
pub mod dashboard;
pub mod embed_blocked;
pub mod embed_credit;
pub mod embed_panel;
pub mod file_input;
pub mod json_file;
pub mod letter_form;
pub mod manual_figures;
pub mod notice;
pub mod profile_io;
pub mod row_issues;
pub mod saved_work;
pub mod settings;
pub mod source;
pub mod unit_table;
