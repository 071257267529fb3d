//! One feature per file.
pub mod dashboard;
pub mod file_input;
pub mod notice;
pub mod row_issues;
pub mod source;
pub mod unit_table;
