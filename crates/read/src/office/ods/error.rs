//! Why an .ods spreadsheet (or one of its tables) could not be read.

use crate::office::xlsx::error::{encrypted, no_sheets};
use crate::office::{LimitError, XmlError, ZipError};
use crate::Lang;

#[derive(Clone, Debug, PartialEq, thiserror::Error)]
#[error("{}", self.message(Lang::Vi))]
pub enum OdsError {
    /// The zip package (`content.xml` missing included).
    Zip(#[from] ZipError),
    /// `content.xml` is not well-formed XML (in the part a table needs).
    Xml(#[from] XmlError),
    /// A table past the limits.
    Limit(#[from] LimitError),
    NoSheets,
    /// Protected with a password (the manifest describes its encryption).
    Encrypted,
}

impl OdsError {
    /// The message in the page's language.
    pub fn message(&self, lang: Lang) -> String {
        match self {
            OdsError::Zip(e) => e.message(lang),
            OdsError::Xml(e) => e.message(lang),
            OdsError::Limit(e) => e.message(lang),
            OdsError::NoSheets => no_sheets(lang),
            OdsError::Encrypted => encrypted(lang),
        }
    }
}
