//! Writing the letter out as files the user downloads.
//!
//! [`docx::write`] lays a [`crate::letter::Letter`] out as a Word document
//! (Decree 30/2020 layout); the bytes are the same for the same letter.

pub mod docx;
pub mod report_table;
pub mod table;
