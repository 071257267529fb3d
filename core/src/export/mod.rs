//! Files written from the model: the letter (.docx), the table (.csv, .xlsx).
pub mod docx;
