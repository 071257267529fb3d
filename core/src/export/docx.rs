//! TEMPORARY: replaced by the .docx writer.
pub const MIME: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
pub fn write(_l: &crate::letter::Letter) -> Vec<u8> {
    Vec::new()
}
